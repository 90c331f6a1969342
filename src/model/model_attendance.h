/* model_attendance.h — the attendance types: plain structs, enums and limits
 * that every layer shares. No functions. */
#ifndef BB_MODEL_ATTENDANCE_H
#define BB_MODEL_ATTENDANCE_H

#include <stdbool.h>
#include "model_citizen.h"
#include "model_status.h"

/* Byte sizes: room for the schema's character limits in UTF-8. */
enum {
	ATT_NAME = 484,   /* 120 characters */
	ATT_TEXT = 484,
	ATT_NOTE = 1004,  /* 250 characters: a session's note */
	ATT_CODE = 24,
	ATT_DATE = 11,
	ATT_TIME = 6,
	ATT_PHONE = 124,
	ATT_RECENT = 12,  /* marks the missed-sessions rule looks back at */
	ATT_HELPERS = 16,
};

/* ---------- what the rules read ---------- */

/* One earlier mark of a citizen: 'p'resent, 'e'xcused or 'a'bsent. */
struct attendance_past {
	char mark;
	bool accompanied;
};

/* A mark after the one being made, at the same activity: the rule for
 * missed sessions judges its run again. */
struct attendance_later {
	long long session_id;
	long long enrolment_id;       /* covering its date, 0: none */
	char date[ATT_DATE];
	char mark;
};

/* An open or ended match, as the accompaniment rule needs it. */
struct attendance_match {
	long long id;
	long long activity_id;                  /* 0: a volunteer only */
	char matched_on[ATT_DATE];
	char ended_on[ATT_DATE];                /* "" while open */
	char accompaniment_done_on[ATT_DATE];   /* "" until done */
};

/* ---------- sessions ---------- */

struct session_info {
	long long id;                 /* 0: a weekly slot not written yet */
	long long activity_id;
	char activity[ATT_TEXT];
	char place[ATT_TEXT];
	char date[ATT_DATE];
	char start_time[ATT_TIME], end_time[ATT_TIME];
	char status[ATT_CODE];        /* planned, held, cancelled */
	char cancel_reason[ATT_TEXT];
	char note[ATT_NOTE];
	long long led_by;             /* volunteer, 0: none */
	char leader[ATT_NAME];
	int roll;                     /* people on the roll list */
	int marked;                   /* of them, marked */
	long long version;            /* bumped by every change of the session */
};

/* A place in the week's order (date, start time, activity), where a page
 * of it starts: a row's own (session_key_of) or a moment of a day. */
struct session_key {
	char date[ATT_DATE];
	char time[ATT_TIME + 2];      /* "HH:MM", "99:99" for no time; "HH:MM~" is just after the minute */
	long long activity_id;        /* 0: before every activity at that time */
};
/* Which rows of the order a page holds, beside its key. */
enum session_page { SESSIONS_AFTER, SESSIONS_FROM, SESSIONS_BEFORE };

/* Who helped: volunteers by id and name. */
struct volunteer_ref {
	long long id;
	char name[ATT_NAME];
};

/* The details the desk edits: date and times (moved), note, leader and
 * the volunteers who helped. Another session of the activity on the new
 * date gives DB_ERR_CONFLICT. */
struct session_edit {
	long long id;
	char date[ATT_DATE];
	char start_time[ATT_TIME], end_time[ATT_TIME];
	char note[ATT_NOTE];
	long long led_by;
	long long helpers[ATT_HELPERS];
	int nhelpers;
	long long version;            /* the session's version when the form was filled */
};

/* Why saving a session's details was refused (with DB_ERR_INVALID). */
enum session_refusal {
	SESSION_SAVED,
	SESSION_DATE_TAKEN,           /* the activity meets on the new date already */
	SESSION_HAS_MARKS,            /* cancelling a session people are marked at */
};

/* Active activities for a new session, name containing the folded query. */
struct activity_ref {
	long long id;
	char name[ATT_TEXT];
	int weekday;                  /* 1 = Monday, 0: none */
	char start_time[ATT_TIME];
};

/* ---------- the roll list ---------- */

