/* kept_drafts.h — a call's outcome or a note half written when the
 * program is stopped (the shift ends, Ctrl-C, the PC shuts down), or
 * parked on purpose, kept as the person's draft as an intake and a card
 * edit are. A draft is about its call (DRAFT_CALL) or its citizen
 * (DRAFT_NOTE); there is one per person and subject, and nobody else
 * finds it. No draft keeps a CPR number or anything about a citizen who
 * is anonymised or not this desk's to see. Recording or cancelling the
 * call takes every draft of it, adding the note the person's own. */
#ifndef BB_KEPT_DRAFTS_H
#define BB_KEPT_DRAFTS_H

#include <stdbool.h>

#include "desk.h"
#include "model_citizen.h"

/* The person's own (the text malloc'ed); DB_ERR_NOTFOUND when there is
 * none. */
enum db_status kept_draft_find(struct desk *d, enum draft_kind kind, long long about, char **text);
/* Keeps `text` in place of an earlier one, with `words` (a call's
 * outcome: the form's values in words, for the insight file; NULL for a
 * note, whose text is its words). The label the drafts list shows is the
 * citizen's name, read here. A CPR number in the text or the words, or a
 * citizen anonymised: DB_ERR_INVALID; a call or citizen not there:
 * DB_ERR_NOTFOUND. */
enum db_status kept_draft_keep(struct desk *d, enum draft_kind kind, long long about, const char *text,
			       const char *words);
/* The calls the person has begun an outcome of (at most max), in id
 * order: the call list marks them. */
enum db_status kept_draft_calls(struct desk *d, long long *calls, int max, int *count);
/* Drops the person's own (DB_OK when there is none). */
enum db_status kept_draft_drop(struct desk *d, enum draft_kind kind, long long about);
/* The same within the caller's transaction, with its audit line: the
 * person's own, or with `everyone` all there are (a call done with). */
enum db_status kept_draft_drop_within(struct desk *d, enum draft_kind kind, long long about, bool everyone);

#endif
