/* schema_v24.c — migration 24: the settings remember that users were
 * made. Whether the desk asks for a PIN was read from the users table
 * alone, so a users table that reads as empty (a page of it written over
 * by a faulty disk as an empty one) opened the desk to anyone. From
 * the first user on, settings.users_made says so too (users_add writes
 * it; src/users.c), and a desk with it and no active users stays locked. */
#include "migrate.h"

const char schema_v24[] =
	"INSERT OR IGNORE INTO settings(key, value) SELECT 'users_made', '1' WHERE EXISTS (SELECT 1 FROM users);";
