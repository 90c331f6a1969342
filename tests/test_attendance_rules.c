/* Unit tests for src/attendance_rules.c: the three rules the attendance
 * screen and the follow-up calls build on, as the desk meets them week by
 * week. */
#include <stdio.h>
#include <string.h>

#include "attendance_rules.h"
#include "tap.h"

/* Marks written oldest first, as on a paper list ("aa" = absent twice),
 * turned into the newest-first array the rules take. 'P' is present and
 * accompanied. */
static int history(const char *oldest_first, struct attendance_past *out)
{
	int n = (int)strlen(oldest_first);
	for (int i = 0; i < n; i++) {
		char c = oldest_first[n - 1 - i];
		out[i].mark = c == 'P' ? 'p' : c;
		out[i].accompanied = c == 'P';
	}
	return n;
}

static bool call_after(const char *oldest_first)
{
	struct attendance_past past[32];
	int n = history(oldest_first, past);
	return attendance_rule_missed_call(past, n);
}

static void missed_sessions(void)
{
	TAP_CHECK(!call_after(""), "no marks: no call");
	TAP_CHECK(!call_after("p"), "came: no call");
	TAP_CHECK(!call_after("a"), "absent once: not yet");
	TAP_CHECK(call_after("aa"), "absent twice in a row without notice: call");
	TAP_CHECK(call_after("ppaa"), "after coming for a while, two absences: call");
	TAP_CHECK(!call_after("apa"), "absent, came, absent: not in a row");
	TAP_CHECK(!call_after("ee"), "notice twice: not yet");
	TAP_CHECK(call_after("eee"), "notice three times in a row: call");
	TAP_CHECK(!call_after("ea"), "notice then absent: two misses, only one without notice");
	TAP_CHECK(!call_after("ae"), "absent then notice: not yet");
	TAP_CHECK(call_after("aea"), "absent, notice, absent: three misses in a row");
	TAP_CHECK(call_after("eaa"), "notice, then absent twice: call at the second absence");
	TAP_CHECK(!call_after("epe"), "a visit in between breaks the run of notices");

	/* After a call, counting starts again. */
	TAP_CHECK(!call_after("aaa"), "the third absence after a call at the second: no second call yet");
	TAP_CHECK(call_after("aaaa"), "two more absences after the call: call again");
	TAP_CHECK(!call_after("eeee"), "the fourth notice after a call at the third: not yet");
	TAP_CHECK(call_after("eeeeee"), "three more notices after the call: call again");
	TAP_CHECK(!call_after("aap"), "came after the call: nothing due");

	struct attendance_past past[32];
	int n = history("paea", past);
	TAP_INT_EQ(attendance_missed_in_a_row(past, n), 3, "missed three in a row, for the message");
	n = history("ap", past);
	TAP_INT_EQ(attendance_missed_in_a_row(past, n), 0, "came last time: none missed");
	TAP_INT_EQ(attendance_missed_in_a_row(past, 0), 0, "no marks: none missed");
}

static bool always(const char *oldest_first, int *times)
{
	struct attendance_past past[32];
	int n = history(oldest_first, past);
	return attendance_rule_always_accompanied(past, n, times);
}

static void always_accompanied(void)
{
	int times = -1;
	TAP_CHECK(!always("", &times), "never came: no flag");
	TAP_INT_EQ(times, 0, "... zero times");
	TAP_CHECK(!always("PPP", &times), "accompanied three times: not yet several");
	TAP_INT_EQ(times, 3, "... three times");
	TAP_CHECK(always("PPPP", &times), "accompanied four times in a row: flagged");
	TAP_INT_EQ(times, 4, "... four times");
	TAP_CHECK(always("pPPPPPP", &times), "alone once long ago, then six times accompanied: flagged");
	TAP_INT_EQ(times, 6, "... six times in a row");
	TAP_CHECK(!always("PPPPp", &times), "came alone last time: the aim is reached, no flag");
	TAP_INT_EQ(times, 0, "... zero in a row");
	TAP_CHECK(always("PPaPeP", &times), "absences and notices say nothing about company");
	TAP_CHECK(!always("aaaa", NULL), "never came, only absences: no flag (and times may be NULL)");

	struct attendance_past past[16];
	int n = attendance_past_from_codes("PPeaPp", past, 16);
	TAP_INT_EQ(n, 6, "codes from the card's facts are read");
	TAP_CHECK(past[0].mark == 'p' && past[0].accompanied && past[2].mark == 'e' && past[3].mark == 'a'
		  && past[5].mark == 'p' && !past[5].accompanied, "... newest first, letter by letter");
	TAP_INT_EQ(attendance_past_from_codes("PxP", past, 16), 2, "an unknown letter is skipped");
	TAP_INT_EQ(attendance_past_from_codes("PPPPPP", past, 3), 3, "no more than room for");
	TAP_INT_EQ(attendance_past_from_codes(NULL, past, 3), 0, "no codes: nothing");
}

