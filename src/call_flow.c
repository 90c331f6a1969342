/* call_flow.c — runs the call rules over the database, and records an
 * outcome with what follows from it. */
#include "call_flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance_rules.h"
#include "store_citizens.h"
#include "desk.h"
#include "matching.h"
#include "store_matching.h"
#include "store_settings.h"

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

static enum db_status sweep_matches(struct db *db, struct date today, struct plans *p)
{
	char from[DATE_ISO_LEN];
	/* A first session can come a while after the match. */
	iso_days_before(today, 2 * CALL_LOOKBACK_DAYS, from);
	struct call_match_fact *facts;
	int n;
	enum db_status r = store_calls_match_facts(db, from, &facts, &n);
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

static enum db_status sweep_marks(struct db *db, struct date today, struct plans *p)
{
	char context[DATE_ISO_LEN], window[DATE_ISO_LEN], now[DATE_ISO_LEN];
	iso_days_before(today, CALL_LOOKBACK_DAYS + CALL_MARK_CONTEXT_DAYS, context);
	iso_days_before(today, CALL_LOOKBACK_DAYS, window);
	date_format_iso(today, now);
	struct call_mark_fact *marks;
	int n;
	enum db_status r = store_calls_mark_facts(db, context, window, now, &marks, &n);
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

static enum db_status sweep_feedback(struct db *db, struct date today, struct plans *p)
{
	char from[DATE_ISO_LEN];
	iso_days_before(today, CALL_LOOKBACK_DAYS, from);
	struct call_feedback_fact *facts;
	int n;
	enum db_status r = store_calls_feedback_facts(db, from, &facts, &n);
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

static int setting_int(struct db *db, const char *key, int fallback, int min, int max)
{
	char v[SETTING_MAX];
	if (store_settings_get(db, key, v, sizeof v) != DB_OK)
		return fallback;
	return call_rules_setting(v, fallback, min, max);
}

static enum db_status sweep_no_contact(struct db *db, struct date today, struct plans *p,
				       struct call_sweep *out)
{
	out->no_contact_weeks = setting_int(db, SETTING_NO_CONTACT_WEEKS, NO_CONTACT_WEEKS_DEFAULT, 1, 52);
	out->no_contact_per_day = setting_int(db, SETTING_NO_CONTACT_PER_DAY, NO_CONTACT_PER_DAY_DEFAULT, 0, 1000);
	char now[DATE_ISO_LEN], cutoff[DATE_ISO_LEN];
	date_format_iso(today, now);
	iso_days_before(today, 7L * out->no_contact_weeks, cutoff);
	long long made_today = 0;
	enum db_status r = store_calls_no_contact_on(db, now, &made_today);
	if (r != DB_OK)
		return r;
	int quota = out->no_contact_per_day - (int)made_today;
	if (quota <= 0)
		return DB_OK;
	struct call_idle_fact *facts;
	int n;
	long long total = 0;
	if ((r = store_calls_idle_facts(db, now, cutoff, quota, &facts, &n, &total)) != DB_OK)
		return r;
	int planned = 0;
	for (int i = 0; i < n; i++) {
		struct call_new *room = plans_room(p, 1);
		if (!room) {
			r = DB_ERR_IO;
			break;
		}
		if (call_rule_no_contact(&facts[i], today, out->no_contact_weeks, room)) {
			p->count++;
			planned++;
		}
	}
	free(facts);
	out->no_contact_waiting = total > planned ? total - planned : 0;
	return r;
}

enum db_status call_flow_no_contact_waiting(struct db *db, struct date today, long long *waiting)
{
	*waiting = 0;
	int weeks = setting_int(db, SETTING_NO_CONTACT_WEEKS, NO_CONTACT_WEEKS_DEFAULT, 1, 52);
	char now[DATE_ISO_LEN], cutoff[DATE_ISO_LEN];
	date_format_iso(today, now);
	iso_days_before(today, 7L * weeks, cutoff);
	struct call_idle_fact *facts = NULL;
	int n = 0;
	enum db_status r = store_calls_idle_facts(db, now, cutoff, 0, &facts, &n, waiting);
	free(facts);
	return r;
}

enum db_status call_flow_sweep(struct db *db, db_user_id actor, struct date today, bool missed_marks,
			       struct call_sweep *out)
{
	memset(out, 0, sizeof *out);
	out->no_contact_waiting = -1;
	struct plans p = { 0 };
	enum db_status r = sweep_matches(db, today, &p);
	if (r == DB_OK && missed_marks)
		r = sweep_marks(db, today, &p);
	if (r == DB_OK)
		r = sweep_feedback(db, today, &p);
	int before_no_contact = p.count;
	if (r == DB_OK)
		r = sweep_no_contact(db, today, &p, out);
	int no_contact_planned = p.count - before_no_contact;
	if (r == DB_OK) {
		int n = call_rules_unique(p.items, p.count);
		r = store_calls_create(db, actor, p.items, n, &out->created);
		out->no_contact_created = no_contact_planned < out->created ? no_contact_planned : out->created;
	}
	free(p.items);
	return r;
}

/* One match ended as the matching screen ends it (matching_end_within:
 * the enrolment, the calls it planned), with the same audit records. */
static enum db_status end_match(struct desk *d, long long match_id, const char *today, const char *outcome,
				const char *reason)
{
	enum db_status r = db_begin(d->db);
	if (r != DB_OK)
		return r;
	long long citizen_id = 0;
	r = matching_end_within(d, match_id, today, outcome, reason, &citizen_id);
	if (r == DB_OK)
		r = desk_audit(d, "update", "match", match_id, outcome);
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", citizen_id, "match ended");
	return db_end(d->db, r);
}

/* A new match wanted, or the citizen goes alone now: the open matches
 * end as the matching screen ends them (enrolments, calls they planned). */
static enum db_status end_matches(struct db *db, db_user_id actor, const struct call_flow_input *in)
{
	/* Transitional until this flow is a use case: who acts, for the
	 * audit records. */
	struct desk d = { .db = db, .user = actor };
	const struct call_outcome *o = &in->outcome;
	const char *outcome = strcmp(o->next_step, CALL_NEXT_NEW_MATCH) == 0 ? "did_not_work"
		: strcmp(o->next_step, CALL_NEXT_ON_OWN) == 0 ? "on_own" : NULL;
	if (!outcome)
		return DB_OK;
	struct match_row rows[16];
	int n = 0;
	enum db_status r = store_matching_citizen_matches(db, in->citizen_id, rows, 16, &n);
	for (int i = 0; r == DB_OK && i < n; i++)
		if (!rows[i].ended_on[0])
			r = end_match(&d, rows[i].id, o->today, outcome, o->note[0] ? o->note : NULL);
	return r;
}

bool call_flow_needs_date(const char *outcome, const char *next_step)
{
	return (outcome && strcmp(outcome, "call_back") == 0)
		|| (next_step && strcmp(next_step, CALL_NEXT_NEW_CALL) == 0);
}

enum db_status call_flow_record(struct db *db, db_user_id actor, const struct call_flow_input *in,
				struct call_flow_result *out)
{
	memset(out, 0, sizeof *out);
	const struct call_outcome *o = &in->outcome;
	struct date today;
	if (!date_parse_iso(o->today, &today))
		return DB_ERR_MISUSE;
	struct call_new next;
	bool has_next = call_flow_needs_date(o->outcome, o->next_step);
	if (has_next && !call_rule_agreed(o->call_id, in->citizen_id, in->responsible, in->next_on, in->next_time,
					  today, &next))
		return DB_ERR_CONSTRAINT;
	enum db_status r;
	if (strcmp(o->next_step, CALL_NEXT_END_COURSE) == 0) {
		if ((r = store_citizens_end(db, in->citizen_id, in->citizen_version, o->today, in->end_reason)) != DB_OK)
			return r;
		if ((r = store_audit_record(db, actor, NULL, "update", "citizen", in->citizen_id, "end")) != DB_OK)
			return r;
		out->course_ended = true;
	}
	if ((r = store_calls_record(db, actor, o, has_next ? &next : NULL, &out->recorded)) != DB_OK)
		return r;
	if ((r = end_matches(db, actor, in)) != DB_OK)
		return r;
	/* A call to the referrer says nothing about reaching the citizen. */
	if (strcmp(out->recorded.reason, "referrer_feedback") == 0)
		return r;
	if (call_rule_escalate(out->recorded.not_reached)) {
		r = store_calls_escalation_raise(db, actor, in->citizen_id, o->call_id, out->recorded.not_reached, o->today,
					   &out->escalated);
	} else if (call_rule_escalation_settled(o->outcome)) {
		r = store_calls_escalation_resolve(db, actor, in->citizen_id, o->today, o->note);
		out->settled = r == DB_OK;
		if (r == DB_ERR_NOTFOUND)
			r = DB_OK;
	}
	return r;
}
