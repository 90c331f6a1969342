/* Unit tests for src/match.c: every scoring criterion alone (its points
 * and its words), every hard limit, the ranking order, the waiting time in
 * words and the volunteer's time against the activity's, the free places,
 * whether a confirm is refused and what ending a match does. Words are checked
 * in English (LANGUAGE=en), so the test does not depend on the catalogue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "match.h"
#include "tap.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static const struct pick interest_names[] = {
	{ 1, "Gåture", true }, { 2, "Fodbold", true }, { 3, "Kreativt håndværk", true }, { 4, "Sang og musik", true },
	{ 5, "Madlavning", true }, { 6, "Brætspil", true },
};
static const struct match_words words = { interest_names, 6 };

/* A citizen with no facts that score: Danish, no postcode, no times. */
static struct match_citizen_facts citizen(void)
{
	struct match_citizen_facts c;
	memset(&c, 0, sizeof c);
	c.id = 1;
	SET(c.name, "Søren Ærø");
	c.active = true;
	SET(c.language, "dansk");
	SET(c.language_label, "dansk");
	return c;
}

/* An active volunteer with one free place of two, nothing else in common. */
static struct match_volunteer_facts volunteer(void)
{
	struct match_volunteer_facts v;
	memset(&v, 0, sizeof v);
	v.id = 10;
	SET(v.name, "Bente Ølgaard");
	SET(v.status, "active");
	v.capacity = 2;
	v.load = 1;
	SET(v.languages[0], "dansk");
	v.nlanguages = 1;
	return v;
}

static struct match_activity_facts activity(void)
{
	struct match_activity_facts a;
	memset(&a, 0, sizeof a);
	a.id = 20;
	SET(a.name, "Gå-gruppen");
	SET(a.status, "active");
	a.capacity = 20;
	a.load = 15;
	return a;
}

static bool score_v(const struct match_citizen_facts *c, const struct match_volunteer_facts *v,
		    struct match_result *r)
{
	struct match_candidate cand = { .volunteer = v };
	return match_score(c, &cand, r);
}

static bool score_a(const struct match_citizen_facts *c, const struct match_activity_facts *a,
		    struct match_result *r)
{
	struct match_candidate cand = { .activity = a };
	return match_score(c, &cand, r);
}

/* The reason for `criterion`, or NULL. */
static const struct match_reason *reason(const struct match_result *r, enum match_criterion criterion)
{
	for (int i = 0; i < r->nreasons; i++)
		if (r->reasons[i].criterion == criterion)
			return &r->reasons[i];
	return NULL;
}

static void reason_is(const struct match_result *r, const struct match_citizen_facts *c,
		      enum match_criterion criterion, int points, const char *words_want, const char *what)
{
	const struct match_reason *x = reason(r, criterion);
	TAP_CHECK(x != NULL, "%s: the reason is given", what);
	if (!x)
		return;
	TAP_INT_EQ(x->points, points, "%s: %+d points", what, points);
	char text[400];
	match_reason_text(x, c, &words, text, sizeof text);
	TAP_STR_EQ(text, words_want, "%s: in words", what);
}

/* The baseline: only the free places count (1 of 2 free: +5). */
static void baseline(void)
{
	struct match_citizen_facts c = citizen();
	struct match_volunteer_facts v = volunteer();
	struct match_result r;
	TAP_CHECK(score_v(&c, &v, &r), "a plain active volunteer with a free place is a candidate");
	TAP_INT_EQ(r.nreasons, 1, "only one reason: the free places");
	reason_is(&r, &c, MC_FREE_PLACES, 5, "1 of 2 places free", "free places");
	TAP_INT_EQ(r.score, 5, "the score is the sum of the points");

	v.load = 0;
	v.capacity = 3;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_FREE_PLACES, 10, "3 of 3 places free", "all places free");
	v.capacity = 1;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_FREE_PLACES, 10, "1 of 1 place free", "one place of one");
}

