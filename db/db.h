/* db.h — the storage layer's front door.
 *
 * Only files in db/ know the engine (SQLite today; README says which parts
 * are its own). Everything above sees an opaque handle, statements with
 * named parameters, and a small status enum that src/ turns into Danish
 * messages. No function here prints anything: the caller decides how to
 * tell the user.
 */
#ifndef BB_DB_H
#define BB_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "model_status.h"

struct db;
struct db_stmt;

/* Which engine holds the data: one SQLite file (the default, one centre
 * on one machine) or a PostgreSQL server (several centres, one server).
 * The stores hide the difference; db_engine() is for what cannot be the
 * same, such as how a backup is taken. */
enum db_engine_kind {
	DB_ENGINE_SQLITE,
	DB_ENGINE_POSTGRESQL,
};
enum db_engine_kind db_engine(const struct db *db);
/* Whether `where` (a --db value) names a PostgreSQL server rather than a
 * file: a URI (postgresql://, postgres://) or libpq's key=value form
 * ("host=db.example dbname=bb"). */
bool db_is_server(const char *where);
/* `where` fit for a message: a server address with "***" for its
 * password. */
void db_display_name(const char *where, char *out, size_t size);
/* `where` for a command line the user is told to run (pg_dump): a server
 * address with no password at all, which the tools then read from
 * ~/.pgpass; a file name as it is. */
void db_address_without_password(const char *where, char *out, size_t size);
/* Whether there is a database at `where` to open: a file that exists; a
 * server address always (connecting tells the rest). */
bool db_exists(const char *where);


/* The clock for the timestamps the stores write (created, updated, done;
 * "YYYY-MM-DD HH:MM:SS", local time): src/ hands it over so tests and
 * demos can fix the date. Without one it is the machine's local time. The
 * stores bind what db_clock_now() says as a parameter: no SQL asks the
 * database for the time. */
enum { DB_STAMP_LEN = 20 };
typedef void (*db_clock_fn)(char out[DB_STAMP_LEN]);
void db_set_clock(db_clock_fn now);
void db_clock_now(char out[DB_STAMP_LEN]);

/* Run by db_open after the schema is migrated, before it returns: src/
 * remakes derived data there (the search keys, src/textkeys.h). A failure
 * fails the open. NULL: nothing runs. */
typedef enum db_status (*db_open_fn)(struct db *db);
void db_set_after_open(db_open_fn fn);

/* Opening creates the folder (0700) and the file (0600) when missing,
 * sets the engine up for several desks on one machine (concurrent
 * readers, durable commits, foreign keys, a busy timeout), and migrates
 * the schema. A server address (db_is_server) connects instead and
 * migrates the server's schema. */
enum db_status db_open(const char *path, struct db **out);
/* Opens without creating or migrating: for `check`, `backup` and
 * `restore`. An empty file, or one without Brobygger's schema, is
 * DB_ERR_NOTADB. */
/* mkdir -p for the folder that will hold the database file, private to
 * its owner (0700); 0 on success, else -1 with errno set. */
int db_make_folder_for(const char *path);
/* Whether Brobygger is open on the database file: DB_ERR_BUSY when any
 * process has a connection to it (a desk, a command); else DB_OK and
 * *lock holds the file for the caller until
 * db_lock_release (a desk starting meanwhile is not counted).
 * DB_ERR_NOTFOUND when there is no file. */
enum db_status db_lock_out(const char *path, int *lock);
void db_lock_release(int lock);
enum db_status db_open_existing(const char *path, bool readonly, struct db **out);
void db_close(struct db *db);
/* From now on this connection refuses every write (a damaged file). */
enum db_status db_refuse_writes(struct db *db);

