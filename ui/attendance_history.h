/* store_attendance_history.h — the attendance of one activity over the last
 * weeks as a grid: names down, weeks across, one mark per cell, the
 * newest week on the right. It fits 80×24 and scrolls both ways. */
#ifndef BB_ATTENDANCE_HISTORY_H
#define BB_ATTENDANCE_HISTORY_H

#include "screen.h"

struct app;

extern const struct screen_ops attendance_history_screen;

/* The grid of the activity's sessions up to and including `until` (ISO). */
void attendance_history_open(struct app *app, long long activity_id, const char *until);

#endif
