/* registry_rules.h — the rules the registry's use cases (src/registry.c)
 * decide with: whether an activity's weekday and times make sense, and
 * what its planned sessions must do when they change. Pure functions,
 * tested in tests/test_registry_rules.c. */
#ifndef BB_REGISTRY_RULES_H
#define BB_REGISTRY_RULES_H

#include <stdbool.h>

#include "date.h"
#include "model_registry.h"

/* A weekly activity (weekday 1..7) needs the time it starts; when both
 * times are given ("HH:MM"), it must end after it starts. */
enum activity_times_check registry_rule_activity_times(int weekday, const char *start_time, const char *end_time);

/* The weekday as stored: 1 (Monday) to 7, or 0 for an activity that does
 * not meet weekly. */
int registry_rule_weekday(int weekday);

/* What an edit of an activity does to its planned sessions. A new
 * weekday drops the planned sessions nobody is booked on yet (new ones
 * follow); new times move every planned session from today on, since
 * people are told the new time anyway. */
enum sessions_follow {
	SESSIONS_STAY,
	SESSIONS_NEW_TIMES,
	SESSIONS_NEW_DAY,
};
enum sessions_follow registry_rule_sessions_follow(const struct activity_record *before,
						   const struct activity_record *after);

/* A volunteer is 16 or older in the year of the birth year given (0: not
 * given). */
bool registry_rule_volunteer_age(int birth_year, struct date today);

/* Whether an activity with this status is ended: its planned sessions
 * that nobody is booked on are dropped, the rest cancelled. */
bool registry_rule_ended(const char *status);

#endif
