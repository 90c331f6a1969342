/* store_calls_facts.c — what happened, as the call rules read it. Each
 * query looks for what changed since a date, through indexes made for it
 * (schema_v5.c), so a centre with a hundred thousand citizens is read in
 * milliseconds; the rules in src/call_rules.c decide. */
#include "store_calls.h"

#include <stdlib.h>
#include <string.h>

#include "store_calls_internal.h"

/* The fact that citizen `c` agreed that volunteers call (an SQL
 * expression); what it allows is the rules' to say. */
#define CONTACT_CONSENT(c) \
	"EXISTS (SELECT 1 FROM consents WHERE citizen_id = " c " AND purpose = 'volunteer_contact'" \
	" AND withdrawn_on IS NULL)"

/* One of a rule's two statements, bound: every citizen's (`all`) or
 * citizen_id's (`of_one`, not 0), from the day `from`. */
static enum db_status prepare_facts(struct db *db, struct db_stmt **st, const char *all, const char *of_one,
				    long long citizen_id, const char *from)
{
	enum db_status r = db_prepare(db, st, citizen_id ? of_one : all);
	if (r != DB_OK)
		return r;
	if (citizen_id)
		db_bind_int(*st, ":citizen", citizen_id);
	db_bind_text(*st, ":from", from);
	return DB_OK;
}

/* A match gets one call (src/call_rules.h): one whose call is written is
 * done with, skipped here. */
#define MATCH_SELECT(from_matches) \
	"SELECT * FROM (" \
	" SELECT m.id, m.citizen_id, COALESCE(m.volunteer_id, 0), COALESCE(m.activity_id, 0)," \
	"  m.matched_on, COALESCE(m.ended_on, '')," \
	"  COALESCE((SELECT s.date FROM sessions AS s WHERE s.id = m.first_session_id)," \
	"   (SELECT min(s.date) FROM sessions AS s WHERE s.activity_id = m.activity_id" \
	"    AND s.date >= m.matched_on AND s.status <> 'cancelled'), '') AS first_on," \
	"  c.status = 'ended'," \
	"  EXISTS (SELECT 1 FROM follow_ups WHERE source_key = 'match:' || m.id) AS has_match," \
	"  EXISTS (SELECT 1 FROM follow_ups WHERE source_key = 'first_session:' || m.id) AS has_first," \
	"  " CONTACT_CONSENT("m.citizen_id") \
	" FROM " from_matches " JOIN citizens AS c ON c.id = m.citizen_id" \
	" WHERE m.matched_on >= :from"
/* Every citizen's (the sweep), or one citizen's (what changed about them:
 * calls_plan_citizen_within). */
static const char match_all_sql[] =
	MATCH_SELECT("matches AS m INDEXED BY calls_matches_date") ") WHERE NOT has_match AND NOT has_first";
static const char match_of_sql[] =
	MATCH_SELECT("matches AS m") " AND m.citizen_id = :citizen) WHERE NOT has_match AND NOT has_first";
#undef MATCH_SELECT

enum db_status store_calls_match_facts(struct db *db, long long citizen_id, const char *from,
				       struct call_match_fact **out, int *count)
{
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = prepare_facts(db, &st, match_all_sql, match_of_sql, citizen_id, from);
	if (r != DB_OK)
		return store_grow_done(&g, r, (void **)out, count);
	while (db_step(st) == DB_ROW) {
		struct call_match_fact *f = store_grow_next(&g);
		if (!f) {
			db_finalize(st);
			return store_grow_done(&g, DB_ERR_IO, (void **)out, count);
		}
		f->match_id = db_column_int(st, 0);
		f->citizen_id = db_column_int(st, 1);
		f->volunteer_id = db_column_int(st, 2);
		f->activity_id = db_column_int(st, 3);
		STORE_COL(f->matched_on, st, 4);
		STORE_COL(f->ended_on, st, 5);
		STORE_COL(f->first_session_on, st, 6);
		f->citizen_ended = db_column_int(st, 7) != 0;
		f->has_match_call = db_column_int(st, 8) != 0;
		f->has_first_session_call = db_column_int(st, 9) != 0;
		f->contact_consent = db_column_int(st, 10) != 0;
	}
	return store_grow_done(&g, db_finalize(st), (void **)out, count);
}

