/* The rules that plan follow-up calls (src/call_rules.c): each rule on its
 * own, its edges, and that running them again never asks for the same
 * call twice. Today is Thursday 26-11-2026. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance_rules.h"
#include "call_rules.h"
#include "protection_rules.h"
#include "i18n.h"
#include "settings.h"
#include "tap.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static struct date today = { 2026, 11, 26 };
static struct call_new c_many[8];

static struct call_match_fact match_fact(long long id, const char *matched_on, const char *first_on)
{
	struct call_match_fact f;
	memset(&f, 0, sizeof f);
	f.match_id = id;
	f.citizen_id = 100 + id;
	f.volunteer_id = 7;
	f.activity_id = first_on[0] ? 3 : 0;
	f.contact_consent = true;
	SET(f.matched_on, matched_on);
	SET(f.first_session_on, first_on);
	return f;
}

static void test_after_match(void)
{
	struct call_new c;
	struct call_match_fact f = match_fact(12, "2026-11-20", "");
	TAP_CHECK(call_rule_after_match(&f, today, &c), "a match six days ago plans a call");
	TAP_STR_EQ(c.reason, "after_match", "reason after_match");
	TAP_STR_EQ(c.due_on, "2026-12-04", "two weeks after the match");
	TAP_STR_EQ(c.source_key, "match:12", "keyed by the match");
	TAP_INT_EQ(c.responsible, 7, "the match's volunteer calls");
	TAP_INT_EQ(c.citizen_id, 112, "for the match's citizen");

	f = match_fact(13, "2026-11-01", "");
	TAP_CHECK(call_rule_after_match(&f, today, &c), "a match 25 days ago still plans one");
	TAP_STR_EQ(c.due_on, "2026-11-26", "already due: today, never in the past");

	f = match_fact(14, "2026-10-29", "");
	TAP_CHECK(call_rule_after_match(&f, today, &c), "28 days ago: the edge of the look-back");
	f = match_fact(14, "2026-10-27", "");
	TAP_CHECK(!call_rule_after_match(&f, today, &c), "older than the look-back: no call about old history");

	f = match_fact(15, "2026-11-20", "");
	f.has_match_call = true;
	TAP_CHECK(!call_rule_after_match(&f, today, &c), "a match whose call exists plans none");
	f = match_fact(15, "2026-11-20", "");
	SET(f.ended_on, "2026-11-24");
	TAP_CHECK(!call_rule_after_match(&f, today, &c), "an ended match plans none");
	f = match_fact(15, "2026-11-20", "");
	f.citizen_ended = true;
	TAP_CHECK(!call_rule_after_match(&f, today, &c), "an ended course plans none");
	f = match_fact(15, "2026-11-27", "");
	TAP_CHECK(!call_rule_after_match(&f, today, &c), "a match dated tomorrow is not made yet");
	f = match_fact(15, "2026-02-30", "");
	TAP_CHECK(!call_rule_after_match(&f, today, &c), "a broken date plans nothing");
}

static void test_after_first_session(void)
{
	struct call_new c;
	struct call_match_fact f = match_fact(20, "2026-11-10", "2026-11-24");
	TAP_CHECK(call_rule_after_first_session(&f, today, &c), "a first session two days ago plans a call");
	TAP_STR_EQ(c.reason, "after_first_session", "reason after_first_session");
	TAP_STR_EQ(c.due_on, "2026-11-26", "the day after, or today if that has passed");
	TAP_STR_EQ(c.source_key, "first_session:20", "keyed by the match");

	f = match_fact(21, "2026-11-25", "2026-12-01");
	TAP_CHECK(call_rule_after_first_session(&f, today, &c), "a first session ahead plans the call now");
	TAP_STR_EQ(c.due_on, "2026-12-02", "the day after the first session");

	f = match_fact(22, "2026-11-10", "");
	TAP_CHECK(!call_rule_after_first_session(&f, today, &c), "a match with a volunteer only has no first session");
	f = match_fact(23, "2026-11-10", "2026-11-24");
	SET(f.ended_on, "2026-11-20");
	TAP_CHECK(!call_rule_after_first_session(&f, today, &c), "a match ended before its first session plans none");
	f = match_fact(23, "2026-11-10", "2026-11-24");
	SET(f.ended_on, "2026-11-25");
	TAP_CHECK(call_rule_after_first_session(&f, today, &c), "ended after the session: the call still helps");
	f = match_fact(24, "2026-09-01", "2026-09-08");
	TAP_CHECK(!call_rule_after_first_session(&f, today, &c), "a first session long ago plans none");
	f = match_fact(25, "2026-11-10", "2026-11-24");
	f.has_first_session_call = true;
	TAP_CHECK(!call_rule_after_first_session(&f, today, &c), "the matching screen already planned it");
}

/* One match, one call: never both "after the first session" and "after
 * the match" (a citizen once got both for one match). */
