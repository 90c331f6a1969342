/* The matching use cases (src/matching.c) on temporary files: who is
 * waiting and since when, one citizen opened with the facts behind the
 * score (an audited look) and the pool kept between citizens until the
 * data changes, confirming a match (match, enrolment, first session,
 * follow-up call, the next step on the card), every reason a confirm is
 * refused, ending a match, the wishes, the proposal, what a desk
 * volunteer may and may not do, that a confirmed match and a later sweep
 * of the call rules agree on the call's day and key, and that capacity is
 * never exceeded: not by a desk that read an old count, and not by two
 * desks (two processes, two connections) confirming at the same moment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "calls.h"
#include "citizens.h"
#include "date.h"
#include "demo.h"
#include "db.h"
#include "dbrules.h"
#include "desk.h"
#include "fold.h"
#include "intake.h"
#include "match.h"
#include "matching.h"
#include "nextstep.h"
#include "registry.h"
#include "store_citizens.h"
#include "store_matching.h"
#include "tap.h"
#include "testdb.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static const char *today = "2026-11-26"; /* a Thursday */
static struct desk coordinator;          /* Kirsten Åby, user 1 */
static struct desk front_desk;           /* Bo Holm, user 2: may look, not match */

static void exec_ok(struct db *db, const char *sql)
{
	if (db_exec(db, sql) != DB_OK) {
		printf("# %s: %s\n", sql, db_errdetail(db));
		exit(1);
	}
}

static long long count_fmt(struct db *db, const char *fmt, long long a, long long b)
{
	char sql[600];
	snprintf(sql, sizeof sql, fmt, a, b);
	return testdb_count(db, sql);
}

static struct db *open_db(const char *name)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("# cannot open %s\n", path);
		exit(1);
	}
	return db;
}

static struct desk desk_on(struct db *db, db_user_id user, enum role role)
{
	return (struct desk){ .db = db, .user = user, .role = role, .users_exist = true };
}

/* A citizen as the intake leaves them: referred (self) on `referred_on`,
 * consenting, assessed then (unless ""), interested in walks (Gåture),
 * anxious (Angst), free Thursday mornings. */
static long long add_citizen(struct db *db, const char *name, const char *referred_on, const char *assessment,
			     const char *postcode)
{
	char sql[1200];
	snprintf(sql, sizeof sql,
		 "INSERT INTO citizens(name, postcode) VALUES ('%s', '%s');"
		 "INSERT INTO referrals(citizen_id, referred_on, source) VALUES (last_insert_rowid(), '%s', 'self');",
		 name, postcode, referred_on);
	exec_ok(db, sql);
	long long id = 0;
	db_query_int(db, "SELECT max(id) FROM citizens", &id);
	textkeys_rewrite_citizen(db, id);
	snprintf(sql, sizeof sql,
		 "INSERT INTO consents(citizen_id, purpose, given_on) VALUES (%lld, 'registration', '%s');"
		 "INSERT INTO consents(citizen_id, purpose, given_on) VALUES (%lld, 'volunteer_contact', '%s');"
		 "INSERT INTO citizen_interests(citizen_id, interest_id) VALUES (%lld, 1);"
		 "INSERT INTO citizen_barriers(citizen_id, barrier_id) VALUES (%lld, 1);"
		 "INSERT INTO citizen_availability(citizen_id, weekday, part) VALUES (%lld, 4, 'morning');",
		 id, referred_on, id, referred_on, id, id, id);
	exec_ok(db, sql);
	if (assessment[0]) {
		snprintf(sql, sizeof sql,
			 "INSERT INTO assessments(citizen_id, assessed_on, outcome, handover_to)"
			 " VALUES (%lld, '%s', '%s', %s)", id, referred_on, assessment,
			 strcmp(assessment, "professional_help") == 0 ? "'Socialpsykiatrien'" : "NULL");
		exec_ok(db, sql);
	}
	return id;
}

static void end_course(struct db *db, long long citizen_id, const char *on)
{
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE citizens SET status = 'ended', ended_on = '%s', end_reason = 'moved'"
		 " WHERE id = %lld", on, citizen_id);
	exec_ok(db, sql);
}

static long long add_volunteer(const char *name, int capacity, const char *status)
{
	struct volunteer_record v;
	memset(&v, 0, sizeof v);
	SET(v.name, name);
	SET(v.postcode, "8000");
	SET(v.status, status);
	v.capacity = capacity;
	v.interests[0] = 1;
	v.ninterests = 1;
	SET(v.languages[0], "Dansk");
	v.nlanguages = 1;
	v.availability = AVAIL_BIT(4, 0);
	long long id = 0;
	if (registry_save_volunteer(&coordinator, &v, 0, &id) != DB_OK)
		printf("# volunteer %s not saved\n", name);
	return id;
}

static long long add_activity(const char *name, int capacity, int weekday)
{
	struct activity_record a;
	memset(&a, 0, sizeof a);
	SET(a.name, name);
	SET(a.kind, "social_cafe");
	SET(a.postcode, "8000");
	a.weekday = weekday;
	SET(a.start_time, "10:00");
	a.capacity = capacity;
	SET(a.community, "practice");
	SET(a.status, "active");
	long long id = 0;
	if (registry_save_activity(&coordinator, &a, 0, &id, NULL) != DB_OK)
		printf("# activity %s not saved\n", name);
	return id;
}

/* A centre with a coordinator (user 1) and a desk volunteer (user 2). */
static struct db *setup(const char *name)
{
	struct db *db = open_db(name);
	exec_ok(db, "INSERT INTO users(id, name, role) VALUES (1, 'Kirsten Åby', 'coordinator'), (2, 'Bo Holm', 'desk')");
	coordinator = desk_on(db, 1, ROLE_COORDINATOR);
	front_desk = desk_on(db, 2, ROLE_DESK);
	return db;
}

/* The kept pool belongs to one connection: let it go before closing. */
static void finish(struct db *db)
{
	matching_release();
	db_close(db);
}

static void set_today(const char *day)
{
	setenv("BROBYGGER_TODAY", day, 1);
}

