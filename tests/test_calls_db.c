/* Follow-up calls in the database: the sweep that runs the call rules
 * (and never writes a call twice), the list's order and counts, the call
 * card, recording outcomes with their next steps, three calls not reached
 * raising the citizen to the coordinator, feedback to the referrer only
 * with consent, cancelling, and the daily quota of calls after no
 * contact. On temporary files; today is Thursday 26-11-2026. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "citizens.h"
#include "consents.h"
#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "intake.h"
#include "kept_drafts.h"
#include "migrate.h"
#include "store_citizens.h"
#include "store_settings.h"
#include "strbuf.h"
#include "tap.h"
#include "testdb.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static long long desk_user;
static struct desk desk;          /* a desk volunteer, signed in */
static struct desk coordinator;
static const struct date today = { 2026, 11, 26 };

static void sql(struct db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sql(struct db *db, const char *fmt, ...)
{
	char text[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (db_exec(db, text) != DB_OK) {
		printf("# failed: %s\n# %s\n", text, db_errdetail(db));
		exit(1);
	}
}

static struct db *open_fresh(const char *name)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("# cannot open %s: %s\n", path, db_errdetail(db));
		exit(1);
	}
	sql(db, "INSERT INTO users(name, role) VALUES ('Bente Ølgaard', 'desk')");
	desk_user = db_last_insert_id(db);
	desk = (struct desk){ .db = db, .user = desk_user, .role = ROLE_DESK, .users_exist = true };
	sql(db, "INSERT INTO users(name, role) VALUES ('Karin Holm', 'coordinator')");
	coordinator = (struct desk){ .db = db, .user = db_last_insert_id(db), .role = ROLE_COORDINATOR,
				     .users_exist = true };
	return db;
}

static long long citizen(struct db *db, const char *name, const char *phone, const char *referred_on)
{
	sql(db, "INSERT INTO citizens(name, phone, created_at) VALUES ('%s', '%s', '%s 10:00:00')", name, phone,
	    referred_on);
	long long id = db_last_insert_id(db);
	textkeys_rewrite_citizen(db, id);
	sql(db, "INSERT INTO referrals(citizen_id, referred_on, source, referrer_name, referrer_phone)"
		" VALUES (%lld, '%s', 'gp', 'Læge Jørgen Bak', '86 12 34 56')", id, referred_on);
	sql(db, "INSERT INTO consents(citizen_id, purpose, given_on) VALUES (%lld, 'registration', '%s')", id,
	    referred_on);
	/* Every call to the citizen needs this one. */
	sql(db, "INSERT INTO consents(citizen_id, purpose, given_on) VALUES (%lld, 'volunteer_contact', '%s')", id,
	    referred_on);
	return id;
}

/* A weekly motion group on Tuesdays, sessions held from October on. */
static long long activity_with_sessions(struct db *db, long long *first_session)
{
	sql(db, "INSERT INTO activities(name, kind, weekday, start_time) VALUES ('Gå-gruppen', 'motion_group', 2, '10:00')");
	long long a = db_last_insert_id(db);
	*first_session = 0;
	struct date d = { 2026, 10, 6 };
	for (int i = 0; i < 12; i++, d = date_add_days(d, 7)) {
		char iso[DATE_ISO_LEN];
		date_format_iso(d, iso);
		sql(db, "INSERT INTO sessions(activity_id, date, start_time, status) VALUES (%lld, '%s', '10:00', '%s')",
		    a, iso, date_to_days(d) < date_to_days(today) ? "held" : "planned");
		if (!*first_session)
			*first_session = db_last_insert_id(db);
	}
	return a;
}

static long long session_on(struct db *db, long long activity, const char *day)
{
	char q[200];
	snprintf(q, sizeof q, "SELECT id FROM sessions WHERE activity_id = %lld AND date = '%s'", activity, day);
	return testdb_count(db, q);
}

static bool call_exists(struct db *db, const char *key, const char *due_on)
{
	char q[300];
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE source_key = '%s' AND due_on = '%s'", key, due_on);
	return testdb_count(db, q) == 1;
}

static long long call_id(struct db *db, const char *key)
{
	char q[200];
	snprintf(q, sizeof q, "SELECT COALESCE((SELECT id FROM follow_ups WHERE source_key = '%s'), 0)", key);
	return testdb_count(db, q);
}

struct world {
	long long vol, act, matched, missing, feedback, withdrawn, silent, busy, ended;
	long long match_id, enrolment_missing, referral_feedback;
};

static void build_world(struct db *db, struct world *w)
{
	sql(db, "INSERT INTO volunteers(name, phone, status) VALUES ('Bente Ølgaard', '20 11 22 33', 'active')");
	w->vol = db_last_insert_id(db);
	long long first;
	w->act = activity_with_sessions(db, &first);

	/* Matched ten days ago; first session on Tuesday. */
	w->matched = citizen(db, "Søren Ærø", "12 34 56 78", "2026-11-02");
	sql(db, "INSERT INTO relatives(citizen_id, name, relation, phone) VALUES (%lld, 'Birthe Ærø', 'søster', '87 65 43 21')",
	    w->matched);
	sql(db, "INSERT INTO assessments(citizen_id, assessed_on, outcome) VALUES (%lld, '2026-11-05', 'volunteer_help')",
	    w->matched);
	sql(db, "INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (%lld, %lld, '2026-11-16')",
	    w->matched, w->act);
	sql(db, "INSERT INTO matches(citizen_id, volunteer_id, activity_id, matched_on, first_session_id)"
		" VALUES (%lld, %lld, %lld, '2026-11-16', %lld)", w->matched, w->vol, w->act,
	    session_on(db, w->act, "2026-11-24"));
	w->match_id = db_last_insert_id(db);
	sql(db, "INSERT INTO attendance(session_id, citizen_id, mark, accompanied_by) VALUES (%lld, %lld, 'present', %lld)",
	    session_on(db, w->act, "2026-11-24"), w->matched, w->vol);

	/* Enrolled since October; came, then missed the last two without notice. */
	w->missing = citizen(db, "Kaj Mørch", "23 45 67 89", "2026-09-20");
	sql(db, "INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (%lld, %lld, '2026-10-01')",
	    w->missing, w->act);
	w->enrolment_missing = db_last_insert_id(db);
	const char *marks[] = { "present", "present", "present", "present", "present", "present", "absent", "absent" };
	struct date d = { 2026, 10, 6 };
	for (int i = 0; i < 8; i++, d = date_add_days(d, 7)) {
		char iso[DATE_ISO_LEN];
		date_format_iso(d, iso);
		sql(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (%lld, %lld, '%s')",
		    session_on(db, w->act, iso), w->missing, marks[i]);
	}

	/* Assessed on Monday; the GP may hear how it goes. */
	w->feedback = citizen(db, "Ingrid Holm", "34 56 78 90", "2026-11-18");
	sql(db, "UPDATE referrals SET feedback_consent = 1 WHERE citizen_id = %lld", w->feedback);
	w->referral_feedback = testdb_count(db, "SELECT max(id) FROM referrals");
	sql(db, "INSERT INTO consents(citizen_id, purpose, given_on) VALUES (%lld, 'referrer_feedback', '2026-11-18')",
	    w->feedback);
	sql(db, "INSERT INTO assessments(citizen_id, assessed_on, outcome) VALUES (%lld, '2026-11-23', 'volunteer_help')",
	    w->feedback);

	/* Agreed once, then withdrew the consent. */
	w->withdrawn = citizen(db, "Ole Bach", "45 67 89 01", "2026-11-18");
	sql(db, "UPDATE referrals SET feedback_consent = 1 WHERE citizen_id = %lld", w->withdrawn);
	sql(db, "INSERT INTO consents(citizen_id, purpose, given_on, withdrawn_on)"
		" VALUES (%lld, 'referrer_feedback', '2026-11-18', '2026-11-20')", w->withdrawn);
	sql(db, "INSERT INTO assessments(citizen_id, assessed_on, outcome) VALUES (%lld, '2026-11-23', 'volunteer_help')",
	    w->withdrawn);

	/* Nothing since September: no contact for ten weeks. */
	w->silent = citizen(db, "Aase Lund", "56 78 90 12", "2026-09-10");
	/* The same silence, but a call is already planned. */
	w->busy = citizen(db, "Bo Friis", "67 89 01 23", "2026-09-10");
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on, due_time) VALUES (%lld, 'agreed', '2026-11-25', '09:30')",
	    w->busy);
	/* Ended: never called. */
	w->ended = citizen(db, "Eva Krog", "78 90 12 34", "2026-09-10");
	sql(db, "UPDATE citizens SET status = 'ended', ended_on = '2026-10-01', end_reason = 'moved' WHERE id = %lld",
	    w->ended);
}

