/* store_demo.h — the bulk writer behind `brobygger demo`.
 *
 * The generator in src/demo.c decides what the made-up data looks like;
 * this module only writes it: one transaction, each INSERT prepared once
 * and reused, so a hundred thousand citizens take seconds. It bypasses the
 * audit log on purpose: nobody acts on real people here.
 *
 * Records are plain structs. Text is UTF-8 and NULL means SQL NULL; dates
 * are ISO 'YYYY-MM-DD', timestamps 'YYYY-MM-DD HH:MM:SS' (given
 * explicitly, so the same seed gives the same database); ids of 0 mean
 * "none" (NULL). Codes are the schema's English identifiers.
 *
 * Errors are sticky, as in db_stmt: the first failure is kept, every later
 * demo_add_* returns 0 without touching the database, and
 * demo_writer_close() rolls back and returns it.
 */
#ifndef BB_STORE_DEMO_H
#define BB_STORE_DEMO_H

#include <stdbool.h>

#include "db.h"
#include "model_citizen.h"
#include "model_registry.h"

struct demo_writer;

struct demo_citizen {
	const char *name;
	int birth_year;               /* 0: unknown */
	const char *phone, *email, *address, *postcode, *town;
	const char *contact_pref;     /* phone, sms, email, letter, visit */
	const char *gender;           /* woman, man, other */
	const char *wishes;
	const char *pref_volunteer_gender; /* woman, man */
	bool pref_lived_experience;
	const char *language;
	const char *status;           /* active, ended */
	const char *ended_on, *end_reason;
	const char *created_at, *updated_at;
	const struct citizen_keys *keys; /* made by src/textkeys.h */
};

struct demo_referral {
	long long citizen_id;         /* 0: kept without a citizen (no consent) */
	const char *referred_on;
	const char *source;           /* self, relative, health_staff, gp, ... */
	const char *referrer_name, *referrer_org, *referrer_phone;
	bool feedback_consent;
	const char *created_at;
};

struct demo_relative {
	long long citizen_id;
	const char *name, *relation, *phone;
	bool takes_part, wants_support;
};

struct demo_consent {
	long long citizen_id;
	const char *purpose;          /* registration, volunteer_contact, ... */
	const char *given_on, *withdrawn_on;
};

struct demo_assessment {
	long long citizen_id;
	const char *assessed_on;
	const char *outcome;          /* volunteer_help, professional_help */
	const char *handover_to, *handover_on;
	const char *note;
};

struct demo_volunteer {
	const char *name, *phone, *email, *postcode, *town, *gender;
	int birth_year;               /* 0: unknown */
	const char *lived_experience;
	int capacity;
	const char *status;           /* training, active, paused, stopped */
	const char *created_at, *updated_at;
	const struct registry_keys *keys; /* made by src/textkeys.h */
};

struct demo_activity {
	const char *name, *kind, *organiser, *place, *postcode;
	int weekday;                  /* 1 = Monday; 0: none */
	const char *start_time, *end_time; /* HH:MM */
	int capacity;
	const char *contact_name, *contact_phone;
	const char *community;        /* practice, lasting */
	const char *status;           /* active, ended */
	const char *created_at, *updated_at;
	const struct registry_keys *keys; /* made by src/textkeys.h */
};

struct demo_session {
	long long activity_id;
	const char *date, *start_time, *end_time;
	const char *status;           /* planned, held, cancelled */
	const char *cancel_reason, *note;
	long long led_by;             /* volunteer */
};

struct demo_enrolment {
	long long citizen_id, activity_id;
	const char *enrolled_on, *ended_on;
};

struct demo_attendance {
	long long session_id, citizen_id;
	const char *mark;             /* present, excused, absent */
	long long accompanied_by;     /* volunteer; only when present */
	bool walk_in;
	const char *marked_at;
};

struct demo_match {
	long long citizen_id, volunteer_id, activity_id;
	const char *matched_on;
	long long first_session_id;
	const char *accompaniment_done_on, *ended_on;
	const char *outcome;          /* with ended_on: on_own, moved_activity, ... */
	const char *end_reason;
};

