/* Data protection in the database: consent given and withdrawn with its
 * history and what it does (calls cancelled, anonymising), anonymising
 * with the year's figures unchanged, the retention rule on a fixed day,
 * the insight file, the audit log read back (and that reading it is
 * logged), and a database others could read made private at start. On
 * temporary files; today is Thursday 26-11-2026. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "anonymise.h"
#include "audit.h"
#include "citizens.h"
#include "consents.h"
#include "daily.h"
#include "db.h"
#include "dbrules.h"
#include "insight.h"
#include "kept_drafts.h"
#include "measures.h"
#include "protect_files.h"
#include "protection_rules.h"
#include "retention.h"
#include "settings.h"
#include "tap.h"
#include "testdb.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static const struct date today = { 2026, 11, 26 };
static struct desk desk;         /* Bente, at the desk */
static struct desk coordinator;  /* Karin */

static void sql(struct db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sql(struct db *db, const char *fmt, ...)
{
	char text[16384];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (db_exec(db, text) != DB_OK) {
		printf("Bail out! %s\n# %s\n", text, db_errdetail(db));
		exit(1);
	}
}

static long long count(struct db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static long long count(struct db *db, const char *fmt, ...)
{
	char text[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	return testdb_count(db, text);
}

/* One text column of the first row, "" for none. */
static void text_of(struct db *db, char *out, size_t size, const char *query)
{
	struct db_stmt *st;
	out[0] = '\0';
	if (db_prepare(db, &st, query) != DB_OK)
		return;
	if (db_step(st) == DB_ROW)
		snprintf(out, size, "%s", db_column_text(st, 0));
	db_finalize(st);
}

/* A centre with two years of history:
 *  1 Anna Ærø, referred by her GP in February 2025, matched, came to the
 *    walking group, measured, called, her referrer told; course ended in
 *    June 2025.
 *  2 Bo Berg, referred in September 2026, in the group now, a call
 *    planned, one to his referrer too.
 *  3 Carl Dam, referred in May 2025 by the municipality, assessed; a
 *    course still open.
 * and a referral kept without a citizen. */
static struct db *centre(const char *name)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("Bail out! cannot open %s\n", path);
		exit(1);
	}
	sql(db,
	    "INSERT INTO users(id, name, role) VALUES (1, 'Bente Ølgaard', 'desk'), (2, 'Karin Holm', 'coordinator');"
	    "INSERT INTO volunteers(id, name, status) VALUES (1, 'Vera Vik', 'active');"
	    "INSERT INTO activities(id, name, kind, weekday, start_time, created_at)"
	    " VALUES (1, 'Gå-gruppen', 'motion_group', 2, '10:00', '2024-01-01 10:00:00');"
	    "INSERT INTO sessions(id, activity_id, date, status) VALUES (11, 1, '2025-03-04', 'held'),"
	    " (12, 1, '2025-03-11', 'held'), (13, 1, '2025-03-18', 'held'), (21, 1, '2026-11-17', 'held'),"
	    " (22, 1, '2026-11-24', 'held'), (23, 1, '2026-12-01', 'planned');"
	    "INSERT INTO citizens(id, name, birth_year, phone, email, address, postcode, town, contact_pref, gender,"
	    " wishes, language, created_at) VALUES"
	    " (1, 'Anna Ærø', 1960, '20 30 40 50', 'anna@example.dk', 'Åvej 1', '8000', 'Aarhus C', 'sms', 'woman',"
	    "  'Vil gerne gå ture og har haft det svært efter skilsmissen.', 'dansk', '2025-02-10 10:00:00'),"
	    " (2, 'Bo Berg', 1985, '31 41 51 61', NULL, 'Bovej 2', '8200', 'Aarhus N', 'phone', 'man',"
	    "  'Vil gerne spille fodbold.', 'dansk', '2026-09-01 10:00:00'),"
	    " (3, 'Carl Dam', 2000, '71 72 73 74', NULL, NULL, '8000', 'Aarhus C', NULL, NULL,"
	    "  NULL, NULL, '2025-05-05 10:00:00');"
	    "INSERT INTO referrals(id, citizen_id, referred_on, source, referrer_name, referrer_org, referrer_phone,"
	    " feedback_consent) VALUES"
	    " (1, 1, '2025-02-10', 'gp', 'Læge Jørgen Bak', 'Lægehuset Bredgade', '86 12 34 56', 1),"
	    " (2, 2, '2026-09-01', 'municipal', 'Sagsbehandler Lis Hansen', 'Aarhus Kommune', '87 87 87 87', 1),"
	    " (3, 3, '2025-05-05', 'municipal', 'Ole Sand', 'Aarhus Kommune', '89 89 89 89', 0),"
	    " (4, NULL, '2025-08-01', 'health_staff', 'Sygeplejerske Eva Lund', 'Hjemmeplejen', '88 88 88 88', 0);"
	    "INSERT INTO consents(citizen_id, purpose, given_on, recorded_by) VALUES"
	    " (1, 'registration', '2025-02-10', 1), (1, 'volunteer_contact', '2025-02-10', 1),"
	    " (1, 'referrer_feedback', '2025-02-10', 1), (1, 'measures', '2025-02-20', 1),"
	    " (2, 'registration', '2026-09-01', 1), (2, 'volunteer_contact', '2026-09-01', 1),"
	    " (2, 'referrer_feedback', '2026-09-01', 1), (2, 'measures', '2026-09-01', 1),"
	    " (3, 'registration', '2025-05-05', 2);"
	    "INSERT INTO relatives(citizen_id, name, relation, phone) VALUES (1, 'Ib Ærø', 'søn', '22 22 22 22');"
	    "INSERT INTO citizen_interests(citizen_id, interest_id) VALUES (1, 1), (1, 2), (2, 2);"
	    "INSERT INTO citizen_barriers(citizen_id, barrier_id) VALUES (1, 1);"
	    "INSERT INTO citizen_availability(citizen_id, weekday, part) VALUES (1, 2, 'morning');"
	    "INSERT INTO assessments(citizen_id, assessed_on, outcome, note, assessed_by) VALUES"
	    " (1, '2025-02-20', 'volunteer_help', 'Har angst i store grupper.', 1),"
	    " (2, '2026-09-05', 'volunteer_help', 'Glad for bold.', 1),"
	    " (3, '2025-05-20', 'professional_help', 'Brug for mere hjælp.', 2);"
	    "UPDATE assessments SET handover_to = 'Socialpsykiatrien', handover_on = '2025-05-21' WHERE citizen_id = 3;"
	    "INSERT INTO matches(id, citizen_id, volunteer_id, activity_id, matched_on, ended_on, outcome, end_reason)"
	    " VALUES (1, 1, 1, 1, '2025-03-01', '2025-06-01', 'on_own', 'Går selv nu, glad for det.'),"
	    " (2, 2, NULL, 1, '2026-09-10', NULL, NULL, NULL);"
	    "INSERT INTO enrolments(citizen_id, activity_id, enrolled_on, ended_on) VALUES"
	    " (1, 1, '2025-03-01', '2025-06-01'), (2, 1, '2026-09-10', NULL);"
	    "INSERT INTO attendance(session_id, citizen_id, mark, accompanied_by) VALUES"
	    " (11, 1, 'present', 1), (12, 1, 'present', NULL), (13, 1, 'absent', NULL),"
	    " (21, 2, 'present', NULL), (22, 2, 'absent', NULL);"
	    "INSERT INTO follow_ups(id, citizen_id, reason, due_on, status, outcome, note, next_step, done_at, done_by)"
	    " VALUES (1, 1, 'after_match', '2025-03-15', 'done', 'reached', 'Godt i gang, mødte Vera.', 'none',"
	    "  '2025-03-15 11:00:00', 1),"
	    " (2, 1, 'referrer_feedback', '2025-04-01', 'done', 'reached', 'Lægen var glad.', 'Ring igen i maj.',"
	    "  '2025-04-01 11:00:00', 1),"
	    " (3, 2, 'agreed', '2026-12-01', 'open', NULL, NULL, NULL, NULL, NULL),"
	    " (4, 2, 'referrer_feedback', '2026-12-02', 'open', NULL, NULL, NULL, NULL, NULL);"
	    "INSERT INTO referrer_feedback(referral_id, citizen_id, follow_up_id, given_on, told, given_by)"
	    " VALUES (1, 1, 2, '2025-04-01', 'Anna er kommet godt i gang i gå-gruppen.', 1);"
	    "INSERT INTO notes(citizen_id, written_on, author, text) VALUES"
	    " (1, '2025-03-02', 1, 'Ringede og fortalte om sin søn.'), (2, '2026-11-20', 1, 'Kommer tirsdag.');"
	    "INSERT INTO measures(id, citizen_id, measure_id, taken_on, occasion, total, recorded_by) VALUES"
	    " (1, 1, (SELECT id FROM measure_defs WHERE code = 'who5'), '2025-02-20', 'intake', 40, 1),"
	    " (2, 1, (SELECT id FROM measure_defs WHERE code = 'who5'), '2025-05-20', 'follow_up', 64, 1);"
	    "INSERT INTO measure_answers(measure_row, position, value) VALUES"
	    " (1, 1, 2), (1, 2, 2), (1, 3, 2), (1, 4, 2), (1, 5, 2), (2, 1, 3), (2, 2, 3), (2, 3, 3), (2, 4, 4), (2, 5, 3);"
	    "UPDATE citizens SET status = 'ended', ended_on = '2025-06-10', end_reason = 'lasting_community'"
	    " WHERE id = 1;");
	desk = (struct desk){ .db = db, .user = 1, .role = ROLE_DESK, .users_exist = true };
	snprintf(desk.user_name, sizeof desk.user_name, "Bente Ølgaard");
	coordinator = (struct desk){ .db = db, .user = 2, .role = ROLE_COORDINATOR, .users_exist = true };
	snprintf(coordinator.user_name, sizeof coordinator.user_name, "Karin Holm");
	testdb_remake_keys(db);
	return db;
}

/* ---------- the year's figures ---------- */

/* What a report of `year` counts, as one text: referrals by source,
 * first conversations and their outcome, matches and how they ended,
 * attendance marks, courses ended by reason, calls by outcome, feedback
 * given, measures (how many, their totals and answers), and citizens by
 * postcode and age band (the band from the birth year, or the one kept). */
static void figures(struct db *db, int year, char *out, size_t size)
{
	char y[8];
	snprintf(y, sizeof y, "%d", year);
	static const char *const queries[] = {
		"SELECT 'ref ' || group_concat(k || '=' || n, ' ') FROM (SELECT source AS k, count(*) AS n FROM referrals"
		" WHERE substr(referred_on, 1, 4) = :y GROUP BY 1 ORDER BY 1)",
		"SELECT 'ass ' || group_concat(k || '=' || n, ' ') FROM (SELECT outcome AS k, count(*) AS n FROM assessments"
		" WHERE substr(assessed_on, 1, 4) = :y GROUP BY 1 ORDER BY 1)",
		"SELECT 'match ' || group_concat(k || '=' || n, ' ') FROM (SELECT (volunteer_id IS NOT NULL) || '/'"
		" || COALESCE(outcome, 'open') AS k, count(*) AS n FROM matches WHERE substr(matched_on, 1, 4) = :y"
		" GROUP BY 1 ORDER BY 1)",
		"SELECT 'att ' || group_concat(k || '=' || n, ' ') FROM (SELECT t.mark || (t.accompanied_by IS NOT NULL)"
		" AS k, count(*) AS n FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id"
		" WHERE substr(s.date, 1, 4) = :y GROUP BY 1 ORDER BY 1)",
		"SELECT 'end ' || group_concat(k || '=' || n, ' ') FROM (SELECT end_reason AS k, count(*) AS n FROM citizens"
		" WHERE substr(ended_on, 1, 4) = :y GROUP BY 1 ORDER BY 1)",
		"SELECT 'call ' || group_concat(k || '=' || n, ' ') FROM (SELECT reason || '/' || status || '/'"
		" || COALESCE(outcome, '') AS k, count(*) AS n FROM follow_ups WHERE substr(due_on, 1, 4) = :y"
		" GROUP BY 1 ORDER BY 1)",
		"SELECT 'told ' || count(*) FROM referrer_feedback WHERE substr(given_on, 1, 4) = :y",
		"SELECT 'measure ' || count(*) || '/' || COALESCE(sum(total), 0) || '/' || COALESCE((SELECT sum(a.value)"
		" FROM measure_answers AS a JOIN measures AS m2 ON m2.id = a.measure_row"
		" WHERE substr(m2.taken_on, 1, 4) = :y), 0) FROM measures WHERE substr(taken_on, 1, 4) = :y",
		"SELECT 'post ' || group_concat(k || '=' || n, ' ') FROM (SELECT c.postcode AS k, count(*) AS n"
		" FROM citizens AS c JOIN referrals AS r ON r.citizen_id = c.id WHERE substr(r.referred_on, 1, 4) = :y"
		" GROUP BY 1 ORDER BY 1)",
	};
	struct strbuf_like { char *p; size_t left; } b = { out, size };
	out[0] = '\0';
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		struct db_stmt *st;
		if (db_prepare(db, &st, queries[i]) != DB_OK)
			continue;
		db_bind_text(st, ":y", y);
		if (db_step(st) == DB_ROW) {
			int n = snprintf(b.p, b.left, "%s; ", db_column_text(st, 0));
			if (n > 0 && (size_t)n < b.left) {
				b.p += n;
				b.left -= (size_t)n;
			}
		}
		db_finalize(st);
	}
	/* Age bands, by the rule, at the year of the referral. */
	struct db_stmt *st;
	if (db_prepare(db, &st, "SELECT COALESCE(c.birth_year, 0), COALESCE(c.age_band, ''),"
				" CAST(substr(r.referred_on, 1, 4) AS INTEGER) FROM citizens AS c"
				" JOIN referrals AS r ON r.citizen_id = c.id"
				" WHERE substr(r.referred_on, 1, 4) = :y ORDER BY c.id") != DB_OK)
		return;
	db_bind_text(st, ":y", y);
	while (db_step(st) == DB_ROW) {
		char band[AGE_BAND_LEN];
		protection_age_band((int)db_column_int(st, 0), (int)db_column_int(st, 2), band);
		int n = snprintf(b.p, b.left, "band %s; ", band[0] ? band : db_column_text(st, 1));
		if (n > 0 && (size_t)n < b.left) {
			b.p += n;
			b.left -= (size_t)n;
		}
	}
	db_finalize(st);
}

