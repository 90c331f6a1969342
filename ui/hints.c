/* hints.c — the key-hint lines (hints.h). */
#include "hints.h"

#include <string.h>

#include "i18n.h"
#include "utf8.h"

static int collect(const struct action *t, bool typing, struct hint_cell *out, int max)
{
	int n = 0;
	for (; t && t->id != ACT_NONE && n < max; t++) {
		if (!action_hinted(t, typing))
			continue;
		struct hint_cell *c = &out[n++];
		memset(c, 0, sizeof *c);
		c->action = t;
		keys_label(t->key, c->key, sizeof c->key);
		const char *hint = _(t->hint);
		c->width = utf8_columns(c->key, strlen(c->key)) + 1 + utf8_columns(hint, strlen(hint));
	}
	return n;
}

static void place(struct hint_cell *own, int nown, struct hint_cell *global, int nglobal, int cols, int gap,
		  struct hint_layout *out)
{
	int global_w = 0;
	for (int i = 0; i < nglobal; i++)
		global_w += global[i].width + (i ? gap : 0);
	int own_w = 0;
	for (int i = 0; i < nown; i++)
		own_w += own[i].width + (i ? gap : 0);

	memset(out, 0, sizeof *out);
	out->rows = own_w + (nown ? gap : 0) + global_w <= cols ? 1 : HINTS_MAX_ROWS;
	/* The screen's keys in their table's order; help at the end of the
	 * last line, however narrow the window. */
	int row = 0, x = 0;
	for (int i = 0; i < nown; i++) {
		int end = row == out->rows - 1 ? cols - global_w - gap : cols;
		if (x + own[i].width > end && row + 1 < out->rows) {
			row++;
			x = 0;
			end = cols - global_w - gap;
		}
		if (x + own[i].width > end) {
			out->left_out = nown - i;
			break;
		}
		own[i].row = row;
		own[i].col = x;
		out->cells[out->n++] = own[i];
		x += own[i].width + gap;
	}
	x = cols - global_w;
	for (int i = 0; i < nglobal && out->n < HINTS_MAX; i++) {
		global[i].row = out->rows - 1;
		global[i].col = x < 0 ? 0 : x;
		out->cells[out->n++] = global[i];
		x += global[i].width + gap;
	}
}

void hints_layout(const struct action *screen, bool typing, int cols, struct hint_layout *out)
{
	struct hint_cell own[HINTS_MAX], global[8];
	int nown = collect(screen, typing, own, HINTS_MAX);
	int nglobal = collect(global_actions, typing, global, 8);
	/* Two spaces between hints; one when that is what makes them all fit
	 * (each hint is in reverse video, so they still read apart). */
	place(own, nown, global, nglobal, cols, 2, out);
	if (out->left_out)
		place(own, nown, global, nglobal, cols, 1, out);
	/* Too narrow for all: the way back goes first, so it is never the
	 * one left out (at 40 columns the roll list lost its Esc). */
	if (out->left_out) {
		int back = 0;
		while (back < nown && own[back].action->id != ACT_BACK)
			back++;
		if (back < nown && back > 0) {
			struct hint_cell esc = own[back];
			memmove(own + 1, own, (size_t)back * sizeof own[0]);
			own[0] = esc;
			place(own, nown, global, nglobal, cols, 1, out);
		}
	}
}
