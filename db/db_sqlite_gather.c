/* db_sqlite_gather.c — the desk's WAL written in one piece per commit.
 *
 * SQLite writes a commit's frames into the WAL two writes a frame (the
 * 24-byte header, then the page) and then syncs. A mark's five frames
 * were ten system calls before its fdatasync, 0.03-0.04 ms of a 0.3 ms
 * mark on a paravirtualised machine where a call costs some 3 us; the
 * same 20 KiB in one write and its sync were 0.03-0.06 ms quicker at p99
 * too. Here the WAL's writes that follow one another are gathered and
 * written at once with a commit's last page, when SQLite asks for
 * anything else of the file (its sync, a read, its size, a truncation, a
 * file control, its close) and before any call on the shared memory
 * beside the database file:
 *
 * - The WAL index is how other connections learn of frames. SQLite
 *   publishes a commit in it after the WAL's sync, and between the two
 *   copies of its header it calls the barrier: whatever SQLite wrote
 *   after the sync (a sector's padding where writes are not power-safe)
 *   is on the file before the header is whole.
 * - A lock is taken or let go there. Frames of a transaction rolled back
 *   after it spilled pages into the WAL are written before the write
 *   lock goes, as SQLite wrote them, not later over another desk's
 *   commit at the same place.
 *
 * Writing earlier than SQLite is never wrong, only later; so a call on
 * a database file's shared memory writes out every WAL of that file
 * gathered in the process. Every connection db_open makes opens through
 * this VFS (db_sqlite_open: the desk's and the commands', all at
 * synchronous = FULL, though nothing here needs it); the WAL's copier
 * and db_open_existing (a backup, a read) use the default one.
 *
 * A commit's write that fails is the commit's failure, with the same
 * code (a full disk is SQLITE_FULL), before SQLite tells anyone of its
 * frames, at any synchronous setting; SQLite rolls it back as after a
 * failed write. A write-out for the shared memory reports its failure at
 * the WAL's next write, sync or read. Other files
 * (journals, temporary files) are the default VFS's own, opened in place
 * with nothing in between; so is the database file, with its methods but
 * the shared memory's lock and barrier. */
#include "db_sqlite_internal.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Sixteen frames of 4 KiB pages: a mark's five and a correction's more
 * in one write; a larger transaction is written sixteen frames at a time. */
enum { GATHER_MAX = 16 * (24 + 4096) };

struct gather_file {
	sqlite3_file base;
	sqlite3_file *real;     /* the default VFS's file, right after this */
	unsigned char *buf;     /* GATHER_MAX bytes, at the first write */
	int len;                /* bytes gathered */
	int failed;             /* a write-out's failure not yet reported */
	bool direct;            /* none gathered (see g_open) */
	bool commit_next;       /* the page after a commit's frame header */
	sqlite3_int64 at;       /* where they go in the file */
	sqlite3_int64 read_at;  /* the last read, -1: none yet */
	sqlite3_file *db;       /* its database file, whose shared memory writes it out */
	struct gather_file *next; /* the process's open WALs */
};

static sqlite3_vfs *inner;
static sqlite3_vfs gather;
/* The open WALs and their buffers, under one lock: a database file's
 * shared memory writes out its own, whichever thread asks. */
static pthread_mutex_t wals_lock = PTHREAD_MUTEX_INITIALIZER;
static struct gather_file *wals;
/* The default VFS's methods of a database file, and the same with the
 * shared memory's lock and barrier writing the WALs out first. */
static const sqlite3_io_methods *db_io;
static sqlite3_io_methods db_io_writing_wals;

static struct gather_file *G(sqlite3_file *f)
{
	return (struct gather_file *)f;
}

static const sqlite3_io_methods *M(sqlite3_file *f)
{
	return G(f)->real->pMethods;
}

/* With wals_lock held: what is gathered written, a failure kept for the
 * WAL's next call to report (a write-out at a database file's shared
 * memory, SQLite's barrier and lock, reports to no one). */
static void write_out_locked(struct gather_file *g)
{
	if (!g->len)
		return;
	int n = g->len;
	g->len = 0;
	int rc = g->real->pMethods->xWrite(g->real, g->buf, n, g->at);
	if (rc != SQLITE_OK && g->failed == SQLITE_OK)
		g->failed = rc;
}

/* Written out, and the failure no call has reported yet. */
static int put_out_locked(struct gather_file *g)
{
	write_out_locked(g);
	int rc = g->failed;
	g->failed = SQLITE_OK;
	return rc;
}

static int put_out(struct gather_file *g)
{
	pthread_mutex_lock(&wals_lock);
	int rc = put_out_locked(g);
	pthread_mutex_unlock(&wals_lock);
	return rc;
}

/* Before the shared memory of its database file. Its commits are
 * written out by then (g_write); what is left is a transaction's spilled
 * frames, rolled back when the write lock goes (a connection takes no
 * lock of its own while it writes). */
static void put_out_wals_of(sqlite3_file *db)
{
	pthread_mutex_lock(&wals_lock);
	for (struct gather_file *g = wals; g; g = g->next)
		if (g->db == db) {
			write_out_locked(g);
			g->read_at = -1;
		}
	pthread_mutex_unlock(&wals_lock);
}

