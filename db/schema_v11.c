/* schema_v11.c — migration 11: a follow-up call to the relative who
 * wants support of their own (issue 14). The relative's wish was kept
 * since migration 1 and led to nothing; now it plans a call with the
 * reason 'relative_support'. Since migration 10 the call reasons are a
 * lookup table, so the new reason is a row of it. */
#include "migrate.h"

const char schema_v11[] =
	"INSERT OR IGNORE INTO call_reasons(code, position) VALUES ('relative_support', 20);"
	/* The relatives who want support, for the call rules' look at them. */
	"CREATE INDEX calls_relatives_support ON relatives(citizen_id) WHERE wants_support = 1 AND takes_part = 1;";
