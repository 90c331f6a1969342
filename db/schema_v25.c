/* schema_v25.c — migration 25: the CHECKs' lists of codes as comparisons.
 *
 * SQLite runs `mark IN ('present','excused','absent')` by filling a
 * temporary b-tree with the list each time the statement runs (a list of
 * one or two it compares directly). A CHECK's list is therefore built,
 * searched once and thrown away at every insert, and at every update of
 * its column: the attendance mark, its audit row, the session it holds and
 * a call it plans each did so, a quarter of a mark's CPU time (callgrind:
 * 424,000 instructions a mark before, 327,000 after). Written as
 * `(mark = 'present' OR mark = 'excused' OR mark = 'absent')` the same
 * rule is a few comparisons: a NULL passes both forms, and a column's
 * affinity and collation apply to both alike.
 *
 * The stored CREATE TABLE texts are edited in place (schema_v10.c's
 * procedure); every stored row satisfies the rule, which has not changed.
 * PostgreSQL checks a list without building anything: nothing to do there.
 */
#include "migrate.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The end of the quoted literal at `p` ('' inside is a quote), or NULL. */
static const char *literal_end(const char *p)
{
	if (*p != '\'')
		return NULL;
	for (p++; *p; p++)
		if (*p == '\'' && *++p != '\'')
			return p;
	return NULL;
}

/* `p` just past "IN (": the end of a list of three or more literals
 * (past its ')'), with their count; NULL when it is anything else. */
static const char *literal_list(const char *p, int *count)
{
	*count = 0;
	for (;;) {
		while (*p == ' ')
			p++;
		const char *end = literal_end(p);
		if (!end)
			return NULL;
		(*count)++;
		for (p = end; *p == ' '; p++)
			;
		if (*p == ')')
			return *count >= 3 ? p + 1 : NULL;
		if (*p++ != ',')
			return NULL;
	}
}

/* Whether the column before " IN (" is the IN's whole left side: right
 * after '(', or after OR or AND, which bind less tightly than IN. Not
 * "x NOT IN", "t.x IN", "x COLLATE NOCASE IN", "a || b IN". */
static bool stands_alone(const char *sql, const char *col)
{
	if (col > sql && col[-1] == '(')
		return true;
	if (col - sql >= 4 && strncasecmp(col - 4, " OR ", 4) == 0)
		return true;
	return col - sql >= 5 && strncasecmp(col - 5, " AND ", 5) == 0;
}

char *schema_v25_as_comparisons(const char *sql)
{
	char *out = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&out, &size);
	if (!f)
		return NULL;
	const char *done = sql, *p = sql;
	while (*p) {
		/* A quoted text is passed over whole: " IN (" inside it is text. */
		if (*p == '\'') {
			const char *e = literal_end(p);
			p = e ? e : p + strlen(p);
			continue;
		}
		const char *col = p;
		while (col > done && ident_char(col[-1]))
			col--;
		int count;
		const char *end = strncmp(p, " IN (", 5) == 0 ? literal_list(p + 5, &count) : NULL;
		if (!end || col == p || !stands_alone(sql, col)) {
			p++;
			continue;
		}
		fwrite(done, 1, (size_t)(col - done), f);
		fputc('(', f);
		const char *item = p + 5;
		for (int i = 0; i < count; i++) {
			while (*item == ' ' || *item == ',')
				item++;
			const char *stop = literal_end(item);
			fprintf(f, "%s%.*s = %.*s", i ? " OR " : "", (int)(p - col), col, (int)(stop - item), item);
			item = stop;
		}
		fputc(')', f);
		done = p = end;
	}
	fputs(done, f);
	if (fclose(f) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

static enum db_status store_text(struct db *db, const char *name, const char *sql)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "UPDATE sqlite_schema SET sql = :sql WHERE type = 'table' AND name = :name");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":sql", sql);
	db_bind_text(st, ":name", name);
	db_step(st);
	return db_finalize(st);
}

/* Table by table in name order, so that nothing is held but the one
 * being rewritten; memory running out fails the migration rather than
 * leave a table unrewritten for good. */
static enum db_status rewrite_checks(struct db *db)
{
	char *after = strdup("");
	enum db_status r = after ? DB_OK : DB_ERR_IO;
	while (r == DB_OK) {
		struct db_stmt *st;
		if ((r = db_prepare(db, &st, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name > :after"
					     " AND sql LIKE 'CREATE TABLE%' ORDER BY name LIMIT 1")) != DB_OK)
			break;
		db_bind_text(st, ":after", after);
		bool found = db_step(st) == DB_ROW;
		char *name = found ? strdup(db_column_text(st, 0)) : NULL;
		char *sql = found ? schema_v25_as_comparisons(db_column_text(st, 1)) : NULL;
		bool changed = sql && strcmp(sql, db_column_text(st, 1)) != 0;
		r = db_finalize(st);
		if (r == DB_OK && found && (!name || !sql))
			r = DB_ERR_IO;
		if (r == DB_OK && changed)
			r = store_text(db, name, sql);
		free(sql);
		free(after);
		after = name;
		if (!found)
			break;
	}
	free(after);
	return r;
}

enum db_status schema_v25_checks_as_comparisons(struct db *db)
{
	return migrate_edit_schema(db, rewrite_checks);
}
