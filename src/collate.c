/* collate.c — sort keys for Danish names, from ICU's Danish collator
 * (collate.h). */
#include "collate.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/ucoleitr.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* The collator and one element iterator, opened once and reused: opening
 * them reads ICU's tailoring data. */
struct danish {
	UCollator *coll;
	UCollationElements *elems;
};

static struct danish *danish(void)
{
	static struct danish d;
	static bool tried;
	if (!tried) {
		tried = true;
		UErrorCode e = U_ZERO_ERROR;
		d.coll = ucol_open("da", &e);
		if (U_FAILURE(e)) {
			d.coll = NULL;
			return &d;
		}
		static const UChar none[] = u"";
		d.elems = ucol_openElements(d.coll, none, 0, &e);
		if (U_FAILURE(e))
			d.elems = NULL;
	}
	return &d;
}

/* UTF-8 to composed UTF-16 in a buffer the caller frees; *len its length.
 * NULL when the text is too long or memory is short. */
static UChar *to_utf16(const char *text, size_t bytes, int32_t *len)
{
	*len = 0;
	if (bytes > 100000)
		return NULL;
	int32_t cap = (int32_t)bytes + 1;
	UChar *raw = malloc((size_t)cap * sizeof *raw);
	UChar *nfc = malloc((size_t)cap * sizeof *nfc);
	UErrorCode e = U_ZERO_ERROR;
	int32_t nraw = 0;
	if (!raw || !nfc)
		goto fail;
	u_strFromUTF8WithSub(raw, cap, &nraw, text, (int32_t)bytes, 0xfffd, NULL, &e);
	const UNormalizer2 *n2 = unorm2_getNFCInstance(&e);
	if (U_FAILURE(e))
		goto fail;
	*len = unorm2_normalize(n2, raw, nraw, nfc, cap, &e);
	if (U_FAILURE(e))
		goto fail;
	free(raw);
	return nfc;
fail:
	free(raw);
	free(nfc);
	*len = 0;
	return NULL;
}

/* Appends the primary weights of text[0..len) as hex to key (n bytes used
 * of size); returns the new length. Stops at a whole weight. */
static size_t put_weights(const UChar *text, int32_t len, char *key, size_t n, size_t size)
{
	static const char hex[] = "0123456789abcdef";
	struct danish *d = danish();
	UErrorCode e = U_ZERO_ERROR;
	if (!d->elems || len == 0)
		return n;
	ucol_setText(d->elems, text, len, &e);
	if (U_FAILURE(e))
		return n;
	int32_t ce;
	while ((ce = ucol_next(d->elems, &e)) != UCOL_NULLORDER && U_SUCCESS(e)) {
		int32_t p = ucol_primaryOrder(ce);
		if (p == 0)
			continue;
		if (n + 4 >= size)
			break;
		for (int shift = 12; shift >= 0; shift -= 4)
			key[n++] = hex[(p >> shift) & 0xf];
	}
	/* Leave no iterator pointing into the caller's buffer. */
	ucol_setText(d->elems, u"", 0, &e);
	return n;
}

static bool is_space(UChar32 cp)
{
	return u_isUWhiteSpace(cp) != 0;
}

static bool is_word(UChar32 cp)
{
	return u_isalnum(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0;
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

void collate_version(char *out, size_t size)
{
	UVersionInfo v;
	char icu[U_MAX_VERSION_STRING_LENGTH] = "?", da[U_MAX_VERSION_STRING_LENGTH] = "?";
	u_getVersion(v);
	u_versionToString(v, icu);
	struct danish *d = danish();
	if (d->coll) {
		ucol_getVersion(d->coll, v);
		u_versionToString(v, da);
	}
	snprintf(out, size, "icu %s da %s", icu, da);
}
