/* model_users.h — the users types: plain structs, enums and limits
 * that every layer shares. No functions. */
#ifndef BB_MODEL_USERS_H
#define BB_MODEL_USERS_H

#include <stdbool.h>
#include "model_limits.h"
#include "model_status.h"

enum { USER_NAME = 484, USER_HASH = 128 };

struct user {
	long long id;
	char name[USER_NAME];
	char role[16];      /* desk, coordinator */
	bool active;
	int failed_pins;    /* wrong PINs in a row */
	long long next_try_at; /* seconds since 1970: no try before then */
	bool locked;        /* too many wrong PINs: a coordinator gives a new one */
};

/* How a sign-in went. */
enum sign_in_result {
	SIGNED_IN,
	SIGN_IN_WRONG_PIN,
	SIGN_IN_WAIT,       /* too many wrong PINs: wait before the next try */
	SIGN_IN_LOCKED,     /* locked until a coordinator gives a new PIN */
};

/* What the desk needs before anyone signs in. */
struct access {
	bool users_exist;            /* then everyone signs in with a PIN */
	int idle_lock_minutes;
};

/* The centre's settings, as the coordinator edits them. */
struct centre_settings {
	char centre_name[LIMIT_BYTES(CENTRE_NAME_CHARS)];
	int idle_lock_minutes;
	int no_contact_weeks;        /* a call after this many weeks without contact */
	int no_contact_per_day;      /* at most this many such calls a day */
	/* The retention rule (src/retention.h), in months. */
	int retention_course_months;
	int retention_referral_months;
	int retention_audit_months;
	/* "today" and the times shown are the centre's, not the PC's: a
	 * tz database name, e.g. Europe/Copenhagen (the default). */
	char time_zone[LIMIT_BYTES(TIME_ZONE_CHARS)];
};

#endif