static void test_sweep(void)
{
	struct db *db = open_fresh("sweep.db");
	TAP_CHECK(db_schema_version(db) >= 5, "migration 5 is applied");
	char v[SETTING_MAX];
	store_settings_get(db, "no_contact_weeks", v, sizeof v);
	TAP_STR_EQ(v, "6", "no contact after 6 weeks, by default");
	struct world w;
	build_world(db, &w);

	struct call_sweep s;
	TAP_INT_EQ(calls_plan_due(&desk, today, false, &s), DB_OK, "a quick sweep runs");
	TAP_INT_EQ(s.created, 3, "it plans three calls: not the missed sessions, the attendance screen plans those");
	TAP_INT_EQ(calls_plan_due(&desk, today, true, &s), DB_OK, "the sweep with the marks replayed");
	TAP_INT_EQ(s.created, 1, "adds the call after missed sessions");
	char key[64];
	snprintf(key, sizeof key, "match:%lld", w.match_id);
	TAP_INT_EQ(call_id(db, key), 0, "one match, one call: none two weeks after the match besides");
	snprintf(key, sizeof key, "first_session:%lld", w.match_id);
	TAP_CHECK(call_exists(db, key, "2026-11-26"), "after the first session: the day after, due today");
	snprintf(key, sizeof key, "missed:%lld:%lld", w.enrolment_missing, session_on(db, w.act, "2026-11-24"));
	TAP_CHECK(call_exists(db, key, "2026-11-26"), "after two missed sessions");
	snprintf(key, sizeof key, "referral:%lld", w.referral_feedback);
	TAP_CHECK(call_exists(db, key, "2026-11-30"), "feedback to the referrer a week after the assessment");
	snprintf(key, sizeof key, "no_contact:%lld", w.silent);
	TAP_CHECK(call_exists(db, key, "2026-11-26"), "no contact for ten weeks: a call today");
	char q[200];
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id IN (%lld, %lld, %lld)", w.withdrawn,
		 w.ended, w.busy);
	TAP_INT_EQ(testdb_count(db, q), 1, "no call for withdrawn consent, an ended course, or one already planned");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'follow_up' AND action = 'create'"), 4,
		   "each planned call is in the audit log");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE responsible IS NOT NULL"), 1,
		   "the match's volunteer is responsible for its call");

	long long before = testdb_count(db, "SELECT count(*) FROM follow_ups");
	TAP_INT_EQ(calls_plan_due(&desk, today, true, &s), DB_OK, "the sweep runs again");
	TAP_INT_EQ(s.created, 0, "and plans nothing new");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups"), before, "the same situation never gives two calls");

	/* Done or cancelled calls keep their key: the situation stays answered. */
	sql(db, "UPDATE follow_ups SET status = 'cancelled' WHERE source_key LIKE 'missed:%%'");
	TAP_INT_EQ(calls_plan_due(&desk, today, true, &s), DB_OK, "a sweep after a cancel");
	TAP_INT_EQ(s.created, 0, "does not bring the cancelled call back");

	/* A third miss in a row with notice after a call: counting starts again. */
	sql(db, "UPDATE sessions SET status = 'held' WHERE id = %lld", session_on(db, w.act, "2026-12-01"));
	sql(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (%lld, %lld, 'excused')",
	    session_on(db, w.act, "2026-12-01"), w.missing);
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2026, 12, 2 }, true, &s), DB_OK, "a week later");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE reason = 'missed_sessions'"), 1,
		   "one more notice after a call is not yet a new call");
	db_close(db);
}

/* Kaj missed two sessions and the sweep planned a call; he came to the
 * next session before anyone called (the mark came another way, so the
 * attendance screen did not see it): the next sweep cancels the call,
 * saying why, and his card no longer asks for it. */
static void test_came_back(void)
{
	struct db *db = open_fresh("came-back.db");
	struct world w;
	build_world(db, &w);
	struct call_sweep s;
	calls_plan_due(&desk, today, true, &s);
	char key[64];
	snprintf(key, sizeof key, "missed:%lld:%lld", w.enrolment_missing, session_on(db, w.act, "2026-11-24"));
	long long call = call_id(db, key);
	TAP_CHECK(call > 0, "a call after missed sessions");
	sql(db, "UPDATE sessions SET status = 'held' WHERE id = %lld", session_on(db, w.act, "2026-12-01"));
	sql(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (%lld, %lld, 'present')",
	    session_on(db, w.act, "2026-12-01"), w.missing);
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2026, 12, 2 }, false, &s), DB_OK, "the next day's sweep");
	TAP_INT_EQ(s.answered, 1, "finds the call answered by his coming back");
	char q[300];
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE id = %lld AND status = 'cancelled'"
		 " AND note LIKE '%%01-12-2026%%'", call);
	TAP_INT_EQ(testdb_count(db, q), 1, "cancelled, with the day he came as the reason");
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2026, 12, 2 }, true, &s), DB_OK, "the marks replayed");
	TAP_INT_EQ(s.created + s.answered, 0, "change nothing more: no new call for misses he answered");
	db_close(db);
}

/* A relative who wants support, written another way (an import): the
 * sweep plans the call to them, once; one registered long ago is old
 * history. */
static void test_relative_sweep(void)
{
	struct db *db = open_fresh("relative.db");
	long long recent = citizen(db, "Palle Juhl", "12 12 12 12", "2026-11-20");
	long long old = citizen(db, "Ib Nyborg", "13 13 13 13", "2026-01-10");
	sql(db, "INSERT INTO relatives(citizen_id, name, phone, wants_support) VALUES (%lld, 'Hanne Juhl', '22 33 44 55', 1),"
		" (%lld, 'Kaj Nyborg', '22 33 44 66', 1)", recent, old);
	struct call_sweep s;
	TAP_INT_EQ(calls_plan_due(&desk, today, false, &s), DB_OK, "the sweep");
	char q[300];
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE source_key = 'relative:%lld'"
		 " AND reason = 'relative_support' AND due_on = '2026-11-26'", recent);
	TAP_INT_EQ(testdb_count(db, q), 1, "plans a call to the relative who wants support");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE source_key = 'relative:%lld'", old);
	TAP_INT_EQ(testdb_count(db, q), 0, "not for a wish from long ago");
	TAP_INT_EQ(calls_plan_due(&desk, today, false, &s), DB_OK, "the sweep again");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE reason = 'relative_support'");
	TAP_INT_EQ(testdb_count(db, q), 1, "plans it once");
	db_close(db);
}

