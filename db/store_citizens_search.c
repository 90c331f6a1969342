/* store_citizens_search.c — store_citizens_search (store_citizens.h): search as
 * you type over a centre's citizens, fast enough for every keystroke on a
 * hundred thousand of them. Read-only: one read transaction per call.
 */
#include "store_citizens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_util.h"

/*
 * Hits come in three tiers: 0) the folded name starts with the query,
 * 1) every query word starts a word of the name, 2) the rest of what the
 * FTS5 index matches (e-mail, town, phone, postcode). Within a tier, Danish
 * name order (sort_key, then name_fold and id for ties).
 *
 * Each tier can be large (a first letter matches a tenth of all citizens)
 * and the page is small. Tier 0 is a range of the citizens_name_fold index,
 * sorted. Tiers 1 and 2 are fetched the cheapest of these ways:
 * - join: the FTS5 hits joined to citizens and sorted; cost grows with
 *   the hits, each a table lookup;
 * - walk: down the covering index citizens_sort in Danish order, testing
 *   each row, stopping when the page is full; cost grows with the rows
 *   walked, about (offset + limit) * citizens / hits. Tier 1 tests the
 *   stored name_fold; tier 2 also needs FTS5 membership, either as a set
 *   built once from the hits or as a probe of the FTS5 index per row.
 * Counts from the FTS5 index (no table reads) choose. The costs per row
 * were measured on 100 000 demo citizens (tests/bench_citizens.c).
 */
enum {
	SEARCH_WORDS = 8,
	SEARCH_WORD = 64,
	SEARCH_TEXT = SEARCH_WORDS * SEARCH_WORD,
	SEARCH_MATCH = SEARCH_WORDS * (SEARCH_WORD * 2 + 8) + 32,
	SEARCH_SQL = 2048,
};

/* Relative cost per row: a walked index row 1 (0.14 us), a hit put in the
 * set 1, a hit joined and sorted 20, an FTS5 probe 400. */
enum search_plan { PLAN_JOIN, PLAN_WALK, PLAN_WALK_SET, PLAN_WALK_PROBE };
static const double COST_WALK = 1, COST_SET = 1, COST_JOIN = 20, COST_PROBE = 400;

struct search {
	char word[SEARCH_WORDS][SEARCH_WORD];
	int nwords;
	char lo[SEARCH_TEXT];    /* the words joined by single spaces */
	char hi[SEARCH_TEXT];    /* lo with its last byte raised: end of the prefix range */
	char match_all[SEARCH_MATCH];
	char match_name[SEARCH_MATCH];
	char name_words[SEARCH_SQL]; /* SQL: every word starts a word of name_fold */
	long long walk_cap;          /* most rows a probing walk may visit */
};

/* Splits the folded query into words of [a-z0-9]; anything else separates
 * (the caller folded it already, this only keeps the FTS5 syntax safe). */
static void search_words(struct search *s, const char *query)
{
	memset(s, 0, sizeof *s);
	size_t n = 0;
	for (const char *p = query;; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		bool word_char = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
		if (word_char && n + 1 < SEARCH_WORD) {
			s->word[s->nwords][n++] = ch;
			continue;
		}
		if (word_char)
			continue; /* too long: the prefix we have is enough */
		if (n > 0) {
			s->word[s->nwords][n] = '\0';
			n = 0;
			if (++s->nwords == SEARCH_WORDS)
				break;
		}
		if (!ch)
			break;
	}
}

/* Appends `"word"*`, doubling any quote, so no input is FTS5 syntax. */
static void append_token(char *out, size_t size, const char *word)
{
	size_t n = strlen(out);
	if (n + 1 < size)
		out[n++] = '"';
	for (const char *p = word; *p && n + 4 < size; p++) {
		if (*p == '"')
			out[n++] = '"';
		out[n++] = *p;
	}
	if (n + 3 < size) {
		out[n++] = '"';
		out[n++] = '*';
		out[n++] = ' ';
	}
	out[n < size ? n : size - 1] = '\0';
}

