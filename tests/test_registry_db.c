/* The registry's use cases (src/registry.c) on temporary files:
 * volunteers and activities created, read back, searched as you type the
 * Danish way, edited with a version check, paused, stopped and ended
 * (never deleted), each change audited and refused to a desk volunteer;
 * an activity's times checked by the rule before anything is written;
 * and the weekly sessions planned ahead: idempotent, following a changed
 * weekday or time, dropped or cancelled when an activity ends. The
 * clock is the test clock (BROBYGGER_TODAY), moved where a test needs a
 * later day. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "desk.h"
#include "fold.h"
#include "registry.h"
#include "registry_rules.h"
#include "store_registry.h"
#include "tap.h"
#include "testdb.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static const char *today = "2026-11-26"; /* a Thursday */
static struct desk coordinator;  /* who keeps the registry */
static struct desk front_desk;   /* a desk volunteer: may look, not change */

static struct db *open_fresh(const char *name)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("# cannot open %s\n", path);
		exit(1);
	}
	if (db_exec(db, "INSERT INTO users(name, role) VALUES ('Kirsten Åby', 'coordinator'), ('Bo Holm', 'desk')")
	    != DB_OK)
		exit(1);
	coordinator = (struct desk){ .db = db, .user = 1, .role = ROLE_COORDINATOR, .users_exist = true };
	front_desk = (struct desk){ .db = db, .user = 2, .role = ROLE_DESK, .users_exist = true };
	return db;
}

static void set_today(const char *day)
{
	setenv("BROBYGGER_TODAY", day, 1);
}

static struct volunteer_record bente(void)
{
	struct volunteer_record v;
	memset(&v, 0, sizeof v);
	SET(v.name, "Bente Ølgaard");
	SET(v.phone, "21 43 65 87");
	SET(v.email, "bente@example.dk");
	SET(v.postcode, "8000");
	SET(v.town, "Aarhus C");
	SET(v.gender, "woman");
	v.birth_year = 1961;
	SET(v.lived_experience, "Har selv haft angst og ved, hvor svært det første skridt er.");
	v.capacity = 3;
	SET(v.status, "active");
	v.roles = 1u << 0 | 1u << 3; /* peer supporter, community guide */
	v.interests[0] = 1;
	v.interests[1] = 8;
	v.ninterests = 2;
	SET(v.languages[0], "dansk");
	SET(v.languages[1], "engelsk");
	v.nlanguages = 2;
	SET(v.areas[0], "8000");
	SET(v.areas[1], "8200");
	v.nareas = 2;
	v.availability = AVAIL_BIT(2, 0) | AVAIL_BIT(4, 0) | AVAIL_BIT(4, 1);
	SET(v.courses[0].course, "Recovery-mentorforløb (20 timer)");
	SET(v.courses[0].completed_on, "2025-03-14");
	v.ncourses = 1;
	return v;
}

