/* The funders' report, checked by hand: the rules of src/report_rules.c
 * one by one, the CSV writer, then a small centre made row by row below
 * with every figure of the first quarter of 2026 worked out in the
 * comments, the "< 5" rule in the exports, the coordinator-only rule and
 * its audit line, the three formats carrying the same numbers (on demo
 * data, where most counts are above 5), and the printed sheets: the roll
 * list's order, the relative's phone, the printer found through lpstat and
 * lp, and the HTML file without one. Today is 2026-11-26 (test env). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attendance.h"
#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "i18n.h"
#include "demo.h"
#include "report.h"
#include "report_render.h"
#include "report_rules.h"
#include "report_table.h"
#include "sheets.h"
#include "tap.h"
#include "testdb.h"
#include "utf8.h"

/* ---------- the rules ---------- */

static void test_rules(void)
{
	TAP_INT_EQ(report_session_minutes("10:00", "11:30"), 90, "a session from 10:00 to 11:30 is 90 minutes");
	TAP_INT_EQ(report_session_minutes("", ""), 120, "no times written: two hours");
	TAP_INT_EQ(report_session_minutes("18:00", "17:00"), 120, "an end before the start: two hours");
	TAP_INT_EQ(report_session_minutes("9:00", "10:00"), 120, "a time not written HH:MM: two hours");
	TAP_INT_EQ(report_visit_minutes(7), 120, "a week of a one-to-one match: one visit of two hours");
	TAP_INT_EQ(report_visit_minutes(35), 600, "five weeks: ten hours");
	TAP_INT_EQ(report_visit_minutes(1), 17, "one day: 120/7 minutes, rounded");
	TAP_INT_EQ(report_call_minutes(3), 45, "a call made counts a quarter of an hour");
	TAP_INT_EQ(report_hours_tenths(90), 15, "90 minutes are 1.5 hours");
	TAP_INT_EQ(report_hours_tenths(45), 8, "45 minutes are 0.75 hours, shown 0.8 (half up)");
	long long odd[] = { 9, 1, 5 }, even[] = { 270, 25 }, none[1];
	TAP_INT_EQ(report_median(odd, 3), 5, "the median of 9, 1, 5 is 5");
	TAP_INT_EQ(report_median(even, 2), 147, "of 270 and 25 it is 147 (147.5 rounded down)");
	TAP_INT_EQ(report_median(none, 0), -1, "of nothing there is none");
	TAP_INT_EQ(report_percent(1, 3), 33, "1 of 3 is 33 %%");
	TAP_INT_EQ(report_percent(2, 3), 67, "2 of 3 is 67 %%");
	TAP_INT_EQ(report_percent(1, 8), 13, "1 of 8 is 12.5 %%, shown 13 (half up)");
	TAP_INT_EQ(report_percent(1, 0), -1, "a share of nobody is none");
	TAP_INT_EQ(report_mean_tenths(15, 2), 75, "15 over 2 is 7.5");
	TAP_INT_EQ(report_mean_tenths(-5, 2), -25, "-5 over 2 is -2.5 (half away from zero)");
	TAP_INT_EQ(report_mean_tenths(1, 3), 3, "1 over 3 is 0.3");
	TAP_INT_EQ(report_change(true, 40, 60), 1, "WHO-5 from 40 to 60 is better");
	TAP_INT_EQ(report_change(false, 8, 6), 1, "loneliness from 8 to 6 is better");
	TAP_INT_EQ(report_change(false, 7, 7), 0, "the same is the same");
	TAP_INT_EQ(report_change(true, 48, 44), -1, "WHO-5 from 48 to 44 is worse");
	TAP_CHECK(report_moved_above_cutoff(50, 51), "WHO-5 from 50 to 51 moves above the cut-off");
	TAP_CHECK(!report_moved_above_cutoff(51, 80), "from 51 it was above already");
	TAP_CHECK(!report_moved_above_cutoff(40, 50), "50 is not above 50");
	TAP_CHECK(report_small(4) && report_small(0) && !report_small(5), "below 5 is small, 5 is not");

	struct report_offer_fact offers[] = { { 1, 80 }, { 3, 90 }, { 7, -1 } };
	TAP_CHECK(report_interest_met(1, 80, offers, 3), "an activity with the interest in the area meets it");
	TAP_CHECK(!report_interest_met(1, 82, offers, 3), "in another area it does not");
	TAP_CHECK(report_interest_met(1, -1, offers, 3), "a citizen with no postcode: anywhere meets it");
	TAP_CHECK(report_interest_met(7, 55, offers, 3), "an activity with no postcode meets it anywhere");
	TAP_CHECK(!report_interest_met(4, 80, offers, 3), "an interest nobody offers is not met");

	struct date today = { 2026, 11, 26 };
	struct report_period p;
	char err[200];
	p = report_default_period(today);
	TAP_STR_EQ(p.from, "2026-01-01", "by default from 1 January");
	TAP_STR_EQ(p.to, "2026-11-26", "to today");
	TAP_CHECK(report_period_parse("01-02-2026", "31-03-2026", today, &p, err, sizeof err), "Danish dates");
	TAP_STR_EQ(p.from, "2026-02-01", "the start");
	TAP_STR_EQ(p.to, "2026-03-31", "the end");
	TAP_CHECK(report_period_parse("2025-01-01", NULL, today, &p, err, sizeof err) && strcmp(p.to, "2026-11-26") == 0,
		  "ISO start, no end: up to today");
	TAP_CHECK(report_period_parse("2027-01-01", NULL, today, &p, err, sizeof err) && strcmp(p.to, "2027-12-31") == 0,
		  "a start after today, no end: that year's end");
	TAP_CHECK(!report_period_parse("31-02-2026", NULL, today, &p, err, sizeof err) && strstr(err, "kalenderen"),
		  "31-02 is no day in the calendar: %s", err);
	TAP_CHECK(!report_period_parse(NULL, "2026/11/40", today, &p, err, sizeof err) && strstr(err, "slutning"),
		  "a last day that is no date names the end: %s", err);
	TAP_CHECK(!report_period_parse("01-03-2026", "01-02-2026", today, &p, err, sizeof err),
		  "an end before the start is refused");
	TAP_CHECK(!report_period_parse("01-01-2010", "01-01-2026", today, &p, err, sizeof err),
		  "more than ten years is refused");
	char months[REPORT_MAX_MONTHS][REPORT_MONTH];
	p = (struct report_period){ "2025-11-15", "2026-02-03" };
	TAP_INT_EQ(report_months(&p, months), 4, "mid-November to early February touches four months");
	TAP_STR_EQ(months[3], "2026-02", "the last is February");
	TAP_INT_EQ(report_month_index(&p, "2026-01-31"), 2, "31 January is the third month");
	TAP_INT_EQ(report_month_index(&p, "2025-11-14"), -1, "a day before the period is outside");
}

/* ---------- the hand-made centre ---------- */

static struct db *db;

static void sql(const char *text)
{
	if (db_exec(db, text) != DB_OK)
		printf("# failed: %s: %s\n", text, db_errdetail(db));
}

/* The first quarter of 2026 at a small centre. Ids are given so the
 * comments can name them. */
