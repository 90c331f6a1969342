/* schema_v10.c — migration 10: a storage seam a second engine can
 * implement (issue 9), and search that finds what the desk types
 * (issue 14).
 *
 * Keys are made in C and stored as plain columns. Until now triggers
 * called src/'s rules as SQL functions (bb_fold, bb_digits, bb_sortkey,
 * bb_now), so any other program writing a citizen (the sqlite3 shell,
 * Python) met "no such function", and a second engine would have had to
 * run our C inside its triggers. Now the use cases make the keys
 * (src/textkeys.c) and the stores write them as parameters; the triggers
 * that remain only keep the search indexes in step with stored columns,
 * in plain SQL, and guard the codes.
 *
 * Citizens keep sort_key and name_fold (now made by ICU's Danish collator
 * and transliterator) and get:
 *   family_key    the sort key with the family name (last word) first;
 *   name_keys     each word's sort key, so "jø" finds Jørgensen as typed
 *                 before John, who is found by the folded name;
 *   search_other  folded e-mail and town, postcode, birth year, phone;
 *   phone_digits  the national number's digits, found by any run of its
 *                 digits through a trigram index.
 * Every key is NULL here and made by textkeys_refresh() (src/textkeys.c),
 * which db_open runs after migrating: the settings row text_keys is
 * missing, so it differs from the rules of the running program.
 *
 * Codes a centre may extend (referral sources, call reasons, reasons a
 * course ended) move from CHECK lists into lookup tables. Their CHECKs are
 * removed in place, by SQLite's documented writable_schema procedure
 * ("Making Other Kinds Of Table Schema Changes", lang_altertable.html:
 * removing a CHECK constraint is a change that leaves every stored row
 * valid), not by rebuilding the tables: other migrations add columns to
 * citizens, and a rebuild here would have to list them all. Triggers
 * refuse a code the lookup table does not hold, as the CHECK did.
 *
 * The course's reopening is dated from the row's updated_at, which the
 * store writes, instead of bb_now().
 */
#include "migrate.h"

#define FTS_ROW(row) row ".name_fold, " row ".name_keys, " row ".search_other"

#define LOOKUP(table) \
	"CREATE TABLE " table " (" \
	"  code     TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 24)," \
	"  label    TEXT CHECK (label IS NULL OR length(label) BETWEEN 1 AND 60)," \
	"  position INTEGER NOT NULL DEFAULT 0," \
	"  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))" \
	") WITHOUT ROWID;"

#define KNOWN_CODE(name, event, table, column, lookup, when) \
	"CREATE TRIGGER " name " BEFORE " event " ON " table \
	"  WHEN " when "NOT EXISTS (SELECT 1 FROM " lookup " WHERE code = NEW." column ") BEGIN" \
	"  SELECT RAISE(ABORT, '" table "." column ": not a code in " lookup "');" \
	"END;"

