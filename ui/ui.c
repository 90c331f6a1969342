/* ui.c — the main loop: read a key, let the top screen handle it, redraw
 * what it says. Frame: title on top, status and key hints at the bottom. */
#include "ui.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "draw.h"
#include "hints.h"
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
	/* A dialog's own name says less than the screen it asks for. */
	for (int i = app->depth - 1; i > 0 && s && s->ops->overlay; i--)
		s = &app->stack[i - 1];
	draw_blank(0, 0, COLS, A_REVERSE);
	char left[256];
	if (s && s->ops != &home_screen)
		snprintf(left, sizeof left, " Brobygger · %s", _(s->ops->name));
	else
		snprintf(left, sizeof left, " Brobygger");
	char date[80], today[600];
	bool who = app->desk.user && COLS >= 70 && !app_locked(app);
	/* A narrow window keeps the screen's name and shortens the date; so
	 * does one where the name and the signed-in user's would meet. */
	int tw = 0;
	for (int pass = 0; pass < 2; pass++) {
		if (COLS < 70 || pass == 1)
			date_format_short(date_today(), date, sizeof date);
		else
			date_format_long(date_today(), date, sizeof date);
		if (who)
			snprintf(today, sizeof today, "%s · %s", app->desk.user_name, date);
		else
			snprintf(today, sizeof today, "%s", date);
		tw = utf8_columns(today, strlen(today));
		if (utf8_columns(left, strlen(left)) + tw + 3 <= COLS)
			break;
	}
	/* Below 50 columns the screen's name matters more than the date; two
	 * spaces always part them, and a name cut ends in "…". */
	int lw = draw_cell(0, 0, COLS >= 50 ? COLS - tw - 3 : COLS, left, A_REVERSE | A_BOLD);
	if (lw + tw + 3 <= COLS && COLS >= 50)
		draw_text(0, COLS - tw - 1, tw, today, A_REVERSE);
}

/* A message never cut off at the edge: the status line wraps onto more
 * rows, and a banner too; the body gives up the rows they take. The
 * damaged database's banner takes four rows at the smallest terminal
 * (40 columns), where three cut off whom to ask. */
enum { STATUS_MAX_ROWS = 3, BANNER_MAX_ROWS = 4 };

static const char *damage_text(void)
{
	return _("The database is damaged and is only read now: nothing can be saved. Stop, and ask the "
		 "coordinator to put the latest backup back.");
}

static int clamp_rows(int n, int max)
{
	return n < 1 ? 1 : n > max ? max : n;
}

/* Where the frame's parts go on a terminal of this size. */
struct frame {
	struct hint_layout hints;
	int status_top, status_rows;
	int bottom_top;  /* the first row below the body */
	int banner_rows; /* 0 unless the database is damaged */
	int body_top;
};

static void frame_layout(struct app *app, struct frame *f)
{
	struct screen *s = app_top(app);
	hints_layout(screen_actions(s, app), app_typing(app, 0), COLS, &f->hints);
	f->status_rows = app->status[0] ? clamp_rows(text_rows(app->status, COLS - 2), STATUS_MAX_ROWS) : 1;
	f->status_top = LINES - f->hints.rows - f->status_rows;
	/* The bottom three rows are the status line's and the hints' at
	 * least, so the body stays put for a message of one line. */
	f->bottom_top = f->status_top < LINES - 3 ? f->status_top : LINES - 3;
	f->banner_rows = app->desk.damaged ? clamp_rows(text_rows(damage_text(), COLS - 2), BANNER_MAX_ROWS) : 0;
	f->body_top = f->banner_rows > 1 ? 1 + f->banner_rows : 2;
}

struct area app_body_area(struct app *app)
{
	struct frame f;
	frame_layout(app, &f);
	struct area a = { .top = f.body_top, .left = 1, .rows = f.bottom_top - f.body_top, .cols = COLS - 2 };
	return a;
}

/* Key hints from the same tables the dispatcher reads, on one line or
 * two (hints.c); the status line sits just above them. */
static void draw_bottom(struct app *app)
{
	struct frame f;
	frame_layout(app, &f);
	const struct hint_layout *h = &f.hints;
	int first = LINES - h->rows;
	for (int y = f.bottom_top; y < LINES; y++)
		draw_blank(y, 0, COLS, A_NORMAL);
	if (app->status[0])
		draw_wrapped(f.status_top, 1, f.status_rows, COLS - 2, app->status,
			     app->status_kind == STATUS_ERROR ? A_BOLD | A_REVERSE : A_BOLD);
	for (int i = 0; i < h->n; i++) {
		const struct hint_cell *c = &h->cells[i];
		const char *hint = _(c->action->hint);
		int kw = draw_text(first + c->row, c->col, COLS - c->col, c->key, A_BOLD);
		draw_text(first + c->row, c->col + kw + 1, COLS - c->col - kw - 1, hint, A_REVERSE);
	}
}

