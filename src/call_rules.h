/* call_rules.h — which follow-up calls should exist, decided from facts,
 * and what a recorded call leads to (the agreed next call, ending
 * matches, feedback to the referrer, raising a citizen to the
 * coordinator after calls that did not reach them).
 *
 * Every rule is a pure function: given what happened (a match, a first
 * session, marks at sessions, an assessment with the referrer's feedback
 * agreed, an agreed date, a long silence) and today's date it says whether
 * a call is due, when, for whom, and names the situation in the call's
 * source key. The same situation always gets the same key, and
 * follow_ups.source_key is UNIQUE, so running the rules again never adds
 * the same call twice:
 *
 *   after a match          match:<match id>              matched + 14 days
 *   after the first session first_session:<match id>    the next weekday after it
 *   missed sessions        missed:<enrolment>:<session>  the day after (one open
 *                          per enrolment; cancelled when they come back first)
 *   feedback to referrer   referral:<referral id>        assessed + 7 days
 *   no contact             no_contact:<citizen id>       today (the first
 *                          time; later ones add :<date of last contact>)
 *   the relative wants     relative:<citizen id>         today
 *   support of their own
 *   agreed in a call       agreed:<call id>              the agreed day
 *
 * Every call is to the citizen, and needs their consent to contact by
 * volunteers (the facts' contact_consent), but the call to the referrer,
 * which needs their consent to feedback (consent_rule_call_allowed,
 * src/protection_rules.h).
 *
 * Event rules look back CALL_LOOKBACK_DAYS only: a new centre (or a rule
 * added later) does not flood the list with calls about old history. A
 * call that should already have been made is due today, never earlier:
 * the desk is not late for a call the program just planned.
 */
#ifndef BB_CALL_RULES_H
#define BB_CALL_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "model_attendance.h"
#include "model_calls.h"
#include "model_limits.h"

enum {
	CALL_AFTER_MATCH_DAYS = 14,
	CALL_FEEDBACK_DAYS = 7,
	CALL_LOOKBACK_DAYS = 28,
	/* Marks before the look-back window, so a run of misses that began
	 * earlier is counted from its start. */
	CALL_MARK_CONTEXT_DAYS = 28,
	CALL_NOT_REACHED_LIMIT = 3,
};

/* The day a call the rules plan today is due at the earliest: today on a
 * weekday, else the Monday after (the day-limit of no-contact calls is
 * counted on it). */
struct date call_rule_call_day(struct date today);

/* The source keys of the two calls a match can plan: match:<id> and
 * first_session:<id>. Ending the match withdraws them by these keys. */
void call_rule_match_keys(long long match_id, char after_match[CALL_KEY], char after_first_session[CALL_KEY]);

/* One match, one call (the two rules below): after the first session
 * for a match to an activity whose first session is known, else two
 * weeks after the match; once either call exists, the other is never
 * planned. */

/* A match that is still open and recent, and not followed up after its
 * first session: a call two weeks after it. */
bool call_rule_after_match(const struct call_match_fact *f, struct date today, struct call_new *out);

/* A match to an activity with a first session not long ago or ahead, and
 * no call after the match yet: a call on the next weekday after that session (a Friday session is
 * followed up on Monday). Confirming a match (src/matching.c) plans its
 * call through this rule and call_rule_after_match too, so the sweep and
 * the matching screen always agree on the day and the key. */
bool call_rule_after_first_session(const struct call_match_fact *f, struct date today,
				   struct call_new *out);

/* Whether the mark just made (newest_first[0]) makes a call due, given
 * the earlier marks in the same activity: the attendance screen's rule
 * (attendance_rule_missed_call, src/attendance_rules.h), so marking a
 * session and the sweep always agree. */
typedef bool (*call_missed_rule)(const struct attendance_past *newest_first, int n);

/* One situation, one call: missed sessions make a call due (the mark
 * rule says so) only while no call after missed sessions is open for the
 * same enrolment: that one asks the same question. */
bool call_rule_missed_due(bool rule_says_due, int open_for_enrolment);

/* Walks one enrolment's marks (oldest first, all with the same
 * enrolment_id) and writes the call for the newest mark that makes one
 * due, as `rule` says (NULL: attendance_rule_missed_call), within the
 * look-back window: none when the citizen came to a session after it
 * (call_rule_missed_answered) or a call after missed sessions is open for
 * the enrolment (call_rule_missed_due). Returns 1 when it wrote one (max
 * at least 1), else 0. */
int call_rule_missed_sessions(const struct call_mark_fact *marks, int n, struct date today,
			      call_missed_rule rule, struct call_new *out, int max);

/* The call one missed session makes due (the mark rule said so): the day
 * after the session, never before today, keyed by enrolment and session.
 * Marking a session and the sweep both plan it through this. False (no
 * call; *out still names the situation's key, so a call planned before
 * can be withdrawn) without the citizen's consent to contact. */
bool call_rule_missed_call(long long enrolment_id, long long session_id, long long citizen_id,
			   const char *session_date, long long responsible, bool contact_consent, struct date today,
			   struct call_new *out);

