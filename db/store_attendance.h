/* store_attendance.h — attendance at the weekly sessions: which sessions a
 * week has, the roll list of one session, marks committed one at a time,
 * walk-ins, the session's own details, and the history grid.
 *
 * Every mark is its own short BEGIN IMMEDIATE transaction with its audit
 * row, committed before the call returns (the database runs WAL with
 * synchronous=FULL), so a killed program or a pulled plug loses nothing
 * the desk has seen marked on the screen.
 *
 * The rules that react to a mark (a follow-up call after missed sessions,
 * the accompaniment milestone of a match) live in src/attendance_rules.c;
 * the caller hands them in as a table of functions, as the text rules are
 * (db.h), so this layer never decides what they say.
 *
 * Codes are the schema's: a mark is "present", "excused" or "absent"; a
 * session's status "planned", "held" or "cancelled". Dates are ISO
 * "YYYY-MM-DD", times "HH:MM"; "" means not given.
 */
#ifndef BB_STORE_ATTENDANCE_H
#define BB_STORE_ATTENDANCE_H

#include <stdbool.h>

#include "db.h"
#include "store_settings.h"

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

/* ---------- the rules, handed in by src/ ---------- */

/* One earlier mark of a citizen: 'p'resent, 'e'xcused or 'a'bsent. */
struct attendance_past {
	char mark;
	bool accompanied;
};

/* An open or ended match, as the accompaniment rule needs it. */
struct attendance_match {
	long long id;
	long long activity_id;                  /* 0: a volunteer only */
	char matched_on[ATT_DATE];
	char ended_on[ATT_DATE];                /* "" while open */
	char accompaniment_done_on[ATT_DATE];   /* "" until done */
};

struct attendance_rules {
	/* The citizen's marks in this activity, newest (the one just made)
	 * first; true when a follow-up call is due because of it. */
	bool (*missed_call)(const struct attendance_past *newest_first, int n);
	/* True when a present mark at a session of `activity_id` on `date`
	 * completes (or moves earlier) the match's accompaniment milestone. */
	bool (*completes_accompaniment)(const struct attendance_match *m, long long activity_id,
					const char *date, const char *mark);
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
};

/* The sessions from `from` to `to` (inclusive, usually a Monday and a
 * Sunday), by date, time and activity, including the weekly slots of
 * active activities that have no session written in that week yet (id 0;
 * attendance_session_open writes one). `activity_query` folded as for
 * citizens_search ("" for all) keeps the activities whose name contains
 * it. */
enum db_status attendance_sessions(struct db *db, const char *from, const char *to,
				   const char *activity_query, struct session_info *out, int max,
				   int *count);

/* The session of an activity on a date, written now if there is none
 * (the activity's usual times, status planned). */
enum db_status attendance_session_open(struct db *db, db_user_id actor, long long activity_id,
				       const char *date, long long *session_id);
enum db_status attendance_session_get(struct db *db, long long session_id, struct session_info *out);

/* The session of the same activity just before (dir < 0) or after it,
 * cancelled ones included; *out = 0 when there is none. */
enum db_status attendance_session_neighbour(struct db *db, long long session_id, int dir,
					    long long *out);

/* Cancels with a reason (e.g. "Helligdag"), or reopens with reason NULL.
 * A session with marks cannot be cancelled: DB_ERR_CONFLICT. */
enum db_status attendance_session_cancel(struct db *db, db_user_id actor, long long session_id,
					 const char *reason);

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
};
enum db_status attendance_session_update(struct db *db, db_user_id actor, const struct session_edit *e);
enum db_status attendance_session_helpers(struct db *db, long long session_id, struct volunteer_ref *out,
					  int max, int *count);

/* Volunteers not stopped, whose folded name contains the folded query
 * ("" for all), in Danish name order. */
enum db_status attendance_volunteers(struct db *db, const char *query, struct volunteer_ref *out, int max,
				     int *count);

/* Active activities for a new session, name containing the folded query. */
struct activity_ref {
	long long id;
	char name[ATT_TEXT];
	int weekday;                  /* 1 = Monday, 0: none */
	char start_time[ATT_TIME];
};
enum db_status attendance_activities(struct db *db, const char *query, struct activity_ref *out, int max,
				     int *count);

/* ---------- the roll list ---------- */

struct roll_entry {
	long long citizen_id;
	char name[ATT_NAME];
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

/* Everyone enrolled on the session's date (enrolled on or before it, not
 * ended by then) plus anyone marked at it, e.g. walk-ins. Free with
 * attendance_roll_free. */
enum db_status attendance_roll(struct db *db, long long session_id, struct roll *out);
void attendance_roll_free(struct roll *r);
/* Records in the audit log that the acting user opened the roll list:
 * it names citizens and, for some activities, says something about their
 * health. */
enum db_status attendance_roll_viewed(struct db *db, db_user_id actor, long long session_id);

/* What the rules did with a mark, for the desk to see. */
struct mark_outcome {
	bool call_planned;            /* a follow-up call was added */
	bool call_withdrawn;          /* a call this session had caused was cancelled */
	bool accompaniment_done;      /* a match's accompaniment milestone was reached */
	bool session_held;            /* the session went from planned to held */
};

/* Marks one citizen: mark "present", "excused" or "absent", or NULL to
 * take the mark away (a walk-in then leaves the roll). accompanied_by
 * (a volunteer, 0 for none) only goes with present. `today` is the desk's
 * date; a session on or before it is held once marked. `rules` may be
 * NULL (no rules run). A cancelled session takes no marks
 * (DB_ERR_CONFLICT). `out` may be NULL. */
enum db_status attendance_mark(struct db *db, db_user_id actor, long long session_id, long long citizen_id,
			       const char *mark, long long accompanied_by, const char *today,
			       const struct attendance_rules *rules, struct mark_outcome *out);

/* A walk-in who is on record: marked present (walk_in unless enrolled)
 * and, with `enrol`, enrolled in the activity from the session's date. */
enum db_status attendance_add_walk_in(struct db *db, db_user_id actor, long long session_id,
				      long long citizen_id, bool enrol, const char *today,
				      const struct attendance_rules *rules);

/* A walk-in who is not: registered with just a name and phone (their
 * consent to that is the caller's to ask), flagged as needing the first
 * conversation, referred by themselves today, and marked present. */
enum db_status attendance_add_new_person(struct db *db, db_user_id actor, long long session_id,
					 const char *name, const char *phone, bool enrol, const char *today,
					 long long *citizen_id);

/* Counts of one session, for the summary line. */
struct roll_summary {
	int present, excused, absent, unmarked;
	int accompanied, walk_ins, first_time;
};
void attendance_summarise(const struct roll *r, struct roll_summary *out);

/* ---------- history ---------- */

/* Names down, sessions across (oldest first): one mark per cell. */
struct history_row {
	long long citizen_id;
	char name[ATT_NAME];
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
/* The last `weeks` sessions of the activity up to and including
 * `until`, with everyone enrolled in that time or marked at one of them. */
enum db_status attendance_history(struct db *db, long long activity_id, const char *until, int weeks,
				  struct history_grid *out);
void attendance_history_free(struct history_grid *g);

#endif
