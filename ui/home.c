/* home.c — home screen. The menu is drawn from the action table, so the
 * menu, the hint line and help can never disagree. */
#include "home.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendance_week.h"
#include "audit_screen.h"
#include "calls.h"
#include "call_list.h"
#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "citizen_search.h"
#include "drafts.h"
#include "intake_form.h"
#include "matching_waiting.h"
#include "number.h"
#include "registry_list.h"
#include "report_screen.h"
#include "settings_form.h"
#include "signin.h"
#include "overview.h"
#include "user_list.h"
#include "utf8.h"

/* The menu is drawn from this table; its entries stay off the hint line,
 * which would not hold them all, and are listed in help. */
static const struct action home_actions[] = {
	{ ACT_INTAKE, '1', N_("Intake"), N_("Register a new referral and hold the first conversation."), ACTF_MENU },
	{ ACT_CITIZENS, '2', N_("Citizens"), N_("Find a citizen as you type and see their next step."), ACTF_MENU },
	{ ACT_MATCHING, '3', N_("Matching"), N_("Match a waiting citizen with a volunteer and/or an activity, with the reasons in words."), ACTF_MENU },
	{ ACT_ATTENDANCE, '4', N_("Attendance"), N_("Take this week's roll call, add walk-ins, catch up on a paper list. With one session today, its roll list opens at once (Esc shows the week)."), ACTF_MENU },
	{ ACT_CALLS, '5', N_("Follow-up calls"), N_("Today's calls and overdue ones, then the coming week; record how each went."), ACTF_MENU },
	{ ACT_REPORTS, '6', N_("Reports"), N_("The numbers for the municipality and funders, for a period; written as text, CSV or HTML (coordinators)."), ACTF_MENU },
	{ ACT_REGISTRY, '7', N_("Registry"), N_("Add, change, pause or end volunteers and activities; nothing is ever deleted."), ACTF_MENU },
	{ ACT_DRAFTS, 'k', N_("Drafts"), N_("Intakes, card edits, call outcomes and notes you left unsaved: they wait until you go on with them."), ACTF_MENU },
	{ ACT_USERS, 'b', N_("Users"), N_("Who may use Brobygger, their roles and PINs (coordinators)."), ACTF_MENU },
	{ ACT_LOCK, 'l', N_("Lock"), N_("Lock the screen now, e.g. to let a colleague switch in."), ACTF_MENU },
	{ ACT_PIN, 'p', N_("My PIN"), N_("Change your own PIN; you are asked for the one you have now first."), ACTF_MENU },
	{ ACT_SETTINGS, 's', N_("Settings"), N_("The centre's name and when the screen locks (coordinators)."), ACTF_MENU },
	{ ACT_AUDIT, 'a', N_("Audit log"), N_("Who viewed or changed which citizen, exported, imported or signed in (coordinators)."), ACTF_MENU },
	{ ACT_QUIT, 'q', N_("Quit"), N_("Leave Brobygger. Everything you confirmed is already saved."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

struct home_state {
	struct overview o;
	bool loaded;
	struct own_pin_job pin;       /* while "change my PIN" asks */
};

static int draw_count(int y, int x, int cols, const char *label, long long n)
{
	char padded[200], line[240], count[NUMBER_LEN];
	text_pad(padded, sizeof padded, label, 32);
	snprintf(line, sizeof line, "%s %s", padded, count_text(n, count));
	draw_text(y, x, cols, line, A_NORMAL);
	return 1;
}

/* What to do first on an empty database, saying which steps only a
 * coordinator can take (a desk volunteer pressing s would only be told
 * no), or look around on made-up data kept apart from the real database.
 * Short of room (drafts above it), the steps come first; shorter still,
 * help (?) has them. Never cut mid-sentence. */
static void draw_empty_help(bool named, bool users, int y, const struct area *a)
{
	int rows = a->rows - (y - a->top), cols = a->cols - 4;
	/* Once the users are made, that step is no longer asked for. */
	const char *steps = users
		? (named ? _("The database is empty. Next a coordinator adds the volunteers and activities with 7; then "
			     "anyone at the desk can register a referral with 1.")
			 : _("The database is empty. Next a coordinator writes the centre's name with s and adds the "
			     "volunteers and activities with 7; then anyone at the desk can register a referral with 1."))
		: named
		? _("The database is empty. First a coordinator adds the users with b (each with a PIN) and the "
		    "volunteers and activities with 7; then anyone at the desk can register a referral with 1.")
		: _("The database is empty. First a coordinator writes the centre's name with s, adds the users with b "
		    "(each with a PIN) and the volunteers and activities with 7; then anyone at the desk can register "
		    "a referral with 1.");
	char text[1024];
	snprintf(text, sizeof text, "%s %s", steps,
		 _("To look around on made-up data without touching the real database, "
		   "quit with q and run 'brobygger demo': it tells you how to open the made-up data."));
	if (text_rows(text, cols) > rows)
		snprintf(text, sizeof text, "%s", steps);
	if (text_rows(text, cols) > rows)
		snprintf(text, sizeof text, "%s", _("The database is empty. Press ? to see the first steps."));
	draw_wrapped(y, a->left + 2, rows, cols, text, A_NORMAL);
}

/* Drafts waiting to be finished, so none is forgotten: as many as leave
 * `keep` rows below for the menu, the rest counted ("and 2 more"). */
static int draw_drafts(const struct overview *o, int y, const struct area *a, int keep)
{
	/* The heading, at least one line, and a blank row after. */
	int room = a->top + a->rows - y - keep - 2;
	if (o->ndrafts == 0 || a->rows < 16 || room < 1)
		return y;
	draw_text(y++, a->left + 1, a->cols - 1, _("Drafts (k to go on)"), A_BOLD);
	int shown = o->ndrafts <= room ? o->ndrafts : room - 1;
	for (int i = 0; i < shown; i++) {
		char line[CIT_NAME + 120], when[32];
		date_format_stamp(o->drafts[i].updated_at, when, sizeof when);
		/* TRANSLATORS: the name, the kind of draft ("Intake") and when. */
		snprintf(line, sizeof line, _("%s  (%s, %s)"), o->drafts[i].label,
			 drafts_kind_label(o->drafts[i].kind), when);
		draw_text(y++, a->left + 3, a->cols - 3, line, A_NORMAL);
	}
	/* The rest are behind k: say so, so none is forgotten. */
	int more = o->drafts_total - shown;
	if (more > 0) {
		char line[80];
		snprintf(line, sizeof line, shown ? P_("and %d more", "and %d more", more)
						  : P_("%d draft", "%d drafts", more), more);
		draw_text(y++, a->left + 3, a->cols - 3, line, A_NORMAL);
	}
	return y + 1;
}

static void home_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct home_state *st = s->state;
	const struct overview *o = &st->o;
	int y = a->top;
	bool named = o->centre_name[0] != '\0';
	/* Cut with "…", so a narrow window does not pass a cut name off as
	 * whole ("ikke rigtige bo"). */
	draw_cell(y++, a->left + 1, a->cols - 1, named ? o->centre_name : _("Volunteer centre (no name yet)"), A_BOLD);
	y++;

	const struct today_counts *c = &o->today;
	bool empty = st->loaded && c->empty;
	/* An empty database has no numbers worth showing; the first steps
	 * need the room below the menu. */
	if (st->loaded && a->rows >= 9 && !empty) {
		draw_text(y++, a->left + 1, a->cols - 1, _("Today"), A_BOLD);
		draw_count(y++, a->left + 3, a->cols - 3, _("Sessions today"), c->sessions_today);
		draw_count(y++, a->left + 3, a->cols - 3, _("Follow-up calls due"), c->calls_due);
		/* Citizens not reached three times in a row wait for the coordinator. */
		if (o->escalated > 0)
			draw_count(y++, a->left + 3, a->cols - 3, _("Raised to the coordinator"), o->escalated);
		draw_count(y++, a->left + 3, a->cols - 3, _("New referrals (7 days)"), c->new_referrals);
		/* What the retention rule did when the program started. */
		if (app->daily.retention.total.citizens > 0)
			draw_count(y++, a->left + 3, a->cols - 3, _("Anonymised at this start (retention)"),
				   app->daily.retention.total.citizens);
		y++;
	}

	/* One column while it fits, else two side by side: the drafts leave
	 * the menu its heading and two columns' rows. */
	int n = 0;
	while (home_actions[n].id != ACT_NONE)
		n++;
	y = draw_drafts(o, y, a, 1 + (n + 1) / 2);
	draw_text(y++, a->left + 1, a->cols - 1, _("Menu"), A_BOLD);
	/* On an empty database the first-steps text needs room below too. */
	int room = a->top + a->rows - y - (empty ? 5 : 0);
	int per_col = n <= room || a->cols < 36 ? n : (n + 1) / 2;
	int col_w = per_col < n ? (a->cols - 3) / 2 : a->cols - 3;
	for (int i = 0; i < n; i++) {
		int row = y + i % per_col, x = a->left + 3 + (i / per_col) * col_w;
		if (row >= a->top + a->rows)
			continue;
		char key[16], line[200];
		keys_label(home_actions[i].key, key, sizeof key);
		snprintf(line, sizeof line, "%s  %s", key, _(home_actions[i].hint));
		draw_cell(row, x, col_w - 1, line, A_NORMAL);
	}
	y += per_col;
	if (empty && y + 1 < a->top + a->rows)
		draw_empty_help(named, app->desk.users_exist, y + 1, a);
}

static unsigned home_key(struct screen *s, struct app *app, ui_key key)
{
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_QUIT:
		app->quit = true;
		return RD_NONE;
	case ACT_SETTINGS:
		settings_open(app);
		return RD_ALL;
	case ACT_USERS:
		users_open(app);
		return RD_ALL;
	case ACT_LOCK:
		signin_lock(app);
		return RD_ALL;
	case ACT_PIN:
		users_change_own_pin_ask(app, &((struct home_state *)s->state)->pin);
		return RD_ALL;
	case ACT_INTAKE:
		intake_open(app, &(struct intake_args){ 0 });
		return RD_ALL;
	case ACT_CALLS:
		calls_open(app);
		return RD_ALL;
	case ACT_ATTENDANCE:
		attendance_open(app);
		return RD_ALL;
	case ACT_CITIZENS:
		citizens_open(app);
		return RD_ALL;
	case ACT_MATCHING:
		matching_open(app);
		return RD_ALL;
	case ACT_REGISTRY:
		registry_open(app);
		return RD_ALL;
	case ACT_REPORTS:
		report_open(app);
		return RD_ALL;
	case ACT_DRAFTS:
		drafts_open(app);
		return RD_ALL;
	case ACT_AUDIT:
		audit_screen_open(app);
		return RD_ALL;
	default:
		return app_default_key(app, key);
	}
}

/* Today's numbers are read when the screen shows and when it is back on
 * top, never while drawing. */
static unsigned home_resume(struct screen *s, struct app *app)
{
	struct home_state *st = s->state;
	enum db_status r = overview_today(&app->desk, &st->o);
	st->loaded = r == DB_OK;
	if (r != DB_OK)
		app_status_db(app, r);
	return RD_ALL;
}

/* The rules that run at start (src/daily.h) are left to the idle loop
 * (ui/ui.c): the home screen shows at once, and is read again when they
 * are done. */
static bool home_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct home_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	s->state = st;
	home_resume(s, app);
	return true;
}

const struct screen_ops home_screen = {
	.name = N_("Home"),
	.help = N_("The home screen shows today's numbers and leads to every part of the program. "
		   "Press the key in front of a menu line. On a new database a coordinator begins: s for the "
		   "centre's name, b for the users (each with a PIN), 7 for the volunteers and activities; then "
		   "anyone at the desk can register a referral with 1."),
	.actions = home_actions,
	.enter = home_enter,
	.draw = home_draw,
	.on_key = home_key,
	.resume = home_resume,
	.others_changed = home_resume,
	.leave = app_free_state,
};
