/* citizen_edit.c — the edit form and, on a conflict, the two versions. */
#include "citizen_edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "citizen_form.h"
#include "citizen_rules.h"
#include "citizens.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "form_screen.h"
#include "i18n.h"
#include "utf8.h"

struct edit_state {
	struct citizen_form cf;
	struct citizen_card original;
	long long expected_version;
	/* The card as saved elsewhere, and as it was when editing began:
	 * with both, only fields the two desks changed differently clash. */
	struct citizen_form theirs, base;
	struct citizen_card theirs_card;
	bool clash[CF_COUNT];
	int top;
	/* An edit kept at a stop and taken up again: the values it started
	 * from (the base of the merge until a conflict replaces it), and
	 * whether the draft is still there to drop when the edit ends. */
	char *kept_base;
	bool kept;
	bool parked;                /* kept as a draft on purpose with Esc: left as it is */
	struct form_keeping keeping;
};

extern const struct screen_ops conflict_screen, citizen_edit_screen;

static const struct action edit_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Save the changes to the card."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the changes to the card."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down, but in a note Enter stays and Up and Down go from line to line; Enter on the last field saves, as Ctrl-S); Shift-Tab or Up goes back."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without saving; if you changed anything, asks whether to keep it as a draft."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static const struct action conflict_actions[] = {
	{ ACT_KEEP_MINE, 'm', N_("Save mine"), N_("Save your version over the one saved meanwhile."), 0 },
	{ ACT_KEEP_THEIRS, 'g', N_("Keep saved"), N_("Drop your changes and keep the version saved meanwhile."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Edit more"), N_("Back to your form to combine the two by hand."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

/* The person's own edit of this card left at a stop comes back as they
 * left it, measured against the version it started from. */
static void take_up_kept_edit(struct edit_state *st, struct app *app)
{
	struct card_draft kept;
	enum db_status r = citizens_edit_kept(&app->desk, st->original.citizen.id, &kept);
	if (r == DB_ERR_NOTFOUND)
		return;
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	citizen_form_restore(&st->cf, kept.data);
	citizen_form_update_visibility(&st->cf);
	form_touch(&st->cf.form);
	st->expected_version = kept.base_version;
	st->kept_base = kept.base;
	kept.base = NULL;
	st->kept = true;
	char when[32], labels[400];
	date_format_stamp(kept.updated_at, when, sizeof when);
	int n = form_draft_left_out(&st->cf.form, labels, sizeof labels);
	if (n)
		/* TRANSLATORS: the day and time, then the fields left out. */
		app_status(app, STATUS_INFO, P_("Your changes from %s are back without %s: it looked like a CPR number. "
						"Ctrl-S saves them; Esc asks what to do with them.",
						"Your changes from %s are back without %s: they looked like CPR numbers. "
						"Ctrl-S saves them; Esc asks what to do with them.", n), when, labels);
	else
		app_status(app, STATUS_INFO, _("Your changes from %s are back. Ctrl-S saves them; Esc asks what to do with them."),
			   when);
	card_draft_free(&kept);
}

static bool edit_enter(struct screen *s, struct app *app, const void *args)
{
	struct edit_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	const struct citizen_edit_args *a = args;
	st->original = *a->card;
	st->expected_version = a->card->citizen.version;
	if (!citizen_form_init(&st->cf, app)) {
		free(st);
		return false;
	}
	citizen_form_fill(&st->cf, &st->original);
	/* Consents are given and withdrawn on the card's consent screen (s),
	 * each with its day, its history and what it does: not here. */
	static const int consent_fields[] = { CF_FEEDBACK, CF_H_CONSENT, CF_CONSENT_REGISTRATION, CF_CONSENT_CONTACT,
					      CF_CONSENT_ON };
	for (size_t i = 0; i < sizeof consent_fields / sizeof consent_fields[0]; i++)
		st->cf.fields[consent_fields[i]].hidden = true;
	/* The referral is part of the record; the first fields a volunteer
	 * edits are the citizen's own. */
	st->cf.form.current = CF_NAME;
	s->state = st;
	take_up_kept_edit(st, app);
	return true;
}

static void draw_conflict(struct edit_state *st, const struct area *a)
{
	int y = a->top;
	y += draw_wrapped(y, a->left, 2, a->cols,
			  _("Someone else saved this card while you were editing. Where the two differ:"), A_BOLD);
	int label_w = a->cols / 4, col_w = (a->cols - label_w - 2) / 2;
	int x_mine = a->left + label_w + 1, x_theirs = x_mine + col_w + 1;
	draw_text(y, x_mine, col_w, _("Yours"), A_UNDERLINE);
	draw_text(y, x_theirs, col_w, _("Saved meanwhile"), A_UNDERLINE);
	y++;
	int shown = 0, skipped = 0;
	for (int i = 0; i < CF_COUNT; i++) {
		if (st->cf.fields[i].kind == FIELD_HEADING)
			continue;
		char mine[1024], theirs[1024];
		if (!st->clash[i])
			continue;
		form_value_text(&st->cf.fields[i], mine, sizeof mine);
		form_value_text(&st->theirs.fields[i], theirs, sizeof theirs);
		if (skipped++ < st->top)
			continue;
		if (y >= a->top + a->rows)
			break;
		draw_cell(y, a->left, label_w, _(st->cf.fields[i].label), A_BOLD);
		draw_cell(y, x_mine, col_w, mine[0] ? mine : "-", A_NORMAL);
		draw_cell(y, x_theirs, col_w, theirs[0] ? theirs : "-", A_NORMAL);
		y++;
		shown++;
	}
	if (shown && y + 1 < a->top + a->rows)
		draw_wrapped(y + 1, a->left, 2, a->cols,
			     _("Everything else the other desk changed is already taken into your version."), A_NORMAL);
}

static void edit_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct edit_state *st = s->state;
	form_draw(&st->cf.form, a);
}

static unsigned finish(struct app *app, const char *message)
{
	app_pop(app);
	app_status(app, STATUS_INFO, "%s", message);
	return RD_ALL;
}

/* Whatever is chosen, the volunteer has now seen the other version, so a
 * later save is measured against it. */
static void accept_theirs_as_base(struct edit_state *st)
{
	st->expected_version = st->theirs_card.citizen.version;
	st->original = st->theirs_card;
	free(st->kept_base);
	st->kept_base = NULL;
}

/* Three-way merge of the form, field by field as the rule says
 * (citizen_rule_merge_field), on the values as the form shows them.
 * Returns the number of clashes, or -1 if the versions could not be read. */
static int merge(struct edit_state *st, struct app *app)
{
	if (!citizen_form_init(&st->theirs, app) || !citizen_form_init(&st->base, app))
		return -1;
	citizen_form_fill(&st->theirs, &st->theirs_card);
	citizen_form_fill(&st->base, &st->original);
	if (st->kept_base)
		citizen_form_restore(&st->base, st->kept_base);
	int clashes = 0;
	for (int i = 0; i < CF_COUNT; i++) {
		st->clash[i] = false;
		if (st->cf.fields[i].kind == FIELD_HEADING)
			continue;
		char mine[1024], theirs[1024], base[1024];
		form_value_text(&st->cf.fields[i], mine, sizeof mine);
		form_value_text(&st->theirs.fields[i], theirs, sizeof theirs);
		form_value_text(&st->base.fields[i], base, sizeof base);
		switch (citizen_rule_merge_field(base, mine, theirs)) {
		case MERGE_THEIRS:
			form_field_take_value(&st->cf.fields[i], &st->theirs.fields[i]);
			break;
		case MERGE_CLASH:
			clashes += st->clash[i] = true;
			break;
		case MERGE_MINE:
			break;
		}
	}
	citizen_form_update_visibility(&st->cf);
	return clashes;
}

static unsigned save(struct edit_state *st, struct app *app)
{
	if (!citizen_form_valid(&st->cf, app))
		return RD_ALL;
	struct citizen_card edited = st->original;
	citizen_form_read(&st->cf, &edited);
	enum db_status r = citizens_save_card(&app->desk, &edited, st->expected_version, &st->theirs_card);
	if (r == DB_ERR_CONFLICT) {
		int clashes = merge(st, app);
		if (clashes < 0)
			return RD_ALL;
		accept_theirs_as_base(st);
		if (clashes == 0) {
			/* Nothing clashed: the merged card is saved at once. */
			edited = st->original;
			citizen_form_read(&st->cf, &edited);
			r = citizens_save_card(&app->desk, &edited, st->expected_version, &st->theirs_card);
			if (r == DB_OK) {
				st->cf.form.dirty = st->kept = false;
				return finish(app, _("Saved. Another desk had changed other fields meanwhile; their changes are kept too."));
			}
			if (r == DB_ERR_CONFLICT)
				app_status(app, STATUS_ERROR, "%s", _("The card keeps changing elsewhere. Press Ctrl-S again."));
			else
				app_status_db(app, r);
			return RD_ALL;
		}
		st->top = 0;
		app_push(app, &conflict_screen, st);
		app_status(app, STATUS_ERROR, "%s", _("Not saved: the card was changed elsewhere. Choose below."));
		return RD_ALL;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	st->cf.form.dirty = st->kept = false;
	return finish(app, _("The card is saved."));
}

/* The values the edit started from, as the form's text. */
static char *base_text(struct edit_state *st, struct app *app)
{
	if (st->kept_base)
		return strdup(st->kept_base);
	if (!citizen_form_init(&st->base, app))
		return NULL;
	citizen_form_fill(&st->base, &st->original);
	return form_serialise(&st->base.form);
}

/* The edit kept as the person's draft; false (said why) when it was not. */
static bool keep_edit(struct edit_state *st, struct app *app)
{
	struct card_draft edit = { .base_version = st->expected_version,
				   .data = form_serialise(&st->cf.form), .base = base_text(st, app) };
	edit.words = edit.base ? form_words(&st->cf.form, edit.base) : NULL;
	enum db_status r = edit.data && edit.base && edit.words
		? citizens_keep_edit(&app->desk, st->original.citizen.id, st->original.citizen.name, &edit)
		: DB_ERR_IO;
	card_draft_free(&edit);
	if (r != DB_OK)
		app_status_db(app, r);
	return r == DB_OK;
}

/* Esc's "Keep as draft": the screen is left with the draft as it is. */
static bool park(struct app *app, void *ctx)
{
	struct edit_state *st = ctx;
	if (!keep_edit(st, app))
		return false;
	form_screen_say_kept(app, &st->cf.form);
	st->parked = true;
	return true;
}

/* An edit left changed by a stop signal (the shift ends, the PC shuts
 * down) is kept as the person's draft, as an intake is; one parked with
 * Esc stays as kept; one saved or discarded takes its kept draft with
 * it. */
static void edit_leave(struct screen *s, struct app *app)
{
	struct edit_state *st = s->state;
	enum db_status r = DB_OK;
	if (!st->parked && form_changed(&st->cf.form))
		keep_edit(st, app);
	else if (!st->parked && st->kept)
		r = citizens_drop_edit(&app->desk, st->original.citizen.id);
	if (r != DB_OK)
		app_status_db(app, r);
	free(st->kept_base);
	free(st);
	s->state = NULL;
}

static unsigned edit_key(struct screen *s, struct app *app, ui_key key)
{
	struct edit_state *st = s->state;
	enum form_event ev;
	unsigned r = citizen_form_key(&st->cf, key, &ev);
	if (ev == FORM_SUBMIT)
		return save(st, app);
	st->keeping = (struct form_keeping){ .form = &st->cf.form, .keep = park, .ctx = st };
	return form_screen_key_keeping(app, &st->keeping, key, ev, r,
				       _("Your changes to the card are not saved. What do you want to do?"));
}

/* The conflict screen: both versions, and the volunteer chooses. Its
 * state is the edit's, which stays below it on the stack. */
static bool conflict_enter(struct screen *s, struct app *app, const void *args)
{
	(void)app;
	s->state = (void *)args;
	return true;
}

static void keep_mine_answered(struct app *app, void *ctx, int yes)
{
	struct edit_state *st = ctx;
	if (!yes)
		return;
	app_pop(app);
	save(st, app);
}

static void conflict_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	draw_conflict(s->state, a);
}

static unsigned conflict_key(struct screen *s, struct app *app, ui_key key)
{
	struct edit_state *st = s->state;
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_KEEP_MINE:
		dialog_confirm(app, &(struct confirm_args){
			.question = _("Save your values in these fields? The other desk's values in them are lost."),
			.done = keep_mine_answered, .ctx = st });
		return RD_ALL;
	case ACT_KEEP_THEIRS:
		st->cf.form.dirty = false;
		app_pop(app);
		return finish(app, _("Your changes were dropped; the card shows the saved version."));
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		if (key == UIK(KEY_DOWN))
			st->top++;
		else if (key == UIK(KEY_UP) && st->top > 0)
			st->top--;
		else
			return app_default_key(app, key);
		return RD_BODY;
	}
}

const struct screen_ops conflict_screen = {
	.name = N_("Changed elsewhere"),
	.help = N_("Another desk saved this card while you edited it. The rows show where your version "
		   "and the saved one differ. Save yours over it, keep the saved one, or go back to your "
		   "form and combine the two."),
	.actions = conflict_actions,
	.enter = conflict_enter,
	.draw = conflict_draw,
	.on_key = conflict_key,
};

void citizen_edit_open(struct app *app, const struct citizen_edit_args *args)
{
	app_push(app, &citizen_edit_screen, args);
}

static bool citizen_edit_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct edit_state *)s->state)->cf.form, key);
}

const struct screen_ops citizen_edit_screen = {
	.name = N_("Edit card"),
	.help = N_("Change any field and save with Ctrl-S. If another desk saved the card meanwhile, you see "
		   "both versions and choose: save yours, keep theirs, or go back and combine them."),
	.actions = edit_actions,
	.writes = true,
	.enter = edit_enter,
	.draw = edit_draw,
	.on_key = edit_key,
	.typing = citizen_edit_typing,
	.leave = edit_leave,
};
