/* citizen_hits.h — the rows of a citizen search as you type, for the
 * citizens screen and walk-ins. Each key asks the database only for the
 * first page, so typing stays quick on a large centre; the rest is
 * fetched a page at a time as the list scrolls towards it. */
#ifndef BB_CITIZEN_HITS_H
#define BB_CITIZEN_HITS_H

#include <stdbool.h>

#include "model_citizen.h"

struct app;

struct citizen_hits {
	struct app *app;
	struct citizen_hit *rows;
	int count;             /* fetched so far */
	int max;               /* room in rows: a search never shows more */
	bool more;             /* the last fetch was full: there may be more */
	char query[256];       /* as typed */
	enum citizen_order order; /* by first name (the start) or family name */
	bool unread;           /* the last search failed: no rows, and none known */
};

/* False when out of memory. */
bool citizen_hits_init(struct citizen_hits *h, struct app *app, int max);
void citizen_hits_free(struct citizen_hits *h);
/* Searches for what is typed ("" finds everyone) and fetches the first
 * page; a database error goes to the status line and leaves no rows. */
void citizen_hits_search(struct citizen_hits *h, const char *typed);
/* The same search again, as far down as it was fetched, after another
 * desk changed something: a scrolled list keeps its place. */
void citizen_hits_again(struct citizen_hits *h);
/* What an empty list says: `otherwise`, or, when the search failed,
 * that the citizens could not be read (not that there are none: a
 * volunteer would register someone anew). */
const char *citizen_hits_empty(const struct citizen_hits *h, const char *otherwise);
/* The row of citizen `id` among those fetched, or -1. */
int citizen_hits_find(const struct citizen_hits *h, long long id);
/* Row i (below count), fetching the next page first when i is near the
 * end of what is fetched. */
const struct citizen_hit *citizen_hits_row(struct citizen_hits *h, int i);

#endif
