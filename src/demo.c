/* demo.c — a made-up but believable volunteer centre, for trying the
 * program and for benchmarks.
 *
 * Everything comes from one seeded generator (splitmix64, never rand()),
 * consumed in a fixed order, and every timestamp is derived from the
 * seed and opt->today rather than the clock: the same options give the
 * same rows. Each part (volunteers, activities, sessions, citizens,
 * walk-ins) draws from its own stream, so a change to how one part is
 * made leaves the others as they were.
 *
 * The data is Danish the way a centre's own records are: names, places and
 * notes are data, not program text, and are not translated (demo_words.c).
 *
 * Citizens are made in the order they were referred, over the two years up
 * to `today`. Each one's story (assessment, matches, enrolments, when it
 * ended) is planned first and then written, so every date follows the one
 * before it. Activities and volunteers have capacity slots; a match only
 * takes a slot that is free on its date, so no activity or volunteer is
 * ever over capacity.
 *
 * This file runs the parts in order and holds the few helpers they share
 * (demo_internal.h): demo_people.c makes people and volunteers,
 * demo_activities.c activities, sessions and attendance, demo_matches.c
 * matches and follow-up calls (the source_key patterns are listed in
 * demo_matches.h), demo_citizens.c citizens and their referrals, all from
 * the words and tables in demo_words.c.
 */
#include "demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_activities.h"
#include "demo_citizens.h"
#include "demo_internal.h"
#include "demo_people.h"
#include "demo_words.h"
#include "store_demo.h"
#include "textkeys.h"
#include "strbuf.h"

/* ---------- helpers the parts share ---------- */

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

void demo_citizen_keys(const struct demo_citizen *c, struct citizen_keys *out)
{
	struct citizen_key_source s = { .birth_year = c->birth_year };
	copy(s.name, sizeof s.name, c->name);
	copy(s.phone, sizeof s.phone, c->phone);
	copy(s.email, sizeof s.email, c->email);
	copy(s.postcode, sizeof s.postcode, c->postcode);
	copy(s.town, sizeof s.town, c->town);
	textkeys_citizen(&s, out);
}

void demo_registry_keys(const char *name, const char *email, const char *town, const char *phone,
			const char *postcode, struct registry_keys *out)
{
	struct registry_key_source s = { 0 };
	copy(s.name, sizeof s.name, name);
	copy(s.email, sizeof s.email, email);
	copy(s.town, sizeof s.town, town);
	copy(s.phone, sizeof s.phone, phone);
	copy(s.postcode, sizeof s.postcode, postcode);
	textkeys_registry(&s, out);
}

void demo_stamp(long day, int hour, int minute, char out[STAMP_LEN])
{
	char d[DATE_ISO_LEN];
	iso(day, d);
	unsigned utc_hour = (unsigned)(hour + 23) % 24u, min = (unsigned)minute % 60u;
	snprintf(out, STAMP_LEN, "%.10s %02u:%02u:00", d, utc_hour, min);
}

void demo_office_stamp(struct rng *r, long day, char out[STAMP_LEN])
{
	/* The minute is drawn before the hour: the order the demo has always
	 * used, so the same seed still gives the same database. */
	int minute = (int)rng_range(r, 0, 59);
	int hour = (int)rng_range(r, 9, 15);
	demo_stamp(day, hour, minute, out);
}

void demo_expand(char *out, size_t size, const char *tmpl, const char *city)
{
	struct strbuf b = strbuf_on(out, size);
	const char *hole;
	while (!b.full && (hole = strstr(tmpl, "{by}"))) {
		strbuf_add(&b, "%.*s%s", (int)(hole - tmpl), tmpl, city);
		tmpl = hole + 4;
	}
	strbuf_add(&b, "%s", tmpl);
}

int demo_pick_place(struct rng *r)
{
	return (int)PICK_WEIGHTED(r, demo_places, demo_place_count);
}

