/* Attendance in the database, on temporary files: the sessions of a week
 * (weekly slots written when opened), the roll list in Danish order with
 * last time's marks, marks committed one at a time and seen at once by a
 * second desk, the three rules applied with each mark (follow-up call,
 * accompaniment milestone) and withdrawn when a mark is corrected,
 * walk-ins and new people, cancelling, moving and the other details of a
 * session, the history grid, the summary line and the card's facts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "attendance_rules.h"
#include "calls.h"
#include "citizens.h"
#include "db.h"
#include "dbrules.h"
#include "demo.h"
#include "migrate.h"
#include "nextstep.h"
#include "store_attendance.h"
#include "store_citizens.h"
#include "tap.h"
#include "testdb.h"

static long long desk_user;
static struct desk desk;          /* the desk volunteer who marks */
static const char today[] = "2026-11-26"; /* a Thursday */

static long long count_fmt(struct db *db, const char *fmt, long long a, long long b)
{
	char sql[512];
	snprintf(sql, sizeof sql, fmt, a, b);
	return testdb_count(db, sql);
}

static void exec_ok(struct db *db, const char *sql)
{
	if (db_exec(db, sql) != DB_OK) {
		printf("# %s: %s\n", sql, db_errdetail(db));
		exit(1);
	}
}

/* A centre with one weekly Thursday group (activity 1, sessions on the
 * last four Thursdays up to today and one ahead), a Tuesday café
 * (activity 2, no sessions written), volunteers 1 and 2, and five
 * enrolled citizens, one of whom left and one who joins next week. */
static struct db *open_centre(const char *name)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("# cannot open %s: %s\n", path, db_errdetail(db));
		exit(1);
	}
	exec_ok(db, "INSERT INTO users(name, role) VALUES ('Bente Ølgaard', 'desk')");
	desk_user = db_last_insert_id(db);
	desk = (struct desk){ .db = db, .user = desk_user, .role = ROLE_DESK, .users_exist = true };
	exec_ok(db,
		"INSERT INTO volunteers(id, name, status) VALUES (1, 'Bente Ølgaard', 'active'),"
		" (2, 'Åge Frandsen', 'active'), (3, 'Stoppet Frivillig', 'stopped');"
		"INSERT INTO activities(id, name, kind, place, weekday, start_time, end_time, created_at)"
		" VALUES (1, 'Gå-gruppen torsdag', 'motion_group', 'Mølleparken', 4, '10:00', '11:30', '2025-01-01 10:00:00'),"
		" (2, 'Socialt café', 'social_cafe', 'Folkets Hus', 2, '14:00', '16:00', '2025-01-01 10:00:00');"
		"INSERT INTO sessions(id, activity_id, date, start_time, end_time, status) VALUES"
		" (101, 1, '2026-11-05', '10:00', '11:30', 'held'),"
		" (102, 1, '2026-11-12', '10:00', '11:30', 'cancelled'),"
		" (103, 1, '2026-11-19', '10:00', '11:30', 'held'),"
		" (104, 1, '2026-11-26', '10:00', '11:30', 'planned'),"
		" (105, 1, '2026-12-03', '10:00', '11:30', 'planned');"
		"UPDATE sessions SET cancel_reason = 'Sygdom' WHERE id = 102;"
		"INSERT INTO citizens(id, name, phone) VALUES (1, 'Åse Holm', '31313131'),"
		" (2, 'Bo Aagaard', '40404040'), (3, 'Søren Ærø', '12345678'), (4, 'Zacho Andersen', NULL),"
		" (5, 'Anders Ørum', NULL), (6, 'Karen Ølgaard', '11223344'), (7, 'Ib Nyborg', NULL);"
		/* Everyone agreed that volunteers call (calls need it). */
		"INSERT INTO consents(citizen_id, purpose, given_on) SELECT id, 'volunteer_contact', '2026-01-10'"
		" FROM citizens;"
		"INSERT INTO enrolments(citizen_id, activity_id, enrolled_on, ended_on) VALUES"
		" (1, 1, '2026-01-10', NULL), (2, 1, '2026-01-10', NULL), (3, 1, '2026-11-10', NULL),"
		" (4, 1, '2026-01-10', '2026-11-20'), (5, 1, '2026-12-01', NULL);"
		/* Bo is matched with Bente for the group; Søren with Åge only. */
		"INSERT INTO matches(id, citizen_id, volunteer_id, activity_id, matched_on) VALUES"
		" (1, 2, 1, 1, '2026-11-01'), (2, 3, 2, NULL, '2026-11-02');"
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES"
		" (101, 1, 'present'), (101, 2, 'absent'), (101, 4, 'present'),"
		" (103, 1, 'excused'), (103, 2, 'present'), (103, 4, 'present');");
	testdb_remake_keys(db);
	return db;
}

static const struct roll_entry *entry(const struct roll *r, long long citizen_id)
{
	for (int i = 0; i < r->count; i++)
		if (r->entries[i].citizen_id == citizen_id)
			return &r->entries[i];
	return NULL;
}

static void test_migration(void)
{
	struct db *db = open_centre("migration.db");
	TAP_INT_EQ(db_schema_version(db), migrate_latest(), "the database is at the latest schema");
	TAP_CHECK(migrate_latest() >= 4, "which includes migration 4 (needs_intake)");
	TAP_CHECK(testdb_has_column(db, "citizens", "needs_intake"), "citizens have a needs_intake column");
	TAP_INT_EQ(testdb_count(db, "SELECT sum(needs_intake) FROM citizens"), 0, "which is 0 for people on record");
	TAP_CHECK(db_exec(db, "UPDATE citizens SET needs_intake = 2 WHERE id = 1") == DB_ERR_CONSTRAINT,
		  "and only 0 or 1");
	db_close(db);
}

static void test_week(void)
{
	struct db *db = open_centre("week.db");
	struct session_info s[16];
	int n = 0;
	TAP_INT_EQ(store_attendance_sessions(db, "2026-11-23", "2026-11-29", "", s, 16, &n), DB_OK, "this week's sessions");
	TAP_INT_EQ(n, 2, "two: the café's weekly slot and the group");
	TAP_STR_EQ(s[0].date, "2026-11-24", "Tuesday first: the café");
	TAP_INT_EQ(s[0].id, 0, "... a slot not written yet");
	TAP_STR_EQ(s[0].start_time, "14:00", "... at the activity's usual time");
	TAP_STR_EQ(s[1].activity, "Gå-gruppen torsdag", "then Thursday's group");
	TAP_INT_EQ(s[1].id, 104, "... the session on record");
	TAP_INT_EQ(s[1].roll, 3, "on its roll: three enrolled that day (one left, one joins later)");
	TAP_INT_EQ(s[1].marked, 0, "none marked yet");

	TAP_INT_EQ(store_attendance_sessions(db, "2026-11-23", "2026-11-29", "ga", s, 16, &n), DB_OK, "search 'gå' (folded 'ga')");
	TAP_INT_EQ(n, 1, "finds only Gå-gruppen (å folded to a)");

	long long id = 0, again = 0;
	TAP_INT_EQ(attendance_session_for(&desk, 2, "2026-11-24", &id), DB_OK, "the café's slot is opened");
	TAP_CHECK(id > 0, "and written as a session");
	TAP_INT_EQ(attendance_session_for(&desk, 2, "2026-11-24", &again), DB_OK, "opened again");
	TAP_INT_EQ(again, id, "it is the same session, not a second one");
	store_attendance_sessions(db, "2026-11-23", "2026-11-29", "", s, 16, &n);
	TAP_CHECK(n == 2 && s[0].id == id, "the week now lists the written session instead of the slot");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM audit_log WHERE entity = 'session' AND entity_id = %lld"
			     " AND action = 'create' AND %lld = 1", id, 1LL), 1, "writing it is audited");
	TAP_INT_EQ(attendance_session_for(&desk, 99, "2026-11-24", &id), DB_ERR_NOTFOUND,
		   "an activity that does not exist has no session");

	store_attendance_sessions(db, "2024-11-25", "2024-12-01", "", s, 16, &n);
	TAP_INT_EQ(n, 0, "no slots before the activities existed");

	long long prev = 0, next = 0;
	store_attendance_session_neighbour(db, 104, -1, &prev);
	store_attendance_session_neighbour(db, 104, +1, &next);
	TAP_CHECK(prev == 103 && next == 105, "the previous and next sessions of the same activity");
	store_attendance_session_neighbour(db, 101, -1, &prev);
	TAP_INT_EQ(prev, 0, "none before the first");
	db_close(db);
}

