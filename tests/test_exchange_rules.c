/* The import's rules (src/exchange_rules.c), its index of people
 * (src/exchange_people.c) and the columns' headers
 * (src/exchange_columns.c), without a database. */
#include <stdlib.h>
#include <string.h>

#include "exchange_columns.h"
#include "exchange_people.h"
#include "exchange_rules.h"
#include "i18n.h"
#include "tap.h"
#include "vocab.h"

static struct exchange_person person(const char *name, int year, const char *phone)
{
	struct exchange_person p = { .birth_year = year };
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.phone, sizeof p.phone, "%s", phone);
	return p;
}

static void test_same_person(void)
{
	struct exchange_person a = person("Søren Ærø", 1961, "20 30 40 50");
	struct exchange_person b = person("Anna Holm", 1970, "+45 20304050");
	TAP_INT_EQ(exchange_rule_same_person(&a, &b), SAME_PHONE, "the same phone, with +45 or not");
	b = person("soren aeroe", 1961, "");
	TAP_INT_EQ(exchange_rule_same_person(&a, &b), SAME_NAME_YEAR,
		   "the name spelt in ASCII (ø as o, æ as ae) is the same name, as search finds it");
	b = person("SØREN ÆRØ", 1961, "11 22 33 44");
	TAP_INT_EQ(exchange_rule_same_person(&a, &b), SAME_NAME_YEAR, "the same name and birth year");
	b = person("Søren Ærø", 1962, "");
	TAP_INT_EQ(exchange_rule_same_person(&a, &b), SAME_NOT, "another birth year: two people");
	b = person("Søren Ærø", 0, "");
	TAP_INT_EQ(exchange_rule_same_person(&a, &b), SAME_NAME, "no birth year and no phone: likely the same");
	b = person("Søren Ærø", 0, "99 88 77 66");
	TAP_INT_EQ(exchange_rule_same_person(&a, &b), SAME_NOT, "no birth year, another phone: two people");
	TAP_CHECK(exchange_rule_same_activity("Gå-gruppen", "gå gruppen"), "activities by their folded name");
	TAP_CHECK(!exchange_rule_same_activity("Gå-gruppen", "Strikkecaféen"), "other names differ");
}

static void test_index(void)
{
	struct people_index ix;
	people_init(&ix, false);
	struct exchange_person on_record = person("Åse Holm", 1950, "");
	people_add(&ix, &on_record, 0);
	for (int i = 0; i < 5000; i++) {
		char name[32], phone[32];
		snprintf(name, sizeof name, "Person %d", i);
		snprintf(phone, sizeof phone, "%08d", 20000000 + i);
		struct exchange_person p = person(name, 1950 + i % 50, phone);
		people_add(&ix, &p, i + 2);
	}
	int row = -1;
	const char *name = NULL;
	enum import_same why;
	struct exchange_person q = person("ÅSE HOLM", 1950, "11 11 11 11");
	TAP_CHECK(people_find(&ix, &q, &row, &name, &why) && row == 0 && why == SAME_NAME_YEAR,
		  "someone on record by name and year");
	TAP_STR_EQ(name, "Åse Holm", "named as recorded");
	q = person("Ny Person", 1990, "+45 2000 4711");
	TAP_CHECK(people_find(&ix, &q, &row, &name, &why) && row == 4713 && why == SAME_PHONE,
		  "an earlier row by phone among thousands");
	q = person("Ny Person", 1990, "30 00 00 00");
	TAP_CHECK(!people_find(&ix, &q, &row, &name, &why), "nobody else");
	people_free(&ix);

	people_init(&ix, true);
	struct exchange_person act = person("Gå-gruppen torsdag", 0, "");
	people_add(&ix, &act, 3);
	q = person("gå gruppen TORSDAG", 0, "");
	TAP_CHECK(people_find(&ix, &q, &row, &name, &why) && row == 3, "an activity by name");
	people_free(&ix);
}

static bool collect(void *ctx, const char *item)
{
	char *out = ctx;
	strcat(out, "[");
	strcat(out, item);
	strcat(out, "]");
	return true;
}

