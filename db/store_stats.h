/* store_stats.h — the few numbers the home screen shows for today. */
#ifndef BB_STORE_STATS_H
#define BB_STORE_STATS_H

#include "db.h"
#include "model_stats.h"

/* `today` is an ISO date (YYYY-MM-DD): the caller owns the clock. */
enum db_status store_stats_today(struct db *db, const char *today, struct today_counts *out);

#endif
