/* calls.c — the follow-up call use cases (calls.h). */
#include "calls.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance_rules.h"
#include "call_rules.h"
#include "citizens.h"
#include "db.h"
#include "kept_drafts.h"
#include "matching.h"
#include "protection_rules.h"
#include "settings.h"
#include "store_calls.h"
#include "store_citizens.h"
#include "store_matching.h"
#include "store_protection.h"
#include "store_registry.h"

enum { MATCHES_MAX = 16 };

/* ---------- the list ---------- */

enum db_status calls_summary(struct desk *d, const char *today, const char *until, struct call_counts *counts,
			     struct call_escalation *raised, int max, int *nraised)
{
	memset(counts, 0, sizeof *counts);
	*nraised = 0;
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = store_calls_counts(d->db, today, until, counts);
	if (r == DB_OK)
		r = store_calls_escalations(d->db, raised, max, nraised);
	r = desk_end(d, r);
	if (r != DB_OK)
		*nraised = 0;
	return r;
}

enum db_status calls_page(struct desk *d, const char *until, const char *query, const struct call_row *after,
			  int limit, struct call_row *out, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_calls_list(d->db, until, query, after, limit, out, count);
}

/* ---------- the sweep ---------- */

/* A growing list of planned calls. */
struct plans {
	struct call_new *items;
	int count, cap;
};

static struct call_new *plans_room(struct plans *p, int need)
{
	if (p->count + need > p->cap) {
		int cap = p->cap ? p->cap : 64;
		while (cap < p->count + need)
			cap *= 2;
		struct call_new *bigger = realloc(p->items, (size_t)cap * sizeof *bigger);
		if (!bigger)
			return NULL;
		p->items = bigger;
		p->cap = cap;
	}
	return &p->items[p->count];
}

static void iso_days_before(struct date today, long days, char out[DATE_ISO_LEN])
{
	date_format_iso(date_add_days(today, -days), out);
}

/* The calls after recent matches: every citizen's, or one citizen's
 * (citizen_id not 0). */
static enum db_status plan_matches(struct db *db, long long citizen_id, struct date today, struct plans *p)
{
	char from[DATE_ISO_LEN];
	/* A first session can come a while after the match. */
	iso_days_before(today, 2 * CALL_LOOKBACK_DAYS, from);
	struct call_match_fact *facts;
	int n;
	enum db_status r = store_calls_match_facts(db, citizen_id, from, &facts, &n);
	if (r != DB_OK)
		return r;
	for (int i = 0; i < n; i++) {
		struct call_new *room = plans_room(p, 2);
		if (!room) {
			r = DB_ERR_IO;
			break;
		}
		if (call_rule_after_match(&facts[i], today, room))
			room = &p->items[++p->count];
		if (call_rule_after_first_session(&facts[i], today, room))
			p->count++;
	}
	free(facts);
	return r;
}

static enum db_status sweep_marks(struct db *db, struct date today, long long after, long long upto, struct plans *p)
{
	char context[DATE_ISO_LEN], window[DATE_ISO_LEN], now[DATE_ISO_LEN];
	iso_days_before(today, CALL_LOOKBACK_DAYS + CALL_MARK_CONTEXT_DAYS, context);
	iso_days_before(today, CALL_LOOKBACK_DAYS, window);
	date_format_iso(today, now);
	struct call_mark_fact *marks;
	int n;
	enum db_status r = store_calls_mark_facts(db, context, window, now, after, upto, &marks, &n);
	if (r != DB_OK)
		return r;
	/* One enrolment at a time: the rule reads one run of marks. */
	for (int start = 0; start < n;) {
		int end = start;
		while (end < n && marks[end].enrolment_id == marks[start].enrolment_id)
			end++;
		struct call_new *room = plans_room(p, end - start);
		if (!room) {
			r = DB_ERR_IO;
			break;
		}
		p->count += call_rule_missed_sessions(&marks[start], end - start, today, attendance_rule_missed_call,
						      room, end - start);
		start = end;
	}
	free(marks);
	return r;
}

/* The feedback calls due for referrals answered in the look-back window:
 * every citizen's, or one citizen's (citizen_id not 0). */
