/* matching_citizen.c — one citizen's match: the volunteers and the
 * activities that fit, best first, each with its score and the reasons in
 * words; one above the other when both fit whole or the window is
 * narrow, else side by side. Enter chooses a line in each list, Ctrl-S
 * (or F10) confirms the match and opens the citizen's card, where the
 * next step shows the first session. */
#include "matching_waiting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "card.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "number.h"
#include "postcode.h"
#include "registry.h"
#include "strbuf.h"
#include "utf8.h"
#include "vocab.h"

enum { WIDE = 100, LINE = 2048 };

static const struct action mc_actions[] = {
	{ ACT_CHOOSE, UIK_ENTER, N_("Choose"), N_("Choose the highlighted volunteer or activity, or undo the choice (also Space)."), 0 },
	{ ACT_CONFIRM, UIK_CTRL('s'), N_("Confirm"), N_("Confirm the match with what is chosen: the citizen is enrolled, the first session with the volunteer is planned and a follow-up call after it."), 0 },
	{ ACT_CONFIRM, UIK(KEY_F(10)), N_("Confirm"), N_("Confirm the match with what is chosen: the citizen is enrolled, the first session with the volunteer is planned and a follow-up call after it."), ACTF_HIDDEN },
	{ ACT_SWITCH_LIST, UIK_TAB, N_("Other list"), N_("Move between the volunteers and the activities."), 0 },
	{ ACT_END_MATCH, 'x', N_("End match"), N_("End one of the citizen's open matches, with the outcome and a reason."), 0 },
	{ ACT_WISHES, 'o', N_("Wishes"), N_("The citizen's wishes about the volunteer (gender, age, lived experience) and their language."), 0 },
	{ ACT_CHOOSE, UIK_SPACE, N_("Choose"), NULL, ACTF_HIDDEN },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the waiting list."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

struct mc_state {
	struct matching_citizen m;          /* facts, matches, ranked lists (0 volunteers, 1 activities) */
	int focus, sel[2], top[2];
	long long chosen[2];                /* ids, 0: none */
	struct match_request request;       /* while "match?" is asked */
	struct match_end end;               /* while ending a match is asked */
	struct action now[sizeof mc_actions / sizeof mc_actions[0]]; /* the keys that apply now */
};

extern const struct screen_ops matching_citizen_screen;

/* End match is offered to a coordinator when the citizen has an open
 * match. */
static bool mc_hides(enum action_id id, const void *state, const struct app *app)
{
	const struct mc_state *st = state;
	return id == ACT_END_MATCH && (st->m.nopen == 0 || !desk_is_coordinator(&app->desk));
}

static const struct action *mc_actions_now(const struct screen *s, const struct app *app)
{
	struct mc_state *st = s->state;
	return st ? action_table_hiding(st->now, sizeof st->now / sizeof st->now[0], mc_actions, mc_hides, st, app)
		  : mc_actions;
}

void matching_citizen_open(struct app *app, const struct matching_citizen_args *args)
{
	/* Say so at once rather than at the last key: a desk volunteer may
	 * look at the suggestions, a coordinator confirms them. */
	if (app_push(app, &matching_citizen_screen, args) && !desk_is_coordinator(&app->desk))
		app_status(app, STATUS_INFO, "%s",
			   _("You can look at the suggestions; a coordinator confirms the match."));
}

/* The pool's facts behind a ranked line. */
static const struct match_volunteer_facts *vol_at(const struct mc_state *st, int i)
{
	return &st->m.pool->volunteers[st->m.ranked[0][i].index];
}

static const struct match_activity_facts *act_at(const struct mc_state *st, int i)
{
	return &st->m.pool->activities[st->m.ranked[1][i].index];
}

static void result_of(const struct mc_state *st, int list, int i, struct match_result *out)
{
	struct match_candidate cand = { 0 };
	if (list == 0)
		cand.volunteer = vol_at(st, i);
	else
		cand.activity = act_at(st, i);
	match_score(&st->m.facts, &cand, out);
}

static int find_chosen(const struct mc_state *st, int list)
{
	for (int i = 0; i < st->m.nranked[list]; i++)
		if (st->m.ranked[list][i].id == st->chosen[list])
			return i;
	return -1;
}

/* After the lists were ranked again: the highlight and the choices stay
 * where they can. */
static void keep_places(struct mc_state *st)
{
	for (int list = 0; list < 2; list++) {
		if (st->sel[list] >= st->m.nranked[list])
			st->sel[list] = st->m.nranked[list] > 0 ? st->m.nranked[list] - 1 : 0;
		if (st->chosen[list] && find_chosen(st, list) < 0)
			st->chosen[list] = 0;
	}
}

/* Reads and ranks the citizen again; on failure the lists are empty and
 * the status line says why. */
static void reload(struct mc_state *st, struct app *app)
{
	enum db_status r = matching_citizen_reload(&app->desk, &st->m);
	if (r != DB_OK)
		app_status_db(app, r);
	keep_places(st);
}

static bool mc_enter(struct screen *s, struct app *app, const void *args)
{
	struct mc_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	long long citizen_id = ((const struct matching_citizen_args *)args)->citizen_id;
	enum db_status r = matching_citizen_view(&app->desk, citizen_id, &st->m);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void mc_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct mc_state *st = s->state;
	matching_citizen_free(&st->m);
	free(st);
	s->state = NULL;
}

/* ---------- drawing ---------- */

static void append(char *out, size_t size, const char *sep, const char *text)
{
	size_t used = strlen(out);
	if (text[0] && used < size)
		snprintf(out + used, size - used, "%s%s", used ? sep : "", text);
}

/* What the score is made from, in one line. */
static void facts_line(const struct mc_state *st, char *out, size_t size)
{
	const struct match_citizen_facts *c = &st->m.facts;
	const struct match_words *w = st->m.words;
	char part[600] = "", names[400] = "";
	out[0] = '\0';
	for (int i = 0; i < c->ninterests; i++)
		for (int k = 0; k < w->ninterests; k++)
			if (w->interests[k].id == c->interests[i])
				append(names, sizeof names, ", ", w->interests[k].name);
	if (names[0]) {
		snprintf(part, sizeof part, _("Interests: %s"), names);
		append(out, size, " · ", part);
	}
	if (c->availability) {
		match_slots_text(c->availability, names, sizeof names);
		snprintf(part, sizeof part, _("Times: %s"), names);
		append(out, size, " · ", part);
	}
	if (c->anxiety)
		append(out, size, " · ", _("anxiety"));
	names[0] = '\0';
	if (c->pref_gender[0])
		append(names, sizeof names, ", ", vocab_label(vocab_wished_gender, c->pref_gender));
	if (c->pref_age[0])
		append(names, sizeof names, ", ", vocab_label(vocab_wished_age, c->pref_age));
	if (c->pref_lived_experience)
		append(names, sizeof names, ", ", _("lived experience"));
	if (names[0]) {
		snprintf(part, sizeof part, _("Wishes: %s"), names);
		append(out, size, " · ", part);
	}
	/* Danish is the rule; only another language is worth a word. */
	if (c->language_label[0] && strcmp(c->language, "dansk") != 0) {
		snprintf(part, sizeof part, _("Language: %s"), c->language_label);
		append(out, size, " · ", part);
	}
	if (!out[0])
		snprintf(out, size, "%s", _("No interests, times or wishes recorded: the score rests on area and free places."));
}

static void head_lines(const struct mc_state *st, const struct area *a, int *y)
{
	const struct match_citizen_facts *c = &st->m.facts;
	char line[LINE], waited[64] = "";
	struct date since;
	if (date_parse_iso(c->waiting_since, &since))
		match_waiting_text(date_to_days(date_today()) - date_to_days(since), waited, sizeof waited);
	char code[CIT_TOWN + 8] = "";
	if (c->postcode) {
		snprintf(code, sizeof code, "%04d", c->postcode);
		const char *town = postcode_town(code);
		if (town)
			snprintf(code + 4, sizeof code - 4, " %s", town);
	}
	/* No postcode: nothing said of where (a lone "-" read as a stray mark). */
	struct strbuf b = strbuf_on(line, sizeof line);
	strbuf_add(&b, "%s", c->name);
	if (code[0])
		strbuf_add(&b, " · %s", code);
	if (!c->active)
		strbuf_add(&b, " %s", _("(course ended)"));
	else if (st->m.nopen == 0 && waited[0])
		strbuf_add(&b, _(" · waiting %s"), waited);
	draw_cell((*y)++, a->left, a->cols, line, A_BOLD);
	facts_line(st, line, sizeof line);
	draw_cell((*y)++, a->left, a->cols, line, A_NORMAL);
	for (int i = 0; i < st->m.nopen && *y < a->top + a->rows / 3; i++) {
		const struct match_row *m = &st->m.matches[i];
		char who[CIT_NAME * 2 + 8], day[16] = "";
		snprintf(who, sizeof who, "%s%s%s", m->volunteer, m->volunteer[0] && m->activity[0] ? " + " : "",
			 m->activity);
		struct date d;
		if (date_parse_iso(m->matched_on, &d))
			date_format_dk(d, day, sizeof day);
		if (m->matched_by[0])
			snprintf(line, sizeof line, _("Matched now: %s, since %s by %s (x ends it)"), who, day,
				 m->matched_by);
		else
			snprintf(line, sizeof line, _("Matched now: %s, since %s (x ends it)"), who, day);
		draw_cell((*y)++, a->left, a->cols, line, A_REVERSE);
	}
}

/* "2 not shown: 1 no free places, 1 not active", as many whole reasons as
 * fit in `cols` ("…" for the rest), or only "2 not shown": cut mid-word,
 * a reason read wrong ("1 prø…"). */
static void filtered_line(const int *filtered, int cols, char *out, size_t size)
{
	int total = 0, nparts = 0;
	out[0] = '\0';
	for (int k = 1; k < ML_COUNT; k++) {
		total += filtered[k];
		nparts += filtered[k] != 0;
	}
	if (!total)
		return;
	char n[NUMBER_LEN];
	number_text(total, n);
	for (int keep = nparts; keep > 0; keep--) {
		char parts[600] = "";
		int kept = 0;
		for (int k = 1; k < ML_COUNT && kept < keep; k++) {
			if (!filtered[k])
				continue;
			char one[200], m[NUMBER_LEN];
			snprintf(one, sizeof one, "%s %s", number_text(filtered[k], m), match_limit_text((enum match_limit)k));
			append(parts, sizeof parts, ", ", one);
			kept++;
		}
		if (keep < nparts)
			append(parts, sizeof parts, ", ", "…");
		snprintf(out, size, P_("%s not shown: %s", "%s not shown: %s", total), n, parts);
		if (utf8_columns(out, strlen(out)) <= cols)
			return;
	}
	snprintf(out, size, P_("%s not shown", "%s not shown", total), n);
}

static void draw_list(struct mc_state *st, int list, const struct area *a)
{
	if (a->rows < 2)
		return;
	char line[LINE], more[700], count[NUMBER_LEN];
	bool focused = st->focus == list;
	snprintf(line, sizeof line, list == 0 ? P_("Volunteers: %s fits", "Volunteers: %s fit", st->m.nranked[0])
		 : P_("Activities: %s fits", "Activities: %s fit", st->m.nranked[1]), number_text(st->m.nranked[list], count));
	int w = draw_text(a->top, a->left, a->cols, line, focused ? A_BOLD | A_UNDERLINE : A_BOLD);
	filtered_line(st->m.filtered[list], a->cols - w - 3, more, sizeof more);
	if (more[0] && w + 3 < a->cols) {
		snprintf(line, sizeof line, " (%s)", more);
		draw_cell(a->top, a->left + w, a->cols - w, line, A_DIM);
	}
	int rows = a->rows - 1, n = st->m.nranked[list];
	if (n == 0) {
		draw_text(a->top + 1, a->left, a->cols,
			  list == 0 ? _("No volunteer with a free place fits.") : _("No activity with a free place fits."),
			  A_DIM);
		return;
	}
	int *sel = &st->sel[list], *top = &st->top[list];
	if (*sel < *top)
		*top = *sel;
	if (*sel >= *top + rows)
		*top = *sel - rows + 1;
	int cols = draw_row_cols(a->cols, *top + rows < n);
	for (int r = 0; r < rows && *top + r < n; r++) {
		int i = *top + r;
		struct match_result res;
		result_of(st, list, i, &res);
		char reasons[LINE / 2];
		match_reasons_line(&res, &st->m.facts, st->m.words, false, reasons, sizeof reasons);
		const char *name = list == 0 ? vol_at(st, i)->name : act_at(st, i)->name;
		bool chosen = st->m.ranked[list][i].id == st->chosen[list];
		snprintf(line, sizeof line, "%s%4d  %s — %s", chosen ? "✓" : " ", st->m.ranked[list][i].score, name,
			 reasons);
		attr_t attr = i == *sel && focused ? A_REVERSE : chosen ? A_BOLD : A_NORMAL;
		draw_blank(a->top + 1 + r, a->left, a->cols, attr);
		draw_cell(a->top + 1 + r, a->left, cols, line, attr);
	}
	draw_scroll_marks(a->top + 1, a->top + rows, a->left + a->cols - 1, false, *top + rows < n);
}

/* Why the highlighted line scores as it does, point by point. */
static void why_box(struct mc_state *st, int y, const struct area *a, int rows)
{
	if (rows <= 0)
		return;
	char line[LINE * 2], reasons[LINE];
	int list = st->focus;
	if (st->m.nranked[list] == 0)
		return;
	struct match_result res;
	result_of(st, list, st->sel[list], &res);
	match_reasons_line(&res, &st->m.facts, st->m.words, true, reasons, sizeof reasons);
	const char *name = list == 0 ? vol_at(st, st->sel[list])->name : act_at(st, st->sel[list])->name;
	/* The warning has its rows first: cut, it said nothing ("…, når
	 * Gå-gruppen…", a helper's). */
	char note[LINE * 2] = "";
	int v = find_chosen(st, 0), act = find_chosen(st, 1), note_rows = 0;
	if (v >= 0 && act >= 0 && rows > 1 && !match_volunteer_free_at(vol_at(st, v), act_at(st, act))) {
		char when[100];
		match_slots_text(AVAIL_BIT(act_at(st, act)->weekday, match_part_of_day(act_at(st, act)->start_time)),
				 when, sizeof when);
		snprintf(note, sizeof note, _("Note: %s has not said they are free %s, the time %s meets."),
			 vol_at(st, v)->name, when, act_at(st, act)->name);
		note_rows = text_rows(note, a->cols);
		note_rows = note_rows < rows - 1 ? note_rows : rows - 1;
	}
	snprintf(line, sizeof line, _("Why %s scores %d: %s"), name, res.score, reasons);
	int used = draw_wrapped(y, a->left, rows - note_rows, a->cols, line, A_NORMAL);
	if (note_rows)
		draw_wrapped(y + used, a->left, note_rows, a->cols, note, A_BOLD);
}

static void mc_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct mc_state *st = s->state;
	int y = a->top;
	head_lines(st, a, &y);
	/* A tall window gives the reasons room to be read whole. */
	int why_rows = a->rows >= 30 ? 6 : a->rows >= 16 ? 3 : a->rows >= 12 ? 2 : 0;
	int rows = a->top + a->rows - y - why_rows - (why_rows ? 1 : 0);
	/* Each list's heading and lines; one above the other, full width, when
	 * both fit whole, so the reasons are not cut; else side by side on a
	 * wide window, halves on a narrow one. */
	int need[2];
	for (int list = 0; list < 2; list++)
		need[list] = 1 + (st->m.nranked[list] > 0 ? st->m.nranked[list] : 1);
	bool whole = need[0] + need[1] <= rows;
	if (a->cols >= WIDE && !whole) {
		int half = (a->cols - 2) / 2;
		draw_list(st, 0, &(struct area){ y, a->left, rows, half });
		for (int r = 0; r < rows; r++)
			draw_text(y + r, a->left + half, 1, "│", A_DIM);
		draw_list(st, 1, &(struct area){ y, a->left + half + 2, rows, a->cols - half - 2 });
	} else {
		int upper = whole ? need[0] + (need[0] + need[1] < rows) : rows / 2;
		draw_list(st, 0, &(struct area){ y, a->left, upper, a->cols });
		draw_list(st, 1, &(struct area){ y + upper, a->left, rows - upper, a->cols });
	}
	why_box(st, y + rows + 1, a, why_rows);
}