const char schema_v10[] =
	/* ---------- keys made in C ---------- */
	"DROP TRIGGER IF EXISTS citizens_keys_insert;"
	"DROP TRIGGER IF EXISTS citizens_keys_update;"
	"DROP TRIGGER IF EXISTS citizens_fts_insert;"
	"DROP TRIGGER IF EXISTS citizens_fts_delete;"
	"DROP TRIGGER IF EXISTS citizens_fts_update;"
	"DROP TABLE IF EXISTS citizens_fts;"
	"DROP VIEW IF EXISTS citizens_search_text;"
	"DROP TRIGGER IF EXISTS volunteers_keys_insert;"
	"DROP TRIGGER IF EXISTS volunteers_keys_update;"
	"DROP TRIGGER IF EXISTS activities_keys_insert;"
	"DROP TRIGGER IF EXISTS activities_keys_update;"
	"DROP INDEX IF EXISTS citizens_sort;"
	"DROP INDEX IF EXISTS citizens_name_fold;"

	"ALTER TABLE citizens ADD COLUMN family_key TEXT;"
	"ALTER TABLE citizens ADD COLUMN name_keys TEXT;"
	"ALTER TABLE citizens ADD COLUMN search_other TEXT;"
	"ALTER TABLE citizens ADD COLUMN phone_digits TEXT;"
	/* Keys by the old rules sort and find wrongly: made again in C. */
	"UPDATE citizens SET sort_key = NULL, name_fold = NULL;"
	"UPDATE volunteers SET sort_key = NULL, search_text = NULL;"
	"UPDATE activities SET sort_key = NULL, search_text = NULL;"
	"DELETE FROM settings WHERE key = 'text_keys';"

	/* Each list order has an index that also holds what the search tests
	 * on every row it walks, so a walk reads no table rows. */
	"CREATE INDEX citizens_sort ON citizens(sort_key, name_fold, name_keys);"
	"CREATE INDEX citizens_family ON citizens(family_key, name_fold, name_keys);"
	"CREATE INDEX citizens_name_fold ON citizens(name_fold, sort_key, family_key);"
	"CREATE INDEX citizens_phone ON citizens(phone_digits);"
	"CREATE INDEX citizens_postcode ON citizens(postcode);"

	/* Words: the folded name, the name's word keys (hex, so the tokenizer
	 * leaves them whole), the other fields. The prefix indexes serve the
	 * first keystrokes: 1-3 letters folded, one or two letters as keys. */
	"CREATE VIRTUAL TABLE citizens_fts USING fts5("
	"  name_fold, name_keys, search_other,"
	"  content = 'citizens', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4 8', detail = column"
	");"
	/* Any run of three or more digits of the phone number. */
	"CREATE VIRTUAL TABLE citizens_phone_fts USING fts5("
	"  phone_digits, content = 'citizens', content_rowid = 'id', tokenize = 'trigram'"
	");"
	"CREATE TRIGGER citizens_search_insert AFTER INSERT ON citizens BEGIN"
	"  INSERT INTO citizens_fts(rowid, name_fold, name_keys, search_other)"
	"   VALUES (NEW.id, " FTS_ROW("NEW") ");"
	"  INSERT INTO citizens_phone_fts(rowid, phone_digits) VALUES (NEW.id, NEW.phone_digits);"
	"END;"
	"CREATE TRIGGER citizens_search_delete AFTER DELETE ON citizens BEGIN"
	"  INSERT INTO citizens_fts(citizens_fts, rowid, name_fold, name_keys, search_other)"
	"   VALUES ('delete', OLD.id, " FTS_ROW("OLD") ");"
	"  INSERT INTO citizens_phone_fts(citizens_phone_fts, rowid, phone_digits)"
	"   VALUES ('delete', OLD.id, OLD.phone_digits);"
	"END;"
	"CREATE TRIGGER citizens_search_update AFTER UPDATE OF name_fold, name_keys, search_other"
	" ON citizens BEGIN"
	"  INSERT INTO citizens_fts(citizens_fts, rowid, name_fold, name_keys, search_other)"
	"   VALUES ('delete', OLD.id, " FTS_ROW("OLD") ");"
	"  INSERT INTO citizens_fts(rowid, name_fold, name_keys, search_other)"
	"   VALUES (NEW.id, " FTS_ROW("NEW") ");"
	"END;"
	"CREATE TRIGGER citizens_phone_update AFTER UPDATE OF phone_digits ON citizens BEGIN"
	"  INSERT INTO citizens_phone_fts(citizens_phone_fts, rowid, phone_digits)"
	"   VALUES ('delete', OLD.id, OLD.phone_digits);"
	"  INSERT INTO citizens_phone_fts(rowid, phone_digits) VALUES (NEW.id, NEW.phone_digits);"
	"END;"
	"INSERT INTO citizens_fts(citizens_fts) VALUES ('rebuild');"
	"INSERT INTO citizens_phone_fts(citizens_phone_fts) VALUES ('rebuild');"

	/* ---------- the course's history without bb_now() ---------- */
	"DROP TRIGGER IF EXISTS citizens_course_update;"
	"CREATE TRIGGER citizens_course_update AFTER UPDATE OF status ON citizens"
	"  WHEN NEW.status IS NOT OLD.status BEGIN"
	"  INSERT INTO course_events(citizen_id, happened_on, kind, reason)"
	"  VALUES (NEW.id, CASE NEW.status WHEN 'ended' THEN NEW.ended_on ELSE date(NEW.updated_at) END,"
	"          CASE NEW.status WHEN 'ended' THEN 'ended' ELSE 'reopened' END,"
	"          CASE NEW.status WHEN 'ended' THEN NEW.end_reason END);"
	"END;"

	/* ---------- codes a centre may extend ---------- */
	/* label: the centre's own words for a code it added; the program
	 * has words for its own codes. A code no longer used is retired
	 * (active 0), not deleted: old rows still carry it. */
	LOOKUP("referral_sources")
	LOOKUP("call_reasons")
	LOOKUP("end_reasons")
	"INSERT INTO referral_sources(code, position) VALUES ('self', 1), ('relative', 2),"
	" ('health_staff', 3), ('gp', 4), ('municipal', 5), ('job_centre', 6), ('other', 7);"
	"INSERT INTO call_reasons(code, position) VALUES ('after_first_session', 1),"
	" ('missed_sessions', 2), ('agreed', 3), ('after_match', 4), ('referrer_feedback', 5),"
	" ('no_contact', 6), ('other', 7);"
	"INSERT INTO end_reasons(code, position) VALUES ('lasting_community', 1), ('moved', 2),"
	" ('declined', 3), ('handed_over', 4), ('deceased', 5);"
	KNOWN_CODE("referrals_source_insert", "INSERT", "referrals", "source", "referral_sources", "")
	KNOWN_CODE("referrals_source_update", "UPDATE OF source", "referrals", "source", "referral_sources", "")
	KNOWN_CODE("follow_ups_reason_insert", "INSERT", "follow_ups", "reason", "call_reasons", "")
	KNOWN_CODE("follow_ups_reason_update", "UPDATE OF reason", "follow_ups", "reason", "call_reasons", "")
	KNOWN_CODE("citizens_end_reason_insert", "INSERT", "citizens", "end_reason", "end_reasons",
		   "NEW.end_reason IS NOT NULL AND ")
	KNOWN_CODE("citizens_end_reason_update", "UPDATE OF end_reason", "citizens", "end_reason", "end_reasons",
		   "NEW.end_reason IS NOT NULL AND ");

