/* collate_gen.c — run at build time: writes the Danish collator's primary
 * weights for Latin-1 as a C header (collate_latin1.h), so collate.c makes
 * the keys of Danish names without loading ICU (issue 15).
 *
 * The weights are taken exactly as collate.c takes them from ICU (an
 * element iterator over the text, zero primaries skipped), for every code
 * point U+0001..U+00FF alone and for every pair of them. A pair whose
 * weights are not the two singles' weights one after the other is a
 * contraction ("aa" is å) and is written out whole. ICU matches the
 * longest contraction first; collate.c does the same, which is only right
 * while no contraction of Latin-1 letters is longer than two, so a longer
 * one fails the build.
 *
 *   collate_gen OUTPUT */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/ucoleitr.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>

enum { MAX_WEIGHTS = 8 };

struct weights {
	int n;
	unsigned w[MAX_WEIGHTS];
};

static UCollationElements *elems;

static void fail(const char *what)
{
	fprintf(stderr, "collate_gen: %s\n", what);
	exit(1);
}

static struct weights weights_of(const UChar *text, int32_t len)
{
	struct weights out = { 0 };
	UErrorCode e = U_ZERO_ERROR;
	ucol_setText(elems, text, len, &e);
	int32_t ce;
	while (U_SUCCESS(e) && (ce = ucol_next(elems, &e)) != UCOL_NULLORDER && U_SUCCESS(e)) {
		int32_t p = ucol_primaryOrder(ce);
		if (p == 0)
			continue;
		if (out.n == MAX_WEIGHTS)
			fail("more weights for one or two Latin-1 letters than expected");
		out.w[out.n++] = (unsigned)p;
	}
	if (U_FAILURE(e))
		fail(u_errorName(e));
	return out;
}

static bool same(const struct weights *a, const struct weights *b)
{
	return a->n == b->n && memcmp(a->w, b->w, (size_t)a->n * sizeof a->w[0]) == 0;
}

static void put_weights(FILE *f, const struct weights *w)
{
	fprintf(f, "{ %d, { ", w->n);
	for (int i = 0; i < w->n; i++)
		fprintf(f, "%s0x%04x", i ? ", " : "", w->w[i]);
	fprintf(f, "%s } }", w->n ? "" : "0");
}

/* ICU's own list of contractions: none that is Latin-1 text (once
 * composed: ICU lists "a" + "a" + combining ring for "aå") may be longer
 * than a pair. */
