/* citizen_rules.c — the rules of citizen_rules.h. */
#include "citizen_rules.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cpr.h"
#include "postcode.h"
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

enum { ADULT_YEARS = 18, LONG_AGO_YEARS = 10, OLDEST_LIVING = 110 };

bool citizen_rule_adult(int birth_year, struct date today)
{
	return birth_year == 0 || birth_year <= today.year - ADULT_YEARS;
}

bool citizen_rule_living(int birth_year, struct date today)
{
	return birth_year == 0 || birth_year >= today.year - OLDEST_LIVING;
}

enum past_date citizen_rule_past_date(struct date d, struct date today)
{
	if (date_to_days(d) > date_to_days(today))
		return PAST_DATE_FUTURE;
	return d.year < today.year - LONG_AGO_YEARS ? PAST_DATE_LONG_AGO : PAST_DATE_OK;
}

static bool postcode_valid_or_empty(const char *postcode)
{
	return !postcode[0] || postcode_valid(postcode);
}

bool citizen_rule_referrer_without_source(const char *source, const char *referrer_name, const char *referrer_org,
					  const char *referrer_phone)
{
	return source && strcmp(source, "self") == 0
	       && ((referrer_name && referrer_name[0]) || (referrer_org && referrer_org[0])
		   || (referrer_phone && referrer_phone[0]));
}

enum handover_date citizen_rule_handover_date(struct date handover, const char *referred_on, struct date today)
{
	struct date referred;
	long day = date_to_days(handover);
	if (referred_on && referred_on[0] && date_parse_iso(referred_on, &referred) && day < date_to_days(referred))
		return HANDOVER_DATE_BEFORE_REFERRAL;
	if (day > date_to_days(today) + HANDOVER_AHEAD_DAYS)
		return HANDOVER_DATE_FAR_AHEAD;
	return citizen_rule_past_date(handover, today) == PAST_DATE_LONG_AGO ? HANDOVER_DATE_LONG_AGO
									      : HANDOVER_DATE_OK;
}

bool citizen_rule_card_ok(const struct citizen_card *c, struct date today)
{
	const char *free_text[] = {
		c->citizen.address, c->citizen.wishes, c->referral.referrer_name, c->referral.referrer_org,
		c->relative.name, c->relative.relation, c->assessment.handover_to,
	};
	const char *happened[] = {
		c->referral.referred_on, c->consent.given_on, c->assessment.assessed_on,
	};
	if (!text_ok(c->citizen.name, 1, NAME_CHARS) || !citizen_rule_adult(c->citizen.birth_year, today)
	    || !citizen_rule_living(c->citizen.birth_year, today) || !postcode_valid_or_empty(c->citizen.postcode))
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
	struct date handover;
	if (c->assessment.handover_on[0] && date_parse_iso(c->assessment.handover_on, &handover)) {
		enum handover_date h = citizen_rule_handover_date(handover, c->referral.referred_on, today);
		if (h == HANDOVER_DATE_BEFORE_REFERRAL || h == HANDOVER_DATE_FAR_AHEAD)
			return false;
	}
	return true;
}

bool citizen_rule_note_ok(const char *text)
{
	return text && text_ok(text, 1, LONG_NOTE_CHARS);
}

bool citizen_rule_pick_name_ok(const char *name)
{
	return name && text_ok(name, 1, PICK_CHARS);
}

/* ---------- the same person? ---------- */

/* The number's digits without the Danish country code, as the desk
 * writes it either way ("+45 22 33 44 55", "0045 22334455"). */
static void national_digits(const char *phone, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = phone ? phone : ""; *p && n + 1 < size; p++)
		if (*p >= '0' && *p <= '9')
			out[n++] = *p;
	out[n] = '\0';
	size_t skip = n == 10 && strncmp(out, "45", 2) == 0 ? 2 : n == 12 && strncmp(out, "0045", 4) == 0 ? 4 : 0;
	memmove(out, out + skip, n - skip + 1);
}

/* One letter as the name rule spells it: lower-case ASCII, the Danish
 * letters as their two-letter spellings, accents dropped; NULL for a
 * mark that adds nothing (a combining accent), " " between words. */
