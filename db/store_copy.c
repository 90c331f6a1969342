/* store_copy.c — `brobygger migrate-to`: a centre's SQLite file copied
 * into an empty PostgreSQL database (db.h, db_copy_into).
 *
 * The server's schema is the one the copy follows: its tables, in the
 * order their foreign keys allow, and of each table the columns both
 * engines have. Every value travels as the text SQLite gives (NULL stays
 * NULL); the server's column types read it as a literal. The id
 * triggers move each table's sequence past the ids copied, and the
 * triggers that write a course's events and the search's words are held
 * off: those are rows of their own tables, copied like the rest.
 */
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_engine.h"
#include "store_util.h"

enum { COPY_TABLES = 96, COPY_COLUMNS = 64, COPY_NAME = 64 };

struct copy_table {
	char name[COPY_NAME];
	bool done;
};

/* The server's tables, each after the tables it refers to. */
static enum db_status ordered_tables(struct db *to, struct copy_table *t, int *n)
{
	*n = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(to, &st,
		"SELECT c.relname::text FROM pg_class AS c WHERE c.relkind = 'r'"
		" AND c.relnamespace = ANY (current_schemas(false)::regnamespace[])"
		" AND c.relname <> 'brobygger_schema' ORDER BY c.relname");
	if (r != DB_OK)
		return r;
	while (db_step(st) == DB_ROW && *n < COPY_TABLES)
		store_copy(t[(*n)++].name, COPY_NAME, db_column_text(st, 0));
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	/* A table is ready when every table it refers to (itself aside) is
	 * done; the schema has no cycles, so each round readies one. */
	struct copy_table *order = calloc((size_t)*n, sizeof *order);
	if (!order)
		return DB_ERR_IO;
	int placed = 0;
	while (placed < *n && r == DB_OK) {
		int before = placed;
		for (int i = 0; i < *n && r == DB_OK; i++) {
			if (t[i].done)
				continue;
			if ((r = db_prepare(to, &st,
				"SELECT count(*) FROM pg_constraint AS k WHERE k.contype = 'f'"
				" AND k.conrelid = to_regclass(:t) AND k.confrelid <> k.conrelid"
				" AND NOT (k.confrelid::regclass::text = ANY (string_to_array(:done, ' ')))")) != DB_OK)
				break;
			char done[COPY_TABLES * (COPY_NAME + 1)] = "";
			size_t used = 0;
			for (int j = 0; j < placed; j++)
				used += (size_t)snprintf(done + used, sizeof done - used, "%s%s", j ? " " : "", order[j].name);
			db_bind_text(st, ":t", t[i].name);
			db_bind_text(st, ":done", done);
			bool ready = db_step(st) == DB_ROW && db_column_int(st, 0) == 0;
			if ((r = db_finalize(st)) == DB_OK && ready) {
				t[i].done = true;
				order[placed++] = t[i];
			}
		}
		if (r == DB_OK && placed == before) {
			db_note(to, "the tables' references go round in a circle");
			r = DB_ERR_MISUSE;
		}
	}
	if (r == DB_OK)
		memcpy(t, order, (size_t)*n * sizeof *t);
	free(order);
	return r;
}

/* The columns of `table` that the server has and the file has too. */
static enum db_status shared_columns(struct db *from, struct db *to, const char *table,
				     char cols[][COPY_NAME], int *n)
{
	*n = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(to, &st,
		"SELECT column_name::text FROM information_schema.columns WHERE table_name = :t"
		" AND table_schema = current_schema() ORDER BY ordinal_position");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":t", table);
	while (db_step(st) == DB_ROW && *n < COPY_COLUMNS) {
		/* A file's rows are the centre "lokal"; on the server they are
		 * the centre of the role copying them (the column's default). */
		if (strcmp(db_column_text(st, 0), "centre") == 0)
			continue;
		struct db_stmt *has;
		enum db_status q = db_prepare(from, &has, "SELECT 1 FROM pragma_table_info(:t) WHERE name = :c");
		if (q != DB_OK) {
			r = q;
			break;
		}
		db_bind_text(has, ":t", table);
		db_bind_text(has, ":c", db_column_text(st, 0));
		if (db_step(has) == DB_ROW)
			store_copy(cols[(*n)++], COPY_NAME, db_column_text(st, 0));
		if ((q = db_finalize(has)) != DB_OK)
			r = q;
	}
	enum db_status fin = db_finalize(st);
	return r != DB_OK ? r : fin;
}

static enum db_status count_of(struct db *db, const char *table, long long *n)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return db_query_int(db, sql, n);
}