static void make_centre(void)
{
	sql("INSERT INTO settings(key, value) VALUES ('centre_name', 'Frivilligcenter Ølby')"
	    " ON CONFLICT(centre, key) DO UPDATE SET value = excluded.value");
	/* Volunteers: recruited in the period are Bo (15 Jan) and Cai (1 Mar):
	 * 2. Status today: training 1 (Cai), active 2 (Anne, Bo), of them
	 * with lived experience 1 (Anne), paused 1 (Dorte), stopped 1 (Erik,
	 * registered in April: not recruited in the period). */
	sql("INSERT INTO volunteers(id, name, status, lived_experience, created_at) VALUES"
	    " (1, 'Anne', 'active', 'Har selv haft angst', '2025-05-01 10:00:00'),"
	    " (2, 'Bo', 'active', NULL, '2026-01-15 09:00:00'),"
	    " (3, 'Cai', 'training', NULL, '2026-03-01 12:00:00'),"
	    " (4, 'Dorte', 'paused', NULL, '2024-01-01 12:00:00'),"
	    " (5, 'Erik', 'stopped', NULL, '2026-04-01 12:00:00')");
	/* Courses: trained 2 (Anne, Bo); held 2 (the mentor course on 10 Feb,
	 * first aid on 5 Mar); completions 3; Anne's 2025 course is outside. */
	sql("INSERT INTO volunteer_courses(volunteer_id, course, completed_on) VALUES"
	    " (1, 'Mentorkursus', '2026-02-10'), (2, 'Mentorkursus', '2026-02-10'),"
	    " (2, 'Førstehjælp', '2026-03-05'), (1, 'Førstehjælp', '2025-06-01')");
	/* Activities: a walk (practice, 10:00-11:30, postcode 8000, walking)
	 * and knitting (lasting, no times, 9000, crafts). */
	sql("INSERT INTO activities(id, name, kind, community, weekday, start_time, end_time, postcode, status) VALUES"
	    " (1, 'Gåtur', 'motion_group', 'practice', 1, '10:00', '11:30', '8000', 'active'),"
	    " (2, 'Strik', 'social_cafe', 'lasting', 3, NULL, NULL, '9000', 'active')");
	sql("INSERT INTO activity_interests(activity_id, interest_id) VALUES (1, 1), (2, 3)");
	/* Sessions: S1 5 Jan held (Anne led, Bo helped), S2 12 Jan
	 * cancelled, S3 2 Feb held with its own times 10:00-12:00 (Anne led),
	 * S4 4 Mar held at Strik (no leader), S5 29 Dec 2025 and S6 6 Apr
	 * outside the period. */
	sql("INSERT INTO sessions(id, activity_id, date, status, led_by, start_time, end_time, cancel_reason) VALUES"
	    " (1, 1, '2026-01-05', 'held', 1, NULL, NULL, NULL),"
	    " (2, 1, '2026-01-12', 'cancelled', NULL, NULL, NULL, 'Sygdom'),"
	    " (3, 1, '2026-02-02', 'held', 1, '10:00', '12:00', NULL),"
	    " (4, 2, '2026-03-04', 'held', NULL, NULL, NULL, NULL),"
	    " (5, 1, '2025-12-29', 'held', 1, NULL, NULL, NULL),"
	    " (6, 1, '2026-04-06', 'held', 1, NULL, NULL, NULL)");
	sql("INSERT INTO session_helpers(session_id, volunteer_id) VALUES (1, 2)");
	/* Citizens: Ida (1), Jens (2), Karen (3), Lars (4), Mette (5, handed
	 * over 10 Feb), Nina (6, a lasting community 1 Mar), Ole (7, moved
	 * in May: outside), Pia (8, referred in November, waiting). */
	sql("INSERT INTO citizens(id, name, postcode, status, ended_on, end_reason) VALUES"
	    " (1, 'Ida', '8000', 'active', NULL, NULL),"
	    " (2, 'Jens', '9000', 'active', NULL, NULL),"
	    " (3, 'Karen', '9000', 'active', NULL, NULL),"
	    " (4, 'Lars', '8000', 'active', NULL, NULL),"
	    " (5, 'Mette', '8000', 'ended', '2026-02-10', 'handed_over'),"
	    " (6, 'Nina', '8000', 'ended', '2026-03-01', 'lasting_community'),"
	    " (7, 'Ole', '8000', 'ended', '2026-05-01', 'moved'),"
	    " (8, 'Pia', '8210', 'active', NULL, NULL)");
	/* Lars's course was ended as a lasting community by mistake on 1 Feb
	 * and reopened the same day: it did not end. Ida's ended as a move on
	 * 20 Jan and was reopened in March when she came back: that end
	 * counts. */
	sql("INSERT INTO course_events(citizen_id, happened_on, kind, reason) VALUES"
	    " (4, '2026-02-01', 'ended', 'lasting_community'), (4, '2026-02-01', 'reopened', NULL),"
	    " (1, '2026-01-20', 'ended', 'moved'), (1, '2026-03-02', 'reopened', NULL)");
	sql("INSERT INTO relatives(citizen_id, name, phone, takes_part) VALUES (1, 'Hans', '12345678', 1),"
	    " (2, 'Grethe', '87654321', 0)");
	sql("INSERT INTO citizen_interests(citizen_id, interest_id) VALUES (2, 3), (2, 1), (8, 1), (8, 4), (1, 1)");
	/* Referrals in the period: Jens (GP, consent), Karen (self), Lars
	 * (relative, consent), one kept without a citizen (job centre),
	 * Mette (health staff, consent): 5; Ida's is from 2025. */
	sql("INSERT INTO referrals(id, citizen_id, referred_on, source, feedback_consent) VALUES"
	    " (1, 1, '2025-11-20', 'gp', 0), (2, 2, '2026-01-03', 'gp', 1), (3, 3, '2026-02-14', 'self', 0),"
	    " (4, 4, '2026-03-10', 'relative', 1), (5, NULL, '2026-03-15', 'job_centre', 0),"
	    " (6, 5, '2026-02-01', 'health_staff', 1), (7, 8, '2026-11-01', 'self', 0)");
	/* Assessments: first in the period for Jens, Karen, Lars, Mette: 4
	 * (Ida's first was in 2025). The latest in the period: volunteer help
	 * for Jens and Lars (2), professional help for Karen (changed on 20
	 * Mar) and Mette (2). */
	sql("INSERT INTO assessments(citizen_id, assessed_on, outcome) VALUES"
	    " (1, '2025-11-25', 'volunteer_help'), (2, '2026-01-08', 'volunteer_help'),"
	    " (3, '2026-02-20', 'volunteer_help'), (3, '2026-03-20', 'professional_help'),"
	    " (4, '2026-03-12', 'volunteer_help'), (5, '2026-02-05', 'professional_help')");
	/* Matches: Jens with Anne one-to-one 1 Feb to 1 Mar (28 days open in
	 * the period), Ida with Bo and the walk since December (with an
	 * activity: not a visit), Lars with Anne one-to-one from 25 Mar (7
	 * days to 31 Mar). Visits: 35 days, 5 weeks, 10 hours. */
	sql("INSERT INTO matches(id, citizen_id, volunteer_id, activity_id, matched_on, ended_on, outcome) VALUES"
	    " (1, 2, 1, NULL, '2026-02-01', '2026-03-01', 'on_own'),"
	    " (2, 1, 2, 1, '2025-12-01', NULL, NULL),"
	    " (3, 4, 1, NULL, '2026-03-25', NULL, NULL)");
	sql("INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (1, 1, '2025-12-01')");
	/* Marks: S5 (Dec) Ida present; S1 Ida present with Bo (a helper
	 * there), Jens present with Cai, Karen absent; S3 Ida present, Jens
	 * excused, Lars present; S4 Karen present (a walk-in); S6 (Apr) Ida. */
	sql("INSERT INTO attendance(session_id, citizen_id, mark, accompanied_by, walk_in) VALUES"
	    " (5, 1, 'present', NULL, 0),"
	    " (1, 1, 'present', 2, 0), (1, 2, 'present', 3, 0), (1, 3, 'absent', NULL, 0),"
	    " (3, 1, 'present', NULL, 0), (3, 2, 'excused', NULL, 0), (3, 4, 'present', NULL, 0),"
	    " (4, 3, 'present', NULL, 1), (6, 1, 'present', NULL, 0)");
	/* Calls made in the period: Ida reached (10 Jan), Jens not reached
	 * (20 Feb, and 31 Mar late in the evening): 3. Karen's on 1 Apr is
	 * outside; a cancelled one and an open one are not calls made. */
	sql("INSERT INTO follow_ups(id, citizen_id, reason, due_on, status, outcome, done_at) VALUES"
	    " (1, 1, 'agreed', '2026-01-10', 'done', 'reached', '2026-01-10 10:00:00'),"
	    " (2, 2, 'agreed', '2026-02-20', 'done', 'not_reached', '2026-02-20 11:00:00'),"
	    " (3, 2, 'agreed', '2026-03-31', 'done', 'not_reached', '2026-03-31 23:30:00'),"
	    " (4, 3, 'agreed', '2026-04-01', 'done', 'reached', '2026-04-01 09:00:00'),"
	    " (5, 3, 'agreed', '2026-02-01', 'cancelled', NULL, '2026-02-01 09:00:00'),"
	    " (6, 4, 'agreed', '2026-11-26', 'open', NULL, NULL)");
	sql("INSERT INTO call_escalations(citizen_id, raised_on, attempts) VALUES (2, '2026-03-31', 3)");
	sql("INSERT INTO call_escalations(citizen_id, raised_on, attempts, resolved_on) VALUES"
	    " (3, '2025-12-01', 3, '2025-12-02')");
	/* Feedback: to Jens's GP (consent) counts; to Karen's referrer
	 * (no consent) does not. Referrals with consent in the period: 3. */
	sql("INSERT INTO referrer_feedback(referral_id, citizen_id, given_on, told) VALUES"
	    " (2, 2, '2026-01-20', 'Er startet i Gåtur'), (3, 3, '2026-02-25', 'x')");
	/* WHO-5: Ida 40 (2025) then 56 and 60 in the period; Jens 48 then 44;
	 * Karen 52 once; Lars 36, and 70 only in May. Loneliness: Ida 8 then
	 * 6; Jens 7 then 7. */
	sql("INSERT INTO measures(citizen_id, measure_id, taken_on, occasion, total) VALUES"
	    " (1, (SELECT id FROM measure_defs WHERE code = 'who5'), '2025-11-25', 'intake', 40),"
	    " (1, (SELECT id FROM measure_defs WHERE code = 'who5'), '2026-02-15', 'follow_up', 56),"
	    " (1, (SELECT id FROM measure_defs WHERE code = 'who5'), '2026-03-20', 'follow_up', 60),"
	    " (2, (SELECT id FROM measure_defs WHERE code = 'who5'), '2026-01-08', 'intake', 48),"
	    " (2, (SELECT id FROM measure_defs WHERE code = 'who5'), '2026-03-01', 'follow_up', 44),"
	    " (3, (SELECT id FROM measure_defs WHERE code = 'who5'), '2026-02-20', 'intake', 52),"
	    " (4, (SELECT id FROM measure_defs WHERE code = 'who5'), '2026-03-12', 'intake', 36),"
	    " (4, (SELECT id FROM measure_defs WHERE code = 'who5'), '2026-05-01', 'follow_up', 70),"
	    " (1, (SELECT id FROM measure_defs WHERE code = 'ucla3'), '2026-01-10', 'intake', 8),"
	    " (1, (SELECT id FROM measure_defs WHERE code = 'ucla3'), '2026-03-10', 'follow_up', 6),"
	    " (2, (SELECT id FROM measure_defs WHERE code = 'ucla3'), '2026-01-08', 'intake', 7),"
	    " (2, (SELECT id FROM measure_defs WHERE code = 'ucla3'), '2026-02-08', 'follow_up', 7)");
}

