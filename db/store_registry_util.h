/* store_registry_util.h — small helpers the registry and matching stores
 * share: copying columns without splitting a UTF-8 character, "" as NULL,
 * and ending a transaction by its outcome. Private to db/. */
#ifndef BB_STORE_REGISTRY_UTIL_H
#define BB_STORE_REGISTRY_UTIL_H

#include <stddef.h>
#include <string.h>

#include "db.h"
#include "store_settings.h"

/* Plans the weekly sessions of one active activity (all with 0) for
 * `weeks` weeks from `today`, inside the caller's transaction; dates that
 * have a session already are left alone. In store_registry.c. */
enum db_status registry_plan_sessions(struct db *db, long long activity_id, const char *today, int weeks,
				      int *created);

/* Copies src into dst without splitting a UTF-8 character. */
static inline void reg_copy(char *dst, size_t size, const char *src)
{
	if (size == 0)
		return;
	size_t len = src ? strlen(src) : 0;
	if (len >= size) {
		len = size - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	if (len)
		memcpy(dst, src, len);
	dst[len] = '\0';
}

#define REG_COL(dst, st, col) reg_copy((dst), sizeof(dst), db_column_text((st), (col)))

/* "" means "not given" and is stored as NULL. */
static inline const char *reg_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static inline void reg_bind_user(struct db_stmt *st, const char *name, db_user_id actor)
{
	if (actor > 0)
		db_bind_int(st, name, actor);
	else
		db_bind_null(st, name);
}

static inline void reg_bind_id(struct db_stmt *st, const char *name, long long id)
{
	if (id > 0)
		db_bind_int(st, name, id);
	else
		db_bind_null(st, name);
}

/* Steps a statement that returns no rows and finalizes it. */
static inline enum db_status reg_run(struct db_stmt *st)
{
	db_step(st);
	return db_finalize(st);
}

/* Commits when everything went well, else rolls back; returns the outcome. */
static inline enum db_status reg_finish(struct db *db, enum db_status r)
{
	if (r != DB_OK) {
		db_rollback(db);
		return r;
	}
	return db_commit(db);
}

#endif
