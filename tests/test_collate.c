/* Unit tests for src/collate.c: Danish name order. */
#include <stdlib.h>

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

	char key[8];
	collate_key("Søren Ærø Åberg", key, sizeof key);
	TAP_CHECK(strlen(key) < sizeof key, "a short buffer gives a terminated key");
	collate_key("\xff\xfe ok", key, sizeof key);
	TAP_CHECK(strlen(key) == 3, "broken UTF-8 bytes are skipped");
	return tap_done();
}
