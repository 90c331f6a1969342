/* intake.h — the first conversation: registering an intake, the warning
 * that the person may be registered already, and the drafts a
 * half-filled intake form is kept as.
 *
 * Each is one use case: the role check, one transaction, the stores
 * (db/store_citizens.h), the rules (src/citizen_rules.h) and the audit
 * record, committed or rolled back as a whole. Anyone signed in may do
 * these. Drafts are the signed-in person's own: nobody else lists,
 * opens or deletes them, a coordinator neither, so whoever signs in after
 * the idle lock never sees what the one before had half typed. */
#ifndef BB_INTAKE_H
#define BB_INTAKE_H

#include <stdbool.h>

#include "citizen_rules.h"
#include "desk.h"
#include "model_citizen.h"

/* Registers the first conversation: the citizen, the referral, consents,
 * the relative who takes part, the assessment, interests, barriers and
 * availability, and removes the draft `draft_id` (0 for none) the form
 * was filled from when it is the person's own. Without consent to
 * registration only the referral is kept and *citizen_id is 0. A name
 * missing or too long, or a CPR number in the text: DB_ERR_INVALID; an
 * unknown code or pick: DB_ERR_CONSTRAINT; nothing is written then. */
enum db_status intake_register(struct desk *d, const struct citizen_card *in, long long draft_id,
			       long long *citizen_id);

/* Someone on record who is likely the person about to be registered, and
 * why (citizen_rule_likely_same): the strongest reason wins (the same
 * name, then the same phone, then a name a letter off), the earliest
 * registered among equals. Every citizen is compared, ended ones too:
 * their card can be reopened. */
struct intake_duplicate {
	bool found;
	enum same_person why;
	struct citizen_hit who;
};
enum db_status intake_likely_duplicate(struct desk *d, const struct citizen *c, struct intake_duplicate *out);

/* The same, for who only: *found says, *out is who. */
enum db_status intake_possible_duplicate(struct desk *d, const struct citizen *c, struct citizen_hit *out,
					 bool *found);

/* The drafts of the person signed in, the latest first. */
enum db_status intake_drafts(struct desk *d, struct draft *out, int max, int *count);
/* How many drafts the person signed in has. */
enum db_status intake_drafts_count(struct desk *d, int *count);
/* A draft's data, malloc'ed for the caller to free. Someone else's draft:
 * DB_ERR_FORBIDDEN; a deleted one: DB_ERR_NOTFOUND. */
enum db_status intake_draft_load(struct desk *d, long long id, char **data);
/* Keeps the form as a draft: a new one when *id is 0 (then *id gets it),
 * else the same one again. A draft that is someone else's (the form was
 * taken over after the idle lock) is left as it is and a new one is
 * kept for the person signed in. DB_ERR_NOTFOUND when the draft was
 * deleted meanwhile. */
enum db_status intake_draft_save(struct desk *d, long long *id, const char *label, const char *data);
/* Someone else's draft: DB_ERR_FORBIDDEN. */
enum db_status intake_draft_delete(struct desk *d, long long id);

#endif
