/* app.c — screen stack, status line and the keys every screen shares. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbmessage.h"
#include "help.h"
#include "i18n.h"
#include "term.h"
#include "users.h"

bool app_locked(const struct app *app)
{
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i].ops->locks)
			return true;
	return false;
}

bool app_push(struct app *app, const struct screen_ops *ops, const void *args)
{
	int room = ops->locks || app_locked(app) ? APP_MAX_SCREENS : APP_MAX_SCREENS - APP_LOCK_ROOM;
	if (app->depth >= room)
		return false;
	if (ops->writes && app->desk.damaged) {
		app_status(app, STATUS_ERROR, "%s",
			   _("The database is damaged and is only read now: nothing typed here could be saved, so the "
			     "form does not open."));
		return false;
	}
	struct screen *s = &app->stack[app->depth];
	memset(s, 0, sizeof *s);
	s->ops = ops;
	app->depth++;
	if (ops->enter && !ops->enter(s, app, args)) {
		app->depth--;
		return false;
	}
	return true;
}

static void leave_top(struct app *app)
{
	struct screen *s = &app->stack[app->depth - 1];
	if (s->ops->leave)
		s->ops->leave(s, app);
	app->depth--;
}

void app_pop(struct app *app)
{
	if (app->depth == 0)
		return;
	/* A dialog changed nothing the screen below has to read again. */
	bool overlay = app_top(app)->ops->overlay;
	leave_top(app);
	if (app->depth == 0) {
		app->quit = true;
		return;
	}
	struct screen *top = app_top(app);
	if (!overlay && top->ops->resume)
		top->ops->resume(top, app);
}

void app_unwind(struct app *app)
{
	while (app->depth > 1)
		leave_top(app);
}

void app_resume_top(struct app *app)
{
	struct screen *top = app_top(app);
	if (top && top->ops->resume)
		top->ops->resume(top, app);
}

struct screen *app_top(struct app *app)
{
	return app->depth ? &app->stack[app->depth - 1] : NULL;
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
	/* Damage found anywhere stops every later write, not just this one. */
	if (st == DB_ERR_CORRUPT)
		desk_damaged(&app->desk);
	app_status(app, STATUS_ERROR, "%s", dbmessage(st));
}

enum db_status app_load_access(struct app *app)
{
	struct access access;
	enum db_status r = users_access(&app->desk, &access);
	if (r != DB_OK)
		return r;
	app->desk.users_exist = access.users_exist;
	app->idle_lock_minutes = access.idle_lock_minutes;
	return DB_OK;
}

bool app_key_waiting(void *ctx)
{
	(void)ctx;
	return term_key_waiting();
}

bool app_typing(struct app *app, ui_key key)
{
	struct screen *s = app_top(app);
	return s && s->ops->typing && s->ops->typing(s, key);
}

unsigned app_toggle_help(struct app *app)
{
	struct screen *s = app_top(app);
	if (s && s->ops == &help_screen)
		app_pop(app);
	else if (s)
		help_open(app, &(struct help_args){ .about = s->ops, .keys = screen_actions(s, app) });
	return RD_ALL;
}

unsigned app_default_key(struct app *app, ui_key key)
{
	struct screen *s = app_top(app);
	switch (action_for_key(screen_actions(s, app), key)) {
	case ACT_HELP:
		return app_toggle_help(app);
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
