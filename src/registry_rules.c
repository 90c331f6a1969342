/* registry_rules.c — the registry's rules (registry_rules.h). */
#include "registry_rules.h"

#include <string.h>

enum activity_times_check registry_rule_activity_times(int weekday, const char *start_time, const char *end_time)
{
	const char *start = start_time ? start_time : "", *end = end_time ? end_time : "";
	if (registry_rule_weekday(weekday) && !start[0])
		return ACTIVITY_TIMES_NO_START;
	/* "HH:MM" sorts as it reads. */
	if (start[0] && end[0] && strcmp(end, start) <= 0)
		return ACTIVITY_TIMES_END_NOT_AFTER_START;
	return ACTIVITY_TIMES_OK;
}

int registry_rule_weekday(int weekday)
{
	return weekday >= 1 && weekday <= 7 ? weekday : 0;
}

enum sessions_follow registry_rule_sessions_follow(const struct activity_record *before,
						   const struct activity_record *after)
{
	if (registry_rule_weekday(before->weekday) != registry_rule_weekday(after->weekday))
		return SESSIONS_NEW_DAY;
	if (strcmp(before->start_time, after->start_time) != 0 || strcmp(before->end_time, after->end_time) != 0)
		return SESSIONS_NEW_TIMES;
	return SESSIONS_STAY;
}

enum { VOLUNTEER_MIN_AGE = 16 };

bool registry_rule_volunteer_age(int birth_year, struct date today)
{
	return birth_year <= today.year - VOLUNTEER_MIN_AGE;
}

bool registry_rule_ended(const char *status)
{
	return status && strcmp(status, "ended") == 0;
}