static const struct report_measure *measure(const struct report *r, const char *code)
{
	for (int i = 0; i < r->nmeasures; i++)
		if (strcmp(r->measures[i].code, code) == 0)
			return &r->measures[i];
	return NULL;
}

static const struct report_wish *wish(const struct report *r, const char *name)
{
	for (int i = 0; i < r->unmet.nwishes; i++)
		if (strcmp(r->unmet.wishes[i].name, name) == 0)
			return &r->unmet.wishes[i];
	return NULL;
}

static void test_by_hand(struct desk *desk)
{
	struct report_period p = { "2026-01-01", "2026-03-31" };
	struct report r;
	TAP_INT_EQ(report_make(desk, &p, REPORT_SHOWN, &r), DB_OK, "the report for the first quarter is made");
	TAP_STR_EQ(r.centre_name, "Frivilligcenter Ølby", "with the centre's name");

	const struct report_volunteers *v = &r.volunteers;
	TAP_INT_EQ(v->f.recruited, 2, "volunteers recruited: Bo and Cai");
	TAP_INT_EQ(v->f.training, 1, "in training: Cai");
	TAP_INT_EQ(v->f.active, 2, "active: Anne and Bo");
	TAP_INT_EQ(v->f.active_lived_experience, 1, "with lived experience: Anne");
	TAP_INT_EQ(v->f.paused, 1, "paused: Dorte");
	TAP_INT_EQ(v->f.stopped, 1, "stopped: Erik");
	TAP_INT_EQ(v->f.trained, 2, "trained in the period: Anne and Bo");
	TAP_INT_EQ(v->f.courses_held, 2, "courses held: mentor course, first aid");
	TAP_INT_EQ(v->f.course_completions, 3, "course completions: 3");
	/* Hours: S1 90 min x 2 (Anne, Bo) + S3 120 x 1 (Anne) = 300; going
	 * along: Cai at S1 (Bo helped there already) 90; visits 35 days =
	 * 600; calls 3 x 15 = 45. All: 1035 minutes, 17.25 hours. */
	TAP_INT_EQ(v->sessions, 3, "three sessions held");
	TAP_INT_EQ(v->minutes_sessions, 300, "leading and helping: 300 minutes");
	TAP_INT_EQ(v->minutes_accompanying, 90, "going along: Cai at S1, 90 minutes");
	TAP_INT_EQ(v->f.visit_days, 35, "one-to-one matches open 28 + 7 days");
	TAP_INT_EQ(v->minutes_visits, 600, "visits: 5 weeks of 2 hours");
	TAP_INT_EQ(v->minutes_calls, 45, "calls: 3 of a quarter of an hour");
	TAP_INT_EQ(v->minutes_total, 1035, "all hours: 1035 minutes");

	const struct report_citizens *c = &r.citizens;
	TAP_INT_EQ(c->f.referred, 5, "referred in the period: 5, one without a citizen");
	TAP_INT_EQ(c->f.by_source[0], 1, "by themselves: Karen");
	TAP_INT_EQ(c->f.by_source[1], 1, "by a relative: Lars");
	TAP_INT_EQ(c->f.by_source[2], 1, "by health staff: Mette");
	TAP_INT_EQ(c->f.by_source[3], 1, "by the GP: Jens");
	TAP_INT_EQ(c->f.by_source[4], 0, "by municipal staff: none");
	TAP_INT_EQ(c->f.by_source[5], 1, "by the job centre: the one without a citizen");
	TAP_INT_EQ(c->f.first_conversation, 4, "first conversations: Jens, Karen, Lars, Mette");
	TAP_INT_EQ(c->f.volunteer_help, 2, "volunteers can help: Jens, Lars");
	TAP_INT_EQ(c->f.professional_help, 2, "professional help: Karen (the latest), Mette");
	TAP_INT_EQ(c->supported, 4, "supported: Ida, Jens, Karen, Lars");
	TAP_INT_EQ(c->one_to_one, 3, "one-to-one: Ida (Bo), Jens (Anne), Lars (Anne)");
	TAP_INT_EQ(c->groups_only, 1, "in groups only: Karen");
	TAP_INT_EQ(c->f.lasting_community, 1, "a lasting community: Nina (not Lars, reopened the same day)");
	TAP_INT_EQ(c->f.ended[2], 1, "ended, handed over: Mette");
	TAP_INT_EQ(c->f.ended[0], 1, "moved in the period: Ida, back in March (Ole moved in May)");
	/* Waiting today: Jens since his match ended (1 Mar: 270 days), Pia
	 * since her referral (1 Nov: 25 days); median (270 + 25) / 2. */
	TAP_INT_EQ(c->waiting, 2, "waiting today: Jens and Pia");
	TAP_INT_EQ(c->waiting_median_days, 147, "the median wait: 147 days");

	const struct report_attendance *a = &r.attendance;
	TAP_INT_EQ(a->nmonths, 3, "three months");
	TAP_INT_EQ(a->nactivities, 2, "two activities");
	const struct report_activity *walk = &a->activities[0];
	TAP_STR_EQ(walk->a.name, "Gåtur", "Gåtur first (Danish order)");
	/* Gåtur in January: S1 held, S2 cancelled; Ida and Jens present
	 * (both accompanied), Karen absent; Jens is new (Ida came in Dec). */
	const struct report_att_row *jan = &walk->months[0];
	TAP_CHECK(jan->held == 1 && jan->cancelled == 1, "January: one held, one cancelled");
	TAP_CHECK(jan->present == 2 && jan->excused == 0 && jan->absent == 1, "present 2, excused 0, absent 1");
	TAP_INT_EQ(jan->participants, 2, "two participants");
	TAP_INT_EQ(jan->new_participants, 1, "one new: Jens");
	TAP_INT_EQ(jan->accompanied, 2, "both came accompanied");
	/* February: S3; Ida and Lars present, Jens excused; Lars new. */
	const struct report_att_row *feb = &walk->months[1];
	TAP_CHECK(feb->held == 1 && feb->present == 2 && feb->excused == 1 && feb->absent == 0, "February's marks");
	TAP_CHECK(feb->participants == 2 && feb->new_participants == 1 && feb->accompanied == 0,
		  "two participants, Lars new, nobody accompanied");
	TAP_CHECK(walk->total.participants == 3 && walk->total.new_participants == 2 && walk->total.accompanied == 2,
		  "the quarter at Gåtur: 3 participants, 2 new, 2 accompanied");
	TAP_CHECK(a->activities[1].months[2].present == 1 && a->activities[1].months[2].new_participants == 1,
		  "Strik in March: Karen, new");
	TAP_CHECK(a->total.held == 3 && a->total.cancelled == 1 && a->total.present == 5 && a->total.excused == 1
			  && a->total.absent == 1,
		  "all: 3 held, 1 cancelled, 5 present, 1 excused, 1 absent");
	TAP_CHECK(a->total.participants == 4 && a->total.new_participants == 3 && a->total.accompanied == 2,
		  "all: 4 participants, 3 new, 2 accompanied");
	TAP_CHECK(a->per_month[2].present == 1 && a->per_month[2].participants == 1, "March, all activities: Karen");
	TAP_CHECK(a->practice.participants == 3 && a->lasting.participants == 1,
		  "practice communities 3 participants, lasting 1");

	/* WHO-5: first measured in the period Jens, Karen, Lars (3); with a
	 * later one Ida (40 -> 60) and Jens (48 -> 44): means 44.0 and 52.0,
	 * one better, one worse; both started at or below 50, Ida is above. */
	const struct report_measure *who5 = measure(&r, "who5");
	TAP_CHECK(who5 != NULL, "WHO-5 is followed");
	if (who5) {
		TAP_INT_EQ(who5->first_measured, 3, "WHO-5 first measured: Jens, Karen, Lars");
		TAP_INT_EQ(who5->pairs, 2, "with a first and a later: Ida, Jens");
		TAP_INT_EQ(report_mean_tenths(who5->sum_first, who5->pairs), 440, "mean at first 44.0");
		TAP_INT_EQ(report_mean_tenths(who5->sum_latest, who5->pairs), 520, "mean at latest 52.0");
		TAP_CHECK(who5->improved == 1 && who5->worse == 1 && who5->same == 0, "one better, one worse");
		TAP_CHECK(who5->at_or_below_cutoff == 2 && who5->moved_above == 1, "of 2 at or below 50, Ida above");
	}
	/* Loneliness: Ida 8 -> 6 (better), Jens 7 -> 7: means 7.5 and 6.5. */
	const struct report_measure *ucla = measure(&r, "ucla3");
	TAP_CHECK(ucla && ucla->pairs == 2 && ucla->improved == 1 && ucla->same == 1
			  && report_mean_tenths(ucla->sum_latest - ucla->sum_first, ucla->pairs) == -10,
		  "loneliness: 2 pairs, 1 better, 1 the same, mean change -1.0");

	const struct report_follow_up *f = &r.follow_up;
	TAP_INT_EQ(f->calls, 3, "calls made: 3");
	TAP_CHECK(f->f.by_outcome[0] == 1 && f->f.by_outcome[1] == 2, "reached 1, not reached 2");
	TAP_INT_EQ(f->f.escalated, 1, "raised to the coordinator: Jens");
	TAP_INT_EQ(f->f.feedback, 1, "feedback with consent: to Jens's GP");
	TAP_INT_EQ(f->f.feedback_consents, 3, "referrals agreeing to feedback: 3");

	/* Unmet: walking (Jens in 90xx, Pia in 82xx; the walk is in 80xx),
	 * singing (Pia; nobody offers it); crafts (Jens; Strik in 90xx). */
	const struct report_wish *walking = wish(&r, "Gåture"), *singing = wish(&r, "Sang og musik"),
				 *crafts = wish(&r, "Kreativt håndværk");
	TAP_CHECK(walking && walking->waiting == 2 && walking->unmet == 2, "walking: 2 waiting, 2 unmet");
	TAP_CHECK(singing && singing->waiting == 1 && singing->unmet == 1, "singing: 1 waiting, 1 unmet");
	TAP_CHECK(crafts && crafts->waiting == 1 && crafts->unmet == 0, "crafts: 1 waiting, met by Strik");
	TAP_INT_EQ(r.unmet.nwishes, 3, "only interests someone waiting has");
	TAP_CHECK(r.unmet.nwishes == 3 && r.unmet.wishes[0].interest_id == 1, "the most unmet first");

	/* The formats: exact on the screen, "< 5" in the files. */
	char *text = NULL, *csv = NULL, *html = NULL;
	size_t tl, cl, hl;
	FILE *m = open_memstream(&text, &tl);
	TAP_CHECK(report_write(&r, REPORT_TEXT, true, m), "the text is written");
	fclose(m);
	char *text_file = NULL;
	size_t tfl;
	m = open_memstream(&text_file, &tfl);
	TAP_CHECK(report_write(&r, REPORT_TEXT, false, m), "the text for a file is written");
	fclose(m);
	m = open_memstream(&csv, &cl);
	TAP_CHECK(report_write(&r, REPORT_CSV, false, m), "the CSV is written");
	fclose(m);
	m = open_memstream(&html, &hl);
	TAP_CHECK(report_write(&r, REPORT_HTML, false, m), "the HTML is written");
	fclose(m);
	TAP_CHECK(strstr(text, "17,3") != NULL, "text: 17,3 hours given");
	TAP_CHECK(strstr(csv, "Timer givet;17,3\r\n") != NULL, "csv: the hours as a number with a decimal comma");
	TAP_CHECK(strstr(csv, "Henvist i perioden;5\r\n") != NULL, "csv: 5 referrals shown");
	TAP_CHECK(strstr(csv, "Første samtale holdt;< 5\r\n") != NULL, "csv: 4 first conversations as < 5");
	TAP_CHECK(strstr(html, "<td>Første samtale holdt</td><td class=\"n\">&lt; 5</td>") != NULL,
		  "html: the same as &lt; 5");
	bool exact = false;
	for (const char *at = text; (at = strstr(at, "Første samtale holdt")); at++)
		exact |= strstr(at, "4\n") != NULL && strstr(at, "4\n") - at < 80;
	TAP_CHECK(exact, "text: the exact 4 on the coordinator's screen");
	bool held = false;
	for (const char *at = text_file; (at = strstr(at, "Første samtale holdt")); at++)
		held |= strstr(at, "< 5\n") != NULL && strstr(at, "< 5\n") - at < 80;
	TAP_CHECK(held && strstr(text_file, "vises som \"< 5\""), "a text file, handed on: < 5, and it says so");
	TAP_CHECK(strstr(csv, "Gennemsnitlig ændring;–;–\r\n") != NULL, "csv: a mean of 2 citizens is left out");
	TAP_CHECK(strstr(text, "8,0") != NULL, "text: WHO-5's mean change +8,0 shown exactly");
	TAP_CHECK(strstr(html, "fewer than 5") == NULL && strstr(html, "færre end 5 borgere har") != NULL,
		  "html: no WHO-5 chart from 2 citizens, and it says so");
	free(text);
	free(text_file);
	free(csv);
	free(html);
	report_free(&r);
}

