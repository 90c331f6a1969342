/* dialog.c — modal dialogs with their own small key loops. */
#include "dialog.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "draw.h"
#include "form.h"
#include "i18n.h"
#include "lineedit.h"
#include "term.h"
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
	for (int r = 0; r < rows; r++)
		draw_blank(y0 + r, x0, cols, A_REVERSE);
	return (struct area){ .top = y0 + 1, .left = x0 + 2, .rows = rows - 2, .cols = cols - 4 };
}

static void draw_hint_line(const char *hint)
{
	draw_blank(LINES - 1, 0, COLS, A_REVERSE);
	draw_text(LINES - 1, 0, COLS, hint, A_REVERSE);
}

/* Reads a key for a dialog; false when the program must stop. */
static bool dialog_key(struct app *app, ui_key *k)
{
	refresh();
	*k = term_next_key();
	if (*k == UIK_STOP || *k == UIK_SCRIPT_END) {
		app->quit = true;
		app->exit_status = *k == UIK_SCRIPT_END ? 3 : 128 + (int)term_stop_signal;
		return false;
	}
	return true;
}

int dialog_choose(struct app *app, const char *question, const char *const *labels, int n,
		  int default_index)
{
	int sel = default_index;
	for (;;) {
		app_redraw(app);
		char hint[200];
		snprintf(hint, sizeof hint, "%s  Enter %s  Esc %s", _("Arrows move"), _("Choose"), _("Cancel"));
		draw_hint_line(hint);
		struct area a = draw_box(7, 64);
		int used = draw_wrapped(a.top, a.left, a.rows - 2, a.cols, question, A_REVERSE);
		int x = a.left, y = a.top + (used < a.rows - 1 ? used + 1 : a.rows - 1);
		for (int i = 0; i < n; i++) {
			/* The chosen button is marked in text too, not only by
			 * its colour, so it reads the same on every terminal. */
			char button[80];
			snprintf(button, sizeof button, i == sel ? "[>%s<]" : "[ %s ]", labels[i]);
			int w = utf8_columns(button, strlen(button));
			if (x + w > a.left + a.cols && x > a.left) {
				x = a.left;
				y++;
			}
			draw_text(y, x, a.left + a.cols - x, button, i == sel ? A_BOLD : A_REVERSE);
			x += w + 2;
		}
		curs_set(0);
		ui_key k;
		if (!dialog_key(app, &k))
			return -1;
		if (k == UIK_ESC)
			return -1;
		if (k == UIK_ENTER)
			return sel;
		if (k == UIK_TAB || k == UIK(KEY_RIGHT))
			sel = (sel + 1) % n;
		else if (k == UIK(KEY_BTAB) || k == UIK(KEY_LEFT))
			sel = (sel + n - 1) % n;
		else if (k == UIK(KEY_RESIZE))
			continue;
		else if (!UIK_IS_FUNC(k)) {
			/* The first letter of a label chooses it: j(a), n(ej), g(em). */
			char typed[8] = { 0 }, first[8];
			utf8_encode((uint32_t)k, typed);
			for (int i = 0; i < n; i++) {
				size_t len = utf8_next(labels[i], strlen(labels[i]), 0);
				snprintf(first, sizeof first, "%.*s", (int)len, labels[i]);
				if (strcasecmp(first, typed) == 0)
					return i;
			}
		}
	}
}

bool dialog_confirm(struct app *app, const char *question, bool default_yes)
{
	const char *labels[] = { _("Yes"), _("No") };
	return dialog_choose(app, question, labels, 2, default_yes ? 0 : 1) == 0;
}

