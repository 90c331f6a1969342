/* app.c — screen stack, status line and the keys every screen shares. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbmessage.h"
#include "help.h"
#include "i18n.h"
#include "store_users.h"

bool app_push(struct app *app, const struct screen_ops *ops)
{
	if (app->depth >= APP_MAX_SCREENS)
		return false;
	struct screen *s = &app->stack[app->depth];
	memset(s, 0, sizeof *s);
	s->ops = ops;
	app->depth++;
	if (ops->enter && !ops->enter(s, app)) {
		app->depth--;
		return false;
	}
	return true;
}

void app_pop(struct app *app)
{
	if (app->depth == 0)
		return;
	struct screen *s = &app->stack[app->depth - 1];
	if (s->ops->leave)
		s->ops->leave(s, app);
	app->depth--;
	if (app->depth == 0)
		app->quit = true;
}

struct screen *app_top(struct app *app)
{
	return app->depth ? &app->stack[app->depth - 1] : NULL;
}

void *app_top_state(struct app *app, const struct screen_ops *ops)
{
	struct screen *s = app_top(app);
	return s && s->ops == ops ? s->state : NULL;
}

void app_free_state(struct screen *s, struct app *app)
{
	(void)app;
	free(s->state);
	s->state = NULL;
}

void app_status(struct app *app, enum status_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	va_end(ap);
	app->status_kind = kind;
}

void app_status_db(struct app *app, enum db_status st)
{
	app_status(app, STATUS_ERROR, "%s", dbmessage(st));
}

void app_load_access(struct app *app)
{
	long long n = 0;
	if (store_users_count_active(app->db, &n) == DB_OK)
		app->users_exist = n > 0;
	char v[SETTING_MAX];
	long minutes = 5;
	if (store_settings_get(app->db, "idle_lock_minutes", v, sizeof v) == DB_OK && v[0])
		minutes = strtol(v, NULL, 10);
	app->idle_lock_minutes = minutes >= 1 && minutes <= 60 ? (int)minutes : 5;
}

bool app_require_coordinator(struct app *app)
{
	if (!app->users_exist || app->coordinator)
		return true;
	app_status(app, STATUS_ERROR, "%s", _("Only a coordinator may do this. Ask a coordinator to sign in."));
	return false;
}

struct area app_body_area(void)
{
	/* Title on row 0; status and key hints on the last two rows. */
	struct area a = { .top = 2, .left = 1, .rows = LINES - 5, .cols = COLS - 2 };
	return a;
}

unsigned app_default_key(struct app *app, ui_key key)
{
	struct screen *s = app_top(app);
	switch (action_for_key(s ? s->ops->actions : NULL, key)) {
	case ACT_HELP:
		if (s && s->ops != &help_screen)
			help_open(app, s->ops);
		return RD_ALL;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return RD_ALL;
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		return RD_NONE;
	}
}
