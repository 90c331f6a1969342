/* db_pg.c — the PostgreSQL engine: several centres on one server,
 * through libpq.
 *
 * The same stores and the same SQL as on SQLite (pg_sql.c makes the few
 * mechanical changes). What differs is kept here:
 * - Writers of a centre take turns, as on a SQLite file: the outermost
 *   db_begin opens a READ COMMITTED transaction and takes a transaction
 *   advisory lock (the centre's), so each statement of a use case sees
 *   every commit before it and no other desk of the centre commits in
 *   between. That is SQLite's BEGIN IMMEDIATE, and every rule written for
 *   it holds (the last place on an activity is counted and taken under
 *   the lock). Readers (db_begin_read) get one snapshot (REPEATABLE READ)
 *   and wait for nobody. README explains why not SERIALIZABLE alone.
 * - SQLite undoes a failed statement and keeps the transaction; a
 *   PostgreSQL transaction is broken by it. A failure inside a
 *   transaction is therefore final: the engine rolls back at once, marks
 *   the transaction failed (db_end reports it), and lets the use case go
 *   on reading (to name the error) in a read-only transaction until its
 *   db_end.
 * - "Another desk committed" (db_data_version) is a sequence every
 *   committed write moves on, after its commit.
 * - Values travel as text; PostgreSQL infers each parameter's type from
 *   where it stands, as a literal's; only where it cannot (":x IS NULL"
 *   alone) the bound C type decides.
 */
#include "db.h"

#include <libpq-fe.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_engine.h"
#include "migrate.h"
#include "pg_sql.h"
#include "pq.h"

/* PostgreSQL's type numbers (pg_type.h), for the few we name. */
enum { OID_BOOL = 16, OID_INT8 = 20, OID_TEXT = 25 };

/* Server-side prepared statements, kept per connection by SQL text, the
 * least recently used given way when all are taken. */
enum { PG_CACHE = 256 };

struct prepared {
	char *sql;               /* the store's text, the key */
	unsigned long hash;
	struct pg_sql tr;        /* the translation */
	char name[16];           /* the server's statement name; "" when not made */
	unsigned long long used_at;
	int refs;                /* statements open on it */
	bool owned;              /* not in the cache: freed with its statement */
};

struct pg_stmt {
	struct db_stmt base;
	struct prepared *prep;
	char *values[PG_SQL_MAX_PARAMS];
	bool is_int[PG_SQL_MAX_PARAMS];
	bool bound[PG_SQL_MAX_PARAMS];
	PGresult *res;
	int row;                 /* the row db_column_* read; -1 before the first */
	int nrows;
	bool done;
};

struct pg {
	struct db base;
	PGconn *conn;
	struct prepared cache[PG_CACHE];
	unsigned long long uses;
	unsigned long long names;  /* the last statement name made */
	long long last_id;
	int changes;
	long long total_changes;   /* db_total_changes */
	bool wrote;                /* the open write transaction changed rows */
	bool broken;               /* a statement failed inside the transaction */
	long long own_commits;     /* this connection's moves of bb_commits */
	long long statements;      /* db_work: statements run */
	char lock_key[64];         /* the writers' advisory lock, as text */
	/* Tables with an id column, for RETURNING id. */
	char *id_tables;
};

static const struct db_engine pg_engine;

static struct pg *P(const struct db *db)
{
	return (struct pg *)db;
}

static struct pg_stmt *S(struct db_stmt *st)
{
	return (struct pg_stmt *)st;
}

