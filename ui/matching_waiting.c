/* matching_waiting.c — matching (home key 3): the citizens waiting for a match,
 * longest waiting first, with how long; `/` searches every citizen. Enter
 * opens the citizen's ranked volunteers and activities; f opens the
 * coordinator's proposal for everyone waiting. Also ending a match,
 * which the citizen's screen asks for. */
#include "matching_waiting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "citizen_rules.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "fold.h"
#include "i18n.h"
#include "list.h"
#include "match.h"
#include "number.h"
#include "strbuf.h"
#include "vocab.h"

enum { PAGE = 60, MAX_ROWS = 2000 };

const char *matching_refusal_text(enum match_refusal why)
{
	switch (why) {
	case MATCH_REFUSED_NOTHING:
		return _("Choose a volunteer or an activity first (Enter on a line).");
	case MATCH_REFUSED_CITIZEN:
		return _("Not matched: the citizen's course has ended.");
	case MATCH_REFUSED_VOLUNTEER_NOT_ACTIVE:
		return _("Not matched: the volunteer is not active any more.");
	case MATCH_REFUSED_VOLUNTEER_FULL:
		return _("Not matched: the volunteer's last free place was just taken at another desk.");
	case MATCH_REFUSED_ALREADY_MATCHED:
		return _("Not matched: the citizen is already matched with this volunteer.");
	case MATCH_REFUSED_ACTIVITY_ENDED:
		return _("Not matched: the activity has ended.");
	case MATCH_REFUSED_ACTIVITY_FULL:
		return _("Not matched: the activity's last free place was just taken at another desk.");
	case MATCH_REFUSED_ALREADY_ENROLLED:
		return _("Not matched: the citizen already takes part in the activity.");
	case MATCH_REFUSED_NONE:
	default:
		return "";
	}
}

/* "Bente Ølgaard + Socialt café" */
static void match_label(const struct match_row *m, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s", m->volunteer, m->volunteer[0] && m->activity[0] ? " + " : "", m->activity);
}

static void end_reason_typed(struct app *app, void *ctx, const char *reason);

static void ask_reason(struct app *app, struct match_end *job)
{
	dialog_prompt(app, &(struct prompt_args){ .question = _("Why? A few words for the record:"),
		.max_chars = NOTE_CHARS, .done = end_reason_typed, .ctx = job });
}

static void end_reason_typed(struct app *app, void *ctx, const char *reason)
{
	struct match_end *job = ctx;
	if (!reason)
		return;
	/* The record needs a reason: ask again until one is given or Esc. */
	if (!reason[0]) {
		ask_reason(app, job);
		return;
	}
	const char *outcome = vocab_match_outcome[job->outcome].code;
	enum db_status r = matching_end(&app->desk, job->rows[job->which].id, outcome, reason);
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	app_status(app, STATUS_INFO, _("The match with %s has ended: %s."), job->labels[job->which],
		   _(vocab_match_outcome[job->outcome].label));
	if (job->ended)
		job->ended(app, job->ctx);
}

static void end_outcome_chosen(struct app *app, void *ctx, int o)
{
	struct match_end *job = ctx;
	if (o < 0)
		return;
	job->outcome = o;
	ask_reason(app, job);
}

static void end_which_chosen(struct app *app, void *ctx, int which)
{
	struct match_end *job = ctx;
	if (which < 0)
		return;
	job->which = which;
	const char *outcomes[DIALOG_MAX_BUTTONS];
	int no = vocab_count(vocab_match_outcome);
	if (no > DIALOG_MAX_BUTTONS)
		no = DIALOG_MAX_BUTTONS;
	for (int i = 0; i < no; i++)
		outcomes[i] = _(vocab_match_outcome[i].label);
	char question[CIT_NAME * 2 + 120];
	snprintf(question, sizeof question, _("How does the match with %s end?"), job->labels[which]);
	dialog_choose(app, &(struct choose_args){ .question = question, .labels = outcomes, .n = no,
		.done = end_outcome_chosen, .ctx = job });
}

void matching_course_end_words(struct app *app, long long citizen_id, const char *reason, char *question,
			       size_t size)
{
	struct match_ending effects;
	bool stays = match_end_effects(match_outcome_at_course_end(reason), &effects) && effects.keep_enrolment;
	struct match_row rows[MATCH_END_MAX];
	int n = 0;
	if (matching_citizen_matches(&app->desk, citizen_id, rows, MATCH_END_MAX, &n) != DB_OK)
		n = 0;
	struct strbuf b = { .buf = question, .size = size, .len = strlen(question) };
	for (int i = 0; i < n && !rows[i].ended_on[0]; i++) {
		char people[2 * CIT_NAME + 4];
		match_label(&rows[i], people, sizeof people);
		strbuf_add(&b, " ");
		strbuf_add(&b, stays ? _("The match with %s ends too; the enrolment stays.")
				     : _("The match with %s ends too, with its enrolment."),
			   people);
	}
	strbuf_add(&b, " %s", _("Calls planned are cancelled."));
}

