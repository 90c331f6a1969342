/* schema_pg.h — how the PostgreSQL migrations spell SQLite's schema
 * (schema_pg.c says why): the column types, checks and the id of a
 * table. Private to db/schema_pg*.c. */
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

#endif
