/* dialog.c — modal dialogs as screens on the stack (dialog.h). */
#include "dialog.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include "app.h"
#include "draw.h"
#include "form.h"
#include "i18n.h"
#include "lineedit.h"
#include "utf8.h"

/* A box in the middle of the screen; returns its inner area. */
static struct area draw_box(int want_rows, int want_cols)
{
	int cols = want_cols < COLS - 4 ? want_cols : COLS - 4;
	int rows = want_rows < LINES - 4 ? want_rows : LINES - 4;
	if (cols < 10)
		cols = COLS;
	if (rows < 3)
		rows = LINES;
	int y0 = (LINES - rows) / 2, x0 = (COLS - cols) / 2;
	/* A blank margin around the box: the screen's text behind it stops a
	 * cell short instead of running into it ("Næste s" read as part of
	 * the question, a new user's). */
	for (int r = y0 - 1; r <= y0 + rows; r++)
		if (r >= 0 && r < LINES)
			draw_blank(r, x0 > 0 ? x0 - 1 : 0, cols + (x0 > 0) + (x0 + cols < COLS), A_NORMAL);
	for (int r = 0; r < rows; r++)
		draw_blank(y0 + r, x0, cols, A_REVERSE);
	return (struct area){ .top = y0 + 1, .left = x0 + 2, .rows = rows - 2, .cols = cols - 4 };
}

/* ---------- choose and confirm ---------- */

struct choose_state {
	char *question;
	char *labels[DIALOG_MAX_BUTTONS];
	int n, sel;
	bool yes_no;          /* a confirm: the caller hears 1 for yes, 0 for no */
	dialog_choice_fn done;
	void *ctx;
};

/* What dialog_choose and dialog_confirm hand to .enter. */
struct choose_open {
	const struct choose_args *args;
	bool yes_no;
};

static const struct action choose_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Choose"), N_("Take the highlighted answer (or press its first letter)."), 0 },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Move to the next answer (also Right; Left goes back)."), 0 },
	{ ACT_PREV_FIELD, UIK(KEY_BTAB), N_("Previous"), N_("Move to the answer before (also Left)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Cancel"), N_("Close without choosing."), 0 },
	{ ACT_NEXT_FIELD, UIK(KEY_RIGHT), N_("Next"), NULL, ACTF_HIDDEN },
	{ ACT_PREV_FIELD, UIK(KEY_LEFT), N_("Previous"), NULL, ACTF_HIDDEN },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void choose_leave(struct screen *s, struct app *app);

static bool choose_enter(struct screen *s, struct app *app, const void *args)
{
	(void)app;
	const struct choose_open *open = args;
	const struct choose_args *a = open->args;
	struct choose_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->question = strdup(a->question);
	st->n = a->n < DIALOG_MAX_BUTTONS ? a->n : DIALOG_MAX_BUTTONS;
	bool ok = st->question != NULL;
	for (int i = 0; i < st->n; i++)
		ok = ok && (st->labels[i] = strdup(a->labels[i])) != NULL;
	st->sel = a->default_index >= 0 && a->default_index < st->n ? a->default_index : 0;
	st->yes_no = open->yes_no;
	st->done = a->done;
	st->ctx = a->ctx;
	s->state = st;
	if (!ok)
		choose_leave(s, app);
	return ok;
}

static void choose_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct choose_state *st = s->state;
	if (!st)
		return;
	free(st->question);
	for (int i = 0; i < st->n; i++)
		free(st->labels[i]);
	free(st);
	s->state = NULL;
}

