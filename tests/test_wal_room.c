/* The WAL's upkeep while the desk idles (db_idle_piece, db/db_sqlite.c):
 * zeros written past the WAL's frames so that a commit overwrites them
 * instead of growing the file. A database whose WAL has such room opens,
 * reads and recovers after a kill, frames written into the room are read
 * back, and the room is never taken for frames. SQLite files only. */
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_vfs.h"
#include "db.h"
#include "tap.h"
#include "testdb.h"

/* A page of 4 KiB (SQLite's default) with its 24-byte frame header, and
 * the room db_sqlite.c keeps: 64 frames past those in use. */
enum { FRAME = 24 + 4096, ROOM = 64 };

static long file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

/* Whether the file holds only zero bytes from `from` to its end. */
static bool zeros_from(const char *path, long from)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	char buf[8192];
	bool zeros = true;
	ssize_t n;
	for (off_t at = from; zeros && (n = pread(fd, buf, sizeof buf, at)) > 0; at += n)
		for (ssize_t i = 0; i < n && zeros; i++)
			zeros = buf[i] == 0;
	close(fd);
	return zeros;
}

/* Every piece of the upkeep, as ui/ui.c runs them while no key waits
 * (a piece waits 0.1 ms at most for the copy running beside the desk). */
enum { PIECES_MAX = 100000 };
/* More commits, a page each, than the WAL holds before the idle desk
 * copies it (256 pages, db_sqlite_wal.c). */
enum { PAST_COPY = 300 };

static int idle_all(struct db *db)
{
	int pieces = 0;
	for (bool more = true; more && pieces < PIECES_MAX; pieces++)
		db_idle_piece(db, &more);
	return pieces;
}

static bool insert_into(struct db *db, const char *table, const char *x)
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

static bool insert(struct db *db, const char *x)
{
	return insert_into(db, "t", x);
}

static bool sound(struct db *db)
{
	struct db_integrity found = { 0 };
	char report[256];
	return db_integrity_check(db, &found, report, sizeof report) == DB_OK;
}

/* The file opened anew by a desk: its rows (count_sql) and sound. */
static void opens_with(const char *path, const char *count_sql, long long rows, const char *what)
{
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "it opens again");
	TAP_INT_EQ(testdb_count(db, count_sql), rows, "%s", what);
	TAP_CHECK(sound(db), "sound");
	db_close(db);
}

/* Room is written while the desk idles, zeros past the frames; commits
 * then write into it and the file does not grow. */
static void test_room(void)
{
	char path[256], wal[300];
	testdb_path(path, sizeof path, "room.db");
	snprintf(wal, sizeof wal, "%s-wal", path);
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a new database");
	db_exec(db, "CREATE TABLE t(x TEXT)");
	db_close(db); /* the last to close copies the WAL and removes it */
	db_open(path, &db);
	insert(db, "first");
	long frames_end = file_size(wal);
	int pieces = idle_all(db);
	long with_room = file_size(wal);
	TAP_CHECK(with_room >= 32 + (long)ROOM * FRAME && with_room > frames_end,
		  "room is written past the WAL's frames in %d pieces (%ld bytes, then %ld)", pieces, frames_end,
		  with_room);
	TAP_CHECK(zeros_from(wal, frames_end), "the room is zeros");
	TAP_INT_EQ(idle_all(db), 1, "once there, the next idle turn has nothing to do");
	bool all = true;
	for (int i = 0; i < 20; i++)
		all &= insert(db, "in the room");
	TAP_CHECK(all, "20 commits");
	TAP_CHECK(file_size(wal) == with_room, "wrote into the room: the WAL did not grow (%ld bytes)", file_size(wal));
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 21, "and they read back");
	db_close(db);
	opens_with(path, "SELECT count(*) FROM t", 21, "with every row");
}

/* A desk that made room, committed into it and was killed leaves the WAL
 * with frames followed by zeros: the next desk finds every commit. */
static void test_killed_in_the_room(void)
{
	char path[256], wal[300];
	testdb_path(path, sizeof path, "killed.db");
	snprintf(wal, sizeof wal, "%s-wal", path);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct db *db;
		if (db_open(path, &db) != DB_OK || db_exec(db, "CREATE TABLE t(x TEXT)") != DB_OK)
			_exit(10);
		db_close(db); /* a WAL from its start: the room is past all of it */
		if (db_open(path, &db) != DB_OK)
			_exit(10);
		insert(db, "before the room");
		idle_all(db);
		long room_end = file_size(wal);
		for (int i = 0; i < 5; i++)
			insert(db, "in the room");
		if (file_size(wal) != room_end)
			_exit(12);
		raise(SIGKILL);
		_exit(11);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	TAP_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
		  "a desk killed after five commits into the room, which did not grow the WAL (exit %d)",
		  WIFEXITED(status) ? WEXITSTATUS(status) : 0);
	long wal_size = file_size(wal);
	TAP_CHECK(wal_size >= 32 + (long)ROOM * FRAME, "left its WAL behind, room and all (%ld bytes)", wal_size);
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "the next desk opens it");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 6, "and reads every commit, those in the room too");
	TAP_CHECK(sound(db), "sound");
	TAP_CHECK(insert(db, "after"), "and writes on");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "opens again");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 7, "with all seven rows");
	db_close(db);
}

/* Room written into an empty WAL makes a WAL of zeros alone, header too:
 * read as empty, and the next commit writes a header of its own. */