/* The referrer's call is planned by the intake that assesses the citizen,
 * and by the card saved with an assessment or with feedback allowed, at
 * once: the call list's opening runs no rules. The sweep, later, finds
 * nothing more to plan. */
static void test_feedback_at_once(void)
{
	struct db *db = open_fresh("feedback.db");
	struct citizen_card *c = calloc(1, sizeof *c);
	snprintf(c->citizen.name, sizeof c->citizen.name, "Karen Ærø");
	snprintf(c->citizen.phone, sizeof c->citizen.phone, "20 30 40 50");
	snprintf(c->referral.referred_on, sizeof c->referral.referred_on, "2026-11-20");
	snprintf(c->referral.source, sizeof c->referral.source, "gp");
	c->referral.feedback_consent = true;
	c->consent.registration = true;
	c->consent.referrer_feedback = true;
	snprintf(c->assessment.outcome, sizeof c->assessment.outcome, "volunteer_help");
	long long karen = 0;
	TAP_INT_EQ(intake_register(&desk, c, 0, &karen), DB_OK, "an intake, assessed, with feedback asked and allowed");
	char key[64];
	snprintf(key, sizeof key, "referral:%lld", testdb_count(db, "SELECT max(id) FROM referrals"));
	TAP_CHECK(call_exists(db, key, "2026-11-27"), "the referrer's call is planned by the intake, a week after the talk");
	char q[200];
	snprintf(q, sizeof q, "SELECT count(*) FROM audit_log WHERE detail = 'follow-up call planned %s'", key);
	TAP_INT_EQ(testdb_count(db, q), 1, "in the audit log");

	/* Not assessed at intake, nor asked: the card saved later plans it. */
	snprintf(c->citizen.name, sizeof c->citizen.name, "Jens Holm");
	c->referral.feedback_consent = false;
	c->assessment.outcome[0] = '\0';
	long long jens = 0;
	TAP_INT_EQ(intake_register(&desk, c, 0, &jens), DB_OK, "an intake not assessed");
	snprintf(key, sizeof key, "referral:%lld", testdb_count(db, "SELECT max(id) FROM referrals"));
	TAP_INT_EQ(call_id(db, key), 0, "no call before the assessment");
	struct citizen_view *v = malloc(sizeof *v);
	TAP_INT_EQ(citizens_card(&desk, jens, v), DB_OK, "the card");
	snprintf(v->card.assessment.outcome, sizeof v->card.assessment.outcome, "volunteer_help");
	TAP_INT_EQ(citizens_save_card(&desk, &v->card, v->card.citizen.version, NULL), DB_OK, "assessed on the card");
	TAP_INT_EQ(call_id(db, key), 0, "no call while the referrer has not asked");
	TAP_INT_EQ(citizens_card(&desk, jens, v), DB_OK, "the card again");
	v->card.referral.feedback_consent = true;
	TAP_INT_EQ(citizens_save_card(&desk, &v->card, v->card.citizen.version, NULL), DB_OK, "feedback asked");
	TAP_CHECK(call_exists(db, key, "2026-12-03"), "the referrer's call is planned by the card saved");

	/* Assessed, feedback not asked; then the citizen agrees to it and to
	 * volunteers' calls on the consent screen, after a match was made:
	 * the calls that waited for consent are planned by the consent. */
	snprintf(c->citizen.name, sizeof c->citizen.name, "Lis Berg");
	c->consent.volunteer_contact = false;
	c->consent.referrer_feedback = false;
	snprintf(c->assessment.outcome, sizeof c->assessment.outcome, "volunteer_help");
	long long lis = 0;
	TAP_INT_EQ(intake_register(&desk, c, 0, &lis), DB_OK, "an intake, assessed, nothing agreed");
	long long lis_referral = testdb_count(db, "SELECT max(id) FROM referrals");
	sql(db, "INSERT INTO volunteers(name, status, capacity) VALUES ('Ole Vang', 'active', 2)");
	sql(db, "INSERT INTO matches(citizen_id, volunteer_id, matched_on) VALUES (%lld, %lld, '2026-11-25')", lis,
	    db_last_insert_id(db));
	long long match = db_last_insert_id(db);
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld", lis);
	TAP_INT_EQ(testdb_count(db, q), 0, "no calls without consent");
	struct consent_outcome out;
	TAP_INT_EQ(consents_give(&desk, lis, CONSENT_FEEDBACK, NULL, &out), DB_OK, "feedback agreed");
	snprintf(key, sizeof key, "referral:%lld", lis_referral);
	TAP_CHECK(call_exists(db, key, "2026-11-27"), "the referrer's call is planned by the consent");
	TAP_INT_EQ(out.calls_planned, 1, "which says so");
	TAP_INT_EQ(consents_give(&desk, lis, CONSENT_CONTACT, NULL, &out), DB_OK, "volunteers' calls agreed");
	snprintf(key, sizeof key, "match:%lld", match);
	TAP_CHECK(call_exists(db, key, "2026-12-09"), "the call after the match is planned by the consent");

	/* The card's next step: of the later calls, the citizen's own. */
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, 'agreed', '2026-12-01')", karen);
	struct citizen_facts *facts = malloc(sizeof *facts);
	TAP_INT_EQ(store_citizens_facts(db, karen, "2026-11-26", facts), DB_OK, "the facts for Karen's card");
	TAP_STR_EQ(facts->call_reason, "agreed", "the call to her, not the earlier one to her referrer");
	free(facts);

	struct call_sweep s;
	TAP_INT_EQ(calls_plan_due(&desk, today, false, &s), DB_OK, "the sweep");
	TAP_INT_EQ(s.created, 0, "finds nothing more to plan");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE reason = 'referrer_feedback'"), 3,
		   "one call each");
	free(v);
	free(c);
	db_close(db);
}

