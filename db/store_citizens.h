/* store_citizens.h — citizens as stored: the parts of a card (the citizen,
 * the referral, the relative who takes part, consents, assessments,
 * interests, barriers, availability), notes, ending and reopening a
 * course, search, the timeline and the facts behind the next step, the
 * pick-lists and drafts.
 *
 * Every function runs inside the caller's transaction (db_begin nests):
 * the use cases in src/citizens.c and src/intake.c check the role, put the
 * pieces together with the rules of src/citizen_rules.c and write the
 * audit record, all in one transaction. Nothing here decides what an
 * intake keeps or who may see a draft. A `by` is the user the row names
 * as its author (recorded_by, created_by, ...), 0 for nobody.
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

/* ---------- the parts of a card ---------- */

/* The citizen's own details and the keys made of them (src/textkeys.h);
 * *id gets the new citizen. */
enum db_status store_citizens_insert(struct db *db, const struct citizen *c, const struct citizen_keys *keys,
				     long long *id);
/* Saves the citizen's own details (c->id) and their keys if nobody
 * changed them since `expected_version` was read, and bumps the version:
 * DB_ERR_CONFLICT when the row changed, DB_ERR_NOTFOUND when it is gone. */
enum db_status store_citizens_update(struct db *db, const struct citizen *c, const struct citizen_keys *keys,
				     long long expected_version);

/* A referral, of a citizen or (citizen_id 0) of nobody kept on record;
 * referred_on "" is today. */
enum db_status store_citizens_add_referral(struct db *db, long long citizen_id, const struct referral *ref,
					   db_user_id by, long long *referral_id);
enum db_status store_citizens_update_referral(struct db *db, long long referral_id, const struct referral *ref);

/* The relative who takes part (none when rel->name is ""); other relatives
 * on record are kept. */
enum db_status store_citizens_set_relative(struct db *db, long long citizen_id, const struct relative *rel);
/* The relative who takes part (name "" when none). */
enum db_status store_citizens_read_relative(struct db *db, long long citizen_id, struct relative *out);

/* Records each purpose whose flag is set in `which`, given on `given_on`
 * ("" is today). */
enum db_status store_citizens_give_consents(struct db *db, long long citizen_id, const struct consent *which,
					    const char *given_on, db_user_id by);
/* Withdraws each purpose whose flag is set; the rows stay for the record. */
enum db_status store_citizens_withdraw_consents(struct db *db, long long citizen_id, const struct consent *which);
/* Moves the consents in force that carry the date `from` to `to`. */
enum db_status store_citizens_redate_consents(struct db *db, long long citizen_id, const char *from, const char *to);

/* Assessments as given: the caller leaves out what the outcome does not
 * take (a handover for volunteer help). assessed_on "" is today. */
enum db_status store_citizens_add_assessment(struct db *db, long long citizen_id, const struct assessment *a,
					     db_user_id by);
enum db_status store_citizens_update_assessment(struct db *db, long long assessment_id, const struct assessment *a);
enum db_status store_citizens_delete_assessment(struct db *db, long long assessment_id);

/* Interests, barriers and availability of `in` replace the citizen's. An
 * unknown interest or barrier breaks the foreign key: DB_ERR_CONSTRAINT. */
enum db_status store_citizens_set_picks(struct db *db, long long citizen_id, const struct citizen_card *in);

/* ---------- reading the card ---------- */

/* The ids of the rows the card shows, so an edit changes those rows. */
struct citizen_card_rows {
	long long referral_id;   /* the latest referral, 0 for none */
	long long assessment_id; /* the latest assessment, 0 for none */
};

/* The card; `rows` may be NULL. DB_ERR_NOTFOUND if there is none. */
enum db_status store_citizens_card(struct db *db, long long id, struct citizen_card *out,
				   struct citizen_card_rows *rows);

/* The names of the citizen's interests or barriers (which: "interests" or
 * "barriers"), retired ones too, in the order the card lists their ids. */
enum db_status store_citizens_pick_names(struct db *db, long long id, const char *which, struct pick *out, int max,
					 int *count);

/* ---------- the course and notes ---------- */

/* Ends the course on `ended_on` ("" is today) with `reason`, or reopens
 * it; version checked as store_citizens_update. The schema keeps status,
 * date and reason together, so an end without a known reason breaks its
 * CHECK (DB_ERR_CONSTRAINT). */
enum db_status store_citizens_end(struct db *db, long long id, long long expected_version, const char *ended_on,
				  const char *reason);
enum db_status store_citizens_reopen(struct db *db, long long id, long long expected_version);

/* A note on nobody: DB_ERR_NOTFOUND. */
enum db_status store_citizens_add_note(struct db *db, long long id, const char *written_on, db_user_id by,
				       const char *text);

/* ---------- search, timeline, facts ---------- */

/* See struct citizen_hit: `q` is made ready by src/ (citizens_search).
 * One read snapshot. */
