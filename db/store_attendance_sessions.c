/* store_attendance_sessions.c — the sessions of a week, one session's
 * details (cancel, move, note, leader, helpers) and the short lists the
 * screens choose volunteers and activities from. */
#include "store_attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_attendance_internal.h"

/* The columns of struct session_info, for a row `x` with the columns id,
 * activity_id, date, start, end, status, reason, note, led_by (a session
 * or a weekly slot). The roll counts the enrolments open on the date in
 * two ranges of enrolments_activity_end (still open; ended after it), so
 * the years of enrolments that ended before are not read. */
#define SESSION_SELECT \
	"SELECT x.id, x.activity_id, a.name, COALESCE(a.place, ''), x.date, COALESCE(x.st, ''),"     \
	" COALESCE(x.et, ''), x.status, COALESCE(x.reason, ''), COALESCE(x.note, ''),"              \
	" COALESCE(x.led_by, 0), COALESCE(v.name, ''),"                                              \
	" (SELECT count(*) FROM (SELECT e.citizen_id FROM enrolments AS e"                           \
	"   WHERE e.activity_id = x.activity_id AND e.ended_on IS NULL AND e.enrolled_on <= x.date"  \
	"  UNION SELECT e.citizen_id FROM enrolments AS e"                                           \
	"   WHERE e.activity_id = x.activity_id AND e.ended_on > x.date AND e.enrolled_on <= x.date" \
	"  UNION SELECT t.citizen_id FROM attendance AS t WHERE t.session_id = x.id)),"              \
	" (SELECT count(*) FROM attendance AS t WHERE t.session_id = x.id), x.version"               \
	" FROM x JOIN activities AS a ON a.id = x.activity_id"                                       \
	" LEFT JOIN volunteers AS v ON v.id = x.led_by"

static void read_session_row(struct db_stmt *st, struct session_info *s)
{
	memset(s, 0, sizeof *s);
	s->id = db_column_int(st, 0);
	s->activity_id = db_column_int(st, 1);
	STORE_COL(s->activity, st, 2);
	STORE_COL(s->place, st, 3);
	STORE_COL(s->date, st, 4);
	STORE_COL(s->start_time, st, 5);
	STORE_COL(s->end_time, st, 6);
	STORE_COL(s->status, st, 7);
	STORE_COL(s->cancel_reason, st, 8);
	STORE_COL(s->note, st, 9);
	s->led_by = db_column_int(st, 10);
	STORE_COL(s->leader, st, 11);
	s->roll = (int)db_column_int(st, 12);
	s->marked = (int)db_column_int(st, 13);
	s->version = db_column_int(st, 14);
}

enum db_status store_att_session_read(struct db *db, long long session_id, struct session_info *out)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"WITH x AS (SELECT s.id, s.activity_id, s.date,"
		"  COALESCE(s.start_time, ac.start_time) AS st, COALESCE(s.end_time, ac.end_time) AS et,"
		"  s.status, s.cancel_reason AS reason, s.note, s.led_by, s.version"
		"  FROM sessions AS s JOIN activities AS ac ON ac.id = s.activity_id WHERE s.id = :id) "
		SESSION_SELECT);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", session_id);
	enum db_status step = db_step(st);
	if (step == DB_ROW)
		read_session_row(st, out);
	r = db_finalize(st);
	if (r == DB_OK && step != DB_ROW)
		r = DB_ERR_NOTFOUND;
	return r;
}

enum db_status store_attendance_session_get(struct db *db, long long session_id, struct session_info *out)
{
	memset(out, 0, sizeof *out);
	return store_att_session_read(db, session_id, out);
}

/* The sort key the week gives activity `id` ('' for none, or for id 0:
 * before every activity at the key's time). */
static enum db_status week_sort_of(struct db *db, long long id, char *out, size_t size)
{
	out[0] = '\0';
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT COALESCE(sort_key, '') FROM activities WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	if (db_step(st) == DB_ROW)
		snprintf(out, size, "%s", db_column_text(st, 0));
	return db_finalize(st);
}

/* The rows of one day of a week, in the week's order: the key's columns
 * are date, start time ('99:99' for none: last in the day), the
 * activity's sort key and id. Each session keeps its own start time and
 * sort key (migration 35), so the day's page is read from the index
 * sessions_week in that order and stops when it is full: a day of the
 * demo's largest centre holds 300 sessions. The weekly slots are the
 * active activities of the weekday with no session that week, read in
 * the same order from activities_slot. Only the rows kept are read
 * whole, with their counts of the roll list and the marks. */
