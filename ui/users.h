/* users.h — the coordinator's list of desk users: add, new PIN, make
 * inactive or active again. Users are never deleted: the log names them. */
#ifndef BB_USERS_H
#define BB_USERS_H

#include "screen.h"

extern const struct screen_ops users_screen;

#endif
