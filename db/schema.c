/* schema.c — the schema, as migrations. Never edit a released migration:
 * add the next one. Dates are ISO text (YYYY-MM-DD), checked with date();
 * times of day are HH:MM; timestamps are UTC 'YYYY-MM-DD HH:MM:SS'.
 * Codes (source, status, ...) are English identifiers; src/ translates.
 */
#include "migrate.h"

/* date() alone lets 2026-02-30 through; going via julianday() normalises
 * it to March, so only real calendar dates compare equal. */
#define ISO_DATE(col) "(" #col " IS NULL OR " #col " IS date(julianday(" #col ")))"
#define HHMM(col) "(" #col " IS NULL OR " #col " GLOB '[0-2][0-9]:[0-5][0-9]')"
#define NOW "(strftime('%Y-%m-%d %H:%M:%S','now'))"

static const char v1[] =
	/* Key/value settings of the centre: its name, idle-lock minutes. */
	"CREATE TABLE settings ("
	"  key   TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;"

	/* People who sign in at the desk. PINs are stored salted and hashed. */
	"CREATE TABLE users ("
	"  id           INTEGER PRIMARY KEY,"
	"  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  role         TEXT NOT NULL CHECK (role IN ('desk','coordinator')),"
	"  pin_salt     TEXT,"
	"  pin_hash     TEXT,"
	"  volunteer_id INTEGER REFERENCES volunteers(id),"
	"  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),"
	"  created_at   TEXT NOT NULL DEFAULT " NOW
	");"

	/* Who looked at or changed which record, for GDPR art. 9 data. */
	"CREATE TABLE audit_log ("
	"  id        INTEGER PRIMARY KEY,"
	"  at        TEXT NOT NULL DEFAULT " NOW ","
	"  user_id   INTEGER REFERENCES users(id),"
	"  action    TEXT NOT NULL CHECK (action IN ('view','create','update','delete','export','import','login','logout')),"
	"  entity    TEXT NOT NULL,"
	"  entity_id INTEGER,"
	"  detail    TEXT"
	");"
	"CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);"

	/* Pick-lists the centre can extend. */
	"CREATE TABLE interests ("
	"  id     INTEGER PRIMARY KEY,"
	"  name   TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))"
	");"
	"CREATE TABLE barriers ("
	"  id     INTEGER PRIMARY KEY,"
	"  name   TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))"
	");"

	"CREATE TABLE citizens ("
	"  id             INTEGER PRIMARY KEY,"
	"  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  birth_year     INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),"
	"  phone          TEXT CHECK (phone IS NULL OR length(phone) <= 30),"
	"  email          TEXT CHECK (email IS NULL OR length(email) <= 120),"
	"  address        TEXT CHECK (address IS NULL OR length(address) <= 120),"
	"  postcode       TEXT CHECK (postcode IS NULL OR postcode GLOB '[0-9][0-9][0-9][0-9]'),"
	"  town           TEXT CHECK (town IS NULL OR length(town) <= 60),"
	"  contact_pref   TEXT CHECK (contact_pref IS NULL OR contact_pref IN ('phone','sms','email','letter','visit')),"
	"  gender         TEXT CHECK (gender IS NULL OR gender IN ('woman','man','other')),"
	"  wishes         TEXT CHECK (wishes IS NULL OR length(wishes) <= 4000),"
	"  pref_volunteer_gender TEXT CHECK (pref_volunteer_gender IS NULL OR pref_volunteer_gender IN ('woman','man')),"
	"  pref_lived_experience INTEGER NOT NULL DEFAULT 0 CHECK (pref_lived_experience IN (0,1)),"
	"  language       TEXT,"
	"  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),"
	"  ended_on       TEXT CHECK " ISO_DATE(ended_on) ","
	"  end_reason     TEXT CHECK (end_reason IS NULL OR end_reason IN ('lasting_community','moved','declined','handed_over','deceased')),"
	"  created_at     TEXT NOT NULL DEFAULT " NOW ","
	"  updated_at     TEXT NOT NULL DEFAULT " NOW ","
	"  version        INTEGER NOT NULL DEFAULT 1,"
	"  CHECK ((status = 'ended') = (ended_on IS NOT NULL AND end_reason IS NOT NULL))"
	");"
	"CREATE INDEX citizens_status ON citizens(status);"
	"CREATE TABLE citizen_interests ("
	"  citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  interest_id INTEGER NOT NULL REFERENCES interests(id),"
	"  PRIMARY KEY (citizen_id, interest_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE citizen_barriers ("
	"  citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  barrier_id INTEGER NOT NULL REFERENCES barriers(id),"
	"  PRIMARY KEY (citizen_id, barrier_id)"
	") WITHOUT ROWID;"
	/* weekday 1 = Monday; part of day. */
	"CREATE TABLE citizen_availability ("
	"  citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
	"  part       TEXT NOT NULL CHECK (part IN ('morning','afternoon','evening')),"
	"  PRIMARY KEY (citizen_id, weekday, part)"
	") WITHOUT ROWID;"

	/* A referral can exist without a citizen: without consent to
	 * registration only the referral itself is kept, for the counts. */
	"CREATE TABLE referrals ("
	"  id               INTEGER PRIMARY KEY,"
	"  citizen_id       INTEGER REFERENCES citizens(id) ON DELETE SET NULL,"
	"  referred_on      TEXT NOT NULL CHECK " ISO_DATE(referred_on) ","
	"  source           TEXT NOT NULL CHECK (source IN ('self','relative','health_staff','gp','municipal','job_centre','other')),"
	"  referrer_name    TEXT CHECK (referrer_name IS NULL OR length(referrer_name) <= 120),"
	"  referrer_org     TEXT CHECK (referrer_org IS NULL OR length(referrer_org) <= 120),"
	"  referrer_phone   TEXT CHECK (referrer_phone IS NULL OR length(referrer_phone) <= 30),"
	"  feedback_consent INTEGER NOT NULL DEFAULT 0 CHECK (feedback_consent IN (0,1)),"
	"  created_at       TEXT NOT NULL DEFAULT " NOW ","
	"  created_by       INTEGER REFERENCES users(id)"
	");"
	"CREATE INDEX referrals_citizen ON referrals(citizen_id);"
	"CREATE INDEX referrals_date ON referrals(referred_on);"

	"CREATE TABLE relatives ("
	"  id            INTEGER PRIMARY KEY,"
	"  citizen_id    INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  relation      TEXT CHECK (relation IS NULL OR length(relation) <= 60),"
	"  phone         TEXT CHECK (phone IS NULL OR length(phone) <= 30),"
	"  takes_part    INTEGER NOT NULL DEFAULT 1 CHECK (takes_part IN (0,1)),"
	"  wants_support INTEGER NOT NULL DEFAULT 0 CHECK (wants_support IN (0,1))"
	");"
	"CREATE INDEX relatives_citizen ON relatives(citizen_id);"

	/* Consent per purpose; withdrawing keeps the row for the record. */
	"CREATE TABLE consents ("
	"  id           INTEGER PRIMARY KEY,"
	"  citizen_id   INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  purpose      TEXT NOT NULL CHECK (purpose IN ('registration','volunteer_contact','referrer_feedback','measures')),"
	"  given_on     TEXT NOT NULL CHECK " ISO_DATE(given_on) ","
	"  recorded_by  INTEGER REFERENCES users(id),"
	"  withdrawn_on TEXT CHECK " ISO_DATE(withdrawn_on)
	");"
	"CREATE INDEX consents_citizen ON consents(citizen_id, purpose);"

	/* The guide's assessment after the first conversation. */
	"CREATE TABLE assessments ("
	"  id          INTEGER PRIMARY KEY,"
	"  citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  assessed_on TEXT NOT NULL CHECK " ISO_DATE(assessed_on) ","
	"  outcome     TEXT NOT NULL CHECK (outcome IN ('volunteer_help','professional_help')),"
	"  handover_to TEXT CHECK (handover_to IS NULL OR length(handover_to) <= 120),"
	"  handover_on TEXT CHECK " ISO_DATE(handover_on) ","
	"  note        TEXT,"
	"  assessed_by INTEGER REFERENCES users(id),"
	"  CHECK (outcome = 'professional_help' OR handover_to IS NULL)"
	");"
	"CREATE INDEX assessments_citizen ON assessments(citizen_id);"

	"CREATE TABLE volunteers ("
	"  id               INTEGER PRIMARY KEY,"
	"  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  phone            TEXT CHECK (phone IS NULL OR length(phone) <= 30),"
	"  email            TEXT CHECK (email IS NULL OR length(email) <= 120),"
	"  postcode         TEXT CHECK (postcode IS NULL OR postcode GLOB '[0-9][0-9][0-9][0-9]'),"
	"  town             TEXT,"
	"  gender           TEXT CHECK (gender IS NULL OR gender IN ('woman','man','other')),"
	"  birth_year       INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),"
	"  lived_experience TEXT,"
	"  capacity         INTEGER NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 0 AND 50),"
	"  status           TEXT NOT NULL DEFAULT 'training' CHECK (status IN ('training','active','paused','stopped')),"
	"  created_at       TEXT NOT NULL DEFAULT " NOW ","
	"  updated_at       TEXT NOT NULL DEFAULT " NOW ","
	"  version          INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE INDEX volunteers_status ON volunteers(status);"
	"CREATE TABLE volunteer_roles ("
	"  volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  role         TEXT NOT NULL CHECK (role IN ('peer_supporter','mentor','visiting_friend','community_guide','front_desk')),"
	"  PRIMARY KEY (volunteer_id, role)"
	") WITHOUT ROWID;"
	"CREATE TABLE volunteer_interests ("
	"  volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  interest_id  INTEGER NOT NULL REFERENCES interests(id),"
	"  PRIMARY KEY (volunteer_id, interest_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE volunteer_languages ("
	"  volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  language     TEXT NOT NULL CHECK (length(language) BETWEEN 1 AND 40),"
	"  PRIMARY KEY (volunteer_id, language)"
	") WITHOUT ROWID;"
	"CREATE TABLE volunteer_areas ("
	"  volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  postcode     TEXT NOT NULL CHECK (postcode GLOB '[0-9][0-9][0-9][0-9]'),"
	"  PRIMARY KEY (volunteer_id, postcode)"
	") WITHOUT ROWID;"
	"CREATE TABLE volunteer_availability ("
	"  volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
	"  part         TEXT NOT NULL CHECK (part IN ('morning','afternoon','evening')),"
	"  PRIMARY KEY (volunteer_id, weekday, part)"
	") WITHOUT ROWID;"
	"CREATE TABLE volunteer_courses ("
	"  id           INTEGER PRIMARY KEY,"
	"  volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
	"  course       TEXT NOT NULL CHECK (length(course) BETWEEN 1 AND 120),"
	"  completed_on TEXT NOT NULL CHECK " ISO_DATE(completed_on)
	");"
	"CREATE INDEX volunteer_courses_volunteer ON volunteer_courses(volunteer_id);"

	"CREATE TABLE activities ("
	"  id            INTEGER PRIMARY KEY,"
	"  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
	"  kind          TEXT NOT NULL CHECK (kind IN ('motion_group','social_cafe','self_help_group','course','association')),"
	"  organiser     TEXT,"
	"  place         TEXT,"
	"  postcode      TEXT CHECK (postcode IS NULL OR postcode GLOB '[0-9][0-9][0-9][0-9]'),"
	"  weekday       INTEGER CHECK (weekday IS NULL OR weekday BETWEEN 1 AND 7),"
	"  start_time    TEXT CHECK " HHMM(start_time) ","
	"  end_time      TEXT CHECK " HHMM(end_time) ","
	"  capacity      INTEGER NOT NULL DEFAULT 20 CHECK (capacity BETWEEN 0 AND 500),"
	"  contact_name  TEXT,"
	"  contact_phone TEXT,"
	"  community     TEXT NOT NULL DEFAULT 'lasting' CHECK (community IN ('practice','lasting')),"
	"  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),"
	"  created_at    TEXT NOT NULL DEFAULT " NOW ","
	"  updated_at    TEXT NOT NULL DEFAULT " NOW ","
	"  version       INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE TABLE activity_interests ("
	"  activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,"
	"  interest_id INTEGER NOT NULL REFERENCES interests(id),"
	"  PRIMARY KEY (activity_id, interest_id)"
	") WITHOUT ROWID;"

	"CREATE TABLE sessions ("
	"  id            INTEGER PRIMARY KEY,"
	"  activity_id   INTEGER NOT NULL REFERENCES activities(id),"
	"  date          TEXT NOT NULL CHECK " ISO_DATE(date) ","
	"  start_time    TEXT CHECK " HHMM(start_time) ","
	"  end_time      TEXT CHECK " HHMM(end_time) ","
	"  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),"
	"  cancel_reason TEXT,"
	"  note          TEXT,"
	"  led_by        INTEGER REFERENCES volunteers(id),"
	"  UNIQUE (activity_id, date)"
	");"
	"CREATE INDEX sessions_date ON sessions(date);"
	"CREATE TABLE session_helpers ("
	"  session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),"
	"  PRIMARY KEY (session_id, volunteer_id)"
	") WITHOUT ROWID;"

	"CREATE TABLE enrolments ("
	"  id          INTEGER PRIMARY KEY,"
	"  citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  activity_id INTEGER NOT NULL REFERENCES activities(id),"
	"  enrolled_on TEXT NOT NULL CHECK " ISO_DATE(enrolled_on) ","
	"  ended_on    TEXT CHECK " ISO_DATE(ended_on)
	");"
	"CREATE UNIQUE INDEX enrolments_current ON enrolments(citizen_id, activity_id) WHERE ended_on IS NULL;"
	"CREATE INDEX enrolments_activity ON enrolments(activity_id) WHERE ended_on IS NULL;"

	"CREATE TABLE attendance ("
	"  session_id     INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  citizen_id     INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  mark           TEXT NOT NULL CHECK (mark IN ('present','excused','absent')),"
	"  accompanied_by INTEGER REFERENCES volunteers(id),"
	"  walk_in        INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0,1)),"
	"  marked_at      TEXT NOT NULL DEFAULT " NOW ","
	"  marked_by      INTEGER REFERENCES users(id),"
	"  PRIMARY KEY (session_id, citizen_id),"
	"  CHECK (accompanied_by IS NULL OR mark = 'present')"
	") WITHOUT ROWID;"
	"CREATE INDEX attendance_citizen ON attendance(citizen_id, session_id);"

	"CREATE TABLE matches ("
	"  id                    INTEGER PRIMARY KEY,"
	"  citizen_id            INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  volunteer_id          INTEGER REFERENCES volunteers(id),"
	"  activity_id           INTEGER REFERENCES activities(id),"
	"  matched_on            TEXT NOT NULL CHECK " ISO_DATE(matched_on) ","
	"  matched_by            INTEGER REFERENCES users(id),"
	"  first_session_id      INTEGER REFERENCES sessions(id),"
	"  accompaniment_done_on TEXT CHECK " ISO_DATE(accompaniment_done_on) ","
	"  ended_on              TEXT CHECK " ISO_DATE(ended_on) ","
	"  outcome               TEXT CHECK (outcome IS NULL OR outcome IN ('on_own','moved_activity','did_not_work','declined')),"
	"  end_reason            TEXT,"
	"  CHECK (volunteer_id IS NOT NULL OR activity_id IS NOT NULL),"
	"  CHECK ((ended_on IS NULL) = (outcome IS NULL))"
	");"
	"CREATE INDEX matches_citizen ON matches(citizen_id);"
	"CREATE INDEX matches_volunteer_open ON matches(volunteer_id) WHERE ended_on IS NULL;"

	/* Follow-up calls. source_key names the situation that created a
	 * call, so the same situation never creates the same call twice. */
	"CREATE TABLE follow_ups ("
	"  id          INTEGER PRIMARY KEY,"
	"  citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  reason      TEXT NOT NULL CHECK (reason IN ('after_first_session','missed_sessions','agreed','after_match','referrer_feedback','no_contact','other')),"
	"  due_on      TEXT NOT NULL CHECK " ISO_DATE(due_on) ","
	"  due_time    TEXT CHECK " HHMM(due_time) ","
	"  responsible INTEGER REFERENCES volunteers(id),"
	"  source_key  TEXT UNIQUE,"
	"  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),"
	"  outcome     TEXT CHECK (outcome IS NULL OR outcome IN ('reached','not_reached','call_back','wrong_number')),"
	"  note        TEXT,"
	"  next_step   TEXT,"
	"  done_at     TEXT,"
	"  done_by     INTEGER REFERENCES users(id),"
	"  CHECK ((status = 'done') = (outcome IS NOT NULL))"
	");"
	"CREATE INDEX follow_ups_due ON follow_ups(status, due_on);"
	"CREATE INDEX follow_ups_citizen ON follow_ups(citizen_id);"

	/* Outcome measures as data, so a centre can add one without code. */
	"CREATE TABLE measure_defs ("
	"  id          INTEGER PRIMARY KEY,"
	"  code        TEXT NOT NULL UNIQUE,"
	"  name        TEXT NOT NULL,"
	"  intro       TEXT,"
	"  multiplier  INTEGER NOT NULL DEFAULT 1,"
	"  min_total   INTEGER NOT NULL,"
	"  max_total   INTEGER NOT NULL,"
	"  source      TEXT,"
	"  CHECK (min_total <= max_total)"
	");"
	"CREATE TABLE measure_items ("
	"  measure_id INTEGER NOT NULL REFERENCES measure_defs(id) ON DELETE CASCADE,"
	"  position   INTEGER NOT NULL,"
	"  text       TEXT NOT NULL,"
	"  min_value  INTEGER NOT NULL,"
	"  max_value  INTEGER NOT NULL,"
	"  PRIMARY KEY (measure_id, position),"
	"  CHECK (min_value <= max_value)"
	") WITHOUT ROWID;"
	"CREATE TABLE measures ("
	"  id           INTEGER PRIMARY KEY,"
	"  citizen_id   INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  measure_id   INTEGER NOT NULL REFERENCES measure_defs(id),"
	"  taken_on     TEXT NOT NULL CHECK " ISO_DATE(taken_on) ","
	"  occasion     TEXT NOT NULL CHECK (occasion IN ('intake','follow_up','end')),"
	"  total        INTEGER NOT NULL,"
	"  follow_up_id INTEGER REFERENCES follow_ups(id),"
	"  recorded_by  INTEGER REFERENCES users(id)"
	");"
	"CREATE INDEX measures_citizen ON measures(citizen_id, measure_id, taken_on);"
	"CREATE TABLE measure_answers ("
	"  measure_row INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,"
	"  position    INTEGER NOT NULL,"
	"  value       INTEGER NOT NULL,"
	"  PRIMARY KEY (measure_row, position)"
	") WITHOUT ROWID;"

	"CREATE TABLE notes ("
	"  id         INTEGER PRIMARY KEY,"
	"  citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  written_on TEXT NOT NULL CHECK " ISO_DATE(written_on) ","
	"  author     INTEGER REFERENCES users(id),"
	"  text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000)"
	");"
	"CREATE INDEX notes_citizen ON notes(citizen_id);"

	/* Half-filled forms kept after an accidental Esc. */
	"CREATE TABLE drafts ("
	"  id         INTEGER PRIMARY KEY,"
	"  kind       TEXT NOT NULL CHECK (kind IN ('intake')),"
	"  label      TEXT NOT NULL,"
	"  data       TEXT NOT NULL,"
	"  user_id    INTEGER REFERENCES users(id),"
	"  updated_at TEXT NOT NULL DEFAULT " NOW
	");"

	/* Pick-list values are the centre's own data, so they are seeded in
	 * Danish here and extended by the centre, not translated. */
	"INSERT INTO interests(name) VALUES"
	"  ('Gåture'),('Fodbold'),('Kreativt håndværk'),('Sang og musik'),"
	"  ('Madlavning'),('Brætspil'),('Natur og have'),('Motion'),('Læsning'),('Kaffe og snak');"
	"INSERT INTO barriers(name) VALUES"
	"  ('Angst'),('Gangbesvær'),('Transport'),('Økonomi'),('Sprog'),('Træthed');"
	"INSERT INTO settings(key, value) VALUES ('idle_lock_minutes', '5');";