static void test_one_call_per_match(void)
{
	struct call_new c;
	struct call_match_fact f = match_fact(30, "2026-11-20", "2026-11-24");
	TAP_CHECK(!call_rule_after_match(&f, today, &c),
		  "an activity with a known first session: no call two weeks after the match");
	TAP_CHECK(call_rule_after_first_session(&f, today, &c), "but the one after the first session");
	f.has_first_session_call = true;
	TAP_CHECK(!call_rule_after_match(&f, today, &c), "that call written: still none after the match");
	f = match_fact(31, "2026-11-20", "2026-11-24");
	f.has_match_call = true;
	TAP_CHECK(!call_rule_after_first_session(&f, today, &c),
		  "a call after the match planned before the session was known: no second one");
	f = match_fact(32, "2026-11-20", "");
	f.activity_id = 3;
	TAP_CHECK(call_rule_after_match(&f, today, &c), "an activity with no session planned yet: after the match");

	/* The sweep runs both rules over the same fact, as src/calls.c does. */
	struct call_new both[2];
	int n = 0;
	f = match_fact(33, "2026-11-20", "2026-11-24");
	if (call_rule_after_match(&f, today, &both[n]))
		n++;
	if (call_rule_after_first_session(&f, today, &both[n]))
		n++;
	TAP_INT_EQ(n, 1, "both rules over one match: one call");
}

static int marks_of(struct call_mark_fact *m, long long enrolment, const char *codes, const char *first_day)
{
	struct date d;
	date_parse_iso(first_day, &d);
	int n = (int)strlen(codes);
	for (int i = 0; i < n; i++) {
		memset(&m[i], 0, sizeof m[i]);
		m[i].enrolment_id = enrolment;
		m[i].citizen_id = 500;
		m[i].session_id = 1000 + i;
		m[i].responsible = 9;
		m[i].mark = codes[i];
		m[i].contact_consent = true;
		date_format_iso(date_add_days(d, 7L * i), m[i].date);
	}
	return n;
}

