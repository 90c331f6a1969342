/* Every multi-step use case is one transaction: with a failure injected
 * into its last step (a temporary trigger that refuses the write), none
 * of its earlier steps remains. One function per use case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anonymise.h"
#include "attendance.h"
#include "calls.h"
#include "citizens.h"
#include "consents.h"
#include "db.h"
#include "desk.h"
#include "exchange.h"
#include "intake.h"
#include "matching.h"
#include "measures.h"
#include "registry.h"
#include "retention.h"
#include "tap.h"
#include "testdb.h"

static void exec_ok(struct db *db, const char *sql)
{
	if (db_exec(db, sql) != DB_OK) {
		printf("# %s: %s\n", sql, db_errdetail(db));
		exit(1);
	}
}

/* A trigger `name` that refuses `event` ("BEFORE INSERT") on `table`
 * (where `when` holds, if given): on SQLite a temporary one, on this
 * connection only; on PostgreSQL one on the table. */
static void inject(struct db *db, const char *name, const char *event, const char *table, const char *when)
{
	char sql[512];
	if (testdb_pg())
		snprintf(sql, sizeof sql,
			 "CREATE OR REPLACE FUNCTION bb_injected() RETURNS trigger LANGUAGE plpgsql AS"
			 " $$BEGIN RAISE EXCEPTION 'injected failure'; END$$;"
			 "CREATE TRIGGER %s %s ON %s FOR EACH ROW%s%s%s EXECUTE FUNCTION bb_injected();",
			 name, event, table, when ? " WHEN (" : "", when ? when : "", when ? ")" : "");
	else
		snprintf(sql, sizeof sql,
			 "CREATE TEMP TRIGGER %s %s ON main.%s%s%s BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
			 name, event, table, when ? " WHEN " : "", when ? when : "");
	exec_ok(db, sql);
}

static void uninject(struct db *db, const char *name, const char *table)
{
	char sql[160];
	if (testdb_pg())
		snprintf(sql, sizeof sql, "DROP TRIGGER %s ON %s", name, table);
	else
		snprintf(sql, sizeof sql, "DROP TRIGGER temp.%s", name);
	exec_ok(db, sql);
}

/* Refuses every INSERT into `table` on this connection from now on. */
static void fail_inserts_into(struct db *db, const char *table)
{
	char name[64];
	snprintf(name, sizeof name, "injected_%s", table);
	inject(db, name, "BEFORE INSERT", table, NULL);
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
		"INSERT INTO consents(citizen_id, purpose, given_on) SELECT id, 'volunteer_contact', '2026-01-10'"
		" FROM citizens;"
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
	uninject(db, "injected_follow_ups", "follow_ups");
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
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents WHERE citizen_id > 3"), 0, "no consent");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE session_id = 103"), 0, "no mark");
	db_close(db);
}

/* The session's details and its cancellation, saved as one. */
static void session_saved_cancelled(void)
{
	struct desk desk;
	struct db *db = open_centre("session.db", &desk);
	fail_inserts_into(db, "audit_log");
	struct session_edit e = { .id = 103, .date = "2026-11-27", .note = "Flyttet", .version = 1 };
	enum session_refusal why;
	TAP_CHECK(attendance_save_session(&desk, &e, true, "Helligdag", &why) != DB_OK, "the audit record fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM sessions WHERE id = 103 AND date = '2026-11-26'"
				    " AND status = 'planned' AND note IS NULL"), 1,
		   "the session is neither moved nor cancelled");
	db_close(db);
}

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

/* A first conversation with every part an intake writes. */
static void full_intake(struct citizen_card *c)
{
	memset(c, 0, sizeof *c);
	SET(c->citizen.name, "Karen Ærø");
	SET(c->citizen.phone, "20 30 40 50");
	SET(c->referral.referred_on, "2026-11-20");
	SET(c->referral.source, "gp");
	c->consent.registration = true;
	c->consent.volunteer_contact = true;
	SET(c->relative.name, "Poul Ærø");
	c->relative.wants_support = true;
	SET(c->assessment.outcome, "volunteer_help");
	c->interests[0] = 1;
	c->ninterests = 1;
	c->barriers[0] = 2;
	c->nbarriers = 1;
	c->availability = AVAIL_BIT(2, 0);
}

/* Rows an intake writes besides the citizen, in one number. */
static long long intake_rows(struct db *db)
{
	return testdb_count(db, "SELECT (SELECT count(*) FROM citizens) + (SELECT count(*) FROM referrals)"
				" + (SELECT count(*) FROM consents) + (SELECT count(*) FROM relatives)"
				" + (SELECT count(*) FROM assessments) + (SELECT count(*) FROM citizen_interests)"
				" + (SELECT count(*) FROM citizen_barriers) + (SELECT count(*) FROM citizen_availability)");
}

/* An intake from a draft: citizen, referral, relative, the call to the
 * relative who wants support, consents, assessment, picks, the draft
 * removed, and the audit record last; then the same with the assessment
 * failing, and with the call to the relative failing. */
