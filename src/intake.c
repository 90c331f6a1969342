/* intake.c — the intake use cases (intake.h). */
#include "intake.h"

#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "citizen_rules.h"
#include "date.h"
#include "store_citizens.h"
#include "textkeys.h"

/* Removes the draft the form was filled from, when it is the person's
 * own; someone else's, or one deleted meanwhile, is left alone. */
static enum db_status drop_own_draft(struct desk *d, long long draft_id)
{
	if (!draft_id)
		return DB_OK;
	db_user_id owner = 0;
	enum db_status r = store_drafts_owner(d->db, draft_id, &owner);
	if (r == DB_ERR_NOTFOUND || (r == DB_OK && !citizen_rule_draft_mine(owner, d->user)))
		return DB_OK;
	if (r == DB_OK)
		r = store_drafts_delete(d->db, draft_id);
	if (r == DB_OK)
		r = desk_audit(d, "delete", "draft", draft_id, NULL);
	return r;
}

/* The person's own part of the intake, with consent to registration. */
static enum db_status register_person(struct desk *d, const struct citizen_card *card, long long id)
{
	enum db_status r = store_citizens_set_relative(d->db, id, &card->relative);
	/* The relative's own wish for support leads to a call to them. */
	if (r == DB_OK)
		r = calls_relative_wish_within(d, id, false, card->relative.name[0] && card->relative.wants_support, NULL);
	if (r == DB_OK)
		r = store_citizens_give_consents(d->db, id, &card->consent, card->consent.given_on, d->user);
	if (r == DB_OK && card->assessment.outcome[0])
		r = store_citizens_add_assessment(d->db, id, &card->assessment, d->user);
	/* The referrer's call about it, planned now, not by the day's
	 * rules tomorrow. */
	if (r == DB_OK && card->assessment.outcome[0])
		r = calls_plan_citizen_within(d, id, NULL);
	if (r == DB_OK)
		r = store_citizens_set_picks(d->db, id, card);
	return r;
}

enum db_status intake_register(struct desk *d, const struct citizen_card *in, long long draft_id,
			       long long *citizen_id)
{
	*citizen_id = 0;
	struct citizen_card *card = malloc(sizeof *card);
	if (!card)
		return DB_ERR_IO;
	*card = *in;
	citizen_rule_intake_card(card);
	bool keeps = citizen_rule_intake_keeps_person(&card->consent);
	enum db_status r = keeps && !citizen_rule_card_ok(card, date_today()) ? DB_ERR_INVALID : desk_begin(d, ROLE_DESK);
	if (r != DB_OK) {
		free(card);
		return r;
	}
	long long id = 0, referral_id = 0;
	if (keeps) {
		struct citizen_keys *keys = malloc(sizeof *keys);
		if (keys) {
			textkeys_of_citizen(&card->citizen, keys);
			r = store_citizens_insert(d->db, &card->citizen, keys, &id);
		} else {
			r = DB_ERR_IO;
		}
		free(keys);
	}
	/* The referral is kept either way: it counts for the funders. */
	if (r == DB_OK)
		r = store_citizens_add_referral(d->db, id, &card->referral, d->user, &referral_id);
	if (r == DB_OK && keeps)
		r = register_person(d, card, id);
	if (r == DB_OK)
		r = drop_own_draft(d, draft_id);
	if (r == DB_OK)
		r = keeps ? desk_audit(d, "create", "citizen", id, "intake")
			  : desk_audit(d, "create", "referral", referral_id, "intake without consent");
	r = desk_end(d, r);
	if (r == DB_OK)
		*citizen_id = id;
	free(card);
	return r;
}

/* The strongest likely duplicate seen so far in the scan. */
struct scan {
	const struct citizen *c;
	long long best_id;
	enum same_person best;
};

static bool compare_one(void *ctx, long long id, const char *name, const char *phone)
{
	struct scan *s = ctx;
	enum same_person why = citizen_rule_likely_same(s->c->name, s->c->phone, name, phone);
	if (why > s->best) {
		s->best = why;
		s->best_id = id;
	}
	return s->best != SAME_PERSON_NAME; /* nothing is stronger: stop */
}

enum db_status intake_likely_duplicate(struct desk *d, const struct citizen *c, struct intake_duplicate *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	struct scan s = { .c = c, .best = SAME_PERSON_NO };
	r = store_citizens_each_name(d->db, compare_one, &s);
	if (r == DB_OK && s.best != SAME_PERSON_NO) {
		r = store_citizens_hit(d->db, s.best_id, &out->who);
		out->found = r == DB_OK;
		out->why = s.best;
	}
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	return r;
}

enum db_status intake_possible_duplicate(struct desk *d, const struct citizen *c, struct citizen_hit *out,
					 bool *found)
{
	struct intake_duplicate dup;
	enum db_status r = intake_likely_duplicate(d, c, &dup);
	*found = dup.found;
	*out = dup.who;
	return r;
}

/* ---------- drafts ---------- */

enum db_status intake_drafts(struct desk *d, struct draft *out, int max, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	/* The store lists by owner: the rule's owner is the person signed in. */
	return r != DB_OK ? r : store_drafts_list(d->db, d->user, out, max, count);
}

enum db_status intake_drafts_count(struct desk *d, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_drafts_count(d->db, d->user, count);
}

/* DB_OK when the draft is there and the person's own. */
static enum db_status own_draft(struct desk *d, long long id)
{
	db_user_id owner = 0;
	enum db_status r = store_drafts_owner(d->db, id, &owner);
	if (r == DB_OK && !citizen_rule_draft_mine(owner, d->user))
		r = DB_ERR_FORBIDDEN;
	return r;
}

enum db_status intake_draft_load(struct desk *d, long long id, char **data)
{
	*data = NULL;
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = own_draft(d, id);
	if (r == DB_OK)
		r = store_drafts_load(d->db, id, data);
	r = desk_end(d, r);
	if (r != DB_OK) {
		free(*data);
		*data = NULL;
	}
	return r;
}

enum db_status intake_draft_save(struct desk *d, long long *id, const char *label, const char *data)
{
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	long long draft_id = *id;
	if (draft_id) {
		r = own_draft(d, draft_id);
		if (r == DB_ERR_FORBIDDEN) {
			draft_id = 0;
			r = DB_OK;
		}
	}
	bool insert = draft_id == 0;
	if (r == DB_OK)
		r = insert ? store_drafts_insert(d->db, d->user, label, data, &draft_id)
			   : store_drafts_update(d->db, draft_id, label, data, NULL);
	if (r == DB_OK)
		r = desk_audit(d, insert ? "create" : "update", "draft", draft_id, NULL);
	r = desk_end(d, r);
	if (r == DB_OK)
		*id = draft_id;
	return r;
}

enum db_status intake_draft_delete(struct desk *d, long long id)
{
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = own_draft(d, id);
	if (r == DB_OK)
		r = store_drafts_delete(d->db, id);
	if (r == DB_OK)
		r = desk_audit(d, "delete", "draft", id, NULL);
	return desk_end(d, r);
}
