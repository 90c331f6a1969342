/* attendance_week.c — the sessions of a week to pick from (attendance.h).
 *
 * A week at a time, Monday to Sunday, the way the desk's paper lists are
 * filed; < and > go a week back or on, g jumps to any date. Weekly
 * activities show a line for their session even before one is written:
 * opening it writes it, so catching up an old paper list needs no setup.
 *
 * A big centre has a thousand sessions a week: the screen holds a window
 * of them, read a page (a screenful and one) at a time as the highlight
 * comes near its top or bottom, so opening the week, coming back from a
 * roll list and each page read only a page, at any size.
 */
#include "attendance_week.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendance_history.h"
#include "attendance_pick.h"
#include "attendance_roll.h"
#include "attendance_session.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "fold.h"
#include "i18n.h"
#include "list.h"
#include "attendance.h"
#include "utf8.h"

enum { WEEK_MAX = 2000 };

struct week_state {
	struct app *app;
	struct date monday;
	struct session_info *sessions; /* the window: rows of the week in its order */
	int n;
	bool more_before, more_after; /* rows of the week outside the window */
	char query[256];              /* folded activity search */
	struct list list;
	int cols;                     /* width of the last drawing */
	bool narrow;                  /* marks told as "7/9" (week_layout) */
	int name_w;                   /* the activity's column */
	struct session_cancel cancel; /* while "call off" asks */
	long long new_activity;       /* while "new session" asks for the date */
	long long opened, shown;      /* the roll list opened, and the one it shows now */
};

extern const struct screen_ops attendance_screen;

