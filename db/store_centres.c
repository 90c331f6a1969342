/* store_centres.c — the centres and the shares (store_centres.h). */
#include "store_centres.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_engine.h"
#include "store_util.h"

/* A file is one centre. */
static const char FILE_CENTRE[] = "lokal";

enum db_status store_centres_mine(struct db *db, char code[CENTRE_CODE])
{
	if (db_engine(db) != DB_ENGINE_POSTGRESQL) {
		store_copy(code, CENTRE_CODE, FILE_CENTRE);
		return DB_OK;
	}
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT current_user::text");
	if (r != DB_OK)
		return r;
	if (db_step(st) == DB_ROW)
		store_copy(code, CENTRE_CODE, db_column_text(st, 0));
	return db_finalize(st);
}

enum db_status store_centres_list(struct db *db, struct centre *out, int max, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT code, name FROM centres ORDER BY name, code");
	if (r != DB_OK)
		return r;
	while (*count < max && db_step(st) == DB_ROW) {
		struct centre *c = &out[(*count)++];
		STORE_COL(c->code, st, 0);
		STORE_COL(c->name, st, 1);
	}
	return db_finalize(st);
}

enum db_status store_centres_add(struct db *db, const char *code, const char *name)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "INSERT INTO centres(code, name) VALUES (:code, :name)");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":code", code);
	db_bind_text(st, ":name", name);
	return store_run(st);
}

enum db_status store_centres_rename(struct db *db, const char *code, const char *name)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "UPDATE centres SET name = :name WHERE code = :code");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":code", code);
	db_bind_text(st, ":name", name);
	return store_run(st);
}

/* A role's name as an SQL identifier: only lower-case letters, digits and
 * "_" are taken, so quoting it cannot be escaped. */
