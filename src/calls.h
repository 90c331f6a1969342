/* calls.h — the follow-up calls as the desk works them: the day's list,
 * the rules run over the database (the sweep), a call's card, recording
 * how a call went with everything that follows from it, cancelling a
 * call, and the coordinator handling a citizen raised after calls that
 * did not reach them.
 *
 * Each is one use case: the role check, one transaction, the stores
 * (db/store_calls.h), the rules (src/call_rules.h) and the audit record,
 * committed or rolled back as a whole before the function returns.
 *
 * Calls come from the actions and from the sweep, all with the same
 * source keys, so none is ever made twice: confirming a match, marking
 * attendance, an intake, saving the card, a handover, a consent given
 * and a relative's wish write theirs at once (calls_plan_citizen_within,
 * calls_relative_wish_within), and the sweep, run by the day's rules and
 * on `o`, finds anything they did not (data from before, an import).
 */
#ifndef BB_CALLS_H
#define BB_CALLS_H

#include <stdbool.h>

#include "date.h"
#include "desk.h"
#include "model_calls.h"

/* ---------- the list ---------- */

/* The counts for the headings (due up to `today`, the coming week up to
 * `until`, both ISO) and the citizens raised to the coordinator, the
 * oldest first: one snapshot. */
enum db_status calls_summary(struct desk *d, const char *today, const char *until, struct call_counts *counts,
			     struct call_escalation *raised, int max, int *nraised);

/* One page of open calls due up to `until`, in the list's order, after
 * the row `after` (NULL: from the start); `query` (folded) keeps the
 * citizens whose name contains it. */
enum db_status calls_page(struct desk *d, const char *until, const char *query, const struct call_row *after,
			  int limit, struct call_row *out, int *count);

/* Runs the call rules as of `today` and writes the calls that should
 * exist and do not, all in one transaction (none when one fails; the
 * day's rules write them a step at a time: calls_due_step). The
 * program does this by itself, also before anyone has signed in: no role
 * is needed. Cheap when nothing is new (no write lock is taken). The
 * no-contact rule adds at most the day's quota (settings), the citizens
 * with the oldest registration first (who else waits is counted apart:
 * calls_no_contact_count_step).
 *
 * Calls after missed sessions that the citizen answered by coming to a
 * later session before anyone called are cancelled in the same
 * transaction, with the day they came as the reason (out->answered).
 *
 * `missed_marks` also replays the attendance marks of the last weeks for
 * missed-session calls. The attendance screen plans those itself the
 * moment a session is marked, so this only catches marks that came
 * another way (older data, an import): the slow part on a big centre,
 * worth doing once a day and when asked.
 *
 * Each use case that makes a fact plans its call at once (a match, an
 * assessment, a consent given, a relative's wish, a mark): the sweep
 * catches what came another way (an import, older data), at start,
 * at midnight, and on the call list's `o`. The call list's opening runs
 * no rules, so it reads the same at any size of centre. */
enum db_status calls_plan_due(struct desk *d, struct date today, bool missed_marks, struct call_sweep *out);

/* calls_plan_due(missed_marks false) a step at a time, for the day's
 * rules (src/daily.h), so a key never waits for a long write: the first
 * step runs the rules over one snapshot (reads only) and keeps what they
 * found to write; each step after writes the next CALLS_DUE_STEP of
 * those calls, then of the cancellations, in its own transaction, each
 * audited, all or none. A call another desk wrote meanwhile is not
 * written twice (its key), a call another desk recorded or cancelled is
 * left as it is, and a partner's citizen gets none. A step stopped for a
 * key (db_interrupt_when) changed nothing and is done again, the sweep
 * from its start; a failure ends the work. No role check, as
 * calls_plan_due. Zeroed to begin; the list is given back when done, or
 * by calls_due_free when the work is left before. */
enum { CALLS_DUE_STEP = 16, CALLS_DUE_BUSY_TRIES = 3 };

/* A call after missed sessions that the citizen answered by coming back
 * before it was made: cancelled, with the day they came as the note. */
struct call_answered {
	long long call_id;
	char note[CALL_TEXT];
};

struct calls_due {
	struct call_new *calls;          /* not written when swept */
	struct call_answered *answered;  /* to cancel */
	int ncalls, nanswered;
	int no_contact;                  /* of the rules' plans, the no-contact rule's */
	int next;                        /* the next to write: the calls, then the answered */
	bool swept;
	bool done;
	int busy;                        /* write steps another desk's lock held off */
	struct call_sweep made;          /* what the steps wrote so far */
};
enum db_status calls_due_step(struct desk *d, struct date today, struct calls_due *c);
void calls_due_free(struct calls_due *c);

