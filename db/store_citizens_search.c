/* store_citizens_search.c — store_citizens_search (store_citizens.h): search as
 * you type over a centre's citizens, fast enough for every keystroke on a
 * few hundred thousand of them. Read-only: one read transaction per call.
 *
 * The query comes made ready by src/ (struct citizen_query): folded words,
 * the Danish sort key of what was typed and of each typed word, or the
 * digits of a phone number. This file only compares them with the keys
 * stored beside each citizen (src/textkeys.c made both).
 *
 * Hits come in tiers (see struct citizen_hit); a page is filled from the
 * first tier on. A tier is a set of rows with a test SQL can make on a row
 * (none for the last, which only the full-text index knows), and a source
 * that finds its rows without reading everyone: a range of an index, or
 * the full-text index. Each tier leaves out what an earlier tier showed by
 * negating their tests. Its next rows are fetched the cheapest of these
 * ways:
 * - ordered: the tier is a range of the index in list order (the name
 *   starts with what was typed, as typed): read in order, stop when full;
 * - words: one word typed, for the tiers of a word's start (as typed, and
 *   folded): a range of the order's words table (schema_v20.c), likewise;
 * - join: the source's rows looked up and sorted; cost grows with the
 *   hits, each a table lookup;
 * - walk: down the index in list order, testing each row, stopping when
 *   the page is full; cost grows with the rows walked, about
 *   (offset + limit) * citizens / hits, and the list-order indexes hold
 *   what the name tests read, so a walk reads no table rows. Hits are not
 *   always spread evenly, so a walk stops at a bound (twice the rows it
 *   should need, or half the join's cost; past the rows SQLite's cache
 *   keeps, no more than the join's cost) and the join takes over: no
 *   keystroke reads the whole list;
 * - walk with a set or a probe, for the last tier: membership of the
 *   full-text hits as a set built once, or one probe per row walked.
 * A count of the source's rows (stopped where a walk wins anyway, at most
 * COUNT_CAP) chooses. On SQLite the count reads the rows (their ids), so
 * the join and the set walk read them from there, not from the full-text
 * index again, and leave out those already on the page: a tier whose hits
 * all are is skipped. A tier's exact size is counted only when a page starts
 * past it, which scrolling far down a long list does, never typing.
 */
#include "store_citizens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_citizens_tiers.h"
#include "store_util.h"

/* The most hits a count counts (see estimate). */
enum { COUNT_CAP = 4000 };

/* Relative cost per row, measured on 100 000 demo citizens: a walked
 * index row 1 (0.3 to 0.8 us), one that reads its table row 4, a hit put
 * in the set 1, a full-text probe 150. A hit joined and sorted was 8;
 * since the walk's tests are GLOBs a walked row is 0.13 us at 300,000,
 * and a hit joined about 4 us (its table row found by id, mostly not in
 * SQLite's 2 MiB of cache): 30. With 8, a word that 676 of 300,000 hold
 * was joined in 2.6 ms where a walk takes 1.1 ms. */
enum search_plan { PLAN_ORDERED, PLAN_JOIN, PLAN_WALK, PLAN_WALK_SET, PLAN_WALK_PROBE };
static const double COST_WALK = 1, COST_WALK_TABLE = 4, COST_SET = 1, COST_JOIN = 30, COST_PROBE = 150;
/* On SQLite a walked row that reads its table row reads it by id, as a
 * join does, and in list order, not in the order of the ids, so mostly
 * from the system: three quarters of a joined hit (300,000 citizens, a
 * phone's middle digits "12 3": 6,900 rows walked in 20 ms, "998": 1,125
 * hits joined in 4.5 ms; bench_desk at 10,000, "60 8": 800 rows walked
 * in 2 ms, its 65 hits joined in 0.2 ms). */
static const double COST_WALK_TABLE_LITE = 22;
/* A walked row past the first WALK_CACHED (see walk_cost). */
static const double COST_UNCACHED = 3, WALK_CACHED = 8000;

/* ---------- running statements ---------- */