static void test_missed_sessions(void)
{
	struct call_mark_fact m[16];
	struct call_new c[16];
	/* Weekly sessions, the last on 2026-11-24 (a Tuesday). */
	int n = marks_of(m, 44, "ppaa", "2026-11-03");
	int got = call_rule_missed_sessions(m, n, today, NULL, c, 16);
	TAP_INT_EQ(got, 1, "two missed without notice in a row: one call");
	TAP_STR_EQ(c[0].source_key, "missed:44:1003", "keyed by enrolment and the session that made it due");
	TAP_STR_EQ(c[0].reason, "missed_sessions", "reason missed_sessions");
	TAP_STR_EQ(c[0].due_on, "2026-11-26", "the day after the session, not before today");
	TAP_INT_EQ(c[0].responsible, 9, "the volunteer of the match calls");

	n = marks_of(m, 45, "ppea", "2026-11-03");
	TAP_INT_EQ(call_rule_missed_sessions(m, n, today, NULL, c, 16), 0,
		   "notice, then absent: only two missed, one with notice: no call");
	n = marks_of(m, 46, "peee", "2026-11-03");
	got = call_rule_missed_sessions(m, n, today, NULL, c, 16);
	TAP_INT_EQ(got, 1, "three in a row with notice: one call");
	TAP_STR_EQ(c[0].source_key, "missed:46:1003", "at the third");
	n = marks_of(m, 47, "apapap", "2026-10-13");
	TAP_INT_EQ(call_rule_missed_sessions(m, n, today, NULL, c, 16), 0, "misses with visits between: no call");
	/* One situation, one call: an enrolment got two calls on one day
	 * when the marks were caught up (or replayed) at once. */
	n = marks_of(m, 48, "aaaa", "2026-11-03");
	got = call_rule_missed_sessions(m, n, today, NULL, c, 16);
	TAP_INT_EQ(got, 1, "four without notice, both calls due by now: one call, not two on one day");
	TAP_STR_EQ(c[0].source_key, "missed:48:1003", "the one the newest miss asks for");
	/* The same marks again give the same key: nothing new to write. */
	struct call_new again[16];
	int got2 = call_rule_missed_sessions(m, n, today, NULL, again, 16);
	TAP_CHECK(got2 == got && strcmp(again[0].source_key, c[0].source_key) == 0,
		  "running the rule again gives the same key");
	m[0].open_missed_call = true;
	TAP_INT_EQ(call_rule_missed_sessions(m, n, today, NULL, c, 16), 0,
		   "a call after missed sessions still open for the enrolment: no second one");
	n = marks_of(m, 49, "aa", "2026-09-01");
	TAP_INT_EQ(call_rule_missed_sessions(m, n, today, NULL, c, 16), 0, "misses long ago: no call now");
	n = marks_of(m, 50, "aap", "2026-11-10");
	TAP_INT_EQ(call_rule_missed_sessions(m, n, today, NULL, c, 16), 0,
		   "they came back since: the call that was due is not made");
	n = marks_of(m, 51, "aapaa", "2026-10-27");
	got = call_rule_missed_sessions(m, n, today, NULL, c, 16);
	TAP_INT_EQ(got, 1, "away again after coming back: a new call");
	TAP_STR_EQ(c[0].source_key, "missed:51:1004", "for the new run of misses");
	TAP_INT_EQ(call_rule_missed_sessions(m, n, today, NULL, c, 0), 0, "no room: nothing written");

	/* Coming back answers an open call. */
	TAP_CHECK(call_rule_missed_answered("2026-11-17", "2026-11-24"), "came the week after: answered");
	TAP_CHECK(!call_rule_missed_answered("2026-11-17", "2026-11-17"), "the missed session itself is no return");
	TAP_CHECK(!call_rule_missed_answered("2026-11-17", "2026-11-10"), "a visit before the miss answers nothing");
	TAP_CHECK(!call_rule_missed_answered("2026-11-17", ""), "never came back: the call stays");
	TAP_CHECK(call_rule_missed_due(true, 0) && !call_rule_missed_due(true, 1) && !call_rule_missed_due(false, 0),
		  "due only while no other call after missed sessions is open for the enrolment");
	char note[200];
	call_rule_came_back_note("2026-12-03", note, sizeof note);
	TAP_STR_EQ(note, "Kom igen 03-12-2026: opkaldet er ikke længere nødvendigt.", "the reason, in words");

	/* The rule is the attendance screen's, so both places agree. */
	struct attendance_past past[2] = { { 'a', false }, { 'a', false } };
	TAP_CHECK(attendance_rule_missed_call(past, 2), "the attendance rule is the one applied");
}

