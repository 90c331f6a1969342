/* store_report.c — the report's facts (store_report.h). */
#include "store_report.h"

#include <stdlib.h>
#include <string.h>

#include "store_util.h"
#include "store_waiting.h"

const char *const report_source_codes[REPORT_SOURCES] = {
	"self", "relative", "health_staff", "gp", "municipal", "job_centre", "other",
};
const char *const report_end_reason_codes[REPORT_END_REASONS] = {
	"moved", "declined", "handed_over", "deceased", "forgotten",
};
const char *const report_call_outcome_codes[REPORT_CALL_OUTCOMES] = {
	"reached", "not_reached", "call_back", "wrong_number",
};

static int code_index(const char *const *codes, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	return -1;
}

static void bind_period(struct db_stmt *st, const struct report_period *p)
{
	db_bind_text(st, ":from", p->from);
	db_bind_text(st, ":to", p->to);
}

/* ---------- volunteers ---------- */

/* Matches are open from matched_on up to (not including) ended_on. */
enum db_status store_report_volunteers(struct db *db, const struct report_period *p,
				       struct report_volunteer_facts *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT"
		" (SELECT count(*) FROM volunteers WHERE date(created_at) BETWEEN :from AND :to),"
		" (SELECT count(*) FROM volunteers WHERE status = 'training'),"
		" (SELECT count(*) FROM volunteers WHERE status = 'active'),"
		" (SELECT count(*) FROM volunteers WHERE status = 'paused'),"
		" (SELECT count(*) FROM volunteers WHERE status = 'stopped'),"
		" (SELECT count(*) FROM volunteers WHERE status = 'active'"
		"   AND trim(COALESCE(lived_experience, '')) <> ''),"
		" (SELECT count(DISTINCT volunteer_id) FROM volunteer_courses"
		"   WHERE completed_on BETWEEN :from AND :to),"
		" (SELECT count(*) FROM (SELECT DISTINCT course, completed_on FROM volunteer_courses"
		"   WHERE completed_on BETWEEN :from AND :to)),"
		" (SELECT count(*) FROM volunteer_courses WHERE completed_on BETWEEN :from AND :to),"
		" (SELECT COALESCE(sum(CAST(julianday(min(COALESCE(ended_on, date(:to, '+1 day')), date(:to, '+1 day')))"
		"    - julianday(max(matched_on, :from)) AS INTEGER)), 0)"
		"   FROM matches WHERE volunteer_id IS NOT NULL AND activity_id IS NULL"
		"   AND matched_on <= :to AND (ended_on IS NULL OR ended_on > :from))");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	if (db_step(st) == DB_ROW) {
		out->recruited = db_column_int(st, 0);
		out->training = db_column_int(st, 1);
		out->active = db_column_int(st, 2);
		out->paused = db_column_int(st, 3);
		out->stopped = db_column_int(st, 4);
		out->active_lived_experience = db_column_int(st, 5);
		out->trained = db_column_int(st, 6);
		out->courses_held = db_column_int(st, 7);
		out->course_completions = db_column_int(st, 8);
		out->visit_days = db_column_int(st, 9);
	}
	return db_finalize(st);
}

enum db_status store_report_held_sessions(struct db *db, const struct report_period *p,
					  struct report_held_session **out, int *n)
{
	*out = NULL;
	*n = 0;
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT s.id, COALESCE(s.start_time, a.start_time, ''), COALESCE(s.end_time, a.end_time, ''),"
		" COALESCE(s.led_by, 0)"
		" FROM sessions AS s JOIN activities AS a ON a.id = s.activity_id"
		" WHERE s.date BETWEEN :from AND :to AND s.status = 'held' ORDER BY s.id");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	while (db_step(st) == DB_ROW) {
		struct report_held_session *h = store_grow_next(&g);
		if (!h) {
			r = DB_ERR_IO;
			break;
		}
		h->id = db_column_int(st, 0);
		STORE_COL(h->start_time, st, 1);
		STORE_COL(h->end_time, st, 2);
		h->led_by = db_column_int(st, 3);
	}
	enum db_status f = db_finalize(st);
	return store_grow_done(&g, r != DB_OK ? r : f, (void **)out, n);
}