/* Last error text from the database or the OS, in English, for a detail line. */
const char *db_errdetail(const struct db *db);
/* The busy timeout in milliseconds; tests shorten it. */
void db_set_busy_timeout(struct db *db, int ms);
/* Until called again with NULL: a statement that runs on this connection
 * stops as soon as `pending(ctx)` says so (asked before each statement
 * begins and about every 0.1 ms while one runs) with DB_ERR_INTERRUPTED. A write stopped so takes
 * its whole transaction with it, and what the use case runs after it is
 * refused until db_end; a read leaves the transaction for db_end to roll
 * back. Either way db_end says DB_ERR_INTERRUPTED and nothing stays. The
 * idle desk's background work gives way to a key at once this way,
 * however long a step of it is. A commit is never stopped halfway. On a
 * server it does nothing: the work there runs to its end. */
void db_interrupt_when(struct db *db, bool (*pending)(void *ctx), void *ctx);
/* Until called again with false: a commit on this connection does not
 * wait for the disk (SQLite's synchronous NORMAL, in WAL mode only). A
 * pulled plug may then lose the last such commits, each whole, never a
 * part of one; the next commit that waits for the disk makes them last
 * too. For work done again when it is lost (the day's rules), never for
 * what someone confirmed. Outside a transaction; on a server, or a file
 * not in WAL mode, it does nothing. */
enum db_status db_unsynced_commits(struct db *db, bool unsynced);
/* Called when nobody waits: the upkeep of what the commits since wrote to
 * the side of the file (SQLite's WAL), a piece at a time, *more while a
 * next piece is due. First the WAL is copied into the file, so a commit
 * does not have to: on a thread of its own, the desk reading keys and
 * committing meanwhile (a piece waits 0.1 ms at most for it); then a
 * commit that starts the WAL over (its header written and synced then,
 * not by the next mark's commit); then room written past the WAL's
 * frames, so a commit overwrites it instead of growing the file (an
 * fdatasync that finds the file grown writes its inode too). These two
 * wait for one sync of the disk each (a fraction of a millisecond here,
 * more on a slow medium); a key typed meanwhile waits for it. No sync
 * any commit makes is left out or made weaker. db_close waits for a copy
 * still running. Nothing on a server. */
enum db_status db_idle_piece(struct db *db, bool *more);

enum db_status db_exec(struct db *db, const char *sql);

/* For the rest of the transaction, only the citizens of this connection's
 * own centre, not those partners shared with it: the funders' report and
 * the export count and hand out a centre's own. On a server that shares
 * nothing more until the transaction ends; a file is one centre. */
enum db_status db_own_centre_only(struct db *db);
/* For the test that keeps the hot queries on their indexes: `fn` is told,
 * for each statement prepared from now on, each line of how the engine
 * will run it (SQLite's EXPLAIN QUERY PLAN: "SEARCH c USING INDEX ...",
 * "SCAN c", "USE TEMP B-TREE FOR ORDER BY"). NULL stops it. */
typedef void (*db_plan_fn)(void *ctx, const char *sql, const char *step);
void db_watch_plans(struct db *db, db_plan_fn fn, void *ctx);
/* How much work the engine has done on this connection so far (SQLite's
 * virtual-machine steps of the statements finalized): the same for the
 * same data on every run, so a test can show that an action does not
 * grow with the number of citizens, without timing it. */
long long db_work(const struct db *db);
/* Transactions nest. The outermost db_begin takes the write lock at once
 * (BEGIN IMMEDIATE), db_begin_read only reads; inner levels join it, so a
 * store called inside a use case becomes part of the use case's one
 * transaction. Every level ends with db_end(db, r): a failure at any level
 * (r not DB_OK) is remembered, and the outermost db_end then rolls
 * everything back and returns the first failure; otherwise it commits and
 * returns the commit's outcome. A begin that fails needs no db_end. Where
 * the outermost level began is kept for the error detail. */
