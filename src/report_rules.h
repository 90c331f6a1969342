/* report_rules.h — the rules behind the report's figures, as plain
 * functions: how long a session is, what a visit and a call count as in
 * hours, the median, what counts as better on a measure and as moving
 * above WHO-5's cut-off, when a waiting citizen's interest is met, the
 * period, and which numbers are too small to show outside the centre.
 * The README's "Reports" section says the same in words. No SQL, no
 * curses; tests/test_report.c checks each. */
#ifndef BB_REPORT_RULES_H
#define BB_REPORT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "model_report.h"

enum {
	/* A session whose times are not written counts two hours. */
	REPORT_SESSION_DEFAULT_MINUTES = 120,
	/* A one-to-one match (a volunteer without an activity) counts one
	 * two-hour visit a week while it is open. */
	REPORT_VISIT_MINUTES_PER_WEEK = 120,
	/* A follow-up call made counts a quarter of an hour. */
	REPORT_CALL_MINUTES = 15,
	/* WHO-5's published cut-off (Topp et al. 2015): 50 or less suggests
	 * reduced wellbeing. */
	REPORT_WHO5_CUTOFF = 50,
	/* Counts of citizens below this are shown as "< 5" in exports, and
	 * means and shares of fewer citizens are left out. */
	REPORT_SMALL = 5,
};

/* Minutes from "HH:MM" to "HH:MM"; the default when either is missing
 * or the end is not after the start. */
int report_session_minutes(const char *start, const char *end);
/* Minutes of visits for this many days of open one-to-one matches. */
long long report_visit_minutes(long long open_days);
long long report_call_minutes(long long calls);
/* Minutes as tenths of an hour, rounded half up (90 minutes: 15). */
long long report_hours_tenths(long long minutes);

/* The median of n values (sorted in place): the middle one, or the mean
 * of the two middle ones rounded down; -1 for none. */
long long report_median(long long *values, size_t n);

/* part of whole in whole percent, rounded half up; -1 when whole is 0. */
long long report_percent(long long part, long long whole);
/* sum / n in tenths, rounded half away from zero; 0 when n is 0. */
long long report_mean_tenths(long long sum, long long n);

/* +1 better, 0 the same, -1 worse, from the first to the latest total. */
int report_change(bool higher_is_better, int first, int latest);
/* WHO-5: from at or below the cut-off to above it. */
bool report_at_or_below_cutoff(int total);
bool report_moved_above_cutoff(int first, int latest);

/* Whether a count of citizens is too small to show outside the centre. */
bool report_small(long long count);

/* A waiting citizen's interest in `area` (-1: not known) is met when an
 * active activity offers it nearby: in the same area, or anywhere when
 * either area is not known. */
bool report_interest_met(long long interest_id, int area, const struct report_offer_fact *offers, int noffers);

/* The period the report covers unless told: 1 January of today's year up
 * to today. */
struct report_period report_default_period(struct date today);
/* Reads "01-01-2026" or ISO for both ends, "1-1" as this year's; false (with a translated
 * message) when a date is not one, the end is before the start, or the
 * period is longer than REPORT_MAX_MONTHS months. NULL keeps the default. */
bool report_period_parse(const char *from, const char *to, struct date today, struct report_period *out,
			 char *err, size_t errsize);
/* The months the period touches ("2026-01" ...), at most
 * REPORT_MAX_MONTHS; returns how many. */
int report_months(const struct report_period *p, char months[][REPORT_MONTH]);
/* Index of the month of an ISO date among them, -1 when outside. */
int report_month_index(const struct report_period *p, const char *date);

#endif
