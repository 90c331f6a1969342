/* strbuf.c — text built piece by piece (strbuf.h). */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>

struct strbuf strbuf_on(char *buf, size_t size)
{
	buf[0] = '\0';
	return (struct strbuf){ .buf = buf, .size = size };
}

/* The bytes a UTF-8 character takes, from its first byte. */
static size_t char_bytes(unsigned char lead)
{
	return lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/* vsnprintf filled the buffer: drop the last character if it was cut. */
static void cut(struct strbuf *b)
{
	size_t end = b->size - 1, start = end;
	while (start > b->len && ((unsigned char)b->buf[start - 1] & 0xc0) == 0x80)
		start--;
	if (start > b->len && start - 1 + char_bytes((unsigned char)b->buf[start - 1]) > end)
		end = start - 1;
	b->buf[end] = '\0';
	b->len = end;
	b->full = true;
}

void strbuf_add(struct strbuf *b, const char *fmt, ...)
{
	if (b->full)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->buf + b->len, b->size - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->buf[b->len] = '\0';
		b->full = true;
	} else if ((size_t)n >= b->size - b->len) {
		cut(b);
	} else {
		b->len += (size_t)n;
	}
}

void strbuf_item(struct strbuf *b, const char *sep, const char *text)
{
	strbuf_add(b, "%s%s", b->len ? sep : "", text);
}
