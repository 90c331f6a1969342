/* collate.c — sort keys for Danish names, from ICU's Danish collator
 * (collate.h): for text in Latin-1 from a table of its weights made at
 * build time (collate_gen.c), so the desk's Danish names never load ICU;
 * for the rest from ICU itself, loaded then (icu.h). */
#include "collate.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf16.h>

#include "collate_internal.h"
#include "collate_latin1.h"
#include "icu.h"
#include "utf8.h"

/* Tests turn the table off to hold it against ICU itself. */
static bool icu_only;

void collate_icu_only(bool on)
{
	icu_only = on;
}

/* ---------- text outside Latin-1: ICU ---------- */

/* The collator and one element iterator, opened once and reused: opening
 * them reads ICU's tailoring data. */
struct danish {
	const struct icu *icu;
	UCollator *coll;
	UCollationElements *elems;
};

static struct danish *danish(void)
{
	static struct danish d;
	static bool tried;
	if (!tried) {
		tried = true;
		d.icu = icu_load();
		if (!d.icu)
			return &d;
		UErrorCode e = U_ZERO_ERROR;
		d.coll = d.icu->ucol_open("da", &e);
		if (U_FAILURE(e)) {
			d.coll = NULL;
			return &d;
		}
		static const UChar none[] = u"";
		d.elems = d.icu->ucol_openElements(d.coll, none, 0, &e);
		if (U_FAILURE(e))
			d.elems = NULL;
	}
	return &d;
}

/* UTF-8 to composed UTF-16 by ICU into nfc (room for cap units); false
 * when ICU is not there or fails. */
static bool to_utf16_icu(const char *text, size_t bytes, UChar *nfc, int32_t cap, int32_t *len)
{
	const struct icu *icu = icu_load();
	UChar *raw = icu ? malloc((size_t)cap * sizeof *raw) : NULL;
	UErrorCode e = U_ZERO_ERROR;
	int32_t nraw = 0;
	bool ok = false;
	if (!raw)
		goto out;
	icu->u_strFromUTF8WithSub(raw, cap, &nraw, text, (int32_t)bytes, 0xfffd, NULL, &e);
	const UNormalizer2 *n2 = icu->unorm2_getNFCInstance(&e);
	if (U_FAILURE(e))
		goto out;
	*len = icu->unorm2_normalize(n2, raw, nraw, nfc, cap, &e);
	ok = U_SUCCESS(e);
out:
	free(raw);
	return ok;
}

/* One primary weight as four hex digits at key[n]; the new length. */
static size_t put_weight(unsigned weight, char *key, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	for (int shift = 12; shift >= 0; shift -= 4)
		key[n++] = hex[(weight >> shift) & 0xf];
	return n;
}

/* Appends the primary weights of text[0..len) as hex to key (n bytes used
 * of size); returns the new length. Stops at a whole weight. */
static size_t put_weights_icu(const UChar *text, int32_t len, char *key, size_t n, size_t size)
{
	struct danish *d = danish();
	UErrorCode e = U_ZERO_ERROR;
	if (!d->elems || len == 0)
		return n;
	d->icu->ucol_setText(d->elems, text, len, &e);
	if (U_FAILURE(e))
		return n;
	int32_t ce;
	while ((ce = d->icu->ucol_next(d->elems, &e)) != UCOL_NULLORDER && U_SUCCESS(e)) {
		int32_t p = d->icu->ucol_primaryOrder(ce);
		if (p == 0)
			continue;
		if (n + 4 >= size)
			break;
		n = put_weight((unsigned)p, key, n);
	}
	/* Leave no iterator pointing into the caller's buffer. */
	d->icu->ucol_setText(d->elems, u"", 0, &e);
	return n;
}

/* ---------- Latin-1: the table collate_gen made from ICU ---------- */

/* Valid UTF-8 of Latin-1 letters only, as UTF-16 into out; false for
 * anything else (ICU then decides, broken bytes included). NFC leaves
 * such text as it is: no two Latin-1 letters compose into one. */
static bool to_utf16_latin1(const char *text, size_t bytes, UChar *out, int32_t *len)
{
	int32_t n = 0;
	for (size_t i = 0; i < bytes;) {
		uint32_t cp;
		size_t step = utf8_decode(text + i, bytes - i, &cp);
		if (!step || cp >= 0x100)
			return false;
		out[n++] = (UChar)cp;
		i += step;
	}
	*len = n;
	return true;
}

static int pair_order(const void *a, const void *b)
{
	const struct latin1_pair *x = a, *y = b;
	int c = x->first - y->first;
	return c ? c : x->second - y->second;
}

/* The weights of two letters that contract, or NULL. */
static const struct latin1_weights *contraction(UChar first, UChar second)
{
	struct latin1_pair want = { .first = (unsigned char)first, .second = (unsigned char)second };
	const struct latin1_pair *pair = bsearch(&want, latin1_pairs, sizeof latin1_pairs / sizeof latin1_pairs[0],
						  sizeof latin1_pairs[0], pair_order);
	return pair ? &pair->w : NULL;
}

/* The weights ICU gives text in Latin-1: each letter's own, or a pair's
 * together where the pair contracts ("aa" is å). ICU takes the longest
 * contraction at each place, and in Latin-1 none is longer than a pair,
 * so looking one letter ahead is the same. */
