/* exchange_columns.c — every table's columns (exchange_columns.h).
 *
 * The aliases are headers people give these columns in their own
 * spreadsheets, Danish and English, the Danish header first, so a Danish
 * sheet is read whatever language the program speaks; they are
 * recognised, never shown, so they are data here rather than translated
 * strings. */
#include "exchange_columns.h"

#include <string.h>

#include "fold.h"
#include "i18n.h"

/* Headers the same column has in every table. */
#define PHONE_ALIASES "telefon|telefonnummer|tlf|tlf nr|mobil|mobilnummer|phone number|mobile"
#define EMAIL_ALIASES "e-mail|email|mail|e-mail-adresse|email address"
#define POSTCODE_ALIASES "postnr|postnummer|post nr|zip|postal code"
#define TOWN_ALIASES "by|bynavn|postdistrikt|city"
#define BIRTH_YEAR_ALIASES "fødselsår|født|årgang|year of birth|born"
#define FIRST_NAME_ALIASES "fornavn|fornavne|given name"
#define SURNAME_ALIASES "efternavn|last name|family name"
#define INTEREST_ALIASES "interesser|interests"

static const struct exchange_column citizen_columns[] = {
	{ .id = CC_NAME, .title = N_("Name"),
	  .aliases = "navn|fulde navn|borger|borgerens navn|full name|citizen" },
	{ .id = CC_FIRST_NAME, .title = N_("First name"),
	  .aliases = FIRST_NAME_ALIASES, .import_only = true },
	{ .id = CC_SURNAME, .title = N_("Surname"), .aliases = SURNAME_ALIASES, .import_only = true },
	{ .id = CC_BIRTH_YEAR, .title = N_("Birth year"), .aliases = BIRTH_YEAR_ALIASES },
	{ .id = CC_PHONE, .title = N_("Phone"), .aliases = PHONE_ALIASES },
	{ .id = CC_EMAIL, .title = N_("E-mail"), .aliases = EMAIL_ALIASES },
	{ .id = CC_ADDRESS, .title = N_("Address"), .aliases = "adresse|gade|vej|street" },
	{ .id = CC_POSTCODE, .title = N_("Postcode"), .aliases = POSTCODE_ALIASES },
	{ .id = CC_TOWN, .title = N_("Town"), .aliases = TOWN_ALIASES },
	{ .id = CC_CONTACT, .title = N_("Preferred contact"),
	  .aliases = "foretrukken kontakt|kontaktform|kontakt|contact" },
	{ .id = CC_REFERRED_ON, .title = N_("Referred on"),
	  .aliases = "henvist den|henvist|henvisningsdato|dato for henvisning|startdato|referral date" },
	{ .id = CC_SOURCE, .title = N_("Referred by"), .aliases = "henvist af|henvisningsvej|kilde|source" },
	{ .id = CC_REFERRER_NAME, .title = N_("Referrer's name"),
	  .aliases = "henviser|henviserens navn|referrer" },
	{ .id = CC_REFERRER_ORG, .title = N_("Organisation"),
	  .aliases = "organisation|henviserens organisation|arbejdssted|organization" },
	{ .id = CC_REFERRER_PHONE, .title = N_("Referrer's phone"),
	  .aliases = "henviserens telefon|henviser tlf" },
	{ .id = CC_FEEDBACK, .title = N_("Feedback to the referrer"),
	  .aliases = "tilbagemelding|tilbagemelding til henviser|feedback" },
	{ .id = CC_CONSENT_ON, .title = N_("Consent given on"),
	  .aliases = "samtykke givet den|samtykke|samtykkedato|samtykke givet|consent|consent date" },
	{ .id = CC_VOLUNTEERS_MAY_CALL, .title = N_("Volunteers may call"),
	  .aliases = "frivillige må ringe|må ringes op af frivillige" },
	{ .id = CC_INTERESTS, .title = N_("Interests"), .aliases = INTEREST_ALIASES },
	{ .id = CC_BARRIERS, .title = N_("Barriers"), .aliases = "barrierer|udfordringer|barriers" },
	{ .id = CC_WISHES, .title = N_("Wishes and needs"),
	  .aliases = "ønsker|ønsker og behov|in their own words|wishes" },
	{ .id = CC_ENDED_ON, .title = N_("Course ended on"),
	  .aliases = "forløb afsluttet den|afsluttet|afsluttet den|forløb afsluttet|slutdato|ended on" },
	{ .id = CC_END_REASON, .title = N_("Reason for ending"),
	  .aliases = "afslutningsårsag|årsag til afslutning|end reason" },
};

