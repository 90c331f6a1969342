/* store_demo.c — one transaction, one prepared INSERT per table, reused
 * for every row: the difference between minutes and seconds when the
 * demo writes a large centre. */
#include "store_demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_util.h"

enum demo_stmt {
	ST_CITIZEN,
	ST_CITIZEN_INTEREST,
	ST_CITIZEN_BARRIER,
	ST_CITIZEN_AVAILABILITY,
	ST_REFERRAL,
	ST_RELATIVE,
	ST_CONSENT,
	ST_ASSESSMENT,
	ST_VOLUNTEER,
	ST_VOLUNTEER_ROLE,
	ST_VOLUNTEER_INTEREST,
	ST_VOLUNTEER_LANGUAGE,
	ST_VOLUNTEER_AREA,
	ST_VOLUNTEER_AVAILABILITY,
	ST_VOLUNTEER_COURSE,
	ST_ACTIVITY,
	ST_ACTIVITY_INTEREST,
	ST_SESSION,
	ST_ENROLMENT,
	ST_ATTENDANCE,
	ST_MATCH,
	ST_FOLLOW_UP,
	ST_COUNT
};

static const char *const insert_sql[ST_COUNT] = {
	[ST_CITIZEN] =
		"INSERT INTO citizens(name, birth_year, phone, email, address, postcode, town,"
		" contact_pref, gender, wishes, pref_volunteer_gender, pref_lived_experience,"
		" language, status, ended_on, end_reason, created_at, updated_at,"
		" sort_key, family_key, name_keys, name_fold, search_other, phone_digits)"
		" VALUES(:name, :birth_year, :phone, :email, :address, :postcode, :town,"
		" :contact_pref, :gender, :wishes, :pref_volunteer_gender, :pref_lived_experience,"
		" :language, :status, :ended_on, :end_reason, :created_at, :updated_at,"
		" :sort_key, :family_key, :name_keys, :name_fold, :search_other, :phone_digits)",
	[ST_CITIZEN_INTEREST] =
		"INSERT INTO citizen_interests(citizen_id, interest_id) VALUES(:owner, :value)",
	[ST_CITIZEN_BARRIER] =
		"INSERT INTO citizen_barriers(citizen_id, barrier_id) VALUES(:owner, :value)",
	[ST_CITIZEN_AVAILABILITY] =
		"INSERT INTO citizen_availability(citizen_id, weekday, part)"
		" VALUES(:owner, :weekday, :part)",
	[ST_REFERRAL] =
		"INSERT INTO referrals(citizen_id, referred_on, source, referrer_name, referrer_org,"
		" referrer_phone, feedback_consent, created_at)"
		" VALUES(:citizen_id, :referred_on, :source, :referrer_name, :referrer_org,"
		" :referrer_phone, :feedback_consent, :created_at)",
	[ST_RELATIVE] =
		"INSERT INTO relatives(citizen_id, name, relation, phone, takes_part, wants_support)"
		" VALUES(:citizen_id, :name, :relation, :phone, :takes_part, :wants_support)",
	[ST_CONSENT] =
		"INSERT INTO consents(citizen_id, purpose, given_on, withdrawn_on)"
		" VALUES(:citizen_id, :purpose, :given_on, :withdrawn_on)",
	[ST_ASSESSMENT] =
		"INSERT INTO assessments(citizen_id, assessed_on, outcome, handover_to, handover_on, note)"
		" VALUES(:citizen_id, :assessed_on, :outcome, :handover_to, :handover_on, :note)",
	[ST_VOLUNTEER] =
		"INSERT INTO volunteers(name, phone, email, postcode, town, gender, birth_year,"
		" lived_experience, capacity, status, created_at, updated_at, sort_key, search_text)"
		" VALUES(:name, :phone, :email, :postcode, :town, :gender, :birth_year,"
		" :lived_experience, :capacity, :status, :created_at, :updated_at, :sort_key, :search_text)",
	[ST_VOLUNTEER_ROLE] =
		"INSERT INTO volunteer_roles(volunteer_id, role) VALUES(:owner, :value)",
	[ST_VOLUNTEER_INTEREST] =
		"INSERT INTO volunteer_interests(volunteer_id, interest_id) VALUES(:owner, :value)",
	[ST_VOLUNTEER_LANGUAGE] =
		"INSERT INTO volunteer_languages(volunteer_id, language) VALUES(:owner, :value)",
	[ST_VOLUNTEER_AREA] =
		"INSERT INTO volunteer_areas(volunteer_id, postcode) VALUES(:owner, :value)",
	[ST_VOLUNTEER_AVAILABILITY] =
		"INSERT INTO volunteer_availability(volunteer_id, weekday, part)"
		" VALUES(:owner, :weekday, :part)",
	[ST_VOLUNTEER_COURSE] =
		"INSERT INTO volunteer_courses(volunteer_id, course, completed_on)"
		" VALUES(:owner, :course, :completed_on)",
	[ST_ACTIVITY] =
		"INSERT INTO activities(name, kind, organiser, place, postcode, weekday, start_time,"
		" end_time, capacity, contact_name, contact_phone, community, status,"
		" created_at, updated_at, sort_key, search_text)"
		" VALUES(:name, :kind, :organiser, :place, :postcode, :weekday, :start_time,"
		" :end_time, :capacity, :contact_name, :contact_phone, :community, :status,"
		" :created_at, :updated_at, :sort_key, :search_text)",
	[ST_ACTIVITY_INTEREST] =
		"INSERT INTO activity_interests(activity_id, interest_id) VALUES(:owner, :value)",
	[ST_SESSION] =
		"INSERT INTO sessions(activity_id, date, start_time, end_time, status, cancel_reason,"
		" note, led_by)"
		" VALUES(:activity_id, :date, :start_time, :end_time, :status, :cancel_reason,"
		" :note, :led_by)",
	[ST_ENROLMENT] =
		"INSERT INTO enrolments(citizen_id, activity_id, enrolled_on, ended_on)"
		" VALUES(:citizen_id, :activity_id, :enrolled_on, :ended_on)",
	[ST_ATTENDANCE] =
		"INSERT INTO attendance(session_id, citizen_id, mark, accompanied_by, walk_in, marked_at)"
		" VALUES(:session_id, :citizen_id, :mark, :accompanied_by, :walk_in, :marked_at)",
	[ST_MATCH] =
		"INSERT INTO matches(citizen_id, volunteer_id, activity_id, matched_on,"
		" first_session_id, accompaniment_done_on, ended_on, outcome, end_reason)"
		" VALUES(:citizen_id, :volunteer_id, :activity_id, :matched_on,"
		" :first_session_id, :accompaniment_done_on, :ended_on, :outcome, :end_reason)",
	[ST_FOLLOW_UP] =
		"INSERT INTO follow_ups(citizen_id, reason, due_on, due_time, responsible, source_key,"
		" status, outcome, note, next_step, done_at)"
		" VALUES(:citizen_id, :reason, :due_on, :due_time, :responsible, :source_key,"
		" :status, :outcome, :note, :next_step, :done_at)",
};

