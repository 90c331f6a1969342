/* citizens.h — what the desk does with a citizen on record: find them,
 * open their card, save an edited card, write a note, end or reopen the
 * course; and the centre's pick-lists (interests, barriers) the forms
 * choose from. Registering a new citizen is in intake.h.
 *
 * Each is one use case: the role check, one transaction, the stores
 * (db/store_citizens.h), the rules (src/citizen_rules.h) and the audit
 * record, committed or rolled back as a whole before the function
 * returns. Anyone signed in may do these. */
#ifndef BB_CITIZENS_H
#define BB_CITIZENS_H

#include <stdbool.h>

#include "desk.h"
#include "model_citizen.h"
#include "model_measures.h"
#include "model_protection.h"

enum {
	CITIZEN_TIMELINE_MAX = 200, /* timeline entries a card shows */
	CITIZEN_MEASURES_MAX = 4,   /* measures a card charts */
};

/* Everything the card shows, read as one snapshot. */
struct citizen_view {
	struct citizen_card card;
	struct citizen_facts facts;      /* as of today, for the next step */
	struct pick interests[CIT_MAX_PICKS];
	int ninterests;
	struct pick barriers[CIT_MAX_PICKS];
	int nbarriers;
	struct timeline_entry timeline[CITIZEN_TIMELINE_MAX];
	int ntimeline;
	struct measure_history measures[CITIZEN_MEASURES_MAX];
	int nmeasures;
	struct consent_event consents[CONSENT_HISTORY_MAX]; /* every consent, oldest first */
	int nconsents;
	/* When the person signed in left an edit of this card unsaved at a
	 * stop ("" when they did not). */
	char edit_kept_at[20];
	bool note_kept;           /* and a note on it, kept as their draft */
};

/* ---------- finding ---------- */

/* Search as you type: `typed` as the desk wrote it ("" for everyone);
 * see struct citizen_hit for what matches and in which order. By first
 * name, or (citizens_search_by) in the order asked for. */
enum db_status citizens_search(struct desk *d, const char *typed, int offset, int limit, struct citizen_hit *out,
			       int *count);
enum db_status citizens_search_by(struct desk *d, const char *typed, enum citizen_order order, int offset, int limit,
				  struct citizen_hit *out, int *count);
/* Whether `typed` searches phone numbers and postcodes (digits and the
 * signs people write in a number), not names. */
bool citizens_search_is_phone(const char *typed);

/* The citizen's search and sort keys made again from what is stored now,
 * inside the caller's use case (its role check and transaction): for a
 * use case that changes a citizen's name, phone, e-mail, town, postcode or
 * birth year other than through citizens_save_card. */
enum db_status citizens_remake_keys(struct desk *d, long long id);

/* ---------- the card ---------- */

/* The card with its next-step facts, timeline, the names of its interests
 * and barriers and the measures' history; every look is in the audit log.
 * DB_ERR_NOTFOUND when there is no such citizen. */
enum db_status citizens_card(struct desk *d, long long id, struct citizen_view *out);
/* The same card read again for a desk that already shows it, because
 * another desk committed something meanwhile: not a new look, so not
 * audited again (the roll list's reload does the same). */
enum db_status citizens_card_reload(struct desk *d, long long id, struct citizen_view *out);

/* Saves an edited card if nobody saved it since `expected_version` was
 * read. On DB_ERR_CONFLICT nothing is written and *current (if not NULL)
 * gets the card as it is now (a look, audited), so the two can be
 * merged. A name missing or a CPR number in the text: DB_ERR_INVALID. */
enum db_status citizens_save_card(struct desk *d, const struct citizen_card *edited, long long expected_version,
				  struct citizen_card *current);

/* A note dated today by the person signed in. Empty, too long
 * (LONG_NOTE_CHARS) or holding a CPR number: DB_ERR_INVALID. Adding it
 * takes the person's note kept as a draft (kept_drafts.h). The card of an
 * anonymised citizen takes no note, no edit, no end or reopening
 * (DB_ERR_INVALID): the person is gone. */
enum db_status citizens_add_note(struct desk *d, long long id, const char *text);

/* Ends the course today for `reason` (vocab_end_reason; anything else:
 * DB_ERR_INVALID), or reopens it; both version checked as
 * citizens_save_card (DB_ERR_CONFLICT). What else ends with the course:
 * citizens_course_ended_within. */
enum db_status citizens_end_course(struct desk *d, long long id, long long expected_version, const char *reason);
/* What ends with a course ended for `reason` on `today`, inside the
 * caller's transaction, whichever use case ended it (the card, a call's
 * outcome): the citizen's open calls but `keep` and `keep_too` (0: none;
 * the call being recorded and the one it plans) are cancelled, and the
 * open matches end (match_outcome_at_course_end), each audited, with
 * the course's reason. Ending a course is the desk's, so a desk user
 * ends its matches this way too, where matching_end asks a coordinator.
 * A reopened course does not take them back. */
enum db_status citizens_course_ended_within(struct desk *d, long long citizen_id, const char *today,
					    const char *reason, long long keep, long long keep_too);
enum db_status citizens_reopen_course(struct desk *d, long long id, long long expected_version);

/* ---------- an edit kept at a stop ---------- */

/* An edit of the card is kept as a draft of the person editing when the
 * program is stopped (the shift ends, the PC shuts down) before it is
 * saved or dropped. Saving the card removes it, in the same transaction.
 * Drafts are their owner's: nobody else finds them. */

/* The person's kept edit of the card; DB_ERR_NOTFOUND when there is none.
 * Free it with card_draft_free. */
enum db_status citizens_edit_kept(struct desk *d, long long citizen_id, struct card_draft *out);
/* Keeps `edit` (its data, base and base_version) as the person's edit of
 * the card, in place of an earlier one. */
enum db_status citizens_keep_edit(struct desk *d, long long citizen_id, const char *label,
				  const struct card_draft *edit);
/* Drops the person's kept edit of the card (DB_OK when there is none). */
enum db_status citizens_drop_edit(struct desk *d, long long citizen_id);
void card_draft_free(struct card_draft *draft);


/* ---------- pick-lists ---------- */

/* The active entries of "interests" or "barriers", in Danish order. */
enum db_status citizens_picklist(struct desk *d, const char *which, struct pick *out, int max, int *count);
/* Adds an entry, or brings back one that was retired. The same name in
 * another case or spelling of æøå is the same entry: DB_ERR_CONSTRAINT
 * with *id set to it. An empty or too long name: DB_ERR_INVALID. */
enum db_status citizens_add_pick(struct desk *d, const char *which, const char *name, long long *id);

#endif
