/* fold.c — search folding for Danish text. */
#include "fold.h"

#include <stdbool.h>
#include <string.h>

#include "utf8.h"

/* The ASCII spelling of one code point, or NULL when it separates words. */
static const char *fold_cp(uint32_t cp, char ascii[2])
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		ascii[0] = (char)cp;
		return ascii;
	}
	if (cp >= 'A' && cp <= 'Z') {
		ascii[0] = (char)(cp - 'A' + 'a');
		return ascii;
	}
	switch (cp) {
	case 0xc6: case 0xe6: case 0xc4: case 0xe4: return "ae"; /* Æ æ Ä ä */
	case 0xd8: case 0xf8: case 0xd6: case 0xf6:             /* Ø ø Ö ö */
	case 0xd2: case 0xd3: case 0xd4: case 0xd5:
	case 0xf2: case 0xf3: case 0xf4: case 0xf5: return "o";
	case 0xc5: case 0xe5: return "aa";                       /* Å å */
	case 0xc0: case 0xc1: case 0xc2: case 0xc3:
	case 0xe0: case 0xe1: case 0xe2: case 0xe3: return "a";
	case 0xc7: case 0xe7: return "c";
	case 0xc8: case 0xc9: case 0xca: case 0xcb:
	case 0xe8: case 0xe9: case 0xea: case 0xeb: return "e";
	case 0xcc: case 0xcd: case 0xce: case 0xcf:
	case 0xec: case 0xed: case 0xee: case 0xef: return "i";
	case 0xd1: case 0xf1: return "n";
	case 0xd9: case 0xda: case 0xdb: case 0xdc:
	case 0xf9: case 0xfa: case 0xfb: case 0xfc: return "u";
	case 0xdd: case 0xfd: case 0xff: return "y";
	case 0xdf: return "ss";
	default: return NULL;
	}
}

size_t fold_search(const char *text, char *out, size_t size)
{
	size_t len = strlen(text), n = 0;
	bool space = false;
	if (size == 0)
		return 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t step = utf8_decode(text + i, len - i, &cp);
		if (!step) {
			i++;
			continue;
		}
		i += step;
		char ascii[2] = { 0, 0 };
		const char *f = fold_cp(cp, ascii);
		if (!f) {
			space = n > 0;
			continue;
		}
		size_t flen = strlen(f);
		if (n + (space ? 1 : 0) + flen + 1 > size)
			break;
		if (space)
			out[n++] = ' ';
		space = false;
		memcpy(out + n, f, flen);
		n += flen;
	}
	out[n] = '\0';
	return n;
}

size_t fold_digits(const char *text, char *out, size_t size)
{
	size_t n = 0;
	if (size == 0)
		return 0;
	for (; *text && n + 1 < size; text++)
		if (*text >= '0' && *text <= '9')
			out[n++] = *text;
	out[n] = '\0';
	return n;
}
