/* store_citizens.c — citizens: intake, the card, edits with a version
 * check, ending a course, notes, search as you type, the timeline, the
 * facts behind the next step, pick-lists and drafts.
 *
 * Each change is one short BEGIN IMMEDIATE transaction that also writes the
 * audit log; reading a card is one too, so the card is a consistent
 * snapshot and the 'view' is recorded with it. Search keys (citizens.
 * sort_key, citizens.name_fold and the FTS5 table citizens_fts) are kept by
 * the schema's triggers, never by this file.
 */
#include "store_citizens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Timestamps and default dates come from bb_now() (db.h): local time from
 * src/'s clock, which tests and demos fix. */
#define NOW_SQL "bb_now()"
#define TODAY_SQL "date(bb_now())"

/* Copies src into dst without splitting a UTF-8 character. */
static void copy_text(char *dst, size_t size, const char *src)
{
	if (size == 0)
		return;
	size_t len = strlen(src);
	if (len >= size) {
		len = size - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

#define COPY_COL(dst, st, col) copy_text((dst), sizeof(dst), db_column_text((st), (col)))

/* "" means "not given" and is stored as NULL. */
static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static void bind_user(struct db_stmt *st, const char *name, db_user_id actor)
{
	if (actor > 0)
		db_bind_int(st, name, actor);
	else
		db_bind_null(st, name);
}

/* Steps a statement that returns no rows and finalizes it. */
static enum db_status run(struct db_stmt *st)
{
	db_step(st);
	return db_finalize(st);
}

/* Commits when everything went well, else rolls back; returns the outcome. */
static enum db_status finish(struct db *db, enum db_status r)
{
	if (r != DB_OK) {
		db_rollback(db);
		return r;
	}
	return db_commit(db);
}

static const char *const day_parts[3] = { "morning", "afternoon", "evening" };

/* The purposes struct consent has a flag for; 'measures' is kept elsewhere. */
static const struct {
	const char *purpose;
	size_t flag;
} consent_purposes[] = {
	{ "registration", offsetof(struct consent, registration) },
	{ "volunteer_contact", offsetof(struct consent, volunteer_contact) },
	{ "referrer_feedback", offsetof(struct consent, referrer_feedback) },
};
#define CONSENT_PURPOSES (sizeof consent_purposes / sizeof consent_purposes[0])

static bool consent_given(const struct consent *c, size_t purpose)
{
	return *(const bool *)((const char *)c + consent_purposes[purpose].flag);
}

static int clamp_picks(int n)
{
	return n < 0 ? 0 : n > CIT_MAX_PICKS ? CIT_MAX_PICKS : n;
}

/* ---------- writing the parts of a card ---------- */

static enum db_status insert_referral(struct db *db, db_user_id actor, long long citizen_id,
				      const struct referral *ref, long long *referral_id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO referrals(citizen_id, referred_on, source, referrer_name, referrer_org,"
		" referrer_phone, feedback_consent, created_at, created_by)"
		" VALUES (:citizen, COALESCE(:referred_on, " TODAY_SQL "), :source, :name, :org,"
		" :phone, :feedback, " NOW_SQL ", :user)");
	if (r != DB_OK)
		return r;
	if (citizen_id > 0)
		db_bind_int(st, ":citizen", citizen_id);
	else
		db_bind_null(st, ":citizen");
	db_bind_text(st, ":referred_on", or_null(ref->referred_on));
	db_bind_text(st, ":source", or_null(ref->source));
	db_bind_text(st, ":name", or_null(ref->referrer_name));
	db_bind_text(st, ":org", or_null(ref->referrer_org));
	db_bind_text(st, ":phone", or_null(ref->referrer_phone));
	db_bind_int(st, ":feedback", ref->feedback_consent);
	bind_user(st, ":user", actor);
	if ((r = run(st)) == DB_OK && referral_id)
		*referral_id = db_last_insert_id(db);
	return r;
}

static enum db_status update_referral(struct db *db, long long referral_id, const struct referral *ref)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE referrals SET referred_on = COALESCE(:referred_on, referred_on),"
		" source = :source, referrer_name = :name, referrer_org = :org,"
		" referrer_phone = :phone, feedback_consent = :feedback WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":referred_on", or_null(ref->referred_on));
	db_bind_text(st, ":source", or_null(ref->source));
	db_bind_text(st, ":name", or_null(ref->referrer_name));
	db_bind_text(st, ":org", or_null(ref->referrer_org));
	db_bind_text(st, ":phone", or_null(ref->referrer_phone));
	db_bind_int(st, ":feedback", ref->feedback_consent);
	db_bind_int(st, ":id", referral_id);
	return run(st);
}

/* The relative who takes part; other relatives on record are kept. */
static enum db_status replace_relative(struct db *db, long long citizen_id, const struct relative *rel)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"DELETE FROM relatives WHERE citizen_id = :citizen AND takes_part = 1");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	if ((r = run(st)) != DB_OK || !rel->name[0])
		return r;
	if ((r = db_prepare(db, &st,
			"INSERT INTO relatives(citizen_id, name, relation, phone, takes_part, wants_support)"
			" VALUES (:citizen, :name, :relation, :phone, 1, :support)")) != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":name", rel->name);
	db_bind_text(st, ":relation", or_null(rel->relation));
	db_bind_text(st, ":phone", or_null(rel->phone));
	db_bind_int(st, ":support", rel->wants_support);
	return run(st);
}

static enum db_status insert_consent(struct db *db, db_user_id actor, long long citizen_id,
				     const char *purpose, const char *given_on)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO consents(citizen_id, purpose, given_on, recorded_by)"
		" VALUES (:citizen, :purpose, COALESCE(:given_on, " TODAY_SQL "), :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":purpose", purpose);
	db_bind_text(st, ":given_on", or_null(given_on));
	bind_user(st, ":user", actor);
	return run(st);
}

