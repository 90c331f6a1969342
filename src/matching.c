/* matching.c — the matching use cases (matching.h) and the pool of
 * volunteers and activities they keep between citizens. */
#include "matching.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance_rules.h"
#include "call_rules.h"
#include "citizens.h"
#include "date.h"
#include "db.h"
#include "protection_rules.h"
#include "store_attendance.h"
#include "store_calls.h"
#include "store_citizens.h"
#include "store_matching.h"
#include "store_protection.h"
#include "store_registry.h"

static void today_iso(char out[DATE_ISO_LEN])
{
	date_format_iso(date_today(), out);
}

/* ---------- the pool kept between citizens ---------- */

/* Only those with a free place can be matched: the pool keeps them
 * whole and the rest closed (a few bytes each). Reading the pool is the
 * slow part of opening a citizen on a big centre; between two citizens
 * nothing has usually changed, so it is kept while the data version
 * stays. */
static const struct match_pool_keep open_only = { match_volunteer_open, match_activity_open };

static struct {
	struct db *db;          /* whose pool it is */
	bool loaded;
	long long version;      /* store_matching_data_version when it was read */
	struct match_pool pool;
	struct pick interests[MATCHING_INTERESTS];
	struct match_words words;
} kept;

void matching_release(void)
{
	if (kept.loaded)
		store_matching_pool_free(&kept.pool);
	kept.loaded = false;
	kept.db = NULL;
}

/* The pool as it is now: the kept one while nothing was committed since
 * it was read, else read again (*read says so). */
static enum db_status current_pool(struct desk *d, bool *read)
{
	*read = false;
	long long version = 0;
	enum db_status r = store_matching_data_version(d->db, &version);
	if (r != DB_OK)
		return r;
	char today[DATE_ISO_LEN];
	today_iso(today);
	if (kept.loaded && kept.db == d->db && kept.version == version) {
		match_pool_dated(&kept.pool, today); /* past midnight too */
		return DB_OK;
	}
	matching_release();
	if ((r = desk_begin_read(d, ROLE_DESK)) != DB_OK)
		return r;
	int n = 0;
	r = store_matching_pool_load(d->db, &kept.pool, &open_only);
	if (r == DB_OK)
		r = store_picklist_load(d->db, "interests", kept.interests, MATCHING_INTERESTS, &n);
	r = desk_end(d, r);
	if (r == DB_OK) {
		match_pool_ready(&kept.pool);
		match_pool_dated(&kept.pool, today);
	}
	if (r != DB_OK) {
		store_matching_pool_free(&kept.pool);
		return r;
	}
	kept.words = (struct match_words){ .interests = kept.interests, .ninterests = n };
	kept.version = version;
	kept.db = d->db;
	kept.loaded = true;
	*read = true;
	return DB_OK;
}

/* This desk's own write moves the data version too, even when it
 * changed nothing the pool holds (the audit record of a look). The kept
 * pool then follows it instead of being read again. `before` and `after`
 * are taken inside that write's transaction, where no other desk can
 * commit in between. */
static void pool_follows(struct desk *d, long long before, long long after)
{
	if (kept.loaded && kept.db == d->db && kept.version == before)
		kept.version = after;
}

/* ---------- the waiting list ---------- */

enum db_status matching_waiting(struct desk *d, int offset, int limit, struct waiting_citizen *out, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_matching_waiting(d->db, offset, limit, out, count);
}

enum db_status matching_waiting_count(struct desk *d, long long *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_matching_waiting_count(d->db, count);
}

enum db_status matching_find_citizens(struct desk *d, const char *typed, int offset, int limit,
				      struct citizen_hit *out, int *count)
{
	return citizens_search(d, typed, offset, limit, out, count);
}

enum db_status matching_data_version(struct desk *d, long long *version)
{
	*version = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_matching_data_version(d->db, version);
}

/* ---------- one citizen ---------- */

/* The centre's barriers, retired ones too: whether a citizen's barrier
 * means anxiety is decided by its name (match_citizen_ready). */
enum { BARRIERS_ALL = 200 };

static enum db_status read_barriers(struct desk *d, struct pick **out, int *n)
{
	*n = 0;
	*out = malloc(BARRIERS_ALL * sizeof **out);
	return *out ? store_picklist_all(d->db, "barriers", *out, BARRIERS_ALL, n) : DB_ERR_IO;
}

