/* citizens.c — the use cases of a citizen on record (citizens.h). */
#include "citizens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "citizen_rules.h"
#include "consents.h"
#include "cpr.h"
#include "date.h"
#include "db.h"
#include "fold.h"
#include "i18n.h"
#include "kept_drafts.h"
#include "match.h"
#include "matching.h"
#include "nextstep.h"
#include "store_calls.h"
#include "store_centres.h"
#include "store_citizens.h"
#include "store_measures.h"
#include "store_protection.h"
#include "textkeys.h"
#include "vocab.h"

static void today_iso(char out[DATE_ISO_LEN])
{
	date_format_iso(date_today(), out);
}

/* ---------- finding ---------- */

/* The hits this desk's centre may see. On a server its row-level
 * security shows no other already; this is the use case's own check (on
 * a file every citizen is the one centre's). */
static enum db_status keep_visible(struct desk *d, struct citizen_hit *hits, int *count)
{
	if (*count == 0)
		return DB_OK;
	long long *ids = malloc((size_t)*count * sizeof *ids);
	bool *visible = malloc((size_t)*count * sizeof *visible);
	enum db_status r = ids && visible ? DB_OK : DB_ERR_IO;
	for (int i = 0; r == DB_OK && i < *count; i++)
		ids[i] = hits[i].id;
	if (r == DB_OK)
		r = store_centres_visible(d->db, desk_centre(d), ids, *count, visible);
	int kept = 0;
	for (int i = 0; r == DB_OK && i < *count; i++)
		if (visible[i])
			hits[kept++] = hits[i];
	*count = r == DB_OK ? kept : 0;
	free(ids);
	free(visible);
	return r;
}

enum db_status citizens_search_by(struct desk *d, const char *typed, enum citizen_order order, int offset, int limit,
				  struct citizen_hit *out, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	struct citizen_query *q = malloc(sizeof *q);
	if (!q)
		return DB_ERR_IO;
	textkeys_query(typed, order, q);
	r = store_citizens_search(d->db, q, offset, limit, out, count);
	free(q);
	if (r == DB_OK && db_engine(d->db) == DB_ENGINE_POSTGRESQL)
		r = keep_visible(d, out, count);
	return r;
}

bool citizens_search_is_phone(const char *typed)
{
	return textkeys_phone_like(typed);
}

enum db_status citizens_search(struct desk *d, const char *typed, int offset, int limit, struct citizen_hit *out,
			       int *count)
{
	return citizens_search_by(d, typed, CITIZEN_ORDER_FIRST, offset, limit, out, count);
}

enum db_status citizens_remake_keys(struct desk *d, long long id)
{
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	return desk_end(d, textkeys_rewrite_citizen(d->db, id));
}

/* ---------- the card ---------- */

/* Everything the card shows, inside the caller's transaction. */
static enum db_status read_view(struct desk *d, long long id, struct citizen_view *out)
{
	char today[DATE_ISO_LEN];
	today_iso(today);
	enum db_status r = desk_sees_citizen(d, id);
	if (r == DB_OK)
		r = store_citizens_card(d->db, id, &out->card, NULL);
	if (r == DB_OK)
		r = store_citizens_facts(d->db, id, today, &out->facts);
	char now[20];
	date_now_stamp(now);
	next_step_upcoming(&out->facts, now);
	if (r == DB_OK)
		r = store_citizens_timeline(d->db, id, CITIZEN_TIMELINE_MAX, out->timeline, &out->ntimeline);
	if (r == DB_OK)
		r = store_citizens_pick_names(d->db, id, "interests", out->interests, CIT_MAX_PICKS, &out->ninterests);
	if (r == DB_OK)
		r = store_citizens_pick_names(d->db, id, "barriers", out->barriers, CIT_MAX_PICKS, &out->nbarriers);
	/* Read here, not through src/measures.c: the chart is part of the
	 * one look at the card. */
	if (r == DB_OK)
		r = store_measures_history(d->db, id, out->measures, CITIZEN_MEASURES_MAX, &out->nmeasures);
	if (r == DB_OK)
		r = store_consent_history(d->db, id, out->consents, CONSENT_HISTORY_MAX, &out->nconsents);
	if (r == DB_OK) {
		struct card_draft kept;
		r = store_drafts_card_find(d->db, d->user, id, &kept);
		if (r == DB_OK)
			memcpy(out->edit_kept_at, kept.updated_at, sizeof out->edit_kept_at);
		card_draft_free(&kept);
		if (r == DB_ERR_NOTFOUND)
			r = DB_OK;
	}
	if (r == DB_OK) {
		long long note = 0;
		char *text = NULL;
		r = store_drafts_kept_find(d->db, d->user, DRAFT_NOTE, id, &note, &text);
		out->note_kept = r == DB_OK;
		free(text);
		if (r == DB_ERR_NOTFOUND)
			r = DB_OK;
	}
	return r;
}

