/* store_stats.h — the few numbers the home screen shows for today. */
#ifndef BB_STORE_STATS_H
#define BB_STORE_STATS_H

#include "db.h"

struct today_counts {
	long long sessions_today;   /* sessions planned or held today */
	long long calls_due;        /* open follow-up calls due today or overdue */
	long long new_referrals;    /* referrals in the last 7 days */
	long long citizens;         /* citizens on record, any status */
	long long volunteers;
	long long activities;
};

/* `today` is an ISO date (YYYY-MM-DD): the caller owns the clock. */
enum db_status stats_today(struct db *db, const char *today, struct today_counts *out);

#endif
