/* db_file.c — the database file on disk, apart from the engine that
 * reads it: the folder it goes in, and the flock(2) that tells `restore`
 * a desk has it open (db_lock_out). */
#include "db_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"

/* A folder that is there already will do; a file of that name will not
 * (ENOTDIR, so the caller can say a file is in the way). */
static int make_one_folder(const char *path)
{
	if (mkdir(path, 0700) == 0)
		return 0;
	struct stat st;
	if (errno != EEXIST)
		return -1;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	errno = ENOTDIR;
	return -1;
}

int db_make_folder_for(const char *path)
{
	char buf[4096];
	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		return -1;
	char *slash = strrchr(buf, '/');
	if (!slash || slash == buf)
		return 0;
	*slash = '\0';
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (make_one_folder(buf) != 0)
			return -1;
		*p = '/';
	}
	return make_one_folder(buf);
}

/* Every connection to a database file holds a shared flock(2) on it, so
 * that `restore` can tell Brobygger is open on it (db_lock_out). One
 * descriptor per file and process, closed with the last connection:
 * closing any descriptor of a file drops all of the process's POSIX
 * locks on it, SQLite's own included. flock and SQLite's fcntl locks do
 * not meet on Linux. */
enum { HOLDS = 16 };
static struct hold {
	dev_t dev;
	ino_t ino;
	int fd;
	int users;
} holds[HOLDS];

int db_file_hold(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	int free_slot = -1;
	for (int i = 0; i < HOLDS; i++) {
		if (holds[i].users && holds[i].dev == st.st_dev && holds[i].ino == st.st_ino) {
			holds[i].users++;
			return i + 1;
		}
		if (!holds[i].users && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0)
		return 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	/* A restore holding it for a moment is no reason to stop a desk. */
	(void)flock(fd, LOCK_SH | LOCK_NB);
	holds[free_slot] = (struct hold){ .dev = st.st_dev, .ino = st.st_ino, .fd = fd, .users = 1 };
	return free_slot + 1;
}

void db_file_release(int hold)
{
	if (!hold || --holds[hold - 1].users > 0)
		return;
	close(holds[hold - 1].fd);
}

enum db_status db_lock_out(const char *path, int *lock)
{
	*lock = -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? DB_ERR_NOTFOUND : DB_ERR_CANTOPEN;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return DB_ERR_BUSY;
	}
	*lock = fd;
	return DB_OK;
}

void db_lock_release(int lock)
{
	if (lock >= 0)
		close(lock);
}