static void test_list_and_card(void)
{
	struct db *db = open_fresh("list.db");
	struct world w;
	build_world(db, &w);
	struct call_sweep s;
	calls_plan_due(&desk, today, true, &s);
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on, responsible) VALUES (%lld, 'agreed', '2026-11-20', %lld)",
	    w.silent, w.vol);

	struct call_counts c;
	struct call_escalation raised[4];
	int nraised;
	TAP_INT_EQ(calls_summary(&desk, "2026-11-26", "2026-12-03", &c, raised, 4, &nraised), DB_OK, "counts");
	TAP_INT_EQ(c.due, 5, "five due today or overdue");
	TAP_INT_EQ(c.overdue, 2, "two of them overdue");
	TAP_INT_EQ(c.week, 1, "one in the coming week");
	struct call_row rows[20];
	int n;
	TAP_INT_EQ(calls_page(&desk, "2026-12-03", "", NULL, 20, rows, &n), DB_OK, "the list");
	TAP_INT_EQ(n, 6, "six calls up to a week ahead");
	TAP_STR_EQ(rows[0].due_on, "2026-11-20", "the most overdue first");
	TAP_STR_EQ(rows[0].responsible_name, "Bente Ølgaard", "with who is responsible");
	TAP_STR_EQ(rows[1].due_time, "09:30", "an agreed time comes first within a day");
	TAP_STR_EQ(rows[5].due_on, "2026-11-30", "the coming week last");
	TAP_STR_EQ(rows[0].phone, "56 78 90 12", "with the phone");
	TAP_STR_EQ(rows[0].name, "Aase Lund", "and the name");
	TAP_INT_EQ(calls_page(&desk, "2026-12-03", "ase", NULL, 20, rows, &n), DB_OK,
		   "search by folded name ('aase' folds to 'ase')");
	TAP_INT_EQ(n, 2, "Aase Lund has two calls");
	struct call_row page[20];
	int got;
	TAP_INT_EQ(calls_page(&desk, "2026-12-03", "", NULL, 3, page, &got), DB_OK, "a first page of three");
	TAP_INT_EQ(calls_page(&desk, "2026-12-03", "", &page[2], 2, page + 3, &got), DB_OK, "the page after it");
	TAP_INT_EQ(calls_page(&desk, "2026-12-03", "", &page[4], 3, page + 5, &got), DB_OK, "and the last");
	TAP_INT_EQ(got, 1, "has the rest");
	calls_page(&desk, "2026-12-03", "", NULL, 20, rows, &n);
	bool same = true;
	for (int i = 0; i < 6; i++)
		same = same && page[i].id == rows[i].id;
	TAP_CHECK(same, "paging gives the same order as one long read, same-day calls included");

	char key[64];
	snprintf(key, sizeof key, "first_session:%lld", w.match_id);
	struct call_card card;
	long long views = testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'view'");
	TAP_INT_EQ(calls_card(&desk, call_id(db, key), &card), DB_OK, "the call card");
	TAP_STR_EQ(card.call.name, "Søren Ærø", "who");
	TAP_STR_EQ(card.call.reason, "after_first_session", "why");
	TAP_STR_EQ(card.status, "open", "still open");
	TAP_CHECK(card.citizen_version >= 1, "with the citizen's version, for ending the course");
	TAP_STR_EQ(card.why_activity, "Gå-gruppen", "the activity of the first session");
	TAP_STR_EQ(card.why_date, "2026-11-24", "and its day");
	TAP_STR_EQ(card.why_volunteer, "Bente Ølgaard", "who went along");
	TAP_STR_EQ(card.relative.name, "Birthe Ærø", "the relative who takes part");
	TAP_INT_EQ(card.nattendance, 1, "attendance in one activity");
	TAP_STR_EQ(card.attendance[0].marks, "p", "came once");
	TAP_STR_EQ(card.attendance[0].next_date, "2026-12-01", "next session");
	TAP_CHECK(card.accompanied && card.open_matches == 1, "a volunteer still goes along");
	TAP_CHECK(!card.feedback_consent, "no feedback agreed for this citizen");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'view'"), views + 1,
		   "opening the card is logged as a view");

	snprintf(key, sizeof key, "missed:%lld:%lld", w.enrolment_missing, session_on(db, w.act, "2026-11-24"));
	TAP_INT_EQ(calls_card(&desk, call_id(db, key), &card), DB_OK, "a missed-sessions card");
	TAP_STR_EQ(card.attendance[0].marks, "ppppaa", "the last six marks, oldest first");
	TAP_STR_EQ(card.why_date, "2026-11-24", "the session that made the call due");
	/* With fifty marks at another activity the card walks this one's
	 * sessions back instead of the citizen's marks: the same six. */
	sql(db,
	    "INSERT INTO activities(id, name, kind, place, weekday, start_time, end_time, created_at) VALUES"
	    " (900, 'Krolf', 'association', 'Krolfklubben', 3, '10:00', '12:00', '2024-01-01 10:00:00')");
	for (int i = 0; i < 50; i++) {
		char day[DATE_ISO_LEN];
		date_format_iso(date_add_days((struct date){ 2025, 1, 1 }, 7L * i), day);
		sql(db, "INSERT INTO sessions(id, activity_id, date, status) VALUES (%d, 900, '%s', 'held')", 9000 + i, day);
		sql(db,
		    "INSERT INTO attendance(session_id, citizen_id, mark) SELECT %d, citizen_id, 'present'"
		    " FROM enrolments WHERE id = %lld",
		    9000 + i, w.enrolment_missing);
	}
	TAP_INT_EQ(calls_card(&desk, call_id(db, key), &card), DB_OK, "the card of one with many marks");
	TAP_STR_EQ(card.attendance[0].marks, "ppppaa", "the same last six marks");

	snprintf(key, sizeof key, "no_contact:%lld", w.silent);
	TAP_INT_EQ(calls_card(&desk, call_id(db, key), &card), DB_OK, "a no-contact card");
	TAP_STR_EQ(card.last_contact_on, "2026-09-10", "says when contact stopped");
	TAP_INT_EQ(calls_card(&desk, 999999, &card), DB_ERR_NOTFOUND, "an unknown call");
	struct desk nobody = { .db = db, .users_exist = true };
	views = testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'view'");
	TAP_INT_EQ(calls_card(&nobody, call_id(db, key), &card), DB_ERR_FORBIDDEN, "nobody signed in sees no card");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'view'"), views,
		   "and no look is logged");
	db_close(db);
}

static struct call_entry outcome_for(long long call, const char *outcome, const char *next_step)
{
	struct call_card card;
	calls_card(&desk, call, &card);
	struct call_entry in;
	memset(&in, 0, sizeof in);
	in.outcome.call_id = call;
	SET(in.outcome.outcome, outcome);
	SET(in.outcome.next_step, next_step);
	in.citizen_version = card.citizen_version;
	in.responsible = card.call.responsible;
	return in;
}

/* Agreeing a new day replaces an agreed call that is still open, so the
 * citizen gets one call, on the day agreed last. */
static void test_new_agreed_day_replaces(void)
{
	struct db *db = open_fresh("agreed.db");
	long long who = citizen(db, "Vibeke Rasmussen", "31 31 31 31", "2026-11-01");
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, 'agreed', '2026-12-04')", who);
	long long old_agreed = db_last_insert_id(db);
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, 'after_match', '2026-11-26')", who);
	long long call = db_last_insert_id(db);
	struct call_entry in = outcome_for(call, "reached", CALL_NEXT_NEW_CALL);
	SET(in.next_on, "2026-12-07");
	struct call_entry_result res;
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "reached, a new day agreed");
	char q[200];
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE id = %lld AND status = 'cancelled'", old_agreed);
	TAP_INT_EQ(testdb_count(db, q), 1, "the older agreed call is replaced");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE status = 'open' AND reason = 'agreed'"), 1,
		   "one agreed call is open");
	db_close(db);
}

/* An outcome half written at a stop is the person's own draft: kept and
 * kept again in place, found by them only, listed with its call, taken
 * away by recording the call (everyone's: the call is done with; not by
 * a record that fails) or cancelling it, or by leaving it on purpose,
 * and gone with the call. Nobody signed in keeps none; nor a CPR number. */
