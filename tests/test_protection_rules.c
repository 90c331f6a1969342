/* The data-protection rules (src/protection_rules.c), each on its own:
 * what a consent allows and what withdrawing it does, months back from a
 * day, the retention rule's cases with a fixed day, age bands and the
 * modes of private files. Today is Thursday 26-11-2026. */
#include <stdio.h>
#include <string.h>

#include "protection_rules.h"
#include "tap.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static const struct date today = { 2026, 11, 26 };
static const struct retention_settings standard = { .course_months = 12, .referral_months = 6, .audit_months = 24 };

static void consent(void)
{
	TAP_STR_EQ(consent_purpose_code(CONSENT_CONTACT), "volunteer_contact", "contact is stored as volunteer_contact");
	TAP_INT_EQ(consent_purpose_from_code("measures"), CONSENT_MEASURES, "and measures back");
	TAP_INT_EQ(consent_purpose_from_code("marketing"), -1, "an unknown purpose is none");
	TAP_CHECK(consent_rule_call_allowed("no_contact", true, false), "a call to the citizen with consent to contact");
	TAP_CHECK(!consent_rule_call_allowed("missed_sessions", false, true), "none without it");
	TAP_CHECK(consent_rule_call_allowed("referrer_feedback", false, true), "the referrer needs consent to feedback");
	TAP_INT_EQ(consent_rule_withdrawal(CONSENT_REGISTRATION), CONSENT_WITHDRAW_ANONYMISE,
		   "withdrawing registration anonymises");
	TAP_INT_EQ(consent_rule_withdrawal(CONSENT_CONTACT), CONSENT_WITHDRAW_CANCEL_CALLS,
		   "withdrawing contact cancels the calls to the citizen");
	TAP_INT_EQ(consent_rule_withdrawal(CONSENT_FEEDBACK), CONSENT_WITHDRAW_CANCEL_FEEDBACK,
		   "withdrawing feedback cancels the call to the referrer");
	TAP_INT_EQ(consent_rule_withdrawal(CONSENT_MEASURES), CONSENT_WITHDRAW_ONLY, "withdrawing measures: no new answers");
}

static void months(void)
{
	char iso[DATE_ISO_LEN];
	date_format_iso(protection_months_before(today, 12), iso);
	TAP_STR_EQ(iso, "2025-11-26", "twelve months before");
	date_format_iso(protection_months_before(today, 6), iso);
	TAP_STR_EQ(iso, "2026-05-26", "six months before");
	date_format_iso(protection_months_before((struct date){ 2026, 3, 31 }, 1), iso);
	TAP_STR_EQ(iso, "2026-02-28", "a month before 31 March is the last of February");
	date_format_iso(protection_months_before((struct date){ 2028, 3, 31 }, 1), iso);
	TAP_STR_EQ(iso, "2028-02-29", "in a leap year its 29th");
	date_format_iso(protection_months_before((struct date){ 2026, 1, 15 }, 25), iso);
	TAP_STR_EQ(iso, "2023-12-15", "across years");
	retention_rule_audit_cutoff(today, &standard, iso);
	TAP_STR_EQ(iso, "2024-11-26", "audit entries before two years ago go");
	retention_rule_part_cutoff(today, &standard, RETENTION_ENDED, iso);
	TAP_STR_EQ(iso, "2025-11-26", "courses ended are read up to twelve months back");
	retention_rule_part_cutoff(today, &standard, RETENTION_WAITING, iso);
	TAP_STR_EQ(iso, "2026-05-26", "those never followed up up to six");
	retention_rule_part_cutoff(today, &standard, RETENTION_REFERRALS, iso);
	TAP_STR_EQ(iso, "2026-05-26", "so are referrals without a citizen");
	retention_rule_part_cutoff(today, &standard, RETENTION_AUDIT, iso);
	TAP_STR_EQ(iso, "2024-11-26", "and the audit log up to twenty-four");
}

static struct retention_fact ended(const char *on, const char *seen)
{
	struct retention_fact f = { .citizen_id = 1, .ended = true, .followed_up = true };
	SET(f.ended_on, on);
	SET(f.last_seen_on, seen);
	SET(f.referred_on, "2024-01-10");
	return f;
}

