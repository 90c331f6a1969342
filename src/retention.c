/* retention.c — the retention rule (retention.h). */
#include "retention.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anonymise.h"
#include "db.h"
#include "protection_rules.h"
#include "settings.h"
#include "store_protection.h"
#include "store_settings.h"

/* The day the rule last ran, so it runs once a day. */
#define KEY_LAST_RUN "retention_last_run"

static enum db_status stored_settings(struct desk *d, struct retention_settings *s)
{
	struct centre_settings cs;
	enum db_status r = settings_read(d, &cs);
	*s = (struct retention_settings){
		.course_months = cs.retention_course_months,
		.referral_months = cs.retention_referral_months,
		.audit_months = cs.retention_audit_months,
	};
	return r;
}

/* What one step of the daily pass reads at most. A key stops a step
 * (daily_step_unless) but not its commit: a step anonymises one citizen
 * at most (stretch), so the commit a key may wait for stays short. */
enum { RETENTION_STEP_ROWS = 8 };

/* Old audit entries removed at most in one step: each has a page of
 * audit_log_entity of its own, so 16 write some 20 pages, less than
 * one citizen anonymised. */
enum { RETENTION_STEP_AUDIT = 16 };

/* The rule from `at` on, reading at most `budget` candidates (INT_MAX:
 * to the end); with `apply` it also acts. Moves `at` past what it read
 * and adds what it found to `out`. Inside the caller's transaction. */
static enum db_status stretch(struct desk *d, const struct retention_settings *s, struct date today, bool apply,
			      struct retention_cursor *at, int budget, struct retention_result *out)
{
	char before[DATE_ISO_LEN], now[DATE_ISO_LEN];
	date_format_iso(today, now);
	retention_rule_audit_cutoff(today, s, out->audit_before);
	enum db_status r = DB_OK;
	bool step = budget != INT_MAX, anonymised = false;
	while (r == DB_OK && at->part != RETENTION_DONE && budget > 0 && !anonymised) {
		enum retention_part part = at->part;
		int n = 0;
		retention_rule_part_cutoff(today, s, part, before);
		if (at->part == RETENTION_ENDED || at->part == RETENTION_WAITING) {
			struct retention_fact *facts = NULL;
			r = store_retention_facts(d->db, before, at, budget, &facts, &n);
			for (int i = 0; r == DB_OK && i < n; i++) {
				if (!retention_rule_anonymise(&facts[i], today, s))
					continue;
				/* A citizen a partner shared with this centre is
				 * its own centre's to forget. */
				if ((r = desk_owns_citizen(d, facts[i].citizen_id)) == DB_ERR_NOTFOUND) {
					r = DB_OK;
					continue;
				}
				out->citizens++;
				if (!apply)
					continue;
				r = anonymise_within(d, facts[i].citizen_id, now);
				/* A step anonymises one citizen: some 30 pages
				 * written, the commit a key may wait for. The
				 * next step reads on after this one (or where
				 * this read left off, past its last fact). */
				anonymised = step;
				if (step && i + 1 < n) {
					*at = (struct retention_cursor){ .part = part, .id = facts[i].citizen_id };
					snprintf(at->on, sizeof at->on, "%s", facts[i].read_on);
					break;
				}
			}
			free(facts);
		} else if (at->part == RETENTION_REFERRALS) {
			struct retention_referral *refs = NULL;
			r = store_retention_referrals(d->db, before, at, budget, &refs, &n);
			for (int i = 0; r == DB_OK && i < n; i++) {
				if (!retention_rule_strip_referral(&refs[i], today, s))
					continue;
				out->referrals++;
				if (apply)
					r = store_retention_strip_referral(d->db, refs[i].referral_id);
			}
			free(refs);
		} else {
			long long k = 0;
			int max = budget == INT_MAX ? 0 : RETENTION_STEP_AUDIT;
			r = apply ? store_audit_delete_before(d->db, out->audit_before, max, &k)
				  : store_audit_count_before(d->db, out->audit_before, &k);
			out->audit_entries += k;
			if (!apply || max == 0 || k < max)
				*at = (struct retention_cursor){ .part = RETENTION_DONE };
			n = budget;
		}
		/* A read that did not finish its part has had its fill. */
		budget = at->part == part ? 0 : budget - n;
	}
	return r;
}

