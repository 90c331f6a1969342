/* overview.c — the home screen's numbers (overview.h). */
#include "overview.h"

#include <string.h>

#include "date.h"
#include "db.h"
#include "intake.h"
#include "settings.h"
#include "store_calls.h"
#include "store_stats.h"

enum db_status overview_today(struct desk *d, struct overview *out)
{
	memset(out, 0, sizeof *out);
	char today[DATE_ISO_LEN];
	date_format_iso(date_today(), today);
	enum db_status r = db_begin_read(d->db);
	if (r != DB_OK)
		return r;
	struct centre_settings cs;
	if ((r = settings_read(d, &cs)) == DB_OK)
		memcpy(out->centre_name, cs.centre_name, sizeof out->centre_name);
	if (r == DB_OK)
		r = store_stats_today(d->db, today, &out->today);
	struct call_counts calls;
	if (r == DB_OK && (r = store_calls_counts(d->db, today, today, &calls)) == DB_OK)
		out->escalated = calls.escalated;
	/* Only the drafts of the person signed in (intake.h); before anyone
	 * signs in there are none to show. */
	if (r == DB_OK && desk_allow(d, ROLE_DESK) == DB_OK)
		r = intake_drafts(d, out->drafts, OVERVIEW_DRAFTS, &out->ndrafts);
	if (r == DB_OK && out->ndrafts == OVERVIEW_DRAFTS)
		r = intake_drafts_count(d, &out->drafts_total);
	else
		out->drafts_total = out->ndrafts;
	return db_end(d->db, r);
}