/* Binds every parameter the statement names. */
static void bind_params(struct db_stmt *st, const char *sql, const struct search_params *p)
{
	struct {
		const char *name;
		const char *value;
	} text[] = {
		{ ":k0", p->k0 }, { ":k1", p->k1 }, { ":lo", p->lo }, { ":hi", p->hi },
		{ ":dlo", p->dlo }, { ":dhi", p->dhi }, { ":wp", p->wp }, { ":fp", p->fp },
	};
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
		if (strstr(sql, text[i].name))
			db_bind_text(st, text[i].name, text[i].value);
	for (int i = 0; i < SEARCH_WORDS; i++) {
		char name[8];
		snprintf(name, sizeof name, ":t%d", i);
		if (strstr(sql, name))
			db_bind_text(st, name, p->t[i]);
		snprintf(name, sizeof name, ":w%d", i);
		if (strstr(sql, name))
			db_bind_text(st, name, p->w[i]);
	}
	for (int i = 0; i < MAX_TIERS; i++) {
		char name[8];
		snprintf(name, sizeof name, ":m%d", i);
		if (strstr(sql, name))
			db_bind_text(st, name, p->m[i]);
	}
	if (strstr(sql, ":cap"))
		db_bind_int(st, ":cap", p->cap);
}

static void bind_search(struct db_stmt *st, const char *sql, const struct search *s)
{
	bind_params(st, sql, &s->p);
	if (strstr(sql, ":ids"))
		db_bind_text(st, ":ids", s->ids_json ? s->ids_json : "[]");
}

static enum db_status count_rows(struct db *db, const struct search *s, const char *sql, long long *n)
{
	struct db_stmt *st;
	*n = 0;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	bind_search(st, sql, s);
	if (db_step(st) == DB_ROW)
		*n = db_column_int(st, 0);
	return db_finalize(st);
}

/* Appends up to `limit - *got` ids from `sql`, after skipping `skip`:
 * by its :lim and :off, or here when it names none. */
static enum db_status collect(struct db *db, const struct search *s, const char *sql, long long skip, int limit,
			      long long *ids, int *got)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	bind_search(st, sql, s);
	if (strstr(sql, ":lim")) {
		db_bind_int(st, ":off", skip);
		db_bind_int(st, ":lim", limit - *got);
		skip = 0;
	}
	while (*got < limit && db_step(st) == DB_ROW) {
		if (skip > 0)
			skip--;
		else
			ids[(*got)++] = db_column_int(st, 0);
	}
	return db_finalize(st);
}

/* Walks `walk_sql` (id and whether the row is a hit, in list order, at
 * most :cap rows) and keeps the hits after `skip`. *complete: the walk
 * met fewer rows than it was allowed, so it saw every hit there is. */
static enum db_status capped_walk(struct db *db, const struct search *s, const char *walk_sql, long long skip,
				  int limit, long long *ids, int *got, bool *complete)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, walk_sql);
	if (r != DB_OK)
		return r;
	bind_search(st, walk_sql, s);
	long long rows = 0;
	while (*got < limit && db_step(st) == DB_ROW) {
		rows++;
		if (!db_column_int(st, 1))
			continue;
		if (skip > 0)
			skip--;
		else
			ids[(*got)++] = db_column_int(st, 0);
	}
	*complete = *got < limit && rows < s->p.cap;
	return db_finalize(st);
}

/* Walks `walk_sql` (ids in list order, at most :cap of them) and keeps
 * those the full-text query :m<n> matches, one probe each: cheap when
 * nearly every row is a hit, and done here rather than as a correlated
 * subquery so the walk stops as soon as the page is full. */