static void volunteers(void)
{
	struct db *db = open_fresh("volunteers.db");
	struct volunteer_record in = bente(), back;
	long long id = 0;
	TAP_INT_EQ(registry_save_volunteer(&coordinator, &in, 0, &id), DB_OK, "a volunteer with Danish text is created");
	TAP_INT_EQ(registry_volunteer(&coordinator, id, &back), DB_OK, "and read back");
	TAP_STR_EQ(back.name, "Bente Ølgaard", "the name with ø");
	TAP_STR_EQ(back.lived_experience, in.lived_experience, "lived experience in her own words");
	TAP_INT_EQ(back.roles, in.roles, "the roles");
	TAP_CHECK(back.ninterests == 2 && back.interests[0] == 1 && back.interests[1] == 8, "the interests");
	TAP_CHECK(back.nlanguages == 2 && strcmp(back.languages[0], "dansk") == 0
		  && strcmp(back.languages[1], "engelsk") == 0, "the languages");
	TAP_CHECK(back.nareas == 2 && strcmp(back.areas[1], "8200") == 0, "the areas");
	TAP_INT_EQ(back.availability, in.availability, "weekday by part of day");
	TAP_CHECK(back.ncourses == 1 && strcmp(back.courses[0].completed_on, "2025-03-14") == 0
		  && strcmp(back.courses[0].course, "Recovery-mentorforløb (20 timer)") == 0, "the course and its date");
	TAP_INT_EQ(back.version, 1, "a new record is version 1");
	TAP_INT_EQ(back.load, 0, "no citizens yet");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'volunteer' AND action = 'create'"
				    " AND user_id = 1"), 1, "the creation is in the audit log, by the coordinator");

	/* A desk volunteer looks things up, but the registry is the
	 * coordinator's: the use case refuses, whatever the screen does. */
	TAP_INT_EQ(registry_volunteer(&front_desk, id, &back), DB_OK, "a desk volunteer may look");
	struct volunteer_record by_desk = back;
	SET(by_desk.phone, "12 34 56 78");
	TAP_INT_EQ(registry_save_volunteer(&front_desk, &by_desk, back.version, NULL), DB_ERR_FORBIDDEN,
		   "but not save");
	TAP_INT_EQ(registry_set_volunteer_status(&front_desk, id, "paused"), DB_ERR_FORBIDDEN, "nor pause");
	TAP_INT_EQ(registry_save_volunteer(&front_desk, &in, 0, NULL), DB_ERR_FORBIDDEN, "nor add a volunteer");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM volunteers WHERE phone = '12 34 56 78' OR status = 'paused'"),
		   0, "nothing of that was written");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM volunteers"), 1, "and no second volunteer");

	/* An edit, then a second edit from a desk that read version 1. */
	struct volunteer_record edit = back;
	SET(edit.phone, "99 88 77 66");
	edit.nareas = 1;
	edit.availability = 0;
	TAP_INT_EQ(registry_save_volunteer(&coordinator, &edit, back.version, NULL), DB_OK, "an edit is saved");
	struct volunteer_record stale = back;
	SET(stale.email, "old@example.dk");
	TAP_INT_EQ(registry_save_volunteer(&coordinator, &stale, back.version, NULL), DB_ERR_CONFLICT,
		   "an edit of an old version is refused");
	registry_volunteer(&coordinator, id, &back);
	TAP_STR_EQ(back.phone, "99 88 77 66", "the first edit stands");
	TAP_STR_EQ(back.email, "bente@example.dk", "the refused edit wrote nothing");
	TAP_CHECK(back.nareas == 1 && back.availability == 0, "the sets were replaced as a whole");
	TAP_INT_EQ(back.version, 2, "the version went up once");

	struct volunteer_record bad = back;
	SET(bad.areas[0], "80");
	SET(bad.name, "Ikke gemt");
	TAP_INT_EQ(registry_save_volunteer(&coordinator, &bad, back.version, NULL), DB_ERR_CONSTRAINT,
		   "a postcode that is not four digits is refused");
	registry_volunteer(&coordinator, id, &back);
	TAP_STR_EQ(back.name, "Bente Ølgaard", "and nothing of that save was kept");

	struct volunteer_record others[3] = { bente(), bente(), bente() };
	const char *names[] = { "Søren Åberg", "Aase Holm", "Zara Hansen" };
	const char *phones[] = { "11 22 33 44", "55 66 77 88", "12 12 12 12" };
	long long ids[3];
	for (int i = 0; i < 3; i++) {
		SET(others[i].name, names[i]);
		SET(others[i].phone, phones[i]);
		SET(others[i].postcode, i == 2 ? "2100" : "8000");
		registry_save_volunteer(&coordinator, &others[i], 0, &ids[i]);
	}
	TAP_INT_EQ(registry_set_volunteer_status(&coordinator, ids[2], "stopped"), DB_OK, "a volunteer is stopped");
	TAP_INT_EQ(registry_set_volunteer_status(&coordinator, 9999, "paused"), DB_ERR_NOTFOUND, "nobody to pause");

	struct volunteer_row rows[10];
	int n = 0;
	char q[64];
	TAP_INT_EQ(registry_find_volunteers(&coordinator, "", 0, 10, rows, &n), DB_OK, "everyone is listed");
	TAP_CHECK(n == 4 && strcmp(rows[0].name, "Bente Ølgaard") == 0 && strcmp(rows[1].name, "Søren Åberg") == 0
		  && strcmp(rows[2].name, "Aase Holm") == 0 && strcmp(rows[3].name, "Zara Hansen") == 0,
		  "Danish order (Aase as Å, after Søren), the stopped one last");
	TAP_CHECK(n == 4 && rows[0].roles == in.roles && rows[0].capacity == 3, "a row has roles and capacity");
	fold_search("sør", q, sizeof q);
	registry_find_volunteers(&coordinator, q, 0, 10, rows, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].name, "Søren Åberg") == 0, "'sør' finds Søren");
	fold_search("aaberg", q, sizeof q);
	registry_find_volunteers(&coordinator, q, 0, 10, rows, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].name, "Søren Åberg") == 0, "'aaberg' finds Åberg");
	registry_find_volunteers(&coordinator, "5566", 0, 10, rows, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].name, "Aase Holm") == 0, "the start of a phone number finds her");
	registry_find_volunteers(&coordinator, "7788", 0, 10, rows, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].name, "Aase Holm") == 0, "so do the last four digits");
	registry_find_volunteers(&coordinator, "66 77", 0, 10, rows, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].name, "Aase Holm") == 0, "and digits from the middle, typed with a space");
	registry_find_volunteers(&coordinator, "2100", 0, 10, rows, &n);
	TAP_CHECK(n == 1 && strcmp(rows[0].name, "Zara Hansen") == 0, "a postcode finds him");
	registry_find_volunteers(&coordinator, "holm ase", 0, 10, rows, &n); /* "holm aase" folded */
	TAP_CHECK(n == 1 && strcmp(rows[0].name, "Aase Holm") == 0, "words in any order");
	registry_find_volunteers(&coordinator, "olgard%", 0, 10, rows, &n);
	TAP_INT_EQ(n, 1, "a typed %% is not a wildcard");
	registry_find_volunteers(&coordinator, "xyz", 0, 10, rows, &n);
	TAP_INT_EQ(n, 0, "nothing found");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM volunteers"), 4, "nobody was deleted");
	db_close(db);
}