/* What a call that did not reach the citizen can lead to. */
static void test_next_step_fits(void)
{
	TAP_CHECK(call_rule_next_step_fits("reached", CALL_NEXT_NEW_MATCH), "reached: a new match");
	TAP_CHECK(call_rule_next_step_fits("reached", CALL_NEXT_HANDOVER), "reached: a handover");
	TAP_CHECK(call_rule_next_step_fits("call_back", CALL_NEXT_NEW_CALL), "a call back: the agreed call");
	TAP_CHECK(!call_rule_next_step_fits("not_reached", CALL_NEXT_NEW_MATCH),
		  "not reached: no new match (only a conversation gives that)");
	TAP_CHECK(!call_rule_next_step_fits("not_reached", CALL_NEXT_ON_OWN), "not reached: not 'goes on their own'");
	TAP_CHECK(!call_rule_next_step_fits("not_reached", CALL_NEXT_HANDOVER), "not reached: no handover");
	TAP_CHECK(!call_rule_next_step_fits("wrong_number", CALL_NEXT_NEW_MATCH), "wrong number: no new match");
	TAP_CHECK(call_rule_next_step_fits("not_reached", CALL_NEXT_NEW_CALL), "not reached: call again");
	TAP_CHECK(call_rule_next_step_fits("not_reached", CALL_NEXT_NONE), "not reached: nothing new");
	TAP_CHECK(call_rule_next_step_fits("wrong_number", CALL_NEXT_END_COURSE),
		  "wrong number: the course may end (a move is known without a call)");
	TAP_CHECK(!call_rule_next_step_fits(NULL, CALL_NEXT_NONE), "no outcome: nothing fits");
}

static void test_referrer_feedback(void)
{
	struct call_feedback_fact f = { .referral_id = 7, .citizen_id = 70, .consent = true };
	SET(f.assessed_on, "2026-11-23");
	struct call_new c;
	TAP_CHECK(call_rule_referrer_feedback(&f, today, &c), "assessed, feedback agreed: a call");
	TAP_STR_EQ(c.reason, "referrer_feedback", "reason referrer_feedback");
	TAP_STR_EQ(c.due_on, "2026-11-30", "a week after the first conversation");
	TAP_STR_EQ(c.source_key, "referral:7", "keyed by the referral");
	TAP_INT_EQ(c.responsible, 0, "the desk gives feedback");
	SET(f.assessed_on, "2026-11-21");
	TAP_CHECK(call_rule_referrer_feedback(&f, today, &c), "assessed on a Saturday");
	TAP_STR_EQ(c.due_on, "2026-11-30", "a week on is a Saturday: the Monday after (the desk calls on weekdays)");
	SET(f.assessed_on, "2026-11-23");
	f.consent = false;
	TAP_CHECK(!call_rule_referrer_feedback(&f, today, &c), "without the citizen's consent: never");
	f.consent = true;
	f.has_call = true;
	TAP_CHECK(!call_rule_referrer_feedback(&f, today, &c), "already planned: no second call");
	f.has_call = false;
	SET(f.assessed_on, "");
	TAP_CHECK(!call_rule_referrer_feedback(&f, today, &c), "not assessed yet: nothing to tell");
}