static enum db_status probe_walk(struct db *db, const struct search *s, const struct tier *t, const char *walk_sql,
				 long long skip, int limit, long long *ids, int *got)
{
	struct db_stmt *walk = NULL, *probe = NULL;
	char probe_sql[160];
	snprintf(probe_sql, sizeof probe_sql, "SELECT 1 FROM %s WHERE %s MATCH :m%d AND rowid = :id", t->fts, t->fts,
		 t->m);
	enum db_status r = db_prepare(db, &walk, walk_sql);
	if (r == DB_OK)
		r = db_prepare(db, &probe, probe_sql);
	if (r != DB_OK)
		goto out;
	bind_search(walk, walk_sql, s);
	while (*got < limit && db_step(walk) == DB_ROW) {
		long long id = db_column_int(walk, 0);
		db_reset(probe);
		bind_params(probe, probe_sql, &s->p);
		db_bind_int(probe, ":id", id);
		if (db_step(probe) != DB_ROW)
			continue;
		if (skip > 0)
			skip--;
		else
			ids[(*got)++] = id;
	}
out:;
	enum db_status fin = db_finalize(walk);
	if (r == DB_OK)
		r = fin;
	fin = db_finalize(probe);
	return r == DB_OK ? fin : r;
}

/* ---------- one tier ---------- */

/* " AND NOT COALESCE((test), false)" for every earlier tier ("1 = 0" is
 * false on both engines: PostgreSQL's COALESCE takes no 0 for false). */
static void not_earlier(const struct search *s, int k, struct store_sql *b)
{
	for (int j = 0; j < k; j++)
		if (s->tier[j].test[0])
			store_sql_add(b, " AND NOT COALESCE((%s), 1 = 0)", s->tier[j].test);
}

/* FROM ... WHERE of the tier's source, with the earlier tiers left out. */
static void source_sql(const struct search *s, int k, struct store_sql *b)
{
	const struct tier *t = &s->tier[k];
	if (t->fts)
		store_sql_add(b, " FROM citizens WHERE id IN (SELECT rowid FROM %s WHERE %s MATCH :m%d)", t->fts, t->fts,
			      t->m);
	else
		store_sql_add(b, " FROM citizens INDEXED BY %s WHERE %s", t->index, t->range);
	/* A citizen without keys (anonymised) is found by nothing. */
	store_sql_add(b, " AND %s IS NOT NULL", s->key_column);
	not_earlier(s, k, b);
}

/* The square root of x >= 0, by Newton's steps: enough for a count's
 * cap, and no libm for one call. */
static double root(double x)
{
	double r = x > 1 ? x : 1;
	for (int i = 0; i < 64 && r * r - x > 0.5 * r; i++)
		r = (r + x / r) / 2;
	return r;
}

/* What walking one row costs. */
static double row_cost(const struct search *s, const struct tier *t)
{
	return t->covered ? COST_WALK : s->pg ? COST_WALK_TABLE : COST_WALK_TABLE_LITE;
}

/* How far estimate counts the source's hits. Counting costs about as
 * much per hit as a walked row, and the count only has to tell which
 * way is cheaper: a tier with a test is walked when its hits are more
 * than the point where a walk and a join cost the same,
 *   hits * COST_JOIN = (skip + limit) * citizens / hits * row,
 * so counting to four times that point chooses as a full count would
 * (at 300,000 citizens 1,800 hits, not COUNT_CAP's 4,000: 0.2 -> 0.1 ms
 * for two letters). The last tier's choice of a probe lies much further,
 * so it counts to COUNT_CAP. */
static long long count_cap(const struct search *s, const struct tier *t, long long skip, int limit)
{
	if (!t->test[0])
		return COUNT_CAP;
	double row = row_cost(s, t);
	double even = root((double)(skip + limit) * (double)s->citizens * row / COST_JOIN);
	return 4 * even + 100 < COUNT_CAP ? (long long)(4 * even) + 100 : COUNT_CAP;
}

/* Reads the hits of tier k's source (SQLite), at most `cap`, into
 * s->hits[k]: their number, and the rows a join or a set walk reads then
 * without running the query again. A full-text query of a word typed and
 * a common one ("søs m") costs what the common one's hits cost (0.1 ms
 * at 10,000 citizens, 0.5 at 300,000), and each tier ran it twice; an
 * index range costs little, but knowing its rows tells when all of them
 * are on the page already (hits_left). */
