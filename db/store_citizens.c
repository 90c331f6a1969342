/* store_citizens.c — citizens: the parts of a card, reading the card,
 * ending and reopening a course, notes. Search is in
 * store_citizens_search.c, the timeline and the next-step facts in
 * store_citizens_timeline.c, pick-lists and drafts in store_drafts.c.
 *
 * Every function joins the caller's transaction; the use cases in src/
 * decide what is written and write the audit record. The search keys
 * are made by src/textkeys.c and written here as given, beside the
 * details they are made of; the schema's triggers only keep the search
 * indexes in step with them.
 */
#include "store_citizens.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "store_citizens_internal.h"
#include "store_util.h"

/* The purposes struct consent has a flag for, as the consents table
 * names them; 'measures' is kept elsewhere. */
static const struct {
	const char *purpose;
	size_t flag;
} consent_purposes[] = {
	{ "registration", offsetof(struct consent, registration) },
	{ "volunteer_contact", offsetof(struct consent, volunteer_contact) },
	{ "referrer_feedback", offsetof(struct consent, referrer_feedback) },
};
#define CONSENT_PURPOSES (sizeof consent_purposes / sizeof consent_purposes[0])

static bool consent_flag(const struct consent *c, size_t purpose)
{
	return *(const bool *)((const char *)c + consent_purposes[purpose].flag);
}

static int clamp_picks(int n)
{
	return n < 0 ? 0 : n > CIT_MAX_PICKS ? CIT_MAX_PICKS : n;
}

#define CITIZEN_EXISTS "SELECT 1 FROM citizens WHERE id = :id"

/* ---------- the citizen ---------- */

static void bind_citizen(struct db_stmt *st, const struct citizen *c)
{
	db_bind_text(st, ":name", c->name);
	store_bind_id(st, ":birth_year", c->birth_year);
	db_bind_text(st, ":phone", store_or_null(c->phone));
	db_bind_text(st, ":email", store_or_null(c->email));
	db_bind_text(st, ":address", store_or_null(c->address));
	db_bind_text(st, ":postcode", store_or_null(c->postcode));
	db_bind_text(st, ":town", store_or_null(c->town));
	db_bind_text(st, ":contact_pref", store_or_null(c->contact_pref));
	db_bind_text(st, ":wishes", store_or_null(c->wishes));
}

#define KEY_COLUMNS "sort_key, family_key, name_keys, name_fold, search_other, phone_digits"
#define KEY_VALUES ":sort_key, :family_key, :name_keys, :name_fold, :search_other, :phone_digits"
#define KEY_SET "sort_key = :sort_key, family_key = :family_key, name_keys = :name_keys," \
	" name_fold = :name_fold, search_other = :search_other, phone_digits = :phone_digits"

enum db_status store_citizens_insert(struct db *db, const struct citizen *c, const struct citizen_keys *keys,
				     long long *id)
{
	*id = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO citizens(name, birth_year, phone, email, address, postcode,"
		" town, contact_pref, wishes, created_at, updated_at, " KEY_COLUMNS ")"
		" VALUES (:name, :birth_year, :phone, :email, :address, :postcode,"
		" :town, :contact_pref, :wishes, :now, :now, " KEY_VALUES ")");
	if (r != DB_OK)
		return r;
	bind_citizen(st, c);
	store_bind_citizen_keys(st, keys);
	store_bind_now(st, ":now");
	if ((r = store_run(st)) == DB_OK)
		*id = db_last_insert_id(db);
	return r;
}

enum db_status store_citizens_update(struct db *db, const struct citizen *c, const struct citizen_keys *keys,
				     long long expected_version)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE citizens SET name = :name, birth_year = :birth_year, phone = :phone,"
		" email = :email, address = :address, postcode = :postcode, town = :town,"
		" contact_pref = :contact_pref, wishes = :wishes, version = version + 1,"
		" updated_at = :now, " KEY_SET
		" WHERE id = :id AND version = :expected");
	if (r != DB_OK)
		return r;
	bind_citizen(st, c);
	store_bind_citizen_keys(st, keys);
	store_bind_now(st, ":now");
	db_bind_int(st, ":id", c->id);
	db_bind_int(st, ":expected", expected_version);
	return store_run_versioned(db, st, CITIZEN_EXISTS, c->id);
}

/* ---------- referral, relative ---------- */

