/* model_calls.h — the calls types: plain structs, enums and limits
 * that every layer shares. No functions. */
#ifndef BB_MODEL_CALLS_H
#define BB_MODEL_CALLS_H

#include <stdbool.h>
#include "model_citizen.h"
#include "model_status.h"

/* Byte sizes: room for the schema's character limits in UTF-8. */
enum {
	CALL_NAME = 484,   /* 120 characters */
	CALL_PHONE = 124,  /* 30 characters */
	CALL_TEXT = 484,
	CALL_NOTE = 1604,  /* 400 characters: a call's note, what the referrer was told */
	CALL_CODE = 24,
	CALL_DATE = 11,
	CALL_TIME = 6,
	CALL_KEY = 64,
	CALL_STAMP = 20,
	CALL_RECENT_NOTES = 4,  /* notes and earlier calls the card shows */
	CALL_ENROLMENTS = 4,    /* activities the card shows attendance for */
	CALL_MARKS = 6,         /* marks per activity on the card */
};

/* ---------- the list ---------- */

struct call_row {
	long long id;
	long long citizen_id;
	char name[CALL_NAME];
	char phone[CALL_PHONE];
	char reason[CALL_CODE];
	char due_on[CALL_DATE];
	char due_time[CALL_TIME];
	long long responsible;           /* volunteer, 0: the desk */
	char responsible_name[CALL_NAME];
	char source_key[CALL_KEY];
	bool citizen_ended;              /* the course ended after the call was planned */
	bool escalated;                  /* raised to the coordinator, not yet handled */
	char sort_key[2 * CALL_NAME];    /* Danish name order, for fetching the next page */
	struct citizen_apart apart;      /* birth year and postcode, for namesakes */
};

struct call_counts {
	long long due;        /* open, due today or before */
	long long overdue;    /* of them, due before today */
	long long week;       /* open, due after today up to `until` */
	long long escalated;  /* citizens raised to the coordinator, not handled */
};

/* ---------- raised to the coordinator ---------- */

struct call_escalation {
	long long id;
	long long citizen_id;
	long long follow_up_id;          /* the call that was not reached the last time */
	char name[CALL_NAME];
	char phone[CALL_PHONE];
	char raised_on[CALL_DATE];
	int attempts;                    /* calls not reached in a row when raised */
	struct citizen_apart apart;
};

/* ---------- the call card ---------- */

struct call_note {
	char date[CALL_DATE];
	char who[CALL_NAME];             /* author of a note, responsible for a call */
	char outcome[CALL_CODE];         /* a call's outcome; "" for a note */
	char reason[CALL_CODE];          /* a call's reason */
	char text[CALL_NOTE];
};

struct call_attendance {
	char activity[CALL_TEXT];
	char marks[CALL_MARKS + 1];      /* oldest first: 'p'resent, 'e'xcused, 'a'bsent */
	char last_date[CALL_DATE];       /* of the newest mark */
	char next_date[CALL_DATE];       /* next planned session, "" if none */
};

struct call_card {
	struct call_row call;
	char status[CALL_CODE];          /* open, done, cancelled */
	char outcome[CALL_CODE];         /* when done */
	char note[CALL_NOTE];
	char next_step[CALL_TEXT];
	long long citizen_version;       /* for ending the course from the call */
	char birth_year[8];
	char contact_pref[CALL_CODE];
	struct relative relative;        /* the relative who takes part, name "" if none */

	/* The latest referral: who to give feedback to, and whether we may. */
	long long referral_id;
	char referral_source[CALL_CODE];
	char referrer_name[CALL_NAME];
	char referrer_org[CALL_TEXT];
	char referrer_phone[CALL_PHONE];
	bool feedback_consent;           /* the citizen agreed that the referrer is told */
	char feedback_last_on[CALL_DATE];/* the last feedback given, "" if none */

	/* What the situation behind the call points at. */
	char why_activity[CALL_TEXT];
	char why_volunteer[CALL_NAME];
	char why_date[CALL_DATE];        /* match day, first or missed session, earlier call */
	char why_text[CALL_NOTE];        /* an agreed call: the note of the call that agreed it */
	char last_contact_on[CALL_DATE]; /* no_contact: the last time anything happened */

	struct call_note notes[CALL_RECENT_NOTES];
	int nnotes;
	struct call_attendance attendance[CALL_ENROLMENTS];
	int nattendance;

	int not_reached;                 /* calls to the citizen not reached in a row, up to now */
	char escalated_on[CALL_DATE];    /* raised to the coordinator, not handled; "" */
	int open_matches;
	bool accompanied;                /* a volunteer still goes along */
};

/* ---------- writing calls ---------- */

/* A call that should exist, as the rules say. */
struct call_new {
	long long citizen_id;
	char reason[CALL_CODE];          /* follow_ups.reason */
	char due_on[CALL_DATE];
	char due_time[CALL_TIME];        /* "" for none */
	long long responsible;           /* volunteer, 0: the desk */
	char source_key[CALL_KEY];       /* "" for none; else written once only */
};

/* The next steps a call can end with (follow_ups.next_step). */
#define CALL_NEXT_NEW_CALL "new_call"
#define CALL_NEXT_NEW_MATCH "new_match"
#define CALL_NEXT_ON_OWN "on_own"
#define CALL_NEXT_END_COURSE "end_course"
#define CALL_NEXT_HANDOVER "handover"
#define CALL_NEXT_NONE "none"

