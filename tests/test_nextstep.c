/* Unit tests for src/nextstep.c: each step of the rule, which step wins
 * when several apply, odd data, and the line the card shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "nextstep.h"
#include "tap.h"
#include "utf8.h"

static const struct date today = { 2026, 11, 26 }; /* a Thursday */

static struct citizen_facts empty(void)
{
	struct citizen_facts f;
	memset(&f, 0, sizeof f);
	return f;
}

static void set(char *field, size_t size, const char *value)
{
	snprintf(field, size, "%s", value);
}
#define SET(field, value) set((field), sizeof(field), (value))

static bool contains(const char *line, const char *part)
{
	return strstr(line, part) != NULL;
}

static void decides(const struct citizen_facts *f, enum next_step_kind kind, long days,
		    const char *what)
{
	struct next_step s = next_step_decide(f, today);
	TAP_INT_EQ(s.kind, kind, "%s", what);
	TAP_INT_EQ(s.days, days, "%s: days", what);
}

static void describe(const struct citizen_facts *f, char *out, size_t size)
{
	struct next_step s = next_step_decide(f, today);
	next_step_describe(&s, f, out, size);
}

static void one_case_per_rule(void)
{
	struct citizen_facts f;

	f = empty();
	f.ended = true;
	SET(f.end_reason, "lasting_community");
	decides(&f, NEXT_ENDED, 0, "1. an ended course");

	f = empty();
	SET(f.call_due_on, "2026-11-23");
	decides(&f, NEXT_CALL_OVERDUE, 3, "2. a call due three days ago is overdue by 3");
	struct next_step s = next_step_decide(&f, today);
	TAP_CHECK(s.date.year == 2026 && s.date.month == 11 && s.date.day == 23,
		  "2. the overdue step carries the call's date");

	f = empty();
	SET(f.call_due_on, "2026-11-26");
	decides(&f, NEXT_CALL_TODAY, 0, "3. a call due exactly today is due today, not overdue");

	f = empty();
	SET(f.session_on, "2026-12-01");
	SET(f.session_activity, "Gå-gruppen");
	decides(&f, NEXT_SESSION, 5, "4. a session next Tuesday, five days away");

	f = empty();
	SET(f.assessment, "professional_help");
	SET(f.handover_to, "Jobcenter Aarhus");
	SET(f.handover_on, "2026-11-20");
	decides(&f, NEXT_HANDOVER, 0, "5. handed over to professional help");
	s = next_step_decide(&f, today);
	TAP_CHECK(s.date.year == 2026 && s.date.month == 11 && s.date.day == 20,
		  "5. the handover step carries the handover date");

	f = empty();
	SET(f.call_due_on, "2026-12-03");
	SET(f.assessment, "volunteer_help");
	decides(&f, NEXT_CALL_LATER, 7, "6. a call planned in a week, due in 7 days");

	f = empty();
	SET(f.assessment, "volunteer_help");
	decides(&f, NEXT_MATCH_WAITING, 0, "7. assessed for volunteer help without a match");

	f = empty();
	decides(&f, NEXT_ASSESS, 0, "8. not assessed yet");

	f = empty();
	SET(f.assessment, "volunteer_help");
	f.has_open_match = true;
	decides(&f, NEXT_NONE, 0, "9. matched, but nothing planned: decide one");
}

