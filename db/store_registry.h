/* store_registry.h — the registry of volunteers and activities: search as
 * you type, read, create and edit (with a version check against another
 * desk's edit), pause, stop or end — never delete, since matches,
 * sessions and attendance refer to them — and the weekly sessions of an
 * activity, generated some weeks ahead for the attendance screen.
 *
 * Every change takes the acting user and writes the audit log in the same
 * transaction. Text is UTF-8; codes are db/schema.c's English identifiers
 * (src/vocab.c gives them words); dates are ISO "YYYY-MM-DD"; an empty
 * string means "not given" and is stored as NULL.
 */
#ifndef BB_STORE_REGISTRY_H
#define BB_STORE_REGISTRY_H

#include <stdbool.h>
#include "db.h"
#include "store_citizens.h"
#include "store_settings.h"
#include "model_registry.h"

/* Search as you type. `query` is folded by src/fold.c (fold_search); each
 * of its words must begin a word of the name, e-mail, town or postcode
 * (activities: name, organiser, place, postcode), or be part of the phone
 * number's digits. Names that begin with the query come first; those
 * stopped or ended come last; then Danish name order. "" lists everyone. */
enum db_status store_volunteers_search(struct db *db, const char *query, int offset, int limit,
				 struct volunteer_row *out, int *count);
enum db_status store_activities_search(struct db *db, const char *query, int offset, int limit,
				 struct activity_row *out, int *count);

enum db_status store_volunteers_get(struct db *db, long long id, struct volunteer_record *out);
/* `today` fills next_session. */
enum db_status store_activities_get(struct db *db, long long id, const char *today, struct activity_record *out);

/* Creates (rec->id == 0; *id gets the new id) or saves an edit if nobody
 * changed the record since `expected_version` was read: else
 * DB_ERR_CONFLICT and nothing is written. A weekly activity that is active
 * has its sessions planned REG_SESSION_WEEKS ahead from `today` in the
 * same transaction; a changed weekday or time moves the planned sessions
 * ahead that nothing refers to yet. */
enum db_status store_volunteers_save(struct db *db, db_user_id actor, const struct volunteer_record *rec,
			       long long expected_version, long long *id);
enum db_status store_activities_save(struct db *db, db_user_id actor, const struct activity_record *rec,
			       long long expected_version, const char *today, long long *id);

/* Pause, stop or take back a volunteer (status as in the record). Their
 * open matches stay open: the coordinator ends them one by one. */
enum db_status store_volunteers_set_status(struct db *db, db_user_id actor, long long id, const char *status);
/* Ends an activity or takes it up again. Ending drops the planned sessions
 * from `today` on that nothing refers to and cancels the others with
 * `cancel_reason`; taking it up again plans its sessions anew. */
enum db_status store_activities_set_status(struct db *db, db_user_id actor, long long id, const char *status,
				     const char *today, const char *cancel_reason);

/* Plans the weekly sessions of one active activity (or of all, with
 * activity_id 0) for `weeks` weeks from `today`. Idempotent: a date that
 * already has a session, even a cancelled one, is left alone.
 * *created (may be NULL) gets the number of new sessions. */
enum db_status store_sessions_generate(struct db *db, db_user_id actor, long long activity_id, const char *today,
				 int weeks, int *created);

#endif