/* Every row of `table`, from the file to the server. */
static enum db_status copy_table(struct db *from, struct db *to, const char *table)
{
	char cols[COPY_COLUMNS][COPY_NAME];
	int n;
	enum db_status r = shared_columns(from, to, table, cols, &n);
	if (r != DB_OK || n == 0)
		return r;
	char select[4096], insert[4096];
	struct store_sql s = store_sql_on(select, sizeof select), ins = store_sql_on(insert, sizeof insert);
	store_sql_add(&s, "SELECT ");
	store_sql_add(&ins, "INSERT INTO %s(", table);
	for (int i = 0; i < n; i++) {
		store_sql_add(&s, "%s%s", i ? ", " : "", cols[i]);
		store_sql_add(&ins, "%s%s", i ? ", " : "", cols[i]);
	}
	store_sql_add(&s, " FROM %s", table);
	store_sql_add(&ins, ") VALUES (");
	for (int i = 0; i < n; i++)
		store_sql_add(&ins, "%s:c%d", i ? ", " : "", i);
	store_sql_add(&ins, ")");
	if (s.full || ins.full)
		return DB_ERR_MISUSE;
	struct db_stmt *rd, *wr = NULL;
	if ((r = db_prepare(from, &rd, select)) != DB_OK)
		return r;
	while (r == DB_OK && db_step(rd) == DB_ROW) {
		if ((r = db_prepare(to, &wr, insert)) != DB_OK)
			break;
		for (int i = 0; i < n; i++) {
			char name[16];
			snprintf(name, sizeof name, ":c%d", i);
			if (db_column_is_null(rd, i))
				db_bind_null(wr, name);
			else
				db_bind_text(wr, name, db_column_text(rd, i));
		}
		db_step(wr);
		r = db_finalize(wr);
	}
	enum db_status fin = db_finalize(rd);
	return r != DB_OK ? r : fin;
}

enum db_status db_copy_into(struct db *from, struct db *to, db_copy_fn each, void *ctx)
{
	if (db_engine(from) != DB_ENGINE_SQLITE || db_engine(to) != DB_ENGINE_POSTGRESQL)
		return DB_ERR_MISUSE;
	if (db_schema_version(from) != db_schema_version(to)) {
		db_note(to, "the file is at schema %d, the server at %d", db_schema_version(from), db_schema_version(to));
		return DB_ERR_TOONEW;
	}
	struct copy_table *tables = calloc(COPY_TABLES, sizeof *tables);
	if (!tables)
		return DB_ERR_IO;
	int n = 0;
	enum db_status r = db_begin_read(from);
	if (r != DB_OK) {
		free(tables);
		return r;
	}
	if ((r = db_begin(to)) != DB_OK) {
		free(tables);
		return db_end(from, r);
	}
	/* Empty: nothing a centre writes is there yet (the lookup rows and
	 * settings the migrations put in are replaced by the file's). */
	long long people = 0;
	if ((r = db_query_int(to, "SELECT (SELECT count(*) FROM citizens) + (SELECT count(*) FROM users)"
				  " + (SELECT count(*) FROM volunteers) + (SELECT count(*) FROM activities)"
				  " + (SELECT count(*) FROM audit_log)", &people)) == DB_OK && people > 0) {
		db_note(to, "the database on the server holds data already");
		r = DB_ERR_CONFLICT;
	}
	/* Another centre on the server already: ids would collide. */
	long long others = 0;
	if (r == DB_OK && (r = db_query_int(to, "SELECT count(*) FROM centres WHERE code <> current_user::text",
					    &others)) == DB_OK && others > 0) {
		db_note(to, "the database on the server holds other centres");
		r = DB_ERR_CONFLICT;
	}
	if (r == DB_OK)
		r = ordered_tables(to, tables, &n);
	/* The server's list of centres stays: the file's one centre is the
	 * role copying it, named by the file's settings below. */
	for (int i = 0; i < n; i++)
		if (strcmp(tables[i].name, "centres") == 0)
			memmove(&tables[i], &tables[i + 1], (size_t)(--n - i) * sizeof *tables);
	for (int i = n - 1; i >= 0 && r == DB_OK; i--) {
		char sql[128];
		snprintf(sql, sizeof sql, "DELETE FROM %s", tables[i].name);
		r = db_exec(to, sql);
	}
	if (r == DB_OK)
		r = db_exec(to, "ALTER TABLE citizens DISABLE TRIGGER citizens_course, DISABLE TRIGGER citizens_words");
	for (int i = 0; i < n && r == DB_OK; i++)
		r = copy_table(from, to, tables[i].name);
	if (r == DB_OK)
		r = db_exec(to, "ALTER TABLE citizens ENABLE TRIGGER citizens_course, ENABLE TRIGGER citizens_words");
	/* Every table holds as many rows on the server as in the file. */
	for (int i = 0; i < n && r == DB_OK; i++) {
		long long have = -1, want = -2;
		if ((r = count_of(from, tables[i].name, &want)) == DB_OK && (r = count_of(to, tables[i].name, &have)) == DB_OK
		    && have != want) {
			db_note(to, "%s: %lld rows in the file, %lld on the server", tables[i].name, want, have);
			r = DB_ERR_CONFLICT;
		}
		if (r == DB_OK && each)
			each(ctx, tables[i].name, have);
	}
	if (r == DB_OK)
		r = db_exec(to, "UPDATE centres SET name = COALESCE((SELECT value FROM settings"
			    " WHERE key = 'centre_name' AND value <> ''), name) WHERE code = current_user::text");
	/* The server plans from statistics, which a bulk copy leaves empty
	 * until autovacuum comes by: without them the first searches walked
	 * an index or the table where a trigram index was at hand. */
	if (r == DB_OK)
		r = db_exec(to, "ANALYZE");
	r = db_end(to, r);
	db_end(from, DB_OK);
	free(tables);
	return r;
}
