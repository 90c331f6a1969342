/* store_attendance_internal.h — small helpers the attendance store's files
 * share (store_attendance*.c); not for use outside db/. */
#ifndef BB_STORE_ATTENDANCE_INTERNAL_H
#define BB_STORE_ATTENDANCE_INTERNAL_H

#include <stddef.h>
#include <string.h>

#include "db.h"
#include "store_attendance.h"

/* Timestamps and default dates come from bb_now() (db.h). */
#define ATT_NOW_SQL "bb_now()"

/* Copies src into dst without splitting a UTF-8 character. */
static inline void att_copy(char *dst, size_t size, const char *src)
{
	if (size == 0)
		return;
	size_t len = strlen(src);
	if (len >= size) {
		len = size - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

#define ATT_COL(dst, st, col) att_copy((dst), sizeof(dst), db_column_text((st), (col)))

/* "" means "not given" and is stored as NULL. */
static inline const char *att_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static inline void att_bind_id(struct db_stmt *st, const char *name, long long id)
{
	if (id > 0)
		db_bind_int(st, name, id);
	else
		db_bind_null(st, name);
}

/* Steps a statement that returns no rows and finalizes it. */
static inline enum db_status att_run(struct db_stmt *st)
{
	db_step(st);
	return db_finalize(st);
}

/* Commits when everything went well, else rolls back. */
static inline enum db_status att_finish(struct db *db, enum db_status r)
{
	if (r != DB_OK) {
		db_rollback(db);
		return r;
	}
	return db_commit(db);
}

/* Reads a session by id inside the caller's transaction (or not):
 * activity, date, status and the rest of struct session_info except the
 * roll counts. DB_ERR_NOTFOUND when there is none. */
enum db_status att_session_read(struct db *db, long long session_id, struct session_info *out);

#endif
