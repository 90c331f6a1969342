/* schema_v9.c — migration 9, for data protection (issue 12).
 *
 * Consent history: a consent withdrawn also names who recorded the
 * withdrawal, as giving it names who recorded that.
 *
 * Anonymising a citizen keeps the row (attendance, measures, matches and
 * calls point at it, and the year's report counts them) but removes the
 * person: anonymised_on says when, and age_band keeps the age the
 * statistics need once the birth year is gone. An anonymised citizen is
 * no longer found by search: the full-text index leaves them out (its
 * view and triggers are made again here with that condition), and the
 * anonymising use case clears the row's sort keys, which the other ways
 * of searching read.
 *
 * The audit log is read newest first and by date (the viewer, and the
 * retention rule that removes old entries): an index on the time.
 *
 * The retention rule's settings get their defaults: anonymise citizens
 * whose course ended 12 months ago, and referrals never followed up after
 * 6 months; remove audit entries older than 24 months.
 */
#include "migrate.h"

#define FTS_PHONE_DIGITS(d) \
	"CASE WHEN length(" d ") = 10 AND " d " LIKE '45%' THEN " d " || ' ' || substr(" d ", 3)" \
	" WHEN length(" d ") = 12 AND " d " LIKE '0045%' THEN " d " || ' ' || substr(" d ", 5)" \
	" ELSE " d " END"
#define FTS_VALUES(row) \
	"bb_fold(" row ".name), bb_fold(" row ".email), bb_fold(" row ".town), " \
	FTS_PHONE_DIGITS("bb_digits(" row ".phone)") ", " row ".postcode"

const char schema_v9[] =
	"ALTER TABLE consents ADD COLUMN withdrawn_by INTEGER REFERENCES users(id);"

	"ALTER TABLE citizens ADD COLUMN anonymised_on TEXT"
	"  CHECK (anonymised_on IS NULL OR anonymised_on IS date(julianday(anonymised_on)));"
	"ALTER TABLE citizens ADD COLUMN age_band TEXT CHECK (age_band IS NULL OR length(age_band) <= 16);"

	/* The search index without anonymised citizens. */
	"DROP TRIGGER citizens_fts_insert;"
	"DROP TRIGGER citizens_fts_delete;"
	"DROP TRIGGER citizens_fts_update;"
	"DROP VIEW citizens_search_text;"
	"CREATE VIEW citizens_search_text(id, name, email, town, phone, postcode) AS"
	"  SELECT c.id, " FTS_VALUES("c") " FROM citizens AS c WHERE c.anonymised_on IS NULL;"
	"CREATE TRIGGER citizens_fts_insert AFTER INSERT ON citizens WHEN NEW.anonymised_on IS NULL BEGIN"
	"  INSERT INTO citizens_fts(rowid, name, email, town, phone, postcode)"
	"   VALUES (NEW.id, " FTS_VALUES("NEW") ");"
	"END;"
	"CREATE TRIGGER citizens_fts_delete AFTER DELETE ON citizens WHEN OLD.anonymised_on IS NULL BEGIN"
	"  INSERT INTO citizens_fts(citizens_fts, rowid, name, email, town, phone, postcode)"
	"   VALUES ('delete', OLD.id, " FTS_VALUES("OLD") ");"
	"END;"
	"CREATE TRIGGER citizens_fts_update AFTER UPDATE OF name, email, town, phone, postcode, anonymised_on"
	" ON citizens BEGIN"
	"  INSERT INTO citizens_fts(citizens_fts, rowid, name, email, town, phone, postcode)"
	"   SELECT 'delete', OLD.id, " FTS_VALUES("OLD") " WHERE OLD.anonymised_on IS NULL;"
	"  INSERT INTO citizens_fts(rowid, name, email, town, phone, postcode)"
	"   SELECT NEW.id, " FTS_VALUES("NEW") " WHERE NEW.anonymised_on IS NULL;"
	"END;"

	"CREATE INDEX audit_log_at ON audit_log(at);"

	"INSERT OR IGNORE INTO settings(key, value) VALUES ('retention_course_months', '12'),"
	" ('retention_referral_months', '6'), ('retention_audit_months', '24');";