struct roll_entry {
	long long citizen_id;
	char name[ATT_NAME];
	struct citizen_apart apart;   /* birth year and postcode, for namesakes */
	char mark[ATT_CODE];          /* "" until marked */
	long long accompanied_by;     /* volunteer, 0: none */
	char companion[ATT_NAME];
	bool walk_in;                 /* added on the spot, not enrolled */
	long long enrolment_id;       /* enrolment covering the date, 0: none */
	char last_mark[ATT_CODE];     /* at the activity's previous session, "" */
	long long match_volunteer;    /* the volunteer of their open match, 0: none */
	char match_volunteer_name[ATT_NAME];
	bool first_time;              /* never came to this activity before */
	bool needs_intake;            /* registered as a walk-in, not yet assessed */
	bool call_planned;            /* an open follow-up call from missed sessions */
};

struct roll {
	struct session_info session;
	char previous_date[ATT_DATE]; /* the session "last time" refers to, or "" */
	struct roll_entry *entries;   /* in Danish name order */
	int count;
};

/* What the rules did with a mark, for the desk to see. */
struct mark_outcome {
	/* Refused with DB_ERR_CONFLICT: another desk's recent mark, unseen. */
	char other_mark[ATT_CODE];
	char other_by[ATT_NAME];
	char other_at[20];
	bool call_planned;            /* a follow-up call was added */
	bool call_not_allowed;        /* one would be due, but they have not agreed to be called */
	bool call_withdrawn;          /* a call this session had caused was cancelled */
	bool call_answered;           /* they came back: an open call after missed sessions was cancelled */
	bool accompaniment_done;      /* a match's accompaniment milestone was reached */
	bool session_held;            /* the session went from planned to held */
	bool session_planned_again;   /* its last mark taken away: held no more */
};

/* Counts of one session, for the summary line. */
struct roll_summary {
	int present, excused, absent, unmarked;
	int accompanied, walk_ins, first_time;
};

/* ---------- history ---------- */

/* Names down, sessions across (oldest first): one mark per cell. */
struct history_row {
	long long citizen_id;
	char name[ATT_NAME];
	struct citizen_apart apart;
	/* Per column: 'P' present and accompanied, 'p' present, 'e' excused,
	 * 'a' absent, '.' enrolled but not marked, ' ' not enrolled, '-' the
	 * session was cancelled. */
	char *cells;
};
struct history_grid {
	char activity[ATT_TEXT];
	int ncols;
	struct session_info *cols;    /* id, date, start_time, status, cancel_reason */
	int nrows;
	struct history_row *rows;     /* Danish name order */
	char *cell_store;
};

/* What a mark needs to know about the session and the citizen. */
struct mark_context {
	struct session_info session;
	long long enrolment_id;       /* covering the session's date, 0: none */
};

/* One mark as written. */
struct attendance_write {
	long long session_id, citizen_id;
	const char *mark;             /* present, excused, absent; NULL takes it away */
	long long accompanied_by;     /* volunteer, 0: none (present only) */
	bool walk_in;                 /* came without being enrolled */
	bool keep_walk_in;            /* a mark changed: keep what the row says */
	const char *now;              /* "YYYY-MM-DD HH:MM:SS" */
	db_user_id by;
};

/* A walk-in registered at the door. */
/* Whether a walk-in is enrolled too, and what the activity's places say. */
enum walk_in_enrol {
	WALK_IN_ONLY_TODAY,    /* marked as came, not enrolled */
	WALK_IN_ENROL,         /* enrolled too, unless that takes the activity over its places */
	WALK_IN_ENROL_ANYWAY,  /* enrolled even over the places: the desk decided */
};

/* An activity's places as a walk-in's enrolment meets them. */
struct enrol_places {
	int capacity;
	int enrolled;                 /* current enrolments */
	bool already;                 /* the citizen is enrolled already */
};

struct new_person {
	const char *name, *phone;
	const char *today;            /* ISO: the referral and the consent */
	const char *now;
	db_user_id by;
	const struct citizen_keys *keys; /* made of the name and phone (src/textkeys.h) */
};

#endif
