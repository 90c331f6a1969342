/* signin.c — sign in with a PIN, and the idle lock. */
#include "signin.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "users.h"

enum { SIGNIN_MAX = 200 };

struct signin_state {
	struct user users[SIGNIN_MAX];
	int n;
	struct list list;
	db_user_id chosen;     /* whose PIN the prompt asks for */
	bool unread;           /* the users could not be read: Enter tries again */
};

/* One lock is open at a time (signin_lock): its state is kept here, so
 * that no failed allocation can leave the desk open. */
static struct signin_state the_lock;

#define QUIT_ACTION \
	{ ACT_QUIT, UIK_CTRL('q'), N_("Quit"), \
	  N_("Leave Brobygger. Everything confirmed is saved; forms left open are kept as drafts."), 0 }

static const struct action signin_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Sign in"), N_("Sign in as the chosen person with your PIN."), 0 },
	QUIT_ACTION,
	{ ACT_NONE, 0, NULL, NULL, 0 },
};
/* What Enter does when nobody can be chosen (signin_key). */
static const struct action unread_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Try again"), N_("Read the list of users again."), 0 },
	QUIT_ACTION,
	{ ACT_NONE, 0, NULL, NULL, 0 },
};
static const struct action no_users_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Go on"), NULL, 0 },
	QUIT_ACTION,
	{ ACT_NONE, 0, NULL, NULL, 0 },
};
static const struct action nobody_actions[] = {
	QUIT_ACTION,
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static int s_count(void *ctx)
{
	return ((struct signin_state *)ctx)->n;
}

static void s_row(void *ctx, int i, char *buf, size_t size)
{
	struct signin_state *st = ctx;
	snprintf(buf, size, "%s%s", st->users[i].name,
		 strcmp(st->users[i].role, "coordinator") == 0 ? _("  (coordinator)") : "");
}

/* Reads who may sign in (and whether anyone must). A failed read
 * leaves the lock shut with nobody to choose, and says why. */
static void read_users(struct signin_state *st, struct app *app)
{
	st->n = 0;
	enum db_status r = app_load_access(app);
	if (r == DB_OK)
		r = users_for_sign_in(&app->desk, st->users, SIGNIN_MAX, &st->n);
	st->unread = r != DB_OK;
	if (st->unread) {
		st->n = 0;
		app_status_db(app, r);
	}
	list_init(&st->list, (struct list_source){ .count = s_count, .row = s_row, .ctx = st }, "");
	/* The last person at the keyboard is the likeliest to come back. */
	for (int i = 0; i < st->n; i++)
		if (st->users[i].id == app->desk.user)
			st->list.selected = i;
}

static bool signin_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	memset(&the_lock, 0, sizeof the_lock);
	read_users(&the_lock, app);
	s->state = &the_lock;
	return true;
}

static void signin_draw(struct screen *s, struct app *app, const struct area *a)
{
	struct signin_state *st = s->state;
	int y = a->top;
	if (st->unread) {
		draw_wrapped(y, a->left, a->rows, a->cols,
			     _("The screen is locked, and the list of users could not be read, so nobody can "
			       "sign in now. Press Enter to try again, or Ctrl-Q to quit."), A_BOLD);
		return;
	}
	if (!app->desk.users_exist) {
		y += draw_wrapped(y, a->left, 3, a->cols,
				  _("The screen is locked to protect the citizens' information. Press Enter to go on."),
				  A_BOLD);
		draw_wrapped(y + 1, a->left, 3, a->cols,
			     _("Tip: a coordinator can make users with PINs (key b on the home screen), so that "
			       "everyone switches in with their own."), A_NORMAL);
		return;
	}
	if (st->n == 0) {
		draw_wrapped(y, a->left, a->rows, a->cols,
			     _("The screen is locked, and there is nobody to sign in as: the list of users is empty, "
			       "though users were made. Ask the coordinator to check the database ('brobygger check'). "
			       "Ctrl-Q quits."), A_BOLD);
		return;
	}
	y += draw_wrapped(y, a->left, 2, a->cols, _("Who is at the keyboard? Choose your name and press Enter."), A_BOLD);
	struct area rest = { y + 1, a->left, a->rows - (y + 1 - a->top), a->cols };
	list_draw(&st->list, &rest);
}

