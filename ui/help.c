/* help.c — help screen: the screen's own paragraph, then every key it
 * and the whole program understand, searchable with `/`. */
#include "help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "fold.h"
#include "i18n.h"
#include "list.h"
#include "utf8.h"

/* HELP_KEY_ROWS_BELOW: the rows kept for keys under the screen's words. */
enum { HELP_MAX_ROWS = 64, HELP_KEY_COLS = 12, HELP_KEY_ROWS_BELOW = 7 };

/* One row per action; aliases (? and F1) share a row. */
struct help_row {
	char keys[64];
	const struct action *action;
};

struct help_state {
	const struct screen_ops *about;
	struct help_row rows[HELP_MAX_ROWS];
	int nrows;
	int shown[HELP_MAX_ROWS];
	int nshown;
	struct list list;
	/* The page as last drawn: the keys' column, the text's, the rows the
	 * keys have, and the first key not shown whole (nshown: none). The
	 * list's selection is the first key shown. */
	int key_w, text_cols, page_rows, page_end;
	/* Scrolled down into the keys: the screen's words give them the
	 * page, until Up, Page Up or Home at the first key brings them back. */
	bool past_words;
	bool all_shown;   /* the words and every key on the page as last drawn */
};

static const struct action help_actions[] = {
	{ ACT_SEARCH, '/', N_("Search"), N_("Search the keys as you type."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Close the help."), 0 },
	{ ACT_BACK, 'q', N_("Back"), N_("Close the help."), ACTF_HIDDEN },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void key_text(const struct help_row *r, char *buf, size_t size)
{
	int w = utf8_columns(r->keys, strlen(r->keys));
	const struct action *t = r->action;
	snprintf(buf, size, "%s%*s  %s: %s", r->keys, w < 8 ? 8 - w : 0, "", _(t->hint),
		 _(t->help ? t->help : t->hint));
}

static int help_count(void *ctx)
{
	return ((struct help_state *)ctx)->nshown;
}

static void help_row(void *ctx, int i, char *buf, size_t size)
{
	struct help_state *h = ctx;
	key_text(&h->rows[h->shown[i]], buf, size);
}

/* Matching ignores case and accents the Danish way (the search fold). */
static void help_filter(void *ctx, const char *query)
{
	struct help_state *h = ctx;
	char folded_query[256];
	fold_search(query, folded_query, sizeof folded_query);
	h->nshown = 0;
	for (int i = 0; i < h->nrows; i++) {
		char text[512], folded[512];
		key_text(&h->rows[i], text, sizeof text);
		fold_search(text, folded, sizeof folded);
		if (!folded_query[0] || strstr(folded, folded_query))
			h->shown[h->nshown++] = i;
	}
}

static void add_rows(struct help_state *h, const struct action *t)
{
	int first = h->nrows;
	for (; t && t->id != ACT_NONE; t++) {
		char key[16];
		keys_label(t->key, key, sizeof key);
		struct help_row *r = NULL;
		for (int i = first; i < h->nrows; i++)
			if (h->rows[i].action->id == t->id)
				r = &h->rows[i];
		if (r) {
			size_t used = strlen(r->keys);
			/* TRANSLATORS: between two keys that do the same, "< or ←". */
			snprintf(r->keys + used, sizeof r->keys - used, "%s%s", _(" or "), key);
		} else if (h->nrows < HELP_MAX_ROWS) {
			r = &h->rows[h->nrows++];
			r->action = t;
			snprintf(r->keys, sizeof r->keys, "%s", key);
		}
	}
}

static bool help_enter(struct screen *s, struct app *app, const void *args)
{
	(void)app;
	struct help_state *h = calloc(1, sizeof *h);
	if (!h)
		return false;
	const struct help_args *ha = args;
	h->about = ha->about;
	add_rows(h, ha->keys ? ha->keys : h->about ? h->about->actions : NULL);
	add_rows(h, global_actions);
	help_filter(h, "");
	list_init(&h->list, (struct list_source){
		.count = help_count, .row = help_row, .filter = help_filter, .ctx = h },
		_("No key matches the search."));
	s->state = h;
	return true;
}

static void row_text(const struct help_row *r, char *out, size_t size)
{
	snprintf(out, size, "%s: %s", _(r->action->hint), _(r->action->help ? r->action->help : r->action->hint));
}

/* The rows the i-th key shown takes: its sentence wrapped, after a line
 * of its own for keys wider than the keys' column. */
static int key_rows(const struct help_state *h, int i)
{
	const struct help_row *r = &h->rows[h->shown[i]];
	char text[600];
	row_text(r, text, sizeof text);
	int own = utf8_columns(r->keys, strlen(r->keys)) > h->key_w - 1;
	return own + text_rows(text, h->text_cols);
}

/* The first key of the page that ends at key `last`, or from which the
 * last key is on the bottom row. */
static int page_back_from(const struct help_state *h, int last)
{
	int first = last, used = last >= 0 ? key_rows(h, last) : 0;
	while (first > 0 && used + key_rows(h, first - 1) <= h->page_rows)
		used += key_rows(h, --first);
	return first > 0 ? first : 0;
}

/* Up and Down by a key, Page Down to the first key not shown whole (none
 * skipped), Page Up to the page that ends before the first shown, and
 * never past the page that shows the last key at the bottom. */
static bool help_scroll(struct help_state *h, ui_key key)
{
	if (h->page_rows <= 0 || h->nshown == 0)
		return false;
	int *top = &h->list.selected, end = page_back_from(h, h->nshown - 1);
	bool down = key == UIK(KEY_DOWN) || key == UIK(KEY_NPAGE) || key == UIK(KEY_END);
	bool up = key == UIK(KEY_UP) || key == UIK(KEY_PPAGE) || key == UIK(KEY_HOME);
	if (down && h->about && !h->past_words && !h->all_shown) {
		/* The first step down gives the keys the words' rows; End
		 * goes on to the last key too. */
		h->past_words = true;
		if (key == UIK(KEY_END))
			h->list.selected = h->nshown - 1;
		return true;
	}
	if (up && *top == 0 && h->past_words) {
		h->past_words = false;
		return true;
	}
	switch (key) {
	case UIK(KEY_DOWN):
		*top = *top < end ? *top + 1 : end;
		return true;
	case UIK(KEY_UP):
		*top = *top > 0 ? *top - 1 : 0;
		return true;
	case UIK(KEY_NPAGE):
		/* A key taller than the page: the next key. */
		*top = h->page_end > *top ? (h->page_end < end ? h->page_end : end) : (*top < end ? *top + 1 : end);
		return true;
	case UIK(KEY_PPAGE):
		*top = *top > 0 ? page_back_from(h, *top - 1) : 0;
		return true;
	case UIK(KEY_HOME):
		*top = 0;
		return true;
	case UIK(KEY_END):
		*top = end;
		return true;
	default:
		return false;
	}
}

static void help_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct help_state *h = s->state;
	int used = 0;
	bool words_whole = true;
	if (h->about) {
		char title[160];
		snprintf(title, sizeof title, _("Help: %s"), _(h->about->name));
		draw_text(a->top, a->left, a->cols, title, A_BOLD);
		/* The screen's words whole on the first page, with room left
		 * for a few keys (a long one was cut where nothing scrolled to
		 * it); past them (help_scroll), the keys have the page. */
		int intro = a->rows - HELP_KEY_ROWS_BELOW > a->rows / 3 ? a->rows - HELP_KEY_ROWS_BELOW : a->rows / 3;
		used = 1;
		if (!h->past_words)
			used += draw_wrapped(a->top + 1, a->left, intro, a->cols, _(h->about->help), A_NORMAL) + 1;
		words_whole = !h->past_words && text_rows(_(h->about->help), a->cols) <= intro;
	}
	int y = a->top + used, end = a->top + a->rows;
	if (h->list.searching || h->list.query.len) {
		char line[sizeof h->list.query.text + 64];
		snprintf(line, sizeof line, "%s %s", _("Search:"), h->list.query.text);
		draw_text(y++, a->left, a->cols, line, A_BOLD);
	}
	if (h->nshown == 0) {
		draw_text(y, a->left, a->cols, _("No key matches the search."), A_DIM);
		return;
	}
	/* Each key with its whole sentence, wrapped under a hanging indent
	 * as wide as the screen's short keys need; keys wider than that ("Ctrl-S or
	 * F10") get a line of their own. Up and Down scroll by one key. */
	int key_w = 0, first = h->list.selected;
	for (int i = 0; i < h->nrows; i++) {
		const char *k = h->rows[i].keys;
		int w = utf8_columns(k, strlen(k)) + 2;
		if (w > key_w && w <= HELP_KEY_COLS)
			key_w = w;
	}
	if (key_w > a->cols / 3)
		key_w = a->cols / 3;
	/* The last column is kept for the scroll marks. */
	h->key_w = key_w;
	h->text_cols = a->cols - key_w - 1;
	h->page_rows = end - y;
	h->page_end = h->nshown;
	/* A larger window than when scrolled: no empty rows under the last key. */
	int last_page = page_back_from(h, h->nshown - 1);
	if (first > last_page)
		first = h->list.selected = last_page;
	int top = y;
	for (int i = first; i < h->nshown && y < end; i++) {
		const struct help_row *r = &h->rows[h->shown[i]];
		if (y + key_rows(h, i) > end && h->page_end == h->nshown)
			h->page_end = i;
		char text[600];
		row_text(r, text, sizeof text);
		int w = draw_text(y, a->left, a->cols, r->keys, A_BOLD);
		if (w > key_w - 1)
			y++;
		if (y < end)
			y += draw_wrapped(y, a->left + key_w, end - y, h->text_cols, text, A_NORMAL);
		if (i + 1 < h->nshown && y >= end && h->page_end == h->nshown)
			h->page_end = i + 1;
	}
	h->all_shown = words_whole && first == 0 && h->page_end == h->nshown;
	/* Up brings back what is above: earlier keys, or the words. */
	if (first > 0 || h->past_words)
		draw_text(top, a->left + a->cols - 1, 1, "^", A_BOLD);
	if (h->page_end < h->nshown)
		draw_text(end - 1, a->left + a->cols - 1, 1, "v", A_BOLD);
}

static unsigned help_key(struct screen *s, struct app *app, ui_key key)
{
	struct help_state *h = s->state;
	enum list_event ev;
	bool used;
	if (!h->list.searching && help_scroll(h, key))
		return RD_BODY;
	if (h->list.searching || key != 'q') {
		unsigned r = list_key(&h->list, key, &ev, &used);
		if (ev == LIST_LEAVE) {
			app_pop(app);
			return RD_ALL;
		}
		if (used)
			return r;
	}
	if (action_for_key(s->ops->actions, key) == ACT_HELP) {
		app_pop(app);
		return RD_ALL;
	}
	return app_default_key(app, key);
}

/* Searching the keys for ? is searching for the help key. */
static bool help_typing(struct screen *s, ui_key key)
{
	(void)key;
	return ((struct help_state *)s->state)->list.searching;
}

void help_open(struct app *app, const struct help_args *args)
{
	app_push(app, &help_screen, args);
}

const struct screen_ops help_screen = {
	.name = N_("Help"),
	.help = N_("Lists the keys of the screen you came from. Press / and type to search."),
	.actions = help_actions,
	.enter = help_enter,
	.draw = help_draw,
	.on_key = help_key,
	.typing = help_typing,
	.leave = app_free_state,
};
