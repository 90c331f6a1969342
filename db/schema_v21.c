/* schema_v21.c — migration 21: the day the retention rule counts from,
 * kept on the citizen's row (retention_from), so the rule's daily pass
 * reads only the citizens whose day has passed its cut-off, not every
 * course ended long ago of someone still on a roll and every citizen
 * waiting since long ago who was assessed or matched (issue 15: at
 * 300,000 citizens the pass read about 230,000 of them every day to
 * anonymise a handful).
 *
 * The column is derived data, kept in step by triggers on everything it
 * is derived from, whoever writes (as citizens.waiting_since, migration
 * 15): NULL when the rule cannot anonymise the citizen whatever the day
 * (anonymised already, still on an activity's roll, or a course not ended
 * that was followed up: assessed, matched or came to a session); for a
 * course ended, the later of its end and the last session they have a
 * mark at; for one never followed up, the latest referral. The rule
 * (src/protection_rules.h) anonymises exactly those whose day lies the
 * months of their kind (course or referral) back or more, so each part's
 * index holds, on or before its cut-off, only the citizens the rule acts
 * on today.
 *
 * The same for the weeks ahead's sessions, planned once a day for every
 * active activity (about 1,500 at such a centre, 12 weeks each): an
 * activity keeps the first day of its weekday its plan does not reach
 * (activities.plan_next; '' when not known: new, its weekday or status
 * changed, or a session of it deleted or moved, which the triggers say),
 * so the day's pass plans only the activities whose day the twelve weeks
 * now reach, from that day on, and those not known.
 * PostgreSQL's is the same (schema_pg.c). */
#include "migrate.h"

#define RETENTION_FROM_OF(cid) \
	"(SELECT CASE WHEN c.anonymised_on IS NOT NULL" \
	"   OR EXISTS (SELECT 1 FROM enrolments AS e WHERE e.citizen_id = c.id AND e.ended_on IS NULL) THEN NULL" \
	"  WHEN c.status = 'ended' THEN max(c.ended_on, COALESCE((SELECT max(s.date) FROM attendance AS t" \
	"   JOIN sessions AS s ON s.id = t.session_id WHERE t.citizen_id = c.id), ''))" \
	"  WHEN EXISTS (SELECT 1 FROM assessments AS x WHERE x.citizen_id = c.id)" \
	"   OR EXISTS (SELECT 1 FROM matches AS m WHERE m.citizen_id = c.id)" \
	"   OR EXISTS (SELECT 1 FROM attendance AS t WHERE t.citizen_id = c.id AND t.mark = 'present') THEN NULL" \
	"  ELSE (SELECT max(r.referred_on) FROM referrals AS r WHERE r.citizen_id = c.id)" \
	" END FROM citizens AS c WHERE c.id = " cid ")"

/* Written only when it changes: a mark for someone on the roll (the
 * most frequent write) finds it NULL already and writes no row. */
#define REFRESH(cid) \
	"UPDATE citizens SET retention_from = " RETENTION_FROM_OF(cid) \
	" WHERE id = " cid " AND retention_from IS NOT " RETENTION_FROM_OF(cid) ";"

#define ON_CHANGE(name, event, table, who) \
	"CREATE TRIGGER " name " AFTER " event " ON " table " BEGIN " REFRESH(who) " END;"

