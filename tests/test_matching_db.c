/* Matching in the database, on temporary files: who is waiting and since
 * when, the facts behind the score, confirming a match (match, enrolment,
 * first session, follow-up call, the next step on the card), every reason
 * a confirm is refused, ending a match, and that capacity is never
 * exceeded: not by a desk that read an old count, and not by two desks
 * (two processes, two connections) confirming at the same moment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "intake.h"
#include "match.h"
#include "nextstep.h"
#include "store_citizens.h"
#include "store_matching.h"
#include "store_registry.h"
#include "tap.h"
#include "testdb.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static long long coordinator;
static const char *today = "2026-11-26"; /* a Thursday */


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

static long long add_citizen(struct db *db, const char *name, const char *referred_on, const char *assessment,
			     const char *postcode)
{
	struct citizen_card c;
	memset(&c, 0, sizeof c);
	SET(c.citizen.name, name);
	SET(c.citizen.postcode, postcode);
	SET(c.referral.referred_on, referred_on);
	SET(c.referral.source, "self");
	c.consent.registration = true;
	SET(c.consent.given_on, referred_on);
	if (assessment[0]) {
		SET(c.assessment.outcome, assessment);
		SET(c.assessment.assessed_on, referred_on);
		if (strcmp(assessment, "professional_help") == 0)
			SET(c.assessment.handover_to, "Socialpsykiatrien");
	}
	c.interests[0] = 1; /* Gåture */
	c.ninterests = 1;
	c.barriers[0] = 1;  /* Angst */
	c.nbarriers = 1;
	c.availability = AVAIL_BIT(4, 0);
	long long id = 0;
	struct desk d = { .db = db, .user = coordinator, .role = ROLE_COORDINATOR, .users_exist = true };
	if (intake_register(&d, &c, 0, &id) != DB_OK)
		printf("# intake of %s failed: %s\n", name, db_errdetail(db));
	return id;
}

static long long add_volunteer(struct db *db, const char *name, int capacity, const char *status)
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
	store_volunteers_save(db, coordinator, &v, 0, &id);
	return id;
}

static long long add_activity(struct db *db, const char *name, int capacity, int weekday)
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
	store_activities_save(db, coordinator, &a, 0, today, &id);
	return id;
}

static struct db *setup(const char *name)
{
	struct db *db = open_db(name);
	db_exec(db, "INSERT INTO users(name, role) VALUES ('Kirsten Åby', 'coordinator')");
	coordinator = db_last_insert_id(db);
	return db;
}

