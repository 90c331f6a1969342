/* store_calls.c — the call list, the call card, and the pieces calls are
 * written with: planned by the rules, recorded with an outcome and a next
 * step, cancelled, raised to the coordinator. All inside the caller's
 * transaction (store_calls.h). */
#include "store_calls.h"

#include <stdio.h>
#include <string.h>

#include "store_attendance.h"
#include "store_calls_internal.h"
#include "store_citizens_internal.h"

/* ---------- the list ---------- */

enum db_status store_calls_counts(struct db *db, const char *today, const char *until, struct call_counts *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT"
		" (SELECT count(*) FROM (SELECT 1 FROM follow_ups WHERE status = 'open' AND due_on <= :today"
		"   LIMIT " STORE_COUNT_CAP ")),"
		" (SELECT count(*) FROM (SELECT 1 FROM follow_ups WHERE status = 'open' AND due_on < :today"
		"   LIMIT " STORE_COUNT_CAP ")),"
		" (SELECT count(*) FROM (SELECT 1 FROM follow_ups WHERE status = 'open' AND due_on > :today"
		"   AND due_on <= :until LIMIT " STORE_COUNT_CAP ")),"
		" (SELECT count(*) FROM (SELECT 1 FROM call_escalations WHERE resolved_on IS NULL LIMIT " STORE_COUNT_CAP "))");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":today", today);
	db_bind_text(st, ":until", until);
	if (db_step(st) == DB_ROW) {
		out->due = db_column_int(st, 0);
		out->overdue = db_column_int(st, 1);
		out->week = db_column_int(st, 2);
		out->escalated = db_column_int(st, 3);
	}
	return db_finalize(st);
}

/* The number to dial: the referrer's for feedback (the latest referral,
 * as the call's card), the relative's for their support, else the
 * citizen's. */
#define CALL_ROW_PHONE \
	"COALESCE(CASE f.reason WHEN 'referrer_feedback' THEN (SELECT r.referrer_phone FROM referrals AS r" \
	"  WHERE r.citizen_id = f.citizen_id ORDER BY r.referred_on DESC, r.id DESC LIMIT 1)" \
	" WHEN 'relative_support' THEN (SELECT k.phone FROM relatives AS k WHERE k.citizen_id = f.citizen_id" \
	"  AND k.takes_part = 1 ORDER BY k.id LIMIT 1) ELSE c.phone END, '')"
#define CALL_ROW_COLUMNS \
	"f.id, f.citizen_id, c.name, " CALL_ROW_PHONE ", f.reason, f.due_on, COALESCE(f.due_time, '')," \
	" COALESCE(f.responsible, 0), COALESCE(v.name, ''), COALESCE(f.source_key, ''), c.status = 'ended'," \
	" EXISTS (SELECT 1 FROM call_escalations AS x WHERE x.citizen_id = f.citizen_id" \
	"  AND x.resolved_on IS NULL), COALESCE(c.sort_key, ''), " STORE_APART("c")

enum { CALL_ROW_NCOLUMNS = 17 };

static void read_call_row(struct db_stmt *st, struct call_row *c)
{
	c->id = db_column_int(st, 0);
	c->citizen_id = db_column_int(st, 1);
	STORE_COL(c->name, st, 2);
	STORE_COL(c->phone, st, 3);
	STORE_COL(c->reason, st, 4);
	STORE_COL(c->due_on, st, 5);
	STORE_COL(c->due_time, st, 6);
	c->responsible = db_column_int(st, 7);
	STORE_COL(c->responsible_name, st, 8);
	STORE_COL(c->source_key, st, 9);
	c->citizen_ended = db_column_int(st, 10) != 0;
	c->escalated = db_column_int(st, 11) != 0;
	STORE_COL(c->sort_key, st, 12);
	store_read_apart(st, 13, &c->apart);
}

/* The list's order, as one row value: keyset paging compares with it. */
#define CALL_ORDER "f.due_on, f.due_time IS NULL, COALESCE(f.due_time, ''), COALESCE(c.sort_key, ''), f.id"

