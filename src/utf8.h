/* utf8.h — UTF-8 as UTF-8: decode, step by whole characters, measure
 * terminal columns. Invalid bytes are never split or passed on silently. */
#ifndef BB_UTF8_H
#define BB_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one character at s (at most len bytes). Returns its length in
 * bytes, or 0 when the bytes are not valid UTF-8 (overlong, surrogate,
 * truncated, > U+10FFFF). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length, 0 if invalid. */
size_t utf8_encode(uint32_t cp, char out[4]);
bool utf8_valid(const char *s, size_t len);

/* Byte offset of the character after / before the one at pos. */
size_t utf8_next(const char *s, size_t len, size_t pos);
size_t utf8_prev(const char *s, size_t pos);

/* Number of characters (code points). */
size_t utf8_length(const char *s);
/* Terminal columns the text takes (wide East Asian = 2, combining = 0). */
int utf8_columns(const char *s, size_t len);
/* Bytes of s that fit in `cols` columns without splitting a character. */
size_t utf8_fit(const char *s, int cols);
/* s in at most `cols` columns: whole when it fits, else cut and ended in
 * "…" (one column; the spaces before it dropped), so a cut text never
 * passes for a whole one. Never splits a character. */
void utf8_clip(const char *s, int cols, char *out, size_t size);

#endif
