/* schema_pg_v29.c — migrations 29, 30, 31 and 33 on PostgreSQL (SQLite:
 * schema_v29.c and on): the active activities by weekday, sessions_date
 * widened so a day of the attendance week is put in order from it alone,
 * the registry's lists in the desk's order, and what the week orders by
 * of an activity. NULLS FIRST, as SQLite orders them (and as db/pg_sql.c
 * writes ORDER BY). */
#include "migrate.h"

const char schema_pg_v29[] =
	"CREATE INDEX activities_weekday ON activities(weekday NULLS FIRST, id NULLS FIRST) WHERE status = 'active';";

const char schema_pg_v30[] = "DROP INDEX sessions_date;"
			     "CREATE INDEX sessions_date ON sessions(date NULLS FIRST, status NULLS FIRST,"
			     " activity_id NULLS FIRST, start_time NULLS FIRST);";

const char schema_pg_v31[] =
	"CREATE INDEX volunteers_list ON volunteers((status = 'stopped') NULLS FIRST, sort_key NULLS FIRST, id);"
	"CREATE INDEX activities_list ON activities((status = 'ended') NULLS FIRST, sort_key NULLS FIRST, id);";

const char schema_pg_v33[] =
	"CREATE INDEX activities_week ON activities(id NULLS FIRST, start_time NULLS FIRST, sort_key NULLS FIRST);";
