/* store_protection.c — consent history, anonymising, the retention
 * rule's facts and the audit log (store_protection.h). The insight file's
 * parts are in store_insight.c. */
#include "store_protection.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_calls.h"
#include "store_keys.h"
#include "store_util.h"

#define CITIZEN_EXISTS "SELECT 1 FROM citizens WHERE id = :id"

/* ---------- consent ---------- */

enum db_status store_consent_history(struct db *db, long long citizen_id, struct consent_event *out, int max,
				     int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT k.id, k.purpose, k.given_on, COALESCE(g.name, ''), COALESCE(k.withdrawn_on, ''),"
		" COALESCE(w.name, '') FROM consents AS k"
		" LEFT JOIN users AS g ON g.id = k.recorded_by LEFT JOIN users AS w ON w.id = k.withdrawn_by"
		" WHERE k.citizen_id = :citizen ORDER BY k.given_on, k.id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	while (*count < max && db_step(st) == DB_ROW) {
		struct consent_event *e = &out[*count];
		memset(e, 0, sizeof *e);
		e->id = db_column_int(st, 0);
		STORE_COL(e->purpose, st, 1);
		STORE_COL(e->given_on, st, 2);
		STORE_COL(e->given_by, st, 3);
		STORE_COL(e->withdrawn_on, st, 4);
		STORE_COL(e->withdrawn_by, st, 5);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

/* Answered by consents_citizen alone (migration 22). */
static const char consent_in_force_sql[] =
	"SELECT EXISTS (SELECT 1 FROM consents WHERE citizen_id = :citizen AND purpose = :purpose"
	" AND withdrawn_on IS NULL)";

void store_consent_warm(struct db *db)
{
	static const char *const all[] = { consent_in_force_sql };
	store_warm(db, all, 1);
}

enum db_status store_consent_in_force(struct db *db, long long citizen_id, const char *purpose, bool *given)
{
	*given = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, consent_in_force_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":purpose", purpose);
	if (db_step(st) == DB_ROW)
		*given = db_column_int(st, 0) != 0;
	return db_finalize(st);
}

enum db_status store_consent_give(struct db *db, long long citizen_id, const char *purpose, const char *given_on,
				  db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO consents(citizen_id, purpose, given_on, recorded_by)"
		" VALUES (:citizen, :purpose, :given_on, :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":purpose", purpose);
	store_bind_date_or_today(st, ":given_on", given_on);
	store_bind_id(st, ":user", by);
	r = store_run(st);
	/* A consent of nobody breaks the foreign key: say so plainly. */
	if (r == DB_ERR_CONSTRAINT && store_conflict_or_missing(db, CITIZEN_EXISTS, citizen_id) == DB_ERR_NOTFOUND)
		r = DB_ERR_NOTFOUND;
	return r;
}

enum db_status store_consent_withdraw(struct db *db, long long citizen_id, const char *purpose, const char *on,
				      db_user_id by, bool *changed)
{
	*changed = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE consents SET withdrawn_on = CASE WHEN given_on > :on THEN given_on ELSE :on END,"
		" withdrawn_by = :user"
		" WHERE citizen_id = :citizen AND purpose = :purpose AND withdrawn_on IS NULL");
	if (r != DB_OK)
		return r;
	store_bind_date_or_today(st, ":on", on);
	store_bind_id(st, ":user", by);
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":purpose", purpose);
	if ((r = store_run(st)) == DB_OK)
		*changed = db_changes(db) > 0;
	return r;
}

enum db_status store_consent_referral_feedback(struct db *db, long long citizen_id, bool agreed)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE referrals SET feedback_consent = :agreed WHERE id = (SELECT id FROM referrals"
		" WHERE citizen_id = :citizen ORDER BY referred_on DESC, id DESC LIMIT 1)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":agreed", agreed);
	db_bind_int(st, ":citizen", citizen_id);
	return store_run(st);
}