/* ---------- consent ---------- */

static void consent_history(void)
{
	struct db *db = centre("consent.db");
	struct consent_outcome out;
	TAP_INT_EQ(consents_give(&desk, 3, CONSENT_CONTACT, "2026-11-20", &out), DB_OK, "Carl agrees that volunteers call");
	TAP_CHECK(out.changed, "it is recorded");
	TAP_INT_EQ(consents_give(&desk, 3, CONSENT_CONTACT, "", &out), DB_OK, "agreeing again");
	TAP_CHECK(!out.changed, "changes nothing");
	TAP_INT_EQ(consents_give(&desk, 3, CONSENT_MEASURES, "2026-11-27", &out), DB_ERR_INVALID,
		   "a consent dated tomorrow is refused");
	struct consent_event h[CONSENT_HISTORY_MAX];
	int n = 0;
	TAP_INT_EQ(consents_history(&desk, 3, h, CONSENT_HISTORY_MAX, &n), DB_OK, "the history");
	TAP_INT_EQ(n, 2, "registration and contact");
	TAP_STR_EQ(h[1].purpose, "volunteer_contact", "contact, given");
	TAP_STR_EQ(h[1].given_on, "2026-11-20", "on the day written");
	TAP_STR_EQ(h[1].given_by, "Bente Ølgaard", "by Bente's hand");

	/* Bo withdraws contact: his planned call goes, the referrer's stays. */
	TAP_INT_EQ(consents_withdraw(&desk, 2, CONSENT_CONTACT, &out), DB_OK, "Bo no longer wants calls");
	TAP_INT_EQ(out.calls_cancelled, 1, "his planned call is cancelled");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM follow_ups WHERE id = 3 AND status = 'cancelled'"), 1,
		   "the call to him");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM follow_ups WHERE id = 4 AND status = 'open'"), 1,
		   "not the call to his referrer");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM consents WHERE citizen_id = 2 AND purpose = 'volunteer_contact'"
			 " AND withdrawn_on = '2026-11-26' AND withdrawn_by = 1"), 1, "withdrawn today, by Bente");
	TAP_INT_EQ(consents_withdraw(&desk, 2, CONSENT_FEEDBACK, &out), DB_OK, "and no feedback to the referrer");
	TAP_INT_EQ(out.calls_cancelled, 1, "the call to the referrer goes");
	TAP_INT_EQ(count(db, "SELECT feedback_consent FROM referrals WHERE id = 2"), 0,
		   "the referral says the referrer is not told");

	/* A measure now needs consent again. */
	TAP_INT_EQ(consents_withdraw(&desk, 2, CONSENT_MEASURES, &out), DB_OK, "nor answers kept");
	struct measure_entry e = { .citizen_id = 2, .nanswers = 5, .answers = { 3, 3, 3, 3, 3 } };
	e.measure_id = count(db, "SELECT id FROM measure_defs WHERE code = 'who5'");
	SET(e.taken_on, "2026-11-26");
	SET(e.occasion, "follow_up");
	long long row = 0;
	TAP_INT_EQ(measures_record(&desk, &e, &row), DB_ERR_CONSTRAINT, "so a measure is refused");

	/* The card and the timeline show it. */
	struct citizen_view *v = malloc(sizeof *v);
	TAP_INT_EQ(citizens_card(&desk, 2, v), DB_OK, "Bo's card");
	int given = 0, withdrawn = 0;
	for (int i = 0; i < v->ntimeline; i++) {
		given += v->timeline[i].kind == TL_CONSENT;
		withdrawn += v->timeline[i].kind == TL_WITHDRAWN;
	}
	TAP_INT_EQ(given, 4, "four consents given in the timeline");
	TAP_INT_EQ(withdrawn, 3, "three withdrawn");
	TAP_INT_EQ(v->nconsents, 4, "the card has their history");

	/* The edit form cannot withdraw registration: that anonymises. */
	struct citizen_card edited = v->card;
	edited.consent.registration = false;
	TAP_INT_EQ(citizens_save_card(&desk, &edited, v->card.citizen.version, NULL), DB_ERR_INVALID,
		   "an edit that withdraws registration is refused");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE id = 2 AND anonymised_on IS NULL AND name = 'Bo Berg'"),
		   1, "Bo is as he was");
	free(v);
	db_close(db);
}