struct demo_writer {
	struct db *db;
	struct db_stmt *st[ST_COUNT];
	enum db_status err;
	long long saved_cache_size, saved_temp_store;
	bool pragmas;            /* SQLite: the writer's PRAGMAs set, to restore */
};

/* While the writer runs: a page cache large enough that the attendance
 * table's two B-trees (filled in different orders) stay in memory, and
 * statement journals in memory too. Every INSERT here may abort (checks,
 * foreign keys), so SQLite keeps a journal per statement; in a temporary
 * file that is a write system call for each row. */
static const char writer_pragmas[] =
	"PRAGMA cache_size = -262144;" /* 256 MiB */
	"PRAGMA temp_store = MEMORY;";

enum db_status demo_writer_open(struct db *db, struct demo_writer **out)
{
	*out = NULL;
	struct demo_writer *w = calloc(1, sizeof *w);
	if (!w)
		return DB_ERR_IO;
	w->db = db;
	/* PostgreSQL keeps its own caches: the server's settings, not ours. */
	w->pragmas = db_engine(db) == DB_ENGINE_SQLITE;
	enum db_status r = DB_OK;
	if (w->pragmas)
		r = db_query_int(db, "PRAGMA cache_size", &w->saved_cache_size);
	if (r == DB_OK && w->pragmas)
		r = db_query_int(db, "PRAGMA temp_store", &w->saved_temp_store);
	if (r == DB_OK && w->pragmas)
		r = db_exec(db, writer_pragmas);
	if (r == DB_OK)
		r = db_begin(db);
	if (r != DB_OK) {
		free(w);
		return r;
	}
	for (int i = 0; i < ST_COUNT; i++) {
		if ((r = db_prepare(db, &w->st[i], insert_sql[i])) != DB_OK) {
			w->err = r;
			demo_writer_close(w, false);
			return r;
		}
	}
	*out = w;
	return DB_OK;
}