enum db_status store_consent_cancel_calls(struct db *db, long long citizen_id, bool to_referrer, db_user_id by,
					  int *cancelled)
{
	*cancelled = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE follow_ups SET status = 'cancelled', done_at = :now, done_by = :user"
		" WHERE citizen_id = :citizen AND status = 'open'"
		" AND (reason = 'referrer_feedback') = :to_referrer");
	if (r != DB_OK)
		return r;
	store_bind_id(st, ":user", by);
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_int(st, ":to_referrer", to_referrer);
	store_bind_now(st, ":now");
	if ((r = store_run(st)) == DB_OK)
		*cancelled = db_changes(db);
	return r;
}

/* ---------- anonymising ---------- */

/* Statements that take only the citizen (:id): what goes besides the
 * citizen's own row. */
static const char *const anonymise_rows[] = {
	"DELETE FROM citizen_interests WHERE citizen_id = :id",
	"DELETE FROM citizen_barriers WHERE citizen_id = :id",
	"DELETE FROM citizen_availability WHERE citizen_id = :id",
	"DELETE FROM relatives WHERE citizen_id = :id",
	"DELETE FROM notes WHERE citizen_id = :id",
	"UPDATE referrals SET referrer_name = NULL, referrer_org = NULL, referrer_phone = NULL"
	" WHERE citizen_id = :id",
	"UPDATE assessments SET note = NULL, handover_to = NULL WHERE citizen_id = :id",
	/* A next step is kept when it is one of the program's codes; free
	 * text (older data, the demo) is a note. */
	"UPDATE follow_ups SET note = NULL, next_step = CASE WHEN next_step IN ('" CALL_NEXT_NEW_CALL "', '"
	CALL_NEXT_NEW_MATCH "', '" CALL_NEXT_ON_OWN "', '" CALL_NEXT_END_COURSE "', '" CALL_NEXT_HANDOVER "', '"
	CALL_NEXT_NONE "') THEN next_step END WHERE citizen_id = :id",
	"UPDATE matches SET end_reason = NULL WHERE citizen_id = :id",
	"UPDATE referrer_feedback SET told = '-' WHERE citizen_id = :id",
	"UPDATE call_escalations SET resolution = NULL WHERE citizen_id = :id",
	/* Card edits kept at a stop hold the person's details. */
	"DELETE FROM drafts WHERE citizen_id = :id",
};

enum db_status store_anonymise_citizen(struct db *db, long long citizen_id, const struct anonymise_values *v)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE citizens SET name = :name, birth_year = NULL, age_band = :band, phone = NULL,"
		" email = NULL, address = NULL, contact_pref = NULL, gender = NULL, wishes = NULL,"
		" pref_volunteer_gender = NULL, pref_volunteer_age = NULL, pref_lived_experience = 0,"
		" language = NULL, needs_intake = 0, anonymised_on = :today, version = version + 1,"
		" updated_at = :now WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":name", v->name);
	db_bind_text(st, ":band", store_or_null(v->age_band));
	db_bind_text(st, ":today", v->today);
	db_bind_int(st, ":id", citizen_id);
	store_bind_now(st, ":now");
	if ((r = store_run_changed(db, st, DB_ERR_NOTFOUND)) != DB_OK)
		return r;
	for (size_t i = 0; i < sizeof anonymise_rows / sizeof anonymise_rows[0]; i++) {
		if ((r = db_prepare(db, &st, anonymise_rows[i])) != DB_OK)
			return r;
		db_bind_int(st, ":id", citizen_id);
		if ((r = store_run(st)) != DB_OK)
			return r;
	}
	if ((r = db_prepare(db, &st,
			"UPDATE enrolments SET ended_on = max(enrolled_on, :today)"
			" WHERE citizen_id = :id AND ended_on IS NULL")) != DB_OK)
		return r;
	db_bind_text(st, ":today", v->today);
	db_bind_int(st, ":id", citizen_id);
	if ((r = store_run(st)) != DB_OK)
		return r;
	/* Every search key, after the name: search no longer finds them. */
	return store_keys_clear_citizen(db, citizen_id);
}

