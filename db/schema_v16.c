/* schema_v16.c — migration 16: the retention rule's candidates read from
 * indexes (issue 15). The rule runs once a day in small steps while the
 * desk is idle; each step reads the next few candidates after where the
 * last one stopped, so a step costs the same at 300,000 citizens as at
 * 300. Courses ended and not yet anonymised, and referrals kept without a
 * citizen that still name their referrer, each leave their index when the
 * rule has dealt with them. (Those never followed up are read through
 * citizens_waiting, migration 15.)
 *
 * The call rules that run at every start read the few calls after missed
 * sessions still open (among tens of thousands of open calls agreed with
 * citizens), and the citizens registered in the last weeks whose relative
 * wishes support, each through an index of its own. */
#include "migrate.h"

const char schema_v16[] =
	"CREATE INDEX retention_ended ON citizens(ended_on, id)"
	" WHERE anonymised_on IS NULL AND ended_on IS NOT NULL;"
	"CREATE INDEX retention_referrals ON referrals(referred_on, id) WHERE citizen_id IS NULL"
	" AND (referrer_name IS NOT NULL OR referrer_org IS NOT NULL OR referrer_phone IS NOT NULL);"
	"CREATE INDEX calls_missed_open ON follow_ups(source_key)"
	" WHERE status = 'open' AND reason = 'missed_sessions';"
	"CREATE INDEX citizens_created ON citizens(created_at);";
