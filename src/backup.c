/* backup.c — backups and restores (backup.h). */
#include "backup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "dbmessage.h"
#include "i18n.h"
#include "vault.h"

__attribute__((format(printf, 3, 4))) static bool say(char *err, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, size, fmt, ap);
	va_end(ap);
	return false;
}

static bool db_fail(char *err, size_t size, const char *path, enum db_status st, struct db *db)
{
	const char *detail = db ? db_errdetail(db) : "";
	if (*detail)
		snprintf(err, size, "%s: %s (%s)", path, dbmessage(st), detail);
	else
		snprintf(err, size, "%s: %s", path, dbmessage(st));
	return false;
}

/* A name beside `target` for the file being made. */
static void temp_beside(const char *target, const char *what, char *out, size_t size)
{
	snprintf(out, size, "%s.%s-%ld", target, what, (long)getpid());
}

static void sync_folder_of(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static bool fsync_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

/* The copy at `path` is a sound Brobygger database. */
static bool check_copy(const char *path, char *err, size_t size)
{
	struct db *db;
	enum db_status st = db_open_existing(path, true, &db);
	char report[1024] = "";
	if (st == DB_OK)
		st = db_integrity_check(db, report, sizeof report);
	if (st != DB_OK) {
		db_fail(err, size, path, st, db);
		db_close(db);
		return false;
	}
	db_close(db);
	return true;
}

static const char *vault_words(enum vault_status st)
{
	switch (st) {
	case VAULT_NOT_SEALED:
		return _("it is not a sealed Brobygger backup");
	case VAULT_WRONG_KEY:
		return _("the passphrase is wrong, or the file has been changed or cut short");
	case VAULT_NO_MEMORY:
		return _("there is not enough memory to unlock it");
	case VAULT_IO:
	default:
		return strerror(errno);
	}
}

static enum vault_status seal_file(const char *from, const char *to, const char *passphrase, bool opening)
{
	FILE *in = fopen(from, "rb");
	if (!in)
		return VAULT_IO;
	int fd = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!out) {
		if (fd >= 0)
			close(fd);
		fclose(in);
		return VAULT_IO;
	}
	enum vault_status st = opening ? vault_open(in, out, passphrase) : vault_seal(in, out, passphrase);
	fclose(in);
	if (fclose(out) != 0 && st == VAULT_OK)
		st = VAULT_IO;
	if (st != VAULT_OK)
		unlink(to);
	return st;
}

bool backup_write(const char *db_path, const char *target, const char *passphrase, char *err, size_t errsize)
{
	if (access(target, F_OK) == 0)
		return say(err, errsize, _("%s already exists. Choose a new file name for the backup."), target);
	if (passphrase && strlen(passphrase) < VAULT_MIN_PASSPHRASE) {
		snprintf(err, errsize, _("The passphrase must have at least %d characters; a short sentence is easy to remember."),
			 VAULT_MIN_PASSPHRASE);
		return false;
	}
	struct db *db;
	enum db_status st = db_open_existing(db_path, true, &db);
	if (st != DB_OK) {
		db_fail(err, errsize, db_path, st, db);
		db_close(db);
		return false;
	}
	char copy[4096], sealed[4096];
	temp_beside(target, "part", copy, sizeof copy);
	temp_beside(target, "sealing", sealed, sizeof sealed);
	/* The copy is health data too: readable by its owner only. */
	mode_t old = umask(077);
	st = db_copy_to(db, copy);
	umask(old);
	if (st != DB_OK) {
		db_fail(err, errsize, target, st, db);
		db_close(db);
		unlink(copy);
		return false;
	}
	db_close(db);
	if (!check_copy(copy, err, errsize)) {
		unlink(copy);
		return false;
	}
	const char *ready = copy;
	if (passphrase) {
		enum vault_status vs = seal_file(copy, sealed, passphrase, false);
		unlink(copy);
		if (vs != VAULT_OK)
			return say(err, errsize, _("%s: the backup could not be sealed: %s."), target, vault_words(vs));
		ready = sealed;
	}
	/* link() gives the name only if nobody took it meanwhile. */
	if (!fsync_file(ready) || link(ready, target) != 0) {
		int e = errno;
		unlink(ready);
		return say(err, errsize, _("%s: the backup could not be written: %s."), target, strerror(e));
	}
	unlink(ready);
	sync_folder_of(target);
	return true;
}