static enum db_status source_hits(struct db *db, struct search *s, int k, long long cap)
{
	struct tier_hits *h = &s->hits[k];
	const struct tier *t = &s->tier[k];
	if (h->read && (h->n < h->cap || h->cap >= cap))
		return DB_OK;
	long long *ids = realloc(h->ids, (size_t)cap * sizeof *ids);
	if (!ids)
		return DB_ERR_IO;
	h->ids = ids;
	h->n = 0;
	h->cap = cap;
	h->read = false;
	char sql[SEARCH_SQL];
	if (t->fts)
		snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH :m%d LIMIT :cap", t->fts, t->fts, t->m);
	else
		snprintf(sql, sizeof sql, "SELECT id FROM citizens INDEXED BY %s WHERE %s LIMIT :cap", t->index, t->range);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	s->p.cap = cap;
	bind_search(st, sql, s);
	while (h->n < cap && db_step(st) == DB_ROW)
		h->ids[h->n++] = db_column_int(st, 0);
	r = db_finalize(st);
	h->read = r == DB_OK;
	return r;
}

/* All of the source's hits were read (fewer than the cap). */
static bool hits_whole(const struct tier_hits *h)
{
	return h->read && h->n < h->cap;
}

/* Puts tier k's hits, read whole, in :ids (a JSON array, for json_each)
 * and their number in *n, less the rows the page holds when it holds
 * every row of the earlier tiers (a page from the top): they are no row
 * of a later tier. The names that start with "Moh" are all the hits of
 * the other fields' words too: none is left, and no walk looks for
 * them. */
static enum db_status hits_left(struct search *s, int k, const long long *page, int got, long long *n)
{
	const struct tier_hits *h = &s->hits[k];
	size_t size = (size_t)h->n * 21 + 3;
	char *json = realloc(s->ids_json, size);
	if (!json)
		return DB_ERR_IO;
	s->ids_json = json;
	size_t len = 0;
	json[len++] = '[';
	*n = 0;
	for (long long i = 0; i < h->n; i++) {
		bool shown = false;
		for (int j = 0; s->from_top && j < got && !shown; j++)
			shown = page[j] == h->ids[i];
		if (shown)
			continue;
		len += (size_t)snprintf(json + len, size - len, *n ? ",%lld" : "%lld", h->ids[i]);
		(*n)++;
	}
	snprintf(json + len, size - len, "]");
	return DB_OK;
}

/* The hits of the source, up to count_cap: on SQLite read
 * (source_hits), on PostgreSQL counted. */
static enum db_status estimate(struct db *db, struct search *s, int k, long long skip, int limit, long long *hits)
{
	const struct tier *t = &s->tier[k];
	long long cap = count_cap(s, t, skip, limit);
	if (!s->pg) {
		enum db_status r = source_hits(db, s, k, cap);
		*hits = s->hits[k].n;
		return r;
	}
	char sql[SEARCH_SQL];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM citizens INDEXED BY %s WHERE %s LIMIT :cap)",
		 t->index, t->range);
	s->p.cap = cap;
	return count_rows(db, s, sql, hits);
}

/* What walking `rows` rows costs on SQLite: the first WALK_CACHED are
 * pages SQLite's own 2 MiB cache keeps, since every walk starts at the
 * top of the list; past them each page is read from the system again
 * (300,000 citizens, the best of 15 walks: 0.13 us a row up to 9,000
 * rows, 0.32 us for each row past them; more when other statements
 * share the cache). */
static double walk_cost(const struct search *s, double rows, double row)
{
	double past = s->pg || rows <= WALK_CACHED ? 0 : rows - WALK_CACHED;
	return row * (rows + past * (COST_UNCACHED - 1));
}

/* The rows a walk may meet for `cost`: walk_cost's inverse. */
static double walk_rows(const struct search *s, double cost, double row)
{
	double rows = cost / row;
	if (s->pg || rows <= WALK_CACHED)
		return rows;
	return WALK_CACHED + (rows - WALK_CACHED) / COST_UNCACHED;
}