static enum db_status sessions_of_day(struct db *db, const char *day, const char *monday, const char *sunday,
				      const char *activity_query, const struct session_key *key,
				      enum session_page dir, struct session_info *out, int max, int *count)
{
	*count = 0;
	bool back = dir == SESSIONS_BEFORE, query = activity_query && activity_query[0];
	/* The key's day alone is cut at the key; the days after it (before
	 * it, back) are read whole. */
	bool cut = key && strcmp(key->date, day) == 0;
	const char *op = back ? "<" : dir == SESSIONS_FROM ? ">=" : ">";
	const char *by = back ? " DESC" : "";
	char session_cut[160] = "", slot_cut[200] = "";
	if (cut) {
		snprintf(session_cut, sizeof session_cut,
			 " AND (s.week_time, s.week_sort, s.activity_id) %s (:kt, :ks, :ka)", op);
		snprintf(slot_cut, sizeof slot_cut,
			 " AND (COALESCE(ac.start_time, '99:99'), COALESCE(ac.sort_key, ''), ac.id) %s (:kt, :ks, :ka)", op);
	}
	char sort[CIT_KEY];
	enum db_status r = cut ? week_sort_of(db, key->activity_id, sort, sizeof sort) : DB_OK;
	if (r != DB_OK)
		return r;
	char sql[4096];
	snprintf(sql, sizeof sql,
		"WITH k AS ("
		"  SELECT * FROM (SELECT s.id, s.activity_id, s.week_time AS tk, s.week_sort AS sk"
		"   FROM sessions AS s INDEXED BY sessions_week WHERE s.date = :day%s%s"
		"   ORDER BY s.week_time%s, s.week_sort%s, s.activity_id%s LIMIT :max) AS held"
		"  UNION ALL"
		"  SELECT * FROM (SELECT 0, ac.id, COALESCE(ac.start_time, '99:99'), COALESCE(ac.sort_key, '')"
		"   FROM activities AS ac INDEXED BY activities_slot"
		"   WHERE ac.weekday = :weekday AND ac.status = 'active' AND date(ac.created_at) <= :day%s%s"
		"    AND NOT EXISTS (SELECT 1 FROM sessions AS o WHERE o.activity_id = ac.id"
		"     AND o.date BETWEEN :monday AND :sunday)"
		"   ORDER BY COALESCE(ac.start_time, '99:99')%s, COALESCE(ac.sort_key, '')%s, ac.id%s LIMIT :max) AS slot"
		"  ORDER BY 3%s, 4%s, 2%s LIMIT :max),"
		" x AS (SELECT k.id, k.activity_id, CAST(:day AS TEXT) AS date,"
		"  COALESCE(s.start_time, ac.start_time) AS st, COALESCE(s.end_time, ac.end_time) AS et,"
		"  COALESCE(s.status, 'planned') AS status, s.cancel_reason AS reason, s.note, s.led_by,"
		"  COALESCE(s.version, 0) AS version, k.tk, k.sk"
		"  FROM k JOIN activities AS ac ON ac.id = k.activity_id LEFT JOIN sessions AS s ON s.id = k.id) "
		SESSION_SELECT
		" ORDER BY x.tk, x.sk, x.activity_id",
		session_cut,
		query ? " AND EXISTS (SELECT 1 FROM activities AS p WHERE p.id = s.activity_id"
			" AND instr(p.search_text, :q) > 0)" : "",
		by, by, by, slot_cut, query ? " AND instr(ac.search_text, :q) > 0" : "", by, by, by, by, by, by);
	struct db_stmt *st;
	if ((r = db_prepare(db, &st, sql)) != DB_OK)
		return r;
	if (query)
		db_bind_text(st, ":q", activity_query);
	db_bind_text(st, ":day", day);
	db_bind_int(st, ":weekday", store_date_weekday(day));
	db_bind_text(st, ":monday", monday);
	db_bind_text(st, ":sunday", sunday);
	db_bind_int(st, ":max", max);
	if (cut) {
		db_bind_text(st, ":kt", key->time);
		db_bind_text(st, ":ks", sort);
		db_bind_int(st, ":ka", key->activity_id);
	}
	while (*count < max && db_step(st) == DB_ROW)
		read_session_row(st, &out[(*count)++]);
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

/* A page is read a day at a time, from the key's day on (or back), until
 * it is full: a page reads the rows of a day or two, not of the week. */
enum db_status store_attendance_sessions_page(struct db *db, const char *from, const char *to,
					      const char *activity_query, const struct session_key *key,
					      enum session_page dir, struct session_info *out, int max, int *count)
{
	*count = 0;
	/* A weekly slot falls on the activity's weekday in the week of :from
	 * (its Monday made in C), when the activity existed by then and has
	 * no session written anywhere in that week (it may have been moved). */
	char monday[STORE_DATE_LEN], sunday[STORE_DATE_LEN], first[STORE_DATE_LEN], last[STORE_DATE_LEN];
	int weekday = store_date_weekday(from);
	if (!weekday || !store_date_add(from, 1 - weekday, monday) || !store_date_add(monday, 6, sunday)
	    || !store_date_weekday(to) || strcmp(to, sunday) > 0 || strcmp(from, to) > 0)
		return DB_ERR_INVALID;
	bool back = dir == SESSIONS_BEFORE;
	/* The days the page can lie in. */
	snprintf(first, sizeof first, "%s", from);
	snprintf(last, sizeof last, "%s", to);
	if (key && !back && strcmp(key->date, first) > 0)
		snprintf(first, sizeof first, "%.10s", key->date);
	if (key && back && strcmp(key->date, last) < 0)
		snprintf(last, sizeof last, "%.10s", key->date);
	/* Back, each day's rows go before the later days' rows read so far. */
	struct session_info *day_rows = back ? malloc((size_t)max * sizeof *day_rows) : NULL;
	if (back && max > 0 && !day_rows)
		return DB_ERR_IO;
	char day[STORE_DATE_LEN];
	snprintf(day, sizeof day, "%s", back ? last : first);
	enum db_status r = DB_OK;
	while (*count < max && strcmp(day, first) >= 0 && strcmp(day, last) <= 0) {
		int got = 0;
		r = sessions_of_day(db, day, monday, sunday, activity_query, key, dir,
				    back ? day_rows : out + *count, max - *count, &got);
		if (r != DB_OK)
			break;
		if (back) {
			memmove(out + got, out, (size_t)*count * sizeof *out);
			memcpy(out, day_rows, (size_t)got * sizeof *out);
		}
		*count += got;
		char next[STORE_DATE_LEN];
		if (!store_date_add(day, back ? -1 : 1, next))
			break;
		memcpy(day, next, sizeof day);
	}
	free(day_rows);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_attendance_sessions(struct db *db, const char *from, const char *to,
				   const char *activity_query, struct session_info *out, int max,
				   int *count)
{
	return store_attendance_sessions_page(db, from, to, activity_query, NULL, SESSIONS_AFTER, out, max, count);
}

/* The session of the activity on the date, if any, inside a transaction. */
static enum db_status find_session(struct db *db, long long activity_id, const char *date, long long *id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id FROM sessions WHERE activity_id = :activity AND date = :date");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":activity", activity_id);
	db_bind_text(st, ":date", date);
	*id = db_step(st) == DB_ROW ? db_column_int(st, 0) : 0;
	return db_finalize(st);
}

enum db_status store_attendance_session_open(struct db *db, long long activity_id, const char *date,
					     long long *session_id, bool *created)
{
	*session_id = 0;
	*created = false;
	long long id = 0;
	enum db_status r = find_session(db, activity_id, date, &id);
	if (r != DB_OK || id) {
		*session_id = id;
		return r;
	}
	struct db_stmt *st;
	if ((r = db_prepare(db, &st,
			"INSERT INTO sessions(activity_id, date, start_time, end_time, status)"
			" SELECT id, :date, start_time, end_time, 'planned' FROM activities WHERE id = :activity"))
	    != DB_OK)
		return r;
	db_bind_text(st, ":date", date);
	db_bind_int(st, ":activity", activity_id);
	if ((r = store_run_changed(db, st, DB_ERR_NOTFOUND)) != DB_OK)
		return r;
	*session_id = db_last_insert_id(db);
	*created = true;
	return DB_OK;
}

enum db_status store_attendance_session_neighbour(struct db *db, long long session_id, int dir, long long *out)
{
	*out = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, dir < 0
		? "SELECT s.id FROM sessions AS s JOIN sessions AS me ON me.id = :id"
		  " WHERE s.activity_id = me.activity_id AND s.date < me.date ORDER BY s.date DESC LIMIT 1"
		: "SELECT s.id FROM sessions AS s JOIN sessions AS me ON me.id = :id"
		  " WHERE s.activity_id = me.activity_id AND s.date > me.date ORDER BY s.date LIMIT 1");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", session_id);
	if (db_step(st) == DB_ROW)
		*out = db_column_int(st, 0);
	return db_finalize(st);
}

enum db_status store_attendance_session_marks(struct db *db, long long session_id, long long *marks)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT count(*) FROM attendance WHERE session_id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", session_id);
	*marks = db_step(st) == DB_ROW ? db_column_int(st, 0) : 0;
	return db_finalize(st);
}

