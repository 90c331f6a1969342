/* draw.c — clipped, UTF-8-aware drawing on stdscr. */
#include "draw.h"

#include <stdio.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

static bool ascii_only;

void draw_use_ascii(bool ascii)
{
	ascii_only = ascii;
}

char draw_ascii_for(uint32_t cp)
{
	/* ▁▂▃▄▅▆▇█ as a ramp from thin to full. */
	static const char ramp[] = "_.:-=+*#";
	if (cp >= 0x2581 && cp <= 0x2588)
		return ramp[cp - 0x2581];
	switch (cp) {
	case 0x2713: /* ✓ */
	case 0x2714: /* ✔ */
		return '*';
	case 0x2190: return '<'; /* ← */
	case 0x2192: return '>'; /* → */
	case 0x2191: return '^'; /* ↑ */
	case 0x2193: return 'v'; /* ↓ */
	case 0x2502: return '|'; /* │ */
	case 0x2500: return '-'; /* ─ */
	case 0x2013: /* – */
	case 0x2014: /* — */
		return '-';
	default:
		return 0;
	}
}

/* The text with the stand-ins, into out; false when nothing changed. */
static bool to_ascii(const char *text, char *out, size_t size)
{
	bool changed = false;
	size_t len = strlen(text), used = 0;
	for (size_t i = 0; i < len && used + 5 < size;) {
		uint32_t cp;
		size_t n = utf8_decode(text + i, len - i, &cp);
		if (!n) {
			out[used++] = text[i++];
			continue;
		}
		char c = draw_ascii_for(cp);
		if (c) {
			out[used++] = c;
			changed = true;
		} else {
			memcpy(out + used, text + i, n);
			used += n;
		}
		i += n;
	}
	out[used] = '\0';
	return changed;
}

int draw_text(int y, int x, int maxcols, const char *text, attr_t attr)
{
	if (maxcols <= 0)
		return 0;
	char plain[2048];
	if (ascii_only && to_ascii(text, plain, sizeof plain))
		text = plain;
	size_t n = utf8_fit(text, maxcols);
	attron(attr);
	mvaddnstr(y, x, text, (int)n);
	attroff(attr);
	return utf8_columns(text, n);
}

int draw_cell(int y, int x, int cols, const char *text, attr_t attr)
{
	if (cols <= 0)
		return 0;
	char whole[2048], shown[2048];
	snprintf(whole, sizeof whole, "%s", text);
	size_t len = strlen(whole);
	while (len > 0 && whole[len - 1] == ' ')
		whole[--len] = '\0';
	utf8_clip(whole, cols, shown, sizeof shown);
	return draw_text(y, x, cols, shown, attr);
}

int draw_row_cols(int cols, bool scrolls)
{
	return scrolls && cols > SCROLL_MARK_COLS ? cols - SCROLL_MARK_COLS : cols;
}

void draw_scroll_marks(int first, int last, int x, bool above, bool below)
{
	if (below)
		draw_text(last, x, 1, "v", A_BOLD);
	if (above)
		draw_text(first, x, 1, "^", A_BOLD);
}

void draw_blank(int y, int x, int cols, attr_t attr)
{
	attron(attr);
	for (int i = 0; i < cols; i++)
		mvaddch(y, x + i, ' ');
	attroff(attr);
}

void draw_centred(int y, int x, int cols, const char *text, attr_t attr)
{
	int w = utf8_columns(text, strlen(text));
	int off = w < cols ? (cols - w) / 2 : 0;
	draw_text(y, x + off, cols - off, text, attr);
}

/* The next line of `p` when wrapped at `cols`: how many bytes to show
 * (*shown) and where the line after it starts. */
static const char *wrap_line(const char *p, int cols, size_t *shown)
{
	if (*p == '\n') {
		*shown = 0;
		return p + 1;
	}
	/* Take as much as fits, then back up to the last space. */
	size_t line_end = strcspn(p, "\n");
	size_t fit = utf8_fit(p, cols);
	if (fit > line_end)
		fit = line_end;
	size_t cut = fit;
	if (fit < line_end) {
		size_t sp = fit;
		while (sp > 0 && p[sp] != ' ')
			sp--;
		if (sp > 0)
			cut = sp;
	}
	/* A column too narrow for even one character still moves on. */
	if (cut == 0 && line_end > 0)
		cut = utf8_next(p, line_end, 0);
	*shown = cut;
	p += cut;
	while (*p == ' ')
		p++;
	return p;
}

int draw_wrapped(int y, int x, int rows, int cols, const char *text, attr_t attr)
{
	int row = 0;
	const char *p = text;
	while (*p && row < rows) {
		size_t cut;
		const char *next = wrap_line(p, cols, &cut);
		/* The last row of a text that goes on ends in "…", so a cut
		 * text never passes for whole. */
		bool more = row == rows - 1 && next[strspn(next, " \n")] != '\0';
		if (cut || more) {
			char buf[1024];
			size_t line = more ? strcspn(p, "\n") : cut;
			size_t n = line < sizeof buf - 1 ? line : sizeof buf - 1;
			memcpy(buf, p, n);
			buf[n] = '\0';
			if (more) {
				/* The line itself runs on, or a paragraph follows it. */
				char shown[1024 + 8];
				snprintf(shown, sizeof shown, line > cut ? "%s" : "%s …", buf);
				utf8_clip(shown, cols, buf, sizeof buf);
			}
			draw_text(y + row, x, cols, buf, attr);
		}
		p = next;
		row++;
	}
	return row;
}

