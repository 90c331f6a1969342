/* store_insight.c — store_insight_part (store_protection.h): everything
 * stored about one citizen, part by part, as text columns. The columns of
 * each part are those model_protection.h lists for it, in that order. */
#include "store_protection.h"

#include "store_util.h"

static const struct {
	const char *sql;
	int ncols;
} parts[INSIGHT_PARTS] = {
	[INSIGHT_PERSON] = {
		"SELECT name, COALESCE(CAST(birth_year AS TEXT), ''), COALESCE(phone, ''), COALESCE(email, ''),"
		" COALESCE(address, ''), COALESCE(postcode, ''), COALESCE(town, ''), COALESCE(contact_pref, ''),"
		" COALESCE(gender, ''), COALESCE(language, ''), status, COALESCE(ended_on, ''),"
		" COALESCE(end_reason, ''), created_at, COALESCE(anonymised_on, ''), COALESCE(age_band, '')"
		" FROM citizens WHERE id = :id", 16 },
	[INSIGHT_WISHES] = {
		"SELECT COALESCE(wishes, ''), COALESCE(pref_volunteer_gender, ''), COALESCE(pref_volunteer_age, ''),"
		" pref_lived_experience FROM citizens WHERE id = :id", 4 },
	[INSIGHT_REFERRALS] = {
		"SELECT referred_on, source, COALESCE(referrer_name, ''), COALESCE(referrer_org, ''),"
		" COALESCE(referrer_phone, ''), feedback_consent FROM referrals WHERE citizen_id = :id"
		" ORDER BY referred_on, id", 6 },
	[INSIGHT_RELATIVES] = {
		"SELECT name, COALESCE(relation, ''), COALESCE(phone, ''), takes_part, wants_support"
		" FROM relatives WHERE citizen_id = :id ORDER BY id", 5 },
	[INSIGHT_CONSENTS] = {
		"SELECT k.purpose, k.given_on, COALESCE(g.name, ''), COALESCE(k.withdrawn_on, ''),"
		" COALESCE(w.name, '') FROM consents AS k LEFT JOIN users AS g ON g.id = k.recorded_by"
		" LEFT JOIN users AS w ON w.id = k.withdrawn_by WHERE k.citizen_id = :id ORDER BY k.given_on, k.id", 5 },
	[INSIGHT_ASSESSMENTS] = {
		"SELECT a.assessed_on, a.outcome, COALESCE(a.handover_to, ''), COALESCE(a.handover_on, ''),"
		" COALESCE(a.note, ''), COALESCE(u.name, '') FROM assessments AS a"
		" LEFT JOIN users AS u ON u.id = a.assessed_by WHERE a.citizen_id = :id ORDER BY a.assessed_on, a.id", 6 },
	[INSIGHT_INTERESTS] = {
		"SELECT p.name FROM citizen_interests AS c JOIN interests AS p ON p.id = c.interest_id"
		" WHERE c.citizen_id = :id ORDER BY p.name", 1 },
	[INSIGHT_BARRIERS] = {
		"SELECT p.name FROM citizen_barriers AS c JOIN barriers AS p ON p.id = c.barrier_id"
		" WHERE c.citizen_id = :id ORDER BY p.name", 1 },
	[INSIGHT_AVAILABILITY] = {
		"SELECT weekday, part FROM citizen_availability WHERE citizen_id = :id"
		" ORDER BY weekday, CASE part WHEN 'morning' THEN 0 WHEN 'afternoon' THEN 1 ELSE 2 END", 2 },
	[INSIGHT_MATCHES] = {
		"SELECT m.matched_on, COALESCE(v.name, ''), COALESCE(a.name, ''), COALESCE(m.ended_on, ''),"
		" COALESCE(m.outcome, ''), COALESCE(m.end_reason, '') FROM matches AS m"
		" LEFT JOIN volunteers AS v ON v.id = m.volunteer_id LEFT JOIN activities AS a ON a.id = m.activity_id"
		" WHERE m.citizen_id = :id ORDER BY m.matched_on, m.id", 6 },
	[INSIGHT_ATTENDANCE] = {
		"SELECT s.date, a.name, t.mark, COALESCE(v.name, '') FROM attendance AS t"
		" JOIN sessions AS s ON s.id = t.session_id JOIN activities AS a ON a.id = s.activity_id"
		" LEFT JOIN volunteers AS v ON v.id = t.accompanied_by WHERE t.citizen_id = :id ORDER BY s.date, a.name", 4 },
	[INSIGHT_CALLS] = {
		"SELECT f.due_on, f.reason, f.status, COALESCE(f.outcome, ''), COALESCE(f.note, ''),"
		" COALESCE(f.next_step, ''), COALESCE(u.name, '') FROM follow_ups AS f"
		" LEFT JOIN users AS u ON u.id = f.done_by WHERE f.citizen_id = :id ORDER BY f.due_on, f.id", 7 },
	[INSIGHT_FEEDBACK] = {
		"SELECT b.given_on, b.told, COALESCE(u.name, '') FROM referrer_feedback AS b"
		" LEFT JOIN users AS u ON u.id = b.given_by WHERE b.citizen_id = :id ORDER BY b.given_on, b.id", 3 },
	[INSIGHT_ESCALATIONS] = {
		"SELECT raised_on, attempts, COALESCE(resolved_on, ''), COALESCE(resolution, '')"
		" FROM call_escalations WHERE citizen_id = :id ORDER BY raised_on, id", 4 },
	[INSIGHT_MEASURES] = {
		"SELECT m.taken_on, d.name, m.occasion, m.total,"
		" COALESCE((SELECT group_concat(value, ' ') FROM (SELECT value FROM measure_answers"
		"  WHERE measure_row = m.id ORDER BY position)), '')"
		" FROM measures AS m JOIN measure_defs AS d ON d.id = m.measure_id WHERE m.citizen_id = :id"
		" ORDER BY m.taken_on, m.id", 5 },
	[INSIGHT_NOTES] = {
		"SELECT n.written_on, COALESCE(u.name, ''), n.text FROM notes AS n"
		" LEFT JOIN users AS u ON u.id = n.author WHERE n.citizen_id = :id ORDER BY n.written_on, n.id", 3 },
	/* Everyone's: a draft is stored about the person whoever wrote it. */
	[INSIGHT_DRAFTS] = {
		"SELECT d.updated_at, d.kind, COALESCE(f.due_on, ''), COALESCE(f.reason, ''), COALESCE(u.name, ''),"
		" COALESCE(d.words, CASE WHEN d.kind = 'note' THEN d.data END, '') FROM drafts AS d"
		" LEFT JOIN follow_ups AS f ON f.id = d.call_id LEFT JOIN users AS u ON u.id = d.user_id"
		" WHERE d.citizen_id = :id ORDER BY d.updated_at, d.id", 6 },
};

enum db_status store_insight_part(struct db *db, long long citizen_id, enum insight_part part, insight_row_fn row,
				  void *ctx)
{
	if ((int)part < 0 || part >= INSIGHT_PARTS || !parts[part].sql)
		return DB_ERR_MISUSE;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, parts[part].sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", citizen_id);
	enum db_status failed = DB_OK;
	while (failed == DB_OK && db_step(st) == DB_ROW) {
		const char *cols[INSIGHT_COLUMNS];
		int n = parts[part].ncols < INSIGHT_COLUMNS ? parts[part].ncols : INSIGHT_COLUMNS;
		for (int i = 0; i < n; i++)
			cols[i] = db_column_text(st, i);
		failed = row(ctx, part, cols, n);
	}
	r = db_finalize(st);
	return failed != DB_OK ? failed : r;
}
