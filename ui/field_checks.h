/* field_checks.h — the checks a form field gets for what it holds (a
 * phone number, an e-mail address, a postcode, a time of day), so every
 * form says the same words about the same mistake. (Every text field also
 * refuses a CPR number: ui/form.c does that for all.) Each is a
 * field_check: it runs after the field's kind's own check, only on a
 * field that is not empty. */
#ifndef BB_FIELD_CHECKS_H
#define BB_FIELD_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

struct form_field;

/* Digits with spaces, + and -; 8 digits, up to 15 with a country code. */
bool field_check_phone(const struct form_field *fld, char *err, size_t size);
bool field_check_email(const struct form_field *fld, char *err, size_t size);
/* A Danish postcode in use, 0800 to 9990. */
bool field_check_postcode(const struct form_field *fld, char *err, size_t size);
/* A time of day as HH:MM. */
bool field_check_time(const struct form_field *fld, char *err, size_t size);

#endif
