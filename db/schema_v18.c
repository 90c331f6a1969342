/* schema_v18.c — migration 18: the search's indexes on PostgreSQL
 * (schema_pg.c). SQLite needs nothing: its search reads the full-text
 * tables and the list-order indexes it has had since migration 14. The
 * migration is here, empty, so both engines reach the same number. */
#include "migrate.h"

const char schema_v18[] = "";
