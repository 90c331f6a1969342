/* user_list.c — managing desk users (home key b). */
#include "user_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "pin.h"
#include "signin.h"
#include "users.h"

enum { USERS_MAX = 200 };

/* A new user or a new PIN is asked for in steps, one dialog each; what
 * the earlier steps gave waits here. */
struct pin_request {
	long long user_id;            /* 0: a new user */
	char name[USER_NAME];
	enum role role;
	char pin[PIN_MAX_DIGITS + 1];
};

struct users_state {
	struct user users[USERS_MAX];
	int n;
	struct list list;
	struct pin_request ask;
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
	snprintf(buf, size, "%s %s %s", name, role, !u->active ? _("(inactive)")
		 : u->locked ? _("(locked: give a new PIN with p)") : "");
}

static bool reload(struct users_state *st, struct app *app)
{
	enum db_status r = users_list(&app->desk, st->users, USERS_MAX, &st->n);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	list_refresh(&st->list);
	app_load_access(app);
	return true;
}

static bool users_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct users_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	list_init(&st->list, (struct list_source){ .count = u_count, .row = u_row, .ctx = st },
		  _("No users yet. Press n to add the first: a coordinator."));
	st->list.esc_leaves = true;
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

static void forget_pin(struct users_state *st)
{
	memset(&st->ask, 0, sizeof st->ask);
}

static void ask_pin(struct app *app, struct users_state *st, const char *why);

/* The last step: the PIN typed twice. */
static void pin_again(struct app *app, void *ctx, const char *again)
{
	struct users_state *st = ctx;
	struct pin_request *q = &st->ask;
	if (!again) {
		forget_pin(st);
		return;
	}
	/* A slip of a finger: ask for the PIN again, the name and role kept. */
	if (strcmp(q->pin, again) != 0) {
		memset(q->pin, 0, sizeof q->pin);
		ask_pin(app, st, _("The two PINs differ."));
		return;
	}
	bool first = !app->desk.users_exist;
	long long id = q->user_id;
	enum pin_weakness why;
	enum db_status r = id ? users_set_pin(&app->desk, id, q->pin, &why)
			      : users_add(&app->desk, q->name, q->role, q->pin, &id, &why);
	if (r == DB_ERR_INVALID && why != PIN_OK) {
		app_status(app, STATUS_ERROR, "%s", pin_weakness_text(why));
	} else if (r != DB_OK) {
		app_status_db(app, r);
	} else if (q->user_id) {
		app_status(app, STATUS_INFO, _("New PIN saved for %s."), q->name);
	} else if (first) {
		/* Whoever made the first user is that coordinator from now on. */
		struct user u = { .id = id, .role = "coordinator", .active = true };
		snprintf(u.name, sizeof u.name, "%s", q->name);
		desk_sign_in(&app->desk, &u);
		app_status(app, STATUS_INFO, _("%s is added and signed in. From now on everyone signs in with a PIN."),
			   q->name);
	} else {
		app_status(app, STATUS_INFO, _("%s is added."), q->name);
	}
	forget_pin(st);
	reload(st, app);
}

static void pin_typed(struct app *app, void *ctx, const char *pin)
{
	struct users_state *st = ctx;
	if (!pin) {
		forget_pin(st);
		return;
	}
	/* A PIN the rules refuse is asked for again, saying why; what was
	 * typed before it (the name, the role) stays. */
	enum pin_weakness why = pin_weakness(pin, date_today().year);
	if (why != PIN_OK) {
		ask_pin(app, st, pin_weakness_reason(why));
		return;
	}
	snprintf(st->ask.pin, sizeof st->ask.pin, "%s", pin);
	dialog_prompt(app, &(struct prompt_args){ .question = _("The same PIN once more:"),
		.max_chars = PIN_MAX_DIGITS, .secret = true, .done = pin_again, .ctx = st });
}

const char *pin_weakness_text(enum pin_weakness why)
{
	switch (why) {
	case PIN_NOT_DIGITS:
		return _("A PIN has 4 to 8 digits. Nothing was changed.");
	case PIN_ONE_DIGIT:
		return _("A PIN of one digit repeated is guessed at once. Choose another; nothing was changed.");
	case PIN_RUN:
		return _("A PIN like 1234 or 4321 is guessed at once. Choose another; nothing was changed.");
	case PIN_YEAR:
		return _("A PIN that is a year (like a birth year) is guessed at once. Choose another; nothing was changed.");
	case PIN_PATTERN:
		return _("A PIN like 1212, 1122 or 2580 is guessed at once. Choose another; nothing was changed.");
	case PIN_OK:
	default:
		return "";
	}
}