static void waiting(void)
{
	struct db *db = setup("waiting.db");
	long long karen = add_citizen(db, "Karen Ølgaard", "2026-09-01", "volunteer_help", "8000");
	long long poul = add_citizen(db, "Poul Ågård", "2026-10-01", "", "8000");
	long long anna = add_citizen(db, "Anna Berg", "2026-08-01", "professional_help", "8000");
	long long erik = add_citizen(db, "Erik Aagaard", "2026-07-01", "volunteer_help", "8000");
	long long jens = add_citizen(db, "Jens Dam", "2026-06-01", "volunteer_help", "8000");
	struct citizen_card card;
	store_citizens_card(db, jens, &card, NULL);
	store_citizens_end(db, jens, card.citizen.version, "2026-11-01", "moved");

	struct waiting_citizen w[10];
	int n = 0;
	TAP_INT_EQ(store_matching_waiting(db, 0, 10, w, &n), DB_OK, "the waiting list is read");
	TAP_INT_EQ(n, 3, "three wait: not the one handed over, not the one whose course ended");
	TAP_CHECK(n == 3 && w[0].id == erik && w[1].id == karen && w[2].id == poul, "longest waiting first");
	TAP_CHECK(n == 3 && strcmp(w[0].waiting_since, "2026-07-01") == 0, "waiting since the assessment");
	TAP_CHECK(n == 3 && strcmp(w[2].assessment, "") == 0, "one not assessed yet waits too");
	long long count = 0;
	store_matching_waiting_count(db, &count);
	TAP_INT_EQ(count, 3, "and is counted");
	(void)anna;

	long long bente = add_volunteer(db, "Bente Ølgaard", 2, "active");
	struct match_confirmed done;
	struct match_request q = { .citizen_id = erik, .volunteer_id = bente, .today = today };
	TAP_INT_EQ(store_matching_confirm(db, coordinator, &q, &done), DB_OK, "Erik is matched");
	store_matching_waiting(db, 0, 10, w, &n);
	TAP_CHECK(n == 2 && w[0].id == karen, "a citizen with an open match waits no more");
	store_matching_end(db, coordinator, done.match_id, today, "did_not_work", "Kemien passede ikke");
	store_matching_waiting(db, 0, 10, w, &n);
	TAP_CHECK(n == 3 && w[2].id == erik && strcmp(w[2].waiting_since, today) == 0,
		  "after a match ended they wait again, since the end");

	struct match_citizen_facts facts[3];
	store_matching_waiting_facts(db, 3, facts, &n);
	TAP_CHECK(n == 3 && facts[0].id == karen && facts[2].id == erik, "the proposal takes them in the same order");
	TAP_CHECK(facts[0].anxiety && facts[0].postcode == 8000 && facts[0].ninterests == 1
		  && facts[0].availability == AVAIL_BIT(4, 0), "with the facts for the score");

	struct match_wishes wish = { .pref_lived_experience = true };
	SET(wish.pref_gender, "woman");
	SET(wish.pref_age, "similar");
	SET(wish.language, "Arabisk");
	TAP_INT_EQ(store_matching_set_wishes(db, coordinator, karen, &wish), DB_OK, "wishes are saved");
	struct match_wishes got;
	store_matching_get_wishes(db, karen, &got);
	TAP_CHECK(strcmp(got.pref_gender, "woman") == 0 && strcmp(got.pref_age, "similar") == 0
		  && got.pref_lived_experience && strcmp(got.language, "Arabisk") == 0, "and read back");
	struct match_citizen_facts f;
	store_matching_citizen_facts(db, karen, &f);
	TAP_CHECK(strcmp(f.language, "arabisk") == 0 && strcmp(f.language_label, "Arabisk") == 0
		  && strcmp(f.pref_gender, "woman") == 0 && f.pref_lived_experience, "the facts carry the wishes");
	db_close(db);
}