static void intake_registered(void)
{
	static const char *const last_steps[] = { "audit_log", "assessments", "follow_ups" };
	for (size_t i = 0; i < sizeof last_steps / sizeof last_steps[0]; i++) {
		char name[64];
		snprintf(name, sizeof name, "intake-%s.db", last_steps[i]);
		struct desk desk;
		struct db *db = open_centre(name, &desk);
		long long draft = 0;
		intake_draft_save(&desk, &draft, "Ærø, Karen", "name=Karen Ærø");
		long long rows = intake_rows(db), audit = testdb_count(db, "SELECT count(*) FROM audit_log");
		fail_inserts_into(db, last_steps[i]);
		struct citizen_card c;
		full_intake(&c);
		long long id = -1;
		TAP_CHECK(intake_register(&desk, &c, draft, &id) != DB_OK, "an intake whose %s cannot be written fails",
			  last_steps[i]);
		TAP_INT_EQ(id, 0, "no id is handed back");
		TAP_INT_EQ(intake_rows(db), rows, "no citizen, referral, consent, relative, assessment or pick remains");
		TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 1, "the draft is still there");
		TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), audit, "nothing more in the audit log");
		TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), 0, "no call to the relative");
		db_close(db);
	}
}

/* Saving an edited card: the citizen's row (version bumped), the referral,
 * relative, consents, assessment and picks, and the audit record last. */
static void card_saved(void)
{
	struct desk desk;
	struct db *db = open_centre("card.db", &desk);
	struct citizen_card c;
	full_intake(&c);
	long long id = 0;
	if (intake_register(&desk, &c, 0, &id) != DB_OK)
		printf("# the intake failed\n");
	struct citizen_view *v = malloc(sizeof *v);
	if (!v || citizens_card(&desk, id, v) != DB_OK)
		exit(1);
	struct citizen_card edited = v->card;
	SET(edited.citizen.name, "Karen Ærø Holm");
	SET(edited.referral.source, "relative");
	edited.relative.name[0] = '\0';
	edited.consent.volunteer_contact = false;
	edited.consent.referrer_feedback = true;
	SET(edited.assessment.outcome, "professional_help");
	SET(edited.assessment.assessed_on, "2026-11-25");
	edited.interests[0] = 3;
	edited.availability = AVAIL_BIT(5, 2);
	fail_inserts_into(db, "audit_log");
	TAP_CHECK(citizens_save_card(&desk, &edited, v->card.citizen.version, NULL) != DB_OK,
		  "a saved card whose audit record fails is not saved");
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM citizens WHERE id = %lld AND name = 'Karen Ærø' AND version = 1", id);
	TAP_INT_EQ(testdb_count(db, sql), 1, "the name and version are as they were");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM referrals WHERE source = 'gp'"), 1, "the referral too");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM relatives WHERE takes_part = 1"), 1, "the relative too");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents WHERE withdrawn_on IS NULL AND citizen_id > 3"), 2,
		   "the consents too, none withdrawn or added");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM assessments WHERE outcome = 'volunteer_help'"), 1,
		   "the assessment too, and no second one");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizen_interests WHERE interest_id = 1"), 1, "the interests too");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizen_availability WHERE weekday = 2"), 1, "availability too");

	/* An edit kept at a stop and saved now: removing the kept edit is the
	 * last step. */
	uninject(db, "injected_audit_log", "audit_log");
	struct card_draft kept = { .base_version = 1, .data = "name=Karen Ærø Holm\n", .base = "name=Karen Ærø\n" };
	if (citizens_keep_edit(&desk, id, "Karen Ærø", &kept) != DB_OK)
		printf("# keeping the edit failed\n");
	inject(db, "injected_drafts", "BEFORE DELETE", "drafts", NULL);
	TAP_CHECK(citizens_save_card(&desk, &edited, v->card.citizen.version, NULL) != DB_OK,
		  "a card whose kept edit cannot be removed is not saved");
	TAP_INT_EQ(testdb_count(db, sql), 1, "the card is as it was");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts WHERE kind = 'card'"), 1, "the kept edit is still there");
	uninject(db, "injected_drafts", "drafts");
	TAP_INT_EQ(citizens_save_card(&desk, &edited, v->card.citizen.version, NULL), DB_OK, "without the fault it saves");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 0, "and the kept edit is gone");
	free(v);
	db_close(db);
}

/* Ending a course: the citizen's status (with the course event the
 * schema's trigger writes), then the audit record. */
static void course_ended(void)
{
	struct desk desk;
	struct db *db = open_centre("course.db", &desk);
	fail_inserts_into(db, "audit_log");
	TAP_CHECK(citizens_end_course(&desk, 1, 1, "moved") != DB_OK, "an end whose audit record fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE id = 1 AND status = 'active' AND version = 1"
				    " AND ended_on IS NULL"), 1, "leaves the course open");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM course_events"), 0, "and no event on the timeline");
	uninject(db, "injected_audit_log", "audit_log");
	TAP_INT_EQ(citizens_end_course(&desk, 1, 1, "moved"), DB_OK, "without the fault it ends");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM course_events"), 1, "with its event");
	db_close(db);
}

