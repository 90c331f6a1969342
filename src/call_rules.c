/* call_rules.c — the rules that say which follow-up calls should exist.
 * Pure functions of the facts and today's date: no database, no screen,
 * so each rule is tested on its own (tests/test_call_rules.c). */
#include "call_rules.h"

#include <stdio.h>
#include <ctype.h>
#include <string.h>

#include "attendance_rules.h"
#include "protection_rules.h"
#include "i18n.h"

/* A fact's date; a broken or missing one is no date, so it makes no call. */
static bool fact_day(const char *iso, long *days)
{
	struct date d;
	if (!iso || !*iso || !date_parse_iso(iso, &d))
		return false;
	*days = date_to_days(d);
	return true;
}

/* The day itself on a weekday, else the Monday after: the desk calls on
 * weekdays (a referrer's office is shut on a Saturday). */
static long on_a_weekday(long day)
{
	struct date d = date_from_days(day);
	while (date_weekday(d) > 5)
		d = date_add_days(d, 1);
	return date_to_days(d);
}

struct date call_rule_call_day(struct date today)
{
	return date_from_days(on_a_weekday(date_to_days(today)));
}

/* Fills a call due on `day` (days since 1970). */
static void fill(struct call_new *out, long long citizen_id, const char *reason, long day, long long responsible)
{
	memset(out, 0, sizeof *out);
	out->citizen_id = citizen_id;
	snprintf(out->reason, sizeof out->reason, "%s", reason);
	date_format_iso(date_from_days(day), out->due_on);
	out->responsible = responsible;
}

/* A call the rules work out: due `due`, but never before today, and on a
 * weekday. A day agreed with the citizen is kept as it is (fill). */
static void plan(struct call_new *out, long long citizen_id, const char *reason, long due,
		 struct date today, long long responsible)
{
	long now = date_to_days(today);
	fill(out, citizen_id, reason, on_a_weekday(due < now ? now : due), responsible);
}

/* Within the look-back window (or ahead of today). */
static bool recent(long day, struct date today)
{
	return day >= date_to_days(today) - CALL_LOOKBACK_DAYS;
}

/* The first weekday after `day`: a call after a Friday session is made
 * on Monday. */
static long next_weekday(long day)
{
	return on_a_weekday(day + 1);
}

void call_rule_match_keys(long long match_id, char after_match[CALL_KEY], char after_first_session[CALL_KEY])
{
	snprintf(after_match, CALL_KEY, "match:%lld", match_id);
	snprintf(after_first_session, CALL_KEY, "first_session:%lld", match_id);
}

/* One match, one call: the one after the first session when the match
 * is to an activity whose first session is known (or that call exists),
 * else the one two weeks after the match. Whichever was planned first
 * stays the only one. */
static bool first_session_call_instead(const struct call_match_fact *f)
{
	return f->has_first_session_call || (f->activity_id && f->first_session_on[0] && !f->has_match_call);
}

bool call_rule_after_match(const struct call_match_fact *f, struct date today, struct call_new *out)
{
	long matched;
	if (f->citizen_ended || f->ended_on[0] || f->has_match_call || first_session_call_instead(f)
	    || !fact_day(f->matched_on, &matched) || !consent_rule_call_allowed("after_match", f->contact_consent, false))
		return false;
	if (!recent(matched, today) || matched > date_to_days(today))
		return false;
	plan(out, f->citizen_id, "after_match", matched + CALL_AFTER_MATCH_DAYS, today, f->volunteer_id);
	char first_session[CALL_KEY];
	call_rule_match_keys(f->match_id, out->source_key, first_session);
	return true;
}

bool call_rule_after_first_session(const struct call_match_fact *f, struct date today,
				   struct call_new *out)
{
	long first, ended;
	if (f->citizen_ended || f->has_first_session_call || f->has_match_call || !f->activity_id
	    || !fact_day(f->first_session_on, &first) || !recent(first, today)
	    || !consent_rule_call_allowed("after_first_session", f->contact_consent, false))
		return false;
	/* A match that ended before the session never reached it. */
	if (fact_day(f->ended_on, &ended) && ended < first)
		return false;
	plan(out, f->citizen_id, "after_first_session", next_weekday(first), today, f->volunteer_id);
	char after_match[CALL_KEY];
	call_rule_match_keys(f->match_id, after_match, out->source_key);
	return true;
}

bool call_rule_missed_due(bool rule_says_due, int open_for_enrolment)
{
	return rule_says_due && open_for_enrolment == 0;
}