static void search_prepare(struct search *s)
{
	size_t used = 0;
	snprintf(s->match_name, sizeof s->match_name, "name : ( ");
	for (int i = 0; i < s->nwords; i++) {
		int n = snprintf(s->lo + used, sizeof s->lo - used, "%s%s", i ? " " : "", s->word[i]);
		if (n > 0 && (size_t)n < sizeof s->lo - used)
			used += (size_t)n;
		append_token(s->match_all, sizeof s->match_all, s->word[i]);
		append_token(s->match_name, sizeof s->match_name, s->word[i]);
	}
	size_t mn = strlen(s->match_name);
	if (mn + 1 < sizeof s->match_name)
		snprintf(s->match_name + mn, sizeof s->match_name - mn, ")");
	memcpy(s->hi, s->lo, sizeof s->hi);
	if (used > 0)
		s->hi[used - 1]++;

	used = 0;
	for (int i = 0; i < s->nwords; i++) {
		int n = snprintf(s->name_words + used, sizeof s->name_words - used,
				 "%sinstr(' ' || name_fold, ' ' || :w%d) > 0", i ? " AND " : "", i);
		if (n > 0 && (size_t)n < sizeof s->name_words - used)
			used += (size_t)n;
	}
}

enum { BIND_RANGE = 1, BIND_WORDS = 2, BIND_MATCH_ALL = 4, BIND_MATCH_NAME = 8, BIND_CAP = 16 };

static void search_bind(struct db_stmt *st, const struct search *s, int what)
{
	if (what & BIND_RANGE) {
		db_bind_text(st, ":lo", s->lo);
		db_bind_text(st, ":hi", s->hi);
	}
	if (what & BIND_WORDS) {
		for (int i = 0; i < s->nwords; i++) {
			char name[16];
			snprintf(name, sizeof name, ":w%d", i);
			db_bind_text(st, name, s->word[i]);
		}
	}
	if (what & BIND_MATCH_ALL)
		db_bind_text(st, ":match", s->match_all);
	if (what & BIND_MATCH_NAME)
		db_bind_text(st, ":match", s->match_name);
	if (what & BIND_CAP)
		db_bind_int(st, ":cap", s->walk_cap);
}

static enum db_status search_count(struct db *db, const struct search *s, const char *sql, int what,
				   long long *n)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	search_bind(st, s, what);
	*n = db_step(st) == DB_ROW ? db_column_int(st, 0) : 0;
	return db_finalize(st);
}

/* Appends up to `limit` ids from a query taking :off and :lim. */
static enum db_status search_collect(struct db *db, const struct search *s, const char *sql, int what,
				     long long skip, int limit, long long *ids, int *got)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	search_bind(st, s, what);
	db_bind_int(st, ":off", skip);
	db_bind_int(st, ":lim", limit - *got);
	while (*got < limit && db_step(st) == DB_ROW)
		ids[(*got)++] = db_column_int(st, 0);
	return db_finalize(st);
}

/* Walks `walk_sql` (ids in Danish order, at most :cap of them) and keeps
 * those the FTS5 index matches, one probe each: cheap when nearly every
 * row is a hit, and done here rather than as a correlated subquery so the
 * walk stops as soon as the page is full. */
