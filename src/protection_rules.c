/* protection_rules.c — the rules of protection_rules.h. */
#include "protection_rules.h"

#include <stdio.h>
#include <string.h>

static const char *const purpose_codes[CONSENT_PURPOSES] = {
	[CONSENT_REGISTRATION] = "registration",
	[CONSENT_CONTACT] = "volunteer_contact",
	[CONSENT_FEEDBACK] = "referrer_feedback",
	[CONSENT_MEASURES] = "measures",
};

const char *consent_purpose_code(enum consent_purpose p)
{
	return (int)p >= 0 && p < CONSENT_PURPOSES ? purpose_codes[p] : "";
}

int consent_purpose_from_code(const char *code)
{
	for (int i = 0; code && i < CONSENT_PURPOSES; i++)
		if (strcmp(code, purpose_codes[i]) == 0)
			return i;
	return -1;
}

bool consent_rule_call_allowed(const char *reason, bool contact, bool feedback)
{
	if (reason && strcmp(reason, "referrer_feedback") == 0)
		return feedback;
	return contact;
}

enum consent_withdrawal consent_rule_withdrawal(enum consent_purpose p)
{
	switch (p) {
	case CONSENT_REGISTRATION:
		return CONSENT_WITHDRAW_ANONYMISE;
	case CONSENT_CONTACT:
		return CONSENT_WITHDRAW_CANCEL_CALLS;
	case CONSENT_FEEDBACK:
		return CONSENT_WITHDRAW_CANCEL_FEEDBACK;
	case CONSENT_MEASURES:
	case CONSENT_PURPOSES:
		break;
	}
	return CONSENT_WITHDRAW_ONLY;
}

/* ---------- retention ---------- */

static int days_in_month(int year, int month)
{
	struct date first = { year, month, 1 };
	struct date next = month == 12 ? (struct date){ year + 1, 1, 1 } : (struct date){ year, month + 1, 1 };
	return (int)(date_to_days(next) - date_to_days(first));
}

struct date protection_months_before(struct date today, int months)
{
	int index = today.year * 12 + (today.month - 1) - (months > 0 ? months : 0);
	struct date d = { index / 12, index % 12 + 1, today.day };
	int last = days_in_month(d.year, d.month);
	if (d.day > last)
		d.day = last;
	return d;
}

/* Whether the ISO day `iso` lies `months` or more before today. */
static bool at_least_months_ago(const char *iso, struct date today, int months)
{
	struct date d;
	if (!iso || !iso[0] || !date_parse_iso(iso, &d))
		return false;
	return date_to_days(d) <= date_to_days(protection_months_before(today, months));
}

bool retention_rule_anonymise(const struct retention_fact *f, struct date today, const struct retention_settings *s)
{
	if (f->enrolled)
		return false;
	if (f->ended)
		return at_least_months_ago(f->ended_on, today, s->course_months)
			&& (!f->last_seen_on[0] || at_least_months_ago(f->last_seen_on, today, s->course_months));
	return !f->followed_up && at_least_months_ago(f->referred_on, today, s->referral_months);
}

bool retention_rule_strip_referral(const struct retention_referral *f, struct date today,
				   const struct retention_settings *s)
{
	return at_least_months_ago(f->referred_on, today, s->referral_months);
}

void retention_rule_audit_cutoff(struct date today, const struct retention_settings *s, char out[DATE_ISO_LEN])
{
	date_format_iso(protection_months_before(today, s->audit_months), out);
}

void retention_rule_part_cutoff(struct date today, const struct retention_settings *s, enum retention_part part,
				char out[DATE_ISO_LEN])
{
	int months = part == RETENTION_ENDED ? s->course_months
		   : part == RETENTION_AUDIT ? s->audit_months
					     : s->referral_months;
	date_format_iso(protection_months_before(today, months), out);
}

/* ---------- anonymising ---------- */

void protection_age_band(int birth_year, int year, char out[AGE_BAND_LEN])
{
	static const struct {
		int from;
		const char *band;
	} bands[] = {
		{ 75, "75+" }, { 65, "65-74" }, { 55, "55-64" }, { 45, "45-54" },
		{ 35, "35-44" }, { 25, "25-34" }, { 18, "18-24" }, { 0, "0-17" },
	};
	out[0] = '\0';
	if (birth_year <= 0 || year < birth_year)
		return;
	int age = year - birth_year;
	for (size_t i = 0; i < sizeof bands / sizeof bands[0]; i++) {
		if (age >= bands[i].from) {
			snprintf(out, AGE_BAND_LEN, "%s", bands[i].band);
			return;
		}
	}
}

/* ---------- files ---------- */

mode_t protection_file_mode(mode_t mode)
{
	return mode & 077 ? (mode & 0700) | 0400 : mode;
}

mode_t protection_folder_mode(mode_t mode)
{
	return (mode & 0700) | 0700;
}
