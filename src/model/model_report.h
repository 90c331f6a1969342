/* model_report.h — the funders' report: the facts the stores read and
 * the figures src/report.c computes from them. Plain structs, enums and
 * limits that every layer shares. No functions.
 *
 * Every count is a whole number as counted; hours are kept in minutes,
 * means and shares as the sums and counts they come from, so that one
 * function (src/report_rules.c) turns them into what is shown and the
 * three formats cannot round differently. */
#ifndef BB_MODEL_REPORT_H
#define BB_MODEL_REPORT_H

#include <stdbool.h>
#include "model_limits.h"
#include "model_status.h"

enum {
	REPORT_DATE = 11,          /* "2026-11-26" */
	REPORT_MONTH = 8,          /* "2026-11" */
	REPORT_TIME = 6,           /* "18:30" */
	REPORT_CODE = 24,
	REPORT_NAME = 484,         /* 120 characters */
	REPORT_MAX_MONTHS = 120,   /* a period of at most ten years */
	REPORT_SOURCES = 7,        /* referral sources, in report_source_codes order */
	REPORT_END_REASONS = 5,    /* ended for other reasons than a lasting community */
	REPORT_CALL_OUTCOMES = 4,  /* reached, not reached, call back, wrong number */
	REPORT_MEASURES = 2,       /* WHO-5 and the loneliness scale */
};

/* The period, both days included, as ISO dates. */
struct report_period {
	char from[REPORT_DATE];
	char to[REPORT_DATE];
};

/* ---------- facts read by db/store_report.c ---------- */

/* Volunteers: the status has no history, so it is today's. */
struct report_volunteer_facts {
	long long recruited;            /* registered in the period */
	long long training, active, paused, stopped; /* status today */
	long long active_lived_experience; /* active today, with lived experience written down */
	long long trained;              /* completed a course in the period */
	long long courses_held;         /* course name and completion day: one team */
	long long course_completions;   /* one per volunteer and course */
	long long calls_done;           /* follow-up calls made in the period (from the follow-up facts) */
	long long visit_days;           /* days one-to-one matches were open in the period */
};

/* A held session of the period: its times (the session's own, else the
 * activity's; "" when neither is written) and who led it. */
struct report_held_session {
	long long id;
	char start_time[REPORT_TIME], end_time[REPORT_TIME];
	long long led_by;               /* 0: nobody */
};

/* A volunteer who helped at a held session of the period. */
struct report_helper {
	long long session_id;
	long long volunteer_id;
};

struct report_citizen_facts {
	long long referred;             /* referrals in the period (also those kept without a citizen) */
	long long by_source[REPORT_SOURCES];
	long long first_conversation;   /* citizens whose first assessment is in the period */
	long long volunteer_help;       /* by their latest assessment in the period */
	long long professional_help;
	long long lasting_community;    /* courses ended in the period in a lasting community */
	long long ended[REPORT_END_REASONS];
};

/* An activity with sessions in the period. */
struct report_activity_fact {
	long long id;
	char name[REPORT_NAME];
	char kind[REPORT_CODE];
	char community[REPORT_CODE];    /* practice or lasting */
};

/* An activity's sessions in one month of the period. */
struct report_session_count {
	long long activity_id;
	char month[REPORT_MONTH];
	long long held, cancelled;
};

/* One attendance mark in the period, in activity and date order. */
struct report_mark_fact {
	long long activity_id;
	char date[REPORT_DATE];
	long long session_id;
	long long citizen_id;
	char mark;                      /* 'p'resent, 'e'xcused, 'a'bsent */
	long long accompanied_by;       /* the volunteer who came along, 0: none */
};

/* A citizen's first and latest measurement of one measure. */
struct report_measure_pair {
	char first_on[REPORT_DATE];
	int first_total;
	char latest_on[REPORT_DATE];    /* the latest in the period; "" when none */
	int latest_total;
	bool later;                     /* the latest in the period is a later one than the first */
};

struct report_call_facts {
	long long by_outcome[REPORT_CALL_OUTCOMES]; /* calls made in the period */
	long long escalated;            /* citizens raised to the coordinator in the period */
	long long feedback;             /* feedback given to a referrer the citizen let us tell */
	long long feedback_consents;    /* referrals in the period whose citizen agreed to feedback */
};

/* An active activity offers an interest in an area. */
struct report_offer_fact {
	long long interest_id;
	int area;
};

struct report_interest {
	long long id;
	char name[REPORT_NAME];
};

/* ---------- the figures ---------- */

struct report_volunteers {
	struct report_volunteer_facts f;
	long long sessions;             /* held sessions */
	long long session_pairs;        /* led or helped */
	long long accompaniments;
	long long minutes_sessions;     /* leading and helping */
	long long minutes_accompanying;
	long long minutes_visits;
	long long minutes_calls;
	long long minutes_total;
};

struct report_citizens {
	struct report_citizen_facts f;
	long long supported;            /* a match open, or present at a session, in the period */
	long long one_to_one;           /* of them, with a volunteer */
	long long groups_only;          /* of them, in groups only */
	long long waiting;              /* waiting for a match today */
	long long waiting_median_days;  /* how long they have waited, the median; -1 with nobody */
};

/* Attendance of one activity in one month (or of a total). */
struct report_att_row {
	long long held, cancelled;
	long long present, excused, absent;
	long long participants;         /* distinct citizens present */
	long long new_participants;     /* present at the activity for the first time ever */
	long long accompanied;          /* participants who came accompanied at least once */
};

struct report_activity {
	struct report_activity_fact a;
	struct report_att_row *months;  /* one per month of the period */
	struct report_att_row total;    /* the whole period; participants counted once */
};

struct report_attendance {
	int nmonths;
	char months[REPORT_MAX_MONTHS][REPORT_MONTH];
	struct report_activity *activities;  /* by name */
	int nactivities;
	struct report_att_row per_month[REPORT_MAX_MONTHS]; /* all activities */
	struct report_att_row practice, lasting;            /* by kind of community */
	struct report_att_row total;
};

struct report_measure {
	char code[REPORT_CODE];
	char name[REPORT_NAME];
	bool higher_is_better;
	bool has_cutoff;                /* WHO-5: the published cut-off of 50 */
	long long first_measured;       /* citizens first measured in the period */
	long long pairs;                /* with a first and a later measurement */
	long long sum_first, sum_latest;
	long long improved, same, worse;
	long long at_or_below_cutoff;   /* first measurement at or below the cut-off */
	long long moved_above;          /* of them, the latest above it */
};

struct report_follow_up {
	struct report_call_facts f;
	long long calls;                /* all calls made */
};

struct report_wish {
	long long interest_id;
	char name[REPORT_NAME];
	long long waiting;              /* waiting citizens with this interest */
	long long unmet;                /* of them, no active activity nearby offers it */
};

struct report_unmet {
	struct report_wish *wishes;     /* most unmet first */
	int nwishes;
};

struct report {
	struct report_period period;
	char centre_name[LIMIT_BYTES(CENTRE_NAME_CHARS)];
	char made_on[REPORT_DATE];
	struct report_volunteers volunteers;
	struct report_citizens citizens;
	struct report_attendance attendance;
	struct report_measure measures[REPORT_MEASURES];
	int nmeasures;
	struct report_follow_up follow_up;
	struct report_unmet unmet;
};

#endif
