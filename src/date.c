/* date.c — civil-date arithmetic (days-from-civil, as in H. Hinnant's
 * public-domain algorithms) and Danish formatting. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

static const char *const weekday_names[] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday"), N_("Sunday"),
};
/* TRANSLATORS: weekday abbreviations as Danish calendars write them: man, tirs, ons, tors, fre, lør, søn. */
static const char *const weekday_abbrs[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};
static const char *const month_names[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December"),
};
static const char *const month_abbrs[] = {
	N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
	N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool date_valid(struct date d)
{
	return d.year >= 1900 && d.year <= 2200 && d.month >= 1 && d.month <= 12
		&& d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

long date_to_days(struct date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date d;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

struct date date_add_days(struct date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

int date_weekday(struct date d)
{
	/* 1970-01-01 was a Thursday (4). */
	long w = (date_to_days(d) + 3) % 7;
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

int date_iso_week(struct date d)
{
	/* The week belongs to the year of its Thursday. */
	struct date thu = date_add_days(d, 4 - date_weekday(d));
	struct date jan1 = { thu.year, 1, 1 };
	return (int)((date_to_days(thu) - date_to_days(jan1)) / 7 + 1);
}

/* Reads exactly `len` digits; false on anything else. */
static bool read_digits(const char **p, int len, int *out)
{
	int v = 0;
	for (int i = 0; i < len; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += len;
	*out = v;
	return true;
}

bool date_parse_iso(const char *text, struct date *out)
{
	const char *p = text;
	struct date d;
	if (!read_digits(&p, 4, &d.year) || *p++ != '-' || !read_digits(&p, 2, &d.month)
	    || *p++ != '-' || !read_digits(&p, 2, &d.day) || *p)
		return false;
	if (!date_valid(d))
		return false;
	*out = d;
	return true;
}

static int count_digits(const char *p)
{
	int n = 0;
	while (isdigit((unsigned char)p[n]))
		n++;
	return n;
}

/* The date as written, without checking that the day exists: year 0
 * when only a day and month were written. False when it is not written
 * as a date at all. */
static bool read_written(const char *text, struct date *out)
{
	while (*text == ' ')
		text++;
	char buf[32];
	snprintf(buf, sizeof buf, "%s", text);
	size_t len = strlen(buf);
	while (len && buf[len - 1] == ' ')
		buf[--len] = '\0';

	struct date d = { 0, 0, 0 };
	const char *p = buf;
	if (len == 10 && count_digits(p) == 4) {
		/* ISO 2026-11-22 */
		if (!read_digits(&p, 4, &d.year) || *p++ != '-' || !read_digits(&p, 2, &d.month) || *p++ != '-'
		    || !read_digits(&p, 2, &d.day) || *p)
			return false;
	} else if (len == 8 && count_digits(p) == 8) {
		/* 22112026: day, month, year without separators */
		read_digits(&p, 2, &d.day);
		read_digits(&p, 2, &d.month);
		read_digits(&p, 4, &d.year);
	} else {
		int n = count_digits(p);
		if (n < 1 || n > 2 || !read_digits(&p, n, &d.day))
			return false;
		char sep = *p;
		if (sep != '-' && sep != '/' && sep != '.')
			return false;
		p++;
		n = count_digits(p);
		if (n < 1 || n > 2 || !read_digits(&p, n, &d.month))
			return false;
		if (*p == '\0') {
			*out = d; /* a day and month: the caller chooses the year */
			return true;
		}
		if (*p++ != sep)
			return false;
		n = count_digits(p);
		if (n == 2) {
			/* Two-digit years: within the next ten years or the past. */
			read_digits(&p, 2, &d.year);
			int this_year = date_today().year;
			d.year += 2000;
			if (d.year > this_year + 10)
				d.year -= 100;
		} else if (n != 4 || !read_digits(&p, 4, &d.year)) {
			return false;
		}
		if (*p)
			return false;
	}
	*out = d;
	return true;
}

bool date_parse(const char *text, struct date *out)
{
	return date_parse_near(text, DATE_YEAR_WRITTEN, date_today(), out);
}

bool date_year_left_out(const char *text)
{
	struct date d;
	return read_written(text, &d) && d.year == 0;
}

bool date_guess_far(const char *text, enum date_year_rule rule, struct date d, struct date today)
{
	if (!date_year_left_out(text) || (rule != DATE_YEAR_NEXT && rule != DATE_YEAR_LAST))
		return false;
	return labs(date_to_days(d) - date_to_days(today)) > 300;
}

/* The year a day and month fall in under `rule`; 0 when there is none. */
static int guess_year(struct date d, enum date_year_rule rule, struct date today)
{
	struct date here = { today.year, d.month, d.day };
	long now = date_to_days(today);
	switch (rule) {
	case DATE_YEAR_THIS:
		return today.year;
	case DATE_YEAR_NEAREST: {
		/* Of last year's, this year's and next year's, the closest;
		 * the coming one when two are as close. */
		int best = 0;
		long best_gap = 0;
		for (int year = today.year + 1; year >= today.year - 1; year--) {
			struct date c = { year, d.month, d.day };
			if (!date_valid(c))
				continue;
			long gap = labs(date_to_days(c) - now);
			if (!best || gap < best_gap) {
				best = year;
				best_gap = gap;
			}
		}
		return best;
	}
	case DATE_YEAR_NEXT:
		if (date_valid(here) && date_to_days(here) >= now)
			return today.year;
		return today.year + 1;
	case DATE_YEAR_LAST:
		if (date_valid(here) && date_to_days(here) <= now)
			return today.year;
		return today.year - 1;
	case DATE_YEAR_WRITTEN:
		break;
	}
	return 0;
}

bool date_parse_near(const char *text, enum date_year_rule rule, struct date today, struct date *out)
{
	struct date d;
	if (!read_written(text, &d))
		return false;
	if (d.year == 0)
		d.year = guess_year(d, rule, today);
	if (!date_valid(d))
		return false;
	*out = d;
	return true;
}

void date_problem(const char *text, enum date_year_rule rule, char *out, size_t size)
{
	struct date d;
	if (!read_written(text, &d)) {
		if (rule == DATE_YEAR_WRITTEN)
			snprintf(out, size, _("'%s' is not a valid date. Write it as day-month-year, e.g. 26-11-2026."),
				 text);
		else
			snprintf(out, size,
				 _("'%s' is not a valid date. Write it as day-month, e.g. 26-11, or with the year: "
				   "26-11-2026."),
				 text);
	} else if (d.year == 0 && rule == DATE_YEAR_WRITTEN) {
		snprintf(out, size, _("'%s' has no year. Write the whole date, e.g. 26-11-2026."), text);
	} else {
		snprintf(out, size, _("'%s' is not a day in the calendar. Check the day and the month."), text);
	}
}

/* `v`'s last `n` digits at `p`, zero-padded. */
static void put_digits(char *p, unsigned v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* By hand, not snprintf: a mark formats half a dozen dates, and the
 * format string's parsing was 2 % of its instructions. As "%04u-%02u-%02u"
 * of year % 10000, month % 100 and day % 100. */
void date_format_iso(struct date d, char out[DATE_ISO_LEN])
{
	put_digits(out, (unsigned)d.year % 10000u, 4);
	out[4] = '-';
	put_digits(out + 5, (unsigned)d.month % 100u, 2);
	out[7] = '-';
	put_digits(out + 8, (unsigned)d.day % 100u, 2);
	out[10] = '\0';
}

void date_format_dk(struct date d, char *out, size_t size)
{
	snprintf(out, size, "%02d-%02d-%04d", d.day, d.month, d.year);
}

/* "May" is its own abbreviation in both languages, so one msgid serves. */
const char *date_month_abbr(int month)
{
	return _(month_abbrs[(month + 11) % 12]);
}

const char *date_weekday_name(int weekday)
{
	return _(weekday_names[(weekday - 1) % 7]);
}

const char *date_weekday_abbr(int weekday)
{
	return _(weekday_abbrs[(weekday - 1) % 7]);
}

void date_format_short(struct date d, char *out, size_t size)
{
	/* TRANSLATORS: weekday, day of month, month: "tors 26. nov". */
	snprintf(out, size, _("%s %d %s"), date_weekday_abbr(date_weekday(d)), d.day,
		 date_month_abbr(d.month));
}

void date_format_near(struct date d, struct date today, char *out, size_t size)
{
	date_format_short(d, out, size);
	size_t n = strlen(out);
	if (labs(date_to_days(d) - date_to_days(today)) > 183 && n < size)
		snprintf(out + n, size - n, " %d", d.year);
}

void date_format_long(struct date d, char *out, size_t size)
{
	/* TRANSLATORS: weekday, day, month, year: "torsdag 26. november 2026". */
	snprintf(out, size, _("%s %d %s %d"), date_weekday_name(date_weekday(d)), d.day,
		 _(month_names[d.month - 1]), d.year);
}

/* The test clock: BROBYGGER_TODAY=YYYY-MM-DD (noon), or with the time of
 * day "YYYY-MM-DD HH:MM" (or ISO's "YYYY-MM-DDTHH:MM", one word for a
 * test script's #env line). */
static bool fixed_clock(struct date *d, int *hour, int *minute)
{
	const char *env = getenv("BROBYGGER_TODAY");
	char day[DATE_ISO_LEN], clock[DATE_TIME_LEN];
	if (!env || strlen(env) < 10)
		return false;
	snprintf(day, sizeof day, "%.10s", env);
	if (!date_parse_iso(day, d))
		return false;
	*hour = 12;
	*minute = 0;
	if (env[10] == '\0')
		return true;
	if ((env[10] != ' ' && env[10] != 'T') || !date_parse_time(env + 11, clock))
		return false;
	*hour = (clock[0] - '0') * 10 + (clock[1] - '0');
	*minute = (clock[3] - '0') * 10 + (clock[4] - '0');
	return true;
}

struct date date_today(void)
{
	struct date d;
	int hour, minute;
	if (fixed_clock(&d, &hour, &minute))
		return d;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return d;
}

void date_now_stamp(char out[20])
{
	struct date fixed;
	int hour, minute;
	if (fixed_clock(&fixed, &hour, &minute)) {
		snprintf(out, 20, "%04u-%02u-%02u %02u:%02u:00", (unsigned)fixed.year % 10000u,
			 (unsigned)fixed.month % 100u, (unsigned)fixed.day % 100u, (unsigned)hour % 24u,
			 (unsigned)minute % 60u);
		return;
	}
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

bool date_stamp_minutes(const char *stamp, long long *minutes)
{
	char day[DATE_ISO_LEN];
	struct date d;
	if (!stamp || strlen(stamp) < 16 || stamp[10] != ' ')
		return false;
	snprintf(day, sizeof day, "%.10s", stamp);
	char hhmm[DATE_TIME_LEN];
	char clock[6];
	snprintf(clock, sizeof clock, "%.5s", stamp + 11);
	if (!date_parse_iso(day, &d) || !date_parse_time(clock, hhmm))
		return false;
	int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0'), m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
	*minutes = (long long)date_to_days(d) * 24 * 60 + h * 60 + m;
	return true;
}

void date_format_stamp(const char *stamp, char *out, size_t size)
{
	char day[DATE_ISO_LEN];
	struct date d;
	snprintf(day, sizeof day, "%.10s", stamp);
	if (strlen(stamp) >= 16 && date_parse_iso(day, &d))
		snprintf(out, size, "%02d-%02d-%04d %.5s", d.day, d.month, d.year, stamp + 11);
	else
		snprintf(out, size, "%s", stamp);
}

/* "10:00", "10.00", "1000" and "9:30" all mean a time of day; written
 * back as HH:MM. False for anything else. */
bool date_parse_time(const char *text, char out[DATE_TIME_LEN])
{
	int digits[4], n = 0;
	bool sep = false;
	for (const char *p = text; *p; p++) {
		if (*p >= '0' && *p <= '9' && n < 4)
			digits[n++] = *p - '0';
		else if ((*p == ':' || *p == '.') && !sep && n >= 1 && n <= 2)
			sep = true;
		else if (*p != ' ')
			return false;
	}
	int h, m;
	if (n == 4) {
		h = digits[0] * 10 + digits[1];
		m = digits[2] * 10 + digits[3];
	} else if (n == 3) {
		h = digits[0];
		m = digits[1] * 10 + digits[2];
	} else if (n >= 1 && !sep) {
		/* "14" or "9": the hour, as the desk says it. */
		h = n == 2 ? digits[0] * 10 + digits[1] : digits[0];
		m = 0;
	} else {
		return false;
	}
	if (h > 23 || m > 59)
		return false;
	snprintf(out, DATE_TIME_LEN, "%02u:%02u", (unsigned)h % 24u, (unsigned)m % 60u);
	return true;
}
