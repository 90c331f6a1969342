/* fold.c — search folding for Danish text (fold.h). */
#include "fold.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf16.h>

#include "icu.h"
#include "utf8.h"

/* The ASCII spelling of one Latin-1 code point, or NULL when it separates
 * words. */
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
	case 0xc5: case 0xe5: return "a";                        /* Å å: see fold_put */
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

/* Writes folded letters into the output: one space between words, an
 * "e" after "o" or "u" dropped (the ASCII spellings of ø and ü), and an
 * "a" after "a" (å's: "Aalborg", "Ålborg" and "Alborg" meet, as
 * "Østergård" and "ostergard" do). Whether a letter goes depends only on
 * the letter before it, so the fold of the beginning of a name is the
 * beginning of the name's fold: a prefix typed stays a prefix. */
struct folder {
	char *out;
	size_t size, n;
	bool space;   /* a separator was seen since the last letter */
	char prev;    /* the letter before, in this word, before dropping */
	bool full;
};

static void fold_put(struct folder *f, const char *ascii)
{
	for (const char *p = ascii; *p && !f->full; p++) {
		char ch = *p;
		bool drop = (ch == 'e' && (f->prev == 'o' || f->prev == 'u')) || (ch == 'a' && f->prev == 'a');
		f->prev = ch;
		if (drop)
			continue;
		size_t need = (f->space ? 1 : 0) + 1 + 1;
		if (f->n + need > f->size) {
			f->full = true;
			return;
		}
		if (f->space)
			f->out[f->n++] = ' ';
		f->space = false;
		f->out[f->n++] = ch;
	}
}

static void fold_separator(struct folder *f)
{
	f->space = f->n > 0;
	f->prev = 0;
}

static void fold_latin1(struct folder *f, uint32_t cp)
{
	char ascii[2] = { 0, 0 };
	const char *s = cp < 0x100 ? fold_cp(cp, ascii) : NULL;
	if (s)
		fold_put(f, s);
	else
		fold_separator(f);
}

/* ---------- outside Latin-1: ICU, loaded then (icu.h) ---------- */

/* Opened once: opening a transliterator reads ICU's rule data. */
static UTransliterator *to_ascii(const struct icu *icu)
{
	static UTransliterator *t;
	static bool tried;
	if (!tried) {
		tried = true;
		static const UChar id[] = u"Any-Latin; Latin-ASCII; [:Nonspacing Mark:] Remove";
		UErrorCode e = U_ZERO_ERROR;
		t = icu->utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
		if (U_FAILURE(e))
			t = NULL;
	}
	return t;
}

/* A run of code points outside Latin-1, transliterated and folded. */
static void fold_run(const struct icu *icu, struct folder *f, const UChar *run, int32_t len)
{
	enum { ROOM = 4 };
	int32_t cap = len * ROOM + 16;
	UChar local[256];
	UChar *buf = cap <= (int32_t)(sizeof local / sizeof local[0]) ? local : malloc((size_t)cap * sizeof *buf);
	if (!buf) {
		fold_separator(f);
		return;
	}
	memcpy(buf, run, (size_t)len * sizeof *buf);
	int32_t n = len, limit = len;
	UErrorCode e = U_ZERO_ERROR;
	UTransliterator *t = to_ascii(icu);
	if (t)
		icu->utrans_transUChars(t, buf, &n, cap, 0, &limit, &e);
	if (!t || U_FAILURE(e))
		n = 0; /* letters we cannot spell in ASCII separate words */
	for (int32_t i = 0; i < n;) {
		UChar32 cp;
		U16_NEXT(buf, i, n, cp);
		fold_latin1(f, (uint32_t)cp);
	}
	if (n == 0)
		fold_separator(f);
	if (buf != local)
		free(buf);
}

/* Typographic spaces, dashes, quotes, bullets, "…" and arrows: ICU would
 * make ASCII punctuation of them, which folds to a space anyway. The
 * help's and the screens' own texts are full of them, and need no ICU. */
static bool punctuation(uint32_t cp)
{
	/* Not the zero-width and direction marks (U+200B-200F, 202A-202E):
	 * ICU drops those inside a word rather than splitting it. */
	return (cp >= 0x2000 && cp <= 0x200a) || (cp >= 0x2010 && cp <= 0x2029) || cp == 0x202f || cp == 0x2039
	       || cp == 0x203a || (cp >= 0x2190 && cp <= 0x21ff);
}

static bool needs_icu(const char *text, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t step = utf8_decode(text + i, len - i, &cp);
		if (step && cp >= 0x100 && !punctuation(cp))
			return true;
		i += step ? step : 1;
	}
	return false;
}

/* Composes first (a decomposed Å is one letter), then folds Latin-1 by the
 * table and every run of other letters through the transliterator. */
static bool fold_icu(struct folder *f, const char *text, size_t len)
{
	const struct icu *icu = icu_load();
	const UNormalizer2 *nfc;
	UErrorCode e = U_ZERO_ERROR;
	int32_t cap = (int32_t)len + 1;
	UChar *raw = malloc((size_t)cap * sizeof *raw);
	UChar *composed = malloc((size_t)cap * sizeof *composed);
	int32_t nraw = 0, n = 0;
	bool ok = false;
	if (!icu || !raw || !composed || len > 100000)
		goto out;
	icu->u_strFromUTF8WithSub(raw, cap, &nraw, text, (int32_t)len, 0xfffd, NULL, &e);
	nfc = icu->unorm2_getNFCInstance(&e);
	if (U_FAILURE(e))
		goto out;
	n = icu->unorm2_normalize(nfc, raw, nraw, composed, cap, &e);
	if (U_FAILURE(e))
		goto out;
	for (int32_t i = 0; i < n && !f->full;) {
		int32_t start = i;
		UChar32 cp;
		U16_NEXT(composed, i, n, cp);
		if (cp < 0x100) {
			fold_latin1(f, (uint32_t)cp);
			continue;
		}
		int32_t end = i;
		while (end < n) {
			int32_t next = end;
			U16_NEXT(composed, next, n, cp);
			if (cp < 0x100)
				break;
			end = next;
		}
		fold_run(icu, f, composed + start, end - start);
		i = end;
	}
	ok = true;
out:
	free(raw);
	free(composed);
	return ok;
}

size_t fold_search(const char *text, char *out, size_t size)
{
	if (size == 0)
		return 0;
	struct folder f = { .out = out, .size = size };
	size_t len = strlen(text);
	if (!needs_icu(text, len) || !fold_icu(&f, text, len)) {
		f = (struct folder){ .out = out, .size = size };
		for (size_t i = 0; i < len && !f.full;) {
			uint32_t cp;
			size_t step = utf8_decode(text + i, len - i, &cp);
			if (!step) {
				i++;
				continue;
			}
			i += step;
			fold_latin1(&f, cp);
		}
	}
	out[f.n] = '\0';
	return f.n;
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

size_t fold_phone(const char *text, char *out, size_t size)
{
	size_t n = fold_digits(text, out, size);
	size_t drop = n == 10 && strncmp(out, "45", 2) == 0 ? 2 : n == 12 && strncmp(out, "0045", 4) == 0 ? 4 : 0;
	if (drop) {
		memmove(out, out + drop, n - drop + 1);
		n -= drop;
	}
	return n;
}
