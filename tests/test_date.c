/* Unit tests for src/date.c: Danish input, arithmetic, formatting. */
#include <stdlib.h>

#include "date.h"
#include "i18n.h"
#include "tap.h"

static void parses(const char *text, int y, int m, int d)
{
	struct date got;
	bool ok = date_parse(text, &got);
	TAP_CHECK(ok && got.year == y && got.month == m && got.day == d,
		  "'%s' is %04d-%02d-%02d", text, y, m, d);
}

static void rejects(const char *text)
{
	struct date got;
	TAP_CHECK(!date_parse(text, &got), "'%s' is refused", text);
}

static void near(const char *text, enum date_year_rule rule, const char *today_iso, const char *want)
{
	struct date today, got;
	char iso[DATE_ISO_LEN] = "refused";
	date_parse_iso(today_iso, &today);
	if (date_parse_near(text, rule, today, &got))
		date_format_iso(got, iso);
	static const char *const names[] = { "written", "this", "nearest", "next", "last" };
	TAP_STR_EQ(iso, want, "'%s' (year %s) on %s", text, names[rule], today_iso);
}

/* A day and month without a year, read by each field's rule. */
static void test_no_year(void)
{
	near("1/12", DATE_YEAR_THIS, "2026-11-22", "2026-12-01");
	near("1.12", DATE_YEAR_THIS, "2026-11-22", "2026-12-01");
	near("1-12", DATE_YEAR_THIS, "2026-11-22", "2026-12-01");
	near(" 01-02 ", DATE_YEAR_THIS, "2026-11-22", "2026-02-01");
	near("1-12", DATE_YEAR_WRITTEN, "2026-11-22", "refused");
	near("1-12-2025", DATE_YEAR_WRITTEN, "2026-11-22", "2025-12-01");
	/* An appointment: the next such day, today included. */
	near("1/12", DATE_YEAR_NEXT, "2026-11-22", "2026-12-01");
	near("22/11", DATE_YEAR_NEXT, "2026-11-22", "2026-11-22");
	near("21/11", DATE_YEAR_NEXT, "2026-11-22", "2027-11-21");
	near("5.1", DATE_YEAR_NEXT, "2026-12-28", "2027-01-05");
	/* A session or a day to go to: the nearest such day, either way. */
	near("3-1", DATE_YEAR_NEAREST, "2026-12-04", "2027-01-03");
	near("1/12", DATE_YEAR_NEAREST, "2026-12-04", "2026-12-01");
	near("30.11", DATE_YEAR_NEAREST, "2027-01-04", "2026-11-30");
	near("1-6", DATE_YEAR_NEAREST, "2026-12-04", "2027-06-01");
	near("1-7", DATE_YEAR_NEAREST, "2026-12-04", "2026-07-01");
	near("29-2", DATE_YEAR_NEAREST, "2027-12-01", "2028-02-29");
	near("4-12", DATE_YEAR_NEAREST, "2026-12-04", "2026-12-04");
	/* Almost a year away: the desk is asked for the year. */
	struct date far = { 2027, 11, 20 }, near_day = { 2027, 6, 1 }, today = { 2026, 11, 26 };
	TAP_CHECK(date_guess_far("20/11", DATE_YEAR_NEXT, far, today), "'20/11' to call on 26-11 is a year away");
	TAP_CHECK(!date_guess_far("1/6", DATE_YEAR_NEXT, near_day, today), "'1/6' is half a year: taken");
	TAP_CHECK(!date_guess_far("20-11-2027", DATE_YEAR_NEXT, far, today), "a year written is never asked for");
	TAP_CHECK(!date_guess_far("20/11", DATE_YEAR_THIS, far, today), "nor a period's");
	/* Something that happened: the last such day, today included. */
	near("1/12", DATE_YEAR_LAST, "2026-11-22", "2025-12-01");
	near("22/11", DATE_YEAR_LAST, "2026-11-22", "2026-11-22");
	near("28.12", DATE_YEAR_LAST, "2027-01-04", "2026-12-28");
	near("3-1", DATE_YEAR_LAST, "2027-01-04", "2027-01-03");
	/* A year given is taken as written, whatever the rule. */
	near("1-12-2026", DATE_YEAR_LAST, "2026-11-22", "2026-12-01");
	near("1-1-2020", DATE_YEAR_NEXT, "2026-11-22", "2020-01-01");
	/* Days that do not exist in the year chosen. */
	near("29-2", DATE_YEAR_THIS, "2026-11-22", "refused");
	near("29-2", DATE_YEAR_THIS, "2028-03-01", "2028-02-29");
	near("29-2", DATE_YEAR_LAST, "2029-01-10", "2028-02-29");
	near("29-2", DATE_YEAR_LAST, "2027-01-10", "refused");
	near("29-2", DATE_YEAR_NEXT, "2027-03-01", "2028-02-29");
	near("31-4", DATE_YEAR_THIS, "2026-11-22", "refused");
	near("1-13", DATE_YEAR_THIS, "2026-11-22", "refused");
	near("1-12/", DATE_YEAR_THIS, "2026-11-22", "refused");
	near("1/12-2026", DATE_YEAR_THIS, "2026-11-22", "refused");
	near("112", DATE_YEAR_THIS, "2026-11-22", "refused");
	near("1.", DATE_YEAR_THIS, "2026-11-22", "refused");

	TAP_CHECK(date_year_left_out("1.12") && date_year_left_out("01/12") && !date_year_left_out("1-12-2026")
			  && !date_year_left_out("2026-12-01") && !date_year_left_out("i morgen"),
		  "a day and month without a year is told apart");

	char why[200];
	date_problem("1-12", DATE_YEAR_WRITTEN, why, sizeof why);
	TAP_STR_EQ(why, "'1-12' mangler året. Skriv hele datoen, fx 26-11-2026.", "no year where it must be written");
	date_problem("29-2", DATE_YEAR_THIS, why, sizeof why);
	TAP_STR_EQ(why, "'29-2' findes ikke i kalenderen. Tjek dag og måned.", "a day that does not exist");
	date_problem("i morgen", DATE_YEAR_THIS, why, sizeof why);
	TAP_STR_EQ(why, "'i morgen' er ikke en gyldig dato. Skriv den som dag-måned, fx 26-11, eller med år: 26-11-2026.",
		   "words, where day-month would do");
	date_problem("i morgen", DATE_YEAR_WRITTEN, why, sizeof why);
	TAP_STR_EQ(why, "'i morgen' er ikke en gyldig dato. Skriv den som dag-måned-år, fx 26-11-2026.",
		   "words, where the year is needed");
}