static void test_outcome_kept(void)
{
	struct db *db = open_fresh("kept.db");
	long long who = citizen(db, "Åse Holm", "31 31 31 31", "2026-11-01");
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, 'agreed', '2026-11-26')", who);
	long long call = db_last_insert_id(db);
	char *data = NULL;
	TAP_INT_EQ(kept_draft_find(&desk, DRAFT_CALL, call, &data), DB_ERR_NOTFOUND, "no kept outcome at first");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_CALL, call, "outcome=1\nnote=Ingen svar\n", NULL), DB_OK,
		   "an outcome is kept at a stop");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_CALL, call, "outcome=1\nnote=Ingen svar, lagt besked\n", NULL), DB_OK,
		   "and kept again");
	char q[300];
	snprintf(q, sizeof q, "SELECT count(*) FROM drafts WHERE kind = 'call' AND call_id = %lld AND citizen_id = %lld"
		 " AND label = 'Åse Holm'", call, who);
	TAP_INT_EQ(testdb_count(db, q), 1, "in place of the first, about the call's citizen by name");
	TAP_INT_EQ(testdb_count(db, "SELECT (SELECT count(*) FROM audit_log WHERE entity = 'draft' AND detail = 'call'"
				" AND action = 'create') * 10 + (SELECT count(*) FROM audit_log WHERE entity = 'draft'"
				" AND detail = 'call' AND action = 'update')"), 11,
		   "the first keeping logged as made, the second as changed");
	TAP_INT_EQ(kept_draft_find(&desk, DRAFT_CALL, call, &data), DB_OK, "found by its owner");
	TAP_STR_EQ(data ? data : "", "outcome=1\nnote=Ingen svar, lagt besked\n", "with the latest values");
	free(data);
	TAP_INT_EQ(kept_draft_find(&coordinator, DRAFT_CALL, call, &data), DB_ERR_NOTFOUND, "not by anyone else");
	long long begun[4];
	int nbegun = 0;
	TAP_INT_EQ(kept_draft_calls(&desk, begun, 4, &nbegun), DB_OK, "the calls begun, for the list");
	TAP_CHECK(nbegun == 1 && begun[0] == call, "are the one kept (%d)", nbegun);
	TAP_INT_EQ(kept_draft_calls(&coordinator, begun, 4, &nbegun), DB_OK, "anyone else's");
	TAP_INT_EQ(nbegun, 0, "are none");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_CALL, call, "outcome=0\n", "Note: 010190-1234"), DB_ERR_INVALID,
		   "never a CPR number in the words");
	struct desk nobody = { .db = db, .users_exist = true };
	TAP_INT_EQ(kept_draft_keep(&nobody, DRAFT_CALL, call, "note=x\n", NULL), DB_ERR_FORBIDDEN,
		   "nobody signed in keeps none");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_CALL, call, "note=født 010190-1234\n", NULL), DB_ERR_INVALID,
		   "nor one with a CPR number");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_CALL, call + 100, "note=x\n", NULL), DB_ERR_NOTFOUND, "nor about no call");
	struct draft list[4];
	int n = 0;
	intake_drafts(&desk, list, 4, &n);
	TAP_CHECK(n == 1 && list[0].kind == DRAFT_CALL && list[0].call_id == call && list[0].citizen_id == who,
		  "listed among the owner's drafts with its call");

	/* A record refused (the call was cancelled meanwhile) keeps it. */
	TAP_INT_EQ(kept_draft_keep(&coordinator, DRAFT_CALL, call, "note=Hendes\n", NULL), DB_OK,
		   "the coordinator keeps one of her own");
	struct call_entry in = outcome_for(call, "not_reached", CALL_NEXT_NEW_CALL);
	SET(in.next_on, "2026-11-27");
	sql(db, "UPDATE follow_ups SET status = 'cancelled' WHERE id = %lld", call);
	struct call_entry_result res;
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_ERR_CONFLICT, "a record of a cancelled call is refused");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts WHERE kind = 'call'"), 2, "and both kept outcomes stay");
	sql(db, "UPDATE follow_ups SET status = 'open' WHERE id = %lld", call);
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "the call recorded");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 0,
		   "takes every kept outcome of it: the call is done with");

	/* Left on purpose, the call cancelled, or the call going, too. */
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, 'agreed', '2026-11-27')", who);
	long long next = db_last_insert_id(db);
	TAP_INT_EQ(kept_draft_keep(&coordinator, DRAFT_CALL, next, "note=x\n", NULL), DB_OK, "kept");
	TAP_INT_EQ(kept_draft_drop(&coordinator, DRAFT_CALL, next), DB_OK, "dropped");
	TAP_INT_EQ(kept_draft_find(&coordinator, DRAFT_CALL, next, &data), DB_ERR_NOTFOUND, "gone");
	TAP_INT_EQ(kept_draft_drop(&coordinator, DRAFT_CALL, next), DB_OK, "dropping none is no error");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_CALL, next, "note=x\n", NULL), DB_OK, "kept again");
	TAP_INT_EQ(calls_cancel(&coordinator, next, "Flyttet"), DB_OK, "the call cancelled");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 0, "takes it");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_CALL, next, "note=x\n", NULL), DB_OK, "one kept after");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 1, "is there");
	TAP_INT_EQ(db_exec(db, "DELETE FROM referrer_feedback; DELETE FROM call_escalations; DELETE FROM measures;"
			       " DELETE FROM follow_ups"), DB_OK, "the calls are deleted");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 0, "a deleted call's kept outcomes go with it");
	TAP_INT_EQ(db_exec(db, "INSERT INTO drafts(kind, label, data, updated_at) VALUES ('call', 'x', '', 'now')"),
		   DB_ERR_CONSTRAINT, "a call draft without its call is refused");
	db_close(db);
}

static void test_not_reached_three_times(void)
{
	struct db *db = open_fresh("escalate.db");
	long long who = citizen(db, "Kaj Mørch", "23 45 67 89", "2026-11-01");
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, 'agreed', '2026-11-26')", who);
	long long call = db_last_insert_id(db);
	struct call_entry_result res;
	for (int i = 1; i <= 3; i++) {
		struct call_entry in = outcome_for(call, "not_reached", CALL_NEXT_NEW_CALL);
		SET(in.outcome.note, "Ingen svar");
		SET(in.next_on, "2026-11-27");
		TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "not reached, try again tomorrow");
		TAP_INT_EQ(res.not_reached, i, "calls not reached in a row");
		TAP_CHECK(res.escalated == (i == 3), "raised to the coordinator only the third time");
		TAP_CHECK(res.next_call_id > 0, "the next try is planned");
		call = res.next_call_id;
	}
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE status = 'open'"), 1, "one open call left");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE source_key LIKE 'agreed:%'"
			   " AND due_on = '2026-11-27'"), 3, "each try keyed by the call before it");
	struct call_escalation e[4];
	int n;
	struct call_counts c;
	TAP_INT_EQ(calls_summary(&desk, "2026-11-26", "2026-12-03", &c, e, 4, &n), DB_OK, "the coordinator's list");
	TAP_INT_EQ(n, 1, "has the citizen");
	TAP_INT_EQ(e[0].attempts, 3, "after three tries");
	TAP_STR_EQ(e[0].raised_on, "2026-11-26", "raised today");
	struct call_row rows[4];
	calls_page(&desk, "2026-12-03", "", NULL, 4, rows, &n);
	TAP_CHECK(n == 1 && rows[0].escalated, "the open call is flagged on the list");
	TAP_INT_EQ(c.escalated, 1, "and counted for the home screen");
	struct call_card card;
	TAP_INT_EQ(calls_card(&desk, call, &card), DB_OK, "the card of the next try");
	TAP_INT_EQ(card.not_reached, 3, "says three calls in a row did not reach them");
	TAP_STR_EQ(card.escalated_on, "2026-11-26", "and since when the coordinator knows");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'call_escalation'"
			   " AND action = 'create'"), 1, "raising is in the audit log");

	/* A fourth miss does not raise it twice. */
	struct call_entry in = outcome_for(call, "not_reached", CALL_NEXT_NEW_CALL);
	SET(in.next_on, "2026-11-30");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "not reached a fourth time");
	TAP_CHECK(!res.escalated, "already with the coordinator: not raised again");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM call_escalations"), 1, "one escalation");
	TAP_INT_EQ(calls_escalation_handled(&desk, who, "Skrev et brev"), DB_ERR_FORBIDDEN,
		   "only the coordinator marks it handled");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM call_escalations WHERE resolved_on IS NULL"), 1,
		   "so it stays open");

	in = outcome_for(res.next_call_id, "reached", CALL_NEXT_NONE);
	SET(in.outcome.note, "Havde mistet sin telefon. Kommer på tirsdag.");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "reached at last");
	TAP_CHECK(res.settled, "reaching them settles the escalation");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM call_escalations WHERE resolved_on IS NULL"), 0, "none open");
	TAP_INT_EQ(res.not_reached, 0, "and the run is broken");
	TAP_INT_EQ(calls_escalation_handled(&coordinator, who, "x"), DB_ERR_NOTFOUND, "nothing left to handle");

	/* Raised again, and handled by the coordinator this time. */
	sql(db, "INSERT INTO call_escalations(citizen_id, raised_on, attempts) VALUES (%lld, '2026-11-20', 3)", who);
	TAP_INT_EQ(calls_escalation_handled(&coordinator, who, "Ringede til søsteren"), DB_OK,
		   "the coordinator marks it handled");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM call_escalations WHERE resolved_on = '2026-11-26'"
			   " AND resolution = 'Ringede til søsteren'"), 1, "today, with what was done");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'call_escalation'"
			   " AND detail = 'handled'"), 1, "in the audit log");
	db_close(db);
}

