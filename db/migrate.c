/* migrate.c — applies schema.c's migrations under PRAGMA user_version. */
#include "migrate.h"

#include <stdio.h>

int migrate_latest(void)
{
	int latest = 0;
	for (int i = 0; i < schema_migration_count; i++)
		if (schema_migrations[i].version > latest)
			latest = schema_migrations[i].version;
	return latest;
}

static enum db_status apply_one(struct db *db, const struct migration *m)
{
	enum db_status st = db_begin(db);
	if (st != DB_OK)
		return st;
	/* Another desk may have migrated while we waited for the lock. */
	if (db_schema_version(db) >= m->version)
		return db_end(db, DB_OK);
	char bump[48];
	snprintf(bump, sizeof bump, "PRAGMA user_version = %d", m->version);
	if ((st = db_exec(db, m->sql)) == DB_OK && m->then)
		st = m->then(db);
	if (st == DB_OK)
		st = db_exec(db, bump);
	return db_end(db, st);
}

enum db_status migrate_apply(struct db *db)
{
	int have = db_schema_version(db);
	if (have < 0)
		return DB_ERR_IO;
	for (int i = 0; i < schema_migration_count; i++) {
		if (schema_migrations[i].version <= have)
			continue;
		enum db_status st = apply_one(db, &schema_migrations[i]);
		if (st != DB_OK)
			return st;
	}
	return DB_OK;
}
