/* schema_v31.c — migration 31: the volunteers' and the activities' lists
 * in the order the desk reads them (the stopped or ended last, then by
 * name), so the screen's first page is read from the index and not made
 * by sorting the whole registry each time it opens (issue 15: 6 000
 * volunteers at the demo's centre of 300 000 citizens). What was typed
 * still sorts its hits. PostgreSQL's: schema_pg_v29.c. */
#include "migrate.h"

const char schema_v31[] = "CREATE INDEX volunteers_list ON volunteers(status = 'stopped', sort_key, id);"
			  "CREATE INDEX activities_list ON activities(status = 'ended', sort_key, id);";
