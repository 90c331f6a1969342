/* Unit tests for src/collate.c: Danish name order. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "collate_internal.h"
#include "fold.h"
#include "icu.h"
#include "tap.h"

static void before(const char *a, const char *b)
{
	TAP_CHECK(collate_compare(a, b) < 0 && collate_compare(b, a) > 0, "%s sorts before %s", a, b);
}

static int cmp(const void *a, const void *b)
{
	return collate_compare(*(const char *const *)a, *(const char *const *)b);
}

/* The desk's Danish text is collated and folded without ICU (issue 15):
 * run first, before anything here needs ICU. */
static void danish_without_icu(void)
{
	static const char *const names[] = { "Søren Ærø Åberg", "Aagaard", "jø", "Anne-Marie  Jensen", "Zoë Müller" };
	char key[256];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		collate_key(names[i], key, sizeof key);
		collate_word_keys(names[i], key, sizeof key);
		collate_family_key(names[i], key, sizeof key);
		fold_search(names[i], key, sizeof key);
	}
	collate_version(key, sizeof key);
	TAP_CHECK(!icu_loaded(), "keys, folds and the version of Danish names leave ICU unloaded");
}

enum { KEY_ROOM = 512 };

/* How many of the texts' keys differ between the table and ICU itself,
 * each of the three kinds with `size` bytes of room; the first few are
 * shown. */
static int differences(const char *text, size_t size)
{
	static int shown;
	size_t (*const kinds[])(const char *, char *, size_t) = { collate_key, collate_word_keys, collate_family_key };
	static const char *const kind_names[] = { "key", "word keys", "family key" };
	char table[KEY_ROOM], icu[KEY_ROOM];
	int differ = 0;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		size_t n = kinds[k](text, table, size);
		collate_icu_only(true);
		size_t m = kinds[k](text, icu, size);
		collate_icu_only(false);
		if (n == m && strcmp(table, icu) == 0)
			continue;
		differ++;
		if (shown++ < 5) {
			printf("# %s of \"", kind_names[k]);
			for (const unsigned char *p = (const unsigned char *)text; *p; p++)
				printf(*p < 0x20 || *p >= 0x7f ? "\\x%02x" : "%c", *p);
			printf("\" in %zu bytes: table '%s', ICU '%s'\n", size, table, icu);
		}
	}
	return differ;
}

/* UTF-8 of a Latin-1 code point at out; returns the bytes. */
static size_t latin1_utf8(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	out[0] = (char)(0xc0 | (cp >> 6));
	out[1] = (char)(0x80 | (cp & 0x3f));
	return 2;
}

/* The table made at build time gives byte for byte the keys ICU gives. */
static void table_is_icu(void)
{
	char text[16];
	int differ = 0;
	for (unsigned a = 1; a < 0x100; a++) {
		text[latin1_utf8(a, text)] = '\0';
		differ += differences(text, KEY_ROOM);
	}
	TAP_INT_EQ(differ, 0, "every Latin-1 letter alone has ICU's keys");

	differ = 0;
	for (unsigned a = 1; a < 0x100; a++)
		for (unsigned b = 1; b < 0x100; b++) {
			size_t n = latin1_utf8(a, text);
			text[n + latin1_utf8(b, text + n)] = '\0';
			differ += differences(text, KEY_ROOM);
		}
	TAP_INT_EQ(differ, 0, "all 65,025 pairs of Latin-1 letters have ICU's keys (\"aa\" is å)");

	/* Three letters: a contraction's letters and their neighbours around
	 * every letter, so a contraction is taken where ICU takes it. */
	static const unsigned around[] = { 'a', 'A', 'b', 'l', 'L', 0xb7, 0xe5, 0xc5, 0xe4, 0xe0, ' ', '-', 0xa0, 0xad, 0x01, 0xdf };
	enum { AROUND = sizeof around / sizeof around[0] };
	differ = 0;
	for (unsigned x = 0; x < AROUND; x++)
		for (unsigned m = 1; m < 0x100; m++)
			for (unsigned y = 0; y < AROUND; y++) {
				size_t n = latin1_utf8(around[x], text);
				n += latin1_utf8(m, text + n);
				text[n + latin1_utf8(around[y], text + n)] = '\0';
				differ += differences(text, KEY_ROOM);
			}
	TAP_INT_EQ(differ, 0, "three letters around every Latin-1 letter have ICU's keys");

	static const char *const names[] = {
		"Aagaard", "AAGE AABERG", "Kirsten Aaberg-Hansen", "Maa Aa aA aaa aaaa", "Jens  Peter\tØstergaard ",
		"O'Brien", "Søndergade 12, 3. tv.", "Åse Ærø", "Lise-Lotte Lauritzen", "Straße", "½ Ægir ¼", "L·l Col·lecció",
		"Zoë Çelik", "  Anne Marie  ", "Ib", "", " ", "Hans\xc2\xa0" "Christian Aakjær", "Naïve Ñandú Þórr Ðóra",
		"1234 5678", "a\xc2\xad" "aa", "Søren Ærø Åberg Kierkegaard-Aamund Aabenraa Vestergaard Holm Frederiksen",
	};
	differ = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		for (size_t size = 1; size <= 80; size++)
			differ += differences(names[i], size);
	TAP_INT_EQ(differ, 0, "names with \"aa\", spaces, punctuation and digits have ICU's keys, cut short too");
}

