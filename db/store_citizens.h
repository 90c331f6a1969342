/* store_citizens.h — citizens: intake, search, the card, edits with
 * conflict detection, notes, ending and reopening a course, drafts and the
 * pick-lists. Every change takes the acting user and writes the audit log
 * in the same transaction; every read of a card is logged as a 'view'.
 *
 * Text is UTF-8. Codes (source, status, ...) are the English identifiers of
 * db/schema.c; src/ and ui/ give them words. Dates are ISO "YYYY-MM-DD";
 * an empty string means "not given" and is stored as NULL.
 */
#ifndef BB_STORE_CITIZENS_H
#define BB_STORE_CITIZENS_H

#include <stdbool.h>
#include "db.h"
#include "store_settings.h"
#include "model_citizen.h"

/* Registers a first conversation in one transaction. Without
 * consent.registration only the referral is stored (citizen_id 0), as
 * the law requires; *citizen_id gets the new id otherwise. */
enum db_status store_citizens_intake(struct db *db, db_user_id actor, const struct citizen_card *in,
			       long long *citizen_id);

/* Reads the card and logs the view. DB_ERR_NOTFOUND if there is none. */
enum db_status store_citizens_card(struct db *db, db_user_id actor, long long id, struct citizen_card *out);

/* Saves an edited card if nobody changed it since `expected_version` was
 * read. On DB_ERR_CONFLICT nothing is written and *current (if not NULL)
 * gets the card as it is now, so both versions can be shown. */
enum db_status store_citizens_update(struct db *db, db_user_id actor, const struct citizen_card *edited,
			       long long expected_version, struct citizen_card *current);

/* Ends the course (reason as in struct citizen) or reopens it; version
 * checked as in store_citizens_update. */
enum db_status store_citizens_end(struct db *db, db_user_id actor, long long id, long long expected_version,
			    const char *ended_on, const char *reason);
enum db_status store_citizens_reopen(struct db *db, db_user_id actor, long long id, long long expected_version);

enum db_status store_citizens_add_note(struct db *db, db_user_id actor, long long id, const char *written_on,
				 const char *text);

enum db_status store_citizens_search(struct db *db, const char *query, int offset, int limit,
			       struct citizen_hit *out, int *count);

enum db_status store_citizens_timeline(struct db *db, long long id, int max, struct timeline_entry *out,
				 int *count);

enum db_status store_citizens_facts(struct db *db, long long id, const char *today, struct citizen_facts *out);

/* Pick-lists the centre extends: which is "interests" or "barriers". */
enum db_status store_picklist_load(struct db *db, const char *which, struct pick *out, int max, int *count);
enum db_status store_picklist_add(struct db *db, db_user_id actor, const char *which, const char *name,
			    long long *id);

enum db_status store_drafts_save(struct db *db, db_user_id actor, long long *id, const char *label,
			   const char *data);
enum db_status store_drafts_list(struct db *db, struct draft *out, int max, int *count);
/* Copies the data into a malloc'ed string the caller frees. */
enum db_status store_drafts_load(struct db *db, long long id, char **data);
enum db_status store_drafts_delete(struct db *db, db_user_id actor, long long id);

#endif
