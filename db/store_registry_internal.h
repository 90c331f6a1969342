/* store_registry_internal.h — what the registry store lends the matching
 * store (store_matching_confirm.c). Private to db/. */
#ifndef BB_STORE_REGISTRY_INTERNAL_H
#define BB_STORE_REGISTRY_INTERNAL_H

#include "db.h"

/* Plans the weekly sessions of one active activity (all with 0) for
 * `weeks` weeks from `today`, inside the caller's transaction; dates that
 * have a session already are left alone. In store_registry.c. */
enum db_status store_registry_plan_sessions(struct db *db, long long activity_id, const char *today, int weeks,
				      int *created);

#endif