static const struct action week_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Open"), N_("Open the roll list of the highlighted session."), 0 },
	{ ACT_PREV_WEEK, '<', N_("Week before"), N_("Go to the week before, e.g. to catch up on a paper list (also Left)."), 0 },
	{ ACT_NEXT_WEEK, '>', N_("Week after"), N_("Go to the week after (also Right)."), 0 },
	{ ACT_PREV_WEEK, UIK(KEY_LEFT), N_("Week before"), N_("Go to the week before."), ACTF_HIDDEN },
	{ ACT_NEXT_WEEK, UIK(KEY_RIGHT), N_("Week after"), N_("Go to the week after."), ACTF_HIDDEN },
	{ ACT_THIS_WEEK, 'i', N_("Today"), N_("Back to this week, with today's sessions."), 0 },
	{ ACT_CANCEL_SESSION, 'x', N_("Call off"), N_("Cancel the highlighted session with a reason (e.g. Holiday), "
						   "or reopen a cancelled one."), 0 },
	{ ACT_HISTORY, 'h', N_("History"), N_("The attendance of the highlighted activity over the last weeks."), 0 },
	{ ACT_GOTO_DATE, 'g', N_("Go to date"), N_("Show the week of a date you type, on that day, e.g. 12-10-2026."), 0 },
	{ ACT_NEW, 'n', N_("New session"), N_("An extra session of an activity on a date you choose."), 0 },
	{ ACT_SEARCH, '/', N_("Search"), N_("Show only the activities whose name, organiser, place or postcode contains what you type."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Clear the search, or go back to the home screen."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static struct date monday_of(struct date d)
{
	return date_add_days(d, -(date_weekday(d) - 1));
}

static void today_iso(char out[DATE_ISO_LEN])
{
	date_format_iso(date_today(), out);
}

/* A page: a screenful and one, so the next page is known to be there. */
static int page_size(void)
{
	return LINES > 2 ? LINES : 24;
}

static bool fetch(struct week_state *st, const struct session_key *key, enum session_page dir,
		  struct session_info *out, int max, int *got)
{
	enum db_status r = attendance_week(&st->app->desk, st->monday, st->query, key, dir, out, max, got);
	if (r != DB_OK) {
		app_status_db(st->app, r);
		*got = 0;
		return false;
	}
	return true;
}

/* The window at the week's first rows. */
static bool load(struct week_state *st)
{
	int page = page_size();
	bool ok = fetch(st, NULL, SESSIONS_AFTER, st->sessions, page, &st->n);
	st->more_before = false;
	st->more_after = st->n == page;
	list_refresh(&st->list);
	return ok;
}

/* The window at the week's last rows, the last one highlighted. */
static void load_last(struct week_state *st)
{
	int page = page_size();
	fetch(st, NULL, SESSIONS_BEFORE, st->sessions, page, &st->n);
	st->more_before = st->n == page;
	st->more_after = false;
	st->list.top = 0;
	st->list.selected = st->n > 0 ? st->n - 1 : 0;
}

/* The next page, after the window's last row (the window holds at most
 * WEEK_MAX rows, as many as the week ever showed). */
static void fetch_after(struct week_state *st)
{
	int want = page_size();
	if (want > WEEK_MAX - st->n)
		want = WEEK_MAX - st->n;
	if (!st->more_after || st->n == 0 || want <= 0) {
		st->more_after = false;
		return;
	}
	struct session_key key;
	session_key_of(&st->sessions[st->n - 1], &key);
	int got = 0;
	fetch(st, &key, SESSIONS_AFTER, st->sessions + st->n, want, &got);
	st->n += got;
	st->more_after = got == want && st->n < WEEK_MAX;
}

/* The page before the window's first row; the highlight stays on its row. */
static void fetch_before(struct week_state *st)
{
	int want = page_size();
	if (want > WEEK_MAX - st->n)
		want = WEEK_MAX - st->n;
	if (!st->more_before || st->n == 0 || want <= 0) {
		st->more_before = false;
		return;
	}
	struct session_key key;
	session_key_of(&st->sessions[0], &key);
	memmove(st->sessions + want, st->sessions, (size_t)st->n * sizeof *st->sessions);
	int got = 0;
	fetch(st, &key, SESSIONS_BEFORE, st->sessions, want, &got);
	if (got < want)
		memmove(st->sessions + got, st->sessions + want, (size_t)st->n * sizeof *st->sessions);
	st->n += got;
	st->list.selected += got;
	st->list.top += got;
	st->more_before = got == want;
}

/* Rows enough around the highlight for a page up or down. */
static void fill_around(struct week_state *st)
{
	if (st->list.selected + st->list.page_rows >= st->n)
		fetch_after(st);
	if (st->list.selected - st->list.page_rows < 0)
		fetch_before(st);
}

/* The window at `key`: the page before it and the page after it; the
 * week's first rows when they cannot be read. */
static bool load_around(struct week_state *st, const struct session_key *key, int *before, int *after)
{
	int page = page_size();
	*before = *after = 0;
	if (!fetch(st, key, SESSIONS_BEFORE, st->sessions, page, before)
	    || !fetch(st, key, SESSIONS_AFTER, st->sessions + *before, page, after)) {
		load(st);
		return false;
	}
	st->n = *before + *after;
	st->more_before = *before == page;
	st->more_after = *after == page;
	return true;
}

/* This week opens on today's session that began most recently (the one
 * being held or just over), else today's first, else the next one to
 * come, else the week's first: the window is the page before this minute
 * of today and the page after it. */
static void load_today(struct week_state *st)
{
	char today[DATE_ISO_LEN], now[20];
	today_iso(today);
	date_now_stamp(now);
	struct session_key key = { .activity_id = 0 };
	snprintf(key.date, sizeof key.date, "%s", today);
	snprintf(key.time, sizeof key.time, "%.5s~", now + 11); /* just after "HH:MM" */
	int before = 0, after = 0;
	if (!load_around(st, &key, &before, &after))
		return;
	if (before > 0 && strcmp(st->sessions[before - 1].date, today) == 0) {
		/* The first of those that began at that minute, not the last:
		 * five groups at 10:00 opened on the fifth (a new user's). */
		int i = before - 1;
		while (i > 0 && strcmp(st->sessions[i - 1].date, today) == 0
		       && strcmp(st->sessions[i - 1].start_time, st->sessions[i].start_time) == 0)
			i--;
		st->list.selected = i;
	}
	else if (after > 0)
		st->list.selected = before;
	else if (st->more_before)
		load(st);
}

static int today_count(const struct week_state *st)
{
	char today[DATE_ISO_LEN];
	today_iso(today);
	int n = 0;
	for (int i = 0; i < st->n; i++)
		n += strcmp(st->sessions[i].date, today) == 0;
	return n;
}

/* The week of a date asked for opens on that day's first session, else
 * the next one in the week, else the week's last (its Monday's first
 * before: a new user typed 24-12 and was shown the 21st). */
static void load_day(struct week_state *st, struct date day)
{
	struct session_key key = { .time = "", .activity_id = 0 };
	date_format_iso(day, key.date);
	int before = 0, after = 0;
	if (load_around(st, &key, &before, &after))
		st->list.selected = after > 0 ? before : before > 0 ? before - 1 : 0;
}

static void show_week(struct week_state *st, struct date any_day)
{
	st->monday = monday_of(any_day);
	st->list.selected = st->list.top = 0;
	if (date_to_days(st->monday) == date_to_days(monday_of(date_today())))
		load_today(st);
	else
		load(st);
}

/* The week of `day`, on that day (this week: on today's session now). */
static void show_day(struct week_state *st, struct date day)
{
	st->monday = monday_of(day);
	st->list.selected = st->list.top = 0;
	if (date_to_days(day) == date_to_days(date_today()))
		load_today(st);
	else
		load_day(st, day);
}

static int ws_count(void *ctx)
{
	return ((struct week_state *)ctx)->n;
}

/* The session's marks in words, or, where the window is narrow, as
 * "7/9" (marked of those on the list). */
static void status_text(const struct session_info *s, const char *today, bool narrow, char *out, size_t size)
{
	bool due = strcmp(s->date, today) <= 0;
	if (strcmp(s->status, "cancelled") == 0) {
		if (narrow)
			snprintf(out, size, "%s", _("cancelled"));
		else
			snprintf(out, size, _("cancelled: %s"), s->cancel_reason);
	} else if (narrow) {
		if (due || s->marked > 0)
			snprintf(out, size, "%d/%d", s->marked, s->roll > s->marked ? s->roll : s->marked);
		else
			out[0] = '\0';
	} else if (s->roll == 0 && s->marked == 0) {
		snprintf(out, size, "%s", due ? _("nobody on the list") : "");
	} else if (s->marked == 0) {
		snprintf(out, size, "%s", due ? _("not marked") : "");
	} else if (s->marked >= s->roll) {
		snprintf(out, size, _("all %d marked"), s->roll);
	} else {
		snprintf(out, size, _("%d of %d marked"), s->marked, s->roll);
	}
}

/* Day and time come first; the status in words wants up to 24, in
 * numbers up to 7 ("100/120"); a week that scrolls gives the scroll mark
 * its columns (draw.h). */
enum {
	WEEK_DAY = 13, WEEK_TIME = 6, WEEK_WHEN = WEEK_DAY + WEEK_TIME,
	WEEK_STATUS = 24, WEEK_NAME_MIN = 20, WEEK_STATUS_NARROW = 7, WEEK_MARK = SCROLL_MARK_COLS,
	WEEK_CANCELLED = 18,
};

/* The columns for the window and the rows read: where the status in
 * words would leave the names less than their minimum it is told in
 * numbers (40 columns: "Gå-gruppe… 0/20"); else the names get what
 * the widest status leaves them, and no more than the widest name, so
 * the status follows the names on a wide window. A cancel's reason asks
 * for no more than its start ("aflyst: Lokalet…"): the line under the
 * list says it whole, and a long one cut the names. */
static void week_layout(struct week_state *st)
{
	/* In words: two spaces after the name, the status, the mark. */
	st->narrow = st->cols - WEEK_WHEN - 2 - WEEK_STATUS - WEEK_MARK < WEEK_NAME_MIN;
	if (st->narrow) {
		st->name_w = st->cols - WEEK_WHEN - 1 - WEEK_STATUS_NARROW - WEEK_MARK;
		return;
	}
	char today[DATE_ISO_LEN], status[ATT_TEXT + 64];
	today_iso(today);
	int name = WEEK_NAME_MIN, status_w = 0;
	for (int i = 0; i < st->n; i++) {
		const struct session_info *s = &st->sessions[i];
		int w = utf8_columns(s->activity, strlen(s->activity));
		name = w > name ? w : name;
		status_text(s, today, false, status, sizeof status);
		w = utf8_columns(status, strlen(status));
		if (strcmp(s->status, "cancelled") == 0 && w > WEEK_CANCELLED)
			w = WEEK_CANCELLED;
		status_w = w > status_w ? w : status_w;
	}
	/* Two spaces after the name (one read a name that fills its column
	 * into its status: "mine valg alle 14 registreret"). */
	int room = st->cols - WEEK_WHEN - 2 - WEEK_MARK - (status_w < WEEK_STATUS ? status_w : WEEK_STATUS);
	st->name_w = room < WEEK_NAME_MIN ? WEEK_NAME_MIN : room < name ? room : name;
}

static void ws_row(void *ctx, int i, char *buf, size_t size)
{
	struct week_state *st = ctx;
	const struct session_info *s = &st->sessions[i];
	char today[DATE_ISO_LEN], day[64] = "", dayc[80], time[16], name[ATT_TEXT + 8], status[ATT_TEXT + 64];
	today_iso(today);
	struct date d;
	if (strcmp(s->date, today) == 0)
		snprintf(day, sizeof day, "%s", _("Today"));
	else if (date_parse_iso(s->date, &d))
		date_format_short(d, day, sizeof day);
	text_pad(dayc, sizeof dayc, day, WEEK_DAY);
	text_pad(time, sizeof time, s->start_time, WEEK_TIME);
	status_text(s, today, st->narrow, status, sizeof status);
	text_pad(name, sizeof name, s->activity, st->name_w);
	snprintf(buf, size, "%s%s%s%s%s", dayc, time, name, st->narrow ? " " : "  ", status);
}

static void ws_filter(void *ctx, const char *query)
{
	struct week_state *st = ctx;
	fold_search(query, st->query, sizeof st->query);
	load(st);
}

static bool week_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct week_state *st = calloc(1, sizeof *st);
	if (!st || !(st->sessions = calloc(WEEK_MAX, sizeof *st->sessions))) {
		free(st);
		return false;
	}
	st->app = app;
	st->cols = 78;
	list_init(&st->list, (struct list_source){ .count = ws_count, .row = ws_row, .filter = ws_filter, .ctx = st },
		  _("No sessions this week. Press n to add one, or < for the week before."));
	s->state = st;
	show_week(st, date_today());
	return true;
}

static void week_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct week_state *st = s->state;
	free(st->sessions);
	free(st);
	s->state = NULL;
}

