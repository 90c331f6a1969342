/* store_matching.h — what matching reads and writes: the citizens waiting
 * for a match, the facts the score is made from (src/match.c decides; this
 * module only fetches), the pieces a match is confirmed and ended with, a
 * volunteer's current citizens, and a citizen's wishes about the
 * volunteer.
 *
 * Every function runs inside the caller's transaction (db_begin nests):
 * the use cases in src/matching.c check the role, put the pieces together
 * with the rules of src/match.c and src/call_rules.c and write the audit
 * record, all in one transaction. Nothing here decides whether a match is
 * allowed or what ending one means.
 *
 * A citizen is waiting when their course is active, they are assessed as
 * someone volunteers can help (or not assessed yet), and they have no open
 * match. They have waited since the latest of: that assessment, the end of
 * their last match, their referral (or registration). Dates are ISO
 * "YYYY-MM-DD".
 */
#ifndef BB_STORE_MATCHING_H
#define BB_STORE_MATCHING_H

#include <stdbool.h>
#include "db.h"
#include "model_matching.h"

/* ---------- the pool and the waiting list ---------- */

/* Which volunteers and activities the pool keeps whole: asked of each
 * with its status, capacity and load filled in. */
struct match_pool_keep {
	bool (*volunteer)(const struct match_volunteer_facts *volunteer);
	bool (*activity)(const struct match_activity_facts *activity);
};

/* Every volunteer and activity, from one read snapshot: those `keep`
 * says (NULL, or a NULL member: every one) with their facts and details
 * (interests, areas, languages, times, roles), the others as closed
 * ones. Free with store_matching_pool_free. */
enum db_status store_matching_pool_load(struct db *db, struct match_pool *pool, const struct match_pool_keep *keep);
void store_matching_pool_free(struct match_pool *pool);
/* Changes whenever a change is committed, by this connection or another. */
enum db_status store_matching_data_version(struct db *db, long long *version);

/* DB_ERR_NOTFOUND when there is no such citizen. */
enum db_status store_matching_citizen_facts(struct db *db, long long citizen_id, struct match_citizen_facts *out);

enum db_status store_matching_waiting(struct db *db, int offset, int limit, struct waiting_citizen *out, int *count);
/* How many wait, counted up to one past COUNT_SHOWN_MAX. */
enum db_status store_matching_waiting_count(struct db *db, long long *count);
/* The facts of the `max` longest waiting, in that order, for the
 * coordinator's proposal. `out` has room for max. */
enum db_status store_matching_waiting_facts(struct db *db, int max, struct match_citizen_facts *out, int *count);

/* ---------- the pieces of a confirm ---------- */

/* What the confirm rule needs, as it is now: the citizen's course, the
 * volunteer's status and open matches, the activity's status and
 * enrolments, and whether the citizen has either already (0 ids are
 * left out). */
enum db_status store_matching_confirm_facts(struct db *db, const struct match_request *q,
					    struct match_confirm_facts *out);
/* Records the match: who, with whom, on `matched_on`, by `matched_by`. */
enum db_status store_matching_create(struct db *db, const struct match_request *q, const char *matched_on,
				     db_user_id matched_by, long long *match_id);
/* The activity's first planned sessions on or after `from`, the
 * earliest first, at most max (whether one of today's has passed is
 * src/'s to say). */
enum db_status store_matching_next_sessions(struct db *db, long long activity_id, const char *from,
					    struct match_session *out, int max, int *count);
/* That session is the match's first accompanied one. */
enum db_status store_matching_set_first_session(struct db *db, long long match_id, long long session_id);
/* Cancels the citizen's open calls for no contact. */
enum db_status store_matching_cancel_no_contact_calls(struct db *db, long long citizen_id);

/* ---------- the pieces of an end ---------- */

/* One match, open or ended. DB_ERR_NOTFOUND when there is none. */
enum db_status store_matching_get(struct db *db, long long match_id, struct match_row *out);
/* Ends an open match on `ended_on` (never before it was made) with an
 * outcome (on_own, moved_activity, did_not_work, declined) and a reason;
 * `accompaniment_done` also counts the accompaniment as done then, unless
 * it was already. DB_ERR_NOTFOUND when no such match is open. */
enum db_status store_matching_end(struct db *db, long long match_id, const char *ended_on, const char *outcome,
				  const char *reason, bool accompaniment_done);
/* Ends the citizen's current enrolment in the activity on `ended_on`
 * (never before it began); nothing when there is none. */
enum db_status store_matching_end_enrolment(struct db *db, long long citizen_id, long long activity_id,
					    const char *ended_on);

/* ---------- lists and wishes ---------- */

/* Open ones first, newest first. */
enum db_status store_matching_citizen_matches(struct db *db, long long citizen_id, struct match_row *out, int max,
					      int *count);
/* The volunteer's open matches: their current load, oldest first. */
enum db_status store_matching_volunteer_matches(struct db *db, long long volunteer_id, struct match_row *out,
						int max, int *count);

enum db_status store_matching_get_wishes(struct db *db, long long citizen_id, struct match_wishes *out);
/* DB_ERR_NOTFOUND when there is no such citizen. */
enum db_status store_matching_set_wishes(struct db *db, long long citizen_id, const struct match_wishes *in);

#endif