enum db_status store_calls_list(struct db *db, const char *until, const char *query, const struct call_row *after,
			  int limit, struct call_row *out, int *count)
{
	*count = 0;
	bool filter = query && *query;
	char sql[1600];
	snprintf(sql, sizeof sql,
		 "SELECT " CALL_ROW_COLUMNS " FROM follow_ups AS f INDEXED BY follow_ups_due"
		 " JOIN citizens AS c ON c.id = f.citizen_id"
		 " LEFT JOIN volunteers AS v ON v.id = f.responsible"
		 " WHERE f.status = 'open' AND f.due_on <= :until%s%s"
		 " ORDER BY " CALL_ORDER " LIMIT :limit",
		 filter ? " AND instr(c.name_fold, :query) > 0" : "",
		 after ? " AND f.due_on >= :a_due AND (" CALL_ORDER ") > (:a_due, :a_untimed, :a_time, :a_key, :a_id)"
		       : "");
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":until", until);
	if (filter)
		db_bind_text(st, ":query", query);
	if (after) {
		db_bind_text(st, ":a_due", after->due_on);
		db_bind_int(st, ":a_untimed", after->due_time[0] == '\0');
		db_bind_text(st, ":a_time", after->due_time);
		db_bind_text(st, ":a_key", after->sort_key);
		db_bind_int(st, ":a_id", after->id);
	}
	db_bind_int(st, ":limit", limit);
	while (*count < limit && db_step(st) == DB_ROW)
		read_call_row(st, &out[(*count)++]);
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

/* ---------- raised to the coordinator ---------- */

