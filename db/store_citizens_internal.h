/* store_citizens_internal.h — what the citizens store lends the other
 * stores in db/: the call card shows the relative the citizen's card
 * shows. Private to db/. */
#ifndef BB_STORE_CITIZENS_INTERNAL_H
#define BB_STORE_CITIZENS_INTERNAL_H

#include "db.h"
#include "store_citizens.h"

/* store_citizens_read_relative (store_citizens.h) is the piece the
 * call card and the printed roll-call sheet borrow. */

#endif