/* SQLSTATE classes as the desk's outcomes. */
static enum db_status status_from_state(const char *state)
{
	if (!state || !*state)
		return DB_ERR_IO;
	if (strncmp(state, "23", 2) == 0 || strcmp(state, "P0001") == 0)
		return DB_ERR_CONSTRAINT;
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0
	    || strcmp(state, "57014") == 0)
		return DB_ERR_BUSY;
	if (strcmp(state, "25006") == 0)
		return DB_ERR_READONLY;
	if (strcmp(state, "42501") == 0)
		return DB_ERR_FORBIDDEN;
	if (strcmp(state, "53100") == 0)
		return DB_ERR_FULL;
	if (strncmp(state, "XX001", 5) == 0 || strncmp(state, "XX002", 5) == 0)
		return DB_ERR_CORRUPT;
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "53", 2) == 0 || strncmp(state, "57", 2) == 0
	    || strncmp(state, "58", 2) == 0)
		return DB_ERR_IO;
	return DB_ERR_MISUSE;
}

static void note_result(struct db *db, const PGresult *res)
{
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(P(db)->conn);
	if (!msg || !*msg)
		msg = PQerrorMessage(P(db)->conn);
	db_note(db, "%s", msg);
	/* One line, as SQLite's messages are. */
	char *nl = strchr(db->detail, '\n');
	if (nl)
		*nl = '\0';
}

/* The transaction is broken by a failed statement: roll it back now and
 * go on in a read-only one until db_end, which reports the failure. */
static void after_failure(struct db *db, enum db_status st)
{
	struct pg *pg = P(db);
	if (db->depth == 0 || PQtransactionStatus(pg->conn) != PQTRANS_INERROR)
		return;
	if (db->failed == DB_OK)
		db->failed = st;
	PQclear(PQexec(pg->conn, "ROLLBACK"));
	PQclear(PQexec(pg->conn, "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY"));
	pg->broken = true;
	pg->wrote = false;
}

/* BROBYGGER_PG_TRACE=1: each failed statement's error and SQL, as the
 * server saw it, on stderr (for porting a store's SQL). */
static void trace_sql(const char *sql)
{
	if (getenv("BROBYGGER_PG_TRACE"))
		fprintf(stderr, "  SQL: %s\n", sql);
}

/* The outcome of `res` (which it clears when it failed). */
static enum db_status check(struct db *db, PGresult *res)
{
	ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY)
		return DB_OK;
	enum db_status st = res ? status_from_state(PQresultErrorField(res, PG_DIAG_SQLSTATE)) : DB_ERR_IO;
	if (PQstatus(P(db)->conn) != CONNECTION_OK)
		st = DB_ERR_IO;
	note_result(db, res);
	if (getenv("BROBYGGER_PG_TRACE"))
		fprintf(stderr, "PG ERROR: %s\n", db->detail);
	PQclear(res);
	after_failure(db, st);
	return st;
}

/* A command that changed rows marks the write transaction. */
static void count_changes(struct pg *pg, PGresult *res)
{
	const char *tuples = PQcmdTuples(res);
	/* The server's own count ("" for commands that count nothing). */
	long n = tuples && *tuples ? strtol(tuples, NULL, 10) : 0;
	pg->changes = n < 0 ? 0 : n > INT_MAX ? INT_MAX : (int)n;
	const char *status = PQcmdStatus(res);
	if (pg->changes > 0 && (strncmp(status, "INSERT", 6) == 0 || strncmp(status, "UPDATE", 6) == 0
				|| strncmp(status, "DELETE", 6) == 0)) {
		pg->wrote = true;
		pg->total_changes += pg->changes;
	}
}

/* The id the last row inserted by this connection took from its table's
 * sequence (the id trigger's nextval), as SQLite's last_insert_rowid
 * after a plain statement; 0 when there is none. Inside a transaction
 * under a savepoint: lastval's error would break it. */
static long long last_value(struct pg *pg)
{
	bool in_tx = PQtransactionStatus(pg->conn) == PQTRANS_INTRANS;
	if (in_tx)
		PQclear(PQexec(pg->conn, "SAVEPOINT bb_lastval"));
	PGresult *res = PQexec(pg->conn, "SELECT lastval()");
	long long id = 0;
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	else if (in_tx)
		PQclear(PQexec(pg->conn, "ROLLBACK TO SAVEPOINT bb_lastval"));
	PQclear(res);
	if (in_tx)
		PQclear(PQexec(pg->conn, "RELEASE SAVEPOINT bb_lastval"));
	return id;
}