/* An open call after missed sessions (the session missed on
 * `missed_on`) is answered when the citizen came to a later session
 * (`came_on`, "" for none) before the call was made: it is cancelled,
 * with call_rule_came_back_note as the reason, not made. */
bool call_rule_missed_answered(const char *missed_on, const char *came_on);
/* The reason kept with such a call, in words: "Came back on 03-12-2026:
 * no call needed." */
void call_rule_came_back_note(const char *came_on, char *out, size_t size);

/* The citizen agreed that the referrer hears how it went: a call a week
 * after the first conversation. */
bool call_rule_referrer_feedback(const struct call_feedback_fact *f, struct date today,
				 struct call_new *out);

/* The relative who takes part wants support of their own: a call to the
 * relative, due today, keyed by the citizen, so intake, an edit of the
 * card and the sweep plan the same one once. Not for an ended course, nor
 * a wish recorded before the look-back window. */
bool call_rule_relative_support(const struct call_relative_fact *f, struct date today, struct call_new *out);
/* The key of that call, for withdrawing it when the wish is taken back. */
void call_rule_relative_key(long long citizen_id, char key[CALL_KEY]);

/* An active citizen with no open call, no planned session and nothing on
 * record for `weeks` weeks: a call today. */
bool call_rule_no_contact(const struct call_idle_fact *f, struct date today, int weeks,
			  struct call_new *out);

/* How many more calls after no contact may be planned today, when the
 * centre allows `per_day` a day and `made_today` are planned already. */
int call_rule_no_contact_quota(int per_day, long long made_today);

/* Whether an outcome asks for a new call on an agreed day: a call back,
 * or the next step "new call". */
bool call_rule_needs_date(const char *outcome, const char *next_step);

/* Whether a next step can follow an outcome. A new match, going on their
 * own and a handover are agreed with the citizen, so they need a
 * conversation: not after "not reached" or "wrong number", which leave
 * calling again, nothing new, or ending the course (a move or a death can
 * be known without a call). */
bool call_rule_next_step_fits(const char *outcome, const char *next_step);
/* Whether the citizen's matches allow the next step: going on their own
 * ends the volunteer's going along, so it needs an open match. */
bool call_rule_next_step_has_match(const char *next_step, int open_matches);

/* A call is cancelled with a reason in words: it stays with the call,
 * and "aflyst" alone told the next person nothing. */
bool call_rule_cancel_reason_ok(const char *why);

/* Whether `day` can be agreed for a call: today or later. */
bool call_rule_agreed_day(struct date day, struct date today);

/* A date agreed in a call ("call me on Tuesday at ten"): the new call,
 * keyed by the call that agreed it. False when the date is not a real
 * date, lies before today, or the time is not HH:MM, and without the
 * citizen's consent to contact. */
bool call_rule_agreed(long long call_id, long long citizen_id, long long responsible, const char *on_iso,
		      const char *time, bool contact_consent, struct date today, struct call_new *out);

/* When to try again after a call that did not reach them: the next
 * weekday. */
struct date call_rule_retry_day(struct date today);

/* Whether a call with this reason is made to the citizen: a call to the
 * referrer (feedback) or to the relative (their own support) is to
 * someone else. The card's next call (db/store_citizens_timeline.c)
 * names the two reasons in SQL too. */
bool call_rule_to_the_citizen(const char *reason);

/* Calls to the citizen not reached in a row, counted back from the
 * newest made (newest_first). A call to someone else (the referrer, the
 * relative) neither counts nor breaks the run. */
int call_rule_not_reached_run(const struct call_past *newest_first, int n);

/* Not reached `not_reached_in_a_row` times: raise it to the coordinator. */
bool call_rule_escalate(int not_reached_in_a_row);
/* Reaching the citizen settles an escalation. */
bool call_rule_escalation_settled(const char *outcome);

enum call_escalation_step {
	CALL_ESCALATION_KEEP,   /* nothing changes */
	CALL_ESCALATION_RAISE,  /* raise the citizen to the coordinator now */
	CALL_ESCALATION_SETTLE, /* the open escalation is settled by this call */
};
/* What a recorded call (its reason and outcome) does to the coordinator's
 * list, given the run not reached it ends and whether the citizen is
 * raised already. A call to someone else (the referrer, the relative)
 * says nothing about reaching the citizen: it changes nothing. */
enum call_escalation_step call_rule_escalation(const char *reason, const char *outcome, int not_reached_in_a_row,
					       bool raised);

/* Whether what was told to the referrer may be recorded on this call: a
 * call to give feedback, and the citizen agreed (struct
 * call_feedback_target's consent). */
bool call_rule_feedback_allowed(const char *reason, bool consent);

/* How a next step ends the citizen's open matches (a matches.outcome:
 * "did_not_work" for a new match, "on_own" when they go on their own), or
 * NULL when it leaves them be. */
const char *call_rule_match_end(const char *next_step);

/* Drops calls whose source key came earlier in the array (so a batch
 * never asks for the same situation twice); calls without a key are kept.
 * Returns the new count. */
int call_rules_unique(struct call_new *calls, int n);

#endif
