/* bench_matching — how fast matching is on a large centre. Not a test: it
 * prints figures.
 *
 *   ./build/brobygger demo --citizens 100000 --db /tmp/bench.db
 *   ./build/tests/bench_matching /tmp/bench.db
 *
 * (100 000 demo citizens come with 2 000 volunteers and 500 activities.)
 *
 * Ranking: for 500 citizens (the longest waiting), the time to read the
 * citizen's facts and score, filter and sort every volunteer and every
 * activity, as the matching screen does on opening a citizen. The pool of
 * volunteers and activities is read once and kept while the database does
 * not change (as the screen does); its loading is timed on its own, and
 * also "cold": pool + ranking together, as the first citizen after a
 * change costs. Median and 99th percentile, warm (one pass first).
 *
 * Proposal: the 1 000 longest-waiting citizens, matched at once to
 * volunteers and activities (src/match_propose.c). Timed twice: as the
 * demo database is (where nearly every place is taken, so few can be
 * matched), and with every place free, the hardest case for the
 * assignment. Reading the 1 000 citizens' facts is timed on its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "db.h"
#include "dbrules.h"
#include "match.h"
#include "match_propose.h"
#include "store_matching.h"

enum { CITIZENS = 500, PROPOSAL = 1000, POOL_RUNS = 30 };

/* What the screen does when a citizen is opened, with the pool in hand. */
static int rank_one(struct db *db, long long id, const struct match_pool *pool, struct match_ranked *vols,
		    struct match_ranked *acts)
{
	struct match_citizen_facts c;
	if (store_matching_citizen_facts(db, id, &c) != DB_OK)
		return -1;
	int filtered[ML_COUNT];
	return match_rank(&c, pool, true, vols, filtered) + match_rank(&c, pool, false, acts, filtered);
}

static void proposal(const char *what, const struct match_citizen_facts *c, int n, const struct match_pool *pool)
{
	struct match_proposal_row *rows = calloc((size_t)n, sizeof *rows);
	if (!rows)
		return;
	long long total = 0;
	double t0 = now_ms();
	bool ok = match_propose(c, n, pool, rows, &total);
	double ms = now_ms() - t0;
	int vols = 0, acts = 0, clashes = 0;
	for (int i = 0; i < n; i++) {
		vols += rows[i].volunteer >= 0;
		acts += rows[i].activity >= 0;
		clashes += rows[i].clash;
	}
	printf("proposal, %s: %.1f ms%s\n", what, ms, ok ? "" : " (out of memory)");
	printf("  %d citizens: %d get a volunteer, %d an activity; total score %lld; %d time clashes noted\n", n,
	       vols, acts, total, clashes);
	free(rows);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_matching DB\n");
		return 2;
	}
	dbrules_install();
	struct db *db;
	if (db_open(argv[1], &db) != DB_OK) {
		fprintf(stderr, "cannot open %s\n", argv[1]);
		return 1;
	}
	long long nc = 0, waiting = 0;
	db_query_int(db, "SELECT count(*) FROM citizens", &nc);
	store_matching_waiting_count(db, &waiting);

	double pool_ms[POOL_RUNS];
	struct match_pool pool;
	for (int i = 0; i < POOL_RUNS; i++) {
		double t0 = now_ms();
		if (store_matching_pool_load(db, &pool) != DB_OK) {
			fprintf(stderr, "pool: %s\n", db_errdetail(db));
			return 1;
		}
		pool_ms[i] = now_ms() - t0;
		if (i + 1 < POOL_RUNS)
			store_matching_pool_free(&pool);
	}
	printf("database: %lld citizens (%lld waiting), %d volunteers, %d activities\n\n", nc, waiting,
	       pool.nvolunteers, pool.nactivities);

	struct waiting_citizen *w = calloc(CITIZENS, sizeof *w);
	struct match_ranked *vols = calloc((size_t)pool.nvolunteers + 1, sizeof *vols);
	struct match_ranked *acts = calloc((size_t)pool.nactivities + 1, sizeof *acts);
	double *ms = calloc(CITIZENS, sizeof *ms), *cold = calloc(CITIZENS, sizeof *cold);
	if (!w || !vols || !acts || !ms || !cold)
		return 1;
	int n = 0;
	double t0 = now_ms();
	store_matching_waiting(db, 0, CITIZENS, w, &n);
	printf("waiting list, first %d of %lld:  %.1f ms\n", n, waiting, now_ms() - t0);

	long long candidates = 0;
	for (int i = 0; i < n; i++)
		rank_one(db, w[i].id, &pool, vols, acts); /* warm */
	for (int i = 0; i < n; i++) {
		double s = now_ms();
		candidates += rank_one(db, w[i].id, &pool, vols, acts);
		ms[i] = now_ms() - s;
	}
	int ncold = n < 100 ? n : 100;
	for (int i = 0; i < ncold; i++) {
		struct match_pool fresh;
		double s = now_ms();
		store_matching_pool_load(db, &fresh);
		rank_one(db, w[i].id, &fresh, vols, acts);
		cold[i] = now_ms() - s;
		store_matching_pool_free(&fresh);
	}
	report("pool load (every volunteer and activity)", pool_ms, POOL_RUNS);
	report("rank all candidates for one citizen", ms, n);
	report("  the same with the pool read first", cold, ncold);
	printf("  %.0f candidates kept per citizen on average\n\n", n ? (double)candidates / n : 0.0);

	struct match_citizen_facts *c = calloc(PROPOSAL, sizeof *c);
	if (!c)
		return 1;
	int nf = 0;
	t0 = now_ms();
	store_matching_waiting_facts(db, PROPOSAL, c, &nf);
	printf("facts of the %d longest waiting: %.1f ms\n", nf, now_ms() - t0);
	proposal("the demo database as it is", c, nf, &pool);
	for (int i = 0; i < pool.nvolunteers; i++) {
		pool.volunteers[i].load = 0;
		if (strcmp(pool.volunteers[i].status, "paused") == 0)
			snprintf(pool.volunteers[i].status, sizeof pool.volunteers[i].status, "active");
	}
	for (int i = 0; i < pool.nactivities; i++)
		pool.activities[i].load = 0;
	proposal("every place free (hardest case)", c, nf, &pool);

	store_matching_pool_free(&pool);
	free(c);
	free(w);
	free(vols);
	free(acts);
	free(ms);
	free(cold);
	db_close(db);
	return 0;
}
