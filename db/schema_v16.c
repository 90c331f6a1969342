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
 * wishes support, each through an index of its own.
 *
 * The rows that point at a citizen, a call or a session are found through
 * an index where they are changed (anonymising clears what referrers were
 * told and how escalations were settled) and where SQLite checks its
 * foreign keys: without one, every call written made it read all of
 * call_escalations, measures and referrer_feedback for rows already
 * pointing at the new id, and every session written all matches
 * (tests/test_flat.c found them).
 *
 * Four indexes are dropped that a longer one with the same first columns
 * serves as well: every mark and every intake wrote them for nothing. */
#include "migrate.h"

const char schema_v16[] =
	"CREATE INDEX retention_ended ON citizens(ended_on, id)"
	" WHERE anonymised_on IS NULL AND ended_on IS NOT NULL;"
	"CREATE INDEX retention_referrals ON referrals(referred_on, id) WHERE citizen_id IS NULL"
	" AND (referrer_name IS NOT NULL OR referrer_org IS NOT NULL OR referrer_phone IS NOT NULL);"
	"CREATE INDEX calls_missed_open ON follow_ups(source_key)"
	" WHERE status = 'open' AND reason = 'missed_sessions';"
	"CREATE INDEX citizens_created ON citizens(created_at);"
	"CREATE INDEX referrer_feedback_citizen ON referrer_feedback(citizen_id);"
	"CREATE INDEX referrer_feedback_call ON referrer_feedback(follow_up_id);"
	"CREATE INDEX call_escalations_citizen ON call_escalations(citizen_id);"
	"CREATE INDEX call_escalations_call ON call_escalations(follow_up_id);"
	"CREATE INDEX measures_call ON measures(follow_up_id);"
	"CREATE INDEX matches_first_session ON matches(first_session_id);"
	"DROP INDEX referrals_citizen;"       /* referrals_citizen_date */
	"DROP INDEX assessments_citizen;"     /* assessments_latest */
	"DROP INDEX matches_citizen;"         /* matches_citizen_end */
	"DROP INDEX attendance_citizen;";     /* calls_attendance_marks */