static struct activity_record walking(void)
{
	struct activity_record a;
	memset(&a, 0, sizeof a);
	SET(a.name, "Gå-gruppen torsdag");
	SET(a.kind, "motion_group");
	SET(a.organiser, "Frivilligcenter Århus");
	SET(a.place, "P-pladsen ved Riis Skov");
	SET(a.postcode, "8240");
	a.weekday = 4;
	SET(a.start_time, "10:00");
	SET(a.end_time, "11:30");
	a.capacity = 20;
	SET(a.contact_name, "Jørgen Ærenlund");
	SET(a.contact_phone, "86 12 34 56");
	SET(a.community, "lasting");
	SET(a.status, "active");
	a.interests[0] = 1;
	a.interests[1] = 8;
	a.ninterests = 2;
	return a;
}

static long long sessions_of(struct db *db, long long id, const char *where)
{
	char sql[300];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessions WHERE activity_id = %lld AND %s", id, where);
	return testdb_count(db, sql);
}

/* The time rule is checked before anything is written, and says which
 * field is wrong, so the form can go there. */
static void activity_times(struct db *db)
{
	struct activity_record a = walking();
	a.start_time[0] = '\0';
	enum activity_times_check why = ACTIVITY_TIMES_OK;
	long long id = -1;
	TAP_INT_EQ(registry_save_activity(&coordinator, &a, 0, &id, &why), DB_ERR_INVALID,
		   "a weekly activity without a start time is refused");
	TAP_INT_EQ(why, ACTIVITY_TIMES_NO_START, "and the form is told it is the start time");
	TAP_INT_EQ(id, 0, "no id is handed back");
	a = walking();
	SET(a.end_time, "09:30");
	TAP_INT_EQ(registry_save_activity(&coordinator, &a, 0, NULL, &why), DB_ERR_INVALID,
		   "an activity that ends before it starts is refused");
	TAP_INT_EQ(why, ACTIVITY_TIMES_END_NOT_AFTER_START, "and the form is told it is the end time");
	a = walking();
	TAP_INT_EQ(registry_save_activity(&front_desk, &a, 0, NULL, &why), DB_ERR_FORBIDDEN,
		   "a desk volunteer cannot add an activity");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM activities"), 0, "none of these wrote anything");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM sessions"), 0, "nor planned a session");
}

