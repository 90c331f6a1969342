/* store_attendance.c — the roll list of a session, marks, walk-ins and the
 * summary line. Sessions themselves are in store_attendance_sessions.c,
 * the history grid in store_attendance_history.c.
 *
 * A mark is one BEGIN IMMEDIATE transaction: the attendance row, the
 * session turning 'held', the audit row and whatever the rules from src/
 * decide (a follow-up call, a match's accompaniment milestone) commit
 * together or not at all.
 */
#include "store_attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_attendance_internal.h"

/* ---------- the roll list ---------- */

/* The session "last time" refers to: the activity's previous one that
 * was not cancelled. */
static enum db_status previous_session(struct db *db, const struct session_info *s, long long *id,
				       char date[ATT_DATE])
{
	*id = 0;
	date[0] = '\0';
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, date FROM sessions WHERE activity_id = :activity AND date < :date"
		" AND status <> 'cancelled' ORDER BY date DESC LIMIT 1");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":activity", s->activity_id);
	db_bind_text(st, ":date", s->date);
	if (db_step(st) == DB_ROW) {
		*id = db_column_int(st, 0);
		store_copy(date, ATT_DATE, db_column_text(st, 1));
	}
	return db_finalize(st);
}

/* The volunteer of the citizen's open match, the activity's first: the
 * roll list shows them, and a call after missed sessions is theirs. */
#define MATCH_VOLUNTEER(citizen) \
	"SELECT m.volunteer_id FROM matches AS m WHERE m.citizen_id = " citizen \
	" AND m.ended_on IS NULL AND m.volunteer_id IS NOT NULL" \
	" ORDER BY m.activity_id = :activity DESC, m.matched_on DESC, m.id DESC LIMIT 1"

/* Everyone on the roll: enrolments covering the date (the two halves of
 * the OR each use enrolments_activity_end) and anyone marked. The first
 * time is "never present at this activity before this date": the
 * citizen's own marks are walked until one is, so someone new costs their
 * few marks, not the activity's history, which a walk of its sessions
 * read to the end for them (ten years of weekly sessions, 500 probes,
 * again at every mark since the row is read after each). */
#define ROLL_SQL(one) \
	"WITH people AS (" \
	"  SELECT citizen_id, max(enrolment_id) AS enrolment_id FROM (" \
	"   SELECT citizen_id, id AS enrolment_id FROM enrolments" \
	"    WHERE activity_id = :activity AND ended_on IS NULL AND enrolled_on <= :date" \
	"   UNION ALL SELECT citizen_id, id FROM enrolments" \
	"    WHERE activity_id = :activity AND ended_on > :date AND enrolled_on <= :date" \
	"   UNION ALL SELECT citizen_id, NULL FROM attendance WHERE session_id = :session)" \
	"  GROUP BY citizen_id)" \
	" SELECT c.id, c.name, COALESCE(t.mark, ''), COALESCE(t.accompanied_by, 0), COALESCE(tv.name, '')," \
	"  COALESCE(t.walk_in, 0), COALESCE(p.enrolment_id, 0), COALESCE(pt.mark, '')," \
	"  COALESCE(mv.id, 0), COALESCE(mv.name, '')," \
	"  NOT EXISTS (SELECT 1 FROM attendance AS t2 CROSS JOIN sessions AS s2 ON s2.id = t2.session_id" \
	"   WHERE t2.citizen_id = c.id AND t2.mark = 'present'" \
	"    AND s2.activity_id = :activity AND s2.date < :date)," \
	"  c.needs_intake = 1 AND NOT EXISTS (SELECT 1 FROM assessments AS a WHERE a.citizen_id = c.id)," \
	"  EXISTS (SELECT 1 FROM follow_ups AS f WHERE f.citizen_id = c.id AND f.status = 'open'" \
	"   AND f.reason = 'missed_sessions'), " STORE_APART("c") \
	" FROM people AS p JOIN citizens AS c ON c.id = p.citizen_id" \
	" LEFT JOIN attendance AS t ON t.session_id = :session AND t.citizen_id = c.id" \
	" LEFT JOIN volunteers AS tv ON tv.id = t.accompanied_by" \
	" LEFT JOIN attendance AS pt ON pt.session_id = :previous AND pt.citizen_id = c.id" \
	" LEFT JOIN volunteers AS mv ON mv.id = (" MATCH_VOLUNTEER("c.id") ")" \
	one \
	" ORDER BY c.sort_key, c.name_fold, c.id"