/* A coordinator signed in; a volunteer with a free place; a Thursday
 * café with no sessions written yet; Karen waiting, with a no-contact
 * call planned. */
static struct db *open_matching_centre(const char *name, struct desk *desk)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("# cannot open %s: %s\n", path, db_errdetail(db));
		exit(1);
	}
	exec_ok(db,
		"INSERT INTO users(id, name, role) VALUES (1, 'Kirsten Åby', 'coordinator');"
		"INSERT INTO volunteers(id, name, status, capacity) VALUES (1, 'Bente Ølgaard', 'active', 2);"
		"INSERT INTO activities(id, name, kind, weekday, start_time, capacity, created_at)"
		" VALUES (1, 'Socialt café', 'social_cafe', 4, '10:00', 10, '2025-01-01 10:00:00');"
		"INSERT INTO citizens(id, name) VALUES (1, 'Karen Ølgaard');"
		"INSERT INTO consents(citizen_id, purpose, given_on) VALUES (1, 'volunteer_contact', '2026-01-10');"
		"INSERT INTO follow_ups(citizen_id, reason, due_on, source_key)"
		" VALUES (1, 'no_contact', '2026-11-26', 'no_contact:1');");
	*desk = (struct desk){ .db = db, .user = 1, .role = ROLE_COORDINATOR, .users_exist = true };
	return db;
}

/* The same centre with Karen matched to Bente and the café (the match's
 * id in *match_id); a test that cannot make it stops. */
static struct db *open_matched_centre(const char *name, struct desk *desk, long long *match_id)
{
	struct db *db = open_matching_centre(name, desk);
	struct match_confirmed done;
	struct match_request q = { .citizen_id = 1, .volunteer_id = 1, .activity_id = 1 };
	if (matching_confirm(desk, &q, &done) != DB_OK) {
		printf("# the match %s needs was not made\n", name);
		exit(1);
	}
	*match_id = done.match_id;
	return db;
}

/* Confirming: the match, the enrolment, the sessions planned ahead, the
 * first session, then the follow-up call; the call is made to fail. */
static void confirm_match(void)
{
	struct desk desk;
	struct db *db = open_matching_centre("confirm.db", &desk);
	fail_inserts_into(db, "follow_ups");
	struct match_confirmed done;
	struct match_request q = { .citizen_id = 1, .volunteer_id = 1, .activity_id = 1 };
	TAP_CHECK(matching_confirm(&desk, &q, &done) != DB_OK, "the follow-up call cannot be written, so the confirm fails");
	TAP_INT_EQ(done.match_id, 0, "no match id is handed back");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches"), 0, "no match remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments"), 0, "no enrolment remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM sessions"), 0, "no session planned for it remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE status = 'open'"), 1,
		   "the no-contact call is still open");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	uninject(db, "injected_follow_ups", "follow_ups");
	TAP_INT_EQ(matching_confirm(&desk, &q, &done), DB_OK, "without the fault it goes through");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE reason = 'after_first_session'"), 1,
		   "with its call");
	matching_release();
	db_close(db);
}

/* Ending: the match, the enrolment, the calls it planned, then the audit
 * records; the audit is made to fail. */
static void end_match(void)
{
	struct desk desk;
	long long match_id = 0;
	struct db *db = open_matched_centre("end.db", &desk, &match_id);
	fail_inserts_into(db, "audit_log");
	TAP_CHECK(matching_end(&desk, match_id, "did_not_work", "Kemien passede ikke") != DB_OK,
		  "the audit record cannot be written, so the end fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE ended_on IS NULL AND outcome IS NULL"), 1,
		   "the match is still open");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments WHERE ended_on IS NULL"), 1,
		   "the enrolment is still current");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE reason = 'after_first_session'"
				    " AND status = 'open'"), 1, "the match's call is still planned");
	matching_release();
	db_close(db);
}

/* Ending a course with an open match: the course, its event, then the
 * match with its enrolment and calls, each audited; the match's audit
 * record is made to fail, so nothing of it stays. Then it goes through:
 * the match ends with the course (moved away: "the course ended") and
 * the volunteer's place is free again. */
