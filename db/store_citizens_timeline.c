/* store_citizens_timeline.c — what the card shows besides the card itself:
 * the timeline of everything that happened to a citizen, and the facts the
 * next-step rule (src/nextstep.c) decides from. Read-only.
 */
#include "store_citizens.h"

#include <string.h>

#include "store_util.h"

enum db_status store_citizens_timeline(struct db *db, long long id, int max, struct timeline_entry *out,
				 int *count)
{
	*count = 0;
	if (max <= 0)
		return DB_OK;
	/* seq orders what happens on one day: referral, intake, assessment,
	 * match, attendance, call, measure, note, match end, end. Timestamps
	 * (created_at, done_at) are local time, as the stores write them (db_clock_now). */
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT day, kind, code, who, what, body FROM ("
		" SELECT r.referred_on AS day, :k_referral AS kind, r.source AS code,"
		"  COALESCE(r.referrer_name, '') AS who, COALESCE(r.referrer_org, '') AS what,"
		"  '' AS body, 1 AS seq, r.id AS rid"
		"  FROM referrals AS r WHERE r.citizen_id = :id"
		" UNION ALL"
		" SELECT date(c.created_at), :k_intake, CASE WHEN c.needs_intake = 1 THEN 'walk_in' ELSE '' END,"
		"  '', '', '', 2, c.id"
		"  FROM citizens AS c WHERE c.id = :id"
		" UNION ALL"
		" SELECT a.assessed_on, :k_assessment, a.outcome, COALESCE(a.handover_to, ''), '',"
		"  COALESCE(a.note, ''), 3, a.id FROM assessments AS a WHERE a.citizen_id = :id"
		" UNION ALL"
		" SELECT m.matched_on, :k_match, '', COALESCE(v.name, ''), COALESCE(ac.name, ''), '', 4, m.id"
		"  FROM matches AS m LEFT JOIN volunteers AS v ON v.id = m.volunteer_id"
		"  LEFT JOIN activities AS ac ON ac.id = m.activity_id WHERE m.citizen_id = :id"
		" UNION ALL"
		" SELECT s.date, :k_attendance, t.mark, COALESCE(v.name, ''), ac.name, '', 5, s.id"
		"  FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id"
		"  JOIN activities AS ac ON ac.id = s.activity_id"
		"  LEFT JOIN volunteers AS v ON v.id = t.accompanied_by WHERE t.citizen_id = :id"
		" UNION ALL"
		" SELECT CASE WHEN f.status <> 'open' THEN COALESCE(date(f.done_at), f.due_on) ELSE f.due_on END,"
		"  :k_call, CASE f.status WHEN 'done' THEN f.outcome ELSE f.status END,"
		"  COALESCE(v.name, ''), f.reason, COALESCE(f.note, ''), 6, f.id"
		"  FROM follow_ups AS f LEFT JOIN volunteers AS v ON v.id = f.responsible"
		"  WHERE f.citizen_id = :id"
		" UNION ALL"
		" SELECT ms.taken_on, :k_measure, CAST(ms.total AS TEXT), '', md.name, '', 7, ms.id"
		"  FROM measures AS ms JOIN measure_defs AS md ON md.id = ms.measure_id"
		"  WHERE ms.citizen_id = :id"
		" UNION ALL"
		" SELECT n.written_on, :k_note, '', COALESCE(u.name, ''), '', n.text, 8, n.id"
		"  FROM notes AS n LEFT JOIN users AS u ON u.id = n.author WHERE n.citizen_id = :id"
		" UNION ALL"
		" SELECT m.ended_on, :k_match_end, m.outcome, COALESCE(v.name, ''), COALESCE(ac.name, ''),"
		"  COALESCE(m.end_reason, ''), 9, m.id"
		"  FROM matches AS m LEFT JOIN volunteers AS v ON v.id = m.volunteer_id"
		"  LEFT JOIN activities AS ac ON ac.id = m.activity_id"
		"  WHERE m.citizen_id = :id AND m.ended_on IS NOT NULL"
		" UNION ALL"
		" SELECT e.happened_on, CASE e.kind WHEN 'ended' THEN :k_end ELSE :k_reopen END,"
		"  COALESCE(e.reason, ''), '', '', '', 10, e.id"
		"  FROM course_events AS e WHERE e.citizen_id = :id"
		" UNION ALL"
		" SELECT k.given_on, :k_consent, k.purpose, COALESCE(u.name, ''), '', '', 2.5, k.id"
		"  FROM consents AS k LEFT JOIN users AS u ON u.id = k.recorded_by WHERE k.citizen_id = :id"
		" UNION ALL"
		" SELECT k.withdrawn_on, :k_withdrawn, k.purpose, COALESCE(u.name, ''), '', '', 9.5, k.id"
		"  FROM consents AS k LEFT JOIN users AS u ON u.id = k.withdrawn_by"
		"  WHERE k.citizen_id = :id AND k.withdrawn_on IS NOT NULL"
		" UNION ALL"
		" SELECT c.anonymised_on, :k_anonymised, '', '', '', '', 11, c.id"
		"  FROM citizens AS c WHERE c.id = :id AND c.anonymised_on IS NOT NULL"
		") ORDER BY day DESC, seq DESC, rid DESC LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":max", max);
	db_bind_int(st, ":k_referral", TL_REFERRAL);
	db_bind_int(st, ":k_intake", TL_INTAKE);
	db_bind_int(st, ":k_assessment", TL_ASSESSMENT);
	db_bind_int(st, ":k_match", TL_MATCH);
	db_bind_int(st, ":k_match_end", TL_MATCH_END);
	db_bind_int(st, ":k_attendance", TL_ATTENDANCE);
	db_bind_int(st, ":k_call", TL_CALL);
	db_bind_int(st, ":k_measure", TL_MEASURE);
	db_bind_int(st, ":k_note", TL_NOTE);
	db_bind_int(st, ":k_end", TL_END);
	db_bind_int(st, ":k_reopen", TL_REOPEN);
	db_bind_int(st, ":k_consent", TL_CONSENT);
	db_bind_int(st, ":k_withdrawn", TL_WITHDRAWN);
	db_bind_int(st, ":k_anonymised", TL_ANONYMISED);
	while (*count < max && db_step(st) == DB_ROW) {
		struct timeline_entry *e = &out[*count];
		STORE_COL(e->date, st, 0);
		e->kind = (enum timeline_kind)db_column_int(st, 1);
		STORE_COL(e->code, st, 2);
		STORE_COL(e->who, st, 3);
		STORE_COL(e->what, st, 4);
		STORE_COL(e->text, st, 5);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

/* The planned sessions of activities with a current enrolment (ended_on
 * IS NULL, as the partial index enrolments_current has it) that began by
 * then, from `today` on, the earliest first, each with the volunteer of an
 * open match still going along (accompaniment not done), preferring a
 * match to that very activity. Whether one of today's has passed is the
 * rule's to say (src/attendance_rules.h). */
static enum db_status upcoming_sessions(struct db *db, long long id, const char *today, struct citizen_facts *out)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT s.date, COALESCE(s.start_time, a.start_time, '') AS time, a.name,"
		"  COALESCE((SELECT v.name FROM matches AS m JOIN volunteers AS v ON v.id = m.volunteer_id"
		"    WHERE m.citizen_id = e.citizen_id AND m.ended_on IS NULL AND m.accompaniment_done_on IS NULL"
		"     AND (m.activity_id IS NULL OR m.activity_id = a.id)"
		"    ORDER BY m.activity_id IS NULL, m.matched_on DESC, m.id DESC LIMIT 1), '')"
		" FROM enrolments AS e JOIN sessions AS s ON s.activity_id = e.activity_id"
		" JOIN activities AS a ON a.id = s.activity_id"
		" WHERE e.citizen_id = :id AND s.status = 'planned' AND s.date >= :today"
		"  AND e.ended_on IS NULL AND e.enrolled_on <= s.date"
		" ORDER BY s.date, time, s.id LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":today", today);
	db_bind_int(st, ":max", CIT_UPCOMING);
	while (out->nupcoming < CIT_UPCOMING && db_step(st) == DB_ROW) {
		struct citizen_session *s = &out->upcoming[out->nupcoming++];
		STORE_COL(s->date, st, 0);
		STORE_COL(s->time, st, 1);
		STORE_COL(s->activity, st, 2);
		STORE_COL(s->volunteer, st, 3);
	}
	r = db_finalize(st);
	if (r != DB_OK)
		out->nupcoming = 0;
	return r;
}

enum db_status store_citizens_facts(struct db *db, long long id, const char *today, struct citizen_facts *out)
{
	memset(out, 0, sizeof *out);
	/* One snapshot for both statements. */
	enum db_status r = db_begin_read(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	r = db_prepare(db, &st,
		/* The call due first; of the later ones, a call to the
		 * citizen before one to the referrer or a relative
		 * (call_rule_to_the_citizen), which is the desk's to make,
		 * not the citizen's next step (src/nextstep.h). */
		"WITH next_call AS ("
		"  SELECT due_on, reason FROM follow_ups WHERE citizen_id = :id AND status = 'open'"
		"  ORDER BY due_on > :today AND reason IN ('referrer_feedback', 'relative_support'),"
		"   due_on, due_time IS NULL, due_time, id LIMIT 1)"
		" SELECT c.status = 'ended', COALESCE(c.end_reason, ''),"
		"  nc.due_on, nc.reason,"
		"  EXISTS (SELECT 1 FROM matches AS m WHERE m.citizen_id = c.id AND m.ended_on IS NULL),"
		"  a.outcome, a.handover_to, a.handover_on,"
		/* The latest marks, newest first, for the "always accompanied"
		 * rule; the LIMIT keeps the subquery (and its order) whole. */
		"  (SELECT group_concat(code, '') FROM (SELECT CASE"
		"    WHEN t.mark = 'present' AND t.accompanied_by IS NOT NULL THEN 'P'"
		"    WHEN t.mark = 'present' THEN 'p' WHEN t.mark = 'excused' THEN 'e' ELSE 'a' END AS code"
		"    FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id"
		"    WHERE t.citizen_id = c.id AND s.status <> 'cancelled' AND s.date <= :today"
		"    ORDER BY s.date DESC, s.id DESC LIMIT 12)),"
		"  (SELECT v.name FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id"
		"    JOIN volunteers AS v ON v.id = t.accompanied_by"
		"    WHERE t.citizen_id = c.id AND s.date <= :today ORDER BY s.date DESC, s.id DESC LIMIT 1)"
		" FROM citizens AS c LEFT JOIN next_call AS nc ON 1 = 1"
		" LEFT JOIN assessments AS a ON a.id = (SELECT id FROM assessments"
		"   WHERE citizen_id = c.id ORDER BY assessed_on DESC, id DESC LIMIT 1)"
		" WHERE c.id = :id");
	if (r != DB_OK)
		return db_end(db, r);
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":today", today);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		out->ended = db_column_int(st, 0) != 0;
		STORE_COL(out->end_reason, st, 1);
		STORE_COL(out->call_due_on, st, 2);
		STORE_COL(out->call_reason, st, 3);
		out->has_open_match = db_column_int(st, 4) != 0;
		STORE_COL(out->assessment, st, 5);
		STORE_COL(out->handover_to, st, 6);
		STORE_COL(out->handover_on, st, 7);
		STORE_COL(out->recent_attendance, st, 8);
		STORE_COL(out->companion, st, 9);
	}
	r = db_finalize(st);
	if (r == DB_OK && step != DB_ROW)
		r = DB_ERR_NOTFOUND;
	if (r == DB_OK)
		r = upcoming_sessions(db, id, today, out);
	return db_end(db, r);
}
