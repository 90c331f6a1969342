/* demo_citizens.c — the demo's citizens and their referrals; see
 * demo_citizens.h. */
#include "demo_citizens.h"

#include <stdio.h>
#include <string.h>

#include "demo_matches.h"
#include "demo_people.h"
#include "demo_words.h"
#include "store_demo.h"
#include "strbuf.h"

/* ---------- the plan ---------- */

static void plan_citizen(struct gen *g, struct rng *r, struct citizen_plan *c)
{
	c->assessed = c->handover = c->ended = NO_DAY;
	c->nmatches = 0;
	c->end_reason = NULL;
	long assessed = c->ref + rng_range(r, 2, 14);
	if (assessed > g->today || rng_percent(r, 3))
		return; /* waiting for, or never came to, the first conversation */
	c->assessed = assessed;
	if (rng_percent(r, 7)) {
		c->professional = true;
		long handover = assessed + rng_range(r, 0, 10);
		if (rng_percent(r, 75) && handover <= g->today) {
			c->handover = handover;
			c->ended = handover;
			c->end_reason = "handed_over";
		}
		return;
	}
	if (!rng_percent(r, 85))
		return; /* on the waiting list */
	long day = assessed + rng_range(r, 3, 21);
	if (day > g->today)
		return;
	long kind = rng_below(r, 100);
	bool want_vol = kind < 65, want_act = kind < 45 || kind >= 65;
	if (!demo_plan_match(g, r, c, &c->m[0], day, want_vol, want_act, -1, false))
		return;
	c->nmatches = 1;
	if (c->m[0].outcome && strcmp(c->m[0].outcome, "moved_activity") == 0
	    && demo_plan_match(g, r, c, &c->m[1], c->m[0].end, false, true, c->m[0].act, true))
		c->nmatches = 2;

	const struct plan_match *last = &c->m[c->nmatches - 1];
	bool any_open = false;
	long latest = assessed;
	for (int k = 0; k < c->nmatches; k++) {
		any_open |= match_open(&c->m[k]);
		if (!match_open(&c->m[k]) && c->m[k].end > latest)
			latest = c->m[k].end;
	}
	long end = NO_DAY;
	bool lasting = false;
	if (last->outcome && strcmp(last->outcome, "on_own") == 0 && rng_percent(r, 40)) {
		end = last->end + rng_range(r, 30, 120);
		c->end_reason = "lasting_community";
		lasting = true;
	} else if (last->outcome && strcmp(last->outcome, "declined") == 0 && rng_percent(r, 30)) {
		end = last->end + rng_range(r, 1, 14);
		c->end_reason = "declined";
	} else if (!any_open && rng_permille(r, 15)) {
		end = latest + rng_range(r, 1, 200);
		c->end_reason = "moved";
	} else if (!any_open && c->age >= 75 && rng_percent(r, 2)) {
		end = latest + rng_range(r, 1, 300);
		c->end_reason = "deceased";
	}
	if (end > g->today) {
		c->end_reason = NULL;
		return;
	}
	if (!c->end_reason)
		return;
	c->ended = end;
	/* Someone who went on to a lasting community keeps going there;
	 * otherwise ending the case ends the enrolments too. */
	if (!lasting)
		for (int k = 0; k < c->nmatches; k++)
			if (c->m[k].act >= 0 && c->m[k].enrol_end > end)
				c->m[k].enrol_end = end;
}

/* ---------- referrals and relatives ---------- */

static void write_referral(struct gen *g, struct rng *r, long long citizen_id, long day,
			   int place, const struct person *relative, const char *relative_phone,
			   const char *source, long long *referral_id, bool *feedback)
{
	const char *city = demo_places[place].city;
	char name_buf[NAME_LEN], org[TEXT_LEN], phone[16], referred_on[DATE_ISO_LEN];
	char created[STAMP_LEN];
	struct demo_referral rec = { .citizen_id = citizen_id, .source = source };
	iso(day, referred_on);
	rec.referred_on = referred_on;
	demo_office_stamp(r, day, created);
	rec.created_at = created;
	if (strcmp(source, "relative") == 0) {
		rec.referrer_name = relative->name;
		rec.referrer_phone = relative_phone;
	} else if (strcmp(source, "self") != 0) {
		struct person p;
		demo_make_person(r, &p, demo_pick_gender(r, 70), NULL);
		snprintf(name_buf, sizeof name_buf, "%s", p.name);
		if (strcmp(source, "health_staff") == 0)
			demo_expand(org, sizeof org, PICK(r, demo_health_orgs), city);
		else if (strcmp(source, "gp") == 0)
			snprintf(org, sizeof org, "Lægehuset %s", PICK(r, demo_streets));
		else if (strcmp(source, "municipal") == 0)
			demo_expand(org, sizeof org, PICK(r, demo_municipal_orgs), city);
		else if (strcmp(source, "job_centre") == 0)
			snprintf(org, sizeof org, "Jobcenter %s", city);
		else
			demo_expand(org, sizeof org, PICK(r, demo_other_orgs), city);
		demo_landline(r, phone, sizeof phone, place);
		rec.referrer_name = name_buf;
		rec.referrer_org = org;
		rec.referrer_phone = phone;
	}
	rec.feedback_consent = strcmp(source, "self") != 0 && rng_percent(r, 60);
	*feedback = rec.feedback_consent;
	*referral_id = demo_add_referral(g->w, &rec);
	if (*referral_id)
		g->sum->referrals++;
}

