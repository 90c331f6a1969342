/* attendance_pick.c — the chooser of attendance_pick.h: a box with a
 * search line and the rows that match, redrawn over the current screen. */
#include "attendance_pick.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "draw.h"
#include "fold.h"
#include "i18n.h"
#include "lineedit.h"
#include "term.h"
#include "utf8.h"

int attendance_pick_volunteers(struct app *app, void *ctx, const char *folded_query, struct pick_row *out,
			       int max)
{
	const struct pick_ticks *ticks = ctx;
	struct volunteer_ref *v = calloc((size_t)max, sizeof *v);
	if (!v)
		return -1;
	int n = 0;
	enum db_status r = store_attendance_volunteers(app->db, folded_query, v, max, &n);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(v);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		out[i].id = v[i].id;
		snprintf(out[i].label, sizeof out[i].label, "%s", v[i].name);
		out[i].ticked = false;
		for (int t = 0; ticks && t < ticks->n; t++)
			if (ticks->ids[t] == v[i].id)
				out[i].ticked = true;
	}
	free(v);
	return n;
}

int attendance_pick_activities(struct app *app, void *ctx, const char *folded_query, struct pick_row *out,
			       int max)
{
	(void)ctx;
	struct activity_ref *a = calloc((size_t)max, sizeof *a);
	if (!a)
		return -1;
	int n = 0;
	enum db_status r = store_attendance_activities(app->db, folded_query, a, max, &n);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(a);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		out[i].id = a[i].id;
		out[i].ticked = false;
		if (a[i].weekday >= 1 && a[i].weekday <= 7)
			snprintf(out[i].label, sizeof out[i].label, "%.400s  (%s %s)", a[i].name,
				 date_weekday_abbr(a[i].weekday), a[i].start_time);
		else
			snprintf(out[i].label, sizeof out[i].label, "%s", a[i].name);
	}
	free(a);
	return n;
}

struct pick_state {
	struct pick_row *rows;
	int n, sel, top;
	bool none;                    /* row 0 is "none" */
};

static void search(struct app *app, struct pick_state *p, pick_search_fn fn, void *ctx, const char *none_label,
		   const char *query)
{
	char folded[256];
	fold_search(query, folded, sizeof folded);
	/* "Nobody" is a choice only before searching: Enter on a search that
	 * found no one must not clear what was chosen. */
	p->none = none_label != NULL && !query[0];
	int first = p->none ? 1 : 0;
	if (p->none) {
		p->rows[0].id = -1;
		p->rows[0].ticked = false;
		snprintf(p->rows[0].label, sizeof p->rows[0].label, "%s", none_label);
	}
	int got = fn(app, ctx, folded, p->rows + first, PICK_MAX - first);
	p->n = first + (got > 0 ? got : 0);
	p->sel = p->n > first && query[0] ? first : 0;
	p->top = 0;
}

static void draw(struct app *app, const char *title, struct pick_state *p, const struct lineedit *q)
{
	app_redraw(app);
	char hint[200];
	snprintf(hint, sizeof hint, "%s  Enter %s  Esc %s", _("Type to search"), _("Choose"), _("Cancel"));
	draw_blank(LINES - 1, 0, COLS, A_REVERSE);
	draw_text(LINES - 1, 0, COLS, hint, A_REVERSE);
	int cols = COLS - 4 < 60 ? COLS - 4 : 60, rows = LINES - 4 < 18 ? LINES - 4 : 18;
	int y0 = (LINES - rows) / 2, x0 = (COLS - cols) / 2;
	for (int r = 0; r < rows; r++)
		draw_blank(y0 + r, x0, cols, A_REVERSE);
	int x = x0 + 2, w = cols - 4, y = y0 + 1;
	draw_text(y++, x, w, title, A_REVERSE | A_BOLD);
	char label[64];
	snprintf(label, sizeof label, "%s ", _("Search:"));
	int lw = draw_text(y, x, w, label, A_REVERSE);
	draw_blank(y, x + lw, w - lw, A_NORMAL);
	draw_text(y, x + lw, w - lw, q->text, A_NORMAL);
	int cursor_y = y, cursor_x = x + lw + lineedit_cursor_column(q);
	y++;
	int list_rows = rows - 4;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + list_rows)
		p->top = p->sel - list_rows + 1;
	if (p->n == 0)
		draw_text(y, x, w, _("Nobody matches. Check the spelling."), A_REVERSE);
	for (int r = 0; r < list_rows && p->top + r < p->n; r++) {
		const struct pick_row *row = &p->rows[p->top + r];
		char line[ATT_NAME + 8];
		snprintf(line, sizeof line, "%s%s", row->ticked ? "[x] " : "", row->label);
		draw_text(y + r, x, w, line, p->top + r == p->sel ? A_BOLD : A_REVERSE);
	}
	curs_set(1);
	move(cursor_y, cursor_x);
}

long long attendance_pick(struct app *app, const char *title, pick_search_fn fn, void *ctx,
			  const char *none_label, struct pick_row *out)
{
	struct pick_state p = { 0 };
	p.rows = calloc(PICK_MAX, sizeof *p.rows);
	if (!p.rows)
		return 0;
	struct lineedit q;
	lineedit_init(&q, 60);
	search(app, &p, fn, ctx, none_label, q.text);
	long long chosen = 0;
	for (;;) {
		draw(app, title, &p, &q);
		refresh();
		ui_key k = term_next_key();
		if (k == UIK_STOP || k == UIK_SCRIPT_END) {
			app->quit = true;
			app->exit_status = k == UIK_SCRIPT_END ? 3 : 128 + (int)term_stop_signal;
			break;
		}
		if (k == UIK_NONE || k == UIK(KEY_RESIZE))
			continue;
		if (k == UIK_ESC)
			break;
		if (k == UIK_ENTER) {
			if (p.n > 0) {
				chosen = p.rows[p.sel].id;
				if (out)
					*out = p.rows[p.sel];
			}
			break;
		}
		if (k == UIK(KEY_UP) && p.sel > 0)
			p.sel--;
		else if (k == UIK(KEY_DOWN) && p.sel + 1 < p.n)
			p.sel++;
		else if (k == UIK(KEY_PPAGE))
			p.sel = p.sel > 10 ? p.sel - 10 : 0;
		else if (k == UIK(KEY_NPAGE))
			p.sel = p.sel + 10 < p.n ? p.sel + 10 : (p.n > 0 ? p.n - 1 : 0);
		else if (lineedit_key(&q, k))
			search(app, &p, fn, ctx, none_label, q.text);
	}
	curs_set(0);
	free(p.rows);
	return chosen;
}
