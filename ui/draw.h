/* draw.h — small drawing helpers that respect UTF-8 and the width given. */
#ifndef BB_DRAW_H
#define BB_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

/* Draws as much of text as fits in maxcols; returns the columns used. */
int draw_text(int y, int x, int maxcols, const char *text, attr_t attr);
/* draw_text for a cell of a list or a column: a text too wide for it is
 * cut and ends in "…" (trailing spaces do not count), so nothing cut
 * passes for whole. Returns the columns used. */
int draw_cell(int y, int x, int cols, const char *text, attr_t attr);
/* For a console font without them (the Linux console): check marks,
 * chart blocks, arrows and dashes are drawn as ASCII letters of the
 * same width, so nothing moves. */
void draw_use_ascii(bool ascii);
/* The ASCII stand-in draw_text uses for a code point, or 0 for none. */
char draw_ascii_for(uint32_t cp);
/* Blanks cols cells from (y, x) with attr. */
void draw_blank(int y, int x, int cols, attr_t attr);
/* Text centred in a row of width cols starting at x. */
void draw_centred(int y, int x, int cols, const char *text, attr_t attr);
/* Copies text into out padded with spaces to exactly cols terminal
 * columns (printf's %-30s counts bytes, and æ, ø, å are two); a text
 * too long is cut and ends in "…" (utf8_clip), so a cell never passes a
 * cut name or number off as whole. */
void text_pad(char *out, size_t size, const char *text, int cols);
/* Writes the n words into out with ", " between; returns the length the
 * whole would have, as snprintf does, so a caller appending more can
 * tell when out is already full. */
size_t text_join(char *out, size_t size, const char *const *words, int n);
/* A list with more rows than it shows says so in its last column ("^" on
 * its first row when there is more above, "v" on its last when there is
 * more below), with a space before the mark so no row runs into it
 * ("Helle Poulsenv"): the rows give way by SCROLL_MARK_COLS. */
enum { SCROLL_MARK_COLS = 2 };
/* The columns a row of a list `cols` wide may take. */
int draw_row_cols(int cols, bool scrolls);
/* The marks in column x of rows `first` and `last`. */
void draw_scroll_marks(int first, int last, int x, bool above, bool below);
/* Word-wraps text into the area; returns the rows used. */
int draw_wrapped(int y, int x, int rows, int cols, const char *text, attr_t attr);
/* How many rows draw_wrapped would take for all of text. */
int text_rows(const char *text, int cols);
/* A text being edited, word-wrapped into `rows` rows of `cols` at (y, x),
 * the rows blanked in attr first. With the cursor at byte `cursor`, its
 * line is in view and *cy, *cx are where it stands; with EDIT_NO_CURSOR
 * the text shows from its start, as draw_wrapped shows it. */
#define EDIT_NO_CURSOR ((size_t)-1)
/* Returns whether lines are out of view: EDIT_MORE_ABOVE, EDIT_MORE_BELOW. */
enum { EDIT_MORE_ABOVE = 1, EDIT_MORE_BELOW = 2 };
int draw_edit_wrapped(int y, int x, int rows, int cols, const char *text, size_t cursor, attr_t attr, int *cy,
		      int *cx);
/* Where the cursor goes on the wrapped line above (dir -1) or below
 * (+1), at the same column as far as that line goes; EDIT_NO_CURSOR when
 * there is no such line. */
size_t edit_line_move(const char *text, size_t cursor, int cols, int dir);
/* The start (or with `end` the end) of the wrapped line the cursor is on. */
size_t edit_line_edge(const char *text, size_t cursor, int cols, bool end);
/* The rows it takes for all of the text with the cursor at `cursor`; and
 * without a cursor. The text wraps a column short of `cols`, which is
 * the cursor's after a full line. */
int edit_rows(const char *text, size_t cursor, int cols);
int edit_text_rows(const char *text, int cols);

#endif