static void check_contractions(const UCollator *coll)
{
	UErrorCode e = U_ZERO_ERROR;
	USet *set = uset_openEmpty();
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
	ucol_getContractionsAndExpansions(coll, set, NULL, false, &e);
	if (U_FAILURE(e))
		fail(u_errorName(e));
	UChar s[64], composed[64];
	for (int32_t i = 0; i < uset_getItemCount(set); i++) {
		UChar32 start, end;
		int32_t len = uset_getItem(set, i, &start, &end, s, (int32_t)(sizeof s / sizeof s[0]), &e);
		if (len > 0)
			len = unorm2_normalize(nfc, s, len, composed, (int32_t)(sizeof composed / sizeof composed[0]), &e);
		if (U_FAILURE(e))
			fail(u_errorName(e));
		bool latin1 = len > 2;
		for (int32_t k = 0; k < len && latin1; k++)
			latin1 = composed[k] < 0x100;
		if (latin1)
			fail("the Danish collator has a contraction of more than two Latin-1 letters");
	}
	uset_close(set);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		fail("usage: collate_gen OUTPUT");
	UErrorCode e = U_ZERO_ERROR;
	UCollator *coll = ucol_open("da", &e);
	if (U_FAILURE(e))
		fail("no Danish collator in ICU");
	static const UChar none[] = u"";
	elems = ucol_openElements(coll, none, 0, &e);
	if (U_FAILURE(e))
		fail("no collation element iterator");
	check_contractions(coll);

	FILE *f = fopen(argv[1], "w");
	if (!f)
		fail("cannot write the output");
	/* The version, as collate.c said it when it asked ICU at run time. */
	UVersionInfo v;
	char icu[U_MAX_VERSION_STRING_LENGTH], da[U_MAX_VERSION_STRING_LENGTH];
	u_getVersion(v);
	u_versionToString(v, icu);
	ucol_getVersion(coll, v);
	u_versionToString(v, da);
	fprintf(f, "/* Made by collate_gen from ICU %s's Danish collator at build time. */\n", icu);
	fprintf(f, "#define LATIN1_VERSION \"icu %s da %s\"\n\n", icu, da);

	/* Classes, as collate.c's is_space and is_word answer them. */
	fprintf(f, "enum { LATIN1_SPACE = 1, LATIN1_WORD = 2, LATIN1_CONTRACTS = 4 };\n\n");

	static struct weights single[256];
	for (UChar c = 1; c < 0x100; c++)
		single[c] = weights_of(&c, 1);

	struct pair {
		unsigned char first, second;
		struct weights w;
	};
	static struct pair pairs[256 * 256];
	int npairs = 0;
	static bool contracts[256];
	for (UChar a = 1; a < 0x100; a++)
		for (UChar b = 1; b < 0x100; b++) {
			UChar ab[2] = { a, b };
			struct weights both = weights_of(ab, 2), apart = single[a];
			if (apart.n + single[b].n > MAX_WEIGHTS)
				fail("more weights for a pair of Latin-1 letters than expected");
			memcpy(apart.w + apart.n, single[b].w, (size_t)single[b].n * sizeof apart.w[0]);
			apart.n += single[b].n;
			if (same(&both, &apart))
				continue;
			pairs[npairs++] = (struct pair){ (unsigned char)a, (unsigned char)b, both };
			contracts[a] = true;
		}

	if (npairs == 0)
		fail("no contraction among Latin-1 letters: the Danish collator has \"aa\"");

	int most = 1;
	for (int c = 1; c < 0x100; c++)
		most = single[c].n > most ? single[c].n : most;
	for (int i = 0; i < npairs; i++)
		most = pairs[i].w.n > most ? pairs[i].w.n : most;
	fprintf(f, "enum { LATIN1_MOST = %d };\n\n", most);
	fprintf(f, "struct latin1_weights {\n\tunsigned char n;\n\tunsigned short w[LATIN1_MOST];\n};\n\n");

	fprintf(f, "static const unsigned char latin1_class[256] = {\n");
	for (int c = 0; c < 0x100; c++) {
		int cls = (u_isUWhiteSpace(c) ? 1 : 0) | (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) ? 2 : 0)
			  | (contracts[c] ? 4 : 0);
		fprintf(f, "%s%d,%s", c % 16 ? " " : "\t", cls, c % 16 == 15 ? "\n" : "");
	}
	fprintf(f, "};\n\n");

	fprintf(f, "static const struct latin1_weights latin1_single[256] = {\n");
	for (int c = 0; c < 0x100; c++) {
		fprintf(f, "\t");
		put_weights(f, &single[c]);
		fprintf(f, ", /* U+%04X */\n", (unsigned)c);
	}
	fprintf(f, "};\n\n");

	/* In order of the pair, for bsearch. */
	fprintf(f, "static const struct latin1_pair {\n\tunsigned char first, second;\n"
		   "\tstruct latin1_weights w;\n} latin1_pairs[%d] = {\n", npairs);
	for (int i = 0; i < npairs; i++) {
		fprintf(f, "\t{ 0x%02x, 0x%02x, ", pairs[i].first, pairs[i].second);
		put_weights(f, &pairs[i].w);
		fprintf(f, " },\n");
	}
	fprintf(f, "};\n");

	ucol_closeElements(elems);
	ucol_close(coll);
	if (fclose(f) != 0)
		fail("cannot write the output");
	return 0;
}
