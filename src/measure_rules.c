/* measure_rules.c — scoring outcome measures from their definitions, and
 * the rules for keeping the answers. */
#include "measure_rules.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

static int item_score(const struct measure_item *it, int answer)
{
	return it->reverse ? it->max_value + it->min_value - answer : answer;
}

bool measure_def_valid(const struct measure_def *def)
{
	if (!def || def->nitems < 1 || def->nitems > MEASURE_MAX_ITEMS || def->multiplier < 1
	    || def->min_total > def->max_total)
		return false;
	long lo = 0, hi = 0;
	for (int i = 0; i < def->nitems; i++) {
		const struct measure_item *it = &def->items[i];
		if (it->min_value > it->max_value || it->min_value < 0 || it->max_value > 99)
			return false;
		lo += it->min_value;
		hi += it->max_value;
	}
	/* Every total the answers can give must lie in the stated range. */
	return lo * def->multiplier >= def->min_total && hi * def->multiplier <= def->max_total;
}

enum measure_check measure_score(const struct measure_def *def, const int *answers, int n, int *total,
				 int *bad_item)
{
	int bad = -1;
	enum measure_check r = MEASURE_OK;
	long sum = 0;
	if (!measure_def_valid(def)) {
		r = MEASURE_BAD_DEF;
		goto out;
	}
	if (!answers || n != def->nitems) {
		r = MEASURE_MISSING;
		goto out;
	}
	for (int i = 0; i < n; i++) {
		const struct measure_item *it = &def->items[i];
		if (answers[i] == MEASURE_UNANSWERED) {
			r = MEASURE_MISSING;
			bad = i;
			goto out;
		}
		if (answers[i] < it->min_value || answers[i] > it->max_value) {
			r = MEASURE_OUT_OF_RANGE;
			bad = i;
			goto out;
		}
		sum += item_score(it, answers[i]);
	}
	*total = (int)(sum * def->multiplier);
out:
	if (bad_item)
		*bad_item = bad;
	return r;
}

void measure_check_words(const struct measure_def *def, enum measure_check check, int bad_item, const int *answers,
			 int n, char *out, size_t size)
{
	bool item = def && bad_item >= 0 && bad_item < def->nitems;
	switch (check) {
	case MEASURE_OK:
		snprintf(out, size, "%s", "");
		break;
	case MEASURE_OUT_OF_RANGE:
		if (item && answers && bad_item < n) {
			/* TRANSLATORS: question number, the answer given, the lowest and highest answer. */
			snprintf(out, size, _("Question %d: %d is not an answer. Answer with a number from %d to %d."),
				 bad_item + 1, answers[bad_item], def->items[bad_item].min_value,
				 def->items[bad_item].max_value);
			break;
		}
		/* fall through */
	case MEASURE_MISSING:
		if (item)
			snprintf(out, size, _("Question %d has no answer yet."), bad_item + 1);
		else if (def)
			/* TRANSLATORS: how many questions the measure has. */
			snprintf(out, size, _("The measure has %d questions: answer each of them."), def->nitems);
		else
			snprintf(out, size, "%s", _("The answers do not match the measure's questions."));
		break;
	case MEASURE_BAD_DEF:
	default:
		snprintf(out, size, "%s", _("The answers cannot be scored: the measure is not set up right."));
		break;
	}
}

bool measure_answer_for_key(const struct measure_def *def, int item, uint32_t ch, int *value)
{
	if (!def || item < 0 || item >= def->nitems || ch < '0' || ch > '9')
		return false;
	int v = (int)(ch - '0');
	if (v < def->items[item].min_value || v > def->items[item].max_value)
		return false;
	*value = v;
	return true;
}

const char *measure_answer_label(const struct measure_def *def, int value)
{
	for (int i = 0; def && i < def->nscale; i++)
		if (def->scale[i].value == value)
			return def->scale[i].label;
	return "";
}

const char *measure_band_label(const struct measure_def *def, int total)
{
	/* Bands are read from the lowest limit up, whatever order they came in. */
	const struct measure_band *best = NULL;
	for (int i = 0; def && i < def->nbands; i++)
		if (total <= def->bands[i].max_total && (!best || def->bands[i].max_total < best->max_total))
			best = &def->bands[i];
	return best ? best->label : "";
}

enum measure_consent measure_rule_consent(bool on_record, bool given_now)
{
	if (on_record)
		return MEASURE_CONSENT_ON_RECORD;
	return given_now ? MEASURE_CONSENT_GIVEN_NOW : MEASURE_CONSENT_MISSING;
}

bool measure_rule_day(struct date taken_on, struct date today)
{
	return date_to_days(taken_on) <= date_to_days(today);
}

const char *measure_rule_occasion(bool taken_before, bool in_a_call)
{
	return taken_before || in_a_call ? "follow_up" : "intake";
}

enum measure_trend measure_trend(bool higher_is_better, int first, int latest)
{
	if (first == latest)
		return TREND_SAME;
	return (latest > first) == higher_is_better ? TREND_BETTER : TREND_WORSE;
}

void measure_sparkline(const int *values, int n, int min, int max, char *out, size_t size)
{
	static const char *const blocks[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	size_t used = 0;
	if (size == 0)
		return;
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		int level = 0;
		if (max > min) {
			int v = values[i] < min ? min : values[i] > max ? max : values[i];
			level = (int)((long)(v - min) * 7 / (max - min));
		}
		size_t len = strlen(blocks[level]);
		if (used + len >= size)
			break;
		memcpy(out + used, blocks[level], len);
		used += len;
		out[used] = '\0';
	}
}
