/* exchange_import_citizens.c — a row of citizens read into a card as the
 * intake form would make it, and written with its referral, consents,
 * picks and end (exchange_import_internal.h). */
#include "exchange_import_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citizen_rules.h"
#include "exchange_columns.h"
#include "exchange_rules.h"
#include "field_rules.h"
#include "i18n.h"
#include "model_limits.h"
#include "postcode.h"
#include "store_citizens.h"
#include "textkeys.h"

/* ---------- citizens ---------- */

void import_read_citizen(struct import_job *j)
{
	struct citizen_card *card = &j->r->card;
	struct citizen *c = &card->citizen;
	memset(card, 0, sizeof *card);
	j->r->ended_on[0] = j->r->end_reason[0] = '\0';
	import_name(j, CC_NAME, CC_FIRST_NAME, CC_SURNAME, c->name, sizeof c->name);
	int year = import_number(j, CC_BIRTH_YEAR, 1900, 2100, 0);
	const char *why = year ? field_rule_citizen_birth_year(year, j->today) : NULL;
	if (why)
		import_problem(j, CC_BIRTH_YEAR, "%s", why);
	c->birth_year = year;
	import_checked_text(j, CC_PHONE, c->phone, sizeof c->phone, PHONE_CHARS, field_rule_phone);
	import_checked_text(j, CC_EMAIL, c->email, sizeof c->email, NAME_CHARS, field_rule_email);
	import_text(j, CC_ADDRESS, c->address, sizeof c->address, NAME_CHARS, false);
	import_postcode(j, CC_POSTCODE, c->postcode);
	import_text(j, CC_TOWN, c->town, sizeof c->town, TOWN_CHARS, false);
	/* As the form does: a known postcode fills in an empty town. */
	const char *town = c->town[0] ? NULL : postcode_town(c->postcode);
	if (town)
		snprintf(c->town, sizeof c->town, "%s", town);
	import_code(j, CC_CONTACT, vocab_contact_pref, c->contact_pref, sizeof c->contact_pref, "");
	snprintf(c->status, sizeof c->status, "active");

	struct referral *ref = &card->referral;
	bool referred_ok = import_date_cell(j, CC_REFERRED_ON, ref->referred_on, true);
	import_code(j, CC_SOURCE, vocab_referral_source, ref->source, sizeof ref->source, "other");
	import_text(j, CC_REFERRER_NAME, ref->referrer_name, sizeof ref->referrer_name, NAME_CHARS, false);
	import_text(j, CC_REFERRER_ORG, ref->referrer_org, sizeof ref->referrer_org, NAME_CHARS, false);
	import_checked_text(j, CC_REFERRER_PHONE, ref->referrer_phone, sizeof ref->referrer_phone, PHONE_CHARS,
		     field_rule_phone);
	ref->feedback_consent = import_yes_no(j, CC_FEEDBACK);

	/* Consent to registration: the day it was given, or yes (then dated
	 * by the referral, as at intake). Without it nobody is registered.
	 * A missing column is the header's problem, said once. */
	char buf[64];
	bool yes = false;
	import_cell(j, CC_CONSENT_ON, buf, sizeof buf);
	if (!import_has(j, CC_CONSENT_ON))
		;
	else if (!buf[0] || (exchange_rule_yes_no(buf, &yes) && !yes))
		import_problem(j, CC_CONSENT_ON, "%s", _("Without consent to registration nobody is registered: write the "
						  "day the citizen gave it."));
	else if (yes && !ref->referred_on[0] && referred_ok)
		import_problem(j, CC_CONSENT_ON, "%s", _("Write the day the consent was given, or the day of the referral, "
						  "which a consent without a day is dated by."));
	else if (!yes)
		import_date_cell(j, CC_CONSENT_ON, card->consent.given_on, true);
	card->consent.registration = true;
	card->consent.volunteer_contact = import_yes_no(j, CC_VOLUNTEERS_MAY_CALL);
	card->consent.referrer_feedback = ref->feedback_consent;
	/* A referral without a day is dated by the consent. */
	if (!ref->referred_on[0] && card->consent.given_on[0])
		snprintf(ref->referred_on, sizeof ref->referred_on, "%s", card->consent.given_on);

	import_picks(j, CC_INTERESTS, &j->interests, card->interests, &card->ninterests);
	import_picks(j, CC_BARRIERS, &j->barriers, card->barriers, &card->nbarriers);
	import_text(j, CC_WISHES, c->wishes, sizeof c->wishes, WISHES_CHARS, false);

	import_date_cell(j, CC_ENDED_ON, j->r->ended_on, true);
	import_code(j, CC_END_REASON, vocab_end_reason, j->r->end_reason, sizeof j->r->end_reason, "");
	if (!j->r->ended_on[0] != !j->r->end_reason[0]) {
		char words[512];
		import_choices(vocab_end_reason, words, sizeof words);
		import_problem(j, j->r->ended_on[0] ? CC_END_REASON : CC_ENDED_ON,
			_("A course that has ended needs both the day it ended and the reason (%s)."), words);
	}

	citizen_rule_intake_card(card);
	if (!j->row_problems && !j->header_problems && !citizen_rule_card_ok(card, j->today))
		import_problem(j, -1, "%s", _("The row breaks one of the rules of the citizen's card."));
	j->r->person = (struct exchange_person){ .birth_year = c->birth_year };
	snprintf(j->r->person.name, sizeof j->r->person.name, "%s", c->name);
	snprintf(j->r->person.phone, sizeof j->r->person.phone, "%s", c->phone);
}

enum db_status import_write_citizen(struct import_job *j)
{
	struct db *db = j->d->db;
	struct citizen_card *card = &j->r->card;
	long long id = 0;
	struct citizen_keys *keys = malloc(sizeof *keys);
	if (!keys)
		return DB_ERR_IO;
	textkeys_of_citizen(&card->citizen, keys);
	enum db_status r = store_citizens_insert(db, &card->citizen, keys, &id);
	free(keys);
	if (r == DB_OK)
		r = store_citizens_add_referral(db, id, &card->referral, j->d->user, NULL);
	if (r == DB_OK)
		r = store_citizens_give_consents(db, id, &card->consent, card->consent.given_on, j->d->user);
	if (r == DB_OK)
		r = store_citizens_set_picks(db, id, card);
	if (r == DB_OK && j->r->ended_on[0])
		r = store_citizens_end(db, id, 1, j->r->ended_on, j->r->end_reason);
	if (r == DB_OK)
		r = desk_audit(j->d, "create", "citizen", id, "import");
	return r;
}
