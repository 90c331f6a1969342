/* settings.h — the centre's own settings: its name, the idle lock, the
 * no-contact rule's weeks and daily quota, and its time zone. Reading is
 * for everyone (the home screen shows the name, the lock needs its
 * minutes); editing is the coordinator's. */
#ifndef BB_SETTINGS_H
#define BB_SETTINGS_H

#include "desk.h"
#include "model_users.h"

/* Values missing or out of range read as their defaults
 * (model_limits.h). */
enum db_status settings_read(struct desk *d, struct centre_settings *out);
/* The same, for the coordinator's settings form (DB_ERR_FORBIDDEN for
 * anyone else). */
enum db_status settings_for_edit(struct desk *d, struct centre_settings *out);
/* Saves all of them in one transaction, audited; DB_ERR_INVALID (nothing
 * written) when one is out of range or the name is empty. */
enum db_status settings_save(struct desk *d, const struct centre_settings *in);
/* Names the centre, e.g. for demo data (command line). */
enum db_status settings_name_centre(struct desk *d, const char *name);

/* A stored setting as a number within [min, max], else the fallback. */
int settings_number(const char *text, int fallback, int min, int max);

/* The centre's time zone, not the PC's, for "today" and every time shown
 * or stored: a PC set to UTC would otherwise start a Danish centre's day
 * an hour or two late. The zone is the process's (TZ), so the C library
 * and SQLite's 'localtime' agree with the program.
 *
 * Whether a time zone can be saved: a name the tz database knows, e.g.
 * Europe/Copenhagen or UTC; empty means the default, Europe/Copenhagen. */
bool settings_time_zone_ok(const char *zone);
/* Uses the zone from now on; NULL or "" for the default. The default
 * works without the tz database (Debian's tzdata) too. */
void settings_use_time_zone(const char *zone);
/* Reads the centre's zone and uses it (at start, before anyone signs in). */
enum db_status settings_apply_time_zone(struct desk *d);

#endif
