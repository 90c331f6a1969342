/* attendance.h — what the desk does at the weekly sessions: find the
 * week's sessions, open a roll list, mark who came one key at a time, add
 * a walk-in, edit, cancel or reopen a session, look at the history.
 *
 * Each change is one use case: the role check, one transaction, the
 * stores (db/store_attendance.h), the rules (src/attendance_rules.h,
 * src/call_rules.h) and the audit record, committed or rolled back as a
 * whole before the function returns. Anyone signed in may do these. */
#ifndef BB_ATTENDANCE_H
#define BB_ATTENDANCE_H

#include <stdbool.h>

#include "date.h"
#include "desk.h"
#include "model_attendance.h"

/* ---------- reading ---------- */

/* A page of the sessions of the week that starts on `monday`, with the
 * weekly slots not written yet (id 0), by date, time and activity: the
 * `max` rows after `key`, from it on or just before it as `dir` says
 * (key NULL: the week's first rows, or its last); `query` keeps the
 * activities whose name contains it, folded ("" for all). */
enum db_status attendance_week(struct desk *d, struct date monday, const char *query, const struct session_key *key,
			       enum session_page dir, struct session_info *out, int max, int *count);
/* The place of a row in the week's order, for the page after or before it. */
void session_key_of(const struct session_info *s, struct session_key *key);
/* The session of an activity on a date (ISO), written now if there is
 * none, as a weekly slot opened or an extra session. */
enum db_status attendance_session_for(struct desk *d, long long activity_id, const char *date,
				      long long *session_id);
/* A session's details and the volunteers who helped. */
enum db_status attendance_session(struct desk *d, long long session_id, struct session_info *out,
				  struct volunteer_ref *helpers, int max, int *nhelpers);
/* The activity's session before (dir < 0) or after this one; 0 for none. */
enum db_status attendance_neighbour(struct desk *d, long long session_id, int dir, long long *out);

/* The roll list, opened: it names citizens, so the look is audited. Free
 * with attendance_roll_free. */
enum db_status attendance_roll_view(struct desk *d, long long session_id, struct roll *out);
/* The same list read again by the person who has it open (another
 * desk's commit, a mark refused). */
enum db_status attendance_roll_reload(struct desk *d, long long session_id, struct roll *out);
/* One person's row of that list read again (after their own mark): the
 * rest of the list is as it was, or another desk's commit reloads it. */
enum db_status attendance_roll_entry(struct desk *d, const struct session_info *s, long long citizen_id,
				     struct roll_entry *out);
void attendance_roll_free(struct roll *r);
/* One mark the roll list will ask for, rehearsed while the desk idles:
 * the citizen's mark made and undone, for the pages it reads, so that
 * the real one finds them in the system's cache. Nothing of it is kept.
 * DB_ERR_BUSY (another desk writes) and DB_ERR_INTERRUPTED (a key came,
 * key_waiting) ask to try again later. A server says DB_ERR_BUSY every
 * time: ask attendance_rehearsable first. */
enum db_status attendance_rehearse_mark(struct desk *d, long long session_id, long long citizen_id,
					bool (*key_waiting)(void *ctx), void *ctx);
/* The next mark (the person the cursor is on, after the rehearsals)
 * rehearsed again and its pages read into the connection's own cache, so
 * the mark finds all it reads there. Nothing is kept; the same answers
 * as attendance_rehearse_mark. */
enum db_status attendance_ready_mark(struct desk *d, long long session_id, long long citizen_id,
				     bool (*key_waiting)(void *ctx), void *ctx);
/* Whether the session's marks are rehearsed at all: on a file (a server
 * keeps its own cache), not cancelled, and not a day ahead, where only
 * notices are taken. */
bool attendance_rehearsable(struct desk *d, const struct session_info *s);

/* The activity's last `weeks` sessions up to `until` (ISO) as a grid. */
enum db_status attendance_history(struct desk *d, long long activity_id, const char *until, int weeks,
				  struct history_grid *out);
