/* citizen_rules.c — the rules of citizen_rules.h. */
#include "citizen_rules.h"

#include <stdio.h>
#include <string.h>

#include "cpr.h"
#include "fold.h"
#include "model_limits.h"
#include "utf8.h"
#include "vocab.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

bool citizen_rule_intake_keeps_person(const struct consent *c)
{
	return c->registration;
}

void citizen_rule_assessment_clean(struct assessment *a)
{
	if (strcmp(a->outcome, "professional_help") != 0) {
		a->handover_to[0] = '\0';
		a->handover_on[0] = '\0';
	}
}

void citizen_rule_intake_card(struct citizen_card *card)
{
	const char *referred_on = card->referral.referred_on;
	if (!card->consent.given_on[0])
		SET(card->consent.given_on, referred_on);
	if (card->assessment.outcome[0] && !card->assessment.assessed_on[0])
		SET(card->assessment.assessed_on, referred_on);
	citizen_rule_assessment_clean(&card->assessment);
}

void citizen_rule_consent_changes(const struct consent *now, const struct consent *edited, struct consent *give,
				  struct consent *withdraw)
{
	memset(give, 0, sizeof *give);
	memset(withdraw, 0, sizeof *withdraw);
	give->registration = edited->registration && !now->registration;
	give->volunteer_contact = edited->volunteer_contact && !now->volunteer_contact;
	give->referrer_feedback = edited->referrer_feedback && !now->referrer_feedback;
	withdraw->registration = now->registration && !edited->registration;
	withdraw->volunteer_contact = now->volunteer_contact && !edited->volunteer_contact;
	withdraw->referrer_feedback = now->referrer_feedback && !edited->referrer_feedback;
}

bool citizen_rule_consent_redated(const struct consent *now, const struct consent *edited)
{
	return edited->given_on[0] && now->given_on[0] && strcmp(edited->given_on, now->given_on) != 0;
}

enum assessment_change citizen_rule_assessment_change(bool has_latest, const struct assessment *now,
						      const struct assessment *edited)
{
	if (!edited->outcome[0])
		return has_latest ? ASSESSMENT_REMOVE : ASSESSMENT_KEEP;
	if (!has_latest || (edited->assessed_on[0] && strcmp(edited->assessed_on, now->assessed_on) != 0))
		return ASSESSMENT_ADD;
	return ASSESSMENT_CORRECT;
}

bool citizen_rule_end_reason(const char *reason)
{
	if (!reason || !reason[0])
		return false;
	for (const struct vocab *v = vocab_end_reason; v->code; v++)
		if (strcmp(v->code, reason) == 0)
			return true;
	return false;
}

static bool text_ok(const char *text, size_t min_chars, size_t max_chars)
{
	size_t n = utf8_length(text);
	return n >= min_chars && n <= max_chars && !cpr_found(text);
}

enum { ADULT_YEARS = 18, LONG_AGO_YEARS = 10 };

bool citizen_rule_adult(int birth_year, struct date today)
{
	return birth_year == 0 || birth_year <= today.year - ADULT_YEARS;
}

enum past_date citizen_rule_past_date(struct date d, struct date today)
{
	if (date_to_days(d) > date_to_days(today))
		return PAST_DATE_FUTURE;
	return d.year < today.year - LONG_AGO_YEARS ? PAST_DATE_LONG_AGO : PAST_DATE_OK;
}

bool citizen_rule_card_ok(const struct citizen_card *c, struct date today)
{
	const char *free_text[] = {
		c->citizen.address, c->citizen.wishes, c->referral.referrer_name, c->referral.referrer_org,
		c->relative.name, c->relative.relation, c->assessment.handover_to,
	};
	const char *happened[] = {
		c->referral.referred_on, c->consent.given_on, c->assessment.assessed_on, c->assessment.handover_on,
	};
	if (!text_ok(c->citizen.name, 1, NAME_CHARS) || !citizen_rule_adult(c->citizen.birth_year, today))
		return false;
	for (size_t i = 0; i < sizeof free_text / sizeof free_text[0]; i++)
		if (cpr_found(free_text[i]))
			return false;
	for (size_t i = 0; i < sizeof happened / sizeof happened[0]; i++) {
		struct date d;
		if (happened[i][0] && date_parse_iso(happened[i], &d)
		    && citizen_rule_past_date(d, today) == PAST_DATE_FUTURE)
			return false;
	}
	return true;
}

bool citizen_rule_note_ok(const char *text)
{
	return text && text_ok(text, 1, NOTE_CHARS);
}

bool citizen_rule_pick_name_ok(const char *name)
{
	return name && text_ok(name, 1, PICK_CHARS);
}

/* The number's digits without the Danish country code, as search finds
 * "+45 22 33 44 55" by 22334455. */
static const char *national_digits(const char *phone, char *out, size_t size)
{
	size_t n = fold_digits(phone, out, size);
	return n == 10 && strncmp(out, "45", 2) == 0 ? out + 2 : out;
}

bool citizen_rule_same_person(const char *name, const char *phone, const struct citizen_hit *other)
{
	char mine[CIT_NAME], theirs[CIT_NAME];
	fold_search(name, mine, sizeof mine);
	fold_search(other->name, theirs, sizeof theirs);
	if (!mine[0] || strcmp(mine, theirs) != 0)
		return false;
	char mine_buf[CIT_SHORT], their_buf[CIT_SHORT];
	const char *mine_digits = national_digits(phone, mine_buf, sizeof mine_buf);
	const char *their_digits = national_digits(other->phone, their_buf, sizeof their_buf);
	return !mine_digits[0] || !their_digits[0] || strcmp(mine_digits, their_digits) == 0;
}

const char *citizen_rule_phone_digits(const char *phone, char *out, size_t size)
{
	return national_digits(phone, out, size);
}

bool citizen_rule_draft_mine(db_user_id owner, db_user_id user)
{
	return owner == user;
}

enum field_merge citizen_rule_merge_field(const char *base, const char *mine, const char *theirs)
{
	if (strcmp(theirs, base) == 0 || strcmp(mine, theirs) == 0)
		return MERGE_MINE;
	return strcmp(mine, base) == 0 ? MERGE_THEIRS : MERGE_CLASH;
}