/* Not reaching the referrer is not not reaching the citizen. */
static void test_referrer_not_counted(void)
{
	struct db *db = open_fresh("referrer.db");
	long long who = citizen(db, "Ingrid Holm", "34 56 78 90", "2026-11-01");
	struct call_entry_result res;
	for (int i = 0; i < 3; i++) {
		sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, '%s', '2026-11-26')", who,
		    i == 1 ? "referrer_feedback" : "agreed");
		struct call_entry in = outcome_for(db_last_insert_id(db), "not_reached", CALL_NEXT_NONE);
		calls_record_outcome(&desk, &in, &res);
	}
	TAP_INT_EQ(res.not_reached, 2, "two calls to the citizen not reached; the referrer's is not counted");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM call_escalations"), 0, "nobody is raised to the coordinator");
	db_close(db);
}

static void test_outcomes(void)
{
	struct db *db = open_fresh("outcomes.db");
	struct world w;
	build_world(db, &w);
	struct call_sweep s;
	calls_plan_due(&desk, today, true, &s);
	char key[64];
	struct call_entry_result res;

	/* Call back at an agreed time. */
	snprintf(key, sizeof key, "first_session:%lld", w.match_id);
	long long call = call_id(db, key);
	struct call_entry in = outcome_for(call, "call_back", CALL_NEXT_NEW_CALL);
	SET(in.next_on, "2026-11-25");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_ERR_CONSTRAINT, "a call back in the past is refused");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE status = 'done'"), 0, "and nothing is written");
	SET(in.next_on, "2026-11-27");
	SET(in.next_time, "14:30");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "call back tomorrow at 14:30");
	char q[300];
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE source_key = 'agreed:%lld' AND due_on = '2026-11-27'"
		 " AND due_time = '14:30' AND responsible = %lld AND reason = 'agreed'", call, w.vol);
	TAP_INT_EQ(testdb_count(db, q), 1, "the agreed call, same volunteer");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_ERR_CONFLICT,
		   "recording the same call twice (another desk did it) is a conflict");

	/* Feedback to the referrer: only with consent. The call agreed just
	 * now is Søren's next. */
	snprintf(key, sizeof key, "agreed:%lld", call);
	in = outcome_for(call_id(db, key), "reached", CALL_NEXT_NONE);
	SET(in.outcome.told_referrer, "Er startet i Gå-gruppen.");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_ERR_CONSTRAINT,
		   "no feedback to a referrer the citizen did not agree to");
	snprintf(key, sizeof key, "referral:%lld", w.referral_feedback);
	in = outcome_for(call_id(db, key), "reached", CALL_NEXT_NONE);
	SET(in.outcome.told_referrer, "Ingrid er startet i caféen og trives.");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "feedback with consent");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM referrer_feedback WHERE told = 'Ingrid er startet i caféen og trives.'"),
		   1, "what was told is recorded");

	/* Not reached: a new match is not something to decide without him. */
	snprintf(key, sizeof key, "agreed:%lld", call);
	const char *talk_only[] = { CALL_NEXT_NEW_MATCH, CALL_NEXT_ON_OWN, CALL_NEXT_HANDOVER };
	for (size_t i = 0; i < sizeof talk_only / sizeof talk_only[0]; i++) {
		in = outcome_for(call_id(db, key), i == 2 ? "wrong_number" : "not_reached", talk_only[i]);
		SET(in.outcome.handover_to, "Socialpsykiatrien");
		TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_ERR_INVALID,
			   "not reached, next step '%s': refused, a conversation gives that", talk_only[i]);
	}
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE id = %lld AND status = 'open'", call_id(db, key));
	TAP_INT_EQ(testdb_count(db, q), 1, "the call stays open");
	snprintf(q, sizeof q, "SELECT count(*) FROM matches WHERE id = %lld AND ended_on IS NULL", w.match_id);
	TAP_INT_EQ(testdb_count(db, q), 1, "and the match too");

	/* A new match is needed: the open match ends as the matching screen ends it. */
	in = outcome_for(call_id(db, key), "reached", CALL_NEXT_NEW_MATCH);
	SET(in.outcome.note, "Gruppen er for stor for ham.");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "reached: a new match is needed");
	snprintf(q, sizeof q, "SELECT count(*) FROM matches WHERE id = %lld AND outcome = 'did_not_work'"
		 " AND ended_on = '2026-11-26'", w.match_id);
	TAP_INT_EQ(testdb_count(db, q), 1, "the match ended: did not work");
	snprintf(q, sizeof q, "SELECT count(*) FROM enrolments WHERE citizen_id = %lld AND ended_on IS NULL", w.matched);
	TAP_INT_EQ(testdb_count(db, q), 0, "and its enrolment");

	/* Going on their own with no volunteer left to stop: refused. */
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, 'agreed', '2026-11-26')", w.matched);
	long long alone = db_last_insert_id(db);
	in = outcome_for(alone, "reached", CALL_NEXT_ON_OWN);
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_ERR_INVALID,
		   "reached, goes on their own with no open match: refused");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE id = %lld AND status = 'open'", alone);
	TAP_INT_EQ(testdb_count(db, q), 1, "the call stays open");

	/* Handover to professional help. */
	snprintf(key, sizeof key, "missed:%lld:%lld", w.enrolment_missing, session_on(db, w.act, "2026-11-24"));
	in = outcome_for(call_id(db, key), "reached", CALL_NEXT_HANDOVER);
	SET(in.outcome.handover_to, "Socialpsykiatrien, Aarhus Kommune");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "reached: handed over");
	snprintf(q, sizeof q, "SELECT count(*) FROM assessments WHERE citizen_id = %lld AND outcome = 'professional_help'"
		 " AND handover_to = 'Socialpsykiatrien, Aarhus Kommune' AND handover_on = '2026-11-26'", w.missing);
	TAP_INT_EQ(testdb_count(db, q), 1, "the handover is recorded as an assessment");

	/* End of course: the other open calls go too. */
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, 'agreed', '2026-12-10')", w.silent);
	snprintf(key, sizeof key, "no_contact:%lld", w.silent);
	in = outcome_for(call_id(db, key), "reached", CALL_NEXT_END_COURSE);
	SET(in.end_reason, "lasting_community");
	in.citizen_version = 99;
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_ERR_CONFLICT, "a changed card stops the ending");
	in = outcome_for(call_id(db, key), "reached", CALL_NEXT_END_COURSE);
	SET(in.end_reason, "lasting_community");
	TAP_INT_EQ(calls_record_outcome(&desk, &in, &res), DB_OK, "reached: in a lasting community now");
	TAP_CHECK(res.course_ended, "the course ended");
	snprintf(q, sizeof q, "SELECT count(*) FROM citizens WHERE id = %lld AND status = 'ended'"
		 " AND end_reason = 'lasting_community'", w.silent);
	TAP_INT_EQ(testdb_count(db, q), 1, "with the reason");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND status = 'open'", w.silent);
	TAP_INT_EQ(testdb_count(db, q), 0, "no open calls are left for them");

	/* Cancelling. */
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (%lld, 'agreed', '2026-12-10')", w.feedback);
	call = db_last_insert_id(db);
	TAP_INT_EQ(calls_cancel(&desk, call, "  "), DB_ERR_INVALID, "never without a reason in words");
	TAP_INT_EQ(calls_cancel(&desk, call, "Aftalt på mødet i stedet"), DB_OK, "a call is cancelled");
	snprintf(q, sizeof q, "SELECT count(*) FROM audit_log WHERE entity = 'follow_up' AND entity_id = %lld"
		 " AND detail = 'cancelled'", call);
	TAP_INT_EQ(testdb_count(db, q), 1, "in the audit log");
	TAP_INT_EQ(calls_cancel(&desk, call, "igen"), DB_ERR_CONFLICT, "only an open call can be");
	db_close(db);
}

