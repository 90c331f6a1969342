/* store_registry.h — the registry of volunteers and activities: search as
 * you type, read, create and edit (with a version check against another
 * desk's edit), pause, stop or end — never delete, since matches,
 * sessions and attendance refer to them — and the weekly sessions of an
 * activity, generated some weeks ahead for the attendance screen.
 *
 * Every change takes the acting user and writes the audit log in the same
 * transaction. Text is UTF-8; codes are db/schema.c's English identifiers
 * (src/vocab.c gives them words); dates are ISO "YYYY-MM-DD"; an empty
 * string means "not given" and is stored as NULL.
 */
#ifndef BB_STORE_REGISTRY_H
#define BB_STORE_REGISTRY_H

#include <stdbool.h>

#include "db.h"
#include "store_citizens.h"
#include "store_settings.h"

enum {
	REG_LANGUAGE = 164,     /* 40 characters */
	REG_MAX_LANGUAGES = 8,
	REG_MAX_AREAS = 12,
	REG_MAX_COURSES = 8,
	REG_LIVED = 1004,       /* 250 characters, in the person's own words */
	REG_TIME = 6,           /* "HH:MM" */
	REG_SESSION_WEEKS = 12, /* how far ahead weekly sessions are planned */
};

/* A volunteer's roles as a bit set, bit i = volunteer_role_codes[i]. */
enum { VOLUNTEER_ROLES = 5 };
extern const char *const volunteer_role_codes[VOLUNTEER_ROLES];

struct volunteer_course {
	char course[CIT_NAME];
	char completed_on[CIT_DATE];
};

struct volunteer_record {
	long long id;                    /* 0: not saved yet */
	char name[CIT_NAME];
	char phone[CIT_SHORT];
	char email[CIT_TEXT];
	char postcode[5];
	char town[CIT_TOWN];
	char gender[CIT_CODE];           /* woman, man, other or "" (only if they say) */
	int birth_year;                  /* 0: not given */
	char lived_experience[REG_LIVED]; /* "" unless they volunteer it */
	int capacity;                    /* citizens they can support at once */
	char status[CIT_CODE];           /* training, active, paused, stopped */
	unsigned roles;
	long long interests[CIT_MAX_PICKS];
	int ninterests;
	char languages[REG_MAX_LANGUAGES][REG_LANGUAGE];
	int nlanguages;
	char areas[REG_MAX_AREAS][5];    /* postcodes they cover */
	int nareas;
	availability_bits availability;
	struct volunteer_course courses[REG_MAX_COURSES];
	int ncourses;
	long long version;
	int load;                        /* read only: citizens with an open match */
};

struct activity_record {
	long long id;                    /* 0: not saved yet */
	char name[CIT_NAME];
	char kind[CIT_CODE];             /* motion_group, social_cafe, self_help_group, course, association */
	char organiser[CIT_TEXT];
	char place[CIT_TEXT];
	char postcode[5];
	int weekday;                     /* 1 = Monday; 0: not weekly */
	char start_time[REG_TIME];
	char end_time[REG_TIME];
	int capacity;
	char contact_name[CIT_NAME];
	char contact_phone[CIT_SHORT];
	char community[CIT_CODE];        /* practice (a safe first step), lasting */
	char status[CIT_CODE];           /* active, ended */
	long long interests[CIT_MAX_PICKS];
	int ninterests;
	long long version;
	int load;                        /* read only: citizens enrolled now */
	char next_session[CIT_DATE];     /* read only: next planned session from today, or "" */
};

/* One line of a registry list. */
struct volunteer_row {
	long long id;
	char name[CIT_NAME];
	char phone[CIT_SHORT];
	char postcode[5];
	char town[CIT_TOWN];
	char status[CIT_CODE];
	unsigned roles;
	int capacity, load;
};

struct activity_row {
	long long id;
	char name[CIT_NAME];
	char kind[CIT_CODE];
	char place[CIT_TEXT];
	char postcode[5];
	int weekday;
	char start_time[REG_TIME];
	char community[CIT_CODE];
	char status[CIT_CODE];
	int capacity, load;
};

/* Search as you type. `query` is folded by src/fold.c (fold_search); each
 * of its words must begin a word of the name, e-mail, town or postcode
 * (activities: name, organiser, place, postcode), or be part of the phone
 * number's digits. Names that begin with the query come first; those
 * stopped or ended come last; then Danish name order. "" lists everyone. */
enum db_status volunteers_search(struct db *db, const char *query, int offset, int limit,
				 struct volunteer_row *out, int *count);
enum db_status activities_search(struct db *db, const char *query, int offset, int limit,
				 struct activity_row *out, int *count);

enum db_status volunteers_get(struct db *db, long long id, struct volunteer_record *out);
/* `today` fills next_session. */
enum db_status activities_get(struct db *db, long long id, const char *today, struct activity_record *out);

/* Creates (rec->id == 0; *id gets the new id) or saves an edit if nobody
 * changed the record since `expected_version` was read: else
 * DB_ERR_CONFLICT and nothing is written. A weekly activity that is active
 * has its sessions planned REG_SESSION_WEEKS ahead from `today` in the
 * same transaction; a changed weekday or time moves the planned sessions
 * ahead that nothing refers to yet. */
enum db_status volunteers_save(struct db *db, db_user_id actor, const struct volunteer_record *rec,
			       long long expected_version, long long *id);
enum db_status activities_save(struct db *db, db_user_id actor, const struct activity_record *rec,
			       long long expected_version, const char *today, long long *id);

/* Pause, stop or take back a volunteer (status as in the record). Their
 * open matches stay open: the coordinator ends them one by one. */
enum db_status volunteers_set_status(struct db *db, db_user_id actor, long long id, const char *status);
/* Ends an activity or takes it up again. Ending drops the planned sessions
 * from `today` on that nothing refers to and cancels the others with
 * `cancel_reason`; taking it up again plans its sessions anew. */
enum db_status activities_set_status(struct db *db, db_user_id actor, long long id, const char *status,
				     const char *today, const char *cancel_reason);

/* Plans the weekly sessions of one active activity (or of all, with
 * activity_id 0) for `weeks` weeks from `today`. Idempotent: a date that
 * already has a session, even a cancelled one, is left alone.
 * *created (may be NULL) gets the number of new sessions. */
enum db_status sessions_generate(struct db *db, db_user_id actor, long long activity_id, const char *today,
				 int weeks, int *created);

#endif
