/* schema_v30.c — migration 30: sessions_date (date, status) becomes
 * (date, status, activity_id, start_time), so a day of the attendance
 * week is put in order from the index alone, and a week's sessions tell
 * which weekly slots have one (issue 15: the day's 300 sessions at the
 * demo's centre of 300 000 citizens lay each on a page of its own, and
 * each slot was a probe of its own). The home screen's count of today's
 * sessions reads the same index as before. PostgreSQL's:
 * schema_pg_v29.c. */
#include "migrate.h"

const char schema_v30[] = "DROP INDEX sessions_date;"
			  "CREATE INDEX sessions_date ON sessions(date, status, activity_id, start_time);";
