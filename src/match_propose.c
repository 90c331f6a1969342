/* match_propose.c — builds the score tables for the waiting citizens and
 * hands them to the optimal assignment. */
#include "match_propose.h"

#include <stdlib.h>

#include "assign.h"

/* Scores of every citizen for every volunteer (or activity), with the
 * free places of each; a hard limit makes a pair ASSIGN_FORBIDDEN. */
static bool assign_kind(const struct match_citizen_facts *citizens, int n, const struct match_pool *pool,
			bool volunteers, int *chosen, int *chosen_score, long long *total)
{
	int cols = volunteers ? pool->nvolunteers : pool->nactivities;
	for (int i = 0; i < n; i++) {
		chosen[i] = -1;
		chosen_score[i] = 0;
	}
	if (cols == 0 || n == 0)
		return true;
	int *score = calloc((size_t)n * (size_t)cols, sizeof(int));
	int *capacity = calloc((size_t)cols, sizeof(int));
	bool ok = score && capacity;
	if (ok) {
		for (int j = 0; j < cols; j++) {
			capacity[j] = volunteers
				? match_free_places(pool->volunteers[j].capacity, pool->volunteers[j].load)
				: match_free_places(pool->activities[j].capacity, pool->activities[j].load);
		}
		struct match_result result;
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < cols; j++) {
				struct match_candidate cand = { 0 };
				if (volunteers)
					cand.volunteer = &pool->volunteers[j];
				else
					cand.activity = &pool->activities[j];
				score[(size_t)i * (size_t)cols + (size_t)j] = match_score(&citizens[i], &cand, &result)
					? result.score : ASSIGN_FORBIDDEN;
			}
		}
		long long sum = 0;
		ok = assign_optimal(n, cols, score, capacity, chosen, &sum);
		if (ok) {
			for (int i = 0; i < n; i++)
				if (chosen[i] >= 0)
					chosen_score[i] = score[(size_t)i * (size_t)cols + (size_t)chosen[i]];
			*total += sum;
		}
	}
	free(score);
	free(capacity);
	return ok;
}

bool match_propose(const struct match_citizen_facts *citizens, int n, const struct match_pool *pool,
		   struct match_proposal_row *out, long long *total)
{
	long long sum = 0;
	int *chosen = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
	int *chosen_score = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
	bool ok = chosen && chosen_score;
	if (ok && (ok = assign_kind(citizens, n, pool, true, chosen, chosen_score, &sum))) {
		for (int i = 0; i < n; i++) {
			out[i].volunteer = chosen[i];
			out[i].volunteer_score = chosen_score[i];
		}
	}
	if (ok && (ok = assign_kind(citizens, n, pool, false, chosen, chosen_score, &sum))) {
		for (int i = 0; i < n; i++) {
			out[i].activity = chosen[i];
			out[i].activity_score = chosen_score[i];
			out[i].clash = out[i].volunteer >= 0 && out[i].activity >= 0
				&& !match_volunteer_free_at(&pool->volunteers[out[i].volunteer],
							    &pool->activities[out[i].activity]);
		}
	}
	free(chosen);
	free(chosen_score);
	if (total)
		*total = ok ? sum : 0;
	return ok;
}