enum db_status store_report_helpers(struct db *db, const struct report_period *p, struct report_helper **out,
				    int *n)
{
	*out = NULL;
	*n = 0;
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT h.session_id, h.volunteer_id FROM sessions AS s"
		" JOIN session_helpers AS h ON h.session_id = s.id"
		" WHERE s.date BETWEEN :from AND :to AND s.status = 'held' ORDER BY h.session_id, h.volunteer_id");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	while (db_step(st) == DB_ROW) {
		struct report_helper *h = store_grow_next(&g);
		if (!h) {
			r = DB_ERR_IO;
			break;
		}
		h->session_id = db_column_int(st, 0);
		h->volunteer_id = db_column_int(st, 1);
	}
	enum db_status f = db_finalize(st);
	return store_grow_done(&g, r != DB_OK ? r : f, (void **)out, n);
}

/* ---------- citizens ---------- */

static enum db_status counts_by_code(struct db *db, const struct report_period *p, const char *sql,
				     const char *const *codes, int ncodes, long long *out)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	while (db_step(st) == DB_ROW) {
		int i = code_index(codes, ncodes, db_column_text(st, 0));
		if (i >= 0)
			out[i] += db_column_int(st, 1);
	}
	return db_finalize(st);
}

/* The ends of courses in the period, from the course's history: a course
 * reopened later still counts its end (the return is a new start), but
 * one reopened the same day was ended by mistake and put right (it
 * counted as a lasting community, a new user's). */
#define ENDED_COURSE_EVENTS \
	"FROM course_events AS e WHERE e.kind = 'ended' AND e.happened_on BETWEEN :from AND :to" \
	" AND NOT EXISTS (SELECT 1 FROM course_events AS n WHERE n.citizen_id = e.citizen_id" \
	"  AND n.kind = 'reopened' AND n.happened_on = e.happened_on AND n.id > e.id)"

enum db_status store_report_citizens(struct db *db, const struct report_period *p,
				     struct report_citizen_facts *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	/* The latest assessment in the period decides between volunteer help
	 * and professional help, so a citizen counts once. */
	enum db_status r = db_prepare(db, &st,
		"SELECT"
		" (SELECT count(*) FROM referrals WHERE referred_on BETWEEN :from AND :to),"
		" (SELECT count(*) FROM (SELECT citizen_id FROM assessments GROUP BY citizen_id"
		"   HAVING min(assessed_on) BETWEEN :from AND :to)),"
		" v.volunteer, v.professional,"
		" (SELECT count(DISTINCT e.citizen_id) " ENDED_COURSE_EVENTS " AND e.reason = 'lasting_community')"
		" FROM (SELECT count(*) FILTER (WHERE outcome = 'volunteer_help') AS volunteer,"
		"  count(*) FILTER (WHERE outcome = 'professional_help') AS professional"
		"  FROM assessments AS x WHERE x.assessed_on BETWEEN :from AND :to"
		"   AND NOT EXISTS (SELECT 1 FROM assessments AS y"
		"    WHERE y.citizen_id = x.citizen_id AND y.assessed_on BETWEEN :from AND :to"
		"    AND (y.assessed_on > x.assessed_on OR (y.assessed_on = x.assessed_on AND y.id > x.id)))) AS v");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	if (db_step(st) == DB_ROW) {
		out->referred = db_column_int(st, 0);
		out->first_conversation = db_column_int(st, 1);
		out->volunteer_help = db_column_int(st, 2);
		out->professional_help = db_column_int(st, 3);
		out->lasting_community = db_column_int(st, 4);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	r = counts_by_code(db, p,
			   "SELECT source, count(*) FROM referrals WHERE referred_on BETWEEN :from AND :to"
			   " GROUP BY source",
			   report_source_codes, REPORT_SOURCES, out->by_source);
	if (r == DB_OK)
		r = counts_by_code(db, p,
				   "SELECT e.reason, count(DISTINCT e.citizen_id) " ENDED_COURSE_EVENTS " GROUP BY e.reason",
				   report_end_reason_codes, REPORT_END_REASONS, out->ended);
	return r;
}

enum db_status store_report_matched(struct db *db, const struct report_period *p,
				    void (*each)(void *ctx, long long citizen_id, bool volunteer), void *ctx)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT citizen_id, max(CASE WHEN volunteer_id IS NOT NULL THEN 1 ELSE 0 END) FROM matches"
		" WHERE matched_on <= :to AND (ended_on IS NULL OR ended_on > :from)"
		" GROUP BY citizen_id");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	while (db_step(st) == DB_ROW)
		each(ctx, db_column_int(st, 0), db_column_int(st, 1) != 0);
	return db_finalize(st);
}