/* ---------- anonymising ---------- */

static void anonymise(void)
{
	struct db *db = centre("anonymise.db");
	struct citizen_view *v = malloc(sizeof *v);
	citizens_card(&desk, 1, v); /* a look, so the log has one */
	char before25[4096], before26[4096], after25[4096], after26[4096];
	figures(db, 2025, before25, sizeof before25);
	figures(db, 2026, before26, sizeof before26);
	printf("# 2025: %s\n", before25);

	TAP_INT_EQ(anonymise_citizen(&desk, 1), DB_ERR_FORBIDDEN, "a desk volunteer may not anonymise");
	TAP_INT_EQ(anonymise_citizen(&coordinator, 1), DB_OK, "the coordinator anonymises Anna");
	char name[256];
	text_of(db, name, sizeof name, "SELECT name FROM citizens WHERE id = 1");
	TAP_CHECK(strcmp(name, "Anna Ærø") != 0 && name[0], "her name is gone (now '%s')", name);
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE id = 1 AND phone IS NULL AND email IS NULL"
			 " AND address IS NULL AND wishes IS NULL AND birth_year IS NULL AND gender IS NULL"
			 " AND contact_pref IS NULL AND language IS NULL AND anonymised_on = '2026-11-26'"), 1,
		   "phone, e-mail, address, wishes, birth year, gender, language: gone");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE id = 1 AND age_band = '65-74' AND postcode = '8000'"),
		   1, "the age band and the postcode stay");
	TAP_INT_EQ(count(db, "SELECT (SELECT count(*) FROM notes WHERE citizen_id = 1)"
			 " + (SELECT count(*) FROM relatives WHERE citizen_id = 1)"
			 " + (SELECT count(*) FROM citizen_interests WHERE citizen_id = 1)"
			 " + (SELECT count(*) FROM citizen_barriers WHERE citizen_id = 1)"
			 " + (SELECT count(*) FROM citizen_availability WHERE citizen_id = 1)"), 0,
		   "notes, relatives, interests, barriers and times: gone");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM referrals WHERE id = 1 AND referrer_name IS NULL"
			 " AND referrer_org IS NULL AND referrer_phone IS NULL AND source = 'gp'"
			 " AND referred_on = '2025-02-10'"), 1, "the referrer's details go; date and source stay");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM assessments WHERE citizen_id = 1 AND note IS NULL"), 1,
		   "the assessment's note goes, its outcome stays");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 1 AND note IS NULL"
			 " AND outcome = 'reached'"), 2, "the calls' notes go, their outcomes stay");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM follow_ups WHERE id = 1 AND next_step = 'none'"), 1,
		   "a next step that is a code stays");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM follow_ups WHERE id = 2 AND next_step IS NULL"), 1,
		   "one written as free text goes");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM matches WHERE id = 1 AND end_reason IS NULL AND outcome = 'on_own'"), 1,
		   "the match's free-text reason goes, its outcome stays");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM referrer_feedback WHERE citizen_id = 1 AND told NOT LIKE '%%Anna%%'"),
		   1, "what the referrer was told goes, that it was told stays");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM attendance WHERE citizen_id = 1"), 3, "the attendance marks stay");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM measure_answers AS a JOIN measures AS m ON m.id = a.measure_row"
			 " WHERE m.citizen_id = 1"), 10, "the measures' answers stay");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM consents WHERE citizen_id = 1 AND withdrawn_on IS NULL"), 0,
		   "no consent is in force for a person who is gone");

	figures(db, 2025, after25, sizeof after25);
	figures(db, 2026, after26, sizeof after26);
	TAP_STR_EQ(after25, before25, "last year's figures are unchanged");
	TAP_STR_EQ(after26, before26, "and this year's");

	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity = 'citizen'"
			 " AND entity_id = 1 AND user_id = 2 AND detail = 'anonymised'"), 1,
		   "the log says it happened, by whom (and when)");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE detail LIKE '%%Anna%%' OR detail LIKE '%%20 30 40%%'"), 0,
		   "not what was removed");

	struct citizen_hit hits[8];
	int n = -1;
	citizens_search(&desk, "anna", 0, 8, hits, &n);
	TAP_INT_EQ(n, 0, "search no longer finds her by name");
	citizens_search(&desk, "8000", 0, 8, hits, &n);
	TAP_CHECK(n == 1 && hits[0].id == 3, "nor by her postcode (only Carl)");
	citizens_search(&desk, "", 0, 8, hits, &n);
	TAP_INT_EQ(n, 2, "nor in the list of everyone");
	TAP_INT_EQ(citizens_add_note(&desk, 1, "Hej"), DB_ERR_INVALID, "her card takes no note");
	TAP_INT_EQ(anonymise_citizen(&coordinator, 1), DB_ERR_INVALID, "and she cannot be anonymised twice");
	TAP_INT_EQ(anonymise_citizen(&coordinator, 99), DB_ERR_NOTFOUND, "nobody: not found");

	/* Bo withdraws registration: he is anonymised, his course in the
	 * group ends, his calls go; the figures of 2025 do not move. */
	struct consent_outcome out;
	TAP_INT_EQ(consents_withdraw(&desk, 2, CONSENT_REGISTRATION, &out), DB_OK,
		   "a desk volunteer records that Bo withdraws his consent to registration");
	TAP_CHECK(out.anonymised, "which anonymises him");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE id = 2 AND anonymised_on IS NOT NULL"
			 " AND status = 'ended' AND end_reason = 'forgotten'"), 1,
		   "his course ended as forgotten, not as declined: the report counts no one who said no");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM matches WHERE citizen_id = 2 AND ended_on IS NULL"), 0,
		   "his match ended");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM matches WHERE citizen_id = 2 AND outcome = 'course_ended'"), 1,
		   "as 'the course ended', not as his no (it read 'declined')");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM enrolments WHERE citizen_id = 2 AND ended_on IS NULL"), 0,
		   "and his place in the group");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM follow_ups WHERE citizen_id = 2 AND status = 'open'"), 0,
		   "no call is open");
	figures(db, 2025, after25, sizeof after25);
	TAP_STR_EQ(after25, before25, "last year's figures still unchanged");
	free(v);
	db_close(db);
}

