/* intake_form.c — intake screen (home key 1). */
#include "intake_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "card.h"
#include "citizen_form.h"
#include "cpr.h"
#include "dialog.h"
#include "form_screen.h"
#include "i18n.h"
#include "intake.h"
#include "phone.h"
#include "strbuf.h"

struct intake_state {
	struct citizen_form cf;
	long long draft_id;    /* 0 until kept as a draft */
	struct citizen_card card; /* what is being saved while a question is open */
	long long existing;    /* the card the duplicate question offers to open */
};

extern const struct screen_ops intake_screen;

static const struct action intake_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Save the intake and open the citizen's card."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the intake and open the citizen's card."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down, but in a note Enter stays and Up and Down go from line to line; Enter on the last field saves, as Ctrl-S); Shift-Tab or Up goes back."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change a choice (also Left and Right), or open the list of a multiple choice (also Enter)."), ACTF_NOT_TYPING },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave the form; asks whether to keep it as a draft."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool intake_enter(struct screen *s, struct app *app, const void *args)
{
	struct intake_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	if (!citizen_form_init(&st->cf, app)) {
		free(st);
		return false;
	}
	const struct intake_args *a = args;
	if (a && a->draft_id) {
		char *data = NULL;
		enum db_status r = intake_draft_load(&app->desk, a->draft_id, &data);
		if (r != DB_OK) {
			app_status_db(app, r);
			free(st);
			return false;
		}
		citizen_form_restore(&st->cf, data);
		free(data);
		citizen_form_update_visibility(&st->cf);
		st->draft_id = a->draft_id;
		/* Esc on a draft taken up asks, as on a call's outcome or a
		 * card edit: keep it, discard it (the draft with it) or go on. */
		form_touch(&st->cf.form);
		char labels[400];
		int n = form_draft_left_out(&st->cf.form, labels, sizeof labels);
		if (n)
			app_status(app, STATUS_INFO,
				   P_("The draft left out %s: it looked like a CPR number. Write it without the number.",
				      "The draft left out %s: they looked like CPR numbers. Write them without the numbers.",
				      n), labels);
		else
			app_status(app, STATUS_INFO, "%s",
				   _("The intake is back as you left it. Ctrl-S saves it; Esc asks what to do with it."));
	}
	s->state = st;
	return true;
}

