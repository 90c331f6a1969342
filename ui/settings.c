/* settings.c — the centre's name, the idle-lock minutes, and when a
 * citizen without contact gets a call (src/call_rules.h). */
#include "settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "call_rules.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"

enum { F_CENTRE, F_IDLE, F_NO_CONTACT_WEEKS, F_NO_CONTACT_PER_DAY, F_COUNT };

struct settings_state {
	struct form_field fields[F_COUNT];
	struct form form;
};

static const struct action settings_actions[] = {
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the settings."), 0 },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without saving; asks first if you changed anything."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool settings_enter(struct screen *s, struct app *app)
{
	struct settings_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->fields[F_CENTRE] = (struct form_field){
		.label = N_("Centre name"), .kind = FIELD_TEXT, .required = true, .max_chars = 80 };
	st->fields[F_IDLE] = (struct form_field){
		.label = N_("Lock the screen after (idle minutes)"), .kind = FIELD_NUMBER, .required = true,
		.min = 1, .max = 60 };
	st->fields[F_NO_CONTACT_WEEKS] = (struct form_field){
		.label = N_("Call after no contact for (weeks)"), .kind = FIELD_NUMBER, .required = true,
		.min = 1, .max = 52 };
	st->fields[F_NO_CONTACT_PER_DAY] = (struct form_field){
		.label = N_("Of those calls, at most a day"), .kind = FIELD_NUMBER, .required = true,
		.min = 0, .max = 1000 };
	form_init(&st->form, st->fields, F_COUNT);
	char v[SETTING_MAX];
	enum db_status r = store_settings_get(app->db, "centre_name", v, sizeof v);
	if (r == DB_OK)
		form_set_text(&st->form, F_CENTRE, v);
	if (r == DB_OK && (r = store_settings_get(app->db, "idle_lock_minutes", v, sizeof v)) == DB_OK)
		form_set_text(&st->form, F_IDLE, v[0] ? v : "5");
	if (r == DB_OK && (r = store_settings_get(app->db, SETTING_NO_CONTACT_WEEKS, v, sizeof v)) == DB_OK)
		form_set_text(&st->form, F_NO_CONTACT_WEEKS, v[0] ? v : "6");
	if (r == DB_OK && (r = store_settings_get(app->db, SETTING_NO_CONTACT_PER_DAY, v, sizeof v)) == DB_OK)
		form_set_text(&st->form, F_NO_CONTACT_PER_DAY, v[0] ? v : "10");
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void settings_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct settings_state *st = s->state;
	form_draw(&st->form, a);
}

static unsigned save(struct settings_state *st, struct app *app)
{
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	enum db_status r = store_settings_set(app->db, app->user, "centre_name", form_text(&st->form, F_CENTRE));
	if (r == DB_OK)
		r = store_settings_set(app->db, app->user, "idle_lock_minutes", form_text(&st->form, F_IDLE));
	if (r == DB_OK)
		r = store_settings_set(app->db, app->user, SETTING_NO_CONTACT_WEEKS, form_text(&st->form, F_NO_CONTACT_WEEKS));
	if (r == DB_OK)
		r = store_settings_set(app->db, app->user, SETTING_NO_CONTACT_PER_DAY,
				 form_text(&st->form, F_NO_CONTACT_PER_DAY));
	if (r != DB_OK) {
		/* Keep the form open with what was typed: nothing is lost. */
		app_status_db(app, r);
		return RD_ALL;
	}
	app_load_access(app);
	app_pop(app);
	app_status(app, STATUS_INFO, "%s", _("Settings saved."));
	return RD_ALL;
}

static unsigned settings_key(struct screen *s, struct app *app, ui_key key)
{
	struct settings_state *st = s->state;
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	if (ev == FORM_SUBMIT)
		return save(st, app);
	return form_screen_key(app, &st->form, key, ev, r, _("Leave without saving your changes?"));
}

const struct screen_ops settings_screen = {
	.name = N_("Settings"),
	.help = N_("Write the centre's name as it should stand on the home screen and in reports. "
		   "The screen locks itself after the given number of idle minutes. A citizen with no "
		   "activity and no planned step for the given number of weeks gets a follow-up call; at "
		   "most the given number of such calls are added a day, the earliest registered first."),
	.actions = settings_actions,
	.enter = settings_enter,
	.draw = settings_draw,
	.on_key = settings_key,
	.leave = app_free_state,
};
