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

void date_format_iso(struct date d, char out[DATE_ISO_LEN]);
/* "22-11-2026" */
void date_format_dk(struct date d, char *out, size_t size);
/* "tors 26. nov" (translated weekday and month abbreviations). */
void date_format_short(struct date d, char *out, size_t size);
/* "torsdag 26. november 2026" */
void date_format_long(struct date d, char *out, size_t size);

/* Weekday names, 1 = Monday, translated. */
const char *date_weekday_name(int weekday);
const char *date_weekday_abbr(int weekday);
/* Month abbreviations, 1 = January, translated: "jan", "maj". */
const char *date_month_abbr(int month);

enum { DATE_TIME_LEN = 6 }; /* "18:30" plus NUL */
/* A time of day as people write it: "18:30", "18.30", "1830", "9.30";
 * written back as HH:MM. False for anything else. */
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
