/* db_sqlite.c — the SQLite engine: one file on the machine the desks
 * share (the default). A thin wrapper over the sqlite3_* API: open with
 * the PRAGMAs a shared file needs, prepare (kept in a cache), bind by
 * :name, step, BEGIN IMMEDIATE, VACUUM INTO for the backup copy. The
 * WAL's upkeep is db_sqlite_wal.c's.
 */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "db_file.h"
#include "db_sqlite_internal.h"
#include "migrate.h"

static const struct db_engine lite_engine;

static struct lite_stmt *S(struct db_stmt *st)
{
	return (struct lite_stmt *)st;
}

/* bb_fold, bb_digits, bb_sortkey and bb_now were src/'s rules called from
 * SQL until migration 10 made every key in C. Migrations 2, 3 and 6 still
 * name them, so a database older than migration 10 must be able to run
 * those; nothing after it calls them, and what they wrote is thrown away
 * by migration 10. So they stay registered, as stand-ins that hand their
 * text back unchanged (bb_now: the stores' clock), and only for that. */
static void sql_unchanged(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_value(ctx, argv[0]);
}

static void sql_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	char stamp[DB_STAMP_LEN];
	db_clock_now(stamp);
	sqlite3_result_text(ctx, stamp, -1, SQLITE_TRANSIENT);
}