/* The whole rule in one transaction (the caller's). */
static enum db_status run(struct desk *d, const struct retention_settings *s, struct date today, bool apply,
			  struct retention_result *out)
{
	struct retention_cursor at = { 0 };
	return stretch(d, s, today, apply, &at, INT_MAX, out);
}

/* The run in the audit log: numbers only (src/audit.c puts them in
 * words): citizens anonymised, referrals cleared, audit entries removed,
 * and before which day. After the old entries are gone. */
static enum db_status audit_run(struct desk *d, const struct retention_result *done)
{
	char detail[160];
	snprintf(detail, sizeof detail, "%lld %lld %lld %s", done->citizens, done->referrals, done->audit_entries,
		 done->audit_before);
	return desk_audit(d, "delete", "retention", 0, detail);
}

enum db_status retention_preview(struct desk *d, const struct retention_settings *s, struct date today,
				 struct retention_result *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin_read(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	struct retention_settings stored;
	if (!s) {
		r = stored_settings(d, &stored);
		s = &stored;
	}
	if (r == DB_OK)
		r = run(d, s, today, false, out);
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

enum db_status retention_apply(struct desk *d, struct date today, struct retention_result *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	struct retention_settings s;
	char now[DATE_ISO_LEN];
	date_format_iso(today, now);
	if ((r = stored_settings(d, &s)) == DB_OK)
		r = run(d, &s, today, true, out);
	if (r == DB_OK)
		r = store_settings_set(d->db, KEY_LAST_RUN, now);
	if (r == DB_OK)
		r = audit_run(d, out);
	out->ran = r == DB_OK;
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

static void add(struct retention_result *total, const struct retention_result *step)
{
	total->citizens += step->citizens;
	total->referrals += step->referrals;
	total->audit_entries += step->audit_entries;
	memcpy(total->audit_before, step->audit_before, sizeof total->audit_before);
}

enum db_status retention_daily_step(struct desk *d, struct date today, struct retention_pass *p)
{
	if (p->done)
		return DB_OK;
	char now[DATE_ISO_LEN], last[SETTING_MAX];
	date_format_iso(today, now);
	enum db_status r = DB_OK;
	/* The cheap part, every start: one setting read, no write lock. */
	if (!p->begun) {
		p->begun = true;
		if (d->damaged || (r = store_settings_get(d->db, KEY_LAST_RUN, last, sizeof last)) != DB_OK
		    || strcmp(last, now) == 0) {
			p->done = r != DB_ERR_INTERRUPTED;
			p->begun = p->done; /* stopped for a key: read it again */
			return r;
		}
	}
	if ((r = db_begin(d->db)) != DB_OK) {
		p->done = r != DB_ERR_INTERRUPTED;
		return r;
	}
	/* Another desk may have finished the day's pass meanwhile. */
	if ((r = store_settings_get(d->db, KEY_LAST_RUN, last, sizeof last)) != DB_OK || strcmp(last, now) == 0) {
		r = desk_end(d, r);
		p->done = r != DB_ERR_INTERRUPTED;
		return r;
	}
	struct retention_settings s;
	struct retention_cursor at = p->at;
	struct retention_result step = { 0 };
	if ((r = stored_settings(d, &s)) == DB_OK)
		r = stretch(d, &s, today, true, &at, RETENTION_STEP_ROWS, &step);
	bool finished = at.part == RETENTION_DONE;
	if (r == DB_OK && finished)
		r = store_settings_set(d->db, KEY_LAST_RUN, now);
	/* Each step that changed something is in the log, and the last one,
	 * so the log shows the rule ran that day. */
	if (r == DB_OK && (finished || step.citizens || step.referrals || step.audit_entries))
		r = audit_run(d, &step);
	if ((r = desk_end(d, r)) != DB_OK) {
		/* Stopped for a key: the same rows again next time. */
		p->done = r != DB_ERR_INTERRUPTED;
		return r;
	}
	p->at = at;
	add(&p->total, &step);
	p->done = p->total.ran = finished;
	return DB_OK;
}

enum db_status retention_daily(struct desk *d, struct date today, struct retention_result *out)
{
	struct retention_pass p = { 0 };
	enum db_status r = DB_OK;
	while (!p.done)
		r = retention_daily_step(d, today, &p);
	*out = r == DB_OK ? p.total : (struct retention_result){ 0 };
	return r;
}