/* ---------- retention ---------- */

static void retention(void)
{
	struct db *db = centre("retention.db");
	sql(db,
	    /* 4: ended in January 2026; 5: ended long ago but still in the
	     * group; 6: referred in April, never followed up; 7: referred in
	     * September, not yet. */
	    "INSERT INTO citizens(id, name, status, ended_on, end_reason, created_at) VALUES"
	    " (4, 'Dorte Ek', 'ended', '2026-01-10', 'moved', '2025-09-01 10:00:00'),"
	    " (5, 'Erik Fog', 'ended', '2025-05-01', 'lasting_community', '2024-09-01 10:00:00');"
	    "INSERT INTO citizens(id, name, created_at) VALUES (6, 'Fie Gram', '2026-04-01 10:00:00'),"
	    " (7, 'Gert Hald', '2026-09-20 10:00:00');"
	    "INSERT INTO referrals(citizen_id, referred_on, source) VALUES (4, '2025-09-01', 'self'),"
	    " (5, '2024-09-01', 'self'), (6, '2026-04-01', 'gp'), (7, '2026-09-20', 'gp');"
	    "INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (5, 1, '2024-09-10');"
	    "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (21, 5, 'present');"
	    "INSERT INTO referrals(citizen_id, referred_on, source, referrer_name) VALUES"
	    " (NULL, '2026-10-01', 'gp', 'Læge Ny');"
	    "INSERT INTO audit_log(at, user_id, action, entity, entity_id) VALUES"
	    " ('2024-10-01 10:00:00', 1, 'view', 'citizen', 1), ('2024-11-26 09:00:00', 1, 'view', 'citizen', 1),"
	    " ('2025-01-01 10:00:00', 1, 'view', 'citizen', 3);");
	struct retention_result r;
	TAP_INT_EQ(retention_preview(&desk, NULL, today, &r), DB_ERR_FORBIDDEN, "the preview is for coordinators");
	TAP_INT_EQ(retention_preview(&coordinator, NULL, today, &r), DB_OK, "what the rule would do today");
	TAP_INT_EQ(r.citizens, 2, "anonymise Anna (ended June 2025) and Fie (never followed up)");
	TAP_INT_EQ(r.referrals, 1, "clear the referral kept without a citizen from August 2025");
	TAP_INT_EQ(r.audit_entries, 1, "remove the one audit entry before 26-11-2024");
	TAP_STR_EQ(r.audit_before, "2024-11-26", "two years back");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE anonymised_on IS NOT NULL"), 0, "the preview changes nothing");

	struct retention_settings shorter = { .course_months = 6, .referral_months = 6, .audit_months = 24 };
	TAP_INT_EQ(retention_preview(&coordinator, &shorter, today, &r), DB_OK, "with six months for courses");
	TAP_INT_EQ(r.citizens, 3, "Dorte (ended January) would go too");

	/* At start nobody is signed in yet. */
	struct desk nobody = { .db = db, .users_exist = true };
	TAP_INT_EQ(retention_daily(&nobody, today, &r), DB_OK, "at the first start of the day");
	TAP_CHECK(r.ran && r.citizens == 2 && r.referrals == 1 && r.audit_entries == 1, "the rule runs, as previewed");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE anonymised_on IS NOT NULL AND id IN (1, 6)"), 2,
		   "Anna and Fie are anonymised");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE anonymised_on IS NULL AND id IN (2, 3, 4, 5, 7)"), 5,
		   "Bo, Carl, Dorte, Erik (still in the group) and Gert are kept");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM referrals WHERE id = 4 AND referrer_name IS NULL"), 1,
		   "the old referral without a citizen is cleared");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM referrals WHERE citizen_id IS NULL AND referrer_name = 'Læge Ny'"), 1,
		   "the recent one is kept");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE at < '2024-11-26'"), 0, "the old audit entry is gone");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE at LIKE '2024-11-26%%'"), 1, "the one of the day itself stays");
	/* A step anonymises one citizen: Anna in the first, Fie in the
	 * second, the rest in the third. */
	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE entity = 'retention' AND user_id IS NULL"
			 " AND detail IN ('1 0 0 2024-11-26', '0 1 1 2024-11-26')"), 3,
		   "the run is in the log, step by step, as the program's own: numbers only");
	TAP_INT_EQ(retention_daily(&nobody, today, &r), DB_OK, "the next start the same day");
	TAP_CHECK(!r.ran, "does not run it again");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE entity = 'retention'"), 3, "so once a day");
	TAP_INT_EQ(retention_daily(&nobody, date_add_days(today, 1), &r), DB_OK, "the next day");
	TAP_CHECK(r.ran && r.citizens == 0, "it runs again, with nothing left to do");

	TAP_INT_EQ(retention_apply(&desk, today, &r), DB_ERR_FORBIDDEN, "applying by hand is for coordinators");
	struct desk cli = desk_command_line(db);
	TAP_INT_EQ(retention_apply(&cli, today, &r), DB_OK, "the command line may");
	db_close(db);
}

