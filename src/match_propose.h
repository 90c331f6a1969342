/* match_propose.h — the coordinator's proposal: every waiting citizen
 * matched at once, to a volunteer and to an activity, so that the total
 * score is the highest possible while no volunteer or activity gets more
 * citizens than its free places (src/assign.c). The volunteer and the
 * activity are scored apart (src/match.c), so the two assignments are
 * made apart too and together are the best; whether the volunteer can go
 * along at the activity's time is shown as a note on the row. */
#ifndef BB_MATCH_PROPOSE_H
#define BB_MATCH_PROPOSE_H

#include <stdbool.h>

#include "match.h"

struct match_proposal_row {
	int volunteer;          /* index into the pool, or -1 */
	int volunteer_score;
	int activity;           /* index into the pool, or -1 */
	int activity_score;
	bool clash;             /* the volunteer is not free at the activity's time */
};

/* out[i] is the proposal for citizens[i]. *total (may be NULL) gets the
 * sum of all chosen scores. False only when memory runs out. */
bool match_propose(const struct match_citizen_facts *citizens, int n, const struct match_pool *pool,
		   struct match_proposal_row *out, long long *total);

#endif