int call_rule_missed_sessions(const struct call_mark_fact *marks, int n, struct date today,
			      call_missed_rule rule, struct call_new *out, int max)
{
	if (!rule)
		rule = attendance_rule_missed_call;
	/* The newest mark that makes a call due, unless they came since. */
	int due = -1;
	for (int i = 0; i < n; i++) {
		if (due >= 0 && marks[i].mark == 'p' && call_rule_missed_answered(marks[due].date, marks[i].date))
			due = -1;
		struct attendance_past past[ATT_RECENT];
		int k = 0;
		for (int j = i; j >= 0 && k < ATT_RECENT; j--) {
			if (marks[j].enrolment_id != marks[i].enrolment_id)
				break;
			past[k++] = (struct attendance_past){ .mark = marks[j].mark,
							      .accompanied = marks[j].accompanied };
		}
		long day;
		if (marks[i].mark == 'p' || !fact_day(marks[i].date, &day) || !recent(day, today)
		    || day > date_to_days(today) || !rule(past, k))
			continue;
		due = i;
	}
	int open = 0;
	for (int i = 0; i < n; i++)
		open |= marks[i].open_missed_call;
	if (due < 0 || max < 1 || !call_rule_missed_due(true, open))
		return 0;
	return call_rule_missed_call(marks[due].enrolment_id, marks[due].session_id, marks[due].citizen_id,
				     marks[due].date, marks[due].responsible, marks[due].contact_consent, today, out) ? 1 : 0;
}

bool call_rule_missed_answered(const char *missed_on, const char *came_on)
{
	long missed, came;
	return fact_day(missed_on, &missed) && fact_day(came_on, &came) && came > missed;
}

void call_rule_came_back_note(const char *came_on, char *out, size_t size)
{
	struct date d;
	char day[16] = "";
	if (came_on && date_parse_iso(came_on, &d))
		date_format_dk(d, day, sizeof day);
	/* TRANSLATORS: why a call after missed sessions was cancelled; %s is the day they came ("03-12-2026"). */
	snprintf(out, size, _("Came back on %s: no call needed."), day);
}

bool call_rule_missed_call(long long enrolment_id, long long session_id, long long citizen_id,
			   const char *session_date, long long responsible, bool contact_consent, struct date today,
			   struct call_new *out)
{
	long day;
	if (!fact_day(session_date, &day))
		return false;
	plan(out, citizen_id, "missed_sessions", day + 1, today, responsible);
	snprintf(out->source_key, sizeof out->source_key, "missed:%lld:%lld", enrolment_id, session_id);
	return consent_rule_call_allowed("missed_sessions", contact_consent, false);
}

bool call_rule_referrer_feedback(const struct call_feedback_fact *f, struct date today,
				 struct call_new *out)
{
	long assessed;
	if (!consent_rule_call_allowed("referrer_feedback", false, f->consent) || f->has_call
	    || !fact_day(f->assessed_on, &assessed) || !recent(assessed, today) || assessed > date_to_days(today))
		return false;
	plan(out, f->citizen_id, "referrer_feedback", assessed + CALL_FEEDBACK_DAYS, today, 0);
	snprintf(out->source_key, sizeof out->source_key, "referral:%lld", f->referral_id);
	return true;
}

void call_rule_relative_key(long long citizen_id, char key[CALL_KEY])
{
	snprintf(key, CALL_KEY, "relative:%lld", citizen_id);
}

bool call_rule_relative_support(const struct call_relative_fact *f, struct date today, struct call_new *out)
{
	long wished;
	if (!f->wants_support || f->citizen_ended || f->has_call || !fact_day(f->wished_on, &wished)
	    || !recent(wished, today))
		return false;
	plan(out, f->citizen_id, "relative_support", date_to_days(today), today, 0);
	call_rule_relative_key(f->citizen_id, out->source_key);
	return true;
}

bool call_rule_no_contact(const struct call_idle_fact *f, struct date today, int weeks,
			  struct call_new *out)
{
	if (weeks < 1 || f->ended || f->has_open_call || f->has_planned_session
	    || !consent_rule_call_allowed("no_contact", f->contact_consent, false))
		return false;
	long last;
	bool known = fact_day(f->last_contact_on, &last);
	if (known && last + 7L * weeks > date_to_days(today))
		return false;
	plan(out, f->citizen_id, "no_contact", date_to_days(today), today, f->responsible);
	/* The first silence keeps the demo's and the first release's key; a
	 * later one is a new situation, named by the day contact stopped. */
	if (!f->had_no_contact_call || !known)
		snprintf(out->source_key, sizeof out->source_key, "no_contact:%lld", f->citizen_id);
	else
		snprintf(out->source_key, sizeof out->source_key, "no_contact:%lld:%s", f->citizen_id,
			 f->last_contact_on);
	return true;
}

int call_rule_no_contact_quota(int per_day, long long made_today)
{
	long long left = per_day - made_today;
	return left > 0 ? (int)left : 0;
}

bool call_rule_needs_date(const char *outcome, const char *next_step)
{
	return (outcome && strcmp(outcome, "call_back") == 0)
		|| (next_step && strcmp(next_step, CALL_NEXT_NEW_CALL) == 0);
}