/* The day the rule counts from (citizens.retention_from), as the rule
 * says it, written apart from the migration's triggers: NULL when
 * anonymised or on a roll; a course ended: its end or the last session
 * after it; never followed up: the latest referral. */
#define RETENTION_FROM_EXPECTED \
	"CASE WHEN c.anonymised_on IS NOT NULL THEN NULL" \
	" WHEN (SELECT count(*) FROM enrolments AS e WHERE e.citizen_id = c.id AND e.ended_on IS NULL) > 0 THEN NULL" \
	" WHEN c.status = 'ended' THEN (SELECT max(x.d) FROM (SELECT c.ended_on AS d UNION ALL SELECT s.date" \
	"  FROM sessions AS s JOIN attendance AS t ON t.session_id = s.id WHERE t.citizen_id = c.id) AS x)" \
	" WHEN (SELECT count(*) FROM assessments AS a WHERE a.citizen_id = c.id)" \
	"  + (SELECT count(*) FROM matches AS m WHERE m.citizen_id = c.id)" \
	"  + (SELECT count(*) FROM attendance AS t WHERE t.citizen_id = c.id AND t.mark = 'present') > 0 THEN NULL" \
	" ELSE (SELECT r.referred_on FROM referrals AS r WHERE r.citizen_id = c.id" \
	"  ORDER BY r.referred_on DESC LIMIT 1) END"

/* The citizen's stored day ("-" for none), and that every citizen's is
 * right. */
static void from_is(struct db *db, long long id, const char *want, const char *what)
{
	char q[160], got[CIT_DATE + 2];
	snprintf(q, sizeof q, "SELECT COALESCE(retention_from, '-') FROM citizens WHERE id = %lld", id);
	text_of(db, got, sizeof got, q);
	long long wrong = count(db, "SELECT count(*) FROM citizens AS c"
				" WHERE COALESCE(c.retention_from, '-') <> COALESCE(" RETENTION_FROM_EXPECTED ", '-')");
	TAP_CHECK(strcmp(got, want) == 0 && wrong == 0, "%s: %s (%s), %lld others wrong", what, want, got, wrong);
}

/* The day the rule counts from stays right through every change of what
 * it derives from, whoever writes it (migration 21's triggers). */
static void retention_from_kept(void)
{
	struct db *db = centre("retention_from.db");
	from_is(db, 1, "2025-06-10", "a course ended in June 2025 after the last session it has a mark at");
	from_is(db, 2, "-", "a citizen on a roll");
	from_is(db, 3, "-", "a course not ended, assessed");
	sql(db, "INSERT INTO citizens(id, name, created_at) VALUES (10, 'Ida Juul', '2025-01-05 10:00:00'),"
		" (11, 'Jens Kure', '2025-01-05 10:00:00');");
	from_is(db, 10, "-", "registered without a referral");
	sql(db, "INSERT INTO referrals(id, citizen_id, referred_on, source) VALUES (10, 10, '2025-01-05', 'self');");
	from_is(db, 10, "2025-01-05", "referred, never followed up");
	sql(db, "INSERT INTO referrals(id, citizen_id, referred_on, source) VALUES (11, 10, '2025-03-01', 'gp');");
	from_is(db, 10, "2025-03-01", "referred again: the latest referral");
	sql(db, "UPDATE referrals SET referred_on = '2025-02-01' WHERE id = 11;");
	from_is(db, 10, "2025-02-01", "a referral's day corrected");
	sql(db, "UPDATE referrals SET citizen_id = 11 WHERE id = 11;");
	from_is(db, 10, "2025-01-05", "a referral moved to another citizen");
	from_is(db, 11, "2025-02-01", "who has it now");
	sql(db, "DELETE FROM referrals WHERE id = 11;");
	from_is(db, 11, "-", "a referral deleted");
	sql(db, "INSERT INTO referrals(id, citizen_id, referred_on, source) VALUES (12, 11, '2025-06-01', 'self');"
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES (13, 11, 'present');");
	from_is(db, 11, "-", "referred again, then came to a session");
	sql(db, "INSERT INTO assessments(id, citizen_id, assessed_on, outcome) VALUES (10, 10, '2025-01-20', 'volunteer_help');");
	from_is(db, 10, "-", "assessed");
	sql(db, "DELETE FROM assessments WHERE id = 10;");
	from_is(db, 10, "2025-01-05", "the assessment deleted");
	sql(db, "INSERT INTO matches(id, citizen_id, volunteer_id, matched_on) VALUES (10, 10, 1, '2025-01-25');");
	from_is(db, 10, "-", "matched");
	sql(db, "DELETE FROM matches WHERE id = 10;");
	from_is(db, 10, "2025-01-05", "the match deleted");
	sql(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (12, 10, 'absent');");
	from_is(db, 10, "2025-01-05", "absent from a session: still never followed up");
	sql(db, "UPDATE attendance SET mark = 'present' WHERE session_id = 12 AND citizen_id = 10;");
	from_is(db, 10, "-", "the mark made present");
	sql(db, "UPDATE attendance SET citizen_id = 11 WHERE session_id = 12 AND citizen_id = 10;");
	from_is(db, 10, "2025-01-05", "the mark was another citizen's");
	sql(db, "DELETE FROM attendance WHERE session_id = 12 AND citizen_id = 11;");
	sql(db, "INSERT INTO enrolments(id, citizen_id, activity_id, enrolled_on) VALUES (10, 10, 1, '2025-02-01');");
	from_is(db, 10, "-", "on a roll");
	sql(db, "UPDATE enrolments SET ended_on = '2025-04-01' WHERE id = 10;");
	from_is(db, 10, "2025-01-05", "off the roll again");
	sql(db, "UPDATE enrolments SET ended_on = NULL WHERE id = 10;");
	from_is(db, 10, "-", "back on it");
	sql(db, "DELETE FROM enrolments WHERE id = 10;");
	from_is(db, 10, "2025-01-05", "the enrolment deleted");
	sql(db, "UPDATE citizens SET status = 'ended', ended_on = '2025-05-01', end_reason = 'moved' WHERE id = 10;");
	from_is(db, 10, "2025-05-01", "the course ended");
	sql(db, "UPDATE citizens SET ended_on = '2025-04-15' WHERE id = 10;");
	from_is(db, 10, "2025-04-15", "its end corrected");
	sql(db, "INSERT INTO sessions(id, activity_id, date, status) VALUES (30, 1, '2025-09-02', 'held');"
		"INSERT INTO attendance(session_id, citizen_id, mark) VALUES (30, 10, 'absent');");
	from_is(db, 10, "2025-09-02", "a mark after the end: the last session counts");
	sql(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (11, 10, 'present');");
	from_is(db, 10, "2025-09-02", "a mark before it changes nothing, present or not");
	sql(db, "UPDATE sessions SET date = '2025-09-09' WHERE id = 30;");
	from_is(db, 10, "2025-09-09", "the session moved to another day");
	sql(db, "DELETE FROM sessions WHERE id = 30;");
	from_is(db, 10, "2025-04-15", "the session deleted with its marks");
	sql(db, "DELETE FROM attendance WHERE session_id = 11 AND citizen_id = 10;");
	from_is(db, 10, "2025-04-15", "and the mark before the end deleted");
	sql(db, "UPDATE citizens SET status = 'active', ended_on = NULL, end_reason = NULL WHERE id = 10;");
	from_is(db, 10, "2025-01-05", "the course taken up again");
	sql(db, "INSERT INTO citizens(id, name, status, ended_on, end_reason, created_at) VALUES"
		" (12, 'Kim Lind', 'ended', '2024-12-01', 'moved', '2024-01-01 10:00:00');");
	from_is(db, 12, "2024-12-01", "registered with a course ended");
	struct desk nobody = { .db = db, .users_exist = true };
	struct retention_result r;
	TAP_INT_EQ(retention_daily(&nobody, today, &r), DB_OK, "the rule runs");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE anonymised_on IS NOT NULL AND id IN (1, 10, 12)"), 3,
		   "anonymising Anna, Ida and Kim");
	from_is(db, 10, "-", "anonymised: the rule is done with them");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE retention_from IS NOT NULL"
			 " AND retention_from <= '2026-05-26'"), 0, "nobody the rule would act on today is left");
	db_close(db);
}