/* Withdrawing keeps the row for the record (schema.c). */
static enum db_status withdraw_consent(struct db *db, long long citizen_id, const char *purpose)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE consents SET withdrawn_on = max(given_on, " TODAY_SQL ")"
		" WHERE citizen_id = :citizen AND purpose = :purpose AND withdrawn_on IS NULL");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":purpose", purpose);
	return run(st);
}

static enum db_status insert_assessment(struct db *db, db_user_id actor, long long citizen_id,
					const struct assessment *a, const char *fallback_day)
{
	bool professional = strcmp(a->outcome, "professional_help") == 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO assessments(citizen_id, assessed_on, outcome, handover_to, handover_on,"
		" assessed_by)"
		" VALUES (:citizen, COALESCE(:assessed_on, :fallback, " TODAY_SQL "), :outcome,"
		" :handover_to, :handover_on, :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":assessed_on", or_null(a->assessed_on));
	db_bind_text(st, ":fallback", or_null(fallback_day));
	db_bind_text(st, ":outcome", a->outcome);
	db_bind_text(st, ":handover_to", professional ? or_null(a->handover_to) : NULL);
	db_bind_text(st, ":handover_on", professional ? or_null(a->handover_on) : NULL);
	bind_user(st, ":user", actor);
	return run(st);
}

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
			db_bind_text(st, ":part", day_parts[part]);
			db_step(st);
		}
	}
	return db_finalize(st);
}

/* Interests, barriers and availability: the edited set replaces the old. */
static enum db_status replace_picks(struct db *db, long long citizen_id, const struct citizen_card *in)
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
		if ((r = run(st)) != DB_OK)
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

static void bind_citizen(struct db_stmt *st, const struct citizen *c)
{
	db_bind_text(st, ":name", c->name);
	if (c->birth_year > 0)
		db_bind_int(st, ":birth_year", c->birth_year);
	else
		db_bind_null(st, ":birth_year");
	db_bind_text(st, ":phone", or_null(c->phone));
	db_bind_text(st, ":email", or_null(c->email));
	db_bind_text(st, ":address", or_null(c->address));
	db_bind_text(st, ":postcode", or_null(c->postcode));
	db_bind_text(st, ":town", or_null(c->town));
	db_bind_text(st, ":contact_pref", or_null(c->contact_pref));
	db_bind_text(st, ":wishes", or_null(c->wishes));
}

/* ---------- intake ---------- */

enum db_status citizens_intake(struct db *db, db_user_id actor, const struct citizen_card *in,
			       long long *citizen_id)
{
	long long id = 0, referral_id = 0;
	*citizen_id = 0;
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;

	if (in->consent.registration) {
		if ((r = db_prepare(db, &st,
				"INSERT INTO citizens(name, birth_year, phone, email, address, postcode,"
				" town, contact_pref, wishes, created_at, updated_at)"
				" VALUES (:name, :birth_year, :phone, :email, :address, :postcode,"
				" :town, :contact_pref, :wishes, " NOW_SQL ", " NOW_SQL ")")) != DB_OK)
			goto out;
		bind_citizen(st, &in->citizen);
		if ((r = run(st)) != DB_OK)
			goto out;
		id = db_last_insert_id(db);
	}

	/* The referral is kept either way: it counts for the funders. */
	if ((r = insert_referral(db, actor, id, &in->referral, &referral_id)) != DB_OK)
		goto out;
	if (!id) {
		r = audit_record(db, actor, "create", "referral", referral_id, "intake without consent");
		goto out;
	}

	if ((r = replace_relative(db, id, &in->relative)) != DB_OK)
		goto out;
	const char *given_on = in->consent.given_on[0] ? in->consent.given_on : in->referral.referred_on;
	for (size_t i = 0; i < CONSENT_PURPOSES; i++) {
		if (consent_given(&in->consent, i)
		    && (r = insert_consent(db, actor, id, consent_purposes[i].purpose, given_on)) != DB_OK)
			goto out;
	}
	if (in->assessment.outcome[0]
	    && (r = insert_assessment(db, actor, id, &in->assessment, in->referral.referred_on)) != DB_OK)
		goto out;
	if ((r = replace_picks(db, id, in)) != DB_OK)
		goto out;
	r = audit_record(db, actor, "create", "citizen", id, "intake");
out:
	r = finish(db, r);
	if (r == DB_OK)
		*citizen_id = id;
	return r;
}

/* ---------- reading the card ---------- */

#define CITIZEN_COLUMNS \
	"c.id, c.name, c.birth_year, c.phone, c.email, c.address, c.postcode, c.town," \
	" c.contact_pref, c.wishes, c.status, c.ended_on, c.end_reason, c.version, c.updated_at"

static void read_citizen_row(struct db_stmt *st, struct citizen *c)
{
	c->id = db_column_int(st, 0);
	COPY_COL(c->name, st, 1);
	c->birth_year = (int)db_column_int(st, 2);
	COPY_COL(c->phone, st, 3);
	COPY_COL(c->email, st, 4);
	COPY_COL(c->address, st, 5);
	COPY_COL(c->postcode, st, 6);
	COPY_COL(c->town, st, 7);
	COPY_COL(c->contact_pref, st, 8);
	COPY_COL(c->wishes, st, 9);
	COPY_COL(c->status, st, 10);
	COPY_COL(c->ended_on, st, 11);
	COPY_COL(c->end_reason, st, 12);
	c->version = db_column_int(st, 13);
	COPY_COL(c->updated_at, st, 14);
}

/* Ids of the rows the card shows, so an edit changes those rows. */
struct card_rows {
	long long referral_id;
	long long assessment_id;
};