enum db_status store_calls_escalations(struct db *db, struct call_escalation *out, int max, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT x.id, x.citizen_id, COALESCE(x.follow_up_id, 0), c.name, COALESCE(c.phone, ''),"
		" x.raised_on, x.attempts, " STORE_APART("c")
		" FROM call_escalations AS x JOIN citizens AS c ON c.id = x.citizen_id"
		" WHERE x.resolved_on IS NULL ORDER BY x.raised_on, c.sort_key, x.id");
	if (r != DB_OK)
		return r;
	while (*count < max && db_step(st) == DB_ROW) {
		struct call_escalation *e = &out[(*count)++];
		e->id = db_column_int(st, 0);
		e->citizen_id = db_column_int(st, 1);
		e->follow_up_id = db_column_int(st, 2);
		STORE_COL(e->name, st, 3);
		STORE_COL(e->phone, st, 4);
		STORE_COL(e->raised_on, st, 5);
		e->attempts = (int)db_column_int(st, 6);
		store_read_apart(st, 7, &e->apart);
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_calls_escalation_open(struct db *db, long long citizen_id, bool *open)
{
	*open = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT EXISTS (SELECT 1 FROM call_escalations WHERE citizen_id = :citizen AND resolved_on IS NULL)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	if (db_step(st) == DB_ROW)
		*open = db_column_int(st, 0) != 0;
	return db_finalize(st);
}

enum db_status store_calls_escalation_raise(struct db *db, long long citizen_id, long long follow_up_id,
					    int attempts, const char *today, db_user_id by, long long *id)
{
	*id = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO call_escalations(citizen_id, follow_up_id, raised_on, attempts, raised_by)"
		" VALUES (:citizen, :call, :today, :attempts, :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	store_bind_id(st, ":call", follow_up_id);
	db_bind_text(st, ":today", today);
	db_bind_int(st, ":attempts", attempts < 1 ? 1 : attempts);
	store_bind_id(st, ":user", by);
	if ((r = store_run(st)) == DB_OK)
		*id = db_last_insert_id(db);
	return r;
}

enum db_status store_calls_escalation_resolve(struct db *db, long long citizen_id, const char *today,
					      const char *resolution, db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE call_escalations SET resolved_on = max(raised_on, :today), resolved_by = :user,"
		" resolution = :resolution WHERE citizen_id = :citizen AND resolved_on IS NULL");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":today", today);
	store_bind_id(st, ":user", by);
	db_bind_text(st, ":resolution", store_or_null(resolution));
	db_bind_int(st, ":citizen", citizen_id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

/* ---------- the call card ---------- */

enum db_status store_calls_recent_outcomes(struct db *db, long long citizen_id, struct call_past *out, int max,
					   int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT COALESCE(outcome, ''), reason FROM follow_ups WHERE citizen_id = :citizen AND status = 'done'"
		" ORDER BY done_at DESC, id DESC LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_int(st, ":max", max);
	while (*count < max && db_step(st) == DB_ROW) {
		STORE_COL(out[*count].outcome, st, 0);
		STORE_COL(out[*count].reason, st, 1);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

static enum db_status card_main(struct db *db, long long call_id, struct call_card *out)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT " CALL_ROW_COLUMNS ", f.status, COALESCE(f.outcome, ''), COALESCE(f.note, ''),"
		" COALESCE(f.next_step, ''), c.version, COALESCE(CAST(c.birth_year AS TEXT), ''), COALESCE(c.contact_pref, '')"
		" FROM follow_ups AS f JOIN citizens AS c ON c.id = f.citizen_id"
		" LEFT JOIN volunteers AS v ON v.id = f.responsible WHERE f.id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", call_id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		read_call_row(st, &out->call);
		/* After the list's columns (read_call_row). */
		enum { AFTER = CALL_ROW_NCOLUMNS };
		STORE_COL(out->status, st, AFTER);
		STORE_COL(out->outcome, st, AFTER + 1);
		STORE_COL(out->note, st, AFTER + 2);
		STORE_COL(out->next_step, st, AFTER + 3);
		out->citizen_version = db_column_int(st, AFTER + 4);
		STORE_COL(out->birth_year, st, AFTER + 5);
		STORE_COL(out->contact_pref, st, AFTER + 6);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	return step == DB_ROW ? DB_OK : DB_ERR_NOTFOUND;
}

static enum db_status card_people(struct db *db, struct call_card *out)
{
	long long citizen = out->call.citizen_id;
	struct db_stmt *st;
	enum db_status r = store_citizens_read_relative(db, citizen, &out->relative);
	if (r != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT r.id, r.source, COALESCE(r.referrer_name, ''), COALESCE(r.referrer_org, ''),"
			" COALESCE(r.referrer_phone, ''), " CALLS_FEEDBACK_CONSENT("r") ","
			" COALESCE((SELECT max(given_on) FROM referrer_feedback WHERE referral_id = r.id), '')"
			" FROM referrals AS r WHERE r.citizen_id = :citizen"
			" ORDER BY r.referred_on DESC, r.id DESC LIMIT 1")) != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen);
	if (db_step(st) == DB_ROW) {
		out->referral_id = db_column_int(st, 0);
		STORE_COL(out->referral_source, st, 1);
		STORE_COL(out->referrer_name, st, 2);
		STORE_COL(out->referrer_org, st, 3);
		STORE_COL(out->referrer_phone, st, 4);
		out->feedback_consent = db_column_int(st, 5) != 0;
		STORE_COL(out->feedback_last_on, st, 6);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT count(*), COALESCE(max(volunteer_id IS NOT NULL AND accompaniment_done_on IS NULL), 0)"
			" FROM matches WHERE citizen_id = :citizen AND ended_on IS NULL")) != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen);
	if (db_step(st) == DB_ROW) {
		out->open_matches = (int)db_column_int(st, 0);
		out->accompanied = db_column_int(st, 1) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT raised_on FROM call_escalations WHERE citizen_id = :citizen AND resolved_on IS NULL")) != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen);
	if (db_step(st) == DB_ROW)
		STORE_COL(out->escalated_on, st, 0);
	return db_finalize(st);
}

/* What the source key points at: the match, the missed session, the call
 * that agreed this one, or the last contact before a silence. */
