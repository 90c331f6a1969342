/* user_list.h — the coordinator's list of desk users: add, new PIN, make
 * inactive or active again. Users are never deleted: the log names them. */
#ifndef BB_USER_LIST_H
#define BB_USER_LIST_H

#include "model_limits.h"
#include "pin.h"
#include "screen.h"

struct app;

extern const struct screen_ops users_screen;
void users_open(struct app *app);
/* Why a new PIN is refused, in words (empty for PIN_OK): the whole
 * message, and the reason alone, for asking again. */
const char *pin_weakness_text(enum pin_weakness why);
const char *pin_weakness_reason(enum pin_weakness why);
/* The person signed in changes their own PIN (home key p): the old PIN,
 * the new one twice. The asking screen keeps the job in its state. */
struct own_pin_job {
	char old_pin[PIN_MAX_DIGITS + 1];
	char new_pin[PIN_MAX_DIGITS + 1];
};
void users_change_own_pin_ask(struct app *app, struct own_pin_job *job);

#endif
