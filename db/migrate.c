/* migrate.c — applies the engine's migrations, each in its own
 * transaction, and records the version reached. */
#include "migrate.h"

#include <stdio.h>

#include "db_engine.h"

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
	if ((st = db_exec(db, m->sql)) == DB_OK && m->then)
		st = m->then(db);
	if (st == DB_OK)
		st = db->engine->set_schema_version(db, m->version);
	return db_end(db, st);
}

enum db_status migrate_apply(struct db *db)
{
	int have = db_schema_version(db);
	if (have < 0)
		return DB_ERR_IO;
	bool pg = db_engine(db) == DB_ENGINE_POSTGRESQL;
	const struct migration *list = pg ? schema_pg_migrations : schema_migrations;
	int count = pg ? schema_pg_migration_count : schema_migration_count;
	for (int i = 0; i < count; i++) {
		if (list[i].version <= have)
			continue;
		enum db_status st = apply_one(db, &list[i]);
		if (st != DB_OK)
			return st;
	}
	return DB_OK;
}
