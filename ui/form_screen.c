/* form_screen.c — the shared part of form screens (form_screen.h). */
#include "form_screen.h"

#include "app.h"
#include "dialog.h"
#include "i18n.h"

bool form_screen_valid(struct app *app, struct form *f)
{
	if (form_validate(f))
		return true;
	app_status(app, STATUS_ERROR, "%s", _("Please correct the field marked with !."));
	return false;
}

unsigned form_screen_key(struct app *app, struct form *f, ui_key key, enum form_event ev, unsigned r,
			 const char *leave_question)
{
	if (ev == FORM_CANCEL && leave_question) {
		if (!f->dirty || dialog_confirm(app, leave_question, false))
			app_pop(app);
		return RD_ALL;
	}
	const struct form_field *cur = &f->fields[f->current];
	if (cur->edit.refused)
		app_status(app, STATUS_ERROR, "%s", cur->error);
	return r != RD_NONE ? r : app_default_key(app, key);
}
