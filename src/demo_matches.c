/* demo_matches.c — matches and follow-up calls for the demo; see
 * demo_matches.h. */
#include "demo_matches.h"

#include <stdio.h>
#include <string.h>

#include "demo_activities.h"
#include "demo_words.h"
#include "store_demo.h"

/* ---------- planning ---------- */

static int free_slot(const long *free_from, int capacity, long day)
{
	for (int i = 0; i < capacity; i++)
		if (free_from[i] <= day)
			return i;
	return -1;
}

static int find_activity(struct gen *g, struct rng *r, const struct citizen_plan *c,
			 long day, int exclude, int *slot)
{
	const struct index_list *near = &g->acts_in[demo_places[c->place].region];
	for (int attempt = 0; attempt < 8; attempt++) {
		int i = near->n && attempt < 6 ? near->items[rng_below(r, near->n)]
					       : (int)rng_below(r, g->nacts);
		struct activity *a = &g->acts[i];
		if (!a->active || i == exclude)
			continue;
		if (attempt < 4 && c->interests && !(c->interests & a->interests))
			continue;
		int s = free_slot(a->free_from, a->capacity, day);
		if (s < 0)
			continue;
		*slot = s;
		return i;
	}
	return -1;
}

static int find_volunteer(struct gen *g, struct rng *r, const struct citizen_plan *c,
			  long day, int *slot)
{
	const struct index_list *near = &g->vols_in[demo_places[c->place].region];
	for (int attempt = 0; attempt < 10; attempt++) {
		int i = near->n && attempt < 7 ? near->items[rng_below(r, near->n)]
					       : (int)rng_below(r, g->nvols);
		struct volunteer *v = &g->vols[i];
		if (!v->active || v->start > day)
			continue;
		if (attempt < 8 && ((c->pref_woman && !v->woman) || (c->pref_man && v->woman)
				    || (c->pref_lived && !v->lived_experience)))
			continue;
		if (attempt < 3 && c->interests && !(c->interests & v->interests))
			continue;
		int s = free_slot(v->free_from, v->capacity, day);
		if (s < 0)
			continue;
		*slot = s;
		return i;
	}
	return -1;
}

bool demo_plan_match(struct gen *g, struct rng *r, const struct citizen_plan *c,
		     struct plan_match *m, long day, bool want_vol, bool want_act,
		     int exclude, bool second)
{
	memset(m, 0, sizeof *m);
	m->vol = m->act = m->first_session = -1;
	if (want_act)
		m->act = find_activity(g, r, c, day, exclude, &m->act_slot);
	if (want_vol)
		m->vol = find_volunteer(g, r, c, day, &m->vol_slot);
	if (m->act < 0 && m->vol < 0)
		return false;
	m->day = day;
	m->first_day = day + 7;
	if (m->act >= 0) {
		m->first_session = demo_first_session_from(&g->acts[m->act], day);
		if (m->first_session >= 0)
			m->first_day = session_day(&g->acts[m->act], m->first_session);
	}
	m->acc_done = m->vol >= 0 && m->act >= 0 ? m->first_day + 7 * rng_range(r, 1, 5) : NO_DAY;

	long roll = rng_below(r, 100);
	m->end = NO_DAY;
	if (m->act >= 0) {
		long settled = m->acc_done != NO_DAY ? m->acc_done : m->first_day;
		if (roll < 55) {
			m->outcome = "on_own";
			m->end_reason = "Kommer nu på egen hånd.";
			m->end = settled + rng_range(r, 14, 60);
		} else if (roll < 67) {
			m->outcome = "did_not_work";
			m->end_reason = rng_percent(r, 50) ? "Tidspunktet passede ikke."
							   : "Kemien på holdet passede ikke.";
			m->end = day + rng_range(r, 14, 120);
		} else if (roll < 75) {
			m->outcome = "declined";
			m->end_reason = "Borgeren ønskede ikke at fortsætte.";
			m->end = day + rng_range(r, 3, 30);
		} else if (roll < 85 && !second) {
			m->outcome = "moved_activity";
			m->end_reason = "Flyttet til et tilbud, der passer bedre.";
			m->end = day + rng_range(r, 30, 150);
		}
	} else {
		if (roll < 40) {
			m->outcome = "on_own";
			m->end_reason = "Har nu et netværk og klarer sig selv.";
			m->end = day + rng_range(r, 60, 300);
		} else if (roll < 50) {
			m->outcome = "did_not_work";
			m->end_reason = "Kemien passede ikke.";
			m->end = day + rng_range(r, 30, 150);
		} else if (roll < 55) {
			m->outcome = "declined";
			m->end_reason = "Borgeren ønskede ikke flere besøg.";
			m->end = day + rng_range(r, 3, 30);
		}
	}
	if (m->end > g->today) {
		m->end = NO_DAY;
		m->outcome = m->end_reason = NULL;
	}
	if (m->acc_done != NO_DAY && (m->acc_done > g->today || m->acc_done > m->end))
		m->acc_done = NO_DAY;

	m->enrol_end = NO_DAY;
	if (m->act >= 0 && m->outcome) {
		if (strcmp(m->outcome, "on_own") != 0) {
			m->enrol_end = m->end;
		} else if (rng_percent(r, 45)) {
			/* Most who go on their own stay; some drift away later. */
			long left = m->end + rng_range(r, 60, 300);
			m->enrol_end = left <= g->today ? left : NO_DAY;
		}
	}
	bool struggling = m->outcome && (strcmp(m->outcome, "did_not_work") == 0
					 || strcmp(m->outcome, "declined") == 0);
	m->reliability = (int)(struggling ? rng_range(r, 30, 60) : rng_range(r, 70, 95));
	return true;
}

