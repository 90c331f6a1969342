/* demo_citizens.h — the demo's citizens, each with a story planned
 * before it is written (referral, first conversation, matches, how the
 * case ended), and the referrals kept without a citizen. */
#ifndef BB_DEMO_CITIZENS_H
#define BB_DEMO_CITIZENS_H

#include "demo_internal.h"

/* Citizen `index` of `n`, referred in that order over the two years up
 * to today; needs the volunteers, activities and sessions. */
void demo_make_citizen(struct gen *g, struct rng *r, long index, long n);
/* Referrals kept without a citizen: no consent to registration. */
void demo_make_bare_referrals(struct gen *g, struct rng *r, long n);

#endif