static void confirm_and_end(void)
{
	struct db *db = setup("confirm.db");
	long long karen = add_citizen(db, "Karen Ølgaard", "2026-09-01", "volunteer_help", "8000");
	long long bente = add_volunteer(db, "Bente Ølgaard", 2, "active");
	long long cafe = add_activity(db, "Socialt café", 10, 4);

	struct match_pool pool;
	TAP_INT_EQ(store_matching_pool_load(db, &pool), DB_OK, "the pool is loaded");
	TAP_CHECK(pool.nvolunteers == 1 && pool.nactivities == 1 && strcmp(pool.volunteers[0].languages[0], "dansk") == 0
		  && pool.volunteers[0].availability == AVAIL_BIT(4, 0) && pool.activities[0].practice,
		  "with languages folded, times and the kind of community");
	struct match_citizen_facts f;
	store_matching_citizen_facts(db, karen, &f);
	struct match_ranked ranked[2];
	TAP_INT_EQ(match_rank(&f, &pool, true, ranked, NULL), 1, "Bente is a candidate");
	store_matching_pool_free(&pool);

	/* Her card before: assessed, waiting. */
	struct citizen_facts cf;
	struct date day;
	date_parse_iso(today, &day);
	store_citizens_facts(db, karen, today, &cf);
	TAP_INT_EQ(next_step_decide(&cf, day).kind, NEXT_MATCH_WAITING, "before: waiting for a match");

	/* A "no contact" call planned while she waited is what the match
	 * answers: it must not stay her next step. */
	char nc[200];
	snprintf(nc, sizeof nc, "INSERT INTO follow_ups(citizen_id, reason, due_on, source_key)"
		 " VALUES (%lld, 'no_contact', '%s', 'no_contact:%lld')", karen, today, karen);
	TAP_INT_EQ(db_exec(db, nc), DB_OK, "a no-contact call is planned for today");

	struct match_request q = { .citizen_id = karen, .volunteer_id = bente, .activity_id = cafe, .today = today };
	struct match_confirmed done;
	TAP_INT_EQ(store_matching_confirm(db, coordinator, &q, &done), DB_OK, "the match is confirmed");
	TAP_CHECK(done.match_id > 0 && done.session_id > 0, "a match and a first session");
	TAP_STR_EQ(done.session_on, "2026-11-26", "the first session is the next one, today's");
	TAP_STR_EQ(done.call_due_on, "2026-11-27", "the call is the day after");
	char sql[300];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM matches WHERE id = %lld AND citizen_id = %lld AND volunteer_id = %lld"
		 " AND activity_id = %lld AND matched_on = '%s' AND matched_by = %lld AND first_session_id = %lld",
		 done.match_id, karen, bente, cafe, today, coordinator, done.session_id);
	TAP_INT_EQ(testdb_count(db, sql), 1, "who, with whom, when and by whom is recorded");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM enrolments WHERE citizen_id = %lld AND activity_id = %lld"
		 " AND enrolled_on = '%s' AND ended_on IS NULL", karen, cafe, today);
	TAP_INT_EQ(testdb_count(db, sql), 1, "she is enrolled in the café");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND reason = 'after_first_session'"
		 " AND due_on = '2026-11-27' AND responsible = %lld AND status = 'open'"
		 " AND source_key = 'first_session:%lld'", karen, bente, done.match_id);
	TAP_INT_EQ(testdb_count(db, sql), 1, "a call after the first session, Bente responsible");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND reason = 'no_contact'"
		 " AND status = 'cancelled'", karen);
	TAP_INT_EQ(testdb_count(db, sql), 1, "the no-contact call is cancelled by the match");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE entity = 'match' AND entity_id = %lld"
		 " AND user_id = %lld", done.match_id, coordinator);
	TAP_INT_EQ(testdb_count(db, sql), 1, "the match is in the audit log");
	TAP_INT_EQ(store_matching_log_view(db, coordinator, karen), DB_OK, "opening her matching screen is logged");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE entity = 'citizen' AND entity_id = %lld"
		 " AND action = 'view' AND detail = 'matching'", karen);
	TAP_INT_EQ(testdb_count(db, sql), 1, "as a view of the citizen");

	store_citizens_facts(db, karen, today, &cf);
	struct next_step step = next_step_decide(&cf, day);
	TAP_INT_EQ(step.kind, NEXT_SESSION, "after: her next step is the session");
	TAP_STR_EQ(cf.session_volunteer, "Bente Ølgaard", "with Bente going along");
	TAP_STR_EQ(cf.session_activity, "Socialt café", "at the café");

	struct volunteer_record v;
	store_volunteers_get(db, bente, &v);
	TAP_INT_EQ(v.load, 1, "Bente's load is 1 of 2");
	struct match_row rows[4];
	int n = 0;
	store_matching_volunteer_matches(db, bente, rows, 4, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].citizen, "Karen Ølgaard") == 0, "and Karen is on her list");
	store_matching_citizen_matches(db, karen, rows, 4, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].first_session_on, "2026-11-26") == 0
		  && strcmp(rows[0].matched_by, "Kirsten Åby") == 0, "the citizen's matches show the first session");

	/* A Friday session's call is on Monday; a match without a session
	 * gets a call two weeks on. */
	long long friday = add_activity(db, "Brætspilscafé", 10, 5);
	long long poul = add_citizen(db, "Poul Ågård", "2026-10-01", "volunteer_help", "8000");
	q = (struct match_request){ .citizen_id = poul, .activity_id = friday, .today = today };
	store_matching_confirm(db, coordinator, &q, &done);
	TAP_CHECK(strcmp(done.session_on, "2026-11-27") == 0 && strcmp(done.call_due_on, "2026-11-30") == 0,
		  "Friday's session, the call on Monday");
	long long ida = add_citizen(db, "Ida Æbelø", "2026-10-01", "volunteer_help", "8000");
	q = (struct match_request){ .citizen_id = ida, .volunteer_id = bente, .today = today };
	store_matching_confirm(db, coordinator, &q, &done);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND reason = 'after_match'"
		 " AND due_on = '2026-12-10' AND source_key = 'match:%lld'", ida, done.match_id);
	TAP_INT_EQ(testdb_count(db, sql), 1, "a volunteer alone: a call after two weeks");
	store_citizens_facts(db, ida, today, &cf);
	TAP_INT_EQ(next_step_decide(&cf, day).kind, NEXT_CALL_LATER, "her next step is that call");

	/* Ending: on her own keeps the café, did-not-work ends it. */
	store_matching_citizen_matches(db, karen, rows, 4, &n);
	TAP_INT_EQ(store_matching_end(db, coordinator, rows[0].id, "2026-12-10", "on_own", "Kommer selv nu"), DB_OK,
		   "Karen goes on her own");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM enrolments WHERE citizen_id = %lld AND ended_on IS NULL", karen);
	TAP_INT_EQ(testdb_count(db, sql), 1, "she stays enrolled");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM matches WHERE id = %lld AND outcome = 'on_own'"
		 " AND accompaniment_done_on = '2026-12-10' AND end_reason = 'Kommer selv nu'", rows[0].id);
	TAP_INT_EQ(testdb_count(db, sql), 1, "the outcome, the reason and the accompaniment done");
	TAP_INT_EQ(store_matching_end(db, coordinator, rows[0].id, "2026-12-10", "on_own", NULL), DB_ERR_NOTFOUND,
		   "an ended match cannot end again");
	store_matching_citizen_matches(db, poul, rows, 4, &n);
	store_matching_end(db, coordinator, rows[0].id, "2026-11-26", "declined", "Vil ikke alligevel");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM enrolments WHERE citizen_id = %lld AND ended_on = '2026-11-26'", poul);
	TAP_INT_EQ(testdb_count(db, sql), 1, "declined: the enrolment ends");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND status = 'cancelled'", poul);
	TAP_INT_EQ(testdb_count(db, sql), 1, "and the planned call is cancelled");
	store_volunteers_get(db, bente, &v);
	TAP_INT_EQ(v.load, 1, "Bente's load is down to Ida");
	db_close(db);
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
	long long one = add_volunteer(db, "Ole Ørsted", 1, "active");
	long long paused = add_volunteer(db, "Pia Pause", 2, "paused");
	long long small = add_activity(db, "Lille hold", 1, 3);
	long long ended = add_activity(db, "Slut-holdet", 5, 3);
	store_activities_set_status(db, coordinator, ended, "ended", today, "Slut");
	struct match_confirmed done;
	struct match_request q = { .citizen_id = c[0], .volunteer_id = one, .activity_id = small, .today = today };
	TAP_INT_EQ(store_matching_confirm(db, coordinator, &q, &done), DB_OK, "the first match takes the last places");
	struct { struct match_request q; enum match_refusal why; const char *what; } cases[] = {
		{ { c[1], one, 0, today }, MATCH_REFUSED_VOLUNTEER_FULL, "a volunteer without a free place" },
		{ { c[1], paused, 0, today }, MATCH_REFUSED_VOLUNTEER_NOT_ACTIVE, "a paused volunteer" },
		{ { c[1], 0, small, today }, MATCH_REFUSED_ACTIVITY_FULL, "a full activity" },
		{ { c[1], 0, ended, today }, MATCH_REFUSED_ACTIVITY_ENDED, "an ended activity" },
		{ { c[1], 0, 0, today }, MATCH_REFUSED_NOTHING, "neither volunteer nor activity" },
		{ { 9999, one, 0, today }, MATCH_REFUSED_CITIZEN, "no such citizen" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		TAP_INT_EQ(store_matching_confirm(db, coordinator, &cases[i].q, &done), DB_ERR_CONSTRAINT, "refused: %s",
			   cases[i].what);
		TAP_INT_EQ(done.refusal, cases[i].why, "and told why: %s", cases[i].what);
	}
	long long roomy = add_volunteer(db, "Rasmus Rum", 5, "active");
	long long big = add_activity(db, "Stort hold", 30, 3);
	q = (struct match_request){ c[2], roomy, big, today };
	store_matching_confirm(db, coordinator, &q, &done);
	TAP_INT_EQ(store_matching_confirm(db, coordinator, &q, &done), DB_ERR_CONSTRAINT, "the same match twice is refused");
	TAP_INT_EQ(done.refusal, MATCH_REFUSED_ALREADY_MATCHED, "already matched with him");
	q.volunteer_id = 0;
	store_matching_confirm(db, coordinator, &q, &done);
	TAP_INT_EQ(done.refusal, MATCH_REFUSED_ALREADY_ENROLLED, "already in the activity");
	struct citizen_card card;
	store_citizens_card(db, c[3], &card, NULL);
	store_citizens_end(db, c[3], card.citizen.version, today, "moved");
	q = (struct match_request){ c[3], roomy, 0, today };
	store_matching_confirm(db, coordinator, &q, &done);
	TAP_INT_EQ(done.refusal, MATCH_REFUSED_CITIZEN, "a citizen whose course ended is not matched");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches"), 2, "no refused match left a row");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments"), 2, "nor an enrolment");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), 2, "nor a call");
	db_close(db);
}

