/* call_list.c — the follow-up call list (home key 5). Each action plans
 * its call at once and the day's rules the rest (src/calls.h), so
 * entering it only reads; `o` runs the rules when asked. Rows come a page
 * at a time: a big centre may have thousands of calls planned, the desk
 * sees the first screenful at once. */
#include "call_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "call_card.h"
#include "calls.h"
#include "card.h"
#include "citizen_rules.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "fold.h"
#include "i18n.h"
#include "kept_drafts.h"
#include "phone.h"
#include "settings.h"
#include "sheet_print.h"
#include "lineedit.h"
#include "nextstep.h"
#include "utf8.h"
#include "number.h"
#include "vocab.h"

enum { PAGE = 100, MAX_ROWS = 2000, MAX_ESCALATIONS = 100, WEEK_DAYS = 7, MAX_DRAFTED = 64 };

/* LINE_EMPTY: "no calls today" under its heading, a line of its own so
 * it never lands on the next heading. */
enum line_kind { LINE_HEADING, LINE_ESCALATION, LINE_CALL, LINE_EMPTY };

struct calls_state {
	struct app *app;
	struct date today;
	char today_iso[DATE_ISO_LEN], until_iso[DATE_ISO_LEN];
	struct call_counts counts;
	struct call_sweep sweep;
	struct call_escalation escalations[MAX_ESCALATIONS];
	int nescalations;
	struct call_row *rows;
	int nrows;
	bool more;
	int ndue;                 /* rows due today or before, of those fetched */
	char query[256];          /* folded */
	struct lineedit search;
	bool searching;
	int selected, top;        /* lines, headings included */
	int page_rows;
	long long opened_call;    /* the call whose card is open: the cursor stays near it */
	struct call_escalation handling; /* while "what was done?" is asked */
	struct action now[8];     /* the keys that apply now */
	int when_cols;            /* the when column's width */
	long long drafted[MAX_DRAFTED]; /* the calls whose outcome this person has begun, in id order */
	int ndrafted;
};

extern const struct screen_ops calls_screen;