static enum db_status plan_feedback(struct db *db, long long citizen_id, struct date today, struct plans *p)
{
	char from[DATE_ISO_LEN];
	iso_days_before(today, CALL_LOOKBACK_DAYS, from);
	struct call_feedback_fact *facts;
	int n;
	enum db_status r = store_calls_feedback_facts(db, citizen_id, from, &facts, &n);
	if (r != DB_OK)
		return r;
	for (int i = 0; i < n; i++) {
		struct call_new *room = plans_room(p, 1);
		if (!room) {
			r = DB_ERR_IO;
			break;
		}
		if (call_rule_referrer_feedback(&facts[i], today, room))
			p->count++;
	}
	free(facts);
	return r;
}

static enum db_status sweep_relatives(struct db *db, struct date today, struct plans *p)
{
	char from[DATE_ISO_LEN];
	iso_days_before(today, CALL_LOOKBACK_DAYS, from);
	struct call_relative_fact *facts;
	int n;
	enum db_status r = store_calls_relative_facts(db, from, &facts, &n);
	if (r != DB_OK)
		return r;
	for (int i = 0; i < n; i++) {
		struct call_new *room = plans_room(p, 1);
		if (!room) {
			r = DB_ERR_IO;
			break;
		}
		if (call_rule_relative_support(&facts[i], today, room))
			p->count++;
	}
	free(facts);
	return r;
}

/* The centre's no-contact settings, which the call list tells beside the
 * count of who waits. */
static enum db_status no_contact_settings(struct desk *d, struct call_sweep *out)
{
	struct centre_settings cs;
	enum db_status r = settings_read(d, &cs);
	if (r == DB_OK) {
		out->no_contact_weeks = cs.no_contact_weeks;
		out->no_contact_per_day = cs.no_contact_per_day;
	}
	return r;
}

/* Reads the settings no_contact_settings left in `out`. */
static enum db_status sweep_no_contact(struct desk *d, struct date today, struct plans *p, struct call_sweep *out)
{
	enum db_status r;
	char now[DATE_ISO_LEN], cutoff[DATE_ISO_LEN];
	date_format_iso(today, now);
	iso_days_before(today, 7L * out->no_contact_weeks, cutoff);
	/* The day's limit counts the calls due on the day these will be: at
	 * a weekend, the Monday's (the rule plans them on a weekday). */
	char due[DATE_ISO_LEN];
	date_format_iso(call_rule_call_day(today), due);
	long long made_today = 0;
	if ((r = store_calls_no_contact_on(d->db, due, &made_today)) != DB_OK)
		return r;
	int quota = call_rule_no_contact_quota(out->no_contact_per_day, made_today);
	if (quota == 0)
		return DB_OK;
	struct call_idle_fact *facts;
	int n;
	if ((r = store_calls_idle_facts(d->db, now, cutoff, quota, &facts, &n)) != DB_OK)
		return r;
	for (int i = 0; i < n; i++) {
		struct call_new *room = plans_room(p, 1);
		if (!room) {
			r = DB_ERR_IO;
			break;
		}
		if (call_rule_no_contact(&facts[i], today, out->no_contact_weeks, room))
			p->count++;
	}
	free(facts);
	return r;
}

void calls_due_free(struct calls_due *c)
{
	free(c->calls);
	free(c->answered);
	c->calls = NULL;
	c->answered = NULL;
	c->ncalls = c->nanswered = c->next = 0;
}

/* Open calls after missed sessions that the citizen answered by coming
 * back before the call was made: cancelled, not made. */
static enum db_status sweep_answered(struct db *db, struct date today, struct calls_due *c)
{
	char now[DATE_ISO_LEN];
	date_format_iso(today, now);
	struct call_missed_fact *facts;
	int n;
	enum db_status r = store_calls_missed_open(db, 0, now, &facts, &n);
	if (r != DB_OK || n == 0) {
		if (r == DB_OK)
			free(facts);
		return r;
	}
	c->answered = malloc((size_t)n * sizeof *c->answered);
	if (!c->answered)
		r = DB_ERR_IO;
	for (int i = 0; r == DB_OK && i < n; i++) {
		if (!call_rule_missed_answered(facts[i].missed_on, facts[i].came_on))
			continue;
		struct call_answered *a = &c->answered[c->nanswered++];
		a->call_id = facts[i].call_id;
		call_rule_came_back_note(facts[i].came_on, a->note, sizeof a->note);
	}
	free(facts);
	return r;
}

