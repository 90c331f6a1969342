/* demo_internal.h — what the parts of the demo generator share: the
 * seeded random numbers, dates and timestamps, and the generator's state
 * (volunteers and activities with their capacity slots, the plan of a
 * citizen's story). Not for use outside src/demo*.c; the public face is
 * demo.h.
 *
 * Every random draw comes from a struct rng, and the order of draws is
 * part of the output: the same seed must give the same database, so code
 * here never draws two numbers within one expression whose order C leaves
 * open (two arguments of one call, two operands of one +).
 */
#ifndef BB_DEMO_INTERNAL_H
#define BB_DEMO_INTERNAL_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "demo.h"
#include "store_demo.h"

#define COUNT(a) ((long)(sizeof(a) / sizeof((a)[0])))

enum {
	HISTORY_DAYS = 730,       /* citizens were referred over two years (or the years asked for) */
	YEAR_WEEKS = 52,          /* sessions in each year of history up to today */
	PLANNED_DAYS = 28,        /* and planned four weeks ahead */
	VOL_MAX_CAPACITY = 4,
	ACT_MAX_CAPACITY = 60,
	REGIONS = 8,
	WALKIN_POOL = 2048,
	NAME_LEN = 128,
	TEXT_LEN = 512,
	STAMP_LEN = 20,           /* "2026-11-22 10:15:00" plus NUL */
};

#define NO_DAY LONG_MAX           /* open-ended, never */
/* The key of the call about a new referral's first talk (an agreed
 * call), followed by the citizen's id. */
#define DEMO_FIRST_TALK "first_talk:"

/* ---------- randomness: splitmix64, never rand() ---------- */

struct rng {
	uint64_t state;
};

/* Inline: the generator draws millions of numbers for a big demo. */
static inline uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline void rng_init(struct rng *r, unsigned long seed, uint64_t stream)
{
	r->state = (uint64_t)seed;
	r->state = rng_next(r) ^ (stream * 0xd1342543de82ef95ULL);
}

/* 0 .. n-1; the modulo bias is far below anything a demo shows. */
static inline long rng_below(struct rng *r, long n)
{
	return n <= 1 ? 0 : (long)(rng_next(r) % (uint64_t)n);
}

