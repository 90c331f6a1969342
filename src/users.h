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
#include "pin.h"

/* Whether users exist and the idle-lock minutes: asked before anyone
 * signs in, so no role is needed. */
enum db_status users_access(struct desk *d, struct access *out);

/* The active users' names for the sign-in screen, in Danish name order;
 * shown before anyone signs in. */
enum db_status users_for_sign_in(struct desk *d, struct user *out, int max, int *count);

/* Checks `pin` for user `id`, and audits the try, right or wrong.
 * *result says how it went: signed in (*out is who), a wrong PIN, wait
 * *wait seconds first (after PIN_WAIT_AFTER wrong PINs in a row the
 * waits grow), or locked (after PIN_LOCK_AFTER, until a coordinator
 * gives a new PIN). The desk itself is not changed: the screen decides
 * (desk_sign_in) what happens to the work that is open. */
enum db_status users_sign_in(struct desk *d, db_user_id id, const char *pin, struct user *out,
			     enum sign_in_result *result, long *wait);
/* From now on the desk acts as `u`. */
void desk_sign_in(struct desk *d, const struct user *u);

/* Coordinators: everyone, active first, in Danish name order. */
enum db_status users_list(struct desk *d, struct user *out, int max, int *count);
/* Adds a user with a PIN. The very first user is always a coordinator,
 * who then sets up the rest; DB_ERR_INVALID for a PIN the rules refuse
 * (*why says why). */
enum db_status users_add(struct desk *d, const char *name, enum role role, const char *pin, long long *id,
			 enum pin_weakness *why);
/* A coordinator gives a user a new PIN, which also lifts a lock. */
enum db_status users_set_pin(struct desk *d, long long id, const char *pin, enum pin_weakness *why);
/* The person signed in types the PIN they have now, before choosing a
 * new one: a wrong one counts, waits and locks as at sign-in (*result,
 * *wait as users_sign_in). Nobody signed in: DB_ERR_FORBIDDEN. */
enum db_status users_check_own_pin(struct desk *d, const char *pin, enum sign_in_result *result, long *wait);
/* The person signed in changes their own PIN, knowing the old one
 * (DB_ERR_FORBIDDEN when it is wrong, or not tried now because of the
 * wait or the lock: the try is counted as users_check_own_pin does). */
enum db_status users_change_own_pin(struct desk *d, const char *old_pin, const char *new_pin,
				    enum pin_weakness *why);
/* Stops or allows a user's access; nobody stops their own
 * (DB_ERR_INVALID). Users are never deleted: the audit log names them. */
enum db_status users_set_active(struct desk *d, long long id, bool active);

#endif
