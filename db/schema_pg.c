/* schema_pg.c — the schema on PostgreSQL, as migrations numbered as
 * SQLite's (schema.c).
 *
 * No PostgreSQL database existed before migration 14, so its first
 * migration makes the whole schema as SQLite has it after migration 14
 * (the same tables, columns, checks, codes and rows); every migration
 * after it is written for both engines under the same number.
 *
 * How SQLite's schema reads here:
 * - INTEGER is bigint and TEXT is text in the "C" collation, which sorts
 *   by bytes as SQLite does (the database's own collation may be any);
 *   dates and times stay ISO text, as the stores bind them, so screens
 *   and reports read the same characters from both engines.
 * - Row ids: a sequence per table and a trigger that takes the next
 *   number when none is given and moves the sequence past a number that
 *   is (an import, a copy from SQLite), as SQLite's rowid does.
 * - Codes checked against a lookup table by a trigger in SQLite are
 *   foreign keys here.
 * - No full-text tables: the search keys are plain columns, their
 *   ranges read from btree indexes and their words and the phone's
 *   digits from pg_trgm's where it can be had (migration 18;
 *   store_citizens_search.c has the PostgreSQL queries).
 * - Index columns sort NULLs first, as SQLite does, so an index serves
 *   an ORDER BY in either direction (pg_sql.c spells SQLite's NULL order
 *   out in every ORDER BY).
 * - bb_commits counts committed writes for "another desk committed"
 *   (db_data_version); instr and group_concat are SQLite's functions the
 *   stores use, written in PostgreSQL.
 */
#include "migrate.h"
#include "schema_pg.h"