/* The first run at a centre with years of history: in steps of a few
 * dozen while the desk is idle, each step its own transaction and in the
 * log, the day done (and noted) only after the last. */
static void retention_backlog(void)
{
	struct db *db = centre("backlog.db");
	sql(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 510)"
		" INSERT INTO citizens(id, name, status, ended_on, end_reason, created_at)"
		" SELECT 1000 + i, 'Borger ' || i, 'ended', '2024-06-01', 'moved', '2024-01-01 10:00:00' FROM n;");
	struct desk nobody = { .db = db, .users_exist = true };
	struct retention_pass p = { 0 };
	TAP_INT_EQ(retention_daily_step(&nobody, today, &p), DB_OK, "the first step of the first start");
	TAP_CHECK(!p.done && p.total.citizens == 1, "anonymises one and leaves the rest (%lld)", p.total.citizens);
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE anonymised_on IS NOT NULL"), p.total.citizens,
		   "they are committed at once");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM settings WHERE key = 'retention_last_run'"), 0,
		   "the day is not done yet");
	int steps = 1;
	while (!p.done && steps < 1000) {
		if (retention_daily_step(&nobody, today, &p) != DB_OK)
			break;
		steps++;
	}
	TAP_CHECK(p.done && p.total.ran && p.total.citizens == 511, "%d steps do all 511 (%lld)", steps,
		  p.total.citizens);
	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE entity = 'retention'"), steps,
		   "each step is in the log");
	TAP_INT_EQ(count(db, "SELECT sum(CAST(substr(detail, 1, instr(detail, ' ') - 1) AS INTEGER)) FROM audit_log"
			 " WHERE entity = 'retention'"), 511, "and together they name all 511");
	struct retention_result r;
	TAP_INT_EQ(retention_daily(&nobody, today, &r), DB_OK, "the next start");
	TAP_CHECK(!r.ran, "finds the day done");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE anonymised_on IS NULL AND status = 'ended'"), 0,
		   "nobody is left");
	db_close(db);
}

/* The rules run at start (src/daily.h): the retention rule's steps
 * first, then the call rules, so nobody anonymised gets a call planned. */
static void daily_rules(void)
{
	struct db *db = centre("daily.db");
	/* Fie, referred in March 2025 and never followed up, would get a
	 * call for having had no contact, were she not anonymised first. */
	sql(db, "INSERT INTO citizens(id, name, created_at) VALUES (6, 'Fie Gram', '2025-03-01 10:00:00');"
		"INSERT INTO referrals(citizen_id, referred_on, source) VALUES (6, '2025-03-01', 'gp');");
	struct desk nobody = { .db = db, .users_exist = true };
	struct daily_work w;
	daily_begin(&w, today);
	TAP_CHECK(daily_pending(&w), "a start has the day's rules to run");
	int steps = 0;
	while (daily_pending(&w) && steps < 20 && daily_step(&nobody, &w) == DB_OK)
		steps++;
	TAP_CHECK(!daily_pending(&w) && w.retention.total.ran && w.calls_done, "both ran, in %d steps", steps);
	TAP_INT_EQ(count(db, "SELECT count(*) FROM citizens WHERE id = 6 AND anonymised_on IS NOT NULL"), 1,
		   "Fie is anonymised");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM follow_ups AS f JOIN citizens AS c ON c.id = f.citizen_id"
			 " WHERE f.status = 'open' AND c.anonymised_on IS NOT NULL"), 0, "and has no call planned");
	/* Their commits did not wait for the disk; the desk's wait again. */
	if (!testdb_pg())
		TAP_INT_EQ(count(db, "PRAGMA synchronous"), 2, "the desk's commits are synced again (FULL)");
	daily_end(&w);
	daily_begin(&w, today);
	TAP_INT_EQ(daily_step(&nobody, &w), DB_OK, "the next start the same day");
	TAP_CHECK(w.retention.done && !w.retention.total.ran, "finds the retention rule done in one step");
	daily_end(&w);
	db_close(db);
}

/* ---------- insight ---------- */

static char *read_all(FILE *f)
{
	rewind(f);
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	return buf;
}

