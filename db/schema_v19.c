/* schema_v19.c — migration 19: the sessions of a day counted from their
 * index alone. The home screen counts today's sessions that are not
 * cancelled at every redraw; with the date alone in the index each one
 * was a table row read (over 300 rows a day at a centre of 300,000
 * citizens). PostgreSQL's is the same (schema_pg.c). */
#include "migrate.h"

const char schema_v19[] =
	"DROP INDEX sessions_date;"
	"CREATE INDEX sessions_date ON sessions(date, status);";