static const char pg_v14[] =
	/* ---------- functions the schema and the stores use ---------- */
	/* pg_trgm: migration 18, which does without it. */
	"CREATE SEQUENCE bb_commits;"
	"CREATE FUNCTION bb_iso_date(d text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$"
	"BEGIN"
	"  RETURN d ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND to_char(d::date, 'YYYY-MM-DD') = d;"
	"EXCEPTION WHEN others THEN RETURN false;"
	"END $$;"
	"CREATE FUNCTION bb_row_id() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN"
	"  IF NEW.id IS NULL THEN"
	"    NEW.id := nextval(TG_ARGV[0]::regclass);"
	"  ELSIF NEW.id > COALESCE(pg_sequence_last_value(TG_ARGV[0]::regclass), 0) THEN"
	"    PERFORM setval(TG_ARGV[0]::regclass, NEW.id);"
	"  END IF;"
	"  RETURN NEW;"
	"END $$;"
	"CREATE FUNCTION last_insert_rowid() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$"
	"BEGIN RETURN lastval(); EXCEPTION WHEN others THEN RETURN 0; END $$;"
	"CREATE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE"
	"  RETURN strpos(haystack, needle);"
	"CREATE FUNCTION bb_concat_step(acc text, value text, sep text) RETURNS text LANGUAGE sql IMMUTABLE"
	"  RETURN CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value ELSE acc || sep || value END;"
	"CREATE FUNCTION bb_concat_step(acc text, value text) RETURNS text LANGUAGE sql IMMUTABLE"
	"  RETURN CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value ELSE acc || ',' || value END;"
	"CREATE AGGREGATE group_concat(text, text) (SFUNC = bb_concat_step, STYPE = text);"
	"CREATE AGGREGATE group_concat(text) (SFUNC = bb_concat_step, STYPE = text);"
	"CREATE FUNCTION bb_concat_step(acc text, value bigint, sep text) RETURNS text LANGUAGE sql IMMUTABLE"
	"  RETURN bb_concat_step(acc, value::text, sep);"
	"CREATE FUNCTION bb_concat_step(acc text, value bigint) RETURNS text LANGUAGE sql IMMUTABLE"
	"  RETURN bb_concat_step(acc, value::text);"
	"CREATE AGGREGATE group_concat(bigint, text) (SFUNC = bb_concat_step, STYPE = text);"
	"CREATE AGGREGATE group_concat(bigint) (SFUNC = bb_concat_step, STYPE = text);"
	/* SQLite's comparisons are 0 or 1, and the stores take their max
	 * and sum: as numbers here too. */
	"CREATE FUNCTION bb_max_flag(acc integer, v boolean) RETURNS integer LANGUAGE sql IMMUTABLE"
	"  RETURN CASE WHEN v IS NULL THEN acc ELSE GREATEST(COALESCE(acc, 0), v::integer) END;"
	"CREATE FUNCTION bb_min_flag(acc integer, v boolean) RETURNS integer LANGUAGE sql IMMUTABLE"
	"  RETURN CASE WHEN v IS NULL THEN acc ELSE LEAST(COALESCE(acc, 1), v::integer) END;"
	"CREATE FUNCTION bb_sum_flag(acc bigint, v boolean) RETURNS bigint LANGUAGE sql IMMUTABLE"
	"  RETURN CASE WHEN v IS NULL THEN acc ELSE COALESCE(acc, 0) + v::integer END;"
	"CREATE AGGREGATE max(boolean) (SFUNC = bb_max_flag, STYPE = integer);"
	"CREATE AGGREGATE min(boolean) (SFUNC = bb_min_flag, STYPE = integer);"
	"CREATE AGGREGATE sum(boolean) (SFUNC = bb_sum_flag, STYPE = bigint);"
	/* SQLite's date functions as the stores use them: text in, text
	 * out, day modifiers only ('+3 days', '-1 day'). */
	"CREATE FUNCTION date(d text) RETURNS text LANGUAGE sql IMMUTABLE"
	"  RETURN CASE WHEN bb_iso_date(substr(d, 1, 10)) THEN substr(d, 1, 10) END;"
	"CREATE FUNCTION date(d text, modifier text) RETURNS text LANGUAGE sql IMMUTABLE"
	"  RETURN CASE WHEN bb_iso_date(substr(d, 1, 10)) THEN to_char(substr(d, 1, 10)::date"
	"   + regexp_replace(modifier, '^ *([+-]?[0-9]+) +days? *$', '\\1')::integer, 'YYYY-MM-DD') END;"
	"CREATE FUNCTION strftime(fmt text, d text) RETURNS text LANGUAGE sql IMMUTABLE"
	"  RETURN CASE WHEN NOT bb_iso_date(substr(d, 1, 10)) THEN NULL"
	"   WHEN fmt = '%w' THEN extract(dow FROM substr(d, 1, 10)::date)::integer::text"
	"   WHEN fmt = '%Y' THEN substr(d, 1, 4) WHEN fmt = '%m' THEN substr(d, 6, 2)"
	"   WHEN fmt = '%d' THEN substr(d, 9, 2) WHEN fmt = '%Y-%m-%d' THEN substr(d, 1, 10) END;"
	"CREATE FUNCTION julianday(d text) RETURNS double precision LANGUAGE sql IMMUTABLE"
	"  RETURN CASE WHEN bb_iso_date(substr(d, 1, 10))"
	"   THEN extract(epoch FROM (CASE WHEN length(d) > 10 THEN d ELSE d || ' 00:00:00' END)::timestamp) / 86400.0"
	"    + 2440587.5 END;"

	/* ---------- the tables ---------- */
	"CREATE TABLE settings ("
	"  key   " T " PRIMARY KEY,"
	"  value " T " NOT NULL"
	");"
	"CREATE TABLE volunteers ("
	"  id               bigint PRIMARY KEY,"
	"  name             " T " NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  phone            " T " CHECK (phone IS NULL OR length(phone) <= 30),"
	"  email            " T " CHECK (email IS NULL OR length(email) <= 120),"
	"  postcode         " T " CHECK " POSTCODE(postcode) ","
	"  town             " T ","
	"  gender           " T " CHECK (gender IS NULL OR gender IN ('woman','man','other')),"
	"  birth_year       bigint CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),"
	"  lived_experience " T ","
	"  capacity         bigint NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 0 AND 50),"
	"  status           " T " NOT NULL DEFAULT 'training' CHECK (status IN ('training','active','paused','stopped')),"
	"  created_at       " T " NOT NULL DEFAULT " NOW ","
	"  updated_at       " T " NOT NULL DEFAULT " NOW ","
	"  version          bigint NOT NULL DEFAULT 1,"
	"  sort_key         " T ","
	"  search_text      " T
	");"
	ID_TABLE("volunteers")
	"CREATE INDEX volunteers_status ON volunteers(status NULLS FIRST);"
	"CREATE INDEX volunteers_sort ON volunteers(sort_key NULLS FIRST);"

	"CREATE TABLE users ("
	"  id           bigint PRIMARY KEY,"
	"  name         " T " NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  role         " T " NOT NULL CHECK (role IN ('desk','coordinator')),"
	"  pin_salt     " T ","
	"  pin_hash     " T ","
	"  volunteer_id bigint REFERENCES volunteers(id),"
	"  " FLAG(active, 1) ","
	"  created_at   " T " NOT NULL DEFAULT " NOW ","
	"  failed_pins  bigint NOT NULL DEFAULT 0,"
	"  next_try_at  bigint NOT NULL DEFAULT 0,"
	"  " FLAG(locked, 0)
	");"
	ID_TABLE("users")

	"CREATE TABLE audit_log ("
	"  id        bigint PRIMARY KEY,"
	"  at        " T " NOT NULL DEFAULT " NOW ","
	"  user_id   bigint REFERENCES users(id),"
	"  action    " T " NOT NULL CHECK (action IN ('view','create','update','delete','export','import','login','logout')),"
	"  entity    " T " NOT NULL,"
	"  entity_id bigint,"
	"  detail    " T
	");"
	ID_TABLE("audit_log")
	"CREATE INDEX audit_log_entity ON audit_log(entity NULLS FIRST, entity_id NULLS FIRST);"
	"CREATE INDEX audit_log_at ON audit_log(at NULLS FIRST);"

	"CREATE TABLE interests ("
	"  id     bigint PRIMARY KEY,"
	"  name   " T " NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),"
	"  " FLAG(active, 1)
	");"
	ID_TABLE("interests")
	"CREATE TABLE barriers ("
	"  id     bigint PRIMARY KEY,"
	"  name   " T " NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),"
	"  " FLAG(active, 1)
	");"
	ID_TABLE("barriers")

	"CREATE TABLE referral_sources ("
	"  code     " T " PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 24),"
	"  label    " T " CHECK (label IS NULL OR length(label) BETWEEN 1 AND 60),"
	"  position bigint NOT NULL DEFAULT 0,"
	"  " FLAG(active, 1)
	");"
	"CREATE TABLE call_reasons ("
	"  code     " T " PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 24),"
	"  label    " T " CHECK (label IS NULL OR length(label) BETWEEN 1 AND 60),"
	"  position bigint NOT NULL DEFAULT 0,"
	"  " FLAG(active, 1)
	");"
	"CREATE TABLE end_reasons ("
	"  code     " T " PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 24),"
	"  label    " T " CHECK (label IS NULL OR length(label) BETWEEN 1 AND 60),"
	"  position bigint NOT NULL DEFAULT 0,"
	"  " FLAG(active, 1)
	");"

	"CREATE TABLE citizens ("
	"  id             bigint PRIMARY KEY,"
	"  name           " T " NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  birth_year     bigint CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),"
	"  phone          " T " CHECK (phone IS NULL OR length(phone) <= 30),"
	"  email          " T " CHECK (email IS NULL OR length(email) <= 120),"
	"  address        " T " CHECK (address IS NULL OR length(address) <= 120),"
	"  postcode       " T " CHECK " POSTCODE(postcode) ","
	"  town           " T " CHECK (town IS NULL OR length(town) <= 60),"
	"  contact_pref   " T " CHECK (contact_pref IS NULL OR contact_pref IN ('phone','sms','email','letter','visit')),"
	"  gender         " T " CHECK (gender IS NULL OR gender IN ('woman','man','other')),"
	"  wishes         " T " CHECK (wishes IS NULL OR length(wishes) <= 4000),"
	"  pref_volunteer_gender " T " CHECK (pref_volunteer_gender IS NULL OR pref_volunteer_gender IN ('woman','man')),"
	"  " FLAG(pref_lived_experience, 0) ","
	"  language       " T ","
	"  status         " T " NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),"
	"  ended_on       " T " CHECK " ISO_DATE(ended_on) ","
	"  end_reason     " T " REFERENCES end_reasons(code),"
	"  created_at     " T " NOT NULL DEFAULT " NOW ","
	"  updated_at     " T " NOT NULL DEFAULT " NOW ","
	"  version        bigint NOT NULL DEFAULT 1,"
	"  sort_key       " T ","
	"  name_fold      " T ","
	"  pref_volunteer_age " T " CHECK (pref_volunteer_age IS NULL OR pref_volunteer_age IN ('similar','younger','older')),"
	"  " FLAG(needs_intake, 0) ","
	"  anonymised_on  " T " CHECK " ISO_DATE(anonymised_on) ","
	"  age_band       " T " CHECK (age_band IS NULL OR length(age_band) <= 16),"
	"  family_key     " T ","
	"  name_keys      " T ","
	"  search_other   " T ","
	"  phone_digits   " T ","
	"  CHECK ((status = 'ended') = (ended_on IS NOT NULL AND end_reason IS NOT NULL))"
	");"
	ID_TABLE("citizens")
	"CREATE INDEX citizens_status ON citizens(status NULLS FIRST);"
	"CREATE INDEX citizens_sort ON citizens(sort_key NULLS FIRST, name_fold NULLS FIRST, name_keys NULLS FIRST);"
	"CREATE INDEX citizens_family ON citizens(family_key NULLS FIRST, name_fold NULLS FIRST, name_keys NULLS FIRST);"
	"CREATE INDEX citizens_name_fold ON citizens(name_fold NULLS FIRST, sort_key NULLS FIRST, family_key NULLS FIRST);"
	"CREATE INDEX citizens_phone ON citizens(phone_digits NULLS FIRST);"
	"CREATE INDEX citizens_postcode ON citizens(postcode NULLS FIRST);"
	/* The search's trigram indexes: migration 18. */

	"CREATE TABLE citizen_interests ("
	"  citizen_id  bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  interest_id bigint NOT NULL REFERENCES interests(id),"
	"  PRIMARY KEY (citizen_id, interest_id)"
	");"
	"CREATE TABLE citizen_barriers ("
	"  citizen_id bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  barrier_id bigint NOT NULL REFERENCES barriers(id),"
	"  PRIMARY KEY (citizen_id, barrier_id)"
	");"
	"CREATE TABLE citizen_availability ("
	"  citizen_id bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  weekday    bigint NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
	"  part       " T " NOT NULL CHECK (part IN ('morning','afternoon','evening')),"
	"  PRIMARY KEY (citizen_id, weekday, part)"
	");"

	"CREATE TABLE referrals ("
	"  id               bigint PRIMARY KEY,"
	"  citizen_id       bigint REFERENCES citizens(id) ON DELETE SET NULL,"
	"  referred_on      " T " NOT NULL CHECK " ISO_DATE(referred_on) ","
	"  source           " T " NOT NULL REFERENCES referral_sources(code),"
	"  referrer_name    " T " CHECK (referrer_name IS NULL OR length(referrer_name) <= 120),"
	"  referrer_org     " T " CHECK (referrer_org IS NULL OR length(referrer_org) <= 120),"
	"  referrer_phone   " T " CHECK (referrer_phone IS NULL OR length(referrer_phone) <= 30),"
	"  " FLAG(feedback_consent, 0) ","
	"  created_at       " T " NOT NULL DEFAULT " NOW ","
	"  created_by       bigint REFERENCES users(id)"
	");"
	ID_TABLE("referrals")
	"CREATE INDEX referrals_citizen ON referrals(citizen_id NULLS FIRST);"
	"CREATE INDEX referrals_date ON referrals(referred_on NULLS FIRST);"
	"CREATE INDEX referrals_citizen_date ON referrals(citizen_id NULLS FIRST, referred_on NULLS FIRST);"

	"CREATE TABLE relatives ("
	"  id            bigint PRIMARY KEY,"
	"  citizen_id    bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  name          " T " NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  relation      " T " CHECK (relation IS NULL OR length(relation) <= 60),"
	"  phone         " T " CHECK (phone IS NULL OR length(phone) <= 30),"
	"  " FLAG(takes_part, 1) ","
	"  " FLAG(wants_support, 0)
	");"
	ID_TABLE("relatives")
	"CREATE INDEX relatives_citizen ON relatives(citizen_id NULLS FIRST);"
	"CREATE INDEX calls_relatives_support ON relatives(citizen_id NULLS FIRST) WHERE wants_support = 1 AND takes_part = 1;"

	"CREATE TABLE consents ("
	"  id           bigint PRIMARY KEY,"
	"  citizen_id   bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  purpose      " T " NOT NULL CHECK (purpose IN ('registration','volunteer_contact','referrer_feedback','measures')),"
	"  given_on     " T " NOT NULL CHECK " ISO_DATE(given_on) ","
	"  recorded_by  bigint REFERENCES users(id),"
	"  withdrawn_on " T " CHECK " ISO_DATE(withdrawn_on) ","
	"  withdrawn_by bigint REFERENCES users(id)"
	");"
	ID_TABLE("consents")
	"CREATE INDEX consents_citizen ON consents(citizen_id NULLS FIRST, purpose NULLS FIRST);"

	"CREATE TABLE assessments ("
	"  id          bigint PRIMARY KEY,"
	"  citizen_id  bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  assessed_on " T " NOT NULL CHECK " ISO_DATE(assessed_on) ","
	"  outcome     " T " NOT NULL CHECK (outcome IN ('volunteer_help','professional_help')),"
	"  handover_to " T " CHECK (handover_to IS NULL OR length(handover_to) <= 120),"
	"  handover_on " T " CHECK " ISO_DATE(handover_on) ","
	"  note        " T ","
	"  assessed_by bigint REFERENCES users(id),"
	"  CHECK (outcome = 'professional_help' OR handover_to IS NULL)"
	");"
	ID_TABLE("assessments")
	"CREATE INDEX assessments_citizen ON assessments(citizen_id NULLS FIRST);"
	"CREATE INDEX assessments_latest ON assessments(citizen_id NULLS FIRST, assessed_on NULLS FIRST, id NULLS FIRST);"
	"CREATE INDEX calls_assessments_date ON assessments(assessed_on NULLS FIRST);"

	"CREATE TABLE volunteer_roles ("
	"  volunteer_id bigint NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  role         " T " NOT NULL CHECK (role IN ('peer_supporter','mentor','visiting_friend','community_guide','front_desk')),"
	"  PRIMARY KEY (volunteer_id, role)"
	");"
	"CREATE TABLE volunteer_interests ("
	"  volunteer_id bigint NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  interest_id  bigint NOT NULL REFERENCES interests(id),"
	"  PRIMARY KEY (volunteer_id, interest_id)"
	");"
	"CREATE TABLE volunteer_languages ("
	"  volunteer_id bigint NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  language     " T " NOT NULL CHECK (length(language) BETWEEN 1 AND 40),"
	"  PRIMARY KEY (volunteer_id, language)"
	");"
	"CREATE TABLE volunteer_areas ("
	"  volunteer_id bigint NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  postcode     " T " NOT NULL CHECK (postcode ~ '^[0-9]{4}$'),"
	"  PRIMARY KEY (volunteer_id, postcode)"
	");"
	"CREATE TABLE volunteer_availability ("
	"  volunteer_id bigint NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  weekday      bigint NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
	"  part         " T " NOT NULL CHECK (part IN ('morning','afternoon','evening')),"
	"  PRIMARY KEY (volunteer_id, weekday, part)"
	");"
	"CREATE TABLE volunteer_courses ("
	"  id           bigint PRIMARY KEY,"
	"  volunteer_id bigint NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  course       " T " NOT NULL CHECK (length(course) BETWEEN 1 AND 120),"
	"  completed_on " T " NOT NULL CHECK " ISO_DATE(completed_on)
	");"
	ID_TABLE("volunteer_courses")
	"CREATE INDEX volunteer_courses_volunteer ON volunteer_courses(volunteer_id NULLS FIRST);"

	"CREATE TABLE activities ("
	"  id            bigint PRIMARY KEY,"
	"  name          " T " NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  kind          " T " NOT NULL CHECK (kind IN ('motion_group','social_cafe','self_help_group','course','association')),"
	"  organiser     " T ","
	"  place         " T ","
	"  postcode      " T " CHECK " POSTCODE(postcode) ","
	"  weekday       bigint CHECK (weekday IS NULL OR weekday BETWEEN 1 AND 7),"
	"  start_time    " T " CHECK " HHMM(start_time) ","
	"  end_time      " T " CHECK " HHMM(end_time) ","
	"  capacity      bigint NOT NULL DEFAULT 20 CHECK (capacity BETWEEN 0 AND 500),"
	"  contact_name  " T ","
	"  contact_phone " T ","
	"  community     " T " NOT NULL DEFAULT 'lasting' CHECK (community IN ('practice','lasting')),"
	"  status        " T " NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),"
	"  created_at    " T " NOT NULL DEFAULT " NOW ","
	"  updated_at    " T " NOT NULL DEFAULT " NOW ","
	"  version       bigint NOT NULL DEFAULT 1,"
	"  sort_key      " T ","
	"  search_text   " T
	");"
	ID_TABLE("activities")
	"CREATE INDEX activities_sort ON activities(sort_key NULLS FIRST);"
	"CREATE TABLE activity_interests ("
	"  activity_id bigint NOT NULL REFERENCES activities(id) ON DELETE CASCADE,"
	"  interest_id bigint NOT NULL REFERENCES interests(id),"
	"  PRIMARY KEY (activity_id, interest_id)"
	");"

	"CREATE TABLE sessions ("
	"  id            bigint PRIMARY KEY,"
	"  activity_id   bigint NOT NULL REFERENCES activities(id),"
	"  date          " T " NOT NULL CHECK " ISO_DATE(date) ","
	"  start_time    " T " CHECK " HHMM(start_time) ","
	"  end_time      " T " CHECK " HHMM(end_time) ","
	"  status        " T " NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),"
	"  cancel_reason " T ","
	"  note          " T ","
	"  led_by        bigint REFERENCES volunteers(id),"
	"  version       bigint NOT NULL DEFAULT 1,"
	"  UNIQUE (activity_id, date)"
	");"
	ID_TABLE("sessions")
	"CREATE INDEX sessions_date ON sessions(date NULLS FIRST);"
	"CREATE INDEX calls_sessions_held ON sessions(activity_id NULLS FIRST, date NULLS FIRST) WHERE status = 'held';"
	"CREATE INDEX calls_sessions_held_date ON sessions(date NULLS FIRST, activity_id NULLS FIRST) WHERE status = 'held';"
	"CREATE TABLE session_helpers ("
	"  session_id   bigint NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  volunteer_id bigint NOT NULL REFERENCES volunteers(id),"
	"  PRIMARY KEY (session_id, volunteer_id)"
	");"

	"CREATE TABLE enrolments ("
	"  id          bigint PRIMARY KEY,"
	"  citizen_id  bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  activity_id bigint NOT NULL REFERENCES activities(id),"
	"  enrolled_on " T " NOT NULL CHECK " ISO_DATE(enrolled_on) ","
	"  ended_on    " T " CHECK " ISO_DATE(ended_on)
	");"
	ID_TABLE("enrolments")
	"CREATE UNIQUE INDEX enrolments_current ON enrolments(citizen_id, activity_id) WHERE ended_on IS NULL;"
	"CREATE INDEX enrolments_activity ON enrolments(activity_id NULLS FIRST) WHERE ended_on IS NULL;"
	"CREATE INDEX enrolments_activity_end ON enrolments(activity_id NULLS FIRST, ended_on NULLS FIRST, enrolled_on NULLS FIRST);"

	"CREATE TABLE attendance ("
	"  session_id     bigint NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  citizen_id     bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  mark           " T " NOT NULL CHECK (mark IN ('present','excused','absent')),"
	"  accompanied_by bigint REFERENCES volunteers(id),"
	"  " FLAG(walk_in, 0) ","
	"  marked_at      " T " NOT NULL DEFAULT " NOW ","
	"  marked_by      bigint REFERENCES users(id),"
	"  PRIMARY KEY (session_id, citizen_id),"
	"  CHECK (accompanied_by IS NULL OR mark = 'present')"
	");"
	"CREATE INDEX attendance_citizen ON attendance(citizen_id NULLS FIRST, session_id NULLS FIRST);"
	"CREATE INDEX calls_attendance_missed ON attendance(session_id NULLS FIRST, citizen_id NULLS FIRST) WHERE mark <> 'present';"
	"CREATE INDEX calls_attendance_marks ON attendance(citizen_id NULLS FIRST, session_id NULLS FIRST, mark NULLS FIRST,"
	" accompanied_by NULLS FIRST);"

	"CREATE TABLE matches ("
	"  id                    bigint PRIMARY KEY,"
	"  citizen_id            bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  volunteer_id          bigint REFERENCES volunteers(id),"
	"  activity_id           bigint REFERENCES activities(id),"
	"  matched_on            " T " NOT NULL CHECK " ISO_DATE(matched_on) ","
	"  matched_by            bigint REFERENCES users(id),"
	"  first_session_id      bigint REFERENCES sessions(id),"
	"  accompaniment_done_on " T " CHECK " ISO_DATE(accompaniment_done_on) ","
	"  ended_on              " T " CHECK " ISO_DATE(ended_on) ","
	"  outcome               " T " CHECK (outcome IS NULL OR outcome IN ('on_own','moved_activity','did_not_work','declined')),"
	"  end_reason            " T ","
	"  CHECK (volunteer_id IS NOT NULL OR activity_id IS NOT NULL),"
	"  CHECK ((ended_on IS NULL) = (outcome IS NULL))"
	");"
	ID_TABLE("matches")
	"CREATE INDEX matches_citizen ON matches(citizen_id NULLS FIRST);"
	"CREATE INDEX matches_volunteer_open ON matches(volunteer_id NULLS FIRST) WHERE ended_on IS NULL;"
	"CREATE INDEX matches_citizen_end ON matches(citizen_id NULLS FIRST, ended_on NULLS FIRST);"
	"CREATE INDEX calls_matches_date ON matches(matched_on NULLS FIRST);"

	"CREATE TABLE follow_ups ("
	"  id          bigint PRIMARY KEY,"
	"  citizen_id  bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  reason      " T " NOT NULL REFERENCES call_reasons(code),"
	"  due_on      " T " NOT NULL CHECK " ISO_DATE(due_on) ","
	"  due_time    " T " CHECK " HHMM(due_time) ","
	"  responsible bigint REFERENCES volunteers(id),"
	"  source_key  " T " UNIQUE,"
	"  status      " T " NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),"
	"  outcome     " T " CHECK (outcome IS NULL OR outcome IN ('reached','not_reached','call_back','wrong_number')),"
	"  note        " T ","
	"  next_step   " T ","
	"  done_at     " T ","
	"  done_by     bigint REFERENCES users(id),"
	"  CHECK ((status = 'done') = (outcome IS NOT NULL))"
	");"
	ID_TABLE("follow_ups")
	"CREATE INDEX follow_ups_due ON follow_ups(status NULLS FIRST, due_on NULLS FIRST);"
	"CREATE INDEX follow_ups_citizen ON follow_ups(citizen_id NULLS FIRST);"
	"CREATE INDEX calls_follow_ups_done ON follow_ups(done_at NULLS FIRST) WHERE done_at IS NOT NULL;"
	"CREATE INDEX calls_follow_ups_open ON follow_ups(citizen_id NULLS FIRST, due_on NULLS FIRST) WHERE status = 'open';"
	"CREATE INDEX calls_follow_ups_no_contact ON follow_ups(due_on NULLS FIRST) WHERE reason = 'no_contact';"

	"CREATE TABLE measure_defs ("
	"  id          bigint PRIMARY KEY,"
	"  code        " T " NOT NULL UNIQUE,"
	"  name        " T " NOT NULL,"
	"  intro       " T ","
	"  multiplier  bigint NOT NULL DEFAULT 1,"
	"  min_total   bigint NOT NULL,"
	"  max_total   bigint NOT NULL,"
	"  source      " T ","
	"  " FLAG(higher_is_better, 1) ","
	"  position    bigint NOT NULL DEFAULT 0,"
	"  " FLAG(active, 1) ","
	"  CHECK (min_total <= max_total)"
	");"
	ID_TABLE("measure_defs")
	"CREATE TABLE measure_items ("
	"  measure_id bigint NOT NULL REFERENCES measure_defs(id) ON DELETE CASCADE,"
	"  position   bigint NOT NULL,"
	"  text       " T " NOT NULL,"
	"  min_value  bigint NOT NULL,"
	"  max_value  bigint NOT NULL,"
	"  " FLAG(reverse, 0) ","
	"  PRIMARY KEY (measure_id, position),"
	"  CHECK (min_value <= max_value)"
	");"
	"CREATE TABLE measure_scale ("
	"  measure_id bigint NOT NULL REFERENCES measure_defs(id) ON DELETE CASCADE,"
	"  value      bigint NOT NULL,"
	"  label      " T " NOT NULL CHECK (length(label) BETWEEN 1 AND 60),"
	"  PRIMARY KEY (measure_id, value)"
	");"
	"CREATE TABLE measure_bands ("
	"  measure_id bigint NOT NULL REFERENCES measure_defs(id) ON DELETE CASCADE,"
	"  max_total  bigint NOT NULL,"
	"  label      " T " NOT NULL CHECK (length(label) BETWEEN 1 AND 60),"
	"  PRIMARY KEY (measure_id, max_total)"
	");"
	"CREATE TABLE measures ("
	"  id           bigint PRIMARY KEY,"
	"  citizen_id   bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  measure_id   bigint NOT NULL REFERENCES measure_defs(id),"
	"  taken_on     " T " NOT NULL CHECK " ISO_DATE(taken_on) ","
	"  occasion     " T " NOT NULL CHECK (occasion IN ('intake','follow_up','end')),"
	"  total        bigint NOT NULL,"
	"  follow_up_id bigint REFERENCES follow_ups(id),"
	"  recorded_by  bigint REFERENCES users(id)"
	");"
	ID_TABLE("measures")
	"CREATE INDEX measures_citizen ON measures(citizen_id NULLS FIRST, measure_id NULLS FIRST, taken_on NULLS FIRST);"
	"CREATE INDEX measures_date ON measures(taken_on NULLS FIRST);"
	"CREATE TABLE measure_answers ("
	"  measure_row bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,"
	"  position    bigint NOT NULL,"
	"  value       bigint NOT NULL,"
	"  PRIMARY KEY (measure_row, position)"
	");"

	"CREATE TABLE notes ("
	"  id         bigint PRIMARY KEY,"
	"  citizen_id bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  written_on " T " NOT NULL CHECK " ISO_DATE(written_on) ","
	"  author     bigint REFERENCES users(id),"
	"  text       " T " NOT NULL CHECK (length(text) BETWEEN 1 AND 4000)"
	");"
	ID_TABLE("notes")
	"CREATE INDEX notes_citizen ON notes(citizen_id NULLS FIRST);"
	"CREATE INDEX calls_notes_date ON notes(written_on NULLS FIRST);"

	"CREATE TABLE call_escalations ("
	"  id           bigint PRIMARY KEY,"
	"  citizen_id   bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  follow_up_id bigint REFERENCES follow_ups(id) ON DELETE SET NULL,"
	"  raised_on    " T " NOT NULL CHECK " ISO_DATE(raised_on) ","
	"  attempts     bigint NOT NULL CHECK (attempts >= 1),"
	"  raised_by    bigint REFERENCES users(id),"
	"  resolved_on  " T " CHECK " ISO_DATE(resolved_on) ","
	"  resolved_by  bigint REFERENCES users(id),"
	"  resolution   " T " CHECK (resolution IS NULL OR length(resolution) <= 400)"
	");"
	ID_TABLE("call_escalations")
	"CREATE UNIQUE INDEX call_escalations_open ON call_escalations(citizen_id) WHERE resolved_on IS NULL;"

	"CREATE TABLE referrer_feedback ("
	"  id           bigint PRIMARY KEY,"
	"  referral_id  bigint NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,"
	"  citizen_id   bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  follow_up_id bigint REFERENCES follow_ups(id) ON DELETE SET NULL,"
	"  given_on     " T " NOT NULL CHECK " ISO_DATE(given_on) ","
	"  told         " T " NOT NULL CHECK (length(told) BETWEEN 1 AND 400),"
	"  given_by     bigint REFERENCES users(id)"
	");"
	ID_TABLE("referrer_feedback")
	"CREATE INDEX referrer_feedback_referral ON referrer_feedback(referral_id NULLS FIRST);"

	"CREATE TABLE course_events ("
	"  id          bigint PRIMARY KEY,"
	"  citizen_id  bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  happened_on " T " NOT NULL CHECK (bb_iso_date(happened_on)),"
	"  kind        " T " NOT NULL CHECK (kind IN ('ended','reopened')),"
	"  reason      " T
	");"
	ID_TABLE("course_events")
	"CREATE INDEX course_events_citizen ON course_events(citizen_id NULLS FIRST);"
	/* A course's end and reopening as events (SQLite: triggers of
	 * migrations 6 and 10). */
	"CREATE FUNCTION bb_course_event() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN"
	"  IF TG_OP = 'INSERT' THEN"
	"    IF NEW.status = 'ended' THEN"
	"      INSERT INTO course_events(citizen_id, happened_on, kind, reason)"
	"      VALUES (NEW.id, NEW.ended_on, 'ended', NEW.end_reason);"
	"    END IF;"
	"  ELSIF NEW.status IS DISTINCT FROM OLD.status THEN"
	"    INSERT INTO course_events(citizen_id, happened_on, kind, reason)"
	"    VALUES (NEW.id, CASE NEW.status WHEN 'ended' THEN NEW.ended_on ELSE substr(NEW.updated_at, 1, 10) END,"
	"            CASE NEW.status WHEN 'ended' THEN 'ended' ELSE 'reopened' END,"
	"            CASE NEW.status WHEN 'ended' THEN NEW.end_reason END);"
	"  END IF;"
	"  RETURN NULL;"
	"END $$;"
	"CREATE TRIGGER citizens_course AFTER INSERT OR UPDATE OF status ON citizens"
	" FOR EACH ROW EXECUTE FUNCTION bb_course_event();"

	"CREATE TABLE drafts ("
	"  id           bigint PRIMARY KEY,"
	"  kind         " T " NOT NULL CHECK (kind IN ('intake', 'card')),"
	"  label        " T " NOT NULL,"
	"  data         " T " NOT NULL,"
	"  user_id      bigint REFERENCES users(id),"
	"  citizen_id   bigint REFERENCES citizens(id) ON DELETE CASCADE,"
	"  base         " T ","
	"  base_version bigint,"
	"  updated_at   " T " NOT NULL,"
	"  CHECK ((kind = 'card') = (citizen_id IS NOT NULL AND base IS NOT NULL AND base_version IS NOT NULL))"
	");"
	ID_TABLE("drafts")
	"CREATE INDEX drafts_user ON drafts(user_id NULLS FIRST);"
	"CREATE INDEX drafts_citizen ON drafts(citizen_id NULLS FIRST) WHERE citizen_id IS NOT NULL;"

	/* ---------- the rows SQLite's migrations 1-14 put in ---------- */
	"INSERT INTO interests(id, name, active) VALUES"
	"  (1, 'Gåture', 1), (2, 'Fodbold', 1), (3, 'Kreativt håndværk', 1), (4, 'Sang og musik', 1),"
	"  (5, 'Madlavning', 1), (6, 'Brætspil', 1), (7, 'Natur og have', 1), (8, 'Motion', 1),"
	"  (9, 'Læsning', 1), (10, 'Kaffe og snak', 1);"
	"INSERT INTO barriers(id, name, active) VALUES"
	"  (1, 'Angst', 1), (2, 'Gangbesvær', 1), (3, 'Transport', 1), (4, 'Økonomi', 1), (5, 'Sprog', 1),"
	"  (6, 'Træthed', 1);"
	"INSERT INTO referral_sources(code, position) VALUES ('self', 1), ('relative', 2),"
	"  ('health_staff', 3), ('gp', 4), ('municipal', 5), ('job_centre', 6), ('other', 7);"
	"INSERT INTO call_reasons(code, position) VALUES ('after_first_session', 1),"
	"  ('missed_sessions', 2), ('agreed', 3), ('after_match', 4), ('referrer_feedback', 5),"
	"  ('no_contact', 6), ('other', 7), ('relative_support', 20);"
	"INSERT INTO end_reasons(code, position) VALUES ('lasting_community', 1), ('moved', 2),"
	"  ('declined', 3), ('handed_over', 4), ('deceased', 5);"
	"INSERT INTO measure_defs(id, code, name, intro, multiplier, min_total, max_total, source, higher_is_better,"
	"  position, active) VALUES"
	"  (1, 'who5', 'WHO-5 Trivselsindeks', 'Angiv for hvert af de fem udsagn, hvad der bedst beskriver, hvordan"
	" du har haft det i de sidste 2 uger. I de sidste 2 uger ...', 4, 0, 100, 'WHO-5 Trivselsindeks. WHO"
	" Collaborating Centre in Mental Health, Psykiatrisk Forskningsenhed, Psykiatrisk Center Nordsjælland"
	" (Region Hovedstadens Psykiatri).', 1, 1, 1),"
	"  (2, 'ucla3', 'Ensomhed (3 spørgsmål)', 'De næste spørgsmål handler om, hvordan du har det med andre"
	" mennesker.', 1, 3, 9, 'Three-Item Loneliness Scale (Hughes m.fl. 2004), en kort udgave af UCLA Loneliness"
	" Scale (Russell).', 0, 2, 1);"
	"INSERT INTO measure_items(measure_id, position, text, min_value, max_value, reverse) VALUES"
	"  (1, 1, '... har jeg været glad og i godt humør', 0, 5, 0),"
	"  (1, 2, '... har jeg følt mig rolig og afslappet', 0, 5, 0),"
	"  (1, 3, '... har jeg følt mig aktiv og energisk', 0, 5, 0),"
	"  (1, 4, '... er jeg vågnet frisk og udhvilet', 0, 5, 0),"
	"  (1, 5, '... har min dagligdag været fyldt med ting, der interesserer mig', 0, 5, 0),"
	"  (2, 1, 'Hvor ofte føler du, at du savner nogen at være sammen med?', 1, 3, 0),"
	"  (2, 2, 'Hvor ofte føler du dig holdt udenfor?', 1, 3, 0),"
	"  (2, 3, 'Hvor ofte føler du dig isoleret fra andre?', 1, 3, 0);"
	"INSERT INTO measure_scale(measure_id, value, label) VALUES"
	"  (1, 0, 'På intet tidspunkt'), (1, 1, 'Lidt af tiden'), (1, 2, 'Lidt mindre end halvdelen af tiden'),"
	"  (1, 3, 'Lidt mere end halvdelen af tiden'), (1, 4, 'Det meste af tiden'), (1, 5, 'Hele tiden'),"
	"  (2, 1, 'Næsten aldrig eller aldrig'), (2, 2, 'En gang imellem'), (2, 3, 'Ofte');"
	"INSERT INTO measure_bands(measure_id, max_total, label) VALUES"
	"  (1, 28, 'Meget lav trivsel – tegn på mulig depression'), (1, 50, 'Nedsat trivsel'),"
	"  (1, 100, 'Ikke tegn på nedsat trivsel');"
	"INSERT INTO settings(key, value) VALUES ('idle_lock_minutes', '5'), ('no_contact_per_day', '10'),"
	"  ('no_contact_weeks', '6'), ('retention_audit_months', '24'), ('retention_course_months', '12'),"
	"  ('retention_referral_months', '6');";