static inline long rng_range(struct rng *r, long lo, long hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

static inline bool rng_percent(struct rng *r, int p)
{
	return rng_below(r, 100) < p;
}

static inline bool rng_permille(struct rng *r, int p)
{
	return rng_below(r, 1000) < p;
}

/* Earlier entries are picked more often: lists are ordered common first. */
static inline long rng_skewed(struct rng *r, long n)
{
	long a = rng_below(r, n), b = rng_below(r, n);
	return a < b ? a : b;
}

/* The index of an entry picked in proportion to its weight, from a table
 * of structs with an int `weight` field: `weight` points at the first
 * entry's field and `stride` is the size of an entry. Use PICK_WEIGHTED. */
static inline long rng_weighted(struct rng *r, const int *weight, size_t stride, long n)
{
	const char *at = (const char *)weight;
	long total = 0;
	for (long i = 0; i < n; i++)
		total += *(const int *)(at + (size_t)i * stride);
	long x = rng_below(r, total);
	for (long i = 0; i < n; i++) {
		int w = *(const int *)(at + (size_t)i * stride);
		if (x < w)
			return i;
		x -= w;
	}
	return n - 1; /* not reached while the weights add up to more than 0 */
}

#define PICK_WEIGHTED(r, table, n) \
	rng_weighted((r), &(table)[0].weight, sizeof (table)[0], (n))

/* A list of words to pick from (demo_words.h has them). */
struct word_list {
	const char *const *items;
	long n;
};

#define PICK(r, list) ((list).items[rng_below((r), (list).n)])
#define PICK_SKEWED(r, list) ((list).items[rng_skewed((r), (list).n)])

/* A code and how often it comes up. */
struct weighted {
	const char *code;
	int weight;
};

static inline const char *pick_weighted(struct rng *r, const struct weighted *w, long n)
{
	return w[PICK_WEIGHTED(r, w, n)].code;
}

/* ---------- dates, timestamps and text ---------- */

static inline void iso(long day, char out[DATE_ISO_LEN])
{
	date_format_iso(date_from_days(day), out);
}

/* Timestamps are stored in UTC; the desk works in Danish time, an hour
 * or two ahead, and an hour is near enough for made-up data. */
void demo_stamp(long day, int hour, int minute, char out[STAMP_LEN]);
/* A time in office hours (9:00 to 15:59) on `day`. */
void demo_office_stamp(struct rng *r, long day, char out[STAMP_LEN]);
/* Copies `tmpl` with every "{by}" replaced by `city`. */
void demo_expand(char *out, size_t size, const char *tmpl, const char *city);

/* A place (index into demo_places), weighted by how many live there. */
int demo_pick_place(struct rng *r);

/* ---------- the generator's state ---------- */

struct activity_template;

struct volunteer {
	long long id;
	int place;
	long start;           /* first day at the centre */
	bool active, woman, lived_experience;
	int capacity;
	long free_from[VOL_MAX_CAPACITY];
	unsigned interests;
	char name[NAME_LEN];
	char phone[16];
};

struct activity {
	long long id;
	const struct activity_template *t;
	int place;
	bool active;
	int capacity;
	long free_from[ACT_MAX_CAPACITY];
	unsigned interests;
	long long lead;       /* the volunteer who leads it, or 0 */
	long first_day;       /* session k falls on first_day + 7k */
	int nsessions;
	long long *session_id;
	char *session_status; /* 'h'eld, 'p'lanned, 'c'ancelled */
};

static inline long session_day(const struct activity *a, int k)
{
	return a->first_day + 7L * k;
}

/* Capacity slots: slot i is free from free_from[i] on. The first
 * `capacity` slots are free from the start, the rest never. */
static inline void open_slots(long *free_from, int max, int capacity)
{
	for (int s = 0; s < max; s++)
		free_from[s] = s < capacity ? LONG_MIN : NO_DAY;
}

struct index_list {
	int *items;
	long n, cap;
};

bool demo_list_push(struct index_list *l, int v);

struct walkin {
	long long citizen_id;
	long from, to;        /* may come from `from` until before `to` */
};

struct gen {
	struct demo_writer *w;
	struct demo_summary *sum;
	long today, year_start;   /* year_start: the first day with sessions */
	long history_days;        /* citizens were referred over these days up to today */
	int today_year;
	struct volunteer *vols;
	long nvols;
	struct activity *acts;
	long nacts;
	struct index_list vols_in[REGIONS], acts_in[REGIONS]; /* active, by region */
	struct walkin pool[WALKIN_POOL];
	long pool_n, pool_seen;
	/* Who agrees that volunteers call, drawn from a stream of its own so
	 * that the rest of a seed's story stays as it was. */
	struct rng consents;
	/* The keys of the row being written (src/textkeys.h), reused. */
	struct citizen_keys citizen_keys;
	struct registry_keys registry_keys;
};

/* The search and sort keys of a demo row, as the use cases make them. */
void demo_citizen_keys(const struct demo_citizen *c, struct citizen_keys *out);
void demo_registry_keys(const char *name, const char *email, const char *town, const char *phone,
			const char *postcode, struct registry_keys *out);

/* True while nothing has failed; the writer's errors are sticky. */
static inline bool gen_ok(const struct gen *g)
{
	return demo_writer_status(g->w) == DB_OK;
}

/* ---------- a citizen's story, planned before it is written ---------- */

struct plan_match {
	int vol, vol_slot;    /* index into g->vols, or -1 */
	int act, act_slot;    /* index into g->acts, or -1 */
	long day;             /* matched_on */
	int first_session;    /* index into the activity's sessions, or -1 */
	long first_day;       /* day of the first session (or a guess) */
	long acc_done;        /* accompaniment done, or NO_DAY */
	long end;             /* match ended, or NO_DAY */
	long enrol_end;       /* enrolment ended, or NO_DAY */
	const char *outcome, *end_reason;
	int reliability;      /* percent of sessions attended */
};

struct citizen_plan {
	int place, age;
	unsigned interests;
	bool pref_woman, pref_man, pref_lived;
	long ref, assessed, handover;
	bool professional;
	int nmatches;
	struct plan_match m[2];
	long ended;
	const char *end_reason;
	bool contact;         /* agreed that volunteers call: calls to them are made */
	long feedback_until;  /* the referrer may be told until this day (NO_DAY: for good; 0: never) */
};

static inline bool match_open(const struct plan_match *m)
{
	return m->end == NO_DAY;
}

#endif