enum db_status citizens_card(struct desk *d, long long id, struct citizen_view *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = read_view(d, id, out);
	/* The card holds health data: every look is in the log. */
	if (r == DB_OK)
		r = desk_audit(d, "view", "citizen", id, NULL);
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

enum db_status citizens_card_reload(struct desk *d, long long id, struct citizen_view *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = desk_end(d, read_view(d, id, out));
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

/* Inside a use case: the citizen is there and still a person on record
 * (an anonymised card takes nothing new). */
static enum db_status on_record(struct desk *d, long long id)
{
	struct citizen_card *card = malloc(sizeof *card);
	if (!card)
		return DB_ERR_IO;
	enum db_status r = desk_sees_citizen(d, id);
	if (r == DB_OK)
		r = store_citizens_card(d->db, id, card, NULL);
	if (r == DB_OK && card->citizen.anonymised_on[0])
		r = DB_ERR_INVALID;
	free(card);
	return r;
}

/* The card as it is now, for the desk whose save met a conflict. */
static enum db_status card_now(struct desk *d, long long id, struct citizen_card *out)
{
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = store_citizens_card(d->db, id, out, NULL);
	if (r == DB_OK)
		r = desk_audit(d, "view", "citizen", id, NULL);
	return desk_end(d, r);
}

/* The consents the edit changed, each given or withdrawn with its
 * history and effects (src/consents.h); withdrawing registration is not
 * an edit: it anonymises, after its own confirmation. */
static enum db_status save_consents(struct desk *d, long long id, const struct consent *now,
				    const struct consent *edited)
{
	enum db_status r = DB_OK;
	/* A corrected date moves the consents that carried the old one. */
	if (citizen_rule_consent_redated(now, edited))
		r = store_citizens_redate_consents(d->db, id, now->given_on, edited->given_on);
	struct consent give, withdraw;
	citizen_rule_consent_changes(now, edited, &give, &withdraw);
	const struct {
		bool give, withdraw;
		enum consent_purpose purpose;
	} changes[] = {
		{ give.registration, withdraw.registration, CONSENT_REGISTRATION },
		{ give.volunteer_contact, withdraw.volunteer_contact, CONSENT_CONTACT },
		{ give.referrer_feedback, withdraw.referrer_feedback, CONSENT_FEEDBACK },
	};
	char today[DATE_ISO_LEN];
	today_iso(today);
	for (size_t i = 0; r == DB_OK && i < sizeof changes / sizeof changes[0]; i++) {
		struct consent_outcome out;
		if (changes[i].give)
			r = consents_change_within(d, id, changes[i].purpose, true, edited->given_on, &out);
		else if (changes[i].withdraw)
			r = consents_change_within(d, id, changes[i].purpose, false, today, &out);
	}
	return r;
}

static enum db_status save_assessment(struct desk *d, long long id, const struct citizen_card_rows *rows,
				      const struct assessment *now, const struct assessment *edited)
{
	switch (citizen_rule_assessment_change(rows->assessment_id != 0, now, edited)) {
	case ASSESSMENT_ADD:
		return store_citizens_add_assessment(d->db, id, edited, d->user);
	case ASSESSMENT_CORRECT:
		return store_citizens_update_assessment(d->db, rows->assessment_id, edited);
	case ASSESSMENT_REMOVE:
		return store_citizens_delete_assessment(d->db, rows->assessment_id);
	case ASSESSMENT_KEEP:
		break;
	}
	return DB_OK;
}

/* Every part of the card after the citizen's own row (already saved). */
static enum db_status save_parts(struct desk *d, const struct citizen_card *edited, struct citizen_card *now)
{
	long long id = edited->citizen.id;
	struct citizen_card_rows rows;
	enum db_status r = store_citizens_card(d->db, id, now, &rows);
	if (r == DB_OK && rows.referral_id)
		r = store_citizens_update_referral(d->db, rows.referral_id, &edited->referral);
	else if (r == DB_OK && edited->referral.source[0])
		r = store_citizens_add_referral(d->db, id, &edited->referral, d->user, NULL);
	if (r == DB_OK)
		r = store_citizens_set_relative(d->db, id, &edited->relative);
	/* A wish for support newly said plans a call to the relative; one
	 * taken back withdraws it. */
	if (r == DB_OK)
		r = calls_relative_wish_within(d, id, now->relative.name[0] && now->relative.wants_support,
					       edited->relative.name[0] && edited->relative.wants_support, NULL);
	if (r == DB_OK)
		r = save_consents(d, id, &now->consent, &edited->consent);
	if (r == DB_OK)
		r = save_assessment(d, id, &rows, &now->assessment, &edited->assessment);
	/* An assessment saved, feedback asked, a consent given: the calls
	 * the day's rules would plan, now. */
	if (r == DB_OK)
		r = calls_plan_citizen_within(d, id, NULL);
	if (r == DB_OK)
		r = store_citizens_set_picks(d->db, id, edited);
	return r;
}

/* Deletes the person's own kept edit of the card, if there is one. */
static enum db_status drop_kept_edit(struct desk *d, long long citizen_id)
{
	struct card_draft kept;
	enum db_status r = store_drafts_card_find(d->db, d->user, citizen_id, &kept);
	card_draft_free(&kept);
	if (r == DB_ERR_NOTFOUND)
		return DB_OK;
	if (r == DB_OK)
		r = store_drafts_delete(d->db, kept.id);
	if (r == DB_OK)
		r = desk_audit(d, "delete", "draft", kept.id, "card");
	return r;
}

enum db_status citizens_save_card(struct desk *d, const struct citizen_card *edited, long long expected_version,
				  struct citizen_card *current)
{
	/* The edited card and the card before it: too big for the stack of
	 * a screen's callback. */
	struct citizen_card *card = malloc(2 * sizeof *card);
	if (!card)
		return DB_ERR_IO;
	struct citizen_card *now = card + 1;
	card[0] = *edited;
	citizen_rule_assessment_clean(&card->assessment);
	long long id = card->citizen.id;
	enum db_status r = citizen_rule_card_ok(card, date_today()) ? desk_begin(d, ROLE_DESK) : DB_ERR_INVALID;
	if (r != DB_OK) {
		free(card);
		return r;
	}
	/* The person of an anonymised card is gone: nothing to edit. */
	r = on_record(d, id);
	struct citizen_keys *keys = r == DB_OK ? malloc(sizeof *keys) : NULL;
	if (keys) {
		textkeys_of_citizen(&card->citizen, keys);
		r = store_citizens_update(d->db, &card->citizen, keys, expected_version);
	} else if (r == DB_OK) {
		r = DB_ERR_IO;
	}
	free(keys);
	if (r == DB_OK)
		r = save_parts(d, card, now);
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", id, "card");
	/* What the edit was resumed from is saved now. */
	if (r == DB_OK)
		r = drop_kept_edit(d, id);
	r = desk_end(d, r);
	free(card);
	/* Show the card as the other desk left it, so both can be compared. */
	if (r == DB_ERR_CONFLICT && current && card_now(d, id, current) != DB_OK)
		memset(current, 0, sizeof *current);
	return r;
}

enum db_status citizens_add_note(struct desk *d, long long id, const char *text)
{
	if (!citizen_rule_note_ok(text))
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	char today[DATE_ISO_LEN];
	today_iso(today);
	r = on_record(d, id);
	if (r == DB_OK)
		r = store_citizens_add_note(d->db, id, today, d->user, text);
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", id, "note");
	if (r == DB_OK)
		r = kept_draft_drop_within(d, DRAFT_NOTE, id, false);
	return desk_end(d, r);
}

enum db_status citizens_course_ended_within(struct desk *d, long long citizen_id, const char *today,
					    const char *reason, long long keep, long long keep_too)
{
	char why[200];
	snprintf(why, sizeof why, _("Course ended: %s"), vocab_label(vocab_end_reason_shown, reason));
	enum db_status r = store_calls_cancel_open(d->db, citizen_id, keep, keep_too, d->user);
	return r != DB_OK ? r : matching_end_open_within(d, citizen_id, today, match_outcome_at_course_end(reason), why,
							 NULL);
}

enum db_status citizens_end_course(struct desk *d, long long id, long long expected_version, const char *reason)
{
	/* An end without a reason would read as a reopening. */
	if (!citizen_rule_end_reason(reason))
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	char today[DATE_ISO_LEN];
	today_iso(today);
	r = on_record(d, id);
	if (r == DB_OK)
		r = store_citizens_end(d->db, id, expected_version, today, reason);
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", id, "end");
	/* A closed course has no calls ahead and no one accompanying it. */
	if (r == DB_OK)
		r = citizens_course_ended_within(d, id, today, reason, 0, 0);
	return desk_end(d, r);
}

enum db_status citizens_reopen_course(struct desk *d, long long id, long long expected_version)
{
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = on_record(d, id);
	if (r == DB_OK)
		r = store_citizens_reopen(d->db, id, expected_version);
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", id, "reopen");
	return desk_end(d, r);
}

/* ---------- an edit kept at a stop ---------- */

void card_draft_free(struct card_draft *draft)
{
	free(draft->data);
	free(draft->base);
	free(draft->words);
	draft->data = draft->base = draft->words = NULL;
}

enum db_status citizens_edit_kept(struct desk *d, long long citizen_id, struct card_draft *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	/* The store finds by owner: only the person's own edit is found. */
	r = store_drafts_card_find(d->db, d->user, citizen_id, out);
	return desk_end(d, r);
}

enum db_status citizens_keep_edit(struct desk *d, long long citizen_id, const char *label,
				  const struct card_draft *edit)
{
	/* A draft is no place for a CPR number. */
	if (edit->words && cpr_found(edit->words))
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	long long id = 0;
	r = store_drafts_card_put(d->db, d->user, citizen_id, label, edit, &id);
	if (r == DB_OK)
		r = desk_audit(d, "update", "draft", id, "card");
	return desk_end(d, r);
}

enum db_status citizens_drop_edit(struct desk *d, long long citizen_id)
{
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	return desk_end(d, drop_kept_edit(d, citizen_id));
}

/* ---------- pick-lists ---------- */

enum db_status citizens_picklist(struct desk *d, const char *which, struct pick *out, int max, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	if (r == DB_OK)
		r = store_picklist_load(d->db, which, out, max, count);
	if (r == DB_OK)
		textkeys_sort_picks(out, *count);
	return r;
}

enum { PICKS_ALL = 1000 };

enum db_status citizens_add_pick(struct desk *d, const char *which, const char *name, long long *id)
{
	*id = 0;
	if (!citizen_rule_pick_name_ok(name))
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	long long existing = 0, added = 0;
	bool active = false;
	struct pick *all = malloc(PICKS_ALL * sizeof *all);
	int n = 0;
	r = all ? store_picklist_all(d->db, which, all, PICKS_ALL, &n) : DB_ERR_IO;
	int same = r == DB_OK ? textkeys_find_pick(all, n, name) : -1;
	if (same >= 0) {
		existing = all[same].id;
		active = all[same].active;
	}
	free(all);
	/* The list holds each entry once; a retired one comes back. */
	if (r == DB_OK && existing && active)
		r = DB_ERR_CONSTRAINT;
	else if (r == DB_OK && existing)
		r = store_picklist_reactivate(d->db, which, existing);
	else if (r == DB_OK)
		r = store_picklist_insert(d->db, which, name, &added);
	if (r == DB_OK)
		r = desk_audit(d, existing ? "update" : "create", which, existing ? existing : added, NULL);
	r = desk_end(d, r);
	if (r == DB_OK || (r == DB_ERR_CONSTRAINT && existing && active))
		*id = existing ? existing : added;
	return r;
}
