/* form_screen.c — the shared part of form screens (form_screen.h). */
#include "form_screen.h"

#include "app.h"
#include "dialog.h"
#include "i18n.h"

bool form_screen_valid(struct app *app, struct form *f)
{
	int bad = form_validate_count(f);
	if (bad == 0)
		return true;
	form_screen_say_bad(app, bad);
	return false;
}

void form_screen_say_bad(struct app *app, int bad)
{
	app_status(app, STATUS_ERROR, P_("Please correct the field marked with !.", "Please correct the %d fields marked with !.",
					 bad), bad);
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

unsigned form_screen_key(struct app *app, struct form *f, ui_key key, enum form_event ev, unsigned r,
			 const char *leave_question)
{
	if (ev == FORM_CANCEL && leave_question) {
		if (f->dirty)
			dialog_confirm(app, &(struct confirm_args){ .question = leave_question, .done = leave_answered,
				.ctx = f });
		else
			app_pop(app);
		return RD_ALL;
	}
	const struct form_field *cur = &f->fields[f->current];
	if (cur->edit.refused)
		app_status(app, STATUS_ERROR, "%s", cur->error);
	return r != RD_NONE ? r : app_default_key(app, key);
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
	dialog_pick(app, &(struct pick_args){ .fld = &f->fields[f->current], .add = add, .add_ctx = add_ctx,
		.done = picked, .ctx = f });
}