static enum db_status read_citizen(struct desk *d, struct matching_citizen *m)
{
	m->nmatches = m->nopen = 0;
	struct pick *barriers = NULL;
	int nbarriers = 0;
	enum db_status r = read_barriers(d, &barriers, &nbarriers);
	if (r == DB_OK)
		r = store_matching_citizen_facts(d->db, m->citizen_id, &m->facts);
	if (r == DB_OK)
		match_citizen_ready(&m->facts, barriers, nbarriers);
	free(barriers);
	if (r == DB_OK)
		r = store_matching_citizen_matches(d->db, m->citizen_id, m->matches, MATCH_LINKS, &m->nmatches);
	while (m->nopen < m->nmatches && !m->matches[m->nopen].ended_on[0])
		m->nopen++;
	return r;
}

/* Both lists ranked over the current pool (the rule is src/match.c's).
 * When the pool cannot be read the lists are empty, never stale. */
static enum db_status rank(struct desk *d, struct matching_citizen *m)
{
	static const struct match_words no_words;
	m->pool = NULL;
	m->words = &no_words;
	m->nranked[0] = m->nranked[1] = 0;
	enum db_status r = current_pool(d, &m->pool_read);
	if (r != DB_OK)
		return r;
	m->pool = &kept.pool;
	m->words = &kept.words;
	for (int list = 0; list < 2; list++) {
		int size = list == 0 ? m->pool->nvolunteers : m->pool->nactivities;
		struct match_ranked *room = realloc(m->ranked[list], ((size_t)size + 1) * sizeof *room);
		if (!room)
			return DB_ERR_IO;
		m->ranked[list] = room;
		m->nranked[list] = match_rank(&m->facts, m->pool, list == 0, m->ranked[list], m->filtered[list]);
	}
	return DB_OK;
}

enum db_status matching_citizen_view(struct desk *d, long long citizen_id, struct matching_citizen *out)
{
	memset(out, 0, sizeof *out);
	out->citizen_id = citizen_id;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	long long before = 0, after = 0;
	r = store_matching_data_version(d->db, &before);
	if (r == DB_OK)
		r = read_citizen(d, out);
	/* It shows their interests, times, barriers and wishes: every look
	 * is in the log. */
	if (r == DB_OK)
		r = desk_audit(d, "view", "citizen", citizen_id, "matching");
	if (r == DB_OK)
		r = store_matching_data_version(d->db, &after);
	r = desk_end(d, r);
	if (r == DB_OK) {
		pool_follows(d, before, after);
		r = rank(d, out);
	}
	if (r != DB_OK)
		matching_citizen_free(out);
	return r;
}

enum db_status matching_citizen_reload(struct desk *d, struct matching_citizen *m)
{
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r == DB_OK)
		r = desk_end(d, read_citizen(d, m));
	enum db_status ranked = rank(d, m);
	return r != DB_OK ? r : ranked;
}

void matching_citizen_free(struct matching_citizen *m)
{
	free(m->ranked[0]);
	free(m->ranked[1]);
	m->ranked[0] = m->ranked[1] = NULL;
	m->nranked[0] = m->nranked[1] = 0;
	m->pool = NULL;
	m->words = NULL;
}

enum db_status matching_citizen_matches(struct desk *d, long long citizen_id, struct match_row *out, int max,
					int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_matching_citizen_matches(d->db, citizen_id, out, max, count);
}

/* ---------- confirming ---------- */

/* The activity meets at most once a day: the next session still to come
 * is among its first two planned from today. */
enum { FIRST_SESSION_CANDIDATES = 2 };

/* Enrols the citizen and takes the activity's next planned session still
 * to come (attendance_rule_to_come: not this morning's, when the match is
 * made in the evening) as the first accompanied one. */
static enum db_status enrol_first_session(struct desk *d, const struct match_request *q, long long match_id,
					  const char *today, struct match_confirmed *out)
{
	bool added = false;
	enum db_status r = store_attendance_enrol(d->db, q->citizen_id, q->activity_id, today, &added);
	/* Whatever is missing of the weeks ahead is planned first, so the
	 * next session exists even if nobody opened the registry lately. */
	int planned = 0;
	if (r == DB_OK)
		r = store_registry_plan_sessions(d->db, q->activity_id, today, REG_SESSION_WEEKS, &planned);
	struct match_session candidates[FIRST_SESSION_CANDIDATES], first = { 0 };
	int n = 0;
	if (r == DB_OK)
		r = store_matching_next_sessions(d->db, q->activity_id, today, candidates, FIRST_SESSION_CANDIDATES, &n);
	char now[20];
	date_now_stamp(now);
	for (int i = 0; i < n && !first.id; i++)
		if (attendance_rule_to_come(candidates[i].date, candidates[i].time, now))
			first = candidates[i];
	if (r != DB_OK || !first.id)
		return r;
	r = store_matching_set_first_session(d->db, match_id, first.id);
	if (r == DB_OK) {
		out->session_id = first.id;
		snprintf(out->session_on, sizeof out->session_on, "%s", first.date);
		snprintf(out->session_time, sizeof out->session_time, "%s", first.time);
	}
	return r;
}