/* Each session keeps its week order (start time, its activity's sort
 * key; migration 35) whoever writes: a new session, its own start time,
 * its activity renamed or given another time. Every session's copy is
 * what its rows say after each write. */
static long long order_drift(struct db *db)
{
	return testdb_count(db, "SELECT count(*) FROM sessions AS s JOIN activities AS a ON a.id = s.activity_id"
				" WHERE s.week_time IS NOT COALESCE(s.start_time, a.start_time, '99:99')"
				" OR s.week_sort IS NOT COALESCE(a.sort_key, '')");
}

/* Thursday 26 November's two sessions, `first` then `second`; the
 * second's start time in `time` when it is asked (NULL: not). */
static bool thursday_is(struct db *db, long long first, long long second, const char *time)
{
	struct session_info s[16];
	int n = 0;
	store_attendance_sessions(db, "2026-11-26", "2026-11-26", "", s, 16, &n);
	return n == 2 && s[0].id == first && s[1].id == second && (!time || strcmp(s[1].start_time, time) == 0);
}

static void test_week_order_kept(void)
{
	struct db *db = open_centre("week_order.db");
	TAP_INT_EQ(order_drift(db), 0, "every session holds its week order");
	/* Yoga on Thursdays at the group's time, a session without a time of
	 * its own: after Gå-gruppen, in Danish order. */
	exec_ok(db, "INSERT INTO activities(id, name, kind, weekday, start_time, created_at)"
		    " VALUES (3, 'Yoga', 'motion_group', 4, '10:00', '2025-01-01 10:00:00');"
		    "INSERT INTO sessions(id, activity_id, date) VALUES (106, 3, '2026-11-26');");
	testdb_remake_keys(db);
	TAP_INT_EQ(order_drift(db), 0, "a new session and activity hold theirs");
	TAP_CHECK(thursday_is(db, 104, 106, NULL), "Thursday at 10: Gå-gruppen, then Yoga");
	exec_ok(db, "UPDATE activities SET name = 'Aerobic' WHERE id = 3");
	testdb_remake_keys(db);
	TAP_INT_EQ(order_drift(db), 0, "renamed, its sessions follow");
	TAP_CHECK(thursday_is(db, 106, 104, NULL), "Aerobic now comes before Gå-gruppen");
	exec_ok(db, "UPDATE activities SET start_time = '11:00' WHERE id = 3");
	TAP_INT_EQ(order_drift(db), 0, "its usual time changed, its sessions follow");
	TAP_CHECK(thursday_is(db, 104, 106, "11:00"), "Aerobic at 11 after the group at 10");
	exec_ok(db, "UPDATE sessions SET start_time = '12:00' WHERE id = 104");
	TAP_INT_EQ(order_drift(db), 0, "a session's own time changed, it follows");
	TAP_CHECK(thursday_is(db, 106, 104, NULL), "the group at 12 after Aerobic at 11");
	exec_ok(db, "UPDATE activities SET start_time = NULL WHERE id = 3");
	TAP_INT_EQ(order_drift(db), 0, "no time at all: last in the day");
	TAP_CHECK(thursday_is(db, 104, 106, NULL), "Aerobic without a time after the group");
	exec_ok(db, "UPDATE sessions SET activity_id = 2 WHERE id = 106");
	TAP_INT_EQ(order_drift(db), 0, "a session given to another activity takes its order");
	db_close(db);
}

static void test_roll(void)
{
	struct db *db = open_centre("roll.db");
	struct roll r;
	TAP_INT_EQ(store_attendance_roll(db, 104, &r), DB_OK, "today's roll list");
	TAP_INT_EQ(r.count, 3, "three enrolled today");
	TAP_CHECK(r.count == 3 && r.entries[0].citizen_id == 2 && r.entries[1].citizen_id == 3
		  && r.entries[2].citizen_id == 1, "in Danish order: Bo Aagaard, Søren Ærø, Åse Holm");
	TAP_STR_EQ(r.previous_date, "2026-11-19", "last time was 19 November");
	const struct roll_entry *bo = entry(&r, 2), *aase = entry(&r, 1), *soeren = entry(&r, 3);
	TAP_CHECK(bo && aase && soeren, "each is on the list");
	if (!bo || !aase || !soeren)
		return;
	TAP_STR_EQ(bo->last_mark, "present", "Bo came last time");
	TAP_STR_EQ(aase->last_mark, "excused", "Åse sent notice last time");
	TAP_STR_EQ(soeren->last_mark, "", "Søren was not marked last time");
	TAP_INT_EQ(bo->match_volunteer, 1, "Bo's matched volunteer is Bente");
	TAP_STR_EQ(bo->match_volunteer_name, "Bente Ølgaard", "... by name");
	TAP_INT_EQ(soeren->match_volunteer, 2, "Søren's is Åge (a match with a volunteer only)");
	TAP_CHECK(!bo->first_time && soeren->first_time && !aase->first_time, "Søren has never come: first time");
	TAP_CHECK(bo->enrolment_id > 0 && !bo->walk_in, "Bo is enrolled, not a walk-in");
	/* One row read again after a mark is the row the list reads. */
	TAP_INT_EQ(attendance_mark(&desk, 104, 2, "present", 1, NULL), DB_OK, "Bo is marked");
	struct roll again;
	TAP_INT_EQ(store_attendance_roll(db, 104, &again), DB_OK, "the list read again");
	bool same = again.count == r.count;
	for (int i = 0; same && i < again.count; i++) {
		struct roll_entry one;
		same = store_attendance_roll_entry(db, &r.session, again.entries[i].citizen_id, &one) == DB_OK
		       && memcmp(&one, &again.entries[i], sizeof one) == 0;
	}
	TAP_CHECK(same, "each person's row read alone is their row of the list");
	TAP_STR_EQ(entry(&again, 2) ? entry(&again, 2)->mark : "", "present", "... Bo's with his mark");
	store_attendance_roll_free(&again);
	struct roll_entry gone;
	TAP_INT_EQ(store_attendance_roll_entry(db, &r.session, 4, &gone), DB_ERR_NOTFOUND,
		   "Zacho, who left, has no row");
	store_attendance_roll_free(&r);

	TAP_INT_EQ(store_attendance_roll(db, 101, &r), DB_OK, "an old session's roll");
	TAP_CHECK(entry(&r, 4) != NULL, "has Zacho, who was enrolled then");
	TAP_CHECK(entry(&r, 3) == NULL, "but not Søren, who joined later");
	TAP_STR_EQ(r.previous_date, "", "and no last time");
	store_attendance_roll_free(&r);

	TAP_INT_EQ(store_attendance_roll(db, 103, &r), DB_OK, "the session after a cancelled one");
	TAP_STR_EQ(r.previous_date, "2026-11-05", "'last time' skips the cancelled session");
	store_attendance_roll_free(&r);
	TAP_INT_EQ(store_attendance_roll(db, 999, &r), DB_ERR_NOTFOUND, "a session that does not exist");
	db_close(db);
}