static enum search_plan plan(const struct search *s, const struct tier *t, long long hits, long long skip, int limit,
			     long long *walk_cap)
{
	if (t->ordered)
		return PLAN_ORDERED;
	double walked = (double)(skip + limit) * (double)s->citizens / (double)(hits > 0 ? hits : 1);
	/* Hits bunched late in the list order would make a walk long: it
	 * stops at twice the expected rows (four times for a probing walk,
	 * whose other way is dearer), and the join or the set finds the
	 * rest. No keystroke walks the whole list. */
	double join = (double)hits * COST_JOIN;
	double row = row_cost(s, t);
	*walk_cap = (long long)((t->test[0] ? 2 : 4) * walked) + 200;
	if (t->test[0]) {
		double cap = (double)*walk_cap;
		if (walk_rows(s, join / 2, row) > cap)
			cap = walk_rows(s, join / 2, row);
		/* Past the cached rows a walk stops where it has cost what the
		 * join costs: names of one origin share first names, so their
		 * hits bunch in the list order; at 300,000 citizens "Wils" (637
		 * hits) met none in the 19,000 rows it was allowed and then
		 * joined anyway (4.5 ms walked at best, 2.5 ms joined). */
		if (!s->pg && cap > WALK_CACHED && cap > walk_rows(s, join, row))
			cap = walk_rows(s, join, row) > WALK_CACHED ? walk_rows(s, join, row) : WALK_CACHED;
		/* A walk that reads the table pays the system's price from its
		 * first row: it too stops where it has cost the join's. */
		if (!s->pg && !t->covered && cap > join / row)
			cap = join / row;
		*walk_cap = (long long)cap;
		return walk_cost(s, walked, row) < join ? PLAN_WALK : PLAN_JOIN;
	}
	double set = (double)hits * COST_SET + walked * COST_WALK;
	double probe = walked * (COST_PROBE + COST_WALK);
	if (join <= set && join <= probe)
		return PLAN_JOIN;
	if (probe < set)
		return PLAN_WALK_PROBE;
	/* The set's walk stops where it has cost what the join costs: the
	 * hits counted may be mostly the earlier tiers' (the names that
	 * start with "Moha" hold the word too), and then no row walked is a
	 * new hit and the walk ran to the end of the list (10,000 citizens:
	 * 3.8 ms; at 300,000 it would be thirty times that). */
	double cap = walk_rows(s, join, COST_WALK) + 200;
	if (cap < (double)*walk_cap)
		*walk_cap = (long long)cap;
	return PLAN_WALK_SET;
}

/* Fills ids from tier k when it is read from the order's words table:
 * the rows with the typed word's prefix, in list order. Tier 0's rows
 * (the key starts with what was typed) lie together in that order; the
 * range before them and the range after them are read in turn, so no row
 * of tier 0 is walked past. The tier's own test, for a word longer than
 * the prefixes, and those of the other earlier tiers are the citizen's
 * row's, looked up for each row read: at most the page and the few rows
 * of earlier tiers (had they more, the page would not have come here).
 * Deep pages skip here. */
static enum db_status fetch_words(struct db *db, const struct search *s, int k, long long skip, int limit,
				  long long *ids, int *got)
{
	const struct tier *t = &s->tier[k];
	bool around = s->p.k0[0] != '\0' && s->tier[0].ordered;
	enum db_status r = DB_OK;
	for (int side = 0; side < (around ? 2 : 1) && *got < limit && r == DB_OK; side++) {
		char sql[SEARCH_SQL];
		struct store_sql b = store_sql_on(sql, sizeof sql);
		store_sql_add(&b, "SELECT id FROM %s AS w WHERE prefix = %s", s->words_table, t->words);
		if (around)
			store_sql_add(&b, side ? " AND %s >= :k1" : " AND %s < :k0", s->key_column);
		/* Unqualified, the tests' columns are the citizen's. */
		if (t->words_tested || k > (around ? 1 : 0)) {
			store_sql_add(&b, " AND EXISTS (SELECT 1 FROM citizens WHERE citizens.id = w.id AND %s",
				      t->words_tested ? t->test : "1 = 1");
			for (int j = around ? 1 : 0; j < k; j++)
				if (s->tier[j].test[0])
					store_sql_add(&b, " AND NOT COALESCE((%s), 1 = 0)", s->tier[j].test);
			store_sql_add(&b, ")");
		}
		store_sql_add(&b, " ORDER BY %s, name_fold, id", s->key_column);
		if (b.full)
			return DB_ERR_MISUSE;
		struct db_stmt *st;
		if ((r = db_prepare(db, &st, sql)) != DB_OK)
			return r;
		bind_search(st, sql, s);
		while (*got < limit && db_step(st) == DB_ROW) {
			if (skip > 0)
				skip--;
			else
				ids[(*got)++] = db_column_int(st, 0);
		}
		r = db_finalize(st);
	}
	return r;
}

