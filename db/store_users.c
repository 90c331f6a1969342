/* store_users.c — desk users and their sign-ins. */
#include "store_users.h"

#include "store_util.h"

enum db_status store_users_count_active(struct db *db, long long *count)
{
	return db_query_int(db, "SELECT count(*) FROM users WHERE active = 1", count);
}

enum db_status store_users_list(struct db *db, struct user *out, int max, int *count)
{
	struct db_stmt *st;
	*count = 0;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, name, role, active, failed_pins, next_try_at, locked FROM users"
		" ORDER BY active DESC, id"
		" LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":max", max);
	while (db_step(st) == DB_ROW) {
		struct user *u = &out[(*count)++];
		u->id = db_column_int(st, 0);
		STORE_COL(u->name, st, 1);
		STORE_COL(u->role, st, 2);
		u->active = db_column_int(st, 3) != 0;
		u->failed_pins = (int)db_column_int(st, 4);
		u->next_try_at = db_column_int(st, 5);
		u->locked = db_column_int(st, 6) != 0;
	}
	return db_finalize(st);
}

enum db_status store_users_get(struct db *db, long long id, struct user *out, char hash[USER_HASH])
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, name, role, active, coalesce(pin_hash, ''), failed_pins, next_try_at, locked"
		" FROM users WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	r = db_step(st);
	if (r == DB_ROW) {
		out->id = db_column_int(st, 0);
		STORE_COL(out->name, st, 1);
		STORE_COL(out->role, st, 2);
		out->active = db_column_int(st, 3) != 0;
		out->failed_pins = (int)db_column_int(st, 5);
		out->next_try_at = db_column_int(st, 6);
		out->locked = db_column_int(st, 7) != 0;
		if (hash)
			store_copy(hash, USER_HASH, db_column_text(st, 4));
	}
	enum db_status fin = db_finalize(st);
	if (fin != DB_OK)
		return fin;
	return r == DB_ROW ? DB_OK : DB_ERR_NOTFOUND;
}

/* Runs one statement that changes a user: DB_ERR_NOTFOUND when there is
 * no such user. */
static enum db_status change_user(struct db *db, const char *sql, long long id, const char *text_name,
				  const char *text, int active)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	if (text_name)
		db_bind_text(st, text_name, text);
	if (active >= 0)
		db_bind_int(st, ":active", active);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

enum db_status store_users_add(struct db *db, const char *name, const char *role, const char *pin_hash,
			       long long *id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO users(name, role, pin_hash, created_at) VALUES (:name, :role, :hash, :now)");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":role", role);
	db_bind_text(st, ":hash", pin_hash);
	store_bind_now(st, ":now");
	if ((r = store_run(st)) == DB_OK)
		*id = db_last_insert_id(db);
	return r;
}

enum db_status store_users_set_pin(struct db *db, long long id, const char *pin_hash)
{
	/* A new PIN is a fresh start: the wrong tries are forgotten. */
	return change_user(db, "UPDATE users SET pin_hash = :hash, failed_pins = 0, next_try_at = 0, locked = 0"
			   " WHERE id = :id", id, ":hash", pin_hash, -1);
}

enum db_status store_users_set_tries(struct db *db, long long id, int failed, long long next_try_at, bool locked)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE users SET failed_pins = :failed, next_try_at = :next, locked = :locked WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":failed", failed);
	db_bind_int(st, ":next", next_try_at);
	db_bind_int(st, ":locked", locked);
	db_bind_int(st, ":id", id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

enum db_status store_users_set_active(struct db *db, long long id, bool active)
{
	return change_user(db, "UPDATE users SET active = :active WHERE id = :id", id, NULL, NULL, active ? 1 : 0);
}
