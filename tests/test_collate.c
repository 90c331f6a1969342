/* Unit tests for src/collate.c: Danish name order. */
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "tap.h"

static void before(const char *a, const char *b)
{
	TAP_CHECK(collate_compare(a, b) < 0 && collate_compare(b, a) > 0, "%s sorts before %s", a, b);
}

static int cmp(const void *a, const void *b)
{
	return collate_compare(*(const char *const *)a, *(const char *const *)b);
}

int main(void)
{
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
