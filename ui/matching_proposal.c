/* matching_proposal.c — the coordinator's view: everyone waiting (the
 * longest waiting first, up to PROPOSAL_MAX), matched at once so that the
 * total score is the highest possible within the free places
 * (src/match_propose.c). Each row is accepted (the match is confirmed as
 * at the desk) or skipped, one by one. */
#include "matching_waiting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "citizen_rules.h"
#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "number.h"

enum { PROPOSAL_MAX = 1000, LINE = 2048 };

enum row_state { ROW_OPEN, ROW_ACCEPTED, ROW_SKIPPED, ROW_REFUSED };

struct proposal_state {
	struct matching_proposal p;         /* the citizens, the pool, the rows */
	enum row_state *state;
	enum match_refusal *why;
	int *shown;                         /* citizens with something proposed */
	int nshown;
	int sel, top;
};

static const struct action proposal_actions[] = {
	{ ACT_ACCEPT, UIK_ENTER, N_("Accept"), N_("Confirm the highlighted row's match, as if made at the desk."), 0 },
	{ ACT_SKIP, 's', N_("Skip"), N_("Leave the highlighted row out; it stays unmatched."), 0 },
	{ ACT_RECOMPUTE, 'r', N_("Again"), N_("Make the proposal again from the places free now."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the waiting list."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void release(struct proposal_state *st)
{
	matching_proposal_free(&st->p);
	free(st->state);
	free(st->why);
	free(st->shown);
	st->state = NULL;
	st->why = NULL;
	st->shown = NULL;
	st->nshown = 0;
}

static bool compute(struct proposal_state *st, struct app *app)
{
	release(st);
	st->state = calloc(PROPOSAL_MAX, sizeof *st->state);
	st->why = calloc(PROPOSAL_MAX, sizeof *st->why);
	st->shown = calloc(PROPOSAL_MAX, sizeof *st->shown);
	if (!st->state || !st->why || !st->shown)
		return false;
	enum db_status r = matching_proposal(&app->desk, PROPOSAL_MAX, &st->p);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	for (int i = 0; i < st->p.n; i++)
		if (st->p.rows[i].volunteer >= 0 || st->p.rows[i].activity >= 0)
			st->shown[st->nshown++] = i;
	st->sel = st->top = 0;
	return true;
}

static bool proposal_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct proposal_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	if (!compute(st, app)) {
		release(st);
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void proposal_leave(struct screen *s, struct app *app)
{
	(void)app;
	release(s->state);
	free(s->state);
	s->state = NULL;
}

static void candidate_text(const struct proposal_state *st, int citizen, bool volunteer, char *out, size_t size)
{
	const struct match_proposal_row *p = &st->p.rows[citizen];
	int index = volunteer ? p->volunteer : p->activity;
	if (index < 0) {
		snprintf(out, size, "—");
		return;
	}
	/* The score first: a long name is cut, the score never. */
	snprintf(out, size, "%3d %s", volunteer ? p->volunteer_score : p->activity_score,
		 volunteer ? st->p.pool.volunteers[index].name : st->p.pool.activities[index].name);
}

static const char *state_text(const struct proposal_state *st, int citizen)
{
	switch (st->state[citizen]) {
	case ROW_ACCEPTED:
		return _("✓ matched");
	case ROW_SKIPPED:
		return _("skipped");
	case ROW_REFUSED:
		return _("not possible any more");
	case ROW_OPEN:
	default:
		return "";
	}
}

/* Why the highlighted row: the note on time first, then each half's
 * reasons on lines of their own, so neither is cut by the other. */
static int draw_why(const struct proposal_state *st, int citizen, int y, const struct area *a, int rows)
{
	const struct match_proposal_row *p = &st->p.rows[citizen];
	int used = 0;
	if (st->state[citizen] == ROW_REFUSED && used < rows)
		used += draw_wrapped(y + used, a->left, 1, a->cols, matching_refusal_text(st->why[citizen]), A_BOLD);
	if (p->clash && used < rows)
		used += draw_wrapped(y + used, a->left, 1, a->cols,
				     _("Note: the volunteer has not said they are free at the time the activity meets."), A_BOLD);
	for (int half = 0; half < 2 && used < rows; half++) {
		struct match_candidate cand = { 0 };
		const char *name;
		if (half == 0 && p->volunteer >= 0) {
			cand.volunteer = &st->p.pool.volunteers[p->volunteer];
			name = cand.volunteer->name;
		} else if (half == 1 && p->activity >= 0) {
			cand.activity = &st->p.pool.activities[p->activity];
			name = cand.activity->name;
		} else {
			continue;
		}
		struct match_result res;
		char reasons[LINE], line[LINE + CIT_NAME + 8];
		match_score(&st->p.citizens[citizen], &cand, &res);
		match_reasons_line(&res, &st->p.citizens[citizen], &st->p.words, true, reasons, sizeof reasons);
		snprintf(line, sizeof line, "%s: %s", name, reasons);
		int room = rows - used;
		used += draw_wrapped(y + used, a->left, half == 0 && room > 2 ? room - 1 - (room > 4) : room, a->cols,
				     line, A_NORMAL);
	}
	return used;
}

static void proposal_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct proposal_state *st = s->state;
	char line[LINE * 2], n1[NUMBER_LEN], n2[NUMBER_LEN], n3[NUMBER_LEN];
	int y = a->top;
	snprintf(line, sizeof line, P_("The %s citizen who has waited longest: %s get a proposal. Total score %s, the highest the free places allow.",
				       "The %s citizens who have waited longest: %s get a proposal. Total score %s, the highest the free places allow.",
				       st->p.n), number_text(st->p.n, n1), number_text(st->nshown, n2),
		 number_text(st->p.total, n3));
	y += draw_wrapped(y, a->left, 2, a->cols, line, A_BOLD);
	if (st->p.n > st->nshown) {
		snprintf(line, sizeof line, P_("%s gets nothing now: no free place fits them.",
					       "%s get nothing now: no free place fits them.", st->p.n - st->nshown),
			 number_text(st->p.n - st->nshown, n1));
		draw_text(y++, a->left, a->cols, line, A_DIM);
	}
	int wc = a->cols * 26 / 100, wv = a->cols * 27 / 100, wa = a->cols * 27 / 100;
	int ws = a->cols - wc - wv - wa - 3;
	char c1[600], c2[600], c3[600], c4[200];
	text_pad(c1, sizeof c1, _("Citizen"), wc);
	text_pad(c2, sizeof c2, _("Score, volunteer"), wv);
	text_pad(c3, sizeof c3, _("Score, activity"), wa);
	snprintf(line, sizeof line, "%s %s %s", c1, c2, c3);
	draw_text(y++, a->left, a->cols, line, A_UNDERLINE);
	int why_rows = a->rows >= 18 ? 5 : a->rows >= 14 ? 3 : 1;
	int rows = a->top + a->rows - y - why_rows - 1;
	if (st->nshown == 0) {
		draw_text(y, a->left, a->cols, _("Nothing to propose: no free place fits anyone waiting."), A_DIM);
		return;
	}
	if (st->sel < st->top)
		st->top = st->sel;
	if (st->sel >= st->top + rows)
		st->top = st->sel - rows + 1;
	if (st->top > st->nshown - rows)
		st->top = st->nshown - rows > 0 ? st->nshown - rows : 0;
	for (int r = 0; r < rows && st->top + r < st->nshown; r++) {
		int i = st->shown[st->top + r];
		char v[600], act[600];
		candidate_text(st, i, true, v, sizeof v);
		candidate_text(st, i, false, act, sizeof act);
		const struct match_citizen_facts *who = &st->p.citizens[i];
		struct citizen_apart apart = { .id = who->id, .birth_year = who->birth_year, .namesake = who->namesake };
		/* Postcodes are numbers here: four digits, as the schema keeps them. */
		for (int k = 3, pc = who->postcode; who->postcode > 0 && k >= 0; k--, pc /= 10)
			apart.postcode[k] = (char)('0' + pc % 10);
		char shown[CIT_NAME + 48];
		citizen_rule_list_name(who->name, &apart, wc, shown, sizeof shown);
		text_pad(c1, sizeof c1, shown, wc);
		text_pad(c2, sizeof c2, v, wv);
		text_pad(c3, sizeof c3, act, wa);
		text_pad(c4, sizeof c4, state_text(st, i), ws > 0 ? ws : 0);
		snprintf(line, sizeof line, "%s %s %s %s", c1, c2, c3, c4);
		attr_t attr = st->top + r == st->sel ? A_REVERSE : st->state[i] != ROW_OPEN ? A_DIM : A_NORMAL;
		draw_blank(y + r, a->left, a->cols, attr);
		draw_text(y + r, a->left, a->cols, line, attr);
	}
	draw_why(st, st->shown[st->sel], a->top + a->rows - why_rows, a, why_rows);
}

static unsigned accept(struct proposal_state *st, struct app *app)
{
	int i = st->shown[st->sel];
	if (st->state[i] != ROW_OPEN) {
		app_status(app, STATUS_ERROR, "%s", _("This row is done already."));
		return RD_ALL;
	}
	const struct match_proposal_row *p = &st->p.rows[i];
	struct match_request q = {
		.citizen_id = st->p.citizens[i].id,
		.volunteer_id = p->volunteer >= 0 ? st->p.pool.volunteers[p->volunteer].id : 0,
		.activity_id = p->activity >= 0 ? st->p.pool.activities[p->activity].id : 0,
	};
	struct match_confirmed done;
	enum db_status r = matching_confirm(&app->desk, &q, &done);
	if (r == DB_ERR_CONSTRAINT && done.refusal != MATCH_REFUSED_NONE) {
		st->state[i] = ROW_REFUSED;
		st->why[i] = done.refusal;
		app_status(app, STATUS_ERROR, "%s", matching_refusal_text(done.refusal));
		return RD_ALL;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	st->state[i] = ROW_ACCEPTED;
	app_status(app, STATUS_INFO, _("%s is matched."), st->p.citizens[i].name);
	if (st->sel + 1 < st->nshown)
		st->sel++;
	return RD_ALL;
}

static unsigned proposal_key(struct screen *s, struct app *app, ui_key key)
{
	struct proposal_state *st = s->state;
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_ACCEPT:
		return st->nshown ? accept(st, app) : RD_NONE;
	case ACT_SKIP:
		if (st->nshown && st->state[st->shown[st->sel]] == ROW_OPEN) {
			st->state[st->shown[st->sel]] = ROW_SKIPPED;
			if (st->sel + 1 < st->nshown)
				st->sel++;
		}
		return RD_ALL;
	case ACT_RECOMPUTE:
		if (!compute(st, app))
			app_pop(app);
		return RD_ALL;
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		break;
	}
	unsigned r = list_move_cursor(&st->sel, st->nshown, 10, key);
	return r != RD_NONE ? r : app_default_key(app, key);
}

const struct screen_ops matching_proposal_screen = {
	.name = N_("Proposal for everyone waiting"),
	.help = N_("Everyone waiting (up to a thousand, the longest waiting first) matched at once: each to "
		   "at most one volunteer and one activity, no volunteer or activity beyond its free places, "
		   "and the total score as high as it can be — not first come, first served. Accept a row "
		   "with Enter (the match is confirmed as at the desk) or skip it with s. A row that another "
		   "desk made impossible meanwhile says so."),
	.actions = proposal_actions,
	.enter = proposal_enter,
	.draw = proposal_draw,
	.on_key = proposal_key,
	.leave = proposal_leave,
};

void matching_proposal_open(struct app *app)
{
	app_push(app, &matching_proposal_screen, NULL);
}
