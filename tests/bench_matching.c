/* bench_matching — how fast matching is on a large centre. Not a test: it
 * prints figures.
 *
 *   ./build/brobygger demo --citizens 100000 --db /tmp/bench.db
 *   ./build/tests/bench_matching /tmp/bench.db
 *
 * (100 000 demo citizens come with 2 000 volunteers and 500 activities.)
 * It opens citizens the way the matching screen does, so it writes their
 * "view" records into the audit log: run it on a copy.
 *
 * Opening a citizen: for 500 citizens (the longest waiting), the use case
 * the matching screen calls (matching_citizen_view): the citizen's facts
 * and matches, the audit record of the look, and every volunteer and
 * activity scored, filtered and sorted. The pool of volunteers and
 * activities is kept between citizens while nothing is committed; the
 * bench says how often it had to be read again (it should be once). Its
 * loading (as the screen reads it: the details of the volunteers with a
 * free place alone) is timed on its own, and "cold": the pool let go before each
 * citizen, as the first citizen after a change costs. Median and 99th
 * percentile, warm (one pass first).
 *
 * Proposal: the 1 000 longest-waiting citizens, matched at once to
 * volunteers and activities (matching_proposal: their facts, a pool of its
 * own, src/match_propose.c). Timed as the demo database is (where nearly
 * every place is taken, so few can be matched), and the assignment alone
 * again with every place free, the hardest case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "db.h"
#include "dbrules.h"
#include "desk.h"
#include "matching.h"
#include "store_matching.h"

enum { CITIZENS = 500, PROPOSAL = 1000, POOL_RUNS = 30 };

/* What the screen does when a citizen is opened: returns the number of
 * candidates kept, -1 on failure; *read says whether the pool was read. */
static int open_one(struct desk *d, long long id, bool *read)
{
	struct matching_citizen m;
	if (matching_citizen_view(d, id, &m) != DB_OK)
		return -1;
	int kept = m.nranked[0] + m.nranked[1];
	*read = m.pool_read;
	matching_citizen_free(&m);
	return kept;
}

static void assignment(const char *what, const struct matching_proposal *p)
{
	struct match_proposal_row *rows = calloc((size_t)p->n + 1, sizeof *rows);
	if (!rows)
		return;
	long long total = 0;
	double t0 = now_ms();
	bool ok = match_propose(p->citizens, p->n, &p->pool, rows, &total);
	double ms = now_ms() - t0;
	int vols = 0, acts = 0, clashes = 0;
	for (int i = 0; i < p->n; i++) {
		vols += rows[i].volunteer >= 0;
		acts += rows[i].activity >= 0;
		clashes += rows[i].clash;
	}
	printf("proposal, %s: the assignment %.1f ms%s\n", what, ms, ok ? "" : " (out of memory)");
	printf("  %d citizens: %d get a volunteer, %d an activity; total score %lld; %d time clashes noted\n", p->n,
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
	struct desk desk = desk_command_line(db);
	long long nc = 0, waiting = 0;
	db_query_int(db, "SELECT count(*) FROM citizens", &nc);
	matching_waiting_count(&desk, &waiting);

	static const struct match_pool_keep open_only = { match_volunteer_open, match_activity_open };
	double pool_ms[POOL_RUNS];
	struct match_pool pool;
	for (int i = 0; i < POOL_RUNS; i++) {
		double t0 = now_ms();
		if (store_matching_pool_load(db, &pool, &open_only) != DB_OK) {
			fprintf(stderr, "pool: %s\n", db_errdetail(db));
			return 1;
		}
		pool_ms[i] = now_ms() - t0;
		if (i + 1 < POOL_RUNS)
			store_matching_pool_free(&pool);
	}
	printf("database: %lld citizens (%lld waiting), %d volunteers, %d activities\n\n", nc, waiting,
	       pool.nvolunteers, pool.nactivities);
	store_matching_pool_free(&pool);

	struct waiting_citizen *w = calloc(CITIZENS, sizeof *w);
	double *ms = calloc(CITIZENS, sizeof *ms), *cold = calloc(CITIZENS, sizeof *cold);
	if (!w || !ms || !cold)
		return 1;
	int n = 0;
	double t0 = now_ms();
	matching_waiting(&desk, 0, CITIZENS, w, &n);
	printf("waiting list, first %d of %lld:  %.1f ms\n", n, waiting, now_ms() - t0);

	long long candidates = 0;
	int reads = 0;
	bool read = false;
	for (int i = 0; i < n; i++)
		open_one(&desk, w[i].id, &read); /* warm */
	for (int i = 0; i < n; i++) {
		double s = now_ms();
		candidates += open_one(&desk, w[i].id, &read);
		ms[i] = now_ms() - s;
		reads += read;
	}
	int ncold = n < 100 ? n : 100;
	for (int i = 0; i < ncold; i++) {
		double s = now_ms();
		matching_release();
		open_one(&desk, w[i].id, &read);
		cold[i] = now_ms() - s;
	}
	report("pool load (every volunteer and activity)", pool_ms, POOL_RUNS);
	report("open one citizen (kept pool)", ms, n);
	report("  the same with the pool read first", cold, ncold);
	printf("  %.0f candidates kept per citizen on average; the pool was read %d times in %d opens\n\n",
	       n ? (double)candidates / n : 0.0, reads, n);
	matching_release();

	struct matching_proposal p;
	t0 = now_ms();
	if (matching_proposal(&desk, PROPOSAL, &p) != DB_OK) {
		fprintf(stderr, "proposal: %s\n", db_errdetail(db));
		return 1;
	}
	printf("proposal for the %d longest waiting (facts, pool, assignment): %.1f ms\n", p.n, now_ms() - t0);
	assignment("the demo database as it is", &p);
	/* Every place free: everyone whole, as the pool holds the open ones. */
	store_matching_pool_free(&p.pool);
	if (store_matching_pool_load(db, &p.pool, NULL) != DB_OK) {
		fprintf(stderr, "pool: %s\n", db_errdetail(db));
		return 1;
	}
	match_pool_ready(&p.pool);
	for (int i = 0; i < p.pool.nvolunteers; i++) {
		p.pool.volunteers[i].load = 0;
		if (strcmp(p.pool.volunteers[i].status, "paused") == 0)
			snprintf(p.pool.volunteers[i].status, sizeof p.pool.volunteers[i].status, "active");
	}
	for (int i = 0; i < p.pool.nactivities; i++)
		p.pool.activities[i].load = 0;
	assignment("every place free (hardest case)", &p);

	matching_proposal_free(&p);
	free(w);
	free(ms);
	free(cold);
	db_close(db);
	return 0;
}
