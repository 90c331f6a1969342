/* db.c — the storage layer's front door: chooses the engine at open and
 * keeps what both engines share.
 *
 * A --db value that names a PostgreSQL server goes to db_pg.c, anything
 * else is a SQLite file (db_sqlite.c). Here live the nested transactions
 * with their sticky failure (fossil's db_begin_transaction), the clock
 * the stores stamp rows with, and the order of an open: connect, migrate,
 * the after-open hook. Every statement keeps the first error it meets so
 * callers can bind and step in a row and check once at db_finalize().
 */
#include "db.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db_engine.h"
#include "migrate.h"

enum db_engine_kind db_engine(const struct db *db)
{
	return db->engine->kind;
}

/* libpq's key=value form begins with one of its keywords and '='. */
static bool is_conninfo(const char *s)
{
	static const char *const keys[] = { "host", "hostaddr", "dbname", "user", "port", "service", "sslmode",
					     "password" };
	while (isspace((unsigned char)*s))
		s++;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		size_t n = strlen(keys[i]);
		if (strncmp(s, keys[i], n) != 0)
			continue;
		const char *p = s + n;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '=')
			return true;
	}
	return false;
}

bool db_is_server(const char *where)
{
	if (!where)
		return false;
	return strncmp(where, "postgresql://", 13) == 0 || strncmp(where, "postgres://", 11) == 0
	       || is_conninfo(where);
}

bool db_exists(const char *where)
{
	return db_is_server(where) || access(where, F_OK) == 0;
}

/* A server address with its password (":secret@" in a URI, a
 * "password=" query parameter, "password=..." in key=value form) shown as
 * "***", or with `drop` left out altogether. */
static void address_without_secret(const char *where, bool drop, char *out, size_t size)
{
	size_t used = 0;
#define PUT(c) do { if (used + 1 < size) out[used++] = (c); } while (0)
#define PUTS(s) do { for (const char *m_ = (s); *m_; m_++) PUT(*m_); } while (0)
	const char *scheme = strstr(where, "://");
	if (scheme) {
		const char *auth = scheme + 3;
		const char *at = strpbrk(auth, "@/?");
		const char *colon = at && *at == '@' ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
		const char *query = strchr(auth, '?');
		const char *end = query ? query : where + strlen(where);
		for (const char *p = where; p < end; p++) {
			if (colon && p == colon) {
				if (!drop)
					PUTS(":***");
				p = at - 1;
				continue;
			}
			PUT(*p);
		}
		bool first = true;
		for (const char *q = query ? query + 1 : end; *q;) {
			size_t len = strcspn(q, "&");
			bool secret = strncmp(q, "password=", 9) == 0;
			if (!(secret && drop)) {
				PUT(first ? '?' : '&');
				first = false;
				if (secret)
					PUTS("password=***");
				else
					for (size_t i = 0; i < len; i++)
						PUT(q[i]);
			}
			q += len;
			if (*q == '&')
				q++;
		}
	} else {
		const char *p = where;
		while (*p) {
			if (strncmp(p, "password", 8) == 0 && (p == where || isspace((unsigned char)p[-1]))) {
				const char *q = p + 8;
				while (*q == ' ')
					q++;
				if (*q == '=') {
					if (!drop)
						PUTS("password=***");
					q++;
					while (*q == ' ')
						q++;
					if (*q == '\'') {
						for (q++; *q && *q != '\''; q++)
							if (*q == '\\' && q[1])
								q++;
						if (*q)
							q++;
					} else {
						while (*q && !isspace((unsigned char)*q))
							q++;
					}
					if (drop) {
						/* No double space where it was, nor one at the end. */
						while (isspace((unsigned char)*q))
							q++;
						if (!*q)
							while (used > 0 && isspace((unsigned char)out[used - 1]))
								used--;
					}
					p = q;
					continue;
				}
			}
			PUT(*p);
			p++;
		}
	}
	out[used] = '\0';
#undef PUTS
#undef PUT
}

/* A file's path as it is; a server's address without its password,
 * shown as *** or left out. */
static void shown_address(const char *where, bool drop, char *out, size_t size)
{
	if (!size)
		return;
	out[0] = '\0';
	if (!db_is_server(where))
		snprintf(out, size, "%s", where ? where : "");
	else
		address_without_secret(where, drop, out, size);
}

