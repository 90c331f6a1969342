/* app.h — what every screen may use: the database, who is at the
 * keyboard, the screen stack and the status line. */
#ifndef BB_APP_H
#define BB_APP_H

#include <stdbool.h>

#include "db.h"
#include "screen.h"
#include "store_settings.h"

enum { APP_MAX_SCREENS = 16, APP_STATUS_MAX = 512 };

enum status_kind { STATUS_INFO, STATUS_ERROR };

struct app {
	struct db *db;
	const char *db_path;
	db_user_id user;              /* 0: nobody signed in (no users made yet) */
	char user_name[484];
	bool coordinator;             /* may change settings and users */
	bool users_exist;             /* then signing in with a PIN is required */
	int idle_lock_minutes;
	double last_key_at;           /* term_seconds() of the last key */
	struct screen stack[APP_MAX_SCREENS];
	int depth;
	bool quit;
	int exit_status;
	char status[APP_STATUS_MAX];
	enum status_kind status_kind;
};

/* Pushes a new screen; false (with a status message) if it cannot start. */
bool app_push(struct app *app, const struct screen_ops *ops);
void app_pop(struct app *app);
struct screen *app_top(struct app *app);
/* The top screen's state if it is an `ops` screen, else NULL: how a
 * screen is told, once the one above it is gone, that what it shows
 * has changed. */
void *app_top_state(struct app *app, const struct screen_ops *ops);
/* The .leave of a screen whose state is one block from calloc. */
void app_free_state(struct screen *s, struct app *app);

void app_status(struct app *app, enum status_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reports a failed database call in words. */
void app_status_db(struct app *app, enum db_status st);

/* What happens to a key no screen handled: help, redraw, back. */
unsigned app_default_key(struct app *app, ui_key key);

/* The body area for the current terminal size. */
struct area app_body_area(void);
/* Re-reads whether users exist and the idle-lock minutes. */
void app_load_access(struct app *app);
/* True (and a message) unless a coordinator is signed in or no users
 * exist yet, when everyone may set the centre up. */
bool app_require_coordinator(struct app *app);

/* Draws everything (frame and top screen) without waiting for a key. */
void app_redraw(struct app *app);

/* Smallest window the screens are laid out for. */
enum { APP_MIN_COLS = 40, APP_MIN_ROWS = 12 };

#endif