static const char roll_sql[] = ROLL_SQL("");
/* One person's row, read again after their mark: a list of forty at a
 * large centre reads some 700 pages, more than SQLite's cache holds, and
 * read after every mark it read them all from the system (1 ms). */
static const char roll_entry_sql[] = ROLL_SQL(" WHERE p.citizen_id = :citizen");

static void read_roll_row(struct db_stmt *st, struct roll_entry *e)
{
	memset(e, 0, sizeof *e);
	e->citizen_id = db_column_int(st, 0);
	STORE_COL(e->name, st, 1);
	STORE_COL(e->mark, st, 2);
	e->accompanied_by = db_column_int(st, 3);
	STORE_COL(e->companion, st, 4);
	e->walk_in = db_column_int(st, 5) != 0;
	e->enrolment_id = db_column_int(st, 6);
	STORE_COL(e->last_mark, st, 7);
	e->match_volunteer = db_column_int(st, 8);
	STORE_COL(e->match_volunteer_name, st, 9);
	e->first_time = db_column_int(st, 10) != 0;
	e->needs_intake = db_column_int(st, 11) != 0;
	e->call_planned = db_column_int(st, 12) != 0;
	store_read_apart(st, 13, &e->apart);
}

/* Binds what the list and one row of it both ask. */
static void bind_roll(struct db_stmt *st, const struct session_info *s, long long previous)
{
	db_bind_int(st, ":activity", s->activity_id);
	db_bind_text(st, ":date", s->date);
	db_bind_int(st, ":session", s->id);
	db_bind_int(st, ":previous", previous);
}

static enum db_status read_roll(struct db *db, long long session_id, struct roll *out)
{
	enum db_status r = store_att_session_read(db, session_id, &out->session);
	if (r != DB_OK)
		return r;
	long long previous;
	if ((r = previous_session(db, &out->session, &previous, out->previous_date)) != DB_OK)
		return r;
	/* The session's own count is the size to expect; a little slack
	 * covers a second desk adding someone in between. */
	int cap = out->session.roll + 8;
	out->entries = calloc((size_t)cap, sizeof *out->entries);
	if (!out->entries)
		return DB_ERR_IO;
	struct db_stmt *st;
	if ((r = db_prepare(db, &st, roll_sql)) != DB_OK)
		return r;
	bind_roll(st, &out->session, previous);
	while (db_step(st) == DB_ROW) {
		if (out->count == cap) {
			struct roll_entry *more = realloc(out->entries, (size_t)cap * 2 * sizeof *more);
			if (!more)
				break;
			out->entries = more;
			cap *= 2;
		}
		read_roll_row(st, &out->entries[out->count++]);
	}
	return db_finalize(st);
}

enum db_status store_attendance_roll(struct db *db, long long session_id, struct roll *out)
{
	memset(out, 0, sizeof *out);
	/* One read transaction: the session and its list are one snapshot. */
	enum db_status r = db_begin_read(db);
	if (r != DB_OK)
		return r;
	r = db_end(db, read_roll(db, session_id, out));
	if (r != DB_OK)
		store_attendance_roll_free(out);
	return r;
}

