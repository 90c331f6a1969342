/* schema_v33.c — migration 33: of an activity, what a day of the
 * attendance week puts its sessions in order by (the start time the
 * session does not say itself, and the sort key), held in an index by
 * id. A day reads each of its sessions' activities for those two: 300 a
 * day at the demo's centre of 300 000 citizens, each on a page of the
 * activities' own (issue 15). PostgreSQL's: schema_pg_v29.c. */
#include "migrate.h"

const char schema_v33[] = "CREATE INDEX activities_week ON activities(id, start_time, sort_key);";