static void precedence(void)
{
	struct citizen_facts f = empty();
	f.ended = true;
	SET(f.call_due_on, "2026-11-01");
	SET(f.session_on, "2026-11-26");
	decides(&f, NEXT_ENDED, 0, "an ended course beats an overdue call and a session");

	f = empty();
	SET(f.call_due_on, "2026-11-25");
	SET(f.session_on, "2026-11-26");
	SET(f.assessment, "professional_help");
	decides(&f, NEXT_CALL_OVERDUE, 1, "an overdue call beats a session today");

	f = empty();
	SET(f.call_due_on, "2026-11-26");
	SET(f.session_on, "2026-11-26");
	decides(&f, NEXT_CALL_TODAY, 0, "a call due today beats a session today");

	f = empty();
	SET(f.session_on, "2026-11-30");
	SET(f.assessment, "professional_help");
	SET(f.handover_on, "2026-11-20");
	decides(&f, NEXT_SESSION, 4, "a session beats a handover");

	f = empty();
	SET(f.session_on, "2026-11-30");
	SET(f.call_due_on, "2026-11-28");
	decides(&f, NEXT_SESSION, 4, "a session beats a later call, even one that comes first");

	f = empty();
	SET(f.assessment, "professional_help");
	SET(f.call_due_on, "2026-12-10");
	decides(&f, NEXT_HANDOVER, 0, "a handover beats a later call");

	f = empty();
	SET(f.assessment, "volunteer_help");
	SET(f.call_due_on, "2026-12-10");
	decides(&f, NEXT_CALL_LATER, 14, "a later call beats waiting for a match");
	SET(f.call_reason, "referrer_feedback");
	decides(&f, NEXT_MATCH_WAITING, 0, "a later call to the referrer does not: the match is the citizen's step");
	SET(f.call_reason, "relative_support");
	decides(&f, NEXT_MATCH_WAITING, 0, "nor one to a relative");
	f.has_open_match = true;
	decides(&f, NEXT_CALL_LATER, 14, "with a match, the call to the relative is next");

	f = empty();
	SET(f.call_due_on, "2026-12-10");
	decides(&f, NEXT_CALL_LATER, 14, "a later call beats 'assess'");
}

static void edge_cases(void)
{
	struct citizen_facts f = empty();
	decides(&f, NEXT_ASSESS, 0, "empty facts: assess first");
	struct next_step s = next_step_decide(&f, today);
	TAP_CHECK(!date_valid(s.date), "empty facts: no date");

	f = empty();
	SET(f.session_on, "2026-11-26");
	decides(&f, NEXT_SESSION, 0, "a session today is 0 days away");

	f = empty();
	SET(f.session_on, "2026-11-25");
	decides(&f, NEXT_ASSESS, 0, "a session in the past is no longer expected");

	f = empty();
	SET(f.call_due_on, "2026-02-30");
	decides(&f, NEXT_ASSESS, 0, "a call date that does not exist counts as none");
	SET(f.call_due_on, "26-11-2026");
	decides(&f, NEXT_ASSESS, 0, "a call date not in ISO form counts as none");
	SET(f.call_due_on, "i går");
	decides(&f, NEXT_ASSESS, 0, "a call date that is text counts as none");
	SET(f.session_on, "2026-13-01");
	decides(&f, NEXT_ASSESS, 0, "an invalid session date counts as none");

	f = empty();
	SET(f.assessment, "professional_help");
	SET(f.handover_on, "not a date");
	decides(&f, NEXT_HANDOVER, 0, "a handover with a broken date is still a handover");
	s = next_step_decide(&f, today);
	TAP_CHECK(!date_valid(s.date), "... without a date");

	f = empty();
	SET(f.call_due_on, "2025-11-26");
	decides(&f, NEXT_CALL_OVERDUE, 365, "a call a year overdue counts every day");

	f = empty();
	SET(f.call_due_on, "2026-12-31");
	decides(&f, NEXT_CALL_LATER, 35, "a call across the month end");

	f = empty();
	SET(f.assessment, "something_new");
	decides(&f, NEXT_NONE, 0, "an unknown assessment is not 'not assessed'");
}

static void code_words(void)
{
	static const char *const calls[] = {
		"after_first_session", "missed_sessions", "agreed", "after_match",
		"referrer_feedback", "no_contact", "other",
	};
	static const char *const ends[] = {
		"lasting_community", "moved", "declined", "handed_over", "deceased",
	};
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		const char *w = next_step_call_reason(calls[i]);
		TAP_CHECK(w && *w && strcmp(w, calls[i]) != 0, "call reason %s has words: '%s'",
			  calls[i], w ? w : "(null)");
	}
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		const char *w = next_step_end_reason(ends[i]);
		TAP_CHECK(w && *w && strcmp(w, ends[i]) != 0, "end reason %s has words: '%s'", ends[i],
			  w ? w : "(null)");
	}
	TAP_STR_EQ(next_step_call_reason("brand_new"), "brand_new", "an unknown call reason shows as it is");
	TAP_STR_EQ(next_step_end_reason("brand_new"), "brand_new", "an unknown end reason shows as it is");
	TAP_STR_EQ(next_step_call_reason(NULL), "", "no call reason gives no words");
	TAP_STR_EQ(next_step_end_reason(""), "", "an empty end reason gives no words");
}

