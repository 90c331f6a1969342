/* schema_pg_v35.c — migrations 35 and 36 on PostgreSQL (SQLite:
 * schema_v35.c; 36 is PostgreSQL's alone). Migration 35:
 * each session keeps its start time and its activity's sort key, what
 * the attendance week puts a day in order by, in an index by date; the
 * weekly slots are read in that order from the active activities by
 * weekday.
 *
 * A session's copies are set before it is written; its activity's
 * change writes them to its sessions. The sessions there are now are
 * filled with the tables' row-level security lifted for this
 * transaction (the migrating role owns the tables; FORCE holds it to its
 * own centre's rows, migration 17), so every centre's week is in order
 * at once, not after one of its own writes. */
#include "migrate.h"
#include "schema_pg.h"

/* The tables' forced row-level security lifted for the migration's own
 * transaction (the migrating role owns the tables, migration 17), so
 * that it fills every centre's rows, and put back. */
#define NO_FORCE(t) "ALTER TABLE " t " NO FORCE ROW LEVEL SECURITY;"
#define FORCE(t) "ALTER TABLE " t " FORCE ROW LEVEL SECURITY;"

const char schema_pg_v35[] =
	"ALTER TABLE sessions ADD COLUMN week_time " T ";"
	"ALTER TABLE sessions ADD COLUMN week_sort " T ";"
	"CREATE FUNCTION bb_session_week() RETURNS trigger LANGUAGE plpgsql AS $$"
	"DECLARE t text; k text;"
	"BEGIN"
	" SELECT a.start_time, a.sort_key INTO t, k FROM activities AS a WHERE a.id = NEW.activity_id;"
	" NEW.week_time := COALESCE(NEW.start_time, t, '99:99');"
	" NEW.week_sort := COALESCE(k, '');"
	" RETURN NEW; END $$;"
	"CREATE TRIGGER sessions_week BEFORE INSERT OR UPDATE OF activity_id, start_time ON sessions"
	" FOR EACH ROW EXECUTE FUNCTION bb_session_week();"
	"CREATE FUNCTION bb_activity_week() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN"
	" UPDATE sessions SET week_time = COALESCE(start_time, NEW.start_time, '99:99'),"
	"  week_sort = COALESCE(NEW.sort_key, '') WHERE activity_id = NEW.id;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER activities_week_order AFTER UPDATE OF start_time, sort_key ON activities FOR EACH ROW"
	" WHEN (NEW.start_time IS DISTINCT FROM OLD.start_time OR NEW.sort_key IS DISTINCT FROM OLD.sort_key)"
	" EXECUTE FUNCTION bb_activity_week();"
	NO_FORCE("sessions") NO_FORCE("activities")
	"UPDATE sessions AS s SET week_time = COALESCE(s.start_time, a.start_time, '99:99'),"
	" week_sort = COALESCE(a.sort_key, '') FROM activities AS a WHERE a.id = s.activity_id;"
	FORCE("sessions") FORCE("activities")
	"CREATE INDEX sessions_week ON sessions(date NULLS FIRST, week_time NULLS FIRST, week_sort NULLS FIRST,"
	" activity_id NULLS FIRST);"
	"DROP INDEX activities_week;"
	"DROP INDEX activities_weekday;"
	"CREATE INDEX activities_slot ON activities(weekday NULLS FIRST, status NULLS FIRST,"
	" (COALESCE(start_time, '99:99')) NULLS FIRST, (COALESCE(sort_key, '')) NULLS FIRST, id, created_at NULLS FIRST,"
	" start_time NULLS FIRST, sort_key NULLS FIRST);"
	"DROP INDEX enrolments_activity_end;"
	"CREATE INDEX enrolments_activity_end ON enrolments(activity_id NULLS FIRST, ended_on NULLS FIRST,"
	" enrolled_on NULLS FIRST, citizen_id NULLS FIRST);";

#define RETENTION_TABLES(f) f("citizens") f("enrolments") f("attendance") f("sessions") f("assessments") \
	f("matches") f("referrals") f("volunteers") f("activities")

/* Migration 36: what migrations 21 and 32 counted for the migrating
 * centre alone, counted for the others' rows too. Each of those stayed
 * NULL until one of its centre's writes counted it: the day the
 * retention rule counts from (NULL is "the rule cannot act", so their
 * citizens were never forgotten on time) and a volunteer's or an
 * activity's load. A row already counted is left. (The matching pool on a
 * server counts the loads itself: a partner centre that ends a shared
 * citizen's match cannot see another centre's volunteer to count it.) */
const char schema_pg_v36[] = RETENTION_TABLES(NO_FORCE)
	"SELECT bb_retention_refresh(id) FROM citizens WHERE retention_from IS NULL;"
	"SELECT bb_load_volunteer(id) FROM volunteers WHERE open_matches IS NULL;"
	"SELECT bb_load_activity(id) FROM activities WHERE enrolled IS NULL;"
	RETENTION_TABLES(FORCE);