enum db_status demo_writer_close(struct demo_writer *w, bool commit)
{
	if (!w)
		return DB_OK;
	for (int i = 0; i < ST_COUNT; i++) {
		enum db_status r = db_finalize(w->st[i]);
		if (r != DB_OK && w->err == DB_OK)
			w->err = r;
	}
	enum db_status end = db_end(w->db, commit && w->err == DB_OK ? DB_OK : DB_ERR_MISUSE);
	if (commit && w->err == DB_OK)
		w->err = end;

	if (w->pragmas) {
		char restore[96];
		snprintf(restore, sizeof restore, "PRAGMA cache_size = %lld; PRAGMA temp_store = %lld;",
			 w->saved_cache_size, w->saved_temp_store);
		db_exec(w->db, restore);
	}

	enum db_status err = w->err;
	free(w);
	return err;
}

enum db_status demo_writer_status(const struct demo_writer *w)
{
	return w->err;
}

/* The statement for the next row, or NULL once something has failed. */
static struct db_stmt *use(struct demo_writer *w, enum demo_stmt which)
{
	return w->err == DB_OK ? w->st[which] : NULL;
}

/* Steps, resets for the next row and keeps the first error. */
static bool run(struct demo_writer *w, struct db_stmt *st)
{
	enum db_status r = db_step(st);
	if (r != DB_DONE && w->err == DB_OK)
		w->err = r == DB_ROW ? DB_ERR_MISUSE : r;
	db_reset(st);
	return w->err == DB_OK;
}

static long long run_id(struct demo_writer *w, struct db_stmt *st)
{
	return run(w, st) ? db_last_insert_id(w->db) : 0;
}

static void bind_optional_int(struct db_stmt *st, const char *name, long long v)
{
	if (v != 0)
		db_bind_int(st, name, v);
	else
		db_bind_null(st, name);
}

long long demo_add_citizen(struct demo_writer *w, const struct demo_citizen *c)
{
	struct db_stmt *st = use(w, ST_CITIZEN);
	if (!st)
		return 0;
	db_bind_text(st, ":name", c->name);
	bind_optional_int(st, ":birth_year", c->birth_year);
	db_bind_text(st, ":phone", c->phone);
	db_bind_text(st, ":email", c->email);
	db_bind_text(st, ":address", c->address);
	db_bind_text(st, ":postcode", c->postcode);
	db_bind_text(st, ":town", c->town);
	db_bind_text(st, ":contact_pref", c->contact_pref);
	db_bind_text(st, ":gender", c->gender);
	db_bind_text(st, ":wishes", c->wishes);
	db_bind_text(st, ":pref_volunteer_gender", c->pref_volunteer_gender);
	db_bind_int(st, ":pref_lived_experience", c->pref_lived_experience);
	db_bind_text(st, ":language", c->language);
	db_bind_text(st, ":status", c->status ? c->status : "active");
	db_bind_text(st, ":ended_on", c->ended_on);
	db_bind_text(st, ":end_reason", c->end_reason);
	db_bind_text(st, ":created_at", c->created_at);
	db_bind_text(st, ":updated_at", c->updated_at ? c->updated_at : c->created_at);
	store_bind_citizen_keys(st, c->keys);
	return run_id(w, st);
}

