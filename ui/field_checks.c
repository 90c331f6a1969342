/* field_checks.c — the shared field checks (field_checks.h). */
#include "field_checks.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "form.h"
#include "i18n.h"
#include "postcode.h"

bool field_check_phone(const struct form_field *fld, char *err, size_t size)
{
	int digits = 0;
	for (const char *p = fld->edit.text; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p != ' ' && *p != '+' && *p != '-') {
			snprintf(err, size, "%s", _("A phone number has only digits, spaces and +, e.g. 12 34 56 78."));
			return false;
		}
	}
	if (digits < 8 || digits > 15)
		snprintf(err, size, "%s", _("A phone number has 8 digits, or more with a country code."));
	return !err[0];
}

bool field_check_email(const struct form_field *fld, char *err, size_t size)
{
	const char *at = strchr(fld->edit.text, '@');
	if (!at || at == fld->edit.text || !strchr(at, '.') || strchr(fld->edit.text, ' '))
		snprintf(err, size, "%s", _("Write the e-mail address as name@example.dk."));
	return !err[0];
}

bool field_check_postcode(const struct form_field *fld, char *err, size_t size)
{
	if (!postcode_valid(fld->edit.text))
		snprintf(err, size, "%s", _("Danish postcodes go from 0800 to 9990, e.g. 8000."));
	return !err[0];
}

bool field_check_time(const struct form_field *fld, char *err, size_t size)
{
	char t[DATE_TIME_LEN];
	bool ok = date_parse_time(fld->edit.text, t);
	if (!ok)
		snprintf(err, size, "%s", _("Write the time as hours and minutes, e.g. 10:00 or 18:30."));
	return ok;
}
