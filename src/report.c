/* report.c — the funders' report (report.h): one function per family of
 * figures, each from its store facts and the rules of report_rules.c. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "report_rules.h"
#include "settings.h"
#include "store_report.h"

/* ---------- sets of citizens, by id ---------- */

struct citizen_set {
	unsigned char *bits;
	long long max;          /* ids 1..max */
	long long count;
};

static bool set_init(struct citizen_set *s, long long max)
{
	s->max = max;
	s->count = 0;
	s->bits = calloc((size_t)(max / 8 + 1), 1);
	return s->bits != NULL;
}

static void set_free(struct citizen_set *s)
{
	free(s->bits);
	s->bits = NULL;
}

static bool set_has(const struct citizen_set *s, long long id)
{
	return s->bits && id > 0 && id <= s->max && (s->bits[id / 8] & (1u << (id % 8)));
}

/* Adds id; true when it was not there yet. */
static bool set_add(struct citizen_set *s, long long id)
{
	if (!s->bits || id <= 0 || id > s->max || set_has(s, id))
		return false;
	s->bits[id / 8] |= (unsigned char)(1u << (id % 8));
	s->count++;
	return true;
}

/* ---------- the sessions' crews, for the hours ---------- */

/* The held sessions of the period with who led and helped, and, counted
 * while the marks are read, the volunteers who came along with a citizen
 * and were not in the crew already. */
struct crews {
	struct report_held_session *held;   /* by id */
	int nheld;
	struct report_helper *helpers;      /* by session */
	int nhelpers;
	long long *along;                   /* per held session */
};

static enum db_status read_crews(struct db *db, const struct report_period *p, struct crews *c)
{
	memset(c, 0, sizeof *c);
	enum db_status r = store_report_held_sessions(db, p, &c->held, &c->nheld);
	if (r == DB_OK)
		r = store_report_helpers(db, p, &c->helpers, &c->nhelpers);
	if (r == DB_OK && !(c->along = calloc((size_t)c->nheld + 1, sizeof *c->along)))
		r = DB_ERR_IO;
	return r;
}

static void free_crews(struct crews *c)
{
	free(c->held);
	free(c->helpers);
	free(c->along);
}

