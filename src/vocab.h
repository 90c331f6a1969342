/* vocab.h — the codes stored in the database (referral source, contact
 * preference, end reason, ...) and their words for people. One table per
 * code list: the form's choices, the card and reports read the same one. */
#ifndef BB_VOCAB_H
#define BB_VOCAB_H

struct vocab {
	const char *code;   /* as in db/schema.c; "" for "not given" */
	const char *label;  /* N_() */
};

/* Each list ends with { NULL, NULL }. */
extern const struct vocab vocab_referral_source[];
extern const struct vocab vocab_contact_pref[];
extern const struct vocab vocab_assessment[];
/* The reasons a course ends with: vocab_end_reason_shown has every code
 * stored, for showing one; vocab_end_reason those the desk chooses from,
 * all but the first (an address constant, for static tables too). */
extern const struct vocab vocab_end_reason_shown[];
#define vocab_end_reason (&vocab_end_reason_shown[1])
extern const struct vocab vocab_call_reason[];
extern const struct vocab vocab_call_outcome[];     /* "open" for a planned call */
/* How a match ended: vocab_match_outcome_shown has every code stored,
 * vocab_match_outcome those a coordinator chooses from (all but the
 * first), as the end reasons. */
extern const struct vocab vocab_match_outcome_shown[];
#define vocab_match_outcome (&vocab_match_outcome_shown[1])
extern const struct vocab vocab_attendance_mark[];
extern const struct vocab vocab_weekday[];     /* code "1".."7" */
extern const struct vocab vocab_part_of_day[]; /* code "0".."2" */
/* Registry and matching (issue 4). */
extern const struct vocab vocab_volunteer_role[];   /* order of volunteer_role_codes */
extern const struct vocab vocab_volunteer_status[];
extern const struct vocab vocab_activity_kind[];
extern const struct vocab vocab_community[];
extern const struct vocab vocab_activity_status[];
extern const struct vocab vocab_gender[];           /* "" first: not given */
extern const struct vocab vocab_wished_gender[];    /* "" first: no wish */
extern const struct vocab vocab_wished_age[];       /* "" first: no wish */
extern const struct vocab vocab_part_of_day_lower[]; /* code "0".."2", inside a sentence */
/* Attendance (issue 5). */
extern const struct vocab vocab_attendance_short[]; /* a mark in a column: "mødt" */
extern const struct vocab vocab_session_status[];
/* Follow-up calls and measures (issue 6). */
extern const struct vocab vocab_call_result[];      /* what a call came to: reached, ... */
extern const struct vocab vocab_call_next_step[];   /* CALL_NEXT_* of db/store_calls.h */
extern const struct vocab vocab_call_reason_short[]; /* a call's reason in a list column */
extern const struct vocab vocab_measure_occasion[]; /* intake, follow_up, end */

/* Data protection (issue 12). */
extern const struct vocab vocab_consent_purpose[];  /* order of enum consent_purpose */
extern const struct vocab vocab_citizen_status[];   /* active, ended */
extern const struct vocab vocab_call_status[];      /* open, done, cancelled */
extern const struct vocab vocab_audit_action[];     /* view, create, ... login, logout */
extern const struct vocab vocab_audit_entity[];     /* citizen, follow_up, ... */
extern const struct vocab vocab_draft_kind[];      /* order of enum draft_kind */

int vocab_count(const struct vocab *v);
/* Index of code, or 0 (the first entry) when unknown. */
int vocab_index(const struct vocab *v, const char *code);
/* The translated word for code; the code itself when unknown. */
const char *vocab_label(const struct vocab *v, const char *code);

#endif