static enum db_status read_card(struct db *db, long long id, struct citizen_card *out,
				struct card_rows *rows)
{
	memset(out, 0, sizeof *out);
	struct card_rows ignored;
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
		COPY_COL(ref->referred_on, st, 1);
		COPY_COL(ref->source, st, 2);
		COPY_COL(ref->referrer_name, st, 3);
		COPY_COL(ref->referrer_org, st, 4);
		COPY_COL(ref->referrer_phone, st, 5);
		ref->feedback_consent = db_column_int(st, 6) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT name, relation, phone, wants_support FROM relatives"
			" WHERE citizen_id = :id AND takes_part = 1 ORDER BY id LIMIT 1")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	if (db_step(st) == DB_ROW) {
		COPY_COL(out->relative.name, st, 0);
		COPY_COL(out->relative.relation, st, 1);
		COPY_COL(out->relative.phone, st, 2);
		out->relative.wants_support = db_column_int(st, 3) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
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
			COPY_COL(out->consent.given_on, st, 1);
			COPY_COL(out->consent.recorded_by, st, 2);
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
		COPY_COL(out->assessment.outcome, st, 1);
		COPY_COL(out->assessment.assessed_on, st, 2);
		COPY_COL(out->assessment.handover_to, st, 3);
		COPY_COL(out->assessment.handover_on, st, 4);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT interest_id FROM citizen_interests WHERE citizen_id = :id"
			" ORDER BY interest_id")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (out->ninterests < CIT_MAX_PICKS && db_step(st) == DB_ROW)
		out->interests[out->ninterests++] = db_column_int(st, 0);
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT barrier_id FROM citizen_barriers WHERE citizen_id = :id"
			" ORDER BY barrier_id")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (out->nbarriers < CIT_MAX_PICKS && db_step(st) == DB_ROW)
		out->barriers[out->nbarriers++] = db_column_int(st, 0);
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT weekday, part FROM citizen_availability WHERE citizen_id = :id")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (db_step(st) == DB_ROW) {
		int day = (int)db_column_int(st, 0);
		const char *part = db_column_text(st, 1);
		for (int p = 0; p < 3; p++)
			if (day >= 1 && day <= 7 && strcmp(part, day_parts[p]) == 0)
				out->availability |= AVAIL_BIT(day, p);
	}
	return db_finalize(st);
}

enum db_status citizens_card(struct db *db, db_user_id actor, long long id, struct citizen_card *out)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	if ((r = read_card(db, id, out, NULL)) != DB_OK)
		goto out;
	r = audit_record(db, actor, "view", "citizen", id, NULL);
out:
	return finish(db, r);
}

/* ---------- changing the card ---------- */

/* After a failed version check: was it changed, or is it gone? */
static enum db_status conflict_or_missing(struct db *db, long long id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT 1 FROM citizens WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	enum db_status step = db_step(st);
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	return step == DB_ROW ? DB_ERR_CONFLICT : DB_ERR_NOTFOUND;
}

static enum db_status update_consents(struct db *db, db_user_id actor, long long id,
				      const struct consent *now, const struct consent *edited)
{
	enum db_status r = DB_OK;
	/* A corrected date moves the consents that carried the old one. */
	if (edited->given_on[0] && now->given_on[0] && strcmp(edited->given_on, now->given_on) != 0) {
		struct db_stmt *st;
		if ((r = db_prepare(db, &st,
				"UPDATE consents SET given_on = :new WHERE citizen_id = :citizen"
				" AND withdrawn_on IS NULL AND given_on = :old")) != DB_OK)
			return r;
		db_bind_text(st, ":new", edited->given_on);
		db_bind_int(st, ":citizen", id);
		db_bind_text(st, ":old", now->given_on);
		if ((r = run(st)) != DB_OK)
			return r;
	}
	for (size_t i = 0; i < CONSENT_PURPOSES; i++) {
		bool was = consent_given(now, i), is = consent_given(edited, i);
		if (is && !was)
			r = insert_consent(db, actor, id, consent_purposes[i].purpose, edited->given_on);
		else if (!is && was)
			r = withdraw_consent(db, id, consent_purposes[i].purpose);
		if (r != DB_OK)
			return r;
	}
	return DB_OK;
}

/* The latest assessment is corrected in place when its date is kept; a
 * new date records a new assessment; a cleared outcome removes it. */
static enum db_status update_assessment(struct db *db, db_user_id actor, long long id,
					long long latest_id, const struct assessment *now,
					const struct assessment *edited)
{
	struct db_stmt *st;
	enum db_status r;
	if (!edited->outcome[0]) {
		if (!latest_id)
			return DB_OK;
		if ((r = db_prepare(db, &st, "DELETE FROM assessments WHERE id = :id")) != DB_OK)
			return r;
		db_bind_int(st, ":id", latest_id);
		return run(st);
	}
	if (!latest_id || (edited->assessed_on[0] && strcmp(edited->assessed_on, now->assessed_on) != 0))
		return insert_assessment(db, actor, id, edited, NULL);
	bool professional = strcmp(edited->outcome, "professional_help") == 0;
	if ((r = db_prepare(db, &st,
			"UPDATE assessments SET outcome = :outcome, handover_to = :handover_to,"
			" handover_on = :handover_on WHERE id = :id")) != DB_OK)
		return r;
	db_bind_text(st, ":outcome", edited->outcome);
	db_bind_text(st, ":handover_to", professional ? or_null(edited->handover_to) : NULL);
	db_bind_text(st, ":handover_on", professional ? or_null(edited->handover_on) : NULL);
	db_bind_int(st, ":id", latest_id);
	return run(st);
}