static struct attendance_match match(long long activity, const char *matched_on, const char *ended_on,
				     const char *done_on)
{
	struct attendance_match m;
	memset(&m, 0, sizeof m);
	m.id = 1;
	m.activity_id = activity;
	snprintf(m.matched_on, sizeof m.matched_on, "%s", matched_on);
	snprintf(m.ended_on, sizeof m.ended_on, "%s", ended_on);
	snprintf(m.accompaniment_done_on, sizeof m.accompaniment_done_on, "%s", done_on);
	return m;
}

static void accompaniment(void)
{
	struct attendance_match m = match(7, "2026-11-10", "", "");
	TAP_CHECK(attendance_rule_completes_accompaniment(&m, 7, "2026-11-12", "present"),
		  "the first session after the match, present: milestone reached");
	TAP_CHECK(attendance_rule_completes_accompaniment(&m, 7, "2026-11-10", "present"),
		  "a session on the day of the match counts");
	TAP_CHECK(!attendance_rule_completes_accompaniment(&m, 7, "2026-11-05", "present"),
		  "a session before the match does not");
	TAP_CHECK(!attendance_rule_completes_accompaniment(&m, 7, "2026-11-12", "excused"),
		  "sending notice does not");
	TAP_CHECK(!attendance_rule_completes_accompaniment(&m, 7, "2026-11-12", "absent"),
		  "staying away does not");
	TAP_CHECK(!attendance_rule_completes_accompaniment(&m, 7, "2026-11-12", NULL), "a mark taken back does not");
	TAP_CHECK(!attendance_rule_completes_accompaniment(&m, 8, "2026-11-12", "present"),
		  "another activity than the match's does not");

	m = match(0, "2026-11-10", "", "");
	TAP_CHECK(attendance_rule_completes_accompaniment(&m, 8, "2026-11-12", "present"),
		  "a match with a volunteer only: any activity counts");

	m = match(7, "2026-11-10", "", "2026-11-12");
	TAP_CHECK(!attendance_rule_completes_accompaniment(&m, 7, "2026-11-19", "present"),
		  "already reached: a later session changes nothing");
	TAP_CHECK(attendance_rule_completes_accompaniment(&m, 7, "2026-11-11", "present"),
		  "a paper list caught up later moves it to the earlier session");

	m = match(7, "2026-10-01", "2026-10-20", "");
	TAP_CHECK(attendance_rule_completes_accompaniment(&m, 7, "2026-10-15", "present"),
		  "an ended match: a session while it was open counts");
	TAP_CHECK(!attendance_rule_completes_accompaniment(&m, 7, "2026-11-12", "present"),
		  "... one after it ended does not");
	TAP_CHECK(!attendance_rule_completes_accompaniment(&m, 7, "", "present"), "no date: nothing");

}