static void choose_draw(struct screen *s, struct app *app, const struct area *body)
{
	(void)app;
	(void)body;
	struct choose_state *st = s->state;
	/* A long question (what anonymising removes) gets the rows it needs:
	 * about one per 60 columns of text, and one spare for the wrapping. */
	int lines = utf8_columns(st->question, strlen(st->question)) / 60 + 2;
	struct area a = draw_box(lines + 4 > 7 ? lines + 4 : 7, 64);
	int used = draw_wrapped(a.top, a.left, a.rows - 2, a.cols, st->question, A_REVERSE);
	int x = a.left, y = a.top + (used < a.rows - 1 ? used + 1 : a.rows - 1);
	for (int i = 0; i < st->n; i++) {
		/* The chosen button is marked in text too, not only by its
		 * colour, so it reads the same on every terminal. */
		char button[120];
		snprintf(button, sizeof button, i == st->sel ? "[>%s<]" : "[ %s ]", st->labels[i]);
		int w = utf8_columns(button, strlen(button));
		if (x + w > a.left + a.cols && x > a.left) {
			x = a.left;
			y++;
		}
		draw_text(y, x, a.left + a.cols - x, button, i == st->sel ? A_BOLD : A_REVERSE);
		x += w + 2;
	}
}

/* Closes the dialog, then tells the screen that asked. */
static unsigned choose_finish(struct app *app, struct choose_state *st, int choice)
{
	dialog_choice_fn done = st->done;
	void *ctx = st->ctx;
	if (st->yes_no)
		choice = choice == 0;
	app_pop(app);
	if (done)
		done(app, ctx, choice);
	return RD_ALL;
}

static unsigned choose_key(struct screen *s, struct app *app, ui_key k)
{
	struct choose_state *st = s->state;
	switch (action_for_key(s->ops->actions, k)) {
	case ACT_OPEN:
		return choose_finish(app, st, st->sel);
	case ACT_BACK:
		return choose_finish(app, st, -1);
	case ACT_NEXT_FIELD:
		st->sel = (st->sel + 1) % st->n;
		return RD_BODY;
	case ACT_PREV_FIELD:
		st->sel = (st->sel + st->n - 1) % st->n;
		return RD_BODY;
	case ACT_HELP:
	case ACT_REDRAW:
		return app_default_key(app, k);
	default:
		break;
	}
	if (UIK_IS_FUNC(k) || k <= 0)
		return RD_NONE;
	/* The first letter of a label chooses it: j(a), n(ej), g(em). */
	char typed[8] = { 0 }, first[8];
	utf8_encode((uint32_t)k, typed);
	for (int i = 0; i < st->n; i++) {
		size_t len = utf8_next(st->labels[i], strlen(st->labels[i]), 0);
		snprintf(first, sizeof first, "%.*s", (int)len, st->labels[i]);
		if (strcasecmp(first, typed) == 0)
			return choose_finish(app, st, i);
	}
	return RD_NONE;
}

const struct screen_ops choose_screen = {
	.name = N_("Question"),
	.help = N_("Answer the question to go on: the highlighted answer is marked with > <."),
	.actions = choose_actions,
	.overlay = true,
	.enter = choose_enter,
	.draw = choose_draw,
	.on_key = choose_key,
	.leave = choose_leave,
};

void dialog_choose(struct app *app, const struct choose_args *a)
{
	app_push(app, &choose_screen, &(struct choose_open){ .args = a });
}

void dialog_confirm(struct app *app, const struct confirm_args *a)
{
	const char *labels[] = { _("Yes"), _("No") };
	struct choose_args yes_no = { .question = a->question, .labels = labels, .n = 2,
				      .default_index = a->default_yes ? 0 : 1, .done = a->done, .ctx = a->ctx };
	app_push(app, &choose_screen, &(struct choose_open){ .args = &yes_no, .yes_no = true });
}

/* ---------- a line of text ---------- */

struct prompt_state {
	char *question;
	bool secret;
	struct lineedit edit;
	bool ask_before_dropping;
	bool answered;              /* Enter or Esc: not left by a stop */
	bool multiline;             /* wraps over rows (a note): Ctrl-S takes it, Enter does not */
	bool said_one_piece;        /* Enter was pressed in it: say it is one piece */
	int wrap_cols;              /* a long answer's width when last drawn; 0: on one line */
	dialog_text_fn done;
	bool (*keep)(struct app *app, void *ctx, const char *text);
	void *ctx;
};

/* A note is taken with Ctrl-S, as a form is saved: Enter, taken for a new
 * paragraph, saved half a note (a new user's). */