#define db_begin(db) db_begin_at((db), true, __FILE__, __LINE__)
#define db_begin_read(db) db_begin_at((db), false, __FILE__, __LINE__)
enum db_status db_begin_at(struct db *db, bool write, const char *file, int line);
enum db_status db_end(struct db *db, enum db_status r);
/* A rehearsal: a change made for the pages it reads and undone, so that
 * the real one finds them in the system's cache. db_begin_rehearsal takes
 * the write lock at once or not at all (DB_ERR_BUSY: another desk writes
 * now, or the engine is a server, which keeps a cache of its own and
 * would count what is undone); only outermost. db_end_undone rolls back
 * whatever went on inside, at any level, and returns the first failure
 * inside (a damaged page found on the way), as db_end would, or
 * DB_ERR_MISUSE when a level inside was left open. */
#define db_begin_rehearsal(db) db_begin_rehearsal_at((db), __FILE__, __LINE__)
/* Whether a rehearsal reads anything ahead here: a file, not a server. */
bool db_rehearsal_helps(const struct db *db);
enum db_status db_begin_rehearsal_at(struct db *db, const char *file, int line);
enum db_status db_end_undone(struct db *db);
bool db_in_transaction(const struct db *db);

enum db_status db_prepare(struct db *db, struct db_stmt **out, const char *sql);
/* Binding to a name the statement lacks is a programming error (DB_ERR_MISUSE). */
enum db_status db_bind_text(struct db_stmt *st, const char *name, const char *value);
enum db_status db_bind_int(struct db_stmt *st, const char *name, long long value);
enum db_status db_bind_null(struct db_stmt *st, const char *name);
enum db_status db_step(struct db_stmt *st);
enum db_status db_reset(struct db_stmt *st);
const char *db_column_text(struct db_stmt *st, int col); /* never NULL */
long long db_column_int(struct db_stmt *st, int col);
bool db_column_is_null(struct db_stmt *st, int col);
/* Finalizes and returns the first error the statement met, or DB_OK. */
enum db_status db_finalize(struct db_stmt *st);

long long db_last_insert_id(const struct db *db);
int db_changes(const struct db *db);
/* Rows this connection has inserted, updated or deleted since it opened
 * (SQLite's total_changes()). */
long long db_total_changes(const struct db *db);

/* One integer from a query without parameters, e.g. a count. */
enum db_status db_query_int(struct db *db, const char *sql, long long *out);

/* Integrity check: returns DB_OK when the database is sound, else
 * DB_ERR_CORRUPT. `found` (may be NULL) counts what was wrong: places in
 * the file SQLite found broken (it stops at DB_INTEGRITY_MAX), and rows
 * pointing at rows that do not exist. `report` gets up to `size` bytes
 * of SQLite's own findings, in its words (English, for a technician). */
enum { DB_INTEGRITY_MAX = 20 };
struct db_integrity {
	long long broken;
	long long dangling;
};
enum db_status db_integrity_check(struct db *db, struct db_integrity *found, char *report, size_t size);
/* A consistent copy of the whole database into the new file `path`
 * (which must not exist), made in one read transaction, so desks writing
 * meanwhile neither wait nor make it start over. The caller sets the
 * umask for the file's mode. */
enum db_status db_copy_to(struct db *db, const char *path);

/* `brobygger migrate-to`: every row of the SQLite database `from` copied
 * into the PostgreSQL database `to` (both at the same schema version) in
 * one transaction of `to`, which must hold nothing a centre wrote yet;
 * then each table's rows are counted on both sides, and `each` is told
 * each table and its count. A difference rolls everything back
 * (DB_ERR_CONFLICT, the detail names the table); so does a server that
 * holds data already. */
typedef void (*db_copy_fn)(void *ctx, const char *table, long long rows);
enum db_status db_copy_into(struct db *from, struct db *to, db_copy_fn each, void *ctx);

int db_schema_version(struct db *db);
/* Changes whenever another connection (a second desk) commits; not for
 * this connection's own commits. Cheap: no disk read. */
enum db_status db_data_version(struct db *db, long long *version);

#endif
