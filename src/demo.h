/* demo.h — a deterministic, realistic, made-up data set for trying the
 * program and for benchmarks. Same seed and options, same database. */
#ifndef BB_DEMO_H
#define BB_DEMO_H

#include "date.h"
#include "db.h"

struct demo_options {
	long citizens;       /* default 300 */
	long volunteers;     /* 0: scale with citizens */
	long activities;     /* 0: scale with citizens */
	unsigned long seed;
	struct date today;   /* the years of sessions end here */
	long years;          /* years of sessions and referrals; 0 or 1: one year of sessions, two of referrals */
};

enum { DEMO_MAX_YEARS = 10 };

struct demo_summary {
	long citizens, volunteers, activities, sessions, attendance, matches,
		follow_ups, referrals;
};

/* Fills an empty, migrated database. Refuses (DB_ERR_CONFLICT) when it
 * already holds citizens, volunteers or activities. */
enum db_status demo_generate(struct db *db, const struct demo_options *opt,
			     struct demo_summary *out);

#endif
