/* nextstep.h — the one rule that decides a citizen's next step, shown in
 * one line at the top of the card. First match wins:
 *   1. the course has ended                    -> NEXT_ENDED
 *   2. an open follow-up call is overdue       -> NEXT_CALL_OVERDUE
 *   3. an open follow-up call is due today     -> NEXT_CALL_TODAY
 *   4. they came accompanied the last times    -> NEXT_ATTEND_ALONE (the next
 *      session, if any, and who went along; src/attendance_rules.h, rule 2)
 *   5. they are expected at a session          -> NEXT_SESSION (with whom)
 *   6. handed over to professional help        -> NEXT_HANDOVER
 *   7. a later call to the citizen is planned  -> NEXT_CALL_LATER
 *   8. assessed for volunteer help, no match   -> NEXT_MATCH_WAITING
 *   9. not assessed yet                        -> NEXT_ASSESS
 *  10. a later call to the referrer or a relative -> NEXT_CALL_LATER
 *  11. otherwise                               -> NEXT_NONE ("decide one")
 */
#ifndef BB_NEXTSTEP_H
#define BB_NEXTSTEP_H

#include <stddef.h>

#include "date.h"
#include "model_citizen.h"

enum next_step_kind {
	NEXT_ENDED,
	NEXT_CALL_OVERDUE,
	NEXT_CALL_TODAY,
	NEXT_SESSION,
	NEXT_HANDOVER,
	NEXT_CALL_LATER,
	NEXT_MATCH_WAITING,
	NEXT_ASSESS,
	NEXT_NONE,
	NEXT_ATTEND_ALONE,
};

struct next_step {
	enum next_step_kind kind;
	struct date date;   /* the call, session or handover date, if any */
	long days;          /* overdue by / until, in days */
	int times;          /* NEXT_ATTEND_ALONE: came accompanied this many times in a row */
};

/* Sets the session facts (session_on, _time, _activity, _volunteer) to
 * the first of facts->upcoming still to come at `now` ("YYYY-MM-DD
 * HH:MM[:SS]", attendance_rule_to_come), or clears them: a session of
 * this morning is not where the citizen is expected this evening. */
void next_step_upcoming(struct citizen_facts *facts, const char *now);

struct next_step next_step_decide(const struct citizen_facts *facts, struct date today);

/* The step in one translated line, e.g. "Ring op: 3 dage over tid
 * (efter første mødegang)" or "Mødes tors 26. nov 10:00 i Gå-gruppen
 * med Bente Ølgaard". */
void next_step_describe(const struct next_step *step, const struct citizen_facts *facts,
			char *out, size_t size);

/* The same line made to fit in `cols` terminal columns by a rule that
 * keeps the verb and the date: first the least needed part goes (who
 * goes along, the reason, the count of times), then the activity's name
 * (or who takes over a handover) is shortened with "…", then only the verb and the date are left ("Mødes
 * tors 3. dec 10:00"); only a line too narrow even for that is cut. */
enum { NEXT_STEP_ACTIVITY_MIN = 8 };   /* columns below which an activity's name is left out */
void next_step_describe_fit(const struct next_step *step, const struct citizen_facts *facts, int cols,
			    char *out, size_t size);

/* Words for the codes of db/schema.c: a follow-up call's reason
 * (after_first_session, missed_sessions, agreed, after_match,
 * referrer_feedback, no_contact, other) and a course's end reason
 * (lasting_community, moved, declined, handed_over, deceased). An unknown
 * code comes back as it is, so nothing recorded is hidden; NULL gives "". */
const char *next_step_call_reason(const char *code);
const char *next_step_end_reason(const char *code);

#endif