static void course_ended_with_match(void)
{
	struct desk desk;
	long long match_id = 0;
	struct db *db = open_matched_centre("course-match.db", &desk, &match_id);
	/* More open matches than one page of them (written by another tool:
	 * the desk makes one at a time). */
	TAP_INT_EQ(db_exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)"
			       " INSERT INTO matches(citizen_id, volunteer_id, matched_on) SELECT 1, 1, '2026-11-01'"
			       " FROM n"), DB_OK, "twenty more open matches with the same volunteer");
	long long version = testdb_count(db, "SELECT version FROM citizens WHERE id = 1");
	inject(db, "injected_audit_log", "BEFORE INSERT", "audit_log", "NEW.entity = 'match'");
	TAP_CHECK(citizens_end_course(&desk, 1, version, "moved") != DB_OK,
		  "a course end whose match's audit record fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE id = 1 AND status = 'active'"), 1,
		   "leaves the course open");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE ended_on IS NULL"), 21, "and the matches");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments WHERE ended_on IS NULL"), 1, "and the enrolment");
	uninject(db, "injected_audit_log", "audit_log");
	TAP_INT_EQ(citizens_end_course(&desk, 1, version, "moved"), DB_OK, "without the fault it ends");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE ended_on IS NOT NULL AND outcome = 'course_ended'"),
		   21, "the matches end with it, as 'the course ended', every one of them");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments WHERE ended_on IS NULL"), 0,
		   "so does the enrolment");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE reason = 'after_first_session'"
				    " AND status = 'open'"), 0, "and the match's call");
	TAP_INT_EQ(testdb_count(db, "SELECT open_matches FROM volunteers WHERE id = 1"), 0,
		   "the volunteer has a free place again");
	matching_release();
	db_close(db);
}

static struct volunteer_record volunteer_with_sets(void)
{
	struct volunteer_record v = { .capacity = 2, .ninterests = 2, .nlanguages = 2, .nareas = 2, .ncourses = 1 };
	snprintf(v.name, sizeof v.name, "Åge Frandsen");
	snprintf(v.status, sizeof v.status, "active");
	v.interests[0] = 1;
	v.interests[1] = 2;
	snprintf(v.languages[0], sizeof v.languages[0], "dansk");
	snprintf(v.languages[1], sizeof v.languages[1], "arabisk");
	snprintf(v.areas[0], sizeof v.areas[0], "8000");
	snprintf(v.areas[1], sizeof v.areas[1], "8200");
	snprintf(v.courses[0].course, sizeof v.courses[0].course, "Recovery-mentorforløb");
	snprintf(v.courses[0].completed_on, sizeof v.courses[0].completed_on, "2025-03-14");
	return v;
}

/* A volunteer saved with interests, languages, areas and a course. */
static void volunteer_saved(void)
{
	struct desk desk;
	struct db *db = open_matching_centre("volunteer.db", &desk);
	fail_inserts_into(db, "audit_log");
	struct volunteer_record v = volunteer_with_sets();
	long long id = -1;
	TAP_CHECK(registry_save_volunteer(&desk, &v, 0, &id) != DB_OK, "a new volunteer: the audit record fails");
	TAP_INT_EQ(id, 0, "no id is handed back");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM volunteers WHERE name = 'Åge Frandsen'"), 0,
		   "no volunteer remains");
	TAP_INT_EQ(testdb_count(db, "SELECT (SELECT count(*) FROM volunteer_interests)"
				    " + (SELECT count(*) FROM volunteer_languages) + (SELECT count(*) FROM volunteer_areas)"
				    " + (SELECT count(*) FROM volunteer_courses)"), 0,
		   "nor any of their interests, languages, areas or courses");
	uninject(db, "injected_audit_log", "audit_log");

	/* An edit replaces the sets as a whole; the courses come last. */
	TAP_INT_EQ(registry_save_volunteer(&desk, &v, 0, &id), DB_OK, "saved without the fault");
	struct volunteer_record edit;
	registry_volunteer(&desk, id, &edit);
	snprintf(edit.name, sizeof edit.name, "Åge Frandsen-Holm");
	edit.ninterests = 1;
	edit.nlanguages = 1;
	edit.nareas = 1;
	fail_inserts_into(db, "volunteer_courses");
	TAP_CHECK(registry_save_volunteer(&desk, &edit, edit.version, NULL) != DB_OK,
		  "an edit: writing the course fails");
	struct volunteer_record back;
	registry_volunteer(&desk, id, &back);
	TAP_STR_EQ(back.name, "Åge Frandsen", "the name is as before");
	TAP_CHECK(back.ninterests == 2 && back.nlanguages == 2 && back.nareas == 2 && back.ncourses == 1,
		  "and so are the interests, languages, areas and courses");
	TAP_INT_EQ(back.version, edit.version, "the version did not move");
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
	uninject(db, "injected_call_escalations", "call_escalations");
	TAP_INT_EQ(calls_record_outcome(&desk, &e, &res), DB_OK, "without the fault it goes through");
	TAP_CHECK(res.escalated && res.not_reached == 3, "and raises her after three calls");
	db_close(db);
}

/* Refuses every UPDATE of `table` on this connection from now on. */
static void fail_updates_of(struct db *db, const char *table)
{
	char name[64];
	snprintf(name, sizeof name, "injected_update_%s", table);
	inject(db, name, "BEFORE UPDATE", table, NULL);
}

/* Bo is reached and his course ends: the course, the outcome, his other
 * call cancelled, and last the coordinator's escalation settled. */