/* ---------- large numbers ---------- */

/* Text and HTML are read by people: 12.345, with Danish thousands points.
 * The CSV is read by Excel: plain digits, or it would read text. */
static void test_thousands(void)
{
	char buf[64];
	struct report_cell count = { .kind = CELL_CITIZENS, .value = 12345, .base = 12345 };
	report_cell_format(&count, true, true, ",", ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "12.345", "a count to read: 12.345");
	report_cell_format(&count, false, false, ",", "", buf, sizeof buf);
	TAP_STR_EQ(buf, "12345", "a count for a spreadsheet: 12345");
	struct report_cell hours = { .kind = CELL_HOURS, .value = 7407366 };
	report_cell_format(&hours, true, true, ",", ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "123.456,1", "hours to read: 123.456,1");
	struct report_cell change = { .kind = CELL_MEAN, .value = -25000, .base = 10 };
	report_cell_format(&change, true, true, ",", ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "-2.500,0", "a negative mean: -2.500,0");
	struct report_cell small = { .kind = CELL_NUMBER, .value = 999 };
	report_cell_format(&small, true, true, ",", ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "999", "three digits have no point");

	struct report r;
	memset(&r, 0, sizeof r);
	snprintf(r.period.from, sizeof r.period.from, "2026-01-01");
	snprintf(r.period.to, sizeof r.period.to, "2026-11-26");
	snprintf(r.made_on, sizeof r.made_on, "2026-11-26");
	r.volunteers.sessions = 12345;
	r.volunteers.minutes_total = 1015 * 60;
	r.citizens.f.referred = 1234567;
	char *out[3] = { NULL, NULL, NULL };
	size_t len[3];
	for (int f = 0; f < 3; f++) {
		FILE *m = open_memstream(&out[f], &len[f]);
		TAP_CHECK(report_write(&r, (enum report_format)f, true, m), "a report of large numbers as %s",
			  report_format_name((enum report_format)f));
		fclose(m);
	}
	TAP_CHECK(strstr(out[0], " 12.345\n") && strstr(out[0], " 1.234.567\n") && strstr(out[0], " 1.015,0\n"),
		  "text: 12.345 sessions, 1.234.567 referred, 1.015,0 hours");
	TAP_CHECK(strstr(out[1], "Mødegange afholdt;12345\r\n") && strstr(out[1], "Henvist i perioden;1234567\r\n")
			  && strstr(out[1], "Timer givet;1015,0\r\n"),
		  "csv: the same as plain digits, for Excel");
	TAP_CHECK(strstr(out[2], "<td class=\"n\">12.345</td>") && strstr(out[2], "<td class=\"n\">1.234.567</td>")
			  && strstr(out[2], "<td class=\"n\">1.015,0</td>"),
		  "html: 12.345, 1.234.567 and 1.015,0");
	for (int f = 0; f < 3; f++)
		free(out[f]);
}