static const struct action calls_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Open"), N_("Open the call card: who, why, what happened lately, and record the outcome."), 0 },
	{ ACT_CARD, 'b', N_("Card"), N_("Open the citizen's card."), 0 },
	{ ACT_HANDLED, 'k', N_("Handled"), N_("For the coordinator: mark a citizen raised after calls not reached as handled, saying what was done."), 0 },
	{ ACT_SEARCH, '/', N_("Search"), N_("Show only calls to citizens whose name contains what you type."), 0 },
	{ ACT_PRINT, 'p', N_("Print"), N_("Print today's calls with reason, phone and a line for the outcome; without "
					 "a printer it becomes a printable file."), 0 },
	{ ACT_REFRESH, 'o', N_("Refresh"), N_("Look again for calls that are due and read the list anew."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Clear the search, or go back to the home screen."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};
/* Handled is offered only to a coordinator with citizens raised to them. */
static bool calls_hides(enum action_id id, const void *state, const struct app *app)
{
	const struct calls_state *st = state;
	return id == ACT_HANDLED && (st->nescalations == 0 || !desk_is_coordinator(&app->desk));
}

static const struct action *calls_actions_now(const struct screen *s, const struct app *app)
{
	struct calls_state *st = s->state;
	return st ? action_table_hiding(st->now, sizeof st->now / sizeof st->now[0], calls_actions, calls_hides, st, app)
		  : calls_actions;
}

/* ---------- the model: headings, escalations, calls ---------- */

static int first_week_row(const struct calls_state *st)
{
	return st->ndue;
}

/* Nothing due today, said under the heading (not while searching: then
 * the heading's count says it). */
static bool empty_day(const struct calls_state *st)
{
	return st->ndue == 0 && !st->query[0];
}

static int line_count(const struct calls_state *st)
{
	int n = 0;
	if (st->nescalations)
		n += 1 + st->nescalations;
	n += 1 + st->ndue + empty_day(st);      /* "today and overdue", even when empty */
	if (st->nrows > st->ndue)
		n += 1 + st->nrows - st->ndue;
	return n;
}

/* What line i is; *index is into escalations or rows. */
static enum line_kind line_at(const struct calls_state *st, int i, int *index)
{
	*index = -1;
	if (st->nescalations) {
		if (i == 0)
			return LINE_HEADING; /* index -1: the coordinator's heading */
		if (i <= st->nescalations) {
			*index = i - 1;
			return LINE_ESCALATION;
		}
		i -= 1 + st->nescalations;
	}
	if (i == 0) {
		*index = 0;
		return LINE_HEADING;
	}
	if (i <= st->ndue) {
		*index = i - 1;
		return LINE_CALL;
	}
	if (empty_day(st) && i == 1)
		return LINE_EMPTY;
	i -= 1 + st->ndue + empty_day(st);
	if (i == 0) {
		*index = 1;
		return LINE_HEADING;
	}
	*index = first_week_row(st) + i - 1;
	return LINE_CALL;
}

static bool selectable(const struct calls_state *st, int i)
{
	int index;
	if (i < 0 || i >= line_count(st))
		return false;
	enum line_kind kind = line_at(st, i, &index);
	return kind == LINE_ESCALATION || kind == LINE_CALL;
}

/* Moves the selection by dir to the next line that is not a heading. */
static void move_selection(struct calls_state *st, int dir)
{
	int n = line_count(st);
	for (int i = st->selected + dir; i >= 0 && i < n; i += dir) {
		if (selectable(st, i)) {
			st->selected = i;
			return;
		}
	}
}

static void select_first(struct calls_state *st)
{
	st->selected = 0;
	st->top = 0;
	if (!selectable(st, 0))
		move_selection(st, 1);
}

static void fetch(struct calls_state *st, int offset)
{
	int want = PAGE;
	if (offset + want > MAX_ROWS)
		want = MAX_ROWS - offset;
	if (want <= 0) {
		st->more = false;
		return;
	}
	int got = 0;
	enum db_status r = calls_page(&st->app->desk, st->until_iso, st->query, offset ? &st->rows[offset - 1] : NULL,
				      want, st->rows + offset, &got);
	if (r != DB_OK) {
		app_status_db(st->app, r);
		got = 0;
	}
	st->nrows = offset + got;
	st->more = got == want;
	st->ndue = 0;
	while (st->ndue < st->nrows && strcmp(st->rows[st->ndue].due_on, st->today_iso) <= 0)
		st->ndue++;
}

/* Reads everything anew; keeps the selection on `near_call` if given. */
static void load(struct calls_state *st, long long near_call)
{
	enum db_status r = calls_summary(&st->app->desk, st->today_iso, st->until_iso, &st->counts, st->escalations,
				       MAX_ESCALATIONS, &st->nescalations);
	if (r != DB_OK) {
		app_status_db(st->app, r);
		st->nescalations = 0;
	}
	r = kept_draft_calls(&st->app->desk, st->drafted, MAX_DRAFTED, &st->ndrafted);
	if (r != DB_OK) {
		app_status_db(st->app, r);
		st->ndrafted = 0;
	}
	fetch(st, 0);
	int keep = st->selected;
	select_first(st);
	if (near_call) {
		for (int i = 0; i < line_count(st); i++) {
			int index;
			if (line_at(st, i, &index) == LINE_CALL && st->rows[index].id == near_call) {
				st->selected = i;
				return;
			}
		}
		/* The call is done and gone: stay where it was. */
		if (keep < line_count(st)) {
			st->selected = keep;
			if (!selectable(st, keep))
				move_selection(st, 1);
			if (!selectable(st, st->selected))
				move_selection(st, -1);
		}
	}
}

static void row_when(const struct calls_state *st, const struct call_row *c, char *out, size_t size);

/* The row of call `id` among those read, or NULL. */
static const struct call_row *row_of(const struct calls_state *st, long long id)
{
	for (int i = 0; id && i < st->nrows; i++)
		if (st->rows[i].id == id)
			return &st->rows[i];
	return NULL;
}

/* Plans the calls the rules ask for now, when asked: the day's rules
 * (src/daily.h) run them at start and at midnight, and each action plans
 * its own call at once. The list is read again with the first new call
 * highlighted, and one new call is named. */
static void sweep(struct calls_state *st)
{
	enum db_status r = calls_plan_due(&st->app->desk, st->today, true, &st->sweep);
	load(st, r == DB_OK ? st->sweep.first_call : 0);
	if (r != DB_OK) {
		app_status_db(st->app, r);
		return;
	}
	char count[NUMBER_LEN];
	const struct call_row *one = st->sweep.created == 1 ? row_of(st, st->sweep.first_call) : NULL;
	if (one) {
		char when[40];
		row_when(st, one, when, sizeof when);
		app_status(st->app, STATUS_INFO, _("A new call was planned from what happened: %s, %s."), one->name,
			   when);
	} else if (st->sweep.created > 0)
		app_status(st->app, STATUS_INFO,
			   P_("%s new call was planned from what happened.", "%s new calls were planned from what happened.",
			      st->sweep.created),
			   number_text(st->sweep.created, count));
	else if (st->sweep.answered > 0)
		app_status(st->app, STATUS_INFO,
			   P_("%s call after missed sessions is cancelled: the citizen came back.",
			      "%s calls after missed sessions are cancelled: the citizens came back.", st->sweep.answered),
			   number_text(st->sweep.answered, count));
	else
		/* Said, so the key is seen to have done something. */
		app_status(st->app, STATUS_INFO, "%s", _("The list is read anew: no new calls were due."));
}

static bool calls_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct calls_state *st = calloc(1, sizeof *st);
	if (!st || !(st->rows = calloc(MAX_ROWS, sizeof *st->rows))) {
		free(st);
		return false;
	}
	st->app = app;
	st->today = date_today();
	date_format_iso(st->today, st->today_iso);
	date_format_iso(date_add_days(st->today, WEEK_DAYS), st->until_iso);
	lineedit_init(&st->search, 60);
	st->page_rows = 10;
	s->state = st;
	/* The line about who waits after no contact tells the settings. */
	struct centre_settings cs;
	if (settings_read(&app->desk, &cs) == DB_OK) {
		st->sweep.no_contact_weeks = cs.no_contact_weeks;
		st->sweep.no_contact_per_day = cs.no_contact_per_day;
	}
	load(st, 0);
	return true;
}

static void calls_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct calls_state *st = s->state;
	free(st->rows);
	free(st);
	s->state = NULL;
}

