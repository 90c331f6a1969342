/* store_drafts.c — the pick-lists the centre extends (interests, barriers)
 * and drafts of half-filled intake forms, both declared in
 * store_citizens.h. Each change is one short transaction with its audit row.
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

enum db_status store_picklist_load(struct db *db, const char *which, struct pick *out, int max, int *count)
{
	*count = 0;
	const char *table = picklist_table(which);
	if (!table)
		return DB_ERR_MISUSE;
	char sql[160];
	snprintf(sql, sizeof sql,
		 "SELECT id, name FROM %s WHERE active = 1 ORDER BY bb_sortkey(name), name", table);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	while (*count < max && db_step(st) == DB_ROW) {
		out[*count].id = db_column_int(st, 0);
		STORE_COL(out[*count].name, st, 1);
		(*count)++;
	}
	return db_finalize(st);
}

/* Adds a value, or brings back one that was retired. The same name in
 * another case or spelling of æøå is the same value: DB_ERR_CONSTRAINT
 * with *id set to the existing one. */
enum db_status store_picklist_add(struct db *db, db_user_id actor, const char *which, const char *name,
			    long long *id)
{
	*id = 0;
	const char *table = picklist_table(which);
	if (!table)
		return DB_ERR_MISUSE;
	char sql[200];
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	snprintf(sql, sizeof sql,
		 "SELECT id, active FROM %s WHERE bb_fold(name) = bb_fold(:name) ORDER BY active DESC, id LIMIT 1",
		 table);
	if ((r = db_prepare(db, &st, sql)) != DB_OK)
		goto out;
	db_bind_text(st, ":name", name);
	long long existing = 0;
	bool active = false;
	if (db_step(st) == DB_ROW) {
		existing = db_column_int(st, 0);
		active = db_column_int(st, 1) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
		goto out;
	if (existing && active) {
		*id = existing;
		r = DB_ERR_CONSTRAINT;
		goto out;
	}
	if (existing)
		snprintf(sql, sizeof sql, "UPDATE %s SET active = 1 WHERE id = :id", table);
	else
		snprintf(sql, sizeof sql, "INSERT INTO %s(name) VALUES (:name)", table);
	if ((r = db_prepare(db, &st, sql)) != DB_OK)
		goto out;
	if (existing)
		db_bind_int(st, ":id", existing);
	else
		db_bind_text(st, ":name", name);
	if ((r = store_run(st)) != DB_OK)
		goto out;
	*id = existing ? existing : db_last_insert_id(db);
	r = store_audit_record(db, actor, NULL, existing ? "update" : "create", table, *id, NULL);
out:
	r = db_end(db, r);
	if (r != DB_OK && r != DB_ERR_CONSTRAINT)
		*id = 0;
	return r;
}

/* ---------- drafts ---------- */

enum db_status store_drafts_save(struct db *db, db_user_id actor, long long *id, const char *label,
			   const char *data)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	bool insert = *id == 0;
	if ((r = db_prepare(db, &st, insert
			? "INSERT INTO drafts(kind, label, data, user_id, updated_at)"
			  " VALUES ('intake', :label, :data, :user, bb_now())"
			: "UPDATE drafts SET label = :label, data = :data, user_id = :user,"
			  " updated_at = bb_now() WHERE id = :id")) != DB_OK)
		goto out;
	db_bind_text(st, ":label", label ? label : "");
	db_bind_text(st, ":data", data ? data : "");
	store_bind_id(st, ":user", actor);
	if (!insert)
		db_bind_int(st, ":id", *id);
	if ((r = insert ? store_run(st) : store_run_changed(db, st, DB_ERR_NOTFOUND)) != DB_OK)
		goto out;
	long long draft_id = insert ? db_last_insert_id(db) : *id;
	if ((r = store_audit_record(db, actor, NULL, insert ? "create" : "update", "draft", draft_id, NULL)) == DB_OK)
		*id = draft_id;
out:
	return db_end(db, r);
}

enum db_status store_drafts_list(struct db *db, struct draft *out, int max, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, label, updated_at FROM drafts ORDER BY updated_at DESC, id DESC");
	if (r != DB_OK)
		return r;
	while (*count < max && db_step(st) == DB_ROW) {
		out[*count].id = db_column_int(st, 0);
		STORE_COL(out[*count].label, st, 1);
		STORE_COL(out[*count].updated_at, st, 2);
		(*count)++;
	}
	return db_finalize(st);
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

enum db_status store_drafts_delete(struct db *db, db_user_id actor, long long id)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	if ((r = db_prepare(db, &st, "DELETE FROM drafts WHERE id = :id")) != DB_OK)
		goto out;
	db_bind_int(st, ":id", id);
	if ((r = store_run_changed(db, st, DB_ERR_NOTFOUND)) != DB_OK)
		goto out;
	r = store_audit_record(db, actor, NULL, "delete", "draft", id, NULL);
out:
	return db_end(db, r);
}