/* ---------- who may, and the log ---------- */

static void test_coordinator_only(struct desk *coordinator)
{
	long long before = testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'report'");
	struct report_period p = { "2026-01-01", "2026-03-31" };
	struct report r;
	TAP_INT_EQ(report_make(coordinator, &p, REPORT_EXPORT_CSV, &r), DB_OK, "a CSV export");
	report_free(&r);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'report' AND action = 'export'"
				    " AND detail = 'csv 2026-01-01..2026-03-31'"), 1,
		   "is in the audit log as an export, with the format and the period");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'report' AND action = 'export'"
				    " AND detail = 'screen 2026-01-01..2026-03-31'"), 1,
		   "the report shown on the screen is logged as an export too");
	sql("INSERT INTO users(id, name, role) VALUES (50, 'Skranke', 'desk')");
	struct desk desk = { .db = db, .user = 50, .role = ROLE_DESK, .users_exist = true };
	TAP_INT_EQ(report_make(&desk, &p, REPORT_SHOWN, &r), DB_ERR_FORBIDDEN, "the desk may not see the report");
	report_free(&r);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'report'"), before + 1,
		   "and nothing more is logged");
}

/* ---------- the formats agree ---------- */

/* Finds each cell of every table, in order, in each format. */
static const struct report_cell *cell_of(const struct report_tables *ts, const char *key, int row, int col)
{
	for (int t = 0; t < ts->n; t++)
		if (strcmp(ts->t[t].key, key) == 0 && row < ts->t[t].nrows)
			return &ts->t[t].rows[row].cells[col];
	return NULL;
}

