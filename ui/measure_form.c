/* measure_form.c — an outcome measure by keyboard. The questions, the
 * answer scale and the score bands come from the database (a centre can
 * add a measure there); scoring and keeping the answers is src/measures.c's,
 * by the rules of src/measure_rules.c. A digit answers the current
 * question and moves on, so a whole WHO-5 is six keys. */
#include "measure_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "lineedit.h"
#include "measure_rules.h"
#include "measures.h"
#include "strbuf.h"
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
	char error[MEASURE_REFUSAL_WORDS];
	bool loaded;           /* a measure is chosen and its questions read */
	struct measure_ref refs[MEASURE_MAX_DEFS];
	int nrefs;
	struct measure_entry entry;  /* what is saved while "consent?" is asked */
};

extern const struct screen_ops measure_form_screen;

static const struct action measure_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Save the answers and the score."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the answers and the score."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next question (also Enter and Down); Up goes back."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change the occasion (also Left and Right). A question is answered by typing the answer's number."), ACTF_NOT_TYPING },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without saving; asks first if you answered anything."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static int rows_total(const struct measure_form_state *st)
{
	return ROW_ITEMS + st->def.nitems;
}

/* Reads the chosen measure's questions; false (with a message) when it
 * cannot be used. The first time is the starting point (intake), later
 * ones follow-ups. */
static bool load_measure(struct measure_form_state *st, struct app *app, int choice)
{
	enum db_status r = measures_load(&app->desk, st->refs[choice].id, &st->def);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	if (!measure_def_valid(&st->def)) {
		app_status(app, STATUS_ERROR, _("The measure '%s' is not set up right in the database (questions, "
						"answers or score range)."), st->def.name);
		return false;
	}
	struct measure_history h[MEASURE_MAX_DEFS];
	int taken = 0;
	bool before = false;
	if (measures_history(&app->desk, st->citizen_id, h, MEASURE_MAX_DEFS, &taken) == DB_OK)
		for (int i = 0; i < taken; i++)
			before |= h[i].measure_id == st->def.id;
	st->occasion = vocab_index(vocab_measure_occasion, measure_rule_occasion(before, st->follow_up_id != 0));
	st->loaded = true;
	return true;
}

