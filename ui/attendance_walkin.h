/* attendance_walkin.h — adding someone who came without being on the
 * roll list: search as you type among all citizens and add them (and, if
 * they want, enrol them), or register a new person with just a name and
 * a phone number, flagged for the first conversation. */
#ifndef BB_ATTENDANCE_WALKIN_H
#define BB_ATTENDANCE_WALKIN_H

#include "screen.h"

struct app;

/* `added` (may be NULL) hears who was added, before the walk-in screens
 * close, so the roll list below can put its cursor there. */
struct attendance_walkin_args {
	long long session_id;
	void (*added)(struct app *app, void *ctx, long long citizen_id);
	void *ctx;
};
void attendance_walkin_open(struct app *app, const struct attendance_walkin_args *args);

#endif