static int register_old_functions(sqlite3 *h)
{
	static const char *const names[] = { "bb_fold", "bb_digits", "bb_sortkey" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		int rc = sqlite3_create_function_v2(h, names[i], 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
						    sql_unchanged, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return sqlite3_create_function_v2(h, "bb_now", 0, SQLITE_UTF8, NULL, sql_now, NULL, NULL, NULL);
}

static enum db_status status_from_sqlite(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: return DB_OK;
	case SQLITE_ROW: return DB_ROW;
	case SQLITE_DONE: return DB_DONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return DB_ERR_BUSY;
	case SQLITE_READONLY: return DB_ERR_READONLY;
	case SQLITE_NOTADB: return DB_ERR_NOTADB;
	case SQLITE_CORRUPT: return DB_ERR_CORRUPT;
	case SQLITE_FULL: return DB_ERR_FULL;
	case SQLITE_CANTOPEN: return DB_ERR_CANTOPEN;
	case SQLITE_CONSTRAINT: return DB_ERR_CONSTRAINT;
	case SQLITE_INTERRUPT: return DB_ERR_INTERRUPTED;
	case SQLITE_IOERR:
	case SQLITE_NOMEM:
	case SQLITE_PROTOCOL: return DB_ERR_IO;
	default: return DB_ERR_MISUSE;
	}
}

enum db_status lite_note_error(struct db *db, int rc)
{
	enum db_status st = status_from_sqlite(rc);
	if (st != DB_OK && st != DB_ROW && st != DB_DONE && L(db)->h)
		snprintf(db->detail, sizeof db->detail, "%s", sqlite3_errmsg(L(db)->h));
	return st;
}

static void lite_set_busy_timeout(struct db *db, int ms)
{
	L(db)->busy_ms = ms;
	sqlite3_busy_timeout(L(db)->h, ms);
}

/* Before SQLite's first use in the process:
 * - no page cache starts with a bulk allocation of 20 pages. A temporary
 *   b-tree (a sort, once a CHECK's IN list) has a page cache of its own,
 *   made and freed by the statement: the bulk allocated and freed each
 *   time (some 170 KiB) took the C library back and forth to the kernel
 *   (brk, page faults), 40 % of a mark's CPU time. Pages now come one at
 *   a time, as a cache needs them;
 * - no count of SQLite's memory, which took a lock around each of a
 *   mark's 190 allocations (Debian's SQLite has no lookaside to spare
 *   them); the desk never asks for the count. */
void lite_configure(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	(void)sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static enum db_status open_handle(const char *path, int flags, bool gather, struct db **out)
{
	lite_configure();
	const char *vfs = gather ? lite_gather_vfs() : NULL;
	struct lite *l = calloc(1, sizeof *l);
	if (!l)
		return DB_ERR_IO;
	l->base.engine = &lite_engine;
	struct db *db = &l->base;
	int rc = sqlite3_open_v2(path, &l->h, flags | SQLITE_OPEN_NOMUTEX, vfs);
	if (rc != SQLITE_OK) {
		enum db_status st = lite_note_error(db, rc);
		if (st == DB_ERR_MISUSE)
			st = DB_ERR_CANTOPEN;
		sqlite3_close(l->h);
		l->h = NULL;
		*out = db;
		return st;
	}
	sqlite3_extended_result_codes(l->h, 1);
	lite_set_busy_timeout(db, db_busy_timeout_from_env());
	/* The WAL is copied into the file when the desk is idle
	 * (db_idle_piece), not by the commit that fills it. */
	sqlite3_wal_hook(l->h, lite_wal_hook, l);
	if ((rc = register_old_functions(l->h)) != SQLITE_OK) {
		enum db_status st = lite_note_error(db, rc);
		sqlite3_close(l->h);
		l->h = NULL;
		*out = db;
		return st == DB_OK ? DB_ERR_IO : st;
	}
	*out = db;
	return DB_OK;
}

static bool is_memory(const char *path)
{
	return strcmp(path, ":memory:") == 0;
}

enum db_status lite_exec(struct db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(L(db)->h, sql, NULL, NULL, &msg);
	enum db_status st = lite_note_error(db, rc);
	if (msg) {
		snprintf(db->detail, sizeof db->detail, "%s", msg);
		sqlite3_free(msg);
	}
	return st;
}

static int lite_schema_version(struct db *db)
{
	long long v;
	if (db_query_int(db, "PRAGMA user_version", &v) != DB_OK)
		return -1;
	return (int)v;
}

static enum db_status lite_set_schema_version(struct db *db, int version)
{
	char bump[48];
	snprintf(bump, sizeof bump, "PRAGMA user_version = %d", version);
	return lite_exec(db, bump);
}

/* A rehearsal's rollback (db_end_undone) hands the pages it changed back
 * to malloc, and glibc gives the heap's top back to the system past 128
 * KiB; the next mark asks for them again and faults them in, and with
 * the WAL's copier a second thread of the process, the cores it ran on
 * flush their TLB too: a mark after rehearsals took 0.39 ms of CPU
 * instead of 0.16 (100k citizens, bench_desk --only marks). Up to the
 * page cache's own size is kept, once for the process. Set so, glibc no
 * longer raises its mmap threshold by itself: blocks from 128 KiB on are
 * mapped and given back whole, as the desk's few large lists should be. */
static void keep_heap_top(void)
{
#if defined(__GLIBC__)
	static bool kept;
	if (!kept)
		mallopt(M_TRIM_THRESHOLD, 2 << 20);
	kept = true;
#endif
}

enum db_status db_sqlite_open(const char *path, struct db **out)
{
	*out = NULL;
	if (!is_memory(path)) {
		if (db_make_folder_for(path) != 0)
			return DB_ERR_NODIR;
		/* Create the file ourselves so it is born 0600: SQLite would
		 * use 0644 less the umask, readable by every account. */
		int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (fd < 0) {
			if (errno == EACCES || errno == EROFS) {
				if (access(path, F_OK) == 0)
					return DB_ERR_READONLY;
				return DB_ERR_CANTOPEN;
			}
			return errno == ENOENT ? DB_ERR_NODIR : DB_ERR_CANTOPEN;
		}
		close(fd);
	}

	struct db *db;
	/* A commit's WAL frames in one write (db_sqlite_gather.c). */
	enum db_status st = open_handle(path, SQLITE_OPEN_READWRITE, !is_memory(path), &db);
	if (st != DB_OK)
		goto fail;
	if (!is_memory(path))
		L(db)->hold = db_file_hold(path);
	if (sqlite3_db_readonly(L(db)->h, "main") == 1) {
		st = DB_ERR_READONLY;
		goto fail;
	}
	/* Reading the version first also tells "not a database" apart, and we
	 * must not switch a newer database to WAL: that would modify it. */
	long long version;
	if ((st = db_query_int(db, "PRAGMA user_version", &version)) != DB_OK)
		goto fail;
	if (version > migrate_latest()) {
		st = DB_ERR_TOONEW;
		db_note(db, "schema version %lld, this program knows up to %d", version, migrate_latest());
		goto fail;
	}
	if ((st = lite_exec(db, "PRAGMA foreign_keys = ON")) != DB_OK)
		goto fail;
	/* Damaged pages are noticed when they are read, not written over. */
	if ((st = lite_exec(db, "PRAGMA cell_size_check = ON")) != DB_OK)
		goto fail;
	if (!is_memory(path)) {
		/* WAL lets a second desk read while one writes; FULL makes
		 * every commit survive a pulled plug. */
		if ((st = lite_exec(db, "PRAGMA journal_mode = WAL")) != DB_OK)
			goto fail;
		if ((st = lite_exec(db, "PRAGMA synchronous = FULL")) != DB_OK)
			goto fail;
		/* SQLite's own 2 MiB of page cache, said out loud: every
		 * query the desk runs reads a few pages through an index, the
		 * rest the system's file cache holds, and a larger cache only
		 * grows with whatever the day's rules have touched. */
		if ((st = lite_exec(db, "PRAGMA cache_size = -2048")) != DB_OK)
			goto fail;
		keep_heap_top();
		/* The WAL's upkeep only where the file is in WAL mode (a file
		 * on a medium without shared memory may have refused it). */
		long long page_size;
		if ((st = db_query_int(db, "PRAGMA page_size", &page_size)) != DB_OK)
			goto fail;
		L(db)->page_size = lite_in_wal_mode(L(db)) ? (int)page_size : 0;
	}
	/* Take the write lock once now: a stuck writer is reported at start
	 * rather than at the first tick of a roll call. */
	if ((st = db_begin(db)) != DB_OK)
		goto fail;
	db_end(db, DB_OK);
	*out = db;
	return DB_OK;
fail:
	/* Hand the handle back so the caller can read the detail text. */
	*out = db;
	return st;
}

enum db_status db_sqlite_open_existing(const char *path, bool readonly, struct db **out)
{
	*out = NULL;
	if (access(path, F_OK) != 0)
		return errno == ENOENT ? DB_ERR_CANTOPEN : DB_ERR_READONLY;
	struct db *db;
	int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	enum db_status st = open_handle(path, flags, false, &db);
	*out = db;
	if (st != DB_OK)
		return st;
	L(db)->hold = db_file_hold(path);
	long long version, pages;
	if ((st = db_query_int(db, "PRAGMA user_version", &version)) != DB_OK
	    || (st = db_query_int(db, "PRAGMA page_count", &pages)) != DB_OK)
		return st;
	if (version > migrate_latest())
		return DB_ERR_TOONEW;
	/* An empty file opens as an empty database: it is none of ours. */
	if (version == 0 || pages == 0) {
		db_note(db, "no Brobygger schema (user_version %lld, %lld pages)", version, pages);
		return DB_ERR_NOTADB;
	}
	return DB_OK;
}

static void lite_close(struct db *db)
{
	struct lite *l = L(db);
	lite_wal_close(l);
	for (int i = 0; i < STMT_CACHE; i++) {
		sqlite3_finalize(l->cache[i].s);
		free(l->cache[i].sql);
	}
	if (l->h)
		sqlite3_close(l->h);
	db_file_release(l->hold);
	free(l);
}

static enum db_status lite_refuse_writes(struct db *db)
{
	/* A copy of the WAL under way ends before the refusal: nothing is
	 * written into the file after it. */
	lite_wal_close(L(db));
	L(db)->refused = true;
	return lite_exec(db, "PRAGMA query_only = ON");
}

static enum db_status lite_prepare(struct db *db, struct db_stmt **out, const char *sql);
static void lite_finalize(struct db_stmt *st);

/* BEGIN and COMMIT from the statement cache, as sqlite3_exec would run
 * them but not parsed again at every transaction: parsing BEGIN IMMEDIATE
 * was some 3 % of a mark's CPU time. */
static enum db_status lite_exec_kept(struct db *db, const char *sql)
{
	struct db_stmt *st;
	enum db_status r = lite_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	int rc = sqlite3_step(S(st)->s);
	r = lite_note_error(db, rc == SQLITE_DONE ? SQLITE_OK : rc);
	lite_finalize(st);
	return r;
}

static enum db_status lite_begin(struct db *db, bool write)
{
	/* BEGIN IMMEDIATE: writers queue up front instead of failing halfway. */
	return lite_exec_kept(db, write ? "BEGIN IMMEDIATE" : "BEGIN");
}

int lite_begin_now(struct lite *l)
{
	sqlite3_busy_timeout(l->h, 0);
	int rc = sqlite3_exec(l->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	sqlite3_busy_timeout(l->h, l->busy_ms);
	return rc;
}

/* A rehearsal runs while the desk idles: it never waits for another
 * desk's write, which would keep a key waiting. */
static enum db_status lite_begin_rehearsal(struct db *db)
{
	return lite_note_error(db, lite_begin_now(L(db)));
}

/* Asked every PROGRESS_STEPS of the engine's steps while db_interrupt_when
 * is on. A step is a few hundredths of a microsecond when its page is in
 * SQLite's cache and 5-20 us when it is read from the system (at 300,000
 * citizens a retention step's writes read a page nearly every step): 200
 * steps let a key wait 3-8 ms there. So the engine asks often, and the
 * question itself (a poll of the terminal, about a microsecond) is put
 * at most every PROGRESS_ASK_MS of the clock, whatever the steps cost. */
enum { PROGRESS_STEPS = 16 };
static const double PROGRESS_ASK_MS = 0.1;

static double clock_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int lite_progress(void *ctx)
{
	struct lite *l = ctx;
	if (!l->pending)
		return 0;
	double now = clock_now_ms();
	if (now - l->asked_at < PROGRESS_ASK_MS)
		return 0;
	l->asked_at = now;
	return l->pending(l->pending_ctx);
}

/* NORMAL in WAL mode keeps the file whole after a pulled plug (the WAL's
 * frames are checked on the way back; a commit not all there is not
 * taken); in the other journal modes it may not, and stays FULL. */
static enum db_status lite_unsynced_commits(struct db *db, bool unsynced)
{
	if (!lite_in_wal_mode(L(db)))
		return DB_OK;
	return lite_exec(db, unsynced ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL");
}

static void lite_interrupt_when(struct db *db, bool (*pending)(void *ctx), void *ctx)
{
	struct lite *l = L(db);
	l->pending = pending;
	l->pending_ctx = ctx;
	sqlite3_progress_handler(l->h, pending ? PROGRESS_STEPS : 0, pending ? lite_progress : NULL, l);
}

static enum db_status lite_commit(struct db *db)
{
	/* A commit is not stopped halfway: a change the rules decided on is
	 * then either all there or not at all. It is short, but for the WAL
	 * copied by lite_wal_hook past WAL_FRAMES_MAX (idle time never came). */
	struct lite *l = L(db);
	if (l->pending)
		sqlite3_progress_handler(l->h, 0, NULL, NULL);
	enum db_status r = lite_exec_kept(db, "COMMIT");
	if (l->pending)
		sqlite3_progress_handler(l->h, PROGRESS_STEPS, lite_progress, l);
	return r;
}

static void lite_rollback(struct db *db)
{
	sqlite3_exec(L(db)->h, "ROLLBACK", NULL, NULL, NULL);
}

/* SQLite may have rolled back by itself (a full disk, an I/O error). */
static bool lite_lost_transaction(struct db *db)
{
	return sqlite3_get_autocommit(L(db)->h) != 0;
}

static long long lite_work(const struct db *db)
{
	return L(db)->vm_steps;
}

/* Tells the watcher how SQLite will run `sql`, one line per step. */
static void tell_plan(struct db *db, const char *sql)
{
	char *eqp = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *s = NULL;
	if (eqp && sqlite3_prepare_v2(L(db)->h, eqp, -1, &s, NULL) == SQLITE_OK)
		while (sqlite3_step(s) == SQLITE_ROW)
			db->plan_fn(db->plan_ctx, sql, (const char *)sqlite3_column_text(s, 3));
	sqlite3_finalize(s);
	sqlite3_free(eqp);
}

static unsigned long sql_hash(const char *sql)
{
	unsigned long h = 5381;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = h * 33 ^ *p;
	return h;
}

/* The cached statement for `sql` if there is a free one; else a slot to
 * keep it in (free, or the least recently used not in use); else NULL. */
static struct cached_stmt *cache_find(struct lite *l, const char *sql, unsigned long hash, bool *hit)
{
	struct cached_stmt *spare = NULL;
	*hit = false;
	for (int i = 0; i < STMT_CACHE; i++) {
		struct cached_stmt *c = &l->cache[i];
		if (c->in_use)
			continue;
		if (c->s && c->hash == hash && strcmp(c->sql, sql) == 0) {
			*hit = true;
			return c;
		}
		if (!spare || !c->s || (spare->s && c->used_at < spare->used_at))
			spare = c;
	}
	return spare;
}

/* Where by_origin keeps the cache index for SQL at this address. */
static unsigned origin_slot(const char *sql)
{
	return (unsigned)((uintptr_t)sql >> 3) % ORIGIN_SLOTS;
}

static bool cache_is_same(const struct cached_stmt *c, const char *sql)
{
	return c->origin == sql && c->s && !c->in_use && strcmp(c->sql, sql) == 0;
}

/* The free cached statement last asked for with this very text at this
 * address (compared too: a buffer may hold other SQL by now), or NULL:
 * first where by_origin says, then any. Hashing a mark's statements'
 * text was a twentieth of its CPU time. */
static struct cached_stmt *cache_same(struct lite *l, const char *sql)
{
	int slot = l->by_origin[origin_slot(sql)];
	if (slot && cache_is_same(&l->cache[slot - 1], sql))
		return &l->cache[slot - 1];
	for (int i = 0; i < STMT_CACHE; i++)
		if (cache_is_same(&l->cache[i], sql))
			return &l->cache[i];
	return NULL;
}

static enum db_status lite_prepare(struct db *db, struct db_stmt **out, const char *sql)
{
	struct lite *l = L(db);
	unsigned long hash = 0;
	struct cached_stmt *c = cache_same(l, sql);
	bool hit = c != NULL;
	if (!c)
		c = cache_find(l, sql, hash = sql_hash(sql), &hit);
	if (c && !hit) {
		/* Make room: the statement it held is not needed now. */
		sqlite3_finalize(c->s);
		free(c->sql);
		memset(c, 0, sizeof *c);
		size_t len = strlen(sql) + 1;
		c->sql = malloc(len);
		if (c->sql)
			memcpy(c->sql, sql, len);
		else
			c = NULL;
	}
	if (c) {
		if (!hit) {
			int rc = sqlite3_prepare_v3(l->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &c->s, NULL);
			if (rc != SQLITE_OK) {
				free(c->sql);
				memset(c, 0, sizeof *c);
				return lite_note_error(db, rc);
			}
			c->hash = hash;
		}
		c->origin = sql;
		l->by_origin[origin_slot(sql)] = (unsigned char)(c - l->cache + 1);
		c->in_use = true;
		c->used_at = ++l->uses;
		c->handle = (struct lite_stmt){ .base = { .db = db }, .s = c->s, .cached = c };
		*out = &c->handle.base;
		return DB_OK;
	}
	struct lite_stmt *st = calloc(1, sizeof *st);
	if (!st)
		return DB_ERR_IO;
	st->base.db = db;
	int rc = sqlite3_prepare_v2(l->h, sql, -1, &st->s, NULL);
	if (rc != SQLITE_OK) {
		enum db_status err = lite_note_error(db, rc);
		free(st);
		return err;
	}
	*out = &st->base;
	return DB_OK;
}

/* Resolves ":name"; a missing name is a bug in the caller, kept as the
 * statement's error so it surfaces at finalize. */
static int param_index(struct db_stmt *st, const char *name)
{
	struct cached_stmt *c = S(st)->cached;
	struct param_memo *m = c ? c->params : NULL;
	for (int k = 0; m && k < PARAM_MEMO && m[k].at; k++)
		if (m[k].at == name && strcmp(m[k].name, name) == 0)
			return m[k].index;
	int i = sqlite3_bind_parameter_index(S(st)->s, name);
	if (i == 0) {
		st->err = DB_ERR_MISUSE;
		db_note(st->db, "no parameter %s in statement", name);
		return 0;
	}
	size_t len = strlen(name);
	for (int k = 0; m && len < PARAM_NAME && k < PARAM_MEMO; k++)
		if (!m[k].at) {
			m[k].at = name;
			memcpy(m[k].name, name, len + 1);
			m[k].index = i;
			break;
		}
	return i;
}

static enum db_status bind_result(struct db_stmt *st, int rc)
{
	if (rc != SQLITE_OK && st->err == DB_OK)
		st->err = lite_note_error(st->db, rc);
	return st->err;
}

static enum db_status lite_bind_text(struct db_stmt *st, const char *name, const char *value)
{
	int i = param_index(st, name);
	if (!i)
		return st->err;
	if (!value)
		return bind_result(st, sqlite3_bind_null(S(st)->s, i));
	return bind_result(st, sqlite3_bind_text(S(st)->s, i, value, -1, SQLITE_TRANSIENT));
}

static enum db_status lite_bind_int(struct db_stmt *st, const char *name, long long value)
{
	int i = param_index(st, name);
	if (!i)
		return st->err;
	return bind_result(st, sqlite3_bind_int64(S(st)->s, i, value));
}

static enum db_status lite_bind_null(struct db_stmt *st, const char *name)
{
	int i = param_index(st, name);
	if (!i)
		return st->err;
	return bind_result(st, sqlite3_bind_null(S(st)->s, i));
}

static enum db_status lite_step(struct db_stmt *st)
{
	struct lite *l = L(st->db);
	sqlite3_stmt *s = S(st)->s;
	/* A statement about to begin gives way to a key at once, as the
	 * progress handler would have it after PROGRESS_STEPS: a step of the
	 * day's rules made of many short statements never came to that
	 * count, and a key waited for all of them (at 300,000 citizens 20 ms
	 * for the writes of anonymising one citizen). A write stopped so is
	 * no different from a read stopped after writes: the step's
	 * transaction is rolled back whole by db_end and done again later. */
	if (l->pending && !sqlite3_stmt_busy(s) && l->pending(l->pending_ctx)) {
		snprintf(st->db->detail, sizeof st->db->detail, "interrupted");
		return DB_ERR_INTERRUPTED;
	}
	return lite_note_error(st->db, sqlite3_step(s));
}

static void lite_reset(struct db_stmt *st)
{
	sqlite3_reset(S(st)->s);
	sqlite3_clear_bindings(S(st)->s);
}

static const char *lite_column_text(struct db_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(S(st)->s, col);
	return t ? (const char *)t : "";
}

static long long lite_column_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(S(st)->s, col);
}

static bool lite_column_is_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(S(st)->s, col) == SQLITE_NULL;
}

static void lite_finalize(struct db_stmt *st)
{
	struct lite_stmt *s = S(st);
	L(st->db)->vm_steps += sqlite3_stmt_status(s->s, SQLITE_STMTSTATUS_VM_STEP, 1);
	if (s->cached) {
		/* Back to the cache, reset and unbound, holding no read lock. */
		sqlite3_reset(s->s);
		sqlite3_clear_bindings(s->s);
		s->cached->in_use = false;
		return;
	}
	sqlite3_finalize(s->s);
	free(s);
}

static long long lite_last_insert_id(const struct db *db)
{
	return sqlite3_last_insert_rowid(L(db)->h);
}

static int lite_changes(const struct db *db)
{
	return sqlite3_changes(L(db)->h);
}

static long long lite_total_changes(const struct db *db)
{
	return sqlite3_total_changes64(L(db)->h);
}

static enum db_status lite_data_version(struct db *db, long long *version)
{
	return db_query_int(db, "PRAGMA data_version", version);
}

static enum db_status lite_integrity_check(struct db *db, struct db_integrity *found, char *report, size_t size)
{
	struct db_stmt *st;
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA integrity_check(%d)", DB_INTEGRITY_MAX);
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	size_t used = 0;
	report[0] = '\0';
	while ((r = db_step(st)) == DB_ROW) {
		const char *line = db_column_text(st, 0);
		/* A row may hold several findings, a line each, under a
		 * heading line "*** in database main ***" that is none. */
		for (const char *p = line; *p && strcmp(line, "ok") != 0;) {
			size_t len = strcspn(p, "\n");
			if (len && strncmp(p, "*** ", 4) != 0)
				found->broken++;
			p += len;
			p += *p == '\n';
		}
		int n = snprintf(report + used, size - used, "%s\n", line);
		if (n > 0 && (size_t)n < size - used)
			used += (size_t)n;
	}
	enum db_status fin = db_finalize(st);
	if (fin != DB_OK)
		return fin;
	if (found->broken == 0
	    && (r = db_query_int(db, "SELECT count(*) FROM pragma_foreign_key_check", &found->dangling)) != DB_OK)
		return r;
	if (found->dangling > 0)
		snprintf(report + used, size - used, "foreign_key_check: %lld rows\n", found->dangling);
	return found->broken == 0 && found->dangling == 0 ? DB_OK : DB_ERR_CORRUPT;
}

static enum db_status lite_copy_to(struct db *db, const char *path)
{
	/* One read transaction from start to end: a desk committing all the
	 * while cannot make it start over, as sqlite3_backup_step would. */
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "VACUUM INTO :path");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":path", path);
	db_step(st);
	return db_finalize(st);
}