static void outcome_end_course_fails(void)
{
	struct desk desk;
	struct db *db = open_calls("end-course.db", &desk);
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

/* The course ended on the call the match planned itself (after the
 * first session): the call is recorded before the match's end withdraws
 * its calls, so it is not taken for one recorded at another desk (it
 * was, and nothing could be recorded). */
static void outcome_end_course_on_match_call(void)
{
	struct desk desk;
	long long match_id = 0;
	struct db *db = open_matched_centre("end-on-match-call.db", &desk, &match_id);
	long long call = testdb_count(db, "SELECT id FROM follow_ups WHERE reason = 'after_first_session'");
	struct call_entry e = entry(call, "reached", CALL_NEXT_END_COURSE);
	e.citizen_version = testdb_count(db, "SELECT version FROM citizens WHERE id = 1");
	snprintf(e.end_reason, sizeof e.end_reason, "declined");
	struct call_entry_result res;
	TAP_INT_EQ(calls_record_outcome(&desk, &e, &res), DB_OK, "the match's own call ends the course");
	TAP_CHECK(res.course_ended, "and says so");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE outcome = 'declined'"), 1,
		   "the match ends as the citizen's no");
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM follow_ups WHERE id = %lld AND status = 'done'", call);
	TAP_INT_EQ(testdb_count(db, sql), 1, "the call is recorded");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE status = 'open'"), 0, "no call is left open");
	matching_release();
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
	uninject(db, "injected_audit_log", "audit_log");
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
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents WHERE citizen_id = 1 AND purpose = 'measures'"), 0,
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
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES (101, 2, 'absent');");
	inject(db, "injected_one", "BEFORE INSERT", "follow_ups", "NEW.source_key = 'no_contact:3'");
	struct call_sweep s;
	struct desk nobody = { .db = db, .users_exist = true };
	TAP_CHECK(calls_plan_due(&nobody, (struct date){ 2026, 11, 26 }, true, &s) != DB_OK,
		  "one call of the batch cannot be written (before anyone signed in)");
	TAP_INT_EQ(s.created, 0, "the sweep says none was made");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), 0, "none of the batch remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	uninject(db, "injected_one", "follow_ups");
	TAP_INT_EQ(calls_plan_due(&nobody, (struct date){ 2026, 11, 26 }, true, &s), DB_OK,
		   "without the fault the sweep runs");
	TAP_INT_EQ(s.created, 2, "and writes the batch");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE source_key = 'no_contact:3'"), 1,
		   "the call that failed among them");
	db_close(db);
}

/* The day's rules write the sweep's calls a step at a time
 * (calls_due_step), each step all or none: twenty citizens and more
 * without contact, the last call of the second step cannot be written. The first
 * step's calls stay; none of the second's does. */
static void sweep_step_fails(void)
{
	struct desk desk;
	struct db *db = open_centre("sweep-step.db", &desk);
	exec_ok(db, "UPDATE settings SET value = '40' WHERE key = 'no_contact_per_day'");
	for (int i = 0; i < 20; i++) {
		char sql[256];
		snprintf(sql, sizeof sql,
			 "INSERT INTO citizens(id, name, created_at) VALUES (%d, 'Tavs Borger %d', '2026-08-01 10:00:00');"
			 "INSERT INTO consents(citizen_id, purpose, given_on) VALUES (%d, 'volunteer_contact', '2026-08-01');",
			 11 + i, i + 1, 11 + i);
		exec_ok(db, sql);
	}
	struct desk nobody = { .db = db, .users_exist = true };
	struct date day = { 2026, 11, 26 };
	struct calls_due due = { 0 };
	TAP_INT_EQ(calls_due_step(&nobody, day, &due), DB_OK, "the sweep");
	int total = due.ncalls;
	TAP_CHECK(total >= 20 && total <= 2 * CALLS_DUE_STEP, "twenty calls and more to write, in two steps (%d)",
		  total);
	char when[CALL_KEY + 32];
	snprintf(when, sizeof when, "NEW.source_key = '%s'", due.calls[due.ncalls - 1].source_key);
	inject(db, "injected_last", "BEFORE INSERT", "follow_ups", when);
	TAP_INT_EQ(calls_due_step(&nobody, day, &due), DB_OK, "the first step writes");
	TAP_CHECK(calls_due_step(&nobody, day, &due) != DB_OK, "the second step's last call cannot be written");
	TAP_CHECK(due.done && !due.calls, "which ends the day's calls (the next start tries again)");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), CALLS_DUE_STEP,
		   "the first step's calls remain, none of the second's");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), CALLS_DUE_STEP,
		   "the audit log has the first step's lines only");
	uninject(db, "injected_last", "follow_ups");
	struct calls_due again = { 0 };
	while (!again.done)
		if (calls_due_step(&nobody, day, &again) != DB_OK)
			break;
	TAP_CHECK(again.done && again.made.created == total - CALLS_DUE_STEP, "without the fault the rest is written (%d)",
		  again.made.created);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), total, "all of them, once each");
	db_close(db);
}

/* Anonymising Åse: her course, match, enrolment and calls end, her
 * consents are withdrawn, her details removed, and last the audit line. */