int main(void)
{
	setenv("BROBYGGER_TODAY", "2026-11-22", 1);
	setenv("LANGUAGE", "da", 1);
	i18n_init();

	parses("22-11-2026", 2026, 11, 22);
	parses("22/11/2026", 2026, 11, 22);
	parses("22.11.2026", 2026, 11, 22);
	parses("2-3-2026", 2026, 3, 2);
	parses("22112026", 2026, 11, 22);
	parses("2026-11-22", 2026, 11, 22);
	parses(" 26-11-26 ", 2026, 11, 26);
	parses("01-01-45", 1945, 1, 1);
	parses("29-02-2024", 2024, 2, 29);
	rejects("29-02-2026");
	rejects("31-04-2026");
	rejects("32-01-2026");
	rejects("00-01-2026");
	rejects("22-13-2026");
	rejects("22-11");
	rejects("22-11/2026");
	rejects("i morgen");
	rejects("");
	rejects("2026-02-30");
	rejects("1/12");
	rejects("1.12");
	rejects("22-11-2026x");

	test_no_year();

	struct date d = { 2026, 11, 26 };
	TAP_INT_EQ(date_weekday(d), 4, "26-11-2026 is a Thursday");
	TAP_INT_EQ(date_weekday((struct date){ 2026, 11, 23 }), 1, "23-11-2026 is a Monday");
	TAP_INT_EQ(date_weekday((struct date){ 1970, 1, 1 }), 4, "1970-01-01 was a Thursday");
	TAP_INT_EQ(date_iso_week(d), 48, "26-11-2026 is in week 48");
	TAP_INT_EQ(date_iso_week((struct date){ 2027, 1, 1 }), 53, "1 January 2027 is in week 53 of 2026");
	TAP_INT_EQ(date_iso_week((struct date){ 2024, 12, 30 }), 1, "30 December 2024 is in week 1 of 2025");

	struct date next = date_add_days((struct date){ 2024, 2, 28 }, 1);
	TAP_CHECK(next.month == 2 && next.day == 29, "leap day follows 28 February 2024");
	next = date_add_days((struct date){ 2026, 12, 31 }, 1);
	TAP_CHECK(next.year == 2027 && next.month == 1 && next.day == 1, "new year follows 31 December");
	TAP_INT_EQ(date_to_days(date_from_days(20000)), 20000, "days round-trip");

	char buf[64];
	date_format_dk(d, buf, sizeof buf);
	TAP_STR_EQ(buf, "26-11-2026", "Danish numeric form");
	date_format_iso(d, buf);
	TAP_STR_EQ(buf, "2026-11-26", "ISO form for storage");
	date_format_short(d, buf, sizeof buf);
	TAP_STR_EQ(buf, "tors 26. nov", "short Danish form");
	date_format_long((struct date){ 2026, 5, 4 }, buf, sizeof buf);
	TAP_STR_EQ(buf, "mandag 4. maj 2026", "long Danish form");
	date_format_short((struct date){ 2026, 5, 9 }, buf, sizeof buf);
	TAP_STR_EQ(buf, "lør 9. maj", "Saturday with ø");
	char t[DATE_TIME_LEN];
	static const char *const times[][2] = { { "18:30", "18:30" }, { "9.30", "09:30" }, { "1830", "18:30" },
						{ "14", "14:00" }, { "9", "09:00" } };
	for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
		strcpy(t, "?");
		date_parse_time(times[i][0], t);
		TAP_STR_EQ(t, times[i][1], "the time '%s'", times[i][0]);
	}
	TAP_CHECK(!date_parse_time("24", t) && !date_parse_time("14:", t) && !date_parse_time("12345", t),
		  "no hour 24, no hour with a colon and nothing after, no five digits");
	date_format_near((struct date){ 2026, 12, 10 }, (struct date){ 2026, 12, 4 }, buf, sizeof buf);
	TAP_STR_EQ(buf, "tors 10. dec", "a day near: no year");
	date_format_near((struct date){ 2027, 12, 3 }, (struct date){ 2026, 12, 4 }, buf, sizeof buf);
	TAP_STR_EQ(buf, "fre 3. dec 2027", "a day a year away: with its year");

	struct date today = date_today();
	TAP_CHECK(today.year == 2026 && today.month == 11 && today.day == 22,
		  "BROBYGGER_TODAY fixes the clock");
	char stamp[20];
	date_now_stamp(stamp);
	TAP_STR_EQ(stamp, "2026-11-22 12:00:00", "at noon");
	setenv("BROBYGGER_TODAY", "2026-11-26 19:30", 1);
	date_now_stamp(stamp);
	today = date_today();
	TAP_STR_EQ(stamp, "2026-11-26 19:30:00", "a time of day fixes the hour too");
	TAP_CHECK(today.day == 26, "and the day is that day");
	setenv("BROBYGGER_TODAY", "2026-11-26T07:05", 1);
	date_now_stamp(stamp);
	TAP_STR_EQ(stamp, "2026-11-26 07:05:00", "ISO's T works too (one word for a test script)");
	return tap_done();
}
