/* store_attendance.h — attendance at the weekly sessions, as stored:
 * which sessions a week has, the roll list of one session, the pieces a
 * mark is made of, walk-ins, the session's own details and the history
 * grid.
 *
 * Every function runs inside the caller's transaction (db_begin nests):
 * the use cases in src/attendance.c check the role, put the pieces
 * together with the rules of src/attendance_rules.c and write the audit
 * record, all in one transaction. Nothing here decides what a mark means.
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
#include "model_attendance.h"

/* ---------- sessions ---------- */

/* The sessions from `from` to `to` (inclusive, usually a Monday and a
 * Sunday), by date, time and activity, including the weekly slots of
 * active activities that have no session written in that week yet (id 0;
 * store_attendance_session_open writes one). `activity_query`, folded by
 * src/fold.h ("" for all), keeps the activities whose search text (name,
 * organiser, place) contains it. */
enum db_status store_attendance_sessions(struct db *db, const char *from, const char *to,
				   const char *activity_query, struct session_info *out, int max,
				   int *count);

/* A page of the same rows: those after `key` (SESSIONS_AFTER), from it
 * on (SESSIONS_FROM) or just before it (SESSIONS_BEFORE, the `max` rows
 * nearest to it), always in the week's order; key NULL: from the week's
 * first row, or back from its last. Only the page's rows are counted. */
enum db_status store_attendance_sessions_page(struct db *db, const char *from, const char *to,
					      const char *activity_query, const struct session_key *key,
					      enum session_page dir, struct session_info *out, int max, int *count);

/* The session of an activity on a date, written now if there is none
 * (the activity's usual times, status planned; *created says so). */
enum db_status store_attendance_session_open(struct db *db, long long activity_id, const char *date,
					     long long *session_id, bool *created);
enum db_status store_attendance_session_get(struct db *db, long long session_id, struct session_info *out);

/* The session of the same activity just before (dir < 0) or after it,
 * cancelled ones included; *out = 0 when there is none. */
enum db_status store_attendance_session_neighbour(struct db *db, long long session_id, int dir,
					    long long *out);

/* How many marks the session has. */
enum db_status store_attendance_session_marks(struct db *db, long long session_id, long long *marks);
/* Cancels with a reason (e.g. "Helligdag"), or reopens with reason NULL
 * or "" (held again when it has marks, else planned). */
enum db_status store_attendance_session_cancel(struct db *db, long long session_id, const char *reason);
/* Whether another session of the same activity is on `date`. */
enum db_status store_attendance_session_clash(struct db *db, long long session_id, const char *date, bool *clash);
/* The details the desk edits, helpers included. */
enum db_status store_attendance_session_update(struct db *db, const struct session_edit *e);
enum db_status store_attendance_session_helpers(struct db *db, long long session_id, struct volunteer_ref *out,
					  int max, int *count);

/* Volunteers not stopped whose search text (folded name, e-mail, town,
 * phone) contains the folded query ("" for all), in Danish name order. */
enum db_status store_attendance_volunteers(struct db *db, const char *query, struct volunteer_ref *out, int max,
				     int *count);

enum db_status store_attendance_activities(struct db *db, const char *query, struct activity_ref *out, int max,
				     int *count);

/* ---------- the roll list ---------- */

/* Everyone enrolled on the session's date (enrolled on or before it, not
 * ended by then) plus anyone marked at it, e.g. walk-ins. Free with
 * store_attendance_roll_free. */
enum db_status store_attendance_roll(struct db *db, long long session_id, struct roll *out);
/* One person's row of the session's list (s as the list read it), as the
 * list would show it now; DB_ERR_NOTFOUND when they are not on it. */
enum db_status store_attendance_roll_entry(struct db *db, const struct session_info *s, long long citizen_id,
					   struct roll_entry *out);
void store_attendance_roll_free(struct roll *r);
/* ---------- the pieces of a mark ---------- */

/* Prepares ahead every statement of the pieces below (store_warm), so
 * that a desk's first mark of each kind does not wait for SQL parsed. */
