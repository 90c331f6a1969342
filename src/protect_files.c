/* protect_files.c — private database files (protect_files.h). */
#include "protect_files.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "protection_rules.h"

static void tighten(const char *path, bool folder, struct file_protection *out)
{
	struct stat sb;
	if (lstat(path, &sb) != 0 || S_ISLNK(sb.st_mode))
		return;
	if (folder ? !S_ISDIR(sb.st_mode) : !S_ISREG(sb.st_mode))
		return;
	mode_t now = sb.st_mode & 07777;
	mode_t want = folder ? protection_folder_mode(now) : protection_file_mode(now);
	if (want == now)
		return;
	if (chmod(path, want) == 0) {
		out->tightened++;
		return;
	}
	if (!out->failed++)
		snprintf(out->first_failed, sizeof out->first_failed, "%s", path);
}

/* Whether the file is an SQLite database: --db may name anything, and a
 * file that is not ours is left as it is (opening it says what is wrong). */
static bool is_database(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	bool yes = read(fd, head, sizeof head) == (ssize_t)sizeof head && memcmp(head, magic, sizeof magic) == 0;
	close(fd);
	return yes;
}

void protect_files(const char *db_path, bool own_folder, struct file_protection *out)
{
	memset(out, 0, sizeof *out);
	if (!db_path || !db_path[0] || strcmp(db_path, ":memory:") == 0 || !is_database(db_path))
		return;
	char path[4096];
	tighten(db_path, false, out);
	static const char *const sides[] = { "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
		if (snprintf(path, sizeof path, "%s%s", db_path, sides[i]) < (int)sizeof path)
			tighten(path, false, out);
	if (!own_folder || snprintf(path, sizeof path, "%s", db_path) >= (int)sizeof path)
		return;
	char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return;
	*slash = '\0';
	tighten(path, true, out);
}

void protect_files_message(const struct file_protection *p, const char *db_path, char *out, size_t size)
{
	out[0] = '\0';
	/* The database's own path is said once, by whoever shows this. */
	if (p->failed && strcmp(p->first_failed, db_path) == 0)
		snprintf(out, size, "%s", _("Others can read the database, and it could not be made private. "
					    "Ask whoever set up the PC to fix this."));
	else if (p->failed)
		snprintf(out, size, _("Others can read the database, and a file beside it could not be made "
				      "private (%s). Ask whoever set up the PC to fix this."), p->first_failed);
	else if (p->tightened)
		snprintf(out, size, "%s", _("Others could read the database; now only you can."));
}