static bool plain_role(const char *s)
{
	if (!*s || strlen(s) >= CENTRE_CODE - 1)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

enum db_status store_centres_grant(struct db *db, const char *code)
{
	if (db_engine(db) != DB_ENGINE_POSTGRESQL)
		return DB_OK;
	if (!plain_role(code))
		return DB_ERR_INVALID;
	/* The tables' rows through row-level security, the sequences the ids
	 * and "another desk committed" take; the schema's version and the
	 * list of centres only read, a centre's own name changed. */
	static const char *const grants[] = {
		"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \"%s\"",
		"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO \"%s\"",
		"REVOKE INSERT, UPDATE, DELETE ON brobygger_schema FROM \"%s\"",
		"REVOKE INSERT, UPDATE, DELETE ON centres FROM \"%s\"",
		"GRANT UPDATE (name) ON centres TO \"%s\"",
	};
	long long roles = 0;
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM pg_roles WHERE rolname = '%s'", code);
	enum db_status r = db_query_int(db, sql, &roles);
	if (r == DB_OK && roles == 0)
		r = DB_ERR_NOTFOUND;
	for (size_t i = 0; i < sizeof grants / sizeof grants[0] && r == DB_OK; i++) {
		snprintf(sql, sizeof sql, grants[i], code);
		r = db_exec(db, sql);
	}
	return r;
}

enum db_status store_centres_citizen(struct db *db, long long citizen_id, const char *centre,
				     char owner[CENTRE_CODE], bool *visible)
{
	*visible = false;
	owner[0] = '\0';
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT c.centre, c.centre = :centre OR EXISTS (SELECT 1 FROM citizen_shares AS s"
		" WHERE s.citizen_id = c.id AND s.partner = :centre AND s.withdrawn_on IS NULL)"
		" FROM citizens AS c WHERE c.id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", citizen_id);
	db_bind_text(st, ":centre", centre);
	bool found = db_step(st) == DB_ROW;
	if (found) {
		store_copy(owner, CENTRE_CODE, db_column_text(st, 0));
		*visible = db_column_int(st, 1) != 0;
	}
	r = db_finalize(st);
	return r == DB_OK && !found ? DB_ERR_NOTFOUND : r;
}

enum db_status store_centres_visible(struct db *db, const char *centre, const long long *ids, int n, bool *visible)
{
	enum db_status r = DB_OK;
	for (int i = 0; i < n; i++)
		visible[i] = false;
	if (n == 0)
		return r;
	/* One statement for a page of hits, the ids as one text: the same
	 * statement for every page, prepared once. (Only the server asks.) */
	if (db_engine(db) != DB_ENGINE_POSTGRESQL)
		return DB_ERR_MISUSE;
	size_t size = 1 + (size_t)n * 21;
	char *list = malloc(size);
	if (!list)
		return DB_ERR_IO;
	struct store_sql b = store_sql_on(list, size);
	for (int i = 0; i < n; i++)
		store_sql_add(&b, "%s%lld", i ? "," : "", ids[i]);
	struct db_stmt *st;
	r = db_prepare(db, &st,
		"SELECT c.id FROM citizens AS c WHERE c.id = ANY (string_to_array(:ids, ',')::bigint[])"
		" AND (c.centre = :centre OR EXISTS (SELECT 1 FROM citizen_shares AS s"
		" WHERE s.citizen_id = c.id AND s.partner = :centre AND s.withdrawn_on IS NULL))");
	if (r != DB_OK) {
		free(list);
		return r;
	}
	db_bind_text(st, ":ids", list);
	db_bind_text(st, ":centre", centre);
	while (db_step(st) == DB_ROW) {
		long long id = db_column_int(st, 0);
		for (int i = 0; i < n; i++)
			if (ids[i] == id)
				visible[i] = true;
	}
	r = db_finalize(st);
	free(list);
	return r;
}

enum db_status store_shares_of(struct db *db, long long citizen_id, struct citizen_share *out, int max,
			       int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT s.id, s.partner, COALESCE(p.name, s.partner), s.given_on, COALESCE(g.name, ''),"
		" COALESCE(s.withdrawn_on, ''), COALESCE(w.name, ''), COALESCE(o.name, s.centre)"
		" FROM citizen_shares AS s LEFT JOIN centres AS p ON p.code = s.partner"
		" LEFT JOIN centres AS o ON o.code = s.centre"
		" LEFT JOIN users AS g ON g.id = s.recorded_by LEFT JOIN users AS w ON w.id = s.withdrawn_by"
		" WHERE s.citizen_id = :citizen ORDER BY s.given_on, s.id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	while (*count < max && db_step(st) == DB_ROW) {
		struct citizen_share *e = &out[(*count)++];
		memset(e, 0, sizeof *e);
		e->id = db_column_int(st, 0);
		STORE_COL(e->partner, st, 1);
		STORE_COL(e->partner_name, st, 2);
		STORE_COL(e->given_on, st, 3);
		STORE_COL(e->given_by, st, 4);
		STORE_COL(e->withdrawn_on, st, 5);
		STORE_COL(e->withdrawn_by, st, 6);
		STORE_COL(e->owner_name, st, 7);
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_shares_in_force(struct db *db, long long citizen_id, const char *partner, bool *shared)
{
	*shared = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT 1 FROM citizen_shares WHERE citizen_id = :citizen AND partner = :partner"
		" AND withdrawn_on IS NULL");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":partner", partner);
	*shared = db_step(st) == DB_ROW;
	return db_finalize(st);
}

enum db_status store_shares_set(struct db *db, long long citizen_id, const char *partner, bool give, const char *on,
				db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, give
		? "INSERT INTO citizen_shares(citizen_id, partner, given_on, recorded_by)"
		  " VALUES (:citizen, :partner, :on, :by)"
		: "UPDATE citizen_shares SET withdrawn_on = :on, withdrawn_by = :by"
		  " WHERE citizen_id = :citizen AND partner = :partner AND withdrawn_on IS NULL");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":partner", partner);
	db_bind_text(st, ":on", on);
	store_bind_id(st, ":by", by);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}
