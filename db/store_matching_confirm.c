/* store_matching_confirm.c — the writing half of store_matching.h:
 * confirming a match (one transaction that re-checks capacity itself, so
 * two desks can never share the last place), ending one, the lists of
 * matches, and a citizen's wishes for matching.
 */
#include "store_matching.h"

#include <stdio.h>
#include <string.h>

#include "store_registry_internal.h"
#include "store_util.h"

/* Days a call follows a match that has no session to follow. */
enum { AFTER_MATCH_DAYS = 14 };

/* One row, one integer column per field asked for. */
static enum db_status query_ints(struct db *db, const char *sql, long long a, long long b, long long *out,
				 int n, bool *found)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":a", a);
	if (strstr(sql, ":b"))
		db_bind_int(st, ":b", b);
	*found = db_step(st) == DB_ROW;
	for (int i = 0; i < n; i++)
		out[i] = *found ? db_column_int(st, i) : 0;
	return db_finalize(st);
}

/* The checks that make a match allowed, inside the transaction. */
static enum db_status check_request(struct db *db, const struct match_request *q, enum match_refusal *why)
{
	long long v[3];
	bool found;
	*why = MATCH_REFUSED_NONE;
	if (!q->volunteer_id && !q->activity_id) {
		*why = MATCH_REFUSED_NOTHING;
		return DB_OK;
	}
	enum db_status r = query_ints(db, "SELECT status = 'active' FROM citizens WHERE id = :a", q->citizen_id,
				      0, v, 1, &found);
	if (r != DB_OK)
		return r;
	if (!found || !v[0]) {
		*why = MATCH_REFUSED_CITIZEN;
		return DB_OK;
	}
	if (q->volunteer_id) {
		if ((r = query_ints(db,
				"SELECT status = 'active', capacity,"
				" (SELECT count(*) FROM matches AS m WHERE m.volunteer_id = v.id AND m.ended_on IS NULL)"
				" FROM volunteers AS v WHERE v.id = :a", q->volunteer_id, 0, v, 3, &found)) != DB_OK)
			return r;
		if (!found || !v[0])
			*why = MATCH_REFUSED_VOLUNTEER_NOT_ACTIVE;
		else if (v[2] >= v[1])
			*why = MATCH_REFUSED_VOLUNTEER_FULL;
		if (*why)
			return DB_OK;
		if ((r = query_ints(db, "SELECT 1 FROM matches WHERE volunteer_id = :a AND citizen_id = :b"
					" AND ended_on IS NULL", q->volunteer_id, q->citizen_id, v, 1, &found)) != DB_OK)
			return r;
		if (found) {
			*why = MATCH_REFUSED_ALREADY_MATCHED;
			return DB_OK;
		}
	}
	if (q->activity_id) {
		if ((r = query_ints(db,
				"SELECT status = 'active', capacity,"
				" (SELECT count(*) FROM enrolments AS e WHERE e.activity_id = a.id AND e.ended_on IS NULL)"
				" FROM activities AS a WHERE a.id = :a", q->activity_id, 0, v, 3, &found)) != DB_OK)
			return r;
		if (!found || !v[0])
			*why = MATCH_REFUSED_ACTIVITY_ENDED;
		else if (v[2] >= v[1])
			*why = MATCH_REFUSED_ACTIVITY_FULL;
		if (*why)
			return DB_OK;
		if ((r = query_ints(db, "SELECT 1 FROM enrolments WHERE activity_id = :a AND citizen_id = :b"
					" AND ended_on IS NULL", q->activity_id, q->citizen_id, v, 1, &found)) != DB_OK)
			return r;
		if (found)
			*why = MATCH_REFUSED_ALREADY_ENROLLED;
	}
	return DB_OK;
}