static const struct action *signin_actions_now(const struct screen *s, const struct app *app)
{
	const struct signin_state *st = s->state;
	if (!st)
		return signin_actions;
	if (st->unread)
		return unread_actions;
	if (!app->desk.users_exist)
		return no_users_actions;
	return st->n > 0 ? signin_actions : nobody_actions;
}

bool signin_say_refused(struct app *app, enum sign_in_result result, long wait)
{
	switch (result) {
	case SIGN_IN_WRONG_PIN:
		if (wait <= 0)
			return false;
		app_status(app, STATUS_ERROR, P_("Wrong PIN. Wait %ld second before the next try.",
						 "Wrong PIN. Wait %ld seconds before the next try.", wait),
			   wait);
		return true;
	case SIGN_IN_WAIT:
		app_status(app, STATUS_ERROR, P_("Too many wrong PINs. Wait %ld more second.",
						 "Too many wrong PINs. Wait %ld more seconds.", wait), wait);
		return true;
	case SIGN_IN_LOCKED:
		app_status(app, STATUS_ERROR, "%s",
			   _("This user is locked after too many wrong PINs. A coordinator can give a new PIN."));
		return true;
	case SIGNED_IN:
	default:
		return false;
	}
}

/* The PIN came back from the prompt over the sign-in screen. The work
 * left open goes on only for the same person; anyone else, a coordinator
 * too, starts on the home screen, and what the first person had typed is
 * kept as their draft (each screen's leave does that, while the desk
 * still acts as them): a form saved by the next person would be logged
 * as theirs. */
static void pin_entered(struct app *app, void *ctx, const char *pin)
{
	struct signin_state *st = ctx;
	if (!pin)
		return;
	struct user u;
	enum sign_in_result result;
	long wait;
	enum db_status r = users_sign_in(&app->desk, st->chosen, pin, &u, &result, &wait);
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	if (result != SIGNED_IN) {
		if (!signin_say_refused(app, result, wait))
			app_status(app, STATUS_ERROR, "%s", _("Wrong PIN. Try again."));
		return;
	}
	bool continues = !app->desk.user || app->desk.user == u.id;
	if (continues) {
		desk_sign_in(&app->desk, &u);
		app_pop(app);
	} else {
		app_unwind(app);
		desk_sign_in(&app->desk, &u);
		app_resume_top(app);
	}
	app_status(app, STATUS_INFO, _("Signed in as %s."), u.name);
}

static unsigned signin_key(struct screen *s, struct app *app, ui_key key)
{
	struct signin_state *st = s->state;
	enum action_id act = action_for_key(s->ops->actions, key);
	if (act == ACT_QUIT) {
		app->quit = true;
		return RD_NONE;
	}
	if (st->unread) {
		if (key == UIK_ENTER) {
			read_users(st, app);
			if (!st->unread)
				app->status[0] = '\0';
		}
		return RD_ALL;
	}
	if (!app->desk.users_exist) {
		if (key == UIK_ENTER || key == UIK_SPACE || key == UIK_ESC)
			app_pop(app);
		return RD_ALL;
	}
	if (act == ACT_OPEN && st->n > 0) {
		const struct user *u = &st->users[st->list.selected];
		char question[USER_NAME + 40];
		snprintf(question, sizeof question, _("PIN for %s:"), u->name);
		st->chosen = u->id;
		dialog_prompt(app, &(struct prompt_args){ .question = question, .max_chars = PIN_MAX_DIGITS,
			.secret = true, .done = pin_entered, .ctx = st });
		return RD_ALL;
	}
	if (act == ACT_HELP)
		return app_default_key(app, key);
	enum list_event ev;
	bool used;
	return list_key(&st->list, key, &ev, &used);
}

void signin_lock(struct app *app)
{
	if (app_locked(app))
		return;
	/* The status line may name a citizen: the lock hides it too. */
	app->status[0] = '\0';
	app_push(app, &signin_screen, NULL);
}

const struct screen_ops signin_screen = {
	.name = N_("Sign in"),
	.help = N_("Each volunteer switches in with a personal PIN, so the log shows who saw and changed "
		   "what. The screen locks itself after some idle minutes; sign in again to go on where you "
		   "were. Ctrl-Q quits."),
	.actions = signin_actions,
	.actions_now = signin_actions_now,
	.enter = signin_enter,
	.draw = signin_draw,
	.on_key = signin_key,
	.locks = true,
};
