/* store_exchange.h — the rows CSV export lists and the people the import
 * compares against, read in the caller's transaction.
 *
 * Each export function reads its table in the order the file lists it and
 * hands one row at a time to `each` (a row is not kept after the call);
 * the first status other than DB_OK that `each` returns stops the reading
 * and is returned. A period ("" for an open end) chooses by the day the
 * row is about: a citizen's latest referral, a session's date (sessions,
 * attendance), a call's due day, a measure's day. Codes are the schema's;
 * src/exchange_export.c gives them words.
 */
#ifndef BB_STORE_EXCHANGE_H
#define BB_STORE_EXCHANGE_H

#include "db.h"
#include "model_exchange.h"

/* Citizens in Danish name order, then birth year. */
enum db_status store_export_citizens(struct db *db, const struct exchange_period *p,
				     enum db_status (*each)(void *ctx, const struct export_citizen *row), void *ctx);
/* Volunteers and activities in Danish name order, whole records. */
enum db_status store_export_volunteers(struct db *db,
				       enum db_status (*each)(void *ctx, const struct volunteer_record *row),
				       void *ctx);
enum db_status store_export_activities(struct db *db, const char *today,
				       enum db_status (*each)(void *ctx, const struct activity_record *row),
				       void *ctx);
/* By date, time and activity. */
enum db_status store_export_sessions(struct db *db, const struct exchange_period *p,
				     enum db_status (*each)(void *ctx, const struct export_session *row), void *ctx);
/* By the session's date, the activity, then the citizen. */
enum db_status store_export_attendance(struct db *db, const struct exchange_period *p,
				       enum db_status (*each)(void *ctx, const struct export_attendance *row),
				       void *ctx);
/* By due day and time, then the citizen. */
enum db_status store_export_calls(struct db *db, const struct exchange_period *p,
				  enum db_status (*each)(void *ctx, const struct export_call *row), void *ctx);
/* By day, then the citizen, then the measure. */
enum db_status store_export_measures(struct db *db, const struct exchange_period *p,
				     enum db_status (*each)(void *ctx, const struct export_measure *row), void *ctx);

/* Every entry of the pick-list `which` ("interests" or "barriers"),
 * retired ones too, by id. */
enum db_status store_exchange_picks(struct db *db, const char *which,
				    enum db_status (*each)(void *ctx, long long id, const char *name), void *ctx);

/* Every citizen or volunteer on record (table EXCHANGE_CITIZENS or
 * EXCHANGE_VOLUNTEERS), or every activity by name. */
enum db_status store_exchange_people(struct db *db, enum exchange_table table,
				     enum db_status (*each)(void *ctx, const struct exchange_person *p), void *ctx);

#endif
