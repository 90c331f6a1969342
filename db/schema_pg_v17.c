/* schema_pg_v17.c — migration 17 on PostgreSQL (SQLite: schema_v17.c):
 * several centres on one server, each kept to its own rows. */
#include "migrate.h"
#include "schema_pg.h"

/* Migration 17 (SQLite: schema_v17.c): the centre a row belongs to, and
 * sharing a citizen with a partner. Several centres share the server's
 * tables, each connecting as its own role; a row's centre is the role
 * that wrote it (the column's default), and row-level security lets a
 * role see its own centre's rows, a citizen shared with it by consent,
 * and what anyone wrote about a citizen it may see. FORCE: the role that
 * owns the tables (the first centre, which runs the migrations) is held
 * to it too; only a superuser is not. The program checks the same in its
 * use cases (src/centres.h): this is the second line, for anything that
 * reaches the tables some other way. */
#define ME "current_user::text"
#define RLS(table) "ALTER TABLE " table " ENABLE ROW LEVEL SECURITY;" \
	"ALTER TABLE " table " FORCE ROW LEVEL SECURITY;"
#define CENTRE_COL(table) "ALTER TABLE " table " ADD COLUMN centre " T " NOT NULL DEFAULT " ME ";"
/* Rows of the centre alone. */
#define OWN(table) CENTRE_COL(table) RLS(table) \
	"CREATE POLICY centre ON " table " USING (centre = " ME ");"
/* Rows about a citizen: the writer's, or of a citizen this centre sees. */
#define ABOUT(table) CENTRE_COL(table) RLS(table) \
	"CREATE POLICY centre ON " table " USING (centre = " ME \
	" OR EXISTS (SELECT 1 FROM citizens AS c WHERE c.id = " table ".citizen_id));"
const char schema_pg_v17[] =
	"CREATE TABLE centres ("
	"  code " T " PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 63),"
	"  name " T " NOT NULL CHECK (length(name) BETWEEN 1 AND 120)"
	");"
	"INSERT INTO centres(code, name) VALUES (" ME ","
	"  COALESCE((SELECT value FROM settings WHERE key = 'centre_name' AND value <> ''), 'Centret'));"
	RLS("centres")
	"CREATE POLICY everyone_reads ON centres FOR SELECT USING (true);"
	"CREATE POLICY owner_adds ON centres FOR INSERT WITH CHECK (true);"
	"CREATE POLICY own_name ON centres FOR UPDATE USING (code = " ME ");"
	"CREATE TABLE citizen_shares ("
	"  id           bigint PRIMARY KEY,"
	"  citizen_id   bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  partner      " T " NOT NULL REFERENCES centres(code),"
	"  given_on     " T " NOT NULL CHECK (bb_iso_date(given_on)),"
	"  recorded_by  bigint REFERENCES users(id),"
	"  withdrawn_on " T " CHECK " ISO_DATE(withdrawn_on) ","
	"  withdrawn_by bigint REFERENCES users(id)"
	");"
	ID_TABLE("citizen_shares")
	CENTRE_COL("citizen_shares")
	"CREATE INDEX citizen_shares_citizen ON citizen_shares(citizen_id, partner);"
	"CREATE INDEX citizen_shares_partner ON citizen_shares(partner, citizen_id) WHERE withdrawn_on IS NULL;"
	RLS("citizen_shares")
	"CREATE POLICY centre ON citizen_shares USING (centre = " ME " OR partner = " ME ")"
	" WITH CHECK (centre = " ME ");"
	/* Its own rows, or a citizen shared with it: the share's row is read
	 * under its own policy, which needs no citizen (no loop). Not the
	 * shared ones in a transaction that asked for its own centre's only
	 * (db_own_centre_only: the report, the export). */
	CENTRE_COL("citizens") RLS("citizens")
	"CREATE POLICY centre ON citizens USING (centre = " ME
	" OR (current_setting('brobygger.own_only', true) IS DISTINCT FROM 'on'"
	" AND EXISTS (SELECT 1 FROM citizen_shares AS s"
	" WHERE s.citizen_id = citizens.id AND s.partner = " ME " AND s.withdrawn_on IS NULL)));"
	"CREATE INDEX citizens_centre ON citizens(centre, id);"
	ABOUT("assessments") ABOUT("attendance") ABOUT("call_escalations") ABOUT("citizen_availability")
	ABOUT("citizen_barriers") ABOUT("citizen_interests") ABOUT("consents") ABOUT("course_events")
	ABOUT("enrolments") ABOUT("follow_ups") ABOUT("matches") ABOUT("measures") ABOUT("notes")
	ABOUT("referrer_feedback") ABOUT("relatives")
	/* A referral kept without a citizen, and a draft of a new intake,
	 * are the writer's alone. */
	CENTRE_COL("referrals") RLS("referrals")
	"CREATE POLICY centre ON referrals USING (centre = " ME " OR (citizen_id IS NOT NULL"
	" AND EXISTS (SELECT 1 FROM citizens AS c WHERE c.id = referrals.citizen_id)));"
	OWN("drafts")
	CENTRE_COL("measure_answers") RLS("measure_answers")
	"CREATE POLICY centre ON measure_answers USING (centre = " ME
	" OR EXISTS (SELECT 1 FROM measures AS m WHERE m.id = measure_answers.measure_row));"
	OWN("activities") OWN("activity_interests") OWN("sessions") OWN("session_helpers") OWN("volunteers")
	OWN("volunteer_areas") OWN("volunteer_availability") OWN("volunteer_courses") OWN("volunteer_interests")
	OWN("volunteer_languages") OWN("volunteer_roles") OWN("users")
	/* The audit log: a centre's own lines, and who at a partner looked
	 * at or changed its citizens (the insight file names them). */
	OWN("audit_log")
	"CREATE POLICY about_ours ON audit_log FOR SELECT USING (entity = 'citizen' AND EXISTS"
	" (SELECT 1 FROM citizens AS c WHERE c.id = audit_log.entity_id AND c.centre = " ME "));"
	/* Each centre its own settings. */
	OWN("settings")
	"ALTER TABLE settings DROP CONSTRAINT settings_pkey;"
	"ALTER TABLE settings ADD PRIMARY KEY (centre, key);";
#undef ABOUT
#undef OWN
#undef CENTRE_COL
#undef RLS
#undef ME
