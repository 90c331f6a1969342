/* model_exchange.h — the rows CSV export reads and the keys the import
 * finds duplicates by: plain structs every layer shares. No functions.
 *
 * db/store_exchange.c fills them with the schema's codes and ISO dates;
 * src/exchange_export.c gives the codes their Danish words. */
#ifndef BB_MODEL_EXCHANGE_H
#define BB_MODEL_EXCHANGE_H

#include <stdbool.h>

#include "model_citizen.h"
#include "model_registry.h"

/* What can be exported; the first three can be imported too. */
enum exchange_table {
	EXCHANGE_CITIZENS,
	EXCHANGE_VOLUNTEERS,
	EXCHANGE_ACTIVITIES,
	EXCHANGE_SESSIONS,
	EXCHANGE_ATTENDANCE,
	EXCHANGE_CALLS,
	EXCHANGE_MEASURES,
	EXCHANGE_TABLES,
};

/* A period of days, ISO; "" leaves that end open. */
struct exchange_period {
	char from[CIT_DATE];
	char to[CIT_DATE];
};

enum { EXPORT_TEXT = CIT_WISHES }; /* room for a note or a list of names */

/* A citizen as the export lists them: their own details, the latest
 * referral, the consents in force, interests and barriers (ids). */
struct export_citizen {
	struct citizen citizen;
	struct referral referral;
	char consent_on[CIT_DATE];       /* the registration consent in force, or "" */
	bool volunteer_contact;          /* consent that volunteers may call */
	long long interests[CIT_MAX_PICKS];
	int ninterests;
	long long barriers[CIT_MAX_PICKS];
	int nbarriers;
};

struct export_session {
	char date[CIT_DATE];
	char activity[CIT_NAME];
	char start_time[REG_TIME];
	char end_time[REG_TIME];
	char status[CIT_CODE];           /* planned, held, cancelled */
	char cancel_reason[EXPORT_TEXT];
	char led_by[CIT_NAME];
	char helpers[EXPORT_TEXT];       /* names, ", " between, in Danish order */
	int present, excused, absent;
	char note[EXPORT_TEXT];
};

struct export_attendance {
	char date[CIT_DATE];
	char activity[CIT_NAME];
	char citizen[CIT_NAME];
	int birth_year;                  /* 0: not given */
	char mark[CIT_CODE];             /* present, excused, absent */
	char companion[CIT_NAME];        /* the volunteer who came along, or "" */
	bool walk_in;
};

struct export_call {
	char due_on[CIT_DATE];
	char due_time[REG_TIME];
	char citizen[CIT_NAME];
	int birth_year;
	char phone[CIT_SHORT];
	char reason[CIT_CODE];
	char responsible[CIT_NAME];
	char status[CIT_CODE];           /* open, done, cancelled */
	char outcome[CIT_CODE];          /* when done: reached, not_reached, ... */
	char note[EXPORT_TEXT];
	char next_step[EXPORT_TEXT];
	char done_on[CIT_DATE];
};

struct export_measure {
	char taken_on[CIT_DATE];
	char citizen[CIT_NAME];
	int birth_year;
	char measure[CIT_NAME];
	char occasion[CIT_CODE];         /* intake, follow_up, end */
	int total;
	char band[CIT_NAME];             /* the score band's words, or "" */
	char answers[EXPORT_TEXT];       /* the item answers in order, ", " between */
};

/* Someone on record, as the import compares people (and an activity by
 * its name alone). */
struct exchange_person {
	char name[CIT_NAME];
	int birth_year;                  /* 0: not given */
	char phone[CIT_SHORT];
};

#endif
