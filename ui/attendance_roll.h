/* store_attendance_roll.h — the roll list of one session: everyone enrolled in
 * Danish name order with last time's mark, one key per person (m came,
 * a sent notice, u did not come, each moving to the next line), f for
 * "came accompanied", walk-ins, the session's details and a summary
 * line. Every mark is committed the moment its key is pressed. */
#ifndef BB_ATTENDANCE_ROLL_H
#define BB_ATTENDANCE_ROLL_H

#include "screen.h"

struct app;

extern const struct screen_ops attendance_roll_screen;

/* Opens the roll list of a session (it must exist). */
void attendance_roll_open(struct app *app, long long session_id);

/* After a walk-in was added from a screen above the roll list: the list
 * is read again when it shows, with the cursor on this citizen. */
void attendance_roll_select(struct app *app, long long citizen_id);

#endif
