/* field_rules.h — what a field may hold, with the words for a mistake, so
 * a form (ui/field_checks.c, the citizen and volunteer forms) and the CSV
 * import (src/exchange_import.c) say the same thing about the same
 * mistake. Each returns NULL when the value is fine, else a translated
 * sentence; whether a field may be empty is the caller's business. The
 * rules themselves are the domain's (postcode.c, cpr.c, date.c,
 * citizen_rules.c, registry_rules.c). */
#ifndef BB_FIELD_RULES_H
#define BB_FIELD_RULES_H

#include "date.h"

/* Digits with spaces, + and -; 8 digits, up to 15 with a country code. */
const char *field_rule_phone(const char *text);
const char *field_rule_email(const char *text);
/* A Danish postcode in use, 0800 to 9990. */
const char *field_rule_postcode(const char *text);
/* A time of day people write ("18:30", "1830", "9.30"). */
const char *field_rule_time(const char *text);
/* Free text never holds a CPR number. */
const char *field_rule_no_cpr(const char *text);
/* A day something happened: not after today, not long ago. */
const char *field_rule_past_date(struct date d, struct date today);
/* A citizen is 18 or older; a volunteer 16 or older (0: not given). */
const char *field_rule_citizen_birth_year(int year, struct date today);
const char *field_rule_volunteer_birth_year(int year, struct date today);

#endif