enum db_status store_citizens_search(struct db *db, const struct citizen_query *q, int offset, int limit,
				     struct citizen_hit *out, int *count);

/* Calls `each` with every citizen's id, name and phone ("" for none), in
 * id order, until it returns false: the duplicate rule at intake reads
 * the names as written, not the search keys. Read-only. */
typedef bool (*store_citizens_each_fn)(void *ctx, long long id, const char *name, const char *phone);
enum db_status store_citizens_each_name(struct db *db, store_citizens_each_fn each, void *ctx);
/* One citizen as a list shows them. DB_ERR_NOTFOUND for no such citizen. */
enum db_status store_citizens_hit(struct db *db, long long id, struct citizen_hit *out);

enum db_status store_citizens_timeline(struct db *db, long long id, int max, struct timeline_entry *out,
				 int *count);

/* The next-step facts as of `today`; the sessions as `upcoming` only
 * (which of them is still to come is src/'s to say). */
enum db_status store_citizens_facts(struct db *db, long long id, const char *today, struct citizen_facts *out);

/* ---------- pick-lists ---------- */

/* Pick-lists the centre extends: which is "interests" or "barriers"
 * (anything else: DB_ERR_MISUSE). The active entries, in the order they
 * were added (src/ puts them in Danish order). */
enum db_status store_picklist_load(struct db *db, const char *which, struct pick *out, int max, int *count);
/* Every entry, retired ones too (pick.active says which). */
enum db_status store_picklist_all(struct db *db, const char *which, struct pick *out, int max, int *count);
enum db_status store_picklist_insert(struct db *db, const char *which, const char *name, long long *id);
/* Brings back an entry that was retired. */
enum db_status store_picklist_reactivate(struct db *db, const char *which, long long id);

/* ---------- drafts ---------- */

/* Drafts belong to a user (`owner`; 0 for one kept before anyone could
 * sign in). */
enum db_status store_drafts_insert(struct db *db, db_user_id owner, const char *label, const char *data,
				   long long *id);
/* `words` (NULL for none): the values in words, as the form showed
 * them, for the citizen's insight file. DB_ERR_NOTFOUND when the draft
 * is gone. */
enum db_status store_drafts_update(struct db *db, long long id, const char *label, const char *data,
				   const char *words);
/* The owner's drafts, the latest first. */
enum db_status store_drafts_list(struct db *db, db_user_id owner, struct draft *out, int max, int *count);
/* How many drafts the owner has. */
enum db_status store_drafts_count(struct db *db, db_user_id owner, int *count);
/* Whose the draft is; DB_ERR_NOTFOUND when it is gone. */
enum db_status store_drafts_owner(struct db *db, long long id, db_user_id *owner);
/* Copies the data into a malloc'ed string the caller frees. */
enum db_status store_drafts_load(struct db *db, long long id, char **data);
enum db_status store_drafts_delete(struct db *db, long long id);

/* The owner's card draft for a citizen (see struct card_draft; the caller
 * frees data and base); DB_ERR_NOTFOUND when there is none. */
enum db_status store_drafts_card_find(struct db *db, db_user_id owner, long long citizen_id, struct card_draft *out);
/* Keeps `in` (data, words, base, base_version) as the owner's one card draft for
 * the citizen, replacing an earlier one; *id gets its id. */
enum db_status store_drafts_card_put(struct db *db, db_user_id owner, long long citizen_id, const char *label,
				     const struct card_draft *in, long long *id);

/* The code a kind of draft has in the table ("intake", "card", "call",
 * "note"). */
const char *store_drafts_kind_code(enum draft_kind kind);
/* The owner's draft of a call's outcome (DRAFT_CALL, `about` the call)
 * or of a note (DRAFT_NOTE, `about` the citizen): its text malloc'ed in
 * *data, its id in *id; DB_ERR_NOTFOUND when there is none. */
enum db_status store_drafts_kept_find(struct db *db, db_user_id owner, enum draft_kind kind, long long about,
				      long long *id, char **data);
/* Keeps `data` (and `words`, as in store_drafts_update) as the owner's
 * one such draft, replacing an earlier one; *id gets its id, *inserted
 * whether it is new. */
enum db_status store_drafts_kept_put(struct db *db, db_user_id owner, enum draft_kind kind, long long about,
				     long long citizen_id, const char *label, const char *data, const char *words,
				     long long *id, bool *inserted);
/* The calls the owner has kept a draft of (at most max), in id order. */
enum db_status store_drafts_kept_calls(struct db *db, db_user_id owner, long long *calls, int max, int *count);
/* Deletes the owner's such drafts (everyone's, with `everyone`);
 * *deleted says how many. */
enum db_status store_drafts_kept_delete(struct db *db, db_user_id owner, bool everyone, enum draft_kind kind,
					long long about, int *deleted);

#endif
