/* hints.h — where the key hints go on the bottom lines: the screen's own
 * keys from the left, help at the right end, on one line when they fit
 * and on two when they do not, so that no key is known only from help. */
#ifndef BB_HINTS_H
#define BB_HINTS_H

#include <stdbool.h>

#include "action.h"

enum { HINTS_MAX = 48, HINTS_MAX_ROWS = 2 };

struct hint_cell {
	const struct action *action;
	char key[32];      /* the key's label, e.g. "Ctrl-S" */
	int row, col;      /* row 0 is the upper of the rows used */
	int width;         /* key, a space and the hint */
};

struct hint_layout {
	int rows;          /* 1 or 2 */
	int n;
	struct hint_cell cells[HINTS_MAX];
	int left_out;      /* hinted keys with no room even on two lines */
};

/* Lays out the screen's table (may be NULL) and the global keys for a
 * line `cols` wide, as they are now: `typing` says whether letters are
 * being typed as text. */
void hints_layout(const struct action *screen, bool typing, int cols, struct hint_layout *out);

#endif
