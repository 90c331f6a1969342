/* settings.c — the centre's settings (settings.h). */
#include "settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "db.h"
#include "store_centres.h"
#include "store_settings.h"

/* Keys of the settings table. */
#define KEY_CENTRE_NAME "centre_name"
#define KEY_IDLE_MINUTES "idle_lock_minutes"
#define KEY_NO_CONTACT_WEEKS "no_contact_weeks"
#define KEY_NO_CONTACT_PER_DAY "no_contact_per_day"
#define KEY_RETENTION_COURSE "retention_course_months"
#define KEY_RETENTION_REFERRAL "retention_referral_months"
#define KEY_RETENTION_AUDIT "retention_audit_months"
#define KEY_TIME_ZONE "time_zone"

/* Denmark's rule, for a PC without the tz database (Debian's tzdata). */
#define COPENHAGEN_RULE "CET-1CEST,M3.5.0,M10.5.0/3"

int settings_number(const char *text, int fallback, int min, int max)
{
	if (!text || !*text)
		return fallback;
	errno = 0;
	char *end;
	long v = strtol(text, &end, 10);
	if (errno || *end || end == text || v < min || v > max)
		return fallback;
	return (int)v;
}

static enum db_status read_number(struct desk *d, const char *key, int fallback, int min, int max, int *out)
{
	char v[SETTING_MAX];
	enum db_status r = store_settings_get(d->db, key, v, sizeof v);
	*out = settings_number(r == DB_OK ? v : "", fallback, min, max);
	return r;
}

/* The zone's file in the tz database, when the name is a plain relative
 * path there (no "..", nothing odd) and the file is a compiled zone. */
static bool zone_file(const char *zone, char *path, size_t size)
{
	size_t len = strlen(zone);
	if (!len || len > TIME_ZONE_CHARS || zone[0] == '/' || strstr(zone, ".."))
		return false;
	for (const char *p = zone; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')
		      || *p == '/' || *p == '_' || *p == '-' || *p == '+'))
			return false;
	const char *dir = getenv("TZDIR");
	if (snprintf(path, size, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone) >= (int)size)
		return false;
	struct stat sb;
	FILE *f = stat(path, &sb) == 0 && S_ISREG(sb.st_mode) ? fopen(path, "rb") : NULL;
	char magic[4] = { 0 };
	bool ok = f && fread(magic, 1, sizeof magic, f) == sizeof magic && memcmp(magic, "TZif", 4) == 0;
	if (f)
		fclose(f);
	return ok;
}

bool settings_time_zone_ok(const char *zone)
{
	char path[4096];
	return !zone[0] || strcmp(zone, TIME_ZONE_DEFAULT) == 0 || zone_file(zone, path, sizeof path);
}

void settings_use_time_zone(const char *zone)
{
	if (!zone || !zone[0])
		zone = TIME_ZONE_DEFAULT;
	char path[4096];
	if (zone_file(zone, path, sizeof path))
		setenv("TZ", zone, 1);
	else if (strcmp(zone, TIME_ZONE_DEFAULT) == 0)
		setenv("TZ", COPENHAGEN_RULE, 1);
	/* Else a zone this PC's tz database lacks: the PC's own stays. */
	tzset();
}

static void read_time_zone(struct desk *d, char *out, size_t size)
{
	if (store_settings_get(d->db, KEY_TIME_ZONE, out, size) != DB_OK || !out[0])
		snprintf(out, size, "%s", TIME_ZONE_DEFAULT);
}

enum db_status settings_apply_time_zone(struct desk *d)
{
	char zone[LIMIT_BYTES(TIME_ZONE_CHARS)];
	read_time_zone(d, zone, sizeof zone);
	settings_use_time_zone(zone);
	return DB_OK;
}