static enum db_status first_session(struct db *db, long long match_id, long long activity_id,
				    const char *today, struct match_confirmed *out)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT s.id, s.date, COALESCE(s.start_time, a.start_time, '') FROM sessions AS s"
		" JOIN activities AS a ON a.id = s.activity_id"
		" WHERE s.activity_id = :id AND s.status = 'planned' AND s.date >= :today"
		" ORDER BY s.date LIMIT 1");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", activity_id);
	db_bind_text(st, ":today", today);
	if (db_step(st) == DB_ROW) {
		out->session_id = db_column_int(st, 0);
		STORE_COL(out->session_on, st, 1);
		STORE_COL(out->session_time, st, 2);
	}
	if ((r = db_finalize(st)) != DB_OK || !out->session_id)
		return r;
	if ((r = db_prepare(db, &st, "UPDATE matches SET first_session_id = :session WHERE id = :id")) != DB_OK)
		return r;
	db_bind_int(st, ":session", out->session_id);
	db_bind_int(st, ":id", match_id);
	return store_run(st);
}

/* The call after the first session is on the next weekday after it (a
 * Friday session is followed up on Monday); without a session, a call
 * AFTER_MATCH_DAYS on asks how the first meetings went. */
/* A match is the step the "no contact" call was about: it goes. */
static enum db_status cancel_no_contact_calls(struct db *db, long long citizen_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE follow_ups SET status = 'cancelled'"
		" WHERE citizen_id = :citizen AND status = 'open' AND reason = 'no_contact'");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_step(st);
	return db_finalize(st);
}

static enum db_status plan_call(struct db *db, const struct match_request *q, long long match_id,
				struct match_confirmed *out)
{
	char key[64], days[16];
	bool after_session = out->session_id != 0;
	snprintf(key, sizeof key, "%s:%lld", after_session ? "first_session" : "match", match_id);
	snprintf(days, sizeof days, "+%d days", AFTER_MATCH_DAYS);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO follow_ups(citizen_id, reason, due_on, responsible, source_key, status)"
		" VALUES (:citizen, :reason,"
		"  CASE WHEN :session_on IS NULL THEN date(:today, :days)"
		"   ELSE CASE strftime('%w', :session_on) WHEN '5' THEN date(:session_on, '+3 days')"
		"    WHEN '6' THEN date(:session_on, '+2 days') ELSE date(:session_on, '+1 day') END END,"
		"  :volunteer, :key, 'open')"
		" ON CONFLICT (source_key) DO NOTHING"
		" RETURNING due_on");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", q->citizen_id);
	db_bind_text(st, ":reason", after_session ? "after_first_session" : "after_match");
	db_bind_text(st, ":session_on", after_session ? out->session_on : NULL);
	db_bind_text(st, ":today", q->today);
	db_bind_text(st, ":days", days);
	store_bind_id(st, ":volunteer", q->volunteer_id);
	db_bind_text(st, ":key", key);
	if (db_step(st) == DB_ROW)
		STORE_COL(out->call_due_on, st, 0);
	return db_finalize(st);
}

enum db_status store_matching_confirm(struct db *db, db_user_id actor, const struct match_request *q,
				struct match_confirmed *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	if ((r = check_request(db, q, &out->refusal)) != DB_OK)
		goto out;
	if (out->refusal != MATCH_REFUSED_NONE) {
		r = DB_ERR_CONSTRAINT;
		goto out;
	}
	struct db_stmt *st;
	if ((r = db_prepare(db, &st,
			"INSERT INTO matches(citizen_id, volunteer_id, activity_id, matched_on, matched_by)"
			" VALUES (:citizen, :volunteer, :activity, :today, :user)")) != DB_OK)
		goto out;
	db_bind_int(st, ":citizen", q->citizen_id);
	store_bind_id(st, ":volunteer", q->volunteer_id);
	store_bind_id(st, ":activity", q->activity_id);
	db_bind_text(st, ":today", q->today);
	store_bind_id(st, ":user", actor);
	if ((r = store_run(st)) != DB_OK)
		goto out;
	long long match_id = db_last_insert_id(db);
	if (q->activity_id) {
		if ((r = db_prepare(db, &st, "INSERT INTO enrolments(citizen_id, activity_id, enrolled_on)"
					     " VALUES (:citizen, :activity, :today)")) != DB_OK)
			goto out;
		db_bind_int(st, ":citizen", q->citizen_id);
		db_bind_int(st, ":activity", q->activity_id);
		db_bind_text(st, ":today", q->today);
		if ((r = store_run(st)) != DB_OK)
			goto out;
		/* Whatever is missing of the weeks ahead is planned first, so the
		 * next session exists even if nobody opened the registry lately. */
		int planned = 0;
		if ((r = store_registry_plan_sessions(db, q->activity_id, q->today, REG_SESSION_WEEKS, &planned)) != DB_OK
		    || (r = first_session(db, match_id, q->activity_id, q->today, out)) != DB_OK)
			goto out;
	}
	if ((r = plan_call(db, q, match_id, out)) != DB_OK || (r = cancel_no_contact_calls(db, q->citizen_id)) != DB_OK)
		goto out;
	if ((r = store_audit_record(db, actor, NULL, "create", "match", match_id, NULL)) != DB_OK)
		goto out;
	if ((r = store_audit_record(db, actor, NULL, "update", "citizen", q->citizen_id, "match")) == DB_OK)
		out->match_id = match_id;
out:
	r = db_end(db, r);
	if (r != DB_OK) {
		enum match_refusal why = out->refusal;
		memset(out, 0, sizeof *out);
		out->refusal = why;
	}
	return r;
}