void matching_end_ask(struct app *app, struct match_end *job)
{
	/* Said before the questions rather than after them: only a
	 * coordinator ends a match (matching_end refuses anyone else). */
	if (!desk_is_coordinator(&app->desk)) {
		app_status_db(app, DB_ERR_FORBIDDEN);
		return;
	}
	int n = 0;
	enum db_status r = matching_citizen_matches(&app->desk, job->citizen_id, job->rows, MATCH_END_MAX, &n);
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	job->open = 0;
	while (job->open < n && !job->rows[job->open].ended_on[0])
		job->open++;
	if (job->open == 0) {
		app_status(app, STATUS_ERROR, "%s", _("There is no open match to end."));
		return;
	}
	const char *label_ptr[MATCH_END_MAX];
	for (int i = 0; i < job->open; i++) {
		match_label(&job->rows[i], job->labels[i], sizeof job->labels[i]);
		label_ptr[i] = job->labels[i];
	}
	if (job->open == 1) {
		end_which_chosen(app, job, 0);
		return;
	}
	dialog_choose(app, &(struct choose_args){ .question = _("Which match ends?"), .labels = label_ptr,
		.n = job->open, .done = end_which_chosen, .ctx = job });
}

/* ---------- the waiting list ---------- */

struct picker_state {
	struct app *app;
	struct waiting_citizen *waiting;
	struct citizen_hit *hits;
	int n;
	bool more;
	bool searching_all;     /* a query is typed: hits, not the waiting list */
	char query[256];        /* as typed */
	long long total_waiting;
	long long version;      /* data version of the last fetch */
	struct list list;
	int name_cols;
	bool narrow;             /* under 60 columns: no place column */
};

static const struct action picker_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Match"), N_("Show the chosen citizen's best volunteers and activities, with the reasons."), 0 },
	{ ACT_SEARCH, '/', N_("Search"), N_("Find any citizen as you type, also one who is not waiting."), 0 },
	{ ACT_PROPOSAL, 'f', N_("Proposal"), N_("A proposal that matches everyone waiting at once, as well as the free places allow (coordinators)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Clear the search, or go back."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void fetch(struct picker_state *st, int offset)
{
	int want = PAGE;
	if (offset + want > MAX_ROWS)
		want = MAX_ROWS - offset;
	if (want <= 0) {
		st->more = false;
		return;
	}
	int got = 0;
	enum db_status r = st->searching_all
		? matching_find_citizens(&st->app->desk, st->query, offset, want, st->hits + offset, &got)
		: matching_waiting(&st->app->desk, offset, want, st->waiting + offset, &got);
	if (r != DB_OK) {
		app_status_db(st->app, r);
		got = 0;
	}
	st->n = offset + got;
	st->more = got == want;
}

static void refetch(struct picker_state *st)
{
	int keep = st->n > PAGE ? st->n : PAGE;
	char folded[8];
	st->searching_all = fold_search(st->query, folded, sizeof folded) > 0;
	st->n = 0;
	fetch(st, 0);
	while (st->more && st->n < keep)
		fetch(st, st->n);
	if (matching_waiting_count(&st->app->desk, &st->total_waiting) != DB_OK)
		st->total_waiting = 0;
	matching_data_version(&st->app->desk, &st->version);
	list_refresh(&st->list);
}

static int p_count(void *ctx)
{
	return ((struct picker_state *)ctx)->n;
}

static void p_row(void *ctx, int i, char *buf, size_t size)
{
	struct picker_state *st = ctx;
	if (i >= st->n - 5 && st->more)
		fetch(st, st->n);
	char name[CIT_NAME + 64], place[CIT_TOWN + 64];
	if (st->searching_all) {
		const struct citizen_hit *h = &st->hits[i];
		char where[CIT_TOWN + 8];
		snprintf(where, sizeof where, "%s %s", h->postcode, h->town);
		/* The place beside the name shows the postcode: a namesake is
		 * told apart by the birth year alone. */
		struct citizen_apart apart = citizen_rule_hit_apart(h);
		apart.postcode[0] = '\0';
		char shown[CIT_NAME + 48];
		citizen_rule_list_name(h->name, &apart, st->name_cols, shown, sizeof shown);
		text_pad(name, sizeof name, shown, st->name_cols);
		text_pad(place, sizeof place, where, 22);
		snprintf(buf, size, "%s %s %s", name, place, strcmp(h->status, "ended") == 0 ? _("(course ended)") : "");
		return;
	}
	const struct waiting_citizen *w = &st->waiting[i];
	char where[CIT_TOWN + 8], waited[64] = "";
	snprintf(where, sizeof where, "%s %s", w->postcode, w->town);
	struct date since;
	if (date_parse_iso(w->waiting_since, &since))
		match_waiting_text(date_to_days(date_today()) - date_to_days(since), waited, sizeof waited);
	struct citizen_apart apart = w->apart;
	if (!st->narrow)
		apart.postcode[0] = '\0'; /* the place column says it */
	char shown[CIT_NAME + 48];
	citizen_rule_list_name(w->name, &apart, st->name_cols, shown, sizeof shown);
	text_pad(name, sizeof name, shown, st->name_cols);
	char how_long[100];
	text_pad(how_long, sizeof how_long, waited, 12);
	if (st->narrow) {
		/* How long matters more than where on a small window. */
		snprintf(buf, size, "%s %s", name, how_long);
		return;
	}
	text_pad(place, sizeof place, where, 22);
	snprintf(buf, size, "%s %s %s %s", name, place, how_long, w->assessment[0] ? "" : _("(not assessed yet)"));
}

static void p_filter(void *ctx, const char *query)
{
	struct picker_state *st = ctx;
	snprintf(st->query, sizeof st->query, "%s", query);
	st->n = 0;
	refetch(st);
}

static bool picker_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct picker_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->waiting = calloc(MAX_ROWS, sizeof *st->waiting);
	st->hits = calloc(MAX_ROWS, sizeof *st->hits);
	if (!st->waiting || !st->hits) {
		free(st->waiting);
		free(st->hits);
		free(st);
		return false;
	}
	st->app = app;
	st->name_cols = 28;
	list_init(&st->list, (struct list_source){ .count = p_count, .row = p_row, .filter = p_filter, .ctx = st },
		  _("Nobody is waiting for a match. Press / to find a citizen."));
	refetch(st);
	s->state = st;
	return true;
}

static void picker_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct picker_state *st = s->state;
	free(st->waiting);
	free(st->hits);
	free(st);
	s->state = NULL;
	matching_release();
}