/* ---------- keys ---------- */

static void confirm_answered(struct app *app, void *ctx, int yes)
{
	struct mc_state *st = ctx;
	if (!yes)
		return;
	struct match_request q = st->request;
	struct match_confirmed done;
	enum db_status r = matching_confirm(&app->desk, &q, &done);
	if (r == DB_ERR_CONSTRAINT && done.refusal != MATCH_REFUSED_NONE) {
		reload(st, app);
		app_status(app, STATUS_ERROR, "%s", matching_refusal_text(done.refusal));
		return;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	char name[CIT_NAME];
	snprintf(name, sizeof name, "%s", st->m.facts.name);
	app_pop(app);
	card_open(app, &(struct card_args){ .citizen_id = q.citizen_id });
	app_status(app, STATUS_INFO, _("%s is matched. The next step shows what happens now."), name);
}

static void match_ended(struct app *app, void *ctx)
{
	reload(ctx, app);
}

static unsigned confirm(struct mc_state *st, struct app *app)
{
	int v = find_chosen(st, 0), act = find_chosen(st, 1);
	if (v < 0 && act < 0) {
		app_status(app, STATUS_ERROR, "%s", matching_refusal_text(MATCH_REFUSED_NOTHING));
		return RD_ALL;
	}
	/* Said before the question, not after a yes (a new user's). */
	if (!st->m.facts.active) {
		app_status(app, STATUS_ERROR, "%s", matching_refusal_text(MATCH_REFUSED_CITIZEN));
		return RD_ALL;
	}
	/* Said before the question rather than after it: only a coordinator
	 * confirms (matching_confirm refuses anyone else). */
	if (!desk_is_coordinator(&app->desk)) {
		app_status_db(app, DB_ERR_FORBIDDEN);
		return RD_ALL;
	}
	char question[LINE], with[LINE];
	if (v >= 0 && act >= 0)
		snprintf(with, sizeof with, _("%s and %s"), vol_at(st, v)->name, act_at(st, act)->name);
	else
		snprintf(with, sizeof with, "%s", v >= 0 ? vol_at(st, v)->name : act_at(st, act)->name);
	snprintf(question, sizeof question, _("Match %s with %s?"), st->m.facts.name, with);
	if (act >= 0) {
		struct activity_record rec;
		struct date d;
		if (registry_activity(&app->desk, act_at(st, act)->id, &rec) == DB_OK && date_parse_iso(rec.next_session, &d)) {
			char day[64], more[200];
			date_format_short(d, day, sizeof day);
			snprintf(more, sizeof more, _(" First session: %s."), day);
			append(question, sizeof question, "", more);
		}
	}
	st->request = (struct match_request){
		.citizen_id = st->m.citizen_id,
		.volunteer_id = v >= 0 ? vol_at(st, v)->id : 0,
		.activity_id = act >= 0 ? act_at(st, act)->id : 0,
	};
	dialog_confirm(app, &(struct confirm_args){ .question = question, .default_yes = true,
		.done = confirm_answered, .ctx = st });
	return RD_ALL;
}

static void move_selection(struct mc_state *st, int by)
{
	int list = st->focus, n = st->m.nranked[list];
	st->sel[list] += by;
	if (st->sel[list] >= n)
		st->sel[list] = n - 1;
	if (st->sel[list] < 0)
		st->sel[list] = 0;
}

static unsigned mc_key(struct screen *s, struct app *app, ui_key key)
{
	struct mc_state *st = s->state;
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_CHOOSE:
		if (st->m.nranked[st->focus] > 0) {
			int list = st->focus, i = st->sel[list];
			long long id = st->m.ranked[list][i].id;
			const char *name = list == 0 ? vol_at(st, i)->name : act_at(st, i)->name;
			bool undone = st->chosen[list] == id;
			st->chosen[list] = undone ? 0 : id;
			/* The volunteer first, then the activity: a natural order,
			 * said, as is a choice undone (Enter again, on the same one). */
			if (undone) {
				app_status(app, STATUS_INFO, _("%s is no longer chosen."), name);
			} else if (list == 0 && !st->chosen[1]) {
				st->focus = 1;
				app_status(app, STATUS_INFO,
					   _("%s is chosen. Now an activity, if one fits; Ctrl-S confirms."), name);
			} else {
				app_status(app, STATUS_INFO, _("%s is chosen; Ctrl-S confirms."), name);
			}
		}
		return RD_ALL;
	case ACT_CONFIRM:
		return confirm(st, app);
	case ACT_SWITCH_LIST:
		st->focus = 1 - st->focus;
		return RD_ALL;
	case ACT_END_MATCH:
		st->end = (struct match_end){ .citizen_id = st->m.citizen_id, .ended = match_ended, .ctx = st };
		matching_end_ask(app, &st->end);
		return RD_ALL;
	case ACT_WISHES:
		/* Only a coordinator saves them: said before the form, not after. */
		if (desk_is_coordinator(&app->desk))
			matching_wishes_open(app, &(struct matching_wishes_args){ .citizen_id = st->m.citizen_id });
		else
			app_status_db(app, DB_ERR_FORBIDDEN);
		return RD_ALL;
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		break;
	}
	switch (key) {
	case UIK(KEY_UP):
		move_selection(st, -1);
		return RD_BODY;
	case UIK(KEY_DOWN):
		move_selection(st, 1);
		return RD_BODY;
	case UIK(KEY_PPAGE):
		move_selection(st, -10);
		return RD_BODY;
	case UIK(KEY_NPAGE):
		move_selection(st, 10);
		return RD_BODY;
	case UIK(KEY_HOME):
		st->sel[st->focus] = 0;
		return RD_BODY;
	case UIK(KEY_END):
		move_selection(st, st->m.nranked[st->focus]);
		return RD_BODY;
	case UIK(KEY_LEFT):
	case UIK(KEY_RIGHT):
		st->focus = 1 - st->focus;
		return RD_ALL;
	default:
		return app_default_key(app, key);
	}
}

/* Back from the wishes, or another desk took a place: rank again. */
static unsigned mc_resume(struct screen *s, struct app *app)
{
	reload(s->state, app);
	return RD_ALL;
}

const struct screen_ops matching_citizen_screen = {
	.name = N_("Match a citizen"),
	.help = N_("Volunteers and activities that fit the citizen, best first. The number is the score; "
		   "the words say where the points come from: shared interests, the same or a nearby "
		   "area, times that fit, free places, language, the citizen's wishes (gender, age, lived "
		   "experience) and, for a citizen with anxiety, a practice community as a safe first "
		   "step. Those without a free place, not active, ended or full are not shown. Choose a "
		   "volunteer and/or an activity with Enter and confirm with Ctrl-S."),
	.actions = mc_actions,
	.actions_now = mc_actions_now,
	.enter = mc_enter,
	.draw = mc_draw,
	.on_key = mc_key,
	.resume = mc_resume,
	.others_changed = mc_resume,
	.leave = mc_leave,
};
