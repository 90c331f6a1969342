/* list.c — list widget: selection, scrolling, `/` to search. */
#include "list.h"

#include <string.h>

#include "draw.h"
#include "i18n.h"

void list_init(struct list *l, struct list_source src, const char *empty_text)
{
	memset(l, 0, sizeof *l);
	l->src = src;
	l->empty = empty_text;
	l->no_match = _("Nothing matches the search. Esc clears it.");
	l->page_rows = 10;
	lineedit_init(&l->query, 60);
}

void list_refresh(struct list *l)
{
	int n = l->src.count(l->src.ctx);
	if (l->selected >= n)
		l->selected = n > 0 ? n - 1 : 0;
	if (l->selected < 0)
		l->selected = 0;
}

/* The cursor's row on screen, and no rows left empty below the last
 * while rows above are hidden (a window made taller shows more above). */
static void keep_visible(struct list *l, int rows, int n)
{
	if (rows < 1)
		rows = 1;
	if (l->selected < l->top)
		l->top = l->selected;
	if (l->selected >= l->top + rows)
		l->top = l->selected - rows + 1;
	if (l->top > n - rows)
		l->top = n - rows;
	if (l->top < 0)
		l->top = 0;
}

void list_draw(struct list *l, const struct area *a)
{
	int y = a->top, rows = a->rows;
	if (l->searching || l->query.len) {
		char label[64];
		snprintf(label, sizeof label, "%s ", _("Search:"));
		int w = draw_text(y, a->left, a->cols, label, A_BOLD);
		int q = draw_text(y, a->left + w, a->cols - w, l->query.text, A_UNDERLINE);
		if (l->searching) {
			move(y, a->left + w + lineedit_cursor_column(&l->query));
		} else {
			/* The search kept while the keys are commands again: said,
			 * as it looked the same as typing (a new user's letter
			 * paused a volunteer). */
			draw_text(y, a->left + w + q, a->cols - w - q,
				  l->esc_leaves ? _("  (/ changes it)") : _("  (/ changes it, Esc clears it)"), A_DIM);
		}
		y++;
		rows--;
	}
	l->page_rows = rows > 1 ? rows : 1;
	int n = l->src.count(l->src.ctx);
	if (n == 0) {
		const char *text = l->query.len ? l->no_match : l->empty;
		/* Wrapped, not cut: it may say what to do. */
		draw_wrapped(y, a->left, rows > 0 ? rows : 1, a->cols, text ? text : _("Nothing to show."), A_DIM);
		return;
	}
	keep_visible(l, rows, n);
	bool above = l->top > 0, below = l->top + rows < n;
	int cols = draw_row_cols(a->cols, above || below);
	for (int i = 0; i < rows && l->top + i < n; i++) {
		char buf[1024];
		l->src.row(l->src.ctx, l->top + i, buf, sizeof buf);
		attr_t attr = (l->top + i == l->selected) ? A_REVERSE : A_NORMAL;
		draw_blank(y + i, a->left, cols, attr);
		/* A row wider than the window ends in "…" like a cut cell. */
		draw_cell(y + i, a->left, cols, buf, attr);
	}
	draw_scroll_marks(y, y + rows - 1, a->left + a->cols - 1, above, below);
}

unsigned list_move_cursor(int *selected, int count, int page_rows, ui_key key)
{
	int last = count > 0 ? count - 1 : 0;
	switch (key) {
	case UIK(KEY_UP):
		if (*selected > 0)
			(*selected)--;
		return RD_BODY;
	case UIK(KEY_DOWN):
		if (*selected < last)
			(*selected)++;
		return RD_BODY;
	case UIK(KEY_PPAGE):
		*selected = *selected > page_rows ? *selected - page_rows : 0;
		return RD_BODY;
	case UIK(KEY_NPAGE):
		*selected = *selected + page_rows < last ? *selected + page_rows : last;
		return RD_BODY;
	case UIK(KEY_HOME):
		*selected = 0;
		return RD_BODY;
	case UIK(KEY_END):
		*selected = last;
		return RD_BODY;
	default:
		return RD_NONE;
	}
}

static void apply_filter(struct list *l)
{
	if (l->src.filter)
		l->src.filter(l->src.ctx, l->query.text);
	l->selected = l->top = 0;
	list_refresh(l);
}

unsigned list_key(struct list *l, ui_key key, enum list_event *ev, bool *used)
{
	*ev = LIST_NONE;
	*used = true;
	int n = l->src.count(l->src.ctx);
	if (l->searching) {
		if (key == UIK_ENTER) {
			l->searching = false;
			if (n > 0)
				*ev = LIST_ACTIVATE;
			return RD_ALL;
		}
		if (key == UIK_ESC) {
			l->searching = false;
			lineedit_set(&l->query, "");
			apply_filter(l);
			return RD_ALL;
		}
		if (key != UIK(KEY_UP) && key != UIK(KEY_DOWN) && key != UIK(KEY_PPAGE)
		    && key != UIK(KEY_NPAGE) && lineedit_key(&l->query, key)) {
			apply_filter(l);
			return RD_ALL;
		}
	}
	unsigned moved = list_move_cursor(&l->selected, n, l->page_rows, key);
	if (moved != RD_NONE)
		return moved;
	switch (key) {
	case '/':
		l->searching = true;
		return RD_ALL;
	case UIK_ENTER:
		if (n > 0)
			*ev = LIST_ACTIVATE;
		return RD_NONE;
	case UIK_ESC:
		if (l->query.len) {
			lineedit_set(&l->query, "");
			apply_filter(l);
			return RD_ALL;
		}
		*ev = LIST_LEAVE;
		return RD_NONE;
	default:
		*used = false;
		return RD_NONE;
	}
}
