/* attendance_session.h — one session's own details: its date and times
 * (moved), who led it, which volunteers helped, a short note, and
 * cancelling it with a reason (a holiday, illness) or reopening it. */
#ifndef BB_ATTENDANCE_SESSION_H
#define BB_ATTENDANCE_SESSION_H

#include "model_attendance.h"
#include "screen.h"

struct app;

/* The details form of a session. */
struct attendance_session_args {
	long long session_id;
};
void attendance_session_open(struct app *app, const struct attendance_session_args *args);

/* Cancelling or reopening a session from a list: the asking screen keeps
 * one of these in its state while the question is open, and hears
 * through `changed` when the session changed. */
struct session_cancel {
	void (*changed)(struct app *app, void *ctx);
	void *ctx;
	struct session_info session;
	char day[64];
};

/* Cancels the session (asking for the reason) or, when it is cancelled,
 * reopens it (asking first). Tells the desk the outcome on the status
 * line. */
void attendance_session_toggle_cancel(struct app *app, struct session_cancel *job, long long session_id);

#endif