/* Back from a roll list or a session's details: the marks changed. The
 * page from the first row on the screen is read again (and the page
 * before it, when there is one, for a page up), not the whole week. */
static void reload_keep(struct week_state *st)
{
	if (st->n == 0) {
		load(st);
		return;
	}
	int keep = st->list.selected - st->list.top;
	bool above = st->more_before || st->list.top > 0;
	struct session_key key;
	session_key_of(&st->sessions[st->list.top], &key);
	int page = page_size();
	if (!fetch(st, &key, SESSIONS_FROM, st->sessions, page, &st->n))
		return;
	st->more_before = above;
	st->more_after = st->n == page;
	st->list.top = 0;
	st->list.selected = keep < st->n ? keep : 0;
	if (above)
		fetch_before(st);
}

/* Back from a roll list that < or > moved to another session: the week
 * of that session, with the cursor on it (it went back to the week the
 * list was opened from, a week away from what was just marked). */
static bool follow_roll(struct week_state *st, struct app *app)
{
	long long id = st->shown;
	bool moved = id && id != st->opened;
	st->opened = st->shown = 0;
	struct session_info info;
	int nhelpers;
	struct date d;
	if (!moved || attendance_session(&app->desk, id, &info, NULL, 0, &nhelpers) != DB_OK
	    || !date_parse_iso(info.date, &d))
		return false;
	/* The window from the session's own row (a large centre's week has
	 * more rows than its first page), and the page before it. */
	st->monday = monday_of(d);
	st->list.selected = st->list.top = 0;
	struct session_key key;
	session_key_of(&info, &key);
	int page = page_size();
	if (!fetch(st, &key, SESSIONS_FROM, st->sessions, page, &st->n))
		return false;
	st->more_before = true;
	st->more_after = st->n == page;
	fetch_before(st);
	for (int i = 0; i < st->n; i++)
		if (st->sessions[i].id == id)
			st->list.selected = i;
	return true;
}

