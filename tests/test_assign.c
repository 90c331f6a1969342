/* Unit tests for src/assign.c: on thousands of small random cases the
 * optimal assignment's total equals the best total found by trying every
 * assignment, and the assignment itself is valid (capacities kept, no
 * forbidden or non-positive pair, the total adds up). Plus a few cases
 * written out by hand, one where greedy choosing goes wrong, and the
 * proposal over a pool (src/match_propose.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "match_propose.h"
#include "tap.h"

enum { MAX_ROWS = 7, MAX_COLS = 5 };

static unsigned long long rng_state = 0x2545F4914F6CDD1DULL;

static unsigned rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state >> 32);
}

/* The best total by trying every column (or none) for every row. */
static long long brute(int row, int rows, int cols, const int *score, int *left)
{
	if (row == rows)
		return 0;
	long long best = brute(row + 1, rows, cols, score, left); /* no match */
	for (int j = 0; j < cols; j++) {
		int s = score[row * cols + j];
		if (s == ASSIGN_FORBIDDEN || s <= 0 || left[j] <= 0)
			continue;
		left[j]--;
		long long t = s + brute(row + 1, rows, cols, score, left);
		left[j]++;
		if (t > best)
			best = t;
	}
	return best;
}

/* True when out is a valid assignment whose scores add up to total. */
static bool valid(int rows, int cols, const int *score, const int *capacity, const int *out, long long total)
{
	int used[MAX_COLS] = { 0 };
	long long sum = 0;
	for (int i = 0; i < rows; i++) {
		if (out[i] < 0)
			continue;
		if (out[i] >= cols)
			return false;
		int s = score[i * cols + out[i]];
		if (s == ASSIGN_FORBIDDEN || s <= 0)
			return false;
		if (++used[out[i]] > capacity[out[i]])
			return false;
		sum += s;
	}
	return sum == total;
}

static void random_cases(void)
{
	int cases = 0, equal = 0, ok_valid = 0;
	long long worst_gap = 0;
	for (int t = 0; t < 3000; t++) {
		int rows = 1 + (int)(rng() % MAX_ROWS), cols = 1 + (int)(rng() % MAX_COLS);
		int score[MAX_ROWS * MAX_COLS], capacity[MAX_COLS], left[MAX_COLS], out[MAX_ROWS];
		/* Scores like real ones: mostly small, some negative, some
		 * forbidden, many ties. */
		for (int i = 0; i < rows * cols; i++) {
			unsigned k = rng() % 10;
			score[i] = k == 0 ? ASSIGN_FORBIDDEN : k == 1 ? -(int)(rng() % 20)
				: (int)(rng() % (t % 3 == 0 ? 4 : 60));
		}
		for (int j = 0; j < cols; j++)
			left[j] = capacity[j] = (int)(rng() % 4) - (t % 7 == 0 ? 1 : 0);
		long long total = -1;
		if (!assign_optimal(rows, cols, score, capacity, out, &total))
			continue;
		long long best = brute(0, rows, cols, score, left);
		cases++;
		equal += total == best;
		ok_valid += valid(rows, cols, score, capacity, out, total);
		if (best - total > worst_gap)
			worst_gap = best - total;
	}
	TAP_INT_EQ(cases, 3000, "3000 random cases ran");
	TAP_INT_EQ(equal, cases, "the total equals the brute-force best in every case");
	TAP_INT_EQ(ok_valid, cases, "every assignment keeps capacities and adds up");
	TAP_INT_EQ(worst_gap, 0, "never below the best");
}

static void by_hand(void)
{
	/* Greedy takes the single best pair (row 0 to col 0, 10) and leaves
	 * row 1 with nothing; the optimum gives each their second best. */
	int score[] = {
		10, 9,
		9, ASSIGN_FORBIDDEN,
	};
	int capacity[] = { 1, 1 }, out[2];
	long long total = 0;
	TAP_CHECK(assign_optimal(2, 2, score, capacity, out, &total), "a small case runs");
	TAP_INT_EQ(total, 18, "not greedy: 9 + 9 beats 10 alone");
	TAP_CHECK(out[0] == 1 && out[1] == 0, "row 0 takes column 1, row 1 column 0");

	int negative[] = { -5, 0, ASSIGN_FORBIDDEN };
	int cap3[] = { 2, 2, 2 }, out1[1];
	assign_optimal(1, 3, negative, cap3, out1, &total);
	TAP_CHECK(out1[0] == -1 && total == 0, "no match is better than a bad one");

	int crowd[] = { 5, 5, 5, 5 };
	int one[] = { 3 }, out4[4];
	assign_optimal(4, 1, crowd, one, out4, &total);
	int taken = 0;
	for (int i = 0; i < 4; i++)
		taken += out4[i] == 0;
	TAP_CHECK(taken == 3 && total == 15, "a column with 3 places takes 3 of 4");

	int zero[] = { 0 }, out0[1];
	TAP_CHECK(assign_optimal(0, 1, crowd, zero, out0, &total) && total == 0, "no rows: nothing to do");
	TAP_CHECK(assign_optimal(1, 0, crowd, zero, out0, &total) && out0[0] == -1, "no columns: nobody matched");
}

/* The proposal: two citizens, two volunteers with one place each. */
static void proposal(void)
{
	struct match_citizen_facts c[2];
	memset(c, 0, sizeof c);
	for (int i = 0; i < 2; i++) {
		c[i].id = i + 1;
		c[i].active = true;
	}
	c[0].postcode = 8000;
	c[1].postcode = 8000;
	c[1].interests[0] = 7;
	c[1].ninterests = 1;
	struct match_volunteer_facts v[2];
	memset(v, 0, sizeof v);
	for (int i = 0; i < 2; i++) {
		v[i].id = 10 + i;
		snprintf(v[i].status, sizeof v[i].status, "active");
		v[i].capacity = 1;
	}
	v[0].postcode = 8000;            /* both citizens: +20 */
	v[0].interests[0] = 7;           /* citizen 2: +10 more */
	v[0].ninterests = 1;
	v[1].postcode = 8010;            /* nearby for both: +10 */
	struct match_activity_facts a[1];
	memset(a, 0, sizeof a);
	a[0].id = 20;
	snprintf(a[0].status, sizeof a[0].status, "active");
	a[0].capacity = 1;
	struct match_pool pool = { .volunteers = v, .nvolunteers = 2, .activities = a, .nactivities = 1 };
	struct match_proposal_row rows[2];
	long long total = 0;
	TAP_CHECK(match_propose(c, 2, &pool, rows, &total), "the proposal is made");
	TAP_CHECK(rows[0].volunteer == 1 && rows[1].volunteer == 0,
		  "the one who shares an interest gets the volunteer it adds most for");
	TAP_CHECK((rows[0].activity == 0) != (rows[1].activity == 0), "the one place in the activity goes to one");
	TAP_INT_EQ(total, (10 + 10) + (20 + 10 + 10) + 10, "the total adds both assignments");
}

int main(void)
{
	random_cases();
	by_hand();
	proposal();
	return tap_done();
}
