/* backup.c — backups and restores (backup.h). */
#include "backup.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
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

/* ---------- files half made when a signal comes ---------- */

/* Ctrl-C in the middle of a backup must not leave a half copy behind, and
 * never a plain one beside a sealed backup on a USB stick: the files being
 * made are removed before the program ends. */
enum { TEMPS = 4, TEMP_PATH = 4200 };
static char temps[TEMPS][TEMP_PATH];
static volatile sig_atomic_t ntemps;
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static struct sigaction before[sizeof stop_signals / sizeof stop_signals[0]];

static void remove_temps_and_stop(int sig)
{
	for (int i = 0; i < ntemps; i++) {
		unlink(temps[i]);
		/* SQLite's own files of a copy being checked. */
		char side[TEMP_PATH + 8];
		size_t n = strlen(temps[i]);
		memcpy(side, temps[i], n);
		memcpy(side + n, "-wal", 5);
		unlink(side);
		memcpy(side + n, "-shm", 5);
		unlink(side);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Names the files this run makes; they go if a stop signal comes. */
static void guard_temps(const char *a, const char *b)
{
	const char *paths[] = { a, b };
	int n = 0;
	for (int i = 0; i < 2; i++)
		if (paths[i])
			snprintf(temps[n++], TEMP_PATH, "%s", paths[i]);
	ntemps = n;
	struct sigaction sa = { .sa_handler = remove_temps_and_stop };
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaction(stop_signals[i], &sa, &before[i]);
}

static void unguard_temps(void)
{
	for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaction(stop_signals[i], &before[i], NULL);
	ntemps = 0;
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

static bool folder_writable(const char *path)
{
	char folder[4096];
	snprintf(folder, sizeof folder, "%s", path);
	char *slash = strrchr(folder, '/');
	if (!slash)
		snprintf(folder, sizeof folder, ".");
	else
		slash[slash == folder] = '\0';
	return access(folder, W_OK) == 0;
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

/* The copy at `path` is a sound Brobygger database; a message names
 * `shown` (what the person gave) when it is not. The copy is left as one
 * file, with no -wal or -shm beside it. */
static bool check_copy(const char *path, const char *shown, char *err, size_t size)
{
	struct db *db;
	enum db_status st = db_open_existing(path, false, &db);
	char report[1024] = "";
	if (st == DB_OK)
		st = db_integrity_check(db, NULL, report, sizeof report);
	if (st == DB_OK)
		st = db_exec(db, "PRAGMA journal_mode = DELETE");
	if (st != DB_OK) {
		db_fail(err, size, shown, st, db);
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
	if (!folder_exists(target))
		return say(err, errsize, _("There is no folder for %s. Check the path (is the USB stick plugged in?)."),
			   target);
	struct db *db;
	enum db_status st = db_open_existing(db_path, true, &db);
	if (st != DB_OK) {
		db_fail(err, errsize, db_path, st, db);
		db_close(db);
		return false;
	}
	/* The plain copy of a sealed backup is made beside the database, in
	 * its private folder, never beside the sealed file on a USB stick;
	 * in the temporary folder when the database's cannot be written. */
	char copy[4096], sealed[4096];
	const char *tmpdir = getenv("TMPDIR");
	if (!passphrase)
		temp_beside(target, "part", copy, sizeof copy);
	else if (folder_writable(db_path))
		temp_beside(db_path, "backup", copy, sizeof copy);
	else
		snprintf(copy, sizeof copy, "%s/brobygger-backup-%ld", tmpdir && *tmpdir ? tmpdir : "/tmp", (long)getpid());
	temp_beside(target, "sealing", sealed, sizeof sealed);
	guard_temps(copy, passphrase ? sealed : NULL);
	/* The copy is health data too: readable by its owner only. */
	mode_t old = umask(077);
	st = db_copy_to(db, copy);
	umask(old);
	bool ok = false;
	if (st == DB_ERR_CORRUPT) {
		say(err, errsize, _("The database %s is damaged, so no backup was made of it. Keep your last good "
				    "backup, and put it back with 'brobygger restore' and its file name."),
		    db_path);
	} else if (st != DB_OK) {
		db_fail(err, errsize, target, st, db);
	} else {
		ok = true;
	}
	db_close(db);
	ok = ok && check_copy(copy, target, err, errsize);
	const char *ready = copy;
	if (ok && passphrase) {
		enum vault_status vs = seal_file(copy, sealed, passphrase, false);
		ok = vs == VAULT_OK;
		if (!ok)
			say(err, errsize, _("%s: the backup could not be sealed: %s."), target, vault_words(vs));
		ready = sealed;
	}
	/* link() gives the name only if nobody took it meanwhile. */
	if (ok && (!fsync_file(ready) || link(ready, target) != 0)) {
		ok = say(err, errsize, _("%s: the backup could not be written: %s."), target, strerror(errno));
	}
	unlink(copy);
	unlink(sealed);
	unguard_temps();
	if (ok)
		sync_folder_of(target);
	return ok;
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

/* Moves `path`, and its -wal and -shm if any, aside to a name of its own:
 * PATH.before-restore-YYYYMMDD-HHMMSS, with -2, -3 ... when two restores
 * come in the same second. link() never overwrites a file, so nothing
 * kept before is lost; *kept gets the name. */
static bool move_aside(const char *path, char *kept, size_t size)
{
	static const char *const ends[] = { "", "-wal", "-shm" };
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int n = 1; n < 100; n++) {
		if (n == 1)
			snprintf(kept, size, "%s.before-restore-%s", path, stamp);
		else
			snprintf(kept, size, "%s.before-restore-%s-%d", path, stamp, n);
		bool taken = false;
		for (size_t i = 0; i < sizeof ends / sizeof ends[0] && !taken; i++) {
			char to[4200];
			snprintf(to, sizeof to, "%s%s", kept, ends[i]);
			taken = access(to, F_OK) == 0;
		}
		if (taken)
			continue;
		for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
			char from[4200], to[4200];
			snprintf(from, sizeof from, "%s%s", path, ends[i]);
			snprintf(to, sizeof to, "%s%s", kept, ends[i]);
			if (access(from, F_OK) != 0)
				continue;
			if (link(from, to) != 0) {
				if (errno == EEXIST && i == 0)
					break; /* taken meanwhile: the next number */
				return false;
			}
			if (unlink(from) != 0)
				return false;
		}
		if (access(path, F_OK) != 0)
			return true;
	}
	errno = EEXIST;
	return false;
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
	/* A desk still open on the database would go on saving into the
	 * file moved aside: its work would vanish from the restored one. */
	int lock = -1;
	if (exists && db_lock_out(db_path, &lock) == DB_ERR_BUSY)
		return say(err, errsize, _("Brobygger is open on %s (at a desk, or a command is running). Nothing was "
					   "changed. Close Brobygger at every desk and run restore again."), db_path);
	char temp[4096];
	temp_beside(db_path, "restoring", temp, sizeof temp);
	guard_temps(temp, NULL);
	bool ok = true;
	if (out->was_sealed) {
		enum vault_status vs = seal_file(from, temp, passphrase, true);
		if (vs != VAULT_OK)
			ok = say(err, errsize, _("%s cannot be opened: %s. Nothing was changed."), from, vault_words(vs));
	} else if (!copy_plain(from, temp)) {
		ok = say(err, errsize, _("%s could not be copied: %s. Nothing was changed."), from, strerror(errno));
	}
	ok = ok && check_copy(temp, from, err, errsize);
	if (ok && exists) {
		if (!move_aside(db_path, out->kept_as, sizeof out->kept_as))
			ok = say(err, errsize, _("The database at %s could not be moved aside: %s. Nothing was restored."),
				 db_path, strerror(errno));
		out->replaced = ok;
	}
	if (ok && (!fsync_file(temp) || rename(temp, db_path) != 0))
		ok = say(err, errsize, _("%s could not be put in place: %s."), db_path, strerror(errno));
	if (!ok)
		unlink(temp);
	unguard_temps();
	db_lock_release(lock);
	if (ok)
		sync_folder_of(db_path);
	return ok;
}