static void interests(void)
{
	struct match_citizen_facts c = citizen();
	struct match_volunteer_facts v = volunteer();
	struct match_result r;
	c.interests[0] = 1;
	c.interests[1] = 3;
	c.ninterests = 2;
	v.interests[0] = 3;
	v.ninterests = 1;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_INTERESTS, 10, "shared interests: Kreativt håndværk", "one shared interest");
	v.interests[1] = 1;
	v.ninterests = 2;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_INTERESTS, 20, "shared interests: Gåture, Kreativt håndværk", "two shared interests");
	for (int i = 0; i < 5; i++)
		c.interests[i] = v.interests[i] = i + 1;
	c.ninterests = v.ninterests = 5;
	score_v(&c, &v, &r);
	TAP_INT_EQ(reason(&r, MC_INTERESTS)->points, MP_INTEREST_MAX, "five shared interests are capped at +30");
	v.ninterests = 0;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_INTERESTS), "no shared interest: no reason and no points");

	struct match_activity_facts a = activity();
	a.interests[0] = 2;
	a.ninterests = 1;
	score_a(&c, &a, &r);
	reason_is(&r, &c, MC_INTERESTS, 10, "shared interests: Fodbold", "an activity's interest");
}

static void area(void)
{
	struct match_citizen_facts c = citizen();
	struct match_volunteer_facts v = volunteer();
	struct match_result r;
	c.postcode = 8000;
	v.postcode = 8000;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_AREA_SAME, 20, "same area: 8000 Aarhus C", "the volunteer lives in the same postcode");
	v.postcode = 2100;
	v.areas[0] = 8000;
	v.nareas = 1;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_AREA_SAME, 20, "same area: 8000 Aarhus C", "an area the volunteer covers counts");
	v.areas[0] = 8030;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_AREA_SAME), "8030 is not the same area as 8000");
	reason_is(&r, &c, MC_AREA_NEAR, 10, "nearby: 8030", "same first two digits: nearby");
	v.areas[0] = 8200;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_AREA_NEAR) && !reason(&r, MC_AREA_SAME), "8200 is neither same nor nearby for 8000");
	TAP_CHECK(!reason(&r, MC_AREA_FAR), "but not far away either: the volunteer covers 8200, Aarhus's part of the country");
	v.nareas = 0;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_AREA_FAR, -20, "far away: 2100 København Ø", "a volunteer living in Copenhagen is far away from 8000");
	v.postcode = 1000;
	c.postcode = 2100;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_AREA_FAR), "1xxx and 2xxx are both Copenhagen");
	v.postcode = 4600;
	c.postcode = 2680;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_AREA_FAR), "Køge is beside Solrød, though its first digit differs");
	v.postcode = 3700;
	c.postcode = 3000;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_AREA_FAR, -20, "far away: 3700 Rønne", "Bornholm is far from Helsingør");
	v.postcode = 3900;
	score_v(&c, &v, &r);
	TAP_CHECK(reason(&r, MC_AREA_FAR) != NULL, "Greenland (3900) is far from Helsingør too, not North Zealand");
	v.postcode = 3699;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_AREA_FAR), "3699 is North Zealand, beside 3000");
	v.postcode = 0;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_AREA_FAR), "a volunteer with no postcode is not far away");
	c.postcode = 0;
	v.postcode = 8000;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_AREA_SAME), "no postcode for the citizen: area does not count");

	struct match_activity_facts a = activity();
	c.postcode = 8210;
	a.postcode = 8210;
	score_a(&c, &a, &r);
	reason_is(&r, &c, MC_AREA_SAME, 20, "same area: 8210 Aarhus V", "an activity in the citizen's postcode");
	a.postcode = 8220;
	score_a(&c, &a, &r);
	reason_is(&r, &c, MC_AREA_NEAR, 10, "nearby: 8220 Brabrand", "an activity nearby");
	a.postcode = 2100;
	score_a(&c, &a, &r);
	reason_is(&r, &c, MC_AREA_FAR, -20, "far away: 2100 København Ø", "an activity in Copenhagen is far away from Aarhus");
	a.postcode = 9000;
	score_a(&c, &a, &r);
	TAP_CHECK(!reason(&r, MC_AREA_FAR), "Aalborg's part touches Aarhus's: not far away (coarse on purpose)");
}