static void bind_referral(struct db_stmt *st, const struct referral *ref)
{
	db_bind_text(st, ":referred_on", store_or_null(ref->referred_on));
	db_bind_text(st, ":source", store_or_null(ref->source));
	db_bind_text(st, ":name", store_or_null(ref->referrer_name));
	db_bind_text(st, ":org", store_or_null(ref->referrer_org));
	db_bind_text(st, ":phone", store_or_null(ref->referrer_phone));
	db_bind_int(st, ":feedback", ref->feedback_consent);
}

enum db_status store_citizens_add_referral(struct db *db, long long citizen_id, const struct referral *ref,
					   db_user_id by, long long *referral_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO referrals(citizen_id, referred_on, source, referrer_name, referrer_org,"
		" referrer_phone, feedback_consent, created_at, created_by)"
		" VALUES (:citizen, :referred_on, :source, :name, :org,"
		" :phone, :feedback, :now, :user)");
	if (r != DB_OK)
		return r;
	store_bind_id(st, ":citizen", citizen_id);
	bind_referral(st, ref);
	store_bind_date_or_today(st, ":referred_on", ref->referred_on);
	store_bind_now(st, ":now");
	store_bind_id(st, ":user", by);
	if ((r = store_run(st)) == DB_OK && referral_id)
		*referral_id = db_last_insert_id(db);
	return r;
}

enum db_status store_citizens_update_referral(struct db *db, long long referral_id, const struct referral *ref)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE referrals SET referred_on = COALESCE(:referred_on, referred_on),"
		" source = :source, referrer_name = :name, referrer_org = :org,"
		" referrer_phone = :phone, feedback_consent = :feedback WHERE id = :id");
	if (r != DB_OK)
		return r;
	bind_referral(st, ref);
	db_bind_int(st, ":id", referral_id);
	return store_run(st);
}

enum db_status store_citizens_set_relative(struct db *db, long long citizen_id, const struct relative *rel)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"DELETE FROM relatives WHERE citizen_id = :citizen AND takes_part = 1");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	if ((r = store_run(st)) != DB_OK || !rel->name[0])
		return r;
	if ((r = db_prepare(db, &st,
			"INSERT INTO relatives(citizen_id, name, relation, phone, takes_part, wants_support)"
			" VALUES (:citizen, :name, :relation, :phone, 1, :support)")) != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":name", rel->name);
	db_bind_text(st, ":relation", store_or_null(rel->relation));
	db_bind_text(st, ":phone", store_or_null(rel->phone));
	db_bind_int(st, ":support", rel->wants_support);
	return store_run(st);
}

/* ---------- consents ---------- */

enum db_status store_citizens_give_consents(struct db *db, long long citizen_id, const struct consent *which,
					    const char *given_on, db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO consents(citizen_id, purpose, given_on, recorded_by)"
		" VALUES (:citizen, :purpose, :given_on, :user)");
	if (r != DB_OK)
		return r;
	for (size_t i = 0; i < CONSENT_PURPOSES; i++) {
		if (!consent_flag(which, i))
			continue;
		db_reset(st);
		db_bind_int(st, ":citizen", citizen_id);
		db_bind_text(st, ":purpose", consent_purposes[i].purpose);
		store_bind_date_or_today(st, ":given_on", given_on);
		store_bind_id(st, ":user", by);
		if (db_step(st) != DB_DONE)
			break;
	}
	return db_finalize(st);
}

enum db_status store_citizens_withdraw_consents(struct db *db, long long citizen_id, const struct consent *which)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE consents SET withdrawn_on = max(given_on, :today)"
		" WHERE citizen_id = :citizen AND purpose = :purpose AND withdrawn_on IS NULL");
	if (r != DB_OK)
		return r;
	for (size_t i = 0; i < CONSENT_PURPOSES; i++) {
		if (!consent_flag(which, i))
			continue;
		db_reset(st);
		db_bind_int(st, ":citizen", citizen_id);
		db_bind_text(st, ":purpose", consent_purposes[i].purpose);
		store_bind_date_or_today(st, ":today", NULL);
		if (db_step(st) != DB_DONE)
			break;
	}
	return db_finalize(st);
}

enum db_status store_citizens_redate_consents(struct db *db, long long citizen_id, const char *from, const char *to)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE consents SET given_on = :new WHERE citizen_id = :citizen"
		" AND withdrawn_on IS NULL AND given_on = :old");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":new", to);
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":old", from);
	return store_run(st);
}

/* ---------- assessments ---------- */

