/* desk.c — the role check, the transaction and the audit record every use
 * case shares. */
#include "desk.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "store_centres.h"
#include "store_settings.h"

struct desk desk_command_line(struct db *db)
{
	return (struct desk){ .db = db, .role = ROLE_COORDINATOR, .command_line = true };
}

enum db_status desk_allow(const struct desk *d, enum role role)
{
	if (d->command_line || !d->users_exist)
		return DB_OK;
	if (!d->user)
		return DB_ERR_FORBIDDEN;
	return d->role >= role ? DB_OK : DB_ERR_FORBIDDEN;
}

bool desk_is_coordinator(const struct desk *d)
{
	return desk_allow(d, ROLE_COORDINATOR) == DB_OK;
}

/* A damaged database takes no write at all. */
static enum db_status may_write(const struct desk *d, enum role role)
{
	enum db_status r = desk_allow(d, role);
	return r == DB_OK && d->damaged ? DB_ERR_CORRUPT : r;
}

enum db_status desk_begin(struct desk *d, enum role role)
{
	enum db_status r = may_write(d, role);
	return r != DB_OK ? r : db_begin(d->db);
}

enum db_status desk_begin_read(struct desk *d, enum role role)
{
	enum db_status r = desk_allow(d, role);
	return r != DB_OK ? r : db_begin_read(d->db);
}

enum db_status desk_end(struct desk *d, enum db_status r)
{
	r = db_end(d->db, r);
	if (r == DB_ERR_CORRUPT)
		desk_damaged(d);
	return r;
}

enum db_status desk_begin_rehearsal(struct desk *d, enum role role)
{
	enum db_status r = may_write(d, role);
	return r != DB_OK ? r : db_begin_rehearsal(d->db);
}

enum db_status desk_end_undone(struct desk *d, enum db_status r)
{
	enum db_status inside = db_end_undone(d->db);
	r = r != DB_OK ? r : inside;
	if (r == DB_ERR_CORRUPT)
		desk_damaged(d);
	return r;
}

void desk_damaged(struct desk *d)
{
	if (d->damaged)
		return;
	d->damaged = true;
	/* A second line of defence below the use cases: the database itself
	 * now refuses every write on this connection. */
	db_refuse_writes(d->db);
}

bool desk_others_changed(struct desk *d)
{
	long long v = 0;
	if (db_data_version(d->db, &v) != DB_OK || v == d->others_version)
		return false;
	bool first = d->others_version == 0;
	d->others_version = v;
	return !first;
}

bool desk_idle(struct desk *d)
{
	bool more = false;
	db_idle_piece(d->db, &more);
	return more;
}

const char *desk_centre(struct desk *d)
{
	if (!d->centre[0] && store_centres_mine(d->db, d->centre) != DB_OK)
		d->centre[0] = '\0';
	return d->centre;
}

static enum db_status citizen_for(struct desk *d, long long citizen_id, bool own)
{
	const char *mine = desk_centre(d);
	char owner[CENTRE_CODE];
	bool visible;
	enum db_status r = store_centres_citizen(d->db, citizen_id, mine, owner, &visible);
	if (r == DB_OK && !(own ? strcmp(owner, mine) == 0 : visible))
		r = DB_ERR_NOTFOUND;
	return r;
}

enum db_status desk_sees_citizen(struct desk *d, long long citizen_id)
{
	return citizen_for(d, citizen_id, false);
}

enum db_status desk_owns_citizen(struct desk *d, long long citizen_id)
{
	return citizen_for(d, citizen_id, true);
}

static long long (*clock_fn)(void);

long long desk_seconds(void)
{
	return clock_fn ? clock_fn() : (long long)time(NULL);
}

void desk_set_clock(long long (*seconds)(void))
{
	clock_fn = seconds;
}

/* The audit log proves who did what when: it always takes the wall
 * clock, which the test clock (BROBYGGER_TODAY) cannot move. */
static void wall_clock(char out[20])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

enum db_status desk_audit(struct desk *d, const char *action, const char *entity, long long entity_id,
			  const char *detail)
{
	char at[20];
	wall_clock(at);
	return store_audit_record(d->db, d->user, at, action, entity, entity_id, detail);
}
