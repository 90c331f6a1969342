/* match.c — the score of a volunteer or an activity for a citizen, its
 * reasons in words, and the ranking. The points are in match.h; every
 * criterion below is one small function so each can be tested alone. */
#include "match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fold.h"
#include "i18n.h"
#include "postcode.h"
#include "strbuf.h"
#include "vocab.h"

static void add_reason(struct match_result *out, struct match_reason r)
{
	if (out->nreasons < MATCH_MAX_REASONS) {
		out->reasons[out->nreasons++] = r;
		out->score += r.points;
	}
}

static int popcount(availability_bits bits)
{
	int n = 0;
	for (; bits; bits &= bits - 1)
		n++;
	return n;
}

/* ---------- places ---------- */

int match_free_places(int capacity, int load)
{
	return capacity > load ? capacity - load : 0;
}

bool match_full(int capacity, int load)
{
	return match_free_places(capacity, load) == 0;
}

bool match_volunteer_open(const struct match_volunteer_facts *volunteer)
{
	return strcmp(volunteer->status, "active") == 0 && !match_full(volunteer->capacity, volunteer->load);
}

bool match_activity_open(const struct match_activity_facts *activity)
{
	return strcmp(activity->status, "active") == 0 && !match_full(activity->capacity, activity->load);
}

/* ---------- the criteria ---------- */

static void shared_interests(const struct match_citizen_facts *c, const long long *ids, int n,
			     struct match_result *out)
{
	struct match_reason r = { .criterion = MC_INTERESTS };
	int shared = 0;
	for (int i = 0; i < c->ninterests; i++) {
		for (int k = 0; k < n; k++) {
			if (c->interests[i] != ids[k])
				continue;
			if (r.nids < MATCH_REASON_IDS)
				r.ids[r.nids++] = ids[k];
			shared++;
			break;
		}
	}
	if (!shared)
		return;
	r.points = shared * MP_INTEREST > MP_INTEREST_MAX ? MP_INTEREST_MAX : shared * MP_INTEREST;
	add_reason(out, r);
}

/* The parts of the country the postcodes run through, and which touch:
 * a neighbouring part is no farther than the next town (Solrød 2680 and
 * Køge 4600, Middelfart 5500 and Fredericia 7000). Far away is a part
 * that does not touch the citizen's: Copenhagen from Aarhus, Bornholm
 * from anywhere else. Coarse on purpose: Thisted and Vejle share a part,
 * Aarhus and Aalborg touch. */
enum part_of_country {
	PC_COPENHAGEN,     /* 1000-2999 */
	PC_NORTH_ZEALAND,  /* 3000-3699 */
	PC_BORNHOLM,       /* 3700-3799 */
	PC_NORTH_ATLANTIC, /* 3800-3999: the Faroe Islands and Greenland */
	PC_ZEALAND,        /* 4000-4799 */
	PC_LOLLAND_FALSTER, /* 4800-4999 */
	PC_FUNEN,          /* 5000-5999 */
	PC_SOUTH_JUTLAND,  /* 6000-6999 */
	PC_MID_JUTLAND,    /* 7000-7999 */
	PC_EAST_JUTLAND,   /* 8000-8999 */
	PC_NORTH_JUTLAND,  /* 9000-9999 */
	PC_COUNT,
};

static enum part_of_country part_of_country(int postcode)
{
	static const struct { int below; enum part_of_country part; } parts[] = {
		{ 3000, PC_COPENHAGEN }, { 3700, PC_NORTH_ZEALAND }, { 3800, PC_BORNHOLM }, { 4000, PC_NORTH_ATLANTIC },
		{ 4800, PC_ZEALAND }, { 5000, PC_LOLLAND_FALSTER }, { 6000, PC_FUNEN }, { 7000, PC_SOUTH_JUTLAND },
		{ 8000, PC_MID_JUTLAND }, { 9000, PC_EAST_JUTLAND },
	};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (postcode < parts[i].below)
			return parts[i].part;
	return PC_NORTH_JUTLAND;
}