void attendance_history_free(struct history_grid *g);

/* Volunteers (not stopped) and active activities whose name contains the
 * folded query, for the choosers. */
enum db_status attendance_find_volunteers(struct desk *d, const char *query, struct volunteer_ref *out, int max,
					  int *count);
enum db_status attendance_find_activities(struct desk *d, const char *query, struct activity_ref *out, int max,
					  int *count);

/* ---------- changing ---------- */

/* Marks one citizen: "present", "excused" or "absent", or NULL to take
 * the mark away (a walk-in then leaves the roll). accompanied_by (a
 * volunteer, 0 for none) only goes with present. In the same transaction
 * a planned session marked on or after its day is held, a follow-up call
 * is planned (or withdrawn again) as the missed-sessions rule says (never
 * a second one while one is open for the enrolment), a citizen who came
 * back has their open calls after missed sessions cancelled with the
 * reason (out->call_answered), and a match's accompaniment milestone is
 * reached (or put right). A cancelled
 * session takes no marks (DB_ERR_CONFLICT); coming or staying away
 * cannot be marked before the day (DB_ERR_INVALID). `out` may be NULL. */
enum db_status attendance_mark(struct desk *d, long long session_id, long long citizen_id, const char *mark,
			       long long accompanied_by, struct mark_outcome *out);
/* The same from a roll list on screen, which showed the mark `seen`
 * ("" for none): when another desk changed it in the last minutes, the
 * mark is not made (DB_ERR_CONFLICT) and out->other_* say what that desk
 * marked, by whom and when, so the screen can ask first. */
enum db_status attendance_mark_seen(struct desk *d, long long session_id, long long citizen_id, const char *mark,
				    long long accompanied_by, const char *seen, struct mark_outcome *out);

/* A walk-in who is on record: marked present (a walk-in unless enrolled)
 * and, as `enrol` says, enrolled in the activity from the session's date;
 * all or nothing. An enrolment that would take the activity over its
 * places (attendance_rule_enrol_fits) is made only with
 * WALK_IN_ENROL_ANYWAY: with WALK_IN_ENROL nothing is written and the
 * answer is DB_ERR_CONSTRAINT, so the desk can be asked (with the numbers
 * from attendance_places) and decide. */
enum db_status attendance_add_walk_in(struct desk *d, long long session_id, long long citizen_id,
				      enum walk_in_enrol enrol);

/* The places of the session's activity as enrolling the citizen (0: a
 * new person) meets them. */
enum db_status attendance_places(struct desk *d, long long session_id, long long citizen_id,
				 struct enrol_places *out);

/* A walk-in who is not: registered with a name and a phone (they said
 * yes to that), flagged for the first conversation, referred by
 * themselves today, marked present and, as `enrol` says, enrolled (over
 * the places as attendance_add_walk_in); all or nothing. DB_ERR_INVALID
 * for an empty or too long name, or one that holds a CPR number. */
enum db_status attendance_add_new_person(struct desk *d, long long session_id, const char *name, const char *phone,
					 enum walk_in_enrol enrol, long long *citizen_id);

/* Cancels with a reason (e.g. "Helligdag"), or reopens with reason NULL.
 * A session with marks cannot be cancelled (DB_ERR_CONFLICT): the marks
 * are taken away first. */
enum db_status attendance_cancel_session(struct desk *d, long long session_id, const char *reason);

/* Saves the session's details and, in the same transaction, whether it
 * is cancelled (with `cancel_reason`) or not, if nobody changed the
 * session since e->version was read: else DB_ERR_CONFLICT, nothing
 * written. Another session of the activity on the new date, or
 * cancelling one people are marked at: DB_ERR_INVALID and *why says
 * which; nothing is saved. */
enum db_status attendance_save_session(struct desk *d, const struct session_edit *e, bool cancelled,
				       const char *cancel_reason, enum session_refusal *why);

#endif
