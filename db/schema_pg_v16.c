/* schema_pg_v16.c — migration 16 on PostgreSQL (SQLite: schema_v16.c):
 * the retention rule's candidates, the open calls after missed sessions,
 * the citizens registered lately and the rows that point at a citizen, a
 * call or a session, each read through an index; four indexes a longer
 * one serves are dropped. */
#include "migrate.h"

const char schema_pg_v16[] =
	"CREATE INDEX retention_ended ON citizens(ended_on NULLS FIRST, id)"
	" WHERE anonymised_on IS NULL AND ended_on IS NOT NULL;"
	"CREATE INDEX retention_referrals ON referrals(referred_on NULLS FIRST, id) WHERE citizen_id IS NULL"
	" AND (referrer_name IS NOT NULL OR referrer_org IS NOT NULL OR referrer_phone IS NOT NULL);"
	"CREATE INDEX calls_missed_open ON follow_ups(source_key NULLS FIRST)"
	" WHERE status = 'open' AND reason = 'missed_sessions';"
	"CREATE INDEX citizens_created ON citizens(created_at NULLS FIRST);"
	"CREATE INDEX referrer_feedback_citizen ON referrer_feedback(citizen_id NULLS FIRST);"
	"CREATE INDEX referrer_feedback_call ON referrer_feedback(follow_up_id NULLS FIRST);"
	"CREATE INDEX call_escalations_citizen ON call_escalations(citizen_id NULLS FIRST);"
	"CREATE INDEX call_escalations_call ON call_escalations(follow_up_id NULLS FIRST);"
	"CREATE INDEX measures_call ON measures(follow_up_id NULLS FIRST);"
	"CREATE INDEX matches_first_session ON matches(first_session_id NULLS FIRST);"
	"DROP INDEX referrals_citizen;"
	"DROP INDEX assessments_citizen;"
	"DROP INDEX matches_citizen;"
	"DROP INDEX attendance_citizen;";
