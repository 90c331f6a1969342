/* protect_files.h — the database is health data: its file (and the -wal
 * and -shm files SQLite keeps beside it) must be readable by its owner
 * only, and so must Brobygger's own folder. A file copied in by hand, or
 * made by an older program, may be readable by everyone: at start it is
 * tightened (src/protection_rules.h says to what), and the desk is told. */
#ifndef BB_PROTECT_FILES_H
#define BB_PROTECT_FILES_H

#include <stdbool.h>
#include <stddef.h>

struct file_protection {
	int tightened;          /* files and folders made private just now */
	int failed;             /* ones that could not be (not the owner, read-only disk) */
	char first_failed[256]; /* the path of the first that failed */
};

/* Tightens the database file at `db_path`, its -wal and -shm, and, when
 * `own_folder` (the folder is Brobygger's own, the default place), that
 * folder. Missing files, and a file that is not an SQLite database, are
 * left alone. */
void protect_files(const char *db_path, bool own_folder, struct file_protection *out);

/* What happened, in words for the desk (one status line); "" when
 * nothing needed doing. */
void protect_files_message(const struct file_protection *p, const char *db_path, char *out, size_t size);

#endif
