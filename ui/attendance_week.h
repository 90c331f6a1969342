/* attendance_week.h — attendance (home key 4). Opening it lands on today's
 * session when there is exactly one; otherwise it shows the sessions of
 * the week, today's first in view, to pick from. Earlier weeks are one
 * key away, to catch up on a paper list. */
#ifndef BB_ATTENDANCE_WEEK_H
#define BB_ATTENDANCE_WEEK_H

#include "screen.h"

struct app;


/* What home key 4 does. */
void attendance_open(struct app *app);

#endif