static const struct relation *pick_relation(struct rng *r, int age)
{
	for (int tries = 0; tries < 20; tries++) {
		const struct relation *rel = &demo_relations[rng_below(r, demo_relation_count)];
		if (age >= rel->min_age && age <= rel->max_age)
			return rel;
	}
	return &demo_relations[RELATION_FRIEND];
}

static int pick_age(struct rng *r)
{
	long x = rng_below(r, 100);
	if (x < 20)
		return (int)rng_range(r, 18, 29);
	if (x < 40)
		return (int)rng_range(r, 30, 44);
	if (x < 65)
		return (int)rng_range(r, 45, 64);
	return (int)rng_range(r, 65, 90);
}

static void pool_offer(struct gen *g, struct rng *r, long long id, long from, long to)
{
	/* Reservoir sampling keeps the pool small and fair for any size. */
	long slot = g->pool_seen < WALKIN_POOL ? g->pool_seen : rng_below(r, g->pool_seen + 1);
	g->pool_seen++;
	if (slot < WALKIN_POOL) {
		g->pool[slot] = (struct walkin){ id, from, to };
		if (g->pool_n <= slot)
			g->pool_n = slot + 1;
	}
}

/* ---------- a citizen ---------- */

void demo_make_citizen(struct gen *g, struct rng *r, long index, long n)
{
	struct citizen_plan c = { 0 };
	struct person p;
	const struct name_group *group = demo_pick_name_group(r);
	demo_make_person(r, &p, demo_pick_gender(r, 56), group);
	c.age = pick_age(r);
	c.place = demo_pick_place(r);
	c.interests = demo_pick_ids(r, 1, 3, INTEREST_COUNT);
	unsigned barriers = rng_percent(r, 70) ? demo_pick_ids(r, 0, 2, BARRIER_COUNT) : 0;
	if (rng_percent(r, 25))
		barriers |= 1u << B_ANXIETY;
	if (group && rng_percent(r, strcmp(group->language, "engelsk") == 0 ? 30 : 70))
		barriers |= 1u << B_LANGUAGE;
	if (c.age >= 75 && rng_percent(r, 40))
		barriers |= 1u << B_MOBILITY;
	long pref = rng_below(r, 100);
	c.pref_woman = pref < 10;
	c.pref_man = pref >= 10 && pref < 14;
	c.pref_lived = rng_percent(r, 15);

	/* Referred in id order over the years; weekend referrals are
	 * registered on Monday. */
	c.ref = g->today - g->history_days
		+ (long)((long long)g->history_days * (2LL * index + 1) / (2LL * n));
	int wd = date_weekday(date_from_days(c.ref));
	if (wd >= 6 && c.ref + (8 - wd) <= g->today)
		c.ref += 8 - wd;
	plan_citizen(g, r, &c);
	demo_book_slots(g, &c);

	char phone[16], email[NAME_LEN], address[TEXT_LEN], wishes[TEXT_LEN];
	char created[STAMP_LEN], updated[STAMP_LEN], ended_on[DATE_ISO_LEN];
	bool has_phone = rng_percent(r, 95);
	if (has_phone)
		demo_mobile(r, phone, sizeof phone);
	bool has_email = rng_percent(r, c.age < 60 ? 50 : 20);
	if (has_email)
		demo_make_email(r, &p, email, sizeof email);
	demo_make_address(r, address, sizeof address);

	int wish_interest = 0;
	for (int k = 1; k <= INTEREST_COUNT && !wish_interest; k++)
		if ((c.interests & (1u << k)) && rng_percent(r, 60))
			wish_interest = k;
	struct strbuf wb = strbuf_on(wishes, sizeof wishes);
	if (rng_percent(r, 55))
		strbuf_add(&wb, "%s ", PICK(r, demo_backgrounds));
	strbuf_add(&wb, "%s", demo_wish_by_interest[wish_interest]);
	if (rng_percent(r, 30))
		strbuf_add(&wb, " %s", PICK(r, demo_company_wishes));

	long pref_contact = rng_below(r, 100);
	const char *contact_pref = pref_contact < 45 ? "phone" : pref_contact < 80 ? "sms"
		: pref_contact < 90 ? (has_email ? "email" : "sms")
		: pref_contact < 95 ? "letter" : "visit";
	if (!has_phone && (contact_pref[0] == 'p' || contact_pref[0] == 's'))
		contact_pref = "letter";

	demo_office_stamp(r, c.ref, created);
	long last_change = c.ended != NO_DAY ? c.ended
		: c.nmatches ? c.m[c.nmatches - 1].day
		: c.assessed != NO_DAY ? c.assessed : c.ref;
	demo_office_stamp(r, last_change, updated);
	if (c.ended != NO_DAY)
		iso(c.ended, ended_on);

	struct demo_citizen rec = {
		.name = p.name,
		.birth_year = g->today_year - c.age,
		.phone = has_phone ? phone : NULL,
		.email = has_email ? email : NULL,
		.address = address,
		.postcode = demo_places[c.place].postcode,
		.town = demo_places[c.place].town,
		.contact_pref = contact_pref,
		.gender = demo_gender_code(p.gender),
		.wishes = wishes,
		.pref_volunteer_gender = c.pref_woman ? "woman" : c.pref_man ? "man" : NULL,
		.pref_lived_experience = c.pref_lived,
		.language = group ? group->language : "dansk",
		.status = c.ended != NO_DAY ? "ended" : "active",
		.ended_on = c.ended != NO_DAY ? ended_on : NULL,
		.end_reason = c.ended != NO_DAY ? c.end_reason : NULL,
		.created_at = created,
		.updated_at = updated,
		.keys = &g->citizen_keys,
	};
	demo_citizen_keys(&rec, &g->citizen_keys);
	long long id = demo_add_citizen(g->w, &rec);
	if (!id)
		return;
	g->sum->citizens++;

	demo_write_ids(g->w, id, c.interests, INTEREST_COUNT, demo_add_citizen_interest);
	demo_write_ids(g->w, id, barriers, BARRIER_COUNT, demo_add_citizen_barrier);
	bool avail[8][3] = { { false } };
	for (long k = rng_range(r, 1, 3); k > 0; k--) {
		int day = (int)(rng_percent(r, 85) ? rng_range(r, 1, 5) : rng_range(r, 6, 7));
		int part = (int)(rng_percent(r, 70) ? rng_below(r, 2) : 2);
		if (avail[day][part])
			continue;
		avail[day][part] = true;
		demo_add_citizen_availability(g->w, id, day, demo_day_parts[part]);
	}

	/* Who referred, and a relative when one takes part. */
	const char *source = pick_weighted(r, demo_sources, demo_source_count);
	if (c.age >= 67 && strcmp(source, "job_centre") == 0)
		source = "gp"; /* past pension age: no job centre */
	bool has_relative = strcmp(source, "relative") == 0 || rng_percent(r, 15);
	struct person relative = { 0 };
	char relative_phone[16] = "";
	if (has_relative) {
		const struct relation *rel = pick_relation(r, c.age);
		enum gender rg = rel->sex == 0 ? WOMAN : rel->sex == 1 ? MAN : demo_pick_gender(r, 50);
		demo_make_person(r, &relative, rg == OTHER ? WOMAN : rg, group);
		if (rel->family && rng_percent(r, 70)) {
			snprintf(relative.last, sizeof relative.last, "%s", p.last);
			snprintf(relative.name, sizeof relative.name, "%s %s", relative.first, p.last);
		}
		demo_mobile(r, relative_phone, sizeof relative_phone);
		bool takes_part = rng_percent(r, 60);
		bool wants_support = rng_percent(r, 20);
		struct demo_relative rr = {
			.citizen_id = id,
			.name = relative.name,
			.relation = rel->name,
			.phone = relative_phone,
			.takes_part = takes_part,
			.wants_support = wants_support,
		};
		demo_add_relative(g->w, &rr);
	}
	long long referral_id;
	bool feedback;
	write_referral(g, r, id, c.ref, c.place, &relative, relative_phone, source,
		       &referral_id, &feedback);

	char day[DATE_ISO_LEN], other_day[DATE_ISO_LEN];
	iso(c.ref, day);
	demo_add_consent(g->w, &(struct demo_consent){
		.citizen_id = id, .purpose = "registration", .given_on = day });
	c.feedback_until = 0;
	if (feedback) {
		long withdrawn = c.ref + rng_range(r, 30, 400);
		bool withdraw = rng_percent(r, 3) && withdrawn <= g->today;
		if (withdraw)
			iso(withdrawn, other_day);
		demo_add_consent(g->w, &(struct demo_consent){
			.citizen_id = id, .purpose = "referrer_feedback", .given_on = day,
			.withdrawn_on = withdraw ? other_day : NULL });
		c.feedback_until = withdraw ? withdrawn : NO_DAY;
	}
	/* Most agree at the first talk that volunteers may call; everyone
	 * matched with a volunteer has. */
	bool with_volunteer = false;
	for (int k = 0; k < c.nmatches; k++)
		with_volunteer |= c.m[k].vol >= 0;
	c.contact = rng_percent(&g->consents, 88) || with_volunteer;
	if (c.contact)
		demo_add_consent(g->w, &(struct demo_consent){
			.citizen_id = id, .purpose = "volunteer_contact", .given_on = day });

	if (c.assessed != NO_DAY) {
		char assessed[DATE_ISO_LEN], handover_on[DATE_ISO_LEN], handover_to[TEXT_LEN];
		iso(c.assessed, assessed);
		struct demo_assessment a = {
			.citizen_id = id,
			.assessed_on = assessed,
			.outcome = c.professional ? "professional_help" : "volunteer_help",
			.note = c.professional ? PICK(r, demo_professional_help_notes)
					       : PICK(r, demo_volunteer_help_notes),
		};
		if (c.professional) {
			demo_expand(handover_to, sizeof handover_to, PICK(r, demo_handover_orgs),
				    demo_places[c.place].city);
			a.handover_to = handover_to;
			if (c.handover != NO_DAY) {
				iso(c.handover, handover_on);
				a.handover_on = handover_on;
			}
		}
		demo_add_assessment(g->w, &a);
	}

	for (int k = 0; k < c.nmatches; k++)
		demo_write_match(g, r, &c, &c.m[k], id);

	char key[64];
	if (feedback && c.assessed != NO_DAY) {
		snprintf(key, sizeof key, "referral:%lld", referral_id);
		demo_write_call(g, r, &c, id, "referrer_feedback", c.assessed + 7, 0, key, NULL);
	}
	if (c.assessed == NO_DAY && c.ref + 3 <= g->today) {
		/* The first talk, agreed at the referral: not the rule's call
		 * after weeks without contact, which a referral days ago is not. */
		snprintf(key, sizeof key, DEMO_FIRST_TALK "%lld", id);
		demo_write_call(g, r, &c, id, "agreed", c.ref + 3, 0, key, NULL);
	}
	if (c.assessed != NO_DAY && c.ended == NO_DAY && rng_percent(r, 25)) {
		/* A call agreed with the citizen, some due today. */
		long long who = 0;
		for (int k = 0; k < c.nmatches; k++)
			if (c.m[k].vol >= 0 && match_open(&c.m[k]))
				who = g->vols[c.m[k].vol].id;
		long due = g->today + rng_range(r, -6, 20);
		if (rng_percent(r, 20))
			due = g->today;
		if (due < c.assessed)
			due = c.assessed + 1;
		demo_write_call(g, r, &c, id, "agreed", due, who, NULL, PICK(r, demo_call_times));
	}

	/* Assessed, never placed in a group: might walk in at a café. */
	bool enrolled = false;
	for (int k = 0; k < c.nmatches; k++)
		enrolled |= c.m[k].act >= 0;
	if (c.assessed != NO_DAY && !c.professional && !enrolled)
		pool_offer(g, r, id, c.assessed, c.ended);
}

void demo_make_bare_referrals(struct gen *g, struct rng *r, long n)
{
	for (long i = 0; i < n && gen_ok(g); i++) {
		long day = g->today - rng_range(r, 0, g->history_days - 1);
		const char *source;
		do
			source = pick_weighted(r, demo_sources, demo_source_count);
		while (strcmp(source, "self") == 0 || strcmp(source, "relative") == 0);
		long long id;
		bool feedback;
		write_referral(g, r, 0, day, demo_pick_place(r), NULL, NULL, source, &id, &feedback);
	}
}