static void waiting(void)
{
	struct db *db = setup("waiting.db");
	long long karen = add_citizen(db, "Karen Ølgaard", "2026-09-01", "volunteer_help", "8000");
	long long poul = add_citizen(db, "Poul Ågård", "2026-10-01", "", "8000");
	long long anna = add_citizen(db, "Anna Berg", "2026-08-01", "professional_help", "8000");
	long long erik = add_citizen(db, "Erik Aagaard", "2026-07-01", "volunteer_help", "8000");
	long long jens = add_citizen(db, "Jens Dam", "2026-06-01", "volunteer_help", "8000");
	end_course(db, jens, "2026-11-01");

	struct waiting_citizen w[10];
	int n = 0;
	TAP_INT_EQ(matching_waiting(&front_desk, 0, 10, w, &n), DB_OK, "the waiting list is read, also by the desk");
	TAP_INT_EQ(n, 3, "three wait: not the one handed over, not the one whose course ended");
	TAP_CHECK(n == 3 && w[0].id == erik && w[1].id == karen && w[2].id == poul, "longest waiting first");
	TAP_CHECK(n == 3 && strcmp(w[0].waiting_since, "2026-07-01") == 0, "waiting since the assessment");
	TAP_CHECK(n == 3 && strcmp(w[2].assessment, "") == 0, "one not assessed yet waits too");
	long long count = 0;
	matching_waiting_count(&front_desk, &count);
	TAP_INT_EQ(count, 3, "and is counted");
	(void)anna;
	struct citizen_hit hits[4];
	char q[64];
	fold_search("jens", q, sizeof q);
	TAP_INT_EQ(matching_find_citizens(&front_desk, q, 0, 4, hits, &n), DB_OK, "any citizen can be found");
	TAP_CHECK(n == 1 && hits[0].id == jens, "also one who does not wait");

	long long bente = add_volunteer("Bente Ølgaard", 2, "active");
	struct match_confirmed done;
	struct match_request req = { .citizen_id = erik, .volunteer_id = bente };
	TAP_INT_EQ(matching_confirm(&front_desk, &req, &done), DB_ERR_FORBIDDEN, "a desk volunteer cannot confirm");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches"), 0, "and nothing was written");
	TAP_INT_EQ(matching_confirm(&coordinator, &req, &done), DB_OK, "the coordinator matches Erik");
	matching_waiting(&front_desk, 0, 10, w, &n);
	TAP_CHECK(n == 2 && w[0].id == karen, "a citizen with an open match waits no more");
	TAP_INT_EQ(matching_end(&front_desk, done.match_id, "did_not_work", "Nej"), DB_ERR_FORBIDDEN,
		   "a desk volunteer cannot end a match");
	TAP_INT_EQ(matching_end(&coordinator, done.match_id, "no_such_outcome", "Nej"), DB_ERR_INVALID,
		   "an outcome that is not one of the list is refused");
	TAP_INT_EQ(matching_end(&coordinator, done.match_id, "did_not_work", "Kemien passede ikke"), DB_OK,
		   "the coordinator ends it");
	matching_waiting(&front_desk, 0, 10, w, &n);
	TAP_CHECK(n == 3 && w[2].id == erik && strcmp(w[2].waiting_since, today) == 0,
		  "after a match ended they wait again, since the end");

	struct matching_proposal p;
	TAP_INT_EQ(matching_proposal(&front_desk, 3, &p), DB_ERR_FORBIDDEN, "the proposal is the coordinator's");
	TAP_INT_EQ(matching_proposal(&coordinator, 3, &p), DB_OK, "the coordinator makes one");
	TAP_CHECK(p.n == 3 && p.citizens[0].id == karen && p.citizens[2].id == erik,
		  "the proposal takes them in the same order");
	TAP_CHECK(p.n == 3 && p.citizens[0].anxiety && p.citizens[0].postcode == 8000 && p.citizens[0].ninterests == 1
		  && p.citizens[0].availability == AVAIL_BIT(4, 0), "with the facts for the score");
	TAP_CHECK(p.n == 3 && p.rows[0].volunteer == 0 && p.rows[2].volunteer < 0,
		  "Bente is proposed for Karen, and not again for Erik, with whom it did not work");
	TAP_CHECK(p.words.ninterests > 0, "with the interest names for the reasons");
	matching_proposal_free(&p);

	struct match_wishes wish = { .pref_lived_experience = true };
	SET(wish.pref_gender, "woman");
	SET(wish.pref_age, "similar");
	SET(wish.language, "Arabisk");
	TAP_INT_EQ(matching_set_wishes(&front_desk, karen, &wish), DB_ERR_FORBIDDEN, "a desk volunteer cannot set wishes");
	TAP_INT_EQ(matching_set_wishes(&coordinator, karen, &wish), DB_OK, "the coordinator saves them");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM audit_log WHERE entity = 'citizen' AND entity_id = %lld"
			     " AND detail = 'matching wishes' AND user_id = %lld", karen, 1), 1, "audited");
	struct match_wishes got;
	matching_wishes(&front_desk, karen, &got);
	TAP_CHECK(strcmp(got.pref_gender, "woman") == 0 && strcmp(got.pref_age, "similar") == 0
		  && got.pref_lived_experience && strcmp(got.language, "Arabisk") == 0, "and read back");
	struct matching_citizen m;
	TAP_INT_EQ(matching_citizen_view(&front_desk, karen, &m), DB_OK, "a desk volunteer opens Karen");
	TAP_CHECK(strcmp(m.facts.language, "arabisk") == 0 && strcmp(m.facts.language_label, "Arabisk") == 0
		  && strcmp(m.facts.pref_gender, "woman") == 0 && m.facts.pref_lived_experience,
		  "the facts carry the wishes");
	TAP_CHECK(m.nranked[0] == 1 && m.ranked[0][0].id == bente, "Bente is ranked for her");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM audit_log WHERE entity = 'citizen' AND entity_id = %lld"
			     " AND action = 'view' AND detail = 'matching' AND user_id = %lld", karen, 2), 1,
		   "the look is in the audit log, as the desk volunteer's");
	matching_citizen_free(&m);
	TAP_INT_EQ(matching_citizen_view(&front_desk, 9999, &m), DB_ERR_NOTFOUND, "no such citizen");
	finish(db);
}

