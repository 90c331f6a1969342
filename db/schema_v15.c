/* schema_v15.c — migration 15: who waits for a match, kept on the
 * citizen's row (waiting_since: the day they have waited since, NULL when
 * they do not wait), so the waiting list is read in order from an index
 * instead of computing three correlated values for every citizen and
 * sorting them all (issue 15: at 300,000 citizens the matching screen
 * took a second to open).
 *
 * The column is derived data. Triggers keep it in step with everything
 * it is derived from, whoever writes (a use case, the demo, an import,
 * another tool), so no writer can forget it: a citizen waits while the
 * course is active, the latest assessment (if any) says volunteer help,
 * and no match is open; since the latest of that assessment, the end of
 * the last match and the latest referral (or the day of registration).
 * This is the rule db/store_waiting.h stated for the queries before. */
#include "migrate.h"

#define WAITING_SINCE_OF(cid) \
	"(SELECT CASE WHEN c.status = 'active'" \
	"   AND COALESCE((SELECT x.outcome FROM assessments AS x WHERE x.citizen_id = c.id" \
	"     ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1), 'volunteer_help') = 'volunteer_help'" \
	"   AND NOT EXISTS (SELECT 1 FROM matches AS m WHERE m.citizen_id = c.id AND m.ended_on IS NULL)" \
	"  THEN max(COALESCE((SELECT x.assessed_on FROM assessments AS x WHERE x.citizen_id = c.id" \
	"     ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1), '')," \
	"   COALESCE((SELECT max(m.ended_on) FROM matches AS m WHERE m.citizen_id = c.id), '')," \
	"   COALESCE((SELECT max(r.referred_on) FROM referrals AS r WHERE r.citizen_id = c.id)," \
	"    substr(c.created_at, 1, 10)))" \
	"  END FROM citizens AS c WHERE c.id = " cid ")"

#define REFRESH(cid) "UPDATE citizens SET waiting_since = " WAITING_SINCE_OF(cid) " WHERE id = " cid ";"

#define ON_CHANGE(name, event, table, who) \
	"CREATE TRIGGER " name " AFTER " event " ON " table " BEGIN " REFRESH(who) " END;"

const char schema_v15[] =
	"ALTER TABLE citizens ADD COLUMN waiting_since TEXT;"
	ON_CHANGE("waiting_citizen_insert", "INSERT", "citizens", "NEW.id")
	ON_CHANGE("waiting_citizen_update", "UPDATE OF status, created_at", "citizens", "NEW.id")
	ON_CHANGE("waiting_assessment_insert", "INSERT", "assessments", "NEW.citizen_id")
	ON_CHANGE("waiting_assessment_update", "UPDATE OF outcome, assessed_on", "assessments", "NEW.citizen_id")
	ON_CHANGE("waiting_assessment_delete", "DELETE", "assessments", "OLD.citizen_id")
	ON_CHANGE("waiting_match_insert", "INSERT", "matches", "NEW.citizen_id")
	ON_CHANGE("waiting_match_update", "UPDATE OF ended_on", "matches", "NEW.citizen_id")
	ON_CHANGE("waiting_match_delete", "DELETE", "matches", "OLD.citizen_id")
	ON_CHANGE("waiting_referral_insert", "INSERT", "referrals", "NEW.citizen_id")
	ON_CHANGE("waiting_referral_update", "UPDATE OF referred_on, citizen_id", "referrals", "NEW.citizen_id")
	ON_CHANGE("waiting_referral_delete", "DELETE", "referrals", "OLD.citizen_id")
	/* A referral moved from one citizen to another changes the first too. */
	ON_CHANGE("waiting_referral_moved", "UPDATE OF citizen_id", "referrals", "OLD.citizen_id")
	"UPDATE citizens SET waiting_since = " WAITING_SINCE_OF("citizens.id") ";"
	/* The list's order, longest waiting first, then the name. */
	"CREATE INDEX citizens_waiting ON citizens(waiting_since, sort_key, id) WHERE waiting_since IS NOT NULL;";