void store_attendance_warm(struct db *db);
/* Reads the pages a mark of the citizen at the session would write, into
 * the connection's cache (attendance_ready_mark). */
enum db_status store_attendance_read_mark_pages(struct db *db, long long session_id, long long citizen_id);

/* The session (its id, activity, date and status only) and what the
 * mark rules need about the citizen there. DB_ERR_NOTFOUND when either
 * does not exist. */
enum db_status store_attendance_mark_context(struct db *db, long long session_id, long long citizen_id,
					     struct mark_context *cx);
/* The volunteer of the citizen's open match, the activity's first: who
 * makes a call after missed sessions. 0 when none. */
enum db_status store_attendance_responsible(struct db *db, long long citizen_id, long long activity_id,
					    long long *volunteer_id);
/* Whether the citizen has so few marks, at any activity, that reading
 * them all is cheaper than walking an activity's sessions back for them. */
enum db_status store_attendance_few_marks(struct db *db, long long citizen_id, bool *few);
/* The citizen's marks in the session's activity up to its date, newest
 * first, at most max, and none past the newest present: what the run of
 * misses that ends at the date is made of (attendance_rule_missed_call
 * reads no further; a regular's walk stops a week or two back). */
enum db_status store_attendance_recent_marks(struct db *db, const struct mark_context *cx, long long citizen_id,
					     struct attendance_past *out, int max, int *n);
/* The citizen's marks in the session's activity after its date up to
 * `today`, oldest first, at most max, up to the first that says they
 * came (*came_since then, and that one left out): a run of misses never
 * reaches back past it. */
enum db_status store_attendance_later_marks(struct db *db, const struct mark_context *cx, long long citizen_id,
					    const char *today, struct attendance_later *out, int max, int *n,
					    bool *came_since);
/* Writes (or with mark NULL takes away) one mark. */
enum db_status store_attendance_write_mark(struct db *db, const struct attendance_write *w);
/* The mark on record ("" when none), when and by whom: into out->other_*. */
enum db_status store_attendance_current_mark(struct db *db, long long session_id, long long citizen_id,
					     struct mark_outcome *out);
/* The session took place. */
enum db_status store_attendance_set_held(struct db *db, long long session_id);
/* The session did not take place after all: planned again. */
enum db_status store_attendance_set_planned(struct db *db, long long session_id);
/* The citizen's matches, as the accompaniment rule reads them. */
enum db_status store_attendance_matches(struct db *db, long long citizen_id, struct attendance_match *out,
					int max, int *n);
/* The match's accompaniment milestone is the first session attended
 * since the match: `date` or an earlier visit on record. *reached: it is
 * `date`. */
enum db_status store_attendance_accompaniment_done(struct db *db, long long match_id, const char *date,
						   bool *reached);
/* A present mark on `date` was taken back: matches whose milestone was
 * that day get the next visit's day, or none. */
enum db_status store_attendance_accompaniment_recompute(struct db *db, long long citizen_id, const char *date,
							bool *changed);
/* The activity's places, its current enrolments, and whether the
 * citizen is one of them. DB_ERR_NOTFOUND for no such activity. */
enum db_status store_attendance_places(struct db *db, long long activity_id, long long citizen_id,
				       struct enrol_places *out);
/* Enrols from `date` unless an enrolment is current; *added says. */
enum db_status store_attendance_enrol(struct db *db, long long citizen_id, long long activity_id, const char *date,
				      bool *added);
/* Registers a walk-in with just a name and phone, flagged for the first
 * conversation, referred by themselves, consenting to registration. */
enum db_status store_attendance_new_person(struct db *db, const struct new_person *p, long long *citizen_id);

/* ---------- history ---------- */

/* The last `weeks` sessions of the activity up to and including
 * `until`, with everyone enrolled in that time or marked at one of them. */
enum db_status store_attendance_history(struct db *db, long long activity_id, const char *until, int weeks,
				  struct history_grid *out);
void store_attendance_history_free(struct history_grid *g);

#endif
