/* The rules behind a citizen's card (src/citizen_rules.h), without a
 * database: what an intake keeps, the dates it takes from the referral,
 * the handover, what an edit does to consents and the assessment, the end
 * reasons, the checks on text, the likely duplicate, whose a draft is and
 * the three-way merge of a card two desks saved. */
#include <stdio.h>
#include <string.h>

#include "citizen_rules.h"
#include "model_limits.h"
#include "tap.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static void test_intake(void)
{
	struct citizen_card c;
	memset(&c, 0, sizeof c);
	TAP_CHECK(!citizen_rule_intake_keeps_person(&c.consent), "without consent to registration only the referral");
	c.consent.registration = true;
	TAP_CHECK(citizen_rule_intake_keeps_person(&c.consent), "with it, the person");

	SET(c.referral.referred_on, "2026-11-02");
	SET(c.assessment.outcome, "volunteer_help");
	SET(c.assessment.handover_to, "Socialpsykiatrien");
	SET(c.assessment.handover_on, "2026-11-03");
	citizen_rule_intake_card(&c);
	TAP_STR_EQ(c.consent.given_on, "2026-11-02", "consent dated by the referral when not given");
	TAP_STR_EQ(c.assessment.assessed_on, "2026-11-02", "so is the assessment");
	TAP_STR_EQ(c.assessment.handover_to, "", "volunteer help takes no handover");
	TAP_STR_EQ(c.assessment.handover_on, "", "nor its date");

	memset(&c, 0, sizeof c);
	SET(c.referral.referred_on, "2026-11-02");
	SET(c.consent.given_on, "2026-11-04");
	SET(c.assessment.outcome, "professional_help");
	SET(c.assessment.assessed_on, "2026-11-05");
	SET(c.assessment.handover_to, "Socialpsykiatrien");
	citizen_rule_intake_card(&c);
	TAP_STR_EQ(c.consent.given_on, "2026-11-04", "a consent date given is kept");
	TAP_STR_EQ(c.assessment.assessed_on, "2026-11-05", "so is an assessment date");
	TAP_STR_EQ(c.assessment.handover_to, "Socialpsykiatrien", "professional help keeps its handover");

	memset(&c, 0, sizeof c);
	SET(c.referral.referred_on, "2026-11-02");
	citizen_rule_intake_card(&c);
	TAP_STR_EQ(c.assessment.assessed_on, "", "no assessment, no date");
}

static void test_consents(void)
{
	struct consent now = { .registration = true, .volunteer_contact = true },
		       edited = { .registration = true, .referrer_feedback = true }, give, withdraw;
	citizen_rule_consent_changes(&now, &edited, &give, &withdraw);
	TAP_CHECK(!give.registration && !give.volunteer_contact && give.referrer_feedback, "feedback is given");
	TAP_CHECK(!withdraw.registration && withdraw.volunteer_contact && !withdraw.referrer_feedback,
		  "calls from volunteers are withdrawn");
	citizen_rule_consent_changes(&now, &now, &give, &withdraw);
	TAP_CHECK(!give.registration && !give.volunteer_contact && !give.referrer_feedback
		  && !withdraw.registration && !withdraw.volunteer_contact && !withdraw.referrer_feedback,
		  "nothing changed, nothing to write");

	SET(now.given_on, "2026-11-02");
	SET(edited.given_on, "2026-11-02");
	TAP_CHECK(!citizen_rule_consent_redated(&now, &edited), "the same date");
	SET(edited.given_on, "2026-11-01");
	TAP_CHECK(citizen_rule_consent_redated(&now, &edited), "a corrected date");
	edited.given_on[0] = '\0';
	TAP_CHECK(!citizen_rule_consent_redated(&now, &edited), "a date cleared in the form moves nothing");
}

static void test_assessment(void)
{
	struct assessment now = { .outcome = "volunteer_help", .assessed_on = "2026-11-02" }, edited = now;
	TAP_INT_EQ(citizen_rule_assessment_change(true, &now, &edited), ASSESSMENT_CORRECT, "the same date: in place");
	SET(edited.outcome, "professional_help");
	TAP_INT_EQ(citizen_rule_assessment_change(true, &now, &edited), ASSESSMENT_CORRECT, "a new outcome, same date");
	edited.assessed_on[0] = '\0';
	TAP_INT_EQ(citizen_rule_assessment_change(true, &now, &edited), ASSESSMENT_CORRECT, "no date given: in place");
	SET(edited.assessed_on, "2026-11-20");
	TAP_INT_EQ(citizen_rule_assessment_change(true, &now, &edited), ASSESSMENT_ADD, "a new date: a new assessment");
	TAP_INT_EQ(citizen_rule_assessment_change(false, &now, &edited), ASSESSMENT_ADD, "the first one");
	edited.outcome[0] = '\0';
	TAP_INT_EQ(citizen_rule_assessment_change(true, &now, &edited), ASSESSMENT_REMOVE, "a cleared outcome");
	TAP_INT_EQ(citizen_rule_assessment_change(false, &now, &edited), ASSESSMENT_KEEP, "none before, none now");

	struct assessment a = { .outcome = "", .handover_to = "x", .handover_on = "2026-11-02" };
	citizen_rule_assessment_clean(&a);
	TAP_CHECK(!a.handover_to[0] && !a.handover_on[0], "no outcome takes no handover");
}