/* The pool is read once and kept between citizens; anything committed
 * (here, or at another desk) makes the next citizen read it again. */
static void pool_kept(void)
{
	struct db *db = setup("pool.db");
	struct db *other = open_db("pool.db");
	long long karen = add_citizen(db, "Karen Ølgaard", "2026-09-01", "volunteer_help", "8000");
	long long poul = add_citizen(db, "Poul Ågård", "2026-10-01", "volunteer_help", "8000");
	long long bente = add_volunteer("Bente Ølgaard", 2, "active");
	struct matching_citizen m;
	matching_citizen_view(&coordinator, karen, &m);
	TAP_CHECK(m.pool_read && m.pool->nvolunteers == 1 && m.pool->volunteers[0].capacity == 2,
		  "the first citizen reads the pool");
	matching_citizen_free(&m);
	matching_citizen_view(&coordinator, poul, &m);
	TAP_CHECK(!m.pool_read, "the next citizen uses the kept pool: the look's own audit record changed nothing");
	matching_citizen_reload(&coordinator, &m);
	TAP_CHECK(!m.pool_read, "so does reading the same citizen again");
	exec_ok(other, "UPDATE volunteers SET capacity = 3");
	matching_citizen_free(&m);
	matching_citizen_view(&coordinator, karen, &m);
	TAP_CHECK(m.pool_read && m.pool->volunteers[0].capacity == 3, "another desk's change is read");
	struct match_confirmed done;
	matching_confirm(&coordinator, &(struct match_request){ .citizen_id = karen, .volunteer_id = bente }, &done);
	matching_citizen_free(&m);
	matching_citizen_view(&coordinator, poul, &m);
	TAP_CHECK(m.pool_read && m.pool->volunteers[0].load == 1, "and so is a match made here");
	matching_citizen_free(&m);
	db_close(other);
	finish(db);
}

static void confirm_and_end(void)
{
	struct db *db = setup("confirm.db");
	/* Morning: today's session at 10:00 is still to come. */
	set_today("2026-11-26 09:00");
	long long karen = add_citizen(db, "Karen Ølgaard", "2026-09-01", "volunteer_help", "8000");
	long long bente = add_volunteer("Bente Ølgaard", 2, "active");
	long long cafe = add_activity("Socialt café", 10, 4);

	struct matching_citizen m;
	TAP_INT_EQ(matching_citizen_view(&coordinator, karen, &m), DB_OK, "Karen is opened");
	TAP_CHECK(m.pool->nvolunteers == 1 && m.pool->nactivities == 1
		  && strcmp(m.pool->volunteers[0].languages[0], "dansk") == 0
		  && m.pool->volunteers[0].availability == AVAIL_BIT(4, 0) && m.pool->activities[0].practice,
		  "the pool has languages folded, times and the kind of community");
	TAP_CHECK(m.nranked[0] == 1 && m.nranked[1] == 1, "Bente and the café are candidates");
	matching_citizen_free(&m);

	/* Her card before: assessed, waiting. */
	struct citizen_facts cf;
	struct date day;
	date_parse_iso(today, &day);
	char now[20];
	date_now_stamp(now);
	store_citizens_facts(db, karen, today, &cf);
	next_step_upcoming(&cf, now);
	TAP_INT_EQ(next_step_decide(&cf, day).kind, NEXT_MATCH_WAITING, "before: waiting for a match");

	/* A "no contact" call planned while she waited is what the match
	 * answers: it must not stay her next step. */
	char nc[200];
	snprintf(nc, sizeof nc, "INSERT INTO follow_ups(citizen_id, reason, due_on, source_key)"
		 " VALUES (%lld, 'no_contact', '%s', 'no_contact:%lld')", karen, today, karen);
	exec_ok(db, nc);

	struct match_request q = { .citizen_id = karen, .volunteer_id = bente, .activity_id = cafe };
	struct match_confirmed done;
	TAP_INT_EQ(matching_confirm(&coordinator, &q, &done), DB_OK, "the match is confirmed");
	TAP_CHECK(done.match_id > 0 && done.session_id > 0, "a match and a first session");
	TAP_STR_EQ(done.session_on, "2026-11-26", "the first session is the next one, today's");
	TAP_STR_EQ(done.call_due_on, "2026-11-27", "the call is the day after");
	char sql[400];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM matches WHERE id = %lld AND citizen_id = %lld AND volunteer_id = %lld"
		 " AND activity_id = %lld AND matched_on = '%s' AND matched_by = 1 AND first_session_id = %lld",
		 done.match_id, karen, bente, cafe, today, done.session_id);
	TAP_INT_EQ(testdb_count(db, sql), 1, "who, with whom, when and by whom is recorded");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM enrolments WHERE citizen_id = %lld AND activity_id = %lld"
		 " AND enrolled_on = '%s' AND ended_on IS NULL", karen, cafe, today);
	TAP_INT_EQ(testdb_count(db, sql), 1, "she is enrolled in the café");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND reason = 'after_first_session'"
		 " AND due_on = '2026-11-27' AND responsible = %lld AND status = 'open'"
		 " AND source_key = 'first_session:%lld'", karen, bente, done.match_id);
	TAP_INT_EQ(testdb_count(db, sql), 1, "a call after the first session, Bente responsible");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND reason = 'no_contact'"
			     " AND status = 'cancelled'", karen, 0), 1, "the no-contact call is cancelled by the match");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM audit_log WHERE entity = 'match' AND entity_id = %lld"
			     " AND action = 'create' AND user_id = %lld", done.match_id, 1), 1,
		   "the match is in the audit log");

	store_citizens_facts(db, karen, today, &cf);
	next_step_upcoming(&cf, now);
	struct next_step step = next_step_decide(&cf, day);
	TAP_INT_EQ(step.kind, NEXT_SESSION, "after: her next step is the session");
	TAP_STR_EQ(cf.session_volunteer, "Bente Ølgaard", "with Bente going along");
	TAP_STR_EQ(cf.session_activity, "Socialt café", "at the café");

	struct volunteer_record v;
	registry_volunteer(&coordinator, bente, &v);
	TAP_INT_EQ(v.load, 1, "Bente's load is 1 of 2");
	struct match_row rows[4];
	int n = 0;
	registry_volunteer_matches(&front_desk, bente, rows, 4, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].citizen, "Karen Ølgaard") == 0, "and Karen is on her list");
	matching_citizen_matches(&front_desk, karen, rows, 4, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].first_session_on, "2026-11-26") == 0
		  && strcmp(rows[0].matched_by, "Kirsten Åby") == 0, "the citizen's matches show the first session");

	/* A Friday session's call is on Monday; a match without a session
	 * gets a call two weeks on. */
	long long friday = add_activity("Brætspilscafé", 10, 5);
	long long poul = add_citizen(db, "Poul Ågård", "2026-10-01", "volunteer_help", "8000");
	q = (struct match_request){ .citizen_id = poul, .activity_id = friday };
	matching_confirm(&coordinator, &q, &done);
	TAP_CHECK(strcmp(done.session_on, "2026-11-27") == 0 && strcmp(done.call_due_on, "2026-11-30") == 0,
		  "Friday's session, the call on Monday");
	long long ida = add_citizen(db, "Ida Æbelø", "2026-10-01", "volunteer_help", "8000");
	q = (struct match_request){ .citizen_id = ida, .volunteer_id = bente };
	matching_confirm(&coordinator, &q, &done);
	TAP_STR_EQ(done.call_due_on, "2026-12-10", "a volunteer alone: a call after two weeks");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND reason = 'after_match'"
			     " AND due_on = '2026-12-10' AND source_key = 'match:%lld'", ida, done.match_id), 1,
		   "keyed by the match");
	store_citizens_facts(db, ida, today, &cf);
	next_step_upcoming(&cf, now);
	TAP_INT_EQ(next_step_decide(&cf, day).kind, NEXT_CALL_LATER, "her next step is that call");

	/* Ending: on her own keeps the café, declined ends it. */
	matching_citizen_matches(&coordinator, karen, rows, 4, &n);
	set_today("2026-12-10");
	TAP_INT_EQ(matching_end(&coordinator, rows[0].id, "on_own", "Kommer selv nu"), DB_OK, "Karen goes on her own");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM enrolments WHERE citizen_id = %lld AND ended_on IS NULL", karen, 0),
		   1, "she stays enrolled");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM matches WHERE id = %lld AND outcome = 'on_own'"
			     " AND accompaniment_done_on = '2026-12-10' AND end_reason = 'Kommer selv nu'"
			     " AND ended_on = '2026-12-10'", rows[0].id, 0), 1,
		   "the outcome, the reason and the accompaniment done, today");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND status = 'open'", karen, 0),
		   1, "her call stays: it asks how it goes on her own");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM audit_log WHERE entity = 'match' AND entity_id = %lld"
			     " AND action = 'update' AND detail = 'on_own'", rows[0].id, 0), 1, "the end is audited");
	TAP_INT_EQ(matching_end(&coordinator, rows[0].id, "on_own", NULL), DB_ERR_NOTFOUND,
		   "an ended match cannot end again");
	set_today(today);
	matching_citizen_matches(&coordinator, poul, rows, 4, &n);
	TAP_INT_EQ(matching_end(&coordinator, rows[0].id, "declined", "Vil ikke alligevel"), DB_OK, "Poul declines");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM enrolments WHERE citizen_id = %lld AND ended_on = '2026-11-26'",
			     poul, 0), 1, "declined: the enrolment ends");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND status = 'cancelled'",
			     poul, 0), 1, "and the planned call is withdrawn");
	registry_volunteer(&coordinator, bente, &v);
	TAP_INT_EQ(v.load, 1, "Bente's load is down to Ida");
	finish(db);
}

