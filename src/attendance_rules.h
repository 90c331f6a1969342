/* attendance_rules.h — the three rules the attendance screen and the
 * follow-up calls build on, as pure functions (no SQL, no curses):
 *
 * 1. Missed sessions: two in a row without notice (absent), or three in a
 *    row with notice (excused, or a mix), mark the citizen for a follow-up
 *    call. Counting starts again after each call, so a long absence asks
 *    for a call every two or three sessions, not every week.
 * 2. Always accompanied: a citizen who came the last
 *    ATTENDANCE_ALONE_AFTER times, each time with a volunteer, is flagged:
 *    the volunteer is at risk of staying the main support, and the next
 *    step suggests coming alone.
 * 3. Accompaniment milestone: the first session attended (present) on or
 *    after a match's date, at the match's activity (or any activity when
 *    the match is with a volunteer only), completes the match's
 *    accompaniment milestone (matches.accompaniment_done_on).
 *
 * src/attendance.c runs rules 1 and 3 inside the transaction of each
 * mark; rule 2 is read by the next step. The smaller rules of a mark
 * (notice may come in advance, a marked session has been held) and the
 * roll's summary line are here too.
 */
#ifndef BB_ATTENDANCE_RULES_H
#define BB_ATTENDANCE_RULES_H

#include <stdbool.h>

#include "model_attendance.h"

enum {
	ATTENDANCE_ABSENT_IN_A_ROW = 2,   /* rule 1, without notice */
	ATTENDANCE_MISSED_IN_A_ROW = 3,   /* rule 1, with notice */
	ATTENDANCE_ALONE_AFTER = 4,       /* rule 2 */
};

/* Rule 1. `newest_first` are the citizen's marks at one activity, the one
 * just made first ('p', 'e' or 'a'). True when that mark is the one that
 * asks for a call. */
bool attendance_rule_missed_call(const struct attendance_past *newest_first, int n);

/* How many sessions in a row, up to the newest, the citizen has missed
 * (excused or absent): for the message shown to the desk. */
int attendance_missed_in_a_row(const struct attendance_past *newest_first, int n);

/* Rule 2. `newest_first` are the citizen's latest marks at any activity;
 * only times they came count. True when the last ATTENDANCE_ALONE_AFTER
 * times were all accompanied; *times (may be NULL) gets how many times in
 * a row, up to now, they came accompanied. */
bool attendance_rule_always_accompanied(const struct attendance_past *newest_first, int n, int *times);

/* Rule 3. */
bool attendance_rule_completes_accompaniment(const struct attendance_match *m, long long activity_id,
					     const char *date, const char *mark);

/* The marks as store_citizens_facts gives them: a string newest first, 'P'
 * present and accompanied, 'p' present, 'e' excused, 'a' absent. Returns
 * how many were read into out (at most max). */
int attendance_past_from_codes(const char *codes, struct attendance_past *out, int max);

/* Only notice (excused) can be marked before the session's day: coming
 * or staying away cannot. Taking a mark away (NULL) always can. */
bool attendance_rule_may_mark(const char *session_date, const char *today, const char *mark);
/* A planned session marked on or after its day has taken place. */
bool attendance_rule_held(const char *status, const char *session_date, const char *today, const char *mark);
/* A held session whose last mark was taken away (marks_left 0) is
 * planned again: nothing says it took place, and the reports count held
 * sessions. */
bool attendance_rule_planned_again(const char *status, long long marks_left);
/* A mark that replaces one another desk made in the last
 * ATTENDANCE_OVERRIDE_MINUTES, which this desk did not see on its
 * screen (`seen` differs from `current`), is asked about first. `seen`
 * and `current` are codes, "" for unmarked; the stamps
 * "YYYY-MM-DD HH:MM:SS". */
enum { ATTENDANCE_OVERRIDE_MINUTES = 10 };
bool attendance_rule_ask_before_override(const char *seen, const char *current, const char *current_at,
					 const char *now);
/* Whether a session is still to come at `now` ("YYYY-MM-DD HH:MM[:SS]"):
 * on a later day, or today at a start time ("HH:MM") not yet passed. A
 * session today without a known time counts as still to come: nobody can
 * say it is over. Everything "the next session" means (the card's next
 * step, the first accompanied session of a match) is the first of the
 * planned sessions for which this holds. */
bool attendance_rule_to_come(const char *session_date, const char *start_time, const char *now);
/* Whether enrolling a walk-in keeps the activity within its places
 * (match_free_places, src/match.h: the places the matching counts). One
 * already enrolled takes no new place. Over the places, the desk is
 * asked and decides. */
bool attendance_rule_enrol_fits(const struct enrol_places *p);
/* present, excused, absent, or NULL (taken away). */
bool attendance_rule_valid_mark(const char *mark);

/* The summary line of a roll: how many came, sent notice, stayed away,
 * are not marked yet; came accompanied, walked in, came the first time. */
void attendance_summarise(const struct roll *r, struct roll_summary *out);

#endif