static void test_no_contact_quota(void)
{
	struct db *db = open_fresh("quota.db");
	long long a = citizen(db, "Aase Lund", "56 78 90 12", "2026-08-01");
	long long b = citizen(db, "Bo Friis", "67 89 01 23", "2026-08-02");
	long long c = citizen(db, "Carl Due", "78 90 12 34", "2026-11-20");
	(void)c;
	sql(db, "UPDATE settings SET value = '1' WHERE key = 'no_contact_per_day'");
	struct call_sweep s;
	TAP_INT_EQ(calls_plan_due(&desk, today, true, &s), DB_OK, "a sweep with a quota of one a day");
	TAP_INT_EQ(s.no_contact_created, 1, "one call after no contact today");
	long long waiting = -1;
	TAP_INT_EQ(calls_no_contact_waiting(&desk, today, &waiting), DB_OK, "counting who waits");
	TAP_INT_EQ(waiting, 1, "one citizen waits for a later day");
	char q[200];
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld", a);
	TAP_INT_EQ(testdb_count(db, q), 1, "the earliest registered first");
	TAP_INT_EQ(calls_plan_due(&desk, today, true, &s), DB_OK, "again the same day");
	TAP_INT_EQ(s.created, 0, "the day's quota is used");
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2026, 11, 27 }, true, &s), DB_OK, "the next day");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND due_on = '2026-11-27'", b);
	TAP_INT_EQ(testdb_count(db, q), 1, "the next one is called");
	TAP_INT_EQ(calls_no_contact_waiting(&desk, (struct date){ 2026, 11, 27 }, &waiting), DB_OK, "counting again");
	TAP_INT_EQ(waiting, 0, "nobody else waits: referred a week ago is not silence");

	/* After the call, a later silence is a new situation. */
	sql(db, "UPDATE follow_ups SET status = 'done', outcome = 'not_reached', done_at = '2026-11-26 11:00:00'"
		" WHERE citizen_id = %lld", a);
	sql(db, "UPDATE settings SET value = '5' WHERE key = 'no_contact_per_day'");
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2027, 1, 8 }, true, &s), DB_OK, "six weeks after that call");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE source_key = 'no_contact:%lld:2026-11-26'", a);
	TAP_INT_EQ(testdb_count(db, q), 1, "a second no-contact call, named by the last contact");
	db_close(db);
}

/* A day with more to write than a step writes: thirty citizens without
 * contact (the quota raised to forty) and twenty calls after missed
 * sessions that the citizens answered by coming back. */
static void many_to_write(struct db *db)
{
	sql(db, "UPDATE settings SET value = '40' WHERE key = 'no_contact_per_day'");
	for (int i = 0; i < 30; i++) {
		char name[32];
		snprintf(name, sizeof name, "Tavs Borger %d", i + 1);
		citizen(db, name, "11 11 11 11", "2026-08-01");
	}
	long long first;
	long long act = activity_with_sessions(db, &first);
	long long missed = session_on(db, act, "2026-11-17"), came = session_on(db, act, "2026-11-24");
	for (int i = 0; i < 20; i++) {
		char name[32];
		snprintf(name, sizeof name, "Kom Igen %d", i + 1);
		long long c = citizen(db, name, "22 22 22 22", "2026-11-01");
		sql(db, "INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (%lld, %lld, '2026-11-02')", c,
		    act);
		long long enrolment = db_last_insert_id(db);
		sql(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (%lld, %lld, 'absent'),"
			" (%lld, %lld, 'present')", missed, c, came, c);
		sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on, source_key)"
			" VALUES (%lld, 'missed_sessions', '2026-11-19', 'missed:%lld:%lld')", c, enrolment, missed);
	}
}

/* The calls and their audit lines, row by row, as one text (no times). */
static void calls_written(struct db *db, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	const char *const queries[] = {
		"SELECT id, citizen_id, reason, due_on, status, COALESCE(source_key, ''), COALESCE(note, '')"
		" FROM follow_ups ORDER BY id",
		"SELECT action, entity, entity_id, COALESCE(detail, '') FROM audit_log ORDER BY id",
	};
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		struct db_stmt *st;
		if (db_prepare(db, &st, queries[q]) != DB_OK)
			return;
		int columns = q == 0 ? 7 : 4;
		while (db_step(st) == DB_ROW)
			for (int c = 0; c < columns; c++)
				strbuf_add(&b, "%s%s", db_column_text(st, c), c + 1 < columns ? "|" : "\n");
		db_finalize(st);
	}
}

/* A key waits from the engine's tenth question on. */
static bool key_at_tenth(void *ctx)
{
	int *asked = ctx;
	return ++*asked >= 10;
}

/* The day's rules write the sweep's calls a step at a time
 * (calls_due_step), and end exactly where writing them at once ends. */
/* The desk calls on weekdays: a no-contact call planned at a weekend is
 * due on the Monday, and the day's limit counts Monday's calls, so the
 * sweeps of Saturday, Sunday and Monday plan one day's worth together. */
