/* demo.c — placeholder until the generator lands. */
#include "demo.h"

enum db_status demo_generate(struct db *db, const struct demo_options *opt,
			     struct demo_summary *out)
{
	(void)db;
	(void)opt;
	(void)out;
	return DB_OK;
}