static void anonymise_fails(void)
{
	struct desk desk;
	struct db *db = open_calls("anonymise.db", &desk);
	exec_ok(db, "UPDATE citizens SET phone = '31313131' WHERE id = 1;"
		    "INSERT INTO consents(citizen_id, purpose, given_on) VALUES (1, 'registration', '2026-01-10');"
		    "INSERT INTO notes(citizen_id, written_on, text) VALUES (1, '2026-11-01', 'Ringede.');");
	struct desk coordinator = desk;
	coordinator.role = ROLE_COORDINATOR;
	fail_inserts_into(db, "audit_log");
	TAP_CHECK(anonymise_citizen(&coordinator, 1) != DB_OK, "the audit record of anonymising fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE id = 1 AND name = 'Åse Holm'"
				    " AND phone = '31313131' AND anonymised_on IS NULL AND status = 'active'"), 1,
		   "so Åse is on record as she was");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM notes WHERE citizen_id = 1"), 1, "her note too");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM matches WHERE citizen_id = 1 AND ended_on IS NULL"), 1,
		   "her match is open");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM enrolments WHERE citizen_id = 1 AND ended_on IS NULL"), 1,
		   "so is her place in the group");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE id = 10 AND status = 'open'"), 1,
		   "and her call");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents WHERE citizen_id = 1 AND withdrawn_on IS NULL"), 2,
		   "her consents are in force");
	uninject(db, "injected_audit_log", "audit_log");
	TAP_INT_EQ(anonymise_citizen(&coordinator, 1), DB_OK, "without the fault she is anonymised");
	db_close(db);
}

/* Withdrawing consent to registration is the withdrawal and anonymising
 * in one: the last step, anonymising's audit line, fails. */
static void withdraw_registration_fails(void)
{
	struct desk desk;
	struct db *db = open_centre("withdraw.db", &desk);
	exec_ok(db, "INSERT INTO consents(citizen_id, purpose, given_on) VALUES (2, 'registration', '2026-01-10');");
	inject(db, "injected_last", "BEFORE INSERT", "audit_log", "NEW.detail = 'anonymised'");
	struct consent_outcome out;
	TAP_CHECK(consents_withdraw(&desk, 2, CONSENT_REGISTRATION, &out) != DB_OK,
		  "the withdrawal cannot be completed");
	TAP_CHECK(!out.anonymised && !out.changed, "and the outcome says nothing happened");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents WHERE citizen_id = 2 AND withdrawn_on IS NULL"), 2,
		   "his consents are still in force");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE id = 2 AND name = 'Bo Aagaard'"
				    " AND anonymised_on IS NULL"), 1, "and Bo is as he was");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	db_close(db);
}

/* The retention rule's run: citizens anonymised, old audit entries
 * removed, the day noted, and last the audit line of the run. */
static void retention_fails(void)
{
	struct desk desk;
	struct db *db = open_centre("retention.db", &desk);
	exec_ok(db, "UPDATE citizens SET status = 'ended', ended_on = '2025-01-10', end_reason = 'moved' WHERE id = 3;"
		    "INSERT INTO audit_log(at, action, entity) VALUES ('2023-01-01 10:00:00', 'view', 'citizen');");
	inject(db, "injected_last", "BEFORE INSERT", "audit_log", "NEW.entity = 'retention'");
	struct desk nobody = { .db = db, .users_exist = true };
	struct retention_result r;
	TAP_CHECK(retention_daily(&nobody, (struct date){ 2026, 11, 26 }, &r) != DB_OK, "the run cannot be logged");
	TAP_CHECK(!r.ran && !r.citizens, "and says it did nothing");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE anonymised_on IS NOT NULL"), 0,
		   "nobody is anonymised");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE at < '2024-01-01'"), 1,
		   "the old audit entry is still there");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM settings WHERE key = 'retention_last_run'"), 0,
		   "and the day is not noted, so the next start tries again");
	uninject(db, "injected_last", "audit_log");
	TAP_INT_EQ(retention_daily(&nobody, (struct date){ 2026, 11, 26 }, &r), DB_OK, "without the fault it runs");
	TAP_CHECK(r.ran && r.citizens == 1 && r.audit_entries == 1, "and anonymises Ib");
	db_close(db);
}

/* Bo comes back after two missed sessions: the mark, the session held,
 * and last his open call after missed sessions cancelled. */
static void mark_came_back(void)
{
	struct desk desk;
	struct db *db = open_centre("came-back.db", &desk);
	exec_ok(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (101, 2, 'absent');"
		    "INSERT INTO follow_ups(citizen_id, reason, due_on, source_key)"
		    " VALUES (2, 'missed_sessions', '2026-11-20', 'missed:2:102');");
	fail_updates_of(db, "follow_ups");
	struct mark_outcome out;
	TAP_CHECK(attendance_mark(&desk, 103, 2, "present", 0, &out) != DB_OK,
		  "came back: the call cannot be cancelled, so the mark fails");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE session_id = 103"), 0, "no mark remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM sessions WHERE id = 103 AND status = 'planned'"), 1,
		   "the session is not made held");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	uninject(db, "injected_update_follow_ups", "follow_ups");
	TAP_INT_EQ(attendance_mark(&desk, 103, 2, "present", 0, &out), DB_OK, "without the fault it goes through");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE status = 'cancelled'"), 1,
		   "and the call is cancelled");
	db_close(db);
}