static void test_end_reasons(void)
{
	TAP_CHECK(citizen_rule_end_reason("lasting_community"), "lasting community");
	TAP_CHECK(citizen_rule_end_reason("deceased"), "passed away");
	TAP_CHECK(!citizen_rule_end_reason(""), "an end needs a reason");
	TAP_CHECK(!citizen_rule_end_reason(NULL), "NULL is none");
	TAP_CHECK(!citizen_rule_end_reason("bored"), "only the known ones");
}

static const struct date today = { 2026, 11, 26 };

static void test_text(void)
{
	struct citizen_card c;
	memset(&c, 0, sizeof c);
	TAP_CHECK(!citizen_rule_card_ok(&c, today), "a card needs a name");
	SET(c.citizen.name, "Åse Holm");
	TAP_CHECK(citizen_rule_card_ok(&c, today), "a name is enough");
	SET(c.referral.referrer_org, "Lægehuset, 010190-1234");
	TAP_CHECK(!citizen_rule_card_ok(&c, today), "a CPR number anywhere is refused");
	c.referral.referrer_org[0] = '\0';
	char name[NAME_CHARS * 2 + 8];
	for (int i = 0; i < NAME_CHARS; i++)
		memcpy(name + 2 * i, "ø", 2);
	name[2 * NAME_CHARS] = '\0';
	SET(c.citizen.name, name);
	TAP_CHECK(citizen_rule_card_ok(&c, today), "a name of NAME_CHARS characters");

	c.citizen.birth_year = 2008;
	TAP_CHECK(citizen_rule_card_ok(&c, today), "18 this year");
	c.citizen.birth_year = 2009;
	TAP_CHECK(!citizen_rule_card_ok(&c, today), "17 this year is too young");
	c.citizen.birth_year = 0;
	SET(c.referral.referred_on, "2026-11-27");
	TAP_CHECK(!citizen_rule_card_ok(&c, today), "a referral tomorrow has not happened");
	SET(c.referral.referred_on, "2001-01-01");
	TAP_CHECK(citizen_rule_card_ok(&c, today), "long ago is for the form to ask about");
	SET(c.assessment.handover_on, "2027-01-01");
	TAP_CHECK(citizen_rule_card_ok(&c, today), "a handover may be planned for next month");
	SET(c.assessment.handover_on, "2028-01-01");
	TAP_CHECK(!citizen_rule_card_ok(&c, today), "but not more than a year ahead");
	SET(c.referral.referred_on, "2026-11-02");
	SET(c.assessment.handover_on, "2026-10-30");
	TAP_CHECK(!citizen_rule_card_ok(&c, today), "a handover before the referral is refused");
	SET(c.assessment.handover_on, "2026-11-02");
	TAP_CHECK(citizen_rule_card_ok(&c, today), "on the day of the referral it is fine");
	SET(c.referral.referred_on, "2001-01-01");
	c.assessment.handover_on[0] = '\0';

	TAP_CHECK(citizen_rule_note_ok("Ringede selv."), "a note");
	TAP_CHECK(!citizen_rule_note_ok(""), "not an empty one");
	TAP_CHECK(!citizen_rule_note_ok(NULL), "nor none");
	TAP_CHECK(!citizen_rule_note_ok("cpr 0101901234"), "nor one with a CPR number");
	char note[LONG_NOTE_CHARS + 2];
	memset(note, 'x', LONG_NOTE_CHARS + 1);
	note[LONG_NOTE_CHARS + 1] = '\0';
	TAP_CHECK(!citizen_rule_note_ok(note), "nor one too long");
	note[LONG_NOTE_CHARS] = '\0';
	TAP_CHECK(citizen_rule_note_ok(note), "LONG_NOTE_CHARS is the most");

	TAP_CHECK(citizen_rule_pick_name_ok("Strikning"), "an entry");
	TAP_CHECK(!citizen_rule_pick_name_ok(""), "not an empty one");
	char pick[PICK_CHARS + 2];
	memset(pick, 'x', PICK_CHARS + 1);
	pick[PICK_CHARS + 1] = '\0';
	TAP_CHECK(!citizen_rule_pick_name_ok(pick), "nor one too long");
}