static int g_close(sqlite3_file *f)
{
	struct gather_file *g = G(f);
	pthread_mutex_lock(&wals_lock);
	int rc = put_out_locked(g);
	for (struct gather_file **p = &wals; *p; p = &(*p)->next)
		if (*p == g) {
			*p = g->next;
			break;
		}
	pthread_mutex_unlock(&wals_lock);
	int closed = M(f)->xClose(g->real);
	free(g->buf);
	g->buf = NULL;
	return rc != SQLITE_OK ? rc : closed;
}

static int g_read(sqlite3_file *f, void *p, int n, sqlite3_int64 at)
{
	struct gather_file *g = G(f);
	pthread_mutex_lock(&wals_lock);
	int rc = put_out_locked(g);
	g->read_at = at;
	pthread_mutex_unlock(&wals_lock);
	return rc != SQLITE_OK ? rc : M(f)->xRead(g->real, p, n, at);
}

/* A frame's header is 24 bytes; its second word, big-endian, is the
 * database's size in pages after a commit and 0 in any other frame. */
static bool commit_header(const void *p, int n)
{
	const unsigned char *h = p;
	return n == 24 && (h[4] | h[5] | h[6] | h[7]) != 0;
}

/* Into the buffer when it follows what is there and fits, else what is
 * there written out first; *gathered false when it is to be written
 * through (larger than the buffer, or no memory for one). */
static int gather_locked(struct gather_file *g, const void *p, int n, sqlite3_int64 at, bool *gathered)
{
	*gathered = false;
	if (g->len && at == g->at + g->len && n <= GATHER_MAX - g->len) {
		memcpy(g->buf + g->len, p, (size_t)n);
		g->len += n;
		*gathered = true;
		return SQLITE_OK;
	}
	int rc = put_out_locked(g);
	if (rc != SQLITE_OK || n > GATHER_MAX || (!g->buf && !(g->buf = malloc(GATHER_MAX))))
		return rc;
	memcpy(g->buf, p, (size_t)n);
	g->len = n;
	g->at = at;
	*gathered = true;
	return SQLITE_OK;
}

/* A commit's frames are written out with its last page, whatever the
 * synchronous setting: a failure comes back to the commit itself, before
 * SQLite tells anyone of its frames (at FULL its sync follows at once,
 * and the write is the same one). */
static int g_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 at)
{
	struct gather_file *g = G(f);
	if (g->direct)
		return M(f)->xWrite(g->real, p, n, at);
	pthread_mutex_lock(&wals_lock);
	/* A write-out's failure no call has reported yet is this write's. */
	int rc = g->failed;
	g->failed = SQLITE_OK;
	/* A frame's header written where it was just read: SQLite putting
	 * right the checksums of frames it wrote (a page written twice in
	 * one transaction). The last is a commit's with no page after it:
	 * written through, its failure the commit's. */
	bool rewrite = n == 24 && at == g->read_at;
	/* Only straight after its read: a read long ago (recovery's, an
	 * earlier rewrite's) may sit where a new frame's header comes. */
	g->read_at = -1;
	bool gathered = false;
	if (rc == SQLITE_OK)
		rc = rewrite ? put_out_locked(g) : gather_locked(g, p, n, at, &gathered);
	if (rc == SQLITE_OK && gathered && g->commit_next)
		rc = put_out_locked(g);
	g->commit_next = rc == SQLITE_OK && gathered && commit_header(p, n);
	pthread_mutex_unlock(&wals_lock);
	if (rc != SQLITE_OK || gathered)
		return rc;
	return M(f)->xWrite(g->real, p, n, at);
}

static int g_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	int rc = put_out(G(f));
	return rc != SQLITE_OK ? rc : M(f)->xTruncate(G(f)->real, size);
}

static int g_sync(sqlite3_file *f, int flags)
{
	int rc = put_out(G(f));
	return rc != SQLITE_OK ? rc : M(f)->xSync(G(f)->real, flags);
}

static int g_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	int rc = put_out(G(f));
	return rc != SQLITE_OK ? rc : M(f)->xFileSize(G(f)->real, size);
}

static int g_lock(sqlite3_file *f, int level)
{
	return M(f)->xLock(G(f)->real, level);
}

static int g_unlock(sqlite3_file *f, int level)
{
	return M(f)->xUnlock(G(f)->real, level);
}

static int g_check_reserved(sqlite3_file *f, int *out)
{
	return M(f)->xCheckReservedLock(G(f)->real, out);
}

static int g_file_control(sqlite3_file *f, int op, void *arg)
{
	int rc = put_out(G(f));
	return rc != SQLITE_OK ? rc : M(f)->xFileControl(G(f)->real, op, arg);
}

static int g_sector_size(sqlite3_file *f)
{
	return M(f)->xSectorSize(G(f)->real);
}

static int g_device(sqlite3_file *f)
{
	return M(f)->xDeviceCharacteristics(G(f)->real);
}

/* A WAL has no shared memory or mapping of its own (the database file
 * has them), but the methods are there for a version 3 file. */
