/* model_registry.h — the registry types: plain structs, enums and limits
 * that every layer shares. No functions. */
#ifndef BB_MODEL_REGISTRY_H
#define BB_MODEL_REGISTRY_H

#include <stdbool.h>
#include "model_citizen.h"
#include "model_status.h"

enum {
	REG_LANGUAGE = 164,     /* 40 characters */
	REG_MAX_LANGUAGES = 8,
	REG_MAX_AREAS = 12,
	REG_MAX_COURSES = 8,
	REG_LIVED = 1004,       /* 250 characters, in the person's own words */
	REG_TIME = 6,           /* "HH:MM" */
	REG_SESSION_WEEKS = 12, /* how far ahead weekly sessions are planned */
	REG_SEARCH = 1024,      /* folded name, e-mail or organiser, town or place, phone, postcode */
};

/* The keys a volunteer or an activity is found and sorted by, made by
 * src/textkeys.c; the store writes them as given. */
struct registry_keys {
	char sort_key[CIT_KEY];
	char search_text[REG_SEARCH];
};

/* What a volunteer's or an activity's keys are made of, as stored. For
 * an activity, email is the organiser and town the place. */
struct registry_key_source {
	long long id;
	char name[CIT_NAME];
	char email[CIT_TEXT];
	char town[CIT_TEXT];
	char phone[CIT_SHORT];
	char postcode[5];
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
	/* Read only: the next planned session to come ("" for none), as
	 * attendance_rule_to_come says (registry_activity); the store reads
	 * the first from today, its start time, and the one after it. */
	char next_session[CIT_DATE];
	char next_session_time[CIT_SHORT];
	char session_after[CIT_DATE];
};

/* What the time rule (src/registry_rules.c) says about an activity's
 * weekday and times, so the form can point at the field. */
enum activity_times_check {
	ACTIVITY_TIMES_OK,
	ACTIVITY_TIMES_NO_START,            /* a weekly activity needs its start time */
	ACTIVITY_TIMES_END_NOT_AFTER_START,
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

#endif