static void test_no_contact(void)
{
	struct call_idle_fact f = { .citizen_id = 5, .responsible = 3, .contact_consent = true };
	SET(f.last_contact_on, "2026-10-15");
	struct call_new c;
	TAP_CHECK(call_rule_no_contact(&f, today, 6, &c), "six weeks without anything: a call");
	TAP_STR_EQ(c.due_on, "2026-11-26", "due today");
	TAP_STR_EQ(c.reason, "no_contact", "reason no_contact");
	TAP_STR_EQ(c.source_key, "no_contact:5", "the first silence keeps the plain key");
	TAP_INT_EQ(c.responsible, 3, "the volunteer of an open match calls");
	SET(f.last_contact_on, "2026-10-16");
	TAP_CHECK(!call_rule_no_contact(&f, today, 6, &c), "a day short of six weeks: not yet");
	TAP_CHECK(call_rule_no_contact(&f, today, 5, &c), "the weeks are a setting: five weeks say yes");
	SET(f.last_contact_on, "2026-10-15");
	f.had_no_contact_call = true;
	TAP_CHECK(call_rule_no_contact(&f, today, 6, &c), "a later silence calls again");
	TAP_STR_EQ(c.source_key, "no_contact:5:2026-10-15", "named by the day contact stopped");
	f.has_open_call = true;
	TAP_CHECK(!call_rule_no_contact(&f, today, 6, &c), "an open call is a planned step: none");
	f.has_open_call = false;
	f.has_planned_session = true;
	TAP_CHECK(!call_rule_no_contact(&f, today, 6, &c), "a planned session is a planned step: none");
	f.has_planned_session = false;
	f.ended = true;
	TAP_CHECK(!call_rule_no_contact(&f, today, 6, &c), "an ended course: none");
	f.ended = false;
	TAP_CHECK(!call_rule_no_contact(&f, today, 0, &c), "zero weeks is no rule");
}

static void test_agreed_and_escalation(void)
{
	struct call_new c;
	TAP_CHECK(call_rule_agreed(31, 8, 2, "2026-12-01", "10:30", true, today, &c), "an agreed date plans a call");
	TAP_STR_EQ(c.reason, "agreed", "reason agreed");
	TAP_STR_EQ(c.due_on, "2026-12-01", "on the agreed day");
	TAP_STR_EQ(c.due_time, "10:30", "at the agreed time");
	TAP_STR_EQ(c.source_key, "agreed:31", "keyed by the call that agreed it");
	TAP_CHECK(call_rule_agreed(31, 8, 2, "2026-11-28", "10:30", true, today, &c), "a Saturday agreed");
	TAP_STR_EQ(c.due_on, "2026-11-28", "stays the Saturday: the citizen's day, not the rules'");
	TAP_CHECK(call_rule_agreed(31, 8, 2, "2026-11-26", "", true, today, &c), "today without a time is fine");
	TAP_CHECK(!call_rule_agreed(31, 8, 2, "2026-11-25", "", true, today, &c), "a day in the past is refused");
	TAP_CHECK(!call_rule_agreed(31, 8, 2, "2026-12-01", "25:00", true, today, &c), "25:00 is no time");
	TAP_CHECK(!call_rule_agreed(31, 8, 2, "2026-12-01", "9:30", true, today, &c), "times are HH:MM");
	TAP_CHECK(!call_rule_agreed(31, 8, 2, "", "", true, today, &c), "no date, no call");

	struct date d = call_rule_retry_day(today);
	TAP_CHECK(d.day == 27, "not reached on a Thursday: try again Friday");
	d = call_rule_retry_day((struct date){ 2026, 11, 27 });
	TAP_CHECK(d.month == 11 && d.day == 30, "not reached on a Friday: try again Monday");

	TAP_CHECK(!call_rule_escalate(2), "not reached twice: not yet the coordinator's");
	TAP_CHECK(call_rule_escalate(3), "not reached three times in a row: raised to the coordinator");
	TAP_CHECK(call_rule_escalate(4), "and stays raised");
	TAP_CHECK(call_rule_escalation_settled("reached"), "reaching them settles it");
	TAP_CHECK(call_rule_escalation_settled("call_back"), "so does being asked to call back");
	TAP_CHECK(!call_rule_escalation_settled("wrong_number"), "a wrong number does not");
}