/* The word after the number: differs between "1 dag" and "3 dage". */
static void word_after(const char *line, const char *number, char *out, size_t size)
{
	const char *p = strstr(line, number);
	out[0] = '\0';
	if (!p)
		return;
	p += strlen(number);
	size_t n = strcspn(p, " ()");
	snprintf(out, size, "%.*s", (int)n, p);
}

static void lines(void)
{
	char line[512], other[512];
	struct citizen_facts f = empty();

	SET(f.session_on, "2026-11-26");
	SET(f.session_time, "10:00");
	SET(f.session_activity, "Gå-gruppen");
	SET(f.session_volunteer, "Bente Ølgaard");
	describe(&f, line, sizeof line);
	TAP_CHECK(contains(line, "tors 26. nov 10:00"), "session line has the Danish date and time: '%s'", line);
	TAP_CHECK(contains(line, "Gå-gruppen"), "session line names the activity");
	TAP_CHECK(contains(line, "Bente Ølgaard"), "session line names the volunteer");
	TAP_CHECK(strstr(line, "tors") < strstr(line, "Gå-gruppen")
		  && strstr(line, "Gå-gruppen") < strstr(line, "Bente"),
		  "session line reads when, where, with whom");

	SET(f.session_volunteer, "");
	SET(f.session_time, "");
	SET(f.session_on, "2026-11-30");
	describe(&f, line, sizeof line);
	TAP_CHECK(contains(line, "man 30. nov") && contains(line, "Gå-gruppen"),
		  "session alone, no time: '%s'", line);
	TAP_CHECK(!contains(line, "  ") && line[strlen(line) - 1] != ' ',
		  "no double or trailing space without a time or volunteer");

	f = empty();
	SET(f.call_due_on, "2026-11-23");
	SET(f.call_reason, "after_first_session");
	describe(&f, line, sizeof line);
	TAP_CHECK(contains(line, "3") && contains(line, next_step_call_reason("after_first_session")),
		  "overdue line has days and reason: '%s'", line);
	char three[32], one[32];
	word_after(line, "3 ", three, sizeof three);
	SET(f.call_due_on, "2026-11-25");
	describe(&f, other, sizeof other);
	word_after(other, "1 ", one, sizeof one);
	TAP_CHECK(*one && *three && strcmp(one, three) != 0, "'1 %s' and '3 %s' use plural forms", one,
		  three);

	SET(f.call_reason, "");
	describe(&f, line, sizeof line);
	TAP_CHECK(!contains(line, "(") && contains(line, "1"), "overdue without a reason, no brackets: '%s'",
		  line);

	f = empty();
	SET(f.call_due_on, "2026-11-26");
	SET(f.call_reason, "missed_sessions");
	describe(&f, line, sizeof line);
	TAP_CHECK(contains(line, next_step_call_reason("missed_sessions")), "call today has the reason: '%s'",
		  line);

	f = empty();
	SET(f.call_due_on, "2026-11-27");
	SET(f.call_reason, "agreed");
	describe(&f, line, sizeof line);
	TAP_CHECK(contains(line, "fre 27. nov") && contains(line, next_step_call_reason("agreed")),
		  "later call has the Danish date and reason: '%s'", line);

	f = empty();
	SET(f.assessment, "professional_help");
	SET(f.handover_to, "Jobcenter Aarhus");
	SET(f.handover_on, "2026-11-20");
	describe(&f, line, sizeof line);
	TAP_CHECK(contains(line, "Jobcenter Aarhus") && contains(line, "20-11-2026"),
		  "handover line names who and when: '%s'", line);
	SET(f.handover_to, "");
	SET(f.handover_on, "");
	describe(&f, line, sizeof line);
	TAP_CHECK(*line && !contains(line, "  ") && line[strlen(line) - 1] != ' ',
		  "handover without name or date still reads: '%s'", line);

	f = empty();
	f.ended = true;
	SET(f.end_reason, "moved");
	describe(&f, line, sizeof line);
	TAP_CHECK(contains(line, next_step_end_reason("moved")), "ended line has the reason: '%s'", line);

	struct citizen_facts kinds[3] = { empty(), empty(), empty() };
	SET(kinds[0].assessment, "volunteer_help");
	SET(kinds[2].assessment, "volunteer_help");
	kinds[2].has_open_match = true;
	char seen[3][512];
	for (int i = 0; i < 3; i++) {
		describe(&kinds[i], seen[i], sizeof seen[i]);
		TAP_CHECK(*seen[i], "waiting/assess/none line is not empty: '%s'", seen[i]);
	}
	TAP_CHECK(strcmp(seen[0], seen[1]) && strcmp(seen[1], seen[2]) && strcmp(seen[0], seen[2]),
		  "waiting, assess and none read differently");

	char small[12];
	f = empty();
	SET(f.session_on, "2026-11-26");
	SET(f.session_activity, "Et meget langt aktivitetsnavn");
	struct next_step s = next_step_decide(&f, today);
	next_step_describe(&s, &f, small, sizeof small);
	TAP_CHECK(strlen(small) < sizeof small, "a small buffer gets a clipped, terminated line");
}

