/* audit_screen.c — the audit log for coordinators (audit_screen.h), and
 * the small form that narrows it to a citizen, a user and dates. */
#include "audit_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "card.h"
#include "date.h"
#include "draw.h"
#include "fold.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"
#include "list.h"
#include "strbuf.h"

enum { AUDIT_PAGE_ROWS = 500, AUDIT_MAX_ROWS = 20000, LINE = 1200 };

struct audit_state {
	struct audit_filter filter;
	struct audit_entry *entries;
	int n, cap;
	bool more;                    /* the log has older entries past the last read */
	int *shown;                   /* the entries the search keeps */
	int nshown;
	struct list list;
	bool refilter;                /* the filter form changed the filter */
};

extern const struct screen_ops audit_screen, audit_filter_screen;

static const struct action audit_actions[] = {
	{ ACT_FILTER, 'f', N_("Filter"), N_("Only the entries about one citizen, by one user, or between two days."), 0 },
	{ ACT_SEARCH, '/', N_("Search"), N_("Search the entries read as you type: a name, a word, a date."), 0 },
	{ ACT_OPEN, UIK_ENTER, N_("Card"), N_("Open the card of the citizen the entry is about (itself a look in the "
					       "log)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Clear the search, or go back to where you came from."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static int a_count(void *ctx)
{
	return ((struct audit_state *)ctx)->nshown;
}

static void a_row(void *ctx, int i, char *buf, size_t size)
{
	struct audit_state *st = ctx;
	audit_entry_line(&st->entries[st->shown[i]], true, buf, size);
}

static void a_filter(void *ctx, const char *query)
{
	struct audit_state *st = ctx;
	char want[256];
	fold_search(query, want, sizeof want);
	st->nshown = 0;
	for (int i = 0; i < st->n; i++) {
		char line[LINE], folded[2 * LINE];
		audit_entry_line(&st->entries[i], true, line, sizeof line);
		fold_search(line, folded, sizeof folded);
		if (!want[0] || strstr(folded, want))
			st->shown[st->nshown++] = i;
	}
}

/* Reads the next page (or, with `again`, the first) of the filter. */
static bool fetch(struct audit_state *st, struct app *app, bool again)
{
	if (again)
		st->n = 0;
	if (st->n + AUDIT_PAGE_ROWS > st->cap) {
		int cap = st->n + AUDIT_PAGE_ROWS;
		struct audit_entry *e = realloc(st->entries, (size_t)cap * sizeof *e);
		int *shown = realloc(st->shown, (size_t)cap * sizeof *shown);
		if (e)
			st->entries = e;
		if (shown)
			st->shown = shown;
		if (!e || !shown)
			return false;
		st->cap = cap;
	}
	long long below = st->n ? st->entries[st->n - 1].id : 0;
	int got = 0;
	enum db_status r = audit_list(&app->desk, &st->filter, below, AUDIT_PAGE_ROWS, st->entries + st->n, &got);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	st->n += got;
	st->more = got == AUDIT_PAGE_ROWS && st->n < AUDIT_MAX_ROWS;
	a_filter(st, st->list.query.text);
	list_refresh(&st->list);
	return true;
}

static bool audit_enter(struct screen *s, struct app *app, const void *args)
{
	struct audit_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	/* Opened from a card: that citizen's entries. */
	if (args)
		st->filter.citizen_id = *(const long long *)args;
	list_init(&st->list, (struct list_source){ .count = a_count, .row = a_row, .filter = a_filter, .ctx = st },
		  _("Nothing in the log matches."));
	if (!fetch(st, app, true)) {
		free(st->entries);
		free(st->shown);
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void audit_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct audit_state *st = s->state;
	char line[600], day[16];
	struct strbuf b = strbuf_on(line, sizeof line);
	strbuf_add(&b, "%s", _("Newest first."));
	if (st->filter.citizen_id)
		strbuf_add(&b, _(" Citizen %lld."), st->filter.citizen_id);
	if (st->filter.user[0])
		strbuf_add(&b, _(" User: %s."), st->filter.user);
	struct date d;
	if (date_parse_iso(st->filter.from, &d)) {
		date_format_dk(d, day, sizeof day);
		strbuf_add(&b, _(" From %s."), day);
	}
	if (date_parse_iso(st->filter.to, &d)) {
		date_format_dk(d, day, sizeof day);
		strbuf_add(&b, _(" To %s."), day);
	}
	strbuf_add(&b, P_(" %d entry read", " %d entries read", st->n), st->n);
	strbuf_add(&b, "%s", st->more ? _(", more below.") : ".");
	draw_text(a->top, a->left, a->cols, line, A_BOLD);
	/* The chosen entry whole, under the list, when its line is cut (up
	 * to a third of the screen). */
	int whole = 0;
	char entry[LINE];
	if (st->nshown && st->list.selected < st->nshown && a->rows >= 12) {
		audit_entry_line(&st->entries[st->shown[st->list.selected]], true, entry, sizeof entry);
		int need = text_rows(entry, a->cols - 1);
		if (need > 1)
			whole = need < a->rows / 3 ? need : a->rows / 3;
	}
	struct area rest = { a->top + 1, a->left, a->rows - 1 - whole, a->cols };
	list_draw(&st->list, &rest);
	if (whole)
		draw_wrapped(a->top + a->rows - whole, a->left + 1, whole, a->cols - 1, entry, A_DIM);
}

static unsigned audit_key(struct screen *s, struct app *app, ui_key key)
{
	struct audit_state *st = s->state;
	if (!st->list.searching) {
		switch (action_for_key(s->ops->actions, key)) {
		case ACT_FILTER:
			app_push(app, &audit_filter_screen, st);
			return RD_ALL;
		case ACT_OPEN:
			if (st->nshown && st->entries[st->shown[st->list.selected]].citizen_id)
				card_open(app, &(struct card_args){
					.citizen_id = st->entries[st->shown[st->list.selected]].citizen_id });
			return RD_ALL;
		default:
			break;
		}
	}
	enum list_event ev;
	bool used;
	unsigned r = list_key(&st->list, key, &ev, &used);
	if (ev == LIST_LEAVE) {
		app_pop(app);
		return RD_ALL;
	}
	/* At the end of what was read, the next older page. */
	if (used && st->more && st->nshown && st->list.selected >= st->nshown - 1) {
		int at = st->list.selected;
		if (fetch(st, app, false))
			st->list.selected = at;
		return RD_ALL;
	}
	return used ? r : app_default_key(app, key);
}

/* Back from the filter: read again with it. */
static unsigned audit_resume(struct screen *s, struct app *app)
{
	struct audit_state *st = s->state;
	if (!st->refilter)
		return RD_ALL;
	st->refilter = false;
	fetch(st, app, true);
	st->list.selected = st->list.top = 0;
	return RD_ALL;
}

static void audit_leave(struct screen *s, struct app *app)
{
	struct audit_state *st = s->state;
	if (st) {
		free(st->entries);
		free(st->shown);
	}
	app_free_state(s, app);
}

void audit_screen_open(struct app *app)
{
	app_push(app, &audit_screen, NULL);
}

void audit_screen_open_citizen(struct app *app, long long citizen_id)
{
	app_push(app, &audit_screen, &citizen_id);
}

const struct screen_ops audit_screen = {
	.name = N_("Audit log"),
	.help = N_("Every look at a citizen's data, every change, export and import, and every sign-in, newest "
		   "first, with who and when. l on a citizen's consents (s on the card) opens the entries about them; "
		   "f narrows it to one citizen (by number), a user (any part of the name) or days; / searches what is read. A "
		   "line too long for the window is shown whole under the list. Looking here is itself written to the log. Entries "
		   "older than the retention rule keeps (Settings) are removed by it."),
	.actions = audit_actions,
	.enter = audit_enter,
	.draw = audit_draw,
	.on_key = audit_key,
	.resume = audit_resume,
	.leave = audit_leave,
};

/* ---------- the filter ---------- */

enum { F_CITIZEN, F_USER, F_FROM, F_TO, F_COUNT };

struct filter_state {
	struct audit_state *parent;   /* its filter is written on save */
	struct audit_filter *filter;
	struct form_field fields[F_COUNT];
	struct form form;
};

static const struct action filter_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Show"), N_("Show the entries that match."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Show"), N_("Show the entries that match."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back without changing the filter."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool filter_enter(struct screen *s, struct app *app, const void *args)
{
	(void)app;
	struct filter_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->parent = (struct audit_state *)args;
	st->filter = &st->parent->filter;
	st->fields[F_CITIZEN] = (struct form_field){ .label = N_("Citizen number (empty: all)"), .kind = FIELD_NUMBER,
		.min = 1, .max = 999999999999LL };
	st->fields[F_USER] = (struct form_field){ .label = N_("User (any part of the name)"), .kind = FIELD_TEXT,
		.max_chars = NAME_CHARS };
	st->fields[F_FROM] = (struct form_field){ .label = N_("From (day)"), .kind = FIELD_DATE,
						  .date_year = DATE_YEAR_THIS };
	st->fields[F_TO] = (struct form_field){ .label = N_("To (day)"), .kind = FIELD_DATE,
						.date_year = DATE_YEAR_THIS };
	form_init(&st->form, st->fields, F_COUNT);
	char number[32] = "";
	if (st->filter->citizen_id)
		snprintf(number, sizeof number, "%lld", st->filter->citizen_id);
	form_set_text(&st->form, F_CITIZEN, number);
	form_set_text(&st->form, F_USER, st->filter->user);
	form_set_date_iso(&st->form, F_FROM, st->filter->from);
	form_set_date_iso(&st->form, F_TO, st->filter->to);
	st->form.dirty = false;
	s->state = st;
	return true;
}

static void filter_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct filter_state *st = s->state;
	form_draw(&st->form, a);
}

/* `?` is typed in the filter's text fields (a name, a date). */
static bool filter_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct filter_state *)s->state)->form, key);
}

static unsigned filter_key(struct screen *s, struct app *app, ui_key key)
{
	struct filter_state *st = s->state;
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	if (ev == FORM_CANCEL) {
		app_pop(app);
		return RD_ALL;
	}
	if (ev != FORM_SUBMIT)
		return form_screen_key(app, &st->form, key, ev, r, NULL);
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	struct audit_filter *f = st->filter;
	f->citizen_id = form_text(&st->form, F_CITIZEN)[0] ? form_number(&st->form, F_CITIZEN) : 0;
	snprintf(f->user, sizeof f->user, "%s", form_text(&st->form, F_USER));
	form_date_iso(&st->form, F_FROM, f->from);
	form_date_iso(&st->form, F_TO, f->to);
	st->parent->refilter = true;
	app_pop(app);
	return RD_ALL;
}

const struct screen_ops audit_filter_screen = {
	.name = N_("Filter the audit log"),
	.help = N_("Leave a field empty to keep every entry for it. Ctrl-S shows the entries that match."),
	.actions = filter_actions,
	.enter = filter_enter,
	.draw = filter_draw,
	.on_key = filter_key,
	.typing = filter_typing,
	.leave = app_free_state,
};
