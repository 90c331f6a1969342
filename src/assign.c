/* assign.c — maximum-score assignment with capacities (see assign.h).
 *
 * Each column with capacity c becomes min(c, rows that score it above 0)
 * identical places; each row also gets a "no match" place of cost 0. The
 * costs are the negated scores (a pair scoring 0 or less, or forbidden,
 * costs 0 like "no match", and is reported as no match). The Hungarian
 * method then adds the rows one by one, each along the shortest augmenting
 * path under the reduced costs (Jonker–Volgenant style potentials u, v),
 * which keeps the assignment of the rows so far at minimum cost. With as
 * many "no match" places as rows there is always room, so every row ends
 * up somewhere and the result is optimal. Time O(rows^2 * places) at
 * worst; in practice a row rarely displaces more than a few others.
 */
#include "assign.h"

#include <stdlib.h>

enum { INF = INT_MAX / 4 };

bool assign_optimal(int rows, int cols, const int *score, const int *capacity, int *out, long long *total)
{
	if (total)
		*total = 0;
	for (int i = 0; i < rows; i++)
		out[i] = -1;
	if (rows <= 0)
		return true;

	/* Places: how many each column needs at most. */
	int places = rows;
	int *want = calloc(cols > 0 ? (size_t)cols : 1, sizeof *want);
	if (!want)
		return false;
	for (int j = 0; j < cols; j++) {
		if (capacity[j] <= 0)
			continue;
		int useful = 0;
		for (int i = 0; i < rows; i++)
			if (score[(size_t)i * (size_t)cols + (size_t)j] > 0)
				useful++;
		want[j] = useful < capacity[j] ? useful : capacity[j];
		places += want[j];
	}
	int m = places;
	/* 1-based as in the classic formulation: index 0 is the virtual start. */
	int *col_of = malloc(sizeof(int) * (size_t)(m + 1));
	int *u = calloc((size_t)rows + 1, sizeof *u);
	int *v = calloc((size_t)m + 1, sizeof *v);
	int *p = calloc((size_t)m + 1, sizeof *p);
	int *way = calloc((size_t)m + 1, sizeof *way);
	int *minv = malloc(sizeof(int) * (size_t)(m + 1));
	bool *used = malloc(sizeof(bool) * (size_t)(m + 1));
	bool ok = col_of && u && v && p && way && minv && used;
	if (!ok)
		goto out;
	int k = 1;
	for (int j = 0; j < cols; j++)
		for (int c = 0; c < want[j]; c++)
			col_of[k++] = j;
	for (; k <= m; k++)
		col_of[k] = -1; /* no match */

	for (int i = 1; i <= rows; i++) {
		p[0] = i;
		int j0 = 0;
		for (int j = 0; j <= m; j++) {
			minv[j] = INF;
			used[j] = false;
		}
		do {
			used[j0] = true;
			int i0 = p[j0], delta = INF, j1 = 0;
			const int *row = score + (size_t)(i0 - 1) * (size_t)cols;
			for (int j = 1; j <= m; j++) {
				if (used[j])
					continue;
				int s = col_of[j] >= 0 ? row[col_of[j]] : 0;
				int cost = s > 0 ? -s : 0;
				int cur = cost - u[i0] - v[j];
				if (cur < minv[j]) {
					minv[j] = cur;
					way[j] = j0;
				}
				/* Among equals a free place ends the search at once:
				 * walking through taken places of the same cost (the
				 * "no match" places most of all) changes nothing. */
				if (minv[j] < delta || (minv[j] == delta && !p[j] && p[j1])) {
					delta = minv[j];
					j1 = j;
				}
			}
			for (int j = 0; j <= m; j++) {
				if (used[j]) {
					u[p[j]] += delta;
					v[j] -= delta;
				} else {
					minv[j] -= delta;
				}
			}
			j0 = j1;
		} while (p[j0] != 0);
		do {
			int j1 = way[j0];
			p[j0] = p[j1];
			j0 = j1;
		} while (j0);
	}

	for (int j = 1; j <= m; j++) {
		if (!p[j] || col_of[j] < 0)
			continue;
		int row = p[j] - 1, s = score[(size_t)row * (size_t)cols + (size_t)col_of[j]];
		if (s > 0) {
			out[row] = col_of[j];
			if (total)
				*total += s;
		}
	}
out:
	free(want);
	free(col_of);
	free(u);
	free(v);
	free(p);
	free(way);
	free(minv);
	free(used);
	return ok;
}
