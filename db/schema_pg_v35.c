/* schema_pg_v35.c — migration 35 on PostgreSQL (SQLite: schema_v35.c):
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
	"ALTER TABLE sessions NO FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE activities NO FORCE ROW LEVEL SECURITY;"
	"UPDATE sessions AS s SET week_time = COALESCE(s.start_time, a.start_time, '99:99'),"
	" week_sort = COALESCE(a.sort_key, '') FROM activities AS a WHERE a.id = s.activity_id;"
	"ALTER TABLE sessions FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE activities FORCE ROW LEVEL SECURITY;"
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
