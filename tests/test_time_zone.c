/* The centre's time zone (issue 14): a setting, not the PC's zone, decides
 * "today" and the times shown. The PC here is on UTC (TZ=UTC, as in every
 * test); the centre is put fourteen hours east, then twelve west, and the
 * program's today and clock follow the centre, whatever the hour now. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "desk.h"
#include "settings.h"
#include "tap.h"
#include "testdb.h"

/* The date and hour `hours` east of UTC at `now`. */
static void utc_plus(time_t now, int hours, struct date *d, int *hour)
{
	time_t t = now + (time_t)hours * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
	*hour = tm.tm_hour;
}

static bool same_day(struct date a, struct date b)
{
	return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* Today and the clock as the program has them, against the zone's own;
 * read twice in case the hour turned in between. */
static void check_clock(int hours, const char *what)
{
	bool ok = false;
	for (int attempt = 0; attempt < 2 && !ok; attempt++) {
		time_t now = time(NULL);
		struct date want;
		int hour;
		utc_plus(now, hours, &want, &hour);
		char stamp[20];
		date_now_stamp(stamp);
		ok = same_day(date_today(), want) && atoi(stamp + 11) == hour;
	}
	TAP_CHECK(ok, "%s", what);
}

int main(void)
{
	if (!testdb_start("tz"))
		return 1;
	/* The real clock: no test date. */
	unsetenv("BROBYGGER_TODAY");
	setenv("TZ", "UTC", 1);

	TAP_CHECK(settings_time_zone_ok("Europe/Copenhagen"), "Europe/Copenhagen is a time zone");
	TAP_CHECK(settings_time_zone_ok("America/Nuuk"), "so is America/Nuuk");
	TAP_CHECK(settings_time_zone_ok("UTC"), "and UTC");
	TAP_CHECK(settings_time_zone_ok(""), "empty means the default");
	TAP_CHECK(!settings_time_zone_ok("Mars/Olympus_Mons"), "a zone nobody knows is refused");
	TAP_CHECK(!settings_time_zone_ok("Europe"), "a folder of zones is not one");
	TAP_CHECK(!settings_time_zone_ok("../../../etc/passwd"), "no way out of the tz database");
	TAP_CHECK(!settings_time_zone_ok("/etc/localtime"), "no absolute paths");

	char path[256];
	testdb_path(path, sizeof path, "tz.db");
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a new database");
	struct desk d = desk_command_line(db);

	settings_apply_time_zone(&d);
	const char *tz = getenv("TZ");
	TAP_STR_EQ(tz, "Europe/Copenhagen", "without a setting the centre is in Copenhagen, not on the PC's UTC");

	struct centre_settings cs;
	TAP_INT_EQ(settings_read(&d, &cs), DB_OK, "the settings are read");
	TAP_STR_EQ(cs.time_zone, "Europe/Copenhagen", "the default is shown in the settings");
	snprintf(cs.centre_name, sizeof cs.centre_name, "Frivilligcenter Ude");
	snprintf(cs.time_zone, sizeof cs.time_zone, "Etc/GMT-14");
	TAP_INT_EQ(settings_save(&d, &cs), DB_OK, "a centre fourteen hours east of UTC");
	check_clock(14, "today and the clock are the centre's at once after saving");

	setenv("TZ", "UTC", 1); /* the next start, on the same UTC PC */
	tzset();
	settings_apply_time_zone(&d);
	check_clock(14, "... and after a new start");

	snprintf(cs.time_zone, sizeof cs.time_zone, "Etc/GMT+12");
	TAP_INT_EQ(settings_save(&d, &cs), DB_OK, "moved twelve hours west of UTC");
	check_clock(-12, "a day and two hours earlier than just before");
	TAP_INT_EQ(settings_read(&d, &cs), DB_OK, "read again");
	TAP_STR_EQ(cs.time_zone, "Etc/GMT+12", "the zone is kept");

	snprintf(cs.time_zone, sizeof cs.time_zone, "Mars/Olympus_Mons");
	TAP_INT_EQ(settings_save(&d, &cs), DB_ERR_INVALID, "an unknown zone is not saved");
	TAP_INT_EQ(settings_read(&d, &cs), DB_OK, "read again");
	TAP_STR_EQ(cs.time_zone, "Etc/GMT+12", "the zone before it stays");

	/* Without the tz database, Copenhagen still has its own rule. */
	setenv("TZDIR", "/nonexistent", 1);
	settings_use_time_zone("Europe/Copenhagen");
	time_t summer = 1782986400; /* 2026-07-02 10:00 UTC */
	struct tm tm;
	localtime_r(&summer, &tm);
	TAP_INT_EQ(tm.tm_hour, 12, "summer time in Copenhagen without tzdata: 10 UTC is 12");
	time_t winter = 1795428000; /* 2026-11-23 10:00 UTC */
	localtime_r(&winter, &tm);
	TAP_INT_EQ(tm.tm_hour, 11, "winter time: 10 UTC is 11");
	unsetenv("TZDIR");

	db_close(db);
	testdb_finish();
	return tap_done();
}