static bool parts_touch(enum part_of_country a, enum part_of_country b)
{
	static const unsigned short touches[PC_COUNT] = {
		[PC_COPENHAGEN] = 1u << PC_NORTH_ZEALAND | 1u << PC_ZEALAND,
		[PC_NORTH_ZEALAND] = 1u << PC_COPENHAGEN | 1u << PC_ZEALAND,
		[PC_BORNHOLM] = 0,
		[PC_NORTH_ATLANTIC] = 0,
		[PC_ZEALAND] = 1u << PC_COPENHAGEN | 1u << PC_NORTH_ZEALAND | 1u << PC_LOLLAND_FALSTER | 1u << PC_FUNEN,
		[PC_LOLLAND_FALSTER] = 1u << PC_ZEALAND,
		[PC_FUNEN] = 1u << PC_ZEALAND | 1u << PC_SOUTH_JUTLAND | 1u << PC_MID_JUTLAND,
		[PC_SOUTH_JUTLAND] = 1u << PC_FUNEN | 1u << PC_MID_JUTLAND,
		[PC_MID_JUTLAND] = 1u << PC_FUNEN | 1u << PC_SOUTH_JUTLAND | 1u << PC_EAST_JUTLAND
			| 1u << PC_NORTH_JUTLAND,
		[PC_EAST_JUTLAND] = 1u << PC_MID_JUTLAND | 1u << PC_NORTH_JUTLAND,
		[PC_NORTH_JUTLAND] = 1u << PC_MID_JUTLAND | 1u << PC_EAST_JUTLAND,
	};
	return a == b || (touches[a] & (1u << b)) != 0;
}

/* Same postcode, else the same first two digits (the same part of the
 * town: 80xx is Aarhus, 82xx its western suburbs). None in or beside the
 * citizen's part of the country is far away: a visiting friend in
 * Copenhagen is no help in Aarhus. */
static void area(int citizen, const int *postcodes, int n, struct match_result *out)
{
	if (!citizen)
		return;
	int near = 0, far = 0;
	bool reachable = false;
	for (int i = 0; i < n; i++) {
		if (postcodes[i] == citizen) {
			add_reason(out, (struct match_reason){ .criterion = MC_AREA_SAME, .points = MP_AREA_SAME,
							       .n = citizen });
			return;
		}
		if (postcodes[i] && postcodes[i] / 100 == citizen / 100 && !near)
			near = postcodes[i];
		if (postcodes[i] && parts_touch(part_of_country(postcodes[i]), part_of_country(citizen)))
			reachable = true;
		else if (postcodes[i] && !far)
			far = postcodes[i];
	}
	if (near)
		add_reason(out, (struct match_reason){ .criterion = MC_AREA_NEAR, .points = MP_AREA_NEAR, .n = near });
	else if (far && !reachable)
		add_reason(out, (struct match_reason){ .criterion = MC_AREA_FAR, .points = MP_AREA_FAR, .n = far });
}

static void free_places(int capacity, int load, struct match_result *out)
{
	int free_now = match_free_places(capacity, load);
	add_reason(out, (struct match_reason){ .criterion = MC_FREE_PLACES,
					       .points = capacity > 0 ? MP_FREE_MAX * free_now / capacity : 0,
					       .n = free_now, .of = capacity });
}

static void volunteer_times(const struct match_citizen_facts *c, const struct match_volunteer_facts *v,
			    struct match_result *out)
{
	availability_bits both = c->availability & v->availability;
	if (!both)
		return;
	int points = popcount(both) * MP_SLOT;
	add_reason(out, (struct match_reason){ .criterion = MC_TIMES,
					       .points = points > MP_SLOT_MAX ? MP_SLOT_MAX : points, .slots = both });
}

/* Danish is assumed when no language is recorded. */
static void language(const struct match_citizen_facts *c, const struct match_volunteer_facts *v,
		     struct match_result *out)
{
	const char *want = c->language[0] ? c->language : "dansk";
	bool speaks = false;
	for (int i = 0; i < v->nlanguages && !speaks; i++)
		speaks = strcmp(v->languages[i], want) == 0;
	if (strcmp(want, "dansk") == 0) {
		if (!speaks && v->nlanguages > 0)
			add_reason(out, (struct match_reason){ .criterion = MC_NO_DANISH, .points = MP_NO_DANISH });
	} else if (speaks || v->nlanguages > 0) {
		/* Said either way: a citizen who wants Arabic is not proposed a
		 * volunteer who speaks only Danish without a word about it (none
		 * recorded: not known). */
		add_reason(out, (struct match_reason){ .criterion = speaks ? MC_LANGUAGE : MC_NO_LANGUAGE,
						       .points = speaks ? MP_LANGUAGE : MP_NO_LANGUAGE });
	}
}