/* Fills ids from tier k, starting `skip` rows into it. */
static enum db_status fetch_tier(struct db *db, struct search *s, int k, long long skip, int limit, long long *ids,
				 int *got)
{
	const struct tier *t = &s->tier[k];
	long long hits = 0, walk_cap = 0;
	enum db_status r = DB_OK;
	if (t->words)
		return fetch_words(db, s, k, skip, limit, ids, got);
	/* Whose hits the join reads: the tier's own, or the last tier's,
	 * which hold all of this tier's (within_last). When they were read
	 * whole, the set walk and the join read them from :ids (those not on
	 * the page) rather than running the query again. */
	int from = k;
	bool by_ids = false;
	if (!t->ordered) {
		if (!s->citizens && (r = db_query_int(db, "SELECT max(id) FROM citizens", &s->citizens)) != DB_OK)
			return r;
		int last = s->ntiers - 1;
		if (t->within_last && s->tier[last].fts) {
			if ((r = source_hits(db, s, last, count_cap(s, t, skip, limit - *got))) != DB_OK)
				return r;
			/* None there: none here. Few: joined and tested, they are
			 * this tier's and the last's, each query run once. */
			if (hits_whole(&s->hits[last])) {
				if ((r = hits_left(s, last, ids, *got, &hits)) != DB_OK || hits == 0)
					return r;
				if (plan(s, t, hits, skip, limit - *got, &walk_cap) == PLAN_JOIN) {
					from = last;
					by_ids = true;
				}
			}
		}
		if (from == k) {
			if ((r = estimate(db, s, k, skip, limit - *got, &hits)) != DB_OK || hits == 0)
				return r;
			if (!s->pg && hits_whole(&s->hits[k])) {
				if ((r = hits_left(s, k, ids, *got, &hits)) != DB_OK || hits == 0)
					return r;
				by_ids = true;
			}
		}
	}
	char sql[SEARCH_SQL];
	struct store_sql b = store_sql_on(sql, sizeof sql);
	enum search_plan how = from != k ? PLAN_JOIN : plan(s, t, hits, skip, limit - *got, &walk_cap);
	const char *walk_from = " FROM citizens INDEXED BY ";
	bool sorted_here = false;   /* no LIMIT: collect skips and stops */
	switch (how) {
	case PLAN_ORDERED:
		store_sql_add(&b, "SELECT id%s%s WHERE %s IS NOT NULL AND %s", walk_from,
			      t->own_index ? t->own_index : s->order_index, s->key_column, t->test);
		not_earlier(s, k, &b);
		break;
	case PLAN_WALK:
	case PLAN_WALK_SET: {
		/* At most :cap rows: hits bunched late in the list order would
		 * make the walk long, and then the join is the better way. */
		/* Whether the row is a hit: a CASE, because an AND in a value
		 * is not cut short, and the earlier tiers' tests would run on
		 * every row walked, not only on the few that pass this one. A
		 * set walk's test is membership of the full-text hits, a set
		 * SQLite builds once. */
		if (how == PLAN_WALK)
			store_sql_add(&b, "SELECT id, CASE WHEN %s THEN 1 = 1", t->test);
		else if (by_ids)
			store_sql_add(&b, "SELECT id, CASE WHEN id IN (SELECT value FROM json_each(:ids)) THEN 1 = 1");
		else
			store_sql_add(&b, "SELECT id, CASE WHEN id IN (SELECT rowid FROM %s WHERE %s MATCH :m%d) THEN 1 = 1",
				      t->fts, t->fts, t->m);
		not_earlier(s, k, &b);
		store_sql_add(&b, " ELSE 1 = 0 END%s%s WHERE %s IS NOT NULL ORDER BY %s LIMIT :cap", walk_from, s->order_index,
			      s->key_column, s->order_by);
		if (b.full)
			return DB_ERR_MISUSE;
		s->p.cap = walk_cap;
		int before = *got;
		bool complete = false;
		if ((r = capped_walk(db, s, sql, skip, limit, ids, got, &complete)) != DB_OK || *got == limit || complete)
			return r;
		*got = before;
		b = store_sql_on(sql, sizeof sql);
		break;
	}
	case PLAN_JOIN:
		break;
	case PLAN_WALK_PROBE: {
		store_sql_add(&b, "SELECT id%s%s WHERE %s IS NOT NULL", walk_from, s->order_index, s->key_column);
		not_earlier(s, k, &b);
		store_sql_add(&b, " ORDER BY %s LIMIT :cap", s->order_by);
		if (b.full)
			return DB_ERR_MISUSE;
		s->p.cap = walk_cap;
		int before = *got;
		if ((r = probe_walk(db, s, t, sql, skip, limit, ids, got)) != DB_OK || *got == limit)
			return r;
		/* The walk stopped short of the page: the join gives the rest. */
		*got = before;
		b = store_sql_on(sql, sizeof sql);
		break;
	}
	}
	if (how != PLAN_ORDERED) {
		/* The join: the plan's choice, or where a walk stopped short. */
		if (s->pg) {
			store_sql_add(&b, "SELECT id");
			source_sql(s, k, &b);
		} else {
			/* The full-text hits drive the join, and the sort has no
			 * LIMIT: SQLite gives `id IN (subquery)` and ORDER BY ...
			 * LIMIT each a temporary B-tree with a page cache of its
			 * own, whose 85 KiB are allocated and freed around every
			 * join, and the C library hands them back to the system
			 * and faults them in again each time (10,000 citizens, a
			 * name of 6 hits in three tiers: 1.2 ms, 0.2 ms without).
			 * The sorter needs neither; the page is cut here, and a
			 * join sorts few hits by the plan's choice. */
			sorted_here = true;
			store_sql_add(&b, "SELECT id");
			if (by_ids) {
				store_sql_add(&b,
					      " FROM (SELECT value AS hit FROM json_each(:ids)) JOIN citizens ON id = hit"
					      " WHERE %s IS NOT NULL",
					      s->key_column);
				/* The last tier's hits: this tier's are those its test holds. */
				if (from != k)
					store_sql_add(&b, " AND (%s)", t->test);
			} else if (t->fts)
				store_sql_add(&b,
					      " FROM (SELECT rowid AS hit FROM %s WHERE %s MATCH :m%d) JOIN citizens ON id = hit"
					      " WHERE %s IS NOT NULL",
					      t->fts, t->fts, t->m, s->key_column);
			else
				store_sql_add(&b, " FROM citizens INDEXED BY %s WHERE %s AND %s IS NOT NULL", t->index,
					      t->range, s->key_column);
			not_earlier(s, k, &b);
		}
	}
	store_sql_add(&b, " ORDER BY %s", t->own_order ? t->own_order : s->order_by);
	if (!sorted_here)
		store_sql_add(&b, " LIMIT :lim OFFSET :off");
	if (b.full)
		return DB_ERR_MISUSE;
	return collect(db, s, sql, skip, limit, ids, got);
}