static enum db_status card_why(struct db *db, struct call_card *out)
{
	const char *key = out->call.source_key;
	long long a = 0, b = 0;
	const char *sql = NULL;
	if (sscanf(key, "match:%lld", &a) == 1 || sscanf(key, "first_session:%lld", &a) == 1)
		sql = "SELECT COALESCE(ac.name, ''), COALESCE(v.name, ''),"
		      " CASE WHEN :first THEN COALESCE((SELECT s.date FROM sessions AS s WHERE s.id = m.first_session_id),"
		      "  (SELECT min(s.date) FROM sessions AS s WHERE s.activity_id = m.activity_id"
		      "   AND s.date >= m.matched_on AND s.status <> 'cancelled'), m.matched_on)"
		      "  ELSE m.matched_on END, ''"
		      " FROM matches AS m LEFT JOIN activities AS ac ON ac.id = m.activity_id"
		      " LEFT JOIN volunteers AS v ON v.id = m.volunteer_id WHERE m.id = :a";
	else if (sscanf(key, "missed:%lld:%lld", &a, &b) == 2)
		sql = "SELECT ac.name, '', (SELECT date FROM sessions WHERE id = :b), ''"
		      " FROM enrolments AS e JOIN activities AS ac ON ac.id = e.activity_id WHERE e.id = :a";
	else if (sscanf(key, "agreed:%lld", &a) == 1)
		sql = "SELECT '', '', COALESCE(date(done_at), due_on), COALESCE(note, '') FROM follow_ups WHERE id = :a";
	else if (sscanf(key, "referral:%lld", &a) == 1)
		sql = "SELECT '', '', referred_on, '' FROM referrals WHERE id = :a";
	enum db_status r;
	struct db_stmt *st;
	if (sql) {
		if ((r = db_prepare(db, &st, sql)) != DB_OK)
			return r;
		db_bind_int(st, ":a", a);
		if (strstr(sql, ":b"))
			db_bind_int(st, ":b", b);
		if (strstr(sql, ":first"))
			db_bind_int(st, ":first", strncmp(key, "first_session:", 14) == 0);
		if (db_step(st) == DB_ROW) {
			STORE_COL(out->why_activity, st, 0);
			STORE_COL(out->why_volunteer, st, 1);
			STORE_COL(out->why_date, st, 2);
			STORE_COL(out->why_text, st, 3);
		}
		if ((r = db_finalize(st)) != DB_OK)
			return r;
	}
	if (strcmp(out->call.reason, "no_contact") != 0)
		return DB_OK;
	/* The last contact before this call was planned. */
	if ((r = db_prepare(db, &st, "SELECT " CALLS_LAST_CONTACT(":citizen"))) != DB_OK)
		return r;
	db_bind_int(st, ":citizen", out->call.citizen_id);
	if (db_step(st) == DB_ROW)
		STORE_COL(out->last_contact_on, st, 0);
	return db_finalize(st);
}

/* The card's last marks at an activity; join is "CROSS JOIN" to walk
 * the citizen's own marks, "JOIN" to let SQLite walk the activity's. */
#define CARD_MARKS_SQL(join) \
	"SELECT s.date, t.mark FROM attendance AS t " join " sessions AS s ON s.id = t.session_id" \
	" WHERE t.citizen_id = :citizen AND s.activity_id = :activity ORDER BY s.date DESC LIMIT :max"