/* ---------- drawing ---------- */

static void heading_text(const struct calls_state *st, int which, char *out, size_t size)
{
	/* While searching, the counts are of the calls found. */
	bool found = st->query[0] != '\0';
	char n[NUMBER_LEN];
	if (which < 0)
		snprintf(out, size, _("Raised to the coordinator (%s)"), number_text(st->nescalations, n));
	else if (which == 0)
		snprintf(out, size, _("Today and overdue (%s)"),
			 count_text(found ? (long long)st->ndue : st->counts.due, n));
	else
		snprintf(out, size, _("The coming week (%s)"),
			 count_text(found ? (long long)(st->nrows - st->ndue) : st->counts.week, n));
}

static void escalation_text(const struct call_escalation *e, int name_cols, char *out, size_t size)
{
	char name[CALL_NAME + 64], phone[64], dial[PHONE_SHOWN_MAX], when[16] = "", shown[CALL_NAME + 48];
	citizen_rule_list_name(e->name, &e->apart, name_cols, shown, sizeof shown);
	text_pad(name, sizeof name, shown, name_cols);
	phone_shown(e->phone, dial, sizeof dial);
	text_pad(phone, sizeof phone, dial, 11);
	struct date d;
	if (date_parse_iso(e->raised_on, &d))
		date_format_dk(d, when, sizeof when);
	char what[200];
	/* TRANSLATORS: %d calls in a row, raised on the date "26-11-2026". */
	snprintf(what, sizeof what, P_("not reached %d time (%s)", "not reached %d times in a row (%s)", e->attempts),
		 e->attempts, when);
	snprintf(out, size, "! %s %s %s", name, phone, what);
}