static const struct action note_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Take the note as it is written."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Cancel"), N_("Close without taking it; with a note written, asks whether to keep it as a draft."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static const struct action prompt_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("OK"), N_("Take what was typed."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Cancel"), N_("Close without taking it; with a note written, asks whether to keep it as a draft."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool prompt_enter(struct screen *s, struct app *app, const void *args)
{
	(void)app;
	const struct prompt_args *a = args;
	struct prompt_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	if (!(st->question = strdup(a->question))) {
		free(st);
		return false;
	}
	st->secret = a->secret;
	st->ask_before_dropping = a->ask_before_dropping;
	st->multiline = a->multiline && !a->secret;
	lineedit_init(&st->edit, a->max_chars);
	if (a->initial)
		lineedit_set(&st->edit, a->initial);
	st->done = a->done;
	st->keep = a->keep;
	st->ctx = a->ctx;
	s->state = st;
	return true;
}

static void prompt_leave(struct screen *s, struct app *app)
{
	struct prompt_state *st = s->state;
	if (!st)
		return;
	/* Closed by a stop with text typed: the asker may keep it. */
	if (!st->answered && st->keep && st->edit.text[0])
		st->keep(app, st->ctx, st->edit.text);
	/* A PIN typed halfway leaves no trace in memory. */
	memset(&st->edit, 0, sizeof st->edit);
	free(st->question);
	free(st);
	s->state = NULL;
}

enum { PROMPT_WRAP_ROWS = 8 };

/* A key refused because the answer is full says so, on row y: the rest
 * of what was typed did not go in. */
static void say_full(const struct lineedit *e, int y, const struct area *a)
{
	if (!e->refused || !e->max_chars || y >= a->top + a->rows)
		return;
	char full[80];
	snprintf(full, sizeof full, P_("At most %zu character.", "At most %zu characters.", e->max_chars), e->max_chars);
	draw_text(y, a->left, a->cols, full, A_BOLD);
}

static void prompt_draw(struct screen *s, struct app *app, const struct area *body)
{
	(void)app;
	(void)body;
	struct prompt_state *st = s->state;
	const struct lineedit *e = &st->edit;
	/* Two rows for the question, more when it says first what was
	 * wrong with the last answer ("A PIN like 1234 ..."). */
	int inner = (64 < COLS - 4 ? 64 : COLS - 4) - 4;
	int q = text_rows(st->question, inner > 1 ? inner : 1);
	q = q < 2 ? 2 : q > 4 ? 4 : q;
	/* A long answer (a note) wraps over up to five rows as it is
	 * written, so it is read back whole. */
	bool wraps = st->multiline && inner > 1;
	int rows = wraps ? edit_rows(e->text, e->cursor, inner) : 1;
	rows = rows > PROMPT_WRAP_ROWS ? PROMPT_WRAP_ROWS : rows;
	struct area a = draw_box(q + 3 + rows, 64);
	if (q > a.rows - 1)
		q = a.rows - 1;
	if (rows > a.rows - q)
		rows = a.rows - q > 1 ? a.rows - q : 1;
	draw_wrapped(a.top, a.left, q, a.cols, st->question, A_REVERSE);
	int y = a.top + q;
	draw_blank(y, a.left, a.cols, A_NORMAL);
	st->wrap_cols = wraps ? a.cols : 0;
	if (wraps) {
		int cy = y, cx = a.left;
		int more = draw_edit_wrapped(y, a.left, rows, a.cols, e->text, e->cursor, A_NORMAL, &cy, &cx);
		/* Lines out of view are marked beside the text, as in a list. */
		if (more & EDIT_MORE_ABOVE)
			draw_text(y, a.left + a.cols + 1, 1, "^", A_REVERSE | A_BOLD);
		if (more & EDIT_MORE_BELOW)
			draw_text(y + rows - 1, a.left + a.cols + 1, 1, "v", A_REVERSE | A_BOLD);
		say_full(e, y + rows, &a);
		if (st->said_one_piece && !e->refused && y + rows < a.top + a.rows) {
			draw_text(y + rows, a.left, a.cols, _("The note is one piece: go on writing. Ctrl-S saves it."), A_REVERSE | A_BOLD);
		} else if (!e->refused && e->max_chars && y + rows < a.top + a.rows) {
			/* How much room is left, while it is written. */
			char count[48];
			snprintf(count, sizeof count, _("%zu of %d"), utf8_length(e->text), (int)e->max_chars);
			draw_text(y + rows, a.left, a.cols, count, A_REVERSE);
		}
		curs_set(1);
		move(cy, cx);
		return;
	}
	if (st->secret) {
		char stars[64];
		size_t n = utf8_length(e->text);
		if (n >= sizeof stars)
			n = sizeof stars - 1;
		memset(stars, '*', n);
		stars[n] = '\0';
		draw_text(y, a.left, a.cols, stars, A_NORMAL);
		curs_set(1);
		move(y, a.left + (int)n);
		return;
	}
	int ccol = lineedit_cursor_column(e);
	int off = ccol >= a.cols ? ccol - a.cols + 1 : 0;
	size_t skip = utf8_fit(e->text, off);
	draw_text(y, a.left, a.cols, e->text + skip, A_NORMAL);
	say_full(e, y + 1, &a);
	curs_set(1);
	move(y, a.left + ccol - utf8_columns(e->text, skip));
}

static unsigned prompt_finish(struct app *app, struct prompt_state *st, bool take)
{
	dialog_text_fn done = st->done;
	void *ctx = st->ctx;
	char text[LINEEDIT_BYTES];
	snprintf(text, sizeof text, "%s", st->edit.text);
	st->answered = true;
	app_pop(app);
	if (done)
		done(app, ctx, take ? text : NULL);
	memset(text, 0, sizeof text);
	return RD_ALL;
}

static void drop_answered(struct app *app, void *ctx, int yes)
{
	if (yes == 1)
		prompt_finish(app, ctx, false);
}

/* Keep as draft, Discard, or go on typing: kept first, and the question
 * closed only then, without an answer to the asker. */
static void park_answered(struct app *app, void *ctx, int c)
{
	struct prompt_state *st = ctx;
	if (c == 0 && st->keep(app, st->ctx, st->edit.text)) {
		st->answered = true;
		app_pop(app);
	} else if (c == 1) {
		prompt_finish(app, st, false);
		app_status(app, STATUS_INFO, "%s", _("Discarded."));
	}
}

static unsigned prompt_key(struct screen *s, struct app *app, ui_key k)
{
	struct prompt_state *st = s->state;
	if (st->multiline && (k == UIK_CTRL('s') || k == UIK(KEY_F(10))))
		return prompt_finish(app, st, true);
	if (st->multiline && k == UIK_ENTER) {
		st->said_one_piece = true;
		return RD_BODY;
	}
	if (k == UIK_ENTER)
		return prompt_finish(app, st, true);
	st->said_one_piece = false;
	if (k == UIK_ESC && st->ask_before_dropping && st->edit.text[0] && st->keep) {
		const char *choices[] = { _("Keep as draft"), _("Discard"), _("Go on writing") };
		dialog_choose(app, &(struct choose_args){ .question = _("What you have typed is not saved. What do you want "
								       "to do?"),
			.labels = choices, .n = 3, .done = park_answered, .ctx = st });
		return RD_ALL;
	}
	if (k == UIK_ESC && st->ask_before_dropping && st->edit.text[0]) {
		dialog_confirm(app, &(struct confirm_args){ .question = _("Drop what you have typed?"),
			.done = drop_answered, .ctx = st });
		return RD_ALL;
	}
	if (k == UIK_ESC)
		return prompt_finish(app, st, false);
	/* Up or Down with no line that way stays in the note. */
	if (st->wrap_cols && (lineedit_wrapped_key(&st->edit, st->wrap_cols, k) || k == UIK(KEY_UP) || k == UIK(KEY_DOWN)))
		return RD_BODY;
	if (lineedit_key(&st->edit, k))
		return RD_BODY;
	return k == UIK(KEY_F(1)) || k == UIK_CTRL('l') ? app_default_key(app, k) : RD_NONE;
}

/* A note may well hold a question mark. */
static bool prompt_typing(struct screen *s, ui_key key)
{
	(void)s;
	(void)key;
	return true;
}

static const struct action *prompt_actions_now(const struct screen *s, const struct app *app)
{
	(void)app;
	const struct prompt_state *st = s->state;
	return st && st->multiline ? note_actions : prompt_actions;
}

const struct screen_ops prompt_screen = {
	.name = N_("Question"),
	.help = N_("Type the answer and press Enter (a note: Ctrl-S), or Esc to leave it."),
	.actions = prompt_actions,
	.actions_now = prompt_actions_now,
	.overlay = true,
	.enter = prompt_enter,
	.draw = prompt_draw,
	.typing = prompt_typing,
	.on_key = prompt_key,
	.leave = prompt_leave,
};

void dialog_prompt(struct app *app, const struct prompt_args *a)
{
	app_push(app, &prompt_screen, a);
}

/* ---------- the chooser of a multiple-choice field ---------- */

struct pick_state {
	struct pick_args args;
	uint64_t before;      /* the ticks to go back to on Esc */
	int sel, top;
	int page;             /* the rows the list showed last */
	char message[FIELD_ERROR_MAX];
};

static const struct action pick_actions[] = {
	{ ACT_TOGGLE, UIK_SPACE, N_("Tick"), N_("Tick or untick the highlighted entry."), 0 },
	{ ACT_NEW, '+', N_("New"), N_("Add a new entry to the centre's list."), 0 },
	{ ACT_OPEN, UIK_ENTER, N_("Done"), N_("Keep the ticks and close."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Cancel"), N_("Close and undo the ticks."), 0 },
	{ ACT_TOGGLE, 'x', N_("Tick"), NULL, ACTF_HIDDEN },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

/* Without an add callback there is no + to show. */
static const struct action pick_actions_fixed[] = {
	{ ACT_TOGGLE, UIK_SPACE, N_("Tick"), N_("Tick or untick the highlighted entry."), 0 },
	{ ACT_OPEN, UIK_ENTER, N_("Done"), N_("Keep the ticks and close."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Cancel"), N_("Close and undo the ticks."), 0 },
	{ ACT_TOGGLE, 'x', N_("Tick"), NULL, ACTF_HIDDEN },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool pick_enter(struct screen *s, struct app *app, const void *args)
{
	(void)app;
	struct pick_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->args = *(const struct pick_args *)args;
	st->before = st->args.fld->picked;
	s->state = st;
	return true;
}

static int pick_count(const struct pick_state *st)
{
	int n = st->args.fld->noptions;
	return n < FIELD_MAX_OPTIONS ? n : FIELD_MAX_OPTIONS;
}

static void pick_draw(struct screen *s, struct app *app, const struct area *body)
{
	(void)app;
	(void)body;
	struct pick_state *st = s->state;
	const struct form_field *fld = st->args.fld;
	int n = pick_count(st);
	/* As tall as the window lets it: the week's 21 times are one list. */
	struct area a = draw_box(n + 4, 50);
	draw_text(a.top, a.left, a.cols, _(fld->label), A_REVERSE | A_BOLD);
	int rows = a.rows - 2;
	if (rows < 1)
		rows = 1;
	if (st->sel < st->top)
		st->top = st->sel;
	if (st->sel >= st->top + rows)
		st->top = st->sel - rows + 1;
	if (st->top > n - rows)
		st->top = n - rows > 0 ? n - rows : 0;
	st->page = rows;
	bool scrolls = n > rows;
	for (int r = 0; r < rows && st->top + r < n; r++) {
		int i = st->top + r;
		char line[300];
		snprintf(line, sizeof line, "[%s] %s", (fld->picked >> i) & 1 ? "x" : " ", fld->options[i].label);
		draw_cell(a.top + 1 + r, a.left, draw_row_cols(a.cols, scrolls), line,
			  i == st->sel ? A_BOLD : A_REVERSE);
	}
	if (scrolls)
		draw_scroll_marks(a.top + 1, a.top + rows, a.left + a.cols - 1, st->top > 0, st->top + rows < n);
	if (st->message[0])
		draw_text(a.top + a.rows - 1, a.left, a.cols, st->message, A_REVERSE | A_BOLD);
}

static unsigned pick_finish(struct app *app, struct pick_state *st, bool keep)
{
	if (!keep)
		st->args.fld->picked = st->before;
	void (*done)(struct app *, void *, bool) = st->args.done;
	void *ctx = st->args.ctx;
	app_pop(app);
	if (done)
		done(app, ctx, keep);
	return RD_ALL;
}

/* The name for a new entry came back from the prompt over the chooser. */
static void pick_added(struct app *app, void *ctx, const char *name)
{
	struct pick_state *st = ctx;
	struct form_field *fld = st->args.fld;
	if (!name || !name[0])
		return;
	if (st->args.add(app, st->args.add_ctx, fld, name, st->message, sizeof st->message)) {
		st->sel = fld->noptions - 1;
		fld->picked |= UINT64_C(1) << st->sel;
	}
}

/* The next entry after the highlighted one whose label starts with the
 * letter typed (in either case), round to the top; the highlighted one
 * when none does. */
static int pick_next_starting(const struct pick_state *st, uint32_t letter)
{
	int n = pick_count(st);
	for (int step = 1; step <= n; step++) {
		int i = (st->sel + step) % n;
		const char *label = st->args.fld->options[i].label;
		uint32_t first = 0;
		if (utf8_decode(label, strlen(label), &first) && towlower((wint_t)first) == towlower((wint_t)letter))
			return i;
	}
	return st->sel;
}

static unsigned pick_key(struct screen *s, struct app *app, ui_key k)
{
	struct pick_state *st = s->state;
	struct form_field *fld = st->args.fld;
	int n = pick_count(st);
	st->message[0] = '\0';
	switch (action_for_key(s->ops->actions, k)) {
	case ACT_BACK:
		return pick_finish(app, st, false);
	case ACT_OPEN:
		return pick_finish(app, st, true);
	case ACT_TOGGLE:
		if (n > 0)
			fld->picked ^= UINT64_C(1) << st->sel;
		return RD_BODY;
	case ACT_NEW:
		if (n >= FIELD_MAX_OPTIONS)
			snprintf(st->message, sizeof st->message, "%s", _("The list is full."));
		else
			dialog_prompt(app, &(struct prompt_args){ .question = _("Name of the new entry:"),
				.max_chars = 60, .done = pick_added, .ctx = st });
		return RD_ALL;
	case ACT_HELP:
	case ACT_REDRAW:
		return app_default_key(app, k);
	default:
		break;
	}
	if (n == 0)
		return RD_NONE;
	int page = st->page > 1 ? st->page - 1 : 1, to = st->sel;
	if (k == UIK(KEY_UP))
		to--;
	else if (k == UIK(KEY_DOWN))
		to++;
	else if (k == UIK(KEY_PPAGE))
		to -= page;
	else if (k == UIK(KEY_NPAGE))
		to += page;
	else if (k == UIK(KEY_HOME))
		to = 0;
	else if (k == UIK(KEY_END))
		to = n - 1;
	else if (!UIK_IS_FUNC(k) && k > ' ')
		to = pick_next_starting(st, (uint32_t)k);
	else
		return RD_NONE;
	st->sel = to < 0 ? 0 : to >= n ? n - 1 : to;
	return RD_BODY;
}

const struct screen_ops dialog_pick_screen = {
	.name = N_("Choose"),
	.help = N_("Tick every entry that fits with Space, then press Enter. Up and Down, Page Up and Page Down, "
		   "Home and End move; a letter goes to the next entry that starts with it (x ticks, as Space does). "
		   "Esc leaves the ticks as they were."),
	.actions = pick_actions,
	.overlay = true,
	.enter = pick_enter,
	.draw = pick_draw,
	.on_key = pick_key,
	.leave = app_free_state,
};

const struct screen_ops dialog_pick_fixed_screen = {
	.name = N_("Choose"),
	.help = N_("Tick every entry that fits with Space, then press Enter. Esc leaves the ticks as they were."),
	.actions = pick_actions_fixed,
	.overlay = true,
	.enter = pick_enter,
	.draw = pick_draw,
	.on_key = pick_key,
	.leave = app_free_state,
};

void dialog_pick(struct app *app, const struct pick_args *a)
{
	app_push(app, a->add ? &dialog_pick_screen : &dialog_pick_fixed_screen, a);
}