/* Migration 15 (SQLite: schema_v15.c): who waits for a match, kept on
 * the citizen's row by triggers on every fact it derives from. */
static const char pg_v15[] =
	"ALTER TABLE citizens ADD COLUMN waiting_since " T ";"
	"CREATE FUNCTION bb_waiting_refresh(cid bigint) RETURNS void LANGUAGE sql AS $$"
	WAITING_REFRESH
	"$$;"
	"CREATE FUNCTION bb_waiting_citizen() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN PERFORM bb_waiting_refresh(NEW.id); RETURN NULL; END $$;"
	"CREATE FUNCTION bb_waiting_new() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN PERFORM bb_waiting_refresh(NEW.citizen_id); RETURN NULL; END $$;"
	"CREATE FUNCTION bb_waiting_old() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN PERFORM bb_waiting_refresh(OLD.citizen_id); RETURN NULL; END $$;"
	ROW_TRIGGER("waiting_citizen_insert", "INSERT", "citizens", "bb_waiting_citizen")
	ROW_TRIGGER("waiting_citizen_update", "UPDATE OF status, created_at", "citizens", "bb_waiting_citizen")
	ROW_TRIGGER("waiting_assessment_insert", "INSERT", "assessments", "bb_waiting_new")
	ROW_TRIGGER("waiting_assessment_update", "UPDATE OF outcome, assessed_on", "assessments", "bb_waiting_new")
	ROW_TRIGGER("waiting_assessment_delete", "DELETE", "assessments", "bb_waiting_old")
	ROW_TRIGGER("waiting_match_insert", "INSERT", "matches", "bb_waiting_new")
	ROW_TRIGGER("waiting_match_update", "UPDATE OF ended_on", "matches", "bb_waiting_new")
	ROW_TRIGGER("waiting_match_delete", "DELETE", "matches", "bb_waiting_old")
	ROW_TRIGGER("waiting_referral_insert", "INSERT", "referrals", "bb_waiting_new")
	ROW_TRIGGER("waiting_referral_update", "UPDATE OF referred_on, citizen_id", "referrals", "bb_waiting_new")
	ROW_TRIGGER("waiting_referral_delete", "DELETE", "referrals", "bb_waiting_old")
	ROW_TRIGGER("waiting_referral_moved", "UPDATE OF citizen_id", "referrals", "bb_waiting_old")
	"SELECT bb_waiting_refresh(id) FROM citizens;"
	"CREATE INDEX citizens_waiting ON citizens(waiting_since NULLS FIRST, sort_key NULLS FIRST, id)"
	" WHERE waiting_since IS NOT NULL;";

