/* Unit tests for src/fold.c: Danish folding for search. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "fold.h"
#include "icu.h"
#include "tap.h"

static void folds(const char *text, const char *want)
{
	char out[256];
	fold_search(text, out, sizeof out);
	TAP_STR_EQ(out, want, "'%s' folds to '%s'", text, want);
}

/* The fold of every beginning of `name` begins its fold: a prefix typed
 * stays a prefix. */
static bool prefixes_stay(const char *name)
{
	char whole[256], part[256], typed[256];
	fold_search(name, whole, sizeof whole);
	for (size_t n = 1; n <= strlen(name); n++) {
		if (((unsigned char)name[n] & 0xc0) == 0x80)
			continue;
		snprintf(typed, sizeof typed, "%.*s", (int)n, name);
		size_t len = fold_search(typed, part, sizeof part);
		/* A word just ended: its space comes with the next letter. */
		if (strncmp(whole, part, len) != 0) {
			printf("#   '%s' folds to '%s', not a prefix of '%s'\n", typed, part, whole);
			return false;
		}
	}
	return true;
}

int main(void)
{
	folds("Søren Ærø Åberg", "soren aero aberg");
	folds("  Anne-Marie  O'Brien ", "anne marie o brien");
	folds("Müller Björk Straße", "muller bjork strasse");
	folds("Émile Garçon", "emile garcon");
	/* A screen's own typography folds without ICU, as ICU would. */
	folds("Gå-gruppen – torsdag… “kaffe” → café", "ga gruppen torsdag kaffe cafe");
	TAP_CHECK(!icu_loaded(), "typographic dashes, quotes and arrows need no ICU");
	folds("Łódź: Gå-gruppen – torsdag… “kaffe” → café", "lodz ga gruppen torsdag kaffe cafe");

	/* The ASCII spellings of æ, ø, å meet them (issue 14). */
	char a[64], b[64];
	static const char *const same[][2] = {
		{ "Soeren", "Søren" }, { "Oersted", "Ørsted" }, { "Aeroe", "Ærø" }, { "Aase", "Åse" },
		{ "Mueller", "Müller" }, { "Moeller", "Møller" }, { "Joel", "Jøl" },
		{ "Ostergard", "Østergård" }, { "Oestergaard", "Østergård" }, { "Alborg", "Ålborg" },
		{ "Aalborg", "Ålborg" },
	};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		fold_search(same[i][0], a, sizeof a);
		fold_search(same[i][1], b, sizeof b);
		TAP_STR_EQ(a, b, "%s and %s fold alike", same[i][0], same[i][1]);
	}

	/* Outside Latin-1, through ICU (issue 14). */
	folds("Łukasz", "lukasz");
	folds("Şahin Yılmaz", "sahin yilmaz");
	folds("Nguyễn Văn An", "nguyen van an");
	folds("A\xcc\x8alborg", "alborg");
	folds("Иван Петров", "ivan petrov");
	folds("Łukasz Ørsted", "lukasz orsted");
	folds("Zoë", "zo");

	/* Latin-1 folds the same whether or not ICU is needed for the rest. */
	int differ = 0;
	for (unsigned cp = 0xc0; cp <= 0xff; cp++) {
		char one[8], two[16], f1[32], f2[32];
		snprintf(one, sizeof one, "%c%c", (char)(0xc0 | (cp >> 6)), (char)(0x80 | (cp & 0x3f)));
		snprintf(two, sizeof two, "%s\xc5\x81", one); /* and an Ł */
		fold_search(one, f1, sizeof f1);
		fold_search(two, f2, sizeof f2);
		size_t n = strlen(f1);
		if (strncmp(f1, f2, n) != 0 || strcmp(f2 + n, n && f2[n] == ' ' ? " l" : "l") != 0)
			differ++;
	}
	TAP_INT_EQ(differ, 0, "every Latin-1 letter folds alike with or without ICU");

	static const char *const names[] = {
		"Søren Ærø Åberg", "Soeren Oersted", "Jørgen Mueller", "Łukasz Nowak", "Nguyễn Văn An", "Ib Øe",
		"Zoë Joel", "A\xcc\x8ase Moeller",
	};
	int broken = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		broken += !prefixes_stay(names[i]);
	TAP_INT_EQ(broken, 0, "what is typed of a name folds to the beginning of the name's fold");

	char small[4];
	fold_search("Søren", small, sizeof small);
	TAP_STR_EQ(small, "sor", "a short buffer gives a terminated prefix");
	fold_search("\xff\xfe ok", a, sizeof a);
	TAP_STR_EQ(a, "ok", "broken UTF-8 bytes are skipped");

	char d[32];
	fold_phone("+45 22 33 44 55", d, sizeof d);
	TAP_STR_EQ(d, "22334455", "+45 is dropped from a Danish number");
	fold_phone("0045 22 33 44 55", d, sizeof d);
	TAP_STR_EQ(d, "22334455", "and 0045");
	fold_phone("45 22 33", d, sizeof d);
	TAP_STR_EQ(d, "452233", "but 45 that begins a short number stays");
	return tap_done();
}