static void insight(void)
{
	struct db *db = centre("insight.db");
	struct citizen_view *v = malloc(sizeof *v);
	citizens_card(&desk, 1, v); /* Bente looks at Anna's card */
	free(v);
	/* Bente's drafts about Anna are stored about her too. */
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_NOTE, 1, "Vil gerne prøve svømning", NULL), DB_OK, "a note kept");
	struct card_draft edit = { .base_version = 1, .data = "phone=11 22 33 44\n", .base = "phone=20 30 40 50\n",
				   .words = "Telefon: 11 22 33 44" };
	TAP_INT_EQ(citizens_keep_edit(&desk, 1, "Anna Ærø", &edit), DB_OK, "a card edit kept");
	edit.words = "CPR: 010190-1234";
	TAP_INT_EQ(citizens_keep_edit(&desk, 1, "Anna Ærø", &edit), DB_ERR_INVALID, "never a CPR number in its words");
	sql(db, "INSERT INTO follow_ups(id, citizen_id, reason, due_on) VALUES (9, 1, 'agreed', '2026-12-03');");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_CALL, 9, "outcome=0\n", "Hvordan gik det: Fik fat"), DB_OK,
		   "a call's outcome kept");
	FILE *f = tmpfile();
	TAP_INT_EQ(insight_write(&desk, 1, f), DB_ERR_FORBIDDEN, "a desk volunteer may not write an insight file");
	TAP_INT_EQ(insight_write(&coordinator, 1, f), DB_OK, "the coordinator writes Anna's");
	const char *text = read_all(f);
	const char *expect[] = {
		"Anna Ærø", "20 30 40 50", "anna@example.dk", "Åvej 1", "8000", "efter skilsmissen",
		"Læge Jørgen Bak", "Lægehuset Bredgade", "Ib Ærø", "Har angst i store grupper.", "Vera Vik",
		"Gå-gruppen", "Godt i gang, mødte Vera.", "Anna er kommet godt i gang", "Ringede og fortalte om sin søn.",
		"WHO-5", "2 2 2 2 2", "Drafts not saved yet", "Draft of: Note; By: Bente Ølgaard; What is written: Vil gerne prøve svømning",
		"Draft of: Card edit; By: Bente Ølgaard; What is written: Telefon: 11 22 33 44",
		"Draft of: Call outcome; The call due on: 03-12-2026; Why: as agreed; By: Bente Ølgaard; What is written: Hvordan gik det: Fik fat",
	};
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
		TAP_CHECK(strstr(text, expect[i]) != NULL, "it holds '%s'", expect[i]);
	TAP_CHECK(strstr(text, "registration") && strstr(text, "10-02-2025"), "her consents, with the day");
	TAP_CHECK(strstr(text, "Bente Ølgaard viewed citizen") != NULL, "and who looked at her card");
	TAP_CHECK(strstr(text, "Bo Berg") == NULL, "nothing about anyone else");
	fclose(f);
	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'citizen'"
			 " AND entity_id = 1 AND user_id = 2"), 1, "writing it is in the log");

	char path[256];
	testdb_file(path, sizeof path, "insight-1.txt");
	TAP_INT_EQ(insight_write_file(&coordinator, 1, path), DB_OK, "to a file");
	struct stat sb;
	TAP_CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "readable by its owner only");
	TAP_INT_EQ(insight_write_file(&coordinator, 1, path), DB_ERR_CONFLICT, "never over a file that is there");
	testdb_file(path, sizeof path, "insight-99.txt");
	TAP_INT_EQ(insight_write_file(&coordinator, 99, path), DB_ERR_NOTFOUND, "nobody: not found");
	TAP_CHECK(access(path, F_OK) != 0, "and no file is left behind");
	db_close(db);
}

/* ---------- the audit log ---------- */

