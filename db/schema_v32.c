/* schema_v32.c — migration 32: how many a volunteer supports now (open
 * matches) and how many an activity has enrolled, kept on their rows by
 * triggers, with an index that holds what the matching pool decides
 * from (issue 15). Opening the first citizen in matching counted every
 * open match and enrolment of the centre (20 000 and 29 000 at the
 * demo's centre of 300 000 citizens) and read each volunteer's whole
 * row for three columns.
 *
 * Each trigger counts again rather than adding one, so a count cannot
 * drift. A new row has none; every row there is now is counted here.
 * NULL is "not counted": the pool counts such a row itself (PostgreSQL's
 * migration sees only its own centre's rows). PostgreSQL's:
 * schema_pg_v32.c. */
#include "migrate.h"

#define RECOUNT_VOLUNTEER(id)                                                                          \
	"UPDATE volunteers SET open_matches = (SELECT count(*) FROM matches WHERE volunteer_id = " id \
	" AND ended_on IS NULL) WHERE id = " id ";"
#define RECOUNT_ACTIVITY(id)                                                                          \
	"UPDATE activities SET enrolled = (SELECT count(*) FROM enrolments WHERE activity_id = " id \
	" AND ended_on IS NULL) WHERE id = " id ";"

const char schema_v32[] =
	"ALTER TABLE volunteers ADD COLUMN open_matches INTEGER DEFAULT 0;"
	"ALTER TABLE activities ADD COLUMN enrolled INTEGER DEFAULT 0;"
	"CREATE TRIGGER load_match_insert AFTER INSERT ON matches WHEN NEW.volunteer_id IS NOT NULL"
	" BEGIN " RECOUNT_VOLUNTEER("NEW.volunteer_id") " END;"
	"CREATE TRIGGER load_match_update AFTER UPDATE OF volunteer_id, ended_on ON matches"
	" WHEN NEW.volunteer_id IS NOT OLD.volunteer_id OR (NEW.ended_on IS NULL) <> (OLD.ended_on IS NULL)"
	" BEGIN " RECOUNT_VOLUNTEER("OLD.volunteer_id") RECOUNT_VOLUNTEER("NEW.volunteer_id") " END;"
	"CREATE TRIGGER load_match_delete AFTER DELETE ON matches WHEN OLD.volunteer_id IS NOT NULL"
	" BEGIN " RECOUNT_VOLUNTEER("OLD.volunteer_id") " END;"
	"CREATE TRIGGER load_enrolment_insert AFTER INSERT ON enrolments"
	" BEGIN " RECOUNT_ACTIVITY("NEW.activity_id") " END;"
	"CREATE TRIGGER load_enrolment_update AFTER UPDATE OF activity_id, ended_on ON enrolments"
	" WHEN NEW.activity_id IS NOT OLD.activity_id OR (NEW.ended_on IS NULL) <> (OLD.ended_on IS NULL)"
	" BEGIN " RECOUNT_ACTIVITY("OLD.activity_id") RECOUNT_ACTIVITY("NEW.activity_id") " END;"
	"CREATE TRIGGER load_enrolment_delete AFTER DELETE ON enrolments"
	" BEGIN " RECOUNT_ACTIVITY("OLD.activity_id") " END;"
	"UPDATE volunteers SET open_matches = (SELECT count(*) FROM matches AS m"
	" WHERE m.volunteer_id = volunteers.id AND m.ended_on IS NULL);"
	"UPDATE activities SET enrolled = (SELECT count(*) FROM enrolments AS e"
	" WHERE e.activity_id = activities.id AND e.ended_on IS NULL);"
	"CREATE INDEX volunteers_pool ON volunteers(status, capacity, open_matches);"
	"CREATE INDEX activities_pool ON activities(status, capacity, enrolled);";