static void times(void)
{
	struct match_citizen_facts c = citizen();
	struct match_volunteer_facts v = volunteer();
	struct match_result r;
	c.availability = AVAIL_BIT(2, 0) | AVAIL_BIT(4, 1) | AVAIL_BIT(5, 2);
	v.availability = AVAIL_BIT(2, 0) | AVAIL_BIT(4, 1) | AVAIL_BIT(4, 0);
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_TIMES, 10, "both free Tue morning, Thu afternoon", "two shared times");
	c.availability = v.availability = 0x1fffff;
	score_v(&c, &v, &r);
	TAP_INT_EQ(reason(&r, MC_TIMES)->points, MP_SLOT_MAX, "times are capped at +20");
	v.availability = 0;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_TIMES), "no shared time: no reason");

	struct match_activity_facts a = activity();
	a.weekday = 4;
	SET(a.start_time, "10:00");
	c.availability = AVAIL_BIT(4, 0);
	score_a(&c, &a, &r);
	reason_is(&r, &c, MC_TIME_FITS, 20, "meets Thu morning, a time that suits", "the activity meets when they can");
	c.availability = AVAIL_BIT(4, 2);
	score_a(&c, &a, &r);
	reason_is(&r, &c, MC_TIME_MISFITS, -10, "meets Thu morning, not a time they gave",
		  "the activity meets at another time");
	c.availability = 0;
	score_a(&c, &a, &r);
	TAP_CHECK(!reason(&r, MC_TIME_FITS) && !reason(&r, MC_TIME_MISFITS), "no times given: time does not count");
	TAP_INT_EQ(match_part_of_day("11:59"), 0, "11:59 is morning");
	TAP_INT_EQ(match_part_of_day("12:00"), 1, "12:00 is afternoon");
	TAP_INT_EQ(match_part_of_day("17:00"), 2, "17:00 is evening");
	TAP_INT_EQ(match_part_of_day(""), -1, "no time: unknown");
}

static void language(void)
{
	struct match_citizen_facts c = citizen();
	struct match_volunteer_facts v = volunteer();
	struct match_result r;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_LANGUAGE) && !reason(&r, MC_NO_DANISH), "Danish with Danish: nothing to say");
	SET(v.languages[0], "arabisk");
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_NO_DANISH, -20, "does not speak Danish", "a Danish speaker and a volunteer without Danish");
	SET(c.language, "arabisk");
	SET(c.language_label, "Arabisk");
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_LANGUAGE, 20, "speaks Arabisk", "the volunteer speaks the citizen's language");
	SET(v.languages[0], "dansk");
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_LANGUAGE) && !reason(&r, MC_NO_DANISH), "Arabic speaker, Danish volunteer: no points");
	reason_is(&r, &c, MC_NO_LANGUAGE, 0, "does not speak Arabisk", "but it is said (a new user saw no word of it)");
	c.language[0] = '\0';
	v.nlanguages = 0;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_NO_DANISH), "no languages recorded: no penalty");
}

static void wishes(void)
{
	struct match_citizen_facts c = citizen();
	struct match_volunteer_facts v = volunteer();
	struct match_result r;
	SET(c.pref_gender, "woman");
	SET(v.gender, "woman");
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_GENDER, 15, "a woman, as wished", "the wished gender");
	SET(v.gender, "man");
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_GENDER_OTHER, -15, "not a woman, as was wished", "not the wished gender");
	v.gender[0] = '\0';
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_GENDER_UNKNOWN, 0, "gender not given (a woman was wished)", "gender not given");
	c.pref_gender[0] = '\0';
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_GENDER_UNKNOWN), "no wish: gender does not count");

	c.birth_year = 1960;
	v.birth_year = 1965;
	SET(c.pref_age, "similar");
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_AGE, 10, "close in age, as wished", "five years apart is close in age");
	v.birth_year = 1990;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_AGE_OTHER, -10, "not close in age, as was wished", "thirty years apart is not");
	SET(c.pref_age, "younger");
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_AGE, 10, "younger, as wished", "a younger volunteer was wished");
	SET(c.pref_age, "older");
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_AGE_OTHER, -10, "not older, as was wished", "an older volunteer was wished");
	v.birth_year = 0;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_AGE_UNKNOWN, 0, "age not given, so the age wish cannot be checked", "age not given");

	c.pref_lived_experience = true;
	v.lived_experience = true;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_LIVED, 15, "has lived experience, as wished", "lived experience wished and there");
	v.lived_experience = false;
	score_v(&c, &v, &r);
	reason_is(&r, &c, MC_LIVED_MISSING, -10, "no lived experience, which was wished", "wished but missing");
	c.pref_lived_experience = false;
	v.lived_experience = true;
	score_v(&c, &v, &r);
	TAP_CHECK(!reason(&r, MC_LIVED), "not wished: lived experience does not count");
}

