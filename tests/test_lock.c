/* The lock over the desk always shuts (ui/signin.c): however many screens
 * are open, there is room on the stack for it and for the PIN prompt and
 * help over it; and when the users cannot be read, the lock stays shut,
 * says so, and reads them again on Enter. */
#include <string.h>

#include "app.h"
#include "desk.h"
#include "signin.h"
#include "tap.h"
#include "testdb.h"
#include "users.h"

static const struct screen_ops plain = { .name = "plain" };
static const struct screen_ops over = { .name = "over", .overlay = true };

static int push_until_refused(struct app *app, const struct screen_ops *ops)
{
	int n = 0;
	while (n < 2 * APP_MAX_SCREENS && app_push(app, ops, NULL))
		n++;
	return n;
}

static void room_for_the_lock(struct db *db)
{
	struct app app = { .desk = { .db = db, .users_exist = true }, .idle_lock_minutes = 5 };
	int opened = push_until_refused(&app, &plain);
	TAP_INT_EQ(opened, APP_MAX_SCREENS - APP_LOCK_ROOM, "ordinary screens stop short of the lock's room");
	TAP_CHECK(!app_locked(&app), "the desk is not locked yet");
	signin_lock(&app);
	TAP_CHECK(app_locked(&app), "the lock shuts over a full stack of screens");
	TAP_CHECK(app_top(&app)->ops == &signin_screen, "and is on top");
	TAP_INT_EQ(push_until_refused(&app, &over), APP_LOCK_ROOM - 1, "the PIN prompt and help find room over it");
	while (app.depth > 0)
		app_pop(&app);
}

static void users_unread(struct db *db)
{
	struct app app = { .desk = { .db = db, .users_exist = true }, .idle_lock_minutes = 5 };
	app_push(&app, &plain, NULL);
	TAP_INT_EQ(db_exec(db, "ALTER TABLE users RENAME TO users_away"), DB_OK, "(the users cannot be read)");
	signin_lock(&app);
	TAP_CHECK(app_locked(&app), "a failed read of the users keeps the desk locked");
	TAP_CHECK(app.desk.users_exist, "as a desk with users");
	TAP_CHECK(app.status[0] != '\0', "the status line says why");
	struct screen *lock = app_top(&app);
	lock->ops->on_key(lock, &app, UIK(KEY_DOWN));
	lock->ops->on_key(lock, &app, UIK_ENTER);
	TAP_CHECK(app_top(&app) == lock && app.depth == 2, "Enter tries again and the lock stays while the read fails");
	TAP_INT_EQ(db_exec(db, "ALTER TABLE users_away RENAME TO users"), DB_OK, "(the users can be read again)");
	lock->ops->on_key(lock, &app, UIK_ENTER);
	TAP_CHECK(app_top(&app) == lock, "the next Enter reads them, and the lock stays until a PIN is typed");
	TAP_STR_EQ(app.status, "", "the error is gone from the status line");
	lock->ops->on_key(lock, &app, UIK_ENTER);
	TAP_CHECK(app_top(&app) != lock && app_locked(&app), "Enter on a name asks for the PIN, over the lock");
	while (app.depth > 0)
		app_pop(&app);
}

/* A users table that reads as empty (a page of it written over as an
 * empty one) does not make a desk without users: the settings remember
 * that users were made. */
static void users_emptied(struct db *db)
{
	struct app app = { .desk = { .db = db, .users_exist = true }, .idle_lock_minutes = 5 };
	TAP_INT_EQ(db_exec(db, "PRAGMA foreign_keys = OFF; DELETE FROM users; PRAGMA foreign_keys = ON"), DB_OK,
		   "(the users table reads as empty)");
	TAP_INT_EQ(app_load_access(&app), DB_OK, "the access is read");
	TAP_CHECK(app.desk.users_exist, "and the desk still asks for a PIN");
	app_push(&app, &plain, NULL);
	signin_lock(&app);
	TAP_CHECK(app_locked(&app) && app.depth == 2, "the lock stays with nobody to choose");
	struct screen *lock = app_top(&app);
	lock->ops->on_key(lock, &app, UIK_ENTER);
	lock->ops->on_key(lock, &app, UIK_ESC);
	TAP_CHECK(app_top(&app) == lock, "and neither Enter nor Esc opens it");
	while (app.depth > 0)
		app_pop(&app);
}

int main(void)
{
	if (!testdb_start("lock"))
		return 1;
	char path[256];
	testdb_path(path, sizeof path, "lock.db");
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a database");
	struct desk setup = { .db = db };
	long long anne = 0;
	enum pin_weakness why;
	TAP_INT_EQ(users_add(&setup, "Anne Ørsted", ROLE_DESK, "4826", &anne, &why), DB_OK, "with a user");
	room_for_the_lock(db);
	users_unread(db);
	users_emptied(db);
	db_close(db);
	testdb_finish();
	return tap_done();
}
