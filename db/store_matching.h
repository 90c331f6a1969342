/* store_matching.h — what matching reads and writes: the citizens waiting
 * for a match, the facts the score is made from (src/match.c decides; this
 * module only fetches), confirming a match in one transaction, ending one,
 * a volunteer's current citizens, and a citizen's wishes about the
 * volunteer.
 *
 * A citizen is waiting when their course is active, they are assessed as
 * someone volunteers can help (or not assessed yet), and they have no open
 * match. They have waited since the latest of: that assessment, the end of
 * their last match, their referral (or registration).
 */
#ifndef BB_STORE_MATCHING_H
#define BB_STORE_MATCHING_H

#include <stdbool.h>
#include "db.h"
#include "store_citizens.h"
#include "store_registry.h"
#include "store_settings.h"
#include "model_matching.h"

enum db_status store_matching_pool_load(struct db *db, struct match_pool *pool);
void store_matching_pool_free(struct match_pool *pool);
/* Changes whenever a change is committed, by this connection or another. */
enum db_status store_matching_data_version(struct db *db, long long *version);

enum db_status store_matching_citizen_facts(struct db *db, long long citizen_id, struct match_citizen_facts *out);
/* Records that `actor` opened the citizen's matching screen: it shows
 * their interests, times and wishes (GDPR art. 9: every look is logged). */
enum db_status store_matching_log_view(struct db *db, db_user_id actor, long long citizen_id);

enum db_status store_matching_waiting(struct db *db, int offset, int limit, struct waiting_citizen *out, int *count);
enum db_status store_matching_waiting_count(struct db *db, long long *count);
/* The facts of the `max` longest waiting, in that order, for the
 * coordinator's proposal. `out` has room for max. */
enum db_status store_matching_waiting_facts(struct db *db, int max, struct match_citizen_facts *out, int *count);

enum db_status store_matching_confirm(struct db *db, db_user_id actor, const struct match_request *req,
				struct match_confirmed *out);

/* Ends an open match with an outcome (on_own, moved_activity,
 * did_not_work, declined) and the coordinator's reason. Going on their own
 * keeps the enrolment and marks the accompaniment done; any other outcome
 * also ends the enrolment in the match's activity and cancels the open
 * calls the match planned. DB_ERR_NOTFOUND if no such open match. */
enum db_status store_matching_end(struct db *db, db_user_id actor, long long match_id, const char *ended_on,
			    const char *outcome, const char *reason);

/* Open ones first, newest first. */
enum db_status store_matching_citizen_matches(struct db *db, long long citizen_id, struct match_row *out, int max,
					int *count);
/* The volunteer's open matches: their current load, oldest first. */
enum db_status store_matching_volunteer_matches(struct db *db, long long volunteer_id, struct match_row *out,
					  int max, int *count);

enum db_status store_matching_get_wishes(struct db *db, long long citizen_id, struct match_wishes *out);
enum db_status store_matching_set_wishes(struct db *db, db_user_id actor, long long citizen_id,
				   const struct match_wishes *in);

#endif
