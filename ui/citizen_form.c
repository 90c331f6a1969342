/* citizen_form.c — the intake/edit form of a citizen. */
#include "citizen_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "citizen_rules.h"
#include "date.h"
#include "form_screen.h"
#include "field_checks.h"
#include "field_rules.h"
#include "i18n.h"
#include "vocab.h"

/* A referral, a consent or a handover has happened: it cannot be dated
 * after today, and a date long ago is most likely a typing slip. */
static bool check_past_date(const struct form_field *fld, char *err, size_t size)
{
	struct date d;
	if (!form_field_date(fld, &d))
		return true;
	const char *why = field_rule_past_date(d, date_today());
	if (why)
		snprintf(err, size, "%s", why);
	return !why;
}

/* A handover may be planned: a day ahead is fine, a year ahead or ten
 * years back most likely a typing slip. The referral it may not precede
 * is another field: citizen_form_valid checks that. */
static bool check_handover_day(const struct form_field *fld, char *err, size_t size)
{
	struct date d;
	if (!form_field_date(fld, &d))
		return true;
	switch (citizen_rule_handover_date(d, "", date_today())) {
	case HANDOVER_DATE_FAR_AHEAD:
		snprintf(err, size, "%s", _("A handover can be planned at most a year ahead. Check the year."));
		break;
	case HANDOVER_DATE_LONG_AGO:
		snprintf(err, size, "%s", _("This date is more than ten years ago. Check the year."));
		break;
	case HANDOVER_DATE_BEFORE_REFERRAL:
	case HANDOVER_DATE_OK:
		break;
	}
	return !err[0];
}

static bool check_birth_year(const struct form_field *fld, char *err, size_t size)
{
	long year = strtol(fld->edit.text, NULL, 10);
	const char *why = year > 0 && year < 10000 ? field_rule_citizen_birth_year((int)year, date_today()) : NULL;
	if (why)
		snprintf(err, size, "%s", why);
	return !why;
}

#define HEADING(k, l) [k] = { .key = NULL, .label = (l), .kind = FIELD_HEADING }
#define TEXT(k, name, l, n, chk) \
	[k] = { .key = (name), .label = (l), .kind = FIELD_TEXT, .max_chars = (n), .check = (chk) }

static const struct form_field layout[CF_COUNT] = {
	HEADING(CF_H_REFERRAL, N_("Referral")),
	[CF_REFERRED_ON] = { .key = "referred_on", .label = N_("Referred on"), .kind = FIELD_DATE, .required = true,
			     .date_year = DATE_YEAR_LAST, .check = check_past_date },
	[CF_SOURCE] = { .key = "source", .label = N_("Referred by"), .kind = FIELD_CHOICE,
			.choices = vocab_referral_source },
	TEXT(CF_REFERRER_NAME, "referrer_name", N_("Referrer's name"), 120, NULL),
	TEXT(CF_REFERRER_ORG, "referrer_org", N_("Organisation"), 120, NULL),
	TEXT(CF_REFERRER_PHONE, "referrer_phone", N_("Referrer's phone"), 30, field_check_phone),
	[CF_FEEDBACK] = { .key = "feedback", .label = N_("Feedback to the referrer"), .kind = FIELD_YESNO },
	HEADING(CF_H_CONSENT, N_("Consent")),
	[CF_CONSENT_REGISTRATION] = { .key = "consent_registration", .label = N_("Agrees to registration"),
				      .kind = FIELD_YESNO },
	[CF_CONSENT_CONTACT] = { .key = "consent_contact", .label = N_("Volunteers may call"),
				 .kind = FIELD_YESNO },
	[CF_CONSENT_ON] = { .key = "consent_on", .label = N_("Consent given on"), .kind = FIELD_DATE,
			    .date_year = DATE_YEAR_LAST, .check = check_past_date },
	HEADING(CF_H_CITIZEN, N_("The citizen")),
	[CF_NAME] = { .key = "name", .label = N_("Name"), .kind = FIELD_TEXT, .required = true,
		      .max_chars = 120 },
	[CF_BIRTH_YEAR] = { .key = "birth_year", .label = N_("Birth year"), .kind = FIELD_NUMBER,
			    .min = 1900, .max = 2100, .year = true, .check = check_birth_year },
	TEXT(CF_PHONE, "phone", N_("Phone"), 30, field_check_phone),
	TEXT(CF_EMAIL, "email", N_("E-mail"), 120, field_check_email),
	/* Street and number only: the postcode and town have fields of their own
	 * (typed here too, the card showed them twice). */
	TEXT(CF_ADDRESS, "address", N_("Street and number"), 120, NULL),
	TEXT(CF_POSTCODE, "postcode", N_("Postcode"), 8, field_check_postcode),
	TEXT(CF_TOWN, "town", N_("Town"), 60, NULL),
	[CF_CONTACT_PREF] = { .key = "contact_pref", .label = N_("Preferred contact"), .kind = FIELD_CHOICE,
			      .choices = vocab_contact_pref },
	HEADING(CF_H_RELATIVE, N_("Relative who takes part")),
	TEXT(CF_REL_NAME, "relative_name", N_("Relative's name"), 120, NULL),
	TEXT(CF_REL_RELATION, "relative_relation", N_("Relation"), 60, NULL),
	TEXT(CF_REL_PHONE, "relative_phone", N_("Relative's phone"), 30, field_check_phone),
	[CF_REL_SUPPORT] = { .key = "relative_support", .label = N_("Relative wants support too"), .kind = FIELD_YESNO },
	HEADING(CF_H_WISHES, N_("Wishes and needs")),
	[CF_WISHES] = { .key = "wishes", .label = N_("In their own words"), .kind = FIELD_TEXT, .max_chars = 1000,
			.multiline = true },
	[CF_INTERESTS] = { .key = "interests", .label = N_("Interests"), .kind = FIELD_MULTI },
	[CF_BARRIERS] = { .key = "barriers", .label = N_("Barriers"), .kind = FIELD_MULTI },
	[CF_TIMES] = { .key = "times", .label = N_("Times that suit"), .kind = FIELD_MULTI },
	HEADING(CF_H_ASSESSMENT, N_("Assessment")),
	[CF_ASSESSMENT] = { .key = "assessment", .label = N_("Who can help"), .kind = FIELD_CHOICE,
			    .choices = vocab_assessment },
	TEXT(CF_HANDOVER_TO, "handover_to", N_("Handed over to"), 120, NULL),
	[CF_HANDOVER_ON] = { .key = "handover_on", .label = N_("Handover date"), .kind = FIELD_DATE,
			     .date_year = DATE_YEAR_NEAREST, .check = check_handover_day },
};