static const char *lite_sql(struct db_stmt *st)
{
	return sqlite3_sql(S(st)->s);
}

static const struct db_engine lite_engine = {
	.kind = DB_ENGINE_SQLITE,
	.close = lite_close,
	.exec = lite_exec,
	.begin = lite_begin,
	.begin_rehearsal = lite_begin_rehearsal,
	.commit = lite_commit,
	.rollback = lite_rollback,
	.lost_transaction = lite_lost_transaction,
	.prepare = lite_prepare,
	.bind_text = lite_bind_text,
	.bind_int = lite_bind_int,
	.bind_null = lite_bind_null,
	.step = lite_step,
	.reset = lite_reset,
	.column_text = lite_column_text,
	.column_int = lite_column_int,
	.column_is_null = lite_column_is_null,
	.finalize = lite_finalize,
	.last_insert_id = lite_last_insert_id,
	.changes = lite_changes,
	.total_changes = lite_total_changes,
	.data_version = lite_data_version,
	.schema_version = lite_schema_version,
	.set_schema_version = lite_set_schema_version,
	.integrity_check = lite_integrity_check,
	.copy_to = lite_copy_to,
	.refuse_writes = lite_refuse_writes,
	.set_busy_timeout = lite_set_busy_timeout,
	.interrupt_when = lite_interrupt_when,
	.unsynced_commits = lite_unsynced_commits,
	.checkpoint_idle = lite_checkpoint_idle,
	.work = lite_work,
	.sql = lite_sql,
	.tell_plan = tell_plan,
};