/* Confirmed in the evening, after the café met at 10:00: the first
 * accompanied session is next week's, the call follows that one, and
 * the card says next week, not this morning. */
static void confirm_in_the_evening(void)
{
	struct db *db = setup("evening.db");
	set_today("2026-11-26 19:30");
	long long karen = add_citizen(db, "Karen Ølgaard", "2026-09-01", "volunteer_help", "8000");
	long long bente = add_volunteer("Bente Ølgaard", 2, "active");
	long long cafe = add_activity("Socialt café", 10, 4);
	struct match_request q = { .citizen_id = karen, .volunteer_id = bente, .activity_id = cafe };
	struct match_confirmed done;
	TAP_INT_EQ(matching_confirm(&coordinator, &q, &done), DB_OK, "evening: the match is confirmed");
	TAP_STR_EQ(done.session_on, "2026-12-03", "evening: the first session is next week's, not this morning's");
	TAP_STR_EQ(done.call_due_on, "2026-12-04", "evening: the call is the day after that one");
	struct citizen_view *v = calloc(1, sizeof *v);
	TAP_INT_EQ(citizens_card(&front_desk, karen, v), DB_OK, "evening: her card");
	struct date day = { 2026, 11, 26 };
	struct next_step step = next_step_decide(&v->facts, day);
	TAP_INT_EQ(step.kind, NEXT_SESSION, "evening: her next step is a session");
	TAP_STR_EQ(v->facts.session_on, "2026-12-03", "evening: the one still to come");
	TAP_STR_EQ(v->facts.session_volunteer, "Bente Ølgaard", "evening: with Bente going along");
	free(v);
	set_today(today);
	finish(db);
}

/* A match confirmed now and the sweep of the call rules later plan the
 * same call: the same key, the same day (the matching screen once had a
 * copy of the rule of its own, and the two disagreed). */