/* The lines of the text word-wrapped at cols: where each starts. */
static int wrap_starts(const char *text, int cols, size_t *starts, int max)
{
	int n = 0;
	const char *p = text;
	do {
		size_t cut;
		starts[n++] = (size_t)(p - text);
		p = wrap_line(p, cols, &cut);
	} while (*p && n < max);
	return n;
}

enum { EDIT_LINES_MAX = 256 };

/* An edited text wraps a column short of its room: the last column is
 * the cursor's after a full line (on the line's last letter, two places
 * shared a cell). */
static int edit_wrap(int cols)
{
	return cols > 1 ? cols - 1 : 1;
}

/* An edited text's wrapped lines (where each starts) and the cursor's
 * line and column in them; a cursor past a full last line goes to the
 * start of a line of its own (line == n). */
struct edit_lines {
	size_t starts[EDIT_LINES_MAX];
	int n, line, col;
};

static void edit_locate(const char *text, size_t cursor, int cols, struct edit_lines *l)
{
	l->n = wrap_starts(text, edit_wrap(cols), l->starts, EDIT_LINES_MAX);
	int i = l->n - 1;
	while (i > 0 && l->starts[i] > cursor)
		i--;
	int c = utf8_columns(text + l->starts[i], cursor - l->starts[i]);
	if (c >= cols && i == l->n - 1) {
		i++;
		c = 0;
	} else if (c >= cols) {
		c = cols - 1;
	}
	l->line = i;
	l->col = c;
}

size_t edit_line_move(const char *text, size_t cursor, int cols, int dir)
{
	if (cols < 1)
		return EDIT_NO_CURSOR;
	struct edit_lines l;
	edit_locate(text, cursor, cols, &l);
	int to = l.line + dir;
	if (to < 0 || to >= l.n)
		return EDIT_NO_CURSOR;
	size_t end = to + 1 < l.n ? l.starts[to + 1] : strlen(text);
	/* The same column, or the line's end when it is shorter; never past
	 * the spaces the wrap moved the next line beyond. */
	size_t at = l.starts[to] + utf8_fit(text + l.starts[to], l.col);
	if (to + 1 < l.n && at >= end)
		at = utf8_prev(text, end);
	return at;
}

size_t edit_line_edge(const char *text, size_t cursor, int cols, bool end)
{
	if (cols < 1)
		return cursor;
	struct edit_lines l;
	edit_locate(text, cursor, cols, &l);
	if (l.line >= l.n)
		return cursor;
	if (!end)
		return l.starts[l.line];
	if (l.line + 1 == l.n)
		return strlen(text);
	/* The end of the line's words, before the spaces the wrap left. */
	size_t shown;
	wrap_line(text + l.starts[l.line], edit_wrap(cols), &shown);
	return l.starts[l.line] + shown;
}

int edit_text_rows(const char *text, int cols)
{
	return text_rows(text, edit_wrap(cols));
}

int edit_rows(const char *text, size_t cursor, int cols)
{
	if (cols < 1)
		return 1;
	struct edit_lines l;
	edit_locate(text, cursor, cols, &l);
	return l.line >= l.n ? l.n + 1 : l.n;
}

int draw_edit_wrapped(int y, int x, int rows, int cols, const char *text, size_t cursor, attr_t attr, int *cy,
		      int *cx)
{
	for (int r = 0; r < rows; r++)
		draw_blank(y + r, x, cols, attr);
	if (cols < 1)
		return 0;
	if (cursor == EDIT_NO_CURSOR) {
		draw_wrapped(y, x, rows, edit_wrap(cols), text, attr);
		return edit_text_rows(text, cols) > rows ? EDIT_MORE_BELOW : 0;
	}
	struct edit_lines l;
	edit_locate(text, cursor, cols, &l);
	/* Scrolled by whole lines, as little as keeps the cursor's in view. */
	int first = l.line >= rows ? l.line - rows + 1 : 0;
	for (int r = 0; r < rows && first + r < l.n; r++) {
		size_t from = l.starts[first + r], to = first + r + 1 < l.n ? l.starts[first + r + 1] : strlen(text);
		char buf[1024];
		size_t len = to - from < sizeof buf - 1 ? to - from : sizeof buf - 1;
		memcpy(buf, text + from, len);
		buf[len] = '\0';
		draw_text(y + r, x, cols, buf, attr);
	}
	*cy = y + l.line - first;
	*cx = x + l.col;
	return (first > 0 ? EDIT_MORE_ABOVE : 0) | (first + rows < (l.line >= l.n ? l.n + 1 : l.n) ? EDIT_MORE_BELOW : 0);
}

int text_rows(const char *text, int cols)
{
	int rows = 0;
	for (const char *p = text; *p; rows++) {
		size_t cut;
		p = wrap_line(p, cols, &cut);
	}
	return rows;
}

void text_pad(char *out, size_t size, const char *text, int cols)
{
	char cut[1024];
	utf8_clip(text, cols, cut, sizeof cut);
	int w = utf8_columns(cut, strlen(cut));
	snprintf(out, size, "%s%*s", cut, cols > w ? cols - w : 0, "");
}

size_t text_join(char *out, size_t size, const char *const *words, int n)
{
	struct strbuf b = strbuf_on(out, size);
	for (int i = 0; i < n; i++)
		strbuf_item(&b, ", ", words[i]);
	return b.len;
}
