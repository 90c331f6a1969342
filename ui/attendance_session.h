/* attendance_session.h — one session's own details: its date and times
 * (moved), who led it, which volunteers helped, a short note, and
 * cancelling it with a reason (a holiday, illness) or reopening it. */
#ifndef BB_ATTENDANCE_SESSION_H
#define BB_ATTENDANCE_SESSION_H

#include "screen.h"

struct app;

extern const struct screen_ops attendance_session_screen;

/* The details form of a session. */
void attendance_session_open_details(struct app *app, long long session_id);

/* Cancels the session (asking for the reason) or, when it is cancelled,
 * reopens it (asking first). Tells the desk the outcome on the status
 * line; returns true when something changed. */
bool attendance_session_toggle_cancel(struct app *app, long long session_id);

#endif