static enum db_status pg_exec(struct db *db, const char *sql)
{
	struct pg *pg = P(db);
	PGresult *res = PQexec(pg->conn, sql);
	enum db_status st = check(db, res);
	if (st != DB_OK)
		return st;
	/* A schema change or a bulk statement: both count as writing. */
	if (db->depth > 0 && db->writing)
		pg->wrote = true;
	bool inserted = strncmp(PQcmdStatus(res), "INSERT", 6) == 0;
	int in_transaction = db->depth > 0;
	count_changes(pg, res);
	bool wrote = pg->wrote;
	PQclear(res);
	if (inserted)
		pg->last_id = last_value(pg);
	if (!in_transaction && wrote) {
		/* Committed by itself: the other desks are told as after a
		 * db_end (pg_commit). */
		res = PQexec(pg->conn, "SELECT nextval('bb_commits')");
		if (PQresultStatus(res) == PGRES_TUPLES_OK)
			pg->own_commits++;
		PQclear(res);
		pg->wrote = false;
	}
	free(pg->id_tables);
	pg->id_tables = NULL;
	pg->statements++;
	return DB_OK;
}

static void pg_set_busy_timeout(struct db *db, int ms)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SET lock_timeout = %d", ms);
	PQclear(PQexec(P(db)->conn, sql));
}

static void forget_prepared(struct prepared *c)
{
	free(c->sql);
	pg_sql_free(&c->tr);
	memset(c, 0, sizeof *c);
}

static void pg_close(struct db *db)
{
	struct pg *pg = P(db);
	for (int i = 0; i < PG_CACHE; i++)
		forget_prepared(&pg->cache[i]);
	if (pg->conn)
		PQfinish(pg->conn);
	free(pg->id_tables);
	free(pg);
}

/* The table names with an id column, each between spaces. */
static bool load_id_tables(struct pg *pg)
{
	PGresult *res = PQexec(pg->conn,
		"SELECT ' ' || string_agg(c.relname::text, ' ') || ' ' FROM pg_attribute AS a"
		" JOIN pg_class AS c ON c.oid = a.attrelid"
		" WHERE a.attname = 'id' AND c.relkind IN ('r', 'p') AND NOT a.attisdropped"
		"  AND c.relnamespace = ANY (current_schemas(false)::regnamespace[])");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		return false;
	}
	pg->id_tables = strdup(PQntuples(res) && !PQgetisnull(res, 0, 0) ? PQgetvalue(res, 0, 0) : " ");
	PQclear(res);
	return pg->id_tables != NULL;
}

static bool has_id(void *ctx, const char *table)
{
	struct pg *pg = ctx;
	if (!pg->id_tables && !load_id_tables(pg))
		return false;
	char key[80];
	snprintf(key, sizeof key, " %s ", table);
	return strstr(pg->id_tables, key) != NULL;
}

static int pg_schema_version(struct db *db)
{
	PGresult *res = PQexec(P(db)->conn,
		"SELECT CASE WHEN to_regclass('brobygger_schema') IS NULL THEN -1 END");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		note_result(db, res);
		PQclear(res);
		return -1;
	}
	bool missing = !PQgetisnull(res, 0, 0);
	PQclear(res);
	if (missing)
		return 0;
	long long v = 0;
	if (db_query_int(db, "SELECT version FROM brobygger_schema", &v) != DB_OK)
		return -1;
	return (int)v;
}

static enum db_status pg_set_schema_version(struct db *db, int version)
{
	char sql[160];
	snprintf(sql, sizeof sql,
		 "CREATE TABLE IF NOT EXISTS brobygger_schema (version integer NOT NULL);"
		 "DELETE FROM brobygger_schema; INSERT INTO brobygger_schema VALUES (%d)", version);
	return pg_exec(db, sql);
}