bool call_rule_next_step_fits(const char *outcome, const char *next_step)
{
	if (!outcome || !next_step)
		return false;
	bool talked = strcmp(outcome, "reached") == 0 || strcmp(outcome, "call_back") == 0;
	bool needs_talk = strcmp(next_step, CALL_NEXT_NEW_MATCH) == 0 || strcmp(next_step, CALL_NEXT_ON_OWN) == 0
		|| strcmp(next_step, CALL_NEXT_HANDOVER) == 0;
	return talked || !needs_talk;
}

bool call_rule_cancel_reason_ok(const char *why)
{
	/* A letter or a digit at least: "-" or "." says nothing either.
	 * Bytes past ASCII are the letters æøå and their like. */
	for (const unsigned char *p = (const unsigned char *)why; p && *p; p++)
		if (isalnum(*p) || *p >= 0x80)
			return true;
	return false;
}

bool call_rule_next_step_has_match(const char *next_step, int open_matches)
{
	return open_matches > 0 || !next_step || strcmp(next_step, CALL_NEXT_ON_OWN) != 0;
}

bool call_rule_agreed_day(struct date day, struct date today)
{
	return date_to_days(day) >= date_to_days(today);
}

static bool valid_time(const char *t)
{
	if (!t || !*t)
		return true;
	return strlen(t) == 5 && t[0] >= '0' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9'
		&& (t[0] < '2' || t[1] <= '3') && t[2] == ':' && t[3] >= '0' && t[3] <= '5'
		&& t[4] >= '0' && t[4] <= '9';
}

bool call_rule_agreed(long long call_id, long long citizen_id, long long responsible, const char *on_iso,
		      const char *time, bool contact_consent, struct date today, struct call_new *out)
{
	long day;
	if (!fact_day(on_iso, &day) || !call_rule_agreed_day(date_from_days(day), today) || !valid_time(time)
	    || !consent_rule_call_allowed("agreed", contact_consent, false))
		return false;
	fill(out, citizen_id, "agreed", day, responsible);
	snprintf(out->due_time, sizeof out->due_time, "%s", time ? time : "");
	snprintf(out->source_key, sizeof out->source_key, "agreed:%lld", call_id);
	return true;
}

struct date call_rule_retry_day(struct date today)
{
	return date_from_days(next_weekday(date_to_days(today)));
}

bool call_rule_to_the_citizen(const char *reason)
{
	return !reason || (strcmp(reason, "referrer_feedback") != 0 && strcmp(reason, "relative_support") != 0);
}

int call_rule_not_reached_run(const struct call_past *newest_first, int n)
{
	int run = 0;
	for (int i = 0; i < n; i++) {
		if (!call_rule_to_the_citizen(newest_first[i].reason))
			continue;
		if (strcmp(newest_first[i].outcome, "not_reached") != 0)
			break;
		run++;
	}
	return run;
}

bool call_rule_escalate(int not_reached_in_a_row)
{
	return not_reached_in_a_row >= CALL_NOT_REACHED_LIMIT;
}

bool call_rule_escalation_settled(const char *outcome)
{
	return outcome && (strcmp(outcome, "reached") == 0 || strcmp(outcome, "call_back") == 0);
}

enum call_escalation_step call_rule_escalation(const char *reason, const char *outcome, int not_reached_in_a_row,
					       bool raised)
{
	if (!call_rule_to_the_citizen(reason))
		return CALL_ESCALATION_KEEP;
	if (call_rule_escalate(not_reached_in_a_row))
		return raised ? CALL_ESCALATION_KEEP : CALL_ESCALATION_RAISE;
	if (raised && call_rule_escalation_settled(outcome))
		return CALL_ESCALATION_SETTLE;
	return CALL_ESCALATION_KEEP;
}

bool call_rule_feedback_allowed(const char *reason, bool consent)
{
	return reason && strcmp(reason, "referrer_feedback") == 0 && consent_rule_call_allowed(reason, false, consent);
}

const char *call_rule_match_end(const char *next_step)
{
	if (!next_step)
		return NULL;
	if (strcmp(next_step, CALL_NEXT_NEW_MATCH) == 0)
		return "did_not_work";
	if (strcmp(next_step, CALL_NEXT_ON_OWN) == 0)
		return "on_own";
	return NULL;
}

int call_rules_unique(struct call_new *calls, int n)
{
	int kept = 0;
	for (int i = 0; i < n; i++) {
		bool seen = false;
		for (int j = 0; j < kept && calls[i].source_key[0]; j++)
			if (strcmp(calls[j].source_key, calls[i].source_key) == 0)
				seen = true;
		if (seen)
			continue;
		if (kept != i)
			calls[kept] = calls[i];
		kept++;
	}
	return kept;
}