long long demo_add_referral(struct demo_writer *w, const struct demo_referral *r)
{
	struct db_stmt *st = use(w, ST_REFERRAL);
	if (!st)
		return 0;
	store_bind_id(st, ":citizen_id", r->citizen_id);
	db_bind_text(st, ":referred_on", r->referred_on);
	db_bind_text(st, ":source", r->source);
	db_bind_text(st, ":referrer_name", r->referrer_name);
	db_bind_text(st, ":referrer_org", r->referrer_org);
	db_bind_text(st, ":referrer_phone", r->referrer_phone);
	db_bind_int(st, ":feedback_consent", r->feedback_consent);
	db_bind_text(st, ":created_at", r->created_at);
	return run_id(w, st);
}

long long demo_add_relative(struct demo_writer *w, const struct demo_relative *r)
{
	struct db_stmt *st = use(w, ST_RELATIVE);
	if (!st)
		return 0;
	db_bind_int(st, ":citizen_id", r->citizen_id);
	db_bind_text(st, ":name", r->name);
	db_bind_text(st, ":relation", r->relation);
	db_bind_text(st, ":phone", r->phone);
	db_bind_int(st, ":takes_part", r->takes_part);
	db_bind_int(st, ":wants_support", r->wants_support);
	return run_id(w, st);
}

long long demo_add_consent(struct demo_writer *w, const struct demo_consent *c)
{
	struct db_stmt *st = use(w, ST_CONSENT);
	if (!st)
		return 0;
	db_bind_int(st, ":citizen_id", c->citizen_id);
	db_bind_text(st, ":purpose", c->purpose);
	db_bind_text(st, ":given_on", c->given_on);
	db_bind_text(st, ":withdrawn_on", c->withdrawn_on);
	return run_id(w, st);
}

long long demo_add_assessment(struct demo_writer *w, const struct demo_assessment *a)
{
	struct db_stmt *st = use(w, ST_ASSESSMENT);
	if (!st)
		return 0;
	db_bind_int(st, ":citizen_id", a->citizen_id);
	db_bind_text(st, ":assessed_on", a->assessed_on);
	db_bind_text(st, ":outcome", a->outcome);
	db_bind_text(st, ":handover_to", a->handover_to);
	db_bind_text(st, ":handover_on", a->handover_on);
	db_bind_text(st, ":note", a->note);
	return run_id(w, st);
}

long long demo_add_volunteer(struct demo_writer *w, const struct demo_volunteer *v)
{
	struct db_stmt *st = use(w, ST_VOLUNTEER);
	if (!st)
		return 0;
	db_bind_text(st, ":name", v->name);
	db_bind_text(st, ":phone", v->phone);
	db_bind_text(st, ":email", v->email);
	db_bind_text(st, ":postcode", v->postcode);
	db_bind_text(st, ":town", v->town);
	db_bind_text(st, ":gender", v->gender);
	bind_optional_int(st, ":birth_year", v->birth_year);
	db_bind_text(st, ":lived_experience", v->lived_experience);
	db_bind_int(st, ":capacity", v->capacity);
	db_bind_text(st, ":status", v->status);
	db_bind_text(st, ":created_at", v->created_at);
	db_bind_text(st, ":updated_at", v->updated_at ? v->updated_at : v->created_at);
	store_bind_registry_keys(st, v->keys);
	return run_id(w, st);
}