static void confirm_and_sweep_agree(void)
{
	struct db *db = setup("sweep.db");
	long long bente = add_volunteer("Bente Ølgaard", 5, "active");
	long long thursday = add_activity("Socialt café", 10, 4);
	long long friday = add_activity("Brætspilscafé", 10, 5);
	struct match_request asks[] = {
		{ .citizen_id = add_citizen(db, "Karen Ølgaard", "2026-09-01", "volunteer_help", "8000"),
		  .volunteer_id = bente, .activity_id = thursday },
		{ .citizen_id = add_citizen(db, "Poul Ågård", "2026-09-01", "volunteer_help", "8000"),
		  .activity_id = friday },
		{ .citizen_id = add_citizen(db, "Ida Æbelø", "2026-09-01", "volunteer_help", "8000"),
		  .volunteer_id = bente },
	};
	for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++) {
		struct match_confirmed done;
		TAP_INT_EQ(matching_confirm(&coordinator, &asks[i], &done), DB_OK, "match %zu is confirmed", i + 1);
	}
	exec_ok(db, "CREATE TEMP TABLE confirmed AS SELECT source_key, due_on, reason, responsible FROM follow_ups;"
		    "DELETE FROM follow_ups;");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM confirmed"), 3, "each confirm planned one call");
	struct date day;
	date_parse_iso(today, &day);
	struct call_sweep sweep;
	struct desk sweeper = { .db = db, .user = 1, .role = ROLE_COORDINATOR, .users_exist = true };
	TAP_INT_EQ(calls_plan_due(&sweeper, day, false, &sweep), DB_OK, "the sweep runs over the same matches");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM confirmed AS c JOIN follow_ups AS f"
				    " ON f.source_key = c.source_key AND f.due_on = c.due_on AND f.reason = c.reason"
				    " AND f.responsible IS c.responsible"), 3,
		   "and plans each of those calls again: the same key, the same day, the same person");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE source_key LIKE 'first_session:%'"
				    " AND due_on = '2026-11-30'"), 1, "Friday's session is followed up on Monday by both");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), 3,
		   "one match, one call: no call after the match besides the one after the first session");
	TAP_INT_EQ(calls_plan_due(&sweeper, day, false, &sweep), DB_OK, "the sweep runs again");
	TAP_INT_EQ(sweep.created, 0, "and adds nothing");
	finish(db);
}

static void refusals(void)
{
	struct db *db = setup("refusals.db");
	long long c[6];
	for (int i = 0; i < 6; i++) {
		char name[32];
		snprintf(name, sizeof name, "Borger %d", i + 1);
		c[i] = add_citizen(db, name, "2026-10-01", "volunteer_help", "8000");
	}
	long long one = add_volunteer("Ole Ørsted", 1, "active");
	long long paused = add_volunteer("Pia Pause", 2, "paused");
	long long small = add_activity("Lille hold", 1, 3);
	long long ended = add_activity("Slut-holdet", 5, 3);
	registry_set_activity_status(&coordinator, ended, "ended", "Slut");
	struct match_confirmed done;
	struct match_request q = { .citizen_id = c[0], .volunteer_id = one, .activity_id = small };
	TAP_INT_EQ(matching_confirm(&coordinator, &q, &done), DB_OK, "the first match takes the last places");
	struct { struct match_request q; enum match_refusal why; const char *what; } cases[] = {
		{ { c[1], one, 0 }, MATCH_REFUSED_VOLUNTEER_FULL, "a volunteer without a free place" },
		{ { c[1], paused, 0 }, MATCH_REFUSED_VOLUNTEER_NOT_ACTIVE, "a paused volunteer" },
		{ { c[1], 0, small }, MATCH_REFUSED_ACTIVITY_FULL, "a full activity" },
		{ { c[1], 0, ended }, MATCH_REFUSED_ACTIVITY_ENDED, "an ended activity" },
		{ { c[1], 0, 0 }, MATCH_REFUSED_NOTHING, "neither volunteer nor activity" },
		{ { 9999, one, 0 }, MATCH_REFUSED_CITIZEN, "no such citizen" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		TAP_INT_EQ(matching_confirm(&coordinator, &cases[i].q, &done), DB_ERR_CONSTRAINT, "refused: %s",
			   cases[i].what);
		TAP_INT_EQ(done.refusal, cases[i].why, "and told why: %s", cases[i].what);
	}
	long long roomy = add_volunteer("Rasmus Rum", 5, "active");
	long long big = add_activity("Stort hold", 30, 3);
	q = (struct match_request){ c[2], roomy, big };
	matching_confirm(&coordinator, &q, &done);
	TAP_INT_EQ(matching_confirm(&coordinator, &q, &done), DB_ERR_CONSTRAINT, "the same match twice is refused");
	TAP_INT_EQ(done.refusal, MATCH_REFUSED_ALREADY_MATCHED, "already matched with him");
	q.volunteer_id = 0;
	matching_confirm(&coordinator, &q, &done);
	TAP_INT_EQ(done.refusal, MATCH_REFUSED_ALREADY_ENROLLED, "already in the activity");
	end_course(db, c[3], today);
	q = (struct match_request){ c[3], roomy, 0 };
	matching_confirm(&coordinator, &q, &done);
	TAP_INT_EQ(done.refusal, MATCH_REFUSED_CITIZEN, "a citizen whose course ended is not matched");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches"), 2, "no refused match left a row");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments"), 2, "nor an enrolment");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), 2, "nor a call");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'match'"), 2, "nor an audit record");
	finish(db);
}

/* A desk that read "one place free" confirms after another desk took it. */
static void stale_desk(void)
{
	struct db *a = setup("stale.db");
	struct db *b = open_db("stale.db");
	struct desk desk_b = desk_on(b, 1, ROLE_COORDINATOR);
	long long c1 = add_citizen(a, "Karen Ølgaard", "2026-10-01", "volunteer_help", "8000");
	long long c2 = add_citizen(a, "Poul Ågård", "2026-10-01", "volunteer_help", "8000");
	long long bente = add_volunteer("Bente Ølgaard", 1, "active");
	struct matching_citizen m;
	matching_citizen_view(&desk_b, c2, &m);
	TAP_CHECK(m.nranked[0] == 1 && m.pool->volunteers[0].load == 0, "desk B sees a free place");
	matching_citizen_free(&m);
	struct match_confirmed done;
	struct match_request q1 = { c1, bente, 0 }, q2 = { c2, bente, 0 };
	TAP_INT_EQ(matching_confirm(&coordinator, &q1, &done), DB_OK, "desk A takes it");
	TAP_INT_EQ(matching_confirm(&desk_b, &q2, &done), DB_ERR_CONSTRAINT, "desk B's confirm is refused");
	TAP_INT_EQ(done.refusal, MATCH_REFUSED_VOLUNTEER_FULL, "because the place is gone");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM matches WHERE ended_on IS NULL"), 1, "one match, not two");
	matching_release();
	db_close(b);
	finish(a);
}