/* Every rule over one snapshot; *no_contact: how many of the plans the
 * no-contact rule made (the last ones). */
static enum db_status sweep_plan(struct desk *d, struct date today, bool missed_marks, struct plans *p,
				 struct call_sweep *out, int *no_contact)
{
	enum db_status r = plan_matches(d->db, 0, today, p);
	if (r == DB_OK && missed_marks)
		r = sweep_marks(d->db, today, 0, LLONG_MAX, p);
	if (r == DB_OK)
		r = plan_feedback(d->db, 0, today, p);
	if (r == DB_OK)
		r = sweep_relatives(d->db, today, p);
	int before = p->count;
	if (r == DB_OK)
		r = no_contact_settings(d, out);
	if (r == DB_OK)
		r = sweep_no_contact(d, today, p, out);
	*no_contact = p->count - before;
	return r;
}

/* Of the plans `p`, those not written yet, once each, kept in `c` (which
 * takes p's memory). Inside the sweep's read transaction. */
static enum db_status keep_missing(struct db *db, struct plans *p, struct calls_due *c)
{
	if (p->count == 0)
		return DB_OK;
	int n = call_rules_unique(p->items, p->count), nmissing = 0, kept = 0;
	bool *missing = malloc((size_t)n * sizeof *missing);
	enum db_status r = missing ? store_calls_missing(db, p->items, n, missing, &nmissing) : DB_ERR_IO;
	for (int i = 0; r == DB_OK && i < n; i++)
		if (missing[i])
			p->items[kept++] = p->items[i];
	free(missing);
	if (r != DB_OK)
		return r;
	c->calls = p->items;
	c->ncalls = kept;
	*p = (struct plans){ 0 };
	return DB_OK;
}

/* The rules over one snapshot, reads only: what they find to write is
 * kept in `c`. Stopped or failed, nothing is kept, so nothing half read
 * is ever written. */
static enum db_status sweep(struct desk *d, struct date today, bool missed_marks, struct calls_due *c)
{
	struct plans p = { 0 };
	enum db_status r = db_begin_read(d->db);
	if (r != DB_OK)
		return r;
	r = sweep_plan(d, today, missed_marks, &p, &c->made, &c->no_contact);
	if (r == DB_OK)
		r = sweep_answered(d->db, today, c);
	if (r == DB_OK)
		r = keep_missing(d->db, &p, c);
	free(p.items);
	if ((r = db_end(d->db, r)) != DB_OK)
		calls_due_free(c);
	return r;
}

/* The kept calls and answered calls [from, upto) (the calls count
 * first), all or none, each in the audit log; what was written is added
 * to c->made. A call written meanwhile at another desk (its key) is not
 * written again, and a call answered meanwhile at another desk (recorded
 * or cancelled) is left as it is. */
static enum db_status write_calls(struct desk *d, struct calls_due *c, int from, int upto)
{
	enum db_status r = db_begin(d->db);
	if (r != DB_OK)
		return r;
	int made = 0, cancelled = 0;
	long long first = 0;
	for (int i = from; i < upto && i < c->ncalls && r == DB_OK; i++) {
		const struct call_new *call = &c->calls[i];
		long long id = 0;
		/* A partner's citizen shared with this centre is followed up
		 * by their own centre's rules, not twice. */
		if ((r = desk_owns_citizen(d, call->citizen_id)) == DB_ERR_NOTFOUND) {
			r = DB_OK;
			continue;
		}
		if (r != DB_OK || (r = store_calls_insert(d->db, call, &id)) != DB_OK || !id)
			continue;
		made++;
		first = first ? first : id;
		r = desk_audit(d, "create", "follow_up", id, call->source_key[0] ? call->source_key : NULL);
	}
	for (int i = from > c->ncalls ? from : c->ncalls; i < upto && r == DB_OK; i++) {
		const struct call_answered *a = &c->answered[i - c->ncalls];
		r = store_calls_cancel(d->db, a->call_id, a->note, d->user);
		if (r == DB_ERR_CONFLICT) {
			r = DB_OK;
			continue;
		}
		if (r == DB_OK)
			r = desk_audit(d, "update", "follow_up", a->call_id, "cancelled: came back");
		cancelled += r == DB_OK;
	}
	if ((r = db_end(d->db, r)) == DB_OK) {
		if (!c->made.first_call)
			c->made.first_call = first;
		c->made.created += made;
		c->made.answered += cancelled;
	}
	return r;
}

