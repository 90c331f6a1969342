/* store_settings.h — the centre's own settings (name, idle lock) and the
 * audit trail every change writes to. */
#ifndef BB_STORE_SETTINGS_H
#define BB_STORE_SETTINGS_H

#include <stddef.h>

#include "db.h"

enum { SETTING_MAX = 200 };

/* Copies the value of `key` into buf; an unset key gives "" and DB_OK. */
enum db_status store_settings_get(struct db *db, const char *key, char *buf, size_t size);
/* Sets `key` inside the caller's transaction. */
enum db_status store_settings_set(struct db *db, const char *key, const char *value);

/* Appends to the audit log inside the caller's transaction. `at` is the
 * wall-clock time "YYYY-MM-DD HH:MM:SS"; NULL takes the machine's. */
enum db_status store_audit_record(struct db *db, db_user_id actor, const char *at, const char *action,
				  const char *entity, long long entity_id, const char *detail);
/* Prepares store_audit_record ahead (store_warm). */
void store_audit_warm(struct db *db);

#endif
