/* demo_activities.c — the demo's activities, sessions and attendance;
 * see demo_activities.h. */
#include "demo_activities.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_matches.h"
#include "demo_people.h"
#include "demo_words.h"
#include "store_demo.h"

/* ---------- places ---------- */

static int place_by_postcode(const char *postcode)
{
	for (int i = 0; i < demo_place_count; i++)
		if (strcmp(demo_places[i].postcode, postcode) == 0)
			return i;
	return 0;
}

/* The first place in the same municipality: one key per city. */
static int city_key(int place)
{
	for (int i = 0; i < place; i++)
		if (strcmp(demo_places[i].city, demo_places[place].city) == 0)
			return i;
	return place;
}

/* ---------- holidays ---------- */

static long easter_sunday(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	struct date dt = { y, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1 };
	return date_to_days(dt);
}

/* Danish public holidays. */
static bool is_holiday(long day)
{
	struct date d = date_from_days(day);
	if ((d.month == 1 && d.day == 1) || (d.month == 12 && (d.day == 25 || d.day == 26)))
		return true;
	long easter = easter_sunday(d.year);
	static const int offsets[] = { -3, -2, 0, 1, 39, 49, 50 };
	for (long i = 0; i < COUNT(offsets); i++)
		if (day == easter + offsets[i])
			return true;
	/* Store bededag was abolished from 2024. */
	return d.year < 2024 && day == easter + 26;
}

/* Why a centre is shut on `day`, or NULL: the public holidays, and the
 * days most close though they are none (Constitution Day, Christmas Eve,
 * New Year's Eve), said as what they are. */
static const char *closed_because(long day)
{
	struct date d = date_from_days(day);
	if (d.month == 6 && d.day == 5)
		return "Grundlovsdag";
	if (d.month == 12 && d.day == 24)
		return "Juleaften";
	if (d.month == 12 && d.day == 31)
		return "Nytårsaften";
	return is_holiday(day) ? "Helligdag" : NULL;
}

/* ---------- activities and their sessions ---------- */

/* A volunteer to lead an activity: an active one nearby if there is one. */
static const struct volunteer *pick_lead(struct gen *g, struct rng *r, int place)
{
	const struct index_list *l = &g->vols_in[demo_places[place].region];
	if (l->n)
		return &g->vols[l->items[rng_below(r, l->n)]];
	for (int tries = 0; tries < 20; tries++) {
		const struct volunteer *v = &g->vols[rng_below(r, g->nvols)];
		if (v->active)
			return v;
	}
	return g->nvols ? &g->vols[0] : NULL;
}