enum db_status store_citizens_add_assessment(struct db *db, long long citizen_id, const struct assessment *a,
					     db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO assessments(citizen_id, assessed_on, outcome, handover_to, handover_on,"
		" assessed_by)"
		" VALUES (:citizen, :assessed_on, :outcome,"
		" :handover_to, :handover_on, :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	store_bind_date_or_today(st, ":assessed_on", a->assessed_on);
	db_bind_text(st, ":outcome", a->outcome);
	db_bind_text(st, ":handover_to", store_or_null(a->handover_to));
	db_bind_text(st, ":handover_on", store_or_null(a->handover_on));
	store_bind_id(st, ":user", by);
	return store_run(st);
}

enum db_status store_citizens_update_assessment(struct db *db, long long assessment_id, const struct assessment *a)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE assessments SET outcome = :outcome, handover_to = :handover_to,"
		" handover_on = :handover_on WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":outcome", a->outcome);
	db_bind_text(st, ":handover_to", store_or_null(a->handover_to));
	db_bind_text(st, ":handover_on", store_or_null(a->handover_on));
	db_bind_int(st, ":id", assessment_id);
	return store_run(st);
}

enum db_status store_citizens_delete_assessment(struct db *db, long long assessment_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "DELETE FROM assessments WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", assessment_id);
	return store_run(st);
}

/* ---------- interests, barriers, availability ---------- */

/* Inserts (citizen, pick) pairs with one statement reused; duplicates in
 * the form are ignored, an unknown pick breaks the foreign key. */
static enum db_status insert_picks(struct db *db, const char *sql, long long citizen_id,
				   const long long *picks, int n)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	for (int i = 0; i < clamp_picks(n); i++) {
		db_reset(st);
		db_bind_int(st, ":citizen", citizen_id);
		db_bind_int(st, ":pick", picks[i]);
		if (db_step(st) != DB_DONE)
			break;
	}
	return db_finalize(st);
}

static enum db_status insert_availability(struct db *db, long long citizen_id, availability_bits bits)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO citizen_availability(citizen_id, weekday, part) VALUES (:citizen, :weekday, :part)");
	if (r != DB_OK)
		return r;
	for (int day = 1; day <= 7; day++) {
		for (int part = 0; part < 3; part++) {
			if (!(bits & AVAIL_BIT(day, part)))
				continue;
			db_reset(st);
			db_bind_int(st, ":citizen", citizen_id);
			db_bind_int(st, ":weekday", day);
			db_bind_text(st, ":part", store_day_parts[part]);
			db_step(st);
		}
	}
	return db_finalize(st);
}

enum db_status store_citizens_set_picks(struct db *db, long long citizen_id, const struct citizen_card *in)
{
	static const char *const clear[] = {
		"DELETE FROM citizen_interests WHERE citizen_id = :citizen",
		"DELETE FROM citizen_barriers WHERE citizen_id = :citizen",
		"DELETE FROM citizen_availability WHERE citizen_id = :citizen",
	};
	enum db_status r;
	for (size_t i = 0; i < sizeof clear / sizeof clear[0]; i++) {
		struct db_stmt *st;
		if ((r = db_prepare(db, &st, clear[i])) != DB_OK)
			return r;
		db_bind_int(st, ":citizen", citizen_id);
		if ((r = store_run(st)) != DB_OK)
			return r;
	}
	if ((r = insert_picks(db, "INSERT OR IGNORE INTO citizen_interests(citizen_id, interest_id)"
				  " VALUES (:citizen, :pick)", citizen_id, in->interests, in->ninterests)) != DB_OK)
		return r;
	if ((r = insert_picks(db, "INSERT OR IGNORE INTO citizen_barriers(citizen_id, barrier_id)"
				  " VALUES (:citizen, :pick)", citizen_id, in->barriers, in->nbarriers)) != DB_OK)
		return r;
	return insert_availability(db, citizen_id, in->availability);
}

/* ---------- reading the card ---------- */

#define CITIZEN_COLUMNS \
	"c.id, c.name, c.birth_year, c.phone, c.email, c.address, c.postcode, c.town," \
	" c.contact_pref, c.wishes, c.status, c.ended_on, c.end_reason, c.version, c.updated_at," \
	" c.anonymised_on, c.age_band"