static enum db_status keep_draft(struct intake_state *st, struct app *app)
{
	char label[CIT_NAME];
	const char *name = form_text(&st->cf.form, CF_NAME);
	/* The label is on disk too: a CPR number stays out of it as well. */
	snprintf(label, sizeof label, "%s", name[0] && !cpr_found(name) ? name : _("(no name yet)"));
	char *data = form_serialise(&st->cf.form);
	if (!data)
		return DB_ERR_IO;
	enum db_status r = intake_draft_save(&app->desk, &st->draft_id, label, data);
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
	if (form_changed(&st->cf.form))
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

static void save_now(struct intake_state *st, struct app *app)
{
	long long id = 0;
	/* The draft the form came from goes with the same save. */
	enum db_status r = intake_register(&app->desk, &st->card, st->draft_id, &id);
	if (r != DB_OK) {
		/* The form stays open with everything typed. */
		app_status_db(app, r);
		return;
	}
	st->cf.form.dirty = false;
	char name[CIT_NAME];
	snprintf(name, sizeof name, "%s", st->card.citizen.name);
	app_pop(app);
	if (id) {
		card_open(app, &(struct card_args){ .citizen_id = id });
		app_status(app, STATUS_INFO, _("%s is registered."), name);
	} else {
		app_status(app, STATUS_INFO, "%s", _("The referral is counted in the statistics; no personal details were kept."));
	}
}

static void only_referral_answered(struct app *app, void *ctx, int yes)
{
	if (yes)
		save_now(ctx, app);
}

/* Without consent to registration the law lets only the referral be
 * counted: say so before dropping the rest. */
static void check_consent(struct intake_state *st, struct app *app)
{
	if (st->card.consent.registration) {
		save_now(st, app);
		return;
	}
	dialog_confirm(app, &(struct confirm_args){
		.question = _("Without consent to registration only the referral is saved; "
			      "everything else in the form is dropped. Save only the referral?"),
		.done = only_referral_answered, .ctx = st });
}

/* Open the card (the form stays behind it, as typed), register anyway,
 * or go back to the form. */
static void duplicate_answered(struct app *app, void *ctx, int c)
{
	struct intake_state *st = ctx;
	if (c == 0)
		card_open(app, &(struct card_args){ .citizen_id = st->existing });
	else if (c == 1)
		check_consent(st, app);
}

/* Registering the same person twice splits their history in two: warn
 * when someone likely the same is on record (the same name written
 * another way, a name a letter off, or the same phone) and offer their
 * card. True when a question was asked. */
static bool ask_if_duplicate(struct intake_state *st, struct app *app)
{
	struct intake_duplicate dup;
	if (intake_likely_duplicate(&app->desk, &st->card.citizen, &dup) != DB_OK || !dup.found)
		return false;
	const struct citizen_hit *o = &dup.who;
	/* "telefon 12 34 56 78, 8000 Aarhus C" */
	char where[CIT_SHORT + CIT_TOWN + 64], phone[CIT_SHORT + 32], place[CIT_TOWN + 8],
		q[CIT_NAME * 2 + CIT_TOWN + 300];
	struct strbuf w = strbuf_on(where, sizeof where), p = strbuf_on(place, sizeof place);
	if (o->postcode[0])
		strbuf_item(&p, " ", o->postcode);
	if (o->town[0])
		strbuf_item(&p, " ", o->town);
	if (o->phone[0]) {
		/* TRANSLATORS: a phone number in a list of what is known of someone. */
		char dial[PHONE_SHOWN_MAX];
		phone_shown(o->phone, dial, sizeof dial);
		snprintf(phone, sizeof phone, _("phone %s"), dial);
		strbuf_item(&w, ", ", phone);
	}
	if (place[0])
		strbuf_item(&w, ", ", place);
	switch (dup.why) {
	case SAME_PERSON_PHONE:
		/* TRANSLATORS: the name on record, and where they live. */
		snprintf(q, sizeof q, _("The phone number is registered to %s (%s). Is it the same person?"), o->name,
			 where);
		break;
	case SAME_PERSON_NAME_SLIP:
		/* TRANSLATORS: the name on record (a letter from the one typed), and phone and place. */
		snprintf(q, sizeof q, _("%s is registered, a name one letter from the one typed (%s). Is it the same "
					"person?"), o->name, where);
		break;
	case SAME_PERSON_NAME:
	case SAME_PERSON_NO:
	default:
		snprintf(q, sizeof q, _("%s is already registered (%s). Is it the same person?"), o->name, where);
		break;
	}
	st->existing = o->id;
	const char *labels[] = { _("Open their card"), _("Register anyway"), _("Back to the form") };
	dialog_choose(app, &(struct choose_args){ .question = q, .labels = labels, .n = 3, .done = duplicate_answered,
		.ctx = st });
	return true;
}

static unsigned save(struct intake_state *st, struct app *app)
{
	if (!citizen_form_valid(&st->cf, app) || !citizen_form_referral_valid(&st->cf, app))
		return RD_ALL;
	memset(&st->card, 0, sizeof st->card);
	citizen_form_read(&st->cf, &st->card);
	if (!st->card.consent.registration || !ask_if_duplicate(st, app))
		check_consent(st, app);
	return RD_ALL;
}

static void leave_answered(struct app *app, void *ctx, int c)
{
	struct intake_state *st = ctx;
	if (c == 0) {
		enum db_status r = keep_draft(st, app);
		if (r != DB_OK) {
			app_status_db(app, r);
			return;
		}
		form_screen_say_kept(app, &st->cf.form);
		app_pop(app);
	} else if (c == 1) {
		/* Discarded means gone: a draft it came from too ("discarded",
		 * it still waited on the home screen). */
		enum db_status r = st->draft_id ? intake_draft_delete(&app->desk, st->draft_id) : DB_OK;
		/* Gone already (deleted at another desk): discarded all the same. */
		if (r != DB_OK && r != DB_ERR_NOTFOUND) {
			app_status_db(app, r);
			return;
		}
		st->cf.form.dirty = false;
		app_pop(app);
		app_status(app, STATUS_INFO, "%s", _("The intake was discarded."));
	}
}

static unsigned cancel(struct intake_state *st, struct app *app)
{
	if (!form_changed(&st->cf.form)) {
		app_pop(app);
		return RD_ALL;
	}
	const char *choices[] = { _("Keep as draft"), _("Discard"), _("Go on writing") };
	dialog_choose(app, &(struct choose_args){ .question = _("The intake is not saved. What do you want to do?"),
		.labels = choices, .n = 3, .done = leave_answered, .ctx = st });
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

void intake_open(struct app *app, const struct intake_args *args)
{
	app_push(app, &intake_screen, args);
}

static bool intake_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct intake_state *)s->state)->cf.form, key);
}

const struct screen_ops intake_screen = {
	.name = N_("Intake"),
	.help = N_("Fill in the form as the first conversation goes: the referral, consent, the citizen, "
		   "a relative who takes part, wishes and needs, and your assessment. Fields with * must be "
		   "filled in. Dates are written as 26-11-2026. Never write a CPR number. Without consent to "
		   "registration only the referral is saved. Esc lets you keep the form as a draft."),
	.actions = intake_actions,
	.writes = true,
	.enter = intake_enter,
	.draw = intake_draw,
	.on_key = intake_key,
	.typing = intake_typing,
	.leave = intake_leave,
};