void db_display_name(const char *where, char *out, size_t size)
{
	shown_address(where, false, out, size);
}

void db_address_without_password(const char *where, char *out, size_t size)
{
	shown_address(where, true, out, size);
}

static db_clock_fn clock_fn;

void db_set_clock(db_clock_fn now)
{
	clock_fn = now;
}

void db_clock_now(char out[DB_STAMP_LEN])
{
	if (clock_fn) {
		clock_fn(out);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, DB_STAMP_LEN, "%Y-%m-%d %H:%M:%S", &tm);
}

static db_open_fn after_open;

void db_set_after_open(db_open_fn fn)
{
	after_open = fn;
}

void db_note(struct db *db, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(db->detail, sizeof db->detail, fmt, ap);
	va_end(ap);
}

enum { DEFAULT_BUSY_MS = 5000 };

/* Environment override so tests can meet a "stuck writer" quickly. */
int db_busy_timeout_from_env(void)
{
	const char *s = getenv("BROBYGGER_BUSY_TIMEOUT_MS");
	if (!s || !*s)
		return DEFAULT_BUSY_MS;
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < 0 || v > 600000)
		return DEFAULT_BUSY_MS;
	return (int)v;
}

const char *db_errdetail(const struct db *db)
{
	return db ? db->detail : "";
}

void db_set_busy_timeout(struct db *db, int ms)
{
	db->engine->set_busy_timeout(db, ms);
}

enum db_status db_idle_piece(struct db *db, bool *more)
{
	*more = false;
	return db->engine->checkpoint_idle ? db->engine->checkpoint_idle(db, more) : DB_OK;
}

void db_interrupt_when(struct db *db, bool (*pending)(void *ctx), void *ctx)
{
	if (db->engine->interrupt_when)
		db->engine->interrupt_when(db, pending, ctx);
}

enum db_status db_unsynced_commits(struct db *db, bool unsynced)
{
	if (db->depth > 0)
		return DB_ERR_INVALID;
	return db->engine->unsynced_commits ? db->engine->unsynced_commits(db, unsynced) : DB_OK;
}

/* What every open shares once the engine is connected: the schema brought
 * up to date, then src/'s hook. */
static enum db_status finish_open(struct db *db)
{
	int version = db->engine->schema_version(db);
	if (version < 0)
		return DB_ERR_IO;
	if (version > migrate_latest()) {
		db_note(db, "schema version %d, this program knows up to %d", version, migrate_latest());
		return DB_ERR_TOONEW;
	}
	enum db_status st = migrate_apply(db);
	if (st == DB_OK && after_open)
		st = after_open(db);
	return st;
}

enum db_status db_open(const char *path, struct db **out)
{
	*out = NULL;
	enum db_status st = db_is_server(path) ? db_pg_open(path, true, out) : db_sqlite_open(path, out);
	if (st != DB_OK)
		return st;
	return finish_open(*out);
}

enum db_status db_open_existing(const char *path, bool readonly, struct db **out)
{
	*out = NULL;
	if (db_is_server(path))
		return db_pg_open(path, false, out);
	return db_sqlite_open_existing(path, readonly, out);
}

void db_close(struct db *db)
{
	if (db)
		db->engine->close(db);
}

enum db_status db_refuse_writes(struct db *db)
{
	return db->engine->refuse_writes(db);
}

enum db_status db_own_centre_only(struct db *db)
{
	return db_engine(db) == DB_ENGINE_POSTGRESQL ? db_exec(db, "SET LOCAL brobygger.own_only = 'on'") : DB_OK;
}

/* The engine ended the transaction by itself (SQLite after a write
 * stopped for a key, a full disk): what follows until db_end would run
 * on its own and be committed at once, so it is refused, and the first
 * failure is what db_end reports. A statement a key stopped before it
 * began (db_interrupt_when) leaves the engine's transaction open, but
 * the use case's work is to be done again whole all the same: what
 * follows is refused too, and db_end rolls back. */
static bool lost_inside(struct db *db)
{
	return db->depth > 0 && db->engine->lost_transaction(db);
}

static bool refused_inside(struct db *db)
{
	return db->failed != DB_OK && db->depth > 0 && (db->failed == DB_ERR_INTERRUPTED || lost_inside(db));
}