/* A desk that read "one place free" confirms after another desk took it. */
static void stale_desk(void)
{
	struct db *a = setup("stale.db");
	struct db *b = open_db("stale.db");
	long long c1 = add_citizen(a, "Karen Ølgaard", "2026-10-01", "volunteer_help", "8000");
	long long c2 = add_citizen(a, "Poul Ågård", "2026-10-01", "volunteer_help", "8000");
	long long bente = add_volunteer(a, "Bente Ølgaard", 1, "active");
	struct match_pool pool;
	store_matching_pool_load(b, &pool);
	TAP_CHECK(pool.nvolunteers == 1 && pool.volunteers[0].load == 0, "desk B sees a free place");
	store_matching_pool_free(&pool);
	struct match_confirmed done;
	struct match_request q1 = { c1, bente, 0, today }, q2 = { c2, bente, 0, today };
	TAP_INT_EQ(store_matching_confirm(a, coordinator, &q1, &done), DB_OK, "desk A takes it");
	TAP_INT_EQ(store_matching_confirm(b, coordinator, &q2, &done), DB_ERR_CONSTRAINT, "desk B's confirm is refused");
	TAP_INT_EQ(done.refusal, MATCH_REFUSED_VOLUNTEER_FULL, "because the place is gone");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM matches WHERE ended_on IS NULL"), 1, "one match, not two");
	db_close(b);
	db_close(a);
}

