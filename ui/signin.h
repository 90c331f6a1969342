/* signin.h — who is at the keyboard: choose your name and type your PIN.
 * The same screen is the lock after idle minutes: it hides what was on
 * the screen until someone signs in, and then work goes on where it was. */
#ifndef BB_SIGNIN_H
#define BB_SIGNIN_H

#include <stdbool.h>

#include "screen.h"

struct app;

extern const struct screen_ops signin_screen;
/* Locks now (or asks who is there at start). */
void signin_lock(struct app *app);
/* Whether the lock is on (the PIN prompt over it included). */
bool signin_is_locked(struct app *app);

#endif