enum db_status store_matching_end(struct db *db, db_user_id actor, long long match_id, const char *ended_on,
			    const char *outcome, const char *reason)
{
	if (!outcome || !*outcome)
		return DB_ERR_CONSTRAINT;
	bool on_own = strcmp(outcome, "on_own") == 0;
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	long long v[2];
	bool found;
	if ((r = query_ints(db, "SELECT citizen_id, COALESCE(activity_id, 0) FROM matches"
				" WHERE id = :a AND ended_on IS NULL", match_id, 0, v, 2, &found)) != DB_OK)
		goto out;
	if (!found) {
		r = DB_ERR_NOTFOUND;
		goto out;
	}
	struct db_stmt *st;
	if ((r = db_prepare(db, &st,
			"UPDATE matches SET ended_on = max(matched_on, :on), outcome = :outcome, end_reason = :reason,"
			" accompaniment_done_on = CASE WHEN :on_own THEN"
			"  COALESCE(accompaniment_done_on, max(matched_on, :on)) ELSE accompaniment_done_on END"
			" WHERE id = :id")) != DB_OK)
		goto out;
	db_bind_text(st, ":on", ended_on);
	db_bind_text(st, ":outcome", outcome);
	db_bind_text(st, ":reason", store_or_null(reason));
	db_bind_int(st, ":on_own", on_own);
	db_bind_int(st, ":id", match_id);
	if ((r = store_run(st)) != DB_OK)
		goto out;
	if (!on_own && v[1]) {
		if ((r = db_prepare(db, &st, "UPDATE enrolments SET ended_on = max(enrolled_on, :on)"
					     " WHERE citizen_id = :citizen AND activity_id = :activity"
					     " AND ended_on IS NULL")) != DB_OK)
			goto out;
		db_bind_text(st, ":on", ended_on);
		db_bind_int(st, ":citizen", v[0]);
		db_bind_int(st, ":activity", v[1]);
		if ((r = store_run(st)) != DB_OK)
			goto out;
	}
	if (!on_own) {
		char first[64], after[64];
		snprintf(first, sizeof first, "first_session:%lld", match_id);
		snprintf(after, sizeof after, "match:%lld", match_id);
		if ((r = db_prepare(db, &st, "UPDATE follow_ups SET status = 'cancelled'"
					     " WHERE status = 'open' AND source_key IN (:first, :after)")) != DB_OK)
			goto out;
		db_bind_text(st, ":first", first);
		db_bind_text(st, ":after", after);
		if ((r = store_run(st)) != DB_OK)
			goto out;
	}
	if ((r = store_audit_record(db, actor, NULL, "update", "match", match_id, outcome)) != DB_OK)
		goto out;
	r = store_audit_record(db, actor, NULL, "update", "citizen", v[0], "match ended");
out:
	return db_end(db, r);
}

/* ---------- lists of matches ---------- */