enum { PER_DESK = 12, VOLUNTEER_PLACES = 3, ACTIVITY_PLACES = 5 };

/* One desk: its own process and connection, confirming its citizens as
 * fast as it can. Exits with the number it got through. */
static int desk(int which, long long volunteer, long long activity, const long long *citizens)
{
	struct db *db = open_db("race.db");
	db_set_busy_timeout(db, 20000);
	int ok = 0;
	for (int i = 0; i < PER_DESK; i++) {
		long long citizen = citizens[which * PER_DESK + i];
		struct match_confirmed done;
		struct match_request q = { citizen, i % 2 ? volunteer : 0, i % 2 ? 0 : activity, today };
		enum db_status r = store_matching_confirm(db, coordinator, &q, &done);
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
	long long volunteer = add_volunteer(db, "Bente Ølgaard", VOLUNTEER_PLACES, "active");
	long long activity = add_activity(db, "Socialt café", ACTIVITY_PLACES, 2);
	db_close(db);
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
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM matches WHERE volunteer_id = %lld AND ended_on IS NULL", volunteer);
	TAP_INT_EQ(testdb_count(db, sql), VOLUNTEER_PLACES, "the volunteer has exactly her places filled");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM enrolments WHERE activity_id = %lld AND ended_on IS NULL", activity);
	TAP_INT_EQ(testdb_count(db, sql), ACTIVITY_PLACES, "the activity has exactly its places filled");
	TAP_INT_EQ(total, VOLUNTEER_PLACES + ACTIVITY_PLACES, "the desks together got exactly that many through");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches"), VOLUNTEER_PLACES + ACTIVITY_PLACES,
		   "and no refused attempt left a match behind");
	db_close(db);
}

int main(void)
{
	dbrules_install();
	if (!testdb_start("matching"))
		return 1;
	waiting();
	confirm_and_end();
	refusals();
	stale_desk();
	two_desks_at_once();
	testdb_finish();
	return tap_done();
}
