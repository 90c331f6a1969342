/* store_settings.c — settings table and audit log. */
#include "store_settings.h"

#include <time.h>

#include "store_util.h"

enum db_status store_settings_get(struct db *db, const char *key, char *buf, size_t size)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT value FROM settings WHERE key = :key");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":key", key);
	buf[0] = '\0';
	if (db_step(st) == DB_ROW)
		store_copy(buf, size, db_column_text(st, 0));
	return db_finalize(st);
}

static const char audit_record_sql[] =
	"INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail)"
	" VALUES (:at, :user, :action, :entity, :entity_id, :detail)";

void store_audit_warm(struct db *db)
{
	static const char *const all[] = { audit_record_sql };
	store_warm(db, all, 1);
}

enum db_status store_audit_record(struct db *db, db_user_id actor, const char *at, const char *action,
				  const char *entity, long long entity_id, const char *detail)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, audit_record_sql);
	if (r != DB_OK)
		return r;
	/* The wall clock, never the test clock: the log is evidence. */
	char wall[DB_STAMP_LEN];
	if (!at) {
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		strftime(wall, sizeof wall, "%Y-%m-%d %H:%M:%S", &tm);
		at = wall;
	}
	db_bind_text(st, ":at", at);
	store_bind_id(st, ":user", actor);
	db_bind_text(st, ":action", action);
	db_bind_text(st, ":entity", entity);
	store_bind_id(st, ":entity_id", entity_id);
	db_bind_text(st, ":detail", detail);
	return store_run(st);
}

enum db_status store_settings_set(struct db *db, const char *key, const char *value)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO settings(key, value) VALUES (:key, :value)"
		" ON CONFLICT(centre, key) DO UPDATE SET value = excluded.value");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":key", key);
	db_bind_text(st, ":value", value);
	return store_run(st);
}
