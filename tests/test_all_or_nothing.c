/* Every multi-step use case is one transaction: with a failure injected
 * into its last step (a temporary trigger that refuses the write), none
 * of its earlier steps remains. One function per use case. */
#include <stdio.h>
#include <stdlib.h>

#include "attendance.h"
#include "calls.h"
#include "db.h"
#include "desk.h"
#include "measures.h"
#include "tap.h"
#include "testdb.h"

static void exec_ok(struct db *db, const char *sql)
{
	if (db_exec(db, sql) != DB_OK) {
		printf("# %s: %s\n", sql, db_errdetail(db));
		exit(1);
	}
}

/* Refuses every INSERT into `table` on this connection from now on. */
static void fail_inserts_into(struct db *db, const char *table)
{
	char sql[256];
	snprintf(sql, sizeof sql,
		 "CREATE TEMP TRIGGER injected_%s BEFORE INSERT ON main.%s BEGIN"
		 " SELECT RAISE(ABORT, 'injected failure'); END;", table, table);
	exec_ok(db, sql);
}

/* A weekly group with sessions on the last Thursdays and today, two
 * enrolled citizens, one who is not, and a desk volunteer signed in. */
static struct db *open_centre(const char *name, struct desk *desk)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("# cannot open %s: %s\n", path, db_errdetail(db));
		exit(1);
	}
	exec_ok(db,
		"INSERT INTO users(id, name, role) VALUES (1, 'Bente Ølgaard', 'desk');"
		"INSERT INTO activities(id, name, kind, weekday, start_time, created_at)"
		" VALUES (1, 'Gå-gruppen', 'motion_group', 4, '10:00', '2025-01-01 10:00:00');"
		"INSERT INTO sessions(id, activity_id, date, status) VALUES"
		" (101, 1, '2026-11-12', 'held'), (102, 1, '2026-11-19', 'held'), (103, 1, '2026-11-26', 'planned');"
		"INSERT INTO citizens(id, name) VALUES (1, 'Åse Holm'), (2, 'Bo Aagaard'), (3, 'Ib Nyborg');"
		"INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (1, 1, '2026-01-10'), (2, 1, '2026-01-10');"
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES (102, 2, 'absent');");
	*desk = (struct desk){ .db = db, .user = 1, .role = ROLE_DESK, .users_exist = true };
	return db;
}

/* Marking: the mark, the session held, the follow-up call the rule plans
 * and their audit rows; the call is the last step. */
static void mark_with_call(void)
{
	struct desk desk;
	struct db *db = open_centre("mark.db", &desk);
	fail_inserts_into(db, "follow_ups");
	struct mark_outcome out;
	TAP_CHECK(attendance_mark(&desk, 103, 2, "absent", 0, &out) != DB_OK,
		  "a second miss in a row: the call cannot be written, so the mark fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE session_id = 103"), 0, "no mark remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM sessions WHERE id = 103 AND status = 'planned'"), 1,
		   "the session is not made held");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	exec_ok(db, "DROP TRIGGER temp.injected_follow_ups");
	TAP_INT_EQ(attendance_mark(&desk, 103, 2, "absent", 0, &out), DB_OK, "without the fault it goes through");
	TAP_CHECK(out.call_planned, "and plans the call");
	db_close(db);
}

/* A walk-in enrolled at the door: the mark, then the enrolment. */
static void walk_in_enrolled(void)
{
	struct desk desk;
	struct db *db = open_centre("walkin.db", &desk);
	fail_inserts_into(db, "enrolments");
	TAP_CHECK(attendance_add_walk_in(&desk, 103, 3, true) != DB_OK, "the enrolment fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE citizen_id = 3"), 0,
		   "so the walk-in is not marked either");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	db_close(db);
}

/* A new person at the door: citizen, referral, consent, mark, enrolment. */
static void new_person(void)
{
	struct desk desk;
	struct db *db = open_centre("newperson.db", &desk);
	fail_inserts_into(db, "enrolments");
	long long id = -1;
	TAP_CHECK(attendance_add_new_person(&desk, 103, "Jens Ærbo", "22334455", true, &id) != DB_OK,
		  "the enrolment fails");
	TAP_INT_EQ(id, 0, "no id is handed back");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE name = 'Jens Ærbo'"), 0, "no citizen remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM referrals"), 0, "no referral");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents"), 0, "no consent");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE session_id = 103"), 0, "no mark");
	db_close(db);
}

/* The session's details and its cancellation, saved as one. */
static void session_saved_cancelled(void)
{
	struct desk desk;
	struct db *db = open_centre("session.db", &desk);
	fail_inserts_into(db, "audit_log");
	struct session_edit e = { .id = 103, .date = "2026-11-27", .note = "Flyttet" };
	TAP_CHECK(attendance_save_session(&desk, &e, true, "Helligdag") != DB_OK, "the audit record fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM sessions WHERE id = 103 AND date = '2026-11-26'"
				    " AND status = 'planned' AND note IS NULL"), 1,
		   "the session is neither moved nor cancelled");
	db_close(db);
}

