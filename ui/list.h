/* list.h — a scrolling list with search as you type. The rows come from
 * a source (a small model with no curses in it), so the same widget
 * serves help, citizens, volunteers and activities. */
#ifndef BB_LIST_H
#define BB_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "lineedit.h"
#include "screen.h"

struct list_source {
	int (*count)(void *ctx);
	/* Text of row i, UTF-8; may be clipped by the widget. */
	void (*row)(void *ctx, int i, char *buf, size_t size);
	/* Optional: show only rows matching query ("" shows all). */
	void (*filter)(void *ctx, const char *query);
	void *ctx;
};

enum list_event { LIST_NONE, LIST_ACTIVATE, LIST_LEAVE };

struct list {
	struct list_source src;
	int selected, top;
	int page_rows;        /* rows of the last drawing, for PgUp/PgDn */
	bool searching;       /* the search line has the keyboard */
	struct lineedit query;
	const char *empty;    /* translated text when there are no rows */
	const char *no_match; /* ... and when a search finds none */
	bool esc_leaves;      /* the screen takes Esc to leave, even with a search kept */
};

void list_init(struct list *l, struct list_source src, const char *empty_text);
/* Draws the search line (when in use) and the rows inside a. */
void list_draw(struct list *l, const struct area *a);
/* Handles navigation and search keys; sets *ev on Enter or Esc. Returns
 * RD_* flags, or RD_NONE with *ev = LIST_NONE for keys it ignores. */
unsigned list_key(struct list *l, ui_key key, enum list_event *ev, bool *used);
/* Call after the source's rows change. */
void list_refresh(struct list *l);
/* Up, Down, PgUp, PgDn, Home and End on a cursor over count rows, for
 * the widget and for screens that draw their own rows: RD_BODY when the
 * key was one of these, else RD_NONE. */
unsigned list_move_cursor(int *selected, int count, int page_rows, ui_key key);

#endif
