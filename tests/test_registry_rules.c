/* The registry's rules (src/registry_rules.c): an activity's times, and
 * what an edit does to its planned sessions. */
#include <stdio.h>
#include <string.h>

#include "registry_rules.h"
#include "tap.h"

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static void times(void)
{
	TAP_INT_EQ(registry_rule_activity_times(4, "10:00", "11:30"), ACTIVITY_TIMES_OK, "Thursdays 10 to 11.30");
	TAP_INT_EQ(registry_rule_activity_times(4, "10:00", ""), ACTIVITY_TIMES_OK, "the end may be left out");
	TAP_INT_EQ(registry_rule_activity_times(4, "", ""), ACTIVITY_TIMES_NO_START,
		   "a weekly activity needs the time it starts");
	TAP_INT_EQ(registry_rule_activity_times(4, NULL, "11:00"), ACTIVITY_TIMES_NO_START, "NULL counts as not given");
	TAP_INT_EQ(registry_rule_activity_times(0, "", ""), ACTIVITY_TIMES_OK, "one that is not weekly needs none");
	TAP_INT_EQ(registry_rule_activity_times(9, "", ""), ACTIVITY_TIMES_OK, "nor does a weekday out of range");
	TAP_INT_EQ(registry_rule_activity_times(2, "14:00", "14:00"), ACTIVITY_TIMES_END_NOT_AFTER_START,
		   "ending when it starts is refused");
	TAP_INT_EQ(registry_rule_activity_times(2, "14:00", "09:30"), ACTIVITY_TIMES_END_NOT_AFTER_START,
		   "ending before it starts is refused");
	TAP_INT_EQ(registry_rule_activity_times(0, "19:00", "18:00"), ACTIVITY_TIMES_END_NOT_AFTER_START,
		   "also for one that is not weekly");
	TAP_INT_EQ(registry_rule_activity_times(2, "09:30", "10:00"), ACTIVITY_TIMES_OK, "09:30 comes before 10:00");
}

static void sessions_follow(void)
{
	struct activity_record before = { .weekday = 4 }, after;
	SET(before.start_time, "10:00");
	SET(before.end_time, "11:30");
	after = before;
	TAP_INT_EQ(registry_rule_sessions_follow(&before, &after), SESSIONS_STAY, "nothing changed: sessions stay");
	after.weekday = 2;
	TAP_INT_EQ(registry_rule_sessions_follow(&before, &after), SESSIONS_NEW_DAY, "a new weekday");
	SET(after.start_time, "12:00");
	TAP_INT_EQ(registry_rule_sessions_follow(&before, &after), SESSIONS_NEW_DAY, "a new weekday wins over times");
	after = before;
	SET(after.end_time, "12:00");
	TAP_INT_EQ(registry_rule_sessions_follow(&before, &after), SESSIONS_NEW_TIMES, "a new end time moves them");
	after = before;
	after.weekday = 0;
	TAP_INT_EQ(registry_rule_sessions_follow(&before, &after), SESSIONS_NEW_DAY, "no longer weekly");
	before.weekday = 0;
	after.weekday = 8;
	TAP_INT_EQ(registry_rule_sessions_follow(&before, &after), SESSIONS_STAY, "out of range is not weekly either");
	TAP_CHECK(registry_rule_ended("ended") && !registry_rule_ended("active") && !registry_rule_ended(NULL),
		  "ended is ended");
	TAP_INT_EQ(registry_rule_weekday(7), 7, "Sunday is 7");
	TAP_INT_EQ(registry_rule_weekday(-1), 0, "-1 is not a weekday");
}

int main(void)
{
	times();
	sessions_follow();
	return tap_done();
}