enum db_status store_attendance_session_cancel(struct db *db, long long session_id, const char *reason)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE sessions SET status = CASE WHEN :reason IS NULL THEN"
		"  CASE WHEN EXISTS (SELECT 1 FROM attendance WHERE session_id = :id) THEN 'held'"
		"  ELSE 'planned' END ELSE 'cancelled' END,"
		" cancel_reason = :reason, version = version + 1 WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":reason", store_or_null(reason));
	db_bind_int(st, ":id", session_id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

enum db_status store_attendance_session_clash(struct db *db, long long session_id, const char *date, bool *clash)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT count(*) FROM sessions AS s JOIN sessions AS me ON me.id = :id"
		" WHERE s.activity_id = me.activity_id AND s.date = :date AND s.id <> me.id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", session_id);
	db_bind_text(st, ":date", date);
	*clash = db_step(st) == DB_ROW && db_column_int(st, 0) > 0;
	return db_finalize(st);
}

enum db_status store_attendance_session_update(struct db *db, const struct session_edit *e)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE sessions SET date = :date, start_time = :start, end_time = :end,"
		" note = :note, led_by = :led_by, version = version + 1 WHERE id = :id AND version = :version");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":date", e->date);
	db_bind_text(st, ":start", store_or_null(e->start_time));
	db_bind_text(st, ":end", store_or_null(e->end_time));
	db_bind_text(st, ":note", store_or_null(e->note));
	store_bind_id(st, ":led_by", e->led_by);
	db_bind_int(st, ":id", e->id);
	db_bind_int(st, ":version", e->version);
	if ((r = store_run_versioned(db, st, "SELECT 1 FROM sessions WHERE id = :id", e->id)) != DB_OK)
		return r;
	if ((r = db_prepare(db, &st, "DELETE FROM session_helpers WHERE session_id = :id")) != DB_OK)
		return r;
	db_bind_int(st, ":id", e->id);
	if ((r = store_run(st)) != DB_OK)
		return r;
	if ((r = db_prepare(db, &st,
			"INSERT OR IGNORE INTO session_helpers(session_id, volunteer_id) VALUES (:id, :volunteer)"))
	    != DB_OK)
		return r;
	for (int i = 0; i < e->nhelpers && i < ATT_HELPERS; i++) {
		db_reset(st);
		db_bind_int(st, ":id", e->id);
		db_bind_int(st, ":volunteer", e->helpers[i]);
		if (db_step(st) != DB_DONE)
			break;
	}
	return db_finalize(st);
}

