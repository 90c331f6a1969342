/* attendance_history.h — the attendance of one activity over the last
 * weeks as a grid: names down, weeks across, one mark per cell, the
 * newest week on the right. It fits 80×24 and scrolls both ways. */
#ifndef BB_ATTENDANCE_HISTORY_H
#define BB_ATTENDANCE_HISTORY_H

#include "model_attendance.h"
#include "screen.h"

struct app;

/* The grid of the activity's sessions up to and including `until` (ISO). */
struct attendance_history_args {
	long long activity_id;
	char until[ATT_DATE];
};
void attendance_history_open(struct app *app, const struct attendance_history_args *args);

#endif
