/* store_matching.c — the waiting list, the facts behind a match's score,
 * confirming and ending matches, a volunteer's current citizens and a
 * citizen's wishes. The scoring itself is src/match.c.
 */
#include "store_matching.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_util.h"
#include "store_waiting.h"

static int postcode_number(const char *text)
{
	int n = 0;
	for (int i = 0; i < 4; i++) {
		if (text[i] < '0' || text[i] > '9')
			return 0;
		n = n * 10 + (text[i] - '0');
	}
	return text[4] == '\0' ? n : 0;
}

/* ---------- the waiting list ---------- */

enum db_status store_matching_waiting(struct db *db, int offset, int limit, struct waiting_citizen *out, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT c.id, c.name, COALESCE(c.phone, ''), COALESCE(c.postcode, ''), COALESCE(c.town, ''),"
		" " LATEST_OUTCOME ", " WAITING_SINCE ", " STORE_APART("c")
		WAITING_FROM WAITING_ORDER " LIMIT :limit OFFSET :offset");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":limit", limit);
	db_bind_int(st, ":offset", offset);
	while (*count < limit && db_step(st) == DB_ROW) {
		struct waiting_citizen *w = &out[*count];
		memset(w, 0, sizeof *w);
		w->id = db_column_int(st, 0);
		STORE_COL(w->name, st, 1);
		STORE_COL(w->phone, st, 2);
		STORE_COL(w->postcode, st, 3);
		STORE_COL(w->town, st, 4);
		STORE_COL(w->assessment, st, 5);
		STORE_COL(w->waiting_since, st, 6);
		store_read_apart(st, 7, &w->apart);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_matching_waiting_count(struct db *db, long long *count)
{
	/* One past what the screen shows (COUNT_SHOWN_MAX): a count of
	 * everyone waiting would read them all. */
	return db_query_int(db, "SELECT count(*) FROM (SELECT 1" WAITING_FROM " LIMIT " STORE_COUNT_CAP ")", count);
}

/* ---------- facts for the score ---------- */

static bool has_id(const long long *ids, int n, long long id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* Runs `sql` and hands each row to `row`. `param` (may be NULL) names
 * the one integer parameter the statement has, bound to `value`. */
static enum db_status each_row(struct db *db, const char *sql, const char *param, long long value,
			       void (*row)(struct db_stmt *st, void *ctx), void *ctx)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	if (param)
		db_bind_int(st, param, value);
	while (db_step(st) == DB_ROW)
		row(st, ctx);
	return db_finalize(st);
}

static void citizen_interest(struct db_stmt *st, void *ctx)
{
	struct match_citizen_facts *c = ctx;
	if (c->ninterests < MATCH_PICKS)
		c->interests[c->ninterests++] = db_column_int(st, 0);
}

static void citizen_barrier(struct db_stmt *st, void *ctx)
{
	struct match_citizen_facts *c = ctx;
	if (c->nbarriers < MATCH_PICKS)
		c->barriers[c->nbarriers++] = db_column_int(st, 0);
}

static void citizen_slot(struct db_stmt *st, void *ctx)
{
	struct match_citizen_facts *c = ctx;
	c->availability |= store_slot_bit((int)db_column_int(st, 0), db_column_text(st, 1));
}

static void add_link(long long *ids, int *n, long long id)
{
	if (id && *n < MATCH_LINKS && !has_id(ids, *n, id))
		ids[(*n)++] = id;
}

/* Rows: volunteer, activity, and 1 for a match that did not work. */
static void citizen_link(struct db_stmt *st, void *ctx)
{
	struct match_citizen_facts *c = ctx;
	long long volunteer = db_column_int(st, 0), activity = db_column_int(st, 1);
	if (db_column_int(st, 2)) {
		add_link(c->tried_volunteers, &c->ntried_volunteers, volunteer);
		add_link(c->tried_activities, &c->ntried_activities, activity);
		return;
	}
	add_link(c->matched_volunteers, &c->nmatched_volunteers, volunteer);
	add_link(c->enrolled_activities, &c->nenrolled, activity);
}

enum db_status store_matching_citizen_facts(struct db *db, long long citizen_id, struct match_citizen_facts *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT c.id, c.name, c.status = 'active', COALESCE(a.outcome, ''), COALESCE(c.birth_year, 0),"
		" COALESCE(c.postcode, ''), COALESCE(c.gender, ''), COALESCE(c.language, ''),"
		" COALESCE(c.language, ''), COALESCE(c.pref_volunteer_gender, ''),"
		" COALESCE(c.pref_volunteer_age, ''), c.pref_lived_experience,"
		" EXISTS (SELECT 1 FROM citizens AS x WHERE x.name_fold = c.name_fold AND x.id <> c.id),"
		" COALESCE(c.waiting_since, '')"
		" FROM citizens AS c"
		" LEFT JOIN assessments AS a ON a.id = (SELECT x.id FROM assessments AS x"
		"   WHERE x.citizen_id = c.id ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1)"
		" WHERE c.id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", citizen_id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		out->id = db_column_int(st, 0);
		STORE_COL(out->name, st, 1);
		out->active = db_column_int(st, 2) != 0;
		STORE_COL(out->assessment, st, 3);
		out->birth_year = (int)db_column_int(st, 4);
		out->postcode = postcode_number(db_column_text(st, 5));
		STORE_COL(out->gender, st, 6);
		STORE_COL(out->language, st, 7);
		STORE_COL(out->language_label, st, 8);
		STORE_COL(out->pref_gender, st, 9);
		STORE_COL(out->pref_age, st, 10);
		out->pref_lived_experience = db_column_int(st, 11) != 0;
		out->namesake = db_column_int(st, 12) != 0;
		STORE_COL(out->waiting_since, st, 13);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	if (step != DB_ROW)
		return DB_ERR_NOTFOUND;
	if ((r = each_row(db, "SELECT interest_id FROM citizen_interests WHERE citizen_id = :id"
			      " ORDER BY interest_id", ":id", citizen_id, citizen_interest, out)) != DB_OK)
		return r;
	if ((r = each_row(db, "SELECT barrier_id FROM citizen_barriers WHERE citizen_id = :id ORDER BY barrier_id",
			  ":id", citizen_id, citizen_barrier, out)) != DB_OK)
		return r;
	if ((r = each_row(db, "SELECT weekday, part FROM citizen_availability WHERE citizen_id = :id",
			  ":id", citizen_id, citizen_slot, out)) != DB_OK)
		return r;
	return each_row(db,
		"SELECT volunteer_id, NULL, 0 FROM matches WHERE citizen_id = :id AND ended_on IS NULL"
		" UNION ALL SELECT NULL, activity_id, 0 FROM enrolments WHERE citizen_id = :id AND ended_on IS NULL"
		" UNION ALL SELECT volunteer_id, activity_id, 1 FROM matches"
		"  WHERE citizen_id = :id AND outcome = 'did_not_work'",
		":id", citizen_id, citizen_link, out);
}

enum db_status store_matching_waiting_facts(struct db *db, int max, struct match_citizen_facts *out, int *count)
{
	*count = 0;
	if (max <= 0)
		return DB_OK;
	long long *ids = calloc((size_t)max, sizeof *ids);
	if (!ids)
		return DB_ERR_IO;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT c.id" WAITING_FROM WAITING_ORDER " LIMIT :limit");
	int n = 0;
	if (r == DB_OK) {
		db_bind_int(st, ":limit", max);
		while (n < max && db_step(st) == DB_ROW)
			ids[n++] = db_column_int(st, 0);
		r = db_finalize(st);
	}
	for (int i = 0; i < n && r == DB_OK; i++)
		r = store_matching_citizen_facts(db, ids[i], &out[i]);
	free(ids);
	*count = r == DB_OK ? n : 0;
	return r;
}

/* ---------- the pool of volunteers and activities ---------- */

/* The kept rows are put in id order once read (store_matching_pool_load),
 * so a row's owner is found by halving. */
static int find_volunteer(const struct match_pool *p, long long id)
{
	int lo = 0, hi = p->nvolunteers - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (p->volunteers[mid].id == id)
			return mid;
		if (p->volunteers[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int find_activity(const struct match_pool *p, long long id)
{
	int lo = 0, hi = p->nactivities - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (p->activities[mid].id == id)
			return mid;
		if (p->activities[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* `items` (n used of *size, `width` bytes each) with room for one more:
 * the same or a larger block, NULL when memory is short. */
static void *room_for_one(void *items, int n, int *size, size_t width)
{
	if (n < *size)
		return items;
	int more = *size ? *size * 2 : 64;
	void *grown = realloc(items, (size_t)more * width);
	if (grown)
		*size = more;
	return grown;
}

/* What the row callbacks fill: the pool, which to keep whole, and the
 * room each list has. */
struct pool_read {
	struct match_pool *pool;
	const struct match_pool_keep *keep;
	int room_open, room_closed;
	bool short_of_memory;
};

static void keep_closed(struct pool_read *pr, struct match_closed **list, int *n, long long id, const char *status,
			int capacity, int load)
{
	struct match_closed *grown = room_for_one(*list, *n, &pr->room_closed, sizeof **list);
	if (!grown) {
		pr->short_of_memory = true;
		return;
	}
	*list = grown;
	struct match_closed *x = &(*list)[(*n)++];
	*x = (struct match_closed){ .id = id, .capacity = capacity, .load = load };
	snprintf(x->status, sizeof x->status, "%s", status);
}

/* First the few columns that say whether a volunteer is kept whole:
 * the rest of a kept one's row is read after (pool_volunteer_more). */
static void pool_volunteer_row(struct db_stmt *st, void *ctx)
{
	struct pool_read *pr = ctx;
	struct match_pool *p = pr->pool;
	struct match_volunteer_facts v = { .id = db_column_int(st, 0) };
	STORE_COL(v.status, st, 1);
	v.capacity = (int)db_column_int(st, 2);
	v.load = (int)db_column_int(st, 3);
	if (pr->keep && pr->keep->volunteer && !pr->keep->volunteer(&v)) {
		keep_closed(pr, &p->closed_volunteers, &p->nclosed_volunteers, v.id, v.status, v.capacity, v.load);
		return;
	}
	struct match_volunteer_facts *grown = room_for_one(p->volunteers, p->nvolunteers, &pr->room_open, sizeof *grown);
	if (!grown) {
		pr->short_of_memory = true;
		return;
	}
	p->volunteers = grown;
	p->volunteers[p->nvolunteers++] = v;
}

static void pool_volunteer_more(struct db_stmt *st, void *ctx)
{
	struct match_pool *p = ctx;
	int i = find_volunteer(p, db_column_int(st, 0));
	if (i < 0)
		return;
	struct match_volunteer_facts *v = &p->volunteers[i];
	STORE_COL(v->name, st, 1);
	STORE_COL(v->sort_key, st, 2);
	STORE_COL(v->gender, st, 3);
	v->birth_year = (int)db_column_int(st, 4);
	v->lived_experience = db_column_int(st, 5) != 0;
	v->postcode = postcode_number(db_column_text(st, 6));
}

static void pool_volunteer_set(struct db_stmt *st, void *ctx)
{
	struct match_pool *p = ctx;
	int i = find_volunteer(p, db_column_int(st, 0));
	if (i < 0)
		return;
	struct match_volunteer_facts *v = &p->volunteers[i];
	const char *kind = db_column_text(st, 1);
	switch (kind[0]) {
	case 'i': /* interest */
		if (v->ninterests < MATCH_PICKS)
			v->interests[v->ninterests++] = db_column_int(st, 2);
		break;
	case 'a': /* area */
		if (v->nareas < MATCH_AREAS)
			v->areas[v->nareas++] = postcode_number(db_column_text(st, 3));
		break;
	case 'l': /* language, as written: src/ folds it */
		if (v->nlanguages < MATCH_LANGS)
			STORE_COL(v->languages[v->nlanguages++], st, 3);
		break;
	case 's': /* slot */
		v->availability |= store_slot_bit((int)db_column_int(st, 2), db_column_text(st, 3));
		break;
	case 'n': /* another volunteer has the same name */
		v->namesake = true;
		break;
	case 'r': /* role */
		for (int k = 0; k < VOLUNTEER_ROLES; k++)
			if (strcmp(db_column_text(st, 3), volunteer_role_codes[k]) == 0)
				v->roles |= 1u << k;
		break;
	default:
		break;
	}
}

static void pool_activity_row(struct db_stmt *st, void *ctx)
{
	struct pool_read *pr = ctx;
	struct match_pool *p = pr->pool;
	struct match_activity_facts a = { .id = db_column_int(st, 0) };
	STORE_COL(a.status, st, 1);
	a.capacity = (int)db_column_int(st, 2);
	a.load = (int)db_column_int(st, 3);
	if (pr->keep && pr->keep->activity && !pr->keep->activity(&a)) {
		keep_closed(pr, &p->closed_activities, &p->nclosed_activities, a.id, a.status, a.capacity, a.load);
		return;
	}
	struct match_activity_facts *grown = room_for_one(p->activities, p->nactivities, &pr->room_open, sizeof *grown);
	if (!grown) {
		pr->short_of_memory = true;
		return;
	}
	p->activities = grown;
	p->activities[p->nactivities++] = a;
}

static void pool_activity_more(struct db_stmt *st, void *ctx)
{
	struct match_pool *p = ctx;
	int i = find_activity(p, db_column_int(st, 0));
	if (i < 0)
		return;
	struct match_activity_facts *a = &p->activities[i];
	STORE_COL(a->name, st, 1);
	STORE_COL(a->sort_key, st, 2);
	a->postcode = postcode_number(db_column_text(st, 3));
	a->weekday = (int)db_column_int(st, 4);
	STORE_COL(a->start_time, st, 5);
	a->practice = db_column_int(st, 6) != 0;
	STORE_COL(a->last_session, st, 7);
}

static void pool_activity_interest(struct db_stmt *st, void *ctx)
{
	struct match_pool *p = ctx;
	int i = find_activity(p, db_column_int(st, 0));
	if (i >= 0 && p->activities[i].ninterests < MATCH_PICKS)
		p->activities[i].interests[p->activities[i].ninterests++] = db_column_int(st, 1);
}

void store_matching_pool_free(struct match_pool *pool)
{
	free(pool->volunteers);
	free(pool->activities);
	free(pool->closed_volunteers);
	free(pool->closed_activities);
	memset(pool, 0, sizeof *pool);
}

/* A volunteer's details: (volunteer, kind, number, text) rows. Whether
 * another volunteer has the same name is one, so it is asked of the kept
 * ones only, one by one when they are few (asked while the pool was read,
 * it grouped the whole registry by name each time). */
#define VOLUNTEER_DETAILS_FROM(where, where_v)                                                  \
	"SELECT volunteer_id, 'i', interest_id, NULL FROM volunteer_interests" where           \
	" UNION ALL SELECT volunteer_id, 'a', NULL, postcode FROM volunteer_areas" where       \
	" UNION ALL SELECT volunteer_id, 'l', NULL, language FROM volunteer_languages" where   \
	" UNION ALL SELECT volunteer_id, 's', weekday, part FROM volunteer_availability" where \
	" UNION ALL SELECT volunteer_id, 'r', NULL, role FROM volunteer_roles" where           \
	" UNION ALL SELECT v.id, 'n', NULL, NULL FROM volunteers AS v WHERE" where_v            \
	" EXISTS (SELECT 1 FROM volunteers AS n WHERE n.sort_key = v.sort_key AND n.name = v.name" \
	" AND n.id <> v.id)"
#define VOLUNTEER_DETAILS VOLUNTEER_DETAILS_FROM("", "")
#define VOLUNTEER_DETAILS_OF VOLUNTEER_DETAILS_FROM(" WHERE volunteer_id = :id", " v.id = :id AND")
/* The rest of a kept volunteer's or activity's own row. */
#define VOLUNTEER_MORE \
	"SELECT id, name, COALESCE(sort_key, ''), COALESCE(gender, ''), COALESCE(birth_year, 0)," \
	" COALESCE(lived_experience, '') != '', COALESCE(postcode, '') FROM volunteers"
#define VOLUNTEER_MORE_OF VOLUNTEER_MORE " WHERE id = :id"
#define ACTIVITY_MORE \
	"SELECT id, name, COALESCE(sort_key, ''), COALESCE(postcode, ''), COALESCE(weekday, 0)," \
	" COALESCE(start_time, ''), community = 'practice'," \
	" CASE WHEN COALESCE(weekday, 0) = 0 THEN COALESCE((SELECT max(s.date) FROM sessions AS s" \
	"  WHERE s.activity_id = activities.id AND s.status <> 'cancelled'), '') ELSE '' END FROM activities"
#define ACTIVITY_MORE_OF ACTIVITY_MORE " WHERE id = :id"
#define ACTIVITY_INTERESTS "SELECT activity_id, interest_id FROM activity_interests"
#define ACTIVITY_INTERESTS_OF ACTIVITY_INTERESTS " WHERE activity_id = :id"

/* The details of the kept ones are read one by one when they are few
 * beside all (the first column of every key is the volunteer or
 * activity), the whole tables at once when they are many. */
static bool few(int kept, int all)
{
	return kept * 4 < all;
}

/* One kind of what the kept ones need besides the columns that said
 * they are kept: its query over the whole table, its query for one id
 * (:id), and what fills a row in. */
struct kept_read {
	const char *whole, *of_one;
	void (*fill)(struct db_stmt *st, void *pool);
};

static const struct kept_read volunteer_reads[] = {
	{ VOLUNTEER_MORE, VOLUNTEER_MORE_OF, pool_volunteer_more },
	{ VOLUNTEER_DETAILS, VOLUNTEER_DETAILS_OF, pool_volunteer_set },
};
static const struct kept_read activity_reads[] = {
	{ ACTIVITY_MORE, ACTIVITY_MORE_OF, pool_activity_more },
	{ ACTIVITY_INTERESTS, ACTIVITY_INTERESTS_OF, pool_activity_interest },
};

static long long volunteer_id_at(const struct match_pool *p, int i)
{
	return p->volunteers[i].id;
}

static long long activity_id_at(const struct match_pool *p, int i)
{
	return p->activities[i].id;
}

/* The `kept` of `all` read whole: each kind in one query over the whole
 * table, or one kept id at a time when they are few(). */
static enum db_status read_kept(struct db *db, struct match_pool *pool, int kept, int all,
				long long (*id_at)(const struct match_pool *p, int i), const struct kept_read *reads,
				int nreads)
{
	enum db_status r = DB_OK;
	for (int k = 0; r == DB_OK && k < nreads; k++) {
		if (!few(kept, all)) {
			r = each_row(db, reads[k].whole, NULL, 0, reads[k].fill, pool);
			continue;
		}
		for (int i = 0; r == DB_OK && i < kept; i++)
			r = each_row(db, reads[k].of_one, ":id", id_at(pool, i), reads[k].fill, pool);
	}
	return r;
}

/* What decides whether one is kept whole, from the pool's index alone
 * (migration 32): id, status, capacity and the load kept on the row; a
 * load not counted yet (NULL) is counted here. On a server the load is
 * counted: a partner centre that ends a shared citizen's match cannot
 * see, so cannot count again, the volunteer of another centre (row-level
 * security, migration 17). */
#define VOLUNTEER_POOL(load) "SELECT v.id, v.status, v.capacity, " load " FROM volunteers AS v"
#define ACTIVITY_POOL(load) "SELECT a.id, a.status, a.capacity, " load " FROM activities AS a"
static const char *const volunteer_pool[] = {
	[DB_ENGINE_SQLITE] = VOLUNTEER_POOL("COALESCE(v.open_matches, " STORE_VOLUNTEER_OPEN("v") ")"),
	[DB_ENGINE_POSTGRESQL] = VOLUNTEER_POOL(STORE_VOLUNTEER_OPEN("v")),
};
static const char *const activity_pool[] = {
	[DB_ENGINE_SQLITE] = ACTIVITY_POOL("COALESCE(a.enrolled, " STORE_ACTIVITY_ENROLLED("a") ")"),
	[DB_ENGINE_POSTGRESQL] = ACTIVITY_POOL(STORE_ACTIVITY_ENROLLED("a")),
};

static int by_volunteer_id(const void *a, const void *b)
{
	long long x = ((const struct match_volunteer_facts *)a)->id, y = ((const struct match_volunteer_facts *)b)->id;
	return (x > y) - (x < y);
}

static int by_activity_id(const void *a, const void *b)
{
	long long x = ((const struct match_activity_facts *)a)->id, y = ((const struct match_activity_facts *)b)->id;
	return (x > y) - (x < y);
}

enum db_status store_matching_pool_load(struct db *db, struct match_pool *pool, const struct match_pool_keep *keep)
{
	memset(pool, 0, sizeof *pool);
	struct pool_read pr = { .pool = pool, .keep = keep };
	/* One read transaction: the volunteers' and activities' rows agree. */
	enum db_status r = db_begin_read(db);
	if (r != DB_OK)
		return r;
	r = each_row(db, volunteer_pool[db_engine(db)], NULL, 0, pool_volunteer_row, &pr);
	if (r == DB_OK && pr.short_of_memory)
		r = DB_ERR_IO;
	if (r != DB_OK)
		goto out;
	/* Read in the index's order; find_volunteer halves by id. */
	if (pool->nvolunteers > 1)
		qsort(pool->volunteers, (size_t)pool->nvolunteers, sizeof *pool->volunteers, by_volunteer_id);
	if ((r = read_kept(db, pool, pool->nvolunteers, pool->nvolunteers + pool->nclosed_volunteers, volunteer_id_at,
			   volunteer_reads, (int)(sizeof volunteer_reads / sizeof volunteer_reads[0]))) != DB_OK)
		goto out;
	pr.room_open = pr.room_closed = 0;
	r = each_row(db, activity_pool[db_engine(db)], NULL, 0, pool_activity_row, &pr);
	if (r == DB_OK && pr.short_of_memory)
		r = DB_ERR_IO;
	if (r != DB_OK)
		goto out;
	if (pool->nactivities > 1)
		qsort(pool->activities, (size_t)pool->nactivities, sizeof *pool->activities, by_activity_id);
	r = read_kept(db, pool, pool->nactivities, pool->nactivities + pool->nclosed_activities, activity_id_at,
		      activity_reads, (int)(sizeof activity_reads / sizeof activity_reads[0]));
out:
	r = db_end(db, r);
	if (r != DB_OK)
		store_matching_pool_free(pool);
	return r;
}

/* data_version moves when another connection commits, total_changes()
 * when this one writes: together they say whether anything changed. */
enum db_status store_matching_data_version(struct db *db, long long *version)
{
	long long others;
	enum db_status r = db_data_version(db, &others);
	if (r == DB_OK)
		*version = others * 4294967296LL + db_total_changes(db);
	return r;
}
