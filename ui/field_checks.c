/* field_checks.c — the shared field checks (field_checks.h): the rules
 * and their words are src/field_rules.c's, which the CSV import uses too. */
#include "field_checks.h"

#include <stdio.h>

#include "field_rules.h"
#include "form.h"

static bool said(const char *why, char *err, size_t size)
{
	if (why)
		snprintf(err, size, "%s", why);
	return why == NULL;
}

bool field_check_phone(const struct form_field *fld, char *err, size_t size)
{
	return said(field_rule_phone(fld->edit.text), err, size);
}

bool field_check_email(const struct form_field *fld, char *err, size_t size)
{
	return said(field_rule_email(fld->edit.text), err, size);
}

bool field_check_postcode(const struct form_field *fld, char *err, size_t size)
{
	return said(field_rule_postcode(fld->edit.text), err, size);
}

bool field_check_time(const struct form_field *fld, char *err, size_t size)
{
	return said(field_rule_time(fld->edit.text), err, size);
}