static void test_unique_and_settings(void)
{
	struct call_new c[5];
	memset(c, 0, sizeof c);
	SET(c[0].source_key, "match:1");
	SET(c[1].source_key, "missed:2:3");
	SET(c[2].source_key, "match:1");
	SET(c[3].source_key, "");
	SET(c[4].source_key, "");
	int n = call_rules_unique(c, 5);
	TAP_INT_EQ(n, 4, "a batch asks for the same situation only once");
	TAP_STR_EQ(c[2].source_key, "", "keyless calls are kept, in order");

	/* The no-contact rule's weeks and quota are read by src/settings.c. */
	TAP_INT_EQ(settings_number("8", 6, 1, 52), 8, "a setting of 8 weeks");
	TAP_INT_EQ(settings_number("", 6, 1, 52), 6, "an empty setting gives the default");
	TAP_INT_EQ(settings_number("seks", 6, 1, 52), 6, "words give the default");
	TAP_INT_EQ(settings_number("0", 6, 1, 52), 6, "out of range gives the default");
	TAP_INT_EQ(settings_number("8x", 6, 1, 52), 6, "trailing junk gives the default");

	TAP_INT_EQ(call_rule_no_contact_quota(10, 0), 10, "no calls after silence today yet: the whole quota");
	TAP_INT_EQ(call_rule_no_contact_quota(10, 7), 3, "seven made: three more today");
	TAP_INT_EQ(call_rule_no_contact_quota(10, 12), 0, "more made than the quota (it was lowered): none");
	TAP_INT_EQ(call_rule_no_contact_quota(0, 0), 0, "a quota of nought turns the rule off");
}

static struct call_past past(const char *outcome, const char *reason)
{
	struct call_past p;
	SET(p.outcome, outcome);
	SET(p.reason, reason);
	return p;
}

static void test_not_reached_run(void)
{
	struct call_past calls[] = { past("not_reached", "agreed"), past("not_reached", "referrer_feedback"),
				     past("not_reached", "agreed"), past("reached", "after_match"),
				     past("not_reached", "no_contact") };
	TAP_INT_EQ(call_rule_not_reached_run(calls, 5), 2,
		   "two calls to the citizen not reached; the referrer's neither counts nor breaks the run");
	TAP_INT_EQ(call_rule_not_reached_run(calls, 0), 0, "no calls, no run");
	struct call_past reached_referrer[] = { past("reached", "referrer_feedback"), past("not_reached", "agreed") };
	TAP_INT_EQ(call_rule_not_reached_run(reached_referrer, 2), 1, "reaching the referrer is not reaching them");
	struct call_past back[] = { past("call_back", "agreed"), past("not_reached", "agreed") };
	TAP_INT_EQ(call_rule_not_reached_run(back, 2), 0, "asked to call back: reached");

	TAP_INT_EQ(call_rule_escalation("agreed", "not_reached", 3, false), CALL_ESCALATION_RAISE,
		   "the third in a row raises them");
	TAP_INT_EQ(call_rule_escalation("agreed", "not_reached", 4, true), CALL_ESCALATION_KEEP,
		   "already raised: not raised twice");
	TAP_INT_EQ(call_rule_escalation("agreed", "not_reached", 2, false), CALL_ESCALATION_KEEP, "twice: not yet");
	TAP_INT_EQ(call_rule_escalation("agreed", "reached", 0, true), CALL_ESCALATION_SETTLE, "reached: settled");
	TAP_INT_EQ(call_rule_escalation("agreed", "call_back", 0, true), CALL_ESCALATION_SETTLE,
		   "asked to call back: settled");
	TAP_INT_EQ(call_rule_escalation("agreed", "wrong_number", 0, true), CALL_ESCALATION_KEEP,
		   "a wrong number settles nothing");
	TAP_INT_EQ(call_rule_escalation("agreed", "reached", 0, false), CALL_ESCALATION_KEEP, "nothing raised: nothing to settle");
	TAP_INT_EQ(call_rule_escalation("referrer_feedback", "not_reached", 3, false), CALL_ESCALATION_KEEP,
		   "a call to the referrer raises nobody");
	TAP_INT_EQ(call_rule_escalation("referrer_feedback", "reached", 0, true), CALL_ESCALATION_KEEP,
		   "nor settles anything");

	/* The relative is someone else too. */
	struct call_past relative[] = { past("not_reached", "agreed"), past("not_reached", "relative_support"),
					past("not_reached", "agreed") };
	TAP_INT_EQ(call_rule_not_reached_run(relative, 3), 2, "a call to the relative neither counts nor breaks the run");
	TAP_INT_EQ(call_rule_escalation("relative_support", "not_reached", 3, false), CALL_ESCALATION_KEEP,
		   "not reaching the relative raises nobody");
	TAP_CHECK(call_rule_to_the_citizen("agreed") && !call_rule_to_the_citizen("relative_support")
		  && !call_rule_to_the_citizen("referrer_feedback"), "who a call is to");
}