static void read_citizen_row(struct db_stmt *st, struct citizen *c)
{
	c->id = db_column_int(st, 0);
	STORE_COL(c->name, st, 1);
	c->birth_year = (int)db_column_int(st, 2);
	STORE_COL(c->phone, st, 3);
	STORE_COL(c->email, st, 4);
	STORE_COL(c->address, st, 5);
	STORE_COL(c->postcode, st, 6);
	STORE_COL(c->town, st, 7);
	STORE_COL(c->contact_pref, st, 8);
	STORE_COL(c->wishes, st, 9);
	STORE_COL(c->status, st, 10);
	STORE_COL(c->ended_on, st, 11);
	STORE_COL(c->end_reason, st, 12);
	c->version = db_column_int(st, 13);
	STORE_COL(c->updated_at, st, 14);
	STORE_COL(c->anonymised_on, st, 15);
	STORE_COL(c->age_band, st, 16);
}

enum db_status store_citizens_read_relative(struct db *db, long long citizen_id, struct relative *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT name, relation, phone, wants_support FROM relatives"
		" WHERE citizen_id = :id AND takes_part = 1 ORDER BY id LIMIT 1");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", citizen_id);
	if (db_step(st) == DB_ROW) {
		STORE_COL(out->name, st, 0);
		STORE_COL(out->relation, st, 1);
		STORE_COL(out->phone, st, 2);
		out->wants_support = db_column_int(st, 3) != 0;
	}
	return db_finalize(st);
}

enum db_status store_citizens_card(struct db *db, long long id, struct citizen_card *out,
				   struct citizen_card_rows *rows)
{
	memset(out, 0, sizeof *out);
	struct citizen_card_rows ignored;
	if (!rows)
		rows = &ignored;
	memset(rows, 0, sizeof *rows);

