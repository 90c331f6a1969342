/* schema_v7.c — migration 7: sessions carry a version, as citizens do, so
 * two desks editing the same session cannot overwrite each other: the
 * save checks the version it read. */
#include "migrate.h"

const char schema_v7[] =
	"ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;";
