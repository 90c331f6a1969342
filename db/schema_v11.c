/* schema_v11.c — migration 11: a follow-up call to the relative who
 * wants support of their own (issue 14). The relative's wish was kept
 * since migration 1 and led to nothing; now it plans a call with the
 * reason 'relative_support'.
 *
 * follow_ups.reason is checked against a list, and SQLite cannot alter a
 * CHECK constraint. Rebuilding the table would drop and re-create it
 * under the foreign keys of measures, referrer_feedback and
 * call_escalations (ON DELETE SET NULL would empty them), so the list is
 * widened in place, as SQLite's documentation describes for a change that
 * leaves every stored row valid (lang_altertable.html, "making other
 * kinds of table schema changes"): the table's CREATE text gets one more
 * value, the connection reads the schema anew, and the new index below
 * moves the schema cookie so other connections read it anew too. A
 * temporary check makes the migration fail, and change nothing, if the
 * text was not as expected. */
#include "migrate.h"

const char schema_v11[] =
	"PRAGMA writable_schema = ON;"
	"UPDATE sqlite_schema SET sql = replace(sql, '''no_contact'',''other'')',"
	"  '''no_contact'',''other'',''relative_support'')')"
	" WHERE type = 'table' AND name = 'follow_ups' AND instr(sql, '''relative_support''') = 0;"
	"PRAGMA writable_schema = RESET;"
	"CREATE TEMP TABLE schema_v11_check (widened INTEGER CHECK (widened));"
	"INSERT INTO schema_v11_check SELECT instr(sql, '''relative_support''') > 0 FROM sqlite_schema"
	" WHERE type = 'table' AND name = 'follow_ups';"
	"DROP TABLE schema_v11_check;"
	/* The relatives who want support, for the call rules' look at them. */
	"CREATE INDEX calls_relatives_support ON relatives(citizen_id) WHERE wants_support = 1 AND takes_part = 1;";