void citizen_form_restore(struct citizen_form *cf, const char *data)
{
	form_deserialise(&cf->form, data);
	unsigned days = 0, parts = 0, times = 0; /* weekday ids 1-7, time of day ids 0-2 */
	bool old = form_draft_ids(data, "weekdays", &days) | form_draft_ids(data, "parts", &parts);
	if (!old || form_draft_ids(data, "times", &times))
		return;
	/* The times the form was filled with (the card's, for an edit), as
	 * the two fields showed them: left as they were, they stay, not
	 * every pair ("Monday morning, Thursday evening" showed as two days
	 * and two times). */
	availability_bits now = times_field_get(&cf->fields[CF_TIMES]);
	unsigned shown_days = 0, shown_parts = 0;
	for (int d = 1; d <= 7; d++)
		for (int p = 0; p < 3; p++)
			if (now & AVAIL_BIT(d, p)) {
				shown_days |= 1u << d;
				shown_parts |= 1u << p;
			}
	if (citizen_rule_availability(shown_days >> 1, 0) == now)
		shown_parts = 0;
	else if (citizen_rule_availability(0, shown_parts) == now)
		shown_days = 0;
	if (days != shown_days || parts != shown_parts)
		times_field_set(&cf->fields[CF_TIMES], citizen_rule_availability(days >> 1, parts));
}

bool citizen_form_init(struct citizen_form *cf, struct app *app)
{
	memcpy(cf->fields, layout, sizeof layout);
	cf->app = app;
	cf->town = (struct town_follows){ .postcode = CF_POSTCODE, .town = CF_TOWN };
	times_field_init(&cf->times, &cf->fields[CF_TIMES]);
	enum db_status r = picklist_field_load(&cf->interests, app, "interests", &cf->fields[CF_INTERESTS]);
	if (r == DB_OK)
		r = picklist_field_load(&cf->barriers, app, "barriers", &cf->fields[CF_BARRIERS]);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	form_init(&cf->form, cf->fields, CF_COUNT);
	char dk[16];
	date_format_dk(date_today(), dk, sizeof dk);
	form_set_text(&cf->form, CF_REFERRED_ON, dk);
	form_set_text(&cf->form, CF_CONSENT_ON, dk);
	citizen_form_update_visibility(cf);
	return true;
}

