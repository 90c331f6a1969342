/* dbrules.c — the one place the rules are handed to db/. */
#include "dbrules.h"

#include "collate.h"
#include "date.h"
#include "db.h"
#include "fold.h"

void dbrules_install(void)
{
	db_set_text_rules(&(struct db_text_rules){
		.fold = fold_search, .digits = fold_digits, .sortkey = collate_key });
	db_set_clock(date_now_stamp);
}
