/* users.h — the people who switch in at the desk: the use cases of the
 * sign-in screen, the idle lock and the coordinator's Users screen.
 *
 * PINs arrive as typed; the rules (src/pin.c) check and hash them here,
 * so no screen ever handles a hash. */
#ifndef BB_USERS_H
#define BB_USERS_H

#include <stdbool.h>

#include "desk.h"
#include "model_users.h"

/* Whether users exist and the idle-lock minutes: asked before anyone
 * signs in, so no role is needed. */
enum db_status users_access(struct desk *d, struct access *out);

/* The active users' names for the sign-in screen, in Danish name order;
 * shown before anyone signs in. */
enum db_status users_for_sign_in(struct desk *d, struct user *out, int max, int *count);

/* Checks `pin` for user `id` and audits the sign-in. DB_ERR_INVALID for
 * a wrong PIN or an inactive user; *out gets who it is. The desk itself
 * is not changed: the screen decides (desk_sign_in) what happens to the
 * work that is open. */
enum db_status users_sign_in(struct desk *d, db_user_id id, const char *pin, struct user *out);
/* From now on the desk acts as `u`. */
void desk_sign_in(struct desk *d, const struct user *u);

/* Coordinators: everyone, active first, in Danish name order. */
enum db_status users_list(struct desk *d, struct user *out, int max, int *count);
/* Adds a user with a PIN. The very first user is always a coordinator,
 * who then sets up the rest; DB_ERR_INVALID for a PIN the rules refuse. */
enum db_status users_add(struct desk *d, const char *name, enum role role, const char *pin, long long *id);
enum db_status users_set_pin(struct desk *d, long long id, const char *pin);
/* Stops or allows a user's access; nobody stops their own
 * (DB_ERR_INVALID). Users are never deleted: the audit log names them. */
enum db_status users_set_active(struct desk *d, long long id, bool active);

#endif