static unsigned week_resume(struct screen *s, struct app *app)
{
	if (!follow_roll(s->state, app))
		reload_keep(s->state);
	return RD_ALL;
}

static void open_roll(struct week_state *st, struct app *app, long long id)
{
	st->opened = st->shown = id;
	attendance_roll_open(app, &(struct attendance_roll_args){ .session_id = id, .shown = &st->shown });
}

static void week_resize(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct week_state *st = s->state;
	st->cols = a->cols;
}

static void week_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct week_state *st = s->state;
	st->cols = a->cols;
	week_layout(st);
	char first[64], last[64], line[300];
	date_format_short(st->monday, first, sizeof first);
	date_format_short(date_add_days(st->monday, 6), last, sizeof last);
	/* A week across New Year says the year of its Monday too ("man 30.
	 * dec 2019 – søn 5. jan 2020"). */
	if (st->monday.year != date_add_days(st->monday, 6).year) {
		size_t n = strlen(first);
		snprintf(first + n, sizeof first - n, " %d", st->monday.year);
	}
	bool this_week = date_to_days(st->monday) == date_to_days(monday_of(date_today()));
	/* TRANSLATORS: week number, first and last day ("man 23. nov"), year. */
	snprintf(line, sizeof line, _("Week %d: %s – %s %d"), date_iso_week(st->monday), first, last,
		 date_add_days(st->monday, 6).year);
	if (this_week) {
		size_t n = strlen(line);
		snprintf(line + n, sizeof line - n, "  (%s)", _("this week"));
	}
	draw_text(a->top, a->left, a->cols, line, A_BOLD);
	struct area rest = { a->top + 2, a->left, a->rows - 2, a->cols };
	list_draw(&st->list, &rest);
}

