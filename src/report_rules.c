/* report_rules.c — the report's rules (report_rules.h). */
#include "report_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static int minutes_of(const char *hhmm)
{
	if (!hhmm || strlen(hhmm) != 5 || hhmm[2] != ':')
		return -1;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (hhmm[i] < '0' || hhmm[i] > '9'))
			return -1;
	int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
	int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
	return h < 24 && m < 60 ? h * 60 + m : -1;
}

int report_session_minutes(const char *start, const char *end)
{
	int s = minutes_of(start), e = minutes_of(end);
	return s >= 0 && e > s ? e - s : REPORT_SESSION_DEFAULT_MINUTES;
}

long long report_visit_minutes(long long open_days)
{
	/* Rounded to the nearest minute: days / 7 weeks of two hours. */
	return (open_days * REPORT_VISIT_MINUTES_PER_WEEK + 3) / 7;
}

long long report_call_minutes(long long calls)
{
	return calls * REPORT_CALL_MINUTES;
}

long long report_hours_tenths(long long minutes)
{
	return (minutes + 3) / 6;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

long long report_median(long long *values, size_t n)
{
	if (n == 0)
		return -1;
	qsort(values, n, sizeof *values, cmp_ll);
	if (n % 2)
		return values[n / 2];
	return (values[n / 2 - 1] + values[n / 2]) / 2;
}

long long report_percent(long long part, long long whole)
{
	if (whole <= 0)
		return -1;
	return (part * 200 + whole) / (2 * whole);
}

long long report_mean_tenths(long long sum, long long n)
{
	if (n <= 0)
		return 0;
	long long s = sum * 20;
	long long q = (s < 0 ? s - n : s + n) / (2 * n);
	return q;
}

int report_change(bool higher_is_better, int first, int latest)
{
	int d = latest - first;
	if (!higher_is_better)
		d = -d;
	return (d > 0) - (d < 0);
}

bool report_at_or_below_cutoff(int total)
{
	return total <= REPORT_WHO5_CUTOFF;
}

bool report_moved_above_cutoff(int first, int latest)
{
	return report_at_or_below_cutoff(first) && !report_at_or_below_cutoff(latest);
}

bool report_small(long long count)
{
	return count < REPORT_SMALL;
}

bool report_interest_met(long long interest_id, int area, const struct report_offer_fact *offers, int noffers)
{
	for (int i = 0; i < noffers; i++)
		if (offers[i].interest_id == interest_id
		    && (area < 0 || offers[i].area < 0 || offers[i].area == area))
			return true;
	return false;
}

struct report_period report_default_period(struct date today)
{
	struct report_period p;
	date_format_iso((struct date){ today.year, 1, 1 }, p.from);
	date_format_iso(today, p.to);
	return p;
}

static int month_number(struct date d)
{
	return d.year * 12 + d.month - 1;
}

bool report_period_parse(const char *from, const char *to, struct date today, struct report_period *out,
			 char *err, size_t errsize)
{
	struct report_period p = report_default_period(today);
	struct date f, t;
	date_parse_iso(p.from, &f);
	date_parse_iso(p.to, &t);
	char problem[300];
	if (from && !date_parse_near(from, DATE_YEAR_THIS, today, &f)) {
		/* What is wrong with it: the form, or a day no calendar has. */
		date_problem(from, DATE_YEAR_THIS, problem, sizeof problem);
		snprintf(err, errsize, _("The start of the period: %s"), problem);
		return false;
	}
	if (to && !date_parse_near(to, DATE_YEAR_THIS, today, &t)) {
		date_problem(to, DATE_YEAR_THIS, problem, sizeof problem);
		snprintf(err, errsize, _("The end of the period: %s"), problem);
		return false;
	}
	/* Only a start given: up to today, or the end of that year if today
	 * comes before it. */
	if (from && !to && date_to_days(t) < date_to_days(f))
		t = (struct date){ f.year, 12, 31 };
	if (date_to_days(t) < date_to_days(f)) {
		snprintf(err, errsize, "%s", _("The period ends before it starts."));
		return false;
	}
	if (month_number(t) - month_number(f) + 1 > REPORT_MAX_MONTHS) {
		snprintf(err, errsize, _("The period is longer than %d years; choose a shorter one."),
			 REPORT_MAX_MONTHS / 12);
		return false;
	}
	date_format_iso(f, out->from);
	date_format_iso(t, out->to);
	return true;
}

int report_months(const struct report_period *p, char months[][REPORT_MONTH])
{
	struct date f, t;
	if (!date_parse_iso(p->from, &f) || !date_parse_iso(p->to, &t))
		return 0;
	int n = 0;
	for (int m = month_number(f); m <= month_number(t) && n < REPORT_MAX_MONTHS; m++, n++)
		snprintf(months[n], REPORT_MONTH, "%04u-%02u", (unsigned)(m / 12) % 10000u, (unsigned)(m % 12 + 1));
	return n;
}

/* "2026-11..." as a month count; the text is a stored ISO date. */
static int iso_month_number(const char *iso)
{
	int y = 0;
	for (int i = 0; i < 4; i++)
		y = y * 10 + (iso[i] - '0');
	return y * 12 + (iso[5] - '0') * 10 + (iso[6] - '0') - 1;
}

int report_month_index(const struct report_period *p, const char *date)
{
	if (strlen(date) < 7 || strcmp(date, p->from) < 0 || strcmp(date, p->to) > 0)
		return -1;
	return iso_month_number(date) - iso_month_number(p->from);
}
