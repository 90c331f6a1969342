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
#include "model_attendance.h"

/* ---------- the rules, handed in by src/ ---------- */

/* ---------- sessions ---------- */

/* The sessions from `from` to `to` (inclusive, usually a Monday and a
 * Sunday), by date, time and activity, including the weekly slots of
 * active activities that have no session written in that week yet (id 0;
 * store_attendance_session_open writes one). `activity_query` folded as for
 * store_citizens_search ("" for all) keeps the activities whose name contains
 * it. */
enum db_status store_attendance_sessions(struct db *db, const char *from, const char *to,
				   const char *activity_query, struct session_info *out, int max,
				   int *count);

/* The session of an activity on a date, written now if there is none
 * (the activity's usual times, status planned). */
enum db_status store_attendance_session_open(struct db *db, db_user_id actor, long long activity_id,
				       const char *date, long long *session_id);
enum db_status store_attendance_session_get(struct db *db, long long session_id, struct session_info *out);

/* The session of the same activity just before (dir < 0) or after it,
 * cancelled ones included; *out = 0 when there is none. */
enum db_status store_attendance_session_neighbour(struct db *db, long long session_id, int dir,
					    long long *out);

/* Cancels with a reason (e.g. "Helligdag"), or reopens with reason NULL.
 * A session with marks cannot be cancelled: DB_ERR_CONFLICT. */
enum db_status store_attendance_session_cancel(struct db *db, db_user_id actor, long long session_id,
					 const char *reason);

enum db_status store_attendance_session_update(struct db *db, db_user_id actor, const struct session_edit *e);
enum db_status store_attendance_session_helpers(struct db *db, long long session_id, struct volunteer_ref *out,
					  int max, int *count);

/* Volunteers not stopped, whose folded name contains the folded query
 * ("" for all), in Danish name order. */
enum db_status store_attendance_volunteers(struct db *db, const char *query, struct volunteer_ref *out, int max,
				     int *count);

enum db_status store_attendance_activities(struct db *db, const char *query, struct activity_ref *out, int max,
				     int *count);

/* ---------- the roll list ---------- */

/* Everyone enrolled on the session's date (enrolled on or before it, not
 * ended by then) plus anyone marked at it, e.g. walk-ins. Free with
 * store_attendance_roll_free. */
enum db_status store_attendance_roll(struct db *db, long long session_id, struct roll *out);
void store_attendance_roll_free(struct roll *r);
/* Records in the audit log that the acting user opened the roll list:
 * it names citizens and, for some activities, says something about their
 * health. */
enum db_status store_attendance_roll_viewed(struct db *db, db_user_id actor, long long session_id);

/* Marks one citizen: mark "present", "excused" or "absent", or NULL to
 * take the mark away (a walk-in then leaves the roll). accompanied_by
 * (a volunteer, 0 for none) only goes with present. `today` is the desk's
 * date; a session on or before it is held once marked. `rules` may be
 * NULL (no rules run). A cancelled session takes no marks
 * (DB_ERR_CONFLICT). `out` may be NULL. */
enum db_status store_attendance_mark(struct db *db, db_user_id actor, long long session_id, long long citizen_id,
			       const char *mark, long long accompanied_by, const char *today,
			       const struct attendance_rules *rules, struct mark_outcome *out);

/* A walk-in who is on record: marked present (walk_in unless enrolled)
 * and, with `enrol`, enrolled in the activity from the session's date. */
enum db_status store_attendance_add_walk_in(struct db *db, db_user_id actor, long long session_id,
				      long long citizen_id, bool enrol, const char *today,
				      const struct attendance_rules *rules);

/* A walk-in who is not: registered with just a name and phone (their
 * consent to that is the caller's to ask), flagged as needing the first
 * conversation, referred by themselves today, and marked present. */
enum db_status store_attendance_add_new_person(struct db *db, db_user_id actor, long long session_id,
					 const char *name, const char *phone, bool enrol, const char *today,
					 long long *citizen_id);

void attendance_summarise(const struct roll *r, struct roll_summary *out);

/* ---------- history ---------- */

/* The last `weeks` sessions of the activity up to and including
 * `until`, with everyone enrolled in that time or marked at one of them. */
enum db_status store_attendance_history(struct db *db, long long activity_id, const char *until, int weeks,
				  struct history_grid *out);
void store_attendance_history_free(struct history_grid *g);

#endif
