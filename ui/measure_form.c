/* measure_form.c — an outcome measure by keyboard. The questions, the
 * answer scale and the score bands come from the database (a centre can
 * add a measure there); the scoring is src/measures.c's. A digit answers
 * the current question and moves on, so a whole WHO-5 is six keys. */
#include "measure_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "card.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "lineedit.h"
#include "measures.h"
#include "store_measures.h"
#include "utf8.h"
#include "vocab.h"

enum { ROW_DATE, ROW_OCCASION, ROW_ITEMS, NAME_MAX = 484 };

struct measure_form_state {
	long long citizen_id;
	long long follow_up_id;
	char citizen_name[NAME_MAX];
	struct measure_def def;
	int answers[MEASURE_MAX_ITEMS];
	struct lineedit date;
	int occasion;          /* index in vocab_measure_occasion */
	int current;           /* ROW_DATE, ROW_OCCASION, or ROW_ITEMS + item */
	int top;               /* first item shown */
	bool dirty;
	char error[240];
};

static struct {
	long long citizen_id, follow_up_id, measure_id;
	char name[NAME_MAX];
	int occasion;
} pending;

static const struct action measure_actions[] = {
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the answers and the score."), 0 },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next question (also Enter and Down); Up goes back."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Answer"), N_("Type the number of the answer: it is kept and the next question comes."), ACTF_HIDDEN },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without saving; asks first if you answered anything."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static int rows_total(const struct measure_form_state *st)
{
	return ROW_ITEMS + st->def.nitems;
}

static bool measure_enter(struct screen *s, struct app *app)
{
	struct measure_form_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	enum db_status r = store_measures_def_load(app->db, pending.measure_id, &st->def);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	if (!measure_def_valid(&st->def)) {
		app_status(app, STATUS_ERROR, _("The measure '%s' is not set up right in the database (questions, "
						"answers or score range)."), st->def.name);
		free(st);
		return false;
	}
	st->citizen_id = pending.citizen_id;
	st->follow_up_id = pending.follow_up_id;
	snprintf(st->citizen_name, sizeof st->citizen_name, "%s", pending.name);
	st->occasion = pending.occasion;
	for (int i = 0; i < MEASURE_MAX_ITEMS; i++)
		st->answers[i] = MEASURE_UNANSWERED;
	lineedit_init(&st->date, 10);
	char dk[16];
	date_format_dk(date_today(), dk, sizeof dk);
	lineedit_set(&st->date, dk);
	st->current = ROW_ITEMS;
	s->state = st;
	return true;
}

/* "Samlet: 48 af 100 — Nedsat trivsel", or what is still missing. */
static void total_text(const struct measure_form_state *st, char *out, size_t size)
{
	int total, bad, missing = 0;
	for (int i = 0; i < st->def.nitems; i++)
		missing += st->answers[i] == MEASURE_UNANSWERED;
	if (missing) {
		snprintf(out, size, P_("Score: %d question is not answered yet.", "Score: %d questions are not answered yet.",
				       missing), missing);
		return;
	}
	if (measure_score(&st->def, st->answers, st->def.nitems, &total, &bad) != MEASURE_OK) {
		snprintf(out, size, "%s", _("Score: an answer is outside the scale."));
		return;
	}
	const char *band = measure_band_label(&st->def, total);
	/* TRANSLATORS: score, highest possible score, and the band ("Nedsat trivsel"). */
	snprintf(out, size, _("Score: %d of %d%s%s"), total, st->def.max_total, band[0] ? " — " : "", band);
}

static void measure_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct measure_form_state *st = s->state;
	const struct measure_def *d = &st->def;
	int y = a->top, bottom = a->top + a->rows;
	char line[2200];
	snprintf(line, sizeof line, "%s — %s", d->name, st->citizen_name);
	draw_text(y++, a->left, a->cols, line, A_BOLD);

	int label_w = 12, cursor_y = -1, cursor_x = 0;
	char label[64];
	text_pad(label, sizeof label, _("Date"), label_w);
	draw_text(y, a->left, label_w, label, st->current == ROW_DATE ? A_BOLD : A_NORMAL);
	draw_blank(y, a->left + label_w, 12, st->current == ROW_DATE ? A_REVERSE : A_UNDERLINE);
	draw_text(y, a->left + label_w, 12, st->date.text, st->current == ROW_DATE ? A_REVERSE : A_UNDERLINE);
	if (st->current == ROW_DATE) {
		cursor_y = y;
		cursor_x = a->left + label_w + lineedit_cursor_column(&st->date);
	}
	y++;
	text_pad(label, sizeof label, _("Occasion"), label_w);
	draw_text(y, a->left, label_w, label, st->current == ROW_OCCASION ? A_BOLD : A_NORMAL);
	snprintf(line, sizeof line, st->current == ROW_OCCASION ? "< %s >" : "%s",
		 _(vocab_measure_occasion[st->occasion].label));
	draw_text(y++, a->left + label_w, a->cols - label_w, line, st->current == ROW_OCCASION ? A_REVERSE : A_UNDERLINE);

	if (d->intro[0] && a->rows >= 16)
		y += draw_wrapped(y, a->left, 2, a->cols, d->intro, A_DIM);

	/* The questions, scrolled so the current one is in view; the rows
	 * below are for the score, the scale and the source. */
	int reserve = a->rows >= 18 ? 3 + (d->nscale < 7 ? d->nscale : 7) : 2;
	int room = bottom - y - reserve;
	if (room < 1)
		room = 1;
	int cur_item = st->current - ROW_ITEMS;
	if (cur_item >= 0 && cur_item < st->top)
		st->top = cur_item;
	if (cur_item >= st->top + room)
		st->top = cur_item - room + 1;
	for (int r = 0; r < room && st->top + r < d->nitems; r++) {
		int i = st->top + r;
		bool cur = i == cur_item;
		char answer[8] = "[ ]";
		if (st->answers[i] != MEASURE_UNANSWERED)
			snprintf(answer, sizeof answer, "[%d]", st->answers[i]);
		snprintf(line, sizeof line, "%2d %s %s", i + 1, answer, d->items[i].text);
		if (cur)
			draw_blank(y, a->left, a->cols, A_REVERSE);
		draw_text(y++, a->left, a->cols, line, cur ? A_REVERSE : A_NORMAL);
	}
	if (st->top + room < d->nitems)
		draw_text(y - 1, a->left + a->cols - 1, 1, "v", A_BOLD);

	y++;
	total_text(st, line, sizeof line);
	if (y < bottom)
		draw_text(y++, a->left, a->cols, line, A_BOLD);
	/* The answers, the current question's own highlighted. */
	int chosen = cur_item >= 0 ? st->answers[cur_item] : MEASURE_UNANSWERED;
	if (reserve > 3) {
		for (int i = 0; i < d->nscale && y < bottom; i++) {
			snprintf(line, sizeof line, "  %d  %s", d->scale[i].value, d->scale[i].label);
			draw_text(y++, a->left, a->cols, line, d->scale[i].value == chosen ? A_BOLD | A_REVERSE : A_NORMAL);
		}
	} else if (y < bottom) {
		size_t used = 0;
		line[0] = '\0';
		for (int i = 0; i < d->nscale && used < sizeof line; i++)
			used += (size_t)snprintf(line + used, sizeof line - used, "%s%d %s", i ? " · " : "", d->scale[i].value,
						 d->scale[i].label);
		draw_text(y++, a->left, a->cols, line, A_NORMAL);
	}
	if (st->error[0])
		draw_text(bottom - 1, a->left, a->cols, st->error, A_BOLD);
	else if (d->source[0] && y < bottom)
		draw_text(bottom - 1, a->left, a->cols, d->source, A_DIM);
	if (cursor_y >= 0) {
		curs_set(1);
		move(cursor_y, cursor_x);
	}
}

