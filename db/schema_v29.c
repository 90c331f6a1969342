/* schema_v29.c — migration 29: the active activities by weekday, for
 * the attendance week (issue 15). A day of the week lists the weekly
 * slots of the activities on that weekday with no session written that
 * week; it read every active activity to find that day's (1 457 at the
 * demo's centre of 300 000 citizens, a fifth of them on any one day).
 * PostgreSQL's: schema_pg_v29.c. */
#include "migrate.h"

const char schema_v29[] = "CREATE INDEX activities_weekday ON activities(weekday, id) WHERE status = 'active';";
