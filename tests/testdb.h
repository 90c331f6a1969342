/* testdb.h — what every database test shares: a private temporary folder
 * for its files, paths in it, and counting rows. Header-only, like tap.h.
 *
 * Every database test runs against both engines: meson runs it a second
 * time with BROBYGGER_TEST_ENGINE=postgresql, and then testdb_path() gives
 * the connection string of a new, empty database on the server that
 * $BROBYGGER_TEST_PG names (scripts/test starts a throwaway one and sets
 * it). Without a server that answers, the PostgreSQL run is skipped with
 * one line saying why. */
#ifndef BB_TESTDB_H
#define BB_TESTDB_H

#include <ctype.h>
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "demo.h"
#include "textkeys.h"

static char testdb_dir[64];
static char testdb_what[32];
static int testdb_pid;            /* the test's, kept by forked children */
/* PostgreSQL: the databases made so far, to drop at the end. */
enum { TESTDB_MAX = 64 };
static char testdb_made[TESTDB_MAX][64];
static int testdb_nmade;

/* Whether this run is the PostgreSQL one. */
__attribute__((unused)) static bool testdb_pg(void)
{
	const char *e = getenv("BROBYGGER_TEST_ENGINE");
	return e && strcmp(e, "postgresql") == 0;
}

/* The server's connection string without a database: $BROBYGGER_TEST_PG. */
__attribute__((unused)) static const char *testdb_server(void)
{
	const char *s = getenv("BROBYGGER_TEST_PG");
	return s && *s ? s : NULL;
}

/* One SQL command on the server's maintenance database. */
__attribute__((unused)) static bool testdb_admin(const char *sql, char *why, size_t size)
{
	char conninfo[512];
	snprintf(conninfo, sizeof conninfo, "%.400s dbname=postgres options='-c client_min_messages=warning'",
		 testdb_server() ? testdb_server() : "");
	PGconn *c = PQconnectdb(conninfo);
	bool ok = PQstatus(c) == CONNECTION_OK;
	if (ok) {
		PGresult *r = PQexec(c, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
		PQclear(r);
	}
	if (!ok && why) {
		snprintf(why, size, "%s", PQerrorMessage(c));
		char *nl = strchr(why, '\n');
		if (nl)
			*nl = '\0';
	}
	PQfinish(c);
	return ok;
}

/* Makes /tmp/bb-test-WHAT-XXXXXX; false (with a message) if it cannot.
 * The PostgreSQL run without a server ends here with a TAP skip. */
__attribute__((unused)) static bool testdb_start(const char *what)
{
	snprintf(testdb_what, sizeof testdb_what, "%s", what);
	testdb_pid = (int)getpid();
	for (char *c = testdb_what; *c; c++)
		if (!isalnum((unsigned char)*c))
			*c = '_';
	if (testdb_pg()) {
		char why[200] = "BROBYGGER_TEST_PG is not set";
		if (!testdb_server() || !testdb_admin("SELECT 1", why, sizeof why)) {
			printf("1..0 # SKIP PostgreSQL: no test server (%s); scripts/test starts one\n", why);
			fflush(stdout);
			exit(0);
		}
	}
	snprintf(testdb_dir, sizeof testdb_dir, "/tmp/bb-test-%s-XXXXXX", what);
	if (mkdtemp(testdb_dir))
		return true;
	perror("mkdtemp");
	return false;
}

/* Removes the folder and everything the test left in it, and the
 * PostgreSQL databases it made. */
__attribute__((unused)) static void testdb_finish(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", testdb_dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", testdb_dir);
	for (int i = 0; i < testdb_nmade; i++) {
		char sql[160];
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %.63s WITH (FORCE)", testdb_made[i]);
		testdb_admin(sql, NULL, 0);
	}
	testdb_nmade = 0;
}

/* A plain file (or folder) `name` in the test's own folder, on either
 * engine: an output file, a text file posing as a database. */
__attribute__((unused)) static void testdb_file(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", testdb_dir, name);
}

/* A database for the test to open by `name`: a file in the test's folder,
 * or, in the PostgreSQL run, a new database on the server (made the first
 * time the name is asked for, so opening it again finds the same data). */
__attribute__((unused)) static void testdb_path(char *out, size_t size, const char *name)
{
	if (!testdb_pg()) {
		snprintf(out, size, "%s/%s", testdb_dir, name);
		return;
	}
	char db[64];
	int n = snprintf(db, sizeof db, "bbt_%s_%d_", testdb_what, testdb_pid);
	for (const char *c = name; *c && n < (int)sizeof db - 1; c++)
		db[n++] = isalnum((unsigned char)*c) ? (char)tolower((unsigned char)*c) : '_';
	db[n < (int)sizeof db ? n : (int)sizeof db - 1] = '\0';
	snprintf(out, size, "%s dbname=%s", testdb_server(), db);
	for (int i = 0; i < testdb_nmade; i++)
		if (strcmp(testdb_made[i], db) == 0)
			return;
	char sql[160], why[200];
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", db);
	testdb_admin(sql, NULL, 0);
	snprintf(sql, sizeof sql, "CREATE DATABASE %s TEMPLATE template0", db);
	if (!testdb_admin(sql, why, sizeof why))
		printf("# could not make the database %s: %s\n", db, why);
	else if (testdb_nmade < TESTDB_MAX)
		snprintf(testdb_made[testdb_nmade++], sizeof testdb_made[0], "%s", db);
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

/* Whether `table` has the column `column`, on either engine. */
__attribute__((unused)) static bool testdb_has_column(struct db *db, const char *table, const char *column)
{
	char sql[256];
	if (db_engine(db) == DB_ENGINE_POSTGRESQL)
		snprintf(sql, sizeof sql, "SELECT count(*) FROM information_schema.columns"
			 " WHERE table_name = '%s' AND column_name = '%s'", table, column);
	else
		snprintf(sql, sizeof sql, "SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s'", table, column);
	return testdb_count(db, sql) == 1;
}

/* Rows a test writes with plain SQL have no search or sort keys: make
 * them, as Brobygger does at start after the keys' rules changed. */
__attribute__((unused)) static void testdb_remake_keys(struct db *db)
{
	if (db_exec(db, "DELETE FROM settings WHERE key = 'text_keys'") != DB_OK || textkeys_refresh(db, NULL) != DB_OK)
		printf("# could not remake the keys: %s\n", db_errdetail(db));
}

/* A demo centre of `citizens` made up citizens with `years` of history up
 * to `today`, in the test's file `name`; false when it cannot be made. */
__attribute__((unused)) static bool testdb_demo(const char *name, long citizens, unsigned long seed, long years,
						 struct date today, struct db **db)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	if (db_open(path, db) != DB_OK)
		return false;
	struct demo_options opt = { .citizens = citizens, .seed = seed, .today = today, .years = years };
	struct demo_summary sum;
	return demo_generate(*db, &opt, &sum) == DB_OK;
}

#endif
