/* backup.h — copies of a centre's database that can be trusted: made
 * safely while desks work, checked before they count, sealed with a
 * passphrase when they travel, and put back without losing what was
 * there before.
 *
 * A backup is written under a temporary name beside the target, checked
 * with PRAGMA integrity_check, sealed if asked, and only then given its
 * name; it never overwrites a file. A restore checks the backup first,
 * never overwrites a database without `force`, and then moves the old
 * file and its -wal and -shm aside instead of deleting them. */
#ifndef BB_BACKUP_H
#define BB_BACKUP_H

#include <stdbool.h>
#include <stddef.h>

struct restore_result {
	bool replaced;                 /* a database was there and moved aside */
	char kept_as[4096];            /* ... to this name (its -wal, -shm beside) */
	bool was_sealed;
};

/* Backs up the database at `db_path` into the new file `target`, sealed
 * with `passphrase` unless it is NULL. False with a message in Danish. */
bool backup_write(const char *db_path, const char *target, const char *passphrase, char *err, size_t errsize);

/* Puts the backup `from` (sealed or not) in place as the database at
 * `db_path`. A sealed backup needs `passphrase`; an existing database
 * needs `force`. False with a message, and then nothing was changed. */
bool backup_restore(const char *from, const char *db_path, const char *passphrase, bool force,
		    struct restore_result *out, char *err, size_t errsize);

/* Whether the file is a sealed backup (so a passphrase is needed). */
bool backup_is_sealed(const char *path);

#endif