static enum db_status search_probe_walk(struct db *db, const struct search *s, const char *walk_sql,
					long long skip, int limit, long long *ids, int *got)
{
	struct db_stmt *walk = NULL, *probe = NULL;
	enum db_status r = db_prepare(db, &walk, walk_sql);
	if (r != DB_OK)
		goto out;
	if ((r = db_prepare(db, &probe, "SELECT 1 FROM citizens_fts WHERE citizens_fts MATCH :match"
				       " AND rowid = :id")) != DB_OK)
		goto out;
	search_bind(walk, s, BIND_WORDS | BIND_CAP);
	while (*got < limit && db_step(walk) == DB_ROW) {
		long long id = db_column_int(walk, 0);
		db_reset(probe);
		search_bind(probe, s, BIND_MATCH_ALL);
		db_bind_int(probe, ":id", id);
		if (db_step(probe) != DB_ROW)
			continue;
		if (skip > 0)
			skip--;
		else
			ids[(*got)++] = id;
	}
out:
	if (walk) {
		enum db_status fin = db_finalize(walk);
		if (r == DB_OK)
			r = fin;
	}
	if (probe) {
		enum db_status fin = db_finalize(probe);
		if (r == DB_OK)
			r = fin;
	}
	return r;
}

#define IN_RANGE "(name_fold >= :lo AND name_fold < :hi)"
#define DANISH_ORDER " ORDER BY sort_key, name_fold, id"
#define PAGE " LIMIT :lim OFFSET :off"

/* The cheapest way to the next `limit` of `hits` rows after `skip`. A
 * tier that needs FTS5 membership cannot use the plain walk. */
static enum search_plan search_plan(long long hits, long long skip, int limit, long long citizens,
				    bool needs_fts, long long *walk_cap)
{
	if (hits <= 0)
		return PLAN_JOIN;
	double walked = (double)(skip + limit) * (double)citizens / (double)hits;
	/* Hits bunched late in the Danish order would make a probing walk
	 * long: it stops at four times the expected rows and the caller falls
	 * back to the set. */
	*walk_cap = (long long)(4 * walked) + 200;
	double join = (double)hits * COST_JOIN;
	if (!needs_fts)
		return walked * COST_WALK < join ? PLAN_WALK : PLAN_JOIN;
	double set = (double)hits * COST_SET + walked * COST_WALK;
	double probe = walked * (COST_PROBE + COST_WALK);
	if (join <= set && join <= probe)
		return PLAN_JOIN;
	return set <= probe ? PLAN_WALK_SET : PLAN_WALK_PROBE;
}

enum db_status store_citizens_search(struct db *db, const char *query, int offset, int limit,
			       struct citizen_hit *out, int *count)
{
	*count = 0;
	if (limit <= 0)
		return DB_OK;
	if (offset < 0)
		offset = 0;
	struct search *s = calloc(1, sizeof *s);
	long long *ids = calloc((size_t)limit, sizeof *ids);
	char *sql = malloc(SEARCH_SQL * 2);
	enum db_status r = DB_ERR_IO;
	struct db_stmt *st = NULL;
	int got = 0;
	if (!s || !ids || !sql)
		goto out;
	search_words(s, query ? query : "");

	/* One read transaction: the counts and pages agree with each other. */
	if ((r = db_begin_read(db)) != DB_OK)
		goto out;
	if (s->nwords == 0) {
		/* Anonymised citizens have no sort key: search leaves them out. */
		r = search_collect(db, s, "SELECT id FROM citizens INDEXED BY citizens_sort WHERE sort_key IS NOT NULL"
				   DANISH_ORDER PAGE, 0, offset, limit, ids, &got);
		goto details;
	}
	search_prepare(s);

	/* Tier 0: the name starts with the query. */
	long long skip = offset, n0 = 0;
	if ((r = search_collect(db, s, "SELECT id FROM citizens INDEXED BY citizens_name_fold WHERE " IN_RANGE
				DANISH_ORDER PAGE, BIND_RANGE, skip, limit, ids, &got)) != DB_OK)
		goto details;
	if (got == limit)
		goto details;
	if (got > 0 || skip == 0)
		n0 = skip + got;
	else if ((r = search_count(db, s, "SELECT count(*) FROM citizens INDEXED BY citizens_name_fold WHERE "
				   IN_RANGE, BIND_RANGE, &n0)) != DB_OK)
		goto details;
	skip = offset + got > n0 ? offset + got - n0 : 0;

