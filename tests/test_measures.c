/* Scoring outcome measures (src/measure_rules.c): WHO-5 and the three-item
 * loneliness scale, with their edges and invalid answers, reverse items,
 * bands, trends and the text chart; and the rules for keeping answers
 * (consent, the day, the occasion). The definitions are built here as the
 * database seeds them (db/schema_v5.c); test_measures_db checks the seed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "measure_rules.h"
#include "tap.h"

static void def_items(struct measure_def *d, int n, int lo, int hi)
{
	d->nitems = n;
	for (int i = 0; i < n; i++) {
		d->items[i].position = i + 1;
		snprintf(d->items[i].text, sizeof d->items[i].text, "item %d", i + 1);
		d->items[i].min_value = lo;
		d->items[i].max_value = hi;
	}
}

static void who5(struct measure_def *d)
{
	memset(d, 0, sizeof *d);
	snprintf(d->code, sizeof d->code, "who5");
	d->multiplier = 4;
	d->min_total = 0;
	d->max_total = 100;
	d->higher_is_better = true;
	def_items(d, 5, 0, 5);
	const char *labels[] = { "Hele tiden", "Det meste af tiden", "Lidt mere end halvdelen af tiden",
				 "Lidt mindre end halvdelen af tiden", "Lidt af tiden", "På intet tidspunkt" };
	for (int i = 0; i < 6; i++) {
		d->scale[i].value = 5 - i;
		snprintf(d->scale[i].label, sizeof d->scale[i].label, "%s", labels[i]);
	}
	d->nscale = 6;
	/* Given out of order on purpose: the lowest limit is read first. */
	d->bands[0] = (struct measure_band){ 50, "Nedsat trivsel" };
	d->bands[1] = (struct measure_band){ 100, "Ikke tegn på nedsat trivsel" };
	d->bands[2] = (struct measure_band){ 28, "Meget lav trivsel" };
	d->nbands = 3;
}

static void ucla3(struct measure_def *d)
{
	memset(d, 0, sizeof *d);
	snprintf(d->code, sizeof d->code, "ucla3");
	d->multiplier = 1;
	d->min_total = 3;
	d->max_total = 9;
	d->higher_is_better = false;
	def_items(d, 3, 1, 3);
}

static void test_who5(void)
{
	struct measure_def d;
	who5(&d);
	int total = -1, bad = 99;
	int all_max[] = { 5, 5, 5, 5, 5 }, all_min[] = { 0, 0, 0, 0, 0 }, mixed[] = { 3, 2, 4, 1, 2 };
	TAP_CHECK(measure_score(&d, all_max, 5, &total, &bad) == MEASURE_OK && total == 100,
		  "WHO-5: all 'Hele tiden' scores 100");
	TAP_CHECK(measure_score(&d, all_min, 5, &total, &bad) == MEASURE_OK && total == 0,
		  "WHO-5: all 'På intet tidspunkt' scores 0");
	TAP_CHECK(measure_score(&d, mixed, 5, &total, &bad) == MEASURE_OK && total == 48,
		  "WHO-5: raw 12 x 4 = 48");
	TAP_INT_EQ(bad, -1, "no bad item on success");
	TAP_STR_EQ(measure_band_label(&d, 48), "Nedsat trivsel", "48 is reduced wellbeing (50 or less)");
	TAP_STR_EQ(measure_band_label(&d, 50), "Nedsat trivsel", "50 is still reduced wellbeing");
	TAP_STR_EQ(measure_band_label(&d, 52), "Ikke tegn på nedsat trivsel", "52 is above the cut-off");
	TAP_STR_EQ(measure_band_label(&d, 28), "Meget lav trivsel", "28 or less: likely depression band");
	TAP_STR_EQ(measure_band_label(&d, 0), "Meget lav trivsel", "0 is in the lowest band");
	TAP_STR_EQ(measure_answer_label(&d, 4), "Det meste af tiden", "answer 4 in words");
	TAP_STR_EQ(measure_answer_label(&d, 6), "", "no words for 6");

	int six[] = { 5, 5, 6, 5, 5 }, minus[] = { 5, -2, 5, 5, 5 };
	total = -1;
	TAP_CHECK(measure_score(&d, six, 5, &total, &bad) == MEASURE_OUT_OF_RANGE && bad == 2 && total == -1,
		  "WHO-5: 6 is out of range, the third item is named, no total");
	TAP_CHECK(measure_score(&d, minus, 5, &total, &bad) == MEASURE_OUT_OF_RANGE && bad == 1,
		  "WHO-5: a negative answer is out of range");
	int open[] = { 5, 5, MEASURE_UNANSWERED, 5, 5 };
	TAP_CHECK(measure_score(&d, open, 5, &total, &bad) == MEASURE_MISSING && bad == 2,
		  "WHO-5: an unanswered question stops the score");
	TAP_CHECK(measure_score(&d, all_max, 4, &total, &bad) == MEASURE_MISSING && bad == -1,
		  "WHO-5: four answers for five questions");
	TAP_CHECK(measure_score(&d, NULL, 5, &total, &bad) == MEASURE_MISSING, "no answers at all");

	int v = -1;
	TAP_CHECK(measure_answer_for_key(&d, 0, '5', &v) && v == 5, "typing 5 answers 5");
	TAP_CHECK(measure_answer_for_key(&d, 4, '0', &v) && v == 0, "typing 0 answers 0");
	TAP_CHECK(!measure_answer_for_key(&d, 0, '6', &v), "typing 6 is refused");
	TAP_CHECK(!measure_answer_for_key(&d, 0, 'x', &v), "a letter is refused");
	TAP_CHECK(!measure_answer_for_key(&d, 5, '1', &v), "there is no sixth question");
}