/* ---------- retention ---------- */

/* The facts of citizen `c` the rule decides on. */
#define RETENTION_FACTS \
	"c.id, c.status = 'ended', COALESCE(c.ended_on, '')," \
	" COALESCE((SELECT max(referred_on) FROM referrals WHERE citizen_id = c.id), '')," \
	" EXISTS (SELECT 1 FROM assessments WHERE citizen_id = c.id)" \
	" OR EXISTS (SELECT 1 FROM matches WHERE citizen_id = c.id)" \
	" OR EXISTS (SELECT 1 FROM attendance WHERE citizen_id = c.id AND mark = 'present')," \
	" EXISTS (SELECT 1 FROM enrolments WHERE citizen_id = c.id AND ended_on IS NULL)," \
	" COALESCE((SELECT max(s.date) FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id" \
	"  WHERE t.citizen_id = c.id), '')"

/* The rows of a part on or before :before, after the cursor (:on, :id),
 * in the order of the part's index, `day` being the index's date: a
 * range of the index from :on, so a read costs the same wherever the
 * cursor stands. */
#define AFTER_CURSOR(day, id) \
	day " <= :before AND " day " >= :on AND (" day " > :on OR " id " > :id)" \
	" ORDER BY " day ", " id " LIMIT :max"

/* Moves the cursor to the last row read, or to the next part when the
 * part had no more than that. */
static void cursor_past(struct retention_cursor *at, int read, int max, const char *on, long long id)
{
	if (read < max) {
		*at = (struct retention_cursor){ .part = at->part + 1 };
		return;
	}
	snprintf(at->on, sizeof at->on, "%s", on);
	at->id = id;
}

enum db_status store_retention_facts(struct db *db, const char *before, struct retention_cursor *at, int max,
				     struct retention_fact **out, int *count)
{
	struct store_grow g = { .size = sizeof **out };
	if (at->part != RETENTION_ENDED && at->part != RETENTION_WAITING)
		return store_grow_done(&g, DB_OK, (void **)out, count);
	/* Each part in its own index of the day the rule counts from
	 * (citizens.retention_from, migration 21): on or before the part's
	 * cut-off lie only those the rule anonymises today, who leave the
	 * index when anonymised, so a day reads what came past the cut-off
	 * since the day before, not the centre. */
	struct db_stmt *st;
	enum db_status r = at->part == RETENTION_ENDED
		? db_prepare(db, &st, "SELECT " RETENTION_FACTS ", c.retention_from"
			" FROM citizens AS c INDEXED BY retention_course"
			" WHERE c.retention_from IS NOT NULL AND c.status = 'ended' AND c.anonymised_on IS NULL AND "
			AFTER_CURSOR("c.retention_from", "c.id"))
		: db_prepare(db, &st, "SELECT " RETENTION_FACTS ", c.retention_from"
			" FROM citizens AS c INDEXED BY retention_referral"
			" WHERE c.retention_from IS NOT NULL AND c.status = 'active' AND c.anonymised_on IS NULL AND "
			AFTER_CURSOR("c.retention_from", "c.id"));
	if (r != DB_OK)
		return store_grow_done(&g, r, (void **)out, count);
	db_bind_text(st, ":before", before);
	db_bind_text(st, ":on", at->on);
	db_bind_int(st, ":id", at->id);
	db_bind_int(st, ":max", max);
	char on[CIT_DATE] = "";
	long long id = 0;
	while (db_step(st) == DB_ROW) {
		struct retention_fact *f = store_grow_next(&g);
		if (!f) {
			db_finalize(st);
			return store_grow_done(&g, DB_ERR_IO, (void **)out, count);
		}
		f->citizen_id = id = db_column_int(st, 0);
		f->ended = db_column_int(st, 1) != 0;
		STORE_COL(f->ended_on, st, 2);
		STORE_COL(f->referred_on, st, 3);
		f->followed_up = db_column_int(st, 4) != 0;
		f->enrolled = db_column_int(st, 5) != 0;
		STORE_COL(f->last_seen_on, st, 6);
		STORE_COL(on, st, 7);
		STORE_COL(f->read_on, st, 7);
	}
	if ((r = db_finalize(st)) == DB_OK)
		cursor_past(at, g.count, max, on, id);
	return store_grow_done(&g, r, (void **)out, count);
}

