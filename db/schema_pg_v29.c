/* schema_pg_v29.c — migrations 29 and 30 on PostgreSQL (SQLite:
 * schema_v29.c, schema_v30.c): the active activities by weekday, and
 * sessions_date widened so a day of the attendance week is put in order
 * from it alone. NULLS FIRST, as SQLite orders them. */
#include "migrate.h"

const char schema_pg_v29[] =
	"CREATE INDEX activities_weekday ON activities(weekday NULLS FIRST, id NULLS FIRST) WHERE status = 'active';";

const char schema_pg_v30[] = "DROP INDEX sessions_date;"
			     "CREATE INDEX sessions_date ON sessions(date NULLS FIRST, status NULLS FIRST,"
			     " activity_id NULLS FIRST, start_time NULLS FIRST);";
