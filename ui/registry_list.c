/* registry_list.c — the registry (home key 7): volunteers and activities, Tab
 * between them, `/` to search as you type, Enter to open, n for a new
 * one, p to pause a volunteer, a to stop or end (and take back). Nothing
 * is ever deleted: matches, sessions and attendance refer to it. The
 * line under each list says what the highlighted one is doing now: a
 * volunteer's current citizens, an activity's next session. */
#include "registry_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity_form.h"
#include "app.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "exchange_export.h"
#include "exchange_import.h"
#include "fold.h"
#include "i18n.h"
#include "list.h"
#include "registry.h"
#include "strbuf.h"
#include "utf8.h"
#include "vocab.h"
#include "volunteer_form.h"

enum { PAGE = 60, MAX_ROWS = 3000, TAB_VOLUNTEERS = 0, TAB_ACTIVITIES = 1, DETAIL = 1024 };

struct registry_state {
	struct app *app;
	int tab;
	int cols;                 /* of the last drawing: the columns' widths follow it */
	struct volunteer_row *volunteers;
	struct activity_row *activities;
	int n[2];
	bool more[2];
	char query[2][256];       /* folded */
	struct list list[2];
	long long detail_id[2];   /* whose detail line is shown */
	long long saved[2];       /* what the form opened from here saved */
	char detail[2][DETAIL];
	/* While "stop/end?" is asked: what it is about. */
	int ending_tab;
	long long ending_id;
	bool ending;
	char ending_name[CIT_NAME];
	struct action now[16];    /* the actions as they apply to the list shown */
};