enum db_status store_calls_mark_facts(struct db *db, const char *context_from, const char *window_from,
				      const char *today, long long after_activity, long long upto_activity,
				      struct call_mark_fact **out, int *count)
{
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	/* Only enrolments with two misses in the window can make a call due.
	 * A held session's marks are read from the attendance's primary key
	 * (session_id, citizen_id), which holds the mark: an index of the
	 * misses alone cost every mark other than present a page more
	 * (migration 22). */
	enum db_status r = db_prepare(db, &st,
		"WITH missed AS ("
		"  SELECT t.citizen_id, s.activity_id FROM sessions AS s INDEXED BY calls_sessions_held_date"
		"  JOIN attendance AS t"
		"   ON t.session_id = s.id AND t.mark <> 'present'"
		"  WHERE s.date BETWEEN :window AND :today AND s.status = 'held'"
		"   AND s.activity_id > :after AND s.activity_id <= :upto"
		"  GROUP BY t.citizen_id, s.activity_id HAVING count(*) >= 2),"
		" enrol AS MATERIALIZED ("
		"  SELECT e.id, e.citizen_id, e.activity_id, max(e.enrolled_on, :context) AS since,"
		"   COALESCE((SELECT m.volunteer_id FROM matches AS m WHERE m.citizen_id = e.citizen_id"
		"     AND m.ended_on IS NULL AND m.volunteer_id IS NOT NULL AND m.activity_id = e.activity_id"
		"     ORDER BY m.matched_on DESC LIMIT 1),"
		"    (SELECT m.volunteer_id FROM matches AS m WHERE m.citizen_id = e.citizen_id"
		"     AND m.ended_on IS NULL AND m.volunteer_id IS NOT NULL ORDER BY m.matched_on DESC LIMIT 1), 0)"
		"    AS responsible, " CONTACT_CONSENT("e.citizen_id") " AS contact,"
		/* Once per enrolment. */
		"   EXISTS (SELECT 1 FROM " CALLS_MISSED_OPEN " WHERE " CALLS_MISSED_OF("e.id") ")"
		"    AS open_missed"
		"  FROM missed JOIN enrolments AS e ON e.citizen_id = missed.citizen_id"
		"   AND e.activity_id = missed.activity_id AND e.ended_on IS NULL"
		"  JOIN citizens AS c ON c.id = e.citizen_id AND c.status = 'active')"
		" SELECT enrol.id, enrol.citizen_id, s.id, s.date, t.mark, t.accompanied_by IS NOT NULL,"
		"  enrol.responsible, enrol.contact, enrol.open_missed"
		" FROM enrol JOIN sessions AS s INDEXED BY calls_sessions_held ON s.activity_id = enrol.activity_id"
		"  AND s.date BETWEEN enrol.since AND :today AND s.status = 'held'"
		" JOIN attendance AS t INDEXED BY calls_attendance_marks"
		"  ON t.citizen_id = enrol.citizen_id AND t.session_id = s.id"
		" ORDER BY enrol.id, s.date, s.id");
	if (r != DB_OK)
		return store_grow_done(&g, r, (void **)out, count);
	db_bind_int(st, ":after", after_activity);
	db_bind_int(st, ":upto", upto_activity);
	db_bind_text(st, ":window", window_from);
	db_bind_text(st, ":context", context_from);
	db_bind_text(st, ":today", today);
	while (db_step(st) == DB_ROW) {
		struct call_mark_fact *f = store_grow_next(&g);
		if (!f) {
			db_finalize(st);
			return store_grow_done(&g, DB_ERR_IO, (void **)out, count);
		}
		f->enrolment_id = db_column_int(st, 0);
		f->citizen_id = db_column_int(st, 1);
		f->session_id = db_column_int(st, 2);
		STORE_COL(f->date, st, 3);
		f->mark = db_column_text(st, 4)[0];
		f->accompanied = db_column_int(st, 5) != 0;
		f->responsible = db_column_int(st, 6);
		f->contact_consent = db_column_int(st, 7) != 0;
		f->open_missed_call = db_column_int(st, 8) != 0;
	}
	return store_grow_done(&g, db_finalize(st), (void **)out, count);
}