enum db_status citizens_update(struct db *db, db_user_id actor, const struct citizen_card *edited,
			       long long expected_version, struct citizen_card *current)
{
	long long id = edited->citizen.id;
	struct citizen_card *now = malloc(sizeof *now);
	if (!now)
		return DB_ERR_IO;
	enum db_status r = db_begin(db);
	if (r != DB_OK) {
		free(now);
		return r;
	}
	struct db_stmt *st;
	if ((r = db_prepare(db, &st,
			"UPDATE citizens SET name = :name, birth_year = :birth_year, phone = :phone,"
			" email = :email, address = :address, postcode = :postcode, town = :town,"
			" contact_pref = :contact_pref, wishes = :wishes, version = version + 1,"
			" updated_at = " NOW_SQL
			" WHERE id = :id AND version = :expected")) != DB_OK)
		goto out;
	bind_citizen(st, &edited->citizen);
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":expected", expected_version);
	if ((r = run(st)) != DB_OK)
		goto out;
	if (db_changes(db) == 0) {
		r = conflict_or_missing(db, id);
		if (r == DB_OK)
			r = DB_ERR_MISUSE;
		goto out;
	}

	struct card_rows rows;
	if ((r = read_card(db, id, now, &rows)) != DB_OK)
		goto out;
	if (rows.referral_id)
		r = update_referral(db, rows.referral_id, &edited->referral);
	else if (edited->referral.source[0])
		r = insert_referral(db, actor, id, &edited->referral, NULL);
	if (r != DB_OK)
		goto out;
	if ((r = replace_relative(db, id, &edited->relative)) != DB_OK)
		goto out;
	if ((r = update_consents(db, actor, id, &now->consent, &edited->consent)) != DB_OK)
		goto out;
	if ((r = update_assessment(db, actor, id, rows.assessment_id, &now->assessment,
				   &edited->assessment)) != DB_OK)
		goto out;
	if ((r = replace_picks(db, id, edited)) != DB_OK)
		goto out;
	r = audit_record(db, actor, "update", "citizen", id, "card");
out:
	free(now);
	r = finish(db, r);
	/* Show the card as the other desk left it, so both can be compared. */
	if (r == DB_ERR_CONFLICT && current && citizens_card(db, actor, id, current) != DB_OK)
		memset(current, 0, sizeof *current);
	return r;
}

/* Sets status, ended_on and end_reason together, as the CHECK demands. */
static enum db_status set_course(struct db *db, db_user_id actor, long long id, long long expected_version,
				 const char *ended_on, const char *reason, const char *detail)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	if ((r = db_prepare(db, &st,
			"UPDATE citizens SET status = CASE WHEN :reason IS NULL THEN 'active' ELSE 'ended' END,"
			" ended_on = CASE WHEN :reason IS NULL THEN NULL"
			"   ELSE COALESCE(:ended_on, " TODAY_SQL ") END,"
			" end_reason = :reason, version = version + 1, updated_at = " NOW_SQL
			" WHERE id = :id AND version = :expected")) != DB_OK)
		goto out;
	db_bind_text(st, ":reason", reason);
	db_bind_text(st, ":ended_on", or_null(ended_on));
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":expected", expected_version);
	if ((r = run(st)) != DB_OK)
		goto out;
	if (db_changes(db) == 0) {
		r = conflict_or_missing(db, id);
		if (r == DB_OK)
			r = DB_ERR_MISUSE;
		goto out;
	}
	r = audit_record(db, actor, "update", "citizen", id, detail);
out:
	return finish(db, r);
}

enum db_status citizens_end(struct db *db, db_user_id actor, long long id, long long expected_version,
			    const char *ended_on, const char *reason)
{
	/* An end without a reason would read as a reopening. */
	if (!reason || !*reason)
		return DB_ERR_CONSTRAINT;
	return set_course(db, actor, id, expected_version, ended_on, reason, "end");
}

enum db_status citizens_reopen(struct db *db, db_user_id actor, long long id, long long expected_version)
{
	return set_course(db, actor, id, expected_version, NULL, NULL, "reopen");
}

enum db_status citizens_add_note(struct db *db, db_user_id actor, long long id, const char *written_on,
				 const char *text)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	if ((r = db_prepare(db, &st,
			"INSERT INTO notes(citizen_id, written_on, author, text)"
			" VALUES (:citizen, COALESCE(:written_on, " TODAY_SQL "), :user, :text)")) != DB_OK)
		goto out;
	db_bind_int(st, ":citizen", id);
	db_bind_text(st, ":written_on", or_null(written_on));
	bind_user(st, ":user", actor);
	db_bind_text(st, ":text", text);
	if ((r = run(st)) != DB_OK)
		goto out;
	r = audit_record(db, actor, "update", "citizen", id, "note");
out:
	/* A note on nobody breaks the foreign key: say so plainly. */
	if (r == DB_ERR_CONSTRAINT && conflict_or_missing(db, id) == DB_ERR_NOTFOUND)
		r = DB_ERR_NOTFOUND;
	return finish(db, r);
}

/* ---------- search ---------- */

/*
 * Hits come in three tiers: 0) the folded name starts with the query,
 * 1) every query word starts a word of the name, 2) the rest of what the
 * FTS5 index matches (e-mail, town, phone, postcode). Within a tier, Danish
 * name order (sort_key, then name_fold and id for ties).
 *
 * Each tier can be large (a first letter matches a tenth of all citizens)
 * and the page is small. Tier 0 is a range of the citizens_name_fold index,
 * sorted. Tiers 1 and 2 are fetched the cheapest of these ways:
 * - join: the FTS5 hits joined to citizens and sorted; cost grows with
 *   the hits, each a table lookup;
 * - walk: down the covering index citizens_sort in Danish order, testing
 *   each row, stopping when the page is full; cost grows with the rows
 *   walked, about (offset + limit) * citizens / hits. Tier 1 tests the
 *   stored name_fold; tier 2 also needs FTS5 membership, either as a set
 *   built once from the hits or as a probe of the FTS5 index per row.
 * Counts from the FTS5 index (no table reads) choose. The costs per row
 * were measured on 100 000 demo citizens (tests/bench_citizens.c).
 */
enum {
	SEARCH_WORDS = 8,
	SEARCH_WORD = 64,
	SEARCH_TEXT = SEARCH_WORDS * SEARCH_WORD,
	SEARCH_MATCH = SEARCH_WORDS * (SEARCH_WORD * 2 + 8) + 32,
	SEARCH_SQL = 2048,
};

/* Relative cost per row: a walked index row 1 (0.14 us), a hit put in the
 * set 1, a hit joined and sorted 20, an FTS5 probe 400. */
