/* db_sqlite_wal.c — the SQLite engine's WAL: counted at each commit,
 * copied into the database file and kept ready while the desk idles
 * (db_idle_piece, db.h). */
#include "db_sqlite_internal.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* SQLite copies the WAL into the database file after the commit that
 * takes it past 1,000 pages: one mark in a couple of hundred then waits
 * for that copy and its fsync. Here a commit only counts the pages;
 * db_idle_piece copies them while nobody waits, and a commit copies
 * them itself only when the WAL has grown far (idle time never came).
 * The idle copy runs on a thread and a connection of its own: a copy
 * writes every page again into the file and syncs it, milliseconds
 * after a step of the day's rules that rewrote a few hundred pages, and
 * SQLite cannot stop one halfway without losing what it wrote. The
 * desk reads keys, and marks, meanwhile. From 256 pages on (about 50
 * marks, 1 MiB): each copy syncs the database file and is followed by a
 * start over and room, three more syncs, and a mark that follows them
 * meets a busier disk. From 16 pages on (when a key still waited for the
 * copy), 300 marks at a roll call spent 107-144 ms on 800-900 pieces of
 * upkeep and their p99 was 1.0-3.2 ms; from 256, 38-41 ms on 400 pieces
 * and 0.55-1.3 ms (bench_desk --only marks, runs side by side). */
enum { WAL_FRAMES_IDLE = 256, WAL_FRAMES_MAX = 8000 };

int lite_wal_hook(void *ctx, sqlite3 *h, const char *schema, int frames)
{
	struct lite *l = ctx;
	l->commits++;
	l->wal_frames = frames;
	l->wal_copied = false;
	if (frames >= WAL_FRAMES_MAX) {
		int log = 0, copied = 0;
		if (sqlite3_wal_checkpoint_v2(h, schema, SQLITE_CHECKPOINT_PASSIVE, &log, &copied) == SQLITE_OK
		    && copied >= log)
			l->wal_frames = 0;
	}
	return SQLITE_OK;
}