/* "Bente Ølgaard" as "Bente Ø." when the column is narrow. */
static void short_name(const char *name, int cols, char *out, size_t size)
{
	snprintf(out, size, "%s", name);
	if (utf8_columns(name, strlen(name)) <= cols)
		return;
	const char *space = strrchr(name, ' ');
	if (!space || !space[1])
		return;
	size_t first = strcspn(name, " ");
	size_t initial = utf8_next(space + 1, strlen(space + 1), 0);
	snprintf(out, size, "%.*s %.*s.", (int)first, name, (int)initial, space + 1);
}

/* When a call is due, as its line says it. Late is late: the agreed time
 * of an overdue call no longer matters. */
static void row_when(const struct calls_state *st, const struct call_row *c, char *out, size_t size)
{
	bool late = strcmp(c->due_on, st->today_iso) < 0;
	call_when_text(c->due_on, late ? "" : c->due_time, st->today, out, size);
}

/* The when column as wide as its widest line read so far, no wider: the
 * rest is the names'. At least "i dag 13:00"; at most the longest a day
 * in the coming week with its time can be, "tors 10. dec 09:30". */
enum { WHEN_COLS_MIN = 11, WHEN_COLS_MAX = 18 };

static int when_columns(const struct calls_state *st)
{
	int cols = WHEN_COLS_MIN;
	for (int i = 0; i < st->nrows; i++) {
		char when[64];
		row_when(st, &st->rows[i], when, sizeof when);
		int w = utf8_columns(when, strlen(when));
		cols = w > cols ? w : cols;
	}
	return cols < WHEN_COLS_MAX ? cols : WHEN_COLS_MAX;
}

static int by_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* Whether this person has begun the call's outcome and kept it. */
static bool drafted(const struct calls_state *st, long long call)
{
	return st->ndrafted && bsearch(&call, st->drafted, (size_t)st->ndrafted, sizeof call, by_id);
}

static void call_text(const struct calls_state *st, const struct call_row *c, const struct area *a, char *out,
		      size_t size)
{
	/* Columns: when, name, phone, reason, responsible. A narrow window
	 * keeps when, name and phone; a wide one gives the words room. */
	int when_w = a->cols < 60 ? WHEN_COLS_MIN : st->when_cols, phone_w = 11;
	int rest = a->cols - when_w - phone_w - 5;
	/* A wide window gives the reason its whole words ("tilbagemelding
	 * til henviseren") once the name has 26 columns; a wider one, the
	 * rest to the name. */
	int resp_w = rest >= 100 ? 24 : rest >= 60 ? 20 : rest >= 40 ? 10 : 0;
	int reason_w = rest >= 60 ? rest - resp_w - 26 : rest >= 40 ? 17 : 0;
	if (rest >= 60)
		reason_w = reason_w < 26 ? 26 : reason_w > 38 ? 38 : reason_w;
	/* Past a long name with its tag, more room only pushes the phone
	 * away from the name it belongs to: the line ends sooner instead. */
	int name_w = rest - resp_w - reason_w > 44 ? 44 : rest - resp_w - reason_w;
	char when[64], when_pad[96], name[CALL_NAME + 64], phone[64], shown_name[CALL_NAME + 96];
	char listed[CALL_NAME + 48], tags[96];
	/* The tags are what the line says beyond the name: the name gives
	 * way to them. */
	snprintf(tags, sizeof tags, "%s%s", c->citizen_ended ? _(" (ended)") : "", drafted(st, c->id) ? _(" (draft)") : "");
	citizen_rule_list_name(c->name, &c->apart, name_w - (c->escalated ? 2 : 0) - utf8_columns(tags, strlen(tags)),
			       listed, sizeof listed);
	row_when(st, c, when, sizeof when);
	text_pad(when_pad, sizeof when_pad, when, when_w);
	snprintf(shown_name, sizeof shown_name, "%s%s%s", c->escalated ? "! " : "", listed, tags);
	text_pad(name, sizeof name, shown_name, name_w);
	char dial[PHONE_SHOWN_MAX];
	phone_shown(c->phone, dial, sizeof dial);
	text_pad(phone, sizeof phone, dial, phone_w);
	char reason[300] = "", who[CALL_NAME + 8] = "";
	if (reason_w) {
		const char *words = reason_w >= 26 ? next_step_call_reason(c->reason)
						   : vocab_label(vocab_call_reason_short, c->reason);
		text_pad(reason, sizeof reason, words, reason_w);
		short_name(c->responsible_name[0] ? c->responsible_name : _("the desk"), resp_w, who, sizeof who);
	}
	snprintf(out, size, "%s %s %s %s %s", when_pad, name, phone, reason, who);
}

