/* store_calls.h — follow-up calls: the desk's list (today's and overdue
 * calls first, then the coming week), the call card, recording an outcome
 * with its next step, raising a citizen to the coordinator after calls
 * that did not reach them, feedback to the referrer, and the facts the
 * call rules (src/call_rules.c) decide from.
 *
 * The rules decide which calls should exist; this module only reads the
 * facts and writes what it is given. follow_ups.source_key names the
 * situation a call came from ("match:12", "first_session:12",
 * "missed:<enrolment>:<session>", "referral:7", "no_contact:5",
 * "agreed:<call>"); it is UNIQUE, so writing the same situation twice
 * adds nothing.
 *
 * Every change takes the acting user and writes the audit log in the same
 * short transaction. Dates are ISO "YYYY-MM-DD", times "HH:MM"; "" means
 * not given. Codes are db/schema.c's English identifiers.
 */
#ifndef BB_STORE_CALLS_H
#define BB_STORE_CALLS_H

#include <stdbool.h>
#include "db.h"
#include "store_citizens.h"
#include "store_settings.h"
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
/* Raises the citizen unless already raised; *raised says whether it was
 * raised now. */
enum db_status store_calls_escalation_raise(struct db *db, db_user_id actor, long long citizen_id,
				      long long follow_up_id, int attempts, const char *today, bool *raised);
/* Marks the citizen's open escalation handled, with what was done.
 * DB_ERR_NOTFOUND when none is open. */
enum db_status store_calls_escalation_resolve(struct db *db, db_user_id actor, long long citizen_id,
					const char *today, const char *resolution);

/* ---------- the call card ---------- */

/* Reads the card of a call and logs a 'view' of the citizen. */
enum db_status store_calls_card(struct db *db, db_user_id actor, long long call_id, struct call_card *out);

/* ---------- writing calls ---------- */

/* Writes the calls whose source key is not taken yet, in one transaction
 * (none when all exist); *created counts the new ones. */
enum db_status store_calls_create(struct db *db, db_user_id actor, const struct call_new *calls, int n,
			    int *created);

/* Records the outcome of an open call in one transaction: the call is
 * done; `next` (may be NULL) is written as the new call; handover
 * records the assessment (professional help, who took over); end_course
 * cancels the citizen's other open calls (the course itself is ended with
 * store_citizens_end first). new_match and on_own end the open matches, which
 * is store_matching_end's work (db/store_matching.h): the caller does that. Feedback to the referrer is refused
 * (DB_ERR_CONSTRAINT) unless the citizen agreed to it. A call that is no
 * longer open (another desk recorded it) gives DB_ERR_CONFLICT. */
enum db_status store_calls_record(struct db *db, db_user_id actor, const struct call_outcome *in,
			    const struct call_new *next, struct call_recorded *out);

/* Cancels an open call that is no longer needed, keeping why in the note. */
enum db_status store_calls_cancel(struct db *db, db_user_id actor, long long call_id, const char *why);

/* ---------- facts for the rules ---------- */

/* malloc'ed; the caller frees *out. */
enum db_status store_calls_match_facts(struct db *db, const char *from, struct call_match_fact **out, int *count);

enum db_status store_calls_mark_facts(struct db *db, const char *context_from, const char *window_from,
				const char *today, struct call_mark_fact **out, int *count);

enum db_status store_calls_feedback_facts(struct db *db, const char *from, struct call_feedback_fact **out,
				    int *count);

enum db_status store_calls_idle_facts(struct db *db, const char *today, const char *cutoff, int limit,
				struct call_idle_fact **out, int *count, long long *total);
/* Calls for no contact due on `day` (how many the rule made that day). */
enum db_status store_calls_no_contact_on(struct db *db, const char *day, long long *count);

/* A call a rule planned, written at once; a cancelled call with the same
 * source key is opened again (the situation came back). *changed: it
 * was written or opened again. Inside the caller's transaction. */
enum db_status store_calls_plan(struct db *db, const struct call_new *c, bool *changed);
/* Cancels the open call with this source key: its situation went away. */
enum db_status store_calls_withdraw(struct db *db, const char *source_key, bool *changed);

#endif