static enum db_status noted(struct db *db, enum db_status r)
{
	if (r != DB_OK && r != DB_ROW && r != DB_DONE && db->failed == DB_OK
	    && ((r == DB_ERR_INTERRUPTED && db->depth > 0) || lost_inside(db)))
		db->failed = r;
	return r;
}

enum db_status db_exec(struct db *db, const char *sql)
{
	if (refused_inside(db))
		return db->failed;
	return noted(db, db->engine->exec(db, sql));
}

/* The outermost level, once the engine began it (st). */
static enum db_status begun(struct db *db, enum db_status st, bool write, const char *file, int line)
{
	if (st != DB_OK)
		return st;
	db->depth = 1;
	db->writing = write;
	db->failed = DB_OK;
	db->begun_file = file;
	db->begun_line = line;
	return DB_OK;
}

enum db_status db_begin_at(struct db *db, bool write, const char *file, int line)
{
	if (db->depth > 0) {
		/* A write inside a read transaction could only upgrade the lock
		 * and fail under a second desk: the use case must begin with
		 * the write. */
		if (write && !db->writing) {
			db_note(db, "%s:%d writes inside the read transaction begun at %s:%d", file, line,
				db->begun_file, db->begun_line);
			if (db->failed == DB_OK)
				db->failed = DB_ERR_MISUSE;
			return DB_ERR_MISUSE;
		}
		db->depth++;
		return DB_OK;
	}
	return begun(db, db->engine->begin(db, write), write, file, line);
}

static bool is_failure(enum db_status r)
{
	return r != DB_OK && r != DB_ROW && r != DB_DONE;
}

enum db_status db_end(struct db *db, enum db_status r)
{
	if (db->depth <= 0) {
		db_note(db, "db_end without db_begin");
		return DB_ERR_MISUSE;
	}
	if (is_failure(r) && db->failed == DB_OK)
		db->failed = r;
	if (--db->depth > 0)
		return is_failure(r) ? r : DB_OK;
	enum db_status outcome = db->failed;
	db->failed = DB_OK;
	db->writing = false;
	if (db->engine->lost_transaction(db))
		return outcome != DB_OK ? outcome : DB_ERR_IO;
	if (outcome != DB_OK) {
		db->engine->rollback(db);
		return outcome;
	}
	outcome = db->engine->commit(db);
	if (outcome != DB_OK) {
		char why[160];
		snprintf(why, sizeof why, "%.159s", db->detail);
		db_note(db, "commit of the transaction begun at %s:%d: %s", db->begun_file, db->begun_line, why);
		if (!db->engine->lost_transaction(db))
			db->engine->rollback(db);
	}
	return outcome;
}

enum db_status db_begin_rehearsal_at(struct db *db, const char *file, int line)
{
	if (db->depth > 0) {
		db_note(db, "%s:%d rehearses inside the transaction begun at %s:%d", file, line, db->begun_file,
			db->begun_line);
		return DB_ERR_MISUSE;
	}
	if (!db->engine->begin_rehearsal)
		return DB_ERR_BUSY;
	return begun(db, db->engine->begin_rehearsal(db), true, file, line);
}

bool db_rehearsal_helps(const struct db *db)
{
	return db->engine->begin_rehearsal != NULL;
}

/* Whatever level the rehearsal was left at (a store that did not end
 * what it began), all of it is undone: a use case after it must never
 * join it and commit nothing. */
enum db_status db_end_undone(struct db *db)
{
	if (db->depth == 0) {
		db_note(db, "db_end_undone without a rehearsal");
		return DB_ERR_MISUSE;
	}
	enum db_status outcome = db->depth == 1 ? db->failed : DB_ERR_MISUSE;
	if (db->depth != 1)
		db_note(db, "the rehearsal begun at %s:%d ended %d levels in", db->begun_file, db->begun_line,
			db->depth);
	db->depth = 0;
	db->failed = DB_OK;
	db->writing = false;
	if (!db->engine->lost_transaction(db))
		db->engine->rollback(db);
	return outcome;
}

bool db_in_transaction(const struct db *db)
{
	return db->depth > 0;
}

long long db_work(const struct db *db)
{
	return db->engine->work(db);
}

void db_watch_plans(struct db *db, db_plan_fn fn, void *ctx)
{
	db->plan_fn = fn;
	db->plan_ctx = ctx;
}

/* BROBYGGER_PROFILE=MS: every statement that took MS milliseconds or more
 * from prepare to finalize is written to stderr with its SQL, to find
 * what makes a screen slow on a large centre; BROBYGGER_PROFILE_PLAN=1
 * adds how the engine runs it (where the engine can say). */