/* How many rows tier k holds, for a page that starts past it. */
static enum db_status tier_size(struct db *db, const struct search *s, int k, long long *n)
{
	const struct tier *t = &s->tier[k];
	char sql[SEARCH_SQL];
	struct store_sql b = store_sql_on(sql, sizeof sql);
	if (t->ordered) {
		store_sql_add(&b, "SELECT count(*) FROM citizens INDEXED BY %s WHERE %s",
			      t->own_index ? t->own_index : s->order_index, t->test);
		not_earlier(s, k, &b);
	} else {
		store_sql_add(&b, "SELECT count(*)");
		source_sql(s, k, &b);
	}
	if (b.full)
		return DB_ERR_MISUSE;
	return count_rows(db, s, sql, n);
}

/* ---------- the search ---------- */

static enum db_status read_hits(struct db *db, const long long *ids, int n, struct citizen_hit *out, int *count)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT c.id, c.name, COALESCE(c.birth_year, 0), c.phone, c.postcode, c.town, c.email, c.status,"
		" EXISTS (SELECT 1 FROM citizens AS x WHERE x.name_fold = c.name_fold AND x.id <> c.id)"
		" FROM citizens AS c WHERE c.id = :id");
	if (r != DB_OK)
		return r;
	for (int i = 0; i < n; i++) {
		db_reset(st);
		db_bind_int(st, ":id", ids[i]);
		if (db_step(st) != DB_ROW)
			continue;
		struct citizen_hit *h = &out[*count];
		memset(h, 0, sizeof *h);
		h->id = db_column_int(st, 0);
		STORE_COL(h->name, st, 1);
		h->birth_year = (int)db_column_int(st, 2);
		STORE_COL(h->phone, st, 3);
		STORE_COL(h->postcode, st, 4);
		STORE_COL(h->town, st, 5);
		STORE_COL(h->email, st, 6);
		STORE_COL(h->status, st, 7);
		h->namesake = db_column_int(st, 8) != 0;
		(*count)++;
	}
	return db_finalize(st);
}