/* Everything a rehearsed mark could change, row by row, as one text
 * (SQLite's: a server rehearses nothing). Fails the test when it cannot
 * be read. */
static void rehearsal_trace(struct db *db, char *out, size_t size)
{
	struct db_stmt *st = NULL;
	out[0] = '\0';
	if (db_prepare(db, &st,
		       "SELECT (SELECT group_concat(session_id || ':' || citizen_id || ':' || mark || ':'"
		       "   || COALESCE(accompanied_by, '') || ':' || walk_in || ':' || marked_at, ';') FROM attendance)"
		       " || '|' || (SELECT group_concat(id || ':' || status || ':' || COALESCE(note, '')"
		       "   || ':' || COALESCE(done_at, ''), ';') FROM follow_ups)"
		       " || '|' || (SELECT group_concat(id || ':' || status, ';') FROM sessions)"
		       " || '|' || (SELECT count(*) || ':' || COALESCE(max(id), 0) FROM audit_log)"
		       " || '|' || (SELECT group_concat(id || ':' || COALESCE(retention_from, '') || ':'"
		       "   || COALESCE(waiting_since, ''), ';') FROM citizens)"
		       " || '|' || (SELECT COALESCE(group_concat(id || ':' || COALESCE(accompaniment_done_on, ''), ';'), '')"
		       "   FROM matches)")
		    == DB_OK
	    && db_step(st) == DB_ROW)
		snprintf(out, size, "%s", db_column_text(st, 0));
	if (st)
		db_finalize(st);
	if (!out[0])
		printf("# %s\n", db_errdetail(db));
	TAP_CHECK(out[0] != '\0', "what a rehearsal could change is read");
}

static bool never_a_key(void *ctx)
{
	(void)ctx;
	return false;
}

static bool a_key(void *ctx)
{
	(void)ctx;
	return true;
}

/* The roll list opened, the idle desk rehearses each mark to come: Bo's
 * would cancel his open call, each would make the session held and
 * write audit lines. Nothing of any of it remains, nor of a rehearsal
 * that fails halfway, or is stopped for a key, or meets another desk's
 * write; on a server nothing is rehearsed. */
static void rehearsed_marks(void)
{
	struct desk desk;
	struct db *db = open_centre("rehearsal.db", &desk);
	exec_ok(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (101, 2, 'absent');"
		    "INSERT INTO follow_ups(citizen_id, reason, due_on, source_key)"
		    " VALUES (2, 'missed_sessions', '2026-11-20', 'missed:2:102');");
	struct roll roll;
	TAP_INT_EQ(attendance_roll_view(&desk, 103, &roll), DB_OK, "the roll list opens");
	TAP_CHECK(attendance_rehearsable(&desk, &roll.session) == !testdb_pg(),
		  "its marks are rehearsed on a file, not on a server");
	static char before[8192], after[8192];
	if (!testdb_pg())
		rehearsal_trace(db, before, sizeof before);
	long long changes = db_total_changes(db);
	bool all = true;
	for (int i = 0; i < roll.count; i++)
		all &= attendance_rehearse_mark(&desk, 103, roll.entries[i].citizen_id, never_a_key, NULL)
		       == (testdb_pg() ? DB_ERR_BUSY : DB_OK);
	TAP_CHECK(all && roll.count == 2, "both marks to come are rehearsed (a server says busy)");
	if (!testdb_pg()) {
		TAP_CHECK(db_total_changes(db) > changes, "and made");
		rehearsal_trace(db, after, sizeof after);
		TAP_STR_EQ(after, before, "nothing of them remains: marks, calls, sessions, audit log, citizens, matches");
		/* The next mark readied (rehearsed again, its pages read). */
		TAP_INT_EQ(attendance_ready_mark(&desk, 103, 2, never_a_key, NULL), DB_OK, "the next mark is readied");
		rehearsal_trace(db, after, sizeof after);
		TAP_STR_EQ(after, before, "and nothing of that remains");
		TAP_INT_EQ(attendance_ready_mark(&desk, 103, 2, a_key, NULL), DB_ERR_INTERRUPTED, "a key stops it");
		TAP_INT_EQ(attendance_rehearse_mark(&desk, 103, 2, a_key, NULL), DB_ERR_INTERRUPTED,
			   "a key stops a rehearsal");
		inject(db, "injected_audit", "BEFORE INSERT", "audit_log", NULL);
		TAP_CHECK(attendance_rehearse_mark(&desk, 103, 2, never_a_key, NULL) != DB_OK,
			  "a rehearsal whose audit line fails, fails");
		uninject(db, "injected_audit", "audit_log");
		char path[256];
		testdb_path(path, sizeof path, "rehearsal.db");
		struct db *other;
		if (db_open(path, &other) != DB_OK) {
			printf("Bail out! a second desk cannot open %s\n", path);
			exit(1);
		}
		exec_ok(other, "BEGIN IMMEDIATE");
		TAP_INT_EQ(attendance_rehearse_mark(&desk, 103, 2, never_a_key, NULL), DB_ERR_BUSY,
			   "another desk writing: no wait, try later");
		exec_ok(other, "ROLLBACK");
		db_close(other);
	}
	desk.user = 0;
	TAP_INT_EQ(attendance_rehearse_mark(&desk, 103, 2, never_a_key, NULL), DB_ERR_FORBIDDEN,
		   "nobody signed in: nothing is rehearsed");
	desk.user = 1;
	if (!testdb_pg()) {
		rehearsal_trace(db, after, sizeof after);
		TAP_STR_EQ(after, before, "still nothing remains");
	}

	struct mark_outcome out;
	TAP_INT_EQ(attendance_mark(&desk, 103, 2, "present", 0, &out), DB_OK, "the real mark after them");
	TAP_CHECK(out.call_answered, "answers Bo's call, which the rehearsals left open");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM attendance WHERE session_id = 103 AND citizen_id = 2"), 1,
		   "and is kept");
	attendance_roll_free(&roll);
	db_close(db);
}

