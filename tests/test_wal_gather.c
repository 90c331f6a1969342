/* The desk's WAL writes gathered into one a commit (db/db_sqlite_gather.c):
 * a commit is one write and one sync, another connection reads every
 * commit as soon as it is made, and nothing gathered is written late or
 * lost: a transaction rolled back after it spilled, a commit the disk
 * refuses at any synchronous setting, frame headers SQLite writes again.
 * SQLite's own calls where a case needs a setting the desk never makes;
 * the timing VFS of the bench (bench_vfs.c) under the desk's counts and
 * refuses writes. SQLite files only. */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench_vfs.h"
#include "db.h"
#include "tap.h"
#include "testdb.h"
#include "walfile.h"

static int sql_count(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* n rows of 3,000 random bytes into the table's column x. */
#define ROWS(table, n) \
	"INSERT INTO " table "(x) SELECT randomblob(3000) FROM (WITH RECURSIVE c(i) AS" \
	" (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < " #n ") SELECT i FROM c)"
/* With a cache of two pages: rows spilled into the WAL, then the page of
 * the first written again, so SQLite puts the checksums right at commit. */
#define PAGE_WRITTEN_TWICE "BEGIN; " ROWS("t", 8) "; UPDATE t SET x = 2 WHERE rowid = 1; COMMIT"

/* A commit's frames go into the WAL in one write, then its one sync
 * (db_sqlite_gather.c): SQLite writes two a frame. A transaction larger
 * than the gathering commits whole too, and another connection reads
 * every commit as soon as it is made. */
static void test_one_write_a_commit(void)
{
	char path[256];
	testdb_path(path, sizeof path, "gather.db");
	struct db *db, *other;
	db_open(path, &db);
	db_exec(db, "CREATE TABLE u(x TEXT)");
	db_exec(db, "CREATE INDEX u_x ON u(x)");
	idle_all(db);
	bench_vfs_take();
	TAP_CHECK(insert_into(db, "u", "one"), "a commit of a row and its index entry");
	struct vfs_times io = bench_vfs_take();
	TAP_CHECK(io.writes == 1 && io.syncs == 1 && io.written >= 2 * FRAME,
		  "its frames in one write and one sync (%ld writes, %lld bytes, %ld syncs)", io.writes, io.written,
		  io.syncs);
	TAP_INT_EQ(db_open(path, &other), DB_OK, "another desk opens the file");
	TAP_INT_EQ(testdb_count(other, "SELECT count(*) FROM u"), 1, "and reads the commit");
	bool all = db_begin(db) == DB_OK;
	for (int i = 0; all && i < 400; i++) {
		char x[400];
		snprintf(x, sizeof x, "row %d of a transaction past what is gathered at once %0*d", i, 300, i);
		struct db_stmt *st;
		all = db_prepare(db, &st, "INSERT INTO u(x) VALUES (:x)") == DB_OK;
		if (all) {
			db_bind_text(st, ":x", x);
			db_step(st);
			all = db_finalize(st) == DB_OK;
		}
	}
	all = db_end(db, all ? DB_OK : DB_ERR_IO) == DB_OK && all;
	io = bench_vfs_take();
	TAP_CHECK(all && io.written > 40 * FRAME && io.syncs == 1,
		  "a transaction of %lld bytes of frames commits with one sync", io.written);
	TAP_INT_EQ(testdb_count(other, "SELECT count(*) FROM u"), 401, "the other desk reads it all");
	db_close(other);
	db_close(db);
	opens_with(path, "SELECT count(*) FROM u", 401, "with every row");
}

/* A transaction that spilled pages into the WAL and was rolled back
 * leaves its frames where the next commit goes. Written after the write
 * lock went (at the desk's next look at the WAL's size), they landed on
 * another desk's commit and the file was no longer a database. SQLite's
 * own calls, as the spill needs a cache of three pages: the desk's VFS
 * (registered by its first db_open) beside the default one. */
static void test_rolled_back_spill(void)
{
	char path[256];
	testdb_path(path, sizeof path, "spill.db");
	sqlite3 *desk = NULL, *other = NULL;
	bool opened = sqlite3_vfs_find("brobygger-gather")
		      && sqlite3_open_v2(path, &desk, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "brobygger-gather") == SQLITE_OK
		      && sqlite3_exec(desk, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE b(x BLOB);"
					    " PRAGMA cache_size = 3; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) == SQLITE_OK
		      && sqlite3_open_v2(path, &other, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
	TAP_CHECK(opened, "the desk's VFS and the default one on one file");
	bool ok = sqlite3_exec(desk, "BEGIN; " ROWS("b", 6), NULL, NULL, NULL) == SQLITE_OK
		  && sqlite3_exec(desk, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK
		  && sqlite3_exec(other, "BEGIN IMMEDIATE; " ROWS("b", 30) "; COMMIT", NULL, NULL, NULL) == SQLITE_OK;
	TAP_CHECK(ok, "a spilled transaction rolled back, then another desk commits 30 rows");
	sqlite3_file *wal = NULL;
	sqlite3_int64 size = 0;
	if (sqlite3_file_control(desk, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) == SQLITE_OK && wal && wal->pMethods)
		wal->pMethods->xFileSize(wal, &size);
	TAP_INT_EQ(sql_count(other, "SELECT count(*) FROM b"), 30, "the desk looked at its WAL's size: the rows are there");
	sqlite3_close(other);
	sqlite3_close(desk);
	opens_with(path, "SELECT count(*) FROM b", 30, "with the other desk's rows");
}

/* A commit whose write fails (the WAL may not grow) is refused, at any
 * synchronous setting: its frames are written out with its last page,
 * before SQLite tells another connection of them. */
static void failed_commit(const char *synchronous)
{
	char path[256], wal[300], setup[200];
	snprintf(setup, sizeof setup, "failed-%s.db", synchronous);
	testdb_path(path, sizeof path, setup);
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(setup, sizeof setup,
		 "PRAGMA journal_mode = WAL; PRAGMA synchronous = %s; PRAGMA wal_autocheckpoint = 0;"
		 " CREATE TABLE t(x); INSERT INTO t VALUES (randomblob(100))", synchronous);
	sqlite3 *desk = NULL, *other = NULL;
	sqlite3_open_v2(path, &desk, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "brobygger-gather");
	sqlite3_exec(desk, setup, NULL, NULL, NULL);
	struct rlimit limit = { (rlim_t)file_size(wal), RLIM_INFINITY };
	void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
	setrlimit(RLIMIT_FSIZE, &limit);
	int rc = sqlite3_exec(desk, "INSERT INTO t VALUES (randomblob(20000))", NULL, NULL, NULL);
	limit.rlim_cur = RLIM_INFINITY;
	setrlimit(RLIMIT_FSIZE, &limit);
	signal(SIGXFSZ, was);
	TAP_CHECK(rc != SQLITE_OK, "synchronous = %s: a commit the disk refuses is refused (%s)", synchronous,
		  sqlite3_errstr(rc));
	sqlite3_open_v2(path, &other, SQLITE_OPEN_READWRITE, NULL);
	TAP_INT_EQ(sql_count(other, "SELECT count(*) FROM t"), 1, "another connection reads the row before it");
	sqlite3_close(other);
	TAP_CHECK(sqlite3_exec(desk, "INSERT INTO t VALUES (randomblob(20000))", NULL, NULL, NULL) == SQLITE_OK
			  && sql_count(desk, "SELECT count(*) FROM t") == 2,
		  "with room again, the next commit is made");
	sqlite3_close(desk);
	opens_with(path, "SELECT count(*) FROM t", 2, "both rows there");
}

/* A frame's header alone, of a commit (its second word not zero): the
 * test's own reading of SQLite's frame, as db_sqlite_gather.c has one. */
static bool commit_header_alone(const void *data, int n)
{
	const unsigned char *h = data;
	return n == 24 && (h[4] | h[5] | h[6] | h[7]) != 0;
}

/* A page written twice in one transaction after it spilled: SQLite reads
 * the frames back and writes their headers again with new checksums,
 * the commit's last, with no page after it. If that write fails, the
 * commit fails (at NORMAL nothing syncs after it to notice). */
static void test_checksums_rewritten(void)
{
	char path[256], copy[300];
	testdb_path(path, sizeof path, "rewrite.db");
	sqlite3 *desk = NULL;
	sqlite3_open_v2(path, &desk, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "brobygger-gather");
	sqlite3_exec(desk, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = 2;"
			   " CREATE TABLE t(x); INSERT INTO t VALUES (1)", NULL, NULL, NULL);
	bench_vfs_refuse(commit_header_alone);
	int rc = sqlite3_exec(desk, PAGE_WRITTEN_TWICE, NULL, NULL, NULL);
	bench_vfs_refuse(NULL);
	sqlite3_exec(desk, "ROLLBACK", NULL, NULL, NULL);
	TAP_CHECK(rc != SQLITE_OK, "a commit whose rewritten header the disk refuses is refused (%s)", sqlite3_errstr(rc));
	TAP_INT_EQ(sql_count(desk, "SELECT count(*) FROM t WHERE x = 1"), 1, "the row as it was");
	/* What a pulled plug leaves: the file and its WAL, read anew. */
	snprintf(copy, sizeof copy, "%s-copy", path);
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && cp '%s-wal' '%s-wal'", path, copy, path, copy);
	TAP_CHECK(system(cmd) == 0, "the file and its WAL copied as a crash leaves them");
	sqlite3_close(desk);
	opens_with(copy, "SELECT count(*) FROM t", 1, "recovered: the one row committed");
}

static bool refusing_page;

static bool a_page(const void *data, int n)
{
	(void)data;
	return refusing_page && n >= 4096;
}

/* The read that put checksums right stays the WAL's last: after a copy
 * and a start over, a new commit's header comes where it was read and
 * must not be taken for another rewrite (its page then waited past the
 * commit, and a refused write was reported as a commit). Each of a dozen
 * commits at NORMAL: the one whose page is refused fails, the rest are
 * made and another connection reads them all. */
static void test_rewrite_read_forgotten(void)
{
	char path[256];
	testdb_path(path, sizeof path, "reread.db");
	sqlite3 *desk = NULL, *other = NULL;
	sqlite3_open_v2(path, &desk, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "brobygger-gather");
	sqlite3_exec(desk, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;"
			   " PRAGMA cache_size = 2; CREATE TABLE t(x); INSERT INTO t VALUES (1);"
			   " CREATE TABLE u(y); INSERT INTO u VALUES (0)", NULL, NULL, NULL);
	sqlite3_open_v2(path, &other, SQLITE_OPEN_READWRITE, NULL);
	sqlite3_exec(other, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	sqlite3_exec(desk, PAGE_WRITTEN_TWICE, NULL, NULL, NULL);
	char wal[300];
	snprintf(wal, sizeof wal, "%s-wal", path);
	int frames = (int)((file_size(wal) - 32) / FRAME);
	sqlite3_exec(other, "PRAGMA wal_checkpoint(PASSIVE)", NULL, NULL, NULL);
	sqlite3_exec(desk, "PRAGMA cache_size = 100", NULL, NULL, NULL);
	bench_vfs_refuse(a_page);
	int made = 0, refused_failed = 0;
	for (int i = 1; i <= frames + 2; i++) {
		refusing_page = i == frames;
		int rc = sqlite3_exec(desk, "UPDATE u SET y = y + 1", NULL, NULL, NULL);
		refusing_page = false;
		made += rc == SQLITE_OK;
		refused_failed += i == frames && rc != SQLITE_OK;
	}
	bench_vfs_refuse(NULL);
	TAP_CHECK(frames > 1 && refused_failed == 1 && made == frames + 1,
		  "after a rewrite, a copy and a start over: the commit whose page was refused failed, %d made", made);
	TAP_INT_EQ(sql_count(other, "SELECT y FROM u"), made, "another connection reads every commit made");
	sqlite3_close(other);
	sqlite3_close(desk);
	opens_with(path, "SELECT y FROM u", made, "and so does a desk opening it anew");
}

int main(void)
{
	/* The counting VFS under the desk's, before any database is open. */
	bench_vfs_install();
	if (!testdb_start("wal_gather"))
		return 1;
	test_one_write_a_commit();
	test_rolled_back_spill();
	failed_commit("OFF");
	failed_commit("FULL");
	test_checksums_rewritten();
	test_rewrite_read_forgotten();
	testdb_finish();
	return tap_done();
}