static void test_no_contact_weekend(void)
{
	struct db *db = open_fresh("weekend.db");
	citizen(db, "Aase Lund", "56 78 90 12", "2026-08-01");
	citizen(db, "Bo Friis", "67 89 01 23", "2026-08-02");
	citizen(db, "Carl Due", "78 90 12 34", "2026-08-03");
	sql(db, "UPDATE settings SET value = '1' WHERE key = 'no_contact_per_day'");
	struct call_sweep s;
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2026, 11, 28 }, true, &s), DB_OK, "a Saturday's sweep");
	TAP_INT_EQ(s.no_contact_created, 1, "plans the day's one call");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE due_on = '2026-11-30'"), 1,
		   "due on the Monday");
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2026, 11, 29 }, true, &s), DB_OK, "Sunday's");
	TAP_INT_EQ(s.no_contact_created, 0, "plans none: Monday's limit is used");
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2026, 11, 30 }, true, &s), DB_OK, "Monday's");
	TAP_INT_EQ(s.no_contact_created, 0, "none either");
	TAP_INT_EQ(calls_plan_due(&desk, (struct date){ 2026, 12, 1 }, true, &s), DB_OK, "Tuesday's");
	TAP_INT_EQ(s.no_contact_created, 1, "the next one");
	db_close(db);
}

static void test_due_in_steps(void)
{
	struct db *once = open_fresh("due-once.db");
	struct desk at_once = desk;
	many_to_write(once);
	struct db *db = open_fresh("due-steps.db");
	many_to_write(db);

	struct calls_due due = { 0 };
	/* A key comes halfway through the sweep's reads (SQLite: a server
	 * runs each step to its end): nothing half read is kept. */
	if (!testdb_pg()) {
		int asked = 0;
		db_interrupt_when(db, key_at_tenth, &asked);
		TAP_INT_EQ(calls_due_step(&desk, today, &due), DB_ERR_INTERRUPTED, "a key stops the sweep");
		db_interrupt_when(db, NULL, NULL);
		TAP_CHECK(!due.swept && !due.done && !due.calls && !due.answered && due.ncalls + due.nanswered == 0,
			  "which keeps nothing and is done again");
	}
	TAP_INT_EQ(calls_due_step(&desk, today, &due), DB_OK, "the first step sweeps");
	TAP_CHECK(due.swept && !due.done && due.ncalls == 30 && due.nanswered == 20,
		  "and keeps 30 calls to write and 20 to cancel (%d, %d)", due.ncalls, due.nanswered);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE reason = 'no_contact'"), 0,
		   "reading only");
	TAP_INT_EQ(calls_due_step(&desk, today, &due), DB_OK, "the next step writes");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE reason = 'no_contact'"), CALLS_DUE_STEP,
		   "no more calls than a step writes");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'follow_up'"), CALLS_DUE_STEP,
		   "each in the audit log");
	int steps = 2;
	while (!due.done && steps < 100) {
		if (calls_due_step(&desk, today, &due) != DB_OK)
			break;
		steps++;
	}
	int writes = (50 + CALLS_DUE_STEP - 1) / CALLS_DUE_STEP;
	TAP_CHECK(due.done && steps == 1 + writes, "done after the sweep and %d steps of writing (%d steps)", writes,
		  steps);
	TAP_CHECK(!due.calls && !due.answered, "the list is given back when done");
	TAP_CHECK(due.made.created == 30 && due.made.answered == 20 && due.made.no_contact_created == 30,
		  "30 calls written, 20 cancelled, as the steps tell (%d, %d, %d)", due.made.created,
		  due.made.answered, due.made.no_contact_created);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM (SELECT citizen_id FROM follow_ups WHERE reason = 'no_contact'"
				    " GROUP BY citizen_id HAVING count(*) = 1) AS once_each"), 30, "each call once");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups AS f WHERE (SELECT count(*) FROM audit_log AS a"
				    " WHERE a.entity = 'follow_up' AND a.entity_id = f.id) = 1"), 50,
		   "each call written or cancelled has one audit line");
	TAP_INT_EQ(calls_due_step(&desk, today, &due), DB_OK, "a step after the end");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log"), 50, "does nothing");

	struct call_sweep s;
	TAP_INT_EQ(calls_plan_due(&at_once, today, false, &s), DB_OK, "the same day written at once");
	TAP_CHECK(s.created == 30 && s.answered == 20 && s.no_contact_created == 30, "tells the same");
	static char in_steps[65536], at_once_text[65536];
	calls_written(db, in_steps, sizeof in_steps);
	calls_written(once, at_once_text, sizeof at_once_text);
	TAP_CHECK(strlen(in_steps) > 1000 && strcmp(in_steps, at_once_text) == 0,
		  "the calls and the audit log in steps are those written at once");
	db_close(once);
	db_close(db);
}

/* Another desk acts between the steps: a call it wrote is not written
 * twice, and a call it recorded is not cancelled. */
static void test_due_steps_others(void)
{
	struct db *db = open_fresh("due-others.db");
	many_to_write(db);
	struct calls_due due = { 0 };
	TAP_INT_EQ(calls_due_step(&desk, today, &due), DB_OK, "the sweep");
	TAP_CHECK(due.ncalls > CALLS_DUE_STEP, "more calls than a step writes");
	/* The last call of the list, and the first answered one. */
	const struct call_new *last = &due.calls[due.ncalls - 1];
	sql(db, "INSERT INTO follow_ups(citizen_id, reason, due_on, source_key) VALUES (%lld, '%s', '%s', '%s')",
	    last->citizen_id, last->reason, last->due_on, last->source_key);
	sql(db, "UPDATE follow_ups SET status = 'done', outcome = 'reached', done_at = '2026-11-26 10:00:00'"
		" WHERE id = %lld", due.answered[0].call_id);
	long long recorded = due.answered[0].call_id;
	/* And the one before it anonymised at another desk meanwhile. */
	long long gone = due.calls[due.ncalls - 2].citizen_id;
	sql(db, "UPDATE citizens SET anonymised_on = '2026-11-26' WHERE id = %lld", gone);
	while (!due.done)
		if (calls_due_step(&desk, today, &due) != DB_OK)
			break;
	TAP_CHECK(due.done && due.made.created == 28 && due.made.answered == 19,
		  "28 calls written, 19 cancelled (%d, %d)", due.made.created, due.made.answered);
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM follow_ups WHERE reason = 'no_contact'"), 29,
		   "the call the other desk wrote is there once");
	char q[200];
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld", gone);
	TAP_INT_EQ(testdb_count(db, q), 0, "no call for the citizen anonymised between the steps");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE id = %lld AND status = 'done'", recorded);
	TAP_INT_EQ(testdb_count(db, q), 1, "the call the other desk recorded stays recorded");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'follow_up'"), 47,
		   "the audit log has only what the steps did");

	/* Left before the end (a desk closed): the kept list is given back. */
	struct calls_due left = { 0 };
	sql(db, "UPDATE follow_ups SET status = 'open' WHERE status = 'cancelled'");
	TAP_INT_EQ(calls_due_step(&desk, today, &left), DB_OK, "another day's sweep");
	TAP_CHECK(left.nanswered == 19 && !left.done, "keeps what it found (%d)", left.nanswered);
	calls_due_free(&left);
	TAP_CHECK(!left.calls && !left.answered && left.nanswered == 0, "given back");
	db_close(db);
}

int main(void)
{
	setenv("BROBYGGER_TODAY", "2026-11-26", 0);
	dbrules_install();
	if (!testdb_start("calls"))
		return 1;
	test_sweep();
	test_came_back();
	test_relative_sweep();
	test_feedback_at_once();
	test_list_and_card();
	test_new_agreed_day_replaces();
	test_not_reached_three_times();
	test_outcome_kept();
	test_referrer_not_counted();
	test_outcomes();
	test_no_contact_quota();
	test_no_contact_weekend();
	test_due_in_steps();
	test_due_steps_others();
	testdb_finish();
	return tap_done();
}