/* The small rules of a mark. */
static void marking(void)
{
	TAP_CHECK(attendance_rule_may_mark("2026-11-26", "2026-11-26", "present"), "came: on the day");
	TAP_CHECK(attendance_rule_may_mark("2026-11-19", "2026-11-26", "absent"), "stayed away: after the day");
	TAP_CHECK(!attendance_rule_may_mark("2026-12-03", "2026-11-26", "present"), "came: not before the day");
	TAP_CHECK(!attendance_rule_may_mark("2026-12-03", "2026-11-26", "absent"), "stayed away: not before the day");
	TAP_CHECK(attendance_rule_may_mark("2026-12-03", "2026-11-26", "excused"), "notice may come in advance");
	TAP_CHECK(attendance_rule_may_mark("2026-12-03", "2026-11-26", NULL), "a mark may always be taken away");
	TAP_CHECK(attendance_rule_held("planned", "2026-11-26", "2026-11-26", "present"), "marked on the day: held");
	TAP_CHECK(!attendance_rule_held("planned", "2026-12-03", "2026-11-26", "excused"),
		  "notice in advance: not held yet");
	TAP_CHECK(!attendance_rule_held("planned", "2026-11-26", "2026-11-26", NULL), "a mark taken away: not held");
	TAP_CHECK(!attendance_rule_held("held", "2026-11-26", "2026-11-26", "present"), "held already: nothing to do");
	TAP_CHECK(attendance_rule_planned_again("held", 0), "a held session's last mark taken away: planned again");
	TAP_CHECK(!attendance_rule_planned_again("held", 1), "a mark left: still held");
	TAP_CHECK(!attendance_rule_planned_again("planned", 0), "planned already: nothing to do");
	TAP_CHECK(!attendance_rule_planned_again("cancelled", 0), "cancelled stays cancelled");
	TAP_CHECK(attendance_rule_valid_mark("excused") && attendance_rule_valid_mark(NULL)
		  && !attendance_rule_valid_mark("late"), "the marks there are");
}

/* Which session is still to come: a match confirmed in the evening must
 * not send the citizen to this morning's. */
static void to_come(void)
{
	TAP_CHECK(attendance_rule_to_come("2026-12-03", "10:00", "2026-11-26 19:30:00"), "next week: to come");
	TAP_CHECK(!attendance_rule_to_come("2026-11-19", "10:00", "2026-11-26 09:00:00"), "last week: gone");
	TAP_CHECK(attendance_rule_to_come("2026-11-26", "10:00", "2026-11-26 09:00:00"), "this morning at nine: to come");
	TAP_CHECK(attendance_rule_to_come("2026-11-26", "10:00", "2026-11-26 10:00:00"), "at ten sharp: still to come");
	TAP_CHECK(!attendance_rule_to_come("2026-11-26", "10:00", "2026-11-26 19:30:00"), "in the evening: passed");
	TAP_CHECK(!attendance_rule_to_come("2026-11-26", "10:00", "2026-11-26 10:01"), "a minute late: passed");
	TAP_CHECK(attendance_rule_to_come("2026-11-26", "", "2026-11-26 19:30:00"),
		  "today without a time: nobody can say it is over");
	TAP_CHECK(attendance_rule_to_come("2026-11-26", "19:00", "2026-11-26"), "a clock without a time: today counts");
	TAP_CHECK(!attendance_rule_to_come("2026-11-26", "10:00", ""), "no clock: nothing");
}

/* Enrolling a walk-in over the activity's places. */
static void places(void)
{
	TAP_CHECK(attendance_rule_enrol_fits(&(struct enrol_places){ .capacity = 40, .enrolled = 39 }),
		  "39 of 40: the last place");
	TAP_CHECK(!attendance_rule_enrol_fits(&(struct enrol_places){ .capacity = 40, .enrolled = 40 }),
		  "40 of 40: full, the desk is asked");
	TAP_CHECK(!attendance_rule_enrol_fits(&(struct enrol_places){ .capacity = 40, .enrolled = 41 }),
		  "already over: full");
	TAP_CHECK(attendance_rule_enrol_fits(&(struct enrol_places){ .capacity = 40, .enrolled = 40, .already = true }),
		  "enrolled already: takes no new place");
	TAP_CHECK(!attendance_rule_enrol_fits(&(struct enrol_places){ .capacity = 0, .enrolled = 0 }),
		  "no places at all: full");
}

int main(void)
{
	places();
	marking();
	to_come();
	missed_sessions();
	always_accompanied();
	accompaniment();
	return tap_done();
}