/* Follow-up calls: Åse (1) has an open match to the group with Bente
 * (volunteer 1), two calls not reached behind her and an open call
 * (10); Bo (2) was raised to the coordinator and has an open call (20)
 * and another one later (21); Ib (3) has a call another desk recorded
 * already (30). Nothing is in the audit log yet. */
static struct db *open_calls(const char *name, struct desk *desk)
{
	struct db *db = open_centre(name, desk);
	exec_ok(db,
		"INSERT INTO volunteers(id, name, status) VALUES (1, 'Bente Ølgaard', 'active');"
		"INSERT INTO matches(id, citizen_id, volunteer_id, activity_id, matched_on) VALUES (1, 1, 1, 1, '2026-11-01');"
		"INSERT INTO follow_ups(id, citizen_id, reason, due_on, status, outcome, done_at) VALUES"
		" (1, 1, 'agreed', '2026-11-20', 'done', 'not_reached', '2026-11-20 10:00:00'),"
		" (2, 1, 'agreed', '2026-11-23', 'done', 'not_reached', '2026-11-23 10:00:00'),"
		" (30, 3, 'no_contact', '2026-11-26', 'done', 'reached', '2026-11-26 09:00:00');"
		"INSERT INTO follow_ups(id, citizen_id, reason, due_on) VALUES"
		" (10, 1, 'agreed', '2026-11-26'), (20, 2, 'after_match', '2026-11-26'), (21, 2, 'agreed', '2026-12-10');"
		"INSERT INTO call_escalations(citizen_id, raised_on, attempts) VALUES (2, '2026-11-24', 3);");
	return db;
}

static struct call_entry entry(long long call, const char *outcome, const char *next_step)
{
	struct call_entry e = { .outcome = { .call_id = call } };
	snprintf(e.outcome.outcome, sizeof e.outcome.outcome, "%s", outcome);
	snprintf(e.outcome.next_step, sizeof e.outcome.next_step, "%s", next_step);
	return e;
}

/* The known defect of the old call flow: the course was ended in a
 * transaction of its own before the call turned out to be recorded at
 * another desk. Now the conflict leaves the course as it was. */
static void outcome_conflict(void)
{
	struct desk desk;
	struct db *db = open_calls("conflict.db", &desk);
	struct call_entry e = entry(30, "reached", CALL_NEXT_END_COURSE);
	e.citizen_version = testdb_count(db, "SELECT version FROM citizens WHERE id = 3");
	snprintf(e.end_reason, sizeof e.end_reason, "lasting_community");
	struct call_entry_result res;
	TAP_INT_EQ(calls_record_outcome(&desk, &e, &res), DB_ERR_CONFLICT, "the call was recorded at another desk");
	TAP_CHECK(!res.course_ended, "the result says nothing ended");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE id = 3 AND status = 'active'"), 1,
		   "the course is still open");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	db_close(db);
}

/* The third call not reached: the outcome, the next try, and raising
 * Åse to the coordinator, which is the last step. */
static void outcome_escalation_fails(void)
{
	struct desk desk;
	struct db *db = open_calls("raise.db", &desk);
	fail_inserts_into(db, "call_escalations");
	struct call_entry e = entry(10, "not_reached", CALL_NEXT_NEW_CALL);
	snprintf(e.next_on, sizeof e.next_on, "2026-11-27");
	struct call_entry_result res;
	TAP_CHECK(calls_record_outcome(&desk, &e, &res) != DB_OK, "raising to the coordinator fails");
	TAP_CHECK(!res.escalated && !res.next_call_id, "and the result says so");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE id = 10 AND status = 'open'"), 1,
		   "so the call is still open");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE source_key = 'agreed:10'"), 0,
		   "and no next try is planned");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	exec_ok(db, "DROP TRIGGER temp.injected_call_escalations");
	TAP_INT_EQ(calls_record_outcome(&desk, &e, &res), DB_OK, "without the fault it goes through");
	TAP_CHECK(res.escalated && res.not_reached == 3, "and raises her after three calls");
	db_close(db);
}

/* Refuses every UPDATE of `table` on this connection from now on. */
static void fail_updates_of(struct db *db, const char *table)
{
	char sql[256];
	snprintf(sql, sizeof sql,
		 "CREATE TEMP TRIGGER injected_update_%s BEFORE UPDATE ON main.%s BEGIN"
		 " SELECT RAISE(ABORT, 'injected failure'); END;", table, table);
	exec_ok(db, sql);
}