static enum db_status card_history(struct db *db, long long call_id, struct call_card *out)
{
	long long citizen = out->call.citizen_id;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT day, who, outcome, reason, body FROM ("
		" SELECT n.written_on AS day, COALESCE(u.name, '') AS who, '' AS outcome, '' AS reason,"
		"  n.text AS body, 0 AS kind, n.id AS rid"
		"  FROM notes AS n LEFT JOIN users AS u ON u.id = n.author WHERE n.citizen_id = :citizen"
		" UNION ALL"
		" SELECT COALESCE(date(f.done_at), f.due_on), COALESCE(u.name, v.name, ''), f.outcome, f.reason,"
		"  COALESCE(f.note, ''), 1, f.id"
		"  FROM follow_ups AS f LEFT JOIN users AS u ON u.id = f.done_by"
		"  LEFT JOIN volunteers AS v ON v.id = f.responsible"
		"  WHERE f.citizen_id = :citizen AND f.status = 'done' AND f.id <> :call"
		") ORDER BY day DESC, kind DESC, rid DESC LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen);
	db_bind_int(st, ":call", call_id);
	db_bind_int(st, ":max", CALL_RECENT_NOTES);
	while (out->nnotes < CALL_RECENT_NOTES && db_step(st) == DB_ROW) {
		struct call_note *n = &out->notes[out->nnotes++];
		STORE_COL(n->date, st, 0);
		STORE_COL(n->who, st, 1);
		STORE_COL(n->outcome, st, 2);
		STORE_COL(n->reason, st, 3);
		STORE_COL(n->text, st, 4);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	/* Attendance in brief: the current enrolments, newest first. */
	long long activities[CALL_ENROLMENTS];
	if ((r = db_prepare(db, &st,
			"SELECT e.activity_id, a.name, COALESCE((SELECT min(s.date) FROM sessions AS s"
			"  WHERE s.activity_id = e.activity_id AND s.status = 'planned'"
			"  AND s.date >= :today), '')"
			" FROM enrolments AS e JOIN activities AS a ON a.id = e.activity_id"
			" WHERE e.citizen_id = :citizen AND e.ended_on IS NULL"
			" ORDER BY e.enrolled_on DESC, e.id DESC LIMIT :max")) != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen);
	db_bind_int(st, ":max", CALL_ENROLMENTS);
	store_bind_date_or_today(st, ":today", NULL);
	while (out->nattendance < CALL_ENROLMENTS && db_step(st) == DB_ROW) {
		activities[out->nattendance] = db_column_int(st, 0);
		struct call_attendance *at = &out->attendance[out->nattendance++];
		STORE_COL(at->activity, st, 1);
		STORE_COL(at->next_date, st, 2);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	/* The last marks at each, walked from the citizen's own marks when
	 * they are few (store_attendance_few_marks): a call after missed
	 * sessions is often for someone new, whose walk back through the
	 * activity's sessions reads its whole history. */
	bool few;
	if ((r = store_attendance_few_marks(db, citizen, &few)) != DB_OK)
		return r;
	if ((r = db_prepare(db, &st, few ? CARD_MARKS_SQL("CROSS JOIN") : CARD_MARKS_SQL("JOIN"))) != DB_OK)
		return r;
	for (int i = 0; i < out->nattendance; i++) {
		struct call_attendance *at = &out->attendance[i];
		char newest_first[CALL_MARKS];
		int n = 0;
		db_reset(st);
		db_bind_int(st, ":citizen", citizen);
		db_bind_int(st, ":activity", activities[i]);
		db_bind_int(st, ":max", CALL_MARKS);
		while (n < CALL_MARKS && db_step(st) == DB_ROW) {
			if (n == 0)
				STORE_COL(at->last_date, st, 0);
			newest_first[n++] = db_column_text(st, 1)[0];
		}
		for (int k = 0; k < n; k++)
			at->marks[k] = newest_first[n - 1 - k];
		at->marks[n] = '\0';
	}
	return db_finalize(st);
}

enum db_status store_calls_card(struct db *db, long long call_id, struct call_card *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r;
	if ((r = card_main(db, call_id, out)) != DB_OK || (r = card_people(db, out)) != DB_OK
	    || (r = card_why(db, out)) != DB_OK)
		return r;
	return card_history(db, call_id, out);
}

/* ---------- recording an outcome ---------- */

enum db_status store_calls_state(struct db *db, long long call_id, struct call_state *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT citizen_id, status, reason FROM follow_ups WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", call_id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		out->citizen_id = db_column_int(st, 0);
		STORE_COL(out->status, st, 1);
		STORE_COL(out->reason, st, 2);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	return step == DB_ROW ? DB_OK : DB_ERR_NOTFOUND;
}

enum db_status store_calls_feedback_target(struct db *db, long long citizen_id, struct call_feedback_target *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT r.id, " CALLS_FEEDBACK_CONSENT("r") " FROM referrals AS r WHERE r.citizen_id = :citizen"
		" ORDER BY r.referred_on DESC, r.id DESC LIMIT 1");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	if (db_step(st) == DB_ROW) {
		out->referral_id = db_column_int(st, 0);
		out->consent = db_column_int(st, 1) != 0;
	}
	return db_finalize(st);
}

enum db_status store_calls_feedback_add(struct db *db, long long referral_id, long long citizen_id, long long call_id,
					const char *today, const char *told, db_user_id by, long long *id)
{
	*id = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO referrer_feedback(referral_id, citizen_id, follow_up_id, given_on, told, given_by)"
		" VALUES (:referral, :citizen, :call, :today, :told, :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":referral", referral_id);
	db_bind_int(st, ":citizen", citizen_id);
	store_bind_id(st, ":call", call_id);
	db_bind_text(st, ":today", today);
	db_bind_text(st, ":told", told);
	store_bind_id(st, ":user", by);
	if ((r = store_run(st)) == DB_OK)
		*id = db_last_insert_id(db);
	return r;
}

enum db_status store_calls_mark_done(struct db *db, const struct call_outcome *in, db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE follow_ups SET status = 'done', outcome = :outcome, note = :note,"
		" next_step = :next, done_at = :now, done_by = :user WHERE id = :id AND status = 'open'");
	if (r != DB_OK)
		return r;
	store_bind_now(st, ":now");
	db_bind_text(st, ":outcome", in->outcome);
	db_bind_text(st, ":note", store_or_null(in->note));
	db_bind_text(st, ":next", store_or_null(in->next_step));
	store_bind_id(st, ":user", by);
	db_bind_int(st, ":id", in->call_id);
	/* Not open any more: recorded or cancelled at another desk. */
	return store_run_changed(db, st, DB_ERR_CONFLICT);
}

enum db_status store_calls_replace_agreed(struct db *db, long long citizen_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE follow_ups SET status = 'cancelled'"
		" WHERE citizen_id = :citizen AND status = 'open' AND reason = 'agreed'");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	return store_run(st);
}