/* The relative's own wish for support leads to a call to them. */
static void test_relative_support(void)
{
	struct call_relative_fact f = { .citizen_id = 70, .wants_support = true };
	SET(f.wished_on, "2026-11-26");
	struct call_new c;
	TAP_CHECK(call_rule_relative_support(&f, today, &c), "the relative wants support: a call");
	TAP_STR_EQ(c.reason, "relative_support", "reason relative_support");
	TAP_STR_EQ(c.due_on, "2026-11-26", "today");
	TAP_STR_EQ(c.source_key, "relative:70", "keyed by the citizen");
	TAP_INT_EQ(c.responsible, 0, "the desk calls");
	SET(f.wished_on, "2026-10-01");
	TAP_CHECK(!call_rule_relative_support(&f, today, &c), "a wish from before the look-back: not now");
	SET(f.wished_on, "2026-11-20");
	f.has_call = true;
	TAP_CHECK(!call_rule_relative_support(&f, today, &c), "planned already: not twice");
	f.has_call = false;
	f.citizen_ended = true;
	TAP_CHECK(!call_rule_relative_support(&f, today, &c), "an ended course: none");
	f.citizen_ended = false;
	f.wants_support = false;
	TAP_CHECK(!call_rule_relative_support(&f, today, &c), "no wish: none");
}

static void test_outcome_rules(void)
{
	TAP_CHECK(call_rule_needs_date("call_back", CALL_NEXT_NONE), "a call back needs its day");
	TAP_CHECK(call_rule_needs_date("reached", CALL_NEXT_NEW_CALL), "so does the next step 'new call'");
	TAP_CHECK(!call_rule_needs_date("reached", CALL_NEXT_END_COURSE), "ending the course does not");
	TAP_CHECK(!call_rule_needs_date(NULL, NULL), "nothing chosen needs nothing");
	TAP_CHECK(call_rule_agreed_day(today, today), "today can be agreed");
	TAP_CHECK(!call_rule_agreed_day((struct date){ 2026, 11, 25 }, today), "yesterday cannot");

	TAP_CHECK(call_rule_feedback_allowed("referrer_feedback", true), "a feedback call the citizen agreed to");
	TAP_CHECK(!call_rule_feedback_allowed("referrer_feedback", false), "no consent: the referrer hears nothing");
	TAP_CHECK(!call_rule_feedback_allowed("after_match", true), "nor on a call to the citizen");

	TAP_STR_EQ(call_rule_match_end(CALL_NEXT_NEW_MATCH), "did_not_work", "a new match ends the old as not working");
	TAP_STR_EQ(call_rule_match_end(CALL_NEXT_ON_OWN), "on_own", "going alone ends it as on their own");
	TAP_CHECK(call_rule_match_end(CALL_NEXT_NONE) == NULL, "other next steps leave the matches be");
	TAP_CHECK(call_rule_match_end(CALL_NEXT_END_COURSE) == NULL, "ending the course too");
	TAP_CHECK(!call_rule_next_step_has_match(CALL_NEXT_ON_OWN, 0), "going on their own needs a match to end");
	TAP_CHECK(call_rule_next_step_has_match(CALL_NEXT_ON_OWN, 1), "and takes one");
	TAP_CHECK(!call_rule_cancel_reason_ok(NULL) && !call_rule_cancel_reason_ok("") && !call_rule_cancel_reason_ok(" \t "),
		  "a call is not cancelled without a reason in words");
	TAP_CHECK(call_rule_cancel_reason_ok("Flyttet") && call_rule_cancel_reason_ok("Død"), "a word is a reason");
	TAP_CHECK(!call_rule_cancel_reason_ok("-") && !call_rule_cancel_reason_ok(" . "), "a sign alone is not");
	TAP_CHECK(call_rule_next_step_has_match(CALL_NEXT_NEW_MATCH, 0), "a new match needs none");
}