enum db_status store_attendance_roll_entry(struct db *db, const struct session_info *s, long long citizen_id,
					   struct roll_entry *out)
{
	/* One snapshot, as the list's. */
	enum db_status r = db_begin_read(db);
	if (r != DB_OK)
		return r;
	long long previous;
	char previous_date[ATT_DATE];
	struct db_stmt *st;
	r = previous_session(db, s, &previous, previous_date);
	if (r != DB_OK || (r = db_prepare(db, &st, roll_entry_sql)) != DB_OK)
		return db_end(db, r);
	bind_roll(st, s, previous);
	db_bind_int(st, ":citizen", citizen_id);
	enum db_status step = db_step(st);
	if (step == DB_ROW)
		read_roll_row(st, out);
	if ((r = db_finalize(st)) == DB_OK && step != DB_ROW)
		r = DB_ERR_NOTFOUND;
	return db_end(db, r);
}

void store_attendance_roll_free(struct roll *r)
{
	free(r->entries);
	r->entries = NULL;
	r->count = 0;
}


/* ---------- marking: the pieces the use case (src/attendance.c) puts
 * together in one transaction ---------- */

/* The statements of one mark, prepared ahead by store_attendance_warm. */
/* The enrolment covering the date (the latest, as max(id) over both): the
 * current one from its unique index, and one ended after the date from
 * the activity's; one subquery with OR was planned as a multi-index OR
 * whose row set cost a mark twice the two lookups. 0 when none. */
#define ENROLMENT_AT(activity, date) \
	"max(COALESCE((SELECT id FROM enrolments WHERE citizen_id = :citizen" \
	"   AND activity_id = " activity " AND ended_on IS NULL AND enrolled_on <= " date "), 0)," \
	"  COALESCE((SELECT max(id) FROM enrolments WHERE activity_id = " activity \
	"   AND citizen_id = :citizen AND ended_on > " date " AND enrolled_on <= " date "), 0))"
#define ENROLMENT_ON(date) ENROLMENT_AT(":activity", date)
/* The session's own row only, not store_att_session_read: its counts of
 * the roll list (a UNION over the activity's enrolments) were a third of
 * a mark's reading, and grow with the activity. With the citizen's
 * enrolment in one statement: each statement run costs a mark some 4,000
 * instructions however little it reads. */
static const char mark_context_sql[] =
	"SELECT s.activity_id, s.date, s.status, " ENROLMENT_AT("s.activity_id", "s.date") ","
	" EXISTS (SELECT 1 FROM citizens WHERE id = :citizen) FROM sessions AS s WHERE s.id = :id";
/* Read only for a call due and consented to: its sort (a temporary
 * b-tree set up and taken down) was a sixth of what a mark's context cost. */
static const char responsible_sql[] = MATCH_VOLUNTEER(":citizen");
/* The citizen's latest marks at the activity, back to the newest present.
 * First the activity's last WALK_FIRST sessions, each with the citizen's
 * mark if any: a regular's run ends at a present a week or two back, and
 * the walk with it. Only when that ends nowhere (a newcomer, someone
 * long away) is the walk taken from the shorter side: the activity's
 * sessions back from the date would run through its whole history for
 * a newcomer (five years: 275 sessions, 96 pages read, a mark of 0.8 ms
 * where the others took 0.3), so a citizen with few marks anywhere has
 * them read and sorted instead (the CROSS JOIN keeps that order on
 * SQLite); reading all of them costs no more than a regular's walk.
 * Asking first whether the marks are few was a sixth of a mark's work. */
enum { WALK_FIRST = 24 };
static const char recent_walk_sql[] =
	"SELECT t.mark, t.accompanied_by IS NOT NULL FROM sessions AS s"
	" LEFT JOIN attendance AS t ON t.session_id = s.id AND t.citizen_id = :citizen"
	" WHERE s.activity_id = :activity AND s.date <= :date AND s.status <> 'cancelled'"
	" ORDER BY s.date DESC LIMIT :walk";
enum { FEW_MARKS = 48 };
static const char few_marks_sql[] =
	"SELECT count(*) FROM (SELECT 1 FROM attendance WHERE citizen_id = :citizen LIMIT :few) AS m";