enum db_status store_calls_insert(struct db *db, const struct call_new *c, long long *id)
{
	*id = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		/* Never a call for a citizen anonymised meanwhile: the day's
		 * calls are written in steps after the sweep that found them,
		 * and another desk may have anonymised one in between (which
		 * cancelled their open calls). */
		"INSERT INTO follow_ups(citizen_id, reason, due_on, due_time, responsible, source_key)"
		" SELECT :citizen, :reason, :due_on, :due_time, :responsible, :key"
		" WHERE NOT EXISTS (SELECT 1 FROM citizens WHERE id = :citizen AND anonymised_on IS NOT NULL)"
		" ON CONFLICT(source_key) DO NOTHING");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", c->citizen_id);
	db_bind_text(st, ":reason", c->reason);
	db_bind_text(st, ":due_on", c->due_on);
	db_bind_text(st, ":due_time", store_or_null(c->due_time));
	store_bind_id(st, ":responsible", c->responsible);
	db_bind_text(st, ":key", store_or_null(c->source_key));
	if ((r = store_run(st)) == DB_OK && db_changes(db) > 0)
		*id = db_last_insert_id(db);
	return r;
}

enum db_status store_calls_missing(struct db *db, const struct call_new *calls, int n, bool *missing,
				   int *nmissing)
{
	*nmissing = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT 1 FROM follow_ups WHERE source_key = :key");
	if (r != DB_OK)
		return r;
	for (int i = 0; i < n; i++) {
		missing[i] = true;
		if (calls[i].source_key[0]) {
			db_reset(st);
			db_bind_text(st, ":key", calls[i].source_key);
			missing[i] = db_step(st) != DB_ROW;
		}
		*nmissing += missing[i];
	}
	return db_finalize(st);
}