/* The sweep writes its new calls and cancels the calls answered by a
 * return in one batch: Ib's call after no contact, and last Bo's call
 * after missed sessions, which cannot be cancelled. */
static void sweep_answered_fails(void)
{
	struct desk desk;
	struct db *db = open_centre("sweep-answered.db", &desk);
	exec_ok(db,
		"UPDATE citizens SET created_at = '2026-08-01 10:00:00';"
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES (101, 2, 'absent');"
		"UPDATE attendance SET mark = 'present' WHERE session_id = 102 AND citizen_id = 2;"
		"INSERT INTO follow_ups(citizen_id, reason, due_on, source_key)"
		" VALUES (2, 'missed_sessions', '2026-11-13', 'missed:2:101');");
	fail_updates_of(db, "follow_ups");
	struct call_sweep s;
	struct desk nobody = { .db = db, .users_exist = true };
	TAP_CHECK(calls_plan_due(&nobody, (struct date){ 2026, 11, 26 }, false, &s) != DB_OK,
		  "the answered call cannot be cancelled");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), 1, "no new call of the batch remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nothing in the audit log");
	uninject(db, "injected_update_follow_ups", "follow_ups");
	TAP_INT_EQ(calls_plan_due(&nobody, (struct date){ 2026, 11, 26 }, false, &s), DB_OK, "without the fault");
	TAP_CHECK(s.created >= 1 && s.answered == 1, "the new calls are written and the answered one cancelled");
	db_close(db);
}

/* A CSV import of three citizens whose last step (the import's own audit
 * line, after every row was written) fails: no citizen, referral,
 * consent or new interest remains. */
static void import_citizens(void)
{
	struct desk d;
	struct db *db = open_centre("import.db", &d);
	d = desk_command_line(db);
	long long citizens = testdb_count(db, "SELECT count(*) FROM citizens");
	long long interests = testdb_count(db, "SELECT count(*) FROM interests");
	long long consents = testdb_count(db, "SELECT count(*) FROM consents");
	inject(db, "injected_import", "BEFORE INSERT", "audit_log", "NEW.action = 'import'");
	const char *file = "Navn;Samtykke givet den;Interesser\n"
			   "Ulla Ulriksen;01-11-2026;Petanque\nVera Vang;02-11-2026;\nWilly Wulff;03-11-2026;Gåture\n";
	struct exchange_import req = { .table = EXCHANGE_CITIZENS, .encoding = CSV_AUTO, .source = "test" };
	struct exchange_report rep;
	enum db_status st = exchange_import(&d, &req, file, strlen(file), &rep);
	TAP_CHECK(st != DB_OK && st != DB_ERR_INVALID, "the import's audit line fails (%d)", st);
	TAP_CHECK(rep.problems == 0 && rep.added == 3 && !rep.imported,
		  "after all three rows were good; the report says nothing was imported");
	exchange_report_free(&rep);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens"), citizens, "no citizen of the file remains");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM referrals"), 0, "nor a referral");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents"), consents, "nor a consent");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM interests"), interests, "nor the new interest");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 0, "nor an audit line");
	uninject(db, "injected_import", "audit_log");
	TAP_INT_EQ(exchange_import(&d, &req, file, strlen(file), &rep), DB_OK, "without the fault it imports");
	TAP_INT_EQ(rep.added, 3, "all three");
	exchange_report_free(&rep);
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
	intake_registered();
	card_saved();
	course_ended();
	confirm_match();
	end_match();
	course_ended_with_match();
	volunteer_saved();
	outcome_conflict();
	outcome_escalation_fails();
	outcome_end_course_fails();
	outcome_end_course_on_match_call();
	outcome_new_match_fails();
	measure_with_consent_now();
	sweep_batch();
	sweep_step_fails();
	anonymise_fails();
	withdraw_registration_fails();
	retention_fails();
	mark_came_back();
	rehearsed_marks();
	sweep_answered_fails();
	import_citizens();
	testdb_finish();
	return tap_done();
}