static size_t put_weights_latin1(const UChar *text, int32_t len, char *key, size_t n, size_t size)
{
	for (int32_t i = 0; i < len;) {
		const struct latin1_weights *w = NULL;
		int32_t step = 2;
		if ((latin1_class[text[i]] & LATIN1_CONTRACTS) && i + 1 < len)
			w = contraction(text[i], text[i + 1]);
		if (!w) {
			w = &latin1_single[text[i]];
			step = 1;
		}
		for (int k = 0; k < w->n; k++) {
			if (n + 4 >= size)
				return n;
			n = put_weight(w->w[k], key, n);
		}
		i += step;
	}
	return n;
}

/* ---------- either way ---------- */

/* UTF-8 to composed UTF-16 in a buffer the caller frees; *len its length.
 * NULL when the text is too long or memory is short. */
static UChar *to_utf16(const char *text, size_t bytes, int32_t *len)
{
	*len = 0;
	if (bytes > 100000)
		return NULL;
	int32_t cap = (int32_t)bytes + 1;
	UChar *nfc = malloc((size_t)cap * sizeof *nfc);
	if (nfc && !icu_only && to_utf16_latin1(text, bytes, nfc, len))
		return nfc;
	if (nfc && to_utf16_icu(text, bytes, nfc, cap, len))
		return nfc;
	free(nfc);
	*len = 0;
	return NULL;
}

static bool all_latin1(const UChar *text, int32_t len)
{
	for (int32_t i = 0; i < len; i++)
		if (text[i] >= 0x100)
			return false;
	return true;
}

static size_t put_weights(const UChar *text, int32_t len, char *key, size_t n, size_t size)
{
	if (!icu_only && all_latin1(text, len))
		return put_weights_latin1(text, len, key, n, size);
	return put_weights_icu(text, len, key, n, size);
}

static bool is_space(UChar32 cp)
{
	if (cp < 0x100 && !icu_only)
		return (latin1_class[cp] & LATIN1_SPACE) != 0;
	const struct icu *icu = icu_load();
	return icu && icu->u_isUWhiteSpace(cp);
}

static bool is_word(UChar32 cp)
{
	if (cp < 0x100 && !icu_only)
		return (latin1_class[cp] & LATIN1_WORD) != 0;
	const struct icu *icu = icu_load();
	return icu && (icu->u_isalnum(cp) || (U_MASK(icu->u_charType(cp)) & U_GC_M_MASK) != 0);
}

/* Writes text with runs of white space as one space, trimmed, into out
 * (room for len units); returns the new length. */
static int32_t squeeze(const UChar *text, int32_t len, UChar *out)
{
	int32_t n = 0;
	bool space = false;
	for (int32_t i = 0; i < len;) {
		int32_t start = i;
		UChar32 cp;
		U16_NEXT(text, i, len, cp);
		if (is_space(cp)) {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		while (start < i)
			out[n++] = text[start++];
	}
	return n;
}

size_t collate_key(const char *name, char *key, size_t size)
{
	if (size == 0)
		return 0;
	int32_t len;
	UChar *u = to_utf16(name, strlen(name), &len);
	size_t n = 0;
	if (u) {
		len = squeeze(u, len, u);
		n = put_weights(u, len, key, 0, size);
	}
	free(u);
	key[n] = '\0';
	return n;
}

size_t collate_word_keys(const char *name, char *out, size_t size)
{
	if (size == 0)
		return 0;
	int32_t len;
	UChar *u = to_utf16(name, strlen(name), &len);
	size_t n = 0;
	for (int32_t i = 0; u && i < len;) {
		int32_t start = i;
		UChar32 cp;
		U16_NEXT(u, i, len, cp);
		if (!is_word(cp))
			continue;
		int32_t end = i;
		while (end < len) {
			int32_t next = end;
			U16_NEXT(u, next, len, cp);
			if (!is_word(cp))
				break;
			end = next;
		}
		i = end;
		if (n > 0) {
			if (n + 2 >= size)
				break;
			out[n++] = ' ';
		}
		size_t before = n;
		n = put_weights(u + start, end - start, out, n, size);
		if (n == before && before > 0)
			n--; /* a word with no weights leaves no space behind */
	}
	free(u);
	out[n] = '\0';
	return n;
}

size_t collate_family_key(const char *name, char *key, size_t size)
{
	if (size == 0)
		return 0;
	int32_t len;
	UChar *u = to_utf16(name, strlen(name), &len);
	UChar *turned = u ? malloc(((size_t)len + 2) * sizeof *turned) : NULL;
	size_t n = 0;
	if (turned) {
		len = squeeze(u, len, u);
		int32_t last = len;
		while (last > 0 && u[last - 1] != ' ')
			last--;
		/* "Jensen" + " " + "Anne Marie"; a single word stays as it is. */
		int32_t t = 0;
		memcpy(turned, u + last, (size_t)(len - last) * sizeof *turned);
		t = len - last;
		if (last > 0) {
			turned[t++] = ' ';
			memcpy(turned + t, u, (size_t)(last - 1) * sizeof *turned);
			t += last - 1;
		}
		n = put_weights(turned, t, key, 0, size);
	}
	free(turned);
	free(u);
	key[n] = '\0';
	return n;
}

int collate_compare(const char *a, const char *b)
{
	char ka[512], kb[512];
	collate_key(a, ka, sizeof ka);
	collate_key(b, kb, sizeof kb);
	int c = strcmp(ka, kb);
	return c ? c : strcmp(a, b);
}

/* The table's version, not the loaded ICU's, and ICU is not loaded to say
 * it. The two agree: the table is made again whenever ICU's headers
 * change (the generator is compiled from them), and icu.c loads only the
 * library of those headers' major version, the one that fixes the
 * collator's rules and weights. */
void collate_version(char *out, size_t size)
{
	snprintf(out, size, "%s", LATIN1_VERSION);
}