static const char *shown(const struct report_cell *c, char *buf, size_t size)
{
	report_cell_format(c, false, false, ",", "", buf, size);
	return buf;
}

/* A "< 5" that the rest of its sum would tell is held back with another:
 * a parent row and its parts; an activity's month, the month of all
 * activities, its whole period and its kind of community. */
static void test_held_with_another(void)
{
	struct report r;
	memset(&r, 0, sizeof r);
	struct report_tables ts;
	char buf[32];
	for (int i = 0; i < REPORT_SOURCES; i++) {
		r.citizens.f.by_source[i] = i + 1 < REPORT_SOURCES ? 5 + i : 3;
		r.citizens.f.referred += r.citizens.f.by_source[i];
	}
	TAP_CHECK(report_tables_build(&r, &ts), "a report laid out");
	/* Row 0: referred; 1..7 the sources. */
	TAP_CHECK(strcmp(shown(cell_of(&ts, "citizens", REPORT_SOURCES, 0), buf, sizeof buf), "< 5") == 0,
		  "the source of 3 is under five: %s", buf);
	TAP_CHECK(strcmp(shown(cell_of(&ts, "citizens", 1, 0), buf, sizeof buf), "x") == 0,
		  "the smallest other source (5) is held back with it, or 48 less the rest tells 3: %s", buf);
	TAP_CHECK(strcmp(shown(cell_of(&ts, "citizens", 2, 0), buf, sizeof buf), "6") == 0
			  && strcmp(shown(cell_of(&ts, "citizens", 0, 0), buf, sizeof buf), "48") == 0,
		  "the others and the total are shown");
	report_cell_format(cell_of(&ts, "citizens", 1, 0), true, false, ",", "", buf, sizeof buf);
	TAP_CHECK(strcmp(buf, "5") == 0, "the coordinator's screen shows it exactly");
	/* A share beside its base tells its count: 33 % of 6 is 2. */
	struct report_cell share = { .kind = CELL_PERCENT, .value = 2, .base = 6 };
	TAP_CHECK(strcmp(shown(&share, buf, sizeof buf), "x") == 0, "2 of 6 as a share is held back: %s", buf);
	share.value = 0;
	TAP_CHECK(strcmp(shown(&share, buf, sizeof buf), "x") == 0, "0 of 6 too: %s", buf);
	share = (struct report_cell){ .kind = CELL_PERCENT, .value = 9, .base = 12 };
	TAP_CHECK(strcmp(shown(&share, buf, sizeof buf), "x") == 0, "9 of 12, which tells the other 3: %s", buf);
	share.value = 6;
	TAP_CHECK(strcmp(shown(&share, buf, sizeof buf), "50") == 0, "6 of 12 is shown: %s", buf);
	share.base = 4;
	share.value = 2;
	TAP_CHECK(strcmp(shown(&share, buf, sizeof buf), "–") == 0, "a share of fewer than 5: %s", buf);
	report_tables_free(&ts);

	r.citizens.f.referred++;
	TAP_CHECK(report_tables_build(&r, &ts), "again, with a referral of no source");
	TAP_CHECK(strcmp(shown(cell_of(&ts, "citizens", 1, 0), buf, sizeof buf), "5") == 0,
		  "parts that do not add up to the total give nothing away: %s", buf);
	report_tables_free(&ts);

	/* One month, two activities: 3 and 20 present. */
	memset(&r, 0, sizeof r);
	struct report_att_row months[2] = { { .held = 1, .present = 3 }, { .held = 1, .present = 20 } };
	struct report_activity acts[2];
	memset(acts, 0, sizeof acts);
	for (int i = 0; i < 2; i++) {
		snprintf(acts[i].a.name, sizeof acts[i].a.name, "%s", i ? "Krolf" : "Café");
		snprintf(acts[i].a.community, sizeof acts[i].a.community, "%s", i ? "lasting" : "practice");
		acts[i].months = &months[i];
		acts[i].total = months[i];
	}
	struct report_attendance *att = &r.attendance;
	att->nmonths = 1;
	snprintf(att->months[0], sizeof att->months[0], "2026-01");
	att->activities = acts;
	att->nactivities = 2;
	att->per_month[0] = (struct report_att_row){ .held = 2, .present = 23 };
	att->total = att->per_month[0];
	att->practice = months[0];
	att->lasting = months[1];
	TAP_CHECK(report_tables_build(&r, &ts), "attendance laid out");
	/* "attendance": Café's month, its whole period, Krolf's month, its
	 * whole period; column 2 is present. */
	TAP_CHECK(strcmp(shown(cell_of(&ts, "attendance", 0, 2), buf, sizeof buf), "< 5") == 0,
		  "Café's 3 is under five");
	TAP_CHECK(strcmp(shown(cell_of(&ts, "attendance", 2, 2), buf, sizeof buf), "x") == 0,
		  "Krolf's month is held back: 23 for the month less 20 tells Café's");
	TAP_CHECK(strcmp(shown(cell_of(&ts, "attendance", 3, 2), buf, sizeof buf), "x") == 0,
		  "and Krolf's whole period, which is its month");
	TAP_CHECK(strcmp(shown(cell_of(&ts, "communities", 1, 2), buf, sizeof buf), "x") == 0,
		  "and the lasting communities, which are Krolf alone");
	TAP_CHECK(strcmp(shown(cell_of(&ts, "attendance-months", 0, 2), buf, sizeof buf), "23") == 0
			  && strcmp(shown(cell_of(&ts, "attendance-months", 1, 2), buf, sizeof buf), "23") == 0,
		  "the month of all activities and the whole period are shown");
	TAP_CHECK(strcmp(shown(cell_of(&ts, "attendance", 2, 0), buf, sizeof buf), "1") == 0,
		  "sessions held are no count of citizens: shown");
	report_tables_free(&ts);

	/* A total held back for one sum is one unknown of another: Krolf
	 * only in January (3), Café in February (8) and March (40). The
	 * months of all activities hold February back with January; then
	 * Café's February alone would tell February, and with it January
	 * (51 - 40 - 8). */
	struct report_att_row cafe[3] = { { 0 }, { .held = 1, .present = 8 }, { .held = 1, .present = 40 } };
	struct report_att_row krolf[3] = { { .held = 1, .present = 3 }, { 0 }, { 0 } };
	acts[0].months = cafe;
	acts[0].total = (struct report_att_row){ .held = 2, .present = 48 };
	acts[1].months = krolf;
	acts[1].total = krolf[0];
	att->nmonths = 3;
	for (int m = 0; m < 3; m++) {
		snprintf(att->months[m], sizeof att->months[m], "2026-0%d", m + 1);
		att->per_month[m] = (struct report_att_row){ .held = 1, .present = cafe[m].present + krolf[m].present };
	}
	att->total = (struct report_att_row){ .held = 3, .present = 51 };
	att->practice = acts[0].total;
	att->lasting = acts[1].total;
	TAP_CHECK(report_tables_build(&r, &ts), "three months laid out");
	TAP_CHECK(strcmp(shown(cell_of(&ts, "attendance-months", 0, 2), buf, sizeof buf), "< 5") == 0
			  && strcmp(shown(cell_of(&ts, "attendance-months", 1, 2), buf, sizeof buf), "x") == 0,
		  "January under five, February held back with it");
	/* "attendance": Café's February, March, whole period; Krolf's
	 * January, whole period. */
	TAP_CHECK(strcmp(shown(cell_of(&ts, "attendance", 0, 2), buf, sizeof buf), "x") == 0,
		  "Café's February is held back too, or it would tell February: %s", buf);
	int told = 0;
	for (int t = 0; t < ts.n; t++)
		for (int i = 0; i < ts.t[t].nrows; i++) {
			const struct report_cell *c = &ts.t[t].rows[i].cells[2];
			told += c->kind == CELL_CITIZENS && !report_cell_held_back(c) && (c->value == 3 || c->value == 8);
		}
	TAP_INT_EQ(told, 0, "neither 3 nor 8 is shown anywhere");
	report_tables_free(&ts);

	/* Shares of one base that add up to it: 100 % less the rest tells
	 * the one held back. 20 citizens: 14 better, 5 the same, 1 worse. */
	memset(&r, 0, sizeof r);
	r.nmeasures = 1;
	snprintf(r.measures[0].code, sizeof r.measures[0].code, "who5");
	snprintf(r.measures[0].name, sizeof r.measures[0].name, "WHO-5");
	r.measures[0].first_measured = r.measures[0].pairs = 20;
	r.measures[0].improved = 14;
	r.measures[0].same = 5;
	r.measures[0].worse = 1;
	TAP_CHECK(report_tables_build(&r, &ts), "outcomes laid out");
	/* "outcomes": rows 5, 6, 7 are improved, unchanged, worse. */
	TAP_CHECK(strcmp(shown(cell_of(&ts, "outcomes", 7, 0), buf, sizeof buf), "x") == 0, "1 of 20 worse is held back");
	TAP_CHECK(strcmp(shown(cell_of(&ts, "outcomes", 6, 0), buf, sizeof buf), "x") == 0,
		  "and the unchanged 25 %%, or 100 - 70 - 25 would tell it: %s", buf);
	TAP_CHECK(strcmp(shown(cell_of(&ts, "outcomes", 5, 0), buf, sizeof buf), "70") == 0, "70 %% better is shown");
	report_tables_free(&ts);
}

