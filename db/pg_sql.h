/* pg_sql.h — the stores' SQL as PostgreSQL takes it.
 *
 * The stores write one SQL text for both engines (README: "Several
 * centres, one database"). What cannot be written alike is rewritten here,
 * mechanically and outside string literals, so no store needs a second
 * copy of a query:
 * - named parameters ":name" become "$1", "$2", ... (a name used twice is
 *   one number);
 * - SQLite sorts NULL before every value and PostgreSQL after, so each
 *   ORDER BY term gets SQLite's order spelt out (ASC NULLS FIRST, DESC
 *   NULLS LAST); a bare "id" or "x.id" (a primary key, never NULL) is left
 *   as it is so its index still serves the order;
 * - an INSERT into a table with an id column and no RETURNING of its own
 *   gets "RETURNING id", which is how db_last_insert_id learns the id.
 */
#ifndef BB_PG_SQL_H
#define BB_PG_SQL_H

#include <stdbool.h>

enum { PG_SQL_MAX_PARAMS = 100 };

struct pg_sql {
	char *text;                       /* malloc'd */
	int nparams;
	char *names[PG_SQL_MAX_PARAMS];   /* ":name", malloc'd, $i+1 */
	bool returns_id;                  /* RETURNING id was added */
	char table[64];                   /* the INSERT's table, or "" */
};

/* Decides whether `table` has an id column (for RETURNING id). */
typedef bool (*pg_sql_has_id_fn)(void *ctx, const char *table);

/* False when out of memory or with too many parameters. */
bool pg_sql_translate(const char *sql, pg_sql_has_id_fn has_id, void *ctx, struct pg_sql *out);
void pg_sql_free(struct pg_sql *s);
/* The number of ":name" in the translation, or 0. */
int pg_sql_param(const struct pg_sql *s, const char *name);

#endif