static void test_dates(void)
{
	TAP_CHECK(citizen_rule_adult(0, today), "no birth year given");
	TAP_CHECK(citizen_rule_adult(1950, today), "born 1950");
	TAP_CHECK(!citizen_rule_adult(2010, today), "born 2010 is a child");
	TAP_CHECK(!citizen_rule_living(1901, today), "born 1901: nobody living, a typo");
	TAP_CHECK(citizen_rule_living(1921, today) && citizen_rule_living(0, today), "born 1921, or not given: fine");
	TAP_INT_EQ(citizen_rule_past_date(today, today), PAST_DATE_OK, "today");
	TAP_INT_EQ(citizen_rule_past_date((struct date){ 2026, 11, 27 }, today), PAST_DATE_FUTURE, "tomorrow");
	TAP_INT_EQ(citizen_rule_past_date((struct date){ 2016, 1, 1 }, today), PAST_DATE_OK, "ten years back");
	TAP_INT_EQ(citizen_rule_past_date((struct date){ 2015, 12, 31 }, today), PAST_DATE_LONG_AGO, "more than ten");
}

/* The duplicate warning at intake: written another way, a letter off,
 * the same phone under another name. */
static void test_likely_same(void)
{
	TAP_INT_EQ(citizen_rule_likely_same("Soren Oersted", "", "Søren Ørsted", "12 34 56 78"), SAME_PERSON_NAME,
		   "Soren Oersted is Søren Ørsted");
	TAP_INT_EQ(citizen_rule_likely_same("Soeren Orsted", "", "Søren Ørsted", ""), SAME_PERSON_NAME,
		   "Soeren Orsted too");
	TAP_INT_EQ(citizen_rule_likely_same("søren  ØRSTED", "", "Søren Ørsted", ""), SAME_PERSON_NAME,
		   "case and spaces do not count");
	TAP_INT_EQ(citizen_rule_likely_same("Aase Aerboe", "", "Åse Ærbø", ""), SAME_PERSON_NAME, "Aase Aerboe is Åse Ærbø");
	TAP_INT_EQ(citizen_rule_likely_same("Søren Ørstedt", "", "Søren Ørsted", ""), SAME_PERSON_NAME_SLIP,
		   "one letter more: Ørstedt");
	TAP_INT_EQ(citizen_rule_likely_same("Søren Ørsed", "", "Søren Ørsted", ""), SAME_PERSON_NAME_SLIP,
		   "one letter less");
	TAP_INT_EQ(citizen_rule_likely_same("Søren Ørstad", "", "Søren Ørsted", ""), SAME_PERSON_NAME_SLIP,
		   "another letter");
	TAP_INT_EQ(citizen_rule_likely_same("Søren Øsrted", "", "Søren Ørsted", ""), SAME_PERSON_NAME_SLIP,
		   "two letters swapped");
	TAP_INT_EQ(citizen_rule_likely_same("Sørn Ørstedt", "", "Søren Ørsted", ""), SAME_PERSON_NO,
		   "two letters off: another person");
	TAP_INT_EQ(citizen_rule_likely_same("Søren Ørstedt", "87 65 43 21", "Søren Ørsted", "12 34 56 78"),
		   SAME_PERSON_NO, "a letter off and another phone: another person");
	TAP_INT_EQ(citizen_rule_likely_same("Bo Ek", "", "Bo Eg", ""), SAME_PERSON_NO,
		   "short names a letter apart are often two people");
	TAP_INT_EQ(citizen_rule_likely_same("Hanne Jensen", "+45 12 34 56 78", "Søren Ørsted", "12345678"),
		   SAME_PERSON_PHONE, "the same phone under another name");
	TAP_INT_EQ(citizen_rule_likely_same("Hanne Jensen", "0045 1234 5678", "Søren Ørsted", "12 34 56 78"),
		   SAME_PERSON_PHONE, "written with 0045");
	TAP_INT_EQ(citizen_rule_likely_same("Hanne Jensen", "5678", "Søren Ørsted", "12 34 56 78"), SAME_PERSON_NO,
		   "a few digits are no phone number");
	TAP_INT_EQ(citizen_rule_likely_same("Søren Ørsted", "12345678", "Søren Ørsted", "12 34 56 78"),
		   SAME_PERSON_NAME, "same name and phone: the name says most");
	TAP_INT_EQ(citizen_rule_likely_same("Łukasz Nowak", "", "Łukasz Nowak", ""), SAME_PERSON_NAME,
		   "a letter outside the Danish alphabet is compared as written");
	TAP_INT_EQ(citizen_rule_likely_same("Łukasz Nowak", "", "Lukasz Nowak", ""), SAME_PERSON_NAME_SLIP,
		   "and written without its stroke, it is a letter off");
	TAP_INT_EQ(citizen_rule_likely_same("A\xcc\x8ase Holm", "", "Åse Holm", ""), SAME_PERSON_NAME,
		   "a decomposed Å is an Å");
	TAP_INT_EQ(citizen_rule_likely_same("", "", "", ""), SAME_PERSON_NO, "no name, no phone: nobody");
}