bool demo_make_activities(struct gen *g, struct rng *r, long n)
{
	const long nt = demo_template_count;
	int *copies = calloc((size_t)(nt * demo_place_count), sizeof *copies);
	if (!copies)
		return false;
	for (long i = 0; i < n && gen_ok(g); i++) {
		struct activity *a = &g->acts[i];
		const struct activity_template *t = &demo_templates[i % nt];
		bool original = i < nt;
		a->t = t;
		a->place = original ? place_by_postcode(t->home_postcode) : demo_pick_place(r);
		const struct place *pl = &demo_places[a->place];
		/* Names with the municipality in them repeat across its postcodes. */
		int same = strstr(t->name, "{by}") ? city_key(a->place) : a->place;
		int copy = ++copies[(i % nt) * demo_place_count + same];

		char name[TEXT_LEN], organiser[TEXT_LEN], where[TEXT_LEN], base[TEXT_LEN];
		demo_expand(base, sizeof base, t->name, pl->city);
		if (original || strstr(t->name, "{by}"))
			snprintf(name, sizeof name, "%s", base);
		else
			snprintf(name, sizeof name, "%.200s, %s", base, pl->town);
		if (copy > 1) {
			size_t len = strlen(name);
			snprintf(name + len, sizeof name - len, " (hold %d)", copy);
		}
		demo_expand(organiser, sizeof organiser, t->organiser, pl->city);
		if (original)
			snprintf(where, sizeof where, "%s", t->home_place);
		else
			demo_expand(where, sizeof where, t->place, pl->town);

		a->capacity = original ? t->capacity : t->capacity + (int)rng_range(r, -4, 4);
		if (a->capacity > ACT_MAX_CAPACITY)
			a->capacity = ACT_MAX_CAPACITY;
		a->active = original || !rng_percent(r, 3);
		a->interests = 0;
		for (int k = 0; k < 3; k++)
			if (t->interests[k])
				a->interests |= 1u << t->interests[k];

		struct person contact;
		char phone[16];
		const char *contact_name, *contact_phone;
		const struct volunteer *lead = t->volunteer_led ? pick_lead(g, r, a->place) : NULL;
		if (lead) {
			a->lead = lead->id;
			contact_name = lead->name;
			contact_phone = lead->phone;
		} else {
			a->lead = 0;
			demo_make_person(r, &contact, demo_pick_gender(r, 55), NULL);
			demo_mobile(r, phone, sizeof phone);
			contact_name = contact.name;
			contact_phone = phone;
		}

		char created[STAMP_LEN];
		/* Drawn in the order the demo has always used: minute, hour, day. */
		int minute = (int)rng_range(r, 0, 59), hour = (int)rng_range(r, 9, 15);
		demo_stamp(g->year_start - rng_range(r, 30, 900), hour, minute, created);
		struct demo_activity rec = {
			.name = name,
			.kind = t->kind,
			.organiser = organiser,
			.place = where,
			.postcode = pl->postcode,
			.weekday = t->weekday,
			.start_time = t->start,
			.end_time = t->end,
			.capacity = a->capacity,
			.contact_name = contact_name,
			.contact_phone = contact_phone,
			.community = t->community,
			.status = a->active ? "active" : "ended",
			.created_at = created,
			.keys = &g->registry_keys,
		};
		demo_registry_keys(rec.name, rec.organiser, rec.place, NULL, rec.postcode, &g->registry_keys);
		a->id = demo_add_activity(g->w, &rec);
		if (!a->id)
			break;
		g->sum->activities++;
		for (int k = 0; k < 3; k++)
			if (t->interests[k])
				demo_add_activity_interest(g->w, a->id, t->interests[k]);
		open_slots(a->free_from, ACT_MAX_CAPACITY, a->capacity);
		if (a->active && !demo_list_push(&g->acts_in[pl->region], (int)i))
			break;
	}
	free(copies);
	return gen_ok(g);
}

bool demo_make_sessions(struct gen *g, struct rng *r)
{
	for (long i = 0; i < g->nacts && gen_ok(g); i++) {
		struct activity *a = &g->acts[i];
		if (!a->active)
			continue;
		const struct activity_template *t = a->t;
		long shift = (t->weekday - date_weekday(date_from_days(g->year_start)) + 7) % 7;
		a->first_day = g->year_start + shift;
		a->nsessions = (int)((g->today + PLANNED_DAYS - a->first_day) / 7 + 1);
		a->session_id = calloc((size_t)a->nsessions, sizeof *a->session_id);
		a->session_status = calloc((size_t)a->nsessions, 1);
		if (!a->session_id || !a->session_status)
			return false;
		bool pauses = t->summer_break;
		for (int k = 0; k < a->nsessions; k++) {
			long day = session_day(a, k);
			char date[DATE_ISO_LEN];
			iso(day, date);
			int week = date_iso_week(date_from_days(day));
			const char *status = day < g->today ? "held" : "planned";
			const char *reason = closed_because(day), *note = NULL;
			if (!reason) {
				if (pauses && week >= 28 && week <= 31)
					reason = "Sommerpause";
				else if (day < g->today && rng_percent(r, 2))
					reason = "Sygdom";
				else if (day < g->today && rng_percent(r, 3))
					note = PICK(r, demo_session_notes);
			}
			if (reason)
				status = "cancelled";
			struct demo_session rec = {
				.activity_id = a->id,
				.date = date,
				.start_time = t->start,
				.end_time = t->end,
				.status = status,
				.cancel_reason = reason,
				.note = note,
				.led_by = a->lead,
			};
			a->session_id[k] = demo_add_session(g->w, &rec);
			a->session_status[k] = status[0];
			if (!a->session_id[k])
				return false;
			g->sum->sessions++;
		}
	}
	return gen_ok(g);
}

