/* model_users.h — the users types: plain structs, enums and limits
 * that every layer shares. No functions. */
#ifndef BB_MODEL_USERS_H
#define BB_MODEL_USERS_H

#include <stdbool.h>
#include "model_status.h"

enum { USER_NAME = 484, USER_HASH = 128 };

struct user {
	long long id;
	char name[USER_NAME];
	char role[16];      /* desk, coordinator */
	bool active;
};

#endif