static int g_shm_map(sqlite3_file *f, int region, int size, int extend, void volatile **p)
{
	return M(f)->iVersion >= 2 ? M(f)->xShmMap(G(f)->real, region, size, extend, p) : SQLITE_IOERR;
}

static int g_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return M(f)->iVersion >= 2 ? M(f)->xShmLock(G(f)->real, offset, n, flags) : SQLITE_IOERR;
}

static void g_shm_barrier(sqlite3_file *f)
{
	if (M(f)->iVersion >= 2)
		M(f)->xShmBarrier(G(f)->real);
}

static int g_shm_unmap(sqlite3_file *f, int delete_too)
{
	return M(f)->iVersion >= 2 ? M(f)->xShmUnmap(G(f)->real, delete_too) : SQLITE_OK;
}

static int g_fetch(sqlite3_file *f, sqlite3_int64 at, int n, void **p)
{
	*p = NULL;
	int rc = put_out(G(f));
	return rc != SQLITE_OK || M(f)->iVersion < 3 ? rc : M(f)->xFetch(G(f)->real, at, n, p);
}

static int g_unfetch(sqlite3_file *f, sqlite3_int64 at, void *p)
{
	return M(f)->iVersion >= 3 ? M(f)->xUnfetch(G(f)->real, at, p) : SQLITE_OK;
}

static const sqlite3_io_methods gather_io = {
	.iVersion = 3,
	.xClose = g_close,
	.xRead = g_read,
	.xWrite = g_write,
	.xTruncate = g_truncate,
	.xSync = g_sync,
	.xFileSize = g_file_size,
	.xLock = g_lock,
	.xUnlock = g_unlock,
	.xCheckReservedLock = g_check_reserved,
	.xFileControl = g_file_control,
	.xSectorSize = g_sector_size,
	.xDeviceCharacteristics = g_device,
	.xShmMap = g_shm_map,
	.xShmLock = g_shm_lock,
	.xShmBarrier = g_shm_barrier,
	.xShmUnmap = g_shm_unmap,
	.xFetch = g_fetch,
	.xUnfetch = g_unfetch,
};

/* ---------- the database file: its shared memory writes the WALs out ---------- */

static int d_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	put_out_wals_of(f);
	return db_io->xShmLock(f, offset, n, flags);
}

static void d_shm_barrier(sqlite3_file *f)
{
	put_out_wals_of(f);
	db_io->xShmBarrier(f);
}

/* The database file's methods with the two above, made at its first
 * open; left as they are where they differ (then its WAL is not gathered). */
static void db_methods(sqlite3_file *f)
{
	const sqlite3_io_methods *io = f->pMethods;
	pthread_mutex_lock(&wals_lock);
	if (!db_io && io && io->iVersion >= 2) {
		db_io = io;
		db_io_writing_wals = *io;
		db_io_writing_wals.xShmLock = d_shm_lock;
		db_io_writing_wals.xShmBarrier = d_shm_barrier;
	}
	bool ours = io && io == db_io;
	pthread_mutex_unlock(&wals_lock);
	if (ours)
		f->pMethods = &db_io_writing_wals;
}

static int g_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
	(void)vfs;
	/* Anything but the WAL is the default VFS's file in the same place. */
	if (!(flags & SQLITE_OPEN_WAL)) {
		int rc = inner->xOpen(inner, name, f, flags, out_flags);
		if (rc == SQLITE_OK && (flags & SQLITE_OPEN_MAIN_DB))
			db_methods(f);
		return rc;
	}
	struct gather_file *g = G(f);
	memset(g, 0, sizeof *g);
	g->real = (sqlite3_file *)(g + 1);
	int rc = inner->xOpen(inner, name, g->real, flags, out_flags);
	if (rc != SQLITE_OK || !g->real->pMethods) {
		f->pMethods = NULL;
		return rc;
	}
	f->pMethods = &gather_io;
	/* Gathered only where its own database file's shared memory writes
	 * it out and a write past the sync cannot harm what was synced
	 * (SQLite pads a commit to a sector by the database file's say). */
	sqlite3_file *main_file = sqlite3_database_file_object(name);
	g->db = main_file;
	g->read_at = -1;
	pthread_mutex_lock(&wals_lock);
	g->direct = !main_file || main_file->pMethods != &db_io_writing_wals
		    || !(main_file->pMethods->xDeviceCharacteristics(main_file) & SQLITE_IOCAP_POWERSAFE_OVERWRITE);
	g->next = wals;
	wals = g;
	pthread_mutex_unlock(&wals_lock);
	return rc;
}

static void register_gather(void)
{
	inner = sqlite3_vfs_find(NULL);
	if (!inner)
		return;
	gather = *inner;
	gather.zName = "brobygger-gather";
	gather.szOsFile = (int)sizeof(struct gather_file) + inner->szOsFile;
	gather.xOpen = g_open;
	if (sqlite3_vfs_register(&gather, 0) != SQLITE_OK)
		inner = NULL;
}

const char *lite_gather_vfs(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, register_gather);
	return inner ? gather.zName : NULL;
}