struct demo_follow_up {
	long long citizen_id;
	const char *reason;           /* after_first_session, missed_sessions, ... */
	const char *due_on, *due_time;
	long long responsible;        /* volunteer */
	const char *source_key;       /* unique, or NULL */
	const char *status;           /* open, done, cancelled */
	const char *outcome;          /* only when done */
	const char *note, *next_step, *done_at;
};

/* Begins the one transaction (BEGIN IMMEDIATE) and prepares every INSERT.
 * Until close the connection keeps a large cache and its temporary
 * data in memory (which drops any temporary tables it had), so the
 * journal kept for every INSERT never touches a file.
 * On failure nothing is left open and *out is NULL. */
enum db_status demo_writer_open(struct db *db, struct demo_writer **out);
/* Commits when `commit` is true and nothing failed, else rolls back;
 * frees the writer and returns the first error, or DB_OK. */
enum db_status demo_writer_close(struct demo_writer *w, bool commit);
/* The first error met so far, or DB_OK. */
enum db_status demo_writer_status(const struct demo_writer *w);

/* Each returns the new row's id, or 0 after an error. */
long long demo_add_citizen(struct demo_writer *w, const struct demo_citizen *c);
long long demo_add_referral(struct demo_writer *w, const struct demo_referral *r);
long long demo_add_relative(struct demo_writer *w, const struct demo_relative *r);
long long demo_add_consent(struct demo_writer *w, const struct demo_consent *c);
long long demo_add_assessment(struct demo_writer *w, const struct demo_assessment *a);
long long demo_add_volunteer(struct demo_writer *w, const struct demo_volunteer *v);
long long demo_add_activity(struct demo_writer *w, const struct demo_activity *a);
long long demo_add_session(struct demo_writer *w, const struct demo_session *s);
long long demo_add_enrolment(struct demo_writer *w, const struct demo_enrolment *e);
long long demo_add_match(struct demo_writer *w, const struct demo_match *m);
long long demo_add_follow_up(struct demo_writer *w, const struct demo_follow_up *f);
long long demo_add_volunteer_course(struct demo_writer *w, long long volunteer_id,
				    const char *course, const char *completed_on);

/* Rows without an id of their own; each returns true when written. */
bool demo_add_attendance(struct demo_writer *w, const struct demo_attendance *a);
bool demo_add_citizen_interest(struct demo_writer *w, long long citizen_id, long long interest_id);
bool demo_add_citizen_barrier(struct demo_writer *w, long long citizen_id, long long barrier_id);
/* part: morning, afternoon, evening */
bool demo_add_citizen_availability(struct demo_writer *w, long long citizen_id,
				   int weekday, const char *part);
bool demo_add_volunteer_role(struct demo_writer *w, long long volunteer_id, const char *role);
bool demo_add_volunteer_interest(struct demo_writer *w, long long volunteer_id, long long interest_id);
bool demo_add_volunteer_language(struct demo_writer *w, long long volunteer_id, const char *language);
bool demo_add_volunteer_area(struct demo_writer *w, long long volunteer_id, const char *postcode);
bool demo_add_volunteer_availability(struct demo_writer *w, long long volunteer_id,
				     int weekday, const char *part);
bool demo_add_activity_interest(struct demo_writer *w, long long activity_id, long long interest_id);

/* True when the database holds no citizens, volunteers or activities:
 * demo data is only ever written into a fresh file. */
enum db_status demo_is_empty(struct db *db, bool *empty);

/* For tests and benchmarks: row counts, and a few rules the generator
 * must keep that the schema alone cannot state. */
struct demo_counts {
	long long citizens, volunteers, activities, sessions, attendance, matches,
		follow_ups, referrals, enrolments;
	long long ended_citizens;      /* status 'ended' */
	long long handovers;           /* assessments with outcome professional_help */
	long long calls_due;           /* open follow-ups due on or before `today` */
	long long activities_over_capacity; /* open enrolments > capacity */
	long long volunteers_over_capacity; /* open matches > capacity */
	long long foreign_key_violations;
};
/* `today` is an ISO date. */
enum db_status demo_count(struct db *db, const char *today, struct demo_counts *out);

/* A 64-bit FNV-1a hash over citizens (id, name, birth year, phone,
 * postcode), attendance (session, citizen, mark, companion), matches and
 * follow-ups, each in key order: equal data gives an equal number. */
enum db_status demo_fingerprint(struct db *db, unsigned long long *out);

#endif
