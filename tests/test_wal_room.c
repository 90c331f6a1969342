/* The WAL's upkeep while the desk idles (db_idle_piece, db/db_sqlite.c):
 * zeros written past the WAL's frames so that a commit overwrites them
 * instead of growing the file. A database whose WAL has such room opens,
 * reads and recovers after a kill, frames written into the room are read
 * back, and the room is never taken for frames. SQLite files only. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "tap.h"
#include "testdb.h"
#include "walfile.h"

/* The room db_sqlite.c keeps: 64 frames past those in use. */
enum { ROOM = 64 };

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

/* More commits, a page each, than the WAL holds before the idle desk
 * copies it (256 pages, db_sqlite_wal.c). */
enum { PAST_COPY = 300 };

static bool insert(struct db *db, const char *x)
{
	return insert_into(db, "t", x);
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

int main(void)
{
	if (!testdb_start("wal_room"))
		return 1;
	test_room();
	test_killed_in_the_room();
	test_room_alone();
	test_start_over_when_idle();
	test_reader_in_the_wal();
	testdb_finish();
	return tap_done();
}