/* The area is the postcode's first two digits, as matching's "nearby". */
#define AREA(col) "CASE WHEN substr(" col ", 1, 1) BETWEEN '0' AND '9' AND substr(" col ", 2, 1) BETWEEN '0' AND '9'" \
	" THEN CAST(substr(" col ", 1, 2) AS INTEGER) ELSE -1 END"

enum db_status store_report_waiting(struct db *db,
				    void (*each)(void *ctx, long long citizen_id, const char *since, int area),
				    void *ctx)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT c.id, " WAITING_SINCE ", " AREA("c.postcode") WAITING_FROM);
	if (r != DB_OK)
		return r;
	while (db_step(st) == DB_ROW)
		each(ctx, db_column_int(st, 0), db_column_text(st, 1), (int)db_column_int(st, 2));
	return db_finalize(st);
}

enum db_status store_report_citizen_interests(struct db *db,
					      void (*each)(void *ctx, long long citizen_id, long long interest_id),
					      void *ctx)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT citizen_id, interest_id FROM citizen_interests");
	if (r != DB_OK)
		return r;
	while (db_step(st) == DB_ROW)
		each(ctx, db_column_int(st, 0), db_column_int(st, 1));
	return db_finalize(st);
}

enum db_status store_report_max_citizen(struct db *db, long long *out)
{
	return db_query_int(db, "SELECT COALESCE(max(id), 0) FROM citizens", out);
}

/* ---------- attendance ---------- */

enum db_status store_report_activities(struct db *db, const struct report_period *p,
				       struct report_activity_fact **out, int *n)
{
	*out = NULL;
	*n = 0;
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT a.id, a.name, a.kind, a.community FROM activities AS a"
		" WHERE EXISTS (SELECT 1 FROM sessions AS s WHERE s.activity_id = a.id"
		"  AND s.date BETWEEN :from AND :to AND (s.status IN ('held', 'cancelled')"
		"  OR EXISTS (SELECT 1 FROM attendance AS t WHERE t.session_id = s.id)))"
		" ORDER BY a.sort_key, a.id");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	while (db_step(st) == DB_ROW) {
		struct report_activity_fact *a = store_grow_next(&g);
		if (!a) {
			r = DB_ERR_IO;
			break;
		}
		a->id = db_column_int(st, 0);
		STORE_COL(a->name, st, 1);
		STORE_COL(a->kind, st, 2);
		STORE_COL(a->community, st, 3);
	}
	enum db_status f = db_finalize(st);
	return store_grow_done(&g, r != DB_OK ? r : f, (void **)out, n);
}

enum db_status store_report_session_counts(struct db *db, const struct report_period *p,
					   struct report_session_count **out, int *n)
{
	*out = NULL;
	*n = 0;
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT activity_id, substr(date, 1, 7), count(*) FILTER (WHERE status = 'held'),"
		" count(*) FILTER (WHERE status = 'cancelled')"
		" FROM sessions WHERE date BETWEEN :from AND :to GROUP BY 1, 2");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	while (db_step(st) == DB_ROW) {
		struct report_session_count *c = store_grow_next(&g);
		if (!c) {
			r = DB_ERR_IO;
			break;
		}
		c->activity_id = db_column_int(st, 0);
		STORE_COL(c->month, st, 1);
		c->held = db_column_int(st, 2);
		c->cancelled = db_column_int(st, 3);
	}
	enum db_status f = db_finalize(st);
	return store_grow_done(&g, r != DB_OK ? r : f, (void **)out, n);
}