static enum db_status pg_begin(struct db *db, bool write)
{
	struct pg *pg = P(db);
	pg->wrote = false;
	pg->broken = false;
	if (!write) {
		PGresult *res = PQexec(pg->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ");
		enum db_status st = check(db, res);
		if (st == DB_OK)
			PQclear(res);
		return st;
	}
	PGresult *res = PQexec(pg->conn, "BEGIN ISOLATION LEVEL READ COMMITTED");
	enum db_status st = check(db, res);
	if (st != DB_OK)
		return st;
	PQclear(res);
	/* The centre's writers take turns: SQLite's BEGIN IMMEDIATE. */
	const char *values[1] = { pg->lock_key };
	res = PQexecParams(pg->conn, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", 1, NULL, values,
			   NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		st = status_from_state(PQresultErrorField(res, PG_DIAG_SQLSTATE));
		note_result(db, res);
		PQclear(res);
		PQclear(PQexec(pg->conn, "ROLLBACK"));
		return st;
	}
	PQclear(res);
	return DB_OK;
}

static enum db_status pg_commit(struct db *db)
{
	struct pg *pg = P(db);
	if (pg->broken) {
		PQclear(PQexec(pg->conn, "ROLLBACK"));
		return DB_ERR_IO;
	}
	bool wrote = pg->wrote;
	PGresult *res = PQexec(pg->conn, "COMMIT");
	enum db_status st = check(db, res);
	if (st != DB_OK)
		return st;
	/* COMMIT of a broken transaction answers ROLLBACK, not an error. */
	bool rolled_back = strcmp(PQcmdStatus(res), "ROLLBACK") == 0;
	PQclear(res);
	if (rolled_back) {
		db_note(db, "the transaction was rolled back by the server");
		return DB_ERR_IO;
	}
	if (wrote) {
		/* After the commit, so a desk that sees the number move also
		 * sees the change. */
		res = PQexec(pg->conn, "SELECT nextval('bb_commits')");
		if (PQresultStatus(res) == PGRES_TUPLES_OK)
			pg->own_commits++;
		PQclear(res);
	}
	pg->wrote = false;
	return DB_OK;
}

static void pg_rollback(struct db *db)
{
	struct pg *pg = P(db);
	PQclear(PQexec(pg->conn, "ROLLBACK"));
	pg->wrote = false;
	pg->broken = false;
}

static bool pg_lost_transaction(struct db *db)
{
	PGTransactionStatusType t = PQtransactionStatus(P(db)->conn);
	return t == PQTRANS_IDLE || t == PQTRANS_UNKNOWN;
}

static long long pg_work(const struct db *db)
{
	return P(db)->statements;
}

static unsigned long sql_hash(const char *sql)
{
	unsigned long h = 5381;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = h * 33 ^ *p;
	return h;
}

/* The cache entry for `sql`, translated; made (and an old one given way)
 * when missing. NULL when out of memory or the SQL cannot be taken. */
static struct prepared *prepared_for(struct db *db, const char *sql)
{
	struct pg *pg = P(db);
	unsigned long hash = sql_hash(sql);
	struct prepared *spare = NULL;
	for (int i = 0; i < PG_CACHE; i++) {
		struct prepared *c = &pg->cache[i];
		if (c->sql && c->hash == hash && strcmp(c->sql, sql) == 0) {
			c->used_at = ++pg->uses;
			return c;
		}
		if (c->refs)
			continue;
		if (!spare || !c->sql || (spare->sql && c->used_at < spare->used_at))
			spare = c;
	}
	if (!spare) {
		/* Every entry is in use: this one lives with its statement. */
		spare = calloc(1, sizeof *spare);
		if (!spare)
			return NULL;
		spare->owned = true;
	} else if (spare->sql) {
		if (spare->name[0]) {
			char dealloc[40];
			snprintf(dealloc, sizeof dealloc, "DEALLOCATE %s", spare->name);
			PQclear(PQexec(pg->conn, dealloc));
		}
		forget_prepared(spare);
	}
	spare->sql = strdup(sql);
	if (!spare->sql || !pg_sql_translate(sql, has_id, pg, &spare->tr)) {
		bool owned = spare->owned;
		forget_prepared(spare);
		if (owned)
			free(spare);
		db_note(db, "cannot translate the statement for PostgreSQL");
		return NULL;
	}