#define MISSED_OPEN_SELECT \
	"SELECT f.id, f.citizen_id, " CALLS_MISSED_ENROLMENT("f.source_key") ", s.id, s.date," \
	" COALESCE((SELECT max(s2.date) FROM attendance AS t JOIN sessions AS s2 ON s2.id = t.session_id" \
	"   WHERE t.citizen_id = f.citizen_id AND s2.activity_id = s.activity_id AND t.mark = 'present'" \
	"   AND s2.status <> 'cancelled' AND s2.date > s.date AND s2.date <= :today), '')" \
	" FROM " CALLS_MISSED_OPEN " JOIN sessions AS s ON s.id = " CALLS_MISSED_SESSION("f.source_key")
/* One enrolment's (a mark asks), or all of them (the daily sweep). */
static const char missed_open_of_sql[] = MISSED_OPEN_SELECT " WHERE " CALLS_MISSED_OF(":enrolment") " ORDER BY f.id";
static const char missed_open_all_sql[] =
	MISSED_OPEN_SELECT " WHERE " CALLS_MISSED_OPEN_WHERE " AND f.source_key LIKE 'missed:%:%' ORDER BY f.id";
#undef MISSED_OPEN_SELECT

void store_calls_warm_missed_open(struct db *db)
{
	static const char *const all[] = { missed_open_of_sql };
	store_warm(db, all, 1);
}

enum db_status store_calls_missed_open(struct db *db, long long enrolment_id, const char *today,
				       struct call_missed_fact **out, int *count)
{
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, enrolment_id ? missed_open_of_sql : missed_open_all_sql);
	if (r != DB_OK)
		return store_grow_done(&g, r, (void **)out, count);
	if (enrolment_id)
		db_bind_int(st, ":enrolment", enrolment_id);
	db_bind_text(st, ":today", today);
	while (db_step(st) == DB_ROW) {
		struct call_missed_fact *f = store_grow_next(&g);
		if (!f) {
			db_finalize(st);
			return store_grow_done(&g, DB_ERR_IO, (void **)out, count);
		}
		f->call_id = db_column_int(st, 0);
		f->citizen_id = db_column_int(st, 1);
		f->enrolment_id = db_column_int(st, 2);
		f->session_id = db_column_int(st, 3);
		STORE_COL(f->missed_on, st, 4);
		STORE_COL(f->came_on, st, 5);
	}
	return store_grow_done(&g, db_finalize(st), (void **)out, count);
}

enum db_status store_calls_relative_facts(struct db *db, const char *from, struct call_relative_fact **out,
					  int *count)
{
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	/* Through the citizens registered since `from` (a few weeks' intake).
	 * Relatives whose call exists are done with: skipped here. */
	enum db_status r = db_prepare(db, &st,
		"SELECT c.id, c.status = 'ended', date(c.created_at),"
		" EXISTS (SELECT 1 FROM follow_ups WHERE source_key = 'relative:' || c.id)"
		" FROM citizens AS c INDEXED BY citizens_created WHERE c.created_at >= :from"
		"  AND EXISTS (SELECT 1 FROM relatives AS r WHERE r.citizen_id = c.id"
		"   AND r.wants_support = 1 AND r.takes_part = 1)"
		"  AND NOT EXISTS (SELECT 1 FROM follow_ups WHERE source_key = 'relative:' || c.id)"
		" ORDER BY c.id");
	if (r != DB_OK)
		return store_grow_done(&g, r, (void **)out, count);
	db_bind_text(st, ":from", from);
	while (db_step(st) == DB_ROW) {
		struct call_relative_fact *f = store_grow_next(&g);
		if (!f) {
			db_finalize(st);
			return store_grow_done(&g, DB_ERR_IO, (void **)out, count);
		}
		f->citizen_id = db_column_int(st, 0);
		f->wants_support = true;
		f->citizen_ended = db_column_int(st, 1) != 0;
		STORE_COL(f->wished_on, st, 2);
		f->has_call = db_column_int(st, 3) != 0;
	}
	return store_grow_done(&g, db_finalize(st), (void **)out, count);
}

/* The referral an assessment answers is the latest one before it.
 * Referrals whose call exists are done with: skipped here. Whether the
 * referrer may be told is a fact here (the consent column); the rule
 * decides (call_rule_referrer_feedback). Referrals that never asked for
 * feedback are left out only to keep the sweep cheap, as the idle facts
 * leave out citizens with an open call: the rule checks the whole
 * consent. */