static void test_handover_dates(void)
{
	TAP_INT_EQ(citizen_rule_handover_date((struct date){ 2026, 11, 20 }, "2026-11-02", today), HANDOVER_DATE_OK,
		   "a handover made last week");
	TAP_INT_EQ(citizen_rule_handover_date((struct date){ 2026, 12, 3 }, "2026-11-02", today), HANDOVER_DATE_OK,
		   "a handover planned for next week");
	TAP_INT_EQ(citizen_rule_handover_date((struct date){ 2026, 10, 30 }, "2026-11-02", today),
		   HANDOVER_DATE_BEFORE_REFERRAL, "before the referral: refused");
	TAP_INT_EQ(citizen_rule_handover_date((struct date){ 2026, 10, 30 }, "", today), HANDOVER_DATE_OK,
		   "no referral date known: nothing to compare with");
	TAP_INT_EQ(citizen_rule_handover_date((struct date){ 2027, 11, 27 }, "2026-11-02", today), HANDOVER_DATE_OK,
		   "a year and a day ahead is still a plan");
	TAP_INT_EQ(citizen_rule_handover_date((struct date){ 2027, 11, 28 }, "2026-11-02", today),
		   HANDOVER_DATE_FAR_AHEAD, "further is a typing slip");
	TAP_INT_EQ(citizen_rule_handover_date((struct date){ 2015, 1, 1 }, "", today), HANDOVER_DATE_LONG_AGO,
		   "more than ten years ago: a typing slip");
}

static void test_same_person(void)
{
	struct citizen_hit other = { .name = "Søren Ærø", .phone = "12 34 56 78" };
	TAP_CHECK(citizen_rule_same_person("soren aero", "", &other), "the same name folded, no phone given");
	TAP_CHECK(citizen_rule_same_person("SØREN  ÆRØ", "+45 12 34 56 78", &other),
		  "the same number with the country code");
	TAP_CHECK(citizen_rule_same_person("Søren Ærø", "12345678", &other), "the same digits");
	TAP_CHECK(!citizen_rule_same_person("Søren Ærø", "87654321", &other), "other digits");
	TAP_CHECK(!citizen_rule_same_person("Søren", "", &other), "part of the name is not the name");
	other.phone[0] = '\0';
	TAP_CHECK(citizen_rule_same_person("Søren Ærø", "87654321", &other), "they have no phone on record");
	TAP_CHECK(!citizen_rule_same_person("", "", &(struct citizen_hit){ .name = "" }), "no name, no match");
}

static void test_drafts(void)
{
	TAP_CHECK(citizen_rule_draft_mine(7, 7), "a draft is its owner's");
	TAP_CHECK(!citizen_rule_draft_mine(7, 8), "not anyone else's");
	TAP_CHECK(!citizen_rule_draft_mine(0, 8), "one kept before anyone could sign in is not a user's");
	TAP_CHECK(citizen_rule_draft_mine(0, 0), "but the desk's before users exist");
}

static void test_merge(void)
{
	TAP_INT_EQ(citizen_rule_merge_field("a", "a", "a"), MERGE_MINE, "nobody changed it");
	TAP_INT_EQ(citizen_rule_merge_field("a", "b", "a"), MERGE_MINE, "only I changed it: mine");
	TAP_INT_EQ(citizen_rule_merge_field("a", "a", "c"), MERGE_THEIRS, "only they changed it: theirs");
	TAP_INT_EQ(citizen_rule_merge_field("a", "c", "c"), MERGE_MINE, "both changed it alike: no clash");
	TAP_INT_EQ(citizen_rule_merge_field("a", "b", "c"), MERGE_CLASH, "both changed it differently: a clash");
	TAP_INT_EQ(citizen_rule_merge_field("", "", "Aarhus"), MERGE_THEIRS, "they filled in an empty field");
}

