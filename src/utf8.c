/* utf8.c — a strict decoder (RFC 3629) and column counting via wcwidth. */
#include "utf8.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2, c = s[0] & 0x1f, min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3, c = s[0] & 0x0f, min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp <= 0x10ffff) {
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		return 4;
	}
	return 0;
}

bool utf8_valid(const char *s, size_t len)
{
	uint32_t cp;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n || cp == 0)
			return false;
		i += n;
	}
	return true;
}

size_t utf8_next(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	uint32_t cp;
	size_t n = utf8_decode(s + pos, len - pos, &cp);
	return pos + (n ? n : 1);
}

size_t utf8_prev(const char *s, size_t pos)
{
	if (pos == 0)
		return 0;
	size_t p = pos - 1;
	while (p > 0 && pos - p < 4 && ((unsigned char)s[p] & 0xc0) == 0x80)
		p--;
	return p;
}

size_t utf8_length(const char *s)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len; i = utf8_next(s, len, i))
		n++;
	return n;
}

static int cp_columns(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int utf8_columns(const char *s, size_t len)
{
	int cols = 0;
	uint32_t cp;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		cols += n ? cp_columns(cp) : 1;
		i += n ? n : 1;
	}
	return cols;
}

void utf8_clip(const char *s, int cols, char *out, size_t size)
{
	if (size == 0)
		return;
	size_t len = strlen(s);
	if (utf8_columns(s, len) <= cols) {
		snprintf(out, size, "%s", s);
		return;
	}
	if (cols < 1) {
		out[0] = '\0';
		return;
	}
	size_t keep = utf8_fit(s, cols - 1);
	while (keep > 0 && s[keep - 1] == ' ')
		keep--;
	/* A buffer too small for all of it keeps whole characters only. */
	while (keep > 0 && keep + sizeof "…" > size)
		keep = utf8_prev(s, keep);
	snprintf(out, size, "%.*s…", (int)keep, s);
}

size_t utf8_fit(const char *s, int cols)
{
	size_t len = strlen(s), i = 0;
	int used = 0;
	uint32_t cp;
	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		int w = n ? cp_columns(cp) : 1;
		if (used + w > cols)
			break;
		used += w;
		i += n ? n : 1;
	}
	return i;
}