static int held_index(const struct crews *c, long long session_id)
{
	int lo = 0, hi = c->nheld - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (c->held[mid].id == session_id)
			return mid;
		if (c->held[mid].id < session_id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* The first helper row of the session, or nhelpers. */
static int first_helper(const struct crews *c, long long session_id)
{
	int lo = 0, hi = c->nhelpers;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (c->helpers[mid].session_id < session_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool in_crew(const struct crews *c, int i, long long volunteer)
{
	if (c->held[i].led_by == volunteer)
		return true;
	for (int k = first_helper(c, c->held[i].id); k < c->nhelpers && c->helpers[k].session_id == c->held[i].id; k++)
		if (c->helpers[k].volunteer_id == volunteer)
			return true;
	return false;
}

static long long crew_size(const struct crews *c, int i)
{
	long long n = c->held[i].led_by ? 1 : 0;
	for (int k = first_helper(c, c->held[i].id); k < c->nhelpers && c->helpers[k].session_id == c->held[i].id; k++)
		n += c->helpers[k].volunteer_id != c->held[i].led_by;
	return n;
}

/* ---------- volunteers ---------- */

/* Hours given: leading or helping at a held session, and going along
 * with a citizen, count the session's length once per volunteer and
 * session; one-to-one matches count a visit a week while open; calls
 * made count a quarter of an hour each. */
static enum db_status figure_volunteers(struct db *db, const struct report_period *p, long long calls,
					const struct crews *crews, struct report_volunteers *v)
{
	memset(v, 0, sizeof *v);
	enum db_status r = store_report_volunteers(db, p, &v->f);
	v->f.calls_done = calls;
	for (int i = 0; i < crews->nheld; i++) {
		long long len = report_session_minutes(crews->held[i].start_time, crews->held[i].end_time);
		long long crew = crew_size(crews, i);
		v->sessions++;
		v->session_pairs += crew;
		v->accompaniments += crews->along[i];
		v->minutes_sessions += len * crew;
		v->minutes_accompanying += len * crews->along[i];
	}
	v->minutes_visits = report_visit_minutes(v->f.visit_days);
	v->minutes_calls = report_call_minutes(v->f.calls_done);
	v->minutes_total = v->minutes_sessions + v->minutes_accompanying + v->minutes_visits + v->minutes_calls;
	return r;
}

/* ---------- attendance ---------- */

/* A participant of the activity being counted. */
struct participant {
	long long id;           /* 0: a free slot */
	int first_month;        /* present for the first time in the period */
	int month;              /* last month counted as a participant */
	int acc_month;          /* last month counted as accompanied */
	bool acc_any;
};

struct att_pass {
	const struct report_period *p;
	struct report_attendance *att;
	struct report_activity *act;        /* the activity the rows are at */
	struct participant *people;         /* open addressing by id */
	size_t cap, used;
	struct citizen_set present;         /* present at any activity */
	struct citizen_set accompanied;
	struct citizen_set kind_present[2], kind_accompanied[2]; /* practice, lasting */
	struct citizen_set *month_present, *month_accompanied;
	struct store_report_seen *seen;
	struct crews *crews;
	long long session_id;               /* the session the rows are at */
	long long *companions;              /* who came along there, each once */
	size_t ncompanions, companions_cap;
	enum db_status r;
};

/* The session's companions who were not in its crew went along. */
static void finish_session(struct att_pass *a)
{
	int i = a->session_id ? held_index(a->crews, a->session_id) : -1;
	for (size_t k = 0; i >= 0 && k < a->ncompanions; k++)
		if (!in_crew(a->crews, i, a->companions[k]))
			a->crews->along[i]++;
	a->ncompanions = 0;
	a->session_id = 0;
}

static void add_companion(struct att_pass *a, long long volunteer)
{
	for (size_t k = 0; k < a->ncompanions; k++)
		if (a->companions[k] == volunteer)
			return;
	if (a->ncompanions == a->companions_cap) {
		size_t cap = a->companions_cap ? a->companions_cap * 2 : 16;
		long long *grown = realloc(a->companions, cap * sizeof *grown);
		if (!grown) {
			a->r = DB_ERR_IO;
			return;
		}
		a->companions = grown;
		a->companions_cap = cap;
	}
	a->companions[a->ncompanions++] = volunteer;
}

static struct participant *participant(struct att_pass *a, long long id)
{
	if (a->used * 2 >= a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 256;
		struct participant *grown = calloc(cap, sizeof *grown);
		if (!grown)
			return NULL;
		for (size_t i = 0; i < a->cap; i++) {
			if (!a->people[i].id)
				continue;
			size_t k = (size_t)a->people[i].id & (cap - 1);
			while (grown[k].id)
				k = (k + 1) & (cap - 1);
			grown[k] = a->people[i];
		}
		free(a->people);
		a->people = grown;
		a->cap = cap;
	}
	size_t k = (size_t)id & (a->cap - 1);
	while (a->people[k].id && a->people[k].id != id)
		k = (k + 1) & (a->cap - 1);
	if (!a->people[k].id) {
		a->people[k] = (struct participant){ .id = id, .first_month = -1, .month = -1, .acc_month = -1 };
		a->used++;
	}
	return &a->people[k];
}

static int kind_of(const struct report_activity *act)
{
	return strcmp(act->a.community, "practice") == 0 ? 0 : 1;
}

static struct report_att_row *kind_row(struct report_attendance *att, int kind)
{
	return kind == 0 ? &att->practice : &att->lasting;
}

/* The activity's participants are all counted: those never present there
 * before the period are new, in the month they first came. */
static void finish_activity(struct att_pass *a)
{
	if (!a->act)
		return;
	struct report_att_row *kind = kind_row(a->att, kind_of(a->act));
	for (size_t i = 0; a->r == DB_OK && i < a->cap; i++) {
		struct participant *pp = &a->people[i];
		if (!pp->id || pp->first_month < 0)
			continue;
		bool seen = false;
		a->r = store_report_seen_ask(a->seen, pp->id, a->act->a.id, &seen);
		if (a->r != DB_OK || seen)
			continue;
		a->act->months[pp->first_month].new_participants++;
		a->act->total.new_participants++;
		a->att->per_month[pp->first_month].new_participants++;
		kind->new_participants++;
		a->att->total.new_participants++;
	}
	if (a->people)
		memset(a->people, 0, a->cap * sizeof *a->people);
	a->used = 0;
	a->act = NULL;
}

static struct report_activity *find_activity(struct report_attendance *att, long long id)
{
	for (int i = 0; i < att->nactivities; i++)
		if (att->activities[i].a.id == id)
			return &att->activities[i];
	return NULL;
}

static void add_mark_counts(struct report_att_row *row, char mark)
{
	if (mark == 'p')
		row->present++;
	else if (mark == 'e')
		row->excused++;
	else if (mark == 'a')
		row->absent++;
}

/* Counts a citizen once in a set, and in the row when new to the set. */
static void count_in(struct citizen_set *s, long long id, long long *field)
{
	if (set_add(s, id))
		(*field)++;
}

static void on_mark(void *ctx, const struct report_mark_fact *m)
{
	struct att_pass *a = ctx;
	if (a->r != DB_OK)
		return;
	if (m->session_id != a->session_id) {
		finish_session(a);
		a->session_id = m->session_id;
	}
	if (m->accompanied_by)
		add_companion(a, m->accompanied_by);
	if (!a->act || a->act->a.id != m->activity_id) {
		finish_activity(a);
		a->act = find_activity(a->att, m->activity_id);
	}
	int month = report_month_index(a->p, m->date);
	if (!a->act || month < 0)
		return;
	struct report_attendance *att = a->att;
	int kind = kind_of(a->act);
	struct report_att_row *rows[] = { &a->act->months[month], &a->act->total, &att->per_month[month],
					  kind_row(att, kind), &att->total };
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		add_mark_counts(rows[i], m->mark);
	if (m->mark != 'p')
		return;
	struct participant *pp = participant(a, m->citizen_id);
	if (!pp) {
		a->r = DB_ERR_IO;
		return;
	}
	if (pp->first_month < 0) {
		pp->first_month = month;
		a->act->total.participants++;
	}
	if (pp->month != month) {
		pp->month = month;
		a->act->months[month].participants++;
	}
	count_in(&a->month_present[month], m->citizen_id, &att->per_month[month].participants);
	count_in(&a->kind_present[kind], m->citizen_id, &kind_row(att, kind)->participants);
	count_in(&a->present, m->citizen_id, &att->total.participants);
	if (!m->accompanied_by)
		return;
	if (pp->acc_month != month) {
		pp->acc_month = month;
		a->act->months[month].accompanied++;
	}
	if (!pp->acc_any) {
		pp->acc_any = true;
		a->act->total.accompanied++;
	}
	count_in(&a->month_accompanied[month], m->citizen_id, &att->per_month[month].accompanied);
	count_in(&a->kind_accompanied[kind], m->citizen_id, &kind_row(att, kind)->accompanied);
	count_in(&a->accompanied, m->citizen_id, &att->total.accompanied);
}

static void add_sessions(struct report_attendance *att, const struct report_period *p,
			 const struct report_session_count *c)
{
	struct report_activity *act = find_activity(att, c->activity_id);
	char day[REPORT_DATE];
	/* The month's first day, or the period's when it starts later. */
	snprintf(day, sizeof day, "%.7s-01", c->month);
	if (strcmp(day, p->from) < 0)
		memcpy(day, p->from, sizeof day);
	int month = report_month_index(p, day);
	if (!act || month < 0)
		return;
	struct report_att_row *rows[] = { &act->months[month], &act->total, &att->per_month[month],
					  kind_row(att, kind_of(act)), &att->total };
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		rows[i]->held += c->held;
		rows[i]->cancelled += c->cancelled;
	}
}

static void free_pass(struct att_pass *a, int nmonths)
{
	set_free(&a->present);
	set_free(&a->accompanied);
	for (int k = 0; k < 2; k++) {
		set_free(&a->kind_present[k]);
		set_free(&a->kind_accompanied[k]);
	}
	for (int m = 0; a->month_present && m < nmonths; m++)
		set_free(&a->month_present[m]);
	for (int m = 0; a->month_accompanied && m < nmonths; m++)
		set_free(&a->month_accompanied[m]);
	free(a->month_present);
	free(a->month_accompanied);
	free(a->people);
	free(a->companions);
}

/* Marks are read once, in activity and date order; `present` keeps who
 * was present at all, for the citizens' figures. */
static enum db_status figure_attendance(struct db *db, const struct report_period *p, long long max,
					struct crews *crews, struct report_attendance *att, struct citizen_set *present)
{
	att->nmonths = report_months(p, att->months);
	struct report_activity_fact *facts = NULL;
	enum db_status r = store_report_activities(db, p, &facts, &att->nactivities);
	if (r == DB_OK && att->nactivities) {
		att->activities = calloc((size_t)att->nactivities, sizeof *att->activities);
		if (!att->activities)
			r = DB_ERR_IO;
	}
	for (int i = 0; r == DB_OK && i < att->nactivities; i++) {
		att->activities[i].a = facts[i];
		att->activities[i].months = calloc((size_t)att->nmonths, sizeof *att->activities[i].months);
		if (!att->activities[i].months)
			r = DB_ERR_IO;
	}
	free(facts);
	if (r != DB_OK) {
		if (!att->activities)
			att->nactivities = 0;
		return r;
	}

	struct report_session_count *counts = NULL;
	int ncounts = 0;
	r = store_report_session_counts(db, p, &counts, &ncounts);
	for (int i = 0; r == DB_OK && i < ncounts; i++)
		add_sessions(att, p, &counts[i]);
	free(counts);
	if (r != DB_OK)
		return r;

	struct att_pass a = { .p = p, .att = att, .crews = crews };
	bool ok = set_init(&a.present, max) && set_init(&a.accompanied, max);
	for (int k = 0; ok && k < 2; k++)
		ok = set_init(&a.kind_present[k], max) && set_init(&a.kind_accompanied[k], max);
	a.month_present = calloc((size_t)att->nmonths + 1, sizeof *a.month_present);
	a.month_accompanied = calloc((size_t)att->nmonths + 1, sizeof *a.month_accompanied);
	ok = ok && a.month_present && a.month_accompanied;
	for (int m = 0; ok && m < att->nmonths; m++)
		ok = set_init(&a.month_present[m], max) && set_init(&a.month_accompanied[m], max);
	r = ok ? store_report_seen_open(db, p->from, &a.seen) : DB_ERR_IO;
	if (r == DB_OK)
		r = store_report_marks(db, p, on_mark, &a);
	if (r == DB_OK) {
		finish_session(&a);
		finish_activity(&a);
		r = a.r;
	}
	enum db_status closed = store_report_seen_close(a.seen);
	if (r == DB_OK)
		r = closed;
	if (r == DB_OK) {
		*present = a.present;
		a.present.bits = NULL;
	}
	free_pass(&a, att->nmonths);
	return r;
}

/* ---------- citizens ---------- */

struct matched_pass {
	struct citizen_set *supported, one_to_one;
};

static void on_matched(void *ctx, long long citizen_id, bool volunteer)
{
	struct matched_pass *m = ctx;
	set_add(m->supported, citizen_id);
	if (volunteer)
		set_add(&m->one_to_one, citizen_id);
}

/* Today's waiting list, read once for the citizens' figures and the
 * unmet wishes: each waiting citizen's area by id, and the days waited. */
struct waiting_list {
	long long today;
	signed char *area;      /* by citizen id: -2 not waiting, -1 area unknown, else 0..99 */
	long long max;
	long long *days;
	size_t n, cap;
	bool failed;
};

static void on_waiting(void *ctx, long long id, const char *since, int area)
{
	struct waiting_list *w = ctx;
	struct date d;
	if (w->failed || id <= 0 || id > w->max || !date_parse_iso(since, &d))
		return;
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 256;
		long long *grown = realloc(w->days, cap * sizeof *grown);
		if (!grown) {
			w->failed = true;
			return;
		}
		w->days = grown;
		w->cap = cap;
	}
	long long days = w->today - date_to_days(d);
	w->days[w->n++] = days < 0 ? 0 : days;
	w->area[id] = (signed char)(area >= 0 && area <= 99 ? area : -1);
}

static enum db_status read_waiting(struct db *db, struct date today, long long max, struct waiting_list *w)
{
	memset(w, 0, sizeof *w);
	w->today = date_to_days(today);
	w->max = max;
	w->area = malloc((size_t)max + 1);
	if (!w->area)
		return DB_ERR_IO;
	memset(w->area, -2, (size_t)max + 1);
	enum db_status r = store_report_waiting(db, on_waiting, w);
	return r == DB_OK && w->failed ? DB_ERR_IO : r;
}

static void free_waiting(struct waiting_list *w)
{
	free(w->area);
	free(w->days);
}

/* Supported: a match open on some day of the period, or present at a
 * session; one-to-one when one of those matches is with a volunteer,
 * else in groups only. Waiting is today's waiting list. */
static enum db_status figure_citizens(struct db *db, const struct report_period *p, struct waiting_list *w,
				      struct citizen_set *present, struct report_citizens *c)
{
	memset(c, 0, sizeof *c);
	enum db_status r = store_report_citizens(db, p, &c->f);
	struct matched_pass m = { .supported = present };
	if (r == DB_OK)
		r = set_init(&m.one_to_one, present->max) ? DB_OK : DB_ERR_IO;
	if (r == DB_OK)
		r = store_report_matched(db, p, on_matched, &m);
	c->supported = present->count;
	c->one_to_one = m.one_to_one.count;
	c->groups_only = c->supported - c->one_to_one;
	set_free(&m.one_to_one);

	c->waiting = (long long)w->n;
	c->waiting_median_days = report_median(w->days, w->n);
	return r;
}

/* ---------- outcomes ---------- */

/* Only citizens with both a first and a later measurement count in a
 * change; the latest is the last one within the period. */
static enum db_status figure_outcomes(struct db *db, const struct report_period *p, struct report *rep)
{
	long long ids[REPORT_MEASURES];
	enum db_status r = store_report_measures(db, rep->measures, REPORT_MEASURES, &rep->nmeasures, ids);
	for (int i = 0; r == DB_OK && i < rep->nmeasures; i++) {
		struct report_measure *m = &rep->measures[i];
		m->has_cutoff = strcmp(m->code, "who5") == 0;
		struct report_measure_pair *pairs = NULL;
		int n = 0;
		r = store_report_measure_pairs(db, p, ids[i], &pairs, &n);
		for (int k = 0; r == DB_OK && k < n; k++) {
			const struct report_measure_pair *q = &pairs[k];
			if (strcmp(q->first_on, p->from) >= 0)
				m->first_measured++;
			if (!q->later)
				continue;
			m->pairs++;
			m->sum_first += q->first_total;
			m->sum_latest += q->latest_total;
			int change = report_change(m->higher_is_better, q->first_total, q->latest_total);
			if (change > 0)
				m->improved++;
			else if (change < 0)
				m->worse++;
			else
				m->same++;
			if (m->has_cutoff && report_at_or_below_cutoff(q->first_total)) {
				m->at_or_below_cutoff++;
				if (report_moved_above_cutoff(q->first_total, q->latest_total))
					m->moved_above++;
			}
		}
		free(pairs);
	}
	return r;
}

/* ---------- follow-up ---------- */

static enum db_status figure_follow_up(struct db *db, const struct report_period *p, struct report_follow_up *f)
{
	memset(f, 0, sizeof *f);
	enum db_status r = store_report_calls(db, p, &f->f);
	for (int i = 0; i < REPORT_CALL_OUTCOMES; i++)
		f->calls += f->f.by_outcome[i];
	return r;
}

/* ---------- unmet wishes ---------- */

static int cmp_wish(const void *x, const void *y)
{
	const struct report_wish *a = x, *b = y;
	if (a->unmet != b->unmet)
		return a->unmet < b->unmet ? 1 : -1;
	if (a->waiting != b->waiting)
		return a->waiting < b->waiting ? 1 : -1;
	return (a->interest_id > b->interest_id) - (a->interest_id < b->interest_id);
}

/* Per interest: the citizens waiting today who have it, and of them
 * those no active activity nearby offers it to. Whether an interest is
 * met depends only on the interest and the area, so the rule is asked
 * once for each pair. */
struct unmet_pass {
	const struct waiting_list *w;
	struct report_unmet *u;
	long long *ids;             /* interest ids, in u->wishes order */
	bool (*met)[101];           /* by interest, area + 1 */
};

static void on_interest(void *ctx, long long citizen_id, long long interest_id)
{
	struct unmet_pass *x = ctx;
	if (citizen_id <= 0 || citizen_id > x->w->max || x->w->area[citizen_id] == -2)
		return;
	for (int i = 0; i < x->u->nwishes; i++) {
		if (x->ids[i] != interest_id)
			continue;
		x->u->wishes[i].waiting++;
		if (!x->met[i][x->w->area[citizen_id] + 1])
			x->u->wishes[i].unmet++;
		return;
	}
}

static enum db_status figure_unmet(struct db *db, const struct waiting_list *w, struct report_unmet *u)
{
	struct report_interest *interests = NULL;
	struct report_offer_fact *offers = NULL;
	int ninterests = 0, noffers = 0;
	enum db_status r = store_report_interests(db, &interests, &ninterests);
	if (r == DB_OK)
		r = store_report_offers(db, &offers, &noffers);
	struct unmet_pass x = { .w = w, .u = u };
	if (r == DB_OK && ninterests) {
		u->wishes = calloc((size_t)ninterests, sizeof *u->wishes);
		x.ids = calloc((size_t)ninterests, sizeof *x.ids);
		x.met = calloc((size_t)ninterests, sizeof *x.met);
		if (!u->wishes || !x.ids || !x.met)
			r = DB_ERR_IO;
	}
	for (int i = 0; r == DB_OK && i < ninterests; i++) {
		struct report_wish *wish = &u->wishes[u->nwishes++];
		wish->interest_id = x.ids[i] = interests[i].id;
		memcpy(wish->name, interests[i].name, sizeof wish->name);
		for (int area = -1; area <= 99; area++)
			x.met[i][area + 1] = report_interest_met(wish->interest_id, area, offers, noffers);
	}
	if (r == DB_OK)
		r = store_report_citizen_interests(db, on_interest, &x);
	if (r == DB_OK) {
		/* Only the interests someone waiting has. */
		int kept = 0;
		for (int i = 0; i < u->nwishes; i++)
			if (u->wishes[i].waiting)
				u->wishes[kept++] = u->wishes[i];
		u->nwishes = kept;
		if (kept)
			qsort(u->wishes, (size_t)kept, sizeof *u->wishes, cmp_wish);
	}
	free(interests);
	free(offers);
	free(x.ids);
	free(x.met);
	return r;
}

/* ---------- the whole ---------- */

static const char *use_detail(enum report_use use)
{
	switch (use) {
	case REPORT_EXPORT_TEXT:
		return "text";
	case REPORT_EXPORT_CSV:
		return "csv";
	case REPORT_EXPORT_HTML:
		return "html";
	case REPORT_SHOWN:
		break;
	}
	return "screen";
}

enum db_status report_make(struct desk *d, const struct report_period *p, enum report_use use, struct report *out)
{
	memset(out, 0, sizeof *out);
	out->period = *p;
	struct date today = date_today();
	date_format_iso(today, out->made_on);
	enum db_status r = desk_begin_read(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	/* A partner's citizens shared with this centre are the partner's
	 * to report. */
	r = db_own_centre_only(d->db);
	struct centre_settings cs;
	if (r == DB_OK && (r = settings_read(d, &cs)) == DB_OK)
		memcpy(out->centre_name, cs.centre_name, sizeof out->centre_name);
	struct citizen_set present = { 0 };
	struct waiting_list waiting = { 0 };
	struct crews crews = { 0 };
	long long max = 0;
	if (r == DB_OK)
		r = figure_follow_up(d->db, p, &out->follow_up);
	if (r == DB_OK)
		r = store_report_max_citizen(d->db, &max);
	if (r == DB_OK)
		r = read_crews(d->db, p, &crews);
	/* The marks are read once: attendance, who was present (for the
	 * citizens) and who went along (for the hours). */
	if (r == DB_OK)
		r = figure_attendance(d->db, p, max, &crews, &out->attendance, &present);
	if (r == DB_OK)
		r = figure_volunteers(d->db, p, out->follow_up.calls, &crews, &out->volunteers);
	if (r == DB_OK)
		r = read_waiting(d->db, today, max, &waiting);
	if (r == DB_OK)
		r = figure_citizens(d->db, p, &waiting, &present, &out->citizens);
	if (r == DB_OK)
		r = figure_unmet(d->db, &waiting, &out->unmet);
	if (r == DB_OK)
		r = figure_outcomes(d->db, p, out);
	set_free(&present);
	free_waiting(&waiting);
	free_crews(&crews);
	r = desk_end(d, r);
	if (r != DB_OK)
		return r;

	/* Figures about citizens leave the database only with a line in the
	 * log: an export, whether shown or written, saying how and for when. */
	char detail[64];
	snprintf(detail, sizeof detail, "%s %s..%s", use_detail(use), p->from, p->to);
	r = desk_begin(d, ROLE_COORDINATOR);
	if (r == DB_OK)
		r = desk_end(d, desk_audit(d, "export", "report", 0, detail));
	return r;
}

void report_free(struct report *r)
{
	for (int i = 0; i < r->attendance.nactivities; i++)
		free(r->attendance.activities[i].months);
	free(r->attendance.activities);
	free(r->unmet.wishes);
	r->attendance.activities = NULL;
	r->attendance.nactivities = 0;
	r->unmet.wishes = NULL;
	r->unmet.nwishes = 0;
}