/* Steps a statement of (id, name) rows into `out` and finalizes it. */
static enum db_status read_volunteer_refs(struct db_stmt *st, struct volunteer_ref *out, int max, int *count)
{
	while (*count < max && db_step(st) == DB_ROW) {
		out[*count].id = db_column_int(st, 0);
		STORE_COL(out[*count].name, st, 1);
		(*count)++;
	}
	return db_finalize(st);
}

enum db_status store_attendance_session_helpers(struct db *db, long long session_id, struct volunteer_ref *out,
					  int max, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT v.id, v.name FROM session_helpers AS h JOIN volunteers AS v ON v.id = h.volunteer_id"
		" WHERE h.session_id = :id ORDER BY v.sort_key, v.id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", session_id);
	return read_volunteer_refs(st, out, max, count);
}

enum db_status store_attendance_volunteers(struct db *db, const char *query, struct volunteer_ref *out, int max,
				     int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, name FROM volunteers WHERE status <> 'stopped'"
		" AND (:q = '' OR instr(search_text, :q) > 0)"
		" ORDER BY sort_key, id LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":q", query ? query : "");
	db_bind_int(st, ":max", max);
	return read_volunteer_refs(st, out, max, count);
}

enum db_status store_attendance_activities(struct db *db, const char *query, struct activity_ref *out, int max,
				     int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, name, COALESCE(weekday, 0), COALESCE(start_time, '') FROM activities"
		" WHERE status = 'active' AND (:q = '' OR instr(search_text, :q) > 0)"
		" ORDER BY sort_key, id LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":q", query ? query : "");
	db_bind_int(st, ":max", max);
	while (*count < max && db_step(st) == DB_ROW) {
		struct activity_ref *a = &out[(*count)++];
		a->id = db_column_int(st, 0);
		STORE_COL(a->name, st, 1);
		a->weekday = (int)db_column_int(st, 2);
		STORE_COL(a->start_time, st, 3);
	}
	return db_finalize(st);
}
