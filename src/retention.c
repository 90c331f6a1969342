/* retention.c — the retention rule (retention.h). */
#include "retention.h"

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

/* At program start at most this many are anonymised: the first run at a
 * centre with years of history (thousands, a few milliseconds each) must
 * not hold the desk up. The rest follow at the next starts. */
enum { RETENTION_START_MAX = 500 };

/* The rule over one snapshot; with `apply` it also acts, on at most
 * `limit` citizens (0: all), and out->more says whether some are left.
 * Inside the caller's transaction. */
static enum db_status run(struct desk *d, const struct retention_settings *s, struct date today, bool apply,
			  int limit, struct retention_result *out)
{
	char before[DATE_ISO_LEN], now[DATE_ISO_LEN];
	retention_rule_fact_cutoff(today, s, before);
	date_format_iso(today, now);

	struct retention_fact *facts = NULL;
	int n = 0;
	enum db_status r = store_retention_facts(d->db, before, &facts, &n);
	for (int i = 0; r == DB_OK && i < n; i++) {
		if (!retention_rule_anonymise(&facts[i], today, s))
			continue;
		if (limit && out->citizens == limit) {
			out->more = true;
			break;
		}
		out->citizens++;
		if (apply)
			r = anonymise_within(d, facts[i].citizen_id, now);
	}
	free(facts);

	struct retention_referral *refs = NULL;
	if (r == DB_OK)
		r = store_retention_referrals(d->db, before, &refs, &n);
	for (int i = 0; r == DB_OK && i < n; i++) {
		if (!retention_rule_strip_referral(&refs[i], today, s))
			continue;
		out->referrals++;
		if (apply)
			r = store_retention_strip_referral(d->db, refs[i].referral_id);
	}
	free(refs);

	retention_rule_audit_cutoff(today, s, out->audit_before);
	if (r == DB_OK && apply)
		r = store_audit_delete_before(d->db, out->audit_before, &out->audit_entries);
	else if (r == DB_OK)
		r = store_audit_count_before(d->db, out->audit_before, &out->audit_entries);
	return r;
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
		r = run(d, s, today, false, 0, out);
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

/* Applies the rule inside the caller's write transaction and notes the
 * day, unless citizens are left for the next start; the run is audited
 * after the old entries are gone. */
static enum db_status apply_within(struct desk *d, struct date today, int limit, struct retention_result *out)
{
	struct retention_settings s;
	enum db_status r = stored_settings(d, &s);
	if (r == DB_OK)
		r = run(d, &s, today, true, limit, out);
	char now[DATE_ISO_LEN], detail[160];
	date_format_iso(today, now);
	if (r == DB_OK && !out->more)
		r = store_settings_set(d->db, KEY_LAST_RUN, now);
	/* Numbers only (src/audit.c puts them in words): citizens
	 * anonymised, referrals cleared, audit entries removed, and before
	 * which day. */
	snprintf(detail, sizeof detail, "%lld %lld %lld %s", out->citizens, out->referrals, out->audit_entries,
		 out->audit_before);
	if (r == DB_OK)
		r = desk_audit(d, "delete", "retention", 0, detail);
	out->ran = r == DB_OK;
	return r;
}

enum db_status retention_apply(struct desk *d, struct date today, struct retention_result *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	r = desk_end(d, apply_within(d, today, 0, out));
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

enum db_status retention_daily(struct desk *d, struct date today, struct retention_result *out)
{
	memset(out, 0, sizeof *out);
	if (d->damaged)
		return DB_OK;
	char now[DATE_ISO_LEN], last[SETTING_MAX];
	date_format_iso(today, now);
	/* The cheap part, every start: one setting read, no write lock. */
	enum db_status r = store_settings_get(d->db, KEY_LAST_RUN, last, sizeof last);
	if (r != DB_OK || strcmp(last, now) == 0)
		return r;
	/* The first start today: another desk starting at the same moment
	 * waits for the lock and then finds the rule has run. */
	if ((r = db_begin(d->db)) != DB_OK)
		return r;
	r = store_settings_get(d->db, KEY_LAST_RUN, last, sizeof last);
	if (r == DB_OK && strcmp(last, now) != 0)
		r = apply_within(d, today, RETENTION_START_MAX, out);
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}