long long demo_add_activity(struct demo_writer *w, const struct demo_activity *a)
{
	struct db_stmt *st = use(w, ST_ACTIVITY);
	if (!st)
		return 0;
	db_bind_text(st, ":name", a->name);
	db_bind_text(st, ":kind", a->kind);
	db_bind_text(st, ":organiser", a->organiser);
	db_bind_text(st, ":place", a->place);
	db_bind_text(st, ":postcode", a->postcode);
	bind_optional_int(st, ":weekday", a->weekday);
	db_bind_text(st, ":start_time", a->start_time);
	db_bind_text(st, ":end_time", a->end_time);
	db_bind_int(st, ":capacity", a->capacity);
	db_bind_text(st, ":contact_name", a->contact_name);
	db_bind_text(st, ":contact_phone", a->contact_phone);
	db_bind_text(st, ":community", a->community);
	db_bind_text(st, ":status", a->status);
	db_bind_text(st, ":created_at", a->created_at);
	db_bind_text(st, ":updated_at", a->updated_at ? a->updated_at : a->created_at);
	store_bind_registry_keys(st, a->keys);
	return run_id(w, st);
}

long long demo_add_session(struct demo_writer *w, const struct demo_session *s)
{
	struct db_stmt *st = use(w, ST_SESSION);
	if (!st)
		return 0;
	db_bind_int(st, ":activity_id", s->activity_id);
	db_bind_text(st, ":date", s->date);
	db_bind_text(st, ":start_time", s->start_time);
	db_bind_text(st, ":end_time", s->end_time);
	db_bind_text(st, ":status", s->status);
	db_bind_text(st, ":cancel_reason", s->cancel_reason);
	db_bind_text(st, ":note", s->note);
	store_bind_id(st, ":led_by", s->led_by);
	return run_id(w, st);
}

long long demo_add_enrolment(struct demo_writer *w, const struct demo_enrolment *e)
{
	struct db_stmt *st = use(w, ST_ENROLMENT);
	if (!st)
		return 0;
	db_bind_int(st, ":citizen_id", e->citizen_id);
	db_bind_int(st, ":activity_id", e->activity_id);
	db_bind_text(st, ":enrolled_on", e->enrolled_on);
	db_bind_text(st, ":ended_on", e->ended_on);
	return run_id(w, st);
}

long long demo_add_match(struct demo_writer *w, const struct demo_match *m)
{
	struct db_stmt *st = use(w, ST_MATCH);
	if (!st)
		return 0;
	db_bind_int(st, ":citizen_id", m->citizen_id);
	store_bind_id(st, ":volunteer_id", m->volunteer_id);
	store_bind_id(st, ":activity_id", m->activity_id);
	db_bind_text(st, ":matched_on", m->matched_on);
	store_bind_id(st, ":first_session_id", m->first_session_id);
	db_bind_text(st, ":accompaniment_done_on", m->accompaniment_done_on);
	db_bind_text(st, ":ended_on", m->ended_on);
	db_bind_text(st, ":outcome", m->outcome);
	db_bind_text(st, ":end_reason", m->end_reason);
	return run_id(w, st);
}

long long demo_add_follow_up(struct demo_writer *w, const struct demo_follow_up *f)
{
	struct db_stmt *st = use(w, ST_FOLLOW_UP);
	if (!st)
		return 0;
	db_bind_int(st, ":citizen_id", f->citizen_id);
	db_bind_text(st, ":reason", f->reason);
	db_bind_text(st, ":due_on", f->due_on);
	db_bind_text(st, ":due_time", f->due_time);
	store_bind_id(st, ":responsible", f->responsible);
	db_bind_text(st, ":source_key", f->source_key);
	db_bind_text(st, ":status", f->status ? f->status : "open");
	db_bind_text(st, ":outcome", f->outcome);
	db_bind_text(st, ":note", f->note);
	db_bind_text(st, ":next_step", f->next_step);
	db_bind_text(st, ":done_at", f->done_at);
	return run_id(w, st);
}

