/* store_protection.h — data protection as stored: the history of consent
 * per purpose, removing a person's details from a citizen's rows
 * (anonymising), the facts the retention rule reads, the audit log as
 * read back, and the parts of an insight file.
 *
 * Every function runs inside the caller's transaction (db_begin nests):
 * src/consents.c, src/anonymise.c, src/retention.c, src/audit.c and
 * src/insight.c check the role, apply the rules of
 * src/protection_rules.c and write the audit record. Nothing here
 * decides whom to anonymise or which calls a consent allows. `by` is the
 * user a row records as having done it (0: nobody signed in). Purposes
 * are the codes of consents.purpose; dates are ISO "YYYY-MM-DD".
 */
#ifndef BB_STORE_PROTECTION_H
#define BB_STORE_PROTECTION_H

#include <stdbool.h>

#include "db.h"
#include "model_protection.h"

/* ---------- consent ---------- */

/* Every consent recorded for the citizen, in force or withdrawn, in the
 * order they were given. */
enum db_status store_consent_history(struct db *db, long long citizen_id, struct consent_event *out, int max,
				     int *count);
/* Whether a consent to `purpose` is in force. */
enum db_status store_consent_in_force(struct db *db, long long citizen_id, const char *purpose, bool *given);
/* Prepares store_consent_in_force ahead (store_warm). */
void store_consent_warm(struct db *db);
/* Records a consent given on `given_on`. An unknown purpose breaks the
 * schema's CHECK (DB_ERR_CONSTRAINT); a citizen who is not there
 * DB_ERR_NOTFOUND. */
enum db_status store_consent_give(struct db *db, long long citizen_id, const char *purpose, const char *given_on,
				  db_user_id by);
/* Withdraws the consents to `purpose` in force on `on` (never before the
 * day they were given); *changed: there was one. */
enum db_status store_consent_withdraw(struct db *db, long long citizen_id, const char *purpose, const char *on,
				      db_user_id by, bool *changed);
/* Says on the citizen's latest referral whether its referrer may be told
 * (referrals.feedback_consent), as the consent to feedback now says. */
enum db_status store_consent_referral_feedback(struct db *db, long long citizen_id, bool agreed);
/* Cancels the citizen's open calls to the referrer (`to_referrer`), or
 * every other open call; *cancelled counts them. */
enum db_status store_consent_cancel_calls(struct db *db, long long citizen_id, bool to_referrer, db_user_id by,
					  int *cancelled);

/* ---------- anonymising ---------- */

/* What anonymising writes besides clearing. */
struct anonymise_values {
	const char *name;        /* what stands as the name from now on */
	const char *today;       /* anonymised_on, and the end of open enrolments */
	const char *age_band;    /* "" when the age is not known */
};

/* Removes the person from the citizen's rows: name (to v->name), birth
 * year (to the age band), phone, e-mail, address, gender, language,
 * wishes, preferences, interests, barriers, times, relatives, notes, the
 * referrers' names, organisations and phones, the assessments' notes and
 * handovers, the calls' notes and free-text next steps, the matches' end
 * reasons, what referrers were told and how escalations were settled; the
 * open enrolments end. What counts stays: referral dates and sources,
 * postcode and town, the course and its end, consents, attendance marks,
 * measure answers, match and call outcomes. Search no longer finds them.
 * DB_ERR_NOTFOUND when there is no such citizen. */
enum db_status store_anonymise_citizen(struct db *db, long long citizen_id, const struct anonymise_values *v);

/* ---------- retention ---------- */

/* The next candidates the retention rule decides on, at most `max` of
 * them from `at` on (at->part RETENTION_ENDED or RETENTION_WAITING): the
 * citizens not anonymised whose day the rule counts from
 * (citizens.retention_from: a course's end or the last session after it;
 * the latest referral of one never followed up) is on or before `before`,
 * the part's cut-off; the rule decides. Moves `at` past what it read, and
 * to the next part when the part's are all read. malloc'ed; the caller
 * frees *out. */
enum db_status store_retention_facts(struct db *db, const char *before, struct retention_cursor *at, int max,
				     struct retention_fact **out, int *count);
/* The next referrals kept without a citizen, on or before `before`, that
 * still name their referrer: at most `max`, from `at` on (part
 * RETENTION_REFERRALS, moved to RETENTION_AUDIT after the last).
 * malloc'ed. */
enum db_status store_retention_referrals(struct db *db, const char *before, struct retention_cursor *at, int max,
					 struct retention_referral **out, int *count);
/* Removes the referrer's name, organisation and phone. */
enum db_status store_retention_strip_referral(struct db *db, long long referral_id);

/* Audit entries written before the day `before`: counted, or removed,
 * the oldest first and at most `max` of them (0: all). */
enum db_status store_audit_count_before(struct db *db, const char *before, long long *count);
enum db_status store_audit_delete_before(struct db *db, const char *before, int max, long long *deleted);

/* ---------- the audit log ---------- */

/* Entries matching the query, newest first, with id below `below` (0:
 * from the newest), at most `max`. */
enum db_status store_audit_list(struct db *db, const struct audit_query *q, long long below, int max,
				struct audit_entry *out, int *count);

/* ---------- insight ---------- */

/* One row of an insight part: ncols text columns (never NULL), as
 * model_protection.h lists them per part. A failure stops the reading. */
typedef enum db_status (*insight_row_fn)(void *ctx, enum insight_part part, const char *const *cols, int ncols);

/* Calls `row` for each row of `part` about the citizen. */
enum db_status store_insight_part(struct db *db, long long citizen_id, enum insight_part part, insight_row_fn row,
				  void *ctx);

#endif
