/* schema_v5.c — migration 5, for follow-up calls and outcome measures
 * (issue 6).
 *
 * Measures are data. v1 made measure_defs and measure_items; here they
 * get what scoring and the form need besides (whether a higher total is
 * better, reverse-scored items, the answer scale's words, score bands)
 * and the two measures the desk uses are seeded in Danish, as the centre's
 * own data: the WHO-5 Well-Being Index in the Danish wording of its
 * source, Psykiatrisk Center Nordsjælland, and the three-item loneliness
 * scale (Hughes et al. 2004, from the UCLA Loneliness Scale) in the
 * wording Danish health surveys use. A centre adds a measure with rows in
 * the same tables.
 *
 * Calls: a citizen not reached three times in a row is raised to the
 * coordinator (call_escalations; one open per citizen); feedback to the
 * referrer keeps what was told (referrer_feedback). The indexes serve the
 * call rules, which look for what happened since a date.
 */
#include "migrate.h"

#define V5_DATE(col) "(" #col " IS NULL OR " #col " IS date(julianday(" #col ")))"
#define WHO5 "(SELECT id FROM measure_defs WHERE code = 'who5')"
#define UCLA3 "(SELECT id FROM measure_defs WHERE code = 'ucla3')"

const char schema_v5[] =
	/* ---------- measures ---------- */
	"ALTER TABLE measure_defs ADD COLUMN higher_is_better INTEGER NOT NULL DEFAULT 1"
	"  CHECK (higher_is_better IN (0,1));"
	"ALTER TABLE measure_defs ADD COLUMN position INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE measure_defs ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1));"
	"ALTER TABLE measure_items ADD COLUMN reverse INTEGER NOT NULL DEFAULT 0 CHECK (reverse IN (0,1));"
	"CREATE TABLE measure_scale ("
	"  measure_id INTEGER NOT NULL REFERENCES measure_defs(id) ON DELETE CASCADE,"
	"  value      INTEGER NOT NULL,"
	"  label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 60),"
	"  PRIMARY KEY (measure_id, value)"
	") WITHOUT ROWID;"
	"CREATE TABLE measure_bands ("
	"  measure_id INTEGER NOT NULL REFERENCES measure_defs(id) ON DELETE CASCADE,"
	"  max_total  INTEGER NOT NULL,"
	"  label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 60),"
	"  PRIMARY KEY (measure_id, max_total)"
	") WITHOUT ROWID;"
	"CREATE INDEX measures_date ON measures(taken_on);"

	"INSERT INTO measure_defs(code, name, intro, multiplier, min_total, max_total, source,"
	"  higher_is_better, position) VALUES"
	" ('who5', 'WHO-5 Trivselsindeks',"
	"  'Angiv for hvert af de fem udsagn, hvad der bedst beskriver, hvordan du har haft det"
	" i de sidste 2 uger. I de sidste 2 uger ...', 4, 0, 100,"
	"  'WHO-5 Trivselsindeks. WHO Collaborating Centre in Mental Health, Psykiatrisk"
	" Forskningsenhed, Psykiatrisk Center Nordsjælland (Region Hovedstadens Psykiatri).', 1, 1),"
	" ('ucla3', 'Ensomhed (3 spørgsmål)',"
	"  'De næste spørgsmål handler om, hvordan du har det med andre mennesker.', 1, 3, 9,"
	"  'Three-Item Loneliness Scale (Hughes m.fl. 2004), en kort udgave af UCLA Loneliness"
	" Scale (Russell).', 0, 2);"

	"INSERT INTO measure_items(measure_id, position, text, min_value, max_value) VALUES"
	" (" WHO5 ", 1, '... har jeg været glad og i godt humør', 0, 5),"
	" (" WHO5 ", 2, '... har jeg følt mig rolig og afslappet', 0, 5),"
	" (" WHO5 ", 3, '... har jeg følt mig aktiv og energisk', 0, 5),"
	" (" WHO5 ", 4, '... er jeg vågnet frisk og udhvilet', 0, 5),"
	" (" WHO5 ", 5, '... har min dagligdag været fyldt med ting, der interesserer mig', 0, 5),"
	" (" UCLA3 ", 1, 'Hvor ofte føler du, at du savner nogen at være sammen med?', 1, 3),"
	" (" UCLA3 ", 2, 'Hvor ofte føler du dig holdt udenfor?', 1, 3),"
	" (" UCLA3 ", 3, 'Hvor ofte føler du dig isoleret fra andre?', 1, 3);"

	"INSERT INTO measure_scale(measure_id, value, label) VALUES"
	" (" WHO5 ", 5, 'Hele tiden'),"
	" (" WHO5 ", 4, 'Det meste af tiden'),"
	" (" WHO5 ", 3, 'Lidt mere end halvdelen af tiden'),"
	" (" WHO5 ", 2, 'Lidt mindre end halvdelen af tiden'),"
	" (" WHO5 ", 1, 'Lidt af tiden'),"
	" (" WHO5 ", 0, 'På intet tidspunkt'),"
	" (" UCLA3 ", 3, 'Ofte'),"
	" (" UCLA3 ", 2, 'En gang imellem'),"
	" (" UCLA3 ", 1, 'Næsten aldrig eller aldrig');"

	/* The WHO-5's published cut-offs (Topp et al. 2015): 50 or less
	 * suggests reduced wellbeing, 28 or less likely depression. Screening
	 * words, not a diagnosis. */
	"INSERT INTO measure_bands(measure_id, max_total, label) VALUES"
	" (" WHO5 ", 28, 'Meget lav trivsel – tegn på mulig depression'),"
	" (" WHO5 ", 50, 'Nedsat trivsel'),"
	" (" WHO5 ", 100, 'Ikke tegn på nedsat trivsel');"

	/* ---------- calls ---------- */
	"CREATE TABLE call_escalations ("
	"  id           INTEGER PRIMARY KEY,"
	"  citizen_id   INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  follow_up_id INTEGER REFERENCES follow_ups(id) ON DELETE SET NULL,"
	"  raised_on    TEXT NOT NULL CHECK " V5_DATE(raised_on) ","
	"  attempts     INTEGER NOT NULL CHECK (attempts >= 1),"
	"  raised_by    INTEGER REFERENCES users(id),"
	"  resolved_on  TEXT CHECK " V5_DATE(resolved_on) ","
	"  resolved_by  INTEGER REFERENCES users(id),"
	"  resolution   TEXT CHECK (resolution IS NULL OR length(resolution) <= 400)"
	");"
	"CREATE UNIQUE INDEX call_escalations_open ON call_escalations(citizen_id) WHERE resolved_on IS NULL;"
	"CREATE TABLE referrer_feedback ("
	"  id           INTEGER PRIMARY KEY,"
	"  referral_id  INTEGER NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,"
	"  citizen_id   INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
	"  follow_up_id INTEGER REFERENCES follow_ups(id) ON DELETE SET NULL,"
	"  given_on     TEXT NOT NULL CHECK " V5_DATE(given_on) ","
	"  told         TEXT NOT NULL CHECK (length(told) BETWEEN 1 AND 400),"
	"  given_by     INTEGER REFERENCES users(id)"
	");"
	"CREATE INDEX referrer_feedback_referral ON referrer_feedback(referral_id);"

	"CREATE INDEX calls_matches_date ON matches(matched_on);"
	"CREATE INDEX calls_assessments_date ON assessments(assessed_on);"
	"CREATE INDEX calls_notes_date ON notes(written_on);"
	"CREATE INDEX calls_follow_ups_done ON follow_ups(done_at) WHERE done_at IS NOT NULL;"
	"CREATE INDEX calls_follow_ups_open ON follow_ups(citizen_id, due_on) WHERE status = 'open';"
	"CREATE INDEX calls_attendance_missed ON attendance(session_id, citizen_id) WHERE mark <> 'present';"
	/* A citizen's marks in one index, so a run of misses is read from a
	 * page or two, not a page per session. */
	"CREATE INDEX calls_attendance_marks ON attendance(citizen_id, session_id, mark, accompanied_by);"
	"CREATE INDEX calls_sessions_held ON sessions(activity_id, date) WHERE status = 'held';"
	"CREATE INDEX calls_sessions_held_date ON sessions(date, activity_id) WHERE status = 'held';"
	"CREATE INDEX calls_follow_ups_no_contact ON follow_ups(due_on) WHERE reason = 'no_contact';"

	"INSERT OR IGNORE INTO settings(key, value) VALUES ('no_contact_weeks', '6'),"
	" ('no_contact_per_day', '10');";