static const char recent_marks_sql[] =
	"SELECT t.mark, t.accompanied_by IS NOT NULL FROM sessions AS s"
	" JOIN attendance AS t ON t.session_id = s.id AND t.citizen_id = :citizen"
	" WHERE s.activity_id = :activity AND s.date <= :date AND s.status <> 'cancelled'"
	" ORDER BY s.date DESC LIMIT :max";
static const char recent_few_marks_sql[] =
	"SELECT t.mark, t.accompanied_by IS NOT NULL FROM attendance AS t CROSS JOIN sessions AS s"
	" WHERE s.id = t.session_id AND t.citizen_id = :citizen"
	"  AND s.activity_id = :activity AND s.date <= :date AND s.status <> 'cancelled'"
	" ORDER BY s.date DESC LIMIT :max";
static const char later_marks_sql[] =
	"SELECT s.id, " ENROLMENT_ON("s.date") ", s.date, t.mark FROM sessions AS s"
	" JOIN attendance AS t ON t.session_id = s.id AND t.citizen_id = :citizen"
	" WHERE s.activity_id = :activity AND s.date > :date AND s.date <= :today AND s.status <> 'cancelled'"
	" ORDER BY s.date LIMIT :max";
static const char clear_mark_sql[] = "DELETE FROM attendance WHERE session_id = :session AND citizen_id = :citizen";
static const char write_mark_sql[] =
	"INSERT INTO attendance(session_id, citizen_id, mark, accompanied_by, walk_in,"
	" marked_at, marked_by)"
	" VALUES (:session, :citizen, :mark, :companion, :walk_in, :now, :user)"
	" ON CONFLICT(session_id, citizen_id) DO UPDATE SET mark = excluded.mark,"
	"  accompanied_by = excluded.accompanied_by,"
	"  walk_in = CASE WHEN :keep = 1 THEN attendance.walk_in ELSE excluded.walk_in END,"
	"  marked_at = excluded.marked_at, marked_by = excluded.marked_by";
static const char current_mark_sql[] =
	"SELECT t.mark, COALESCE(t.marked_at, ''), COALESCE(u.name, '') FROM attendance AS t"
	" LEFT JOIN users AS u ON u.id = t.marked_by"
	" WHERE t.session_id = :session AND t.citizen_id = :citizen";
static const char set_held_sql[] = "UPDATE sessions SET status = 'held' WHERE id = :id";
static const char set_planned_sql[] = "UPDATE sessions SET status = 'planned' WHERE id = :id";
static const char matches_sql[] =
	"SELECT id, COALESCE(activity_id, 0), matched_on, COALESCE(ended_on, ''),"
	" COALESCE(accompaniment_done_on, '') FROM matches WHERE citizen_id = :citizen ORDER BY id";
/* The day of the first session the citizen came to after the match,
 * at the match's activity (any, for a volunteer only). */
#define FIRST_PRESENT_SINCE_MATCH \
	"(SELECT min(s.date) FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id" \
	"  WHERE t.citizen_id = matches.citizen_id AND t.mark = 'present'" \
	"   AND s.status <> 'cancelled' AND s.date >= matches.matched_on" \
	"   AND (matches.activity_id IS NULL OR s.activity_id = matches.activity_id))"
/* This session, or an earlier visit the record holds but the match never
 * got (then nothing is reached today, it is only put right). */
static const char accompaniment_done_sql[] =
	"UPDATE matches SET accompaniment_done_on = min(:date, COALESCE(" FIRST_PRESENT_SINCE_MATCH ", :date))"
	" WHERE id = :id RETURNING accompaniment_done_on = :date";
static const char accompaniment_recompute_sql[] =
	"UPDATE matches SET accompaniment_done_on = " FIRST_PRESENT_SINCE_MATCH
	" WHERE citizen_id = :citizen AND accompaniment_done_on = :date";

