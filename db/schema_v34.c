/* schema_v34.c — migration 34: a match may end with "the course ended"
 * (course_ended), as its citizen's course does when they moved away,
 * were handed over or passed away (src/match.h). Those ended as "did not
 * work", a judgement nobody made, which also kept the volunteer and the
 * activity out of matching if the course was opened again.
 *
 * The outcome's CHECK is widened in place by SQLite's documented
 * writable_schema procedure (as migrations 10 and 25): every stored row
 * stays valid. Migration 25 wrote it as comparisons; a text that does
 * not hold the one looked for fails the migration rather than leave the
 * CHECK narrow. PostgreSQL's: schema_pg_v32.c. */
#include "migrate.h"

#include <stddef.h>

#define NARROW "outcome = 'declined'))"
#define WIDE "outcome = 'declined' OR outcome = 'course_ended'))"

static enum db_status widen(struct db *db)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "UPDATE sqlite_schema SET sql = replace(sql, :narrow, :wide)"
					     " WHERE type = 'table' AND name = 'matches'");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":narrow", NARROW);
	db_bind_text(st, ":wide", WIDE);
	db_step(st);
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	long long wide = 0;
	if ((r = db_prepare(db, &st, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'matches'"
				     " AND instr(sql, :wide) > 0")) != DB_OK)
		return r;
	db_bind_text(st, ":wide", WIDE);
	if (db_step(st) == DB_ROW)
		wide = db_column_int(st, 0);
	r = db_finalize(st);
	return r == DB_OK && wide != 1 ? DB_ERR_CORRUPT : r;
}

enum db_status schema_v34_course_ended(struct db *db)
{
	return migrate_edit_schema(db, widen);
}
