/* users.c — signing in and the Users screen's use cases (users.h). */
#include "users.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "date.h"
#include "pin.h"
#include "settings.h"
#include "collate.h"
#include "store_settings.h"
#include "store_users.h"
#include "utf8.h"

/* Set with the first user (migration 24 for older files), never taken
 * away: a users table that reads as empty then keeps the desk locked. */
#define KEY_USERS_MADE "users_made"

enum db_status users_access(struct desk *d, struct access *out)
{
	long long n = 0;
	char made[8] = "";
	enum db_status r = store_users_count_active(d->db, &n);
	if (r == DB_OK && n == 0)
		r = store_settings_get(d->db, KEY_USERS_MADE, made, sizeof made);
	if (r != DB_OK)
		return r;
	out->users_exist = n > 0 || strcmp(made, "1") == 0;
	struct centre_settings s;
	if ((r = settings_read(d, &s)) != DB_OK)
		return r;
	out->idle_lock_minutes = s.idle_lock_minutes;
	return DB_OK;
}

/* Active users first, then by name in Danish order. */
static int user_order(const void *a, const void *b)
{
	const struct user *x = a, *y = b;
	if (x->active != y->active)
		return x->active ? -1 : 1;
	int c = collate_compare(x->name, y->name);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static enum db_status read_users(struct desk *d, struct user *out, int max, int *count)
{
	enum db_status r = store_users_list(d->db, out, max, count);
	if (r == DB_OK && *count > 1)
		qsort(out, (size_t)*count, sizeof *out, user_order);
	return r;
}

enum db_status users_for_sign_in(struct desk *d, struct user *out, int max, int *count)
{
	*count = 0;
	int n = 0;
	enum db_status r = read_users(d, out, max, &n);
	for (int i = 0; r == DB_OK && i < n; i++)
		if (out[i].active)
			out[(*count)++] = out[i];
	return r;
}

/* One try of user `id`'s PIN, inside the caller's transaction, counted
 * the same wherever it is typed: a wrong PIN adds to the run in a row,
 * after which the next try waits and at last the user is locked; a try
 * while waiting is not even checked. Every try is audited as the person
 * it was for (who can then see that someone tried), a right one only
 * when `right_too`; `where` ("" at sign-in) says where it was typed. */
static enum db_status try_pin(struct desk *d, db_user_id id, const char *pin, bool right_too, const char *where,
			      struct user *out, enum sign_in_result *result, long *wait)
{
	*result = SIGN_IN_WRONG_PIN;
	*wait = 0;
	char hash[USER_HASH];
	long long now = desk_seconds();
	enum db_status r = store_users_get(d->db, id, out, hash);
	if (r != DB_OK || !out->active) {
		memset(hash, 0, sizeof hash);
		return r;
	}
	const char *detail = NULL;
	struct desk as_user = *d;
	as_user.user = id;
	if (out->locked) {
		*result = SIGN_IN_LOCKED;
		detail = "refused: locked";
	} else if (now < out->next_try_at) {
		*result = SIGN_IN_WAIT;
		*wait = (long)(out->next_try_at - now);
		detail = "refused: waiting after wrong PINs";
	} else if (pin_matches(pin, hash)) {
		*result = SIGNED_IN;
		if (out->failed_pins)
			r = store_users_set_tries(d->db, id, 0, 0, false);
	} else {
		int failed = out->failed_pins + 1;
		bool locked = pin_locked_after(failed);
		*wait = pin_wait_seconds(failed);
		r = store_users_set_tries(d->db, id, failed, now + *wait, locked);
		*result = locked ? SIGN_IN_LOCKED : SIGN_IN_WRONG_PIN;
		detail = locked ? "wrong PIN: locked" : "wrong PIN";
	}
	memset(hash, 0, sizeof hash);
	if (r == DB_OK && (detail || right_too)) {
		char said[120];
		snprintf(said, sizeof said, "%s%s%s", detail ? detail : "", detail && where[0] ? " " : "", where);
		r = desk_audit(&as_user, "login", "user", id, said[0] ? said : NULL);
	}
	return r;
}

enum db_status users_sign_in(struct desk *d, db_user_id id, const char *pin, struct user *out,
			     enum sign_in_result *result, long *wait)
{
	/* Nobody is signed in yet: no role to check. */
	enum db_status r = db_begin(d->db);
	if (r != DB_OK) {
		*result = SIGN_IN_WRONG_PIN;
		*wait = 0;
		return r;
	}
	return desk_end(d, try_pin(d, id, pin, true, "", out, result, wait));
}

enum db_status users_check_own_pin(struct desk *d, const char *pin, enum sign_in_result *result, long *wait)
{
	*result = SIGN_IN_WRONG_PIN;
	*wait = 0;
	if (!d->user)
		return DB_ERR_FORBIDDEN;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	struct user me;
	return desk_end(d, try_pin(d, d->user, pin, false, "(own PIN)", &me, result, wait));
}

void desk_sign_in(struct desk *d, const struct user *u)
{
	d->user = u->id;
	snprintf(d->user_name, sizeof d->user_name, "%s", u->name);
	d->role = strcmp(u->role, "coordinator") == 0 ? ROLE_COORDINATOR : ROLE_DESK;
}

enum db_status users_list(struct desk *d, struct user *out, int max, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_COORDINATOR);
	return r != DB_OK ? r : read_users(d, out, max, count);
}