static const struct exchange_column volunteer_columns[] = {
	{ .id = VC_NAME, .title = N_("Name"), .aliases = "navn|fulde navn|frivillig|full name|volunteer" },
	{ .id = VC_FIRST_NAME, .title = N_("First name"),
	  .aliases = FIRST_NAME_ALIASES, .import_only = true },
	{ .id = VC_SURNAME, .title = N_("Surname"), .aliases = SURNAME_ALIASES, .import_only = true },
	{ .id = VC_PHONE, .title = N_("Phone"), .aliases = PHONE_ALIASES },
	{ .id = VC_EMAIL, .title = N_("E-mail"), .aliases = EMAIL_ALIASES },
	{ .id = VC_POSTCODE, .title = N_("Postcode"), .aliases = POSTCODE_ALIASES },
	{ .id = VC_TOWN, .title = N_("Town"), .aliases = TOWN_ALIASES },
	{ .id = VC_ROLES, .title = N_("Roles"), .aliases = "rolle|roller|role" },
	{ .id = VC_STATUS, .title = N_("Status"), .aliases = "status" },
	{ .id = VC_CAPACITY, .title = N_("Citizens at once"),
	  .aliases = "borgere ad gangen|kapacitet|antal borgere|capacity" },
	{ .id = VC_INTERESTS, .title = N_("Interests"), .aliases = INTEREST_ALIASES },
	{ .id = VC_LANGUAGES, .title = N_("Languages"), .aliases = "sprog|languages (comma between)" },
	{ .id = VC_AREAS, .title = N_("Areas (postcodes)"),
	  .aliases = "områder (postnumre)|områder|område|areas" },
	{ .id = VC_FREE_AT, .title = N_("Free times"),
	  .aliases = "ledige tider|kan|ledig|free at|availability" },
	{ .id = VC_GENDER, .title = N_("Gender"), .aliases = "køn" },
	{ .id = VC_BIRTH_YEAR, .title = N_("Birth year"), .aliases = BIRTH_YEAR_ALIASES },
	{ .id = VC_LIVED, .title = N_("Lived experience, in their words"),
	  .aliases = "egne erfaringer, med egne ord|egne erfaringer|erfaring|lived experience" },
	{ .id = VC_COURSES, .title = N_("Courses completed"),
	  .aliases = "gennemførte kurser|kurser|uddannelse|courses" },
};

static const struct exchange_column activity_columns[] = {
	{ .id = AC_NAME, .title = N_("Name"), .aliases = "navn|aktivitet|navn på aktivitet|activity" },
	{ .id = AC_KIND, .title = N_("Kind"), .aliases = "slags|type|art" },
	{ .id = AC_COMMUNITY, .title = N_("Community"), .aliases = "fællesskab" },
	{ .id = AC_ORGANISER, .title = N_("Organiser"), .aliases = "arrangør|forening|organizer" },
	{ .id = AC_PLACE, .title = N_("Place"), .aliases = "sted|adresse|mødested|address" },
	{ .id = AC_POSTCODE, .title = N_("Postcode"), .aliases = POSTCODE_ALIASES },
	{ .id = AC_WEEKDAY, .title = N_("Weekday"), .aliases = "ugedag|dag|day" },
	{ .id = AC_START, .title = N_("Starts at"), .aliases = "starter kl.|start|starttid|fra|kl|begins" },
	{ .id = AC_END, .title = N_("Ends at"), .aliases = "slutter kl.|slut|sluttid|til|ends" },
	{ .id = AC_CAPACITY, .title = N_("Places"), .aliases = "pladser|antal pladser|capacity" },
	{ .id = AC_CONTACT_NAME, .title = N_("Contact person"), .aliases = "kontaktperson|kontakt|contact" },
	{ .id = AC_CONTACT_PHONE, .title = N_("Contact phone"),
	  .aliases = "kontakttelefon|telefon|tlf|phone" },
	{ .id = AC_STATUS, .title = N_("Status"), .aliases = "status" },
	{ .id = AC_INTERESTS, .title = N_("Interests it serves"),
	  .aliases = "interesser, den passer til|interesser|interests" },
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

const struct exchange_column *exchange_columns(enum exchange_table t, int *n)
{
	switch (t) {
	case EXCHANGE_CITIZENS:
		*n = COUNT(citizen_columns);
		return citizen_columns;
	case EXCHANGE_VOLUNTEERS:
		*n = COUNT(volunteer_columns);
		return volunteer_columns;
	case EXCHANGE_ACTIVITIES:
		*n = COUNT(activity_columns);
		return activity_columns;
	default:
		*n = 0;
		return NULL;
	}
}

static bool same_folded(const char *a, size_t alen, const char *folded)
{
	char buf[256], f[256];
	if (alen >= sizeof buf)
		return false;
	memcpy(buf, a, alen);
	buf[alen] = '\0';
	fold_search(buf, f, sizeof f);
	return f[0] && strcmp(f, folded) == 0;
}

const struct exchange_column *exchange_column_for(enum exchange_table t, const char *header)
{
	int n;
	const struct exchange_column *cols = exchange_columns(t, &n);
	char f[256];
	fold_search(header, f, sizeof f);
	if (!f[0])
		return NULL;
	for (int i = 0; i < n; i++) {
		const struct exchange_column *c = &cols[i];
		const char *title = _(c->title);
		if (same_folded(title, strlen(title), f) || same_folded(c->title, strlen(c->title), f))
			return c;
		for (const char *p = c->aliases; *p;) {
			size_t len = strcspn(p, "|");
			if (same_folded(p, len, f))
				return c;
			p += len;
			if (*p)
				p++;
		}
	}
	return NULL;
}
