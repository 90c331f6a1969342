/* store_calls.h — follow-up calls as stored: the desk's list (today's and
 * overdue calls first, then the coming week), the call card, the pieces
 * an outcome is recorded with, the coordinator's list of citizens raised
 * after calls that did not reach them, feedback to the referrer, and the
 * facts the call rules (src/call_rules.c) decide from.
 *
 * Every function runs inside the caller's transaction (db_begin nests):
 * the use cases in src/calls.c check the role, put the pieces together
 * with the rules and write the audit record, all in one transaction.
 * Nothing here decides whether a call is due, whether the referrer may be
 * told, or when a citizen is raised to the coordinator. `by` is the user
 * a row records as having done it (0: nobody signed in).
 *
 * follow_ups.source_key names the situation a call came from
 * ("match:12", "first_session:12", "missed:<enrolment>:<session>",
 * "referral:7", "no_contact:5", "agreed:<call>"); it is UNIQUE, so
 * writing the same situation twice adds nothing. Dates are ISO
 * "YYYY-MM-DD", times "HH:MM"; "" means not given. Codes are
 * db/schema.c's English identifiers.
 */
#ifndef BB_STORE_CALLS_H
#define BB_STORE_CALLS_H

#include <stdbool.h>
#include "db.h"
#include "model_calls.h"

/* ---------- the list ---------- */

enum db_status store_calls_counts(struct db *db, const char *today, const char *until, struct call_counts *out);

/* Open calls due on or before `until`: the oldest due date first (so
 * overdue and today's calls lead), agreed times before calls without one,
 * then Danish name order. `query` (folded as for store_citizens_search, "" for
 * all) keeps citizens whose folded name contains it. One page of `limit`
 * rows after the row `after` (NULL: from the start), so a long list costs
 * the same per page wherever it is scrolled to. */
enum db_status store_calls_list(struct db *db, const char *until, const char *query, const struct call_row *after,
			  int limit, struct call_row *out, int *count);

/* ---------- raised to the coordinator ---------- */

/* Not yet handled, the oldest first. */
enum db_status store_calls_escalations(struct db *db, struct call_escalation *out, int max, int *count);
/* Whether the citizen is raised and not handled yet. */
enum db_status store_calls_escalation_open(struct db *db, long long citizen_id, bool *open);
/* Raises the citizen; the schema keeps one open escalation per citizen
 * (a second is DB_ERR_CONSTRAINT). */
enum db_status store_calls_escalation_raise(struct db *db, long long citizen_id, long long follow_up_id,
					    int attempts, const char *today, db_user_id by, long long *id);
/* Marks the citizen's open escalation handled, with what was done.
 * DB_ERR_NOTFOUND when none is open. */
enum db_status store_calls_escalation_resolve(struct db *db, long long citizen_id, const char *today,
					      const char *resolution, db_user_id by);

/* ---------- the call card ---------- */

/* Reads the card of a call; not_reached is left 0 (the rule counts it
 * from store_calls_recent_outcomes). DB_ERR_NOTFOUND for no such call. */
enum db_status store_calls_card(struct db *db, long long call_id, struct call_card *out);

/* ---------- recording an outcome ---------- */

/* The call's citizen, status and reason. DB_ERR_NOTFOUND for no such call. */
enum db_status store_calls_state(struct db *db, long long call_id, struct call_state *out);

/* The citizen's calls made (done), newest first, at most max. */
enum db_status store_calls_recent_outcomes(struct db *db, long long citizen_id, struct call_past *out, int max,
					   int *count);

/* The citizen's latest referral and whether its referrer may be told. */
enum db_status store_calls_feedback_target(struct db *db, long long citizen_id, struct call_feedback_target *out);
/* What the referrer of `referral_id` was told in call `call_id`. */
enum db_status store_calls_feedback_add(struct db *db, long long referral_id, long long citizen_id, long long call_id,
					const char *today, const char *told, db_user_id by, long long *id);

/* Marks an open call done with its outcome, note and next step. A call
 * that is no longer open (another desk recorded or cancelled it):
 * DB_ERR_CONFLICT. */
enum db_status store_calls_mark_done(struct db *db, const struct call_outcome *in, db_user_id by);

/* Cancels the citizen's open calls for an agreed day: a newly agreed day
 * replaces them. */