enum { PER_DESK = 12, VOLUNTEER_PLACES = 3, ACTIVITY_PLACES = 5 };

/* One desk: its own process and connection, confirming its citizens as
 * fast as it can. Exits with the number it got through. */
static int desk(int which, long long volunteer, long long activity, const long long *citizens)
{
	struct db *db = open_db("race.db");
	db_set_busy_timeout(db, 20000);
	struct desk d = desk_on(db, 1, ROLE_COORDINATOR);
	int ok = 0;
	for (int i = 0; i < PER_DESK; i++) {
		long long citizen = citizens[which * PER_DESK + i];
		struct match_confirmed done;
		struct match_request q = { citizen, i % 2 ? volunteer : 0, i % 2 ? 0 : activity };
		enum db_status r = matching_confirm(&d, &q, &done);
		if (r == DB_OK)
			ok++;
		else if (r != DB_ERR_CONSTRAINT)
			printf("# desk %d: unexpected status %d\n", which, (int)r);
	}
	db_close(db);
	return ok;
}

static void two_desks_at_once(void)
{
	struct db *db = setup("race.db");
	long long citizens[2 * PER_DESK];
	for (int i = 0; i < 2 * PER_DESK; i++) {
		char name[32];
		snprintf(name, sizeof name, "Borger %02d", i);
		citizens[i] = add_citizen(db, name, "2026-10-01", "volunteer_help", "8000");
	}
	long long volunteer = add_volunteer("Bente Ølgaard", VOLUNTEER_PLACES, "active");
	long long activity = add_activity("Socialt café", ACTIVITY_PLACES, 2);
	finish(db);
	fflush(stdout);
	pid_t pid[2];
	for (int d = 0; d < 2; d++) {
		pid[d] = fork();
		if (pid[d] == 0)
			_exit(desk(d, volunteer, activity, citizens));
	}
	int total = 0;
	for (int d = 0; d < 2; d++) {
		int status = 0;
		waitpid(pid[d], &status, 0);
		TAP_CHECK(WIFEXITED(status), "desk %d finished", d + 1);
		total += WIFEXITED(status) ? WEXITSTATUS(status) : 0;
	}
	db = open_db("race.db");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM matches WHERE volunteer_id = %lld AND ended_on IS NULL",
			     volunteer, 0), VOLUNTEER_PLACES, "the volunteer has exactly her places filled");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM enrolments WHERE activity_id = %lld AND ended_on IS NULL",
			     activity, 0), ACTIVITY_PLACES, "the activity has exactly its places filled");
	TAP_INT_EQ(total, VOLUNTEER_PLACES + ACTIVITY_PLACES, "the desks together got exactly that many through");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches"), VOLUNTEER_PLACES + ACTIVITY_PLACES,
		   "and no refused attempt left a match behind");
	db_close(db);
}


/* The rule the waiting list follows, written out plainly: the stored day
 * (citizens.waiting_since, kept by migration 15's triggers) must be what
 * it says, for every citizen, whoever wrote what. */
#define RULE_SINCE \
	"(CASE WHEN c.status = 'active'" \
	"  AND COALESCE((SELECT outcome FROM assessments WHERE citizen_id = c.id" \
	"   ORDER BY assessed_on DESC, id DESC LIMIT 1), 'volunteer_help') = 'volunteer_help'" \
	"  AND NOT EXISTS (SELECT 1 FROM matches WHERE citizen_id = c.id AND ended_on IS NULL)" \
	" THEN max(COALESCE((SELECT assessed_on FROM assessments WHERE citizen_id = c.id" \
	"   ORDER BY assessed_on DESC, id DESC LIMIT 1), '')," \
	"  COALESCE((SELECT max(ended_on) FROM matches WHERE citizen_id = c.id), '')," \
	"  COALESCE((SELECT max(referred_on) FROM referrals WHERE citizen_id = c.id), substr(c.created_at, 1, 10)))" \
	" END)"

static long long waiting_wrong(struct db *db)
{
	return testdb_count(db, "SELECT count(*) FROM citizens AS c WHERE c.waiting_since IS NOT " RULE_SINCE);
}

