/* schema_pg_v21.c — migration 21 on PostgreSQL (SQLite: schema_v21.c):
 * the day's rules read what changed, not the centre. */
#include "migrate.h"
#include "schema_pg.h"

/* Migration 21 (SQLite: schema_v21.c): the day the retention rule counts
 * from, kept on the citizen's row by triggers on every fact it derives
 * from; each part of the rule read from its own index. The first day an
 * activity's plan of sessions does not reach, forgotten by triggers when
 * it may have a gap. */
const char schema_pg_v21[] =
	"ALTER TABLE citizens ADD COLUMN retention_from " T ";"
	/* Migration 15's bb_waiting_refresh as PL/pgSQL too: as an SQL
	 * function it was planned again at each of the rows its triggers
	 * fire for (a demo centre's writes took a third longer for it). */
	"CREATE OR REPLACE FUNCTION bb_waiting_refresh(cid bigint) RETURNS void LANGUAGE plpgsql AS $$"
	"BEGIN"
	WAITING_REFRESH
	";"
	"END $$;"
	/* PL/pgSQL, not SQL: its plans are kept, where an SQL function's
	 * are made again at every call (every mark written). */
	"CREATE FUNCTION bb_retention_refresh(cid bigint) RETURNS void LANGUAGE plpgsql AS $$"
	"DECLARE v text;"
	"BEGIN"
	" SELECT CASE WHEN c.anonymised_on IS NOT NULL"
	"   OR EXISTS (SELECT 1 FROM enrolments AS e WHERE e.citizen_id = c.id AND e.ended_on IS NULL) THEN NULL"
	"  WHEN c.status = 'ended' THEN GREATEST(c.ended_on, COALESCE((SELECT max(s.date) FROM attendance AS t"
	"   JOIN sessions AS s ON s.id = t.session_id WHERE t.citizen_id = c.id), ''))"
	"  WHEN EXISTS (SELECT 1 FROM assessments AS x WHERE x.citizen_id = c.id)"
	"   OR EXISTS (SELECT 1 FROM matches AS m WHERE m.citizen_id = c.id)"
	"   OR EXISTS (SELECT 1 FROM attendance AS t WHERE t.citizen_id = c.id AND t.mark = 'present') THEN NULL"
	"  ELSE (SELECT max(r.referred_on) FROM referrals AS r WHERE r.citizen_id = c.id)"
	" END INTO v FROM citizens AS c WHERE c.id = cid;"
	" UPDATE citizens SET retention_from = v WHERE id = cid AND retention_from IS DISTINCT FROM v;"
	"END $$;"
	"CREATE FUNCTION bb_retention_citizen() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN PERFORM bb_retention_refresh(NEW.id); RETURN NULL; END $$;"
	"CREATE FUNCTION bb_retention_new() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN PERFORM bb_retention_refresh(NEW.citizen_id); RETURN NULL; END $$;"
	"CREATE FUNCTION bb_retention_old() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN PERFORM bb_retention_refresh(OLD.citizen_id); RETURN NULL; END $$;"
	/* A new mark: worked out from the day stored (schema_v21.c). */
	"CREATE FUNCTION bb_retention_mark() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN UPDATE citizens AS c SET retention_from = CASE WHEN c.status = 'ended' THEN s.date END"
	" FROM sessions AS s WHERE s.id = NEW.session_id AND c.id = NEW.citizen_id AND c.retention_from IS NOT NULL"
	" AND CASE WHEN c.status = 'ended' THEN s.date > c.retention_from ELSE NEW.mark = 'present' END;"
	" RETURN NULL; END $$;"
	"CREATE FUNCTION bb_retention_session() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN PERFORM bb_retention_refresh(t.citizen_id) FROM attendance AS t WHERE t.session_id = NEW.id;"
	" RETURN NULL; END $$;"
	ROW_TRIGGER("retention_citizen_insert", "INSERT", "citizens", "bb_retention_citizen")
	"CREATE TRIGGER retention_citizen_update AFTER UPDATE OF status, ended_on, anonymised_on ON citizens"
	" FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.ended_on IS DISTINCT FROM OLD.ended_on"
	"  OR NEW.anonymised_on IS DISTINCT FROM OLD.anonymised_on) EXECUTE FUNCTION bb_retention_citizen();"
	ROW_TRIGGER("retention_referral_insert", "INSERT", "referrals", "bb_retention_new")
	ROW_TRIGGER("retention_referral_update", "UPDATE OF referred_on, citizen_id", "referrals", "bb_retention_new")
	ROW_TRIGGER("retention_referral_moved", "UPDATE OF citizen_id", "referrals", "bb_retention_old")
	ROW_TRIGGER("retention_referral_delete", "DELETE", "referrals", "bb_retention_old")
	ROW_TRIGGER("retention_assessment_insert", "INSERT", "assessments", "bb_retention_new")
	ROW_TRIGGER("retention_assessment_moved", "UPDATE OF citizen_id", "assessments", "bb_retention_old")
	ROW_TRIGGER("retention_assessment_update", "UPDATE OF citizen_id", "assessments", "bb_retention_new")
	ROW_TRIGGER("retention_assessment_delete", "DELETE", "assessments", "bb_retention_old")
	ROW_TRIGGER("retention_match_insert", "INSERT", "matches", "bb_retention_new")
	ROW_TRIGGER("retention_match_moved", "UPDATE OF citizen_id", "matches", "bb_retention_old")
	ROW_TRIGGER("retention_match_update", "UPDATE OF citizen_id", "matches", "bb_retention_new")
	ROW_TRIGGER("retention_match_delete", "DELETE", "matches", "bb_retention_old")
	ROW_TRIGGER("retention_enrolment_insert", "INSERT", "enrolments", "bb_retention_new")
	ROW_TRIGGER("retention_enrolment_update", "UPDATE OF ended_on, citizen_id", "enrolments", "bb_retention_new")
	ROW_TRIGGER("retention_enrolment_moved", "UPDATE OF citizen_id", "enrolments", "bb_retention_old")
	ROW_TRIGGER("retention_enrolment_delete", "DELETE", "enrolments", "bb_retention_old")
	ROW_TRIGGER("retention_mark_insert", "INSERT", "attendance", "bb_retention_mark")
	ROW_TRIGGER("retention_mark_update", "UPDATE OF mark, session_id, citizen_id", "attendance", "bb_retention_new")
	ROW_TRIGGER("retention_mark_moved", "UPDATE OF citizen_id", "attendance", "bb_retention_old")
	ROW_TRIGGER("retention_mark_delete", "DELETE", "attendance", "bb_retention_old")
	"CREATE TRIGGER retention_session_moved AFTER UPDATE OF date ON sessions"
	" FOR EACH ROW WHEN (NEW.date IS DISTINCT FROM OLD.date) EXECUTE FUNCTION bb_retention_session();"
	"SELECT bb_retention_refresh(id) FROM citizens;"
	"CREATE INDEX retention_course ON citizens(retention_from NULLS FIRST, id)"
	" WHERE retention_from IS NOT NULL AND status = 'ended';"
	"CREATE INDEX retention_referral ON citizens(retention_from NULLS FIRST, id)"
	" WHERE retention_from IS NOT NULL AND status = 'active';"
	"DROP INDEX retention_ended;"
	"ALTER TABLE activities ADD COLUMN plan_next " T " NOT NULL DEFAULT '';"
	"CREATE FUNCTION bb_plan_forget_activity() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN UPDATE activities SET plan_next = '' WHERE id = NEW.id; RETURN NULL; END $$;"
	"CREATE FUNCTION bb_plan_forget_session() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN UPDATE activities SET plan_next = '' WHERE id = OLD.activity_id AND plan_next <> ''; RETURN NULL; END $$;"
	"CREATE TRIGGER plan_activity_changed AFTER UPDATE OF weekday, status ON activities FOR EACH ROW"
	" WHEN (NEW.weekday IS DISTINCT FROM OLD.weekday OR NEW.status IS DISTINCT FROM OLD.status)"
	" EXECUTE FUNCTION bb_plan_forget_activity();"
	"CREATE TRIGGER plan_session_deleted AFTER DELETE ON sessions FOR EACH ROW"
	" EXECUTE FUNCTION bb_plan_forget_session();"
	"CREATE TRIGGER plan_session_moved AFTER UPDATE OF date, activity_id ON sessions FOR EACH ROW"
	" WHEN (NEW.date IS DISTINCT FROM OLD.date OR NEW.activity_id IS DISTINCT FROM OLD.activity_id)"
	" EXECUTE FUNCTION bb_plan_forget_session();"
	"CREATE INDEX activities_plan_next ON activities(plan_next NULLS FIRST, id)"
	" WHERE status = 'active' AND weekday IS NOT NULL;";