/* Migration 18 (SQLite: schema_v18.c, empty): the search's words through
 * trigram indexes. store_citizens_search.c tests on PostgreSQL whether a
 * word of a text starts with what was typed as `(text) LIKE '% w%'`, and
 * a run of a phone's digits as `phone_digits LIKE '%123%'`; a GIN index
 * of pg_trgm on exactly that text serves each. A range of a key or of the
 * folded name is read from the plain btree indexes (the columns sort by
 * bytes, COLLATE "C"), so the text_pattern_ops indexes of migration 14
 * were never read, nor were its two trigram indexes on other texts than
 * the tests: all five are dropped.
 *
 * pg_trgm is an extension: a role that owns its database may create it
 * (it is trusted), another needs the administrator to. Where it cannot
 * be had, the search's tests stay the same and read the table, right but
 * slower, and the migration goes on: bb_search_indexes() tries, says with
 * true or false whether the indexes are there, and can be called again
 * (SELECT bb_search_indexes();) once the administrator has created the
 * extension. Migration 14 once created pg_trgm and its indexes itself and
 * failed without it: that is left to this one now, and a database made by
 * the old 14 ends with the same indexes as a new one. */
static const char pg_v18[] =
	"DROP INDEX IF EXISTS citizens_sort_prefix;"
	"DROP INDEX IF EXISTS citizens_family_prefix;"
	"DROP INDEX IF EXISTS citizens_fold_prefix;"
	"DROP INDEX IF EXISTS citizens_words_trgm;"
	"DROP INDEX IF EXISTS citizens_other_trgm;"
	"CREATE FUNCTION bb_search_indexes() RETURNS boolean LANGUAGE plpgsql AS $$"
	"BEGIN"
	"  BEGIN"
	"    CREATE EXTENSION IF NOT EXISTS pg_trgm;"
	"  EXCEPTION WHEN others THEN"
	"    NULL;"
	"  END;"
	"  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN"
	"    RETURN false;"
	"  END IF;"
	"  CREATE INDEX IF NOT EXISTS citizens_phone_trgm ON citizens USING gin (phone_digits gin_trgm_ops);"
	"  CREATE INDEX IF NOT EXISTS citizens_keys_trgm ON citizens USING gin ((' ' || name_keys) gin_trgm_ops);"
	"  CREATE INDEX IF NOT EXISTS citizens_fold_trgm ON citizens USING gin ((' ' || name_fold) gin_trgm_ops);"
	"  CREATE INDEX IF NOT EXISTS citizens_all_trgm ON citizens"
	"   USING gin ((' ' || name_fold || ' ' || COALESCE(search_other, '')) gin_trgm_ops);"
	"  RETURN true;"
	"END $$;"
	"SELECT bb_search_indexes();";

