/* consents.h — consent per purpose, with its history: registration,
 * contact by volunteers, feedback to the referrer, measures. Each is
 * given or withdrawn on a day, by the hand of the person signed in, and
 * the rows stay for the record (the card shows them, so does the
 * timeline and the insight file).
 *
 * The consents act (src/protection_rules.h): withdrawing contact cancels
 * the open calls to the citizen, withdrawing feedback those to the
 * referrer, and withdrawing registration anonymises the citizen
 * (src/anonymise.h) in the same transaction. Anyone signed in may record
 * what the citizen says. */
#ifndef BB_CONSENTS_H
#define BB_CONSENTS_H

#include <stdbool.h>

#include "desk.h"
#include "model_protection.h"

/* Every consent recorded for the citizen, oldest first. */
enum db_status consents_history(struct desk *d, long long citizen_id, struct consent_event *out, int max,
				int *count);

/* Records the consent to `p`, given on `given_on` (ISO; "" is today). In
 * force already: out->changed is false and nothing is written. A day
 * after today, or a citizen who was anonymised: DB_ERR_INVALID. */
enum db_status consents_give(struct desk *d, long long citizen_id, enum consent_purpose p, const char *given_on,
			     struct consent_outcome *out);

/* Withdraws the consent to `p` today, with what that does (above). Not in
 * force: out->changed is false and nothing is written. */
enum db_status consents_withdraw(struct desk *d, long long citizen_id, enum consent_purpose p,
				 struct consent_outcome *out);

/* The same inside the caller's transaction, with no role check and no
 * audit of its own besides the consent's: for the card's save
 * (src/citizens.c). `day` is ISO. Withdrawing registration here is
 * DB_ERR_INVALID: it anonymises, which only consents_withdraw does, after
 * its confirmation. */
enum db_status consents_change_within(struct desk *d, long long citizen_id, enum consent_purpose p, bool give,
				      const char *day, struct consent_outcome *out);

#endif