enum search_plan { PLAN_JOIN, PLAN_WALK, PLAN_WALK_SET, PLAN_WALK_PROBE };
static const double COST_WALK = 1, COST_SET = 1, COST_JOIN = 20, COST_PROBE = 400;

struct search {
	char word[SEARCH_WORDS][SEARCH_WORD];
	int nwords;
	char lo[SEARCH_TEXT];    /* the words joined by single spaces */
	char hi[SEARCH_TEXT];    /* lo with its last byte raised: end of the prefix range */
	char match_all[SEARCH_MATCH];
	char match_name[SEARCH_MATCH];
	char name_words[SEARCH_SQL]; /* SQL: every word starts a word of name_fold */
	long long walk_cap;          /* most rows a probing walk may visit */
};

/* Splits the folded query into words of [a-z0-9]; anything else separates
 * (the caller folded it already, this only keeps the FTS5 syntax safe). */
static void search_words(struct search *s, const char *query)
{
	memset(s, 0, sizeof *s);
	size_t n = 0;
	for (const char *p = query;; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		bool word_char = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
		if (word_char && n + 1 < SEARCH_WORD) {
			s->word[s->nwords][n++] = ch;
			continue;
		}
		if (word_char)
			continue; /* too long: the prefix we have is enough */
		if (n > 0) {
			s->word[s->nwords][n] = '\0';
			n = 0;
			if (++s->nwords == SEARCH_WORDS)
				break;
		}
		if (!ch)
			break;
	}
}

/* Appends `"word"*`, doubling any quote, so no input is FTS5 syntax. */
static void append_token(char *out, size_t size, const char *word)
{
	size_t n = strlen(out);
	if (n + 1 < size)
		out[n++] = '"';
	for (const char *p = word; *p && n + 4 < size; p++) {
		if (*p == '"')
			out[n++] = '"';
		out[n++] = *p;
	}
	if (n + 3 < size) {
		out[n++] = '"';
		out[n++] = '*';
		out[n++] = ' ';
	}
	out[n < size ? n : size - 1] = '\0';
}

static void search_prepare(struct search *s)
{
	size_t used = 0;
	snprintf(s->match_name, sizeof s->match_name, "name : ( ");
	for (int i = 0; i < s->nwords; i++) {
		int n = snprintf(s->lo + used, sizeof s->lo - used, "%s%s", i ? " " : "", s->word[i]);
		if (n > 0 && (size_t)n < sizeof s->lo - used)
			used += (size_t)n;
		append_token(s->match_all, sizeof s->match_all, s->word[i]);
		append_token(s->match_name, sizeof s->match_name, s->word[i]);
	}
	size_t mn = strlen(s->match_name);
	if (mn + 1 < sizeof s->match_name)
		snprintf(s->match_name + mn, sizeof s->match_name - mn, ")");
	memcpy(s->hi, s->lo, sizeof s->hi);
	if (used > 0)
		s->hi[used - 1]++;

	used = 0;
	for (int i = 0; i < s->nwords; i++) {
		int n = snprintf(s->name_words + used, sizeof s->name_words - used,
				 "%sinstr(' ' || name_fold, ' ' || :w%d) > 0", i ? " AND " : "", i);
		if (n > 0 && (size_t)n < sizeof s->name_words - used)
			used += (size_t)n;
	}
}

enum { BIND_RANGE = 1, BIND_WORDS = 2, BIND_MATCH_ALL = 4, BIND_MATCH_NAME = 8, BIND_CAP = 16 };

static void search_bind(struct db_stmt *st, const struct search *s, int what)
{
	if (what & BIND_RANGE) {
		db_bind_text(st, ":lo", s->lo);
		db_bind_text(st, ":hi", s->hi);
	}
	if (what & BIND_WORDS) {
		for (int i = 0; i < s->nwords; i++) {
			char name[16];
			snprintf(name, sizeof name, ":w%d", i);
			db_bind_text(st, name, s->word[i]);
		}
	}
	if (what & BIND_MATCH_ALL)
		db_bind_text(st, ":match", s->match_all);
	if (what & BIND_MATCH_NAME)
		db_bind_text(st, ":match", s->match_name);
	if (what & BIND_CAP)
		db_bind_int(st, ":cap", s->walk_cap);
}

static enum db_status search_count(struct db *db, const struct search *s, const char *sql, int what,
				   long long *n)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	search_bind(st, s, what);
	*n = db_step(st) == DB_ROW ? db_column_int(st, 0) : 0;
	return db_finalize(st);
}

/* Appends up to `limit` ids from a query taking :off and :lim. */
static enum db_status search_collect(struct db *db, const struct search *s, const char *sql, int what,
				     long long skip, int limit, long long *ids, int *got)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	search_bind(st, s, what);
	db_bind_int(st, ":off", skip);
	db_bind_int(st, ":lim", limit - *got);
	while (*got < limit && db_step(st) == DB_ROW)
		ids[(*got)++] = db_column_int(st, 0);
	return db_finalize(st);
}

/* Walks `walk_sql` (ids in Danish order, at most :cap of them) and keeps
 * those the FTS5 index matches, one probe each: cheap when nearly every
 * row is a hit, and done here rather than as a correlated subquery so the
 * walk stops as soon as the page is full. */
static enum db_status search_probe_walk(struct db *db, const struct search *s, const char *walk_sql,
					long long skip, int limit, long long *ids, int *got)
{
	struct db_stmt *walk = NULL, *probe = NULL;
	enum db_status r = db_prepare(db, &walk, walk_sql);
	if (r != DB_OK)
		goto out;
	if ((r = db_prepare(db, &probe, "SELECT 1 FROM citizens_fts WHERE citizens_fts MATCH :match"
				       " AND rowid = :id")) != DB_OK)
		goto out;
	search_bind(walk, s, BIND_WORDS | BIND_CAP);
	while (*got < limit && db_step(walk) == DB_ROW) {
		long long id = db_column_int(walk, 0);
		db_reset(probe);
		search_bind(probe, s, BIND_MATCH_ALL);
		db_bind_int(probe, ":id", id);
		if (db_step(probe) != DB_ROW)
			continue;
		if (skip > 0)
			skip--;
		else
			ids[(*got)++] = id;
	}
out:
	if (walk) {
		enum db_status fin = db_finalize(walk);
		if (r == DB_OK)
			r = fin;
	}
	if (probe) {
		enum db_status fin = db_finalize(probe);
		if (r == DB_OK)
			r = fin;
	}
	return r;
}

