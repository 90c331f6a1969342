/* store_drafts.c — the pick-lists the centre extends (interests, barriers)
 * and drafts (half-filled intake forms; card edits, call outcomes and
 * notes left at a stop), both
 * declared in store_citizens.h. Each function joins the caller's transaction.
 */
#include "store_citizens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_util.h"

/* ---------- the kinds of draft ---------- */

static const char *const kind_codes[] = {
	[DRAFT_INTAKE] = "intake",
	[DRAFT_CARD] = "card",
	[DRAFT_CALL] = "call",
	[DRAFT_NOTE] = "note",
};

const char *store_drafts_kind_code(enum draft_kind kind)
{
	return kind_codes[kind];
}

static enum draft_kind kind_of(const char *code)
{
	for (size_t k = 0; k < sizeof kind_codes / sizeof kind_codes[0]; k++)
		if (strcmp(code, kind_codes[k]) == 0)
			return (enum draft_kind)k;
	return DRAFT_INTAKE;
}

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

static void bind_words(struct db_stmt *st, const char *words)
{
	if (words)
		db_bind_text(st, ":words", words);
	else
		db_bind_null(st, ":words");
}

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

enum db_status store_drafts_update(struct db *db, long long id, const char *label, const char *data,
				   const char *words)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE drafts SET label = :label, data = :data, words = :words, updated_at = :now WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":label", label ? label : "");
	db_bind_text(st, ":data", data ? data : "");
	bind_words(st, words);
	db_bind_int(st, ":id", id);
	store_bind_now(st, ":now");
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

enum db_status store_drafts_list(struct db *db, db_user_id owner, struct draft *out, int max, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, kind, COALESCE(citizen_id, 0), label, updated_at, COALESCE(call_id, 0) FROM drafts"
		" WHERE user_id IS :user ORDER BY updated_at DESC, id DESC");
	if (r != DB_OK)
		return r;
	store_bind_id(st, ":user", owner);
	while (*count < max && db_step(st) == DB_ROW) {
		out[*count].id = db_column_int(st, 0);
		out[*count].kind = kind_of(db_column_text(st, 1));
		out[*count].citizen_id = db_column_int(st, 2);
		STORE_COL(out[*count].label, st, 3);
		STORE_COL(out[*count].updated_at, st, 4);
		out[*count].call_id = db_column_int(st, 5);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_drafts_count(struct db *db, db_user_id owner, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT count(*) FROM drafts WHERE user_id IS :user");
	if (r != DB_OK)
		return r;
	store_bind_id(st, ":user", owner);
	if (db_step(st) == DB_ROW)
		*count = (int)db_column_int(st, 0);
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

/* The one row of `st` (id, data): its data copied into *data, its id in
 * *id; finalizes st. DB_ERR_NOTFOUND when there is no row. */
static enum db_status take_data(struct db_stmt *st, long long *id, char **data)
{
	*id = 0;
	*data = NULL;
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		*id = db_column_int(st, 0);
		const char *text = db_column_text(st, 1);
		size_t len = strlen(text);
		*data = malloc(len + 1);
		if (*data)
			memcpy(*data, text, len + 1);
	}
	enum db_status r = db_finalize(st);
	if (r == DB_OK && step != DB_ROW)
		r = DB_ERR_NOTFOUND;
	else if (r == DB_OK && !*data)
		r = DB_ERR_IO;
	if (r != DB_OK) {
		free(*data);
		*data = NULL;
		*id = 0;
	}
	return r;
}

enum db_status store_drafts_load(struct db *db, long long id, char **data)
{
	*data = NULL;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT id, data FROM drafts WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	long long found;
	return take_data(st, &found, data);
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

/* ---------- card drafts ---------- */

static char *copy_column(struct db_stmt *st, int col)
{
	const char *text = db_column_text(st, col);
	size_t len = strlen(text);
	char *out = malloc(len + 1);
	if (out)
		memcpy(out, text, len + 1);
	return out;
}

enum db_status store_drafts_card_find(struct db *db, db_user_id owner, long long citizen_id, struct card_draft *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, base_version, updated_at, data, base FROM drafts"
		" WHERE kind = 'card' AND citizen_id = :citizen AND user_id IS :user ORDER BY id DESC LIMIT 1");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	store_bind_id(st, ":user", owner);
	enum db_status step = db_step(st);
	bool copied = true;
	if (step == DB_ROW) {
		out->id = db_column_int(st, 0);
		out->base_version = db_column_int(st, 1);
		STORE_COL(out->updated_at, st, 2);
		out->data = copy_column(st, 3);
		out->base = copy_column(st, 4);
		copied = out->data && out->base;
	}
	r = db_finalize(st);
	if (r == DB_OK && step != DB_ROW)
		r = DB_ERR_NOTFOUND;
	else if (r == DB_OK && !copied)
		r = DB_ERR_IO;
	if (r != DB_OK) {
		free(out->data);
		free(out->base);
		memset(out, 0, sizeof *out);
	}
	return r;
}

enum db_status store_drafts_card_put(struct db *db, db_user_id owner, long long citizen_id, const char *label,
				     const struct card_draft *in, long long *id)
{
	*id = 0;
	struct card_draft old;
	enum db_status r = store_drafts_card_find(db, owner, citizen_id, &old);
	if (r != DB_OK && r != DB_ERR_NOTFOUND)
		return r;
	bool update = r == DB_OK;
	free(old.data);
	free(old.base);
	struct db_stmt *st;
	r = db_prepare(db, &st, update
		? "UPDATE drafts SET label = :label, data = :data, words = :words, base = :base,"
		  " base_version = :version, updated_at = :now WHERE id = :id"
		: "INSERT INTO drafts(kind, label, data, words, user_id, citizen_id, base, base_version, updated_at)"
		  " VALUES ('card', :label, :data, :words, :user, :citizen, :base, :version, :now)");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":label", label ? label : "");
	db_bind_text(st, ":data", in->data ? in->data : "");
	bind_words(st, in->words);
	db_bind_text(st, ":base", in->base ? in->base : "");
	db_bind_int(st, ":version", in->base_version);
	store_bind_now(st, ":now");
	if (update) {
		db_bind_int(st, ":id", old.id);
	} else {
		store_bind_id(st, ":user", owner);
		db_bind_int(st, ":citizen", citizen_id);
	}
	if ((r = store_run(st)) == DB_OK)
		*id = update ? old.id : db_last_insert_id(db);
	return r;
}