static bool prompt(struct app *app, const char *question, char *out, size_t size, size_t max_chars,
		   bool secret)
{
	struct lineedit e;
	lineedit_init(&e, max_chars);
	for (;;) {
		app_redraw(app);
		char hint[200];
		snprintf(hint, sizeof hint, "Enter %s  Esc %s", _("Choose"), _("Cancel"));
		draw_hint_line(hint);
		struct area a = draw_box(6, 64);
		draw_wrapped(a.top, a.left, 2, a.cols, question, A_REVERSE);
		draw_blank(a.top + 2, a.left, a.cols, A_NORMAL);
		int ccol = lineedit_cursor_column(&e);
		if (secret) {
			char dots[64];
			size_t n = utf8_length(e.text);
			memset(dots, '*', n < sizeof dots ? n : sizeof dots - 1);
			dots[n < sizeof dots ? n : sizeof dots - 1] = '\0';
			draw_text(a.top + 2, a.left, a.cols, dots, A_NORMAL);
			curs_set(1);
			move(a.top + 2, a.left + (int)utf8_length(e.text));
		} else {
			int off = ccol >= a.cols ? ccol - a.cols + 1 : 0;
			size_t skip = utf8_fit(e.text, off);
			draw_text(a.top + 2, a.left, a.cols, e.text + skip, A_NORMAL);
			curs_set(1);
			move(a.top + 2, a.left + ccol - utf8_columns(e.text, skip));
		}
		ui_key k;
		if (!dialog_key(app, &k))
			return false;
		if (k == UIK_ESC)
			return false;
		if (k == UIK_ENTER) {
			snprintf(out, size, "%s", e.text);
			return true;
		}
		lineedit_key(&e, k);
	}
}

bool dialog_prompt(struct app *app, const char *question, char *out, size_t size, size_t max_chars)
{
	return prompt(app, question, out, size, max_chars, false);
}

bool dialog_prompt_secret(struct app *app, const char *question, char *out, size_t size,
			  size_t max_chars)
{
	return prompt(app, question, out, size, max_chars, true);
}

void dialog_pick(struct app *app, struct form_field *fld, dialog_add_fn add, void *ctx)
{
	uint64_t before = fld->picked;
	int sel = 0, top = 0;
	char message[FIELD_ERROR_MAX] = "";
	for (;;) {
		app_redraw(app);
		char hint[240];
		if (add)
			snprintf(hint, sizeof hint, "Space %s  + %s  Enter %s  Esc %s", _("Tick"), _("New"),
				 _("Done"), _("Cancel"));
		else
			snprintf(hint, sizeof hint, "Space %s  Enter %s  Esc %s", _("Tick"), _("Done"),
				 _("Cancel"));
		draw_hint_line(hint);
		int n = fld->noptions < FIELD_MAX_OPTIONS ? fld->noptions : FIELD_MAX_OPTIONS;
		struct area a = draw_box(n + 4 < 18 ? n + 4 : 18, 50);
		draw_text(a.top, a.left, a.cols, _(fld->label), A_REVERSE | A_BOLD);
		int rows = a.rows - 2;
		if (sel < top)
			top = sel;
		if (sel >= top + rows)
			top = sel - rows + 1;
		for (int r = 0; r < rows && top + r < n; r++) {
			int i = top + r;
			char line[300];
			snprintf(line, sizeof line, "[%s] %s", (fld->picked >> i) & 1 ? "x" : " ",
				 fld->options[i].label);
			draw_text(a.top + 1 + r, a.left, a.cols, line, i == sel ? A_BOLD : A_REVERSE);
		}
		if (message[0])
			draw_text(a.top + a.rows - 1, a.left, a.cols, message, A_REVERSE | A_BOLD);
		curs_set(0);
		ui_key k;
		if (!dialog_key(app, &k)) {
			fld->picked = before;
			return;
		}
		message[0] = '\0';
		switch (k) {
		case UIK_ESC:
			fld->picked = before;
			return;
		case UIK_ENTER:
			return;
		case UIK(KEY_UP):
			if (sel > 0)
				sel--;
			break;
		case UIK(KEY_DOWN):
			if (sel + 1 < n)
				sel++;
			break;
		case UIK_SPACE:
		case 'x':
			if (n > 0)
				fld->picked ^= UINT64_C(1) << sel;
			break;
		case '+':
			if (add) {
				char name[256];
				if (n >= FIELD_MAX_OPTIONS)
					snprintf(message, sizeof message, "%s", _("The list is full."));
				else if (dialog_prompt(app, _("Name of the new entry:"), name, sizeof name, 60)
					 && name[0] && add(ctx, fld, name, message, sizeof message)) {
					sel = fld->noptions - 1;
					fld->picked |= UINT64_C(1) << sel;
				}
			}
			break;
		default:
			break;
		}
	}
}
