/* strbuf.h — building a line of text piece by piece in a fixed buffer,
 * without the hand-written `used += snprintf(...)` that overruns when a
 * piece does not fit. Whatever does not fit is cut at a UTF-8 character
 * boundary and the buffer stays terminated; every later piece is
 * dropped, so a cut line never has a hole in its middle. */
#ifndef BB_STRBUF_H
#define BB_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t size;
	size_t len;
	bool full;      /* a piece did not fit: the text is cut */
};

/* Starts an empty text in buf (size > 0). */
struct strbuf strbuf_on(char *buf, size_t size);
void strbuf_add(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Adds `text`, after `sep` unless it is the first piece. */
void strbuf_item(struct strbuf *b, const char *sep, const char *text);

#endif