static void wished_gender(const struct match_citizen_facts *c, const struct match_volunteer_facts *v,
			  struct match_result *out)
{
	if (!c->pref_gender[0])
		return;
	struct match_reason r = { .criterion = MC_GENDER_UNKNOWN, .text = c->pref_gender };
	if (v->gender[0] && strcmp(v->gender, c->pref_gender) == 0) {
		r.criterion = MC_GENDER;
		r.points = MP_GENDER;
	} else if (v->gender[0]) {
		r.criterion = MC_GENDER_OTHER;
		r.points = MP_GENDER_OTHER;
	}
	add_reason(out, r);
}

static void wished_age(const struct match_citizen_facts *c, const struct match_volunteer_facts *v,
		       struct match_result *out)
{
	if (!c->pref_age[0])
		return;
	struct match_reason r = { .criterion = MC_AGE_UNKNOWN, .text = c->pref_age };
	if (c->birth_year > 0 && v->birth_year > 0) {
		int apart = v->birth_year - c->birth_year; /* > 0: the volunteer is younger */
		bool fits = strcmp(c->pref_age, "younger") == 0 ? apart > 0
			: strcmp(c->pref_age, "older") == 0 ? apart < 0
			: abs(apart) <= MP_AGE_CLOSE_YEARS;
		r.criterion = fits ? MC_AGE : MC_AGE_OTHER;
		r.points = fits ? MP_AGE : MP_AGE_OTHER;
		r.n = abs(apart);
	}
	add_reason(out, r);
}

static void lived_experience(const struct match_citizen_facts *c, const struct match_volunteer_facts *v,
			     struct match_result *out)
{
	if (!c->pref_lived_experience)
		return;
	add_reason(out, (struct match_reason){ .criterion = v->lived_experience ? MC_LIVED : MC_LIVED_MISSING,
					       .points = v->lived_experience ? MP_LIVED : MP_LIVED_MISSING });
}

int match_part_of_day(const char *start_time)
{
	if (!start_time || start_time[0] < '0' || start_time[0] > '2' || start_time[1] < '0'
	    || start_time[1] > '9')
		return -1;
	int hour = (start_time[0] - '0') * 10 + (start_time[1] - '0');
	return hour < 12 ? 0 : hour < 17 ? 1 : 2;
}

static availability_bits activity_slot(const struct match_activity_facts *a)
{
	int part = match_part_of_day(a->start_time);
	if (a->weekday < 1 || a->weekday > 7 || part < 0)
		return 0;
	return AVAIL_BIT(a->weekday, part);
}

static void activity_time(const struct match_citizen_facts *c, const struct match_activity_facts *a,
			  struct match_result *out)
{
	availability_bits slot = activity_slot(a);
	if (!slot || !c->availability)
		return;
	bool fits = (c->availability & slot) != 0;
	add_reason(out, (struct match_reason){ .criterion = fits ? MC_TIME_FITS : MC_TIME_MISFITS,
					       .points = fits ? MP_TIME_FITS : MP_TIME_MISFITS, .slots = slot });
}

