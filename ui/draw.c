/* draw.c — clipped, UTF-8-aware drawing on stdscr. */
#include "draw.h"

#include <stdio.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

int draw_text(int y, int x, int maxcols, const char *text, attr_t attr)
{
	if (maxcols <= 0)
		return 0;
	size_t n = utf8_fit(text, maxcols);
	attron(attr);
	mvaddnstr(y, x, text, (int)n);
	attroff(attr);
	return utf8_columns(text, n);
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

int draw_wrapped(int y, int x, int rows, int cols, const char *text, attr_t attr)
{
	int row = 0;
	const char *p = text;
	while (*p && row < rows) {
		if (*p == '\n') {
			p++;
			row++;
			continue;
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
		char buf[1024];
		size_t n = cut < sizeof buf - 1 ? cut : sizeof buf - 1;
		memcpy(buf, p, n);
		buf[n] = '\0';
		draw_text(y + row, x, cols, buf, attr);
		p += cut;
		while (*p == ' ')
			p++;
		row++;
	}
	return row;
}

void text_pad(char *out, size_t size, const char *text, int cols)
{
	size_t fit = utf8_fit(text, cols);
	int w = utf8_columns(text, fit);
	snprintf(out, size, "%.*s%*s", (int)fit, text, cols > w ? cols - w : 0, "");
}

size_t text_join(char *out, size_t size, const char *const *words, int n)
{
	struct strbuf b = strbuf_on(out, size);
	for (int i = 0; i < n; i++)
		strbuf_item(&b, ", ", words[i]);
	return b.len;
}