static void waiting_kept(void)
{
	struct db *db = open_db("waiting-kept.db");
	struct demo_options opt = { .citizens = 300, .seed = 5 };
	date_parse_iso(today, &opt.today);
	struct demo_summary sum;
	TAP_INT_EQ(demo_generate(db, &opt, &sum), DB_OK, "a demo centre");
	TAP_CHECK(testdb_count(db, "SELECT count(*) FROM citizens WHERE waiting_since IS NOT NULL") > 20,
		  "in which many wait");
	TAP_INT_EQ(waiting_wrong(db), 0, "every citizen's waiting day is the rule's after the demo wrote them");
	long long waiting = testdb_count(db, "SELECT min(id) FROM citizens WHERE waiting_since IS NOT NULL");
	long long matched = testdb_count(db, "SELECT min(citizen_id) FROM matches WHERE ended_on IS NULL");
	char sql[600];
	/* Each fact the rule reads, changed as a use case or another tool would. */
	snprintf(sql, sizeof sql,
		 "INSERT INTO assessments(citizen_id, assessed_on, outcome) VALUES (%lld, '2026-11-20', 'professional_help');"
		 "INSERT INTO referrals(citizen_id, referred_on, source) VALUES (%lld, '2026-11-25', 'self');",
		 waiting, waiting);
	exec_ok(db, sql);
	TAP_INT_EQ(waiting_wrong(db), 0, "after an assessment for professional help and a new referral");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM citizens WHERE id = %lld AND waiting_since IS NULL", waiting, 0),
		   1, "who was waiting waits no more");
	snprintf(sql, sizeof sql,
		 "UPDATE assessments SET outcome = 'volunteer_help' WHERE citizen_id = %lld AND assessed_on = '2026-11-20';"
		 "UPDATE matches SET ended_on = '2026-11-24', outcome = 'on_own' WHERE citizen_id = %lld AND ended_on IS NULL;",
		 waiting, matched);
	exec_ok(db, sql);
	TAP_INT_EQ(waiting_wrong(db), 0, "after the assessment is changed and a match ends");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM citizens WHERE id = %lld AND waiting_since = '2026-11-25'",
			     waiting, 0), 1, "she waits again, since the latest referral");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM citizens WHERE id = %lld AND waiting_since >= '2026-11-24'",
			     matched, 0), 1, "the one whose match ended waits from its end");
	struct desk d = desk_command_line(db);
	long long version = count_fmt(db, "SELECT version FROM citizens WHERE id = %lld", waiting, 0);
	TAP_INT_EQ(citizens_end_course(&d, waiting, version, "moved"), DB_OK, "a course ends");
	TAP_INT_EQ(waiting_wrong(db), 0, "after it ended");
	TAP_INT_EQ(citizens_reopen_course(&d, waiting, version + 1), DB_OK, "and is opened again");
	TAP_INT_EQ(waiting_wrong(db), 0, "after it was reopened");
	snprintf(sql, sizeof sql, "DELETE FROM matches WHERE citizen_id = %lld; DELETE FROM assessments WHERE citizen_id = %lld;"
		 "UPDATE referrals SET citizen_id = %lld WHERE citizen_id = %lld;", matched, waiting, matched, waiting);
	exec_ok(db, sql);
	TAP_INT_EQ(waiting_wrong(db), 0, "after matches and assessments are deleted and referrals move");
	long long anyone = testdb_count(db, "SELECT count(*) FROM citizens");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens AS c WHERE c.waiting_since IS " RULE_SINCE), anyone,
		   "and every citizen still agrees with the rule");
	db_close(db);
}

/* Rows whose kept count of open matches or enrolments (migration 32)
 * is not the count itself. */
static long long loads_wrong(struct db *db)
{
	return testdb_count(db, "SELECT (SELECT count(*) FROM volunteers AS v WHERE v.open_matches IS NOT"
				"  (SELECT count(*) FROM matches AS m WHERE m.volunteer_id = v.id AND m.ended_on IS NULL))"
				" + (SELECT count(*) FROM activities AS a WHERE a.enrolled IS NOT"
				"  (SELECT count(*) FROM enrolments AS e WHERE e.activity_id = a.id AND e.ended_on IS NULL))");
}

/* A volunteer's open matches and an activity's enrolments are kept on
 * their rows, whatever writes them; a row not counted yet (another
 * centre's on PostgreSQL) is counted by the pool itself. */
static void loads_kept(void)
{
	struct db *db = open_db("loads-kept.db");
	struct demo_options opt = { .citizens = 300, .seed = 5 };
	date_parse_iso(today, &opt.today);
	struct demo_summary sum;
	TAP_INT_EQ(demo_generate(db, &opt, &sum), DB_OK, "a demo centre");
	TAP_CHECK(testdb_count(db, "SELECT sum(open_matches) FROM volunteers") > 5
		  && testdb_count(db, "SELECT sum(enrolled) FROM activities") > 5, "in which volunteers and activities have people");
	TAP_INT_EQ(loads_wrong(db), 0, "every count agrees after the demo wrote them");
	long long busy = testdb_count(db, "SELECT min(volunteer_id) FROM matches WHERE ended_on IS NULL");
	long long other = testdb_count(db, "SELECT max(id) FROM volunteers");
	long long course = testdb_count(db, "SELECT min(activity_id) FROM enrolments WHERE ended_on IS NULL");
	char sql[700];
	snprintf(sql, sizeof sql,
		 "UPDATE matches SET ended_on = '2026-11-24', outcome = 'on_own' WHERE id = (SELECT min(id) FROM matches"
		 " WHERE volunteer_id = %lld AND ended_on IS NULL);"
		 "UPDATE matches SET volunteer_id = %lld WHERE id = (SELECT max(id) FROM matches"
		 " WHERE volunteer_id = %lld AND ended_on IS NULL);"
		 "UPDATE enrolments SET ended_on = '2026-11-24' WHERE id = (SELECT min(id) FROM enrolments"
		 " WHERE activity_id = %lld AND ended_on IS NULL);",
		 busy, other, busy, course);
	exec_ok(db, sql);
	TAP_INT_EQ(loads_wrong(db), 0, "after a match ends, one moves to another volunteer and an enrolment ends");
	long long gone = testdb_count(db, "SELECT min(citizen_id) FROM enrolments WHERE ended_on IS NULL");
	snprintf(sql, sizeof sql, "DELETE FROM matches WHERE volunteer_id = %lld; DELETE FROM citizens WHERE id = %lld;",
		 other, gone);
	exec_ok(db, sql);
	TAP_INT_EQ(loads_wrong(db), 0, "after matches are deleted and a citizen with enrolments is forgotten");
	/* Not counted yet: the pool counts them, the same numbers. */
	struct match_pool kept_counts, counted;
	TAP_INT_EQ(store_matching_pool_load(db, &kept_counts, NULL), DB_OK, "the pool from the kept counts");
	exec_ok(db, "UPDATE volunteers SET open_matches = NULL; UPDATE activities SET enrolled = NULL;");
	TAP_INT_EQ(store_matching_pool_load(db, &counted, NULL), DB_OK, "the pool with nothing counted on the rows");
	bool same = kept_counts.nvolunteers == counted.nvolunteers && kept_counts.nactivities == counted.nactivities;
	int busy_ones = 0;
	for (int i = 0; same && i < counted.nvolunteers; i++) {
		same = kept_counts.volunteers[i].id == counted.volunteers[i].id
		       && kept_counts.volunteers[i].load == counted.volunteers[i].load;
		busy_ones += counted.volunteers[i].load > 0;
	}
	for (int i = 0; same && i < counted.nactivities; i++)
		same = kept_counts.activities[i].load == counted.activities[i].load;
	TAP_CHECK(same && busy_ones > 0, "both pools have the same loads (%d volunteers with someone)", busy_ones);
	store_matching_pool_free(&kept_counts);
	store_matching_pool_free(&counted);
	db_close(db);
}

