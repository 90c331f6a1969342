/* dbrules.c — the one place src/ hands its rules to db/. */
#include "dbrules.h"

#include "date.h"
#include "db.h"
#include "textkeys.h"

static void (*say_remaking)(void);

static enum db_status refresh_keys(struct db *db)
{
	if (say_remaking && textkeys_stale(db))
		say_remaking();
	return textkeys_refresh(db, NULL);
}

void dbrules_on_remaking(void (*say)(void))
{
	say_remaking = say;
}

void dbrules_install(void)
{
	db_set_clock(date_now_stamp);
	db_set_after_open(refresh_keys);
}
