/* store_matching_confirm.c — the writing half of store_matching.h: the
 * pieces a match is confirmed and ended with, the lists of matches, and a
 * citizen's wishes for matching. src/matching.c puts them together in one
 * transaction and re-checks the free places inside it, so two desks can
 * never share the last place.
 */
#include "store_matching.h"

#include <stdio.h>
#include <string.h>

#include "store_util.h"

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

/* A status and two counts: capacity and load. */
static enum db_status read_place(struct db *db, const char *sql, long long id, bool *found, char *status,
				 size_t size, int *capacity, int *load)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	*found = db_step(st) == DB_ROW;
	if (*found) {
		store_copy(status, size, db_column_text(st, 0));
		*capacity = (int)db_column_int(st, 1);
		*load = (int)db_column_int(st, 2);
	}
	return db_finalize(st);
}

enum db_status store_matching_confirm_facts(struct db *db, const struct match_request *q,
					    struct match_confirm_facts *out)
{
	memset(out, 0, sizeof *out);
	long long v[1];
	bool found;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT status FROM citizens WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", q->citizen_id);
	if ((out->citizen_found = db_step(st) == DB_ROW))
		STORE_COL(out->citizen_status, st, 0);
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	if (q->volunteer_id) {
		if ((r = read_place(db, "SELECT status, capacity,"
				    " (SELECT count(*) FROM matches AS m WHERE m.volunteer_id = v.id AND m.ended_on IS NULL)"
				    " FROM volunteers AS v WHERE v.id = :id", q->volunteer_id, &out->volunteer_found,
				    out->volunteer_status, sizeof out->volunteer_status, &out->volunteer_capacity,
				    &out->volunteer_load)) != DB_OK)
			return r;
		if ((r = query_ints(db, "SELECT 1 FROM matches WHERE volunteer_id = :a AND citizen_id = :b"
					" AND ended_on IS NULL", q->volunteer_id, q->citizen_id, v, 1, &found)) != DB_OK)
			return r;
		out->already_matched = found;
	}
	if (q->activity_id) {
		if ((r = read_place(db, "SELECT status, capacity,"
				    " (SELECT count(*) FROM enrolments AS e WHERE e.activity_id = a.id AND e.ended_on IS NULL)"
				    " FROM activities AS a WHERE a.id = :id", q->activity_id, &out->activity_found,
				    out->activity_status, sizeof out->activity_status, &out->activity_capacity,
				    &out->activity_load)) != DB_OK)
			return r;
		if ((r = query_ints(db, "SELECT 1 FROM enrolments WHERE activity_id = :a AND citizen_id = :b"
					" AND ended_on IS NULL", q->activity_id, q->citizen_id, v, 1, &found)) != DB_OK)
			return r;
		out->already_enrolled = found;
	}
	return DB_OK;
}

enum db_status store_matching_create(struct db *db, const struct match_request *q, const char *matched_on,
				     db_user_id matched_by, long long *match_id)
{
	*match_id = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO matches(citizen_id, volunteer_id, activity_id, matched_on, matched_by)"
		" VALUES (:citizen, :volunteer, :activity, :on, :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", q->citizen_id);
	store_bind_id(st, ":volunteer", q->volunteer_id);
	store_bind_id(st, ":activity", q->activity_id);
	db_bind_text(st, ":on", matched_on);
	store_bind_id(st, ":user", matched_by);
	if ((r = store_run(st)) == DB_OK)
		*match_id = db_last_insert_id(db);
	return r;
}

enum db_status store_matching_next_sessions(struct db *db, long long activity_id, const char *from,
					    struct match_session *out, int max, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT s.id, s.date, COALESCE(s.start_time, a.start_time, '') AS time FROM sessions AS s"
		" JOIN activities AS a ON a.id = s.activity_id"
		" WHERE s.activity_id = :id AND s.status = 'planned' AND s.date >= :from"
		" ORDER BY s.date, time, s.id LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", activity_id);
	db_bind_text(st, ":from", from);
	db_bind_int(st, ":max", max);
	while (*count < max && db_step(st) == DB_ROW) {
		struct match_session *m = &out[(*count)++];
		memset(m, 0, sizeof *m);
		m->id = db_column_int(st, 0);
		STORE_COL(m->date, st, 1);
		STORE_COL(m->time, st, 2);
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_matching_set_first_session(struct db *db, long long match_id, long long session_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "UPDATE matches SET first_session_id = :session WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":session", session_id);
	db_bind_int(st, ":id", match_id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

enum db_status store_matching_cancel_no_contact_calls(struct db *db, long long citizen_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE follow_ups SET status = 'cancelled'"
		" WHERE citizen_id = :citizen AND status = 'open' AND reason = 'no_contact'");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	return store_run(st);
}

/* ---------- ending ---------- */

enum db_status store_matching_end(struct db *db, long long match_id, const char *ended_on, const char *outcome,
				  const char *reason, bool accompaniment_done)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE matches SET ended_on = max(matched_on, :on), outcome = :outcome, end_reason = :reason,"
		" accompaniment_done_on = CASE WHEN :done THEN"
		"  COALESCE(accompaniment_done_on, max(matched_on, :on)) ELSE accompaniment_done_on END"
		" WHERE id = :id AND ended_on IS NULL");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":on", ended_on);
	db_bind_text(st, ":outcome", outcome);
	db_bind_text(st, ":reason", store_or_null(reason));
	db_bind_int(st, ":done", accompaniment_done);
	db_bind_int(st, ":id", match_id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

enum db_status store_matching_end_enrolment(struct db *db, long long citizen_id, long long activity_id,
					    const char *ended_on)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "UPDATE enrolments SET ended_on = max(enrolled_on, :on)"
					       " WHERE citizen_id = :citizen AND activity_id = :activity"
					       " AND ended_on IS NULL");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":on", ended_on);
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_int(st, ":activity", activity_id);
	return store_run(st);
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

enum db_status store_matching_get(struct db *db, long long match_id, struct match_row *out)
{
	int n = 0;
	enum db_status r = match_rows(db, MATCH_ROW_SELECT " WHERE m.id = :id", match_id, out, 1, &n);
	if (r == DB_OK && n == 0)
		r = DB_ERR_NOTFOUND;
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
enum db_status store_matching_set_wishes(struct db *db, long long citizen_id, const struct match_wishes *in)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE citizens SET pref_volunteer_gender = :gender, pref_volunteer_age = :age,"
		" pref_lived_experience = :lived, language = :language WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":gender", store_or_null(in->pref_gender));
	db_bind_text(st, ":age", store_or_null(in->pref_age));
	db_bind_int(st, ":lived", in->pref_lived_experience);
	db_bind_text(st, ":language", store_or_null(in->language));
	db_bind_int(st, ":id", citizen_id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}