static const char *name_letter(uint32_t cp, char own[5])
{
	static const struct { uint32_t cp; const char *as; } letters[] = {
		{ 0xe6, "ae" }, { 0xc6, "ae" }, { 0xf8, "oe" }, { 0xd8, "oe" }, { 0xe5, "aa" }, { 0xc5, "aa" },
		{ 0xe4, "ae" }, { 0xc4, "ae" }, { 0xf6, "oe" }, { 0xd6, "oe" }, { 0xfc, "ue" }, { 0xdc, "ue" },
		{ 0xdf, "ss" }, { 0xe9, "e" }, { 0xc9, "e" }, { 0xe8, "e" }, { 0xc8, "e" }, { 0xea, "e" },
		{ 0xca, "e" }, { 0xeb, "e" }, { 0xcb, "e" }, { 0xe1, "a" }, { 0xc1, "a" }, { 0xe0, "a" },
		{ 0xc0, "a" }, { 0xe2, "a" }, { 0xc2, "a" }, { 0xed, "i" }, { 0xcd, "i" }, { 0xec, "i" },
		{ 0xcc, "i" }, { 0xee, "i" }, { 0xce, "i" }, { 0xef, "i" }, { 0xcf, "i" }, { 0xf3, "o" },
		{ 0xd3, "o" }, { 0xf2, "o" }, { 0xd2, "o" }, { 0xf4, "o" }, { 0xd4, "o" }, { 0xfa, "u" },
		{ 0xda, "u" }, { 0xf9, "u" }, { 0xd9, "u" }, { 0xfb, "u" }, { 0xdb, "u" }, { 0xf1, "n" },
		{ 0xd1, "n" }, { 0xe7, "c" }, { 0xc7, "c" }, { 0xfd, "y" }, { 0xdd, "y" },
	};
	if (cp >= 0x300 && cp <= 0x36f)
		return NULL;
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			own[0] = (char)cp;
			own[1] = '\0';
		} else if (cp >= 'A' && cp <= 'Z') {
			own[0] = (char)(cp - 'A' + 'a');
			own[1] = '\0';
		} else {
			return " ";
		}
		return own;
	}
	for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++)
		if (letters[i].cp == cp)
			return letters[i].as;
	/* Another script: the letter as it is. */
	size_t n = utf8_encode(cp, own);
	own[n] = '\0';
	return own;
}

/* A name as the rule compares it: the letters in one spelling, with the
 * two-letter forms of æ, ø and å (and their ASCII spellings) made one
 * letter, so "Soren Oersted", "Søren Ørsted" and "Soeren Orsted" meet in
 * "soren orsted"; words joined by single spaces. */
static size_t name_key(const char *name, char *out, size_t size)
{
	char spelt[CIT_NAME * 2];
	size_t n = 0, len = strlen(name ? name : "");
	for (size_t pos = 0; pos < len;) {
		uint32_t cp;
		size_t step = utf8_decode(name + pos, len - pos, &cp);
		if (step == 0) {
			cp = ' ';
			step = 1;
		}
		pos += step;
		char own[5];
		const char *as = name_letter(cp, own);
		if (!as)
			continue;
		if (as[0] == ' ' && (n == 0 || spelt[n - 1] == ' '))
			continue;
		for (const char *c = as; *c && n + 1 < sizeof spelt; c++)
			spelt[n++] = *c;
	}
	while (n > 0 && spelt[n - 1] == ' ')
		n--;
	spelt[n] = '\0';
	/* ae, oe, aa: one letter each. */
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < size; i++) {
		out[k++] = spelt[i];
		if (i + 1 < n && ((spelt[i] == 'a' && (spelt[i + 1] == 'e' || spelt[i + 1] == 'a'))
				  || (spelt[i] == 'o' && spelt[i + 1] == 'e')))
			i++;
	}
	out[k] = '\0';
	return k;
}

/* The key's letters as code points (a letter of another script is one
 * letter, as an ASCII one); returns how many, spaces left out of *letters. */
static size_t key_points(const char *key, uint32_t *out, size_t max, size_t *letters)
{
	size_t n = 0, len = strlen(key);
	*letters = 0;
	for (size_t pos = 0; pos < len && n < max;) {
		size_t step = utf8_decode(key + pos, len - pos, &out[n]);
		if (step == 0)
			step = 1;
		pos += step;
		*letters += out[n] != ' ';
		n++;
	}
	return n;
}

static bool same_points(const uint32_t *a, const uint32_t *b, size_t n)
{
	return n == 0 || memcmp(a, b, n * sizeof *a) == 0;
}

