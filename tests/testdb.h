/* testdb.h — what every database test shares: a private temporary folder
 * for its files, paths in it, and counting rows. Header-only, like tap.h. */
#ifndef BB_TESTDB_H
#define BB_TESTDB_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "textkeys.h"

static char testdb_dir[64];

/* Makes /tmp/bb-test-WHAT-XXXXXX; false (with a message) if it cannot. */
__attribute__((unused)) static bool testdb_start(const char *what)
{
	snprintf(testdb_dir, sizeof testdb_dir, "/tmp/bb-test-%s-XXXXXX", what);
	if (mkdtemp(testdb_dir))
		return true;
	perror("mkdtemp");
	return false;
}

/* Removes the folder and everything the test left in it. */
__attribute__((unused)) static void testdb_finish(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", testdb_dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", testdb_dir);
}

__attribute__((unused)) static void testdb_path(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", testdb_dir, name);
}

/* The first column of the first row as a number; -1 (and why) on error. */
__attribute__((unused)) static long long testdb_count(struct db *db, const char *sql)
{
	long long n = -1;
	if (db_query_int(db, sql, &n) != DB_OK) {
		printf("# failed: %s: %s\n", sql, db_errdetail(db));
		return -1;
	}
	return n;
}

/* Rows a test writes with plain SQL have no search or sort keys: make
 * them, as Brobygger does at start after the keys' rules changed. */
__attribute__((unused)) static void testdb_remake_keys(struct db *db)
{
	if (db_exec(db, "DELETE FROM settings WHERE key = 'text_keys'") != DB_OK || textkeys_refresh(db, NULL) != DB_OK)
		printf("# could not remake the keys: %s\n", db_errdetail(db));
}

#endif