/* How many of the calls made the no-contact rule's: they came last. */
static void count_no_contact(struct calls_due *c)
{
	c->made.no_contact_created = c->no_contact < c->made.created ? c->no_contact : c->made.created;
}

enum db_status calls_plan_due(struct desk *d, struct date today, bool missed_marks, struct call_sweep *out)
{
	/* No role check: these are the centre's own rules, run when the
	 * program starts, before anyone signs in. The rules read a snapshot;
	 * the write lock is taken only when they ask for a call not written
	 * yet, so a desk starting up never waits for another. */
	struct calls_due c = { 0 };
	enum db_status r = sweep(d, today, missed_marks, &c);
	if (r == DB_OK && c.ncalls + c.nanswered > 0)
		r = write_calls(d, &c, 0, c.ncalls + c.nanswered);
	count_no_contact(&c);
	*out = c.made;
	calls_due_free(&c);
	return r;
}

enum db_status calls_due_step(struct desk *d, struct date today, struct calls_due *c)
{
	if (c->done)
		return DB_OK;
	enum db_status r;
	int total = c->ncalls + c->nanswered;
	if (!c->swept) {
		r = sweep(d, today, false, c);
		c->swept = r == DB_OK;
		total = c->ncalls + c->nanswered;
	} else {
		int upto = total - c->next > CALLS_DUE_STEP ? c->next + CALLS_DUE_STEP : total;
		if ((r = write_calls(d, c, c->next, upto)) == DB_OK)
			c->next = upto;
	}
	/* Stopped for a key, or another desk held the write lock past the
	 * busy timeout: the same step again next time, so the calls not
	 * written yet are not dropped for the day (a lock held through a
	 * few tries gives way to tomorrow's sweep). */
	if (r == DB_ERR_INTERRUPTED || (r == DB_ERR_BUSY && c->swept && ++c->busy < CALLS_DUE_BUSY_TRIES))
		return r;
	if (r != DB_OK || c->next >= total) {
		c->done = true;
		count_no_contact(c);
		calls_due_free(c);
	}
	return r;
}

/* Activities replayed in one step: a few milliseconds at a large
 * centre. */
enum { REPLAY_ACTIVITIES = 5 };

enum db_status calls_replay_marks_step(struct desk *d, struct date today, struct marks_replay *m)
{
	if (m->done)
		return DB_OK;
	struct plans p = { 0 };
	struct calls_due c = { 0 };
	long long upto = 0;
	enum db_status r = db_begin_read(d->db);
	if (r != DB_OK) {
		m->done = r != DB_ERR_INTERRUPTED;
		return r;
	}
	r = store_registry_activities_after(d->db, m->after_activity, REPLAY_ACTIVITIES, &upto);
	if (r == DB_OK && upto)
		r = sweep_marks(d->db, today, m->after_activity, upto, &p);
	if (r == DB_OK)
		r = keep_missing(d->db, &p, &c);
	free(p.items);
	r = db_end(d->db, r);
	if (r == DB_OK && c.ncalls > 0)
		r = write_calls(d, &c, 0, c.ncalls);
	calls_due_free(&c);
	if (r == DB_ERR_INTERRUPTED)
		return r; /* the same activities again next time */
	m->created += c.made.created;
	m->after_activity = upto;
	m->done = r != DB_OK || upto == 0;
	return r;
}

/* Citizens counted in one step: a few milliseconds of probes. */
enum { NO_CONTACT_COUNT_STEP = 512 };