static bool measure_enter(struct screen *s, struct app *app, const void *args)
{
	const struct measure_form_args *a = args;
	struct measure_form_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	enum db_status r = measures_list(&app->desk, st->refs, MEASURE_MAX_DEFS, &st->nrefs);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	if (st->nrefs == 0) {
		app_status(app, STATUS_ERROR, "%s", _("No measures are set up."));
		free(st);
		return false;
	}
	st->citizen_id = a->citizen_id;
	st->follow_up_id = a->follow_up_id;
	snprintf(st->citizen_name, sizeof st->citizen_name, "%s", a->citizen_name);
	for (int i = 0; i < MEASURE_MAX_ITEMS; i++)
		st->answers[i] = MEASURE_UNANSWERED;
	lineedit_init(&st->date, 10);
	char dk[16];
	date_format_dk(date_today(), dk, sizeof dk);
	lineedit_set(&st->date, dk);
	st->current = ROW_ITEMS;
	/* With several measures the chooser over the form says which. */
	if (st->nrefs == 1 && !load_measure(st, app, 0)) {
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void measure_chosen(struct app *app, void *ctx, int choice)
{
	struct measure_form_state *st = ctx;
	if (choice < 0 || !load_measure(st, app, choice))
		app_pop(app);
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
	if (!st->loaded) {
		/* The chooser over the form asks which measure; whose it is
		 * stays in view. */
		draw_text(y, a->left, a->cols, st->citizen_name, A_BOLD);
		return;
	}
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
		struct strbuf b = strbuf_on(line, sizeof line);
		for (int i = 0; i < d->nscale; i++)
			strbuf_add(&b, "%s%d %s", i ? " · " : "", d->scale[i].value, d->scale[i].label);
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
	/* The answers were given on a day that has come: "1-12" is the last
	 * 1 December. */
	if (!date_parse_near(st->date.text, DATE_YEAR_LAST, date_today(), &d)) {
		date_problem(st->date.text, DATE_YEAR_LAST, st->error, sizeof st->error);
		return false;
	}
	if (!measure_rule_day(d, date_today())) {
		snprintf(st->error, sizeof st->error, "%s", _("The answers cannot be from a day that has not come yet."));
		return false;
	}
	date_format_iso(d, iso);
	return true;
}

static void record(struct measure_form_state *st, struct app *app);
static void consent_answered(struct app *app, void *ctx, int yes);

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
	enum db_status r = measures_has_consent(&app->desk, st->citizen_id, &consent);
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	e.citizen_id = st->citizen_id;
	e.measure_id = st->def.id;
	e.follow_up_id = st->follow_up_id;
	snprintf(e.occasion, sizeof e.occasion, "%s", vocab_measure_occasion[st->occasion].code);
	e.nanswers = st->def.nitems;
	memcpy(e.answers, st->answers, (size_t)st->def.nitems * sizeof e.answers[0]);
	st->entry = e;
	if (consent) {
		record(st, app);
		return RD_ALL;
	}
	char q[NAME_MAX + 200];
	snprintf(q, sizeof q, _("Has %s agreed that we keep the answers? They are health data and are only kept "
				"with consent."), st->citizen_name);
	dialog_confirm(app, &(struct confirm_args){ .question = q, .done = consent_answered, .ctx = st });
	return RD_ALL;
}

static void record(struct measure_form_state *st, struct app *app)
{
	long long id;
	struct measure_refusal why;
	enum db_status r = measures_record_why(&app->desk, &st->entry, &id, &why);
	if (r != DB_OK && why.words[0]) {
		/* Refused with a reason: the form says it where the answers are. */
		snprintf(st->error, sizeof st->error, "%s", why.words);
		if (why.item >= 0 && why.item < st->def.nitems)
			st->current = ROW_ITEMS + why.item;
		return;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	char name[MEASURE_NAME], band[MEASURE_LABEL];
	int total = st->entry.total;
	snprintf(name, sizeof name, "%s", st->def.name);
	snprintf(band, sizeof band, "%s", measure_band_label(&st->def, total));
	st->dirty = false;
	app_pop(app);
	/* TRANSLATORS: measure name, score, and the band in brackets if any. */
	app_status(app, STATUS_INFO, _("%s saved: %d%s%s%s."), name, total, band[0] ? " (" : "", band, band[0] ? ")" : "");
}

static void consent_answered(struct app *app, void *ctx, int yes)
{
	struct measure_form_state *st = ctx;
	if (!yes) {
		snprintf(st->error, sizeof st->error, "%s", _("Not saved: the citizen has not agreed."));
		return;
	}
	st->entry.record_consent = true;
	record(st, app);
}

static void leave_answered(struct app *app, void *ctx, int yes)
{
	(void)ctx;
	if (yes)
		app_pop(app);
}

static void move_to(struct measure_form_state *st, int row)
{
	if (row >= 0 && row < rows_total(st))
		st->current = row;
}

/* Only the date is typed; an answer is one digit, and ? there is help. */
static bool measure_typing(struct screen *s, ui_key key)
{
	const struct measure_form_state *st = s->state;
	/* A date has no ? in it. */
	return st->current == ROW_DATE && key != '?';
}

static unsigned measure_key(struct screen *s, struct app *app, ui_key key)
{
	struct measure_form_state *st = s->state;
	st->error[0] = '\0';
	int item = st->current - ROW_ITEMS;
	if (action_for_key(s->ops->actions, key) == ACT_SAVE)
		return save(st, app);
	switch (key) {
	case UIK_ESC:
		if (st->dirty)
			dialog_confirm(app, &(struct confirm_args){ .question = _("Leave without saving the answers?"),
				.done = leave_answered, .ctx = st });
		else
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
			/* Refused in the rule's words: which question, what was
			 * typed, what the scale is. */
			int typed[MEASURE_MAX_ITEMS];
			memcpy(typed, st->answers, sizeof typed);
			typed[item] = (int)(key - '0');
			measure_check_words(&st->def, MEASURE_OUT_OF_RANGE, item, typed, st->def.nitems, st->error,
					    sizeof st->error);
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

void measure_form_open(struct app *app, const struct measure_form_args *args)
{
	if (!app_push(app, &measure_form_screen, args))
		return;
	struct measure_form_state *st = app_top(app)->state;
	if (st->loaded)
		return;
	const char *labels[DIALOG_MAX_BUTTONS];
	int n = st->nrefs < DIALOG_MAX_BUTTONS ? st->nrefs : DIALOG_MAX_BUTTONS;
	for (int i = 0; i < n; i++)
		labels[i] = st->refs[i].name;
	dialog_choose(app, &(struct choose_args){ .question = _("Which questions do you want to ask?"), .labels = labels,
		.n = n, .done = measure_chosen, .ctx = st });
}

const struct screen_ops measure_form_screen = {
	.name = N_("Measure"),
	.help = N_("WHO-5 Well-Being Index (WHO Collaborating Centre in Mental Health, Psychiatric Research Unit, "
		   "Mental Health Centre North Zealand): five questions 0-5, the sum times 4 gives 0-100. 50 or "
		   "less suggests reduced wellbeing, 28 or less likely depression: a screening, not a diagnosis; "
		   "talk about seeing the GP. Loneliness (Hughes et al. 2004, after the UCLA scale): three "
		   "questions 1-3, total 3-9, higher is lonelier. Type the answer's number; Ctrl-S saves. Answers "
		   "are health data, kept only with consent."),
	.actions = measure_actions,
	.writes = true,
	.enter = measure_enter,
	.draw = measure_draw,
	.on_key = measure_key,
	.typing = measure_typing,
	.leave = app_free_state,
};
