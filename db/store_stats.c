/* store_stats.c — counts for the home screen. */
#include "store_stats.h"

#include "store_util.h"

enum db_status store_stats_today(struct db *db, const char *today, struct today_counts *out)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT"
		" (SELECT count(*) FROM (SELECT 1 FROM sessions WHERE date = :today AND status <> 'cancelled'"
		"   LIMIT " STORE_COUNT_CAP ")),"
		" (SELECT count(*) FROM (SELECT 1 FROM follow_ups WHERE status = 'open' AND due_on <= :today"
		"   LIMIT " STORE_COUNT_CAP ")),"
		" (SELECT count(*) FROM (SELECT 1 FROM referrals WHERE referred_on > date(:today, '-7 days')"
		"    AND referred_on <= :today LIMIT " STORE_COUNT_CAP ")),"
		/* Not a count: that would read every citizen at each redraw. */
		" NOT EXISTS (SELECT 1 FROM citizens) AND NOT EXISTS (SELECT 1 FROM volunteers)"
		"   AND NOT EXISTS (SELECT 1 FROM activities)");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":today", today);
	if (db_step(st) == DB_ROW) {
		out->sessions_today = db_column_int(st, 0);
		out->calls_due = db_column_int(st, 1);
		out->new_referrals = db_column_int(st, 2);
		out->empty = db_column_int(st, 3) != 0;
	}
	return db_finalize(st);
}
