/* exchange_columns.h — the columns of each table's CSV file, shared by
 * export (which writes them in this order, under these headers) and
 * import (which finds them by header). One table per file kind, so the
 * two can never disagree about a column's name. Private to
 * src/exchange_*.c. */
#ifndef BB_EXCHANGE_COLUMNS_H
#define BB_EXCHANGE_COLUMNS_H

#include <stdbool.h>

#include "model_exchange.h"

struct exchange_column {
	int id;                /* the table's own enum below */
	const char *title;     /* N_(): the header the export writes */
	/* More headers the import knows, '|' between, compared folded (so
	 * "Postnr." and "postnr" are one); the title in the language the
	 * program speaks and in English are always known. */
	const char *aliases;
	bool import_only;      /* read, never written (first name, surname) */
};

enum citizen_column {
	CC_NAME, CC_FIRST_NAME, CC_SURNAME, CC_BIRTH_YEAR, CC_PHONE, CC_EMAIL, CC_ADDRESS, CC_POSTCODE, CC_TOWN,
	CC_CONTACT, CC_REFERRED_ON, CC_SOURCE, CC_REFERRER_NAME, CC_REFERRER_ORG, CC_REFERRER_PHONE,
	CC_FEEDBACK, CC_CONSENT_ON, CC_VOLUNTEERS_MAY_CALL, CC_INTERESTS, CC_BARRIERS, CC_WISHES, CC_ENDED_ON,
	CC_END_REASON,
};

enum volunteer_column {
	VC_NAME, VC_FIRST_NAME, VC_SURNAME, VC_PHONE, VC_EMAIL, VC_POSTCODE, VC_TOWN, VC_ROLES, VC_STATUS,
	VC_CAPACITY, VC_INTERESTS, VC_LANGUAGES, VC_AREAS, VC_FREE_AT, VC_GENDER, VC_BIRTH_YEAR, VC_LIVED,
	VC_COURSES,
};

enum activity_column {
	AC_NAME, AC_KIND, AC_COMMUNITY, AC_ORGANISER, AC_PLACE, AC_POSTCODE, AC_WEEKDAY, AC_START, AC_END,
	AC_CAPACITY, AC_CONTACT_NAME, AC_CONTACT_PHONE, AC_STATUS, AC_INTERESTS,
};

/* The table's columns in the file's order; *n gets how many. */
const struct exchange_column *exchange_columns(enum exchange_table t, int *n);

/* The column `header` names, or NULL. */
const struct exchange_column *exchange_column_for(enum exchange_table t, const char *header);

#endif