/* The session of the highlighted line, written first if it is a weekly
 * slot nobody opened yet; 0 (and a message) when that fails. */
static long long selected_session(struct week_state *st, struct app *app)
{
	if (st->n == 0)
		return 0;
	struct session_info *s = &st->sessions[st->list.selected];
	if (s->id)
		return s->id;
	long long id = 0;
	enum db_status r = attendance_session_for(&app->desk, s->activity_id, s->date, &id);
	if (r != DB_OK) {
		app_status_db(app, r);
		return 0;
	}
	s->id = id;
	return id;
}

static unsigned open_selected(struct week_state *st, struct app *app)
{
	long long id = selected_session(st, app);
	if (id)
		open_roll(st, app, id);
	return RD_ALL;
}

static bool parse_date_or_say(struct app *app, const char *text, struct date *d)
{
	if (date_parse_near(text, DATE_YEAR_NEAREST, date_today(), d))
		return true;
	char why[200];
	date_problem(text, DATE_YEAR_NEAREST, why, sizeof why);
	app_status(app, STATUS_ERROR, "%s", why);
	return false;
}

static void week_date_typed(struct app *app, void *ctx, const char *text)
{
	struct date d;
	if (text && text[0] && parse_date_or_say(app, text, &d))
		show_day(ctx, d);
}

/* An extra session: choose the activity, then the date (empty: today). */
static void session_date_typed(struct app *app, void *ctx, const char *text)
{
	struct week_state *st = ctx;
	struct date d = date_today();
	if (!text || (text[0] && !parse_date_or_say(app, text, &d)))
		return;
	char iso[DATE_ISO_LEN];
	date_format_iso(d, iso);
	long long id = 0;
	enum db_status r = attendance_session_for(&app->desk, st->new_activity, iso, &id);
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	show_day(st, d);
	open_roll(st, app, id);
}

static void session_activity_chosen(struct app *app, void *ctx, const struct pick_row *row)
{
	struct week_state *st = ctx;
	if (!row || row->id <= 0)
		return;
	st->new_activity = row->id;
	/* In another week than this one, the day of the highlighted row is
	 * offered: the week on the screen is the one being planned. */
	char offered[16] = "";
	struct date day = st->monday;
	if (date_to_days(st->monday) != date_to_days(monday_of(date_today()))) {
		if (st->n > 0)
			date_parse_iso(st->sessions[st->list.selected].date, &day);
		date_format_dk(day, offered, sizeof offered);
	}
	dialog_prompt(app, &(struct prompt_args){ .question = _("On which date? (e.g. 26-11-2026; empty means today)"),
		.initial = offered[0] ? offered : NULL, .max_chars = 10, .done = session_date_typed, .ctx = st });
}