/* Rule 2 of src/attendance_rules.h on the card: came accompanied the last
 * four times, so the next step suggests coming alone. */
static void attend_alone(void)
{
	struct citizen_facts f = empty();
	SET(f.recent_attendance, "PPPP");
	SET(f.companion, "Bente Ølgaard");
	decides(&f, NEXT_ATTEND_ALONE, 0, "accompanied four times in a row: try alone");
	struct next_step s = next_step_decide(&f, today);
	TAP_INT_EQ(s.times, 4, "... four times");
	TAP_CHECK(!date_valid(s.date), "... without a session there is no date");
	char line[512];
	describe(&f, line, sizeof line);
	TAP_CHECK(contains(line, "Bente Ølgaard") && contains(line, "4"), "the line names who and how often: '%s'",
		  line);

	SET(f.session_on, "2026-12-03");
	SET(f.session_time, "10:00");
	SET(f.session_activity, "Gå-gruppen");
	SET(f.session_volunteer, "Bente Ølgaard");
	decides(&f, NEXT_ATTEND_ALONE, 7, "with a session next week, it is the one to try alone");
	describe(&f, line, sizeof line);
	TAP_CHECK(contains(line, "tors 3. dec 10:00") && contains(line, "Gå-gruppen") && contains(line, "Bente"),
		  "the line names the session and the volunteer: '%s'", line);

	SET(f.recent_attendance, "PPaePP");
	decides(&f, NEXT_ATTEND_ALONE, 7, "absences and notices in between do not break the run");
	SET(f.recent_attendance, "PPpPP");
	decides(&f, NEXT_SESSION, 7, "once alone among the last four: just the session");
	SET(f.recent_attendance, "PPP");
	decides(&f, NEXT_SESSION, 7, "three times is not yet 'several'");
	SET(f.recent_attendance, "P?P!PP");
	decides(&f, NEXT_ATTEND_ALONE, 7, "unknown letters are skipped, not guessed");

	SET(f.recent_attendance, "PPPPP");
	SET(f.call_due_on, "2026-11-26");
	decides(&f, NEXT_CALL_TODAY, 0, "a call due today still comes first");
	SET(f.call_due_on, "");
	f.ended = true;
	decides(&f, NEXT_ENDED, 0, "an ended course still comes first");
	f.ended = false;
	SET(f.companion, "");
	describe(&f, line, sizeof line);
	TAP_CHECK(*line && !contains(line, "  "), "without a name it still reads: '%s'", line);
}

static int cols(const char *s)
{
	return utf8_columns(s, strlen(s));
}

/* The line fits the card at 80 columns and narrower without being cut at
 * the edge ("…med Vera Frivill"): the rule keeps the verb and the date. */