/* Migration 19 (SQLite: schema_v19.c): today's sessions counted from the
 * index alone. */
static const char pg_v19[] =
	"DROP INDEX sessions_date;"
	"CREATE INDEX sessions_date ON sessions(date NULLS FIRST, status NULLS FIRST);";

/* Migration 22 (SQLite: schema_v22.c): the marks other than present read
 * from the attendance's primary key, not an index of their own; whether a
 * consent is in force answered by its index alone. */
static const char pg_v22[] =
	"DROP INDEX calls_attendance_missed;"
	"DROP INDEX consents_citizen;"
	"CREATE INDEX consents_citizen ON consents(citizen_id NULLS FIRST, purpose NULLS FIRST,"
	" withdrawn_on NULLS FIRST);";
/* Migration 23 (SQLite: schema_v23.c): the list-order indexes hold the
 * phone's digits too. The search on a server does not walk them for the
 * digits (it reads the table as before); they are widened so that both
 * engines keep one schema. */
static const char pg_v23[] =
	"DROP INDEX citizens_sort;"
	"DROP INDEX citizens_family;"
	"CREATE INDEX citizens_sort ON citizens(sort_key NULLS FIRST, name_fold NULLS FIRST, name_keys NULLS FIRST,"
	" phone_digits);"
	"CREATE INDEX citizens_family ON citizens(family_key NULLS FIRST, name_fold NULLS FIRST, name_keys NULLS FIRST,"
	" phone_digits);";