/* The pages a mark of this person at this session writes: the mark's
 * row and its place in the citizen's index, the session's row, and the
 * last pages of the audit log and of its two indexes, where the mark's
 * audit line goes. */
static const char mark_pages_sql[] =
	"SELECT (SELECT mark FROM attendance WHERE session_id = :session AND citizen_id = :citizen),"
	" (SELECT max(session_id) FROM attendance WHERE citizen_id = :citizen AND session_id <= :session),"
	" (SELECT status FROM sessions WHERE id = :session), (SELECT max(id) FROM audit_log),"
	" (SELECT max(at) FROM audit_log),"
	" (SELECT max(id) FROM audit_log WHERE entity = 'citizen' AND entity_id = :citizen)";

enum db_status store_attendance_read_mark_pages(struct db *db, long long session_id, long long citizen_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, mark_pages_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":session", session_id);
	db_bind_int(st, ":citizen", citizen_id);
	db_step(st);
	return db_finalize(st);
}

void store_attendance_warm(struct db *db)
{
	static const char *const all[] = {
		mark_context_sql, responsible_sql, few_marks_sql, recent_walk_sql, recent_marks_sql,
		recent_few_marks_sql, later_marks_sql, clear_mark_sql, write_mark_sql, current_mark_sql, set_held_sql,
		set_planned_sql, matches_sql, accompaniment_done_sql, accompaniment_recompute_sql,
	};
	store_warm(db, all, (int)(sizeof all / sizeof all[0]));
}

enum db_status store_attendance_mark_context(struct db *db, long long session_id, long long citizen_id,
					     struct mark_context *cx)
{
	memset(cx, 0, sizeof *cx);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, mark_context_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", session_id);
	db_bind_int(st, ":citizen", citizen_id);
	bool exists = false;
	if (db_step(st) == DB_ROW) {
		cx->session.id = session_id;
		cx->session.activity_id = db_column_int(st, 0);
		STORE_COL(cx->session.date, st, 1);
		STORE_COL(cx->session.status, st, 2);
		cx->enrolment_id = db_column_int(st, 3);
		exists = db_column_int(st, 4) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	return cx->session.id && exists ? DB_OK : DB_ERR_NOTFOUND;
}

enum db_status store_attendance_responsible(struct db *db, long long citizen_id, long long activity_id,
					    long long *volunteer_id)
{
	*volunteer_id = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, responsible_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_int(st, ":activity", activity_id);
	if (db_step(st) == DB_ROW)
		*volunteer_id = db_column_int(st, 0);
	return db_finalize(st);
}

enum db_status store_attendance_few_marks(struct db *db, long long citizen_id, bool *few)
{
	*few = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, few_marks_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_int(st, ":few", FEW_MARKS);
	*few = db_step(st) == DB_ROW && db_column_int(st, 0) < FEW_MARKS;
	return db_finalize(st);
}

/* Reads the marks of `st` (a row without one is a session the citizen
 * has no mark at) until the newest present or `max`: then *complete. */
static enum db_status read_marks(struct db_stmt *st, struct attendance_past *out, int max, int *n, int *rows,
				 bool *complete)
{
	*n = *rows = 0;
	*complete = false;
	while (!*complete && db_step(st) == DB_ROW) {
		(*rows)++;
		if (db_column_is_null(st, 0))
			continue;
		out[*n].mark = db_column_text(st, 0)[0];
		out[*n].accompanied = db_column_int(st, 1) != 0;
		*complete = out[(*n)++].mark == 'p' || *n == max;
	}
	return db_finalize(st);
}

static enum db_status prepare_look_back(struct db *db, struct db_stmt **st, const char *sql,
					const struct mark_context *cx, long long citizen_id)
{
	enum db_status r = db_prepare(db, st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(*st, ":citizen", citizen_id);
	db_bind_int(*st, ":activity", cx->session.activity_id);
	db_bind_text(*st, ":date", cx->session.date);
	return DB_OK;
}

enum db_status store_attendance_recent_marks(struct db *db, const struct mark_context *cx, long long citizen_id,
					     struct attendance_past *out, int max, int *n)
{
	struct db_stmt *st;
	int rows;
	bool complete, few;
	enum db_status r = prepare_look_back(db, &st, recent_walk_sql, cx, citizen_id);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":walk", WALK_FIRST);
	if ((r = read_marks(st, out, max, n, &rows, &complete)) != DB_OK || complete || rows < WALK_FIRST)
		return r;
	if ((r = store_attendance_few_marks(db, citizen_id, &few)) != DB_OK
	    || (r = prepare_look_back(db, &st, few ? recent_few_marks_sql : recent_marks_sql, cx, citizen_id)) != DB_OK)
		return r;
	db_bind_int(st, ":max", max);
	return read_marks(st, out, max, n, &rows, &complete);
}

enum db_status store_attendance_later_marks(struct db *db, const struct mark_context *cx, long long citizen_id,
					    const char *today, struct attendance_later *out, int max, int *n,
					    bool *came_since)
{
	*n = 0;
	*came_since = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, later_marks_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_int(st, ":activity", cx->session.activity_id);
	db_bind_text(st, ":date", cx->session.date);
	db_bind_text(st, ":today", today);
	db_bind_int(st, ":max", max);
	while (*n < max && db_step(st) == DB_ROW) {
		struct attendance_later *l = &out[*n];
		l->mark = db_column_text(st, 3)[0];
		*came_since = l->mark == 'p';
		if (*came_since)
			break;
		l->session_id = db_column_int(st, 0);
		l->enrolment_id = db_column_int(st, 1);
		snprintf(l->date, sizeof l->date, "%s", db_column_text(st, 2));
		(*n)++;
	}
	return db_finalize(st);
}

enum db_status store_attendance_write_mark(struct db *db, const struct attendance_write *w)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, w->mark ? write_mark_sql : clear_mark_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":session", w->session_id);
	db_bind_int(st, ":citizen", w->citizen_id);
	if (w->mark) {
		db_bind_text(st, ":mark", w->mark);
		store_bind_id(st, ":companion", w->accompanied_by);
		db_bind_int(st, ":walk_in", w->walk_in);
		db_bind_int(st, ":keep", w->keep_walk_in);
		db_bind_text(st, ":now", w->now);
		store_bind_id(st, ":user", w->by);
	}
	return store_run(st);
}

