/* migrate.c — applies the engine's migrations, each in its own
 * transaction, and records the version reached. */
#include "migrate.h"

#include <stdio.h>
#include <string.h>

#include "db_engine.h"
#include "store_centres.h"

int migrate_latest(void)
{
	int latest = 0;
	for (int i = 0; i < schema_migration_count; i++)
		if (schema_migrations[i].version > latest)
			latest = schema_migrations[i].version;
	return latest;
}

enum db_status migrate_edit_schema(struct db *db, enum db_status (*edit)(struct db *db))
{
	long long version = 0;
	enum db_status r = db_exec(db, "PRAGMA writable_schema = ON");
	if (r != DB_OK)
		return r;
	if ((r = edit(db)) == DB_OK)
		r = db_query_int(db, "PRAGMA schema_version", &version);
	if (r == DB_OK) {
		char bump[64];
		snprintf(bump, sizeof bump, "PRAGMA schema_version = %lld", version + 1);
		r = db_exec(db, bump);
	}
	/* RESET, not OFF: the connection reads the edited texts again. After
	 * OFF the one that migrated no longer knew a table it had edited
	 * (citizens) until it was opened again (test_db). */
	enum db_status off = db_exec(db, "PRAGMA writable_schema = RESET");
	if (r != DB_OK || off != DB_OK)
		return r != DB_OK ? r : off;
	/* Parsed again before the commit: a text SQLite cannot read fails
	 * the migration, which rolls back, instead of every later statement
	 * ("malformed database schema"). */
	long long tables = 0;
	return db_query_int(db, "SELECT count(*) FROM sqlite_schema", &tables);
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

/* A migration may add a table or a sequence: the other centres on the
 * server get the same rights on it as `centre add` gave them on the rest. */
static enum db_status regrant(struct db *db)
{
	struct centre all[CENTRES_MAX];
	int n = 0;
	char mine[CENTRE_CODE];
	enum db_status st = db_begin(db);
	if (st != DB_OK)
		return st;
	if ((st = store_centres_mine(db, mine)) == DB_OK)
		st = store_centres_list(db, all, CENTRES_MAX, &n);
	for (int i = 0; i < n && st == DB_OK; i++)
		if (strcmp(all[i].code, mine) != 0 && (st = store_centres_grant(db, all[i].code)) == DB_ERR_NOTFOUND)
			st = DB_OK; /* a centre whose role was dropped */
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
	bool applied = false;
	for (int i = 0; i < count; i++) {
		if (list[i].version <= have)
			continue;
		enum db_status st = apply_one(db, &list[i]);
		if (st != DB_OK)
			return st;
		applied = true;
	}
	return pg && applied && have >= 17 ? regrant(db) : DB_OK;
}