/* Consent acts: every rule that plans a call to the citizen needs their
 * consent to contact by volunteers; the call to the referrer needs the
 * consent to feedback instead, and contact alone does not allow it. */
static void test_consent(void)
{
	struct call_new c;
	struct call_match_fact f = match_fact(60, "2026-11-20", "");
	f.contact_consent = false;
	TAP_CHECK(!call_rule_after_match(&f, today, &c), "after a match: no call without consent to contact");
	f = match_fact(61, "2026-11-10", "2026-11-24");
	f.contact_consent = false;
	TAP_CHECK(!call_rule_after_first_session(&f, today, &c), "after the first session: none either");

	struct call_mark_fact m[4];
	int n = marks_of(m, 62, "ppaa", "2026-11-03");
	for (int i = 0; i < n; i++)
		m[i].contact_consent = false;
	TAP_INT_EQ(call_rule_missed_sessions(m, n, today, NULL, c_many, 8), 0,
		   "missed sessions: no call without consent to contact");
	TAP_CHECK(!call_rule_missed_call(62, 1003, 500, "2026-11-24", 9, false, today, &c),
		  "the attendance screen's missed call: none either");
	TAP_STR_EQ(c.source_key, "missed:62:1003", "but the situation is named, so a planned call can be withdrawn");
	TAP_CHECK(call_rule_missed_call(62, 1003, 500, "2026-11-24", 9, true, today, &c), "with consent: the call");

	struct call_idle_fact idle = { .citizen_id = 63 };
	SET(idle.last_contact_on, "2026-09-01");
	TAP_CHECK(!call_rule_no_contact(&idle, today, 6, &c), "no contact for weeks: no call without consent");
	idle.contact_consent = true;
	TAP_CHECK(call_rule_no_contact(&idle, today, 6, &c), "with consent: the call");

	TAP_CHECK(!call_rule_agreed(64, 8, 2, "2026-12-01", "", false, today, &c),
		  "a day agreed in a call: no new call once consent to contact is withdrawn");

	struct call_feedback_fact fb = { .referral_id = 65, .citizen_id = 65, .consent = false };
	SET(fb.assessed_on, "2026-11-23");
	TAP_CHECK(!call_rule_referrer_feedback(&fb, today, &c), "the referrer: no call without consent to feedback");

	TAP_CHECK(consent_rule_call_allowed("referrer_feedback", false, true),
		  "a call to the referrer needs only the consent to feedback");
	TAP_CHECK(!consent_rule_call_allowed("referrer_feedback", true, false),
		  "consent to contact does not let the referrer be told");
	TAP_CHECK(consent_rule_call_allowed("agreed", true, false), "a call to the citizen needs consent to contact");
	TAP_CHECK(!consent_rule_call_allowed("agreed", false, true), "feedback consent does not allow it");
}

int main(void)
{
	setenv("LANGUAGE", "da", 1);
	i18n_init();
	test_after_match();
	test_after_first_session();
	test_one_call_per_match();
	test_missed_sessions();
	test_next_step_fits();
	test_referrer_feedback();
	test_no_contact();
	test_agreed_and_escalation();
	test_unique_and_settings();
	test_not_reached_run();
	test_relative_support();
	test_outcome_rules();
	test_consent();
	return tap_done();
}
