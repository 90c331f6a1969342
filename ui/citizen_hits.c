/* citizen_hits.c — paged citizen search results (citizen_hits.h). */
#include "citizen_hits.h"

#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "citizens.h"
#include "i18n.h"

enum { PAGE = 60, PREFETCH = 5 };

bool citizen_hits_init(struct citizen_hits *h, struct app *app, int max)
{
	*h = (struct citizen_hits){ .app = app, .max = max };
	h->rows = calloc((size_t)max, sizeof *h->rows);
	return h->rows != NULL;
}

void citizen_hits_free(struct citizen_hits *h)
{
	free(h->rows);
	h->rows = NULL;
	h->count = 0;
}

static void fetch(struct citizen_hits *h, int offset)
{
	int want = offset + PAGE > h->max ? h->max - offset : PAGE;
	if (want <= 0) {
		h->more = false;
		return;
	}
	int got = 0;
	enum db_status r = citizens_search_by(&h->app->desk, h->query, h->order, offset, want, h->rows + offset, &got);
	if (r != DB_OK) {
		app_status_db(h->app, r);
		got = 0;
	}
	if (offset == 0)
		h->unread = r != DB_OK;
	h->count = offset + got;
	h->more = got == want;
}

void citizen_hits_search(struct citizen_hits *h, const char *typed)
{
	/* The same query again in another order is h->query itself: copied
	 * onto itself, snprintf left it empty and the list showed everyone. */
	if (typed != h->query)
		snprintf(h->query, sizeof h->query, "%s", typed ? typed : "");
	fetch(h, 0);
}

void citizen_hits_again(struct citizen_hits *h)
{
	int had = h->count;
	fetch(h, 0);
	while (h->more && h->count < had)
		fetch(h, h->count);
}

const char *citizen_hits_empty(const struct citizen_hits *h, const char *otherwise)
{
	/* Says it all by itself: the status line's message is gone at the
	 * next key, and moving the cursor does not search again. */
	return h->unread ? _("The citizens could not be read: the database may be damaged or busy. Try again, and "
			     "ask the coordinator if it goes on.")
			 : otherwise;
}

int citizen_hits_find(const struct citizen_hits *h, long long id)
{
	for (int i = 0; i < h->count; i++)
		if (h->rows[i].id == id)
			return i;
	return -1;
}

const struct citizen_hit *citizen_hits_row(struct citizen_hits *h, int i)
{
	if (i >= h->count - PREFETCH && h->more)
		fetch(h, h->count);
	return &h->rows[i];
}