/* The search text of a citizen, the same in the view the FTS index is
 * rebuilt from and in the triggers that keep it in step (FTS5 can only
 * delete what it is given exactly as it was indexed). bb_fold, bb_digits
 * and bb_sortkey are src/'s rules, registered on every connection by db.c.
 * A phone written with +45 or 0045 is also indexed by its eight digits. */
#define FTS_PHONE_DIGITS(d) \
	"CASE WHEN length(" d ") = 10 AND " d " LIKE '45%' THEN " d " || ' ' || substr(" d ", 3)" \
	" WHEN length(" d ") = 12 AND " d " LIKE '0045%' THEN " d " || ' ' || substr(" d ", 5)" \
	" ELSE " d " END"
#define FTS_VALUES(row) \
	"bb_fold(" row ".name), bb_fold(" row ".email), bb_fold(" row ".town), " \
	FTS_PHONE_DIGITS("bb_digits(" row ".phone)") ", " row ".postcode"

static const char v2[] =
	/* Danish name order and the folded name, kept by the database itself:
	 * sort_key orders every list, name_fold ranks search hits. */
	"ALTER TABLE citizens ADD COLUMN sort_key TEXT;"
	"ALTER TABLE citizens ADD COLUMN name_fold TEXT;"
	"UPDATE citizens SET sort_key = bb_sortkey(name), name_fold = bb_fold(name);"
	"CREATE INDEX citizens_sort ON citizens(sort_key, name_fold);"
	"CREATE INDEX citizens_name_fold ON citizens(name_fold, sort_key);"
	"CREATE TRIGGER citizens_keys_insert AFTER INSERT ON citizens BEGIN"
	"  UPDATE citizens SET sort_key = bb_sortkey(NEW.name), name_fold = bb_fold(NEW.name)"
	"   WHERE id = NEW.id;"
	"END;"
	"CREATE TRIGGER citizens_keys_update AFTER UPDATE OF name ON citizens BEGIN"
	"  UPDATE citizens SET sort_key = bb_sortkey(NEW.name), name_fold = bb_fold(NEW.name)"
	"   WHERE id = NEW.id;"
	"END;"

	/* Search as you type: folded name, e-mail and town, phone digits and
	 * postcode. Our fold already did the Danish work (ø→o, å→aa), so the
	 * tokenizer must not strip more; the prefix indexes make the first
	 * keystrokes cheap. The content is a view, so 'rebuild' works. */
	"CREATE VIEW citizens_search_text(id, name, email, town, phone, postcode) AS"
	"  SELECT c.id, " FTS_VALUES("c") " FROM citizens AS c;"
	"CREATE VIRTUAL TABLE citizens_fts USING fts5("
	"  name, email, town, phone, postcode,"
	"  content = 'citizens_search_text', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3', detail = column"
	");"
	"CREATE TRIGGER citizens_fts_insert AFTER INSERT ON citizens BEGIN"
	"  INSERT INTO citizens_fts(rowid, name, email, town, phone, postcode)"
	"   VALUES (NEW.id, " FTS_VALUES("NEW") ");"
	"END;"
	"CREATE TRIGGER citizens_fts_delete AFTER DELETE ON citizens BEGIN"
	"  INSERT INTO citizens_fts(citizens_fts, rowid, name, email, town, phone, postcode)"
	"   VALUES ('delete', OLD.id, " FTS_VALUES("OLD") ");"
	"END;"
	"CREATE TRIGGER citizens_fts_update AFTER UPDATE OF name, email, town, phone, postcode"
	" ON citizens BEGIN"
	"  INSERT INTO citizens_fts(citizens_fts, rowid, name, email, town, phone, postcode)"
	"   VALUES ('delete', OLD.id, " FTS_VALUES("OLD") ");"
	"  INSERT INTO citizens_fts(rowid, name, email, town, phone, postcode)"
	"   VALUES (NEW.id, " FTS_VALUES("NEW") ");"
	"END;"
	"INSERT INTO citizens_fts(citizens_fts) VALUES ('rebuild');";