/* At most one edit apart: a letter more or less, another letter, or two
 * neighbours swapped. */
static bool one_edit_apart(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	if (na > nb)
		return one_edit_apart(b, nb, a, na);
	if (nb - na > 1)
		return false;
	size_t i = 0;
	while (i < na && a[i] == b[i])
		i++;
	if (i == na)
		return true; /* the same, or one letter added at the end */
	if (na == nb) {
		if (same_points(a + i + 1, b + i + 1, na - i - 1))
			return true; /* another letter */
		return i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i]
			&& same_points(a + i + 2, b + i + 2, na - i - 2);
	}
	return same_points(a + i, b + i + 1, na - i); /* one letter more in b */
}

enum same_person citizen_rule_likely_same(const char *name, const char *phone, const char *other_name,
					  const char *other_phone)
{
	char mine[CIT_NAME * 2], theirs[CIT_NAME * 2];
	size_t nm = name_key(name, mine, sizeof mine), nt = name_key(other_name, theirs, sizeof theirs);
	char my_digits[CIT_SHORT], their_digits[CIT_SHORT];
	national_digits(phone, my_digits, sizeof my_digits);
	national_digits(other_phone, their_digits, sizeof their_digits);
	bool phones_known = my_digits[0] && their_digits[0];
	bool same_phone = phones_known && strlen(my_digits) >= 8 && strcmp(my_digits, their_digits) == 0;
	bool phones_differ = phones_known && strcmp(my_digits, their_digits) != 0;
	if (nm && nm == nt && strcmp(mine, theirs) == 0 && !phones_differ)
		return SAME_PERSON_NAME;
	if (same_phone)
		return SAME_PERSON_PHONE;
	if (phones_differ)
		return SAME_PERSON_NO;
	uint32_t a[CIT_NAME], b[CIT_NAME];
	size_t la, lb;
	size_t na = key_points(mine, a, CIT_NAME, &la), nb = key_points(theirs, b, CIT_NAME, &lb);
	if (la >= SAME_PERSON_SLIP_MIN && lb >= SAME_PERSON_SLIP_MIN && one_edit_apart(a, na, b, nb))
		return SAME_PERSON_NAME_SLIP;
	return SAME_PERSON_NO;
}

bool citizen_rule_same_person(const char *name, const char *phone, const struct citizen_hit *other)
{
	return citizen_rule_likely_same(name, phone, other->name, other->phone) != SAME_PERSON_NO;
}

const char *citizen_rule_phone_digits(const char *phone, char *out, size_t size)
{
	national_digits(phone, out, size);
	return out;
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
	if (cols > 0 && tag[0] && width + utf8_columns(tag, strlen(tag)) > cols)
		snprintf(tag, sizeof tag, "%s", short_tag);
	/* Any name too long for the column ends in "…", namesake or not, so
	 * a cut name never passes for a whole one. */
	int room = cols - utf8_columns(tag, strlen(tag));
	if (cols > 0 && width > room)
		keep = room > 1 ? utf8_fit(name, room - 1) : 0;
	struct strbuf b = strbuf_on(out, size);
	strbuf_add(&b, "%.*s%s%s", (int)keep, name, keep < strlen(name) ? "…" : "", tag);
}

struct citizen_apart citizen_rule_hit_apart(const struct citizen_hit *hit)
{
	struct citizen_apart apart = { .id = hit->id, .birth_year = hit->birth_year, .namesake = hit->namesake };
	snprintf(apart.postcode, sizeof apart.postcode, "%s", hit->postcode);
	return apart;
}

void citizen_rule_hit_name(const struct citizen_hit *hit, int cols, char *out, size_t size)
{
	struct citizen_apart apart = citizen_rule_hit_apart(hit);
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

availability_bits citizen_rule_availability(unsigned weekdays, unsigned parts)
{
	enum { ALL_WEEKDAYS = 0x7f, ALL_PARTS = 0x7 };
	if (weekdays && !parts)
		parts = ALL_PARTS;
	if (parts && !weekdays)
		weekdays = ALL_WEEKDAYS;
	availability_bits bits = 0;
	for (int d = 1; d <= 7; d++)
		for (int p = 0; p < 3; p++)
			if ((weekdays >> (d - 1) & 1) && (parts >> p & 1))
				bits |= AVAIL_BIT(d, p);
	return bits;
}