enum db_status calls_no_contact_count_step(struct desk *d, struct date today, struct no_contact_count *c)
{
	if (c->done)
		return DB_OK;
	enum db_status r = db_begin_read(d->db);
	if (r != DB_OK)
		return r;
	struct centre_settings cs = { 0 };
	long long after = c->after_id, waiting = c->waiting;
	if ((r = settings_read(d, &cs)) == DB_OK) {
		char now[DATE_ISO_LEN], cutoff[DATE_ISO_LEN];
		date_format_iso(today, now);
		iso_days_before(today, 7L * cs.no_contact_weeks, cutoff);
		r = store_calls_idle_count(d->db, now, cutoff, &after, NO_CONTACT_COUNT_STEP, &waiting);
	}
	if ((r = db_end(d->db, r)) == DB_ERR_INTERRUPTED)
		return r; /* the same citizens again next time */
	c->after_id = after;
	c->waiting = waiting;
	/* The screen says "99+" past COUNT_SHOWN_MAX, less the calls the
	 * day makes: counting on would read the rest of the centre for
	 * nothing it shows. */
	if (r != DB_OK || c->after_id == 0 || c->waiting > COUNT_SHOWN_MAX + cs.no_contact_per_day)
		c->done = true;
	return r;
}

enum db_status calls_no_contact_waiting(struct desk *d, struct date today, long long *waiting)
{
	struct no_contact_count c = { 0 };
	enum db_status r = DB_OK;
	while (!c.done)
		r = calls_no_contact_count_step(d, today, &c);
	*waiting = r == DB_OK ? c.waiting : 0;
	return r;
}

/* ---------- one call ---------- */

/* Calls to the citizen not reached in a row, up to now. */
static enum db_status not_reached_run(struct desk *d, long long citizen_id, int *run)
{
	struct call_past past[CALL_PAST_MAX];
	int n = 0;
	enum db_status r = store_calls_recent_outcomes(d->db, citizen_id, past, CALL_PAST_MAX, &n);
	*run = r == DB_OK ? call_rule_not_reached_run(past, n) : 0;
	return r;
}

enum db_status calls_card(struct desk *d, long long call_id, struct call_card *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = store_calls_card(d->db, call_id, out);
	if (r == DB_OK)
		r = not_reached_run(d, out->call.citizen_id, &out->not_reached);
	/* The card tells about the citizen's course and health: every look
	 * is in the log. */
	if (r == DB_OK)
		r = desk_audit(d, "view", "citizen", out->call.citizen_id, "call");
	return desk_end(d, r);
}

enum db_status calls_card_reload(struct desk *d, long long call_id, struct call_card *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = store_calls_card(d->db, call_id, out);
	if (r == DB_OK)
		r = not_reached_run(d, out->call.citizen_id, &out->not_reached);
	return desk_end(d, r);
}

/* What the referrer was told: only on a feedback call, and only when the
 * citizen agreed (checked here too: the law does not rest on the screen). */
static enum db_status record_feedback(struct desk *d, const struct call_state *call, const struct call_outcome *o)
{
	struct call_feedback_target to;
	enum db_status r = store_calls_feedback_target(d->db, call->citizen_id, &to);
	if (r != DB_OK)
		return r;
	if (!to.referral_id || !call_rule_feedback_allowed(call->reason, to.consent))
		return DB_ERR_CONSTRAINT;
	long long id = 0;
	r = store_calls_feedback_add(d->db, to.referral_id, call->citizen_id, o->call_id, o->today, o->told_referrer,
				     d->user, &id);
	return r != DB_OK ? r : desk_audit(d, "create", "referrer_feedback", id, NULL);
}

/* The agreed call replaces any agreed call still open: the citizen
 * expects one call, on the day agreed last. */
static enum db_status write_next_call(struct desk *d, const struct call_new *next, long long *id)
{
	enum db_status r = store_calls_replace_agreed(d->db, next->citizen_id);
	if (r == DB_OK)
		r = store_calls_insert(d->db, next, id);
	if (r == DB_OK && !*id)
		r = DB_ERR_CONFLICT; /* its key is the recorded call's: taken means recorded */
	return r != DB_OK ? r : desk_audit(d, "create", "follow_up", *id, next->source_key);
}

/* What a handover or the end of the course changes besides the call:
 * after the call is recorded, so the end of a match does not withdraw
 * the very call (a match's own) as if it were open. */
