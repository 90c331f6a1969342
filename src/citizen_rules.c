/* citizen_rules.c — the rules of citizen_rules.h. */
#include "citizen_rules.h"

#include <stdio.h>
#include <string.h>

#include "cpr.h"
#include "fold.h"
#include "i18n.h"
#include "model_limits.h"
#include "strbuf.h"
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

void citizen_rule_list_name(const char *name, const struct citizen_apart *apart, int cols, char *out, size_t size)
{
	/* Both, or in a narrow column the birth year alone (the postcode
	 * when the year is not known). */
	char tag[64] = "", short_tag[32] = "";
	if (apart && apart->namesake) {
		char year[16] = "";
		if (apart->birth_year > 0)
			snprintf(year, sizeof year, "%d", apart->birth_year);
		if (year[0] || apart->postcode[0])
			snprintf(short_tag, sizeof short_tag, " (%s)", year[0] ? year : apart->postcode);
		else
			snprintf(short_tag, sizeof short_tag, _(" (no. %lld)"), apart->id);
		if (year[0] && apart->postcode[0])
			snprintf(tag, sizeof tag, " (%s, %s)", year, apart->postcode);
		else
			snprintf(tag, sizeof tag, "%s", short_tag);
	}
	size_t keep = strlen(name);
	int width = utf8_columns(name, keep);
	if (cols > 0 && tag[0] && width + utf8_columns(tag, strlen(tag)) > cols) {
		snprintf(tag, sizeof tag, "%s", short_tag);
		int room = cols - utf8_columns(tag, strlen(tag));
		if (width > room)
			keep = room > 1 ? utf8_fit(name, room - 1) : 0;
	}
	struct strbuf b = strbuf_on(out, size);
	strbuf_add(&b, "%.*s%s%s", (int)keep, name, keep < strlen(name) ? "…" : "", tag);
}

void citizen_rule_hit_name(const struct citizen_hit *hit, int cols, char *out, size_t size)
{
	struct citizen_apart apart = { .id = hit->id, .birth_year = hit->birth_year, .namesake = hit->namesake };
	snprintf(apart.postcode, sizeof apart.postcode, "%s", hit->postcode);
	citizen_rule_list_name(hit->name, &apart, cols, out, size);
}

void citizen_rule_family_first(const char *name, char *out, size_t size)
{
	/* The same words as the family sort key (src/collate.c): runs of
	 * white space separate, the last word is the family name. */
	char words[CIT_NAME];
	size_t n = 0;
	for (const char *p = name; *p && n + 1 < sizeof words; p++) {
		bool space = *p == ' ' || *p == '\t';
		if (space && (n == 0 || words[n - 1] == ' '))
			continue;
		words[n++] = space ? ' ' : *p;
	}
	while (n > 0 && words[n - 1] == ' ')
		n--;
	words[n] = '\0';
	const char *last = strrchr(words, ' ');
	if (!last) {
		snprintf(out, size, "%s", words);
		return;
	}
	snprintf(out, size, "%s, %.*s", last + 1, (int)(last - words), words);
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
