/* date.h — calendar dates the Danish way, without the C library's locale.
 *
 * Dates are civil dates (no time zone); weeks start on Monday; users type
 * and read "22-11-2026"; short form "tors 26. nov". Stored as ISO text.
 */
#ifndef BB_DATE_H
#define BB_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct date {
	int year, month, day;
};

enum { DATE_ISO_LEN = 11 }; /* "2026-11-22" plus NUL */

bool date_valid(struct date d);
/* Days since 1970-01-01; inverse of date_from_days. */
long date_to_days(struct date d);
struct date date_from_days(long days);
struct date date_add_days(struct date d, long n);
/* 1 = Monday ... 7 = Sunday. */
int date_weekday(struct date d);
/* ISO 8601 week number (1..53), as Danish calendars print it. */
int date_iso_week(struct date d);

/* Accepts what people type: 22-11-2026, 22/11/2026, 22.11.2026, 22-11-26,
 * 22112026, and ISO 2026-11-22. Returns false for anything else or a day
 * that does not exist (31-02-2026). */
bool date_parse(const char *text, struct date *out);
bool date_parse_iso(const char *text, struct date *out);

/* What a day and month typed without a year ("1-12", "1/12", "1.12")
 * means. Each field chooses by what it holds: */
enum date_year_rule {
	DATE_YEAR_WRITTEN, /* no guess: the year must be written (a birth
			    * date, data from a file) */
	DATE_YEAR_THIS,    /* this year's 1 December (a period to report on) */
	DATE_YEAR_NEAREST, /* the 1 December nearest today, before or after
			    * (a session, a day to go to: "3-1" in December
			    * is the coming January) */
	DATE_YEAR_NEXT,    /* the next 1 December from today on (an
			    * appointment, a call to make) */
	DATE_YEAR_LAST,    /* the last 1 December up to today (something that
			    * has happened: a referral, a consent) */
};
/* date_parse, and a day and month without a year read by `rule` as seen
 * from `today`. False for a day that does not exist in the year chosen
 * (29-2 in 2026), and for any year-less date under DATE_YEAR_WRITTEN. */
bool date_parse_near(const char *text, enum date_year_rule rule, struct date today, struct date *out);
/* Whether `text` is written as a day and month without a year. */
bool date_year_left_out(const char *text);
/* Whether `d`, read from `text` under `rule`, is a year guessed almost a
 * whole year away from today (over 300 days): "20/11" typed to call back
 * on 26 November is most likely a slip, not next year's 20 November. The
 * desk is then asked to write the year. */
bool date_guess_far(const char *text, enum date_year_rule rule, struct date d, struct date today);
/* What is wrong with `text` as a date under `rule`, as a sentence for
 * the desk that says how to write it (translated). */
void date_problem(const char *text, enum date_year_rule rule, char *out, size_t size);

void date_format_iso(struct date d, char out[DATE_ISO_LEN]);
/* "22-11-2026" */
void date_format_dk(struct date d, char *out, size_t size);
/* "tors 26. nov" (translated weekday and month abbreviations). */
void date_format_short(struct date d, char *out, size_t size);
/* "torsdag 26. november 2026" */
void date_format_long(struct date d, char *out, size_t size);
/* date_format_short, with the year when the day is over half a year from
 * today ("fre 3. dec 2027"): without it a day a year ahead reads as
 * last week's. */
void date_format_near(struct date d, struct date today, char *out, size_t size);

/* Weekday names, 1 = Monday, translated. */
const char *date_weekday_name(int weekday);
const char *date_weekday_abbr(int weekday);
/* Month abbreviations, 1 = January, translated: "jan", "maj". */
const char *date_month_abbr(int month);

enum { DATE_TIME_LEN = 6 }; /* "18:30" plus NUL */
/* A time of day as people write it: "18:30", "18.30", "1830", "9.30",
 * or the hour alone ("14", "9"); written back as HH:MM. False for
 * anything else. */
bool date_parse_time(const char *text, char out[DATE_TIME_LEN]);

/* Today. BROBYGGER_TODAY=YYYY-MM-DD fixes the clock for tests and demos
 * (at noon; "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM" fixes the time of
 * day too). */
struct date date_today(void);

/* Now as "YYYY-MM-DD HH:MM:SS", local time; with BROBYGGER_TODAY set, that
 * day at 12:00:00 or the time it gives, so stored timestamps are as fixed
 * as the date. */
void date_now_stamp(char out[20]);
/* A stamp "YYYY-MM-DD HH:MM[:SS]" as minutes since 1970-01-01 00:00;
 * false when it is none. */
bool date_stamp_minutes(const char *stamp, long long *minutes);
/* "2026-11-26 12:00:00" as "26-11-2026 12:00"; other text is copied. */
void date_format_stamp(const char *stamp, char *out, size_t size);

#endif