bool citizen_form_valid(struct citizen_form *cf, struct app *app)
{
	struct form *f = &cf->form;
	if (!form_screen_valid(app, f))
		return false;
	struct form_field *handover = &cf->fields[CF_HANDOVER_ON];
	char referred[DATE_ISO_LEN];
	struct date d;
	form_date_iso(f, CF_REFERRED_ON, referred);
	if (handover->hidden || !form_date(f, CF_HANDOVER_ON, &d)
	    || citizen_rule_handover_date(d, referred, date_today()) != HANDOVER_DATE_BEFORE_REFERRAL)
		return true;
	snprintf(handover->error, sizeof handover->error, _("The handover cannot come before the referral (%s)."),
		 form_text(f, CF_REFERRED_ON));
	f->current = CF_HANDOVER_ON;
	form_screen_say_bad(app, f, 1);
	return false;
}

bool citizen_form_referral_valid(struct citizen_form *cf, struct app *app)
{
	struct form *f = &cf->form;
	struct form_field *source = &cf->fields[CF_SOURCE];
	if (!citizen_rule_referrer_without_source(vocab_referral_source[source->choice].code,
						  form_text(f, CF_REFERRER_NAME), form_text(f, CF_REFERRER_ORG),
						  form_text(f, CF_REFERRER_PHONE)))
		return true;
	snprintf(source->error, sizeof source->error, "%s",
		 _("A referrer is written, but the citizen referred themself: choose who referred, or empty "
		   "the referrer's name, organisation and phone."));
	f->current = CF_SOURCE;
	form_screen_say_bad(app, f, 1);
	return false;
}

void citizen_form_update_visibility(struct citizen_form *cf)
{
	bool handover = strcmp(vocab_assessment[cf->fields[CF_ASSESSMENT].choice].code,
			       "professional_help") == 0;
	cf->fields[CF_HANDOVER_TO].hidden = !handover;
	cf->fields[CF_HANDOVER_ON].hidden = !handover;
	cf->fields[CF_HANDOVER_TO].required = handover;
}