static void keep_visible(struct calls_state *st, int rows)
{
	if (rows < 1)
		rows = 1;
	if (st->selected < st->top)
		st->top = st->selected;
	if (st->selected >= st->top + rows)
		st->top = st->selected - rows + 1;
	/* Show the heading above the first row of a section. */
	if (st->top > 0 && st->top == st->selected && !selectable(st, st->top - 1))
		st->top--;
}

static void calls_draw(struct screen *s, struct app *app, const struct area *a)
{
	struct calls_state *st = s->state;
	int y = a->top;
	char line[1400];
	if (st->searching || st->search.len) {
		int w = draw_text(y, a->left, a->cols, _("Search:"), A_BOLD);
		w += draw_text(y, a->left + w, a->cols - w, " ", A_NORMAL);
		draw_text(y, a->left + w, a->cols - w, st->search.text, A_UNDERLINE);
		y++;
	}
	int rows = a->top + a->rows - y;
	/* A line at the bottom for the citizens waiting after no contact,
	 * counted by the day's rules (src/daily.h) when they are done. */
	const struct no_contact_count *nc = &app->daily.no_contact;
	long long waiting_known = nc->done ? nc->waiting - st->sweep.no_contact_created : 0;
	bool waiting = waiting_known > 0 && !st->search.len && rows > 6;
	if (waiting)
		rows--;
	st->page_rows = rows;
	int n = line_count(st);
	keep_visible(st, rows);
	int name_cols = a->cols >= 78 ? 20 : a->cols / 3;
	st->when_cols = when_columns(st);
	for (int r = 0; r < rows && st->top + r < n; r++) {
		int i = st->top + r, index;
		if (i >= n - 5 && st->more) {
			fetch(st, st->nrows);
			n = line_count(st);
		}
		enum line_kind kind = line_at(st, i, &index);
		attr_t attr = i == st->selected ? A_REVERSE : A_NORMAL;
		if (kind == LINE_EMPTY) {
			draw_text(y + r, a->left + 2, a->cols - 2, _("No calls due today. Well done!"), A_DIM);
			continue;
		}
		if (kind == LINE_HEADING) {
			heading_text(st, index, line, sizeof line);
			draw_text(y + r, a->left, a->cols, line, A_BOLD | A_UNDERLINE);
			continue;
		}
		if (kind == LINE_ESCALATION)
			escalation_text(&st->escalations[index], name_cols, line, sizeof line);
		else
			call_text(st, &st->rows[index], a, line, sizeof line);
		draw_blank(y + r, a->left, a->cols, attr);
		draw_cell(y + r, a->left, draw_row_cols(a->cols, st->top + rows < n), line,
			  attr | (kind == LINE_ESCALATION ? A_BOLD : 0));
	}
	draw_scroll_marks(y, y + rows - 1, a->left + a->cols - 1, false, st->top + rows < n);
	if (waiting) {
		char count[NUMBER_LEN];
		snprintf(line, sizeof line,
			 P_("%s more citizen without contact for %d weeks waits (at most %d new calls a day).",
			    "%s more citizens without contact for %d weeks wait (at most %d new calls a day).",
			    waiting_known),
			 count_text(waiting_known, count), st->sweep.no_contact_weeks, st->sweep.no_contact_per_day);
		/* Too wide (a narrow window): the sentence without the
		 * bracket, rather than cut mid-word. */
		if (utf8_columns(line, strlen(line)) > a->cols)
			snprintf(line, sizeof line,
				 P_("%s more citizen without contact for %d weeks waits.",
				    "%s more citizens without contact for %d weeks wait.", waiting_known),
				 count, st->sweep.no_contact_weeks);
		draw_text(a->top + a->rows - 1, a->left, a->cols, line, A_DIM);
	}
	if (st->searching)
		move(a->top, a->left + utf8_columns(_("Search:"), strlen(_("Search:"))) + 1
			     + lineedit_cursor_column(&st->search));
}

