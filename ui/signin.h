/* signin.h — who is at the keyboard: choose your name and type your PIN.
 * The same screen is the lock after idle minutes: it hides what was on
 * the screen until someone signs in, and then work goes on where it was. */
#ifndef BB_SIGNIN_H
#define BB_SIGNIN_H

#include <stdbool.h>

#include "screen.h"
#include "users.h"

struct app;

extern const struct screen_ops signin_screen;
/* Locks now (or asks who is there at start). The lock always opens:
 * it has room kept on the stack, and a failed read of the users keeps
 * it shut, saying so, until a try with Enter reads them. */
void signin_lock(struct app *app);
/* Says on the status line why a PIN was refused: a wrong one with a wait
 * after it, a try during the wait, the lock. False (nothing said) for a
 * wrong PIN that may be tried again at once, and for SIGNED_IN. */
bool signin_say_refused(struct app *app, enum sign_in_result result, long wait);

#endif
