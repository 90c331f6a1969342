/* schema_v6.c — migration 6: a course's ends and reopenings as events.
 * citizens.ended_on only holds the current state, so reopening a course
 * used to wipe its end from the timeline; the history is kept here, by
 * triggers, whoever writes the citizen. */
#include "migrate.h"

const char schema_v6[] =
	"CREATE TABLE course_events ("
	"  id          INTEGER PRIMARY KEY,"
	"  citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  happened_on TEXT NOT NULL CHECK (happened_on IS date(julianday(happened_on))),"
	"  kind        TEXT NOT NULL CHECK (kind IN ('ended','reopened')),"
	"  reason      TEXT"
	");"
	"CREATE INDEX course_events_citizen ON course_events(citizen_id);"
	"CREATE TRIGGER citizens_course_insert AFTER INSERT ON citizens WHEN NEW.status = 'ended' BEGIN"
	"  INSERT INTO course_events(citizen_id, happened_on, kind, reason)"
	"  VALUES (NEW.id, NEW.ended_on, 'ended', NEW.end_reason);"
	"END;"
	"CREATE TRIGGER citizens_course_update AFTER UPDATE OF status ON citizens"
	"  WHEN NEW.status IS NOT OLD.status BEGIN"
	"  INSERT INTO course_events(citizen_id, happened_on, kind, reason)"
	"  VALUES (NEW.id, CASE NEW.status WHEN 'ended' THEN NEW.ended_on ELSE date(bb_now()) END,"
	"          CASE NEW.status WHEN 'ended' THEN 'ended' ELSE 'reopened' END,"
	"          CASE NEW.status WHEN 'ended' THEN NEW.end_reason END);"
	"END;"
	"INSERT INTO course_events(citizen_id, happened_on, kind, reason)"
	"  SELECT id, ended_on, 'ended', end_reason FROM citizens WHERE status = 'ended';";