long long demo_add_volunteer_course(struct demo_writer *w, long long volunteer_id,
				    const char *course, const char *completed_on)
{
	struct db_stmt *st = use(w, ST_VOLUNTEER_COURSE);
	if (!st)
		return 0;
	db_bind_int(st, ":owner", volunteer_id);
	db_bind_text(st, ":course", course);
	db_bind_text(st, ":completed_on", completed_on);
	return run_id(w, st);
}

bool demo_add_attendance(struct demo_writer *w, const struct demo_attendance *a)
{
	struct db_stmt *st = use(w, ST_ATTENDANCE);
	if (!st)
		return false;
	db_bind_int(st, ":session_id", a->session_id);
	db_bind_int(st, ":citizen_id", a->citizen_id);
	db_bind_text(st, ":mark", a->mark);
	store_bind_id(st, ":accompanied_by", a->accompanied_by);
	db_bind_int(st, ":walk_in", a->walk_in);
	db_bind_text(st, ":marked_at", a->marked_at);
	return run(w, st);
}

/* The link tables: (owner, value) pairs. */
static bool add_link_int(struct demo_writer *w, enum demo_stmt which, long long owner, long long value)
{
	struct db_stmt *st = use(w, which);
	if (!st)
		return false;
	db_bind_int(st, ":owner", owner);
	db_bind_int(st, ":value", value);
	return run(w, st);
}

static bool add_link_text(struct demo_writer *w, enum demo_stmt which, long long owner, const char *value)
{
	struct db_stmt *st = use(w, which);
	if (!st)
		return false;
	db_bind_int(st, ":owner", owner);
	db_bind_text(st, ":value", value);
	return run(w, st);
}

static bool add_availability(struct demo_writer *w, enum demo_stmt which, long long owner,
			     int weekday, const char *part)
{
	struct db_stmt *st = use(w, which);
	if (!st)
		return false;
	db_bind_int(st, ":owner", owner);
	db_bind_int(st, ":weekday", weekday);
	db_bind_text(st, ":part", part);
	return run(w, st);
}

bool demo_add_citizen_interest(struct demo_writer *w, long long citizen_id, long long interest_id)
{
	return add_link_int(w, ST_CITIZEN_INTEREST, citizen_id, interest_id);
}

bool demo_add_citizen_barrier(struct demo_writer *w, long long citizen_id, long long barrier_id)
{
	return add_link_int(w, ST_CITIZEN_BARRIER, citizen_id, barrier_id);
}

bool demo_add_citizen_availability(struct demo_writer *w, long long citizen_id,
				   int weekday, const char *part)
{
	return add_availability(w, ST_CITIZEN_AVAILABILITY, citizen_id, weekday, part);
}

bool demo_add_volunteer_role(struct demo_writer *w, long long volunteer_id, const char *role)
{
	return add_link_text(w, ST_VOLUNTEER_ROLE, volunteer_id, role);
}

bool demo_add_volunteer_interest(struct demo_writer *w, long long volunteer_id, long long interest_id)
{
	return add_link_int(w, ST_VOLUNTEER_INTEREST, volunteer_id, interest_id);
}

bool demo_add_volunteer_language(struct demo_writer *w, long long volunteer_id, const char *language)
{
	return add_link_text(w, ST_VOLUNTEER_LANGUAGE, volunteer_id, language);
}

bool demo_add_volunteer_area(struct demo_writer *w, long long volunteer_id, const char *postcode)
{
	return add_link_text(w, ST_VOLUNTEER_AREA, volunteer_id, postcode);
}

bool demo_add_volunteer_availability(struct demo_writer *w, long long volunteer_id,
				     int weekday, const char *part)
{
	return add_availability(w, ST_VOLUNTEER_AVAILABILITY, volunteer_id, weekday, part);
}

bool demo_add_activity_interest(struct demo_writer *w, long long activity_id, long long interest_id)
{
	return add_link_int(w, ST_ACTIVITY_INTEREST, activity_id, interest_id);
}

