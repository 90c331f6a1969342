/* Every multi-step use case is one transaction: with a failure injected
 * into its last step (a temporary trigger that refuses the write), none
 * of its earlier steps remains. One function per use case. */
#include <stdio.h>
#include <stdlib.h>

#include "attendance.h"
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

int main(void)
{
	/* The measures' day is checked against today. */
	setenv("BROBYGGER_TODAY", "2026-11-26", 0);
	if (!testdb_start("all-or-nothing"))
		return 1;
	mark_with_call();
	walk_in_enrolled();
	new_person();
	session_saved_cancelled();
	measure_with_consent_now();
	testdb_finish();
	return tap_done();
}