static void audit(void)
{
	struct db *db = centre("audit.db");
	sql(db, "INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail) VALUES"
		" ('2026-01-05 10:00:00', 1, 'view', 'citizen', 1, NULL),"
		" ('2026-02-05 10:00:00', 2, 'update', 'citizen', 1, 'card'),"
		" ('2026-03-05 10:00:00', 1, 'update', 'follow_up', 3, 'reached'),"
		" ('2026-04-05 10:00:00', 1, 'login', 'user', 1, NULL),"
		" ('2026-05-05 10:00:00', 2, 'view', 'citizen', 3, NULL);");
	struct audit_entry e[16];
	int n = 0;
	struct audit_filter all = { 0 };
	TAP_INT_EQ(audit_list(&desk, &all, 0, 16, e, &n), DB_ERR_FORBIDDEN, "a desk volunteer may not read the log");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log"), 5, "and that try writes nothing");
	TAP_INT_EQ(audit_list(&coordinator, &all, 0, 16, e, &n), DB_OK, "the coordinator reads it");
	TAP_INT_EQ(n, 5, "every entry");
	TAP_STR_EQ(e[0].at, "2026-05-05 10:00:00", "newest first");
	TAP_STR_EQ(e[0].user, "Karin Holm", "with who");
	TAP_STR_EQ(e[0].citizen, "Carl Dam", "and whose data");
	TAP_INT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE action = 'view' AND entity = 'audit_log'"
			 " AND user_id = 2"), 1, "reading the log is itself logged");

	struct audit_filter anna = { .citizen_id = 1 };
	TAP_INT_EQ(audit_list(&coordinator, &anna, 0, 16, e, &n), DB_OK, "about Anna");
	TAP_INT_EQ(n, 2, "her card viewed and changed");
	struct audit_filter bo = { .citizen_id = 2 };
	audit_list(&coordinator, &bo, 0, 16, e, &n);
	TAP_CHECK(n == 1 && strcmp(e[0].entity, "follow_up") == 0, "about Bo: the call to him counts as his");
	struct audit_filter bente = { 0 };
	SET(bente.user, "ølg");
	audit_list(&coordinator, &bente, 0, 16, e, &n);
	TAP_INT_EQ(n, 3, "by Bente, found by a part of her name as typed");
	struct audit_filter spring = { 0 };
	SET(spring.from, "2026-02-05");
	SET(spring.to, "2026-04-05");
	audit_list(&coordinator, &spring, 0, 16, e, &n);
	TAP_INT_EQ(n, 3, "from and to, both days included");
	char line[1200];
	audit_entry_line(&e[0], true, line, sizeof line);
	TAP_STR_EQ(line, "05-04-2026 10:00  Bente Ølgaard signed in", "a sign-in in words");
	audit_entry_line(&e[1], true, line, sizeof line);
	TAP_STR_EQ(line, "05-03-2026 10:00  Bente Ølgaard changed call 3 (citizen 2) Bo Berg: reached",
		   "a call in words, with whose it is");
	/* The desk's most frequent entries are in words, not as stored. */
	struct audit_entry mark = { .action = "update", .entity = "citizen", .entity_id = 1, .citizen_id = 1 };
	SET(mark.at, "2026-05-05 10:00:00");
	SET(mark.citizen, "Anna Ahl");
	SET(mark.detail, "attendance session 213: present accompanied");
	audit_entry_line(&mark, true, line, sizeof line);
	TAP_STR_EQ(line, "05-05-2026 10:00  (the program) changed citizen 1 Anna Ahl: session 213: Came, accompanied",
		   "an attendance mark in words");
	SET(mark.detail, "attendance session 213: cleared");
	audit_entry_line(&mark, true, line, sizeof line);
	TAP_CHECK(strstr(line, ": session 213: mark cleared") != NULL, "a cleared mark in words (%s)", line);
	struct audit_entry roll = { .action = "view", .entity = "session", .entity_id = 213 };
	SET(roll.at, "2026-05-05 10:00:00");
	SET(roll.detail, "roll list");
	audit_entry_line(&roll, true, line, sizeof line);
	TAP_CHECK(strstr(line, ": the roll list") != NULL, "a look at the roll list in words (%s)", line);
	struct audit_entry planned = { .action = "create", .entity = "follow_up", .entity_id = 114 };
	SET(planned.at, "2026-05-05 10:00:00");
	SET(planned.detail, "missed:12:345");
	audit_entry_line(&planned, true, line, sizeof line);
	TAP_CHECK(strstr(line, ": after missed sessions") != NULL && !strstr(line, "missed:"),
		  "a call the rules planned says why, not its key (%s)", line);
	/* A step of the retention rule, each count with its own plural. */
	struct audit_entry kept = { .action = "delete", .entity = "retention" };
	SET(kept.at, "2026-05-05 10:00:00");
	SET(kept.detail, "1 0 2 2024-05-05");
	audit_entry_line(&kept, true, line, sizeof line);
	TAP_CHECK(strstr(line, ": 1 citizen anonymised, 0 referrals cleared, 2 entries from before 05-05-2024 removed")
		  != NULL, "a retention step in words, one citizen as one (%s)", line);
	/* What left the program: the report, the call sheet, a CSV file. */
	struct audit_entry out = { .action = "export", .entity = "report" };
	SET(out.at, "2026-05-05 10:00:00");
	SET(out.detail, "screen 2026-01-01..2026-05-05");
	audit_entry_line(&out, true, line, sizeof line);
	TAP_STR_EQ(line, "05-05-2026 10:00  (the program) exported report: on the screen, the period 01-01-2026 to "
		   "05-05-2026", "the report shown, in words");
	SET(out.entity, "follow_up");
	SET(out.detail, "call sheet 2026-05-05 (3 calls)");
	audit_entry_line(&out, true, line, sizeof line);
	TAP_CHECK(strstr(line, "call: the call sheet for 05-05-2026 (3 calls)") != NULL, "the call sheet in words (%s)",
		  line);
	SET(out.entity, "citizen");
	SET(out.detail, "citizens: 1 rows, windows-1252, to borgere.csv");
	audit_entry_line(&out, true, line, sizeof line);
	TAP_CHECK(strstr(line, ": Citizens: 1 row, windows-1252, to borgere.csv") != NULL, "a CSV export in words (%s)",
		  line);
	/* The details no longer shown as written (a helper found them in
	 * English in the log, and in the file handed to the citizen). */
	static const struct {
		const char *entity, *detail, *words;
	} said[] = {
		{ "citizen", "follow-up call planned missed:31:52", ": follow-up call planned (after missed sessions)" },
		{ "citizen", "follow-up call withdrawn missed:31:52", ": follow-up call withdrawn (after missed sessions)" },
		{ "audit_log", "audit log, citizen 220, from 2026-11-26", ": citizen 220, from 26-11-2026" },
		{ "citizen", "trial run: citizens from x.csv: 5 rows, 0 to add, 3 skipped, 2 problems",
		  ": trial run: Citizens from x.csv: rows read 5, to add 0, skipped 3, problems 2" },
		{ "citizen", "citizens from x.csv: 2 rows, 2 added, 0 skipped, 0 problems",
		  ": Citizens from x.csv: rows read 2, added 2, skipped 0, problems 0" },
		{ "settings", "centre_name", ": the centre's name" },
		{ "citizen", "measure 1: 80", ": a measure entered, total 80" },
		{ "measure", "measures: 0 rows, utf-8, to -", "measures: Measures: 0 rows, utf-8, to the screen" },
		/* A filter typed with a comma at its end is read to its end, no further. */
		{ "audit_log", "audit log, user Bente,", "audit log: user Bente" },
		{ "citizen", "follow-up call planned: relative support", ": a call to the relative planned" },
		{ "follow_up", "not_reached", ": not reached" },
	};
	for (size_t i = 0; i < sizeof said / sizeof said[0]; i++) {
		SET(out.entity, said[i].entity);
		SET(out.detail, said[i].detail);
		audit_entry_line(&out, true, line, sizeof line);
		TAP_CHECK(strstr(line, said[i].words) != NULL, "in words: %s", line);
	}
	audit_list(&coordinator, &all, 0, 2, e, &n);
	long long below = e[1].id;
	audit_list(&coordinator, &all, below, 16, e, &n);
	TAP_CHECK(n > 0 && e[0].id < below, "page after page, older ones");
	db_close(db);
}

/* ---------- private files ---------- */

static void files(void)
{
	char dir[256], path[300], wal[320];
	testdb_file(dir, sizeof dir, "shared");
	mkdir(dir, 0755);
	chmod(dir, 0755);
	snprintf(path, sizeof path, "%s/brobygger.db", dir);
	struct db *db;
	db_open(path, &db);
	db_close(db);
	snprintf(wal, sizeof wal, "%s-wal", path);
	FILE *w = fopen(wal, "w");
	if (w)
		fclose(w);
	chmod(path, 0644);
	chmod(wal, 0644);
	struct file_protection p;
	protect_files(path, true, &p);
	TAP_INT_EQ(p.tightened, 3, "the file, its -wal and the folder are tightened");
	struct stat sb;
	stat(path, &sb);
	TAP_INT_EQ(sb.st_mode & 0777, 0600, "a 0644 database is 0600 after start");
	stat(wal, &sb);
	TAP_INT_EQ(sb.st_mode & 0777, 0600, "its -wal too");
	stat(dir, &sb);
	TAP_INT_EQ(sb.st_mode & 0777, 0700, "the folder 0700");
	char msg[600];
	protect_files_message(&p, path, msg, sizeof msg);
	TAP_CHECK(msg[0] != '\0', "the desk is told: %s", msg);
	protect_files(path, true, &p);
	protect_files_message(&p, path, msg, sizeof msg);
	TAP_CHECK(p.tightened == 0 && !msg[0], "a private one is left alone, and nothing is said");

	chmod(dir, 0755);
	chmod(path, 0644);
	protect_files(path, false, &p);
	stat(dir, &sb);
	TAP_CHECK(p.tightened == 1 && (sb.st_mode & 0777) == 0755, "a folder that is not Brobygger's own is left alone");
	char text[300];
	snprintf(text, sizeof text, "%s/notes.txt", dir);
	FILE *t = fopen(text, "w");
	if (t) {
		fputs("mælk, rugbrød\n", t);
		fclose(t);
	}
	chmod(text, 0644);
	protect_files(text, false, &p);
	stat(text, &sb);
	TAP_CHECK(p.tightened == 0 && (sb.st_mode & 0777) == 0644, "a file that is not a database is left alone");
}

int main(void)
{
	setenv("BROBYGGER_TODAY", "2026-11-26", 0);
	dbrules_install();
	if (!testdb_start("protection"))
		return 1;
	consent_history();
	anonymise();
	retention();
	retention_from_kept();
	retention_backlog();
	daily_rules();
	insight();
	audit();
	files();
	testdb_finish();
	return tap_done();
}