static bool linked(const long long *ids, int n, long long id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* The hard limits, first that applies: the closed volunteers and
 * activities of the pool are counted by these alone. */
static enum match_limit volunteer_limit(const struct match_citizen_facts *c, long long id, const char *status,
					int capacity, int load)
{
	if (strcmp(status, "active") != 0)
		return ML_NOT_ACTIVE;
	if (linked(c->matched_volunteers, c->nmatched_volunteers, id))
		return ML_ALREADY_MATCHED;
	if (linked(c->tried_volunteers, c->ntried_volunteers, id))
		return ML_TRIED;
	return match_full(capacity, load) ? ML_VOLUNTEER_FULL : ML_NONE;
}

static enum match_limit activity_limit(const struct match_citizen_facts *c, long long id, const char *status,
				       int capacity, int load)
{
	if (strcmp(status, "active") != 0)
		return ML_ENDED;
	if (linked(c->enrolled_activities, c->nenrolled, id))
		return ML_ALREADY_ENROLLED;
	if (linked(c->tried_activities, c->ntried_activities, id))
		return ML_TRIED;
	return match_full(capacity, load) ? ML_ACTIVITY_FULL : ML_NONE;
}

static bool score_volunteer(const struct match_citizen_facts *c, const struct match_volunteer_facts *v,
			    struct match_result *out)
{
	out->limit = volunteer_limit(c, v->id, v->status, v->capacity, v->load);
	if (out->limit != ML_NONE)
		return false;
	shared_interests(c, v->interests, v->ninterests, out);
	int postcodes[MATCH_AREAS + 1];
	int n = 0;
	postcodes[n++] = v->postcode;
	for (int i = 0; i < v->nareas && n < MATCH_AREAS + 1; i++)
		postcodes[n++] = v->areas[i];
	area(c->postcode, postcodes, n, out);
	volunteer_times(c, v, out);
	language(c, v, out);
	wished_gender(c, v, out);
	wished_age(c, v, out);
	lived_experience(c, v, out);
	free_places(v->capacity, v->load, out);
	return true;
}

static bool score_activity(const struct match_citizen_facts *c, const struct match_activity_facts *a,
			   struct match_result *out)
{
	out->limit = activity_limit(c, a->id, a->status, a->capacity, a->load);
	if (out->limit == ML_NONE && a->no_session_ahead)
		out->limit = ML_NO_SESSION;
	if (out->limit != ML_NONE)
		return false;
	shared_interests(c, a->interests, a->ninterests, out);
	area(c->postcode, &a->postcode, 1, out);
	activity_time(c, a, out);
	if (c->anxiety && a->practice)
		add_reason(out, (struct match_reason){ .criterion = MC_PRACTICE_ANXIETY,
						       .points = MP_PRACTICE_ANXIETY });
	free_places(a->capacity, a->load, out);
	return true;
}

bool match_score(const struct match_citizen_facts *citizen, const struct match_candidate *candidate,
		 struct match_result *out)
{
	out->score = 0;
	out->limit = ML_NONE;
	out->nreasons = 0;
	bool ok = candidate->volunteer ? score_volunteer(citizen, candidate->volunteer, out)
		: candidate->activity ? score_activity(citizen, candidate->activity, out) : false;
	if (!ok)
		out->score = 0;
	return ok;
}

bool match_volunteer_free_at(const struct match_volunteer_facts *volunteer,
			     const struct match_activity_facts *activity)
{
	availability_bits slot = activity_slot(activity);
	return !slot || !volunteer->availability || (volunteer->availability & slot) != 0;
}
/* ---------- confirming and ending ---------- */

static enum match_refusal volunteer_refusal(const struct match_confirm_facts *f)
{
	if (!f->volunteer_found || strcmp(f->volunteer_status, "active") != 0)
		return MATCH_REFUSED_VOLUNTEER_NOT_ACTIVE;
	if (match_full(f->volunteer_capacity, f->volunteer_load))
		return MATCH_REFUSED_VOLUNTEER_FULL;
	return f->already_matched ? MATCH_REFUSED_ALREADY_MATCHED : MATCH_REFUSED_NONE;
}

static enum match_refusal activity_refusal(const struct match_confirm_facts *f)
{
	if (!f->activity_found || strcmp(f->activity_status, "active") != 0)
		return MATCH_REFUSED_ACTIVITY_ENDED;
	if (match_full(f->activity_capacity, f->activity_load))
		return MATCH_REFUSED_ACTIVITY_FULL;
	return f->already_enrolled ? MATCH_REFUSED_ALREADY_ENROLLED : MATCH_REFUSED_NONE;
}

enum match_refusal match_confirm_refusal(const struct match_request *q, const struct match_confirm_facts *f)
{
	if (!q->volunteer_id && !q->activity_id)
		return MATCH_REFUSED_NOTHING;
	if (!f->citizen_found || strcmp(f->citizen_status, "active") != 0)
		return MATCH_REFUSED_CITIZEN;
	enum match_refusal why = q->volunteer_id ? volunteer_refusal(f) : MATCH_REFUSED_NONE;
	if (why == MATCH_REFUSED_NONE && q->activity_id)
		why = activity_refusal(f);
	return why;
}

bool match_end_effects(const char *outcome, struct match_ending *out)
{
	memset(out, 0, sizeof *out);
	bool known = false;
	for (int i = 0; outcome && vocab_match_outcome_shown[i].code; i++)
		known |= strcmp(outcome, vocab_match_outcome_shown[i].code) == 0;
	if (!known)
		return false;
	bool on_own = strcmp(outcome, "on_own") == 0;
	*out = (struct match_ending){ .keep_enrolment = on_own, .keep_calls = on_own, .accompaniment_done = on_own };
	return true;
}

const char *match_outcome_at_course_end(const char *reason)
{
	bool known = false;
	for (int i = 0; reason && vocab_end_reason_shown[i].code; i++)
		known |= strcmp(reason, vocab_end_reason_shown[i].code) == 0;
	if (!known)
		return NULL;
	if (strcmp(reason, "lasting_community") == 0)
		return "on_own";
	return strcmp(reason, "declined") == 0 ? "declined" : "course_ended";
}

/* ---------- ranking ---------- */

static int ranked_order(const void *pa, const void *pb)
{
	const struct match_ranked *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	int c = strcmp(a->sort_key, b->sort_key);
	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

int match_rank(const struct match_citizen_facts *citizen, const struct match_pool *pool, bool volunteers,
	       struct match_ranked *out, int filtered[ML_COUNT])
{
	if (filtered)
		memset(filtered, 0, sizeof(int) * ML_COUNT);
	int n = volunteers ? pool->nvolunteers : pool->nactivities, kept = 0;
	struct match_result result;
	for (int i = 0; i < n; i++) {
		struct match_candidate cand = { 0 };
		if (volunteers)
			cand.volunteer = &pool->volunteers[i];
		else
			cand.activity = &pool->activities[i];
		if (!match_score(citizen, &cand, &result)) {
			if (filtered)
				filtered[result.limit]++;
			continue;
		}
		out[kept++] = (struct match_ranked){
			.index = i, .score = result.score,
			.id = volunteers ? pool->volunteers[i].id : pool->activities[i].id,
			.sort_key = volunteers ? pool->volunteers[i].sort_key : pool->activities[i].sort_key,
		};
	}
	int nclosed = volunteers ? pool->nclosed_volunteers : pool->nclosed_activities;
	const struct match_closed *closed = volunteers ? pool->closed_volunteers : pool->closed_activities;
	for (int i = 0; filtered && i < nclosed; i++) {
		const struct match_closed *x = &closed[i];
		enum match_limit why = volunteers ? volunteer_limit(citizen, x->id, x->status, x->capacity, x->load)
			: activity_limit(citizen, x->id, x->status, x->capacity, x->load);
		filtered[why]++;
	}
	qsort(out, (size_t)kept, sizeof *out, ranked_order);
	return kept;
}

/* ---------- words ---------- */

void match_slots_text(availability_bits slots, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	for (int d = 1; d <= 7; d++)
		for (int p = 0; p < 3; p++)
			if (slots & AVAIL_BIT(d, p))
				strbuf_add(&b, "%s%s %s", b.len ? ", " : "", date_weekday_abbr(d),
					   _(vocab_part_of_day_lower[p].label));
}

static void interest_names(const struct match_reason *r, const struct match_words *words, char *out,
			   size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	for (int i = 0; i < r->nids; i++) {
		const char *name = NULL;
		for (int k = 0; words && k < words->ninterests && !name; k++)
			if (words->interests[k].id == r->ids[i])
				name = words->interests[k].name;
		if (name)
			strbuf_item(&b, ", ", name);
		else
			strbuf_add(&b, "%s#%lld", b.len ? ", " : "", r->ids[i]);
	}
}

static void postcode_words(int postcode, char *out, size_t size)
{
	char code[8];
	snprintf(code, sizeof code, "%04d", postcode);
	const char *town = postcode_town(code);
	snprintf(out, size, town ? "%s %s" : "%s", code, town ? town : "");
}

void match_reason_text(const struct match_reason *r, const struct match_citizen_facts *citizen,
		       const struct match_words *words, char *out, size_t size)
{
	char what[600];
	bool woman = r->text && strcmp(r->text, "woman") == 0;
	switch (r->criterion) {
	case MC_INTERESTS:
		interest_names(r, words, what, sizeof what);
		snprintf(out, size, _("shared interests: %s"), what);
		break;
	case MC_AREA_SAME:
		postcode_words(r->n, what, sizeof what);
		snprintf(out, size, _("same area: %s"), what);
		break;
	case MC_AREA_NEAR:
		postcode_words(r->n, what, sizeof what);
		snprintf(out, size, _("nearby: %s"), what);
		break;
	case MC_AREA_FAR:
		postcode_words(r->n, what, sizeof what);
		snprintf(out, size, _("far away: %s"), what);
		break;
	case MC_TIMES:
		match_slots_text(r->slots, what, sizeof what);
		snprintf(out, size, _("both free %s"), what);
		break;
	case MC_TIME_FITS:
		match_slots_text(r->slots, what, sizeof what);
		snprintf(out, size, _("meets %s, a time that suits"), what);
		break;
	case MC_TIME_MISFITS:
		match_slots_text(r->slots, what, sizeof what);
		snprintf(out, size, _("meets %s, not a time they gave"), what);
		break;
	case MC_FREE_PLACES:
		/* TRANSLATORS: free places of all places, e.g. "1 of 3 places free". */
		snprintf(out, size, P_("%d of %d place free", "%d of %d places free", r->of), r->n, r->of);
		break;
	case MC_LANGUAGE:
		snprintf(out, size, _("speaks %s"), citizen && citizen->language_label[0]
			 ? citizen->language_label : citizen ? citizen->language : "");
		break;
	case MC_NO_DANISH:
		snprintf(out, size, "%s", _("does not speak Danish"));
		break;
	case MC_NO_LANGUAGE:
		snprintf(out, size, _("does not speak %s"), citizen && citizen->language_label[0]
			 ? citizen->language_label : citizen ? citizen->language : "");
		break;
	case MC_GENDER:
		snprintf(out, size, "%s", woman ? _("a woman, as wished") : _("a man, as wished"));
		break;
	case MC_GENDER_OTHER:
		snprintf(out, size, "%s", woman ? _("not a woman, as was wished") : _("not a man, as was wished"));
		break;
	case MC_GENDER_UNKNOWN:
		snprintf(out, size, "%s", woman ? _("gender not given (a woman was wished)")
			 : _("gender not given (a man was wished)"));
		break;
	case MC_AGE:
		snprintf(out, size, "%s", strcmp(r->text, "younger") == 0 ? _("younger, as wished")
			 : strcmp(r->text, "older") == 0 ? _("older, as wished") : _("close in age, as wished"));
		break;
	case MC_AGE_OTHER:
		snprintf(out, size, "%s", strcmp(r->text, "younger") == 0 ? _("not younger, as was wished")
			 : strcmp(r->text, "older") == 0 ? _("not older, as was wished")
			 : _("not close in age, as was wished"));
		break;
	case MC_AGE_UNKNOWN:
		snprintf(out, size, "%s", _("age not given, so the age wish cannot be checked"));
		break;
	case MC_LIVED:
		snprintf(out, size, "%s", _("has lived experience, as wished"));
		break;
	case MC_LIVED_MISSING:
		snprintf(out, size, "%s", _("no lived experience, which was wished"));
		break;
	case MC_PRACTICE_ANXIETY:
		snprintf(out, size, "%s", _("a practice community: a safe first step with anxiety"));
		break;
	default:
		out[0] = '\0';
	}
}

void match_reasons_line(const struct match_result *result, const struct match_citizen_facts *citizen,
			const struct match_words *words, bool with_points, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	for (int i = 0; i < result->nreasons; i++) {
		char text[700];
		match_reason_text(&result->reasons[i], citizen, words, text, sizeof text);
		if (with_points)
			strbuf_add(&b, "%s%+d %s", b.len ? "; " : "", result->reasons[i].points, text);
		else
			strbuf_item(&b, "; ", text);
	}
}

const char *match_limit_text(enum match_limit limit)
{
	switch (limit) {
	case ML_NOT_ACTIVE:
		return _("not active");
	case ML_VOLUNTEER_FULL:
		return _("no free place");
	case ML_ALREADY_MATCHED:
		return _("already matched");
	case ML_ENDED:
		return _("ended");
	case ML_ACTIVITY_FULL:
		return _("full");
	case ML_ALREADY_ENROLLED:
		return _("already takes part");
	case ML_TRIED:
		return _("tried before, did not work");
	case ML_NO_SESSION:
		return _("no session planned");
	case ML_NONE:
	case ML_COUNT:
	default:
		return "";
	}
}

void match_waiting_text(long days, char *out, size_t size)
{
	if (days <= 0)
		snprintf(out, size, "%s", _("since today"));
	else if (days < 14)
		snprintf(out, size, P_("%ld day", "%ld days", days), days);
	else if (days < 63)
		snprintf(out, size, P_("%ld week", "%ld weeks", days / 7), days / 7);
	else
		snprintf(out, size, P_("%ld month", "%ld months", days / 30), days / 30);
}

/* ---------- facts made ready ---------- */

bool match_barrier_anxiety(const char *name)
{
	char folded[CIT_FOLD];
	fold_search(name, folded, sizeof folded);
	return strstr(folded, "angst") != NULL;
}

static void fold_language(char *lang, size_t size)
{
	char folded[MATCH_LANG];
	fold_search(lang, folded, sizeof folded);
	snprintf(lang, size, "%s", folded);
}

void match_citizen_ready(struct match_citizen_facts *c, const struct pick *barriers, int nbarriers)
{
	fold_language(c->language, sizeof c->language);
	c->anxiety = false;
	for (int i = 0; i < c->nbarriers && !c->anxiety; i++)
		for (int k = 0; k < nbarriers; k++)
			if (barriers[k].id == c->barriers[i] && match_barrier_anxiety(barriers[k].name))
				c->anxiety = true;
}

/* Volunteers of one name are told apart wherever the desk picks one: the
 * name shown gets the birth year and the postcode, or the one known, else
 * the number, as a citizen's namesakes do in lists ("Anne Jensen (1975,
 * 8000)"). */
static void tell_apart(struct match_volunteer_facts *v)
{
	char tag[48], name[CIT_NAME];
	if (v->birth_year > 0 && v->postcode > 0)
		snprintf(tag, sizeof tag, " (%d, %04d)", v->birth_year, v->postcode);
	else if (v->birth_year > 0)
		snprintf(tag, sizeof tag, " (%d)", v->birth_year);
	else if (v->postcode > 0)
		snprintf(tag, sizeof tag, " (%04d)", v->postcode);
	else
		snprintf(tag, sizeof tag, _(" (no. %lld)"), v->id);
	/* A name too long for the tag too gives way, whole characters. */
	size_t keep = strlen(v->name), room = sizeof name - strlen(tag) - 1;
	if (keep > room)
		keep = room;
	while (keep > 0 && ((unsigned char)v->name[keep] & 0xc0) == 0x80)
		keep--;
	struct strbuf b = strbuf_on(name, sizeof name);
	strbuf_add(&b, "%.*s%s", (int)keep, v->name, tag);
	snprintf(v->name, sizeof v->name, "%s", name);
}

void match_pool_dated(struct match_pool *pool, const char *today)
{
	for (int i = 0; i < pool->nactivities; i++) {
		struct match_activity_facts *a = &pool->activities[i];
		a->no_session_ahead = a->weekday == 0 && strcmp(a->last_session, today) < 0;
	}
}

void match_pool_ready(struct match_pool *pool)
{
	for (int i = 0; i < pool->nvolunteers; i++) {
		struct match_volunteer_facts *v = &pool->volunteers[i];
		for (int k = 0; k < v->nlanguages; k++)
			fold_language(v->languages[k], sizeof v->languages[k]);
		if (v->namesake)
			tell_apart(v);
	}
}
