/* attendance_history.c — the history grid (attendance_history.h). The
 * letters in the cells are the keys that make the marks (m, a, u, and f
 * for came accompanied), so the grid reads like the roll list. */
#include "attendance_history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "card.h"
#include "citizen_rules.h"
#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "attendance.h"
#include "strbuf.h"

enum { HISTORY_WEEKS = 52, CELL = 3 };

struct history_state {
	struct history_grid grid;
	long long activity_id;
	char until[ATT_DATE];
	int selected, top, left;      /* row, first row shown, first column shown */
	int rows_shown, cols_shown;
	bool placed;                  /* the newest week has been scrolled into view */
};

extern const struct screen_ops attendance_history_screen;

static const struct action history_actions[] = {
	{ ACT_PREV_WEEK, '<', N_("Older"), N_("Scroll to older weeks (also Left)."), 0 },
	{ ACT_NEXT_WEEK, '>', N_("Newer"), N_("Scroll to newer weeks (also Right)."), 0 },
	{ ACT_PREV_WEEK, UIK(KEY_LEFT), N_("Older"), N_("Scroll to older weeks."), ACTF_HIDDEN },
	{ ACT_NEXT_WEEK, UIK(KEY_RIGHT), N_("Newer"), N_("Scroll to newer weeks."), ACTF_HIDDEN },
	{ ACT_CARD, UIK_ENTER, N_("Card"), N_("Open the highlighted citizen's card."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to where you came from."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool history_enter(struct screen *s, struct app *app, const void *args)
{
	struct history_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	const struct attendance_history_args *a = args;
	st->activity_id = a->activity_id;
	snprintf(st->until, sizeof st->until, "%s", a->until);
	enum db_status r = attendance_history(&app->desk, st->activity_id, st->until, HISTORY_WEEKS, &st->grid);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void history_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct history_state *st = s->state;
	attendance_history_free(&st->grid);
	free(st);
	s->state = NULL;
}

static const char *cell_text(char c)
{
	switch (c) {
	case 'P': return " f ";
	case 'p': return " m ";
	case 'e': return " a ";
	case 'a': return " u ";
	case '.': return " · ";
	case '-': return " - ";
	default: return "   ";
	}
}

static void history_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct history_state *st = s->state;
	const struct history_grid *g = &st->grid;
	int y = a->top;
	char line[2048];
	snprintf(line, sizeof line, P_("%s · the last %d session", "%s · the last %d sessions", g->ncols),
		 g->activity[0] ? g->activity : _("Attendance"), g->ncols);
	draw_text(y++, a->left, a->cols, line, A_BOLD);
	draw_text(y++, a->left, a->cols, _("m came  f came accompanied  a notice  u away  · not marked  - cancelled"),
		  A_DIM);
	if (g->ncols == 0) {
		draw_text(y + 1, a->left, a->cols, _("This activity has no sessions yet."), A_NORMAL);
		return;
	}

	int name_w = a->cols / 3 < 24 ? a->cols / 3 : 24;
	st->cols_shown = (a->cols - name_w) / CELL;
	if (st->cols_shown < 1)
		st->cols_shown = 1;
	if (!st->placed) {
		st->left = g->ncols > st->cols_shown ? g->ncols - st->cols_shown : 0;
		st->placed = true;
	}
	if (st->left > g->ncols - st->cols_shown)
		st->left = g->ncols > st->cols_shown ? g->ncols - st->cols_shown : 0;
	if (st->left < 0)
		st->left = 0;
	int last = st->left + st->cols_shown < g->ncols ? st->left + st->cols_shown : g->ncols;

	/* Two header rows: the month where it changes, then week numbers. */
	char name[200];
	text_pad(name, sizeof name, "", name_w);
	draw_blank(y, a->left, a->cols, A_NORMAL);
	draw_text(y, a->left, a->cols, name, A_NORMAL);
	int prev_month = 0, free_x = a->left + name_w;
	for (int c = st->left; c < last; c++) {
		struct date d;
		int x = a->left + name_w + (c - st->left) * CELL;
		if (!date_parse_iso(g->cols[c].date, &d) || d.month == prev_month || x < free_x)
			continue;
		char day[64];
		/* "tors 26. nov" -> the month part is what matters here. */
		date_format_short(d, day, sizeof day);
		const char *month = strrchr(day, ' ');
		month = month ? month + 1 : day;
		free_x = x + draw_text(y, x, a->left + a->cols - x, month, A_DIM) + 1;
		prev_month = d.month;
	}
	y++;
	text_pad(name, sizeof name, _("Week"), name_w);
	struct strbuf b = strbuf_on(line, sizeof line);
	strbuf_add(&b, "%s", name);
	for (int c = st->left; c < last; c++) {
		struct date d;
		strbuf_add(&b, "%2d ", date_parse_iso(g->cols[c].date, &d) ? date_iso_week(d) : 0);
	}
	draw_text(y, a->left, a->cols, line, A_UNDERLINE);
	/* Marks that there are more weeks to scroll to. */
	if (st->left > 0)
		draw_text(y, a->left + name_w - 2, 1, "<", A_BOLD | A_UNDERLINE);
	if (last < g->ncols)
		draw_text(y, a->left + a->cols - 1, 1, ">", A_BOLD | A_UNDERLINE);
	y++;

	int rows = a->top + a->rows - y - 1;
	st->rows_shown = rows > 1 ? rows : 1;
	if (st->selected < st->top)
		st->top = st->selected;
	if (st->selected >= st->top + st->rows_shown)
		st->top = st->selected - st->rows_shown + 1;
	for (int r = 0; r < st->rows_shown && st->top + r < g->nrows; r++) {
		const struct history_row *row = &g->rows[st->top + r];
		char shown[ATT_NAME + 48];
		citizen_rule_list_name(row->name, &row->apart, name_w - 1, shown, sizeof shown);
		text_pad(name, sizeof name, shown, name_w - 1);
		b = strbuf_on(line, sizeof line);
		strbuf_add(&b, "%s ", name);
		for (int c = st->left; c < last; c++)
			strbuf_add(&b, "%s", cell_text(row->cells[c]));
		attr_t attr = st->top + r == st->selected ? A_REVERSE : A_NORMAL;
		draw_blank(y + r, a->left, a->cols, attr);
		draw_text(y + r, a->left, a->cols, line, attr);
	}
	if (g->nrows == 0)
		draw_text(y, a->left, a->cols, _("Nobody was enrolled or marked in these weeks."), A_NORMAL);

	/* The last row counts who came each week. */
	int ty = a->top + a->rows - 1;
	text_pad(name, sizeof name, _("Came"), name_w);
	b = strbuf_on(line, sizeof line);
	strbuf_add(&b, "%s", name);
	for (int c = st->left; c < last; c++) {
		int n = 0;
		for (int i = 0; i < g->nrows; i++)
			n += g->rows[i].cells[c] == 'p' || g->rows[i].cells[c] == 'P';
		strbuf_add(&b, "%2d ", n);
	}
	draw_text(ty, a->left, a->cols, line, A_BOLD);
}

static unsigned history_key(struct screen *s, struct app *app, ui_key key)
{
	struct history_state *st = s->state;
	int n = st->grid.nrows;
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_PREV_WEEK:
		st->left -= st->cols_shown > 4 ? st->cols_shown / 2 : 1;
		if (st->left < 0)
			st->left = 0;
		return RD_BODY;
	case ACT_NEXT_WEEK:
		st->left += st->cols_shown > 4 ? st->cols_shown / 2 : 1;
		return RD_BODY;
	case ACT_CARD:
		if (n > 0)
			card_open(app, &(struct card_args){ .citizen_id = st->grid.rows[st->selected].citizen_id });
		return RD_ALL;
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		break;
	}
	unsigned r = list_move_cursor(&st->selected, n, st->rows_shown, key);
	return r != RD_NONE ? r : app_default_key(app, key);
}

void attendance_history_open(struct app *app, const struct attendance_history_args *args)
{
	app_push(app, &attendance_history_screen, args);
}

const struct screen_ops attendance_history_screen = {
	.name = N_("Attendance history"),
	.help = N_("The activity's sessions of the last year, the newest on the right, with a letter for each "
		   "person: m came, f came accompanied, a sent notice, u did not come, a dot where they were "
		   "enrolled but not marked, and a dash for a cancelled session. The bottom line counts who "
		   "came. Up and Down choose a person, < and > scroll through the weeks, Enter opens the card."),
	.actions = history_actions,
	.enter = history_enter,
	.draw = history_draw,
	.on_key = history_key,
	.leave = history_leave,
};
