/* model_stats.h — the stats types: plain structs, enums and limits
 * that every layer shares. No functions. */
#ifndef BB_MODEL_STATS_H
#define BB_MODEL_STATS_H

#include <stdbool.h>

#include "model_status.h"

struct today_counts {
	long long sessions_today;   /* sessions planned or held today */
	long long calls_due;        /* open follow-up calls due today or overdue */
	long long new_referrals;    /* referrals in the last 7 days */
	bool empty;                 /* no citizen, volunteer or activity yet */
};

#endif