bool lite_in_wal_mode(struct lite *l)
{
	sqlite3_stmt *s = NULL;
	bool wal = false;
	if (sqlite3_prepare_v2(l->h, "PRAGMA journal_mode", -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
		const unsigned char *mode = sqlite3_column_text(s, 0);
		wal = mode && sqlite3_stricmp((const char *)mode, "wal") == 0;
	}
	sqlite3_finalize(s);
	return wal;
}

/* ---------- the WAL's upkeep while the desk idles ----------
 *
 * A mark's commit appends its frames to the WAL and waits for one
 * fdatasync. On a file system without a journal (ext4 so made, as on
 * this kind of machine) an fdatasync that finds the file grown writes
 * the inode too, a second wait on the disk; and the first commit after
 * the WAL was copied into the database starts the WAL over, which
 * writes and syncs its header before the frames, a second fdatasync.
 * Both are done here instead, a piece per idle turn, so that a mark
 * overwrites room written before and waits for its own frames alone:
 *
 * 1. copy the WAL into the database once it holds WAL_FRAMES_IDLE;
 * 2. start the WAL over with a commit that changes nothing a desk
 *    reads (user_version written back as it is), so the header is
 *    written and synced now, not by the next mark;
 * 3. keep WAL_ROOM_FRAMES of written room past the frames in use,
 *    zeros written past the WAL's end WAL_ROOM_PIECE frames at a
 *    time and synced.
 *
 * Zeros past the frames are never taken for frames. SQLite's wal.c
 * (walIndexRecover) reads frames from the start of the WAL only until
 * the first that walDecodeFrame finds invalid, and "a frame is only
 * valid if the salt values in the frame-header match the salt values in
 * the wal-header", "if the page number is greater than zero" and if
 * its checksum matches: a zeroed frame has page number 0. A WAL whose
 * header is zeros (room written into an empty WAL) has no valid magic
 * number and is read as empty, and the next commit writes a header
 * before its frames. Frames left past the end of the frames in use are
 * what SQLite itself leaves after it starts a WAL over (it never
 * shortens the file unless journal_size_limit says so).
 *
 * The room is written under the write lock (BEGIN IMMEDIATE, then
 * COMMIT with no change, which writes nothing): no other desk appends
 * frames meanwhile, and only bytes past the file's end are written, so
 * no frame of anyone is touched. Nothing here changes what a commit
 * syncs: every commit still waits for its own frames' fdatasync. */
enum { WAL_HEADER = 32, WAL_FRAME_HEADER = 24, WAL_ROOM_FRAMES = 64, WAL_ROOM_PIECE = 16 };

/* The WAL's file: SQLITE_FCNTL_JOURNAL_POINTER hands back the WAL in WAL
 * mode (the rollback journal otherwise); NULL when it is not open. */
static sqlite3_file *wal_file(struct lite *l)
{
	sqlite3_file *f = NULL;
	if (sqlite3_file_control(l->h, "main", SQLITE_FCNTL_JOURNAL_POINTER, &f) != SQLITE_OK || !f || !f->pMethods)
		return NULL;
	return f;
}

static long long wal_room_wanted(struct lite *l)
{
	return WAL_HEADER + (long long)(l->wal_frames + WAL_ROOM_FRAMES) * (WAL_FRAME_HEADER + l->page_size);
}

/* Step 3: one piece of room; *more when the room is still short. */
static enum db_status wal_room_piece(struct lite *l, bool *more)
{
	*more = false;
	if (lite_begin_now(l) != SQLITE_OK)
		return DB_OK;
	sqlite3_file *f = wal_file(l);
	sqlite3_int64 size = 0;
	int rc = f ? f->pMethods->xFileSize(f, &size) : SQLITE_OK;
	long long wanted = wal_room_wanted(l);
	if (f && rc == SQLITE_OK && size < wanted) {
		long long piece = (long long)WAL_ROOM_PIECE * (WAL_FRAME_HEADER + l->page_size);
		if (wanted - size < piece)
			piece = wanted - size;
		void *zeros = calloc(1, (size_t)piece);
		rc = zeros ? f->pMethods->xWrite(f, zeros, (int)piece, size) : SQLITE_NOMEM;
		free(zeros);
		/* Synced now, as SQLite syncs the WAL, so the next commit's
		 * fdatasync finds nothing of it left to write. */
		if (rc == SQLITE_OK)
			rc = f->pMethods->xSync(f, SQLITE_SYNC_NORMAL);
		*more = rc == SQLITE_OK && size + piece < wanted;
	}
	int end = sqlite3_exec(l->h, "COMMIT", NULL, NULL, NULL);
	if (end != SQLITE_OK && !sqlite3_get_autocommit(l->h))
		sqlite3_exec(l->h, "ROLLBACK", NULL, NULL, NULL);
	return lite_note_error(&l->base, rc != SQLITE_OK ? rc : end);
}

/* Step 2: the commit that starts the WAL over (SQLite does so at the
 * first commit after everything was copied and no reader is left in the
 * WAL). It writes one page: user_version, written back unchanged. */
static enum db_status wal_start_over(struct lite *l)
{
	l->wal_copied = false;
	if (lite_begin_now(l) != SQLITE_OK)
		return DB_OK;
	struct db *db = &l->base;
	long long version = 0;
	enum db_status r = db_query_int(db, "PRAGMA user_version", &version);
	char bump[48];
	snprintf(bump, sizeof bump, "PRAGMA user_version = %lld", version);
	if (r == DB_OK)
		r = lite_exec(db, bump);
	if (r == DB_OK)
		r = lite_exec(db, "COMMIT");
	/* Whatever failed, no transaction is left open for the next use case. */
	if (r != DB_OK && !sqlite3_get_autocommit(l->h))
		sqlite3_exec(l->h, "ROLLBACK", NULL, NULL, NULL);
	return r;
}

static bool wal_room_short(struct lite *l)
{
	sqlite3_file *f = wal_file(l);
	sqlite3_int64 size = 0;
	return f && f->pMethods->xFileSize(f, &size) == SQLITE_OK && size < wal_room_wanted(l);
}

/* ---------- step 1: the copy, on the copier's thread ---------- */

/* A new connection's synchronous in WAL mode is FULL (both defaults 2,
 * or not set). */
static bool wal_synced_fully(void)
{
	if (sqlite3_compileoption_used("DEFAULT_WAL_SYNCHRONOUS"))
		return sqlite3_compileoption_used("DEFAULT_WAL_SYNCHRONOUS=2");
	return !sqlite3_compileoption_used("DEFAULT_SYNCHRONOUS") || sqlite3_compileoption_used("DEFAULT_SYNCHRONOUS=2");
}

static void *copy_wal(void *arg)
{
	struct wal_copier *c = arg;
	c->rc = SQLITE_OK;
	if (!c->h) {
		c->rc = sqlite3_open_v2(c->path, &c->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
		/* A first read, or the connection takes the file for one
		 * without a WAL and copies nothing. One that reads no schema:
		 * setting synchronous parses all of it (0.9 MB kept for
		 * nothing), so only where SQLite was built with a default
		 * other than FULL, which syncs the copy as the desk's own
		 * commits are. */
		if (c->rc == SQLITE_OK && !wal_synced_fully())
			c->rc = sqlite3_exec(c->h, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
		if (c->rc == SQLITE_OK)
			c->rc = sqlite3_exec(c->h, "PRAGMA schema_version", NULL, NULL, NULL);
		if (c->rc != SQLITE_OK) {
			sqlite3_close(c->h);
			c->h = NULL;
		}
	}
	if (c->rc == SQLITE_OK)
		c->rc = sqlite3_wal_checkpoint_v2(c->h, NULL, SQLITE_CHECKPOINT_PASSIVE, &c->log, &c->copied);
	atomic_store(&c->done, true);
	return NULL;
}

/* Signals go to the desk's thread, not the copier's. */
static bool start_copier(struct wal_copier *c)
{
	if (!sqlite3_threadsafe())
		return false;
	sigset_t all, was;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &was);
	bool started = pthread_create(&c->thread, NULL, copy_wal, c) == 0;
	pthread_sigmask(SIG_SETMASK, &was, NULL);
	return started;
}

/* The copy started, or its end taken in: *more while it runs (a piece
 * then waits for it 0.1 ms at most, and ui/ui.c 1 ms for a key between
 * two pieces) and once all is copied (the start over is next). Where no
 * thread is to be had, the copy is done here, as SQLite would. */
static enum db_status wal_copy_piece(struct lite *l, bool *more)
{
	struct wal_copier *c = &l->copier;
	if (!c->running) {
		c->path = sqlite3_db_filename(l->h, "main");
		if (!c->path)
			return DB_OK;
		c->commits = l->commits;
		atomic_store(&c->done, false);
		if (start_copier(c)) {
			c->running = true;
			*more = true;
			return DB_OK;
		}
		copy_wal(c);
	} else if (!atomic_load(&c->done)) {
		nanosleep(&(struct timespec){ .tv_nsec = 100000 }, NULL);
		if (!atomic_load(&c->done)) {
			*more = true;
			return DB_OK;
		}
	}
	if (c->running)
		pthread_join(c->thread, NULL);
	c->running = false;
	/* Another desk reading or writing: the next idle moment copies the rest. */
	if ((c->rc & 0xff) == SQLITE_BUSY || (c->rc & 0xff) == SQLITE_LOCKED)
		return DB_OK;
	/* Any other failure: the copier's connection is opened anew next
	 * time, and the commit past WAL_FRAMES_MAX still copies. */
	if (c->rc != SQLITE_OK) {
		enum db_status st = lite_note_error(&l->base, c->rc);
		snprintf(l->base.detail, sizeof l->base.detail, "%s", c->h ? sqlite3_errmsg(c->h) : sqlite3_errstr(c->rc));
		sqlite3_close(c->h);
		c->h = NULL;
		return st;
	}
	/* This desk committed meanwhile (its write held the copy short of
	 * its frames, or it started the WAL over itself): the next piece
	 * sees what is left to do. */
	if (l->commits != c->commits) {
		*more = true;
		return DB_OK;
	}
	/* Part copied (another desk still reads what is left): the next
	 * idle moment, not this one, tries again. */
	if (c->copied >= c->log) {
		l->wal_frames = 0;
		l->wal_copied = true;
		*more = true;
	}
	return DB_OK;
}

void lite_wal_close(struct lite *l)
{
	struct wal_copier *c = &l->copier;
	if (c->running)
		pthread_join(c->thread, NULL);
	c->running = false;
	sqlite3_close(c->h);
	c->h = NULL;
}

enum db_status lite_checkpoint_idle(struct db *db, bool *more)
{
	struct lite *l = L(db);
	*more = false;
	/* Nothing is written in a file found damaged, a copy neither. */
	if (db->depth > 0 || l->refused)
		return DB_OK;
	if (l->copier.running || l->wal_frames >= WAL_FRAMES_IDLE)
		return wal_copy_piece(l, more);
	/* Steps 2 and 3 where the desk opened the file in WAL mode. */
	if (!l->page_size)
		return DB_OK;
	if (l->wal_copied) {
		*more = true;
		return wal_start_over(l);
	}
	if (!wal_room_short(l))
		return DB_OK;
	return wal_room_piece(l, more);
}
