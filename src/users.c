/* users.c — signing in and the Users screen's use cases (users.h). */
#include "users.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "pin.h"
#include "settings.h"
#include "store_users.h"

enum db_status users_access(struct desk *d, struct access *out)
{
	long long n = 0;
	enum db_status r = store_users_count_active(d->db, &n);
	if (r != DB_OK)
		return r;
	out->users_exist = n > 0;
	struct centre_settings s;
	if ((r = settings_read(d, &s)) != DB_OK)
		return r;
	out->idle_lock_minutes = s.idle_lock_minutes;
	return DB_OK;
}

enum db_status users_for_sign_in(struct desk *d, struct user *out, int max, int *count)
{
	*count = 0;
	int n = 0;
	enum db_status r = store_users_list(d->db, out, max, &n);
	for (int i = 0; r == DB_OK && i < n; i++)
		if (out[i].active)
			out[(*count)++] = out[i];
	return r;
}

enum db_status users_sign_in(struct desk *d, db_user_id id, const char *pin, struct user *out)
{
	/* Nobody is signed in yet: no role to check. */
	enum db_status r = db_begin(d->db);
	if (r != DB_OK)
		return r;
	char hash[USER_HASH];
	r = store_users_get(d->db, id, out, hash);
	if (r == DB_OK && (!out->active || !pin_matches(pin, hash)))
		r = DB_ERR_INVALID;
	if (r == DB_OK) {
		struct desk as_user = *d;
		as_user.user = id;
		r = desk_audit(&as_user, "login", "user", id, NULL);
	}
	memset(hash, 0, sizeof hash);
	return desk_end(d, r);
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
	return r != DB_OK ? r : store_users_list(d->db, out, max, count);
}

static const char *role_code(enum role role)
{
	return role == ROLE_COORDINATOR ? "coordinator" : "desk";
}

enum db_status users_add(struct desk *d, const char *name, enum role role, const char *pin, long long *id)
{
	*id = 0;
	char hash[PIN_HASH_MAX];
	if (!name[0] || !pin_valid(pin))
		return DB_ERR_INVALID;
	if (!pin_hash(pin, hash))
		return DB_ERR_IO;
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	long long existing = 0;
	r = store_users_count_active(d->db, &existing);
	/* The first user must be able to make the others. */
	if (r == DB_OK && existing == 0)
		role = ROLE_COORDINATOR;
	if (r == DB_OK)
		r = store_users_add(d->db, name, role_code(role), hash, id);
	if (r == DB_OK)
		r = desk_audit(d, "create", "user", *id, role_code(role));
	return desk_end(d, r);
}

enum db_status users_set_pin(struct desk *d, long long id, const char *pin)
{
	char hash[PIN_HASH_MAX];
	if (!pin_valid(pin))
		return DB_ERR_INVALID;
	if (!pin_hash(pin, hash))
		return DB_ERR_IO;
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	r = store_users_set_pin(d->db, id, hash);
	if (r == DB_OK)
		r = desk_audit(d, "update", "user", id, "pin");
	return desk_end(d, r);
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
