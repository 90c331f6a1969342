/* call_flow.h — the follow-up calls as the desk works them: the rules of
 * src/call_rules.c run over the database (the sweep), and an outcome
 * recorded with everything that follows from it (ending the course, the
 * agreed next call, raising a citizen to the coordinator).
 *
 * Calls come from three places that all use the same source keys, so
 * none is ever made twice: confirming a match and marking attendance
 * write theirs at once, and the sweep finds anything they did not (data
 * from before, an import, a match made another way).
 */
#ifndef BB_CALL_FLOW_H
#define BB_CALL_FLOW_H

#include <stdbool.h>

#include "call_rules.h"
#include "date.h"
#include "store_calls.h"

struct call_sweep {
	int created;                  /* calls written by this sweep */
	int no_contact_created;
	long long no_contact_waiting; /* citizens without contact left for later days; -1 unknown */
	int no_contact_weeks;
	int no_contact_per_day;
};

/* Runs the call rules as of `today` and writes the calls that should
 * exist and do not. Cheap when nothing is new (no write lock is taken).
 * The no-contact rule adds at most the day's quota (settings
 * no_contact_per_day), the citizens with the oldest registration first;
 * it counts who is still waiting only while the quota is open.
 *
 * `missed_marks` also replays the attendance marks of the last weeks for
 * missed-session calls. The attendance screen plans those itself the
 * moment a session is marked, so this only catches marks that came
 * another way (older data, an import): the slow part on a big centre,
 * worth doing once a day and when asked. */
enum db_status call_flow_sweep(struct db *db, db_user_id actor, struct date today, bool missed_marks,
			       struct call_sweep *out);

/* How many citizens are waiting for a call after no contact (beyond the
 * calls already planned): the count the sweep makes only while the day's
 * quota is open. */
enum db_status call_flow_no_contact_waiting(struct db *db, struct date today, long long *waiting);

/* An outcome as the form gives it. */
struct call_flow_input {
	struct call_outcome outcome;     /* call_id, outcome, note, next_step, handover_to, told_referrer, today */
	long long citizen_id;
	long long citizen_version;       /* for ending the course */
	long long responsible;           /* who makes the next call */
	char next_on[CALL_DATE];         /* the new call's day (next step new_call, or call_back) */
	char next_time[CALL_TIME];
	char end_reason[CALL_CODE];      /* next step end_course: vocab_end_reason */
};

struct call_flow_result {
	struct call_recorded recorded;
	bool escalated;                  /* raised to the coordinator now */
	bool settled;                    /* an escalation was settled by reaching them */
	bool course_ended;
};

/* Records the outcome. With end_course the course is ended first
 * (store_citizens_end, version-checked: DB_ERR_CONFLICT if the card changed);
 * a call back or a new call date writes the agreed call (an invalid or
 * past date: DB_ERR_CONSTRAINT, nothing written). Then three calls not
 * reached in a row raise the citizen to the coordinator, and reaching
 * them settles it. */
enum db_status call_flow_record(struct db *db, db_user_id actor, const struct call_flow_input *in,
				struct call_flow_result *out);

/* Whether the outcome needs a new call date: a call back, or the next
 * step "new call". */
bool call_flow_needs_date(const char *outcome, const char *next_step);

#endif