static void test_marks(void)
{
	struct db *db = open_centre("marks.db");
	char path[256];
	testdb_path(path, sizeof path, "marks.db");
	struct db *other;
	TAP_INT_EQ(db_open(path, &other), DB_OK, "a second desk opens the same file");

	struct mark_outcome out;
	long long audit_before = testdb_count(db, "SELECT count(*) FROM audit_log");
	TAP_INT_EQ(attendance_mark(&desk, 104, 2, "present", 1, &out), DB_OK,
		   "Bo came, accompanied by Bente");
	TAP_CHECK(out.session_held, "the planned session is now held");
	TAP_INT_EQ(testdb_count(other, "SELECT count(*) FROM attendance WHERE session_id = 104 AND citizen_id = 2"
			    " AND mark = 'present' AND accompanied_by = 1"), 1,
		   "the other desk sees the mark at once: it is committed");
	TAP_INT_EQ(testdb_count(other, "SELECT count(*) FROM sessions WHERE id = 104 AND status = 'held'"), 1,
		   "and the session held");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'citizen' AND entity_id = 2"
			    " AND detail LIKE 'attendance session 104: present%'"), 1, "the mark is audited");
	TAP_INT_EQ(testdb_count(db, "SELECT marked_by FROM attendance WHERE session_id = 104 AND citizen_id = 2"),
		   desk_user, "and says who marked it");
	TAP_CHECK(testdb_count(db, "SELECT count(*) FROM audit_log") > audit_before, "audit rows were added");

	TAP_INT_EQ(attendance_mark(&desk, 104, 2, "excused", 1, &out), DB_OK,
		   "corrected to 'sent notice'");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE session_id = 104 AND citizen_id = 2"
			    " AND mark = 'excused' AND accompanied_by IS NULL"), 1,
		   "one row, excused, and nobody went along with someone who did not come");
	TAP_INT_EQ(attendance_mark(&desk, 104, 2, NULL, 0, &out), DB_OK,
		   "the mark is taken away");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE session_id = 104 AND citizen_id = 2"), 0,
		   "and gone");
	TAP_CHECK(out.session_planned_again, "it was the session's only mark: nothing says it took place");
	TAP_INT_EQ(testdb_count(other, "SELECT count(*) FROM sessions WHERE id = 104 AND status = 'planned'"), 1,
		   "the session is planned again, not counted as held");
	attendance_mark(&desk, 104, 1, "absent", 0, NULL);
	attendance_mark(&desk, 104, 2, "present", 0, NULL);
	TAP_INT_EQ(attendance_mark(&desk, 104, 2, NULL, 0, &out), DB_OK, "with two marks, one taken away");
	TAP_CHECK(!out.session_planned_again
			  && testdb_count(db, "SELECT count(*) FROM sessions WHERE id = 104 AND status = 'held'") == 1,
		  "the other keeps it held");
	attendance_mark(&desk, 104, 1, NULL, 0, NULL);
	TAP_INT_EQ(attendance_mark(&desk, 104, 2, "late", 0, &out), DB_ERR_MISUSE,
		   "an unknown mark is refused");
	TAP_INT_EQ(attendance_mark(&desk, 104, 99, "present", 0, &out),
		   DB_ERR_NOTFOUND, "a citizen who does not exist");
	TAP_INT_EQ(attendance_mark(&desk, 105, 1, "excused", 0, &out), DB_OK,
		   "notice sent ahead for next week");
	TAP_CHECK(!out.session_held, "next week's session stays planned");

	/* A whole roll call, then the summary. */
	attendance_mark(&desk, 104, 1, "present", 0, NULL);
	attendance_mark(&desk, 104, 2, "present", 1, NULL);
	attendance_mark(&desk, 104, 3, "present", 0, NULL);
	struct roll r;
	store_attendance_roll(db, 104, &r);
	struct roll_summary sum;
	attendance_summarise(&r, &sum);
	TAP_CHECK(sum.present == 3 && sum.excused == 0 && sum.absent == 0 && sum.unmarked == 0,
		  "summary: three came, none missing");
	TAP_INT_EQ(sum.accompanied, 1, "one came accompanied");
	TAP_INT_EQ(sum.first_time, 1, "one is new today (Søren)");
	const struct roll_entry *bo = entry(&r, 2);
	TAP_CHECK(bo && bo->accompanied_by == 1 && strcmp(bo->companion, "Bente Ølgaard") == 0,
		  "the roll shows who went along with Bo");
	store_attendance_roll_free(&r);
	db_close(other);
	db_close(db);
}

static void test_missed_rule(void)
{
	struct db *db = open_centre("missed.db");
	/* Bo came on 5 Nov (the paper list said so); absent 19 Nov and today. */
	struct mark_outcome out;
	attendance_mark(&desk, 101, 2, "present", 0, &out);
	attendance_mark(&desk, 103, 2, "absent", 0, &out);
	TAP_CHECK(!out.call_planned, "one absence: no call");
	attendance_mark(&desk, 104, 2, "absent", 0, &out);
	TAP_CHECK(out.call_planned, "two in a row without notice: a call is planned");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 2 AND reason = 'missed_sessions'"
			    " AND status = 'open' AND due_on = '2026-11-27' AND responsible = 1"
			    " AND source_key LIKE 'missed:%:104'"), 1,
		   "for tomorrow, by Bo's volunteer, keyed to the enrolment and session");
	attendance_mark(&desk, 104, 2, "absent", 0, &out);
	TAP_CHECK(!out.call_planned, "marking the same again plans nothing new");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 2"), 1, "still one call");

	struct roll r;
	store_attendance_roll(db, 104, &r);
	const struct roll_entry *bo = entry(&r, 2);
	TAP_CHECK(bo && bo->call_planned, "the roll shows the planned call");
	store_attendance_roll_free(&r);

	attendance_mark(&desk, 104, 2, "present", 0, &out);
	TAP_CHECK(out.call_withdrawn, "corrected to present: the call is withdrawn");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 2 AND status = 'cancelled'"), 1,
		   "kept as cancelled, for the record");
	attendance_mark(&desk, 104, 2, "absent", 0, &out);
	TAP_CHECK(out.call_planned, "absent again: the same call is open again");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 2 AND status = 'open'"), 1,
		   "one open call");

	/* Åse: notice on 19 Nov; notice today; notice next week: three. */
	attendance_mark(&desk, 104, 1, "excused", 0, &out);
	TAP_CHECK(!out.call_planned, "two notices: no call");
	attendance_mark(&desk, 105, 1, "excused", 0, &out);
	TAP_CHECK(out.call_planned, "three in a row with notice: a call");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 1 AND due_on = '2026-12-04'"
			    " AND responsible IS NULL"), 1, "after that session, nobody named to make it");

	attendance_mark(&desk, 104, 4, "absent", 0, &out);
	TAP_CHECK(!out.call_planned, "Zacho, no longer enrolled, marked anyway: no call for a walk-in");
	TAP_INT_EQ(testdb_count(db, "SELECT walk_in FROM attendance WHERE session_id = 104 AND citizen_id = 4"), 1,
		   "and he counts as a walk-in");

	/* Søren has taken back his consent to be called: no call, and the
	 * desk is told why. */
	exec_ok(db, "UPDATE consents SET withdrawn_on = '2026-11-20' WHERE citizen_id = 3");
	attendance_mark(&desk, 103, 3, "absent", 0, &out);
	TAP_CHECK(!out.call_not_allowed, "Søren's first absence: nothing to say yet");
	attendance_mark(&desk, 104, 3, "absent", 0, &out);
	TAP_CHECK(!out.call_planned && out.call_not_allowed,
		  "Søren missed twice without consent to be called: no call, and the desk is told so");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 3"), 0, "none written");

	/* A paper list caught up late: the call is due today, not in the past. */
	attendance_mark(&desk, 101, 1, "absent", 0, NULL);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 1 AND due_on < '2026-11-26'"), 0,
		   "no call is ever planned in the past");
	db_close(db);
}