/* The first follow-up call, by the very rules the sweep runs
 * (src/call_flow.c): after the first session when there is one, else two
 * weeks after the match. So the call written here and the one the sweep
 * would write have the same day and the same key. */
static enum db_status plan_first_call(struct desk *d, const struct match_request *q, long long match_id,
				      const char *today, struct match_confirmed *out)
{
	struct call_match_fact fact = {
		.match_id = match_id, .citizen_id = q->citizen_id,
		.volunteer_id = q->volunteer_id, .activity_id = q->activity_id,
	};
	snprintf(fact.matched_on, sizeof fact.matched_on, "%s", today);
	snprintf(fact.first_session_on, sizeof fact.first_session_on, "%s", out->session_on);
	enum db_status r = store_consent_in_force(d->db, q->citizen_id, consent_purpose_code(CONSENT_CONTACT),
						  &fact.contact_consent);
	struct call_new call;
	struct date now = date_today();
	if (r != DB_OK || (!call_rule_after_first_session(&fact, now, &call) && !call_rule_after_match(&fact, now, &call)))
		return r;
	bool changed = false;
	r = store_calls_plan(d->db, &call, &changed);
	if (r == DB_OK)
		snprintf(out->call_due_on, sizeof out->call_due_on, "%s", call.due_on);
	return r;
}

enum db_status matching_confirm(struct desk *d, const struct match_request *q, struct match_confirmed *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	char today[DATE_ISO_LEN];
	today_iso(today);
	/* The places are counted again inside the write transaction: a desk
	 * that read "one place free" a minute ago cannot take a place
	 * another desk has taken since. */
	struct match_confirm_facts facts;
	r = store_matching_confirm_facts(d->db, q, &facts);
	if (r == DB_OK && (out->refusal = match_confirm_refusal(q, &facts)) != MATCH_REFUSED_NONE)
		r = DB_ERR_CONSTRAINT;
	long long match_id = 0;
	if (r == DB_OK)
		r = store_matching_create(d->db, q, today, d->user, &match_id);
	if (r == DB_OK && q->activity_id)
		r = enrol_first_session(d, q, match_id, today, out);
	if (r == DB_OK)
		r = plan_first_call(d, q, match_id, today, out);
	/* The match is the step a "no contact" call was about: it goes. */
	if (r == DB_OK)
		r = store_matching_cancel_no_contact_calls(d->db, q->citizen_id);
	if (r == DB_OK)
		r = desk_audit(d, "create", "match", match_id, NULL);
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", q->citizen_id, "match");
	r = desk_end(d, r);
	if (r == DB_OK) {
		out->match_id = match_id;
	} else {
		enum match_refusal why = out->refusal;
		memset(out, 0, sizeof *out);
		out->refusal = why;
	}
	return r;
}

/* ---------- ending ---------- */

static enum db_status withdraw_match_calls(struct desk *d, long long match_id)
{
	char after_match[CALL_KEY], after_first_session[CALL_KEY];
	call_rule_match_keys(match_id, after_match, after_first_session);
	bool changed = false;
	enum db_status r = store_calls_withdraw(d->db, after_match, &changed);
	return r != DB_OK ? r : store_calls_withdraw(d->db, after_first_session, &changed);
}

enum db_status matching_end_within(struct desk *d, long long match_id, const char *ended_on, const char *outcome,
				   const char *reason, long long *citizen_id)
{
	if (citizen_id)
		*citizen_id = 0;
	struct match_ending effects;
	if (!match_end_effects(outcome, &effects))
		return DB_ERR_INVALID;
	/* Joins the caller's transaction; on its own it is still one. */
	enum db_status r = db_begin(d->db);
	if (r != DB_OK)
		return r;
	struct match_row m;
	r = store_matching_get(d->db, match_id, &m);
	if (r == DB_OK && m.ended_on[0])
		r = DB_ERR_NOTFOUND;
	if (r == DB_OK)
		r = store_matching_end(d->db, match_id, ended_on, outcome, reason, effects.accompaniment_done);
	if (r == DB_OK && !effects.keep_enrolment && m.activity_id)
		r = store_matching_end_enrolment(d->db, m.citizen_id, m.activity_id, ended_on);
	if (r == DB_OK && !effects.keep_calls)
		r = withdraw_match_calls(d, match_id);
	r = db_end(d->db, r);
	if (r == DB_OK && citizen_id)
		*citizen_id = m.citizen_id;
	return r;
}

