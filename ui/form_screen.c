/* form_screen.c — the shared part of form screens (form_screen.h). */
#include "form_screen.h"

#include <string.h>

#include "app.h"
#include "dialog.h"
#include "i18n.h"
#include "postcode.h"

bool form_screen_valid(struct app *app, struct form *f)
{
	int bad = form_validate_count(f);
	if (bad == 0)
		return true;
	form_screen_say_bad(app, f, bad);
	return false;
}

/* The field the cursor was moved to is named: "marked with !" alone sent
 * a new user looking for the mark at the window's right edge. */
void form_screen_say_bad(struct app *app, const struct form *f, int bad)
{
	const char *label = _(f->fields[f->current].label);
	if (bad > 1)
		app_status(app, STATUS_ERROR, P_("Please correct %s (the cursor is there) and %d more field marked with !.",
						 "Please correct %s (the cursor is there) and %d more fields marked with !.",
						 bad - 1), label, bad - 1);
	else
		app_status(app, STATUS_ERROR, _("Please correct %s (the cursor is there)."), label);
}

/* Leaving on purpose is not work to keep as a draft. */
static void leave_answered(struct app *app, void *ctx, int yes)
{
	struct form *f = ctx;
	if (!yes)
		return;
	f->dirty = false;
	app_pop(app);
}

void form_screen_say_kept(struct app *app, const struct form *f)
{
	char labels[400];
	int n = form_draft_leaves_out(f, labels, sizeof labels);
	if (n)
		app_status(app, STATUS_INFO,
			   P_("Kept as a draft without %s: it looked like a CPR number. Find the draft on the home screen.",
			      "Kept as a draft without %s: they looked like CPR numbers. Find the draft on the home screen.",
			      n), labels);
	else
		app_status(app, STATUS_INFO, "%s", _("Kept as a draft. Find it on the home screen."));
}

/* Keep as draft: kept first, and only then left, so a keep that fails
 * (the database busy) leaves the form open with everything written. */
static void keep_answered(struct app *app, void *ctx, int c)
{
	const struct form_keeping *k = ctx;
	if (c == 0 && k->keep(app, k->ctx)) {
		app_pop(app);
	} else if (c == 1) {
		k->form->dirty = false;
		app_pop(app);
		app_status(app, STATUS_INFO, "%s", _("Discarded."));
	}
}

static unsigned leave_or_ask(struct app *app, struct form *f, const char *question, const struct form_keeping *k)
{
	if (!form_changed(f)) {
		app_pop(app);
	} else if (k) {
		const char *choices[] = { _("Keep as draft"), _("Discard"), _("Go on writing") };
		dialog_choose(app, &(struct choose_args){ .question = question, .labels = choices, .n = 3,
			.done = keep_answered, .ctx = (void *)k });
	} else {
		dialog_confirm(app, &(struct confirm_args){ .question = question, .done = leave_answered, .ctx = f });
	}
	return RD_ALL;
}

/* A key refused because the field is full is said under the form
 * (form_key), not on the status line as well. */
static unsigned rest_of_key(struct app *app, ui_key key, unsigned r)
{
	return r != RD_NONE ? r : app_default_key(app, key);
}

unsigned form_screen_key(struct app *app, struct form *f, ui_key key, enum form_event ev, unsigned r,
			 const char *leave_question)
{
	if (ev == FORM_CANCEL && leave_question)
		return leave_or_ask(app, f, leave_question, NULL);
	return rest_of_key(app, key, r);
}

unsigned form_screen_key_keeping(struct app *app, const struct form_keeping *k, ui_key key, enum form_event ev,
				 unsigned r, const char *leave_question)
{
	if (ev == FORM_CANCEL)
		return leave_or_ask(app, k->form, leave_question, k);
	return rest_of_key(app, key, r);
}

static void picked(struct app *app, void *ctx, bool kept)
{
	(void)app;
	struct form *f = ctx;
	if (kept)
		f->dirty = true;
}

void form_screen_pick(struct app *app, struct form *f, dialog_add_fn add, void *add_ctx)
{
	form_note_values(f);
	dialog_pick(app, &(struct pick_args){ .fld = &f->fields[f->current], .add = add, .add_ctx = add_ctx,
		.done = picked, .ctx = f });
}

void form_screen_town_before(struct town_follows *t, struct form *f, ui_key key)
{
	if (f->current == t->town && t->filled && !UIK_IS_FUNC(key) && key >= ' ' && key != UIK_DEL_ASCII
	    && strcmp(form_text(f, t->town), t->filled) == 0) {
		form_set_text(f, t->town, "");
		t->filled = NULL;
	}
}

void form_screen_town_after(struct app *app, struct town_follows *t, struct form *f)
{
	if (f->current != t->postcode)
		return;
	/* A postcode the program knows gives its town; one it does not
	 * takes back only the town it filled in. */
	const char *town = postcode_town(form_text(f, t->postcode));
	const char *now = form_text(f, t->town);
	if (town && strcmp(now, town) != 0) {
		form_set_text(f, t->town, town);
		app_status(app, STATUS_INFO, _("Town filled in from the postcode: %s. Type over it to change it."), town);
	} else if (!town && t->filled && strcmp(now, t->filled) == 0) {
		form_set_text(f, t->town, "");
	}
	t->filled = town;
}
