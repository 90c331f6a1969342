/* attendance_walkin.h — adding someone who came without being on the
 * roll list: search as you type among all citizens and add them (and, if
 * they want, enrol them), or register a new person with just a name and
 * a phone number, flagged for the first conversation. */
#ifndef BB_ATTENDANCE_WALKIN_H
#define BB_ATTENDANCE_WALKIN_H

#include "screen.h"

struct app;

extern const struct screen_ops attendance_walkin_screen;
extern const struct screen_ops attendance_newperson_screen;

void attendance_walkin_open(struct app *app, long long session_id);

#endif