static void practice_community(void)
{
	struct match_citizen_facts c = citizen();
	struct match_activity_facts a = activity();
	struct match_result r;
	a.practice = true;
	score_a(&c, &a, &r);
	TAP_CHECK(!reason(&r, MC_PRACTICE_ANXIETY), "no anxiety: a practice community scores nothing extra");
	c.anxiety = true;
	score_a(&c, &a, &r);
	reason_is(&r, &c, MC_PRACTICE_ANXIETY, 15, "a practice community: a safe first step with anxiety",
		  "anxiety and a practice community");
	a.practice = false;
	score_a(&c, &a, &r);
	TAP_CHECK(!reason(&r, MC_PRACTICE_ANXIETY), "anxiety and a lasting community: nothing extra");
	a.practice = true;
	score_a(&c, &a, &r);
	reason_is(&r, &c, MC_FREE_PLACES, 2, "5 of 20 places free", "an activity's free places");
	TAP_INT_EQ(r.score, 17, "practice community and free places add up");
}

static void hard_limits(void)
{
	struct match_citizen_facts c = citizen();
	struct match_volunteer_facts v = volunteer();
	struct match_activity_facts a = activity();
	struct match_result r;
	const char *statuses[] = { "training", "paused", "stopped" };
	for (int i = 0; i < 3; i++) {
		SET(v.status, statuses[i]);
		TAP_CHECK(!score_v(&c, &v, &r) && r.limit == ML_NOT_ACTIVE, "a volunteer %s is filtered", statuses[i]);
		TAP_INT_EQ(r.score, 0, "a filtered volunteer has no score");
	}
	v = volunteer();
	v.load = 2;
	TAP_CHECK(!score_v(&c, &v, &r) && r.limit == ML_VOLUNTEER_FULL, "a volunteer without a free place is filtered");
	v.capacity = 0;
	v.load = 0;
	TAP_CHECK(!score_v(&c, &v, &r) && r.limit == ML_VOLUNTEER_FULL, "capacity 0 means no free place");
	v = volunteer();
	c.matched_volunteers[0] = v.id;
	c.nmatched_volunteers = 1;
	TAP_CHECK(!score_v(&c, &v, &r) && r.limit == ML_ALREADY_MATCHED, "a volunteer already matched is filtered");
	c = citizen();
	/* A full volunteer is filtered however well everything else fits. */
	v.load = 2;
	SET(c.pref_gender, "woman");
	SET(v.gender, "woman");
	c.postcode = v.postcode = 8000;
	TAP_CHECK(!score_v(&c, &v, &r), "a perfect but full volunteer is still filtered");

	SET(a.status, "ended");
	TAP_CHECK(!score_a(&c, &a, &r) && r.limit == ML_ENDED, "an ended activity is filtered");
	a = activity();
	a.load = 20;
	TAP_CHECK(!score_a(&c, &a, &r) && r.limit == ML_ACTIVITY_FULL, "a full activity is filtered");
	a.load = 25;
	TAP_CHECK(!score_a(&c, &a, &r) && r.limit == ML_ACTIVITY_FULL, "an over-full activity is filtered");
	a = activity();
	c.enrolled_activities[0] = a.id;
	c.nenrolled = 1;
	TAP_CHECK(!score_a(&c, &a, &r) && r.limit == ML_ALREADY_ENROLLED, "an activity they take part in is filtered");
	/* A match that ended because it did not work is not proposed again. */
	c = citizen();
	a = activity();
	v = volunteer();
	c.tried_volunteers[0] = v.id;
	c.ntried_volunteers = 1;
	c.tried_activities[0] = a.id;
	c.ntried_activities = 1;
	TAP_CHECK(!score_v(&c, &v, &r) && r.limit == ML_TRIED, "a volunteer it did not work with is filtered");
	TAP_CHECK(!score_a(&c, &a, &r) && r.limit == ML_TRIED, "an activity it did not work in is filtered");
	TAP_STR_EQ(match_limit_text(ML_VOLUNTEER_FULL), "no free place", "a limit in words");
	TAP_STR_EQ(match_limit_text(ML_ACTIVITY_FULL), "full", "a full activity in words");
	struct match_candidate none = { 0 };
	TAP_CHECK(!match_score(&c, &none, &r), "no candidate scores nothing");
}