#define MATCH_ROW_SELECT \
	"SELECT m.id, m.citizen_id, COALESCE(m.volunteer_id, 0), COALESCE(m.activity_id, 0), c.name," \
	" COALESCE(v.name, ''), COALESCE(a.name, ''), m.matched_on, COALESCE(u.name, '')," \
	" COALESCE(s.date, ''), COALESCE(m.ended_on, ''), COALESCE(m.outcome, ''), COALESCE(m.end_reason, '')" \
	" FROM matches AS m JOIN citizens AS c ON c.id = m.citizen_id" \
	" LEFT JOIN volunteers AS v ON v.id = m.volunteer_id" \
	" LEFT JOIN activities AS a ON a.id = m.activity_id" \
	" LEFT JOIN users AS u ON u.id = m.matched_by" \
	" LEFT JOIN sessions AS s ON s.id = m.first_session_id"

static enum db_status match_rows(struct db *db, const char *sql, long long id, struct match_row *out, int max,
				 int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (*count < max && db_step(st) == DB_ROW) {
		struct match_row *m = &out[*count];
		memset(m, 0, sizeof *m);
		m->id = db_column_int(st, 0);
		m->citizen_id = db_column_int(st, 1);
		m->volunteer_id = db_column_int(st, 2);
		m->activity_id = db_column_int(st, 3);
		STORE_COL(m->citizen, st, 4);
		STORE_COL(m->volunteer, st, 5);
		STORE_COL(m->activity, st, 6);
		STORE_COL(m->matched_on, st, 7);
		STORE_COL(m->matched_by, st, 8);
		STORE_COL(m->first_session_on, st, 9);
		STORE_COL(m->ended_on, st, 10);
		STORE_COL(m->outcome, st, 11);
		STORE_COL(m->end_reason, st, 12);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_matching_citizen_matches(struct db *db, long long citizen_id, struct match_row *out, int max,
					int *count)
{
	return match_rows(db, MATCH_ROW_SELECT " WHERE m.citizen_id = :id"
			  " ORDER BY m.ended_on IS NOT NULL, m.matched_on DESC, m.id DESC", citizen_id, out, max, count);
}

enum db_status store_matching_volunteer_matches(struct db *db, long long volunteer_id, struct match_row *out,
					  int max, int *count)
{
	return match_rows(db, MATCH_ROW_SELECT " WHERE m.volunteer_id = :id AND m.ended_on IS NULL"
			  " ORDER BY m.matched_on, m.id", volunteer_id, out, max, count);
}

/* ---------- wishes ---------- */

enum db_status store_matching_get_wishes(struct db *db, long long citizen_id, struct match_wishes *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT COALESCE(pref_volunteer_gender, ''), COALESCE(pref_volunteer_age, ''),"
		" pref_lived_experience, COALESCE(language, '') FROM citizens WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", citizen_id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		STORE_COL(out->pref_gender, st, 0);
		STORE_COL(out->pref_age, st, 1);
		out->pref_lived_experience = db_column_int(st, 2) != 0;
		STORE_COL(out->language, st, 3);
	}
	r = db_finalize(st);
	if (r == DB_OK && step != DB_ROW)
		r = DB_ERR_NOTFOUND;
	return r;
}

/* The card's version is left alone: none of these are on the card's
 * form, so an edit there cannot overwrite them. */
enum db_status store_matching_set_wishes(struct db *db, db_user_id actor, long long citizen_id,
				   const struct match_wishes *in)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	if ((r = db_prepare(db, &st,
			"UPDATE citizens SET pref_volunteer_gender = :gender, pref_volunteer_age = :age,"
			" pref_lived_experience = :lived, language = :language WHERE id = :id")) != DB_OK)
		goto out;
	db_bind_text(st, ":gender", store_or_null(in->pref_gender));
	db_bind_text(st, ":age", store_or_null(in->pref_age));
	db_bind_int(st, ":lived", in->pref_lived_experience);
	db_bind_text(st, ":language", store_or_null(in->language));
	db_bind_int(st, ":id", citizen_id);
	if ((r = store_run_changed(db, st, DB_ERR_NOTFOUND)) != DB_OK)
		goto out;
	r = store_audit_record(db, actor, NULL, "update", "citizen", citizen_id, "matching wishes");
out:
	return db_end(db, r);
}

enum db_status store_matching_log_view(struct db *db, db_user_id actor, long long citizen_id)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	return db_end(db, store_audit_record(db, actor, NULL, "view", "citizen", citizen_id, "matching"));
}