#define FEEDBACK_SELECT(from_assessments) \
	"SELECT r.id, r.citizen_id, min(a.assessed_on), " CALLS_FEEDBACK_CONSENT("r") "," \
	" EXISTS (SELECT 1 FROM follow_ups WHERE source_key = 'referral:' || r.id)" \
	" FROM " from_assessments \
	" JOIN referrals AS r ON r.id = (SELECT r2.id FROM referrals AS r2" \
	"  WHERE r2.citizen_id = a.citizen_id AND r2.referred_on <= a.assessed_on" \
	"  ORDER BY r2.referred_on DESC, r2.id DESC LIMIT 1)" \
	" WHERE a.assessed_on >= :from AND r.feedback_consent = 1" \
	"  AND NOT EXISTS (SELECT 1 FROM follow_ups WHERE source_key = 'referral:' || r.id)"
/* Every citizen's (the sweep), or one citizen's (as the matches'). */
static const char feedback_all_sql[] =
	FEEDBACK_SELECT("assessments AS a INDEXED BY calls_assessments_date") " GROUP BY r.id ORDER BY r.id";
static const char feedback_of_sql[] =
	FEEDBACK_SELECT("assessments AS a") " AND a.citizen_id = :citizen GROUP BY r.id ORDER BY r.id";
#undef FEEDBACK_SELECT

enum db_status store_calls_feedback_facts(struct db *db, long long citizen_id, const char *from,
					  struct call_feedback_fact **out, int *count)
{
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = prepare_facts(db, &st, feedback_all_sql, feedback_of_sql, citizen_id, from);
	if (r != DB_OK)
		return store_grow_done(&g, r, (void **)out, count);
	while (db_step(st) == DB_ROW) {
		struct call_feedback_fact *f = store_grow_next(&g);
		if (!f) {
			db_finalize(st);
			return store_grow_done(&g, DB_ERR_IO, (void **)out, count);
		}
		f->referral_id = db_column_int(st, 0);
		f->citizen_id = db_column_int(st, 1);
		STORE_COL(f->assessed_on, st, 2);
		f->consent = db_column_int(st, 3) != 0;
		f->has_call = db_column_int(st, 4) != 0;
	}
	return store_grow_done(&g, db_finalize(st), (void **)out, count);
}

/* Whether citizen `c` has anything on record since :cutoff, by the
 * same measure as CALLS_LAST_CONTACT: each part is a probe of an index by
 * citizen, and the first found ends the test. */
#define CONTACT_SINCE(c) \
	"(EXISTS (SELECT 1 FROM referrals WHERE citizen_id = " c " AND referred_on >= :cutoff)" \
	" OR EXISTS (SELECT 1 FROM assessments WHERE citizen_id = " c " AND assessed_on >= :cutoff)" \
	" OR EXISTS (SELECT 1 FROM matches WHERE citizen_id = " c \
	"  AND (matched_on >= :cutoff OR ended_on >= :cutoff))" \
	" OR EXISTS (SELECT 1 FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id" \
	"  WHERE t.citizen_id = " c " AND t.mark IN ('present', 'excused') AND s.date BETWEEN :cutoff AND :today)" \
	" OR EXISTS (SELECT 1 FROM follow_ups WHERE citizen_id = " c " AND (done_at >= :cutoff" \
	"  OR (status IN ('done', 'cancelled') AND due_on >= :cutoff AND done_at IS NULL)))" \
	" OR EXISTS (SELECT 1 FROM notes WHERE citizen_id = " c " AND written_on >= :cutoff)" \
	" OR EXISTS (SELECT 1 FROM measures WHERE citizen_id = " c " AND taken_on >= :cutoff))"

/* Citizens who did not agree that volunteers call are left out here, not
 * only by the rule (call_rule_no_contact): the list is cut at the day's
 * quota, and those the rule refuses would take the places of others every
 * day. */
