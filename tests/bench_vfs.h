/* bench_vfs.h — where a mark's time went: an SQLite VFS over the default
 * one that times each read, write and sync of this thread's connection
 * (the WAL's copier on its own thread is not counted). For bench_desk. */
#ifndef BB_BENCH_VFS_H
#define BB_BENCH_VFS_H

#include <stdbool.h>

struct vfs_times {
	double read_ms, write_ms, sync_ms;
	long reads, writes, syncs;
	long long written;      /* bytes */
};

/* Made the default VFS: every database opened after it is timed. */
void bench_vfs_install(void);
/* This thread's times since the last call, and zero again. */
struct vfs_times bench_vfs_take(void);
/* For tests: writes the function says no to fail with
 * SQLITE_IOERR_WRITE; NULL writes everything again. */
void bench_vfs_refuse(bool (*refuse)(const void *data, int n));

#endif