static void test_ucla3(void)
{
	struct measure_def d;
	ucla3(&d);
	int total = -1, bad;
	int least[] = { 1, 1, 1 }, most[] = { 3, 3, 3 }, some[] = { 2, 3, 1 };
	TAP_CHECK(measure_score(&d, least, 3, &total, &bad) == MEASURE_OK && total == 3, "loneliness: lowest 3");
	TAP_CHECK(measure_score(&d, most, 3, &total, &bad) == MEASURE_OK && total == 9, "loneliness: highest 9");
	TAP_CHECK(measure_score(&d, some, 3, &total, &bad) == MEASURE_OK && total == 6, "loneliness: 2+3+1 = 6");
	int zero[] = { 0, 1, 1 }, four[] = { 1, 4, 1 };
	TAP_CHECK(measure_score(&d, zero, 3, &total, &bad) == MEASURE_OUT_OF_RANGE && bad == 0,
		  "loneliness: 0 is below the scale");
	TAP_CHECK(measure_score(&d, four, 3, &total, &bad) == MEASURE_OUT_OF_RANGE && bad == 1,
		  "loneliness: 4 is above the scale");
	int v;
	TAP_CHECK(!measure_answer_for_key(&d, 0, '0', &v), "typing 0 is refused on a 1-3 scale");
	TAP_STR_EQ(measure_band_label(&d, 6), "", "no bands: no words");
	TAP_CHECK(measure_trend(false, 8, 5) == TREND_BETTER, "less lonely is better");
	TAP_CHECK(measure_trend(false, 5, 8) == TREND_WORSE, "lonelier is worse");
	TAP_CHECK(measure_trend(true, 32, 60) == TREND_BETTER, "higher WHO-5 is better");
	TAP_CHECK(measure_trend(true, 60, 60) == TREND_SAME, "no change");
}

/* A refusal says what is wrong, in words (not silently). */
static void test_refusal_words(void)
{
	struct measure_def d;
	ucla3(&d);
	int four[] = { 1, 4, 1 }, total, bad;
	char words[240];
	enum measure_check c = measure_score(&d, four, 3, &total, &bad);
	measure_check_words(&d, c, bad, four, 3, words, sizeof words);
	TAP_STR_EQ(words, "Spørgsmål 2: 4 er ikke et svar. Svar med et tal fra 1 til 3.", "a 4 on a 1-3 item, in words");
	who5(&d);
	int six[] = { 2, 1, 6, 1, 2 };
	c = measure_score(&d, six, 5, &total, &bad);
	measure_check_words(&d, c, bad, six, 5, words, sizeof words);
	TAP_STR_EQ(words, "Spørgsmål 3: 6 er ikke et svar. Svar med et tal fra 0 til 5.", "a 6 on WHO-5, in words");
	int missing[] = { 2, MEASURE_UNANSWERED, 1, 1, 1 };
	c = measure_score(&d, missing, 5, &total, &bad);
	measure_check_words(&d, c, bad, missing, 5, words, sizeof words);
	TAP_STR_EQ(words, "Spørgsmål 2 mangler svar.", "a question not answered");
	measure_check_words(&d, MEASURE_OK, -1, six, 5, words, sizeof words);
	TAP_STR_EQ(words, "", "nothing wrong: no words");
}