struct call_outcome {
	long long call_id;
	char outcome[CALL_CODE];         /* reached, not_reached, call_back, wrong_number */
	char note[CALL_NOTE];
	char next_step[CALL_CODE];       /* CALL_NEXT_* */
	char handover_to[CALL_TEXT];     /* CALL_NEXT_HANDOVER */
	char told_referrer[CALL_NOTE];   /* feedback given to the referrer, "" for none */
	char today[CALL_DATE];
};

/* An outcome as the desk gives it: the outcome itself and what the next
 * step needs (src/calls.h, calls_record_outcome). */
struct call_entry {
	struct call_outcome outcome;     /* call_id, outcome, note, next_step, handover_to, told_referrer */
	long long citizen_version;       /* the card's, for ending the course */
	long long responsible;           /* who makes the next call */
	char next_on[CALL_DATE];         /* the new call's day (next step new_call, or call_back) */
	char next_time[CALL_TIME];
	char end_reason[CALL_CODE];      /* next step end_course: vocab_end_reason */
};

/* What recording an outcome came to. */
struct call_entry_result {
	long long next_call_id;          /* the new call written, 0 for none */
	int not_reached;                 /* calls to the citizen not reached in a row, this one included */
	bool escalated;                  /* raised to the coordinator now */
	bool settled;                    /* an escalation was settled by reaching them */
	bool course_ended;
};

/* A call as recording it needs it. */
struct call_state {
	long long citizen_id;
	char status[CALL_CODE];          /* open, done, cancelled */
	char reason[CALL_CODE];
};

/* A call made, as the not-reached rule reads it (newest first). */
struct call_past {
	char outcome[CALL_CODE];
	char reason[CALL_CODE];
};
enum { CALL_PAST_MAX = 20 };     /* calls looked back at for a run not reached */

/* Who may hear how it goes: the citizen's latest referral, and whether the
 * citizen agreed that its referrer is told (the consent as a fact; the
 * rule in src/call_rules.c decides). referral_id 0: none. */
struct call_feedback_target {
	long long referral_id;
	bool consent;
};

/* What a sweep of the call rules did (calls_plan_due). */
struct call_sweep {
	int created;                  /* calls written by this sweep */
	long long first_call;         /* the first of them, 0: none */
	int answered;                 /* calls after missed sessions cancelled: the citizen came back */
	int no_contact_created;
	int no_contact_weeks;
	int no_contact_per_day;
};

/* ---------- facts for the rules ---------- */

/* Matches made on or after `from`, or whose first session is. */
struct call_match_fact {
	long long match_id;
	long long citizen_id;
	long long volunteer_id;          /* 0: an activity only */
	long long activity_id;           /* 0: a volunteer only */
	char matched_on[CALL_DATE];
	char ended_on[CALL_DATE];
	char first_session_on[CALL_DATE];/* the first session, or the activity's first after the match */
	bool citizen_ended;
	bool contact_consent;            /* the citizen agreed that volunteers call */
	bool has_match_call;             /* a call with key match:<id> exists */
	bool has_first_session_call;     /* first_session:<id> */
};

/* Marks at held sessions for current enrolments of active citizens that
 * missed at least two sessions from `window_from` to `today`, with the
 * marks back to `context_from` so a run of misses is seen whole. Grouped
 * by enrolment, oldest first. */
struct call_mark_fact {
	long long enrolment_id;
	long long citizen_id;
	long long session_id;
	long long responsible;           /* volunteer of an open match to the activity, 0 */
	char date[CALL_DATE];
	char mark;                       /* 'p', 'e', 'a' */
	bool accompanied;
	bool contact_consent;            /* the citizen agreed that volunteers call */
	bool open_missed_call;           /* a call after missed sessions is open for the enrolment */
};

/* An open call after missed sessions: the session missed (from its key
 * missed:<enrolment>:<session>) and the latest day the citizen came to
 * that activity since ("" for none). */
struct call_missed_fact {
	long long call_id;
	long long citizen_id;
	long long enrolment_id;
	long long session_id;
	char missed_on[CALL_DATE];
	char came_on[CALL_DATE];
};

/* Referrals of citizens assessed on or after `from`. */
struct call_feedback_fact {
	long long referral_id;
	long long citizen_id;
	char assessed_on[CALL_DATE];
	bool consent;                    /* agreed, and not withdrawn */
	bool has_call;                   /* referral:<id> exists */
};

/* A relative who takes part and wants support of their own. */
struct call_relative_fact {
	long long citizen_id;
	bool wants_support;
	bool citizen_ended;
	char wished_on[CALL_DATE];       /* when the wish was recorded, as far as known */
	bool has_call;                   /* relative:<citizen id> exists */
};

/* Active citizens with no open call, no planned session and nothing on
 * record since `cutoff` (the candidates for a call after no contact), the
 * earliest registered first, at most `limit`. *total (may be NULL) gets
 * how many there are in all; counting is the slow part, so pass NULL when
 * the number is not needed. */
struct call_idle_fact {
	long long citizen_id;
	long long responsible;           /* volunteer of an open match, 0 */
	char last_contact_on[CALL_DATE]; /* the last thing on record, "" if nothing */
	bool ended;
	bool contact_consent;            /* the citizen agreed that volunteers call */
	bool has_open_call;
	bool has_planned_session;
	bool had_no_contact_call;        /* any earlier call for no contact */
};

#endif
