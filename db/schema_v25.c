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

char *schema_v25_as_comparisons(const char *sql)
{
	char *out = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&out, &size);
	if (!f)
		return NULL;
	bool changed = false;
	const char *done = sql;
	for (const char *in = strstr(sql, " IN ("); in; in = strstr(in, " IN (")) {
		const char *col = in;
		while (col > done && ident_char(col[-1]))
			col--;
		int count;
		const char *end = literal_list(in + 5, &count);
		/* A bare column name after a space or '(' only: not NOT IN,
		 * not a qualified or quoted name. */
		bool bare = col < in && col > done && (col[-1] == ' ' || col[-1] == '(')
			    && !(in - col == 3 && strncasecmp(col, "NOT", 3) == 0);
		if (!bare || !end) {
			in++;
			continue;
		}
		fwrite(done, 1, (size_t)(col - done), f);
		fputc('(', f);
		const char *item = in + 5;
		for (int i = 0; i < count; i++) {
			while (*item == ' ' || *item == ',')
				item++;
			const char *stop = literal_end(item);
			fprintf(f, "%s%.*s = %.*s", i ? " OR " : "", (int)(in - col), col, (int)(stop - item), item);
			item = stop;
		}
		fputc(')', f);
		done = in = end;
		changed = true;
	}
	fputs(done, f);
	if (fclose(f) != 0 || !changed) {
		free(out);
		return NULL;
	}
	return out;
}

struct table_text {
	char name[64];
	char *sql;
};

static enum db_status rewrite_checks(struct db *db)
{
	struct table_text tables[64];
	int n = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT name, sql FROM sqlite_schema WHERE type = 'table'"
					      " AND sql LIKE 'CREATE TABLE%' AND instr(sql, ' IN (''') > 0");
	if (r != DB_OK)
		return r;
	while (n < (int)(sizeof tables / sizeof tables[0]) && db_step(st) == DB_ROW) {
		char *sql = schema_v25_as_comparisons(db_column_text(st, 1));
		if (!sql)
			continue;
		snprintf(tables[n].name, sizeof tables[n].name, "%s", db_column_text(st, 0));
		tables[n++].sql = sql;
	}
	r = db_finalize(st);
	for (int i = 0; i < n && r == DB_OK; i++) {
		if ((r = db_prepare(db, &st, "UPDATE sqlite_schema SET sql = :sql WHERE type = 'table' AND name = :name"))
		    != DB_OK)
			break;
		db_bind_text(st, ":sql", tables[i].sql);
		db_bind_text(st, ":name", tables[i].name);
		db_step(st);
		r = db_finalize(st);
	}
	for (int i = 0; i < n; i++)
		free(tables[i].sql);
	return r;
}

enum db_status schema_v25_checks_as_comparisons(struct db *db)
{
	return migrate_edit_schema(db, rewrite_checks);
}