enum db_status store_retention_referrals(struct db *db, const char *before, struct retention_cursor *at, int max,
					 struct retention_referral **out, int *count)
{
	struct store_grow g = { .size = sizeof **out };
	if (at->part != RETENTION_REFERRALS)
		return store_grow_done(&g, DB_OK, (void **)out, count);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, referred_on FROM referrals INDEXED BY retention_referrals"
		" WHERE citizen_id IS NULL"
		" AND (referrer_name IS NOT NULL OR referrer_org IS NOT NULL OR referrer_phone IS NOT NULL) AND "
		AFTER_CURSOR("referred_on", "id"));
	if (r != DB_OK)
		return store_grow_done(&g, r, (void **)out, count);
	db_bind_text(st, ":before", before);
	db_bind_text(st, ":on", at->on);
	db_bind_int(st, ":id", at->id);
	db_bind_int(st, ":max", max);
	struct retention_referral *f = NULL;
	while (db_step(st) == DB_ROW) {
		f = store_grow_next(&g);
		if (!f) {
			db_finalize(st);
			return store_grow_done(&g, DB_ERR_IO, (void **)out, count);
		}
		f->referral_id = db_column_int(st, 0);
		STORE_COL(f->referred_on, st, 1);
	}
	if ((r = db_finalize(st)) == DB_OK)
		cursor_past(at, g.count, max, f ? f->referred_on : "", f ? f->referral_id : 0);
	return store_grow_done(&g, r, (void **)out, count);
}

enum db_status store_retention_strip_referral(struct db *db, long long referral_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE referrals SET referrer_name = NULL, referrer_org = NULL, referrer_phone = NULL WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", referral_id);
	return store_run(st);
}

enum db_status store_audit_count_before(struct db *db, const char *before, long long *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT count(*) FROM audit_log WHERE at < :before");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":before", before);
	if (db_step(st) == DB_ROW)
		*count = db_column_int(st, 0);
	return db_finalize(st);
}

enum db_status store_audit_delete_before(struct db *db, const char *before, int max, long long *deleted)
{
	*deleted = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < :before ORDER BY at, id"
		" LIMIT :max)");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":before", before);
	/* No limit: the largest, as PostgreSQL takes no negative LIMIT. */
	db_bind_int(st, ":max", max > 0 ? max : LLONG_MAX);
	if ((r = store_run(st)) == DB_OK)
		*deleted = db_changes(db);
	return r;
}

/* ---------- the audit log ---------- */

/* The citizen an entry is about: the citizen itself, or the citizen of
 * the call, match, referral or feedback it names. */
#define AUDIT_CITIZEN(a) \
	"CASE " a ".entity WHEN 'citizen' THEN " a ".entity_id" \
	" WHEN 'follow_up' THEN (SELECT citizen_id FROM follow_ups WHERE id = " a ".entity_id)" \
	" WHEN 'match' THEN (SELECT citizen_id FROM matches WHERE id = " a ".entity_id)" \
	" WHEN 'referral' THEN (SELECT citizen_id FROM referrals WHERE id = " a ".entity_id)" \
	" WHEN 'referrer_feedback' THEN (SELECT citizen_id FROM referrer_feedback WHERE id = " a ".entity_id)" \
	" END"

/* The entries about a citizen, each kind through the index on
 * (entity, entity_id): a long log is not read through for one person. */
