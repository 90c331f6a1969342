/* app.h — what every screen may use: the desk (who acts, on which
 * database), the screen stack and the status line. */
#ifndef BB_APP_H
#define BB_APP_H

#include <stdbool.h>

#include "daily.h"
#include "desk.h"
#include "model_status.h"
#include "screen.h"

/* The top APP_LOCK_ROOM places of the stack are kept for the lock and
 * the PIN prompt and help over it: however deep the screens go, the
 * desk can always be locked. */
enum { APP_MAX_SCREENS = 24, APP_LOCK_ROOM = 3, APP_STATUS_MAX = 512 };

enum status_kind { STATUS_INFO, STATUS_ERROR };

struct app {
	struct desk desk;             /* who is signed in; every use case gets it */
	const char *db_path;
	int idle_lock_minutes;
	double last_key_at;           /* term_seconds() of the last key */
	struct screen stack[APP_MAX_SCREENS];
	int depth;
	bool quit;
	int exit_status;
	char status[APP_STATUS_MAX];
	enum status_kind status_kind;
	struct daily_work daily;      /* the rules run at start, while idle */
};

/* Pushes a new screen with its args; false (with a status message) if it
 * cannot start. */
bool app_push(struct app *app, const struct screen_ops *ops, const void *args);
/* Whether a screen that locks the desk is open (under a prompt too). */
bool app_locked(const struct app *app);
/* Closes the top screen; the one below is told to reload (.resume). */
void app_pop(struct app *app);
/* Closes every screen above the bottom one (home), each keeping its
 * unsaved work as a draft; app_resume_top then reloads home. */
void app_unwind(struct app *app);
void app_resume_top(struct app *app);
struct screen *app_top(struct app *app);
/* The .leave of a screen whose state is one block from calloc. */
void app_free_state(struct screen *s, struct app *app);

void app_status(struct app *app, enum status_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reports a failed use case in words. */
void app_status_db(struct app *app, enum db_status st);

/* Whether a key waits: what stops the work done while the desk idles
 * (daily_step_unless, attendance_rehearse_mark). */
bool app_key_waiting(void *ctx);
/* Whether the top screen is taking letters as text now; `key` (0: any)
 * asks about that key (screen_ops.typing). */
bool app_typing(struct app *app, ui_key key);
/* Opens help about the top screen, or closes help when it is on top. */
unsigned app_toggle_help(struct app *app);

/* What happens to a key no screen handled: help, redraw, back. */
unsigned app_default_key(struct app *app, ui_key key);

/* The body area for the current terminal size, between the title (and a
 * damaged database's banner) and the status line and key hints, which
 * take more rows for a long message (ui.c). */
struct area app_body_area(struct app *app);
/* Re-reads whether users exist and the idle-lock minutes; on a failed
 * read both stay as they were. */
enum db_status app_load_access(struct app *app);

/* Draws everything (frame and top screen) without waiting for a key. */
void app_redraw(struct app *app);

/* Smallest window the screens are laid out for. */
enum { APP_MIN_COLS = 40, APP_MIN_ROWS = 12 };

#endif
