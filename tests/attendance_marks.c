/* attendance_marks — prints the attendance marks of the sessions held on
 * one day, one line each: activity|citizen|mark|companion, in activity
 * and Danish name order. For the kill test (tests/tui/attendance-kill.sh),
 * which reads the database after the program was killed mid roll call.
 *
 *   attendance_marks DB YYYY-MM-DD
 */
#include <stdio.h>

#include "db.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: attendance_marks DB YYYY-MM-DD\n");
		return 2;
	}
	struct db *db;
	/* Read-write, so a WAL left by the killed program is taken in. */
	enum db_status r = db_open_existing(argv[1], false, &db);
	if (r != DB_OK) {
		fprintf(stderr, "attendance_marks: cannot open %s: %s\n", argv[1], db_errdetail(db));
		db_close(db);
		return 1;
	}
	struct db_stmt *st;
	r = db_prepare(db, &st,
		"SELECT a.name, c.name, t.mark, COALESCE(v.name, '') FROM attendance AS t"
		" JOIN sessions AS s ON s.id = t.session_id JOIN activities AS a ON a.id = s.activity_id"
		" JOIN citizens AS c ON c.id = t.citizen_id LEFT JOIN volunteers AS v ON v.id = t.accompanied_by"
		" WHERE s.date = :date ORDER BY a.name, c.sort_key, c.id");
	if (r == DB_OK) {
		db_bind_text(st, ":date", argv[2]);
		while (db_step(st) == DB_ROW)
			printf("%s|%s|%s|%s\n", db_column_text(st, 0), db_column_text(st, 1), db_column_text(st, 2),
			       db_column_text(st, 3));
		r = db_finalize(st);
	}
	if (r != DB_OK)
		fprintf(stderr, "attendance_marks: %s\n", db_errdetail(db));
	db_close(db);
	return r == DB_OK ? 0 : 1;
}