static void test_room_alone(void)
{
	char path[256], wal[300];
	testdb_path(path, sizeof path, "alone.db");
	snprintf(wal, sizeof wal, "%s-wal", path);
	struct db *db;
	db_open(path, &db);
	db_exec(db, "CREATE TABLE t(x TEXT)");
	insert(db, "one");
	db_close(db); /* the last to close copies the WAL and removes it */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct db *d;
		if (db_open(path, &d) != DB_OK)
			_exit(10);
		idle_all(d);
		raise(SIGKILL);
		_exit(11);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	long wal_size = file_size(wal);
	TAP_CHECK(WIFSIGNALED(status) && wal_size > 0 && zeros_from(wal, 0),
		  "a desk killed after making room in an empty WAL leaves zeros alone (%ld bytes)", wal_size);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "the database opens");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 1, "with its row");
	TAP_CHECK(insert(db, "two") && sound(db), "writes on, sound");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "opens again");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 2, "with both rows");
	db_close(db);
}

static long long wal_frames_left(struct db *db)
{
	long long frames = -1;
	struct db_stmt *st;
	if (db_prepare(db, &st, "PRAGMA wal_checkpoint(PASSIVE)") == DB_OK && db_step(st) == DB_ROW)
		frames = db_column_int(st, 1);
	db_finalize(st);
	return frames;
}

/* The copy into the database and the WAL's new start are pieces of their
 * own, done while idle: the next commit then writes its frames alone
 * right after the one the WAL started over with. The copy runs beside
 * the desk, which commits meanwhile: those frames are copied next. */
static void test_start_over_when_idle(void)
{
	char path[256];
	testdb_path(path, sizeof path, "over.db");
	struct db *db;
	db_open(path, &db);
	db_exec(db, "CREATE TABLE t(x TEXT)");
	for (int i = 0; i < PAST_COPY; i++)
		insert(db, "a row");
	long long version = testdb_count(db, "PRAGMA user_version");
	bool more = false;
	db_idle_piece(db, &more);
	TAP_CHECK(more, "the copy begins, more pieces follow");
	int pieces = idle_all(db);
	TAP_CHECK(pieces < PIECES_MAX, "until the WAL is kept ready (%d pieces)", pieces);
	TAP_INT_EQ(wal_frames_left(db), 1, "the WAL started over with one page");
	TAP_INT_EQ(testdb_count(db, "PRAGMA user_version"), version, "written back as it was (%lld)", version);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), PAST_COPY, "every row there");

	for (int i = 0; i < PAST_COPY; i++)
		insert(db, "a row");
	db_idle_piece(db, &more);
	bool all = true;
	for (int i = 0; i < 5; i++)
		all &= insert(db, "while the copy runs");
	TAP_CHECK(all, "the desk commits while the copy runs");
	idle_all(db);
	long long left = wal_frames_left(db);
	TAP_CHECK(left >= 1 && left < 16, "what it committed meanwhile copied too, the WAL started over (%lld frames)", left);
	db_close(db);
	db_open(path, &db);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 2 * PAST_COPY + 5, "every row there after closing");
	TAP_CHECK(sound(db), "the file sound");
	db_close(db);
}

/* Another desk still reading what the WAL holds: the copy stops short,
 * and no next piece is due at once (the desk would spin on it); a later
 * idle moment copies the rest. */
static void test_reader_in_the_wal(void)
{
	char path[256];
	testdb_path(path, sizeof path, "reader.db");
	struct db *db, *other;
	db_open(path, &db);
	db_exec(db, "CREATE TABLE t(x TEXT)");
	idle_all(db);
	db_open(path, &other);
	insert(db, "seen by the other desk");
	db_begin_read(other);
	long long seen = testdb_count(other, "SELECT count(*) FROM t");
	for (int i = 0; i < PAST_COPY; i++)
		insert(db, "a row");
	int pieces = idle_all(db);
	TAP_CHECK(seen == 1 && pieces < PIECES_MAX, "a desk reading an older state: the copy stops short, nothing more due");
	db_end(other, DB_OK);
	db_close(other);
	bool more = false;
	db_idle_piece(db, &more);
	TAP_CHECK(more, "once it is done, the next idle moment copies the rest");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), PAST_COPY + 1, "every row there");
	db_close(db);
}

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
static int sql_count(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

#define ROWS(n) \
	"INSERT INTO b(x) SELECT randomblob(3000) FROM (WITH RECURSIVE c(i) AS" \
	" (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < " #n ") SELECT i FROM c)"

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
	bool ok = sqlite3_exec(desk, "BEGIN; " ROWS(6), NULL, NULL, NULL) == SQLITE_OK
		  && sqlite3_exec(desk, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK
		  && sqlite3_exec(other, "BEGIN IMMEDIATE; " ROWS(30) "; COMMIT", NULL, NULL, NULL) == SQLITE_OK;
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

/* A frame's header alone, of a commit (its second word not zero). */
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
	int rc = sqlite3_exec(desk, "BEGIN; INSERT INTO t SELECT randomblob(3000) FROM (WITH RECURSIVE c(i) AS"
				    " (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 8) SELECT i FROM c);"
				    " UPDATE t SET x = 2 WHERE rowid = 1; COMMIT", NULL, NULL, NULL);
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
	sqlite3_exec(desk, "BEGIN; INSERT INTO t SELECT randomblob(3000) FROM (WITH RECURSIVE c(i) AS"
			   " (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 8) SELECT i FROM c);"
			   " UPDATE t SET x = 2 WHERE rowid = 1; COMMIT", NULL, NULL, NULL);
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
	if (!testdb_start("wal_room"))
		return 1;
	test_room();
	test_killed_in_the_room();
	test_room_alone();
	test_start_over_when_idle();
	test_reader_in_the_wal();
	test_one_write_a_commit();
	test_rolled_back_spill();
	failed_commit("OFF");
	failed_commit("FULL");
	test_checksums_rewritten();
	test_rewrite_read_forgotten();
	testdb_finish();
	return tap_done();
}
