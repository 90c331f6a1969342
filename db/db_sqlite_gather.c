/* db_sqlite_gather.c — the desk's WAL written in one piece per commit.
 *
 * SQLite writes a commit's frames into the WAL two writes a frame (the
 * 24-byte header, then the page) and then syncs. A mark's five frames
 * were ten system calls before its fdatasync, 0.03-0.04 ms of a 0.3 ms
 * mark on a paravirtualised machine where a call costs some 3 us; the
 * same 20 KiB in one write and its sync were 0.03-0.06 ms quicker at p99
 * too. Here the WAL's writes that follow one another are gathered and
 * written at once when SQLite asks for anything else of the file: its
 * sync, a read, its size, a truncation, a file control or its close.
 *
 * Only the desk's own connection uses this (db_sqlite_open), which runs
 * with synchronous = FULL: every commit ends in the WAL's sync, so every
 * commit is written out before it counts, and before another connection
 * is told of its frames (SQLite tells the WAL index after the sync). At
 * a lower setting a commit ends without a sync and its frames could wait
 * here unseen by another desk: such connections, the WAL copier's among
 * them, open through the default VFS.
 *
 * A write that fails surfaces where the pieces are written, at the sync
 * at the latest, with the same code (a full disk is SQLITE_FULL), and
 * SQLite rolls the commit back as after a failed write. Files other than
 * the WAL are the default VFS's own, opened in place, with nothing in
 * between. */
#include "db_sqlite_internal.h"

#include <pthread.h>
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
	sqlite3_int64 at;       /* where they go in the file */
};

static sqlite3_vfs *inner;
static sqlite3_vfs gather;

static struct gather_file *G(sqlite3_file *f)
{
	return (struct gather_file *)f;
}

static const sqlite3_io_methods *M(sqlite3_file *f)
{
	return G(f)->real->pMethods;
}

static int put_out(struct gather_file *g)
{
	if (!g->len)
		return SQLITE_OK;
	int n = g->len;
	g->len = 0;
	return g->real->pMethods->xWrite(g->real, g->buf, n, g->at);
}

static int g_close(sqlite3_file *f)
{
	int rc = put_out(G(f));
	int closed = M(f)->xClose(G(f)->real);
	free(G(f)->buf);
	G(f)->buf = NULL;
	return rc != SQLITE_OK ? rc : closed;
}

static int g_read(sqlite3_file *f, void *p, int n, sqlite3_int64 at)
{
	int rc = put_out(G(f));
	return rc != SQLITE_OK ? rc : M(f)->xRead(G(f)->real, p, n, at);
}

static int g_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 at)
{
	struct gather_file *g = G(f);
	if (g->len && at == g->at + g->len && n <= GATHER_MAX - g->len) {
		memcpy(g->buf + g->len, p, (size_t)n);
		g->len += n;
		return SQLITE_OK;
	}
	int rc = put_out(g);
	if (rc != SQLITE_OK)
		return rc;
	if (!g->buf)
		g->buf = malloc(GATHER_MAX);
	if (!g->buf || n > GATHER_MAX)
		return M(f)->xWrite(g->real, p, n, at);
	memcpy(g->buf, p, (size_t)n);
	g->len = n;
	g->at = at;
	return SQLITE_OK;
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
	3, g_close, g_read, g_write, g_truncate, g_sync, g_file_size, g_lock, g_unlock, g_check_reserved,
	g_file_control, g_sector_size, g_device, g_shm_map, g_shm_lock, g_shm_barrier, g_shm_unmap, g_fetch,
	g_unfetch,
};

static int g_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
	(void)vfs;
	/* Anything but the WAL is the default VFS's file in the same place. */
	if (!(flags & SQLITE_OPEN_WAL))
		return inner->xOpen(inner, name, f, flags, out_flags);
	struct gather_file *g = G(f);
	memset(g, 0, sizeof *g);
	g->real = (sqlite3_file *)(g + 1);
	int rc = inner->xOpen(inner, name, g->real, flags, out_flags);
	f->pMethods = rc == SQLITE_OK && g->real->pMethods ? &gather_io : NULL;
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