#define IN_RANGE "(name_fold >= :lo AND name_fold < :hi)"
#define DANISH_ORDER " ORDER BY sort_key, name_fold, id"
#define PAGE " LIMIT :lim OFFSET :off"

/* The cheapest way to the next `limit` of `hits` rows after `skip`. A
 * tier that needs FTS5 membership cannot use the plain walk. */
static enum search_plan search_plan(long long hits, long long skip, int limit, long long citizens,
				    bool needs_fts, long long *walk_cap)
{
	if (hits <= 0)
		return PLAN_JOIN;
	double walked = (double)(skip + limit) * (double)citizens / (double)hits;
	/* Hits bunched late in the Danish order would make a probing walk
	 * long: it stops at four times the expected rows and the caller falls
	 * back to the set. */
	*walk_cap = (long long)(4 * walked) + 200;
	double join = (double)hits * COST_JOIN;
	if (!needs_fts)
		return walked * COST_WALK < join ? PLAN_WALK : PLAN_JOIN;
	double set = (double)hits * COST_SET + walked * COST_WALK;
	double probe = walked * (COST_PROBE + COST_WALK);
	if (join <= set && join <= probe)
		return PLAN_JOIN;
	return set <= probe ? PLAN_WALK_SET : PLAN_WALK_PROBE;
}

enum db_status citizens_search(struct db *db, const char *query, int offset, int limit,
			       struct citizen_hit *out, int *count)
{
	*count = 0;
	if (limit <= 0)
		return DB_OK;
	if (offset < 0)
		offset = 0;
	struct search *s = calloc(1, sizeof *s);
	long long *ids = calloc((size_t)limit, sizeof *ids);
	char *sql = malloc(SEARCH_SQL * 2);
	enum db_status r = DB_ERR_IO;
	struct db_stmt *st = NULL;
	int got = 0;
	if (!s || !ids || !sql)
		goto out;
	search_words(s, query ? query : "");

	/* One read transaction: the counts and pages agree with each other. */
	if ((r = db_exec(db, "BEGIN")) != DB_OK)
		goto out;
	if (s->nwords == 0) {
		r = search_collect(db, s, "SELECT id FROM citizens INDEXED BY citizens_sort" DANISH_ORDER PAGE,
				   0, offset, limit, ids, &got);
		goto details;
	}
	search_prepare(s);

	/* Tier 0: the name starts with the query. */
	long long skip = offset, n0 = 0;
	if ((r = search_collect(db, s, "SELECT id FROM citizens INDEXED BY citizens_name_fold WHERE " IN_RANGE
				DANISH_ORDER PAGE, BIND_RANGE, skip, limit, ids, &got)) != DB_OK)
		goto details;
	if (got == limit)
		goto details;
	if (got > 0 || skip == 0)
		n0 = skip + got;
	else if ((r = search_count(db, s, "SELECT count(*) FROM citizens INDEXED BY citizens_name_fold WHERE "
				   IN_RANGE, BIND_RANGE, &n0)) != DB_OK)
		goto details;
	skip = offset + got > n0 ? offset + got - n0 : 0;

	long long citizens = 0, n01 = 0, all = 0;
	if ((r = db_query_int(db, "SELECT max(id) FROM citizens", &citizens)) != DB_OK)
		goto details;
	if ((r = search_count(db, s, "SELECT count(*) FROM citizens_fts WHERE citizens_fts MATCH :match",
			      BIND_MATCH_NAME, &n01)) != DB_OK)
		goto details;

	/* Tier 1: every word starts a word of the name. */
	long long n1 = n01 - n0;
	if (n1 > 0 && skip < n1) {
		int what = BIND_RANGE | BIND_WORDS;
		if (search_plan(n1, skip, limit - got, citizens, false, &s->walk_cap) == PLAN_WALK) {
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens INDEXED BY citizens_sort WHERE %s AND NOT " IN_RANGE
				 DANISH_ORDER PAGE, s->name_words);
		} else {
			what = BIND_RANGE | BIND_MATCH_NAME;
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens_fts CROSS JOIN citizens ON citizens.id = citizens_fts.rowid"
				 " WHERE citizens_fts MATCH :match AND NOT " IN_RANGE DANISH_ORDER PAGE);
		}
		int before = got;
		if ((r = search_collect(db, s, sql, what, skip, limit, ids, &got)) != DB_OK)
			goto details;
		skip += got - before;
	}
	if (got == limit)
		goto details;
	skip = skip > n1 ? skip - n1 : 0;

	/* Tier 2: the rest, found in e-mail, town, phone or postcode. */
	if ((r = search_count(db, s, "SELECT count(*) FROM citizens_fts WHERE citizens_fts MATCH :match",
			      BIND_MATCH_ALL, &all)) != DB_OK)
		goto details;
	long long n2 = all - n01;
	if (n2 > 0 && skip < n2) {
		enum search_plan plan = search_plan(n2, skip, limit - got, citizens, true, &s->walk_cap);
		if (plan == PLAN_WALK_PROBE) {
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens INDEXED BY citizens_sort WHERE NOT (%s)"
				 DANISH_ORDER " LIMIT :cap", s->name_words);
			int before = got;
			if ((r = search_probe_walk(db, s, sql, skip, limit, ids, &got)) != DB_OK || got == limit)
				goto details;
			got = before; /* the walk may have stopped short: use the set */
			plan = PLAN_WALK_SET;
		}
		if (plan == PLAN_WALK_SET)
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens INDEXED BY citizens_sort WHERE NOT (%s)"
				 " AND id IN (SELECT rowid FROM citizens_fts WHERE citizens_fts MATCH :match)"
				 DANISH_ORDER PAGE, s->name_words);
		else
			snprintf(sql, SEARCH_SQL * 2,
				 "SELECT id FROM citizens_fts CROSS JOIN citizens ON citizens.id = citizens_fts.rowid"
				 " WHERE citizens_fts MATCH :match AND NOT (%s)" DANISH_ORDER PAGE, s->name_words);
		r = search_collect(db, s, sql, BIND_WORDS | BIND_MATCH_ALL, skip, limit, ids, &got);
	}