/* A report's file is made private; a device is not a file to change
 * (writing to /dev/null as root made it 0600 for everyone). */
static void test_file_create(void)
{
	struct stat before, after;
	TAP_CHECK(stat("/dev/null", &before) == 0, "/dev/null is there");
	FILE *f = report_file_create("/dev/null");
	TAP_CHECK(f != NULL, "a report can go to /dev/null");
	if (f)
		fclose(f);
	TAP_CHECK(stat("/dev/null", &after) == 0 && after.st_mode == before.st_mode, "its mode is left as it was");
	char path[] = "/tmp/brobygger-report-XXXXXX";
	int fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	chmod(path, 0644);
	f = report_file_create(path);
	if (f)
		fclose(f);
	struct stat sb;
	TAP_CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "a file written over is made 0600");
	unlink(path);
}

static void test_formats_agree(void)
{
	char path[128];
	testdb_path(path, sizeof path, "demo.db");
	struct db *demo;
	if (db_open(path, &demo) != DB_OK)
		return;
	struct demo_options opt = { .citizens = 300, .seed = 3, .today = { 2026, 11, 26 } };
	struct demo_summary sum;
	TAP_INT_EQ(demo_generate(demo, &opt, &sum), DB_OK, "a demo centre of 300 citizens");
	struct desk d = desk_command_line(demo);
	struct report_period p = { "2026-01-01", "2026-11-26" };
	struct report r;
	TAP_INT_EQ(report_make(&d, &p, REPORT_EXPORT_HTML, &r), DB_OK, "its report for the year");
	char *out[3] = { NULL, NULL, NULL };
	size_t len[3];
	for (int f = 0; f < 3; f++) {
		FILE *m = open_memstream(&out[f], &len[f]);
		report_write(&r, (enum report_format)f, true, m);
		fclose(m);
	}
	struct report_tables ts;
	TAP_CHECK(report_tables_build(&r, &ts), "laid out as tables");
	const char *at[3] = { out[0], out[1], out[2] };
	int cells = 0, found[3] = { 0, 0, 0 }, held_back = 0, big = 0;
	for (int t = 0; t < ts.n; t++) {
		for (int i = 0; i < ts.t[t].nrows; i++) {
			for (int c = 0; c < ts.t[t].ncols; c++) {
				const struct report_cell *cell = &ts.t[t].rows[i].cells[c];
				if (cell->kind == CELL_NONE)
					continue;
				char want[3][96], buf[64];
				report_cell_format(cell, true, true, ",", ".", buf, sizeof buf);
				snprintf(want[0], sizeof want[0], " %s\n", buf);
				if (c + 1 < ts.t[t].ncols)
					snprintf(want[0], sizeof want[0], " %s ", buf);
				report_cell_format(cell, false, false, ",", "", buf, sizeof buf);
				snprintf(want[1], sizeof want[1], ";%s%s", buf, c + 1 < ts.t[t].ncols ? ";" : "\r\n");
				report_cell_format(cell, false, true, ",", ".", buf, sizeof buf);
				snprintf(want[2], sizeof want[2], "<td class=\"n\">%s</td>",
					 strcmp(buf, "< 5") == 0 ? "&lt; 5" : buf);
				cells++;
				held_back += report_cell_held_back(cell);
				big += cell->kind == CELL_CITIZENS && cell->value >= 100;
				for (int f = 0; f < 3; f++) {
					const char *hit = strstr(at[f], want[f]);
					if (hit) {
						found[f]++;
						at[f] = hit + 1;
					} else if (found[f] + 1 == cells) {
						printf("# format %d: cell %d (%s, row '%s') '%s' not found in order\n", f,
						       cells, ts.t[t].key, ts.t[t].rows[i].label, want[f]);
					}
				}
			}
		}
	}
	TAP_CHECK(cells > 500 && big > 10 && held_back > 10, "many cells, large counts and held-back ones (%d cells)",
		  cells);
	TAP_INT_EQ(found[0], cells, "the text carries every number, in order");
	TAP_INT_EQ(found[1], cells, "the CSV carries the same numbers, in order");
	TAP_INT_EQ(found[2], cells, "the HTML carries the same numbers, in order");
	TAP_CHECK(memcmp(out[1], "\xEF\xBB\xBF", 3) == 0, "the CSV starts with the UTF-8 BOM");
	TAP_CHECK(strstr(out[2], "<script") == NULL && strstr(out[2], "src=") == NULL && strstr(out[2], "href=") == NULL
			  && strstr(out[2], "url(") == NULL && strstr(out[2], "@import") == NULL,
		  "the HTML has no script and fetches nothing");
	TAP_CHECK(strstr(out[2], "@page{size:A4") != NULL && strstr(out[2], "<svg") != NULL,
		  "it has an A4 print style and an inline SVG chart");
	int lines_over = 0;
	for (const char *l = out[0]; *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), l);
		lines_over += (int)utf8_length(line) > 80;
		l += n + (e != NULL);
	}
	TAP_INT_EQ(lines_over, 0, "every line of the text fits 80 columns");
	report_tables_free(&ts);
	for (int f = 0; f < 3; f++)
		free(out[f]);
	report_free(&r);
	db_close(demo);
}

