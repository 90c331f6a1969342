/* store_attendance_internal.h — what the attendance store's files
 * (store_attendance*.c) share; not for use outside db/. */
#ifndef BB_STORE_ATTENDANCE_INTERNAL_H
#define BB_STORE_ATTENDANCE_INTERNAL_H

#include "db.h"
#include "store_attendance.h"
#include "store_util.h"

/* Reads a session by id inside the caller's transaction (or not):
 * activity, date, status and the rest of struct session_info except the
 * roll counts. DB_ERR_NOTFOUND when there is none. */
enum db_status store_att_session_read(struct db *db, long long session_id, struct session_info *out);

#endif