static void activities(void)
{
	struct db *db = open_fresh("activities.db");
	activity_times(db);
	struct activity_record in = walking(), back;
	long long id = 0;
	TAP_INT_EQ(registry_save_activity(&coordinator, &in, 0, &id, NULL), DB_OK, "a weekly activity is created");
	TAP_INT_EQ(registry_activity(&coordinator, id, &back), DB_OK, "and read back");
	TAP_STR_EQ(back.contact_name, "Jørgen Ærenlund", "the contact person with æ");
	TAP_CHECK(back.weekday == 4 && strcmp(back.start_time, "10:00") == 0, "Thursdays at 10:00");
	TAP_INT_EQ(back.ninterests, 2, "the interests it serves");
	TAP_INT_EQ(sessions_of(db, id, "1 = 1"), REG_SESSION_WEEKS, "twelve weeks of sessions are planned");
	TAP_INT_EQ(sessions_of(db, id, "date = '2026-11-26' AND start_time = '10:00'"), 1, "the first is today");
	TAP_INT_EQ(sessions_of(db, id, "date = '2027-02-11'"), 1, "the last is twelve Thursdays on");
	TAP_INT_EQ(sessions_of(db, id, "strftime('%w', date) != '4'"), 0, "all on Thursdays");
	TAP_STR_EQ(back.next_session, "2026-12-03", "the next session is known: at noon today's at 10:00 has begun");
	set_today("2026-11-26 09:30");
	registry_activity(&coordinator, id, &back);
	TAP_STR_EQ(back.next_session, "2026-11-26", "at half past nine it is today's");
	set_today("2026-11-26");

	int created = -1;
	TAP_INT_EQ(registry_plan_sessions(&front_desk, id, REG_SESSION_WEEKS, &created), DB_OK,
		   "planning again, as the registry screen does for whoever opens it");
	TAP_INT_EQ(created, 0, "plans nothing new");
	registry_plan_sessions(&coordinator, 0, REG_SESSION_WEEKS, &created);
	TAP_INT_EQ(sessions_of(db, id, "1 = 1"), REG_SESSION_WEEKS, "planning all activities makes no duplicates");
	db_exec(db, "UPDATE sessions SET status = 'cancelled', cancel_reason = 'Juleferie' WHERE date = '2026-12-24'");
	set_today("2026-12-03");
	registry_plan_sessions(&coordinator, id, REG_SESSION_WEEKS, &created);
	set_today(today);
	TAP_INT_EQ(created, 1, "a week later one more week is planned");
	TAP_INT_EQ(sessions_of(db, id, "date = '2026-12-24' AND status = 'cancelled'"), 1,
		   "a cancelled session stays cancelled");

	/* Someone came last... no: a citizen is marked for 3 December. A
	 * session with attendance is history and never moves. */
	db_exec(db, "INSERT INTO citizens(name) VALUES ('Poul Ågård')");
	db_exec(db, "INSERT INTO attendance(session_id, citizen_id, mark)"
		    " SELECT id, 1, 'present' FROM sessions WHERE date = '2026-12-03'");
	struct activity_record moved = back;
	moved.weekday = 2;
	TAP_INT_EQ(registry_save_activity(&coordinator, &moved, back.version, NULL, NULL), DB_OK,
		   "the activity moves to Tuesdays");
	TAP_INT_EQ(sessions_of(db, id, "strftime('%w', date) = '2' AND status = 'planned'"), REG_SESSION_WEEKS,
		   "twelve Tuesdays are planned");
	TAP_INT_EQ(sessions_of(db, id, "strftime('%w', date) = '4' AND status = 'planned'"), 1,
		   "of the Thursdays only the one with attendance is left");
	TAP_INT_EQ(sessions_of(db, id, "date = '2026-12-24'"), 1, "and the cancelled one, as history");

	registry_activity(&coordinator, id, &back);
	struct activity_record later = back;
	SET(later.start_time, "10:30");
	SET(later.end_time, "12:00");
	registry_save_activity(&coordinator, &later, back.version, NULL, NULL);
	TAP_INT_EQ(sessions_of(db, id, "status = 'planned' AND strftime('%w', date) = '2' AND start_time = '10:30'"),
		   REG_SESSION_WEEKS, "a new time moves the planned sessions");
	TAP_INT_EQ(registry_save_activity(&coordinator, &later, back.version, NULL, NULL), DB_ERR_CONFLICT,
		   "saving over a newer version is refused");

	TAP_INT_EQ(registry_set_activity_status(&front_desk, id, "ended", "Slut"), DB_ERR_FORBIDDEN,
		   "a desk volunteer cannot end an activity");
	TAP_INT_EQ(registry_set_activity_status(&coordinator, id, "ended", "Aktiviteten er stoppet"), DB_OK,
		   "the activity ends");
	TAP_INT_EQ(sessions_of(db, id, "status = 'planned' AND date >= '2026-11-26'"), 0, "nothing planned any more");
	TAP_INT_EQ(sessions_of(db, id, "status = 'cancelled' AND cancel_reason = 'Aktiviteten er stoppet'"), 1,
		   "the session with attendance is cancelled with the reason, not deleted");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM activities"), 1, "the activity is kept");
	registry_plan_sessions(&coordinator, 0, REG_SESSION_WEEKS, &created);
	TAP_INT_EQ(created, 0, "an ended activity gets no sessions");
	TAP_INT_EQ(registry_set_activity_status(&coordinator, id, "active", NULL), DB_OK, "and starts again");
	TAP_INT_EQ(sessions_of(db, id, "status = 'planned'"), REG_SESSION_WEEKS, "with its sessions planned anew");

	struct activity_record irregular = walking();
	SET(irregular.name, "Tur til Mols Bjerge");
	irregular.weekday = 0;
	long long id2 = 0;
	registry_save_activity(&coordinator, &irregular, 0, &id2, NULL);
	TAP_INT_EQ(sessions_of(db, id2, "1 = 1"), 0, "an activity that is not weekly gets no sessions");

	struct activity_row rows[5];
	int n = 0;
	char q[64];
	fold_search("ga gruppen", q, sizeof q);
	registry_find_activities(&coordinator, q, 0, 5, rows, &n);
	TAP_CHECK(n == 1 && rows[0].id == id && rows[0].weekday == 2, "'ga gruppen' finds Gå-gruppen");
	registry_find_activities(&coordinator, "mols", 0, 5, rows, &n);
	TAP_CHECK(n == 1 && rows[0].id == id2, "a word inside the name finds it");
	fold_search("Riis", q, sizeof q);
	registry_find_activities(&coordinator, q, 0, 5, rows, &n);
	TAP_INT_EQ(n, 2, "the place is searched too");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'activity' AND user_id = 1"), 6,
		   "every change of an activity is in the audit log");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'session'"
				    " AND detail LIKE 'sessions planned: %'"), 1,
		   "so is a week planned ahead by the registry screen");
	db_close(db);
}

