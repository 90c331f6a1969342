/* attendance_roll.h — the roll list of one session: everyone enrolled in
 * Danish name order with last time's mark, one key per person (m came,
 * a sent notice, u did not come, each moving to the next line), f for
 * "came accompanied", walk-ins, the session's details and a summary
 * line. Every mark is committed the moment its key is pressed. */
#ifndef BB_ATTENDANCE_ROLL_H
#define BB_ATTENDANCE_ROLL_H

#include "screen.h"

struct app;

/* Opens the roll list of a session (it must exist). */
struct attendance_roll_args {
	long long session_id;
	/* Where to say which session the list shows when < or > move it to
	 * another (the week goes to that session's week on return); the
	 * caller's, below the list on the stack. NULL: nobody asks. */
	long long *shown;
};
void attendance_roll_open(struct app *app, const struct attendance_roll_args *args);

#endif