static bool check_date(struct measure_form_state *st, char iso[DATE_ISO_LEN])
{
	struct date d;
	if (!date_parse(st->date.text, &d)) {
		snprintf(st->error, sizeof st->error, _("'%s' is not a valid date. Write it as day-month-year, e.g. 26-11-2026."),
			 st->date.text);
		return false;
	}
	if (date_to_days(d) > date_to_days(date_today())) {
		snprintf(st->error, sizeof st->error, "%s", _("The answers cannot be from a day that has not come yet."));
		return false;
	}
	date_format_iso(d, iso);
	return true;
}

static unsigned save(struct measure_form_state *st, struct app *app)
{
	struct measure_entry e;
	memset(&e, 0, sizeof e);
	if (!check_date(st, e.taken_on)) {
		st->current = ROW_DATE;
		return RD_ALL;
	}
	int bad = -1;
	enum measure_check c = measure_score(&st->def, st->answers, st->def.nitems, &e.total, &bad);
	if (c != MEASURE_OK) {
		if (bad >= 0) {
			st->current = ROW_ITEMS + bad;
			snprintf(st->error, sizeof st->error, _("Question %d has no answer yet."), bad + 1);
		} else {
			snprintf(st->error, sizeof st->error, "%s", _("The answers cannot be scored."));
		}
		return RD_ALL;
	}
	bool consent = false;
	enum db_status r = store_measures_consent(app->db, st->citizen_id, &consent);
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	if (!consent) {
		char q[NAME_MAX + 200];
		snprintf(q, sizeof q, _("Has %s agreed that we keep the answers? They are health data and are only kept "
					"with consent."), st->citizen_name);
		if (!dialog_confirm(app, q, false)) {
			snprintf(st->error, sizeof st->error, "%s", _("Not saved: the citizen has not agreed."));
			return RD_ALL;
		}
		e.record_consent = true;
	}
	e.citizen_id = st->citizen_id;
	e.measure_id = st->def.id;
	e.follow_up_id = st->follow_up_id;
	snprintf(e.occasion, sizeof e.occasion, "%s", vocab_measure_occasion[st->occasion].code);
	e.nanswers = st->def.nitems;
	memcpy(e.answers, st->answers, (size_t)st->def.nitems * sizeof e.answers[0]);
	long long id;
	if ((r = store_measures_record(app->db, app->user, &e, &id)) != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	char name[MEASURE_NAME], band[MEASURE_LABEL];
	snprintf(name, sizeof name, "%s", st->def.name);
	snprintf(band, sizeof band, "%s", measure_band_label(&st->def, e.total));
	st->dirty = false;
	app_pop(app);
	card_reload(app);
	/* TRANSLATORS: measure name, score, and the band in brackets if any. */
	app_status(app, STATUS_INFO, _("%s saved: %d%s%s%s."), name, e.total, band[0] ? " (" : "", band, band[0] ? ")" : "");
	return RD_ALL;
}

static void move_to(struct measure_form_state *st, int row)
{
	if (row >= 0 && row < rows_total(st))
		st->current = row;
}

static unsigned measure_key(struct screen *s, struct app *app, ui_key key)
{
	struct measure_form_state *st = s->state;
	st->error[0] = '\0';
	int item = st->current - ROW_ITEMS;
	switch (key) {
	case UIK(KEY_F(10)):
		return save(st, app);
	case UIK_ESC:
		if (!st->dirty || dialog_confirm(app, _("Leave without saving the answers?"), false))
			app_pop(app);
		return RD_ALL;
	case UIK_ENTER:
		if (st->current == rows_total(st) - 1)
			return save(st, app);
		move_to(st, st->current + 1);
		return RD_ALL;
	case UIK_TAB:
	case UIK(KEY_DOWN):
		move_to(st, st->current + 1);
		return RD_ALL;
	case UIK(KEY_BTAB):
	case UIK(KEY_UP):
		move_to(st, st->current - 1);
		return RD_ALL;
	default:
		break;
	}
	if (st->current == ROW_DATE) {
		if (lineedit_key(&st->date, key)) {
			st->dirty = true;
			return RD_BODY;
		}
		return app_default_key(app, key);
	}
	if (st->current == ROW_OCCASION) {
		int n = vocab_count(vocab_measure_occasion);
		if (key == UIK_SPACE || key == UIK(KEY_RIGHT))
			st->occasion = (st->occasion + 1) % n;
		else if (key == UIK(KEY_LEFT))
			st->occasion = (st->occasion + n - 1) % n;
		else
			return app_default_key(app, key);
		st->dirty = true;
		return RD_BODY;
	}
	int value;
	if (!UIK_IS_FUNC(key) && key >= '0' && key <= '9') {
		if (!measure_answer_for_key(&st->def, item, (uint32_t)key, &value)) {
			snprintf(st->error, sizeof st->error, _("Answer with a number from %d to %d."),
				 st->def.items[item].min_value, st->def.items[item].max_value);
			return RD_ALL;
		}
		st->answers[item] = value;
		st->dirty = true;
		move_to(st, st->current + 1);
		return RD_ALL;
	}
	if (key == UIK(KEY_BACKSPACE) || key == UIK_DEL_ASCII || key == UIK(KEY_DC)) {
		st->answers[item] = MEASURE_UNANSWERED;
		return RD_ALL;
	}
	return app_default_key(app, key);
}

void measure_form_open(struct app *app, long long citizen_id, const char *citizen_name, long long follow_up_id)
{
	struct measure_ref refs[MEASURE_MAX_DEFS];
	int n = 0;
	enum db_status r = store_measures_defs(app->db, refs, MEASURE_MAX_DEFS, &n);
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	if (n == 0) {
		app_status(app, STATUS_ERROR, "%s", _("No measures are set up."));
		return;
	}
	int choice = 0;
	if (n > 1) {
		const char *labels[MEASURE_MAX_DEFS];
		for (int i = 0; i < n; i++)
			labels[i] = refs[i].name;
		choice = dialog_choose(app, _("Which questions do you want to ask?"), labels, n, 0);
		if (choice < 0)
			return;
	}
	/* The first time is the starting point (intake), later ones follow-ups. */
	struct measure_history h[MEASURE_MAX_DEFS];
	int taken = 0;
	bool before = false;
	if (store_measures_history(app->db, citizen_id, h, MEASURE_MAX_DEFS, &taken) == DB_OK)
		for (int i = 0; i < taken; i++)
			before |= h[i].measure_id == refs[choice].id;
	pending.citizen_id = citizen_id;
	pending.follow_up_id = follow_up_id;
	pending.measure_id = refs[choice].id;
	snprintf(pending.name, sizeof pending.name, "%s", citizen_name);
	pending.occasion = vocab_index(vocab_measure_occasion, before || follow_up_id ? "follow_up" : "intake");
	app_push(app, &measure_form_screen);
}

int measure_history_draw(struct app *app, long long citizen_id, int y, int x, int cols, int max_rows, bool compact)
{
	struct measure_history h[4];
	int n = 0;
	if (max_rows < 1 || store_measures_history(app->db, citizen_id, h, 4, &n) != DB_OK || (n == 0 && compact))
		return 0;
	int used = 0;
	draw_text(y + used++, x, cols, _("Measures"), A_BOLD | A_UNDERLINE);
	if (n == 0 && used < max_rows) {
		draw_text(y + used++, x, cols, _("None yet. Press m to ask the WHO-5 or the loneliness questions."), A_DIM);
		return used;
	}
	for (int i = 0; i < n && used < max_rows; i++) {
		const struct measure_history *m = &h[i];
		int values[MEASURE_HISTORY];
		for (int k = 0; k < m->npoints; k++)
			values[k] = m->points[k].total;
		char chart[MEASURE_HISTORY * 4 + 1], name[MEASURE_NAME + 32], line[1200], change[160] = "", day[16] = "";
		measure_sparkline(values, m->npoints, m->min_total, m->max_total, chart, sizeof chart);
		text_pad(name, sizeof name, m->name, cols >= 70 ? 24 : 14);
		const struct measure_point *last = &m->points[m->npoints - 1];
		struct date d;
		if (date_parse_iso(last->taken_on, &d))
			date_format_dk(d, day, sizeof day);
		if (m->taken > 1) {
			int diff = last->total - m->first.total;
			enum measure_trend t = measure_trend(m->higher_is_better, m->first.total, last->total);
			const char *word = t == TREND_BETTER ? _("better") : t == TREND_WORSE ? _("worse") : _("no change");
			/* TRANSLATORS: first → latest score, the change and whether it is better. */
			snprintf(change, sizeof change, _("%d → %d (%+d, %s)"), m->first.total, last->total, diff, word);
		} else {
			snprintf(change, sizeof change, "%d", last->total);
		}
		snprintf(line, sizeof line, _("%s %s  %s  latest %s"), name, chart, change, day);
		draw_text(y + used++, x, cols, line, A_NORMAL);
	}
	return used;
}

int measure_history_rows(struct app *app, long long citizen_id, int max_rows)
{
	struct measure_history h[4];
	int n = 0;
	if (store_measures_history(app->db, citizen_id, h, 4, &n) != DB_OK || n == 0)
		return 0;
	return 1 + n < max_rows ? 1 + n : max_rows;
}

const struct screen_ops measure_form_screen = {
	.name = N_("Measure"),
	.help = N_("WHO-5 Well-Being Index (WHO Collaborating Centre in Mental Health, Psychiatric Research Unit, "
		   "Mental Health Centre North Zealand): five questions 0-5, the sum times 4 gives 0-100. 50 or "
		   "less suggests reduced wellbeing, 28 or less likely depression: a screening, not a diagnosis; "
		   "talk about seeing the GP. Loneliness (Hughes et al. 2004, after the UCLA scale): three "
		   "questions 1-3, total 3-9, higher is lonelier. Type the answer's number; F10 saves. Answers "
		   "are health data, kept only with consent."),
	.actions = measure_actions,
	.enter = measure_enter,
	.draw = measure_draw,
	.on_key = measure_key,
	.leave = app_free_state,
};