	spare->hash = hash;
	spare->used_at = ++pg->uses;
	return spare;
}

static bool indeterminate(const PGresult *res)
{
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	/* The type of a parameter could not be told, or an operator on two
	 * parameters is ambiguous, or none fits text. */
	return state && (strcmp(state, "42P18") == 0 || strcmp(state, "42P08") == 0 || strcmp(state, "42725") == 0 || strcmp(state, "42883") == 0);
}

/* Made at once where the server can tell every parameter's type from
 * the SQL, so bad SQL fails at prepare as on SQLite; else at the first
 * step, with the bound values' types. */
static enum db_status prepare_early(struct db *db, struct prepared *c)
{
	struct pg *pg = P(db);
	char name[16];
	snprintf(name, sizeof name, "bb%llu", ++pg->names);
	bool in_tx = PQtransactionStatus(pg->conn) == PQTRANS_INTRANS;
	if (in_tx)
		PQclear(PQexec(pg->conn, "SAVEPOINT bb_prepare"));
	PGresult *res = PQprepare(pg->conn, name, c->tr.text, c->tr.nparams, NULL);
	bool made = PQresultStatus(res) == PGRES_COMMAND_OK;
	bool later = !made && indeterminate(res);
	if (in_tx) {
		if (!made)
			PQclear(PQexec(pg->conn, "ROLLBACK TO SAVEPOINT bb_prepare"));
		PQclear(PQexec(pg->conn, "RELEASE SAVEPOINT bb_prepare"));
	}
	if (made || later) {
		if (made)
			memcpy(c->name, name, sizeof c->name);
		PQclear(res);
		return DB_OK;
	}
	enum db_status st = status_from_state(PQresultErrorField(res, PG_DIAG_SQLSTATE));
	note_result(db, res);
	trace_sql(c->tr.text);
	PQclear(res);
	return st == DB_OK ? DB_ERR_MISUSE : st;
}

static enum db_status pg_prepare(struct db *db, struct db_stmt **out, const char *sql)
{
	struct prepared *c = prepared_for(db, sql);
	if (!c)
		return DB_ERR_MISUSE;
	if (!c->name[0]) {
		enum db_status r = prepare_early(db, c);
		if (r != DB_OK) {
			if (c->owned) {
				forget_prepared(c);
				free(c);
			} else {
				forget_prepared(c);
			}
			return r;
		}
	}
	struct pg_stmt *st = calloc(1, sizeof *st);
	if (!st)
		return DB_ERR_IO;
	st->base.db = db;
	st->prep = c;
	st->row = -1;
	c->refs++;
	*out = &st->base;
	return DB_OK;
}

static int param_index(struct db_stmt *st, const char *name)
{
	int i = pg_sql_param(&S(st)->prep->tr, name);
	if (i == 0) {
		st->err = DB_ERR_MISUSE;
		db_note(st->db, "no parameter %s in statement", name);
	}
	return i;
}

static enum db_status set_value(struct db_stmt *st, const char *name, const char *value, bool is_int)
{
	int i = param_index(st, name);
	if (!i)
		return st->err;
	struct pg_stmt *s = S(st);
	free(s->values[i - 1]);
	s->values[i - 1] = NULL;
	if (value && !(s->values[i - 1] = strdup(value))) {
		st->err = DB_ERR_IO;
		return st->err;
	}
	s->is_int[i - 1] = is_int;
	s->bound[i - 1] = true;
	return DB_OK;
}

static enum db_status pg_bind_text(struct db_stmt *st, const char *name, const char *value)
{
	return set_value(st, name, value, false);
}

static enum db_status pg_bind_int(struct db_stmt *st, const char *name, long long value)
{
	char num[24];
	snprintf(num, sizeof num, "%lld", value);
	return set_value(st, name, num, true);
}

static enum db_status pg_bind_null(struct db_stmt *st, const char *name)
{
	return set_value(st, name, NULL, false);
}


/* Makes the server statement: first with every type inferred as a
 * literal's would be, then, where that fails, with the bound C types. */
static enum db_status make_prepared(struct pg_stmt *s)
{
	struct db *db = s->base.db;
	struct pg *pg = P(db);
	struct prepared *c = s->prep;
	char name[16];
	snprintf(name, sizeof name, "bb%llu", ++pg->names);
	/* A failed PREPARE would break the transaction it is made in: the
	 * tries are made under a savepoint. */
	bool in_tx = PQtransactionStatus(pg->conn) == PQTRANS_INTRANS;
	if (in_tx)
		PQclear(PQexec(pg->conn, "SAVEPOINT bb_prepare"));
	PGresult *res = PQprepare(pg->conn, name, c->tr.text, c->tr.nparams, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK && indeterminate(res)) {
		PQclear(res);
		if (in_tx)
			PQclear(PQexec(pg->conn, "ROLLBACK TO SAVEPOINT bb_prepare"));
		Oid types[PG_SQL_MAX_PARAMS];
		for (int i = 0; i < c->tr.nparams; i++)
			types[i] = s->is_int[i] ? OID_INT8 : s->values[i] ? OID_TEXT : 0;
		res = PQprepare(pg->conn, name, c->tr.text, c->tr.nparams, types);
		if (PQresultStatus(res) != PGRES_COMMAND_OK && indeterminate(res)) {
			PQclear(res);
			if (in_tx)
				PQclear(PQexec(pg->conn, "ROLLBACK TO SAVEPOINT bb_prepare"));
			for (int i = 0; i < c->tr.nparams; i++)
				if (!types[i])
					types[i] = OID_TEXT;
			res = PQprepare(pg->conn, name, c->tr.text, c->tr.nparams, types);
		}
	}
	if (in_tx) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			PQclear(PQexec(pg->conn, "ROLLBACK TO SAVEPOINT bb_prepare"));
		PQclear(PQexec(pg->conn, "RELEASE SAVEPOINT bb_prepare"));
	}
	enum db_status st = check(db, res);
	if (st != DB_OK) {
		trace_sql(c->tr.text);
		char why[200];
		snprintf(why, sizeof why, "%.199s", db->detail);
		db_note(db, "%s (in: %.40s...)", why, c->sql);
		return st;
	}
	PQclear(res);
	memcpy(c->name, name, sizeof c->name);
	return DB_OK;
}