/* Open matches first: a citizen has a few at once; a full page of open
 * ones is read again after they end, until none is left. */
enum { OPEN_MATCHES_PAGE = 16 };

enum db_status matching_end_open_within(struct desk *d, long long citizen_id, const char *ended_on,
					const char *outcome, const char *reason, int *ended)
{
	if (ended)
		*ended = 0;
	struct match_row rows[OPEN_MATCHES_PAGE];
	int n = 0, open = 0;
	enum db_status r;
	do {
		r = store_matching_citizen_matches(d->db, citizen_id, rows, OPEN_MATCHES_PAGE, &n);
		for (open = 0; r == DB_OK && open < n && !rows[open].ended_on[0]; open++) {
			r = matching_end_within(d, rows[open].id, ended_on, outcome, reason, NULL);
			if (r == DB_OK)
				r = desk_audit(d, "update", "match", rows[open].id, outcome);
			if (r == DB_OK && ended)
				(*ended)++;
		}
	} while (r == DB_OK && open == OPEN_MATCHES_PAGE);
	return r;
}

enum db_status matching_end(struct desk *d, long long match_id, const char *outcome, const char *reason)
{
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	char today[DATE_ISO_LEN];
	today_iso(today);
	long long citizen_id = 0;
	r = matching_end_within(d, match_id, today, outcome, reason, &citizen_id);
	if (r == DB_OK)
		r = desk_audit(d, "update", "match", match_id, outcome);
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", citizen_id, "match ended");
	return desk_end(d, r);
}

/* ---------- wishes ---------- */

enum db_status matching_wishes(struct desk *d, long long citizen_id, struct match_wishes *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_matching_get_wishes(d->db, citizen_id, out);
}

enum db_status matching_set_wishes(struct desk *d, long long citizen_id, const struct match_wishes *in)
{
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	r = store_matching_set_wishes(d->db, citizen_id, in);
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", citizen_id, "matching wishes");
	return desk_end(d, r);
}

/* ---------- the proposal ---------- */

void matching_proposal_free(struct matching_proposal *p)
{
	store_matching_pool_free(&p->pool);
	free(p->citizens);
	free(p->rows);
	memset(p, 0, sizeof *p);
}

enum db_status matching_proposal(struct desk *d, int max, struct matching_proposal *out)
{
	memset(out, 0, sizeof *out);
	if (max < 0)
		max = 0;
	enum db_status r = desk_begin_read(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	out->citizens = calloc((size_t)max + 1, sizeof *out->citizens);
	out->rows = calloc((size_t)max + 1, sizeof *out->rows);
	if (!out->citizens || !out->rows)
		r = DB_ERR_IO;
	int n = 0, nbarriers = 0;
	struct pick *barriers = NULL;
	if (r == DB_OK)
		r = read_barriers(d, &barriers, &nbarriers);
	if (r == DB_OK)
		r = store_matching_waiting_facts(d->db, max, out->citizens, &out->n);
	if (r == DB_OK)
		r = store_matching_pool_load(d->db, &out->pool, &open_only);
	if (r == DB_OK)
		r = store_picklist_load(d->db, "interests", out->interests, MATCHING_INTERESTS, &n);
	r = desk_end(d, r);
	for (int i = 0; r == DB_OK && i < out->n; i++)
		match_citizen_ready(&out->citizens[i], barriers, nbarriers);
	if (r == DB_OK) {
		char today[DATE_ISO_LEN];
		today_iso(today);
		match_pool_ready(&out->pool);
		match_pool_dated(&out->pool, today);
	}
	free(barriers);
	out->words = (struct match_words){ .interests = out->interests, .ninterests = n };
	if (r == DB_OK && !match_propose(out->citizens, out->n, &out->pool, out->rows, &out->total))
		r = DB_ERR_IO;
	if (r != DB_OK)
		matching_proposal_free(out);
	return r;
}