static void picker_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct picker_state *st = s->state;
	st->narrow = a->cols < 60;
	st->name_cols = a->cols >= 100 ? 36 : a->cols >= 70 ? 26 : st->narrow ? a->cols - 14 : a->cols / 3;
	char head[200], count[NUMBER_LEN];
	if (st->searching_all)
		snprintf(head, sizeof head, "%s", _("All citizens matching the search"));
	else
		snprintf(head, sizeof head, P_("%s citizen waiting for a match, longest waiting first",
					       "%s citizens waiting for a match, longest waiting first",
					       st->total_waiting), count_text(st->total_waiting, count));
	draw_text(a->top, a->left, a->cols, head, A_BOLD);
	struct area rest = { a->top + 1, a->left, a->rows - 1, a->cols };
	list_draw(&st->list, &rest);
}

/* Back from a match or another desk's change: fetch again. */
static unsigned picker_resume(struct screen *s, struct app *app)
{
	struct picker_state *st = s->state;
	long long version = 0;
	if (matching_data_version(&app->desk, &version) == DB_OK && version != st->version)
		refetch(st);
	return RD_ALL;
}

static long long picker_id(const struct picker_state *st, int i)
{
	if (i < 0 || i >= st->n)
		return 0;
	return st->searching_all ? st->hits[i].id : st->waiting[i].id;
}

/* Another desk matched, registered or ended someone: the list reads
 * again (it was fetched before the change) and the highlight stays on
 * the same citizen while they are on it. */
static unsigned picker_refresh(struct screen *s, struct app *app)
{
	(void)app;
	struct picker_state *st = s->state;
	long long id = picker_id(st, st->list.selected);
	refetch(st);
	for (int i = 0; id && i < st->n; i++)
		if (picker_id(st, i) == id) {
			st->list.selected = i;
			break;
		}
	list_refresh(&st->list);
	return RD_ALL;
}

static unsigned picker_key(struct screen *s, struct app *app, ui_key key)
{
	struct picker_state *st = s->state;
	if (!st->list.searching) {
		switch (action_for_key(s->ops->actions, key)) {
		case ACT_PROPOSAL:
			matching_proposal_open(app);
			return RD_ALL;
		case ACT_BACK:
			if (!st->list.query.len) {
				app_pop(app);
				return RD_ALL;
			}
			break;
		default:
			break;
		}
	}
	enum list_event ev;
	bool used;
	unsigned r = list_key(&st->list, key, &ev, &used);
	if (ev == LIST_ACTIVATE && st->list.selected < st->n) {
		matching_citizen_open(app, &(struct matching_citizen_args){ .citizen_id = st->searching_all
			? st->hits[st->list.selected].id : st->waiting[st->list.selected].id });
		return RD_ALL;
	}
	if (ev == LIST_LEAVE) {
		app_pop(app);
		return RD_ALL;
	}
	return used ? r : app_default_key(app, key);
}

const struct screen_ops matching_screen = {
	.name = N_("Matching"),
	.help = N_("The citizens waiting for a match with a volunteer or an activity, longest waiting first, "
		   "with how long they have waited. A citizen waits when volunteers can help them (or they "
		   "are not assessed yet) and they have no open match. Enter shows the best volunteers and "
		   "activities for the chosen citizen; / finds any citizen. f makes a proposal for everyone "
		   "waiting at once."),
	.actions = picker_actions,
	.enter = picker_enter,
	.draw = picker_draw,
	.on_key = picker_key,
	.resume = picker_resume,
	.others_changed = picker_refresh,
	.leave = picker_leave,
};

void matching_open(struct app *app)
{
	app_push(app, &matching_screen, NULL);
}