static enum db_status pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = S(st);
	struct db *db = st->db;
	struct pg *pg = P(db);
	if (s->done)
		return DB_DONE;
	if (s->res) {
		if (++s->row < s->nrows)
			return DB_ROW;
		s->done = true;
		return DB_DONE;
	}
	struct prepared *c = s->prep;
	for (int i = 0; i < c->tr.nparams; i++) {
		if (!s->bound[i]) {
			/* SQLite binds NULL to what is never bound. */
			s->bound[i] = true;
		}
	}
	if (!c->name[0]) {
		enum db_status r = make_prepared(s);
		if (r != DB_OK)
			return r;
	}
	PGresult *res = PQexecPrepared(pg->conn, c->name, c->tr.nparams, (const char *const *)s->values, NULL, NULL, 0);
	pg->statements++;
	enum db_status r = check(db, res);
	if (r != DB_OK) {
		trace_sql(c->tr.text);
		return r;
	}
	count_changes(pg, res);
	if (c->tr.returns_id) {
		if (PQntuples(res) > 0)
			pg->last_id = strtoll(PQgetvalue(res, PQntuples(res) - 1, 0), NULL, 10);
		PQclear(res);
		s->done = true;
		return DB_DONE;
	}
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		s->done = true;
		return DB_DONE;
	}
	s->res = res;
	s->nrows = PQntuples(res);
	s->row = 0;
	if (s->nrows == 0) {
		s->done = true;
		return DB_DONE;
	}
	return DB_ROW;
}