/* A paper list caught up after the next session was marked: the marks'
 * order does not decide the call. Åse came on 5 Nov and sent notice on
 * 19 Nov; today she is away, and then the 19th is corrected to away:
 * two away in a row, the run ending today. Bo came today, and then the
 * 19th is corrected to away (his second after 5 Nov): he has come back
 * since, so no call. */
static void test_marks_out_of_order(void)
{
	struct db *db = open_centre("order.db");
	struct mark_outcome out;
	attendance_mark(&desk, 104, 1, "absent", 0, &out);
	TAP_CHECK(!out.call_planned, "Åse away today after a notice: no call yet");
	attendance_mark(&desk, 103, 1, "absent", 0, &out);
	TAP_CHECK(out.call_planned, "the 19th corrected to away: two in a row, a call");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 1 AND status = 'open'"
			    " AND source_key LIKE 'missed:%:104' AND due_on = '2026-11-27'"), 1,
		   "keyed to today's session, the run's end, due tomorrow");
	attendance_mark(&desk, 103, 1, "excused", 0, &out);
	TAP_CHECK(out.call_withdrawn, "notice on the 19th after all (a notice and one away): withdrawn");
	attendance_mark(&desk, 103, 1, "absent", 0, &out);
	TAP_CHECK(out.call_planned, "away after all: the call is open again");
	attendance_mark(&desk, 103, 1, "present", 0, &out);
	TAP_CHECK(out.call_withdrawn, "she came on the 19th after all: the call is withdrawn");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 1 AND status = 'open'"), 0,
		   "none open");

	attendance_mark(&desk, 104, 2, "present", 0, &out);
	attendance_mark(&desk, 103, 2, "absent", 0, &out);
	TAP_CHECK(!out.call_planned, "Bo, away on the 5th and now the 19th, came today: no call");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 2"), 0, "none written");
	db_close(db);
}

/* Bo missed two sessions in October and a call was planned; he missed
 * two more before anyone called: the same situation, no second call on
 * the same day. Then he comes back today: the call is not needed any
 * more, is cancelled, and the card's timeline says why. */
static void test_came_back(void)
{
	struct db *db = open_centre("came-back.db");
	exec_ok(db, "INSERT INTO sessions(id, activity_id, date, start_time, end_time, status) VALUES"
		    " (99, 1, '2026-10-22', '10:00', '11:30', 'held'), (100, 1, '2026-10-29', '10:00', '11:30', 'held');"
		    "DELETE FROM attendance WHERE citizen_id = 2;");
	struct mark_outcome out;
	attendance_mark(&desk, 99, 2, "absent", 0, &out);
	attendance_mark(&desk, 100, 2, "absent", 0, &out);
	TAP_CHECK(out.call_planned, "two missed in October: a call");
	attendance_mark(&desk, 101, 2, "absent", 0, &out);
	attendance_mark(&desk, 103, 2, "absent", 0, &out);
	TAP_CHECK(!out.call_planned, "two more missed while that call is open: no second call");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 2 AND reason = 'missed_sessions'"),
		   1, "one situation, one call");

	attendance_mark(&desk, 104, 2, "present", 0, &out);
	TAP_CHECK(out.call_answered, "he came back today: the call is no longer needed");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 2 AND status = 'open'"), 0,
		   "no call is left open for him");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 2 AND status = 'cancelled'"
			    " AND note LIKE '%26-11-2026%' AND date(done_at) = '2026-11-26'"), 1,
		   "cancelled today, the day he came back kept as the reason");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'follow_up'"
			    " AND detail = 'cancelled: came back'"), 1, "and audited");

	struct timeline_entry tl[20];
	int n = 0;
	store_citizens_timeline(db, 2, 20, tl, &n);
	int call = -1;
	for (int i = 0; i < n; i++)
		if (tl[i].kind == TL_CALL)
			call = i;
	TAP_CHECK(call >= 0 && strcmp(tl[call].code, "cancelled") == 0 && strcmp(tl[call].date, "2026-11-26") == 0
		  && strstr(tl[call].text, "26-11-2026") != NULL,
		  "the timeline shows the call cancelled today, with the reason");

	struct citizen_facts f;
	store_citizens_facts(db, 2, today, &f);
	TAP_STR_EQ(f.call_due_on, "", "and his next step is no longer an overdue call");
	db_close(db);
}

static void test_accompaniment_rule(void)
{
	struct db *db = open_centre("accompaniment.db");
	struct mark_outcome out;
	attendance_mark(&desk, 104, 3, "excused", 0, &out);
	TAP_CHECK(!out.accompaniment_done, "Søren sent notice: the milestone waits");
	attendance_mark(&desk, 104, 3, "present", 2, &out);
	TAP_CHECK(out.accompaniment_done, "he came: the milestone of his match is reached");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE id = 2 AND accompaniment_done_on = '2026-11-26'"), 1,
		   "dated today");
	attendance_mark(&desk, 103, 3, "present", 2, &out);
	TAP_CHECK(out.accompaniment_done, "a paper list shows he came the week before");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE id = 2 AND accompaniment_done_on = '2026-11-19'"), 1,
		   "the milestone moves to that first session");
	attendance_mark(&desk, 103, 3, NULL, 0, &out);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE id = 2 AND accompaniment_done_on = '2026-11-26'"), 1,
		   "that mark was a mistake: back to today's session");
	attendance_mark(&desk, 104, 3, "absent", 0, &out);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE id = 2 AND accompaniment_done_on IS NULL"), 1,
		   "and today's too: not reached after all");
	TAP_INT_EQ(store_attendance_write_mark(db, &(struct attendance_write){ .session_id = 104, .citizen_id = 2,
		.mark = "present", .now = "2026-11-26 12:00:00", .by = desk_user }), DB_OK,
		"the store alone writes only the mark");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE id = 1 AND accompaniment_done_on IS NULL"), 1,
		   "Bo's match is untouched");
	db_close(db);
}

/* The group has places for the four enrolled: a walk-in who wants to
 * join is not enrolled over them without a word; the desk is asked and
 * decides. */
