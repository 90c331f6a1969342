/* model_matching.h — the matching types: plain structs, enums and limits
 * that every layer shares. No functions. */
#ifndef BB_MODEL_MATCHING_H
#define BB_MODEL_MATCHING_H

#include <stdbool.h>
#include "model_citizen.h"
#include "model_registry.h"
#include "model_status.h"

enum {
	MATCH_PICKS = 16,       /* interests used for scoring */
	MATCH_LANGS = 6,
	MATCH_LANG = 48,        /* a folded language name */
	MATCH_AREAS = 12,
	MATCH_LINKS = 16,       /* open matches / enrolments of one citizen */
};

/* What the score of a citizen is made from. Postcodes are numbers (0:
 * not known); languages are folded (src/fold.c), so "Dansk" is "dansk":
 * the store gives them as written, and src/matching.c folds them and
 * decides `anxiety` from the barriers' names. */
struct match_citizen_facts {
	long long id;
	char name[CIT_NAME];
	bool namesake;                     /* another citizen has the same name */
	bool active;                       /* course not ended */
	char assessment[CIT_CODE];         /* latest outcome, or "" */
	int birth_year;                    /* 0: not given */
	int postcode;
	char gender[CIT_CODE];
	char language[MATCH_LANG];         /* folded; "" counts as Danish */
	char language_label[REG_LANGUAGE]; /* as recorded, for the words */
	char pref_gender[CIT_CODE];        /* woman, man or "" */
	char pref_age[CIT_CODE];           /* similar, younger, older or "" */
	bool pref_lived_experience;
	long long interests[MATCH_PICKS];
	int ninterests;
	availability_bits availability;
	long long barriers[MATCH_PICKS];
	int nbarriers;
	bool anxiety;                      /* a barrier named like "angst" (match_barrier_anxiety) */
	long long matched_volunteers[MATCH_LINKS]; /* open matches */
	int nmatched_volunteers;
	long long enrolled_activities[MATCH_LINKS]; /* current enrolments */
	int nenrolled;
	/* Matches that ended as "did not work": not proposed again. */
	long long tried_volunteers[MATCH_LINKS];
	int ntried_volunteers;
	long long tried_activities[MATCH_LINKS];
	int ntried_activities;
	char waiting_since[CIT_DATE];
};

struct match_volunteer_facts {
	long long id;
	char name[CIT_NAME];               /* with what tells a namesake apart (match_pool_ready) */
	bool namesake;                     /* another volunteer, open or not, has the same name */
	char sort_key[CIT_NAME];           /* Danish order, compared with strcmp */
	char status[CIT_CODE];
	char gender[CIT_CODE];
	int birth_year;
	bool lived_experience;
	int capacity, load;                /* load: open matches */
	int postcode;
	int areas[MATCH_AREAS];
	int nareas;
	char languages[MATCH_LANGS][MATCH_LANG];
	int nlanguages;
	long long interests[MATCH_PICKS];
	int ninterests;
	availability_bits availability;
	unsigned roles;
};

struct match_activity_facts {
	long long id;
	char name[CIT_NAME];
	char sort_key[CIT_NAME];
	char status[CIT_CODE];
	int postcode;
	int weekday;                       /* 0: not weekly */
	char start_time[REG_TIME];
	int capacity, load;                /* load: current enrolments */
	bool practice;                     /* a practice community: a safe first step */
	char last_session[CIT_DATE];       /* not weekly: its last session not cancelled, "" for none */
	bool no_session_ahead;             /* not weekly, and none from today on (match_pool_dated) */
	long long interests[MATCH_PICKS];
	int ninterests;
};

/* A volunteer or activity nobody can be matched with now (not active,
 * ended, or every place taken): only what says why. */
struct match_closed {
	long long id;
	char status[CIT_CODE];
	int capacity, load;
};

/* Every volunteer and activity, loaded at once and kept by src/matching.c
 * until the database changes: those open to a match with the facts for
 * scoring, the closed ones (most of them at a big centre, where nearly
 * every place is taken) in a few bytes each, so the pool stays small
 * and quick to read however many there are. */
struct match_pool {
	struct match_volunteer_facts *volunteers;
	int nvolunteers;
	struct match_activity_facts *activities;
	int nactivities;
	struct match_closed *closed_volunteers;
	int nclosed_volunteers;
	struct match_closed *closed_activities;
	int nclosed_activities;
};

/* The waiting list, longest waiting first (then Danish name order). */
struct waiting_citizen {
	long long id;
	char name[CIT_NAME];
	char phone[CIT_SHORT];
	char postcode[5];
	char town[CIT_TOWN];
	char assessment[CIT_CODE];         /* volunteer_help or "" (not assessed) */
	char waiting_since[CIT_DATE];
	struct citizen_apart apart;
};

/* A match the coordinator confirms (src/matching.h, matching_confirm). */
struct match_request {
	long long citizen_id;
	long long volunteer_id;            /* 0: none */
	long long activity_id;             /* 0: none */
};
enum match_refusal {
	MATCH_REFUSED_NONE,
	MATCH_REFUSED_NOTHING,             /* neither a volunteer nor an activity */
	MATCH_REFUSED_CITIZEN,             /* course ended, or no such citizen */
	MATCH_REFUSED_VOLUNTEER_NOT_ACTIVE,
	MATCH_REFUSED_VOLUNTEER_FULL,
	MATCH_REFUSED_ALREADY_MATCHED,     /* an open match with this volunteer already */
	MATCH_REFUSED_ACTIVITY_ENDED,
	MATCH_REFUSED_ACTIVITY_FULL,
	MATCH_REFUSED_ALREADY_ENROLLED,
};
/* What the confirm rule (src/match.c, match_confirm_refusal) decides
 * from, read inside the confirming transaction so the counts are the
 * ones the match is written against. */
struct match_confirm_facts {
	bool citizen_found;
	char citizen_status[CIT_CODE];     /* active, ended */
	bool volunteer_found;
	char volunteer_status[CIT_CODE];
	int volunteer_capacity, volunteer_load; /* load: open matches */
	bool already_matched;              /* an open match with this volunteer */
	bool activity_found;
	char activity_status[CIT_CODE];
	int activity_capacity, activity_load;   /* load: current enrolments */
	bool already_enrolled;
};
/* A planned session of an activity. */
struct match_session {
	long long id;                      /* 0: none */
	char date[CIT_DATE];
	char time[REG_TIME];
};
struct match_confirmed {
	enum match_refusal refusal;        /* with DB_ERR_CONSTRAINT */
	long long match_id;
	long long session_id;              /* 0: no session planned */
	char session_on[CIT_DATE];
	char session_time[REG_TIME];
	char call_due_on[CIT_DATE];
};

/* A match as lists show it: a citizen's, or a volunteer's current ones. */
struct match_row {
	long long id;
	long long citizen_id, volunteer_id, activity_id;
	char citizen[CIT_NAME];
	char volunteer[CIT_NAME];
	char activity[CIT_NAME];
	char matched_on[CIT_DATE];
	char matched_by[CIT_NAME];
	char first_session_on[CIT_DATE];
	char ended_on[CIT_DATE];
	char outcome[CIT_CODE];
	char end_reason[CIT_TEXT];
};

/* The citizen's wishes for matching and their language. */
struct match_wishes {
	char pref_gender[CIT_CODE];        /* woman, man or "" */
	char pref_age[CIT_CODE];           /* similar, younger, older or "" */
	bool pref_lived_experience;
	char language[REG_LANGUAGE];       /* as typed, "" for Danish */
};

#endif