enum db_status store_calls_handover(struct db *db, long long citizen_id, const char *today, const char *handover_to,
				    const char *note, db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO assessments(citizen_id, assessed_on, outcome, handover_to, handover_on,"
		" note, assessed_by) VALUES (:citizen, :today, 'professional_help', :to, :today,"
		" :note, :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":today", today);
	db_bind_text(st, ":to", store_or_null(handover_to));
	db_bind_text(st, ":note", store_or_null(note));
	store_bind_id(st, ":user", by);
	return store_run(st);
}

enum db_status store_calls_cancel_open(struct db *db, long long citizen_id, long long keep, long long keep_too,
				       db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE follow_ups SET status = 'cancelled', done_at = :now, done_by = :user"
		" WHERE citizen_id = :citizen AND status = 'open' AND id <> :keep AND id <> :keep_too");
	if (r != DB_OK)
		return r;
	store_bind_now(st, ":now");
	store_bind_id(st, ":user", by);
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_int(st, ":keep", keep);
	db_bind_int(st, ":keep_too", keep_too);
	return store_run(st);
}

/* The statements a mark's rules may run, prepared ahead by
 * store_calls_warm_mark. */
static const char cancel_sql[] =
	"UPDATE follow_ups SET status = 'cancelled', note = :why, done_at = :now, done_by = :user"
	" WHERE id = :id AND status = 'open'";
static const char plan_sql[] =
	"INSERT INTO follow_ups(citizen_id, reason, due_on, due_time, responsible, source_key)"
	" VALUES (:citizen, :reason, :due_on, :due_time, :responsible, :key)"
	" ON CONFLICT(source_key) DO UPDATE SET status = 'open', due_on = excluded.due_on"
	"  WHERE follow_ups.status = 'cancelled'";
static const char withdraw_sql[] =
	"UPDATE follow_ups SET status = 'cancelled' WHERE source_key = :key AND status = 'open'";
/* Most marks have no call to withdraw: the update opens the table and
 * its six indexes for writing to find that out, this reads one index. */
static const char withdrawable_sql[] =
	"SELECT EXISTS (SELECT 1 FROM follow_ups WHERE source_key = :key AND status = 'open')";

void store_calls_warm_mark(struct db *db)
{
	static const char *const all[] = { cancel_sql, plan_sql, withdraw_sql, withdrawable_sql };
	store_warm(db, all, (int)(sizeof all / sizeof all[0]));
	store_calls_warm_missed_open(db);
}

enum db_status store_calls_cancel(struct db *db, long long call_id, const char *why, db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, cancel_sql);
	if (r != DB_OK)
		return r;
	store_bind_now(st, ":now");
	db_bind_text(st, ":why", store_or_null(why));
	store_bind_id(st, ":user", by);
	db_bind_int(st, ":id", call_id);
	/* Not open any more: recorded or cancelled at another desk. */
	return store_run_changed(db, st, DB_ERR_CONFLICT);
}

enum db_status store_calls_plan(struct db *db, const struct call_new *c, bool *changed)
{
	*changed = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, plan_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", c->citizen_id);
	db_bind_text(st, ":reason", c->reason);
	db_bind_text(st, ":due_on", c->due_on);
	db_bind_text(st, ":due_time", store_or_null(c->due_time));
	store_bind_id(st, ":responsible", c->responsible);
	db_bind_text(st, ":key", store_or_null(c->source_key));
	if ((r = store_run(st)) == DB_OK)
		*changed = db_changes(db) > 0;
	return r;
}

enum db_status store_calls_withdraw(struct db *db, const char *source_key, bool *changed)
{
	*changed = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, withdrawable_sql);
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":key", source_key);
	bool open = db_step(st) == DB_ROW && db_column_int(st, 0) != 0;
	if ((r = db_finalize(st)) != DB_OK || !open)
		return r;
	if ((r = db_prepare(db, &st, withdraw_sql)) != DB_OK)
		return r;
	db_bind_text(st, ":key", source_key);
	if ((r = store_run(st)) == DB_OK)
		*changed = db_changes(db) > 0;
	return r;
}