/* The pool keeps whole the volunteers and activities with a free place
 * alone, the rest closed; every citizen ranks the same as over a pool
 * with everyone whole: lines, scores and the counts of who is not shown
 * and why (a full volunteer they are already matched with, or tried,
 * counts as that, not as full). */
static void pool_details(void)
{
	struct date day;
	date_parse_iso(today, &day);
	struct db *db = NULL;
	bool made = testdb_demo("details.db", 3000, 7, 1, day, &db);
	TAP_CHECK(made, "a demo centre of 3,000");
	if (!made) {
		if (db)
			db_close(db);
		return;
	}
	/* Where every place is taken: one volunteer in seven gets one more. */
	TAP_INT_EQ(db_exec(db, "UPDATE volunteers SET capacity = capacity + 1 WHERE id % 7 = 0"), DB_OK,
		   "some volunteers take one more");
	TAP_INT_EQ(db_exec(db, "UPDATE activities SET capacity = capacity + 1 WHERE id % 3 = 0"), DB_OK,
		   "some activities take one more");
	/* The sort key is the name's (src/textkeys.c): the pool finds a
	 * namesake through it. */
	TAP_INT_EQ(db_exec(db, "UPDATE volunteers SET (name, sort_key) = (SELECT name, sort_key FROM volunteers WHERE id = 1)"
			       " WHERE id = 2"),
		   DB_OK, "two volunteers of one name");
	static const struct match_pool_keep open_only = { match_volunteer_open, match_activity_open };
	struct match_pool all, open;
	TAP_INT_EQ(store_matching_pool_load(db, &all, NULL), DB_OK, "the pool with everyone whole");
	TAP_INT_EQ(store_matching_pool_load(db, &open, &open_only), DB_OK, "the pool with the open ones whole");
	match_pool_ready(&all);
	match_pool_ready(&open);
	int told_apart = 0, plain = 0;
	for (int i = 0; i < all.nvolunteers; i++) {
		size_t n = strlen(all.volunteers[i].name);
		bool tagged = n > 0 && all.volunteers[i].name[n - 1] == ')';
		if (all.volunteers[i].id <= 2)
			told_apart += all.volunteers[i].namesake && tagged;
		else
			plain += !all.volunteers[i].namesake && !tagged;
	}
	TAP_CHECK(told_apart == 2 && plain == all.nvolunteers - 2,
		  "the two of one name are told apart in the pool, nobody else (%d, %d of %d)", told_apart, plain,
		  all.nvolunteers - 2);
	TAP_CHECK(all.nclosed_volunteers == 0 && all.nclosed_activities == 0, "nothing closed without a rule");
	TAP_CHECK(open.nvolunteers > 0 && open.nvolunteers * 4 < all.nvolunteers
		  && open.nvolunteers + open.nclosed_volunteers == all.nvolunteers,
		  "few volunteers have a free place (%d of %d): each read on its own", open.nvolunteers,
		  all.nvolunteers);
	TAP_CHECK(open.nactivities > 0 && open.nactivities + open.nclosed_activities == all.nactivities,
		  "activities: %d open of %d", open.nactivities, all.nactivities);
	int most = all.nvolunteers > all.nactivities ? all.nvolunteers : all.nactivities;
	struct match_ranked *ra = calloc((size_t)most + 1, sizeof *ra);
	struct match_ranked *ro = calloc((size_t)most + 1, sizeof *ro);
	struct db_stmt *st;
	int citizens = 0, same = 0, lines = 0, linked_full = 0;
	if (ra && ro && db_prepare(db, &st, "SELECT id FROM citizens WHERE status = 'active' ORDER BY id LIMIT 40")
			== DB_OK) {
		while (db_step(st) == DB_ROW) {
			struct match_citizen_facts c;
			if (store_matching_citizen_facts(db, db_column_int(st, 0), &c) != DB_OK)
				break;
			match_citizen_ready(&c, NULL, 0);
			bool ok = true;
			for (int list = 0; list < 2; list++) {
				bool vols = list == 0;
				int fa[ML_COUNT], fo[ML_COUNT];
				int na = match_rank(&c, &all, vols, ra, fa), no = match_rank(&c, &open, vols, ro, fo);
				ok = ok && na == no && memcmp(fa, fo, sizeof fa) == 0;
				for (int i = 0; ok && i < na; i++)
					ok = ra[i].id == ro[i].id && ra[i].score == ro[i].score
					     && (vols ? memcmp(&all.volunteers[ra[i].index], &open.volunteers[ro[i].index],
							       sizeof all.volunteers[0])
						 : memcmp(&all.activities[ra[i].index], &open.activities[ro[i].index],
							  sizeof all.activities[0])) == 0;
				lines += na;
				linked_full += fo[vols ? ML_ALREADY_MATCHED : ML_ALREADY_ENROLLED];
			}
			citizens++;
			same += ok;
		}
		db_finalize(st);
	}
	TAP_CHECK(citizens == 40 && same == citizens && lines > 0 && linked_full > 0,
		  "40 citizens rank the same over both (%d of %d, %d lines, %d already theirs)", same, citizens, lines,
		  linked_full);
	free(ra);
	free(ro);
	store_matching_pool_free(&all);
	store_matching_pool_free(&open);
	db_close(db);
}

int main(void)
{
	dbrules_install();
	setenv("BROBYGGER_TODAY", today, 0);
	if (!testdb_start("matching"))
		return 1;
	waiting();
	pool_kept();
	pool_details();
	confirm_and_end();
	confirm_in_the_evening();
	confirm_and_sweep_agree();
	refusals();
	stale_desk();
	two_desks_at_once();
	waiting_kept();
	loads_kept();
	testdb_finish();
	return tap_done();
}