const char schema_v21[] =
	"ALTER TABLE citizens ADD COLUMN retention_from TEXT;"
	ON_CHANGE("retention_citizen_insert", "INSERT", "citizens", "NEW.id")
	"CREATE TRIGGER retention_citizen_update AFTER UPDATE OF status, ended_on, anonymised_on ON citizens"
	" WHEN NEW.status IS NOT OLD.status OR NEW.ended_on IS NOT OLD.ended_on"
	"  OR NEW.anonymised_on IS NOT OLD.anonymised_on BEGIN " REFRESH("NEW.id") " END;"
	ON_CHANGE("retention_referral_insert", "INSERT", "referrals", "NEW.citizen_id")
	ON_CHANGE("retention_referral_update", "UPDATE OF referred_on, citizen_id", "referrals", "NEW.citizen_id")
	ON_CHANGE("retention_referral_moved", "UPDATE OF citizen_id", "referrals", "OLD.citizen_id")
	ON_CHANGE("retention_referral_delete", "DELETE", "referrals", "OLD.citizen_id")
	ON_CHANGE("retention_assessment_insert", "INSERT", "assessments", "NEW.citizen_id")
	ON_CHANGE("retention_assessment_moved", "UPDATE OF citizen_id", "assessments", "OLD.citizen_id")
	ON_CHANGE("retention_assessment_update", "UPDATE OF citizen_id", "assessments", "NEW.citizen_id")
	ON_CHANGE("retention_assessment_delete", "DELETE", "assessments", "OLD.citizen_id")
	ON_CHANGE("retention_match_insert", "INSERT", "matches", "NEW.citizen_id")
	ON_CHANGE("retention_match_moved", "UPDATE OF citizen_id", "matches", "OLD.citizen_id")
	ON_CHANGE("retention_match_update", "UPDATE OF citizen_id", "matches", "NEW.citizen_id")
	ON_CHANGE("retention_match_delete", "DELETE", "matches", "OLD.citizen_id")
	ON_CHANGE("retention_enrolment_insert", "INSERT", "enrolments", "NEW.citizen_id")
	ON_CHANGE("retention_enrolment_update", "UPDATE OF ended_on, citizen_id", "enrolments", "NEW.citizen_id")
	ON_CHANGE("retention_enrolment_moved", "UPDATE OF citizen_id", "enrolments", "OLD.citizen_id")
	ON_CHANGE("retention_enrolment_delete", "DELETE", "enrolments", "OLD.citizen_id")
	/* A new mark, the most frequent write, changes the day of a course
	 * ended to its session's when later, and ends a wait never followed
	 * up when present; it changes nothing else, and is worked out from
	 * the day stored: no re-reading of the citizen's marks. */
	"CREATE TRIGGER retention_mark_insert AFTER INSERT ON attendance BEGIN"
	" UPDATE citizens SET retention_from = CASE WHEN status = 'ended'"
	"  THEN (SELECT s.date FROM sessions AS s WHERE s.id = NEW.session_id) END"
	" WHERE id = NEW.citizen_id AND retention_from IS NOT NULL AND CASE WHEN status = 'ended'"
	"  THEN (SELECT s.date FROM sessions AS s WHERE s.id = NEW.session_id) > retention_from"
	"  ELSE NEW.mark = 'present' END;"
	" END;"
	ON_CHANGE("retention_mark_update", "UPDATE OF mark, session_id, citizen_id", "attendance", "NEW.citizen_id")
	ON_CHANGE("retention_mark_moved", "UPDATE OF citizen_id", "attendance", "OLD.citizen_id")
	ON_CHANGE("retention_mark_delete", "DELETE", "attendance", "OLD.citizen_id")
	/* A session moved to another day moves the last day its citizens
	 * were seen. */
	"CREATE TRIGGER retention_session_moved AFTER UPDATE OF date ON sessions WHEN NEW.date IS NOT OLD.date BEGIN"
	" UPDATE citizens SET retention_from = " RETENTION_FROM_OF("citizens.id")
	" WHERE id IN (SELECT citizen_id FROM attendance WHERE session_id = NEW.id)"
	" AND retention_from IS NOT " RETENTION_FROM_OF("citizens.id") ";"
	" END;"
	"UPDATE citizens SET retention_from = " RETENTION_FROM_OF("citizens.id") ";"
	/* Each part of the rule in its own index, from the oldest day: the
	 * courses ended (course_months) and the never followed up
	 * (referral_months). They replace retention_ended (migration 16). */
	"CREATE INDEX retention_course ON citizens(retention_from, id)"
	" WHERE retention_from IS NOT NULL AND status = 'ended';"
	"CREATE INDEX retention_referral ON citizens(retention_from, id)"
	" WHERE retention_from IS NOT NULL AND status = 'active';"
	"DROP INDEX retention_ended;"
	"ALTER TABLE activities ADD COLUMN plan_next TEXT NOT NULL DEFAULT '';"
	"CREATE TRIGGER plan_activity_changed AFTER UPDATE OF weekday, status ON activities"
	" WHEN NEW.weekday IS NOT OLD.weekday OR NEW.status IS NOT OLD.status BEGIN"
	" UPDATE activities SET plan_next = '' WHERE id = NEW.id;"
	" END;"
	"CREATE TRIGGER plan_session_deleted AFTER DELETE ON sessions BEGIN"
	" UPDATE activities SET plan_next = '' WHERE id = OLD.activity_id AND plan_next <> '';"
	" END;"
	"CREATE TRIGGER plan_session_moved AFTER UPDATE OF date, activity_id ON sessions"
	" WHEN NEW.date IS NOT OLD.date OR NEW.activity_id IS NOT OLD.activity_id BEGIN"
	" UPDATE activities SET plan_next = '' WHERE id = OLD.activity_id AND plan_next <> '';"
	" END;"
	"CREATE INDEX activities_plan_next ON activities(plan_next, id)"
	" WHERE status = 'active' AND weekday IS NOT NULL;";