static void test_walk_in_full(void)
{
	struct db *db = open_centre("walkin-full.db");
	exec_ok(db, "UPDATE activities SET capacity = 4 WHERE id = 1");
	struct enrol_places p;
	TAP_INT_EQ(attendance_places(&desk, 104, 6, &p), DB_OK, "the places");
	TAP_CHECK(p.capacity == 4 && p.enrolled == 4 && !p.already, "four of four are taken");
	TAP_INT_EQ(attendance_add_walk_in(&desk, 104, 6, WALK_IN_ENROL), DB_ERR_CONSTRAINT,
		   "Karen wants to join a full group: the desk is asked first");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE citizen_id = 6")
		   + testdb_count(db, "SELECT count(*) FROM enrolments WHERE citizen_id = 6"), 0,
		   "and nothing is written meanwhile");
	TAP_INT_EQ(attendance_add_walk_in(&desk, 104, 6, WALK_IN_ENROL_ANYWAY), DB_OK, "the desk enrols her anyway");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments WHERE activity_id = 1 AND ended_on IS NULL"), 5,
		   "five of four: the desk's choice");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'citizen' AND entity_id = 6"
			    " AND detail LIKE '%over its places'"), 1, "and the log says so");
	TAP_INT_EQ(attendance_add_walk_in(&desk, 104, 7, WALK_IN_ONLY_TODAY), DB_OK, "Ib comes only today: no question");
	TAP_INT_EQ(attendance_add_walk_in(&desk, 104, 1, WALK_IN_ENROL), DB_OK,
		   "Åse, enrolled already, takes no new place");
	long long id = 0;
	TAP_INT_EQ(attendance_add_new_person(&desk, 104, "Jens Ærbo", "22 33 44 55", WALK_IN_ENROL, &id),
		   DB_ERR_CONSTRAINT, "a new person who wants to join: asked first too");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE name = 'Jens Ærbo'"), 0,
		   "and not registered meanwhile");
	TAP_INT_EQ(attendance_add_new_person(&desk, 104, "Jens Ærbo", "22 33 44 55", WALK_IN_ONLY_TODAY, &id), DB_OK,
		   "only today, then");
	db_close(db);
}

static void test_walk_ins(void)
{
	struct db *db = open_centre("walkin.db");
	TAP_INT_EQ(attendance_add_walk_in(&desk, 104, 6, false), DB_OK,
		   "Karen walks in");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE session_id = 104 AND citizen_id = 6"
			    " AND mark = 'present' AND walk_in = 1"), 1, "marked present, as a walk-in");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments WHERE citizen_id = 6"), 0, "not enrolled");
	struct roll r;
	store_attendance_roll(db, 104, &r);
	const struct roll_entry *karen = entry(&r, 6);
	TAP_CHECK(karen && karen->walk_in && karen->first_time, "on the roll as a walk-in, here for the first time");
	TAP_INT_EQ(r.count, 4, "the roll has four now");
	store_attendance_roll_free(&r);

	TAP_INT_EQ(attendance_add_walk_in(&desk, 104, 7, true), DB_OK,
		   "Ib walks in and wants to join");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments WHERE citizen_id = 7 AND activity_id = 1"
			    " AND enrolled_on = '2026-11-26' AND ended_on IS NULL"), 1, "enrolled from today");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM sessions WHERE id = 105 AND"
			    " (SELECT count(*) FROM enrolments WHERE citizen_id = 7) = 1"), 1, "once");
	store_attendance_roll(db, 105, &r);
	TAP_CHECK(entry(&r, 7) != NULL, "and on next week's roll");
	store_attendance_roll_free(&r);

	TAP_INT_EQ(attendance_add_walk_in(&desk, 104, 1, true), DB_OK,
		   "Åse, enrolled already, 'walks in'");
	TAP_INT_EQ(testdb_count(db, "SELECT walk_in FROM attendance WHERE session_id = 104 AND citizen_id = 1"), 0,
		   "she is simply marked present, not a walk-in");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments WHERE citizen_id = 1"), 1, "and not enrolled twice");

	long long id = 0;
	TAP_INT_EQ(attendance_add_new_person(&desk, 104, "Jens Ærbo", "22 33 44 55", false, &id), DB_OK,
		   "a new person with name and phone");
	TAP_CHECK(id > 0, "gets an id");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM citizens WHERE id = %lld AND needs_intake = 1"
			     " AND phone = '22 33 44 55' AND %lld = 1", id, 1LL), 1, "flagged for intake");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM consents WHERE citizen_id = %lld AND purpose = 'registration'"
			     " AND %lld = 1", id, 1LL), 1, "with the consent to be written down");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM referrals WHERE citizen_id = %lld AND source = 'self'"
			     " AND referred_on = '2026-11-26' AND %lld = 1", id, 1LL), 1, "a self-referral today");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM attendance WHERE citizen_id = %lld AND session_id = 104"
			     " AND walk_in = 1 AND mark = 'present' AND %lld = 1", id, 1LL), 1, "marked present");
	TAP_INT_EQ(count_fmt(db, "SELECT count(*) FROM audit_log WHERE entity = 'citizen' AND entity_id = %lld"
			     " AND action = 'create' AND %lld = 1", id, 1LL), 1, "audited");
	struct citizen_hit hits[4];
	int n = 0;
	citizens_search(&desk, "aerbo", 0, 4, hits, &n);
	TAP_CHECK(n == 1 && hits[0].id == id, "found by search as any citizen (æ folded)");
	store_attendance_roll(db, 104, &r);
	const struct roll_entry *jens = entry(&r, id);
	TAP_CHECK(jens && jens->needs_intake, "the roll shows that the first conversation is owed");
	store_attendance_roll_free(&r);
	/* The card's story says how he came: no first conversation yet. */
	struct timeline_entry tl[8];
	int ntl = 0;
	TAP_INT_EQ(store_citizens_timeline(db, id, 8, tl, &ntl), DB_OK, "his timeline");
	bool walk_in = false;
	for (int i = 0; i < ntl; i++)
		walk_in |= tl[i].kind == TL_INTAKE && strcmp(tl[i].code, "walk_in") == 0;
	TAP_CHECK(walk_in, "is registered as a walk-in, not at a first conversation");
	char sql[160];
	snprintf(sql, sizeof sql, "INSERT INTO assessments(citizen_id, assessed_on, outcome)"
		 " VALUES (%lld, '2026-11-27', 'volunteer_help')", id);
	exec_ok(db, sql);
	store_attendance_roll(db, 104, &r);
	jens = entry(&r, id);
	TAP_CHECK(jens && !jens->needs_intake, "once assessed, the flag is gone by itself");
	store_attendance_roll_free(&r);

	TAP_INT_EQ(attendance_add_new_person(&desk, 104, "", "", false, &id), DB_ERR_INVALID,
		   "a person needs a name");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE name = ''"), 0, "nothing is left behind");
	db_close(db);
}