/* ---------- the printed sheets ---------- */

static void write_script(const char *dir, const char *name, const char *body)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(path, 0755);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static bool write_roll(const void *sheet, bool html, FILE *f)
{
	return sheets_roll_write(sheet, html, f);
}

static void test_sheets(struct desk *desk)
{
	struct roll roll;
	attendance_roll_view(desk, 1, &roll);
	struct roll_sheets s;
	TAP_INT_EQ(sheets_roll_session(desk, 1, &s), DB_OK, "the sheet of S1");
	bool same = s.n == 1 && s.sheets[0].n == roll.count;
	for (int i = 0; same && i < roll.count; i++)
		same = strcmp(s.sheets[0].lines[i].name, roll.entries[i].name) == 0;
	TAP_CHECK(same && roll.count == 3, "in the roll list's order: Ida, Jens, Karen");
	attendance_roll_free(&roll);
	TAP_STR_EQ(s.sheets[0].lines[0].relative_phone, "12345678", "Ida's relative who takes part, with phone");
	TAP_STR_EQ(s.sheets[0].lines[1].relative, "", "Jens's relative does not take part");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'session'"
				    " AND entity_id = 1"), 1, "the sheet is in the audit log as an export");

	char text_path[128], html_path[128], bin[128];
	testdb_file(bin, sizeof bin, "bin");
	mkdir(bin, 0700);
	testdb_file(text_path, sizeof text_path, "printed.txt");
	testdb_file(html_path, sizeof html_path, "sheet.html");
	const char *old_path = getenv("PATH");
	char saved[4096];
	snprintf(saved, sizeof saved, "%s", old_path ? old_path : "/usr/bin:/bin");

	/* No CUPS on PATH: a printable file. */
	setenv("PATH", bin, 1);
	struct sheet_delivery dl;
	char err[300];
	TAP_CHECK(sheets_deliver(write_roll, &s, "Fremmøde", NULL, html_path, &dl, err, sizeof err) && !dl.printed
			  && dl.no_printer,
		  "without a printer the sheet becomes a file");
	const char *page = slurp(html_path);
	TAP_CHECK(page && strstr(page, "<h1>Gåtur</h1>") && strstr(page, "Hans, 12 34 56 78") && strstr(page, "@page{size:A4"),
		  "a printable page with the activity, the relative's phone and A4");

	/* A printer set up: lpstat names it, lp takes the text. */
	char body[600];
	snprintf(body, sizeof body, "echo 'system default destination: Kontor'");
	write_script(bin, "lpstat", body);
	snprintf(body, sizeof body, "printf '%%s\\n' \"$*\" > %s.args; /bin/cat > %s", text_path, text_path);
	write_script(bin, "lp", body);
	unlink(html_path);
	TAP_CHECK(sheets_deliver(write_roll, &s, "Fremmøde", NULL, html_path, &dl, err, sizeof err) && dl.printed,
		  "with a printer the sheet is printed");
	TAP_STR_EQ(dl.printer, "Kontor", "on the default printer");
	const char *printed = slurp(text_path);
	TAP_CHECK(printed && strstr(printed, "[ ] [ ] [ ] [ ]  Ida") && strstr(printed, "Kom uden at stå på listen"),
		  "lp got the text: boxes, names in order, room for walk-ins");
	TAP_CHECK(access(html_path, F_OK) != 0, "and no file was written");
	/* With --output, a file even when a printer is there. */
	TAP_CHECK(sheets_deliver(write_roll, &s, "Fremmøde", html_path, "x.html", &dl, err, sizeof err) && !dl.printed
			  && access(html_path, F_OK) == 0,
		  "asked for a file, a file it is");
	/* lp fails: the file instead. */
	write_script(bin, "lp", "exit 1");
	unlink(html_path);
	TAP_CHECK(sheets_deliver(write_roll, &s, "Fremmøde", NULL, html_path, &dl, err, sizeof err) && !dl.printed
			  && access(html_path, F_OK) == 0,
		  "when the printer refuses, the file instead");
	setenv("PATH", saved, 1);
	sheets_roll_free(&s);

	struct call_sheet calls;
	TAP_INT_EQ(sheets_calls(desk, "2026-11-26", &calls), DB_OK, "the day's calls");
	TAP_CHECK(calls.nraised == 1 && calls.lines[0].raised && strcmp(calls.lines[0].name, "Jens") == 0,
		  "the raised citizen first: Jens");
	TAP_CHECK(calls.n == 2 && strcmp(calls.lines[1].name, "Lars") == 0, "then the call due: Lars");
	char *t = NULL;
	size_t tl;
	FILE *m = open_memstream(&t, &tl);
	sheets_calls_write(&calls, false, m);
	fclose(m);
	TAP_CHECK(t && strstr(t, "[ ] fik fat") && strstr(t, "Lars"), "with boxes for the outcome");
	free(t);
	sheets_calls_free(&calls);
}

int main(void)
{
	/* The figures' words and the decimal comma are Danish (test env). */
	i18n_init();
	dbrules_install();
	if (!testdb_start("report"))
		return 1;
	test_rules();
	test_thousands();
	test_held_with_another();
	test_file_create();
	char path[128];
	testdb_path(path, sizeof path, "r.db");
	if (db_open(path, &db) != DB_OK) {
		printf("Bail out! cannot open %s\n", path);
		return 1;
	}
	make_centre();
	struct desk coordinator = desk_command_line(db);
	test_by_hand(&coordinator);
	test_coordinator_only(&coordinator);
	test_sheets(&coordinator);
	db_close(db);
	test_formats_agree();
	testdb_finish();
	return tap_done();
}