const char *pin_weakness_reason(enum pin_weakness why)
{
	switch (why) {
	case PIN_NOT_DIGITS:
		return _("A PIN has 4 to 8 digits, and only digits.");
	case PIN_ONE_DIGIT:
		return _("A PIN of one digit repeated is guessed at once.");
	case PIN_RUN:
		return _("A PIN like 1234 or 4321 is guessed at once.");
	case PIN_YEAR:
		return _("A PIN that is a year (like a birth year) is guessed at once.");
	case PIN_PATTERN:
		return _("A PIN like 1212, 1122 or 2580 is guessed at once.");
	case PIN_OK:
	default:
		return "";
	}
}

/* `why` (or NULL) says what was wrong with the PIN typed before. */
static void ask_pin(struct app *app, struct users_state *st, const char *why)
{
	char q[USER_NAME + 400];
	if (why)
		/* TRANSLATORS: what was wrong with the PIN just typed, then the name. */
		snprintf(q, sizeof q, _("%s Choose another PIN for %s (4 to 8 digits):"), why, st->ask.name);
	else
		snprintf(q, sizeof q, _("New PIN for %s (4 to 8 digits):"), st->ask.name);
	dialog_prompt(app, &(struct prompt_args){ .question = q, .max_chars = PIN_MAX_DIGITS, .secret = true,
		.done = pin_typed, .ctx = st });
}

static void role_chosen(struct app *app, void *ctx, int choice)
{
	struct users_state *st = ctx;
	if (choice < 0) {
		forget_pin(st);
		return;
	}
	st->ask.role = choice == 1 ? ROLE_COORDINATOR : ROLE_DESK;
	ask_pin(app, st, NULL);
}

static void name_typed(struct app *app, void *ctx, const char *name)
{
	struct users_state *st = ctx;
	if (!name || !name[0])
		return;
	forget_pin(st);
	snprintf(st->ask.name, sizeof st->ask.name, "%s", name);
	/* The first user must be able to make the others. */
	if (st->n == 0) {
		st->ask.role = ROLE_COORDINATOR;
		ask_pin(app, st, NULL);
		return;
	}
	const char *roles[] = { _("Desk volunteer"), _("Coordinator") };
	dialog_choose(app, &(struct choose_args){ .question = _("What may the new user do?"), .labels = roles,
		.n = 2, .done = role_chosen, .ctx = st });
}