static const char *role_code(enum role role)
{
	return role == ROLE_COORDINATOR ? "coordinator" : "desk";
}

/* The rule for a new PIN, and its hash. */
static enum db_status new_pin(const char *pin, char hash[PIN_HASH_MAX], enum pin_weakness *why)
{
	*why = pin_weakness(pin, date_today().year);
	if (*why != PIN_OK)
		return DB_ERR_INVALID;
	return pin_hash(pin, hash) ? DB_OK : DB_ERR_IO;
}

enum db_status users_add(struct desk *d, const char *name, enum role role, const char *pin, long long *id,
			 enum pin_weakness *why)
{
	*id = 0;
	char hash[PIN_HASH_MAX];
	*why = PIN_OK;
	if (!name[0] || utf8_length(name) > NAME_CHARS)
		return DB_ERR_INVALID;
	enum db_status r = new_pin(pin, hash, why);
	if (r != DB_OK)
		return r;
	if ((r = desk_begin(d, ROLE_COORDINATOR)) != DB_OK)
		return r;
	long long existing = 0;
	r = store_users_count_active(d->db, &existing);
	/* The first user must be able to make the others. */
	if (r == DB_OK && existing == 0)
		role = ROLE_COORDINATOR;
	if (r == DB_OK)
		r = store_users_add(d->db, name, role_code(role), hash, id);
	if (r == DB_OK && existing == 0)
		r = store_settings_set(d->db, KEY_USERS_MADE, "1");
	if (r == DB_OK)
		r = desk_audit(d, "create", "user", *id, role_code(role));
	return desk_end(d, r);
}

enum db_status users_set_pin(struct desk *d, long long id, const char *pin, enum pin_weakness *why)
{
	char hash[PIN_HASH_MAX];
	enum db_status r = new_pin(pin, hash, why);
	if (r != DB_OK || (r = desk_begin(d, ROLE_COORDINATOR)) != DB_OK)
		return r;
	r = store_users_set_pin(d->db, id, hash);
	if (r == DB_OK)
		r = desk_audit(d, "update", "user", id, "pin");
	return desk_end(d, r);
}

enum db_status users_change_own_pin(struct desk *d, const char *old_pin, const char *new_pin_digits,
				    enum pin_weakness *why)
{
	char hash[PIN_HASH_MAX];
	*why = PIN_OK;
	if (!d->user)
		return DB_ERR_FORBIDDEN;
	enum db_status r = new_pin(new_pin_digits, hash, why);
	if (r != DB_OK || (r = desk_begin(d, ROLE_DESK)) != DB_OK)
		return r;
	struct user me;
	enum sign_in_result result;
	long wait;
	r = try_pin(d, d->user, old_pin, false, "(own PIN)", &me, &result, &wait);
	bool right = r == DB_OK && result == SIGNED_IN;
	if (right)
		r = store_users_set_pin(d->db, d->user, hash);
	if (right && r == DB_OK)
		r = desk_audit(d, "update", "user", d->user, "own pin");
	r = desk_end(d, r);
	/* A wrong PIN is counted (committed) but changes nothing else. */
	return r == DB_OK && !right ? DB_ERR_FORBIDDEN : r;
}

enum db_status users_set_active(struct desk *d, long long id, bool active)
{
	if (!active && id == d->user)
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	r = store_users_set_active(d->db, id, active);
	if (r == DB_OK)
		r = desk_audit(d, "update", "user", id, active ? "active" : "inactive");
	return desk_end(d, r);
}
