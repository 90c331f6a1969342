/* intake.c — intake screen (home key 1). */
#include "intake.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "card.h"
#include "citizen_form.h"
#include "dialog.h"
#include "fold.h"
#include "form_screen.h"
#include "i18n.h"

struct intake_state {
	struct citizen_form cf;
	long long draft_id;    /* 0 until kept as a draft */
};

/* Which draft the next intake_screen.enter resumes. */
static long long pending_draft;

static const struct action intake_actions[] = {
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the intake and open the citizen's card."), 0 },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down); Shift-Tab or Up goes back."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change a choice (also Left and Right), or open the list of a multiple choice (also Enter)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave the form; asks whether to keep it as a draft."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool intake_enter(struct screen *s, struct app *app)
{
	struct intake_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	if (!citizen_form_init(&st->cf, app)) {
		free(st);
		return false;
	}
	if (pending_draft) {
		char *data = NULL;
		enum db_status r = store_drafts_load(app->db, pending_draft, &data);
		if (r != DB_OK) {
			app_status_db(app, r);
			free(st);
			pending_draft = 0;
			return false;
		}
		form_deserialise(&st->cf.form, data);
		free(data);
		citizen_form_update_visibility(&st->cf);
		st->draft_id = pending_draft;
		pending_draft = 0;
	}
	s->state = st;
	return true;
}

static enum db_status keep_draft(struct intake_state *st, struct app *app)
{
	char label[CIT_NAME];
	const char *name = form_text(&st->cf.form, CF_NAME);
	snprintf(label, sizeof label, "%s", name[0] ? name : _("(no name yet)"));
	char *data = form_serialise(&st->cf.form);
	if (!data)
		return DB_ERR_IO;
	enum db_status r = store_drafts_save(app->db, app->user, &st->draft_id, label, data);
	free(data);
	if (r == DB_OK)
		st->cf.form.dirty = false;
	return r;
}

/* A form left by a stop signal (the shift ends, the PC shuts down) is
 * kept as a draft: typing is never lost silently. */
static void intake_leave(struct screen *s, struct app *app)
{
	struct intake_state *st = s->state;
	if (st->cf.form.dirty)
		keep_draft(st, app);
	free(st);
	s->state = NULL;
}

static void intake_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct intake_state *st = s->state;
	form_draw(&st->cf.form, a);
}

/* Registering the same person twice splits their history in two: warn
 * when someone with the same name (and phone, if both have one) exists. */
static bool duplicate_ok(struct app *app, const struct citizen *c)
{
	char folded[CIT_NAME];
	fold_search(c->name, folded, sizeof folded);
	struct citizen_hit hits[10];
	int n = 0;
	if (store_citizens_search(app->db, folded, 0, 10, hits, &n) != DB_OK)
		return true;
	for (int i = 0; i < n; i++) {
		char other[CIT_NAME];
		fold_search(hits[i].name, other, sizeof other);
		if (strcmp(other, folded) != 0)
			continue;
		char mine_digits[CIT_SHORT], their_digits[CIT_SHORT];
		fold_digits(c->phone, mine_digits, sizeof mine_digits);
		fold_digits(hits[i].phone, their_digits, sizeof their_digits);
		if (mine_digits[0] && their_digits[0] && strcmp(mine_digits, their_digits) != 0)
			continue;
		char q[CIT_NAME * 2 + 200];
		snprintf(q, sizeof q, _("%s is already registered (phone %s, %s %s). Register a new citizen anyway?"),
			 hits[i].name, hits[i].phone[0] ? hits[i].phone : "-", hits[i].postcode, hits[i].town);
		return dialog_confirm(app, q, false);
	}
	return true;
}

static unsigned save(struct intake_state *st, struct app *app)
{
	if (!form_screen_valid(app, &st->cf.form))
		return RD_ALL;
	struct citizen_card card;
	memset(&card, 0, sizeof card);
	citizen_form_read(&st->cf, &card);
	if (card.consent.registration && !duplicate_ok(app, &card.citizen))
		return RD_ALL;
	if (!card.consent.registration
	    && !dialog_confirm(app, _("Without consent to registration only the referral is saved; "
				      "everything else in the form is dropped. Save only the referral?"), false))
		return RD_ALL;
	long long id = 0;
	enum db_status r = store_citizens_intake(app->db, app->user, &card, &id);
	if (r != DB_OK) {
		/* The form stays open with everything typed. */
		app_status_db(app, r);
		return RD_ALL;
	}
	if (st->draft_id)
		store_drafts_delete(app->db, app->user, st->draft_id);
	st->cf.form.dirty = false;
	app_pop(app);
	if (id) {
		card_open(app, id);
		app_status(app, STATUS_INFO, _("%s is registered."), card.citizen.name);
	} else {
		app_status(app, STATUS_INFO, "%s", _("The referral is counted in the statistics; no personal details were kept."));
	}
	return RD_ALL;
}

static unsigned cancel(struct intake_state *st, struct app *app)
{
	if (!st->cf.form.dirty) {
		app_pop(app);
		return RD_ALL;
	}
	const char *choices[] = { _("Keep as draft"), _("Discard"), _("Go on filling in") };
	int c = dialog_choose(app, _("The intake is not saved. What do you want to do?"), choices, 3, 0);
	if (c == 0) {
		enum db_status r = keep_draft(st, app);
		if (r != DB_OK) {
			app_status_db(app, r);
			return RD_ALL;
		}
		app_pop(app);
		app_status(app, STATUS_INFO, "%s", _("Kept as a draft. Find it on the home screen."));
	} else if (c == 1) {
		st->cf.form.dirty = false;
		app_pop(app);
		app_status(app, STATUS_INFO, "%s", _("The intake was discarded."));
	}
	return RD_ALL;
}

static unsigned intake_key(struct screen *s, struct app *app, ui_key key)
{
	struct intake_state *st = s->state;
	enum form_event ev;
	unsigned r = citizen_form_key(&st->cf, key, &ev);
	if (ev == FORM_SUBMIT)
		return save(st, app);
	if (ev == FORM_CANCEL)
		return cancel(st, app);
	return form_screen_key(app, &st->cf.form, key, ev, r, NULL);
}

void intake_open_draft(struct app *app, long long draft_id)
{
	pending_draft = draft_id;
	app_push(app, &intake_screen);
}

const struct screen_ops intake_screen = {
	.name = N_("Intake"),
	.help = N_("Fill in the form as the first conversation goes: the referral, consent, the citizen, "
		   "a relative who takes part, wishes and needs, and your assessment. Fields with * must be "
		   "filled in. Dates are written as 26-11-2026. Never write a CPR number. Without consent to "
		   "registration only the referral is saved. Esc lets you keep the form as a draft."),
	.actions = intake_actions,
	.enter = intake_enter,
	.draw = intake_draw,
	.on_key = intake_key,
	.leave = intake_leave,
};
