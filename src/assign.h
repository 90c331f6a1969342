/* assign.h — the best assignment of many rows (citizens) to columns
 * (volunteers, or activities) with capacities: the total score of the
 * chosen pairs is as high as it can be, no column takes more rows than its
 * capacity, and each row takes at most one column. A row may stay without
 * a column: a pair that scores 0 or less is never chosen, since no match
 * is better than a bad one.
 *
 * Not greedy: the Hungarian method (shortest augmenting paths with
 * potentials) over the columns' places, one place per unit of capacity,
 * plus one "no match" place per row. tests/test_assign.c checks it against
 * trying every assignment on many small random cases.
 */
#ifndef BB_ASSIGN_H
#define BB_ASSIGN_H

#include <limits.h>
#include <stdbool.h>

/* A pair a hard limit rules out. */
#define ASSIGN_FORBIDDEN INT_MIN

/* score: rows x cols, row-major; capacity: per column (<= 0: none).
 * out[row] gets the chosen column or -1; *total (may be NULL) the sum of
 * the chosen scores. Returns false only when memory runs out. */
bool assign_optimal(int rows, int cols, const int *score, const int *capacity, int *out, long long *total);

#endif