enum db_status demo_is_empty(struct db *db, bool *empty)
{
	long long any = 0;
	enum db_status r = db_query_int(db,
		"SELECT EXISTS(SELECT 1 FROM citizens) OR EXISTS(SELECT 1 FROM volunteers)"
		" OR EXISTS(SELECT 1 FROM activities)", &any);
	*empty = r == DB_OK && any == 0;
	return r;
}

enum db_status demo_count(struct db *db, const char *today, struct demo_counts *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT"
		" (SELECT count(*) FROM citizens),"
		" (SELECT count(*) FROM volunteers),"
		" (SELECT count(*) FROM activities),"
		" (SELECT count(*) FROM sessions),"
		" (SELECT count(*) FROM attendance),"
		" (SELECT count(*) FROM matches),"
		" (SELECT count(*) FROM follow_ups),"
		" (SELECT count(*) FROM referrals),"
		" (SELECT count(*) FROM enrolments),"
		" (SELECT count(*) FROM citizens WHERE status = 'ended'),"
		" (SELECT count(*) FROM assessments WHERE outcome = 'professional_help'),"
		" (SELECT count(*) FROM follow_ups WHERE status = 'open' AND due_on <= :today),"
		" (SELECT count(*) FROM activities a WHERE a.capacity <"
		"    (SELECT count(*) FROM enrolments e"
		"     WHERE e.activity_id = a.id AND e.ended_on IS NULL)),"
		" (SELECT count(*) FROM volunteers v WHERE v.capacity <"
		"    (SELECT count(*) FROM matches m"
		"     WHERE m.volunteer_id = v.id AND m.ended_on IS NULL)),"
		" (SELECT count(*) FROM pragma_foreign_key_check)");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":today", today);
	if (db_step(st) == DB_ROW) {
		long long *dst[] = {
			&out->citizens, &out->volunteers, &out->activities, &out->sessions,
			&out->attendance, &out->matches, &out->follow_ups, &out->referrals,
			&out->enrolments, &out->ended_citizens, &out->handovers,
			&out->calls_due, &out->activities_over_capacity,
			&out->volunteers_over_capacity, &out->foreign_key_violations,
		};
		for (int i = 0; i < (int)(sizeof dst / sizeof dst[0]); i++)
			*dst[i] = db_column_int(st, i);
	}
	return db_finalize(st);
}

static unsigned long long fnv_text(unsigned long long h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	/* A separator, so ("ab","c") and ("a","bc") differ. */
	h ^= 0x1f;
	h *= 1099511628211ULL;
	return h;
}

static const struct {
	const char *sql;
	int columns;
} fingerprint_queries[] = {
	{ "SELECT id, name, birth_year, phone, postcode, status FROM citizens ORDER BY id", 6 },
	{ "SELECT session_id, citizen_id, mark, accompanied_by, walk_in FROM attendance"
	  " ORDER BY session_id, citizen_id", 5 },
	{ "SELECT id, citizen_id, volunteer_id, activity_id, matched_on, ended_on, outcome"
	  " FROM matches ORDER BY id", 7 },
	{ "SELECT id, citizen_id, reason, due_on, status, outcome, source_key"
	  " FROM follow_ups ORDER BY id", 7 },
	{ "SELECT id, activity_id, date, status FROM sessions ORDER BY id", 4 },
};

enum db_status demo_fingerprint(struct db *db, unsigned long long *out)
{
	unsigned long long h = 14695981039346656037ULL;
	*out = 0;
	for (size_t q = 0; q < sizeof fingerprint_queries / sizeof fingerprint_queries[0]; q++) {
		struct db_stmt *st;
		enum db_status r = db_prepare(db, &st, fingerprint_queries[q].sql);
		if (r != DB_OK)
			return r;
		while (db_step(st) == DB_ROW) {
			for (int c = 0; c < fingerprint_queries[q].columns; c++)
				h = fnv_text(h, db_column_text(st, c));
		}
		if ((r = db_finalize(st)) != DB_OK)
			return r;
	}
	*out = h;
	return DB_OK;
}
