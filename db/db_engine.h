/* db_engine.h — what db.c asks of a storage engine (db_sqlite.c: one
 * SQLite file; db_pg.c: a PostgreSQL server through libpq).
 *
 * db.c keeps what both share: the nested transactions with their sticky
 * failure, the clock, the after-open hook and the migrations. An engine
 * keeps its connection and statements behind these few calls; nothing of
 * it shows above db/. Only files in db/ include this header.
 */
#ifndef BB_DB_ENGINE_H
#define BB_DB_ENGINE_H

#include "db.h"

struct db_engine;

struct db {
	const struct db_engine *engine;
	/* Nested transactions, as fossil's db_begin_transaction: only the
	 * outermost level talks to the engine; the first failure at any
	 * level is kept and rolls the whole transaction back at the end. */
	int depth;
	bool writing;             /* the outermost level took the write lock */
	enum db_status failed;    /* DB_OK, or the first failure inside */
	const char *begun_file;   /* where the outermost level began */
	int begun_line;
	char detail[256];
	db_plan_fn plan_fn;       /* db_watch_plans: told each new statement's plan */
	void *plan_ctx;
};

/* Every engine's statement begins with this. */
struct db_stmt {
	struct db *db;
	enum db_status err;       /* the first error the statement met */
	double prepared_at;       /* ms, for BROBYGGER_PROFILE */
};

struct db_engine {
	enum db_engine_kind kind;
	void (*close)(struct db *db);
	enum db_status (*exec)(struct db *db, const char *sql);
	/* The outermost level of a transaction; commit, rollback. */
	enum db_status (*begin)(struct db *db, bool write);
	/* db_begin_rehearsal's write transaction, taken at once or not at
	 * all; NULL where a rehearsal reads nothing ahead. */
	enum db_status (*begin_rehearsal)(struct db *db);
	enum db_status (*commit)(struct db *db);
	void (*rollback)(struct db *db);
	/* The engine ended the transaction by itself (SQLite after a full
	 * disk): nothing is left to commit or roll back. */
	bool (*lost_transaction)(struct db *db);
	enum db_status (*prepare)(struct db *db, struct db_stmt **out, const char *sql);
	enum db_status (*bind_text)(struct db_stmt *st, const char *name, const char *value);
	enum db_status (*bind_int)(struct db_stmt *st, const char *name, long long value);
	enum db_status (*bind_null)(struct db_stmt *st, const char *name);
	enum db_status (*step)(struct db_stmt *st);
	void (*reset)(struct db_stmt *st);
	const char *(*column_text)(struct db_stmt *st, int col);
	long long (*column_int)(struct db_stmt *st, int col);
	bool (*column_is_null)(struct db_stmt *st, int col);
	void (*finalize)(struct db_stmt *st);
	long long (*last_insert_id)(const struct db *db);
	int (*changes)(const struct db *db);
	long long (*total_changes)(const struct db *db);
	enum db_status (*data_version)(struct db *db, long long *version);
	int (*schema_version)(struct db *db);
	enum db_status (*set_schema_version)(struct db *db, int version);
	/* *found is zeroed by db.c before. */
	enum db_status (*integrity_check)(struct db *db, struct db_integrity *found, char *report, size_t size);
	enum db_status (*copy_to)(struct db *db, const char *path);
	enum db_status (*refuse_writes)(struct db *db);
	void (*set_busy_timeout)(struct db *db, int ms);
	/* db_idle_piece: one piece of the upkeep, *more when another is due;
	 * NULL where there is nothing to do. */
	enum db_status (*checkpoint_idle)(struct db *db, bool *more);
	/* db_interrupt_when; NULL where the engine cannot. */
	void (*interrupt_when)(struct db *db, bool (*pending)(void *ctx), void *ctx);
	/* db_unsynced_commits; NULL where the engine keeps every commit. */
	enum db_status (*unsynced_commits)(struct db *db, bool unsynced);
	long long (*work)(const struct db *db);
	/* The statement's SQL as the engine runs it, for BROBYGGER_PROFILE. */
	const char *(*sql)(struct db_stmt *st);
	/* Tells db->plan_fn how the engine will run `sql`, one line a step;
	 * NULL where the engine cannot say without the parameters' values. */
	void (*tell_plan)(struct db *db, const char *sql);
};

/* Records `st` with `detail` as the connection's last error text. */
void db_note(struct db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The engines' openers: *out is set even on failure (for the detail). */
enum db_status db_sqlite_open(const char *path, struct db **out);
enum db_status db_sqlite_open_existing(const char *path, bool readonly, struct db **out);
enum db_status db_pg_open(const char *conninfo, bool create, struct db **out);

/* The busy timeout in milliseconds from $BROBYGGER_BUSY_TIMEOUT_MS. */
int db_busy_timeout_from_env(void);

#endif
