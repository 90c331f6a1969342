/* schema_v8.c — migration 8: wrong PINs are counted per user. After a
 * few, the next try must wait (next_try_at, seconds since 1970); after
 * many, the user is locked until a coordinator gives a new PIN. */
#include "migrate.h"

const char schema_v8[] =
	"ALTER TABLE users ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE users ADD COLUMN next_try_at INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE users ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0,1));";