static double profile_ms = -1;

static double clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static bool profiling(void)
{
	if (profile_ms < 0) {
		const char *env = getenv("BROBYGGER_PROFILE");
		profile_ms = env && *env ? strtod(env, NULL) : 0;
		if (profile_ms <= 0)
			profile_ms = 1e300;
	}
	return profile_ms < 1e300;
}

static void print_plan(void *ctx, const char *sql, const char *step)
{
	(void)ctx;
	(void)sql;
	fprintf(stderr, "    %s\n", step);
}

static void profile_end(struct db_stmt *st)
{
	double took = clock_ms() - st->prepared_at;
	if (took < profile_ms)
		return;
	const struct db_engine *e = st->db->engine;
	fprintf(stderr, "[%.3f ms] %.300s\n", took, e->sql(st));
	if (getenv("BROBYGGER_PROFILE_PLAN") && e->tell_plan) {
		db_plan_fn was = st->db->plan_fn;
		st->db->plan_fn = print_plan;
		e->tell_plan(st->db, e->sql(st));
		st->db->plan_fn = was;
	}
}

enum db_status db_prepare(struct db *db, struct db_stmt **out, const char *sql)
{
	*out = NULL;
	if (db->plan_fn && db->engine->tell_plan)
		db->engine->tell_plan(db, sql);
	enum db_status r = db->engine->prepare(db, out, sql);
	if (r == DB_OK)
		(*out)->prepared_at = profiling() ? clock_ms() : 0;
	return r;
}

enum db_status db_bind_text(struct db_stmt *st, const char *name, const char *value)
{
	if (st->err != DB_OK)
		return st->err;
	return st->db->engine->bind_text(st, name, value);
}

enum db_status db_bind_int(struct db_stmt *st, const char *name, long long value)
{
	if (st->err != DB_OK)
		return st->err;
	return st->db->engine->bind_int(st, name, value);
}

enum db_status db_bind_null(struct db_stmt *st, const char *name)
{
	if (st->err != DB_OK)
		return st->err;
	return st->db->engine->bind_null(st, name);
}

enum db_status db_step(struct db_stmt *st)
{
	if (st->err != DB_OK)
		return st->err;
	if (refused_inside(st->db))
		return st->err = st->db->failed;
	enum db_status r = noted(st->db, st->db->engine->step(st));
	if (r != DB_ROW && r != DB_DONE)
		st->err = r;
	return r;
}

enum db_status db_reset(struct db_stmt *st)
{
	st->db->engine->reset(st);
	return st->err;
}

const char *db_column_text(struct db_stmt *st, int col)
{
	return st->db->engine->column_text(st, col);
}

long long db_column_int(struct db_stmt *st, int col)
{
	return st->db->engine->column_int(st, col);
}

bool db_column_is_null(struct db_stmt *st, int col)
{
	return st->db->engine->column_is_null(st, col);
}

enum db_status db_finalize(struct db_stmt *st)
{
	if (!st)
		return DB_OK;
	enum db_status err = st->err;
	if (profiling())
		profile_end(st);
	st->db->engine->finalize(st);
	return err;
}

long long db_last_insert_id(const struct db *db)
{
	return db->engine->last_insert_id(db);
}

int db_changes(const struct db *db)
{
	return db->engine->changes(db);
}

long long db_total_changes(const struct db *db)
{
	return db->engine->total_changes(db);
}

enum db_status db_query_int(struct db *db, const char *sql, long long *out)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	r = db_step(st);
	if (r == DB_ROW)
		*out = db_column_int(st, 0);
	else if (r == DB_DONE)
		*out = 0;
	return db_finalize(st);
}

enum db_status db_data_version(struct db *db, long long *version)
{
	return db->engine->data_version(db, version);
}

int db_schema_version(struct db *db)
{
	return db->engine->schema_version(db);
}

enum db_status db_integrity_check(struct db *db, struct db_integrity *found, char *report, size_t size)
{
	struct db_integrity none;
	if (!found)
		found = &none;
	*found = (struct db_integrity){ 0 };
	return db->engine->integrity_check(db, found, report, size);
}

enum db_status db_copy_to(struct db *db, const char *path)
{
	return db->engine->copy_to(db, path);
}