/* ---------- call outcomes and notes kept at a stop ---------- */

/* A kept draft is about its call (a call's outcome) or its citizen (a
 * note): one statement for each, not SQL put together. */
static const char *const find_kept[] = {
	[DRAFT_CALL] = "SELECT id, data FROM drafts WHERE kind = 'call' AND call_id = :about AND user_id IS :user"
		       " ORDER BY id DESC LIMIT 1",
	[DRAFT_NOTE] = "SELECT id, data FROM drafts WHERE kind = 'note' AND citizen_id = :about AND user_id IS :user"
		       " ORDER BY id DESC LIMIT 1",
};
static const char *const delete_kept[] = {
	[DRAFT_CALL] = "DELETE FROM drafts WHERE kind = 'call' AND call_id = :about AND (:all = 1 OR user_id IS :user)",
	[DRAFT_NOTE] = "DELETE FROM drafts WHERE kind = 'note' AND citizen_id = :about AND (:all = 1 OR user_id IS :user)",
};

static bool kept_kind(enum draft_kind kind)
{
	return kind == DRAFT_CALL || kind == DRAFT_NOTE;
}

enum db_status store_drafts_kept_find(struct db *db, db_user_id owner, enum draft_kind kind, long long about,
				      long long *id, char **data)
{
	*id = 0;
	*data = NULL;
	if (!kept_kind(kind))
		return DB_ERR_MISUSE;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, find_kept[kind]);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":about", about);
	store_bind_id(st, ":user", owner);
	return take_data(st, id, data);
}

enum db_status store_drafts_kept_put(struct db *db, db_user_id owner, enum draft_kind kind, long long about,
				     long long citizen_id, const char *label, const char *data, const char *words,
				     long long *id, bool *inserted)
{
	*inserted = false;
	char *old = NULL;
	enum db_status r = store_drafts_kept_find(db, owner, kind, about, id, &old);
	free(old);
	if (r == DB_OK)
		return store_drafts_update(db, *id, label, data, words);
	if (r != DB_ERR_NOTFOUND)
		return r;
	struct db_stmt *st;
	r = db_prepare(db, &st,
		"INSERT INTO drafts(kind, label, data, words, user_id, citizen_id, call_id, updated_at)"
		" VALUES (:kind, :label, :data, :words, :user, :citizen, :call, :now)");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":kind", store_drafts_kind_code(kind));
	db_bind_text(st, ":label", label ? label : "");
	db_bind_text(st, ":data", data ? data : "");
	bind_words(st, words);
	store_bind_id(st, ":user", owner);
	db_bind_int(st, ":citizen", citizen_id);
	if (kind == DRAFT_CALL)
		db_bind_int(st, ":call", about);
	else
		db_bind_null(st, ":call");
	store_bind_now(st, ":now");
	if ((r = store_run(st)) == DB_OK) {
		*id = db_last_insert_id(db);
		*inserted = true;
	}
	return r;
}

enum db_status store_drafts_kept_calls(struct db *db, db_user_id owner, long long *calls, int max, int *count)
{
	/* Nobody signed in owns theirs as NULL. */
	return store_read_ids(db, "SELECT call_id FROM drafts WHERE kind = 'call' AND COALESCE(user_id, 0) = :id"
			      " ORDER BY call_id", (long long)owner, calls, max, count);
}

enum db_status store_drafts_kept_delete(struct db *db, db_user_id owner, bool everyone, enum draft_kind kind,
					long long about, int *deleted)
{
	*deleted = 0;
	if (!kept_kind(kind))
		return DB_ERR_MISUSE;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, delete_kept[kind]);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":about", about);
	db_bind_int(st, ":all", everyone);
	store_bind_id(st, ":user", owner);
	if ((r = store_run(st)) == DB_OK)
		*deleted = (int)db_changes(db);
	return r;
}
