/* migrate.h — numbered schema migrations, embedded in the binary.
 *
 * Migration N brings a database from version N-1 to N inside one
 * transaction. A database at a higher version than migrate_latest() was
 * written by a newer Brobygger and is refused, never touched. SQLite
 * keeps the version in PRAGMA user_version, PostgreSQL in the table
 * brobygger_schema. Each engine has its own list, numbered alike: a new
 * migration is written for both (schema_vN.c and schema_pg.c).
 */
#ifndef BB_MIGRATE_H
#define BB_MIGRATE_H

#include "db.h"

struct migration {
	int version;
	const char *sql;
	/* What SQL alone cannot do, run after `sql` in the same transaction;
	 * NULL for most. */
	enum db_status (*then)(struct db *db);
};

/* Defined in schema.c, in order of version; a number may be missing
 * (12 and 13 are). */
extern const struct migration schema_migrations[];
extern const int schema_migration_count;
/* PostgreSQL's (schema_pg.c): one migration to the schema of the first
 * version PostgreSQL had, then one per number as for SQLite. */
extern const struct migration schema_pg_migrations[];
extern const int schema_pg_migration_count;

/* Migrations kept in their own files (schema_vN.c). */
extern const char schema_v3[];
extern const char schema_v4[];
extern const char schema_v5[];
extern const char schema_v6[];
extern const char schema_v7[];
extern const char schema_v8[];
extern const char schema_v9[];
extern const char schema_v10[];
enum db_status schema_v10_drop_code_checks(struct db *db);
extern const char schema_v11[];
extern const char schema_v14[];
extern const char schema_v15[];
extern const char schema_v16[];
extern const char schema_v17[];
extern const char schema_v18[];
extern const char schema_v19[];
extern const char schema_v20[];
extern const char schema_v21[];
extern const char schema_v22[];
extern const char schema_v23[];
extern const char schema_v24[];
enum db_status schema_v25_checks_as_comparisons(struct db *db);
/* `sql` (malloc'd) with each "<column> IN (<three or more literals>)"
 * whose column is the IN's whole left side written as comparisons joined
 * by OR; the same text when it has none; NULL when memory ran out. */
char *schema_v25_as_comparisons(const char *sql);
extern const char schema_v26[];
extern const char schema_v27[];
extern const char schema_v28[];
extern const char schema_v29[];
extern const char schema_v30[];
extern const char schema_v31[];
extern const char schema_v32[];
extern const char schema_v33[];
enum db_status schema_v34_course_ended(struct db *db);
extern const char schema_v35[];
/* PostgreSQL migrations kept in their own files. */
extern const char schema_pg_v16[];
extern const char schema_pg_v17[];
extern const char schema_pg_v20[];
extern const char schema_pg_v21[];
extern const char schema_pg_v27[];
extern const char schema_pg_v29[];
extern const char schema_pg_v30[];
extern const char schema_pg_v31[];
extern const char schema_pg_v32[];
extern const char schema_pg_v33[];
extern const char schema_pg_v34[];
extern const char schema_pg_v35[];
extern const char schema_pg_v36[];

/* SQLite's writable_schema procedure ("Making Other Kinds Of Table Schema
 * Changes", lang_altertable.html), inside the migration's transaction:
 * `edit` changes stored CREATE texts in sqlite_schema, then schema_version
 * is bumped so that every connection reads the schema again, and the
 * schema is parsed before the caller commits (an error if it cannot be).
 * Only for a change every stored row already satisfies. */
enum db_status migrate_edit_schema(struct db *db, enum db_status (*edit)(struct db *db));

int migrate_latest(void);
enum db_status migrate_apply(struct db *db);

#endif
