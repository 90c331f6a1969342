/* measure_rules.h — scoring and reading outcome measures, as pure functions of
 * the definition the centre keeps as data (db/store_measures.h), and the
 * rules for keeping the answers (consent, the day, the occasion):
 *
 *   total = (sum of the answers, reverse items turned round) × multiplier
 *
 * WHO-5: five answers 0–5, raw 0–25, × 4 = 0–100, higher is better.
 * The three-item loneliness scale: three answers 1–3, total 3–9, higher
 * is lonelier.
 */
#ifndef BB_MEASURE_RULES_H
#define BB_MEASURE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "model_measures.h"

/* An item not answered yet. */
#define MEASURE_UNANSWERED (-1)

enum measure_check {
	MEASURE_OK,
	MEASURE_MISSING,       /* an item has no answer, or the count is wrong */
	MEASURE_OUT_OF_RANGE,  /* an answer outside its item's range */
	MEASURE_BAD_DEF,       /* the definition cannot give a total in its own range */
};

/* Checks and scores the answers (by item order). On MEASURE_OK *total
 * is set; otherwise *bad_item (may be NULL) gets the item's index, or -1
 * for the count or the definition. */
enum measure_check measure_score(const struct measure_def *def, const int *answers, int n, int *total,
				 int *bad_item);

/* Why measure_score refused the answers, in words for the desk, e.g.
 * "Question 3: 7 is not an answer. Answer with a number from 0 to 5."
 * (`bad_item` and `answers` as measure_score gave and took them); "" for
 * MEASURE_OK. */
void measure_check_words(const struct measure_def *def, enum measure_check check, int bad_item, const int *answers,
			 int n, char *out, size_t size);

/* Whether the definition can be scored at all: items, ranges, multiplier
 * and the total's range agree. */
bool measure_def_valid(const struct measure_def *def);

/* The answer for a typed character (a digit) to item i, if the item takes
 * that value. */
bool measure_answer_for_key(const struct measure_def *def, int item, uint32_t ch, int *value);

/* The words for an answer value ("Hele tiden"), or "" when the scale has none. */
const char *measure_answer_label(const struct measure_def *def, int value);

/* The band a total falls in ("Nedsat trivsel"), or "" when none. */
const char *measure_band_label(const struct measure_def *def, int total);

/* Answers are health data: kept only with the citizen's consent to
 * 'measures', on record or given just now (then recorded with them). */
enum measure_consent {
	MEASURE_CONSENT_MISSING,    /* nothing may be kept */
	MEASURE_CONSENT_ON_RECORD,
	MEASURE_CONSENT_GIVEN_NOW,  /* record the consent with the answers */
};
enum measure_consent measure_rule_consent(bool on_record, bool given_now);

/* The answers are from a day that has come: today or before. */
bool measure_rule_day(struct date taken_on, struct date today);

/* The occasion a measure is taken on unless the desk says otherwise: the
 * first time is the starting point ("intake"), later ones and any asked
 * in a follow-up call are "follow_up". */
const char *measure_rule_occasion(bool taken_before, bool in_a_call);

enum measure_trend { TREND_SAME, TREND_BETTER, TREND_WORSE };
/* From the first to the latest: better or worse as the measure reads. */
enum measure_trend measure_trend(bool higher_is_better, int first, int latest);

/* A small text chart, one column per value (oldest first), with the
 * eighth blocks ▁▂▃▄▅▆▇█ over min..max. UTF-8 into out. */
void measure_sparkline(const int *values, int n, int min, int max, char *out, size_t size);

#endif
