/* store_users.h — the people who switch in at the desk, with their role
 * (desk or coordinator) and a hashed PIN. A user is never deleted, only
 * made inactive, because the audit log names them. */
#ifndef BB_STORE_USERS_H
#define BB_STORE_USERS_H

#include <stdbool.h>
#include "db.h"
#include "store_settings.h"
#include "model_users.h"

enum db_status store_users_count_active(struct db *db, long long *count);
/* Active users first, each part in the order they were made (src/
 * puts them in Danish name order). */
enum db_status store_users_list(struct db *db, struct user *out, int max, int *count);
enum db_status store_users_get(struct db *db, long long id, struct user *out, char hash[USER_HASH]);
/* Inside the caller's transaction; the use case (src/users.c) checks
 * the role and writes the audit record. */
enum db_status store_users_add(struct db *db, const char *name, const char *role, const char *pin_hash,
			       long long *id);
enum db_status store_users_set_pin(struct db *db, long long id, const char *pin_hash);
enum db_status store_users_set_active(struct db *db, long long id, bool active);
/* The wrong PINs in a row, when the next try may come, and the lock. */
enum db_status store_users_set_tries(struct db *db, long long id, int failed, long long next_try_at, bool locked);

#endif