static void ranking(void)
{
	struct match_citizen_facts c = citizen();
	c.postcode = 8000;
	struct match_volunteer_facts vols[4] = { volunteer(), volunteer(), volunteer(), volunteer() };
	const char *names[] = { "Åse", "Bo", "Anna", "Carl" };
	const char *keys[] = { "zz", "b", "a", "c" };
	for (int i = 0; i < 4; i++) {
		vols[i].id = i + 1;
		SET(vols[i].name, names[i]);
		SET(vols[i].sort_key, keys[i]);
	}
	vols[0].postcode = 8000;   /* +20 */
	SET(vols[3].status, "paused");
	struct match_pool pool = { .volunteers = vols, .nvolunteers = 4 };
	struct match_ranked ranked[4];
	int filtered[ML_COUNT];
	int n = match_rank(&c, &pool, true, ranked, filtered);
	TAP_INT_EQ(n, 3, "three candidates, one filtered");
	TAP_INT_EQ(filtered[ML_NOT_ACTIVE], 1, "the paused one is counted as not active");
	TAP_CHECK(n == 3 && ranked[0].id == 1 && ranked[1].id == 3 && ranked[2].id == 2,
		  "best score first, then Danish name order for equal scores");
}

static void words_and_pairs(void)
{
	char text[100];
	match_waiting_text(0, text, sizeof text);
	TAP_STR_EQ(text, "since today", "waited no days");
	match_waiting_text(1, text, sizeof text);
	TAP_STR_EQ(text, "1 day", "waited one day");
	match_waiting_text(13, text, sizeof text);
	TAP_STR_EQ(text, "13 days", "waited 13 days");
	match_waiting_text(21, text, sizeof text);
	TAP_STR_EQ(text, "3 weeks", "three weeks");
	match_waiting_text(200, text, sizeof text);
	TAP_STR_EQ(text, "6 months", "half a year");

	struct match_volunteer_facts v = volunteer();
	struct match_activity_facts a = activity();
	a.weekday = 2;
	SET(a.start_time, "18:30");
	TAP_CHECK(match_volunteer_free_at(&v, &a), "a volunteer with no times recorded: no clash is claimed");
	v.availability = AVAIL_BIT(2, 0);
	TAP_CHECK(!match_volunteer_free_at(&v, &a), "free Tuesday morning only: clashes with Tuesday evening");
	v.availability |= AVAIL_BIT(2, 2);
	TAP_CHECK(match_volunteer_free_at(&v, &a), "free Tuesday evening: goes along");

	struct match_citizen_facts c = citizen();
	c.postcode = 8000;
	v.postcode = 8000;
	struct match_result r;
	score_v(&c, &v, &r);
	char line[400];
	match_reasons_line(&r, &c, &words, true, line, sizeof line);
	TAP_STR_EQ(line, "+20 same area: 8000 Aarhus C; +5 1 of 2 places free", "all reasons in one line, with points");
}

static void places(void)
{
	TAP_INT_EQ(match_free_places(3, 1), 2, "3 places, 1 taken: 2 free");
	TAP_INT_EQ(match_free_places(3, 3), 0, "all taken: none free");
	TAP_INT_EQ(match_free_places(2, 5), 0, "more taken than there are places: none, never fewer");
	TAP_INT_EQ(match_free_places(0, 0), 0, "no places at all");
	TAP_CHECK(!match_full(3, 2) && match_full(3, 3) && match_full(2, 5) && match_full(0, 0),
		  "full when no place is free");
}

