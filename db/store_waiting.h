/* store_waiting.h — who is waiting for a match, as SQL pieces: the one
 * definition the waiting list (store_matching.c) and the report
 * (store_report.c) share. Private to db/.
 *
 * Who waits, and since when, is kept on the citizen's row by the
 * triggers of migration 15 (db/schema_v15.c: an active course, the
 * latest assessment saying volunteer help or none yet, no open match).
 * WAITING_FROM selects the citizens `c` who wait, in the list's order
 * from its index; WAITING_SINCE is the day each has waited since. */
#ifndef BB_STORE_WAITING_H
#define BB_STORE_WAITING_H

#define WAITING_FROM " FROM citizens AS c INDEXED BY citizens_waiting WHERE c.waiting_since IS NOT NULL"
#define WAITING_SINCE "c.waiting_since"
#define WAITING_ORDER " ORDER BY c.waiting_since, c.sort_key, c.id"

/* The citizen's latest assessment's outcome ("" for none). */
#define LATEST_OUTCOME \
	"COALESCE((SELECT x.outcome FROM assessments AS x WHERE x.citizen_id = c.id" \
	" ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1), '')"

#endif
