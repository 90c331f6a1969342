/* screen.h — every screen is a module behind one set of operations.
 * A screen draws only inside the body area it is given and says, by its
 * return value, what must be redrawn.
 *
 * Screens are opened with X_open(app, &(struct X_args){ ... }): the args
 * reach .enter, which copies what it needs into the screen's own state.
 * Dialogs, pickers and prompts are screens too (.overlay), so the one
 * main loop reads every key, and the idle lock, a resize or a stop signal
 * reach the program whatever is open. */
#ifndef BB_SCREEN_H
#define BB_SCREEN_H

#include <curses.h>
#include <stdbool.h>

#include "action.h"
#include "keys.h"

struct app;
struct screen;

enum redraw {
	RD_NONE = 0,
	RD_BODY = 1 << 0,   /* the screen's own area */
	RD_STATUS = 1 << 1, /* status message and hint line */
	RD_ALL = RD_BODY | RD_STATUS,
};

/* The area a screen may draw in: rows between title and status lines. */
struct area {
	int top, left, rows, cols;
};

struct screen_ops {
	const char *name;                  /* N_(): shown in the title bar */
	const char *help;                  /* N_(): a paragraph for help */
	const struct action *actions;      /* ends with ACT_NONE */
	/* The keys as they act now, when the screen's state changes what
	 * they do (the lock when nobody can sign in): the hint line and the
	 * dispatcher read these. NULL: always `actions`. */
	const struct action *(*actions_now)(const struct screen *s, const struct app *app);
	/* Drawn over the screen below it (dialogs), not instead of it. */
	bool overlay;
	/* The lock over the desk (sign-in): it, and what is opened over
	 * it, always find room on the stack (app_push). */
	bool locks;
	/* A form for typing something to save: on a damaged database, which
	 * saves nothing, it does not open (app_push says why), so nobody
	 * types a whole intake for nothing. */
	bool writes;
	/* Loads what the screen shows; false (with a status message) if it
	 * cannot open. `args` is the screen's own X_args, or NULL. */
	bool (*enter)(struct screen *s, struct app *app, const void *args);
	/* Only draws, from the state: never reads the database. */
	void (*draw)(struct screen *s, struct app *app, const struct area *a);
	/* Gets every key; returns RD_* flags. Keys it does not want it
	 * hands to app_default_key(). */
	unsigned (*on_key)(struct screen *s, struct app *app, ui_key key);
	void (*resize)(struct screen *s, struct app *app, const struct area *a);
	/* On top again after the screen above it closed: reloads what that
	 * screen may have changed. Returns RD_* flags. */
	unsigned (*resume)(struct screen *s, struct app *app);
	/* Another desk committed a change meanwhile: read again what is
	 * shown, keep the cursor, and mark what changed. Returns RD_* flags. */
	unsigned (*others_changed)(struct screen *s, struct app *app);
	/* Whether letters are text right now (a text field, a search being
	 * typed): then ? and Space are typed, not keys. `key` (0: any) asks
	 * about that key: a ? typed in a date is help. NULL: never. */
	bool (*typing)(struct screen *s, ui_key key);
	/* No key waits and the database's upkeep is done: one short piece of
	 * the screen's own work ahead (the roll list rehearses its marks);
	 * true while another is due. NULL: none. */
	bool (*idle)(struct screen *s, struct app *app);
	/* Closes; keeps unsaved typing as a draft for the person signed in. */
	void (*leave)(struct screen *s, struct app *app);
};

struct screen {
	const struct screen_ops *ops;
	void *state;
};

static inline const struct action *screen_actions(const struct screen *s, const struct app *app)
{
	return !s ? NULL : s->ops->actions_now ? s->ops->actions_now(s, app) : s->ops->actions;
}

#endif