static void draw_too_small(void)
{
	char msg[160];
	snprintf(msg, sizeof msg, _("Make the window larger (at least %d×%d)."),
		 APP_MIN_COLS, APP_MIN_ROWS);
	int y = LINES / 2 - 1;
	draw_wrapped(y < 0 ? 0 : y, 0, LINES, COLS, msg, A_BOLD);
}

/* A damaged database stays on screen as long as the program runs: the
 * desk must not go on believing its work is saved. */
static void draw_damage(struct app *app)
{
	struct frame f;
	frame_layout(app, &f);
	/* Red where the terminal has colours: bold reverse alone read as one
	 * block with the title bar above it. */
	attr_t alarm = (attr_t)term_alarm_attr();
	for (int i = 0; i < f.banner_rows; i++)
		draw_blank(1 + i, 0, COLS, alarm);
	if (f.banner_rows)
		draw_wrapped(1, 1, f.banner_rows, COLS - 2, damage_text(), alarm);
}

/* The topmost screen that is not an overlay, then the dialogs over it. */
static struct area drawn; /* the body area of the last drawing */

static void draw_body(struct app *app)
{
	int base = app->depth - 1;
	while (base > 0 && app->stack[base].ops->overlay)
		base--;
	struct area a = app_body_area(app);
	drawn = a;
	for (int i = base >= 0 ? base : 0; i < app->depth; i++) {
		struct screen *s = &app->stack[i];
		if (s->ops->draw)
			s->ops->draw(s, app, &a);
	}
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
	draw_damage(app);
	draw_bottom(app);
	draw_body(app);
}

/* Only what the key handler said changed. The screen's cursor (a form's
 * text field) stays where its drawing put it. */
static void redraw_parts(struct app *app, unsigned what)
{
	struct screen *top = app_top(app);
	struct area a = app_body_area(app);
	/* A message of more rows (or fewer) moves the body's edge. */
	bool moved = a.top != drawn.top || a.rows != drawn.rows || a.cols != drawn.cols;
	if ((what & RD_ALL) == RD_ALL || too_small() || (top && top->ops->overlay) || moved) {
		app_redraw(app);
		return;
	}
	int cy, cx;
	getyx(stdscr, cy, cx);
	int cursor = curs_set(0);
	if (what & RD_BODY) {
		/* Below the body: the status line's rows and the hints'. */
		for (int y = 1; y < a.top + a.rows; y++)
			draw_blank(y, 0, COLS, A_NORMAL);
		draw_damage(app);
		draw_body(app);
		getyx(stdscr, cy, cx);
		cursor = curs_set(0);
	}
	if (what & RD_STATUS)
		draw_bottom(app);
	if (cursor > 0) {
		curs_set(cursor);
		move(cy, cx);
	}
}

static void resize_all(struct app *app)
{
	struct area a = app_body_area(app);
	for (int i = 0; i < app->depth; i++) {
		struct screen *s = &app->stack[i];
		if (s->ops->resize)
			s->ops->resize(s, app, &a);
	}
}

/* On every key and every half second without one: when another desk
 * committed, the screen on show reads its data again. */
static unsigned refresh_if_changed(struct app *app)
{
	/* Not behind the lock: the change is taken when it opens. */
	if (app_locked(app) || !desk_others_changed(&app->desk))
		return RD_NONE;
	int base = app->depth - 1;
	while (base > 0 && app->stack[base].ops->overlay)
		base--;
	struct screen *s = base >= 0 ? &app->stack[base] : NULL;
	return s && s->ops->others_changed ? s->ops->others_changed(s, app) : RD_NONE;
}

/* The top screen's work ahead, after the database's upkeep; not the
 * screen under a lock or a dialog. */
static bool screen_idle(struct app *app)
{
	struct screen *s = app_top(app);
	return s && s->ops->idle && s->ops->idle(s, app);
}

/* One step of the rules run at start, stopped the moment a key is typed
 * (and done again later), so a key never waits for it; when the last is
 * done the screen on show reads its numbers again. */
static unsigned daily_step_idle(struct app *app)
{
	enum db_status r = daily_step_unless(&app->desk, &app->daily, app_key_waiting, NULL);
	if (r != DB_OK)
		app_status_db(app, r);
	if (daily_pending(&app->daily))
		return r != DB_OK ? RD_STATUS : RD_NONE;
	int base = app->depth - 1;
	while (base > 0 && app->stack[base].ops->overlay)
		base--;
	struct screen *s = &app->stack[base];
	if (!app_locked(app) && s->ops->others_changed)
		s->ops->others_changed(s, app);
	return RD_ALL;
}