/* Facts where everything may go through. */
static struct match_confirm_facts confirmable(void)
{
	struct match_confirm_facts f = {
		.citizen_found = true,
		.volunteer_found = true, .volunteer_capacity = 2, .volunteer_load = 1,
		.activity_found = true, .activity_capacity = 10, .activity_load = 9,
	};
	SET(f.citizen_status, "active");
	SET(f.volunteer_status, "active");
	SET(f.activity_status, "active");
	return f;
}

static void confirm_refusals(void)
{
	struct match_request both = { .citizen_id = 1, .volunteer_id = 2, .activity_id = 3 };
	struct match_request volunteer_only = { .citizen_id = 1, .volunteer_id = 2 };
	struct match_request activity_only = { .citizen_id = 1, .activity_id = 3 };
	struct match_confirm_facts f = confirmable();
	TAP_INT_EQ(match_confirm_refusal(&both, &f), MATCH_REFUSED_NONE, "the last free places may be taken");
	TAP_INT_EQ(match_confirm_refusal(&(struct match_request){ .citizen_id = 1 }, &f), MATCH_REFUSED_NOTHING,
		   "neither a volunteer nor an activity");
	SET(f.citizen_status, "ended");
	TAP_INT_EQ(match_confirm_refusal(&both, &f), MATCH_REFUSED_CITIZEN, "a course that has ended");
	f = confirmable();
	f.citizen_found = false;
	TAP_INT_EQ(match_confirm_refusal(&both, &f), MATCH_REFUSED_CITIZEN, "no such citizen");
	f = confirmable();
	SET(f.volunteer_status, "paused");
	TAP_INT_EQ(match_confirm_refusal(&both, &f), MATCH_REFUSED_VOLUNTEER_NOT_ACTIVE, "a paused volunteer");
	TAP_INT_EQ(match_confirm_refusal(&activity_only, &f), MATCH_REFUSED_NONE,
		   "who does not matter when only the activity is asked for");
	f = confirmable();
	f.volunteer_found = false;
	TAP_INT_EQ(match_confirm_refusal(&volunteer_only, &f), MATCH_REFUSED_VOLUNTEER_NOT_ACTIVE, "no such volunteer");
	f = confirmable();
	f.volunteer_load = 2;
	TAP_INT_EQ(match_confirm_refusal(&both, &f), MATCH_REFUSED_VOLUNTEER_FULL, "the volunteer's last place is gone");
	f = confirmable();
	f.already_matched = true;
	TAP_INT_EQ(match_confirm_refusal(&both, &f), MATCH_REFUSED_ALREADY_MATCHED, "already matched with them");
	f = confirmable();
	SET(f.activity_status, "ended");
	TAP_INT_EQ(match_confirm_refusal(&both, &f), MATCH_REFUSED_ACTIVITY_ENDED, "an ended activity");
	TAP_INT_EQ(match_confirm_refusal(&volunteer_only, &f), MATCH_REFUSED_NONE,
		   "which does not matter when only the volunteer is asked for");
	f = confirmable();
	f.activity_load = 10;
	TAP_INT_EQ(match_confirm_refusal(&both, &f), MATCH_REFUSED_ACTIVITY_FULL, "a full activity");
	f = confirmable();
	f.already_enrolled = true;
	TAP_INT_EQ(match_confirm_refusal(&activity_only, &f), MATCH_REFUSED_ALREADY_ENROLLED, "already taking part");
	f = confirmable();
	f.volunteer_load = 2;
	f.activity_load = 10;
	TAP_INT_EQ(match_confirm_refusal(&both, &f), MATCH_REFUSED_VOLUNTEER_FULL, "the volunteer is told first");
}