/* The CHECK lists as migration 1 wrote them. */
static const struct {
	const char *table;
	const char *check;
} code_checks[] = {
	{ "citizens", "CHECK (end_reason IS NULL OR end_reason IN ('lasting_community','moved','declined',"
		      "'handed_over','deceased'))" },
	{ "referrals", "CHECK (source IN ('self','relative','health_staff','gp','municipal','job_centre','other'))" },
	{ "follow_ups", "CHECK (reason IN ('after_first_session','missed_sessions','agreed','after_match',"
			"'referrer_feedback','no_contact','other'))" },
};

/* Each CHECK taken out of its table's stored text; a table whose text
 * does not hold it (it was never there, or is gone already) is left alone. */
static enum db_status drop_code_checks(struct db *db)
{
	enum db_status r = DB_OK;
	for (size_t i = 0; i < sizeof code_checks / sizeof code_checks[0] && r == DB_OK; i++) {
		struct db_stmt *st;
		if ((r = db_prepare(db, &st, "UPDATE sqlite_schema SET sql = replace(sql, :check, '')"
					     " WHERE type = 'table' AND name = :table AND instr(sql, :check) > 0")) != DB_OK)
			break;
		db_bind_text(st, ":check", code_checks[i].check);
		db_bind_text(st, ":table", code_checks[i].table);
		db_step(st);
		r = db_finalize(st);
	}
	return r;
}

enum db_status schema_v10_drop_code_checks(struct db *db)
{
	return migrate_edit_schema(db, drop_code_checks);
}
