/* schema_pg.h — how the PostgreSQL migrations spell SQLite's schema
 * (schema_pg.c says why): the column types, checks, the id of a table,
 * row triggers and SQL two migrations share. Private to db/schema_pg*.c. */
#ifndef BB_SCHEMA_PG_H
#define BB_SCHEMA_PG_H

#define T "text COLLATE \"C\""
#define ISO_DATE(col) "(" #col " IS NULL OR bb_iso_date(" #col "))"
#define HHMM(col) "(" #col " IS NULL OR " #col " ~ '^[0-2][0-9]:[0-5][0-9]$')"
#define POSTCODE(col) "(" #col " IS NULL OR " #col " ~ '^[0-9]{4}$')"
#define NOW "(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))"
#define FLAG(col, dflt) #col " bigint NOT NULL DEFAULT " #dflt " CHECK (" #col " IN (0,1))"
/* A table's id: the sequence and the trigger that hands it out. */
#define ID_TABLE(table) \
	"CREATE SEQUENCE " table "_id_seq;" \
	"CREATE TRIGGER " table "_id BEFORE INSERT ON " table \
	" FOR EACH ROW EXECUTE FUNCTION bb_row_id('" table "_id_seq');"

/* A trigger that runs function `fn` after `event` on each row of `table`. */
#define ROW_TRIGGER(name, event, table, fn) \
	"CREATE TRIGGER " name " AFTER " event " ON " table " FOR EACH ROW EXECUTE FUNCTION " fn "();"

/* Who waits for a match, worked out again for citizen `cid` (migration
 * 15's bb_waiting_refresh; migration 21 makes it PL/pgSQL). */
#define WAITING_REFRESH \
	" UPDATE citizens AS c SET waiting_since = CASE WHEN c.status = 'active'" \
	"   AND COALESCE((SELECT x.outcome FROM assessments AS x WHERE x.citizen_id = c.id" \
	"     ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1), 'volunteer_help') = 'volunteer_help'" \
	"   AND NOT EXISTS (SELECT 1 FROM matches AS m WHERE m.citizen_id = c.id AND m.ended_on IS NULL)" \
	"  THEN GREATEST(COALESCE((SELECT x.assessed_on FROM assessments AS x WHERE x.citizen_id = c.id" \
	"     ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1), '')," \
	"   COALESCE((SELECT max(m.ended_on) FROM matches AS m WHERE m.citizen_id = c.id), '')," \
	"   COALESCE((SELECT max(r.referred_on) FROM referrals AS r WHERE r.citizen_id = c.id)," \
	"    substr(c.created_at, 1, 10)))" \
	"  END WHERE c.id = cid"

#endif
