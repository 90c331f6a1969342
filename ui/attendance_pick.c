/* attendance_pick.c — the chooser of attendance_pick.h: a box with a
 * search line and the rows that match, redrawn over the current screen. */
#include "attendance_pick.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendance.h"
#include "date.h"
#include "draw.h"
#include "fold.h"
#include "i18n.h"
#include "lineedit.h"
#include "utf8.h"

int attendance_pick_volunteers(struct app *app, void *ctx, const char *folded_query, struct pick_row *out,
			       int max)
{
	const struct pick_ticks *ticks = ctx;
	struct volunteer_ref *v = calloc((size_t)max, sizeof *v);
	if (!v)
		return -1;
	int n = 0;
	enum db_status r = attendance_find_volunteers(&app->desk, folded_query, v, max, &n);
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
	enum db_status r = attendance_find_activities(&app->desk, folded_query, a, max, &n);
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
	struct attendance_pick_args args;
	char title[ATT_NAME];
	char none_label[ATT_NAME];
	struct pick_row rows[PICK_MAX];
	int n, sel, top;
	bool none;                    /* row 0 is "none" */
	struct lineedit query;
};

static const struct action pick_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Choose"), N_("Take the highlighted row."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Cancel"), N_("Close without choosing."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void search(struct app *app, struct pick_state *p)
{
	const char *query = p->query.text;
	char folded[256];
	fold_search(query, folded, sizeof folded);
	/* "Nobody" is a choice only before searching: Enter on a search that
	 * found no one must not clear what was chosen. */
	p->none = p->none_label[0] && !query[0];
	int first = p->none ? 1 : 0;
	if (p->none) {
		p->rows[0].id = -1;
		p->rows[0].ticked = false;
		snprintf(p->rows[0].label, sizeof p->rows[0].label, "%s", p->none_label);
	}
	int got = p->args.search(app, p->args.search_ctx, folded, p->rows + first, PICK_MAX - first);
	p->n = first + (got > 0 ? got : 0);
	p->sel = p->n > first && query[0] ? first : 0;
	p->top = 0;
}

static bool pick_enter(struct screen *s, struct app *app, const void *args)
{
	struct pick_state *p = calloc(1, sizeof *p);
	if (!p)
		return false;
	p->args = *(const struct attendance_pick_args *)args;
	snprintf(p->title, sizeof p->title, "%s", p->args.title);
	snprintf(p->none_label, sizeof p->none_label, "%s", p->args.none_label ? p->args.none_label : "");
	lineedit_init(&p->query, 60);
	search(app, p);
	s->state = p;
	return true;
}

static void pick_draw(struct screen *s, struct app *app, const struct area *body)
{
	(void)app;
	(void)body;
	struct pick_state *p = s->state;
	const struct lineedit *q = &p->query;
	int cols = COLS - 4 < 60 ? COLS - 4 : 60, rows = LINES - 4 < 18 ? LINES - 4 : 18;
	int y0 = (LINES - rows) / 2, x0 = (COLS - cols) / 2;
	for (int r = 0; r < rows; r++)
		draw_blank(y0 + r, x0, cols, A_REVERSE);
	int x = x0 + 2, w = cols - 4, y = y0 + 1;
	draw_text(y++, x, w, p->title, A_REVERSE | A_BOLD);
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
		draw_cell(y + r, x, w, line, p->top + r == p->sel ? A_BOLD : A_REVERSE);
	}
	curs_set(1);
	move(cursor_y, cursor_x);
}

static unsigned pick_finish(struct app *app, struct pick_state *p, bool chosen)
{
	struct pick_row row = { 0 };
	bool have = chosen && p->n > 0;
	if (have)
		row = p->rows[p->sel];
	void (*done)(struct app *, void *, const struct pick_row *) = p->args.done;
	void *ctx = p->args.ctx;
	app_pop(app);
	if (done)
		done(app, ctx, have ? &row : NULL);
	return RD_ALL;
}

static unsigned pick_key(struct screen *s, struct app *app, ui_key k)
{
	struct pick_state *p = s->state;
	if (k == UIK_ESC)
		return pick_finish(app, p, false);
	if (k == UIK_ENTER)
		return pick_finish(app, p, true);
	if (k == UIK(KEY_UP) && p->sel > 0)
		p->sel--;
	else if (k == UIK(KEY_DOWN) && p->sel + 1 < p->n)
		p->sel++;
	else if (k == UIK(KEY_PPAGE))
		p->sel = p->sel > 10 ? p->sel - 10 : 0;
	else if (k == UIK(KEY_NPAGE))
		p->sel = p->sel + 10 < p->n ? p->sel + 10 : (p->n > 0 ? p->n - 1 : 0);
	else if (lineedit_key(&p->query, k))
		search(app, p);
	else
		return k == UIK(KEY_F(1)) || k == UIK_CTRL('l') ? app_default_key(app, k) : RD_NONE;
	return RD_BODY;
}

const struct screen_ops attendance_pick_screen = {
	.name = N_("Choose"),
	.help = N_("Type part of the name to narrow the list, move with Up and Down, and press Enter."),
	.actions = pick_actions,
	.overlay = true,
	.enter = pick_enter,
	.draw = pick_draw,
	.on_key = pick_key,
	.leave = app_free_state,
};

void attendance_pick(struct app *app, const struct attendance_pick_args *args)
{
	app_push(app, &attendance_pick_screen, args);
}