enum db_status store_attendance_current_mark(struct db *db, long long session_id, long long citizen_id,
					     struct mark_outcome *out)
{
	out->other_mark[0] = out->other_by[0] = out->other_at[0] = '\0';
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, current_mark_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":session", session_id);
	db_bind_int(st, ":citizen", citizen_id);
	if (db_step(st) == DB_ROW) {
		STORE_COL(out->other_mark, st, 0);
		STORE_COL(out->other_at, st, 1);
		STORE_COL(out->other_by, st, 2);
	}
	return db_finalize(st);
}

static enum db_status set_status(struct db *db, const char *sql, long long session_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", session_id);
	return store_run(st);
}

enum db_status store_attendance_set_held(struct db *db, long long session_id)
{
	return set_status(db, set_held_sql, session_id);
}

enum db_status store_attendance_set_planned(struct db *db, long long session_id)
{
	return set_status(db, set_planned_sql, session_id);
}

enum db_status store_attendance_matches(struct db *db, long long citizen_id, struct attendance_match *out,
					int max, int *n)
{
	*n = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, matches_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	while (*n < max && db_step(st) == DB_ROW) {
		struct attendance_match *m = &out[(*n)++];
		m->id = db_column_int(st, 0);
		m->activity_id = db_column_int(st, 1);
		STORE_COL(m->matched_on, st, 2);
		STORE_COL(m->ended_on, st, 3);
		STORE_COL(m->accompaniment_done_on, st, 4);
	}
	return db_finalize(st);
}