/* Migration 24 (SQLite: schema_v24.c): the settings remember that users
 * were made. Each centre sees only its own rows (migration 17), so this
 * marks the centre that migrates; another centre's is marked with the
 * next user it makes. */
static const char pg_v24[] =
	"INSERT INTO settings(key, value) SELECT 'users_made', '1' WHERE EXISTS (SELECT 1 FROM users)"
	" ON CONFLICT (centre, key) DO NOTHING;";

/* No PostgreSQL database is older than migration 14: its first migration
 * makes the schema SQLite has after 14; from then on each number is
 * written for both engines. */
const struct migration schema_pg_migrations[] = {
	{ .version = 14, .sql = pg_v14 },
	{ .version = 15, .sql = pg_v15 },
	{ .version = 16, .sql = schema_pg_v16 },
	{ .version = 17, .sql = schema_pg_v17 },
	{ .version = 18, .sql = pg_v18 },
	{ .version = 19, .sql = pg_v19 },
	{ .version = 20, .sql = schema_pg_v20 },
	{ .version = 21, .sql = schema_pg_v21 },
	{ .version = 22, .sql = pg_v22 },
	{ .version = 23, .sql = pg_v23 },
	{ .version = 24, .sql = pg_v24 },
	/* Migration 25 (SQLite: schema_v25.c) rewrites CHECK lists that
	 * SQLite builds a temporary b-tree for; PostgreSQL builds none. */
	{ .version = 25, .sql = "" },
	/* Migration 26 (SQLite: schema_v26.c): the end reason 'forgotten'.
	 * Each centre sees only its own rows (migration 17): the courses put
	 * right are the migrating centre's; another centre's anonymised
	 * before it stay 'declined' (its new ones end as 'forgotten'). */
	{ .version = 26, .sql = schema_v26 },
	{ .version = 27, .sql = schema_pg_v27 },
	{ .version = 28, .sql = schema_v28 },
	{ .version = 29, .sql = schema_pg_v29 },
	{ .version = 30, .sql = schema_pg_v30 },
	{ .version = 31, .sql = schema_pg_v31 },
	{ .version = 32, .sql = schema_pg_v32 },
	{ .version = 33, .sql = schema_pg_v33 },
	{ .version = 34, .sql = schema_pg_v34 },
	{ .version = 35, .sql = schema_pg_v35 },
	{ .version = 36, .sql = schema_pg_v36 },
};
const int schema_pg_migration_count = sizeof schema_pg_migrations / sizeof schema_pg_migrations[0];