static char start_notice[APP_STATUS_MAX];

void ui_notice_at_start(const char *text)
{
	if (!text || !text[0])
		return;
	size_t used = strlen(start_notice);
	snprintf(start_notice + used, sizeof start_notice - used, "%s%s", used ? " " : "", text);
}

int ui_run(struct desk *desk, const char *db_path, bool created)
{
	char err[256];
	if (!term_start(err, sizeof err)) {
		term_stop();
		fprintf(stderr, "brobygger: %s\n", err);
		return 1;
	}
	struct app app = { .desk = *desk, .db_path = db_path, .idle_lock_minutes = 5 };
	/* Until the users are read, the desk counts as having some: a read
	 * that fails keeps the desk locked, never open to anyone. */
	app.desk.users_exist = true;
	app_load_access(&app);
	daily_begin(&app.daily, date_today());
	/* A test script sees the day's rules done before the first screen,
	 * the same on every run. */
	while (term_script_mode() && daily_pending(&app.daily)) {
		enum db_status r = daily_step(&app.desk, &app.daily);
		if (r != DB_OK)
			app_status_db(&app, r);
	}
	if (!app_push(&app, &home_screen, NULL)) {
		daily_end(&app.daily);
		term_stop();
		fprintf(stderr, "brobygger: %s\n", app.status);
		return 1;
	}
	desk_others_changed(&app.desk);
	/* With users made, nobody works without switching in. */
	if (app.desk.users_exist)
		signin_lock(&app);
	app.last_key_at = term_seconds();
	if (created && !app.desk.users_exist)
		app_status(&app, STATUS_INFO, _("A new, empty database was made: %s"), db_path);
	if (start_notice[0])
		app_status(&app, STATUS_INFO, "%s", start_notice);

	unsigned redraw = RD_ALL;
	/* The database's upkeep (desk_idle), or the top screen's work ahead
	 * (a roll list's rehearsed marks), has a piece due: done as soon as
	 * no key waits, not half a second later, so it falls between two
	 * marks of a roll call rather than into the next. */
	bool upkeep = true;
	while (!app.quit) {
		if (redraw) {
			redraw_parts(&app, redraw);
			refresh();
		}
		/* The rules of the day run while no key waits. */
		bool work = daily_pending(&app.daily);
		/* While the upkeep has pieces due (a copy of the WAL running
		 * beside the desk among them), a key is awaited a millisecond
		 * between two: read at once, and no core spent asking. */
		ui_key key = upkeep ? term_key_within(1) : work ? term_typed_key() : term_next_key();
		redraw = RD_NONE;
		if (key == UIK_NONE) {
			/* Left running past midnight: the new day's rules. */
			if (!work && date_to_days(date_today()) != date_to_days(app.daily.today)) {
				daily_end(&app.daily);
				daily_begin(&app.daily, date_today());
			}
			/* The day's rules write too: what a step leaves in the
			 * WAL is copied, and the WAL made ready, before the next
			 * step (a step beside the copy would keep the WAL from
			 * starting over, and it would grow). */
			redraw = work && !upkeep ? daily_step_idle(&app) : refresh_if_changed(&app);
			bool damaged = app.desk.damaged;
			upkeep = !term_key_waiting() && (desk_idle(&app.desk) || screen_idle(&app));
			/* Damage a rehearsal found: the banner says so now. */
			if (app.desk.damaged != damaged)
				redraw = RD_ALL;
			/* Idle too long on a shared PC: hide the screen, whatever
			 * is open, dialogs included. */
			if (term_seconds() - app.last_key_at >= app.idle_lock_minutes * 60.0
			    && !app_locked(&app)) {
				signin_lock(&app);
				redraw = RD_ALL;
			}
			continue;
		}
		app.last_key_at = term_seconds();
		upkeep = true;
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
		/* Help is one key away on every screen, whatever the screen
		 * does with other keys (a dialog that answers to letters). */
		if (action_opens_help(key, app_typing(&app, key))) {
			redraw = app_toggle_help(&app);
			continue;
		}
		struct screen *s = app_top(&app);
		redraw = s->ops->on_key(s, &app, key) | RD_STATUS;
		/* After the key, not before: it acts on what the desk saw, and
		 * a use case says so when another desk changed that meanwhile. */
		redraw |= refresh_if_changed(&app);
	}
	/* Each screen's leave keeps unsaved typing as a draft. */
	while (app.depth > 0)
		app_pop(&app);
	daily_end(&app.daily);
	bool script = term_script_mode();
	term_stop();
	if (app.exit_status == 3 && script)
		fprintf(stderr, "brobygger: the test script ended before the program quit\n");
	return app.exit_status;
}
