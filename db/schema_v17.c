/* schema_v17.c — migration 17: the centre a row belongs to, and a
 * citizen's consent to be shared with a named partner (issue 16).
 *
 * A SQLite file is one centre, 'lokal', so here the column only says so;
 * it is there so that a file and a server database have the same rows
 * (migrate-to, the stores' SQL). On a server several centres share the
 * tables, each connecting as its own database role: there `centre` is
 * the role's name and row-level security keeps each centre to its own
 * rows (schema_pg.c). Lookup lists (interests, barriers, codes, the
 * measures' questions) are the same for every centre and have none.
 *
 * `centres` names the centres that share the database, so a citizen's
 * card can offer them as partners; a share is a consent, given and
 * withdrawn on a day by the person at the desk, kept for the record. */
#include "migrate.h"

#define CENTRE(table) "ALTER TABLE " table " ADD COLUMN centre TEXT NOT NULL DEFAULT 'lokal';"

const char schema_v17[] =
	"CREATE TABLE centres ("
	"  code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 63),"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120)"
	") WITHOUT ROWID;"
	"INSERT INTO centres(code, name) VALUES ('lokal',"
	"  COALESCE((SELECT value FROM settings WHERE key = 'centre_name' AND value <> ''), 'Centret'));"
	CENTRE("citizens") CENTRE("assessments") CENTRE("attendance") CENTRE("call_escalations")
	CENTRE("citizen_availability") CENTRE("citizen_barriers") CENTRE("citizen_interests")
	CENTRE("consents") CENTRE("course_events") CENTRE("drafts") CENTRE("enrolments")
	CENTRE("follow_ups") CENTRE("matches") CENTRE("measures") CENTRE("measure_answers")
	CENTRE("notes") CENTRE("referrals") CENTRE("referrer_feedback") CENTRE("relatives")
	CENTRE("activities") CENTRE("activity_interests") CENTRE("sessions") CENTRE("session_helpers")
	CENTRE("volunteers") CENTRE("volunteer_areas") CENTRE("volunteer_availability")
	CENTRE("volunteer_courses") CENTRE("volunteer_interests") CENTRE("volunteer_languages")
	CENTRE("volunteer_roles") CENTRE("users") CENTRE("audit_log") CENTRE("settings")
	/* Each centre its own settings on a server: the stores write them
	 * ON CONFLICT(centre, key). */
	"CREATE UNIQUE INDEX settings_centre ON settings(centre, key);"
	"CREATE TABLE citizen_shares ("
	"  id           INTEGER PRIMARY KEY,"
	"  citizen_id   INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  partner      TEXT NOT NULL REFERENCES centres(code),"
	"  given_on     TEXT NOT NULL CHECK (given_on IS date(julianday(given_on))),"
	"  recorded_by  INTEGER REFERENCES users(id),"
	"  withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR withdrawn_on IS date(julianday(withdrawn_on))),"
	"  withdrawn_by INTEGER REFERENCES users(id),"
	"  centre       TEXT NOT NULL DEFAULT 'lokal'"
	");"
	"CREATE INDEX citizen_shares_citizen ON citizen_shares(citizen_id, partner);"
	"CREATE INDEX citizen_shares_partner ON citizen_shares(partner, citizen_id) WHERE withdrawn_on IS NULL;";