/* The replay of the last weeks' attendance marks (calls_plan_due's
 * `missed_marks`) five activities a step, for the day's rules
 * (src/daily.h). No role check, as calls_plan_due. Zeroed to begin. */
struct marks_replay {
	long long after_activity;  /* the last activity replayed */
	int created;               /* calls written so far */
	bool done;
};
enum db_status calls_replay_marks_step(struct desk *d, struct date today, struct marks_replay *m);

/* How many citizens are without contact and wait for a call on a later
 * day (the rule makes at most the day's quota): counted five hundred
 * citizens a step, while the desk is idle (src/daily.h), so no
 * screen waits for it, and only until there are more than a screen
 * shows (COUNT_SHOWN_MAX and the day's quota: "99+"). No role check: a
 * number, and the centre's own rule. Zeroed to begin. */
struct no_contact_count {
	long long after_id;   /* the last citizen counted */
	long long waiting;    /* without contact so far */
	bool done;            /* counted to the end (or failed) */
};
enum db_status calls_no_contact_count_step(struct desk *d, struct date today, struct no_contact_count *c);

/* All the steps at once (tests, benchmarks): capped as the steps are. */
enum db_status calls_no_contact_waiting(struct desk *d, struct date today, long long *waiting);

/* ---------- one call ---------- */

/* The call card: it names the citizen and tells about their course, so
 * the look is audited. */
enum db_status calls_card(struct desk *d, long long call_id, struct call_card *out);
/* The same call card read again for the desk showing it, after another
 * desk committed: not a new look, so not audited again. */
enum db_status calls_card_reload(struct desk *d, long long call_id, struct call_card *out);

/* Records how the call went, as of today, with all that follows, in one
 * transaction: with the next step end_course the course ends
 * (version-checked: DB_ERR_CONFLICT if the card changed) and the other
 * open calls go; the outcome is written, with what the referrer was told
 * (only on a feedback call the citizen agreed to: else
 * DB_ERR_CONSTRAINT); a call back or a new call date writes the agreed
 * call (an invalid or past date: DB_ERR_CONSTRAINT); a handover is
 * recorded; a new match or going on their own ends the open matches;
 * calls not reached three times in a row raise the citizen to the
 * coordinator, and reaching them settles it. A next step only a
 * conversation can give after a call that did not reach them
 * (call_rule_next_step_fits), or going on their own with no open match
 * (call_rule_next_step_has_match): DB_ERR_INVALID. A call no longer open
 * (another desk recorded it): DB_ERR_CONFLICT. Recording takes every
 * outcome kept as a draft of the call (kept_drafts.h). Nothing is written
 * unless all of it is. */
enum db_status calls_record_outcome(struct desk *d, const struct call_entry *in, struct call_entry_result *out);


/* Inside the caller's transaction, after what the call rules read about
 * one citizen changed (an intake, the card saved, a handover, a consent
 * given): the calls the sweep would plan for them now, planned at once,
 * each audited. The call that tells the referrer how it went, once
 * assessed (call_rule_referrer_feedback), and the call after a match
 * that waited for consent to call (call_rule_after_match). A citizen a
 * partner centre shares is left to that centre's rules. *planned (may be
 * NULL): how many calls it planned. */
enum db_status calls_plan_citizen_within(struct desk *d, long long citizen_id, int *planned);

/* Inside the caller's transaction (intake, saving the card): the
 * relative's wish for support of their own as the card said before
 * (`wanted`) and says now (`wants`). A new wish plans the call to the
 * relative (call_rule_relative_support), a wish taken back withdraws it
 * while it is open; each is audited. *planned (may be NULL) says a call
 * was planned. */
enum db_status calls_relative_wish_within(struct desk *d, long long citizen_id, bool wanted, bool wants,
					  bool *planned);

/* Cancels an open call that is no longer needed, keeping why. Not open
 * any more: DB_ERR_CONFLICT. */
enum db_status calls_cancel(struct desk *d, long long call_id, const char *why);

/* The coordinator marks a citizen raised after calls not reached as
 * handled today, saying what was done. DB_ERR_FORBIDDEN for anyone else;
 * DB_ERR_NOTFOUND when nothing is open. */
enum db_status calls_escalation_handled(struct desk *d, long long citizen_id, const char *what);

#endif