/* Driven by the sessions' (activity, date) index and the attendance
 * table's own key, so the rows come in the order asked for without a
 * sort, and a period reads only its own sessions' marks. */
enum db_status store_report_marks(struct db *db, const struct report_period *p,
				  void (*each)(void *ctx, const struct report_mark_fact *m), void *ctx)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT s.activity_id, s.date, t.citizen_id, t.mark, COALESCE(t.accompanied_by, 0), s.id"
		" FROM sessions AS s CROSS JOIN attendance AS t ON t.session_id = s.id"
		" WHERE s.date BETWEEN :from AND :to"
		" ORDER BY s.activity_id, s.date");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	struct report_mark_fact m;
	while (db_step(st) == DB_ROW) {
		m.activity_id = db_column_int(st, 0);
		STORE_COL(m.date, st, 1);
		m.citizen_id = db_column_int(st, 2);
		m.mark = db_column_text(st, 3)[0];
		m.accompanied_by = db_column_int(st, 4);
		m.session_id = db_column_int(st, 5);
		each(ctx, &m);
	}
	return db_finalize(st);
}

struct store_report_seen {
	struct db_stmt *st;
	char before[REPORT_DATE];
};

/* Walks the citizen's own marks (an index on citizen and session): a new
 * participant has few, and a regular is found at once. */
enum db_status store_report_seen_open(struct db *db, const char *before, struct store_report_seen **out)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return DB_ERR_IO;
	store_copy((*out)->before, sizeof (*out)->before, before);
	enum db_status r = db_prepare(db, &(*out)->st,
		"SELECT 1 FROM attendance AS t INDEXED BY calls_attendance_marks"
		" CROSS JOIN sessions AS s ON s.id = t.session_id"
		" WHERE t.citizen_id = :citizen AND t.mark = 'present'"
		" AND s.activity_id = :activity AND s.date < :before LIMIT 1");
	if (r != DB_OK) {
		free(*out);
		*out = NULL;
	}
	return r;
}

enum db_status store_report_seen_ask(struct store_report_seen *s, long long citizen_id, long long activity_id,
				     bool *seen)
{
	db_reset(s->st);
	db_bind_int(s->st, ":citizen", citizen_id);
	db_bind_int(s->st, ":activity", activity_id);
	db_bind_text(s->st, ":before", s->before);
	enum db_status r = db_step(s->st);
	*seen = r == DB_ROW;
	return r == DB_ROW || r == DB_DONE ? DB_OK : r;
}

enum db_status store_report_seen_close(struct store_report_seen *s)
{
	if (!s)
		return DB_OK;
	enum db_status r = db_finalize(s->st);
	free(s);
	return r;
}

/* ---------- outcomes ---------- */

enum db_status store_report_measures(struct db *db, struct report_measure *out, int max, int *n,
				     long long *ids)
{
	*n = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, code, name, higher_is_better FROM measure_defs"
		" WHERE code IN ('who5', 'ucla3') ORDER BY position, id");
	if (r != DB_OK)
		return r;
	while (*n < max && db_step(st) == DB_ROW) {
		struct report_measure *m = &out[*n];
		memset(m, 0, sizeof *m);
		ids[*n] = db_column_int(st, 0);
		STORE_COL(m->code, st, 1);
		STORE_COL(m->name, st, 2);
		m->higher_is_better = db_column_int(st, 3) != 0;
		(*n)++;
	}
	return db_finalize(st);
}