static unsigned users_key(struct screen *s, struct app *app, ui_key key)
{
	struct users_state *st = s->state;
	struct user *cur = st->n ? &st->users[st->list.selected] : NULL;
	enum action_id act = action_for_key(s->ops->actions, key);
	/* Not silent on an empty list: the first user comes first. */
	if (!cur && (act == ACT_PIN || act == ACT_TOGGLE)) {
		app_status(app, STATUS_INFO, "%s", _("There are no users yet. Press n to add the first: a coordinator."));
		return RD_ALL;
	}
	switch (act) {
	case ACT_NEW:
		dialog_prompt(app, &(struct prompt_args){ .question = _("Name of the new user:"),
			.max_chars = NAME_CHARS, .done = name_typed, .ctx = st });
		return RD_ALL;
	case ACT_PIN:
		if (cur) {
			forget_pin(st);
			st->ask.user_id = cur->id;
			snprintf(st->ask.name, sizeof st->ask.name, "%s", cur->name);
			ask_pin(app, st, NULL);
		}
		return RD_ALL;
	case ACT_TOGGLE:
		if (cur) {
			enum db_status r = users_set_active(&app->desk, cur->id, !cur->active);
			if (r == DB_ERR_INVALID)
				app_status(app, STATUS_ERROR, "%s", _("You cannot stop your own access."));
			else if (r != DB_OK)
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

static void users_leave(struct screen *s, struct app *app)
{
	struct users_state *st = s->state;
	forget_pin(st);
	app_free_state(s, app);
}

static void own_pin_ask_new(struct app *app, struct own_pin_job *job, const char *why);

static void own_pin_again(struct app *app, void *ctx, const char *again)
{
	struct own_pin_job *job = ctx;
	if (!again) {
		memset(job, 0, sizeof *job);
		return;
	}
	if (strcmp(again, job->new_pin) != 0) {
		memset(job->new_pin, 0, sizeof job->new_pin);
		own_pin_ask_new(app, job, _("The two PINs differ."));
		return;
	}
	enum pin_weakness why;
	enum db_status r = users_change_own_pin(&app->desk, job->old_pin, job->new_pin, &why);
	if (r == DB_ERR_FORBIDDEN)
		/* Only when the wait or the lock came meanwhile, from another desk. */
		app_status(app, STATUS_ERROR, "%s", _("The old PIN is wrong. Nothing was changed."));
	else if (r == DB_ERR_INVALID)
		app_status(app, STATUS_ERROR, "%s", pin_weakness_text(why));
	else if (r != DB_OK)
		app_status_db(app, r);
	else
		app_status(app, STATUS_INFO, "%s", _("Your new PIN is saved."));
	memset(job, 0, sizeof *job);
}

static void own_pin_new(struct app *app, void *ctx, const char *pin)
{
	struct own_pin_job *job = ctx;
	if (!pin) {
		memset(job, 0, sizeof *job);
		return;
	}
	enum pin_weakness why = pin_weakness(pin, date_today().year);
	if (why != PIN_OK) {
		own_pin_ask_new(app, job, pin_weakness_reason(why));
		return;
	}
	snprintf(job->new_pin, sizeof job->new_pin, "%s", pin);
	dialog_prompt(app, &(struct prompt_args){ .question = _("The same PIN once more:"),
		.max_chars = PIN_MAX_DIGITS, .secret = true, .done = own_pin_again, .ctx = job });
}

static void own_pin_ask_new(struct app *app, struct own_pin_job *job, const char *why)
{
	char q[400];
	if (why)
		/* TRANSLATORS: what was wrong with the PIN just typed. */
		snprintf(q, sizeof q, _("%s Choose another (4 to 8 digits):"), why);
	else
		snprintf(q, sizeof q, "%s", _("Your new PIN (4 to 8 digits):"));
	dialog_prompt(app, &(struct prompt_args){ .question = q, .max_chars = PIN_MAX_DIGITS, .secret = true,
		.done = own_pin_new, .ctx = job });
}

static void own_pin_ask_old(struct app *app, struct own_pin_job *job, const char *why);

/* The PIN in use is checked first, before a new one is typed twice, and
 * a wrong one counts as at sign-in: the waits, then the lock. */
static void own_pin_old(struct app *app, void *ctx, const char *pin)
{
	struct own_pin_job *job = ctx;
	if (!pin) {
		memset(job, 0, sizeof *job);
		return;
	}
	enum sign_in_result result;
	long wait;
	enum db_status r = users_check_own_pin(&app->desk, pin, &result, &wait);
	if (r != DB_OK) {
		app_status_db(app, r);
		memset(job, 0, sizeof *job);
		return;
	}
	if (result == SIGNED_IN) {
		snprintf(job->old_pin, sizeof job->old_pin, "%s", pin);
		own_pin_ask_new(app, job, NULL);
		return;
	}
	/* Locked: whoever is at the keyboard is most likely not the person
	 * signed in, so the screen locks too (before the reason is said, as
	 * locking clears the status line). */
	if (result == SIGN_IN_LOCKED)
		signin_lock(app);
	if (!signin_say_refused(app, result, wait)) {
		own_pin_ask_old(app, job, _("Wrong PIN."));
		return;
	}
	memset(job, 0, sizeof *job);
}

static void own_pin_ask_old(struct app *app, struct own_pin_job *job, const char *why)
{
	char q[200];
	if (why)
		/* TRANSLATORS: "Wrong PIN." before the question again. */
		snprintf(q, sizeof q, _("%s Your PIN now:"), why);
	else
		snprintf(q, sizeof q, "%s", _("Your PIN now:"));
	dialog_prompt(app, &(struct prompt_args){ .question = q, .max_chars = PIN_MAX_DIGITS, .secret = true,
		.done = own_pin_old, .ctx = job });
}

void users_change_own_pin_ask(struct app *app, struct own_pin_job *job)
{
	if (!app->desk.user) {
		app_status(app, STATUS_ERROR, "%s", _("Nobody is signed in: make users first (key b)."));
		return;
	}
	memset(job, 0, sizeof *job);
	own_pin_ask_old(app, job, NULL);
}

void users_open(struct app *app)
{
	app_push(app, &users_screen, NULL);
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
	.leave = users_leave,
};