static void ending(void)
{
	struct match_ending e;
	TAP_CHECK(match_end_effects("on_own", &e) && e.keep_enrolment && e.keep_calls && e.accompaniment_done,
		  "on their own: the enrolment and the calls stay, the accompaniment is done");
	const char *others[] = { "moved_activity", "did_not_work", "declined" };
	for (int i = 0; i < 3; i++)
		TAP_CHECK(match_end_effects(others[i], &e) && !e.keep_enrolment && !e.keep_calls && !e.accompaniment_done,
			  "%s: the enrolment ends and the match's calls are withdrawn", others[i]);
	TAP_CHECK(!match_end_effects("", &e) && !match_end_effects(NULL, &e) && !match_end_effects("gone", &e),
		  "an outcome that is not on the list is refused");
	/* A course's end ends its matches: a lasting community is what the
	 * match was for, a no is the citizen's, the rest did not reach it. */
	TAP_STR_EQ(match_outcome_at_course_end("lasting_community"), "on_own", "a lasting community: on their own");
	TAP_STR_EQ(match_outcome_at_course_end("declined"), "declined", "declined: the citizen declined");
	const char *rest[] = { "moved", "handed_over", "deceased" };
	for (int i = 0; i < 3; i++)
		TAP_STR_EQ(match_outcome_at_course_end(rest[i]), "course_ended", "%s: the course ended, no judgement",
			   rest[i]);
	TAP_CHECK(match_end_effects("course_ended", &e) && !e.keep_enrolment && !e.keep_calls,
		  "which ends the enrolment and withdraws the match's calls");
	TAP_CHECK(!match_outcome_at_course_end("bored") && !match_outcome_at_course_end(NULL),
		  "an unknown reason has no outcome");
}

static void namesakes(void)
{
	struct match_volunteer_facts vols[4] = {
		{ .id = 1, .name = "Anne Jensen", .birth_year = 1975, .namesake = true },
		{ .id = 2, .name = "Bo Holm", .birth_year = 1960, .postcode = 800, .namesake = true },
		{ .id = 3, .name = "Anne Jensen", .postcode = 8000, .namesake = true },
		{ .id = 4, .name = "Anne Jensen", .namesake = true },
	};
	struct match_pool pool = { .volunteers = vols, .nvolunteers = 4 };
	match_pool_ready(&pool);
	TAP_STR_EQ(vols[0].name, "Anne Jensen (1975)", "a namesake volunteer is shown with the birth year");
	TAP_STR_EQ(vols[2].name, "Anne Jensen (8000)", "without a birth year, with the postcode");
	TAP_STR_EQ(vols[3].name, "Anne Jensen (no. 4)", "without either, with the number");
	TAP_STR_EQ(vols[1].name, "Bo Holm (1960, 0800)", "with both, both; a postcode in four digits");
	struct match_volunteer_facts alone = { .id = 5, .name = "Eva Due", .birth_year = 1970 };
	struct match_pool one = { .volunteers = &alone, .nvolunteers = 1 };
	match_pool_ready(&one);
	TAP_STR_EQ(alone.name, "Eva Due", "a name nobody else has stays as it is");
}

/* An activity that does not meet weekly is proposed while it has a
 * session from today on, and not after its last one. */
static void sessions_ahead(void)
{
	struct match_citizen_facts c = citizen();
	struct match_activity_facts a[2] = { activity(), activity() };
	a[1].id = 21;
	a[1].weekday = 3;
	SET(a[0].last_session, "2026-11-26");
	struct match_pool pool = { .activities = a, .nactivities = 2 };
	struct match_result r;
	match_pool_dated(&pool, "2026-11-26");
	TAP_CHECK(score_a(&c, &a[0], &r), "not weekly, with a session today: proposed");
	match_pool_dated(&pool, "2026-11-27");
	TAP_CHECK(!score_a(&c, &a[0], &r) && r.limit == ML_NO_SESSION, "the day after its last session: not proposed");
	TAP_STR_EQ(match_limit_text(r.limit), "no session planned", "and that is why");
	TAP_CHECK(score_a(&c, &a[1], &r), "a weekly one is planned ahead by the day's rules: proposed");
	a[0].last_session[0] = '\0';
	match_pool_dated(&pool, "2026-11-26");
	TAP_CHECK(!score_a(&c, &a[0], &r), "one with no session at all: not proposed");
}

int main(void)
{
	setenv("LANGUAGE", "en", 1);
	i18n_init();
	baseline();
	interests();
	area();
	times();
	language();
	wishes();
	practice_community();
	hard_limits();
	ranking();
	words_and_pairs();
	places();
	confirm_refusals();
	ending();
	namesakes();
	sessions_ahead();
	return tap_done();
}
