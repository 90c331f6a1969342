/* schema_pg_v32.c — migrations 32 and 34 on PostgreSQL (SQLite:
 * schema_v32.c, schema_v34.c): a volunteer's open matches and an
 * activity's enrolments kept on their rows by triggers, and a match that
 * ends with its citizen's course ("course_ended").
 *
 * Migration 32 counts the rows it sees, its own centre's (row-level
 * security); another centre's stay NULL, which the matching pool counts
 * itself, until a match or an enrolment of theirs counts them. */
#include "migrate.h"
#include "schema_pg.h"

const char schema_pg_v32[] =
	"ALTER TABLE volunteers ADD COLUMN open_matches bigint;"
	"ALTER TABLE activities ADD COLUMN enrolled bigint;"
	"CREATE FUNCTION bb_load_volunteer(vid bigint) RETURNS void LANGUAGE plpgsql AS $$"
	"BEGIN UPDATE volunteers SET open_matches = (SELECT count(*) FROM matches"
	" WHERE volunteer_id = vid AND ended_on IS NULL) WHERE id = vid; END $$;"
	"CREATE FUNCTION bb_load_activity(aid bigint) RETURNS void LANGUAGE plpgsql AS $$"
	"BEGIN UPDATE activities SET enrolled = (SELECT count(*) FROM enrolments"
	" WHERE activity_id = aid AND ended_on IS NULL) WHERE id = aid; END $$;"
	"CREATE FUNCTION bb_load_match() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN"
	" IF TG_OP <> 'INSERT' AND OLD.volunteer_id IS NOT NULL THEN PERFORM bb_load_volunteer(OLD.volunteer_id); END IF;"
	" IF TG_OP <> 'DELETE' AND NEW.volunteer_id IS NOT NULL THEN PERFORM bb_load_volunteer(NEW.volunteer_id); END IF;"
	" RETURN NULL; END $$;"
	"CREATE FUNCTION bb_load_enrolment() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN"
	" IF TG_OP <> 'INSERT' THEN PERFORM bb_load_activity(OLD.activity_id); END IF;"
	" IF TG_OP <> 'DELETE' THEN PERFORM bb_load_activity(NEW.activity_id); END IF;"
	" RETURN NULL; END $$;"
	ROW_TRIGGER("load_match_insert", "INSERT", "matches", "bb_load_match")
	"CREATE TRIGGER load_match_update AFTER UPDATE OF volunteer_id, ended_on ON matches FOR EACH ROW"
	" WHEN (NEW.volunteer_id IS DISTINCT FROM OLD.volunteer_id OR (NEW.ended_on IS NULL) <> (OLD.ended_on IS NULL))"
	" EXECUTE FUNCTION bb_load_match();"
	ROW_TRIGGER("load_match_delete", "DELETE", "matches", "bb_load_match")
	ROW_TRIGGER("load_enrolment_insert", "INSERT", "enrolments", "bb_load_enrolment")
	"CREATE TRIGGER load_enrolment_update AFTER UPDATE OF activity_id, ended_on ON enrolments FOR EACH ROW"
	" WHEN (NEW.activity_id IS DISTINCT FROM OLD.activity_id OR (NEW.ended_on IS NULL) <> (OLD.ended_on IS NULL))"
	" EXECUTE FUNCTION bb_load_enrolment();"
	ROW_TRIGGER("load_enrolment_delete", "DELETE", "enrolments", "bb_load_enrolment")
	"SELECT bb_load_volunteer(id) FROM volunteers;"
	"SELECT bb_load_activity(id) FROM activities;"
	/* A new row has none; set after the count, so the other centres'
	 * rows stay NULL, not a wrong 0. */
	"ALTER TABLE volunteers ALTER COLUMN open_matches SET DEFAULT 0;"
	"ALTER TABLE activities ALTER COLUMN enrolled SET DEFAULT 0;"
	"CREATE INDEX volunteers_pool ON volunteers(status NULLS FIRST, capacity NULLS FIRST, open_matches NULLS FIRST);"
	"CREATE INDEX activities_pool ON activities(status NULLS FIRST, capacity NULLS FIRST, enrolled NULLS FIRST);";

const char schema_pg_v34[] =
	"ALTER TABLE matches DROP CONSTRAINT matches_outcome_check;"
	"ALTER TABLE matches ADD CONSTRAINT matches_outcome_check CHECK (outcome IS NULL"
	" OR outcome IN ('on_own','moved_activity','did_not_work','declined','course_ended'));";
