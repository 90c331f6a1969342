/* citizen_form.h — the fields of the first conversation, in the order
 * the conversation goes, shared by intake and by editing a card: how they
 * are laid out, checked, and turned into a struct citizen_card and back. */
#ifndef BB_CITIZEN_FORM_H
#define BB_CITIZEN_FORM_H

#include "form.h"
#include "form_screen.h"
#include "model_citizen.h"
#include "picklist_field.h"
#include "times_field.h"

struct app;

enum citizen_field {
	CF_H_REFERRAL,
	CF_REFERRED_ON,
	CF_SOURCE,
	CF_REFERRER_NAME,
	CF_REFERRER_ORG,
	CF_REFERRER_PHONE,
	CF_FEEDBACK,
	CF_H_CONSENT,
	CF_CONSENT_REGISTRATION,
	CF_CONSENT_CONTACT,
	CF_CONSENT_ON,
	CF_H_CITIZEN,
	CF_NAME,
	CF_BIRTH_YEAR,
	CF_PHONE,
	CF_EMAIL,
	CF_ADDRESS,
	CF_POSTCODE,
	CF_TOWN,
	CF_CONTACT_PREF,
	CF_H_RELATIVE,
	CF_REL_NAME,
	CF_REL_RELATION,
	CF_REL_PHONE,
	CF_REL_SUPPORT,
	CF_H_WISHES,
	CF_WISHES,
	CF_INTERESTS,
	CF_BARRIERS,
	CF_TIMES,
	CF_H_ASSESSMENT,
	CF_ASSESSMENT,
	CF_HANDOVER_TO,
	CF_HANDOVER_ON,
	CF_COUNT,
};

struct citizen_form {
	struct form_field fields[CF_COUNT];
	struct form form;
	struct picklist_field interests, barriers;
	struct times_field times;
	struct town_follows town;  /* the town follows the postcode */
	struct app *app;
};

/* A kept draft's values into the form (form_deserialise). A draft kept
 * before the times were one field says weekdays and times of day apart
 * ("weekdays=1,3", "parts=0"): they become the times they meant, every
 * pair, a day alone the whole day, a time alone every day. */
void citizen_form_restore(struct citizen_form *cf, const char *data);

/* Lays out the fields and loads the pick-lists; false with a status
 * message if the database could not be read. Dates default to today. */
bool citizen_form_init(struct citizen_form *cf, struct app *app);
void citizen_form_fill(struct citizen_form *cf, const struct citizen_card *card);
void citizen_form_read(const struct citizen_form *cf, struct citizen_card *card);
/* Checks every field, then what one field says about another (a
 * handover never before the referral); on a fault the cursor goes
 * there, the field says why, and it returns false. */
bool citizen_form_valid(struct citizen_form *cf, struct app *app);
/* At intake, also: a referrer written beside "the citizen themself" is
 * marked on the source (citizen_rule_referrer_without_source). */
bool citizen_form_referral_valid(struct citizen_form *cf, struct app *app);
/* Shows or hides the fields that depend on others (handover). */
void citizen_form_update_visibility(struct citizen_form *cf);
/* After a key: fills the town from a known postcode, opens choosers. */
unsigned citizen_form_key(struct citizen_form *cf, ui_key key, enum form_event *ev);

#endif