static void clear_result(struct pg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	s->row = -1;
	s->nrows = 0;
	s->done = false;
}

static void pg_reset(struct db_stmt *st)
{
	struct pg_stmt *s = S(st);
	clear_result(s);
	for (int i = 0; i < PG_SQL_MAX_PARAMS; i++) {
		free(s->values[i]);
		s->values[i] = NULL;
		s->is_int[i] = false;
		s->bound[i] = false;
	}
}

static bool has_column(struct pg_stmt *s, int col)
{
	return s->res && s->row >= 0 && s->row < s->nrows && col >= 0 && col < PQnfields(s->res);
}

static const char *pg_column_text(struct db_stmt *st, int col)
{
	struct pg_stmt *s = S(st);
	if (!has_column(s, col) || PQgetisnull(s->res, s->row, col))
		return "";
	const char *v = PQgetvalue(s->res, s->row, col);
	/* SQLite has no booleans: a comparison is 1 or 0. */
	if (PQftype(s->res, col) == OID_BOOL)
		return *v == 't' ? "1" : "0";
	return v;
}

static long long pg_column_int(struct db_stmt *st, int col)
{
	struct pg_stmt *s = S(st);
	if (!has_column(s, col) || PQgetisnull(s->res, s->row, col))
		return 0;
	const char *v = PQgetvalue(s->res, s->row, col);
	if (PQftype(s->res, col) == OID_BOOL)
		return *v == 't';
	return strtoll(v, NULL, 10);
}

static bool pg_column_is_null(struct db_stmt *st, int col)
{
	struct pg_stmt *s = S(st);
	return !has_column(s, col) || PQgetisnull(s->res, s->row, col);
}

static void pg_finalize(struct db_stmt *st)
{
	struct pg_stmt *s = S(st);
	pg_reset(st);
	if (--s->prep->refs == 0 && s->prep->owned) {
		if (s->prep->name[0]) {
			char dealloc[40];
			snprintf(dealloc, sizeof dealloc, "DEALLOCATE %s", s->prep->name);
			PQclear(PQexec(P(st->db)->conn, dealloc));
		}
		forget_prepared(s->prep);
		free(s->prep);
	}
	free(st);
}

static long long pg_last_insert_id(const struct db *db)
{
	return P(db)->last_id;
}

static int pg_changes(const struct db *db)
{
	return P(db)->changes;
}

static long long pg_total_changes(const struct db *db)
{
	return P(db)->total_changes;
}