/* Issue 14: two people with the same name are told apart in every list. */
static void test_list_names(void)
{
	char out[128];
	struct citizen_apart a = { .id = 7, .birth_year = 1962, .postcode = "8000", .namesake = true };
	citizen_rule_list_name("Anne Hansen", &a, 0, out, sizeof out);
	TAP_STR_EQ(out, "Anne Hansen (1962, 8000)", "a namesake shows the birth year and postcode");
	citizen_rule_list_name("Anne Hansen", &a, 22, out, sizeof out);
	TAP_STR_EQ(out, "Anne Hansen (1962)", "a narrow column keeps the birth year");
	citizen_rule_list_name("Anne-Marie Christiansen", &a, 20, out, sizeof out);
	TAP_STR_EQ(out, "Anne-Marie C… (1962)", "and shortens the name, not the year");
	a.birth_year = 0;
	citizen_rule_list_name("Anne Hansen", &a, 0, out, sizeof out);
	TAP_STR_EQ(out, "Anne Hansen (8000)", "the postcode alone when the year is not known");
	a.postcode[0] = '\0';
	citizen_rule_list_name("Anne Hansen", &a, 0, out, sizeof out);
	TAP_CHECK(strncmp(out, "Anne Hansen (", 13) == 0 && strstr(out, " 7)"), "the number when neither is known (%s)",
		  out);
	a.namesake = false;
	citizen_rule_list_name("Anne Hansen", &a, 0, out, sizeof out);
	TAP_STR_EQ(out, "Anne Hansen", "a name nobody else has stands alone");
	citizen_rule_list_name("Lars Nielsen Eriksen", &a, 18, out, sizeof out);
	TAP_STR_EQ(out, "Lars Nielsen Erik…", "a name too long for the column ends in an ellipsis, namesake or not");
	citizen_rule_list_name("Lars Nielsen Eriksen", &a, 20, out, sizeof out);
	TAP_STR_EQ(out, "Lars Nielsen Eriksen", "a name that just fits is whole");

	citizen_rule_family_first("Anne Marie  Jensen", out, sizeof out);
	TAP_STR_EQ(out, "Jensen, Anne Marie", "family name first: the last word");
	citizen_rule_family_first("Cher", out, sizeof out);
	TAP_STR_EQ(out, "Cher", "one word stays as it is");
	citizen_rule_family_first("Ib Jensen-Holm ", out, sizeof out);
	TAP_STR_EQ(out, "Jensen-Holm, Ib", "a double family name is one word");
}

/* "The citizen themself" with a referrer typed beside it: the source
 * was left at its first choice. */
static void test_referrer_without_source(void)
{
	TAP_CHECK(citizen_rule_referrer_without_source("self", "Dorte Lund", "", ""), "self with a referrer's name");
	TAP_CHECK(citizen_rule_referrer_without_source("self", "", "Lægehuset", ""), "self with an organisation");
	TAP_CHECK(citizen_rule_referrer_without_source("self", "", "", "86 12 34 56"), "self with a referrer's phone");
	TAP_CHECK(!citizen_rule_referrer_without_source("self", "", "", ""), "self alone is fine");
	TAP_CHECK(!citizen_rule_referrer_without_source("gp", "Dorte Lund", "Lægehuset", ""), "a GP with a referrer");
}

/* Weekdays and times of day chosen apart (an old draft) make every pair;
 * either alone is the whole day or every day, not nothing. */
static void test_availability(void)
{
	TAP_INT_EQ(citizen_rule_availability(0, 0), 0, "nothing chosen: no times");
	TAP_INT_EQ(citizen_rule_availability(1u << 0 | 1u << 2, 1u << 0),
		   AVAIL_BIT(1, 0) | AVAIL_BIT(3, 0), "Monday and Wednesday mornings");
	TAP_INT_EQ(citizen_rule_availability(1u << 0, 0), AVAIL_BIT(1, 0) | AVAIL_BIT(1, 1) | AVAIL_BIT(1, 2),
		   "Monday alone is the whole day");
	availability_bits evenings = 0;
	for (int d = 1; d <= 7; d++)
		evenings |= AVAIL_BIT(d, 2);
	TAP_INT_EQ(citizen_rule_availability(0, 1u << 2), evenings, "evenings alone are every evening");
}

int main(void)
{
	test_availability();
	test_intake();
	test_referrer_without_source();
	test_consents();
	test_assessment();
	test_end_reasons();
	test_list_names();
	test_text();
	test_dates();
	test_handover_dates();
	test_likely_same();
	test_same_person();
	test_drafts();
	test_merge();
	return tap_done();
}
