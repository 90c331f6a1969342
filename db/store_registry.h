/* store_registry.h — the registry of volunteers and activities as stored:
 * search as you type, read, write a record (with a version check against
 * another desk's edit), set a status — never delete, since matches,
 * sessions and attendance refer to them — and the pieces the weekly
 * sessions of an activity are kept with.
 *
 * Every function runs inside the caller's transaction (db_begin nests):
 * the use cases in src/registry.c check the role, decide with the rules
 * of src/registry_rules.c what the sessions must do, and write the audit
 * record, all in one transaction. Text is UTF-8; codes are db/schema.c's
 * English identifiers (src/vocab.c gives them words); dates are ISO
 * "YYYY-MM-DD"; an empty string means "not given" and is stored as NULL.
 */
#ifndef BB_STORE_REGISTRY_H
#define BB_STORE_REGISTRY_H

#include <stdbool.h>
#include "db.h"
#include "model_registry.h"

/* Search as you type. `query` is folded by src/fold.c (fold_search); each
 * of its words must begin a word of the name, e-mail, town or postcode
 * (activities: name, organiser, place, postcode); a word of digits may be
 * anywhere in one, and a query of digits alone ("55 66 77") is one run of
 * digits of the phone number. Names that begin with the query come first;
 * those stopped or ended come last; then Danish name order. "" lists
 * everyone. */
enum db_status store_volunteers_search(struct db *db, const char *query, int offset, int limit,
				       struct volunteer_row *out, int *count);
enum db_status store_activities_search(struct db *db, const char *query, int offset, int limit,
				       struct activity_row *out, int *count);

enum db_status store_volunteers_get(struct db *db, long long id, struct volunteer_record *out);
/* `today` fills next_session. */
enum db_status store_activities_get(struct db *db, long long id, const char *today, struct activity_record *out);

/* Creates (rec->id == 0; *id gets the new id) or saves an edit if nobody
 * changed the record since `expected_version` was read: else
 * DB_ERR_CONFLICT and nothing is written. A volunteer's roles, interests,
 * languages, areas, times and courses are replaced as a whole; an
 * activity's interests too. The keys (src/textkeys.h) are written as
 * given. `id` may be NULL. */
enum db_status store_volunteers_save(struct db *db, const struct volunteer_record *rec, const struct registry_keys *keys,
				     long long expected_version, long long *id);
enum db_status store_activities_save(struct db *db, const struct activity_record *rec, const struct registry_keys *keys,
				     long long expected_version, long long *id);

/* Sets the status (and a new version). DB_ERR_NOTFOUND if there is no
 * such volunteer or activity. */
enum db_status store_volunteers_set_status(struct db *db, long long id, const char *status);
enum db_status store_activities_set_status(struct db *db, long long id, const char *status);

/* ---------- the weekly sessions ---------- */

/* Plans the weekly sessions of one active activity (or of all, with
 * activity_id 0) for `weeks` weeks from `today`. Idempotent: a date that
 * already has a session, even a cancelled one, is left alone. *created
 * gets the number of new sessions. */
enum db_status store_registry_plan_sessions(struct db *db, long long activity_id, const char *today, int weeks,
					    int *created);
/* The same for the activities with an id in (after, upto]. */
enum db_status store_registry_plan_sessions_between(struct db *db, long long after, long long upto,
						const char *today, int weeks, int *created);
/* The weeks ahead's sessions, as store_registry_plan_sessions_between
 * writes them for all activities, of at most `max` (64 at most) of the
 * active activities whose plan does not reach today + `weeks` weeks
 * (activities.plan_next, migration 21): from the first day each lacks on,
 * or from today when that is not known; each then notes the first day its
 * plan does not reach. *more: there may be more to plan. */
enum db_status store_registry_plan_due(struct db *db, const char *today, int weeks, int max, int *created,
				       bool *more);
/* Forgets how far every activity's plan reaches: the next plan starts at
 * its day (a clock put back). */
enum db_status store_registry_plan_forget(struct db *db);
/* The id of the n-th activity after `after`, or of the last when fewer
 * are left (0: none). */
enum db_status store_registry_activities_after(struct db *db, long long after, int n, long long *upto);
/* Deletes the activity's planned sessions from `today` on that nothing
 * refers to yet: no attendance, no helpers, not the first session of a
 * match. Any other session is history or a promise. */
enum db_status store_registry_drop_free_sessions(struct db *db, long long activity_id, const char *today);
/* Gives every planned session from `today` on the new times. */
enum db_status store_registry_move_sessions(struct db *db, long long activity_id, const char *today,
					    const char *start_time, const char *end_time);
/* Cancels every planned session from `today` on, with the reason. */
enum db_status store_registry_cancel_sessions(struct db *db, long long activity_id, const char *today,
					      const char *reason);

#endif
