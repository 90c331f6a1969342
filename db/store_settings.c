/* store_settings.c — settings table and audit log. */
#include "store_settings.h"

#include <stdio.h>

enum db_status settings_get(struct db *db, const char *key, char *buf, size_t size)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT value FROM settings WHERE key = :key");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":key", key);
	buf[0] = '\0';
	if (db_step(st) == DB_ROW)
		snprintf(buf, size, "%s", db_column_text(st, 0));
	return db_finalize(st);
}

enum db_status audit_record(struct db *db, db_user_id actor, const char *action,
			    const char *entity, long long entity_id, const char *detail)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail)"
		" VALUES (bb_now(), :user, :action, :entity, :entity_id, :detail)");
	if (r != DB_OK)
		return r;
	if (actor > 0)
		db_bind_int(st, ":user", actor);
	else
		db_bind_null(st, ":user");
	db_bind_text(st, ":action", action);
	db_bind_text(st, ":entity", entity);
	if (entity_id > 0)
		db_bind_int(st, ":entity_id", entity_id);
	else
		db_bind_null(st, ":entity_id");
	db_bind_text(st, ":detail", detail);
	db_step(st);
	return db_finalize(st);
}

enum db_status settings_set(struct db *db, db_user_id actor, const char *key, const char *value)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	if ((r = db_prepare(db, &st,
			"INSERT INTO settings(key, value) VALUES (:key, :value)"
			" ON CONFLICT(key) DO UPDATE SET value = excluded.value")) != DB_OK)
		goto out;
	db_bind_text(st, ":key", key);
	db_bind_text(st, ":value", value);
	db_step(st);
	if ((r = db_finalize(st)) != DB_OK)
		goto out;
	r = audit_record(db, actor, "update", "settings", 0, key);
out:
	if (r != DB_OK) {
		db_rollback(db);
		return r;
	}
	return db_commit(db);
}