static struct retention_fact waiting(const char *referred, bool followed_up)
{
	struct retention_fact f = { .citizen_id = 2, .followed_up = followed_up };
	SET(f.referred_on, referred);
	return f;
}

static void retention(void)
{
	struct retention_fact f = ended("2025-11-26", "");
	TAP_CHECK(retention_rule_anonymise(&f, today, &standard), "a course that ended twelve months ago today");
	f = ended("2025-11-27", "");
	TAP_CHECK(!retention_rule_anonymise(&f, today, &standard), "a day less: kept");
	f = ended("2025-06-01", "2025-05-20");
	TAP_CHECK(retention_rule_anonymise(&f, today, &standard), "ended and not seen since");
	f = ended("2025-06-01", "2026-02-03");
	TAP_CHECK(!retention_rule_anonymise(&f, today, &standard), "ended, but came to a session this year: kept");
	f = ended("2025-06-01", "2025-05-20");
	f.enrolled = true;
	TAP_CHECK(!retention_rule_anonymise(&f, today, &standard), "still on an activity's roll: never");
	struct retention_settings shorter = standard;
	shorter.course_months = 3;
	f = ended("2026-08-01", "");
	TAP_CHECK(retention_rule_anonymise(&f, today, &shorter), "the months are the centre's setting");

	f = waiting("2026-05-26", false);
	TAP_CHECK(retention_rule_anonymise(&f, today, &standard), "a referral never followed up for six months");
	f = waiting("2026-05-27", false);
	TAP_CHECK(!retention_rule_anonymise(&f, today, &standard), "a day less: kept");
	f = waiting("2025-01-10", true);
	TAP_CHECK(!retention_rule_anonymise(&f, today, &standard), "followed up and still going: kept");
	f = waiting("", false);
	TAP_CHECK(!retention_rule_anonymise(&f, today, &standard), "no referral date: nothing to count from");

	struct retention_referral r = { .referral_id = 5 };
	SET(r.referred_on, "2026-05-01");
	TAP_CHECK(retention_rule_strip_referral(&r, today, &standard), "a referral without a citizen loses its referrer");
	SET(r.referred_on, "2026-10-01");
	TAP_CHECK(!retention_rule_strip_referral(&r, today, &standard), "not yet when it is recent");
}

static void bands(void)
{
	char band[AGE_BAND_LEN];
	protection_age_band(1960, 2025, band);
	TAP_STR_EQ(band, "65-74", "65 in 2025");
	protection_age_band(1961, 2025, band);
	TAP_STR_EQ(band, "55-64", "64 in 2025");
	protection_age_band(2000, 2025, band);
	TAP_STR_EQ(band, "25-34", "25");
	protection_age_band(2006, 2025, band);
	TAP_STR_EQ(band, "18-24", "19");
	protection_age_band(1940, 2025, band);
	TAP_STR_EQ(band, "75+", "85");
	protection_age_band(0, 2025, band);
	TAP_STR_EQ(band, "", "no birth year, no band");
}

static void modes(void)
{
	TAP_INT_EQ(protection_file_mode(0644), 0600, "0644 becomes 0600");
	TAP_INT_EQ(protection_file_mode(0666), 0600, "0666 too");
	TAP_INT_EQ(protection_file_mode(0600), 0600, "0600 stays");
	TAP_INT_EQ(protection_file_mode(0400), 0400, "a file made read-only stays so");
	TAP_INT_EQ(protection_file_mode(0444), 0400, "for its owner alone");
	TAP_INT_EQ(protection_file_mode(0044), 0400, "and its owner reads it");
	TAP_INT_EQ(protection_file_mode(0200), 0200, "a private file is left as it is");
	TAP_INT_EQ(protection_folder_mode(0755), 0700, "a folder 0755 becomes 0700");
	TAP_INT_EQ(protection_folder_mode(0700), 0700, "0700 stays");
}

int main(void)
{
	consent();
	months();
	retention();
	bands();
	modes();
	return tap_done();
}
