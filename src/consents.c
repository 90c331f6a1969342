/* consents.c — consent per purpose, with its history (consents.h). */
#include "consents.h"

#include <stdio.h>
#include <string.h>

#include "anonymise.h"
#include "calls.h"
#include "citizen_rules.h"
#include "date.h"
#include "protection_rules.h"
#include "store_citizens.h"
#include "store_protection.h"

enum db_status consents_history(struct desk *d, long long citizen_id, struct consent_event *out, int max,
				int *count)
{
	*count = 0;
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = store_consent_history(d->db, citizen_id, out, max, count);
	r = desk_end(d, r);
	if (r != DB_OK)
		*count = 0;
	return r;
}

/* Whether the citizen is there and still a person on record. */
static enum db_status citizen_on_record(struct desk *d, long long citizen_id)
{
	struct citizen_card card;
	enum db_status r = desk_sees_citizen(d, citizen_id);
	if (r == DB_OK)
		r = store_citizens_card(d->db, citizen_id, &card, NULL);
	if (r == DB_OK && card.citizen.anonymised_on[0])
		r = DB_ERR_INVALID;
	return r;
}

/* What the withdrawal of a purpose does to the open calls. */
static enum db_status withdrawal_effects(struct desk *d, long long citizen_id, enum consent_purpose p,
					 struct consent_outcome *out)
{
	enum db_status r = DB_OK;
	switch (consent_rule_withdrawal(p)) {
	case CONSENT_WITHDRAW_CANCEL_FEEDBACK:
		r = store_consent_referral_feedback(d->db, citizen_id, false);
		if (r == DB_OK)
			r = store_consent_cancel_calls(d->db, citizen_id, true, d->user, &out->calls_cancelled);
		break;
	case CONSENT_WITHDRAW_CANCEL_CALLS:
		r = store_consent_cancel_calls(d->db, citizen_id, false, d->user, &out->calls_cancelled);
		break;
	case CONSENT_WITHDRAW_ANONYMISE:
	case CONSENT_WITHDRAW_ONLY:
		break;
	}
	if (r == DB_OK && out->calls_cancelled > 0)
		r = desk_audit(d, "update", "citizen", citizen_id, "calls cancelled: consent withdrawn");
	return r;
}

enum db_status consents_change_within(struct desk *d, long long citizen_id, enum consent_purpose p, bool give,
				      const char *day, struct consent_outcome *out)
{
	memset(out, 0, sizeof *out);
	const char *code = consent_purpose_code(p);
	if (!code[0])
		return DB_ERR_INVALID;
	if (!give && consent_rule_withdrawal(p) == CONSENT_WITHDRAW_ANONYMISE)
		return DB_ERR_INVALID;
	enum db_status r = db_begin(d->db);
	if (r != DB_OK)
		return r;
	bool in_force = false;
	r = citizen_on_record(d, citizen_id);
	if (r == DB_OK)
		r = store_consent_in_force(d->db, citizen_id, code, &in_force);
	if (r == DB_OK && give && !in_force) {
		r = store_consent_give(d->db, citizen_id, code, day, d->user);
		if (r == DB_OK && p == CONSENT_FEEDBACK)
			r = store_consent_referral_feedback(d->db, citizen_id, true);
		out->changed = true;
	} else if (r == DB_OK && !give && in_force) {
		r = store_consent_withdraw(d->db, citizen_id, code, day, d->user, &out->changed);
		if (r == DB_OK)
			r = withdrawal_effects(d, citizen_id, p, out);
	}
	char detail[64];
	snprintf(detail, sizeof detail, "consent %s: %s", give ? "given" : "withdrawn", code);
	if (r == DB_OK && out->changed)
		r = desk_audit(d, "update", "citizen", citizen_id, detail);
	/* A call that waited for this consent is due now. */
	if (r == DB_OK && give && out->changed)
		r = calls_plan_citizen_within(d, citizen_id, &out->calls_planned);
	r = db_end(d->db, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

enum db_status consents_give(struct desk *d, long long citizen_id, enum consent_purpose p, const char *given_on,
			     struct consent_outcome *out)
{
	memset(out, 0, sizeof *out);
	char day[DATE_ISO_LEN];
	date_format_iso(date_today(), day);
	if (given_on && given_on[0]) {
		struct date g;
		if (!date_parse_iso(given_on, &g) || citizen_rule_past_date(g, date_today()) == PAST_DATE_FUTURE)
			return DB_ERR_INVALID;
		date_format_iso(g, day);
	}
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = consents_change_within(d, citizen_id, p, true, day, out);
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

enum db_status consents_withdraw(struct desk *d, long long citizen_id, enum consent_purpose p,
				 struct consent_outcome *out)
{
	memset(out, 0, sizeof *out);
	char today[DATE_ISO_LEN];
	date_format_iso(date_today(), today);
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	if (consent_rule_withdrawal(p) != CONSENT_WITHDRAW_ANONYMISE) {
		r = consents_change_within(d, citizen_id, p, false, today, out);
		r = desk_end(d, r);
		if (r != DB_OK)
			memset(out, 0, sizeof *out);
		return r;
	}
	/* Without consent to registration the person cannot stay on record:
	 * the withdrawal and the anonymising are one. */
	bool in_force = false;
	r = citizen_on_record(d, citizen_id);
	if (r == DB_OK)
		r = store_consent_in_force(d->db, citizen_id, consent_purpose_code(p), &in_force);
	if (r == DB_OK && in_force) {
		r = store_consent_withdraw(d->db, citizen_id, consent_purpose_code(p), today, d->user, &out->changed);
		if (r == DB_OK)
			r = desk_audit(d, "update", "citizen", citizen_id, "consent withdrawn: registration");
		if (r == DB_OK)
			r = anonymise_within(d, citizen_id, today);
		out->anonymised = r == DB_OK;
	}
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}