static void test_session_details(void)
{
	struct db *db = open_centre("details.db");
	TAP_INT_EQ(attendance_cancel_session(&desk, 105, "Helligdag"), DB_OK, "next week is cancelled");
	struct session_info s;
	store_attendance_session_get(db, 105, &s);
	TAP_CHECK(strcmp(s.status, "cancelled") == 0 && strcmp(s.cancel_reason, "Helligdag") == 0,
		  "cancelled, with the reason");
	TAP_INT_EQ(attendance_mark(&desk, 105, 1, "excused", 0, NULL),
		   DB_ERR_CONFLICT, "a cancelled session takes no marks");
	TAP_INT_EQ(attendance_cancel_session(&desk, 105, NULL), DB_OK, "reopened");
	store_attendance_session_get(db, 105, &s);
	TAP_CHECK(strcmp(s.status, "planned") == 0 && !s.cancel_reason[0], "planned again, no reason");
	TAP_INT_EQ(attendance_cancel_session(&desk, 103, "Sygdom"), DB_ERR_CONFLICT,
		   "a session with marks cannot be cancelled");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'session' AND entity_id = 105"), 2,
		   "cancel and reopen are audited");

	store_attendance_session_get(db, 104, &s);
	struct session_edit e = { .id = 104, .date = "2026-11-27", .start_time = "13:00", .end_time = "14:30",
				  .note = "Flyttet pga. vejret", .led_by = 1, .helpers = { 2, 2 }, .nhelpers = 2,
				  .version = s.version };
	enum session_refusal why;
	TAP_INT_EQ(attendance_save_session(&desk, &e, false, NULL, &why), DB_OK,
		   "moved to Friday afternoon, with a note");
	TAP_INT_EQ(attendance_save_session(&desk, &e, false, NULL, &why), DB_ERR_CONFLICT,
		   "saved again from the same reading: another desk's change is never overwritten");
	store_attendance_session_get(db, 104, &s);
	TAP_CHECK(strcmp(s.date, "2026-11-27") == 0 && strcmp(s.start_time, "13:00") == 0
		  && strcmp(s.end_time, "14:30") == 0, "new date and times");
	TAP_STR_EQ(s.leader, "Bente Ølgaard", "led by Bente");
	TAP_STR_EQ(s.note, "Flyttet pga. vejret", "the note");
	struct volunteer_ref helpers[4];
	int n = 0;
	store_attendance_session_helpers(db, 104, helpers, 4, &n);
	TAP_CHECK(n == 1 && helpers[0].id == 2, "Åge helped (named twice, counted once)");
	e.nhelpers = 0;
	e.led_by = 0;
	store_attendance_session_get(db, 104, &s);
	e.version = s.version;
	snprintf(e.date, sizeof e.date, "2026-12-03");
	TAP_INT_EQ(attendance_save_session(&desk, &e, false, NULL, &why), DB_ERR_INVALID,
		   "moving onto next week's session is refused");
	TAP_INT_EQ(why, SESSION_DATE_TAKEN, "... because the date is taken");
	snprintf(e.date, sizeof e.date, "2026-11-26");
	snprintf(e.start_time, sizeof e.start_time, "25:99");
	TAP_INT_EQ(attendance_save_session(&desk, &e, false, NULL, &why), DB_ERR_CONSTRAINT, "a time that is no time");
	store_attendance_session_get(db, 104, &s);
	TAP_STR_EQ(s.date, "2026-11-27", "nothing changed by the refused edits");

	struct volunteer_ref v[8];
	store_attendance_volunteers(db, "", v, 8, &n);
	TAP_CHECK(n == 2 && v[0].id == 1 && v[1].id == 2, "volunteers in Danish order, stopped ones left out");
	store_attendance_volunteers(db, "age", v, 8, &n);
	TAP_CHECK(n == 1 && v[0].id == 2, "'aage' (folded 'age') finds Åge");
	struct activity_ref a[4];
	store_attendance_activities(db, "cafe", a, 4, &n);
	TAP_CHECK(n == 1 && a[0].id == 2 && a[0].weekday == 2, "'cafe' finds the café on Tuesdays");
	db_close(db);
}

static void test_history(void)
{
	struct db *db = open_centre("history.db");
	attendance_mark(&desk, 104, 2, "present", 1, NULL);
	struct history_grid g;
	TAP_INT_EQ(store_attendance_history(db, 1, today, 3, &g), DB_OK, "the last three sessions up to today");
	TAP_INT_EQ(g.ncols, 3, "three columns");
	TAP_CHECK(g.ncols == 3 && strcmp(g.cols[0].date, "2026-11-12") == 0 && strcmp(g.cols[2].date, today) == 0,
		  "oldest first: 12 Nov (cancelled), 19 Nov, today");
	TAP_STR_EQ(g.activity, "Gå-gruppen torsdag", "named");
	TAP_INT_EQ(g.nrows, 4, "four people: Zacho (then), Bo, Søren, Åse");
	if (g.nrows == 4) {
		TAP_CHECK(g.rows[0].citizen_id == 2 && g.rows[3].citizen_id == 1, "Danish order");
		TAP_CHECK(memcmp(g.rows[0].cells, "-pP", 3) == 0, "Bo: cancelled, came, came accompanied");
		TAP_CHECK(memcmp(g.rows[3].cells, "-e.", 3) == 0, "Åse: cancelled, notice, not marked yet");
		TAP_CHECK(memcmp(g.rows[1].cells, "-..", 3) == 0, "Søren: enrolled 1 Nov, never marked");
		TAP_CHECK(memcmp(g.rows[2].cells, "-p ", 3) == 0, "Zacho: came, then left");
	}
	store_attendance_history_free(&g);
	TAP_INT_EQ(store_attendance_history(db, 2, today, 10, &g), DB_OK, "an activity without sessions");
	TAP_INT_EQ(g.ncols, 0, "has no columns");
	store_attendance_history_free(&g);
	db_close(db);
}

static void test_facts(void)
{
	struct db *db = open_centre("facts.db");
	/* Bo comes accompanied four weeks in a row. */
	exec_ok(db, "INSERT INTO sessions(id, activity_id, date, status) VALUES (100, 1, '2026-10-29', 'held');"
		    "UPDATE attendance SET mark = 'present', accompanied_by = 1 WHERE citizen_id = 2;"
		    "INSERT INTO attendance(session_id, citizen_id, mark, accompanied_by) VALUES (100, 2, 'present', 1);");
	attendance_mark(&desk, 104, 2, "present", 1, NULL);
	struct citizen_facts f;
	TAP_INT_EQ(store_citizens_facts(db, 2, today, &f), DB_OK, "Bo's facts");
	char now[20];
	date_now_stamp(now);
	next_step_upcoming(&f, now);
	TAP_STR_EQ(f.recent_attendance, "PPPP", "four times present and accompanied, newest first");
	TAP_STR_EQ(f.companion, "Bente Ølgaard", "by Bente");
	struct date d = { 2026, 11, 26 };
	struct next_step step = next_step_decide(&f, d);
	TAP_INT_EQ(step.kind, NEXT_ATTEND_ALONE, "the next step suggests coming alone");
	TAP_STR_EQ(f.session_on, "2026-12-03", "at next week's session");

	attendance_mark(&desk, 104, 2, "present", 0, NULL);
	store_citizens_facts(db, 2, today, &f);
	next_step_upcoming(&f, now);
	TAP_STR_EQ(f.recent_attendance, "pPPP", "he came alone today");
	step = next_step_decide(&f, d);
	TAP_INT_EQ(step.kind, NEXT_SESSION, "no longer flagged");
	store_citizens_facts(db, 1, today, &f);
	TAP_STR_EQ(f.recent_attendance, "ep", "Åse: notice, then present before that (the cancelled one skipped)");
	db_close(db);
}

/* The week read a page at a time, forward, back and from a moment of
 * today, is the week read at once, row for row. */
static bool same_rows(const struct session_info *a, const struct session_info *b, int n)
{
	for (int i = 0; i < n; i++)
		if (a[i].activity_id != b[i].activity_id || strcmp(a[i].date, b[i].date) != 0
		    || a[i].roll != b[i].roll || a[i].marked != b[i].marked)
			return false;
	return true;
}