enum db_status store_report_measure_pairs(struct db *db, const struct report_period *p, long long measure_id,
					  struct report_measure_pair **out, int *n)
{
	*out = NULL;
	*n = 0;
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT f.taken_on, f.total, COALESCE(l.taken_on, ''), COALESCE(l.total, 0)"
		" FROM measures AS f"
		" LEFT JOIN measures AS l ON l.id = (SELECT x.id FROM measures AS x"
		"  WHERE x.citizen_id = f.citizen_id AND x.measure_id = f.measure_id"
		"  AND x.taken_on BETWEEN :from AND :to ORDER BY x.taken_on DESC, x.id DESC LIMIT 1)"
		" WHERE f.measure_id = :measure AND f.taken_on <= :to"
		" AND f.id = (SELECT e.id FROM measures AS e WHERE e.citizen_id = f.citizen_id"
		"  AND e.measure_id = f.measure_id ORDER BY e.taken_on, e.id LIMIT 1)");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	db_bind_int(st, ":measure", measure_id);
	while (db_step(st) == DB_ROW) {
		struct report_measure_pair *m = store_grow_next(&g);
		if (!m) {
			r = DB_ERR_IO;
			break;
		}
		STORE_COL(m->first_on, st, 0);
		m->first_total = (int)db_column_int(st, 1);
		STORE_COL(m->latest_on, st, 2);
		m->latest_total = (int)db_column_int(st, 3);
		m->later = m->latest_on[0] && strcmp(m->latest_on, m->first_on) > 0;
	}
	enum db_status f = db_finalize(st);
	return store_grow_done(&g, r != DB_OK ? r : f, (void **)out, n);
}

/* ---------- follow-up ---------- */

enum db_status store_report_calls(struct db *db, const struct report_period *p, struct report_call_facts *out)
{
	memset(out, 0, sizeof *out);
	/* Calls are stamped with the time of day: the period ends at the next
	 * day's midnight. */
	enum db_status r = counts_by_code(db, p,
		"SELECT outcome, count(*) FROM follow_ups WHERE status = 'done'"
		" AND done_at >= :from AND done_at < date(:to, '+1 day') GROUP BY outcome",
		report_call_outcome_codes, REPORT_CALL_OUTCOMES, out->by_outcome);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	r = db_prepare(db, &st,
		"SELECT"
		" (SELECT count(*) FROM call_escalations WHERE raised_on BETWEEN :from AND :to),"
		" (SELECT count(*) FROM referrer_feedback AS f JOIN referrals AS r ON r.id = f.referral_id"
		"   WHERE f.given_on BETWEEN :from AND :to AND r.feedback_consent = 1),"
		" (SELECT count(*) FROM referrals WHERE referred_on BETWEEN :from AND :to"
		"   AND feedback_consent = 1)");
	if (r != DB_OK)
		return r;
	bind_period(st, p);
	if (db_step(st) == DB_ROW) {
		out->escalated = db_column_int(st, 0);
		out->feedback = db_column_int(st, 1);
		out->feedback_consents = db_column_int(st, 2);
	}
	return db_finalize(st);
}

/* ---------- unmet wishes ---------- */

enum db_status store_report_interests(struct db *db, struct report_interest **out, int *n)
{
	*out = NULL;
	*n = 0;
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT id, name FROM interests ORDER BY id");
	if (r != DB_OK)
		return r;
	while (db_step(st) == DB_ROW) {
		struct report_interest *i = store_grow_next(&g);
		if (!i) {
			r = DB_ERR_IO;
			break;
		}
		i->id = db_column_int(st, 0);
		STORE_COL(i->name, st, 1);
	}
	enum db_status f = db_finalize(st);
	return store_grow_done(&g, r != DB_OK ? r : f, (void **)out, n);
}

enum db_status store_report_offers(struct db *db, struct report_offer_fact **out, int *n)
{
	*out = NULL;
	*n = 0;
	struct store_grow g = { .size = sizeof **out };
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT DISTINCT ai.interest_id, " AREA("a.postcode")
		" FROM activities AS a JOIN activity_interests AS ai ON ai.activity_id = a.id"
		" WHERE a.status = 'active'");
	if (r != DB_OK)
		return r;
	while (db_step(st) == DB_ROW) {
		struct report_offer_fact *o = store_grow_next(&g);
		if (!o) {
			r = DB_ERR_IO;
			break;
		}
		o->interest_id = db_column_int(st, 0);
		o->area = (int)db_column_int(st, 1);
	}
	enum db_status f = db_finalize(st);
	return store_grow_done(&g, r != DB_OK ? r : f, (void **)out, n);
}