/* Names from outside Latin-1 still go to ICU, which is then loaded. */
static void beyond_latin1(void)
{
	static const char *const names[] = { "Łukasz Nowak", "Nguyễn Văn An", "Aagaard Łukasz", "A\xcc\x8ase" };
	int differ = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		differ += differences(names[i], KEY_ROOM);
	TAP_INT_EQ(differ, 0, "names outside Latin-1 have ICU's keys");
	char key[64];
	TAP_CHECK(collate_key("Łukasz", key, sizeof key) > 0 && icu_loaded(), "Łukasz has a key, from ICU (%s)", key);
	fold_search("Nguyễn Łukasz", key, sizeof key);
	TAP_STR_EQ(key, "nguyen lukasz", "fold_search still spells them in ASCII");
}

int main(void)
{
	danish_without_icu();
	table_is_icu();
	beyond_latin1();

	before("Zacho", "Æbelø");
	before("Æbelø", "Ørsted");
	before("Ørsted", "Åberg");
	before("Zahle", "Aagaard");
	before("Aagaard", "Åkjær");
	before("Abildgaard", "Zahle");
	before("anders", "Bent");
	before("Ellen", "Éva");
	before("Éva", "Frida");
	before("Müller", "Møller");
	before("Mylius", "Müller");
	before("Ann Berg", "Anna");
	TAP_CHECK(collate_compare("Søren", "Søren") == 0, "equal names are equal");
	TAP_CHECK(collate_compare("søren", "Søren") != 0, "case breaks ties, so the order is total");

	const char *names[] = { "Åse", "Ølund", "Aase", "Bo", "Æble", "Zoe", "Ib" };
	qsort(names, 7, sizeof names[0], cmp);
	const char *want[] = { "Bo", "Ib", "Zoe", "Æble", "Ølund", "Aase", "Åse" };
	int same = 1;
	for (int i = 0; i < 7; i++)
		same &= strcmp(names[i], want[i]) == 0;
	TAP_CHECK(same, "a list sorts as a Danish phone book");

	char key[10];
	collate_key("Søren Ærø Åberg", key, sizeof key);
	TAP_CHECK(strlen(key) == 8, "a short buffer gives a terminated key of whole weights");
	char big[256], ok[256];
	collate_key("\xff\xfe ok", big, sizeof big);
	collate_key("ok", ok, sizeof ok);
	size_t n = strlen(big);
	TAP_CHECK(n > strlen(ok) && strcmp(big + n - strlen(ok), ok) == 0, "broken UTF-8 bytes do not stop the key");
	TAP_CHECK(strspn(big, "0123456789abcdef") == n && n % 4 == 0, "a key is hex, four digits a weight");

	/* Names from outside Latin-1 (issue 14): by their letters, not after å. */
	before("Kirsten", "Łukasz");
	before("Łukasz", "Mette");
	before("Ryan", "Şahin");
	before("Şahin", "Tove");
	before("Nguyen", "Nguyễn");
	before("Nguyễn", "Nielsen");
	before("Zacho", "A\xcc\x8a" "berg");
	before("Åse", "Иван");
	TAP_CHECK(collate_compare("A\xcc\x8ase", "\xc3\x85se") != 0
		  && collate_key("A\xcc\x8ase", big, sizeof big) && collate_key("\xc3\x85se", ok, sizeof ok)
		  && strcmp(big, ok) == 0, "a decomposed Å has the key of Å");

	/* What is typed starts the key of the names it starts, as typed. */
	char typed[64], name[256];
	collate_key("jø", typed, sizeof typed);
	collate_key("Jørgen Lund", name, sizeof name);
	TAP_CHECK(strncmp(name, typed, strlen(typed)) == 0, "'jø' starts Jørgen");
	collate_key("John", name, sizeof name);
	TAP_CHECK(strncmp(name, typed, strlen(typed)) != 0, "but not John");
	collate_key("aa", typed, sizeof typed);
	collate_key("Åse", name, sizeof name);
	TAP_CHECK(strncmp(name, typed, strlen(typed)) == 0, "'aa' starts Åse");
	collate_key("Å", typed, sizeof typed);
	collate_key("Aagaard", name, sizeof name);
	TAP_CHECK(strncmp(name, typed, strlen(typed)) == 0, "'Å' starts Aagaard");
	collate_key("anne  marie ", typed, sizeof typed);
	collate_key("Anne Marie", name, sizeof name);
	TAP_STR_EQ(typed, name, "runs of spaces count as one, and case does not count");

	char words[256], anne[64], jensen[64];
	collate_word_keys("Anne-Marie  Jensen", words, sizeof words);
	collate_key("Anne", anne, sizeof anne);
	collate_key("Jensen", jensen, sizeof jensen);
	TAP_CHECK(strncmp(words, anne, strlen(anne)) == 0 && strstr(words, jensen) && strchr(words, ' ')
		  && strchr(strchr(words, ' ') + 1, ' '), "each word has its key: Anne, Marie, Jensen");

	char family[256], turned[256];
	collate_family_key("Anne Marie Jensen", family, sizeof family);
	collate_key("Jensen Anne Marie", turned, sizeof turned);
	TAP_STR_EQ(family, turned, "by family name: the last word first");
	collate_family_key("Cher", family, sizeof family);
	collate_key("Cher", turned, sizeof turned);
	TAP_STR_EQ(family, turned, "a single name is its own family name");

	char version[96];
	collate_version(version, sizeof version);
	TAP_CHECK(strncmp(version, "icu ", 4) == 0 && strstr(version, " da "), "the version names ICU and its collator");
	return tap_done();
}
