/* exchange_import_picks.c — the interests and barriers an import names:
 * found on the centre's pick-lists by folded name, or new ones made in
 * the second pass and named in the report (exchange_import_internal.h). */
#include "exchange_import_internal.h"

#include <stdlib.h>
#include <string.h>

#include "citizen_rules.h"
#include "exchange_rules.h"
#include "field_rules.h"
#include "fold.h"
#include "i18n.h"
#include "model_limits.h"
#include "store_citizens.h"
#include "strbuf.h"

/* ---------- pick-lists ---------- */

enum db_status import_cache_add(void *ctx, long long id, const char *name)
{
	struct pick_cache *c = ctx;
	if (c->n == c->cap) {
		int cap = c->cap ? c->cap * 2 : 32;
		struct pick_entry *e = realloc(c->e, (size_t)cap * sizeof *e);
		if (!e)
			return DB_ERR_IO;
		c->e = e;
		c->cap = cap;
	}
	char folded[CIT_TOWN];
	fold_search(name, folded, sizeof folded);
	struct pick_entry *e = &c->e[c->n];
	*e = (struct pick_entry){ .folded = strdup(folded), .name = strdup(name), .id = id };
	if (!e->folded || !e->name) {
		free(e->folded);
		free(e->name);
		return DB_ERR_IO;
	}
	c->n++;
	return DB_OK;
}

void import_cache_free(struct pick_cache *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->e[i].folded);
		free(c->e[i].name);
	}
	free(c->e);
	memset(c, 0, sizeof *c);
}

/* The entry `name` means; a new one is added to the cache (id 0). */
static struct pick_entry *cache_find(struct pick_cache *c, const char *name)
{
	char folded[CIT_TOWN];
	fold_search(name, folded, sizeof folded);
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->e[i].folded, folded) == 0)
			return &c->e[i];
	if (import_cache_add(c, 0, name) != DB_OK)
		return NULL;
	c->e[c->n - 1].is_new = true;
	return &c->e[c->n - 1];
}

/* Makes the entries the file brought, and says which in the report. */
enum db_status import_cache_create(struct import_job *j, struct pick_cache *c)
{
	enum db_status r = DB_OK;
	for (int i = 0; i < c->n && r == DB_OK; i++) {
		if (!c->e[i].is_new || c->e[i].id)
			continue;
		r = store_picklist_insert(j->d->db, c->which, c->e[i].name, &c->e[i].id);
		if (r == DB_OK)
			r = desk_audit(j->d, "create", c->which, c->e[i].id, "import");
	}
	return r;
}

void import_list_new_picks(struct import_job *j)
{
	struct strbuf b = strbuf_on(j->rep->new_picks, sizeof j->rep->new_picks);
	const struct pick_cache *caches[] = { &j->interests, &j->barriers };
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < caches[k]->n; i++)
			if (caches[k]->e[i].is_new)
				strbuf_item(&b, ", ", caches[k]->e[i].name);
}

/* ---------- lists in a cell ---------- */

struct pick_list {
	struct import_job *j;
	int id;
	struct pick_cache *cache;
	long long *ids;
	int *n;
};

static bool one_pick(void *ctx, const char *item)
{
	struct pick_list *l = ctx;
	if (!citizen_rule_pick_name_ok(item)) {
		const char *why = field_rule_no_cpr(item);
		import_problem(l->j, l->id, "'%s': %s", item,
			why ? why : P_("At most %zu character.", "At most %zu characters.", (size_t)PICK_CHARS));
		return true;
	}
	if (*l->n >= CIT_MAX_PICKS) {
		import_problem(l->j, l->id, _("At most %d in one cell."), CIT_MAX_PICKS);
		return false;
	}
	struct pick_entry *e = cache_find(l->cache, item);
	if (!e)
		return false;
	for (int i = 0; i < *l->n; i++)
		if (l->ids[i] == e->id && e->id)
			return true;
	l->ids[(*l->n)++] = e->id;
	return true;
}

void import_picks(struct import_job *j, int id, struct pick_cache *cache, long long *ids, int *n)
{
	*n = 0;
	if (!import_has(j, id))
		return;
	struct pick_list l = { .j = j, .id = id, .cache = cache, .ids = ids, .n = n };
	exchange_rule_list(csv_unprotect(csv_cell(&j->reader, j->where[id] - 1)), one_pick, &l);
}