bool backup_is_sealed(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	bool sealed = vault_is_sealed(f);
	fclose(f);
	return sealed;
}

static bool copy_plain(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb");
	if (!in)
		return false;
	int fd = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
	bool ok = out != NULL;
	char buf[65536];
	size_t n;
	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, out) == n;
	ok = ok && !ferror(in);
	fclose(in);
	if (out && fclose(out) != 0)
		ok = false;
	else if (!out && fd >= 0)
		close(fd);
	if (!ok)
		unlink(to);
	return ok;
}

/* Moves `path`, and its -wal and -shm if any, to `kept` + the same ends. */
static bool move_aside(const char *path, const char *kept)
{
	static const char *const ends[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		char from[4200], to[4200];
		snprintf(from, sizeof from, "%s%s", path, ends[i]);
		snprintf(to, sizeof to, "%s%s", kept, ends[i]);
		if (access(from, F_OK) != 0)
			continue;
		if (rename(from, to) != 0)
			return false;
	}
	return true;
}

static bool folder_exists(const char *path)
{
	char folder[4096];
	snprintf(folder, sizeof folder, "%s", path);
	char *slash = strrchr(folder, '/');
	if (!slash)
		return true;
	slash[slash == folder] = '\0';
	struct stat st;
	return stat(folder, &st) == 0 && S_ISDIR(st.st_mode);
}

bool backup_restore(const char *from, const char *db_path, const char *passphrase, bool force,
		    struct restore_result *out, char *err, size_t errsize)
{
	memset(out, 0, sizeof *out);
	if (access(from, R_OK) != 0)
		return say(err, errsize, _("%s cannot be read: %s."), from, strerror(errno));
	bool exists = access(db_path, F_OK) == 0;
	if (!exists && !folder_exists(db_path))
		return say(err, errsize, _("There is no folder for %s. Check the path (is the disk plugged in?), or add "
					   "--create to make it."), db_path);
	if (exists && !force)
		return say(err, errsize, _("A database already exists at %s. Nothing was changed. Close Brobygger on "
					   "every desk and run restore again with --force: the database there is then "
					   "moved aside, not deleted."), db_path);
	out->was_sealed = backup_is_sealed(from);
	if (out->was_sealed && !passphrase)
		return say(err, errsize, _("%s is sealed with a passphrase. Give it with --passphrase-file."), from);
	char temp[4096];
	temp_beside(db_path, "restoring", temp, sizeof temp);
	if (out->was_sealed) {
		enum vault_status vs = seal_file(from, temp, passphrase, true);
		if (vs != VAULT_OK)
			return say(err, errsize, _("%s cannot be opened: %s. Nothing was changed."), from, vault_words(vs));
	} else if (!copy_plain(from, temp)) {
		return say(err, errsize, _("%s could not be copied: %s. Nothing was changed."), from, strerror(errno));
	}
	if (!check_copy(temp, err, errsize)) {
		unlink(temp);
		return false;
	}
	if (exists) {
		char stamp[32];
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
		snprintf(out->kept_as, sizeof out->kept_as, "%s.before-restore-%s", db_path, stamp);
		if (!move_aside(db_path, out->kept_as)) {
			int e = errno;
			unlink(temp);
			return say(err, errsize, _("The database at %s could not be moved aside: %s. Nothing was restored."),
				   db_path, strerror(e));
		}
		out->replaced = true;
	}
	if (!fsync_file(temp) || rename(temp, db_path) != 0) {
		int e = errno;
		unlink(temp);
		return say(err, errsize, _("%s could not be put in place: %s."), db_path, strerror(e));
	}
	sync_folder_of(db_path);
	return true;
}
