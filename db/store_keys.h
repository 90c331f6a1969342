/* store_keys.h — the search and sort keys stored beside citizens,
 * volunteers and activities: what they are made of, and writing them.
 * The keys are made in src/ (src/textkeys.c); this store never folds or
 * sorts anything itself. Each function joins the caller's transaction. */
#ifndef BB_STORE_KEYS_H
#define BB_STORE_KEYS_H

#include "db.h"
#include "model_citizen.h"
#include "model_registry.h"

enum registry_table { REGISTRY_VOLUNTEERS, REGISTRY_ACTIVITIES };

/* Up to `max` citizens with an id above `after_id`, by id. */
enum db_status store_keys_citizen_sources(struct db *db, long long after_id, int max,
					  struct citizen_key_source *out, int *count);
/* Writes the citizen's keys; DB_ERR_NOTFOUND when there is no such citizen. */
enum db_status store_keys_set_citizen(struct db *db, long long id, const struct citizen_keys *keys);
/* Clears every key of the citizen: then no search finds them and no list
 * sorted by name shows them (for a citizen anonymised). */
enum db_status store_keys_clear_citizen(struct db *db, long long id);

enum db_status store_keys_registry_sources(struct db *db, enum registry_table which, long long after_id, int max,
					   struct registry_key_source *out, int *count);
enum db_status store_keys_set_registry(struct db *db, enum registry_table which, long long id,
				       const struct registry_keys *keys);

/* Remaking every citizen's keys at once: the search indexes are set aside
 * at the start and built again at the end, many times quicker than keeping
 * them in step row by row. Inside the caller's transaction; a failure
 * anywhere leaves it to roll back, which brings them back too. */
struct store_keys_remake;
enum db_status store_keys_remake_begin(struct db *db, struct store_keys_remake **out);
enum db_status store_keys_remake_citizen(struct store_keys_remake *m, long long id, const struct citizen_keys *keys);
/* Builds the indexes again (when r is DB_OK) and frees m; returns r or
 * the first failure. */
enum db_status store_keys_remake_end(struct store_keys_remake *m, enum db_status r);

#endif
