/* lineedit.c — insert, delete and move over UTF-8 characters. */
#include "lineedit.h"

#include <curses.h>
#include <string.h>

#include "draw.h"
#include "utf8.h"

void lineedit_init(struct lineedit *e, size_t max_chars)
{
	memset(e, 0, sizeof *e);
	e->max_chars = max_chars;
}

void lineedit_set(struct lineedit *e, const char *text)
{
	size_t in = strlen(text), out = 0, chars = 0;
	for (size_t i = 0; i < in;) {
		uint32_t cp;
		size_t n = utf8_decode(text + i, in - i, &cp);
		if (!n || cp < 0x20) {
			i++;
			continue;
		}
		if (out + n >= sizeof e->text || (e->max_chars && chars >= e->max_chars))
			break;
		memcpy(e->text + out, text + i, n);
		out += n;
		chars++;
		i += n;
	}
	e->text[out] = '\0';
	e->len = e->cursor = out;
	e->refused = false;
}

static bool insert(struct lineedit *e, uint32_t cp)
{
	char enc[4];
	size_t n = utf8_encode(cp, enc);
	if (!n || e->len + n >= sizeof e->text
	    || (e->max_chars && utf8_length(e->text) >= e->max_chars)) {
		e->refused = true;
		return true;
	}
	memmove(e->text + e->cursor + n, e->text + e->cursor, e->len - e->cursor + 1);
	memcpy(e->text + e->cursor, enc, n);
	e->len += n;
	e->cursor += n;
	return true;
}

static void erase_range(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
}

bool lineedit_key(struct lineedit *e, ui_key key)
{
	e->refused = false;
	if (!UIK_IS_FUNC(key) && key >= 0x20 && key != UIK_DEL_ASCII)
		return insert(e, (uint32_t)key);
	switch (key) {
	case UIK(KEY_LEFT):
		e->cursor = utf8_prev(e->text, e->cursor);
		return true;
	case UIK(KEY_RIGHT):
		e->cursor = utf8_next(e->text, e->len, e->cursor);
		return true;
	case UIK(KEY_HOME):
	case UIK_CTRL('a'):
		e->cursor = 0;
		return true;
	case UIK(KEY_END):
	case UIK_CTRL('e'):
		e->cursor = e->len;
		return true;
	case UIK(KEY_BACKSPACE):
		if (e->cursor > 0)
			erase_range(e, utf8_prev(e->text, e->cursor), e->cursor);
		return true;
	case UIK(KEY_DC):
		if (e->cursor < e->len)
			erase_range(e, e->cursor, utf8_next(e->text, e->len, e->cursor));
		return true;
	case UIK_CTRL('u'):
		erase_range(e, 0, e->cursor);
		return true;
	case UIK_CTRL('k'):
		e->text[e->cursor] = '\0';
		e->len = e->cursor;
		return true;
	default:
		return false;
	}
}

int lineedit_cursor_column(const struct lineedit *e)
{
	return utf8_columns(e->text, e->cursor);
}

bool lineedit_wrapped_key(struct lineedit *e, int cols, ui_key key)
{
	if (cols < 1)
		return false;
	if (key == UIK(KEY_UP) || key == UIK(KEY_DOWN)) {
		size_t to = edit_line_move(e->text, e->cursor, cols, key == UIK(KEY_UP) ? -1 : 1);
		if (to == EDIT_NO_CURSOR)
			return false;
		e->cursor = to;
		return true;
	}
	bool home = key == UIK(KEY_HOME) || key == UIK_CTRL('a'), end = key == UIK(KEY_END) || key == UIK_CTRL('e');
	if (!home && !end)
		return false;
	e->cursor = edit_line_edge(e->text, e->cursor, cols, end);
	return true;
}