	struct db_stmt *st = NULL;
	enum db_status r = db_prepare(db, &st, "SELECT " CITIZEN_COLUMNS " FROM citizens AS c WHERE c.id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	enum db_status step = db_step(st);
	if (step == DB_ROW)
		read_citizen_row(st, &out->citizen);
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	if (step != DB_ROW)
		return DB_ERR_NOTFOUND;

	/* The latest referral: a citizen may be referred again later. */
	if ((r = db_prepare(db, &st,
			"SELECT id, referred_on, source, referrer_name, referrer_org, referrer_phone,"
			" feedback_consent FROM referrals WHERE citizen_id = :id"
			" ORDER BY referred_on DESC, id DESC LIMIT 1")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	if (db_step(st) == DB_ROW) {
		struct referral *ref = &out->referral;
		rows->referral_id = db_column_int(st, 0);
		STORE_COL(ref->referred_on, st, 1);
		STORE_COL(ref->source, st, 2);
		STORE_COL(ref->referrer_name, st, 3);
		STORE_COL(ref->referrer_org, st, 4);
		STORE_COL(ref->referrer_phone, st, 5);
		ref->feedback_consent = db_column_int(st, 6) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = store_citizens_read_relative(db, id, &out->relative)) != DB_OK)
		return r;

	/* Consents in force; the date and recorder shown are those of the
	 * registration consent, else of the earliest one. */
	if ((r = db_prepare(db, &st,
			"SELECT k.purpose, k.given_on, COALESCE(u.name, '') FROM consents AS k"
			" LEFT JOIN users AS u ON u.id = k.recorded_by"
			" WHERE k.citizen_id = :id AND k.withdrawn_on IS NULL"
			" ORDER BY k.purpose = 'registration' DESC, k.given_on, k.id")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	bool first = true;
	while (db_step(st) == DB_ROW) {
		const char *purpose = db_column_text(st, 0);
		size_t i = 0;
		while (i < CONSENT_PURPOSES && strcmp(purpose, consent_purposes[i].purpose) != 0)
			i++;
		if (i == CONSENT_PURPOSES)
			continue;
		*(bool *)((char *)&out->consent + consent_purposes[i].flag) = true;
		if (first) {
			STORE_COL(out->consent.given_on, st, 1);
			STORE_COL(out->consent.recorded_by, st, 2);
			first = false;
		}
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT id, outcome, assessed_on, handover_to, handover_on FROM assessments"
			" WHERE citizen_id = :id ORDER BY assessed_on DESC, id DESC LIMIT 1")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	if (db_step(st) == DB_ROW) {
		rows->assessment_id = db_column_int(st, 0);
		STORE_COL(out->assessment.outcome, st, 1);
		STORE_COL(out->assessment.assessed_on, st, 2);
		STORE_COL(out->assessment.handover_to, st, 3);
		STORE_COL(out->assessment.handover_on, st, 4);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = store_read_ids(db, "SELECT interest_id FROM citizen_interests WHERE citizen_id = :id"
				" ORDER BY interest_id", id, out->interests, CIT_MAX_PICKS, &out->ninterests)) != DB_OK)
		return r;
	if ((r = store_read_ids(db, "SELECT barrier_id FROM citizen_barriers WHERE citizen_id = :id"
				" ORDER BY barrier_id", id, out->barriers, CIT_MAX_PICKS, &out->nbarriers)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT weekday, part FROM citizen_availability WHERE citizen_id = :id")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (db_step(st) == DB_ROW)
		out->availability |= store_slot_bit((int)db_column_int(st, 0), db_column_text(st, 1));
	return db_finalize(st);
}

enum db_status store_citizens_pick_names(struct db *db, long long id, const char *which, struct pick *out, int max,
					 int *count)
{
	*count = 0;
	const char *sql;
	if (which && strcmp(which, "interests") == 0)
		sql = "SELECT p.id, p.name FROM citizen_interests AS c JOIN interests AS p ON p.id = c.interest_id"
		      " WHERE c.citizen_id = :id ORDER BY p.id";
	else if (which && strcmp(which, "barriers") == 0)
		sql = "SELECT p.id, p.name FROM citizen_barriers AS c JOIN barriers AS p ON p.id = c.barrier_id"
		      " WHERE c.citizen_id = :id ORDER BY p.id";
	else
		return DB_ERR_MISUSE;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (*count < max && db_step(st) == DB_ROW) {
		out[*count].id = db_column_int(st, 0);
		STORE_COL(out[*count].name, st, 1);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

/* ---------- the course and notes ---------- */

/* Sets status, ended_on and end_reason together, as the CHECK demands. */
static enum db_status set_course(struct db *db, long long id, long long expected_version, bool ended,
				 const char *ended_on, const char *reason)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE citizens SET status = CASE WHEN :ended THEN 'ended' ELSE 'active' END,"
		" ended_on = CASE WHEN :ended THEN :ended_on END,"
		" end_reason = CASE WHEN :ended THEN :reason END,"
		" version = version + 1, updated_at = :now"
		" WHERE id = :id AND version = :expected");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":ended", ended);
	db_bind_text(st, ":reason", store_or_null(reason));
	store_bind_date_or_today(st, ":ended_on", ended_on);
	store_bind_now(st, ":now");
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":expected", expected_version);
	return store_run_versioned(db, st, CITIZEN_EXISTS, id);
}

enum db_status store_citizens_end(struct db *db, long long id, long long expected_version, const char *ended_on,
				  const char *reason)
{
	return set_course(db, id, expected_version, true, ended_on, reason);
}

enum db_status store_citizens_reopen(struct db *db, long long id, long long expected_version)
{
	return set_course(db, id, expected_version, false, NULL, NULL);
}

enum db_status store_citizens_add_note(struct db *db, long long id, const char *written_on, db_user_id by,
				       const char *text)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO notes(citizen_id, written_on, author, text)"
		" VALUES (:citizen, :written_on, :user, :text)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", id);
	store_bind_date_or_today(st, ":written_on", written_on);
	store_bind_id(st, ":user", by);
	db_bind_text(st, ":text", text);
	r = store_run(st);
	/* A note on nobody breaks the foreign key: say so plainly. */
	if (r == DB_ERR_CONSTRAINT && store_conflict_or_missing(db, CITIZEN_EXISTS, id) == DB_ERR_NOTFOUND)
		r = DB_ERR_NOTFOUND;
	return r;
}

/* ---------- everyone's name and phone, for the duplicate rule ---------- */

enum db_status store_citizens_each_name(struct db *db, store_citizens_each_fn each, void *ctx)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT id, name, COALESCE(phone, '') FROM citizens ORDER BY id");
	if (r != DB_OK)
		return r;
	while (db_step(st) == DB_ROW)
		if (!each(ctx, db_column_int(st, 0), db_column_text(st, 1), db_column_text(st, 2)))
			break;
	return db_finalize(st);
}

enum db_status store_citizens_hit(struct db *db, long long id, struct citizen_hit *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, name, COALESCE(phone, ''), COALESCE(postcode, ''), COALESCE(town, ''), COALESCE(email, ''),"
		" status FROM citizens WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		out->id = db_column_int(st, 0);
		STORE_COL(out->name, st, 1);
		STORE_COL(out->phone, st, 2);
		STORE_COL(out->postcode, st, 3);
		STORE_COL(out->town, st, 4);
		STORE_COL(out->email, st, 5);
		STORE_COL(out->status, st, 6);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	return step == DB_ROW ? DB_OK : DB_ERR_NOTFOUND;
}