static enum db_status next_step_effects(struct desk *d, long long citizen_id, const struct call_outcome *o,
					const char *end_reason, long long next_call_id)
{
	enum db_status r;
	if (strcmp(o->next_step, CALL_NEXT_HANDOVER) == 0) {
		r = store_calls_handover(d->db, citizen_id, o->today, o->handover_to, o->note, d->user);
		if (r == DB_OK)
			r = calls_plan_citizen_within(d, citizen_id, NULL);
	} else if (strcmp(o->next_step, CALL_NEXT_END_COURSE) == 0)
		r = citizens_course_ended_within(d, citizen_id, o->today, end_reason, o->call_id, next_call_id);
	else
		return DB_OK;
	return r != DB_OK ? r : desk_audit(d, "update", "citizen", citizen_id, o->next_step);
}

/* Calls not reached three times in a row raise the citizen to the
 * coordinator; reaching them settles it. */
static enum db_status escalation(struct desk *d, const struct call_state *call, const struct call_outcome *o,
				 struct call_entry_result *out)
{
	bool raised = false;
	enum db_status r = not_reached_run(d, call->citizen_id, &out->not_reached);
	if (r == DB_OK)
		r = store_calls_escalation_open(d->db, call->citizen_id, &raised);
	if (r != DB_OK)
		return r;
	long long id = 0;
	switch (call_rule_escalation(call->reason, o->outcome, out->not_reached, raised)) {
	case CALL_ESCALATION_RAISE:
		r = store_calls_escalation_raise(d->db, call->citizen_id, o->call_id, out->not_reached, o->today,
						 d->user, &id);
		if (r == DB_OK)
			r = desk_audit(d, "create", "call_escalation", id, NULL);
		out->escalated = r == DB_OK;
		return r;
	case CALL_ESCALATION_SETTLE:
		r = store_calls_escalation_resolve(d->db, call->citizen_id, o->today, o->note, d->user);
		if (r == DB_OK)
			r = desk_audit(d, "update", "call_escalation", call->citizen_id, "settled by a call");
		out->settled = r == DB_OK;
		return r;
	case CALL_ESCALATION_KEEP:
		break;
	}
	return DB_OK;
}

