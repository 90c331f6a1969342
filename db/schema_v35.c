/* schema_v35.c — migration 35: each session keeps the two things the
 * attendance week puts a day in order by, its start time ('99:99' for
 * none; its activity's when it has none of its own) and its activity's
 * sort key, in an index by date; the weekly slots are found in the same
 * order from an index of the active activities by weekday (issue 15).
 * A day read every one of its sessions (300 at the demo's centre of
 * 300 000 citizens) to put them in order; a page now reads its own rows.
 *
 * Triggers keep the copies, whoever writes: a session's own start time
 * or activity changed, or its activity's start time or name (sort key).
 * PostgreSQL's: schema_pg_v35.c. */
#include "migrate.h"

/* The order of session `id`, from its own row and its activity's. */
#define WEEK_ORDER(id)                                                                              \
	"UPDATE sessions SET week_time = COALESCE(start_time, (SELECT a.start_time FROM activities"    \
	" AS a WHERE a.id = sessions.activity_id), '99:99'), week_sort = COALESCE((SELECT a.sort_key" \
	" FROM activities AS a WHERE a.id = sessions.activity_id), '') WHERE id = " id ";"

const char schema_v35[] =
	"ALTER TABLE sessions ADD COLUMN week_time TEXT;"
	"ALTER TABLE sessions ADD COLUMN week_sort TEXT;"
	"UPDATE sessions SET week_time = COALESCE(start_time, (SELECT a.start_time FROM activities AS a"
	" WHERE a.id = sessions.activity_id), '99:99'), week_sort = COALESCE((SELECT a.sort_key"
	" FROM activities AS a WHERE a.id = sessions.activity_id), '');"
	"CREATE INDEX sessions_week ON sessions(date, week_time, week_sort, activity_id);"
	"CREATE TRIGGER sessions_week_insert AFTER INSERT ON sessions BEGIN " WEEK_ORDER("NEW.id") " END;"
	"CREATE TRIGGER sessions_week_update AFTER UPDATE OF activity_id, start_time ON sessions"
	" BEGIN " WEEK_ORDER("NEW.id") " END;"
	"CREATE TRIGGER activities_week_order AFTER UPDATE OF start_time, sort_key ON activities"
	" WHEN NEW.start_time IS NOT OLD.start_time OR NEW.sort_key IS NOT OLD.sort_key BEGIN"
	" UPDATE sessions SET week_time = COALESCE(start_time, NEW.start_time, '99:99'),"
	" week_sort = COALESCE(NEW.sort_key, '') WHERE activity_id = NEW.id; END;"
	/* What the week read of each session's activity (migration 33), and
	 * the weekday's active activities by id (29): the slots are read in
	 * the week's order from the index alone (SQLite reads an index of
	 * expressions alone only when it holds the columns too). */
	"DROP INDEX activities_week;"
	"DROP INDEX activities_weekday;"
	"CREATE INDEX activities_slot ON activities(weekday, status, COALESCE(start_time, '99:99'),"
	" COALESCE(sort_key, ''), id, created_at, start_time, sort_key);"
	/* Who is on a session's roll, counted for each session a page of the
	 * week shows and listed by the roll, from the index alone: a page read
	 * each of its sessions' enrolments' rows (some 500, 2 ms at 300 000). */
	"DROP INDEX enrolments_activity_end;"
	"CREATE INDEX enrolments_activity_end ON enrolments(activity_id, ended_on, enrolled_on, citizen_id);";
