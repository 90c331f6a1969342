/* db_sqlite_internal.h — inside db/: the SQLite engine's connection, shared
 * by db_sqlite.c (the engine) and db_sqlite_wal.c (the WAL's upkeep). */
#ifndef BB_DB_SQLITE_INTERNAL_H
#define BB_DB_SQLITE_INTERNAL_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "db_engine.h"

/* Prepared statements kept for the next use of the same SQL text: half of
 * a mark's CPU time was SQLite parsing the same statements again. A
 * statement in use is not shared; the same SQL nested in itself gets a
 * statement of its own. The least recently used gives way when all are
 * taken. */
enum { STMT_CACHE = 96 };

struct lite_stmt {
	struct db_stmt base;
	sqlite3_stmt *s;
	struct cached_stmt *cached; /* where it goes back to, or NULL */
};

enum { ORIGIN_SLOTS = 256, PARAM_MEMO = 8, PARAM_NAME = 16 };

/* A parameter's name as last bound, with its number: the names are
 * constants, found again by address (and text: a buffer may hold another
 * name by now) without SQLite's search through the statement's names. */
struct param_memo {
	const char *at;
	char name[PARAM_NAME];
	int index;
};

struct cached_stmt {
	char *sql;
	/* Where the caller's text was when last asked for: most SQL is a
	 * constant, found again by its address without hashing its text. */
	const char *origin;
	unsigned long hash;
	sqlite3_stmt *s;
	struct param_memo params[PARAM_MEMO];
	struct lite_stmt handle;
	bool in_use;
	unsigned long long used_at;
};

/* The WAL copied into the file on a connection and a thread of its own
 * (db_sqlite_wal.c), so the desk reads keys meanwhile. */
struct wal_copier {
	pthread_t thread;
	bool running;           /* started and not yet joined */
	atomic_bool done;       /* set by the thread as it ends */
	const char *path;       /* the desk's file, as its connection names it */
	sqlite3 *h;             /* opened by the thread at its first copy */
	int rc, log, copied;    /* what the copy said */
	unsigned long commits;  /* the desk's commits when it started */
};

struct lite {
	struct db base;
	sqlite3 *h;
	int busy_ms;
	struct cached_stmt cache[STMT_CACHE];
	unsigned char by_origin[ORIGIN_SLOTS]; /* a cache index + 1 by the SQL's address, or 0 */
	unsigned long long uses; /* a clock for the cache's least recently used */
	long long vm_steps;      /* db_work: the engine's steps of finished statements */
	int hold;                /* db_file_hold's, or 0 */
	bool (*pending)(void *ctx); /* db_interrupt_when */
	void *pending_ctx;
	double asked_at;         /* when lite_progress last asked it, ms */
	int wal_frames;          /* in the WAL after the last commit */
	bool wal_copied;         /* all copied: the next commit starts the WAL over */
	unsigned long commits;   /* counted by the WAL hook */
	struct wal_copier copier;
	int page_size;           /* in WAL mode as the desk opens it; else 0 */
	bool refused;            /* db_refuse_writes */
};

static inline struct lite *L(const struct db *db)
{
	return (struct lite *)db;
}

/* db_sqlite.c; lite_configure is called by the first open, or by whoever
 * uses SQLite before it (the bench's VFS): SQLite refuses it after. */
void lite_configure(void);
enum db_status lite_note_error(struct db *db, int rc);
enum db_status lite_exec(struct db *db, const char *sql);

/* db_sqlite_wal.c: the hook that counts a commit's frames (and copies the
 * WAL past WAL_FRAMES_MAX); whether the file is in WAL mode; one piece of
 * the idle upkeep (db_idle_piece). */
/* The write lock taken at once or not at all (BEGIN IMMEDIATE without
 * the busy timeout): an idle desk does not wait for another that writes.
 * SQLite's result code. */
int lite_begin_now(struct lite *l);
int lite_wal_hook(void *ctx, sqlite3 *h, const char *schema, int frames);
bool lite_in_wal_mode(struct lite *l);
enum db_status lite_checkpoint_idle(struct db *db, bool *more);

/* db_sqlite_gather.c: the name of the VFS that writes a commit's WAL
 * frames in one piece, for the connections db_open makes; NULL where it
 * could not be registered (the default VFS is used then). */
const char *lite_gather_vfs(void);
/* Waits for a copy still running and closes the copier's connection. */
void lite_wal_close(struct lite *l);

#endif
