/* store_citizens_tiers.h — inside db/: the search's plan, made from the
 * query (store_citizens_tiers.c) and run (store_citizens_search.c). */
#ifndef BB_STORE_CITIZENS_TIERS_H
#define BB_STORE_CITIZENS_TIERS_H

#include <stdbool.h>

#include "db.h"
#include "model_citizen.h"

enum {
	SEARCH_WORDS = 8,
	SEARCH_SQL = 4096,
	SEARCH_MATCH = 2048,
	MAX_TIERS = 5,
	/* The longest prefixes of a word the words tables hold: eight
	 * weights of four hex digits, five folded characters (schema_v20.c). */
	WORD_PREFIX = 8 * 4,
	FOLD_PREFIX = 5,
};

/* Parameters a statement may name; each is bound when its SQL names it. */
struct search_params {
	char k0[CIT_KEY + 2], k1[CIT_KEY + 2];   /* the typed key and its end */
	char t[SEARCH_WORDS][CIT_KEY];           /* typed words' keys */
	char wp[WORD_PREFIX + 1];                /* the typed word's prefix in the words tables */
	char fp[FOLD_PREFIX + 2];                /* '~' and the folded word's (schema_v20.c) */
	char lo[CIT_QUERY], hi[CIT_QUERY];       /* the folded text and its end */
	char w[SEARCH_WORDS][CIT_QUERY];         /* folded words */
	char dlo[CIT_SHORT], dhi[CIT_SHORT];     /* digits and their end */
	char m[MAX_TIERS][SEARCH_MATCH];         /* full-text queries by tier */
	long long cap;
};

struct tier {
	char test[SEARCH_SQL / 2];   /* SQL true for the tier's rows; "" for none */
	bool covered;                /* the list-order index holds what the test reads */
	bool ordered;                /* the test is a range of the list-order index */
	/* One word typed: read from the order's words table (schema_v20.c)
	 * with this prefix parameter; a word longer than its prefixes is
	 * tested too. */
	const char *words;
	bool words_tested;
	/* Ordered in an index of its own instead (digits: the phone
	 * numbers in their order, as the desk types one). */
	const char *own_index, *own_order;
	/* The source: an index range (`index` + `range`), or a full-text
	 * table queried with :m<n>. */
	const char *index;
	char range[SEARCH_SQL / 4];
	const char *fts;
	int m;                       /* which :m the full-text query is */
	/* Every row of the tier is one of the last tier's full-text hits
	 * (the folded name's words are words of the name and the other
	 * fields): when those are few, the tier is read from them, tested
	 * by its own test, and its own full-text query is not run. */
	bool within_last;
};

/* A tier's hits (full-text or an index range), as read by its count (at
 * most `cap`). */
struct tier_hits {
	long long *ids;
	long long n, cap;
	bool read;                   /* n and ids are the query's, up to cap */
};

struct search {
	struct search_params p;
	struct tier tier[MAX_TIERS];
	int ntiers;
	const char *key_column;      /* sort_key or family_key */
	const char *order_index;
	const char *order_by;
	const char *words_table;     /* citizen_words_name or _family */
	long long citizens;          /* max(id): the rows a walk may meet */
	struct tier_hits hits[MAX_TIERS];
	char *ids_json;              /* :ids, the hits a statement reads */
	bool from_top;               /* the page starts at the first row */
	bool pg;                     /* PostgreSQL: no full-text tables */
};

/* The tiers of query `q`, their tests, sources and parameters, in the
 * list order `q` asks for. */
void store_citizens_tiers(struct db *db, struct search *s, const struct citizen_query *q);

#endif