bool demo_list_push(struct index_list *l, int v)
{
	if (l->n == l->cap) {
		long cap = l->cap ? l->cap * 2 : 16;
		int *items = realloc(l->items, (size_t)cap * sizeof *items);
		if (!items)
			return false;
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n++] = v;
	return true;
}

/* ---------- the whole run ---------- */

static void free_gen(struct gen *g)
{
	for (long i = 0; i < g->nacts; i++) {
		free(g->acts[i].session_id);
		free(g->acts[i].session_status);
	}
	free(g->acts);
	free(g->vols);
	for (int k = 0; k < REGIONS; k++) {
		free(g->vols_in[k].items);
		free(g->acts_in[k].items);
	}
}

/* Separate streams per part, so changing one leaves the others. */
enum stream { S_VOLUNTEERS = 1, S_ACTIVITIES, S_SESSIONS, S_CITIZENS, S_WALK_INS, S_REFERRALS, S_CONSENTS };

enum db_status demo_generate(struct db *db, const struct demo_options *opt,
			     struct demo_summary *out)
{
	memset(out, 0, sizeof *out);
	if (opt->citizens < 0 || opt->volunteers < 0 || opt->activities < 0 || opt->years < 0
	    || opt->years > DEMO_MAX_YEARS || !date_valid(opt->today))
		return DB_ERR_MISUSE;
	long citizens = opt->citizens;
	long nvols = opt->volunteers ? opt->volunteers : citizens / 50 > 20 ? citizens / 50 : 20;
	long nacts = opt->activities ? opt->activities : citizens / 200 > 8 ? citizens / 200 : 8;

	struct gen g = { .sum = out };
	g.today = date_to_days(opt->today);
	g.today_year = opt->today.year;
	/* More years of sessions for benchmarks; citizens are then referred
	 * over the same years, so attendance fills them all. One year gives
	 * the same database as before --years existed. */
	long years = opt->years > 1 ? opt->years : 1;
	g.year_start = g.today - 7L * YEAR_WEEKS * years + 1;
	g.history_days = 364L * years > HISTORY_DAYS ? 364L * years : HISTORY_DAYS;
	g.vols = calloc((size_t)nvols, sizeof *g.vols);
	g.acts = calloc((size_t)nacts, sizeof *g.acts);
	if (!g.vols || !g.acts) {
		free(g.vols);
		free(g.acts);
		return DB_ERR_IO;
	}
	g.nvols = nvols;
	g.nacts = nacts;

	enum db_status st = demo_writer_open(db, &g.w);
	if (st != DB_OK) {
		free_gen(&g);
		return st;
	}
	bool empty = false;
	st = demo_is_empty(db, &empty);
	if (st == DB_OK && !empty)
		st = DB_ERR_CONFLICT;
	if (st != DB_OK) {
		demo_writer_close(g.w, false);
		free_gen(&g);
		return st;
	}

	struct rng r;
	bool ok = true;
	rng_init(&r, opt->seed, S_VOLUNTEERS);
	ok = demo_make_volunteers(&g, &r, nvols);
	rng_init(&r, opt->seed, S_ACTIVITIES);
	ok = ok && demo_make_activities(&g, &r, nacts);
	rng_init(&r, opt->seed, S_SESSIONS);
	ok = ok && demo_make_sessions(&g, &r);
	rng_init(&r, opt->seed, S_CITIZENS);
	rng_init(&g.consents, opt->seed, S_CONSENTS);
	for (long i = 0; ok && i < citizens; i++) {
		demo_make_citizen(&g, &r, i, citizens);
		ok = gen_ok(&g);
	}
	rng_init(&r, opt->seed, S_WALK_INS);
	if (ok)
		demo_make_walk_ins(&g, &r);
	rng_init(&r, opt->seed, S_REFERRALS);
	if (ok)
		demo_make_bare_referrals(&g, &r, citizens * 3 / 100);

	st = demo_writer_close(g.w, ok);
	if (st == DB_OK && !ok)
		st = DB_ERR_IO; /* out of memory */
	free_gen(&g);
	if (st != DB_OK)
		memset(out, 0, sizeof *out);
	return st;
}
