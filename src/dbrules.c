/* dbrules.c — the one place src/ hands its rules to db/. */
#include "dbrules.h"

#include "date.h"
#include "db.h"
#include "textkeys.h"

static enum db_status refresh_keys(struct db *db)
{
	return textkeys_refresh(db, NULL);
}

void dbrules_install(void)
{
	db_set_clock(date_now_stamp);
	db_set_after_open(refresh_keys);
}