static void cancel_changed(struct app *app, void *ctx)
{
	(void)app;
	reload_keep(ctx);
}

static unsigned week_key(struct screen *s, struct app *app, ui_key key)
{
	struct week_state *st = s->state;
	if (!st->list.searching) {
		switch (action_for_key(s->ops->actions, key)) {
		case ACT_PREV_WEEK:
			show_week(st, date_add_days(st->monday, -7));
			return RD_ALL;
		case ACT_NEXT_WEEK:
			show_week(st, date_add_days(st->monday, 7));
			return RD_ALL;
		case ACT_THIS_WEEK:
			show_week(st, date_today());
			return RD_ALL;
		case ACT_GOTO_DATE:
			dialog_prompt(app, &(struct prompt_args){
				.question = _("Show the week of which date? (e.g. 12-10-2026)"), .max_chars = 10,
				.done = week_date_typed, .ctx = st });
			return RD_ALL;
		case ACT_NEW:
			attendance_pick(app, &(struct attendance_pick_args){ .title = _("Which activity meets?"),
				.search = attendance_pick_activities, .done = session_activity_chosen, .ctx = st });
			return RD_ALL;
		case ACT_CANCEL_SESSION: {
			long long id = selected_session(st, app);
			st->cancel = (struct session_cancel){ .changed = cancel_changed, .ctx = st };
			if (id)
				attendance_session_toggle_cancel(app, &st->cancel, id);
			return RD_ALL;
		}
		case ACT_HISTORY:
			if (st->n > 0) {
				char today[DATE_ISO_LEN];
				today_iso(today);
				const struct session_info *sel = &st->sessions[st->list.selected];
				/* Up to today, or to the session when it lies further back. */
				struct attendance_history_args h = { .activity_id = sel->activity_id };
				snprintf(h.until, sizeof h.until, "%s", strcmp(sel->date, today) < 0 ? sel->date : today);
				attendance_history_open(app, &h);
			}
			return RD_ALL;
		default:
			break;
		}
	}
	if (!st->list.searching && (key == UIK(KEY_HOME) || key == UIK(KEY_END))) {
		if (key == UIK(KEY_HOME)) {
			st->list.selected = st->list.top = 0;
			if (st->more_before)
				load(st);
		} else if (st->more_after) {
			load_last(st);
		} else {
			st->list.selected = st->n > 0 ? st->n - 1 : 0;
		}
		fill_around(st);
		return RD_BODY;
	}
	enum list_event ev;
	bool used;
	fill_around(st);
	unsigned r = list_key(&st->list, key, &ev, &used);
	fill_around(st);
	if (ev == LIST_ACTIVATE)
		return open_selected(st, app);
	if (ev == LIST_LEAVE) {
		app_pop(app);
		return RD_ALL;
	}
	if (used)
		return r;
	return app_default_key(app, key);
}

void attendance_open(struct app *app)
{
	if (!app_push(app, &attendance_screen, NULL))
		return;
	struct week_state *st = app_top(app)->state;
	/* One session today: that is where the desk wants to be. */
	if (today_count(st) == 1)
		open_selected(st, app);
}

const struct screen_ops attendance_screen = {
	.name = N_("Attendance"),
	.help = N_("The sessions of one week, Monday to Sunday, with how far each roll list is marked. "
		   "Enter opens the roll list. < and > go a week back or on, to catch up on a paper list; "
		   "i comes back to this week; g jumps to the week of any date. x cancels a session (or "
		   "reopens it), h shows an activity's history, n adds an extra session (in another week "
		   "than this one, on the day highlighted), and / shows only the activities whose name, "
		   "organiser, place or postcode contains what you type."),
	.actions = week_actions,
	.enter = week_enter,
	.draw = week_draw,
	.on_key = week_key,
	.resize = week_resize,
	.resume = week_resume,
	.leave = week_leave,
};
