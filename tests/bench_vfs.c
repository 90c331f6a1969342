/* bench_vfs.c — see bench_vfs.h. Each file opened through it wraps the
 * default VFS's file, placed right after it in the space SQLite gives. */
#include "bench_vfs.h"

#include <sqlite3.h>
#include <time.h>

#include "db_sqlite_internal.h"

static _Thread_local struct vfs_times now_times;
static bool (*refusing)(const void *data, int n);
static sqlite3_vfs *inner;
static sqlite3_vfs timed;

struct timed_file {
	sqlite3_file base;
	sqlite3_file *real;
};

static double clock_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static sqlite3_file *real(sqlite3_file *f)
{
	return ((struct timed_file *)f)->real;
}

static int t_close(sqlite3_file *f)
{
	return real(f)->pMethods->xClose(real(f));
}

static int t_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 at)
{
	double t0 = clock_ms();
	int rc = real(f)->pMethods->xRead(real(f), buf, n, at);
	now_times.read_ms += clock_ms() - t0;
	now_times.reads++;
	return rc;
}

static int t_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 at)
{
	if (refusing && refusing(buf, n))
		return SQLITE_IOERR_WRITE;
	double t0 = clock_ms();
	int rc = real(f)->pMethods->xWrite(real(f), buf, n, at);
	now_times.write_ms += clock_ms() - t0;
	now_times.writes++;
	now_times.written += n;
	return rc;
}

static int t_sync(sqlite3_file *f, int flags)
{
	double t0 = clock_ms();
	int rc = real(f)->pMethods->xSync(real(f), flags);
	now_times.sync_ms += clock_ms() - t0;
	now_times.syncs++;
	return rc;
}

static int t_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return real(f)->pMethods->xTruncate(real(f), size);
}

static int t_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return real(f)->pMethods->xFileSize(real(f), size);
}

static int t_lock(sqlite3_file *f, int level)
{
	return real(f)->pMethods->xLock(real(f), level);
}

static int t_unlock(sqlite3_file *f, int level)
{
	return real(f)->pMethods->xUnlock(real(f), level);
}

static int t_check_reserved(sqlite3_file *f, int *out)
{
	return real(f)->pMethods->xCheckReservedLock(real(f), out);
}

static int t_file_control(sqlite3_file *f, int op, void *arg)
{
	return real(f)->pMethods->xFileControl(real(f), op, arg);
}

static int t_sector_size(sqlite3_file *f)
{
	return real(f)->pMethods->xSectorSize(real(f));
}

static int t_device(sqlite3_file *f)
{
	return real(f)->pMethods->xDeviceCharacteristics(real(f));
}

static int t_shm_map(sqlite3_file *f, int region, int size, int extend, void volatile **p)
{
	return real(f)->pMethods->xShmMap(real(f), region, size, extend, p);
}

static int t_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}

static void t_shm_barrier(sqlite3_file *f)
{
	real(f)->pMethods->xShmBarrier(real(f));
}

static int t_shm_unmap(sqlite3_file *f, int delete_too)
{
	return real(f)->pMethods->xShmUnmap(real(f), delete_too);
}

static int t_fetch(sqlite3_file *f, sqlite3_int64 at, int n, void **p)
{
	return real(f)->pMethods->xFetch(real(f), at, n, p);
}

static int t_unfetch(sqlite3_file *f, sqlite3_int64 at, void *p)
{
	return real(f)->pMethods->xUnfetch(real(f), at, p);
}

static const sqlite3_io_methods timed_io = {
	3, t_close, t_read, t_write, t_truncate, t_sync, t_file_size, t_lock, t_unlock, t_check_reserved,
	t_file_control, t_sector_size, t_device, t_shm_map, t_shm_lock, t_shm_barrier, t_shm_unmap, t_fetch,
	t_unfetch,
};

static int t_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
	(void)vfs;
	struct timed_file *t = (struct timed_file *)f;
	t->real = (sqlite3_file *)(t + 1);
	int rc = inner->xOpen(inner, name, t->real, flags, out_flags);
	f->pMethods = rc == SQLITE_OK && t->real->pMethods ? &timed_io : NULL;
	return rc;
}

void bench_vfs_install(void)
{
	if (inner)
		return;
	/* The desk's settings before SQLite's first use, which finding a
	 * VFS is: after it SQLite refuses them. */
	lite_configure();
	inner = sqlite3_vfs_find(NULL);
	timed = *inner;
	timed.zName = "bench-timed";
	timed.szOsFile = (int)sizeof(struct timed_file) + inner->szOsFile;
	timed.xOpen = t_open;
	sqlite3_vfs_register(&timed, 1);
}

struct vfs_times bench_vfs_take(void)
{
	struct vfs_times t = now_times;
	now_times = (struct vfs_times){ 0 };
	return t;
}

void bench_vfs_refuse(bool (*refuse)(const void *data, int n))
{
	refusing = refuse;
}
