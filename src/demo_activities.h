/* demo_activities.h — the demo's activities (copies of the templates in
 * demo_words.c across the country), their weekly sessions over the year
 * up to today, and who came to them. */
#ifndef BB_DEMO_ACTIVITIES_H
#define BB_DEMO_ACTIVITIES_H

#include "demo_internal.h"

/* Fill g->acts[0..n-1] and write them; needs the volunteers (leads). */
bool demo_make_activities(struct gen *g, struct rng *r, long n);
/* One session a week on each active activity's weekday, through the
 * year up to today and four weeks ahead. */
bool demo_make_sessions(struct gen *g, struct rng *r);

/* The first session on or after `day` that is not cancelled, or -1 when
 * it lies outside the recorded year. */
int demo_first_session_from(const struct activity *a, long day);

/* The marks of an enrolled citizen at the held sessions of m's activity,
 * from the match until the enrolment ends, with a call after two missed
 * sessions in a row. */
void demo_write_attendance(struct gen *g, struct rng *r, const struct citizen_plan *c,
			   const struct plan_match *m, long long citizen_id,
			   long long enrolment_id);
/* Walk-ins at the practice communities, from the pool of citizens who
 * were assessed but never placed in a group. */
void demo_make_walk_ins(struct gen *g, struct rng *r);

#endif