/* Bo is reached and his course ends: the course, the outcome, his other
 * call cancelled, and last the coordinator's escalation settled. */
static void outcome_end_course_fails(void)
{
	struct desk desk;
	struct db *db = open_calls("end.db", &desk);
	fail_updates_of(db, "call_escalations");
	struct call_entry e = entry(20, "reached", CALL_NEXT_END_COURSE);
	e.citizen_version = testdb_count(db, "SELECT version FROM citizens WHERE id = 2");
	snprintf(e.end_reason, sizeof e.end_reason, "lasting_community");
	struct call_entry_result res;
	TAP_CHECK(calls_record_outcome(&desk, &e, &res) != DB_OK, "settling the escalation fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE id = 2 AND status = 'active'"), 1,
		   "the course is not ended");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE id IN (20, 21) AND status = 'open'"), 2,
		   "both calls are still open");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	db_close(db);
}

/* Åse needs a new match: the outcome, her match ended, and last the
 * audit record of it all. */
static void outcome_new_match_fails(void)
{
	struct desk desk;
	struct db *db = open_calls("match.db", &desk);
	fail_inserts_into(db, "audit_log");
	struct call_entry e = entry(10, "reached", CALL_NEXT_NEW_MATCH);
	struct call_entry_result res;
	TAP_CHECK(calls_record_outcome(&desk, &e, &res) != DB_OK, "the audit record fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE id = 1 AND ended_on IS NULL"), 1,
		   "the match is not ended");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments WHERE citizen_id = 1 AND ended_on IS NULL"), 1,
		   "nor her place in the group");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE id = 10 AND status = 'open'"), 1,
		   "and the call is still open");
	exec_ok(db, "DROP TRIGGER temp.injected_audit_log");
	TAP_INT_EQ(calls_record_outcome(&desk, &e, &res), DB_OK, "without the fault it goes through");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE id = 1 AND outcome = 'did_not_work'"), 1,
		   "and ends the match");
	db_close(db);
}

/* A measure with the consent the citizen gave just now: the consent,
 * then the answers. */
static void measure_with_consent_now(void)
{
	struct desk desk;
	struct db *db = open_centre("measure.db", &desk);
	fail_inserts_into(db, "measures");
	struct measure_entry e = { .citizen_id = 1, .nanswers = 5, .answers = { 3, 3, 2, 3, 2 },
				   .record_consent = true };
	e.measure_id = testdb_count(db, "SELECT id FROM measure_defs WHERE code = 'who5'");
	snprintf(e.taken_on, sizeof e.taken_on, "2026-11-26");
	snprintf(e.occasion, sizeof e.occasion, "intake");
	long long id = -1;
	TAP_CHECK(measures_record(&desk, &e, &id) != DB_OK, "the answers cannot be written");
	TAP_INT_EQ(id, 0, "no id is handed back");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents WHERE citizen_id = 1"), 0,
		   "so no consent is recorded either");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	db_close(db);
}

/* The sweep writes its calls as one batch: Bo's call after two missed
 * sessions and Ib's after no contact, which cannot be written. */
static void sweep_batch(void)
{
	struct desk desk;
	struct db *db = open_centre("sweep.db", &desk);
	exec_ok(db,
		"UPDATE citizens SET created_at = '2026-08-01 10:00:00';"
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES (101, 2, 'absent');"
		"CREATE TEMP TRIGGER injected_one BEFORE INSERT ON main.follow_ups"
		" WHEN NEW.source_key = 'no_contact:3' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
	struct call_sweep s;
	struct desk nobody = { .db = db, .users_exist = true };
	TAP_CHECK(calls_plan_due(&nobody, (struct date){ 2026, 11, 26 }, true, &s) != DB_OK,
		  "one call of the batch cannot be written (before anyone signed in)");
	TAP_INT_EQ(s.created, 0, "the sweep says none was made");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), 0, "none of the batch remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	exec_ok(db, "DROP TRIGGER temp.injected_one");
	TAP_INT_EQ(calls_plan_due(&nobody, (struct date){ 2026, 11, 26 }, true, &s), DB_OK,
		   "without the fault the sweep runs");
	TAP_INT_EQ(s.created, 2, "and writes the batch");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE source_key = 'no_contact:3'"), 1,
		   "the call that failed among them");
	db_close(db);
}

int main(void)
{
	/* The agreed days and the measures' day are checked against today. */
	setenv("BROBYGGER_TODAY", "2026-11-26", 0);
	if (!testdb_start("all-or-nothing"))
		return 1;
	mark_with_call();
	walk_in_enrolled();
	new_person();
	session_saved_cancelled();
	outcome_conflict();
	outcome_escalation_fails();
	outcome_end_course_fails();
	outcome_new_match_fails();
	measure_with_consent_now();
	sweep_batch();
	testdb_finish();
	return tap_done();
}
