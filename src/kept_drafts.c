/* kept_drafts.c — call outcomes and notes kept as drafts (kept_drafts.h). */
#include "kept_drafts.h"

#include <stdio.h>
#include <stdlib.h>

#include "citizen_rules.h"
#include "cpr.h"
#include "store_calls.h"
#include "store_citizens.h"

enum db_status kept_draft_find(struct desk *d, enum draft_kind kind, long long about, char **text)
{
	*text = NULL;
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	long long id;
	/* The store finds by owner: only the person's own is found. */
	r = desk_end(d, store_drafts_kept_find(d->db, d->user, kind, about, &id, text));
	if (r != DB_OK) {
		free(*text);
		*text = NULL;
	}
	return r;
}

/* The citizen a draft is about, and their name for the label, if this
 * desk sees them and they are not anonymised. */
static enum db_status subject(struct desk *d, enum draft_kind kind, long long about, long long *citizen_id,
			      char *name, size_t size)
{
	*citizen_id = about;
	enum db_status r = DB_OK;
	if (kind == DRAFT_CALL) {
		struct call_state call;
		if ((r = store_calls_state(d->db, about, &call)) != DB_OK)
			return r;
		*citizen_id = call.citizen_id;
	}
	struct citizen_card *card = malloc(sizeof *card);
	if (!card)
		return DB_ERR_IO;
	r = desk_sees_citizen(d, *citizen_id);
	if (r == DB_OK)
		r = store_citizens_card(d->db, *citizen_id, card, NULL);
	if (r == DB_OK && card->citizen.anonymised_on[0])
		r = DB_ERR_INVALID;
	if (r == DB_OK)
		snprintf(name, size, "%s", card->citizen.name);
	free(card);
	return r;
}

enum db_status kept_draft_keep(struct desk *d, enum draft_kind kind, long long about, const char *text,
			       const char *words)
{
	/* A draft is no place for a CPR number either. */
	if (!text || (kind == DRAFT_NOTE ? !citizen_rule_note_ok(text) : cpr_found(text)) || (words && cpr_found(words)))
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	long long citizen_id = 0, id = 0;
	char name[CIT_NAME];
	bool inserted = false;
	r = subject(d, kind, about, &citizen_id, name, sizeof name);
	if (r == DB_OK)
		r = store_drafts_kept_put(d->db, d->user, kind, about, citizen_id, name, text, words, &id,
					  &inserted);
	if (r == DB_OK)
		r = desk_audit(d, inserted ? "create" : "update", "draft", id, store_drafts_kind_code(kind));
	return desk_end(d, r);
}

enum db_status kept_draft_calls(struct desk *d, long long *calls, int max, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_drafts_kept_calls(d->db, d->user, calls, max, count);
}

enum db_status kept_draft_drop_within(struct desk *d, enum draft_kind kind, long long about, bool everyone)
{
	int deleted = 0;
	enum db_status r = store_drafts_kept_delete(d->db, d->user, everyone, kind, about, &deleted);
	if (r != DB_OK || deleted == 0)
		return r;
	/* The drafts are gone; the log names what they were about. */
	return desk_audit(d, "delete", "draft", about, store_drafts_kind_code(kind));
}

enum db_status kept_draft_drop(struct desk *d, enum draft_kind kind, long long about)
{
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	return desk_end(d, kept_draft_drop_within(d, kind, about, false));
}
