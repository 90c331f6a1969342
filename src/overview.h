/* overview.h — what the home screen shows: the centre's name, today's
 * numbers and the drafts waiting for the person signed in. */
#ifndef BB_OVERVIEW_H
#define BB_OVERVIEW_H

#include <stdbool.h>

#include "desk.h"
#include "model_citizen.h"
#include "model_limits.h"
#include "model_stats.h"

enum { OVERVIEW_DRAFTS = 3 };

struct overview {
	char centre_name[LIMIT_BYTES(CENTRE_NAME_CHARS)];   /* "" until named */
	struct today_counts today;
	long long escalated;             /* citizens raised to the coordinator */
	struct draft drafts[OVERVIEW_DRAFTS];
	int ndrafts;
	int drafts_total;                /* ndrafts, or more when not all fit */
};

/* Numbers, not names: shown to anyone at the desk, also before signing
 * in (the drafts only to their owner). */
enum db_status overview_today(struct desk *d, struct overview *out);

#endif