void demo_book_slots(struct gen *g, const struct citizen_plan *c)
{
	for (int k = 0; k < c->nmatches; k++) {
		const struct plan_match *m = &c->m[k];
		if (m->act >= 0)
			g->acts[m->act].free_from[m->act_slot] = m->enrol_end;
		if (m->vol >= 0)
			g->vols[m->vol].free_from[m->vol_slot] = m->end;
	}
}

/* ---------- follow-up calls ---------- */

/* Sets status, outcome, note and done time for a call due on `due`:
 * calls in the future are open, recent ones often still open (the desk's
 * list for today), a few from the last month forgotten, older ones done. */
static void settle_call(struct gen *g, struct rng *r, long due, struct demo_follow_up *f,
			char done_at[STAMP_LEN])
{
	f->status = "open";
	f->outcome = f->note = f->next_step = f->done_at = NULL;
	if (due >= g->today)
		return;
	long age = g->today - due;
	long roll = rng_below(r, 100);
	if ((age <= 4 && roll < 55) || (age > 4 && age <= 30 && roll < 4))
		return;
	if (age > 4 && roll < 7) {
		f->status = "cancelled";
		return;
	}
	const struct call_result *res =
		&demo_call_results[PICK_WEIGHTED(r, demo_call_results, demo_call_result_count)];
	f->status = "done";
	f->outcome = res->outcome;
	f->note = res->notes[rng_below(r, 3)];
	f->next_step = res->next_steps[rng_below(r, 3)];
	/* Drawn in the order the demo has always used: minute, hour, day. */
	int minute = (int)rng_range(r, 0, 59), hour = (int)rng_range(r, 9, 15);
	demo_stamp(due + (rng_percent(r, 80) ? 0 : 1), hour, minute, done_at);
	f->done_at = done_at;
}

void demo_skip_call(struct gen *g, struct rng *r, const struct citizen_plan *c, long due)
{
	if (due >= c->ended)
		return;
	struct demo_follow_up f = { 0 };
	char done_at[STAMP_LEN];
	settle_call(g, r, due, &f, done_at);
}