static const struct action registry_actions[] = {
	{ ACT_SWITCH_LIST, UIK_TAB, N_("Switch"), N_("Switch between the volunteers and the activities."), 0 },
	{ ACT_OPEN, UIK_ENTER, N_("Open"), N_("Open the highlighted one to see or change everything about it."), 0 },
	{ ACT_NEW, 'n', N_("New"), N_("Add a new volunteer or activity (coordinators)."), 0 },
	{ ACT_PAUSE, 'p', N_("Pause"), N_("Pause an active volunteer (no new matches), or let a paused one go on."), 0 },
	{ ACT_END, 'a', N_("End"), N_("Stop a volunteer or end an activity; nothing is deleted. Or take one back."), 0 },
	{ ACT_SEARCH, '/', N_("Search"), N_("Search as you type: name, phone, e-mail, town or postcode; an activity also by organiser and place."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Clear the search, or go back to the home screen."), 0 },
	{ ACT_EXPORT, 'x', N_("Export"), N_("Write the volunteers or the activities to a CSV file for Excel."), 0 },
	{ ACT_IMPORT, 'i', N_("Import"), N_("Import volunteers or activities from a spreadsheet saved as CSV (coordinators)."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void fetch(struct registry_state *st, int tab, int offset)
{
	int want = PAGE, got = 0;
	if (offset + want > MAX_ROWS)
		want = MAX_ROWS - offset;
	if (want <= 0) {
		st->more[tab] = false;
		return;
	}
	enum db_status r = tab == TAB_VOLUNTEERS
		? registry_find_volunteers(&st->app->desk, st->query[tab], offset, want, st->volunteers + offset, &got)
		: registry_find_activities(&st->app->desk, st->query[tab], offset, want, st->activities + offset, &got);
	if (r != DB_OK) {
		app_status_db(st->app, r);
		got = 0;
	}
	st->n[tab] = offset + got;
	st->more[tab] = got == want;
}

static void refetch(struct registry_state *st, int tab)
{
	int keep = st->n[tab] > PAGE ? st->n[tab] : PAGE;
	st->n[tab] = 0;
	fetch(st, tab, 0);
	while (st->more[tab] && st->n[tab] < keep)
		fetch(st, tab, st->n[tab]);
	st->detail_id[tab] = 0;
	list_refresh(&st->list[tab]);
}

static int v_count(void *ctx)
{
	return ((struct registry_state *)ctx)->n[TAB_VOLUNTEERS];
}

static int a_count(void *ctx)
{
	return ((struct registry_state *)ctx)->n[TAB_ACTIVITIES];
}

/* "Peer supporter, Mentor" */
static void roles_text(unsigned roles, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	for (int i = 0; i < VOLUNTEER_ROLES; i++)
		if (roles & (1u << i))
			strbuf_item(&b, ", ", _(vocab_volunteer_role[i].label));
}

/* Name and roles columns: wider on a wide window. At 80 columns the
 * name gives the town the column the scroll mark's space took
 * ("8200 Aarhus N" whole). */
static int name_cols(const struct registry_state *st)
{
	return st->cols >= 100 ? 30 : 21;
}

static int roles_cols(const struct registry_state *st)
{
	return st->cols >= 100 ? 30 : 16;
}

/* The status column is as wide as its widest word in the language shown
 * ("Under oplæring"), so no status is cut. */
static int status_cols(void)
{
	int w = utf8_columns(_("Status"), strlen(_("Status")));
	for (const struct vocab *v = vocab_volunteer_status; v->code; v++) {
		const char *label = _(v->label);
		int lw = utf8_columns(label, strlen(label));
		if (lw > w)
			w = lw;
	}
	return w;
}

static void v_row(void *ctx, int i, char *buf, size_t size)
{
	struct registry_state *st = ctx;
	if (i >= st->n[TAB_VOLUNTEERS] - 5 && st->more[TAB_VOLUNTEERS])
		fetch(st, TAB_VOLUNTEERS, st->n[TAB_VOLUNTEERS]);
	const struct volunteer_row *v = &st->volunteers[i];
	char name[CIT_NAME + 64], load[64], status[100], roles[300], where[CIT_TOWN + 16];
	text_pad(name, sizeof name, v->name, name_cols(st));
	/* TRANSLATORS: a volunteer's citizens now of how many they can support, e.g. "1 of 3". */
	snprintf(where, sizeof where, _("%d of %d"), v->load, v->capacity);
	text_pad(load, sizeof load, where, 8);
	text_pad(status, sizeof status, vocab_label(vocab_volunteer_status, v->status), status_cols());
	roles_text(v->roles, where, sizeof where);
	text_pad(roles, sizeof roles, where, roles_cols(st));
	snprintf(where, sizeof where, "%s %s", v->postcode, v->town);
	snprintf(buf, size, "%s %s %s %s %s", name, load, status, roles, where);
}

static void a_row(void *ctx, int i, char *buf, size_t size)
{
	struct registry_state *st = ctx;
	if (i >= st->n[TAB_ACTIVITIES] - 5 && st->more[TAB_ACTIVITIES])
		fetch(st, TAB_ACTIVITIES, st->n[TAB_ACTIVITIES]);
	const struct activity_row *a = &st->activities[i];
	char name[CIT_NAME + 64], when[64], places[64], status[100], text[CIT_TEXT + 16];
	text_pad(name, sizeof name, a->name, name_cols(st) + 4);
	if (a->weekday >= 1 && a->weekday <= 7)
		snprintf(text, sizeof text, "%s %s", date_weekday_abbr(a->weekday), a->start_time);
	else
		snprintf(text, sizeof text, "%s", _("not weekly"));
	text_pad(when, sizeof when, text, 11);
	snprintf(text, sizeof text, _("%d of %d"), a->load, a->capacity);
	text_pad(places, sizeof places, text, 10);
	text_pad(status, sizeof status, vocab_label(vocab_activity_status, a->status), 10);
	snprintf(text, sizeof text, "%s %s", a->postcode, a->place);
	snprintf(buf, size, "%s %s %s %s %s", name, when, places, status, text);
}

static void v_filter(void *ctx, const char *query)
{
	struct registry_state *st = ctx;
	fold_search(query, st->query[TAB_VOLUNTEERS], sizeof st->query[TAB_VOLUNTEERS]);
	st->n[TAB_VOLUNTEERS] = 0;
	refetch(st, TAB_VOLUNTEERS);
}

static void a_filter(void *ctx, const char *query)
{
	struct registry_state *st = ctx;
	fold_search(query, st->query[TAB_ACTIVITIES], sizeof st->query[TAB_ACTIVITIES]);
	st->n[TAB_ACTIVITIES] = 0;
	refetch(st, TAB_ACTIVITIES);
}

static void detail(struct registry_state *st, struct app *app);

static bool registry_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct registry_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->volunteers = calloc(MAX_ROWS, sizeof *st->volunteers);
	st->activities = calloc(MAX_ROWS, sizeof *st->activities);
	if (!st->volunteers || !st->activities) {
		free(st->volunteers);
		free(st->activities);
		free(st);
		return false;
	}
	st->app = app;
	list_init(&st->list[TAB_VOLUNTEERS],
		  (struct list_source){ .count = v_count, .row = v_row, .filter = v_filter, .ctx = st },
		  _("No volunteers yet. Press n to add the first."));
	list_init(&st->list[TAB_ACTIVITIES],
		  (struct list_source){ .count = a_count, .row = a_row, .filter = a_filter, .ctx = st },
		  _("No activities yet. Press n to add the first."));
	refetch(st, TAB_VOLUNTEERS);
	refetch(st, TAB_ACTIVITIES);
	detail(st, app);
	s->state = st;
	return true;
}

static void registry_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct registry_state *st = s->state;
	free(st->volunteers);
	free(st->activities);
	free(st);
	s->state = NULL;
}

static long long row_id(const struct registry_state *st, int tab, int i)
{
	if (i < 0 || i >= st->n[tab])
		return 0;
	return tab == TAB_VOLUNTEERS ? st->volunteers[i].id : st->activities[i].id;
}

/* The list read again with the highlight on `id` when it is there; with
 * `look_further`, pages more are read to find it (as far as the list
 * holds rows). */
static void refetch_at(struct registry_state *st, int tab, long long id, bool look_further)
{
	refetch(st, tab);
	for (int i = 0; id; i++) {
		if (i == st->n[tab]) {
			if (!look_further || !st->more[tab])
				break;
			fetch(st, tab, st->n[tab]);
			if (i == st->n[tab])
				break;
		}
		if (row_id(st, tab, i) == id) {
			st->list[tab].selected = i;
			break;
		}
	}
	list_refresh(&st->list[tab]);
}

/* Back from a form: both lists read again, the highlight on what the
 * form saved (a new one is found where its name puts it), else where it
 * was. */
static unsigned registry_resume(struct screen *s, struct app *app)
{
	struct registry_state *st = s->state;
	for (int tab = 0; tab < 2; tab++) {
		long long saved = st->saved[tab];
		st->saved[tab] = 0;
		refetch_at(st, tab, saved ? saved : row_id(st, tab, st->list[tab].selected), saved != 0);
	}
	detail(st, app);
	return RD_ALL;
}

/* Another desk saved a volunteer or an activity: both lists read again,
 * each highlight stays on the same one, and the detail line is new. */
static unsigned registry_refresh(struct screen *s, struct app *app)
{
	struct registry_state *st = s->state;
	for (int tab = 0; tab < 2; tab++)
		refetch_at(st, tab, row_id(st, tab, st->list[tab].selected), false);
	detail(st, app);
	return RD_ALL;
}

/* What the highlighted one is doing now, read when the highlight moves. */
static void detail(struct registry_state *st, struct app *app)
{
	int tab = st->tab, sel = st->list[tab].selected;
	if (sel >= st->n[tab]) {
		st->detail[tab][0] = '\0';
		return;
	}
	long long id = tab == TAB_VOLUNTEERS ? st->volunteers[sel].id : st->activities[sel].id;
	if (id == st->detail_id[tab])
		return;
	st->detail_id[tab] = id;
	char *out = st->detail[tab];
	out[0] = '\0';
	if (tab == TAB_VOLUNTEERS) {
		struct match_row rows[12];
		int n = 0;
		if (registry_volunteer_matches(&app->desk, id, rows, 12, &n) != DB_OK)
			return;
		const struct volunteer_row *v = &st->volunteers[sel];
		if (n == 0) {
			snprintf(out, DETAIL, P_("%s supports nobody now (%d place).", "%s supports nobody now (%d places).",
						 v->capacity),
				 v->name, v->capacity);
			return;
		}
		char names[DETAIL];
		struct strbuf b = strbuf_on(names, sizeof names);
		for (int i = 0; i < n; i++)
			strbuf_item(&b, ", ", rows[i].citizen);
		snprintf(out, DETAIL, _("%s supports %d of %d now: %s"), v->name, v->load, v->capacity, names);
		return;
	}
	struct activity_record a;
	if (registry_activity(&app->desk, id, &a) != DB_OK)
		return;
	struct date d;
	char next[100];
	if (date_parse_iso(a.next_session, &d))
		date_format_short(d, next, sizeof next);
	else
		snprintf(next, sizeof next, "%s", _("none planned"));
	snprintf(out, DETAIL, _("%s · %s · next session: %s · %d of %d places taken%s%s"), a.name,
		 vocab_label(vocab_community, a.community), next, a.load, a.capacity,
		 a.contact_name[0] ? _(" · contact ") : "", a.contact_name);
}

static void registry_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct registry_state *st = s->state;
	st->cols = a->cols;
	char tab[2][200];
	snprintf(tab[0], sizeof tab[0], " %s (%d%s) ", _("Volunteers"), st->n[0], st->more[0] ? "+" : "");
	snprintf(tab[1], sizeof tab[1], " %s (%d%s) ", _("Activities"), st->n[1], st->more[1] ? "+" : "");
	int x = a->left;
	for (int t = 0; t < 2; t++) {
		x += draw_text(a->top, x, a->left + a->cols - x, tab[t], t == st->tab ? A_REVERSE | A_BOLD : A_NORMAL);
		x += 2;
	}
	char head[600], c1[200], c2[100], c3[100], c4[100];
	if (st->tab == TAB_VOLUNTEERS) {
		text_pad(c1, sizeof c1, _("Name"), name_cols(st));
		text_pad(c2, sizeof c2, _("Supports"), 8);
		text_pad(c3, sizeof c3, _("Status"), status_cols());
		text_pad(c4, sizeof c4, _("Roles"), roles_cols(st));
		snprintf(head, sizeof head, "%s %s %s %s %s", c1, c2, c3, c4, _("Lives in"));
	} else {
		text_pad(c1, sizeof c1, _("Name"), name_cols(st) + 4);
		text_pad(c2, sizeof c2, _("When"), 11);
		text_pad(c3, sizeof c3, _("Enrolled"), 10);
		text_pad(c4, sizeof c4, _("Status"), 10);
		snprintf(head, sizeof head, "%s %s %s %s %s", c1, c2, c3, c4, _("Place"));
	}
	draw_text(a->top + 1, a->left, a->cols, head, A_UNDERLINE);
	int detail_rows = a->rows >= 16 ? 3 : a->rows >= 12 ? 2 : 0;
	struct area rows = { a->top + 2, a->left, a->rows - 2 - detail_rows, a->cols };
	list_draw(&st->list[st->tab], &rows);
	if (detail_rows) {
		draw_wrapped(a->top + a->rows - detail_rows, a->left, detail_rows, a->cols, st->detail[st->tab], A_BOLD);
	}
}

static unsigned pause_or_resume(struct registry_state *st, struct app *app)
{
	int sel = st->list[TAB_VOLUNTEERS].selected;
	if (st->tab != TAB_VOLUNTEERS) {
		app_status(app, STATUS_ERROR, "%s", _("An activity is not paused: cancel a single session in Attendance, or end the activity with a."));
		return RD_ALL;
	}
	if (sel >= st->n[TAB_VOLUNTEERS])
		return RD_ALL;
	const struct volunteer_row *v = &st->volunteers[sel];
	bool active = strcmp(v->status, "active") == 0, paused = strcmp(v->status, "paused") == 0;
	if (!active && !paused) {
		app_status(app, STATUS_ERROR, "%s", _("Only an active volunteer can be paused. Change the status in the form (Enter)."));
		return RD_ALL;
	}
	enum db_status r = registry_set_volunteer_status(&app->desk, v->id, active ? "paused" : "active");
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	char name[CIT_NAME];
	snprintf(name, sizeof name, "%s", v->name);
	int load = v->load;
	refetch(st, TAB_VOLUNTEERS);
	if (active)
		app_status(app, STATUS_INFO, P_("%s is paused and gets no new matches; %d current match stays open.",
						"%s is paused and gets no new matches; %d current matches stay open.", load),
			   name, load);
	else
		app_status(app, STATUS_INFO, _("%s is active again."), name);
	return RD_ALL;
}

/* What a stopped volunteer is taken back as: chosen, as one who stopped
 * in training is not made active by it (a new user's trainee was
 * proposed in matching the moment they came back). */
static const char *const taken_back_as[] = { "active", "training" };

static void changed_status(struct registry_state *st, struct app *app, const char *status);

static void end_answered(struct app *app, void *ctx, int yes)
{
	struct registry_state *st = ctx;
	if (!yes)
		return;
	changed_status(st, app, st->ending ? (st->ending_tab == TAB_VOLUNTEERS ? "stopped" : "ended") : "active");
}

static void taken_back(struct app *app, void *ctx, int c)
{
	if (c >= 0 && c < (int)(sizeof taken_back_as / sizeof taken_back_as[0]))
		changed_status(ctx, app, taken_back_as[c]);
}

static void changed_status(struct registry_state *st, struct app *app, const char *status)
{
	enum db_status r;
	if (st->ending_tab == TAB_VOLUNTEERS)
		r = registry_set_volunteer_status(&app->desk, st->ending_id, status);
	else
		r = registry_set_activity_status(&app->desk, st->ending_id, status, _("The activity has ended"));
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	refetch_at(st, st->ending_tab, st->ending_id, true);
	st->detail_id[st->ending_tab] = 0;
	detail(st, app);
	if (strcmp(status, "stopped") == 0)
		app_status(app, STATUS_INFO, _("%s has stopped as a volunteer and stays on record."), st->ending_name);
	else if (strcmp(status, "training") == 0)
		app_status(app, STATUS_INFO, _("%s is back, in training."), st->ending_name);
	else
		app_status(app, STATUS_INFO, st->ending ? _("%s has ended. It stays on record.") : _("%s is active again."),
			   st->ending_name);
}

static unsigned end_or_take_back(struct registry_state *st, struct app *app)
{
	int tab = st->tab, sel = st->list[tab].selected;
	if (sel >= st->n[tab])
		return RD_ALL;
	/* Said before the question rather than after it: only a coordinator
	 * changes the registry. */
	if (!desk_is_coordinator(&app->desk)) {
		app_status_db(app, DB_ERR_FORBIDDEN);
		return RD_ALL;
	}
	char question[CIT_NAME + 400];
	st->ending_tab = tab;
	if (tab == TAB_VOLUNTEERS) {
		const struct volunteer_row *v = &st->volunteers[sel];
		st->ending_id = v->id;
		snprintf(st->ending_name, sizeof st->ending_name, "%s", v->name);
		st->ending = strcmp(v->status, "stopped") != 0;
		if (st->ending)
			snprintf(question, sizeof question,
				 P_("Stop %s as a volunteer? Nothing is deleted; %d open match stays open until you end it.",
				    "Stop %s as a volunteer? Nothing is deleted; %d open matches stay open until you end them.",
				    v->load), v->name, v->load);
		else {
			snprintf(question, sizeof question, _("Take %s back: as active, or in training?"), v->name);
			/* No answer starts with a (the key that asked): "a a"
			 * made a trainee active. Enter alone keeps things. */
			const char *labels[] = { _("As active"), _("In training"), _("Keep stopped") };
			dialog_choose(app, &(struct choose_args){ .question = question, .labels = labels, .n = 3,
				.default_index = 2, .done = taken_back, .ctx = st });
			return RD_ALL;
		}
	} else {
		const struct activity_row *act = &st->activities[sel];
		st->ending_id = act->id;
		snprintf(st->ending_name, sizeof st->ending_name, "%s", act->name);
		st->ending = strcmp(act->status, "ended") != 0;
		if (st->ending)
			snprintf(question, sizeof question,
				 _("End %s? Its planned sessions are cancelled; nothing that happened is deleted."), act->name);
		else
			snprintf(question, sizeof question, _("Start %s again? Its sessions are planned anew."), act->name);
	}
	dialog_confirm(app, &(struct confirm_args){ .question = question, .done = end_answered, .ctx = st });
	return RD_ALL;
}

static unsigned registry_key(struct screen *s, struct app *app, ui_key key)
{
	struct registry_state *st = s->state;
	struct list *l = &st->list[st->tab];
	/* Tab while typing a search: the search stays, the other list shows
	 * (the key bar offers it; it did nothing, a new user's). */
	if (l->searching && key == UIK_TAB)
		l->searching = false;
	if (!l->searching) {
		switch (action_for_key(s->ops->actions, key)) {
		case ACT_SWITCH_LIST:
			st->tab = 1 - st->tab;
			detail(st, app);
			return RD_ALL;
		case ACT_NEW:
			/* An empty form only a coordinator could save: said at once. */
			if (!desk_is_coordinator(&app->desk))
				app_status_db(app, DB_ERR_FORBIDDEN);
			else if (st->tab == TAB_VOLUNTEERS)
				volunteer_form_open(app, &(struct volunteer_form_args){ .saved = &st->saved[TAB_VOLUNTEERS] });
			else
				activity_form_open(app, &(struct activity_form_args){ .saved = &st->saved[TAB_ACTIVITIES] });
			return RD_ALL;
		case ACT_PAUSE:
			return pause_or_resume(st, app);
		case ACT_END:
			return end_or_take_back(st, app);
		case ACT_EXPORT:
			exchange_export_open(app, &(struct exchange_export_args){
				.table = st->tab == TAB_VOLUNTEERS ? EXCHANGE_VOLUNTEERS : EXCHANGE_ACTIVITIES });
			return RD_ALL;
		case ACT_IMPORT:
			exchange_import_open(app, &(struct exchange_import_args){
				.table = st->tab == TAB_VOLUNTEERS ? EXCHANGE_VOLUNTEERS : EXCHANGE_ACTIVITIES });
			return RD_ALL;
		default:
			break;
		}
	}
	enum list_event ev;
	bool used;
	unsigned r = list_key(l, key, &ev, &used);
	if (ev == LIST_ACTIVATE && l->selected < st->n[st->tab]) {
		bool opened = st->tab == TAB_VOLUNTEERS
			? volunteer_form_open(app, &(struct volunteer_form_args){ .id = st->volunteers[l->selected].id })
			: activity_form_open(app, &(struct activity_form_args){ .id = st->activities[l->selected].id });
		/* Read by anyone at the desk; saved only by a coordinator: said
		 * as it opens, not after the typing. */
		if (opened && !desk_is_coordinator(&app->desk))
			app_status(app, STATUS_INFO, "%s", _("You can read this; only a coordinator can save changes here."));
		return RD_ALL;
	}
	if (ev == LIST_LEAVE) {
		app_pop(app);
		return RD_ALL;
	}
	if (!used)
		return app_default_key(app, key);
	/* The highlight may have moved: the line at the bottom follows. */
	detail(st, app);
	return r | RD_BODY;
}

/* Pause is a volunteer's: on the activities it is kept off the key bar
 * (its key still says what to do instead). */
static bool registry_hides(enum action_id id, const void *state, const struct app *app)
{
	(void)app;
	const struct registry_state *st = state;
	return id == ACT_PAUSE && st->tab == TAB_ACTIVITIES;
}

static const struct action *registry_actions_now(const struct screen *s, const struct app *app)
{
	struct registry_state *st = s->state;
	return st ? action_table_hiding(st->now, sizeof st->now / sizeof st->now[0], registry_actions, registry_hides,
					st, app)
		  : registry_actions;
}

const struct screen_ops registry_screen = {
	.name = N_("Registry"),
	.help = N_("The centre's volunteers and activities. Tab switches between them, / searches as you "
		   "type, Enter opens one to see or change it, n adds a new one. A volunteer can be paused "
		   "(no new matches) or stopped, an activity ended; nothing is ever deleted, and both can "
		   "be taken back. The line at the bottom shows whom the highlighted volunteer supports "
		   "now, or the activity's next session. Weekly sessions are planned twelve weeks ahead."),
	.actions = registry_actions,
	.actions_now = registry_actions_now,
	.enter = registry_enter,
	.draw = registry_draw,
	.on_key = registry_key,
	.resume = registry_resume,
	.others_changed = registry_refresh,
	.leave = registry_leave,
};

void registry_open(struct app *app)
{
	app_push(app, &registry_screen, NULL);
}