const struct migration schema_migrations[] = {
	{ .version = 1, .sql = v1 },
	{ .version = 2, .sql = v2 },
	{ .version = 3, .sql = schema_v3 },
	{ .version = 4, .sql = schema_v4 },
	{ .version = 5, .sql = schema_v5 },
	{ .version = 6, .sql = schema_v6 },
	{ .version = 7, .sql = schema_v7 },
	{ .version = 8, .sql = schema_v8 },
	{ .version = 9, .sql = schema_v9 },
	{ .version = 10, .sql = schema_v10, .then = schema_v10_drop_code_checks },
	{ .version = 11, .sql = schema_v11 },
	{ .version = 14, .sql = schema_v14 },
	{ .version = 15, .sql = schema_v15 },
	{ .version = 16, .sql = schema_v16 },
	{ .version = 17, .sql = schema_v17 },
	{ .version = 18, .sql = schema_v18 },
	{ .version = 19, .sql = schema_v19 },
	{ .version = 20, .sql = schema_v20 },
	{ .version = 21, .sql = schema_v21 },
	{ .version = 22, .sql = schema_v22 },
	{ .version = 23, .sql = schema_v23 },
	{ .version = 24, .sql = schema_v24 },
	{ .version = 25, .sql = "", .then = schema_v25_checks_as_comparisons },
	{ .version = 26, .sql = schema_v26 },
	{ .version = 27, .sql = schema_v27 },
	{ .version = 28, .sql = schema_v28 },
	{ .version = 29, .sql = schema_v29 },
	{ .version = 30, .sql = schema_v30 },
	{ .version = 31, .sql = schema_v31 },
	{ .version = 32, .sql = schema_v32 },
	{ .version = 33, .sql = schema_v33 },
	{ .version = 34, .sql = "", .then = schema_v34_course_ended },
	{ .version = 35, .sql = schema_v35 },
	/* Migration 36 (PostgreSQL: schema_pg_v35.c) counts what 21 and 32
	 * counted for the migrating centre alone for the other centres of a
	 * server; a file is one centre's, counted already. */
	{ .version = 36, .sql = "" },
};
const int schema_migration_count = sizeof schema_migrations / sizeof schema_migrations[0];