/* ---------- keys ---------- */

static void apply_search(struct calls_state *st)
{
	fold_search(st->search.text, st->query, sizeof st->query);
	load(st, 0);
}

static void handled_typed(struct app *app, void *ctx, const char *what)
{
	struct calls_state *st = ctx;
	if (!what || !what[0])
		return;
	const struct call_escalation *e = &st->handling;
	enum db_status r = calls_escalation_handled(&app->desk, e->citizen_id, what);
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	app_status(app, STATUS_INFO, _("%s is marked as handled."), e->name);
	load(st, 0);
}

static unsigned handled(struct calls_state *st, struct app *app)
{
	int index;
	if (st->nescalations == 0) {
		app_status(app, STATUS_INFO, "%s", _("Nobody is raised to the coordinator now: there is nothing to mark as handled."));
		return RD_ALL;
	}
	if (line_at(st, st->selected, &index) != LINE_ESCALATION) {
		app_status(app, STATUS_ERROR, "%s", _("Choose a citizen under 'Raised to the coordinator' first."));
		return RD_ALL;
	}
	/* Said before the question, not after the answer. */
	if (!desk_is_coordinator(&app->desk)) {
		app_status_db(app, DB_ERR_FORBIDDEN);
		return RD_ALL;
	}
	st->handling = st->escalations[index];
	char question[CALL_NAME + 120];
	snprintf(question, sizeof question, _("What was done for %s? (e.g. wrote a letter, called the relative)"),
		 st->handling.name);
	dialog_prompt(app, &(struct prompt_args){ .question = question, .max_chars = NOTE_CHARS,
		.done = handled_typed, .ctx = st });
	return RD_ALL;
}

static unsigned open_line(struct calls_state *st, struct app *app, bool citizen_card)
{
	int index;
	enum line_kind kind = line_at(st, st->selected, &index);
	if (kind == LINE_ESCALATION)
		card_open(app, &(struct card_args){ .citizen_id = st->escalations[index].citizen_id });
	else if (kind == LINE_CALL && citizen_card)
		card_open(app, &(struct card_args){ .citizen_id = st->rows[index].citizen_id });
	else if (kind == LINE_CALL) {
		st->opened_call = st->rows[index].id;
		call_card_open(app, &(struct call_card_args){ .call_id = st->opened_call });
	}
	return RD_ALL;
}