/* ---------- attendance ---------- */

/* The index of the first session on or after `day`; past the last one
 * for a day after the recorded year. */
static long session_index_from(const struct activity *a, long day)
{
	return day <= a->first_day ? 0 : (day - a->first_day + 6) / 7;
}

/* The hour a session starts, from the template's "HH:MM". */
static int start_hour(const struct activity *a)
{
	return (a->t->start[0] - '0') * 10 + (a->t->start[1] - '0');
}

int demo_first_session_from(const struct activity *a, long day)
{
	if (day <= a->first_day - 7)
		return -1;
	long k = session_index_from(a, day);
	for (; k < a->nsessions; k++)
		if (a->session_status[k] != 'c')
			return (int)k;
	return -1;
}

void demo_write_attendance(struct gen *g, struct rng *r, const struct citizen_plan *c,
			   const struct plan_match *m, long long citizen_id,
			   long long enrolment_id)
{
	const struct activity *a = &g->acts[m->act];
	long long companion = m->vol >= 0 ? g->vols[m->vol].id : 0;
	long last = m->enrol_end < g->today ? m->enrol_end : g->today;
	int hour = start_hour(a);
	int missed = 0, calls = 0;
	for (long k = session_index_from(a, m->day); k < a->nsessions; k++) {
		long day = session_day(a, (int)k);
		if (day >= last)
			break;
		if (a->session_status[k] != 'h')
			continue;
		const char *mark;
		if (rng_percent(r, m->reliability))
			mark = "present";
		else
			mark = rng_percent(r, 60) ? "excused" : "absent";
		bool present = mark[0] == 'p';
		bool accompanied = present && companion
			&& (m->acc_done == NO_DAY ? match_open(m) || day <= m->end : day <= m->acc_done);
		char marked_at[STAMP_LEN];
		demo_stamp(day, hour, (int)rng_range(r, 0, 20), marked_at);
		struct demo_attendance rec = {
			.session_id = a->session_id[k],
			.citizen_id = citizen_id,
			.mark = mark,
			.accompanied_by = accompanied ? companion : 0,
			.marked_at = marked_at,
		};
		if (!demo_add_attendance(g->w, &rec))
			return;
		g->sum->attendance++;

		/* Two missed sessions in a row: the desk calls. */
		missed = present ? 0 : missed + 1;
		if (missed == 2 && calls < 3) {
			char key[64];
			snprintf(key, sizeof key, "missed:%lld:%lld", enrolment_id, a->session_id[k]);
			demo_write_call(g, r, c, citizen_id, "missed_sessions", day + rng_range(r, 1, 2),
					companion, key, NULL);
			missed = 0;
			calls++;
		}
	}
}

/* Someone turns up without being enrolled and is added on the spot. */
void demo_make_walk_ins(struct gen *g, struct rng *r)
{
	if (!g->pool_n)
		return;
	for (long i = 0; i < g->nacts && gen_ok(g); i++) {
		const struct activity *a = &g->acts[i];
		if (!a->active || strcmp(a->t->community, "practice") != 0)
			continue;
		int hour = start_hour(a);
		for (int k = 0; k < a->nsessions; k++) {
			if (a->session_status[k] != 'h' || !rng_percent(r, 20))
				continue;
			long day = session_day(a, k);
			for (int tries = 0; tries < 4; tries++) {
				const struct walkin *w = &g->pool[rng_below(r, g->pool_n)];
				if (w->from > day || w->to <= day)
					continue;
				char marked_at[STAMP_LEN];
				demo_stamp(day, hour, (int)rng_range(r, 0, 30), marked_at);
				struct demo_attendance rec = {
					.session_id = a->session_id[k],
					.citizen_id = w->citizen_id,
					.mark = "present",
					.walk_in = true,
					.marked_at = marked_at,
				};
				if (demo_add_attendance(g->w, &rec))
					g->sum->attendance++;
				break;
			}
		}
	}
}