static void test_week_pages(void)
{
	struct db *db = NULL;
	bool made = testdb_demo("pages.db", 3000, 2, 1, (struct date){ 2026, 11, 26 }, &db);
	TAP_CHECK(made, "a demo centre of 3,000 citizens");
	if (!made) {
		if (db)
			db_close(db);
		return;
	}
	enum { MAX = 200, PAGE = 4 };
	static struct session_info all[MAX], paged[MAX], page[PAGE];
	const char *mon = "2026-11-23", *sun = "2026-11-29";
	int n = 0, got = 0, m = 0;
	store_attendance_sessions(db, mon, sun, "", all, MAX, &n);
	TAP_CHECK(n > 3 * PAGE && n < MAX, "the week has some pages (%d sessions)", n);

	struct session_key key;
	enum db_status r = store_attendance_sessions_page(db, mon, sun, "", NULL, SESSIONS_AFTER, page, PAGE, &got);
	while (r == DB_OK && got > 0 && m + got <= MAX) {
		memcpy(paged + m, page, (size_t)got * sizeof *page);
		m += got;
		session_key_of(&page[got - 1], &key);
		r = store_attendance_sessions_page(db, mon, sun, "", &key, SESSIONS_AFTER, page, PAGE, &got);
	}
	TAP_CHECK(r == DB_OK && m == n && same_rows(all, paged, n), "pages forward make the week (%d of %d)", m, n);

	m = 0;
	r = store_attendance_sessions_page(db, mon, sun, "", NULL, SESSIONS_BEFORE, page, PAGE, &got);
	while (r == DB_OK && got > 0 && m + got <= MAX) {
		memcpy(paged + (MAX - m - got), page, (size_t)got * sizeof *page);
		m += got;
		session_key_of(&page[0], &key);
		r = store_attendance_sessions_page(db, mon, sun, "", &key, SESSIONS_BEFORE, page, PAGE, &got);
	}
	TAP_CHECK(r == DB_OK && m == n && same_rows(all, paged + (MAX - m), n), "pages back make the week (%d of %d)",
		  m, n);

	int k = n / 2;
	session_key_of(&all[k], &key);
	store_attendance_sessions_page(db, mon, sun, "", &key, SESSIONS_FROM, page, PAGE, &got);
	TAP_CHECK(got == PAGE && same_rows(all + k, page, PAGE), "a page from a row starts with that row");

	struct session_key noon = { "2026-11-26", "12:00~", 0 };
	int before = 0, after = 0;
	store_attendance_sessions_page(db, mon, sun, "", &noon, SESSIONS_BEFORE, paged, PAGE, &before);
	store_attendance_sessions_page(db, mon, sun, "", &noon, SESSIONS_AFTER, paged + before, PAGE, &after);
	int at = 0;
	while (at < n && (strcmp(all[at].date, noon.date) < 0
			  || (strcmp(all[at].date, noon.date) == 0 && all[at].start_time[0]
			      && strcmp(all[at].start_time, "12:00") <= 0)))
		at++;
	TAP_CHECK(before == PAGE && after == PAGE && same_rows(all + at - PAGE, paged, 2 * PAGE),
		  "today at noon: the page before and the page after the minute");

	int week = n;
	store_attendance_sessions(db, mon, sun, "cafe", all, MAX, &n);
	m = 0;
	r = store_attendance_sessions_page(db, mon, sun, "cafe", NULL, SESSIONS_AFTER, page, PAGE, &got);
	while (r == DB_OK && got > 0 && m + got <= MAX) {
		memcpy(paged + m, page, (size_t)got * sizeof *page);
		m += got;
		session_key_of(&page[got - 1], &key);
		r = store_attendance_sessions_page(db, mon, sun, "cafe", &key, SESSIONS_AFTER, page, PAGE, &got);
	}
	TAP_CHECK(n > 0 && n < week && m == n && same_rows(all, paged, n),
		  "and so do the pages of a search for 'cafe' (%d of %d, of %d)", m, n, week);
	db_close(db);
}

/* The missed-sessions rule looks back at the citizen's latest marks at
 * the activity, back to the newest present: the same marks whichever side
 * the walk starts from, and a newcomer's look back does not read the
 * activity's years of sessions (a regular's stops at the last present or
 * the twelfth mark; a citizen with many marks elsewhere and few here
 * still walks the activity, rare and bounded). */
static void test_recent_marks_walk(void)
{
	struct db *db = open_centre("recent-marks");
	enum { WEEKS = 200, ELSEWHERE = 60 };
	char sql[256];
	struct date thursday = { 2026, 11, 26 };
	exec_ok(db, "INSERT INTO activities(id, name, kind, place, weekday, start_time, end_time, created_at) VALUES"
		    " (50, 'Strik og snak', 'social_cafe', 'Biblioteket', 4, '13:00', '15:00', '2022-01-01 10:00:00'),"
		    " (51, 'Krolf', 'association', 'Krolfklubben', 4, '10:00', '12:00', '2022-01-01 10:00:00');"
		    "INSERT INTO citizens(id, name) VALUES (20, 'Ny Nielsen'), (21, 'Fast Frandsen'),"
		    " (22, 'Anden Andersen');"
		    "INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (20, 50, '2026-11-10'),"
		    " (21, 50, '2022-01-01'), (22, 50, '2026-11-01'), (22, 51, '2022-01-01');");
	for (int w = 0; w < WEEKS; w++) {
		char day[DATE_ISO_LEN];
		date_format_iso(date_add_days(thursday, -7L * w), day);
		snprintf(sql, sizeof sql,
			 "INSERT INTO sessions(id, activity_id, date, status) VALUES (%d, 50, '%s', 'held'),"
			 " (%d, 51, '%s', 'held')",
			 1000 + w, day, 2000 + w, day);
		exec_ok(db, sql);
		/* The regular comes every week but every fifth; the other
		 * comes to the other activity. */
		snprintf(sql, sizeof sql, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (%d, 21, '%s')",
			 1000 + w, w % 5 == 1 ? "absent" : "present");
		exec_ok(db, sql);
		if (w < ELSEWHERE) {
			snprintf(sql, sizeof sql,
				 "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (%d, 22, 'present')", 2000 + w);
			exec_ok(db, sql);
		}
	}
	/* The newcomer also sent notice for next week, was marked at a
	 * session since cancelled and at the other activity the same day:
	 * none of it is looked back at. */
	exec_ok(db, "INSERT INTO sessions(id, activity_id, date, status) VALUES (999, 50, '2026-12-03', 'planned'),"
		    " (998, 50, '2026-11-25', 'cancelled');"
		    "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (1000, 20, 'absent'),"
		    " (1001, 20, 'present'), (999, 20, 'excused'), (998, 20, 'present'), (2000, 20, 'present'),"
		    " (1000, 22, 'excused'), (1001, 22, 'absent'), (1002, 22, 'present')");
	struct mark_context cx = { .session = { .id = 1000, .activity_id = 50, .date = "2026-11-26" } };
	struct attendance_past past[ATT_RECENT];
	int n = 0;
	long long before = db_work(db);
	TAP_INT_EQ(store_attendance_recent_marks(db, &cx, 20, past, ATT_RECENT, &n), DB_OK, "a newcomer's look back");
	long long newcomer = db_work(db) - before;
	TAP_CHECK(n == 2 && past[0].mark == 'a' && past[1].mark == 'p', "two marks, newest first (%d)", n);
	before = db_work(db);
	TAP_INT_EQ(store_attendance_recent_marks(db, &cx, 21, past, ATT_RECENT, &n), DB_OK, "a regular's look back");
	long long regular = db_work(db) - before;
	char marks[ATT_RECENT + 1] = "";
	for (int i = 0; i < n; i++)
		marks[i] = past[i].mark;
	TAP_STR_EQ(marks, "p", "the regular's look back stops at the newest present");
	struct mark_context week_before = cx;
	week_before.session.id = 1001;
	snprintf(week_before.session.date, sizeof week_before.session.date, "2026-11-19");
	TAP_INT_EQ(store_attendance_recent_marks(db, &week_before, 21, past, ATT_RECENT, &n), DB_OK,
		   "the regular's look back from the week before");
	for (int i = 0; i < n; i++)
		marks[i] = past[i].mark;
	marks[n] = '\0';
	TAP_STR_EQ(marks, "ap", "the absence, back to the present before it");
	TAP_INT_EQ(store_attendance_recent_marks(db, &cx, 22, past, ATT_RECENT, &n), DB_OK,
		   "the look back of one who comes elsewhere");
	TAP_CHECK(n == 3 && past[0].mark == 'e' && past[1].mark == 'a' && past[2].mark == 'p',
		  "only the marks at this activity (%d)", n);
	/* The walk of all the activity's 200 weeks that the newcomer's look
	 * back must not do. On a server db_work counts statements: there
	 * the newcomer's three are not compared with one. */
	before = db_work(db);
	long long weeks = -1;
	db_query_int(db, "SELECT count(t.mark) FROM sessions AS s LEFT JOIN attendance AS t ON t.session_id = s.id"
			 " AND t.citizen_id = 20 WHERE s.activity_id = 50 AND s.date <= '2026-11-26'", &weeks);
	long long all_weeks = db_work(db) - before;
	TAP_CHECK(testdb_pg() || 4 * newcomer < all_weeks,
		  "the newcomer's look back is under a quarter of walking the activity's weeks (%lld, %lld)", newcomer,
		  all_weeks);
	TAP_CHECK(testdb_pg() || regular < newcomer, "the regular's, ending at the last present, is less (%lld)",
		  regular);
	/* Their rows of the roll list: whether it is the first time is read
	 * from the citizen's marks, not from the activity's four years. */
	exec_ok(db, "INSERT INTO citizens(id, name) VALUES (23, 'Helt Ny');"
		    "INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (23, 50, '2026-11-20')");
	struct roll_entry row;
	before = db_work(db);
	TAP_INT_EQ(store_attendance_roll_entry(db, &cx.session, 23, &row), DB_OK, "a first-timer's row");
	long long first_timer = db_work(db) - before;
	TAP_CHECK(row.first_time, "... says it is the first time");
	before = db_work(db);
	TAP_INT_EQ(store_attendance_roll_entry(db, &cx.session, 21, &row), DB_OK, "the regular's row");
	regular = db_work(db) - before;
	TAP_CHECK(!row.first_time, "... does not");
	TAP_CHECK(first_timer <= regular + 50, "the first-timer's row is about the regular's work (%lld, %lld)",
		  first_timer, regular);
	db_close(db);
}