	long long citizens = 0, n01 = 0, all = 0;
	if ((r = db_query_int(db, "SELECT max(id) FROM citizens", &citizens)) != DB_OK)
		goto details;
	if ((r = search_count(db, s, "SELECT count(*) FROM citizens_fts WHERE citizens_fts MATCH :match",
			      BIND_MATCH_NAME, &n01)) != DB_OK)
		goto details;

	/* Tier 1: every word starts a word of the name. */
	long long n1 = n01 - n0;
	if (n1 > 0 && skip < n1) {
		int what = BIND_RANGE | BIND_WORDS;
		if (search_plan(n1, skip, limit - got, citizens, false, &s->walk_cap) == PLAN_WALK) {
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens INDEXED BY citizens_sort WHERE %s AND NOT " IN_RANGE
				 DANISH_ORDER PAGE, s->name_words);
		} else {
			what = BIND_RANGE | BIND_MATCH_NAME;
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens_fts CROSS JOIN citizens ON citizens.id = citizens_fts.rowid"
				 " WHERE citizens_fts MATCH :match AND NOT " IN_RANGE DANISH_ORDER PAGE);
		}
		int before = got;
		if ((r = search_collect(db, s, sql, what, skip, limit, ids, &got)) != DB_OK)
			goto details;
		skip += got - before;
	}
	if (got == limit)
		goto details;
	skip = skip > n1 ? skip - n1 : 0;

	/* Tier 2: the rest, found in e-mail, town, phone or postcode. */
	if ((r = search_count(db, s, "SELECT count(*) FROM citizens_fts WHERE citizens_fts MATCH :match",
			      BIND_MATCH_ALL, &all)) != DB_OK)
		goto details;
	long long n2 = all - n01;
	if (n2 > 0 && skip < n2) {
		enum search_plan plan = search_plan(n2, skip, limit - got, citizens, true, &s->walk_cap);
		if (plan == PLAN_WALK_PROBE) {
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens INDEXED BY citizens_sort WHERE NOT (%s)"
				 DANISH_ORDER " LIMIT :cap", s->name_words);
			int before = got;
			if ((r = search_probe_walk(db, s, sql, skip, limit, ids, &got)) != DB_OK || got == limit)
				goto details;
			got = before; /* the walk may have stopped short: use the set */
			plan = PLAN_WALK_SET;
		}
		if (plan == PLAN_WALK_SET)
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens INDEXED BY citizens_sort WHERE NOT (%s)"
				 " AND id IN (SELECT rowid FROM citizens_fts WHERE citizens_fts MATCH :match)"
				 DANISH_ORDER PAGE, s->name_words);
		else
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens_fts CROSS JOIN citizens ON citizens.id = citizens_fts.rowid"
				 " WHERE citizens_fts MATCH :match AND NOT (%s)" DANISH_ORDER PAGE, s->name_words);
		r = search_collect(db, s, sql, BIND_WORDS | BIND_MATCH_ALL, skip, limit, ids, &got);
	}

details:
	if (r == DB_OK && got > 0) {
		if ((r = db_prepare(db, &st,
				"SELECT id, name, phone, postcode, town, email, status FROM citizens"
				" WHERE id = :id")) != DB_OK)
			goto end;
		for (int i = 0; i < got; i++) {
			db_reset(st);
			db_bind_int(st, ":id", ids[i]);
			if (db_step(st) != DB_ROW)
				continue;
			struct citizen_hit *h = &out[*count];
			h->id = db_column_int(st, 0);
			STORE_COL(h->name, st, 1);
			STORE_COL(h->phone, st, 2);
			STORE_COL(h->postcode, st, 3);
			STORE_COL(h->town, st, 4);
			STORE_COL(h->email, st, 5);
			STORE_COL(h->status, st, 6);
			(*count)++;
		}
		r = db_finalize(st);
	}
end:
	r = db_end(db, r);
	if (r != DB_OK)
		*count = 0;
out:
	free(sql);
	free(ids);
	free(s);
	return r;
}
