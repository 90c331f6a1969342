/* dialog.c — confirm dialog with its own small key loop. */
#include "dialog.h"

#include <curses.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "term.h"
#include "utf8.h"

static void draw_dialog(const char *question, bool yes)
{
	int cols = COLS - 4 > 60 ? 60 : COLS - 4;
	if (cols < 10)
		cols = COLS;
	int rows = 6;
	int y0 = (LINES - rows) / 2, x0 = (COLS - cols) / 2;
	if (y0 < 0)
		y0 = 0;
	for (int r = 0; r < rows && y0 + r < LINES; r++)
		draw_blank(y0 + r, x0, cols, A_REVERSE);
	draw_wrapped(y0 + 1, x0 + 2, 2, cols - 4, question, A_REVERSE);
	char yes_label[40], no_label[40];
	snprintf(yes_label, sizeof yes_label, "[ %s ]", _("Yes"));
	snprintf(no_label, sizeof no_label, "[ %s ]", _("No"));
	int bx = x0 + 2;
	bx += draw_text(y0 + 4, bx, cols - 4, yes_label, yes ? A_NORMAL | A_BOLD : A_REVERSE);
	draw_text(y0 + 4, bx + 2, cols - 4 - (bx - x0), no_label, yes ? A_REVERSE : A_NORMAL | A_BOLD);
	curs_set(0);
}

bool dialog_confirm(struct app *app, const char *question, bool default_yes)
{
	bool yes = default_yes;
	for (;;) {
		app_redraw(app);
		draw_blank(LINES - 1, 0, COLS, A_REVERSE);
		char hint[160];
		snprintf(hint, sizeof hint, "j %s  n %s  Enter %s  Esc %s", _("Yes"), _("No"),
			 _("Choose"), _("Cancel"));
		draw_text(LINES - 1, 0, COLS, hint, A_REVERSE);
		draw_dialog(question, yes);
		refresh();
		ui_key k = term_next_key();
		switch (k) {
		case 'j': case 'J': case 'y': case 'Y':
			return true;
		case 'n': case 'N': case UIK_ESC:
			return false;
		case UIK_ENTER:
			return yes;
		case UIK_TAB: case UIK(KEY_LEFT): case UIK(KEY_RIGHT):
			yes = !yes;
			break;
		case UIK_STOP:
		case UIK_SCRIPT_END:
			app->quit = true;
			app->exit_status = k == UIK_SCRIPT_END ? 3 : 0;
			return false;
		default:
			break;
		}
	}
}
