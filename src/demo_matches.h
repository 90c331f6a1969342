/* demo_matches.h — how a citizen is matched with a volunteer, an activity
 * or both (only where a capacity slot is free on the day), how each match
 * ends, and the follow-up calls the desk makes along the way. */
#ifndef BB_DEMO_MATCHES_H
#define BB_DEMO_MATCHES_H

#include "demo_internal.h"

/* Plans a match on `day` for citizen c: a volunteer when `want_vol`, an
 * activity other than g->acts[exclude] when `want_act`. False when
 * neither could be found. `second`: a second match after moving. */
bool demo_plan_match(struct gen *g, struct rng *r, const struct citizen_plan *c,
		     struct plan_match *m, long day, bool want_vol, bool want_act,
		     int exclude, bool second);
/* Books the slots the plan uses, until the match or enrolment ends. */
void demo_book_slots(struct gen *g, const struct citizen_plan *c);

/* Writes the match (and enrolment), its calls and its attendance. */
void demo_write_match(struct gen *g, struct rng *r, const struct citizen_plan *c,
		      const struct plan_match *m, long long citizen_id);
/* Writes a follow-up call due on `due`, done or still open depending on
 * how long ago that was; none once the citizen's case has ended.
 * `due_time`: "HH:MM" or NULL. `source_key` is unique per reason, or NULL
 * for a call agreed at the desk:
 *   after_match           match:<match id>
 *   after_first_session   first_session:<match id>
 *   missed_sessions       missed:<enrolment id>:<session id>
 *   referrer_feedback     referral:<referral id>
 *   no_contact            no_contact:<citizen id> */
void demo_write_call(struct gen *g, struct rng *r, const struct citizen_plan *c,
		     long long citizen_id, const char *reason, long due, long long responsible,
		     const char *source_key, const char *due_time);
/* Draws the numbers demo_write_call would for a call due on `due`, and
 * writes nothing: a call the rules no longer make leaves the rest of the
 * made-up data as it was. */
void demo_skip_call(struct gen *g, struct rng *r, const struct citizen_plan *c, long due);

#endif