/* The day's pass of plans (registry_plan_ahead_step) to its end on `day`;
 * *steps counts them. */
static int plan_day(struct desk *d, const char *day, int *steps)
{
	set_today(day);
	struct date t;
	date_parse_iso(day, &t);
	struct plan_ahead p = { 0 };
	*steps = 0;
	while (!p.done && *steps < 1000) {
		if (registry_plan_ahead_step(d, t, &p) != DB_OK)
			return -1;
		(*steps)++;
	}
	return p.created;
}

/* What the full plan of every activity (every date, every activity, as
 * the pass did before migration 21) would still add on `day`. */
static int missing_on(struct db *db, const char *day)
{
	int created = -1;
	if (db_begin(db) != DB_OK)
		return -1;
	enum db_status r = store_registry_plan_sessions(db, 0, day, REG_SESSION_WEEKS, &created);
	db_end(db, DB_ERR_CONFLICT); /* only counted: rolled back */
	return r == DB_OK ? created : -1;
}

/* The day's pass plans only the activities the weeks ahead now reach a
 * new day of, from that day on; whatever may leave a gap (a session
 * deleted or moved, a weekday or status changed, an activity new, the
 * clock put back) makes it plan that activity in full: day after day,
 * the full plan finds nothing missing. */
static void plan_ahead(void)
{
	struct db *db = open_fresh("plan_ahead.db");
	struct desk nobody = { .db = db, .users_exist = true };
	/* 70 activities, ten a weekday, one without a weekday, one ended. */
	TAP_INT_EQ(db_exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 70)"
			       " INSERT INTO activities(id, name, kind, weekday, start_time)"
			       " SELECT i, 'Hold ' || i, 'motion_group', i % 7 + 1, '10:00' FROM n;"
			       "INSERT INTO activities(id, name, kind, start_time) VALUES (71, 'Når det passer', 'motion_group', NULL);"
			       "INSERT INTO activities(id, name, kind, weekday, start_time, status)"
			       " VALUES (72, 'Sluttet', 'motion_group', 3, '10:00', 'ended');"),
		   DB_OK, "seventy weekly activities, one without a weekday, one ended");
	int steps = 0;
	TAP_INT_EQ(plan_day(&nobody, "2026-11-26", &steps), 70 * REG_SESSION_WEEKS, "the first day plans them all");
	TAP_INT_EQ(missing_on(db, "2026-11-26"), 0, "and the full plan finds nothing missing");
	TAP_INT_EQ(plan_day(&nobody, "2026-11-26", &steps), 0, "the same day again plans nothing");
	TAP_INT_EQ(steps, 1, "in one step, reading none");
	static const struct {
		const char *day, *change, *what;
	} days[] = {
		{ "2026-11-27", NULL, "the next day" },
		{ "2026-11-28", "DELETE FROM sessions WHERE activity_id = 3 AND date = '2026-12-10'", "a session deleted" },
		{ "2026-11-29", "UPDATE sessions SET date = '2026-12-19' WHERE activity_id = 5 AND date = '2026-12-18'",
		  "a session moved" },
		{ "2026-11-30", "UPDATE activities SET weekday = 1 WHERE id = 9", "a weekday changed" },
		{ "2026-12-01", "UPDATE activities SET status = 'ended' WHERE id = 10", "an activity ended" },
		{ "2026-12-02", "UPDATE activities SET status = 'active' WHERE id = 10", "and taken up again" },
		{ "2026-12-03", "INSERT INTO activities(id, name, kind, weekday, start_time)"
				" VALUES (73, 'Ny', 'motion_group', 2, '10:00')", "an activity added" },
		{ "2026-12-09", NULL, "six days on" },
		{ "2026-12-05", NULL, "the clock put back four days" },
		{ "2027-01-20", NULL, "six weeks on" },
	};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		if (days[i].change && db_exec(db, days[i].change) != DB_OK)
			printf("Bail out! %s\n", days[i].change);
		int made = plan_day(&nobody, days[i].day, &steps);
		TAP_CHECK(made >= 0 && missing_on(db, days[i].day) == 0, "%s (%s): %d planned in %d steps, none missing",
			  days[i].what, days[i].day, made, steps);
	}
	/* An ordinary day reads the activities of one weekday: twelve weeks
	 * from Thursday 21 January reach Wednesday 14 April. */
	TAP_INT_EQ(plan_day(&nobody, "2027-01-21", &steps),
		   testdb_count(db, "SELECT count(*) FROM activities WHERE status = 'active' AND weekday = 3"),
		   "an ordinary day plans one session for each activity on Wednesdays, and no other");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM activities WHERE status = 'active' AND weekday IS NOT NULL"
				    " AND plan_next < '2027-04-15'"), 0, "every plan reaches twelve weeks on");
	db_close(db);
}

int main(void)
{
	dbrules_install();
	setenv("BROBYGGER_TODAY", today, 0);
	if (!testdb_start("registry"))
		return 1;
	volunteers();
	activities();
	plan_ahead();
	testdb_finish();
	return tap_done();
}
