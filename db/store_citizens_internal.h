/* store_citizens_internal.h — what the citizens store lends the other
 * stores in db/: the call card shows the relative the citizen's card
 * shows. Private to db/. */
#ifndef BB_STORE_CITIZENS_INTERNAL_H
#define BB_STORE_CITIZENS_INTERNAL_H

#include "db.h"
#include "store_citizens.h"

/* The relative who takes part (name "" when none), inside the caller's
 * transaction. In store_citizens.c. */
enum db_status store_citizens_read_relative(struct db *db, long long citizen_id, struct relative *out);

#endif
