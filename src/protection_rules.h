/* protection_rules.h — the data-protection rules, as pure functions (no
 * SQL, no curses), each with a unit test (tests/test_protection_rules.c):
 *
 * - Consent per purpose. Registration: without it nothing but the
 *   referral is kept, so withdrawing it anonymises the citizen. Contact by
 *   volunteers: every call to the citizen needs it (src/call_rules.c asks
 *   consent_rule_call_allowed). Feedback to the referrer: a call to the
 *   referrer needs it. Measures: answers are kept only with it
 *   (src/measure_rules.h). Withdrawing a consent cancels the open calls it
 *   allowed.
 * - Retention: a citizen whose course ended `course_months` ago and who
 *   has not been at a session since then either, or whose latest referral
 *   was never followed up (no assessment, no match, never came to a
 *   session) for `referral_months`, is anonymised; never anyone still on
 *   an activity's roll (a course can end in a lasting community the
 *   citizen goes on attending, and the roll needs their name); a referral
 *   kept without a citizen loses its referrer's details after
 *   `referral_months`; audit entries older than `audit_months` go.
 * - Anonymising keeps what the statistics need: the age becomes a band.
 * - A database file others can read is made the owner's only.
 */
#ifndef BB_PROTECTION_RULES_H
#define BB_PROTECTION_RULES_H

#include <stdbool.h>
#include <sys/types.h>

#include "date.h"
#include "model_protection.h"

/* ---------- consent ---------- */

/* The purpose's code in consents.purpose, and back (-1 when unknown). */
const char *consent_purpose_code(enum consent_purpose p);
int consent_purpose_from_code(const char *code);

/* Whether a call for `reason` (follow_ups.reason) may be planned: a call
 * to the referrer ("referrer_feedback") needs the feedback consent, every
 * other call is to the citizen and needs the contact consent. */
bool consent_rule_call_allowed(const char *reason, bool contact, bool feedback);

/* What withdrawing a purpose's consent does besides the withdrawal. */
enum consent_withdrawal {
	CONSENT_WITHDRAW_ONLY,            /* measures: no new answers are kept */
	CONSENT_WITHDRAW_CANCEL_CALLS,    /* contact: the open calls to the citizen */
	CONSENT_WITHDRAW_CANCEL_FEEDBACK, /* feedback: the open calls to the referrer */
	CONSENT_WITHDRAW_ANONYMISE,       /* registration: the person is anonymised */
};
enum consent_withdrawal consent_rule_withdrawal(enum consent_purpose p);

/* ---------- retention ---------- */

/* The day `months` calendar months before `today`; the 31st of a month
 * without one is its last day. */
struct date protection_months_before(struct date today, int months);

/* Whether the retention rule anonymises this citizen today. */
bool retention_rule_anonymise(const struct retention_fact *f, struct date today, const struct retention_settings *s);
/* Whether a referral kept without a citizen loses its referrer details. */
bool retention_rule_strip_referral(const struct retention_referral *f, struct date today,
				   const struct retention_settings *s);
/* Audit entries before this day (ISO) go. */
void retention_rule_audit_cutoff(struct date today, const struct retention_settings *s, char out[DATE_ISO_LEN]);
/* The latest day (ISO) a part's candidates may count from for the rule
 * to act on them: a course's months back for the courses ended, the
 * referral's for those never followed up and the referrals kept without
 * a citizen, the audit's for the audit log. The stores read only
 * candidates on or before it. */
void retention_rule_part_cutoff(struct date today, const struct retention_settings *s, enum retention_part part,
				char out[DATE_ISO_LEN]);

/* ---------- anonymising ---------- */

enum { AGE_BAND_LEN = 16 };
/* The age band of someone born in `birth_year`, at `year` (the year they
 * were referred): "18-24", "25-34", ..., "65-74", "75+", or "" when the
 * birth year is not known. The bands are Statistics Denmark's. */
void protection_age_band(int birth_year, int year, char out[AGE_BAND_LEN]);

/* ---------- files ---------- */

/* The mode a database file gets when group or others may use it: the
 * owner's own bits stay as they are (read at least; a file made
 * read-only stays so, and the desk says it cannot save); the same mode
 * when it is private already, whatever the owner's bits. */
mode_t protection_file_mode(mode_t mode);
/* The same for the folder Brobygger keeps its database in. */
mode_t protection_folder_mode(mode_t mode);

#endif
