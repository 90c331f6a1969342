/* matching.h — what the desk and the coordinator do at matching: see who
 * waits for a match, open one citizen with their volunteers and
 * activities ranked (the score is src/match.c's), confirm a match, end
 * one, set the citizen's wishes, and make a proposal for everyone waiting.
 *
 * Each change is one use case: the role check, one transaction, the
 * stores (db/store_matching.h and the others a match touches), the rules
 * (src/match.h, src/call_rules.h) and the audit record, committed or
 * rolled back as a whole before the function returns. Anyone signed in
 * may look at the suggestions; only a coordinator confirms or ends a
 * match, sets the wishes or makes the proposal (DB_ERR_FORBIDDEN).
 * "Today" is the program's clock (date_today).
 *
 * The pool of volunteers and activities the score is computed over is
 * read once and kept here between citizens until something is committed
 * (by this desk or another); matching_release lets it go. */
#ifndef BB_MATCHING_H
#define BB_MATCHING_H

#include <stdbool.h>

#include "desk.h"
#include "match.h"
#include "match_propose.h"
#include "model_citizen.h"
#include "model_matching.h"

/* Interest names kept for the reasons in words. */
enum { MATCHING_INTERESTS = 64 };

/* ---------- the waiting list ---------- */

/* Longest waiting first, then Danish name order. */
enum db_status matching_waiting(struct desk *d, int offset, int limit, struct waiting_citizen *out, int *count);
/* How many wait, counted up to one past COUNT_SHOWN_MAX (count_text
 * shows "99+"). */
enum db_status matching_waiting_count(struct desk *d, long long *count);
/* Any citizen, waiting or not, found by what was typed as the citizen
 * search finds them (citizens_search). */
enum db_status matching_find_citizens(struct desk *d, const char *typed, int offset, int limit,
				      struct citizen_hit *out, int *count);
/* A number that changes whenever anything is committed, by this desk or
 * another: a screen that kept it reads its list again when it moved. */
enum db_status matching_data_version(struct desk *d, long long *version);

/* ---------- one citizen ---------- */

/* One citizen at matching: the facts the score is made from, their
 * matches, and the volunteers (0) and activities (1) that fit, best
 * first, with how many each hard limit left out. */
struct matching_citizen {
	long long citizen_id;
	struct match_citizen_facts facts;
	struct match_row matches[MATCH_LINKS]; /* the open ones first, newest first */
	int nmatches, nopen;
	/* The shared pool the ranked lines index into and the interest
	 * names for the reasons: valid until the next matching_citizen_view,
	 * matching_citizen_reload or matching_release. */
	const struct match_pool *pool;
	const struct match_words *words;
	bool pool_read;                      /* read now, not the kept one */
	struct match_ranked *ranked[2];
	int nranked[2];
	int filtered[2][ML_COUNT];
};

/* Opens the citizen: it shows their interests, times and wishes, so the
 * look is audited (GDPR art. 9). `out` is filled from scratch: free it
 * with matching_citizen_free before it is filled again. */
enum db_status matching_citizen_view(struct desk *d, long long citizen_id, struct matching_citizen *out);
/* The same citizen read and ranked again by whoever has them open (after
 * a confirm was refused, a match ended, the wishes changed). On failure
 * the lists are empty (pool NULL), never left pointing at a pool that is
 * gone. */
enum db_status matching_citizen_reload(struct desk *d, struct matching_citizen *m);
void matching_citizen_free(struct matching_citizen *m);
/* Lets the kept pool go (when the matching screens are left). */
void matching_release(void);

/* Confirms a match, all in one transaction: checks again, inside it,
 * that the citizen's course is open, the volunteer is active with a free
 * place and the activity is active and not full (match_confirm_refusal:
 * two desks can never both take the last place); records the match (who,
 * when); enrols the citizen; plans the activity's sessions ahead if
 * missing and takes the next planned one from today as the first
 * accompanied session; plans the first follow-up call by the call rules
 * (call_rule_after_first_session, else call_rule_after_match: the same day
 * and key the sweep would give); cancels the citizen's no-contact calls,
 * which the match answers; audits. A refusal is DB_ERR_CONSTRAINT with
 * out->refusal saying why, and nothing is written. */
enum db_status matching_confirm(struct desk *d, const struct match_request *q, struct match_confirmed *out);

/* The citizen's matches, open ones first (to choose the one to end). */
enum db_status matching_citizen_matches(struct desk *d, long long citizen_id, struct match_row *out, int max,
					int *count);

/* Ends an open match today with an outcome (vocab_match_outcome) and the
 * coordinator's reason, all in one transaction with its audit record: see
 * matching_end_within. DB_ERR_NOTFOUND if no such open match,
 * DB_ERR_INVALID for an unknown outcome. */
enum db_status matching_end(struct desk *d, long long match_id, const char *outcome, const char *reason);

/* Ends an open match on `ended_on` inside the caller's transaction, with
 * no role check and no audit record: for a use case that ends matches as
 * part of its own work and audits that (a call's outcome "a new match" or
 * "on their own"). As match_end_effects says, going on their own keeps
 * the enrolment and counts the accompaniment as done; any other outcome
 * also ends the enrolment in the match's activity and withdraws the calls
 * the match planned. *citizen_id (may be NULL) gets whose match it was. */
enum db_status matching_end_within(struct desk *d, long long match_id, const char *ended_on, const char *outcome,
				   const char *reason, long long *citizen_id);

/* Ends the citizen's open matches with `outcome` inside the caller's
 * transaction, each with its audit record, as part of a use case that
 * ends more (the course). *ended (may be NULL) gets how many. */
enum db_status matching_end_open_within(struct desk *d, long long citizen_id, const char *ended_on,
					const char *outcome, const char *reason, int *ended);

/* The citizen's wishes about the volunteer and their language. */
enum db_status matching_wishes(struct desk *d, long long citizen_id, struct match_wishes *out);
/* Saves them (coordinators). The citizen card's version is left alone:
 * none of these are on its form, so an edit there cannot overwrite them. */
enum db_status matching_set_wishes(struct desk *d, long long citizen_id, const struct match_wishes *in);

/* ---------- the proposal ---------- */

/* The `max` longest waiting matched at once (src/match_propose.c), over
 * a pool of its own so the rows' indexes stay valid while the
 * coordinator works through them. `words` points into the struct itself:
 * keep it where matching_proposal filled it, do not copy it. */
struct matching_proposal {
	struct match_pool pool;
	struct match_citizen_facts *citizens;
	struct match_proposal_row *rows;     /* rows[i] is citizens[i]'s */
	int n;
	long long total;                     /* the sum of the chosen scores */
	struct pick interests[MATCHING_INTERESTS];
	struct match_words words;            /* over `interests` */
};
/* Coordinators. Free with matching_proposal_free. */
enum db_status matching_proposal(struct desk *d, int max, struct matching_proposal *out);
void matching_proposal_free(struct matching_proposal *p);

#endif