static void test_definitions(void)
{
	struct measure_def d;
	ucla3(&d);
	d.items[1].reverse = true;
	int answers[] = { 1, 1, 1 }, total;
	TAP_CHECK(measure_score(&d, answers, 3, &total, NULL) == MEASURE_OK && total == 5,
		  "a reverse item turns 1 into 3 on a 1-3 scale");
	ucla3(&d);
	d.max_total = 8;
	TAP_CHECK(!measure_def_valid(&d), "a stated maximum below what answers can give is refused");
	TAP_CHECK(measure_score(&d, answers, 3, &total, NULL) == MEASURE_BAD_DEF, "and never scored");
	ucla3(&d);
	d.multiplier = 0;
	TAP_CHECK(!measure_def_valid(&d), "multiplier 0 is refused");
	ucla3(&d);
	d.nitems = 0;
	TAP_CHECK(!measure_def_valid(&d), "a measure without questions is refused");
	ucla3(&d);
	d.items[0].min_value = 4;
	TAP_CHECK(!measure_def_valid(&d), "an item whose range is upside down is refused");
	who5(&d);
	TAP_CHECK(measure_def_valid(&d), "the WHO-5 as seeded is valid");
}

static void test_sparkline(void)
{
	char out[128];
	int values[] = { 0, 48, 100 };
	measure_sparkline(values, 3, 0, 100, out, sizeof out);
	TAP_STR_EQ(out, "▁▄█", "0, 48, 100 as blocks");
	int flat[] = { 6, 6 };
	measure_sparkline(flat, 2, 6, 6, out, sizeof out);
	TAP_STR_EQ(out, "▁▁", "an empty range draws the lowest block");
	int wild[] = { -5, 200 };
	measure_sparkline(wild, 2, 0, 100, out, sizeof out);
	TAP_STR_EQ(out, "▁█", "values outside the range are clamped");
	char tiny[5];
	measure_sparkline(values, 3, 0, 100, tiny, sizeof tiny);
	TAP_STR_EQ(tiny, "▁", "a small buffer holds whole blocks only");
}

static void test_keeping(void)
{
	TAP_INT_EQ(measure_rule_consent(true, false), MEASURE_CONSENT_ON_RECORD, "consent on record: kept");
	TAP_INT_EQ(measure_rule_consent(true, true), MEASURE_CONSENT_ON_RECORD, "on record already: not recorded twice");
	TAP_INT_EQ(measure_rule_consent(false, true), MEASURE_CONSENT_GIVEN_NOW, "agreed just now: recorded with them");
	TAP_INT_EQ(measure_rule_consent(false, false), MEASURE_CONSENT_MISSING, "no consent: nothing is kept");

	struct date today = { 2026, 11, 26 };
	TAP_CHECK(measure_rule_day(today, today), "answers from today");
	TAP_CHECK(measure_rule_day((struct date){ 2026, 9, 1 }, today), "or an earlier day");
	TAP_CHECK(!measure_rule_day((struct date){ 2026, 11, 27 }, today), "not from tomorrow");

	TAP_STR_EQ(measure_rule_occasion(false, false), "intake", "the first time: the starting point");
	TAP_STR_EQ(measure_rule_occasion(true, false), "follow_up", "later: a follow-up");
	TAP_STR_EQ(measure_rule_occasion(false, true), "follow_up", "asked in a follow-up call: a follow-up");
}

int main(void)
{
	setenv("LANGUAGE", "da", 1);
	i18n_init();
	test_who5();
	test_refusal_words();
	test_ucla3();
	test_definitions();
	test_sparkline();
	test_keeping();
	return tap_done();
}
