/* store_drafts.c — the pick-lists the centre extends (interests, barriers)
 * and drafts of half-filled intake forms, both declared in
 * store_citizens.h. Each function joins the caller's transaction.
 */
#include "store_citizens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_util.h"

/* ---------- pick-lists ---------- */

/* The table behind a pick-list; only these two names reach SQL. */
static const char *picklist_table(const char *which)
{
	if (which && strcmp(which, "interests") == 0)
		return "interests";
	if (which && strcmp(which, "barriers") == 0)
		return "barriers";
	return NULL;
}

/* Reads `sql` (id, name, active) into out. */
static enum db_status read_picks(struct db *db, const char *sql, struct pick *out, int max, int *count)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	while (*count < max && db_step(st) == DB_ROW) {
		struct pick *p = &out[(*count)++];
		p->id = db_column_int(st, 0);
		STORE_COL(p->name, st, 1);
		p->active = db_column_int(st, 2) != 0;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_picklist_load(struct db *db, const char *which, struct pick *out, int max, int *count)
{
	*count = 0;
	const char *table = picklist_table(which);
	if (!table)
		return DB_ERR_MISUSE;
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id, name, active FROM %s WHERE active = 1 ORDER BY id", table);
	return read_picks(db, sql, out, max, count);
}

enum db_status store_picklist_all(struct db *db, const char *which, struct pick *out, int max, int *count)
{
	*count = 0;
	const char *table = picklist_table(which);
	if (!table)
		return DB_ERR_MISUSE;
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id, name, active FROM %s ORDER BY id", table);
	return read_picks(db, sql, out, max, count);
}

enum db_status store_picklist_insert(struct db *db, const char *which, const char *name, long long *id)
{
	*id = 0;
	const char *table = picklist_table(which);
	if (!table)
		return DB_ERR_MISUSE;
	char sql[160];
	snprintf(sql, sizeof sql, "INSERT INTO %s(name) VALUES (:name)", table);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":name", name);
	if ((r = store_run(st)) == DB_OK)
		*id = db_last_insert_id(db);
	return r;
}

enum db_status store_picklist_reactivate(struct db *db, const char *which, long long id)
{
	const char *table = picklist_table(which);
	if (!table)
		return DB_ERR_MISUSE;
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE %s SET active = 1 WHERE id = :id", table);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

/* ---------- drafts ---------- */

enum db_status store_drafts_insert(struct db *db, db_user_id owner, const char *label, const char *data,
				   long long *id)
{
	*id = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO drafts(kind, label, data, user_id, updated_at)"
		" VALUES ('intake', :label, :data, :user, :now)");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":label", label ? label : "");
	db_bind_text(st, ":data", data ? data : "");
	store_bind_id(st, ":user", owner);
	store_bind_now(st, ":now");
	if ((r = store_run(st)) == DB_OK)
		*id = db_last_insert_id(db);
	return r;
}

enum db_status store_drafts_update(struct db *db, long long id, const char *label, const char *data)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE drafts SET label = :label, data = :data, updated_at = :now WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":label", label ? label : "");
	db_bind_text(st, ":data", data ? data : "");
	db_bind_int(st, ":id", id);
	store_bind_now(st, ":now");
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

enum db_status store_drafts_list(struct db *db, db_user_id owner, struct draft *out, int max, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, label, updated_at FROM drafts WHERE user_id IS :user ORDER BY updated_at DESC, id DESC");
	if (r != DB_OK)
		return r;
	store_bind_id(st, ":user", owner);
	while (*count < max && db_step(st) == DB_ROW) {
		out[*count].id = db_column_int(st, 0);
		STORE_COL(out[*count].label, st, 1);
		STORE_COL(out[*count].updated_at, st, 2);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_drafts_owner(struct db *db, long long id, db_user_id *owner)
{
	*owner = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT COALESCE(user_id, 0) FROM drafts WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	enum db_status step = db_step(st);
	if (step == DB_ROW)
		*owner = db_column_int(st, 0);
	r = db_finalize(st);
	return r == DB_OK && step != DB_ROW ? DB_ERR_NOTFOUND : r;
}

enum db_status store_drafts_load(struct db *db, long long id, char **data)
{
	*data = NULL;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT data FROM drafts WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		const char *text = db_column_text(st, 0);
		size_t len = strlen(text);
		*data = malloc(len + 1);
		if (*data)
			memcpy(*data, text, len + 1);
	}
	r = db_finalize(st);
	if (r == DB_OK && step != DB_ROW)
		r = DB_ERR_NOTFOUND;
	else if (r == DB_OK && !*data)
		r = DB_ERR_IO;
	if (r != DB_OK) {
		free(*data);
		*data = NULL;
	}
	return r;
}

enum db_status store_drafts_delete(struct db *db, long long id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "DELETE FROM drafts WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}
