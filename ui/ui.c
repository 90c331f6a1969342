/* ui.c — the main loop: read a key, let the top screen handle it, redraw
 * what it says. Frame: title on top, status and key hints at the bottom. */
#include "ui.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "draw.h"
#include "home.h"
#include "signin.h"
#include "i18n.h"
#include "term.h"
#include "utf8.h"

static bool too_small(void)
{
	return COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS;
}

static void draw_title(struct app *app)
{
	struct screen *s = app_top(app);
	draw_blank(0, 0, COLS, A_REVERSE);
	char left[256];
	if (s && s->ops != &home_screen)
		snprintf(left, sizeof left, " Brobygger · %s", _(s->ops->name));
	else
		snprintf(left, sizeof left, " Brobygger");
	char date[80], today[600];
	/* A narrow window keeps the screen's name and shortens the date. */
	if (COLS < 70)
		date_format_short(date_today(), date, sizeof date);
	else
		date_format_long(date_today(), date, sizeof date);
	if (app->user && COLS >= 70 && !(s && s->ops == &signin_screen))
		snprintf(today, sizeof today, "%s · %s", app->user_name, date);
	else
		snprintf(today, sizeof today, "%s", date);
	int tw = utf8_columns(today, strlen(today));
	/* Below 50 columns the screen's name matters more than the date. */
	int lw = draw_text(0, 0, COLS >= 50 ? COLS - tw - 2 : COLS, left, A_REVERSE | A_BOLD);
	if (lw + tw + 2 <= COLS && COLS >= 50)
		draw_text(0, COLS - tw - 1, tw, today, A_REVERSE);
}

/* Key hints from the same tables the dispatcher reads, between x and
 * end; with draw false it only measures. Returns where it stopped. */
static int hints(const struct action *t, int x, int end, bool draw)
{
	for (; t && t->id != ACT_NONE && x < end; t++) {
		if (t->flags & (ACTF_HIDDEN | ACTF_MENU))
			continue;
		char key[16];
		keys_label(t->key, key, sizeof key);
		const char *hint = _(t->hint);
		int need = utf8_columns(key, strlen(key)) + utf8_columns(hint, strlen(hint)) + 1;
		if (x + need > end)
			break;
		if (draw) {
			draw_text(LINES - 1, x, COLS - x, key, A_BOLD);
			draw_text(LINES - 1, x + need - utf8_columns(hint, strlen(hint)), COLS - x, hint, A_REVERSE);
		}
		x += need + 2;
	}
	return x;
}

static void draw_bottom(struct app *app)
{
	draw_blank(LINES - 2, 0, COLS, A_NORMAL);
	if (app->status[0])
		draw_text(LINES - 2, 1, COLS - 2, app->status,
			  app->status_kind == STATUS_ERROR ? A_BOLD | A_REVERSE : A_BOLD);
	draw_blank(LINES - 1, 0, COLS, A_NORMAL);
	/* The global keys (help: the way to every other key) keep their place
	 * at the right end however narrow the window; the screen's fill the rest. */
	int global_w = hints(global_actions, 0, COLS, false);
	struct screen *s = app_top(app);
	hints(s ? s->ops->actions : NULL, 0, COLS - global_w, true);
	hints(global_actions, COLS - global_w + 2, COLS + 2, true);
}

static void draw_too_small(void)
{
	char msg[160];
	snprintf(msg, sizeof msg, _("Make the window larger (at least %d×%d)."),
		 APP_MIN_COLS, APP_MIN_ROWS);
	int y = LINES / 2 - 1;
	draw_wrapped(y < 0 ? 0 : y, 0, LINES, COLS, msg, A_BOLD);
}

void app_redraw(struct app *app)
{
	erase();
	curs_set(0);
	if (too_small()) {
		draw_too_small();
		return;
	}
	draw_title(app);
	draw_bottom(app);
	struct screen *s = app_top(app);
	struct area a = app_body_area();
	if (s && s->ops->draw)
		s->ops->draw(s, app, &a);
}

static void resize_all(struct app *app)
{
	struct area a = app_body_area();
	for (int i = 0; i < app->depth; i++) {
		struct screen *s = &app->stack[i];
		if (s->ops->resize)
			s->ops->resize(s, app, &a);
	}
}

int ui_run(struct db *db, const char *db_path)
{
	char err[256];
	if (!term_start(err, sizeof err)) {
		term_stop();
		fprintf(stderr, "brobygger: %s\n", err);
		return 1;
	}
	struct app app = { .db = db, .db_path = db_path };
	app_load_access(&app);
	if (!app_push(&app, &home_screen)) {
		term_stop();
		fprintf(stderr, "brobygger: %s\n", app.status);
		return 1;
	}
	/* With users made, nobody works without switching in. */
	if (app.users_exist)
		signin_lock(&app);
	app.last_key_at = term_seconds();

	unsigned redraw = RD_ALL;
	while (!app.quit) {
		if (redraw) {
			app_redraw(&app);
			refresh();
		}
		ui_key key = term_next_key();
		redraw = RD_NONE;
		if (key == UIK_NONE) {
			/* Idle too long on a shared PC: hide the screen. */
			if (term_seconds() - app.last_key_at >= app.idle_lock_minutes * 60.0
			    && app_top(&app)->ops != &signin_screen) {
				signin_lock(&app);
				redraw = RD_ALL;
			}
			continue;
		}
		app.last_key_at = term_seconds();
		if (key == UIK_STOP) {
			/* Every confirmed change is already committed: just leave. */
			app.exit_status = 128 + (int)term_stop_signal;
			break;
		}
		if (key == UIK_SCRIPT_END) {
			app.exit_status = 3;
			break;
		}
		if (key == UIK(KEY_RESIZE)) {
			resize_all(&app);
			redraw = RD_ALL;
			continue;
		}
		if (too_small() && key != UIK_CTRL('l'))
			continue;
		app.status[0] = '\0';
		struct screen *s = app_top(&app);
		redraw = s->ops->on_key(s, &app, key) | RD_STATUS;
	}
	while (app.depth > 0)
		app_pop(&app);
	bool script = term_script_mode();
	term_stop();
	if (app.exit_status == 3 && script)
		fprintf(stderr, "brobygger: the test script ended before the program quit\n");
	return app.exit_status;
}