static unsigned calls_key(struct screen *s, struct app *app, ui_key key)
{
	struct calls_state *st = s->state;
	if (st->searching) {
		if (key == UIK_ENTER || key == UIK(KEY_DOWN)) {
			st->searching = false;
			return RD_ALL;
		}
		if (key == UIK_ESC) {
			st->searching = false;
			lineedit_set(&st->search, "");
			apply_search(st);
			return RD_ALL;
		}
		if (key != UIK(KEY_UP) && lineedit_key(&st->search, key)) {
			apply_search(st);
			return RD_ALL;
		}
	}
	switch (key) {
	case UIK(KEY_UP):
		move_selection(st, -1);
		return RD_BODY;
	case UIK(KEY_DOWN):
		move_selection(st, 1);
		return RD_BODY;
	case UIK(KEY_PPAGE):
		for (int i = 0; i < st->page_rows; i++)
			move_selection(st, -1);
		return RD_BODY;
	case UIK(KEY_NPAGE):
		for (int i = 0; i < st->page_rows; i++)
			move_selection(st, 1);
		return RD_BODY;
	case UIK(KEY_HOME):
		select_first(st);
		return RD_BODY;
	case UIK(KEY_END):
		/* The rest of the list is read in pages as the cursor nears it. */
		while (st->more)
			fetch(st, st->nrows);
		st->selected = line_count(st) - 1;
		if (!selectable(st, st->selected))
			move_selection(st, -1);
		return RD_BODY;
	default:
		break;
	}
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_OPEN:
		return open_line(st, app, false);
	case ACT_CARD:
		return open_line(st, app, true);
	case ACT_HANDLED:
		return handled(st, app);
	case ACT_SEARCH:
		st->searching = true;
		return RD_ALL;
	case ACT_PRINT:
		sheet_print_calls(app, st->today_iso);
		return RD_ALL;
	case ACT_REFRESH:
		sweep(st);
		return RD_ALL;
	case ACT_BACK:
		if (st->search.len) {
			lineedit_set(&st->search, "");
			apply_search(st);
			return RD_ALL;
		}
		app_pop(app);
		return RD_ALL;
	default:
		return app_default_key(app, key);
	}
}

/* Back from a call: it may be recorded or cancelled now, and the rules
 * may have planned the next one. The cursor stays near it. */
static unsigned calls_resume(struct screen *s, struct app *app)
{
	(void)app;
	struct calls_state *st = s->state;
	load(st, st->opened_call);
	st->opened_call = 0;
	return RD_ALL;
}

/* Another desk recorded a call, or the rules planned one there: the list
 * reads again (it runs the rules only on this desk's `o`), as far down
 * as it was fetched, and the highlight stays on the same call, or where
 * it was when that call is done and gone. */
static unsigned calls_refresh(struct screen *s, struct app *app)
{
	(void)app;
	struct calls_state *st = s->state;
	int index, keep = st->selected, had = st->nrows;
	long long call = line_at(st, st->selected, &index) == LINE_CALL ? st->rows[index].id : 0;
	load(st, 0);
	while (st->more && st->nrows < had)
		fetch(st, st->nrows);
	for (int i = 0; i < line_count(st); i++)
		if (call && line_at(st, i, &index) == LINE_CALL && st->rows[index].id == call) {
			st->selected = i;
			return RD_ALL;
		}
	if (keep < line_count(st)) {
		st->selected = keep;
		if (!selectable(st, st->selected))
			move_selection(st, 1);
		if (!selectable(st, st->selected))
			move_selection(st, -1);
	}
	return RD_ALL;
}

void calls_open(struct app *app)
{
	app_push(app, &calls_screen, NULL);
}

const struct screen_ops calls_screen = {
	.name = N_("Follow-up calls"),
	.help = N_("Today's calls and overdue ones come first, then the coming week: when, who, their phone, "
		   "why we call and who is responsible. The list plans new calls by itself from what happened: "
		   "after a match (or after its first session), after missed sessions (cancelled again when the "
		   "citizen comes back first), on agreed days, feedback to the referrer (only when the citizen "
		   "agreed), to a relative who wants support of their own, and when nothing has happened for some "
		   "weeks (see Settings). A citizen not reached three times in a row is raised to the coordinator and marked "
		   "with !. Enter opens the call."),
	.actions = calls_actions,
	.actions_now = calls_actions_now,
	.enter = calls_enter,
	.draw = calls_draw,
	.on_key = calls_key,
	.resume = calls_resume,
	.others_changed = calls_refresh,
	.leave = calls_leave,
};
