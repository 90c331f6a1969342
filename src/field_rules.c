/* field_rules.c — the field rules and their words (field_rules.h). */
#include "field_rules.h"

#include <string.h>

#include "citizen_rules.h"
#include "cpr.h"
#include "i18n.h"
#include "postcode.h"
#include "registry_rules.h"

const char *field_rule_phone(const char *text)
{
	int digits = 0;
	for (const char *p = text; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p != ' ' && *p != '+' && *p != '-')
			return _("A phone number has only digits, spaces and +, e.g. 12 34 56 78.");
	}
	if (digits < 8 || digits > 15)
		return _("A phone number has 8 digits, or more with a country code.");
	return NULL;
}

const char *field_rule_email(const char *text)
{
	const char *at = strchr(text, '@');
	if (!at || at == text || !strchr(at, '.') || strchr(text, ' '))
		return _("Write the e-mail address as name@example.dk.");
	return NULL;
}

const char *field_rule_postcode(const char *text)
{
	return postcode_valid(text) ? NULL : _("Danish postcodes go from 0800 to 9990, e.g. 8000.");
}

const char *field_rule_time(const char *text)
{
	char t[DATE_TIME_LEN];
	return date_parse_time(text, t) ? NULL : _("Write the time as hours and minutes, e.g. 10:00 or 18:30.");
}

const char *field_rule_no_cpr(const char *text)
{
	return cpr_found(text) ? _("This looks like a CPR number. Brobygger never needs one, so please leave it out.")
			       : NULL;
}

const char *field_rule_past_date(struct date d, struct date today)
{
	switch (citizen_rule_past_date(d, today)) {
	case PAST_DATE_FUTURE:
		return _("This date is in the future. Write the day it happened.");
	case PAST_DATE_LONG_AGO:
		return _("This date is more than ten years ago. Check the year.");
	case PAST_DATE_OK:
		break;
	}
	return NULL;
}

const char *field_rule_citizen_birth_year(int year, struct date today)
{
	if (!citizen_rule_adult(year, today))
		return _("Brobygger is for adults: the citizen must be 18 or older.");
	if (!citizen_rule_living(year, today))
		return _("Nobody living was born that year. Check the birth year.");
	return NULL;
}

const char *field_rule_volunteer_birth_year(int year, struct date today)
{
	return registry_rule_volunteer_age(year, today) ? NULL : _("A volunteer is at least 16 years old.");
}