enum db_status store_citizens_search(struct db *db, const struct citizen_query *q, int offset, int limit,
				     struct citizen_hit *out, int *count)
{
	*count = 0;
	if (limit <= 0)
		return DB_OK;
	if (offset < 0)
		offset = 0;
	struct search *s = calloc(1, sizeof *s);
	long long *ids = calloc((size_t)limit, sizeof *ids);
	enum db_status r = s && ids ? DB_OK : DB_ERR_IO;
	int got = 0;
	if (r != DB_OK)
		goto out;
	store_citizens_tiers(db, s, q);

	/* One read transaction: the tiers and pages agree with each other. */
	if ((r = db_begin_read(db)) != DB_OK)
		goto out;
	/* PostgreSQL keeps one plan for any digits after a statement's fifth
	 * run, and that plan reads the table for a run of a phone's digits:
	 * a phone search is planned for its digits each time (bench_citizens
	 * at 20,000 citizens: 31 ms at the median kept, 2 ms planned). A name
	 * search is not: planning its statements cost more than it saved. */
	if (s->pg && q->digits[0])
		r = db_exec(db, "SET LOCAL plan_cache_mode = force_custom_plan");
	s->from_top = offset == 0;
	if (r == DB_OK && s->ntiers == 0) {
		/* Nothing typed (no letter, no digit): everyone, in order. */
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT id FROM citizens INDEXED BY %s WHERE %s IS NOT NULL"
			 " ORDER BY %s LIMIT :lim OFFSET :off", s->order_index, s->key_column, s->order_by);
		r = collect(db, s, sql, offset, limit, ids, &got);
	}
	long long skip = offset;
	for (int k = 0; k < s->ntiers && got < limit && r == DB_OK; k++) {
		int before = got;
		r = fetch_tier(db, s, k, skip, limit, ids, &got);
		if (r != DB_OK)
			break;
		if (got > before) {
			skip = 0; /* the page went on from here: the next tier from its start */
			continue;
		}
		if (skip > 0) {
			long long n = 0;
			r = tier_size(db, s, k, &n);
			skip = skip > n ? skip - n : 0;
		}
	}
	if (r == DB_OK)
		r = read_hits(db, ids, got, out, count);
	r = db_end(db, r);
	if (r != DB_OK)
		*count = 0;
out:
	if (s) {
		for (int k = 0; k < MAX_TIERS; k++)
			free(s->hits[k].ids);
		free(s->ids_json);
	}
	free(ids);
	free(s);
	return r;
}