enum db_status settings_read(struct desk *d, struct centre_settings *out)
{
	enum db_status r = store_settings_get(d->db, KEY_CENTRE_NAME, out->centre_name, sizeof out->centre_name);
	/* A centre added to a server is named when it is added, before it
	 * has settings of its own. */
	if (r == DB_OK && !out->centre_name[0] && db_engine(d->db) == DB_ENGINE_POSTGRESQL) {
		struct centre all[CENTRES_MAX];
		int n = 0;
		r = store_centres_list(d->db, all, CENTRES_MAX, &n);
		for (int i = 0; i < n; i++)
			if (strcmp(all[i].code, desk_centre(d)) == 0)
				snprintf(out->centre_name, sizeof out->centre_name, "%s", all[i].name);
	}
	if (r == DB_OK)
		r = read_number(d, KEY_IDLE_MINUTES, IDLE_MINUTES_DEFAULT, IDLE_MINUTES_MIN, IDLE_MINUTES_MAX,
				&out->idle_lock_minutes);
	if (r == DB_OK)
		r = read_number(d, KEY_NO_CONTACT_WEEKS, NO_CONTACT_WEEKS_DEFAULT, NO_CONTACT_WEEKS_MIN,
				NO_CONTACT_WEEKS_MAX, &out->no_contact_weeks);
	if (r == DB_OK)
		r = read_number(d, KEY_NO_CONTACT_PER_DAY, NO_CONTACT_PER_DAY_DEFAULT, NO_CONTACT_PER_DAY_MIN,
				NO_CONTACT_PER_DAY_MAX, &out->no_contact_per_day);
	if (r == DB_OK)
		r = read_number(d, KEY_RETENTION_COURSE, RETENTION_COURSE_MONTHS_DEFAULT, RETENTION_MONTHS_MIN,
				RETENTION_MONTHS_MAX, &out->retention_course_months);
	if (r == DB_OK)
		r = read_number(d, KEY_RETENTION_REFERRAL, RETENTION_REFERRAL_MONTHS_DEFAULT, RETENTION_MONTHS_MIN,
				RETENTION_MONTHS_MAX, &out->retention_referral_months);
	if (r == DB_OK)
		r = read_number(d, KEY_RETENTION_AUDIT, RETENTION_AUDIT_MONTHS_DEFAULT, RETENTION_AUDIT_MONTHS_MIN,
				RETENTION_MONTHS_MAX, &out->retention_audit_months);
	if (r == DB_OK)
		read_time_zone(d, out->time_zone, sizeof out->time_zone);
	return r;
}

enum db_status settings_for_edit(struct desk *d, struct centre_settings *out)
{
	enum db_status r = desk_allow(d, ROLE_COORDINATOR);
	return r != DB_OK ? r : settings_read(d, out);
}

static bool in_range(int v, int min, int max)
{
	return v >= min && v <= max;
}

static enum db_status set_number(struct desk *d, const char *key, int value)
{
	char v[16];
	snprintf(v, sizeof v, "%d", value);
	return store_settings_set(d->db, key, v);
}

enum db_status settings_save(struct desk *d, const struct centre_settings *in)
{
	if (!in->centre_name[0] || !in_range(in->idle_lock_minutes, IDLE_MINUTES_MIN, IDLE_MINUTES_MAX)
	    || !in_range(in->no_contact_weeks, NO_CONTACT_WEEKS_MIN, NO_CONTACT_WEEKS_MAX)
	    || !in_range(in->no_contact_per_day, NO_CONTACT_PER_DAY_MIN, NO_CONTACT_PER_DAY_MAX)
	    || !in_range(in->retention_course_months, RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX)
	    || !in_range(in->retention_referral_months, RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX)
	    || !in_range(in->retention_audit_months, RETENTION_AUDIT_MONTHS_MIN, RETENTION_MONTHS_MAX)
	    || !settings_time_zone_ok(in->time_zone))
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	r = store_settings_set(d->db, KEY_CENTRE_NAME, in->centre_name);
	/* The name partners on the same server see when sharing a citizen. */
	if (r == DB_OK)
		r = store_centres_rename(d->db, desk_centre(d), in->centre_name);
	if (r == DB_OK)
		r = set_number(d, KEY_IDLE_MINUTES, in->idle_lock_minutes);
	if (r == DB_OK)
		r = set_number(d, KEY_NO_CONTACT_WEEKS, in->no_contact_weeks);
	if (r == DB_OK)
		r = set_number(d, KEY_NO_CONTACT_PER_DAY, in->no_contact_per_day);
	if (r == DB_OK)
		r = set_number(d, KEY_RETENTION_COURSE, in->retention_course_months);
	if (r == DB_OK)
		r = set_number(d, KEY_RETENTION_REFERRAL, in->retention_referral_months);
	if (r == DB_OK)
		r = set_number(d, KEY_RETENTION_AUDIT, in->retention_audit_months);
	if (r == DB_OK)
		r = store_settings_set(d->db, KEY_TIME_ZONE, in->time_zone);
	if (r == DB_OK)
		r = desk_audit(d, "update", "settings", 0, NULL);
	r = desk_end(d, r);
	/* The new zone counts from now on, for "today" too. */
	if (r == DB_OK)
		settings_use_time_zone(in->time_zone);
	return r;
}

enum db_status settings_name_centre(struct desk *d, const char *name)
{
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	r = store_settings_set(d->db, KEY_CENTRE_NAME, name);
	if (r == DB_OK)
		r = desk_audit(d, "update", "settings", 0, KEY_CENTRE_NAME);
	return desk_end(d, r);
}
