/* store_citizens_tiers.c — the tiers of a search (store_citizens_tiers.h):
 * what each tests, where its rows come from, and the parameters the
 * statements bind; store_citizens_search.c runs them. */
#include "store_citizens_tiers.h"

#include <stdio.h>
#include <string.h>

#include "store_util.h"

/* The texts whose words a tier tests, each with a space before every
 * word; on PostgreSQL each is the expression of a trigram index. */
#define KEYS_WORDS "' ' || name_keys"
#define FOLD_WORDS "' ' || name_fold"
#define ALL_WORDS "' ' || name_fold || ' ' || COALESCE(search_other, '')"

/* Splits `text` at spaces into at most SEARCH_WORDS words of `width`. */
static int split(const char *text, char *words, size_t width)
{
	int n = 0;
	for (const char *p = text; *p && n < SEARCH_WORDS;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		if (len >= width)
			len = width - 1;
		memcpy(words + (size_t)n * width, p, len);
		words[(size_t)n * width + len] = '\0';
		n++;
		p += strcspn(p, " ");
	}
	return n;
}

/* Only [a-z0-9] is kept of a word that goes into a full-text query, so
 * nothing typed can be its syntax. */
static void clean_word(char *w)
{
	char *out = w;
	for (const char *p = w; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			*out++ = *p;
	*out = '\0';
}

/* `text` raised by one at its last byte: the end of the range of strings
 * that start with it (every key and fold is ASCII below '~'). */
static void range_end(const char *text, char *out, size_t size)
{
	snprintf(out, size, "%s", text);
	size_t n = strlen(out);
	if (n > 0)
		out[n - 1]++;
}

/* "{columns} : ( "w0"* "w1"* ... )" for n words `width` bytes apart. */
static void match_words(char *out, size_t size, const char *columns, const char *words, size_t width, int n)
{
	struct store_sql b = store_sql_on(out, size);
	store_sql_add(&b, "%s : (", columns);
	for (int i = 0; i < n; i++)
		if (words[(size_t)i * width])
			store_sql_add(&b, " \"%s\"*", words + (size_t)i * width);
	store_sql_add(&b, " )");
}

/* A tier whose test is a range of `index`. */
static void set_range(struct tier *t, const char *index, const char *range)
{
	snprintf(t->test, sizeof t->test, "%s", range);
	snprintf(t->range, sizeof t->range, "%s", range);
	t->index = index;
}

/* "`text` holds `param` at the start of one of its words", for n words.
 * On SQLite two GLOBs of the bare `column` (`text` is it with a space
 * before each word): a walk tests every row it meets, and building
 * ' ' || column for each row and searching it with instr cost more than
 * the walk itself (at 300,000 citizens, a walk of 3,700 rows: 0.62 ms
 * with instr, 0.48 ms with GLOB, 0.15 ms for the walk alone). GLOB, like
 * instr, tells case apart. On PostgreSQL a LIKE of exactly the
 * expression a trigram index of schema_pg.c (migration 18) holds, which
 * that index serves. A word holds only [a-z0-9]: nothing in it is a
 * wildcard of either. */
static void add_words_test(const struct search *s, char *out, size_t size, const char *text, const char *column,
			   const char *param, int n)
{
	struct store_sql b = store_sql_on(out, size);
	for (int i = 0; i < n; i++) {
		if (s->pg || !column)
			store_sql_add(&b, "%s(%s) LIKE ('%% ' || :%s%d || '%%')", i ? " AND " : "", text, param, i);
		else
			store_sql_add(&b, "%s(%s GLOB :%s%d || '*' OR %s GLOB '* ' || :%s%d || '*')", i ? " AND " : "",
				      column, param, i, column, param, i);
	}
}

static struct tier *add_tier(struct search *s)
{
	struct tier *t = &s->tier[s->ntiers++];
	memset(t, 0, sizeof *t);
	return t;
}

static void name_tiers(struct search *s, const struct citizen_query *q)
{
	struct search_params *p = &s->p;
	int ntyped = split(q->word_keys, &p->t[0][0], CIT_KEY);
	int nfolded = split(q->folded, &p->w[0][0], CIT_QUERY);
	for (int i = 0; i < nfolded; i++)
		clean_word(p->w[i]);
	for (int i = 0; i < ntyped; i++)
		clean_word(p->t[i]);

	if (q->key[0] && ntyped > 0) {
		/* The name starts with what was typed, as typed: a range of the
		 * list-order index itself. */
		snprintf(p->k0, sizeof p->k0, "%s", q->key);
		range_end(q->key, p->k1, sizeof p->k1);
		struct tier *t = add_tier(s);
		snprintf(t->test, sizeof t->test, "(%s >= :k0 AND %s < :k1)", s->key_column, s->key_column);
		t->covered = t->ordered = true;
	}
	if (ntyped > 0) {
		struct tier *t = add_tier(s);
		add_words_test(s, t->test, sizeof t->test, KEYS_WORDS, "name_keys", "t", ntyped);
		t->covered = true;
		t->fts = "citizens_fts";
		t->m = s->ntiers - 1;
		match_words(p->m[t->m], sizeof p->m[t->m], "name_keys", &p->t[0][0], CIT_KEY, ntyped);
		/* What starts a word the key starts with is tier 0's; the
		 * words tables leave such words out (schema_v20.c). */
		if (ntyped == 1 && p->t[0][0] && strcmp(q->key, p->t[0]) == 0) {
			t->words = ":wp";
			t->words_tested = strlen(p->t[0]) > WORD_PREFIX;
			snprintf(p->wp, sizeof p->wp, "%.*s", WORD_PREFIX, p->t[0]);
		}
	}
	if (nfolded > 0) {
		snprintf(p->lo, sizeof p->lo, "%s", q->folded);
		range_end(q->folded, p->hi, sizeof p->hi);
		struct tier *t = add_tier(s);
		set_range(t, "citizens_name_fold", "(name_fold >= :lo AND name_fold < :hi)");
		t->covered = true;

		t = add_tier(s);
		add_words_test(s, t->test, sizeof t->test, FOLD_WORDS, "name_fold", "w", nfolded);
		t->covered = true;
		t->fts = "citizens_fts";
		t->m = s->ntiers - 1;
		match_words(p->m[t->m], sizeof p->m[t->m], "name_fold", &p->w[0][0], CIT_QUERY, nfolded);
		/* Likewise the folded name's range, the tier before. */
		if (nfolded == 1 && p->w[0][0] && strcmp(p->lo, p->w[0]) == 0) {
			t->words = ":fp";
			t->words_tested = strlen(p->w[0]) > FOLD_PREFIX;
			snprintf(p->fp, sizeof p->fp, "~%.*s", FOLD_PREFIX, p->w[0]);
		}

		/* Folded text is words of [a-z0-9] and single spaces, split
		 * so by the full-text index too: every word the folded name
		 * has, the next tier's columns have. */
		t->within_last = true;

		t = add_tier(s);
		t->fts = "citizens_fts";
		t->m = s->ntiers - 1;
		match_words(p->m[t->m], sizeof p->m[t->m], "{name_fold search_other}", &p->w[0][0], CIT_QUERY, nfolded);
	}
}

static void phone_tiers(struct search *s, const struct citizen_query *q)
{
	struct search_params *p = &s->p;
	snprintf(p->dlo, sizeof p->dlo, "%s", q->digits);
	clean_word(p->dlo);
	range_end(p->dlo, p->dhi, sizeof p->dhi);
	size_t len = strlen(p->dlo);
	if (!len)
		return;

	/* Phone numbers and postcodes that start with the digits are ranges
	 * of their own indexes: shown in the order of the number, they are
	 * read in order and stop when the page is full, at any size. */
	struct tier *t = add_tier(s);
	set_range(t, "citizens_phone", "(phone_digits >= :dlo AND phone_digits < :dhi)");
	t->ordered = true;
	t->own_index = "citizens_phone";
	t->own_order = "phone_digits, id";
	if (len <= 4) {
		t = add_tier(s);
		set_range(t, "citizens_postcode", "(postcode >= :dlo AND postcode < :dhi)");
		t->ordered = true;
		t->own_index = "citizens_postcode";
		t->own_order = "postcode, id";
	}
	if (len >= 3) {
		/* Three digits make a trigram: fewer match everyone anyway. */
		t = add_tier(s);
		snprintf(t->test, sizeof t->test, s->pg ? "phone_digits LIKE ('%%' || :dlo || '%%')"
			 : "instr(phone_digits, :dlo) > 0");
		/* The list-order indexes hold the digits (migration 23). */
		t->covered = !s->pg;
		t->fts = "citizens_phone_fts";
		t->m = s->ntiers - 1;
		snprintf(p->m[t->m], sizeof p->m[t->m], "\"%s\"", p->dlo);
	}
	t = add_tier(s);
	t->fts = "citizens_fts";
	t->m = s->ntiers - 1;
	match_words(p->m[t->m], sizeof p->m[t->m], "{name_fold search_other}", p->dlo, sizeof p->dlo, 1);
}

/* PostgreSQL has no full-text tables: a full-text tier becomes a test
 * of the same words as prefixes of the words of its columns, which the
 * trigram index on ALL_WORDS serves (schema_pg.c, migration 18). */
static void without_fts(struct search *s, const struct citizen_query *q)
{
	for (int k = 0; k < s->ntiers; k++) {
		struct tier *t = &s->tier[k];
		if (!t->fts)
			continue;
		if (!t->test[0] && q->digits[0]) {
			snprintf(t->test, sizeof t->test, "(%s) LIKE ('%% ' || :dlo || '%%')", ALL_WORDS);
		} else if (!t->test[0]) {
			int n = 0;
			while (n < SEARCH_WORDS && s->p.w[n][0])
				n++;
			add_words_test(s, t->test, sizeof t->test, ALL_WORDS, NULL, "w", n);
		}
		snprintf(t->range, sizeof t->range, "%s", t->test);
		t->index = s->order_index;
		t->fts = NULL;
	}
}

void store_citizens_tiers(struct db *db, struct search *s, const struct citizen_query *q)
{
	memset(s, 0, sizeof *s);
	s->pg = db_engine(db) != DB_ENGINE_SQLITE;
	if (q->order == CITIZEN_ORDER_FAMILY) {
		s->key_column = "family_key";
		s->order_index = "citizens_family";
		s->order_by = "family_key, name_fold, name_keys, id";
		s->words_table = "citizen_words_family";
	} else {
		s->key_column = "sort_key";
		s->order_index = "citizens_sort";
		s->order_by = "sort_key, name_fold, name_keys, id";
		s->words_table = "citizen_words_name";
	}
	if (q->digits[0])
		phone_tiers(s, q);
	else
		name_tiers(s, q);
	if (s->pg)
		without_fts(s, q);
}
