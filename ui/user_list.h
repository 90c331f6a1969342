/* user_list.h — the coordinator's list of desk users: add, new PIN, make
 * inactive or active again. Users are never deleted: the log names them. */
#ifndef BB_USER_LIST_H
#define BB_USER_LIST_H

#include "screen.h"

struct app;

extern const struct screen_ops users_screen;
void users_open(struct app *app);

#endif