#define IDLE_WHERE \
	" c.status = 'active' AND NOT " CONTACT_SINCE("c.id") " AND " CONTACT_CONSENT("c.id") \
	" AND NOT EXISTS (SELECT 1 FROM follow_ups AS f WHERE f.citizen_id = c.id AND f.status = 'open')" \
	" AND NOT EXISTS (SELECT 1 FROM enrolments AS e JOIN sessions AS s ON s.activity_id = e.activity_id" \
	"  WHERE e.citizen_id = c.id AND e.ended_on IS NULL AND s.status = 'planned' AND s.date >= :today)"

static void bind_idle(struct db_stmt *st, const char *today, const char *cutoff)
{
	db_bind_text(st, ":today", today);
	db_bind_text(st, ":cutoff", cutoff);
}

enum db_status store_calls_idle_count(struct db *db, const char *today, const char *cutoff, long long *after_id,
				     int max, long long *idle)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"WITH chunk(id) AS (SELECT id FROM citizens WHERE id > :after ORDER BY id LIMIT :max)"
		" SELECT (SELECT max(id) FROM chunk),"
		"  (SELECT count(*) FROM chunk JOIN citizens AS c ON c.id = chunk.id WHERE" IDLE_WHERE ")");
	if (r != DB_OK)
		return r;
	bind_idle(st, today, cutoff);
	db_bind_int(st, ":after", *after_id);
	db_bind_int(st, ":max", max);
	if (db_step(st) == DB_ROW) {
		*after_id = db_column_int(st, 0);
		*idle += db_column_int(st, 1);
	}
	return db_finalize(st);
}

enum db_status store_calls_idle_facts(struct db *db, const char *today, const char *cutoff, int limit,
				      struct call_idle_fact **out, int *count)
{
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r;
	if (limit <= 0)
		return store_grow_done(&g, DB_OK, (void **)out, count);

	if ((r = db_prepare(db, &st,
			"WITH idle(id) AS ("
			"  SELECT c.id FROM citizens AS c WHERE" IDLE_WHERE " ORDER BY c.id LIMIT :limit)"
			" SELECT c.id, c.status = 'ended',"
			"  COALESCE((SELECT m.volunteer_id FROM matches AS m WHERE m.citizen_id = c.id"
			"   AND m.ended_on IS NULL AND m.volunteer_id IS NOT NULL ORDER BY m.matched_on DESC"
			"   LIMIT 1), 0),"
			"  " CALLS_LAST_CONTACT("c.id") ","
			"  EXISTS (SELECT 1 FROM follow_ups AS f WHERE f.citizen_id = c.id AND f.status = 'open'),"
			"  EXISTS (SELECT 1 FROM enrolments AS e JOIN sessions AS s ON s.activity_id = e.activity_id"
			"   WHERE e.citizen_id = c.id AND e.ended_on IS NULL AND s.status = 'planned'"
			"   AND s.date >= :today),"
			"  EXISTS (SELECT 1 FROM follow_ups AS f WHERE f.citizen_id = c.id AND f.reason = 'no_contact'),"
			"  " CONTACT_CONSENT("c.id")
			" FROM idle JOIN citizens AS c ON c.id = idle.id ORDER BY c.id")) != DB_OK)
		return store_grow_done(&g, r, (void **)out, count);
	bind_idle(st, today, cutoff);
	db_bind_int(st, ":limit", limit);
	while (db_step(st) == DB_ROW) {
		struct call_idle_fact *f = store_grow_next(&g);
		if (!f) {
			db_finalize(st);
			return store_grow_done(&g, DB_ERR_IO, (void **)out, count);
		}
		f->citizen_id = db_column_int(st, 0);
		f->ended = db_column_int(st, 1) != 0;
		f->responsible = db_column_int(st, 2);
		STORE_COL(f->last_contact_on, st, 3);
		f->has_open_call = db_column_int(st, 4) != 0;
		f->has_planned_session = db_column_int(st, 5) != 0;
		f->had_no_contact_call = db_column_int(st, 6) != 0;
		f->contact_consent = db_column_int(st, 7) != 0;
	}
	return store_grow_done(&g, db_finalize(st), (void **)out, count);
}

enum db_status store_calls_no_contact_on(struct db *db, const char *day, long long *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT count(*) FROM follow_ups INDEXED BY calls_follow_ups_no_contact WHERE due_on = :day"
		" AND reason = 'no_contact'");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":day", day);
	if (db_step(st) == DB_ROW)
		*count = db_column_int(st, 0);
	return db_finalize(st);
}
