/* users.c — managing desk users (home key b). */
#include "users.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "pin.h"
#include "store_users.h"

enum { USERS_MAX = 200 };

struct users_state {
	struct user users[USERS_MAX];
	int n;
	struct list list;
};

static const struct action users_actions[] = {
	{ ACT_NEW, 'n', N_("New"), N_("Add a person who may use Brobygger, with a role and a PIN."), 0 },
	{ ACT_PIN, 'p', N_("New PIN"), N_("Give the chosen person a new PIN."), 0 },
	{ ACT_TOGGLE, 'd', N_("Inactive/active"), N_("Stop or allow the chosen person's access; the log keeps their name."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the home screen."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static int u_count(void *ctx)
{
	return ((struct users_state *)ctx)->n;
}

static void u_row(void *ctx, int i, char *buf, size_t size)
{
	const struct user *u = &((struct users_state *)ctx)->users[i];
	char name[USER_NAME + 64], role[64];
	text_pad(name, sizeof name, u->name, 30);
	text_pad(role, sizeof role, strcmp(u->role, "coordinator") == 0 ? _("coordinator") : _("desk"), 14);
	snprintf(buf, size, "%s %s %s", name, role, u->active ? "" : _("(inactive)"));
}

static bool reload(struct users_state *st, struct app *app)
{
	enum db_status r = store_users_list(app->db, st->users, USERS_MAX, &st->n);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	list_refresh(&st->list);
	app_load_access(app);
	return true;
}

static bool users_enter(struct screen *s, struct app *app)
{
	if (!app_require_coordinator(app))
		return false;
	struct users_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	list_init(&st->list, (struct list_source){ .count = u_count, .row = u_row, .ctx = st },
		  _("No users yet. Press n to add the first: a coordinator."));
	if (!reload(st, app)) {
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void users_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct users_state *st = s->state;
	list_draw(&st->list, a);
}

/* Asks for a PIN twice; false if cancelled or they differ. */
static bool ask_pin(struct app *app, const char *name, char hash[PIN_HASH_MAX])
{
	char q[600], pin[32], again[32];
	snprintf(q, sizeof q, _("New PIN for %s (4 to 8 digits):"), name);
	if (!dialog_prompt_secret(app, q, pin, sizeof pin, 8))
		return false;
	if (!pin_valid(pin)) {
		app_status(app, STATUS_ERROR, "%s", _("A PIN has 4 to 8 digits. Nothing was changed."));
		return false;
	}
	if (!dialog_prompt_secret(app, _("The same PIN once more:"), again, sizeof again, 8))
		return false;
	if (strcmp(pin, again) != 0) {
		app_status(app, STATUS_ERROR, "%s", _("The two PINs differ. Nothing was changed."));
		return false;
	}
	if (!pin_hash(pin, hash)) {
		app_status(app, STATUS_ERROR, "%s", _("The PIN could not be stored safely. Nothing was changed."));
		return false;
	}
	return true;
}

static unsigned add_user(struct users_state *st, struct app *app)
{
	char name[USER_NAME];
	if (!dialog_prompt(app, _("Name of the new user:"), name, sizeof name, 120) || !name[0])
		return RD_ALL;
	/* The first user must be able to make the others. */
	bool coordinator = true;
	if (st->n > 0) {
		const char *roles[] = { _("Desk volunteer"), _("Coordinator") };
		int c = dialog_choose(app, _("What may the new user do?"), roles, 2, 0);
		if (c < 0)
			return RD_ALL;
		coordinator = c == 1;
	}
	char hash[PIN_HASH_MAX];
	if (!ask_pin(app, name, hash))
		return RD_ALL;
	long long id;
	enum db_status r = store_users_add(app->db, app->user, name, coordinator ? "coordinator" : "desk", hash, &id);
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	bool first = !app->users_exist;
	reload(st, app);
	if (first) {
		/* Whoever made the first user is that coordinator from now on. */
		app->user = id;
		snprintf(app->user_name, sizeof app->user_name, "%s", name);
		app->coordinator = true;
		app_status(app, STATUS_INFO, _("%s is added and signed in. From now on everyone signs in with a PIN."), name);
	} else {
		app_status(app, STATUS_INFO, _("%s is added."), name);
	}
	return RD_ALL;
}

static unsigned users_key(struct screen *s, struct app *app, ui_key key)
{
	struct users_state *st = s->state;
	struct user *cur = st->n ? &st->users[st->list.selected] : NULL;
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_NEW:
		return add_user(st, app);
	case ACT_PIN: {
		char hash[PIN_HASH_MAX];
		if (cur && ask_pin(app, cur->name, hash)) {
			enum db_status r = store_users_set_pin(app->db, app->user, cur->id, hash);
			if (r != DB_OK)
				app_status_db(app, r);
			else
				app_status(app, STATUS_INFO, _("New PIN saved for %s."), cur->name);
		}
		return RD_ALL;
	}
	case ACT_TOGGLE:
		if (cur && cur->id == app->user) {
			app_status(app, STATUS_ERROR, "%s", _("You cannot stop your own access."));
		} else if (cur) {
			enum db_status r = store_users_set_active(app->db, app->user, cur->id, !cur->active);
			if (r != DB_OK)
				app_status_db(app, r);
			reload(st, app);
		}
		return RD_ALL;
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default: {
		enum list_event ev;
		bool used;
		unsigned r = list_key(&st->list, key, &ev, &used);
		return used ? r : app_default_key(app, key);
	}
	}
}

const struct screen_ops users_screen = {
	.name = N_("Users"),
	.help = N_("Everyone who uses Brobygger at the desk has a name, a role and a personal PIN. Desk "
		   "volunteers register, look up and record; coordinators also change settings and users. "
		   "Nobody is deleted, only made inactive, so the log keeps its names."),
	.actions = users_actions,
	.enter = users_enter,
	.draw = users_draw,
	.on_key = users_key,
	.leave = app_free_state,
};