void demo_write_call(struct gen *g, struct rng *r, const struct citizen_plan *c,
		     long long citizen_id, const char *reason, long due, long long responsible,
		     const char *source_key, const char *due_time)
{
	if (due >= c->ended)
		return; /* no calls after the case has ended */
	char due_on[DATE_ISO_LEN], done_at[STAMP_LEN];
	iso(due, due_on);
	struct demo_follow_up f = {
		.citizen_id = citizen_id,
		.reason = reason,
		.due_on = due_on,
		.due_time = due_time,
		.responsible = responsible,
		.source_key = source_key,
	};
	settle_call(g, r, due, &f, done_at);
	if (f.outcome && source_key && strncmp(source_key, DEMO_FIRST_TALK, strlen(DEMO_FIRST_TALK)) == 0) {
		/* Nobody who was reached is still waiting for a first talk. */
		const struct call_result *not_reached = &demo_call_results[CALL_NOT_REACHED];
		f.outcome = not_reached->outcome;
		f.note = not_reached->notes[rng_below(r, 3)];
		f.next_step = not_reached->next_steps[rng_below(r, 3)];
	}
	/* Consent acts in the demo too: no call to a citizen who did not
	 * agree that volunteers call, none to the referrer without (or after
	 * withdrawing) the consent to feedback. The numbers are drawn all the
	 * same, so one citizen's consent does not change the others' story. */
	bool allowed = strcmp(reason, "referrer_feedback") == 0 ? due < c->feedback_until : c->contact;
	if (allowed && demo_add_follow_up(g->w, &f))
		g->sum->follow_ups++;
}

/* ---------- writing a match ---------- */

void demo_write_match(struct gen *g, struct rng *r, const struct citizen_plan *c,
		      const struct plan_match *m, long long citizen_id)
{
	char matched_on[DATE_ISO_LEN], acc[DATE_ISO_LEN], ended[DATE_ISO_LEN];
	char enrol_end[DATE_ISO_LEN];
	iso(m->day, matched_on);
	if (m->acc_done != NO_DAY)
		iso(m->acc_done, acc);
	if (m->end != NO_DAY)
		iso(m->end, ended);
	if (m->enrol_end != NO_DAY)
		iso(m->enrol_end, enrol_end);
	const struct activity *a = m->act >= 0 ? &g->acts[m->act] : NULL;
	long long vol_id = m->vol >= 0 ? g->vols[m->vol].id : 0;

	long long enrolment_id = 0;
	if (a) {
		struct demo_enrolment e = {
			.citizen_id = citizen_id,
			.activity_id = a->id,
			.enrolled_on = matched_on,
			.ended_on = m->enrol_end != NO_DAY ? enrol_end : NULL,
		};
		enrolment_id = demo_add_enrolment(g->w, &e);
		if (!enrolment_id)
			return;
	}
	struct demo_match rec = {
		.citizen_id = citizen_id,
		.volunteer_id = vol_id,
		.activity_id = a ? a->id : 0,
		.matched_on = matched_on,
		.first_session_id = a && m->first_session >= 0 ? a->session_id[m->first_session] : 0,
		.accompaniment_done_on = m->acc_done != NO_DAY ? acc : NULL,
		.ended_on = m->end != NO_DAY ? ended : NULL,
		.outcome = m->outcome,
		.end_reason = m->end_reason,
	};
	long long match_id = demo_add_match(g->w, &rec);
	if (!match_id)
		return;
	g->sum->matches++;

	/* One match, one call (src/call_rules.h): after the first session
	 * when there is one, else two weeks after the match. The call not
	 * made still draws its numbers, so the rest of the made-up data stays
	 * as it was. */
	char key[64];
	bool first_session_call = a && m->first_session >= 0;
	snprintf(key, sizeof key, "match:%lld", match_id);
	if (first_session_call)
		demo_skip_call(g, r, c, m->day + 14);
	else
		demo_write_call(g, r, c, citizen_id, "after_match", m->day + 14, vol_id, key, NULL);
	if (first_session_call) {
		snprintf(key, sizeof key, "first_session:%lld", match_id);
		demo_write_call(g, r, c, citizen_id, "after_first_session",
				m->first_day + rng_range(r, 1, 3), vol_id, key, NULL);
	}
	if (a)
		demo_write_attendance(g, r, c, m, citizen_id, enrolment_id);
}