enum db_status store_calls_replace_agreed(struct db *db, long long citizen_id);

/* Writes a call unless its source key is taken; *id is the new call's, 0
 * when the key was taken. */
enum db_status store_calls_insert(struct db *db, const struct call_new *c, long long *id);

/* Which of the calls still need writing: those without a key, or whose
 * key is not taken yet (missing[i]); *nmissing counts them. */
enum db_status store_calls_missing(struct db *db, const struct call_new *calls, int n, bool *missing,
				   int *nmissing);

/* The handover to professional help, as an assessment of the citizen. */
enum db_status store_calls_handover(struct db *db, long long citizen_id, const char *today, const char *handover_to,
				    const char *note, db_user_id by);

/* Cancels the citizen's open calls but `keep` and `keep_too` (0: none):
 * the course has ended. */
enum db_status store_calls_cancel_open(struct db *db, long long citizen_id, long long keep, long long keep_too,
				       db_user_id by);

/* Cancels an open call that is no longer needed, keeping why in the note.
 * Not open any more: DB_ERR_CONFLICT. */
enum db_status store_calls_cancel(struct db *db, long long call_id, const char *why, db_user_id by);

/* ---------- facts for the rules ---------- */

/* Matches made on or after `from` whose call is not written yet: every
 * citizen's, or only `citizen_id`'s (not 0). malloc'ed; the caller frees
 * *out. */
enum db_status store_calls_match_facts(struct db *db, long long citizen_id, const char *from,
				       struct call_match_fact **out, int *count);

/* The marks of enrolments with two misses in the window, of the
 * activities with an id in (after_activity, upto_activity]. malloc'ed. */
enum db_status store_calls_mark_facts(struct db *db, const char *context_from, const char *window_from,
				      const char *today, long long after_activity, long long upto_activity,
				      struct call_mark_fact **out, int *count);

/* The open calls after missed sessions, of one enrolment or of all
 * (enrolment_id 0), each with the day of the session missed and the
 * latest day since, up to `today`, that the citizen came to the
 * activity. malloc'ed. */
enum db_status store_calls_missed_open(struct db *db, long long enrolment_id, const char *today,
				       struct call_missed_fact **out, int *count);
/* Prepares one enrolment's store_calls_missed_open ahead (store_warm). */
void store_calls_warm_missed_open(struct db *db);

/* Relatives who take part and want support of their own, of citizens
 * registered on or after `from`, whose call is not planned yet.
 * malloc'ed. */
enum db_status store_calls_relative_facts(struct db *db, const char *from, struct call_relative_fact **out,
					  int *count);

/* Referrals with feedback asked for and no call planned yet, answered
 * by an assessment on or after `from`: every citizen's, or only
 * `citizen_id`'s (not 0). malloc'ed. */
enum db_status store_calls_feedback_facts(struct db *db, long long citizen_id, const char *from,
					  struct call_feedback_fact **out, int *count);

/* The first `limit` citizens (by id) without contact since `cutoff`
 * whom the no-contact rule may call. malloc'ed. */
enum db_status store_calls_idle_facts(struct db *db, const char *today, const char *cutoff, int limit,
				      struct call_idle_fact **out, int *count);
/* Adds to *idle how many of the next `max` citizens after *after_id (by
 * id) are without contact since `cutoff` and have no call planned, and
 * moves *after_id to the last of them (0 when none were left). */
enum db_status store_calls_idle_count(struct db *db, const char *today, const char *cutoff, long long *after_id,
				     int max, long long *idle);
/* Calls for no contact due on `day` (how many the rule made that day). */
enum db_status store_calls_no_contact_on(struct db *db, const char *day, long long *count);

/* A call a rule planned, written at once; a cancelled call with the same
 * source key is opened again (the situation came back). *changed: it
 * was written or opened again. Inside the caller's transaction. */
enum db_status store_calls_plan(struct db *db, const struct call_new *c, bool *changed);
/* Cancels the open call with this source key: its situation went away. */
enum db_status store_calls_withdraw(struct db *db, const char *source_key, bool *changed);
/* Prepares ahead the statements of calls a mark's rules may run: plan,
 * withdraw, cancel, an enrolment's open calls (store_warm). */
void store_calls_warm_mark(struct db *db);

#endif