enum db_status calls_record_outcome(struct desk *d, const struct call_entry *in, struct call_entry_result *out)
{
	memset(out, 0, sizeof *out);
	struct call_outcome o = in->outcome;
	struct date today = date_today();
	date_format_iso(today, o.today);
	bool has_next = call_rule_needs_date(o.outcome, o.next_step);
	bool end_course = strcmp(o.next_step, CALL_NEXT_END_COURSE) == 0;
	if (!call_rule_next_step_fits(o.outcome, o.next_step))
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	struct call_state call;
	struct call_new next;
	bool contact = false;
	r = store_calls_state(d->db, o.call_id, &call);
	/* Recorded or cancelled at another desk meanwhile. */
	if (r == DB_OK && strcmp(call.status, "open") != 0)
		r = DB_ERR_CONFLICT;
	/* Going on their own needs a match open: counted before anything is
	 * written. */
	struct match_row matches[MATCHES_MAX];
	int nmatches = 0, open = 0;
	if (r == DB_OK && call_rule_match_end(o.next_step))
		r = store_matching_citizen_matches(d->db, call.citizen_id, matches, MATCHES_MAX, &nmatches);
	for (int i = 0; i < nmatches; i++)
		open += !matches[i].ended_on[0];
	if (r == DB_OK && !call_rule_next_step_has_match(o.next_step, open))
		r = DB_ERR_INVALID;
	if (r == DB_OK && has_next)
		r = store_consent_in_force(d->db, call.citizen_id, consent_purpose_code(CONSENT_CONTACT), &contact);
	if (r == DB_OK && has_next
	    && !call_rule_agreed(o.call_id, call.citizen_id, in->responsible, in->next_on, in->next_time, contact, today,
				 &next))
		r = DB_ERR_CONSTRAINT;
	/* The audit line for it is next_step_effects'. */
	if (r == DB_OK && end_course) {
		r = store_citizens_end(d->db, call.citizen_id, in->citizen_version, o.today, in->end_reason);
		out->course_ended = r == DB_OK;
	}
	if (r == DB_OK && o.told_referrer[0])
		r = record_feedback(d, &call, &o);
	if (r == DB_OK)
		r = store_calls_mark_done(d->db, &o, d->user);
	if (r == DB_OK)
		r = desk_audit(d, "update", "follow_up", o.call_id, o.outcome);
	if (r == DB_OK && has_next)
		r = write_next_call(d, &next, &out->next_call_id);
	if (r == DB_OK)
		r = next_step_effects(d, call.citizen_id, &o, in->end_reason, out->next_call_id);
	const char *match_outcome = call_rule_match_end(o.next_step);
	if (r == DB_OK && match_outcome)
		r = matching_end_open_within(d, call.citizen_id, o.today, match_outcome, o.note[0] ? o.note : NULL, NULL);
	if (r == DB_OK)
		r = escalation(d, &call, &o, out);
	if (r == DB_OK)
		r = kept_draft_drop_within(d, DRAFT_CALL, o.call_id, true);
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

enum db_status calls_relative_wish_within(struct desk *d, long long citizen_id, bool wanted, bool wants,
					  bool *planned)
{
	if (planned)
		*planned = false;
	if (wanted == wants)
		return DB_OK;
	struct call_new call;
	bool changed = false;
	enum db_status r;
	if (wants) {
		struct call_relative_fact f = { .citizen_id = citizen_id, .wants_support = true };
		struct date today = date_today();
		date_format_iso(today, f.wished_on);
		if (!call_rule_relative_support(&f, today, &call))
			return DB_OK;
		r = store_calls_plan(d->db, &call, &changed);
	} else {
		call_rule_relative_key(citizen_id, call.source_key);
		r = store_calls_withdraw(d->db, call.source_key, &changed);
	}
	if (r != DB_OK || !changed)
		return r;
	if (planned)
		*planned = wants;
	return desk_audit(d, "update", "citizen", citizen_id,
			  wants ? "follow-up call planned: relative support" : "follow-up call withdrawn: relative support");
}

enum db_status calls_plan_citizen_within(struct desk *d, long long citizen_id, int *planned)
{
	if (planned)
		*planned = 0;
	/* A partner's citizen shared with this centre is followed up by
	 * their own centre's rules (as write_calls). */
	enum db_status r = desk_owns_citizen(d, citizen_id);
	if (r != DB_OK)
		return r == DB_ERR_NOTFOUND ? DB_OK : r;
	struct plans p = { 0 };
	struct date today = date_today();
	r = plan_matches(d->db, citizen_id, today, &p);
	if (r == DB_OK)
		r = plan_feedback(d->db, citizen_id, today, &p);
	for (int i = 0; r == DB_OK && i < p.count; i++) {
		bool changed = false;
		r = store_calls_plan(d->db, &p.items[i], &changed);
		if (r == DB_OK && changed) {
			char detail[120];
			snprintf(detail, sizeof detail, "follow-up call planned %s", p.items[i].source_key);
			r = desk_audit(d, "update", "citizen", citizen_id, detail);
			if (planned)
				++*planned;
		}
	}
	free(p.items);
	return r;
}

enum db_status calls_cancel(struct desk *d, long long call_id, const char *why)
{
	if (!call_rule_cancel_reason_ok(why))
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = store_calls_cancel(d->db, call_id, why, d->user);
	if (r == DB_OK)
		r = desk_audit(d, "update", "follow_up", call_id, "cancelled");
	/* An outcome kept of a call no longer made is nobody's work now. */
	if (r == DB_OK)
		r = kept_draft_drop_within(d, DRAFT_CALL, call_id, true);
	return desk_end(d, r);
}

enum db_status calls_escalation_handled(struct desk *d, long long citizen_id, const char *what)
{
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	char today[DATE_ISO_LEN];
	date_format_iso(date_today(), today);
	r = store_calls_escalation_resolve(d->db, citizen_id, today, what, d->user);
	if (r == DB_OK)
		r = desk_audit(d, "update", "call_escalation", citizen_id, "handled");
	return desk_end(d, r);
}
