/* walfile.h — what the WAL's tests share (test_wal_room.c, its upkeep;
 * test_wal_gather.c, its writes gathered): a desk's idle turns run to the
 * end, a row committed, the file opened anew and checked. Header-only,
 * like testdb.h; SQLite files only. */
#ifndef BB_WALFILE_H
#define BB_WALFILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

#include "db.h"
#include "tap.h"
#include "testdb.h"

/* A page of 4 KiB (SQLite's default) with its 24-byte frame header. */
enum { FRAME = 24 + 4096 };

__attribute__((unused)) static long file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

/* Every piece of the upkeep, as ui/ui.c runs them while no key waits
 * (a piece waits 0.1 ms at most for the copy running beside the desk). */
enum { PIECES_MAX = 100000 };

__attribute__((unused)) static int idle_all(struct db *db)
{
	int pieces = 0;
	for (bool more = true; more && pieces < PIECES_MAX; pieces++)
		db_idle_piece(db, &more);
	return pieces;
}

/* One row (column x) in a transaction of its own. */
__attribute__((unused)) static bool insert_into(struct db *db, const char *table, const char *x)
{
	if (db_begin(db) != DB_OK)
		return false;
	char sql[64];
	snprintf(sql, sizeof sql, "INSERT INTO %s(x) VALUES (:x)", table);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r == DB_OK) {
		db_bind_text(st, ":x", x);
		db_step(st);
		r = db_finalize(st);
	}
	return db_end(db, r) == DB_OK;
}

__attribute__((unused)) static bool sound(struct db *db)
{
	struct db_integrity found = { 0 };
	char report[256];
	return db_integrity_check(db, &found, report, sizeof report) == DB_OK;
}

/* The file opened anew by a desk: its rows (count_sql) and sound. */
__attribute__((unused)) static void opens_with(const char *path, const char *count_sql, long long rows,
					       const char *what)
{
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "it opens again");
	TAP_INT_EQ(testdb_count(db, count_sql), rows, "%s", what);
	TAP_CHECK(sound(db), "sound");
	db_close(db);
}

#endif