static void fitting(void)
{
	struct citizen_facts f = empty();
	SET(f.session_on, "2026-12-03");
	SET(f.session_time, "10:00");
	SET(f.session_activity, "Gå-gruppen i Mølleparken for begyndere");
	SET(f.session_volunteer, "Vera Frivillig Andersen");
	struct next_step s = next_step_decide(&f, today);
	char line[600];
	next_step_describe_fit(&s, &f, 200, line, sizeof line);
	TAP_STR_EQ(line, "Mødes tors 3. dec 10:00 i Gå-gruppen i Mølleparken for begyndere med Vera Frivillig Andersen",
		   "room enough: the whole line");
	/* The card at 80x24: 78 columns less "Næste skridt: ". */
	next_step_describe_fit(&s, &f, 64, line, sizeof line);
	TAP_STR_EQ(line, "Mødes tors 3. dec 10:00 i Gå-gruppen i Mølleparken for begyndere",
		   "80 columns: who goes along gives way first");
	next_step_describe_fit(&s, &f, 40, line, sizeof line);
	TAP_CHECK(cols(line) <= 40 && strncmp(line, "Mødes tors 3. dec 10:00 i Gå-gruppen", 36) == 0
		  && contains(line, "…"), "40 columns: the activity is shortened: '%s'", line);
	next_step_describe_fit(&s, &f, 28, line, sizeof line);
	TAP_STR_EQ(line, "Mødes tors 3. dec 10:00", "narrower: the verb and the date");
	next_step_describe_fit(&s, &f, 12, line, sizeof line);
	TAP_STR_EQ(line, "Mødes tors…", "too narrow even for that: cut, and says so (no space before the …)");

	f = empty();
	SET(f.call_due_on, "2026-11-05");
	SET(f.call_reason, "missed_sessions");
	s = next_step_decide(&f, today);
	next_step_describe_fit(&s, &f, 30, line, sizeof line);
	TAP_STR_EQ(line, "Ring op: 21 dage for sent", "an overdue call keeps the verb and the days, the reason goes");

	f = empty();
	SET(f.recent_attendance, "PPPP");
	SET(f.companion, "Vera Frivillig Andersen");
	SET(f.session_on, "2026-12-03");
	SET(f.session_time, "10:00");
	SET(f.session_activity, "Gå-gruppen");
	s = next_step_decide(&f, today);
	next_step_describe_fit(&s, &f, 70, line, sizeof line);
	TAP_STR_EQ(line, "Prøv uden Vera Frivillig Andersen: tors 3. dec 10:00 i Gå-gruppen",
		   "try alone: the count goes first");
	next_step_describe_fit(&s, &f, 30, line, sizeof line);
	TAP_STR_EQ(line, "Prøv alene: tors 3. dec 10:00", "then the verb and the date");
}

/* The card's session is the first still to come: this morning's café
 * has passed by evening, and next week's is the one to name. */
static void upcoming(void)
{
	struct citizen_facts f = empty();
	f.nupcoming = 2;
	SET(f.upcoming[0].date, "2026-11-26");
	SET(f.upcoming[0].time, "10:00");
	SET(f.upcoming[0].activity, "Gå-gruppen");
	SET(f.upcoming[0].volunteer, "Vera Frivillig");
	SET(f.upcoming[1].date, "2026-12-03");
	SET(f.upcoming[1].time, "10:00");
	SET(f.upcoming[1].activity, "Gå-gruppen");
	next_step_upcoming(&f, "2026-11-26 09:15:00");
	TAP_STR_EQ(f.session_on, "2026-11-26", "in the morning: today's session");
	TAP_STR_EQ(f.session_volunteer, "Vera Frivillig", "with whom goes along to that one");
	next_step_upcoming(&f, "2026-11-26 19:30:00");
	TAP_STR_EQ(f.session_on, "2026-12-03", "in the evening: next week's");
	TAP_STR_EQ(f.session_volunteer, "", "nobody named for that one");
	decides(&f, NEXT_SESSION, 7, "in the evening the next step is next week's session");
	f.nupcoming = 1;
	next_step_upcoming(&f, "2026-11-26 19:30:00");
	TAP_STR_EQ(f.session_on, "", "only this morning's: no session at all");
}

int main(void)
{
	setenv("BROBYGGER_TODAY", "2026-11-26", 1);
	setenv("LANGUAGE", "da", 1);
	i18n_init();

	one_case_per_rule();
	precedence();
	edge_cases();
	code_words();
	lines();
	attend_alone();
	upcoming();
	fitting();
	return tap_done();
}