void citizen_form_fill(struct citizen_form *cf, const struct citizen_card *card)
{
	struct form *f = &cf->form;
	struct form_field *fl = cf->fields;
	const struct citizen *c = &card->citizen;
	form_set_date_iso(f, CF_REFERRED_ON, card->referral.referred_on);
	fl[CF_SOURCE].choice = vocab_index(vocab_referral_source, card->referral.source);
	form_set_text(f, CF_REFERRER_NAME, card->referral.referrer_name);
	form_set_text(f, CF_REFERRER_ORG, card->referral.referrer_org);
	form_set_text(f, CF_REFERRER_PHONE, card->referral.referrer_phone);
	fl[CF_FEEDBACK].choice = card->referral.feedback_consent;
	fl[CF_CONSENT_REGISTRATION].choice = card->consent.registration;
	fl[CF_CONSENT_CONTACT].choice = card->consent.volunteer_contact;
	form_set_date_iso(f, CF_CONSENT_ON, card->consent.given_on);
	form_set_text(f, CF_NAME, c->name);
	char year[8] = "";
	if (c->birth_year)
		snprintf(year, sizeof year, "%d", c->birth_year);
	form_set_text(f, CF_BIRTH_YEAR, year);
	form_set_text(f, CF_PHONE, c->phone);
	form_set_text(f, CF_EMAIL, c->email);
	form_set_text(f, CF_ADDRESS, c->address);
	form_set_text(f, CF_POSTCODE, c->postcode);
	form_set_text(f, CF_TOWN, c->town);
	fl[CF_CONTACT_PREF].choice = vocab_index(vocab_contact_pref, c->contact_pref);
	form_set_text(f, CF_REL_NAME, card->relative.name);
	form_set_text(f, CF_REL_RELATION, card->relative.relation);
	form_set_text(f, CF_REL_PHONE, card->relative.phone);
	fl[CF_REL_SUPPORT].choice = card->relative.wants_support;
	form_set_text(f, CF_WISHES, c->wishes);
	fl[CF_INTERESTS].picked = form_multi_ticks(&fl[CF_INTERESTS], card->interests, card->ninterests);
	fl[CF_BARRIERS].picked = form_multi_ticks(&fl[CF_BARRIERS], card->barriers, card->nbarriers);
	times_field_set(&fl[CF_TIMES], card->availability);
	fl[CF_ASSESSMENT].choice = vocab_index(vocab_assessment, card->assessment.outcome);
	form_set_text(f, CF_HANDOVER_TO, card->assessment.handover_to);
	form_set_date_iso(f, CF_HANDOVER_ON, card->assessment.handover_on);
	citizen_form_update_visibility(cf);
	f->dirty = false;
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

void citizen_form_read(const struct citizen_form *cf, struct citizen_card *card)
{
	const struct form *f = &cf->form;
	const struct form_field *fl = cf->fields;
	struct citizen *c = &card->citizen;
	form_date_iso(f, CF_REFERRED_ON, card->referral.referred_on);
	copy(card->referral.source, sizeof card->referral.source,
	     vocab_referral_source[fl[CF_SOURCE].choice].code);
	copy(card->referral.referrer_name, sizeof card->referral.referrer_name, form_text(f, CF_REFERRER_NAME));
	copy(card->referral.referrer_org, sizeof card->referral.referrer_org, form_text(f, CF_REFERRER_ORG));
	copy(card->referral.referrer_phone, sizeof card->referral.referrer_phone, form_text(f, CF_REFERRER_PHONE));
	card->referral.feedback_consent = fl[CF_FEEDBACK].choice;
	card->consent.registration = fl[CF_CONSENT_REGISTRATION].choice;
	card->consent.volunteer_contact = fl[CF_CONSENT_CONTACT].choice;
	card->consent.referrer_feedback = fl[CF_FEEDBACK].choice;
	form_date_iso(f, CF_CONSENT_ON, card->consent.given_on);
	copy(c->name, sizeof c->name, form_text(f, CF_NAME));
	c->birth_year = (int)form_number(f, CF_BIRTH_YEAR);
	copy(c->phone, sizeof c->phone, form_text(f, CF_PHONE));
	copy(c->email, sizeof c->email, form_text(f, CF_EMAIL));
	copy(c->address, sizeof c->address, form_text(f, CF_ADDRESS));
	copy(c->postcode, sizeof c->postcode, form_text(f, CF_POSTCODE));
	copy(c->town, sizeof c->town, form_text(f, CF_TOWN));
	copy(c->contact_pref, sizeof c->contact_pref, vocab_contact_pref[fl[CF_CONTACT_PREF].choice].code);
	copy(card->relative.name, sizeof card->relative.name, form_text(f, CF_REL_NAME));
	copy(card->relative.relation, sizeof card->relative.relation, form_text(f, CF_REL_RELATION));
	copy(card->relative.phone, sizeof card->relative.phone, form_text(f, CF_REL_PHONE));
	card->relative.wants_support = fl[CF_REL_SUPPORT].choice;
	copy(c->wishes, sizeof c->wishes, form_text(f, CF_WISHES));
	card->ninterests = form_multi_ids(&fl[CF_INTERESTS], card->interests, CIT_MAX_PICKS);
	card->nbarriers = form_multi_ids(&fl[CF_BARRIERS], card->barriers, CIT_MAX_PICKS);
	card->availability = times_field_get(&fl[CF_TIMES]);
	copy(card->assessment.outcome, sizeof card->assessment.outcome,
	     vocab_assessment[fl[CF_ASSESSMENT].choice].code);
	if (card->assessment.outcome[0] && !card->assessment.assessed_on[0])
		date_format_iso(date_today(), card->assessment.assessed_on);
	copy(card->assessment.handover_to, sizeof card->assessment.handover_to,
	     fl[CF_HANDOVER_TO].hidden ? "" : form_text(f, CF_HANDOVER_TO));
	if (fl[CF_HANDOVER_ON].hidden)
		card->assessment.handover_on[0] = '\0';
	else
		form_date_iso(f, CF_HANDOVER_ON, card->assessment.handover_on);
}

unsigned citizen_form_key(struct citizen_form *cf, ui_key key, enum form_event *ev)
{
	form_screen_town_before(&cf->town, &cf->form, key);
	unsigned r = form_key(&cf->form, key, ev);
	int cur = cf->form.current;
	if (*ev == FORM_PICK) {
		struct picklist_field *list = cur == CF_INTERESTS ? &cf->interests
			: cur == CF_BARRIERS ? &cf->barriers : NULL;
		form_screen_pick(cf->app, &cf->form, list ? picklist_field_add : NULL, list);
		*ev = FORM_NONE;
		return RD_ALL;
	}
	if (*ev == FORM_CHANGED)
		form_screen_town_after(cf->app, &cf->town, &cf->form);
	if (*ev == FORM_CHANGED && cur == CF_ASSESSMENT)
		citizen_form_update_visibility(cf);
	return r;
}