static enum db_status pg_data_version(struct db *db, long long *version)
{
	long long v = 0;
	enum db_status st = db_query_int(db, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM bb_commits", &v);
	if (st != DB_OK)
		return st;
	/* Only the others' commits count; never 0, which desk.c reads as
	 * "not looked yet". */
	*version = v - P(db)->own_commits + 1;
	return DB_OK;
}

/* No file to scan: every table is read through (the server notices a
 * damaged page when it reads it), and the rows that should point at a
 * row are checked by the foreign keys the server keeps itself. */
static enum db_status pg_integrity_check(struct db *db, struct db_integrity *found, char *report, size_t size)
{
	report[0] = '\0';
	PGresult *res = PQexec(P(db)->conn,
		"SELECT quote_ident(c.relname) FROM pg_class AS c"
		" WHERE c.relkind = 'r' AND c.relnamespace = ANY (current_schemas(false)::regnamespace[])"
		" ORDER BY c.relname");
	enum db_status st = check(db, res);
	if (st != DB_OK)
		return st;
	size_t used = 0;
	for (int i = 0; i < PQntuples(res) && st == DB_OK; i++) {
		char sql[200];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", PQgetvalue(res, i, 0));
		PGresult *r = PQexec(P(db)->conn, sql);
		st = check(db, r);
		if (st != DB_OK) {
			int n = snprintf(report + used, size - used, "%s: %s\n", PQgetvalue(res, i, 0), db->detail);
			if (n > 0 && (size_t)n < size - used)
				used += (size_t)n;
			st = st == DB_ERR_IO || st == DB_ERR_MISUSE ? DB_ERR_CORRUPT : st;
			found->broken++;
			break;
		}
		PQclear(r);
	}
	PQclear(res);
	if (st == DB_OK)
		snprintf(report, size, "ok\n");
	return st;
}

static enum db_status pg_copy_to(struct db *db, const char *path)
{
	(void)path;
	db_note(db, "a PostgreSQL database is copied with pg_dump");
	return DB_ERR_MISUSE;
}

static enum db_status pg_refuse_writes(struct db *db)
{
	return pg_exec(db, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
}

enum db_status db_pg_open(const char *conninfo, bool create, struct db **out)
{
	*out = NULL;
	struct pg *pg = calloc(1, sizeof *pg);
	if (!pg)
		return DB_ERR_IO;
	pg->base.engine = &pg_engine;
	struct db *db = &pg->base;
	*out = db;
	if (!pq_load(db))
		return DB_ERR_SERVER;
	pg->conn = PQconnectdb(conninfo);
	if (!pg->conn || PQstatus(pg->conn) != CONNECTION_OK) {
		db_note(db, "%s", pg->conn ? PQerrorMessage(pg->conn) : "out of memory");
		char *nl = strchr(db->detail, '\n');
		if (nl)
			*nl = '\0';
		return DB_ERR_SERVER;
	}
	if (PQsetClientEncoding(pg->conn, "UTF8") != 0) {
		note_result(db, NULL);
		return DB_ERR_SERVER;
	}
	/* Quiet: NOTICEs ("relation already exists, skipping") are ours. */
	PQclear(PQexec(pg->conn, "SET client_min_messages = warning"));
	pg_set_busy_timeout(db, db_busy_timeout_from_env());
	snprintf(pg->lock_key, sizeof pg->lock_key, "brobygger writers");
	int version = pg_schema_version(db);
	if (version < 0)
		return DB_ERR_IO;
	if (version > migrate_latest()) {
		db_note(db, "schema version %d, this program knows up to %d", version, migrate_latest());
		return DB_ERR_TOONEW;
	}
	if (!create) {
		if (version == 0) {
			db_note(db, "no Brobygger schema in this database");
			return DB_ERR_NOTADB;
		}
		return DB_OK;
	}
	/* Take the write lock once now: a stuck writer is reported at start
	 * rather than at the first tick of a roll call. */
	enum db_status st = db_begin(db);
	if (st != DB_OK)
		return st;
	return db_end(db, DB_OK);
}

static const char *pg_stmt_sql(struct db_stmt *st)
{
	return S(st)->prep->tr.text;
}

static const struct db_engine pg_engine = {
	.kind = DB_ENGINE_POSTGRESQL,
	.close = pg_close,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.lost_transaction = pg_lost_transaction,
	.prepare = pg_prepare,
	.bind_text = pg_bind_text,
	.bind_int = pg_bind_int,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.reset = pg_reset,
	.column_text = pg_column_text,
	.column_int = pg_column_int,
	.column_is_null = pg_column_is_null,
	.finalize = pg_finalize,
	.last_insert_id = pg_last_insert_id,
	.changes = pg_changes,
	.total_changes = pg_total_changes,
	.data_version = pg_data_version,
	.schema_version = pg_schema_version,
	.set_schema_version = pg_set_schema_version,
	.integrity_check = pg_integrity_check,
	.copy_to = pg_copy_to,
	.refuse_writes = pg_refuse_writes,
	.set_busy_timeout = pg_set_busy_timeout,
	.work = pg_work,
	.sql = pg_stmt_sql,
	.tell_plan = NULL,
};