#define AUDIT_ABOUT_CITIZEN \
	"SELECT id FROM audit_log WHERE entity = 'citizen' AND entity_id = :citizen" \
	" UNION ALL SELECT a.id FROM follow_ups AS x JOIN audit_log AS a" \
	"  ON a.entity = 'follow_up' AND a.entity_id = x.id WHERE x.citizen_id = :citizen" \
	" UNION ALL SELECT a.id FROM matches AS x JOIN audit_log AS a" \
	"  ON a.entity = 'match' AND a.entity_id = x.id WHERE x.citizen_id = :citizen" \
	" UNION ALL SELECT a.id FROM referrals AS x JOIN audit_log AS a" \
	"  ON a.entity = 'referral' AND a.entity_id = x.id WHERE x.citizen_id = :citizen" \
	" UNION ALL SELECT a.id FROM referrer_feedback AS x JOIN audit_log AS a" \
	"  ON a.entity = 'referrer_feedback' AND a.entity_id = x.id WHERE x.citizen_id = :citizen"

/* The users a filter names, up to AUDIT_USERS; unused slots hold 0. */
#define USER_SLOTS ":u0, :u1, :u2, :u3, :u4, :u5, :u6, :u7, :u8, :u9, :u10, :u11, :u12, :u13, :u14, :u15," \
	" :u16, :u17, :u18, :u19, :u20, :u21, :u22, :u23, :u24, :u25, :u26, :u27, :u28, :u29, :u30, :u31"

#define AUDIT_SELECT \
	"SELECT a.id, a.at, COALESCE(u.name, ''), a.action, a.entity, COALESCE(a.entity_id, 0)," \
	" COALESCE(a.detail, ''), COALESCE(c.id, 0), COALESCE(c.name, '')" \
	" FROM (SELECT a.*, " AUDIT_CITIZEN("a") " AS citizen_id FROM audit_log AS a" \
	"  WHERE (:below = 0 OR a.id < :below)" \
	"  AND (:from IS NULL OR a.at >= :from) AND (:before IS NULL OR a.at < :before)" \
	"  AND (:by_user = 0 OR a.user_id IN (" USER_SLOTS "))"
#define AUDIT_END \
	"  ORDER BY a.id DESC LIMIT :max) AS a" \
	" LEFT JOIN users AS u ON u.id = a.user_id LEFT JOIN citizens AS c ON c.id = a.citizen_id" \
	" ORDER BY a.id DESC"

enum db_status store_audit_list(struct db *db, const struct audit_query *f, long long below, int max,
				struct audit_entry *out, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, f->citizen_id
		? AUDIT_SELECT " AND a.id IN (" AUDIT_ABOUT_CITIZEN ")" AUDIT_END
		: AUDIT_SELECT AUDIT_END);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":below", below);
	db_bind_text(st, ":from", store_or_null(f->from));
	db_bind_text(st, ":before", store_or_null(f->before));
	if (f->citizen_id)
		db_bind_int(st, ":citizen", f->citizen_id);
	db_bind_int(st, ":by_user", f->by_user);
	for (int i = 0; i < AUDIT_USERS; i++) {
		char slot[8];
		snprintf(slot, sizeof slot, ":u%d", i);
		db_bind_int(st, slot, i < f->nusers ? f->user_ids[i] : 0);
	}
	db_bind_int(st, ":max", max);
	while (*count < max && db_step(st) == DB_ROW) {
		struct audit_entry *e = &out[*count];
		memset(e, 0, sizeof *e);
		e->id = db_column_int(st, 0);
		STORE_COL(e->at, st, 1);
		STORE_COL(e->user, st, 2);
		STORE_COL(e->action, st, 3);
		STORE_COL(e->entity, st, 4);
		e->entity_id = db_column_int(st, 5);
		STORE_COL(e->detail, st, 6);
		e->citizen_id = db_column_int(st, 7);
		STORE_COL(e->citizen, st, 8);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}