details:
	if (r == DB_OK && got > 0) {
		if ((r = db_prepare(db, &st,
				"SELECT id, name, phone, postcode, town, email, status FROM citizens"
				" WHERE id = :id")) != DB_OK)
			goto end;
		for (int i = 0; i < got; i++) {
			db_reset(st);
			db_bind_int(st, ":id", ids[i]);
			if (db_step(st) != DB_ROW)
				continue;
			struct citizen_hit *h = &out[*count];
			h->id = db_column_int(st, 0);
			COPY_COL(h->name, st, 1);
			COPY_COL(h->phone, st, 2);
			COPY_COL(h->postcode, st, 3);
			COPY_COL(h->town, st, 4);
			COPY_COL(h->email, st, 5);
			COPY_COL(h->status, st, 6);
			(*count)++;
		}
		r = db_finalize(st);
	}
end:
	db_rollback(db); /* ends the read transaction */
	if (r != DB_OK)
		*count = 0;
out:
	free(sql);
	free(ids);
	free(s);
	return r;
}

/* ---------- timeline and facts ---------- */

enum db_status citizens_timeline(struct db *db, long long id, int max, struct timeline_entry *out,
				 int *count)
{
	*count = 0;
	if (max <= 0)
		return DB_OK;
	/* seq orders what happens on one day: referral, intake, assessment,
	 * match, attendance, call, measure, note, match end, end. Timestamps
	 * (created_at, done_at) are local time, as bb_now() writes them. */
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT day, kind, code, who, what, body FROM ("
		" SELECT r.referred_on AS day, :k_referral AS kind, r.source AS code,"
		"  COALESCE(r.referrer_name, '') AS who, COALESCE(r.referrer_org, '') AS what,"
		"  '' AS body, 1 AS seq, r.id AS rid"
		"  FROM referrals AS r WHERE r.citizen_id = :id"
		" UNION ALL"
		" SELECT date(c.created_at), :k_intake, '', '', '', '', 2, c.id"
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
		" SELECT COALESCE(CASE WHEN f.status = 'done' THEN date(f.done_at) END, f.due_on),"
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
	while (*count < max && db_step(st) == DB_ROW) {
		struct timeline_entry *e = &out[*count];
		COPY_COL(e->date, st, 0);
		e->kind = (enum timeline_kind)db_column_int(st, 1);
		COPY_COL(e->code, st, 2);
		COPY_COL(e->who, st, 3);
		COPY_COL(e->what, st, 4);
		COPY_COL(e->text, st, 5);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status citizens_facts(struct db *db, long long id, const char *today, struct citizen_facts *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	/* One statement, one snapshot. The session is the next planned one of
	 * an activity with a current enrolment (ended_on IS NULL, as the
	 * partial index enrolments_current has it) that began by then; the
	 * volunteer is the
	 * one of an open match still going along (accompaniment not done),
	 * preferring a match to that very activity. */
	enum db_status r = db_prepare(db, &st,
		"WITH next_session AS ("
		"  SELECT s.date, COALESCE(s.start_time, a.start_time, '') AS time, a.id AS activity_id,"
		"   a.name AS activity"
		"  FROM enrolments AS e JOIN sessions AS s ON s.activity_id = e.activity_id"
		"  JOIN activities AS a ON a.id = s.activity_id"
		"  WHERE e.citizen_id = :id AND s.status = 'planned' AND s.date >= :today"
		"   AND e.ended_on IS NULL AND e.enrolled_on <= s.date"
		"  ORDER BY s.date, time, s.id LIMIT 1),"
		" next_call AS ("
		"  SELECT due_on, reason FROM follow_ups WHERE citizen_id = :id AND status = 'open'"
		"  ORDER BY due_on, due_time IS NULL, due_time, id LIMIT 1)"
		" SELECT c.status = 'ended', COALESCE(c.end_reason, ''),"
		"  nc.due_on, nc.reason,"
		"  ns.date, ns.time, ns.activity,"
		"  (SELECT v.name FROM matches AS m JOIN volunteers AS v ON v.id = m.volunteer_id"
		"    WHERE m.citizen_id = c.id AND m.ended_on IS NULL AND m.accompaniment_done_on IS NULL"
		"     AND (m.activity_id IS NULL OR m.activity_id = ns.activity_id)"
		"    ORDER BY m.activity_id IS NULL, m.matched_on DESC, m.id DESC LIMIT 1),"
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
		" FROM citizens AS c LEFT JOIN next_session AS ns LEFT JOIN next_call AS nc"
		" LEFT JOIN assessments AS a ON a.id = (SELECT id FROM assessments"
		"   WHERE citizen_id = c.id ORDER BY assessed_on DESC, id DESC LIMIT 1)"
		" WHERE c.id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":today", today);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		out->ended = db_column_int(st, 0) != 0;
		COPY_COL(out->end_reason, st, 1);
		COPY_COL(out->call_due_on, st, 2);
		COPY_COL(out->call_reason, st, 3);
		COPY_COL(out->session_on, st, 4);
		COPY_COL(out->session_time, st, 5);
		COPY_COL(out->session_activity, st, 6);
		if (out->session_on[0])
			COPY_COL(out->session_volunteer, st, 7);
		out->has_open_match = db_column_int(st, 8) != 0;
		COPY_COL(out->assessment, st, 9);
		COPY_COL(out->handover_to, st, 10);
		COPY_COL(out->handover_on, st, 11);
		COPY_COL(out->recent_attendance, st, 12);
		COPY_COL(out->companion, st, 13);
	}
	r = db_finalize(st);
	if (r == DB_OK && step != DB_ROW)
		r = DB_ERR_NOTFOUND;
	return r;
}

/* ---------- pick-lists ---------- */

/* The table behind a pick-list; only these two names reach SQL. */
static const char *picklist_table(const char *which)
{
	if (which && strcmp(which, "interests") == 0)
		return "interests";
	if (which && strcmp(which, "barriers") == 0)
		return "barriers";
	return NULL;
}

enum db_status picklist_load(struct db *db, const char *which, struct pick *out, int max, int *count)
{
	*count = 0;
	const char *table = picklist_table(which);
	if (!table)
		return DB_ERR_MISUSE;
	char sql[160];
	snprintf(sql, sizeof sql,
		 "SELECT id, name FROM %s WHERE active = 1 ORDER BY bb_sortkey(name), name", table);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	while (*count < max && db_step(st) == DB_ROW) {
		out[*count].id = db_column_int(st, 0);
		COPY_COL(out[*count].name, st, 1);
		(*count)++;
	}
	return db_finalize(st);
}

/* Adds a value, or brings back one that was retired. The same name in
 * another case or spelling of æøå is the same value: DB_ERR_CONSTRAINT
 * with *id set to the existing one. */
enum db_status picklist_add(struct db *db, db_user_id actor, const char *which, const char *name,
			    long long *id)
{
	*id = 0;
	const char *table = picklist_table(which);
	if (!table)
		return DB_ERR_MISUSE;
	char sql[200];
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	snprintf(sql, sizeof sql,
		 "SELECT id, active FROM %s WHERE bb_fold(name) = bb_fold(:name) ORDER BY active DESC, id LIMIT 1",
		 table);
	if ((r = db_prepare(db, &st, sql)) != DB_OK)
		goto out;
	db_bind_text(st, ":name", name);
	long long existing = 0;
	bool active = false;
	if (db_step(st) == DB_ROW) {
		existing = db_column_int(st, 0);
		active = db_column_int(st, 1) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
		goto out;
	if (existing && active) {
		*id = existing;
		r = DB_ERR_CONSTRAINT;
		goto out;
	}
	if (existing)
		snprintf(sql, sizeof sql, "UPDATE %s SET active = 1 WHERE id = :id", table);
	else
		snprintf(sql, sizeof sql, "INSERT INTO %s(name) VALUES (:name)", table);
	if ((r = db_prepare(db, &st, sql)) != DB_OK)
		goto out;
	if (existing)
		db_bind_int(st, ":id", existing);
	else
		db_bind_text(st, ":name", name);
	if ((r = run(st)) != DB_OK)
		goto out;
	*id = existing ? existing : db_last_insert_id(db);
	r = audit_record(db, actor, existing ? "update" : "create", table, *id, NULL);
out:
	r = finish(db, r);
	if (r != DB_OK && r != DB_ERR_CONSTRAINT)
		*id = 0;
	return r;
}

/* ---------- drafts ---------- */

enum db_status drafts_save(struct db *db, db_user_id actor, long long *id, const char *label,
			   const char *data)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	bool insert = *id == 0;
	if ((r = db_prepare(db, &st, insert
			? "INSERT INTO drafts(kind, label, data, user_id, updated_at)"
			  " VALUES ('intake', :label, :data, :user, " NOW_SQL ")"
			: "UPDATE drafts SET label = :label, data = :data, user_id = :user,"
			  " updated_at = " NOW_SQL " WHERE id = :id")) != DB_OK)
		goto out;
	db_bind_text(st, ":label", label ? label : "");
	db_bind_text(st, ":data", data ? data : "");
	bind_user(st, ":user", actor);
	if (!insert)
		db_bind_int(st, ":id", *id);
	if ((r = run(st)) != DB_OK)
		goto out;
	if (!insert && db_changes(db) == 0) {
		r = DB_ERR_NOTFOUND;
		goto out;
	}
	long long draft_id = insert ? db_last_insert_id(db) : *id;
	if ((r = audit_record(db, actor, insert ? "create" : "update", "draft", draft_id, NULL)) == DB_OK)
		*id = draft_id;
out:
	return finish(db, r);
}

enum db_status drafts_list(struct db *db, struct draft *out, int max, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, label, updated_at FROM drafts ORDER BY updated_at DESC, id DESC");
	if (r != DB_OK)
		return r;
	while (*count < max && db_step(st) == DB_ROW) {
		out[*count].id = db_column_int(st, 0);
		COPY_COL(out[*count].label, st, 1);
		COPY_COL(out[*count].updated_at, st, 2);
		(*count)++;
	}
	return db_finalize(st);
}

enum db_status drafts_load(struct db *db, long long id, char **data)
{
	*data = NULL;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "SELECT data FROM drafts WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		const char *text = db_column_text(st, 0);
		size_t len = strlen(text);
		*data = malloc(len + 1);
		if (*data)
			memcpy(*data, text, len + 1);
	}
	r = db_finalize(st);
	if (r == DB_OK && step != DB_ROW)
		r = DB_ERR_NOTFOUND;
	else if (r == DB_OK && !*data)
		r = DB_ERR_IO;
	if (r != DB_OK) {
		free(*data);
		*data = NULL;
	}
	return r;
}

enum db_status drafts_delete(struct db *db, db_user_id actor, long long id)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	struct db_stmt *st;
	if ((r = db_prepare(db, &st, "DELETE FROM drafts WHERE id = :id")) != DB_OK)
		goto out;
	db_bind_int(st, ":id", id);
	if ((r = run(st)) != DB_OK)
		goto out;
	if (db_changes(db) == 0) {
		r = DB_ERR_NOTFOUND;
		goto out;
	}
	r = audit_record(db, actor, "delete", "draft", id, NULL);
out:
	return finish(db, r);
}
