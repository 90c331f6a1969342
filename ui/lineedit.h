/* lineedit.h — one line of UTF-8 text being edited. The cursor moves by
 * whole characters, so æ, ø and å are never split. It draws nothing, so
 * the logic is unit-tested on its own. */
#ifndef BB_LINEEDIT_H
#define BB_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

enum { LINEEDIT_BYTES = 4096 };

struct lineedit {
	char text[LINEEDIT_BYTES];
	size_t len;        /* bytes */
	size_t cursor;     /* byte offset, always on a character boundary */
	size_t max_chars;  /* 0: only the buffer limits */
	bool refused;      /* the last key was refused because it was full */
};

void lineedit_init(struct lineedit *e, size_t max_chars);
/* Replaces the text; invalid UTF-8 is dropped. Cursor goes to the end. */
void lineedit_set(struct lineedit *e, const char *text);
/* The keys that go by line in a text wrapped at `cols` (draw_edit_wrapped):
 * Up and Down to the line above or below, Home and End (Ctrl-A, Ctrl-E)
 * to the line's start and end. False for any other key, and for Up or
 * Down with no line that way (a form leaves the field then). */
bool lineedit_wrapped_key(struct lineedit *e, int cols, ui_key key);
/* Handles an editing key; returns true if the key was an editing key
 * (even if refused), false if the caller should handle it. */
bool lineedit_key(struct lineedit *e, ui_key key);
/* Columns from the start to the cursor, for placing the terminal cursor. */
int lineedit_cursor_column(const struct lineedit *e);

#endif