/* The same marks typed in two orders: the run's call is due at a mark in
 * the middle of the later ones, not at the newest, and the day's replay
 * agrees (a reviewer's case). */
static void test_order_middle(void)
{
	struct db *db = open_centre("review.db");
	struct mark_outcome out;
	exec_ok(db, "INSERT INTO sessions(id, activity_id, date, start_time, end_time, status) VALUES"
		" (100, 1, '2026-10-29', '10:00', '11:30', 'held');"
		"INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (6, 1, '2026-01-10'), (7, 1, '2026-01-10');"
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES (100, 6, 'present'), (100, 7, 'present')");
	/* Ib, in date order: away 5 Nov, away 19 Nov (call), notice today. */
	attendance_mark(&desk, 101, 7, "absent", 0, &out);
	attendance_mark(&desk, 103, 7, "absent", 0, &out);
	TAP_CHECK(out.call_planned, "Ib, in date order: a call at the second absence");
	attendance_mark(&desk, 104, 7, "excused", 0, &out);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 7 AND status = 'open'"), 1,
		   "and after a notice today, one call open");
	/* Karen, the same marks, the 5th typed last. */
	attendance_mark(&desk, 103, 6, "absent", 0, &out);
	attendance_mark(&desk, 104, 6, "excused", 0, &out);
	attendance_mark(&desk, 101, 6, "absent", 0, &out);
	TAP_CHECK(out.call_planned, "Karen, the same marks with the 5th typed last: a call as for Ib");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 6 AND status = 'open'"), 1,
		   "one call open, as for Ib");
	struct call_sweep sw;
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2026, 11, 26 }, true, &sw), DB_OK, "the day's replay of the marks runs");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 6 AND status = 'open'"), 1,
		   "and plans no second call for Karen");
	db_close(db);
}

/* A notice given ahead for 3 Dec is not where a run caught up ends. */
static void test_order_notice_ahead(void)
{
	struct db *db = open_centre("review2.db");
	struct mark_outcome out;
	exec_ok(db, "INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (6, 1, '2026-01-10');"
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES (101, 6, 'present')");
	attendance_mark(&desk, 104, 6, "absent", 0, &out);
	attendance_mark(&desk, 105, 6, "excused", 0, &out);
	attendance_mark(&desk, 103, 6, "absent", 0, &out);
	TAP_CHECK(out.call_planned, "away the 19th (typed last) and today, notice for 3 Dec: a call");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 6 AND status = 'open'"), 1,
		   "one call open");
	db_close(db);
}

/* A correction that breaks a later run takes back the call it caused. */
static void test_order_correction(void)
{
	struct db *db = open_centre("review3.db");
	struct mark_outcome out;
	exec_ok(db, "INSERT INTO sessions(id, activity_id, date, start_time, end_time, status) VALUES"
		" (100, 1, '2026-10-29', '10:00', '11:30', 'held');"
		"INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (6, 1, '2026-01-10')");
	attendance_mark(&desk, 100, 6, "absent", 0, &out);
	attendance_mark(&desk, 101, 6, "absent", 0, &out);
	TAP_CHECK(out.call_planned, "away 29 Oct and 5 Nov: a call");
	attendance_mark(&desk, 103, 6, "excused", 0, &out);
	attendance_mark(&desk, 100, 6, "present", 0, &out);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 6 AND status = 'open'"), 0,
		   "29 Oct corrected to came: one absence and a notice, no call open (as typed in order)");
	db_close(db);
}

/* Notices caught up around one given ahead plan no call keyed to the
 * future session, which coming today would not take back. */
static void test_order_future_call(void)
{
	struct db *db = open_centre("review4.db");
	struct mark_outcome out;
	exec_ok(db, "INSERT INTO sessions(id, activity_id, date, start_time, end_time, status) VALUES"
		" (100, 1, '2026-10-29', '10:00', '11:30', 'held');"
		"INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (6, 1, '2026-01-10');"
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES (100, 6, 'present'), (101, 6, 'excused')");
	attendance_mark(&desk, 105, 6, "excused", 0, &out);
	TAP_CHECK(!out.call_planned, "notice ahead for 3 Dec: no call");
	attendance_mark(&desk, 103, 6, "excused", 0, &out);
	TAP_CHECK(!out.call_planned, "notice on the 19th caught up: no call before 3 Dec has come");
	attendance_mark(&desk, 104, 6, "present", 0, &out);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 6 AND status = 'open'"), 0,
		   "Karen came today: no call open");
	db_close(db);
}

int main(void)
{
	setenv("BROBYGGER_TODAY", "2026-11-26", 0);
	setenv("LANGUAGE", "da", 1);
	dbrules_install();
	if (!testdb_start("attendance"))
		return 1;
	test_migration();
	test_week();
	test_week_order_kept();
	test_week_pages();
	test_roll();
	test_marks();
	test_missed_rule();
	test_marks_out_of_order();
	test_order_middle();
	test_order_notice_ahead();
	test_order_correction();
	test_order_future_call();
	test_came_back();
	test_accompaniment_rule();
	test_walk_ins();
	test_walk_in_full();
	test_session_details();
	test_history();
	test_facts();
	test_recent_marks_walk();
	testdb_finish();
	return tap_done();
}