enum db_status store_attendance_accompaniment_done(struct db *db, long long match_id, const char *date,
						   bool *reached)
{
	*reached = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, accompaniment_done_sql);
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":date", date);
	db_bind_int(st, ":id", match_id);
	if (db_step(st) == DB_ROW)
		*reached = db_column_int(st, 0) != 0;
	while (db_step(st) == DB_ROW)
		;
	return db_finalize(st);
}

enum db_status store_attendance_accompaniment_recompute(struct db *db, long long citizen_id, const char *date,
							bool *changed)
{
	*changed = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, accompaniment_recompute_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":date", date);
	if ((r = store_run(st)) == DB_OK)
		*changed = db_changes(db) > 0;
	return r;
}

enum db_status store_attendance_places(struct db *db, long long activity_id, long long citizen_id,
				       struct enrol_places *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT a.capacity, (SELECT count(*) FROM enrolments AS e WHERE e.activity_id = a.id AND e.ended_on IS NULL),"
		" EXISTS (SELECT 1 FROM enrolments AS e WHERE e.activity_id = a.id AND e.citizen_id = :citizen"
		"  AND e.ended_on IS NULL)"
		" FROM activities AS a WHERE a.id = :activity");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":activity", activity_id);
	db_bind_int(st, ":citizen", citizen_id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		out->capacity = (int)db_column_int(st, 0);
		out->enrolled = (int)db_column_int(st, 1);
		out->already = db_column_int(st, 2) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	return step == DB_ROW ? DB_OK : DB_ERR_NOTFOUND;
}

enum db_status store_attendance_enrol(struct db *db, long long citizen_id, long long activity_id, const char *date,
				      bool *added)
{
	*added = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO enrolments(citizen_id, activity_id, enrolled_on)"
		" SELECT :citizen, :activity, :date WHERE NOT EXISTS (SELECT 1 FROM enrolments"
		"  WHERE citizen_id = :citizen AND activity_id = :activity AND ended_on IS NULL)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_int(st, ":activity", activity_id);
	db_bind_text(st, ":date", date);
	if ((r = store_run(st)) == DB_OK)
		*added = db_changes(db) > 0;
	return r;
}

enum db_status store_attendance_new_person(struct db *db, const struct new_person *p, long long *citizen_id)
{
	*citizen_id = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO citizens(name, phone, needs_intake, created_at, updated_at, sort_key, family_key,"
		" name_keys, name_fold, search_other, phone_digits)"
		" VALUES (:name, :phone, 1, :now, :now, :sort_key, :family_key, :name_keys, :name_fold,"
		" :search_other, :phone_digits)");
	if (r != DB_OK)
		return r;
	store_bind_citizen_keys(st, p->keys);
	db_bind_text(st, ":name", p->name);
	db_bind_text(st, ":phone", store_or_null(p->phone));
	db_bind_text(st, ":now", p->now);
	if ((r = store_run(st)) != DB_OK)
		return r;
	long long id = db_last_insert_id(db);
	/* They came by themselves: a self-referral, counted as any other,
	 * with their consent to being written down. */
	static const char *const self_referral[] = {
		"INSERT INTO referrals(citizen_id, referred_on, source, created_at, created_by)"
		" VALUES (:citizen, :today, 'self', :now, :user)",
		"INSERT INTO consents(citizen_id, purpose, given_on, recorded_by)"
		" VALUES (:citizen, 'registration', :today, :user)",
	};
	for (size_t i = 0; i < sizeof self_referral / sizeof self_referral[0]; i++) {
		if ((r = db_prepare(db, &st, self_referral[i])) != DB_OK)
			return r;
		db_bind_int(st, ":citizen", id);
		db_bind_text(st, ":today", p->today);
		store_bind_id(st, ":user", p->by);
		if (i == 0)
			db_bind_text(st, ":now", p->now);
		if ((r = store_run(st)) != DB_OK)
			return r;
	}
	*citizen_id = id;
	return DB_OK;
}