static void test_cells(void)
{
	const char *code = NULL;
	TAP_CHECK(exchange_rule_code(vocab_referral_source, "egen læge", &code) && strcmp(code, "gp") == 0,
		  "a Danish word, any case");
	TAP_CHECK(exchange_rule_code(vocab_referral_source, "GP", &code) && strcmp(code, "gp") == 0, "the English word");
	TAP_CHECK(exchange_rule_code(vocab_referral_source, "job_centre", &code) && strcmp(code, "job_centre") == 0,
		  "the code itself");
	TAP_CHECK(!exchange_rule_code(vocab_referral_source, "Kommunen", &code), "not a word of the list");
	TAP_CHECK(exchange_rule_code(vocab_gender, "", &code) && code[0] == '\0', "empty is 'not given'");
	TAP_CHECK(exchange_rule_code(vocab_gender, "Ikke oplyst", &code) && code[0] == '\0',
		  "and so is its word");
	TAP_CHECK(!exchange_rule_code(vocab_referral_source, "", &code), "a list without 'not given' needs a word");

	bool yes = false;
	TAP_CHECK(exchange_rule_yes_no("Ja", &yes) && yes, "Ja");
	TAP_CHECK(exchange_rule_yes_no(" x ", &yes) && yes, "x is ticked");
	TAP_CHECK(exchange_rule_yes_no("NEJ", &yes) && !yes, "NEJ");
	TAP_CHECK(exchange_rule_yes_no("", &yes) && !yes, "empty is no");
	TAP_CHECK(!exchange_rule_yes_no("måske", &yes), "maybe is neither");

	char out[256] = "";
	int n = exchange_rule_list(" Gåture, Kaffe og snak;\r\nMotion,, ", collect, out);
	TAP_INT_EQ(n, 3, "three items");
	TAP_STR_EQ(out, "[Gåture][Kaffe og snak][Motion]", "split at , ; and line breaks, trimmed");

	char pc[8];
	exchange_rule_postcode("800", pc);
	TAP_STR_EQ(pc, "0800", "Excel's 800 was 0800");
	exchange_rule_postcode(" 8000 ", pc);
	TAP_STR_EQ(pc, "8000", "a postcode stays");
	exchange_rule_postcode("80", pc);
	TAP_STR_EQ(pc, "80", "two digits are not mended");

	char tm[16], dt[32];
	exchange_rule_time(" 17:30:00 ", tm);
	TAP_STR_EQ(tm, "17:30", "a spreadsheet's seconds are left out");
	exchange_rule_time("9:30:00", tm);
	TAP_STR_EQ(tm, "9:30", "also after one digit");
	exchange_rule_time("18.30", tm);
	TAP_STR_EQ(tm, "18.30", "other times stay for the form's rule");
	exchange_rule_date("26-03-2025 00:00:00", dt);
	TAP_STR_EQ(dt, "26-03-2025", "a spreadsheet's midnight is left out");
	exchange_rule_date("2025-03-26 0:00", dt);
	TAP_STR_EQ(dt, "2025-03-26", "in either spelling");
	exchange_rule_date("26-03-2025 12:00", dt);
	TAP_STR_EQ(dt, "26-03-2025 12:00", "another time of day is not a date");

	char t[8];
	exchange_rule_trim("  æøåæøå  ", t, sizeof t);
	TAP_STR_EQ(t, "æøå", "trimmed and cut at a character boundary");
}

static void test_columns(void)
{
	const struct exchange_column *c = exchange_column_for(EXCHANGE_CITIZENS, "Postnr.");
	TAP_CHECK(c && c->id == CC_POSTCODE, "Postnr. is the postcode");
	c = exchange_column_for(EXCHANGE_CITIZENS, "FØDSELSÅR");
	TAP_CHECK(c && c->id == CC_BIRTH_YEAR, "headers in any case");
	c = exchange_column_for(EXCHANGE_CITIZENS, "Birth year");
	TAP_CHECK(c && c->id == CC_BIRTH_YEAR, "in English");
	c = exchange_column_for(EXCHANGE_CITIZENS, "Samtykke givet den");
	TAP_CHECK(c && c->id == CC_CONSENT_ON, "the export's own Danish header");
	c = exchange_column_for(EXCHANGE_VOLUNTEERS, "Tlf.");
	TAP_CHECK(c && c->id == VC_PHONE, "Tlf. is a volunteer's phone");
	TAP_CHECK(exchange_column_for(EXCHANGE_CITIZENS, "Skostørrelse") == NULL, "an unknown header is not guessed");
	TAP_CHECK(exchange_column_for(EXCHANGE_CITIZENS, "") == NULL, "nor an empty one");

	/* Each header names one column only, in every table. */
	for (int t = EXCHANGE_CITIZENS; t <= EXCHANGE_ACTIVITIES; t++) {
		int n, clashes = 0;
		const struct exchange_column *cols = exchange_columns((enum exchange_table)t, &n);
		for (int i = 0; i < n; i++)
			if (exchange_column_for((enum exchange_table)t, _(cols[i].title)) != &cols[i])
				clashes++;
		TAP_INT_EQ(clashes, 0, "table %d: every header finds its own column", t);
	}
}

int main(void)
{
	i18n_init();
	test_same_person();
	test_index();
	test_cells();
	test_columns();
	return tap_done();
}
