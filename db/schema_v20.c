/* schema_v20.c — migration 20: each citizen's words in list order, for
 * the search's tiers "a word of the name starts with what was typed".
 *
 * The list shows citizens by name (sort_key) or by family name
 * (family_key). A name that starts with what was typed is a range of that
 * order's own index; a family name typed in the list by name ("Sc",
 * "Øst") is not: its hits lie all over the list, and finding the first
 * twenty in order walked or sorted a number of rows that grew with the
 * centre (1-15 ms at 300,000 citizens). Here the start of each word sits
 * beside the list-order key, so "the words that start with this, in list
 * order" is one range read in order, and a page stops after its rows.
 *
 * A row's prefix is one of
 * - the first one to eight weights of a word's key (collate.h: four hex
 *   digits each; æ, ø and å are two), for the tier of keys ("Sør" starts
 *   Sørensen);
 * - '~' and the first one to five characters of a word of the folded
 *   name, for the tier of folded words ("Kærga" starts Kærgaard only so:
 *   its key has å where the name has "aa").
 * Longer words are found in the longest range and tested. A word the
 * list's key starts with (by name the first, by family name the last), or
 * the folded name starts with, is left out: the range of that key or of
 * the folded name finds it, and anything typed that starts the word. Two
 * rows of one citizen with the same prefix are one row.
 *
 * Triggers keep both tables as citizens' keys change: the words come out
 * of name_keys and name_fold through json_each, since a trigger can run
 * no recursive query. An anonymised citizen has no keys and no words.
 * PostgreSQL's is the same (schema_pg.c). */
#include "migrate.h"

/* The words of `text` (split at single spaces) as rows of json_each. */
#define WORDS(text) "json_each('[' || replace(json_quote(" text "), ' ', '\",\"') || ']')"

/* The prefixes of `row`'s words (a row of `from`, or the trigger's) as
 * SELECT prefix `cols` FROM ... WHERE: of its keys those the list's `key` does not
 * start with, and of its folded name those it does not start with. */
#define KEY_PREFIXES(cols, from, row, key) \
	" SELECT substr(w.value, 1, 4 * n.value) AS prefix" cols " FROM " from WORDS(row ".name_keys") " AS w," \
	" json_each('[1,2,3,4,5,6,7,8]') AS n WHERE length(w.value) >= 4 * n.value" \
	" AND substr(" row "." key ", 1, length(w.value)) <> w.value AND " HAS_KEYS(row)
#define FOLD_PREFIXES(cols, from, row) \
	" SELECT '~' || substr(w.value, 1, n.value) AS prefix" cols " FROM " from WORDS(row ".name_fold") " AS w," \
	" json_each('[1,2,3,4,5]') AS n WHERE length(w.value) >= n.value" \
	" AND substr(" row ".name_fold, 1, length(w.value)) <> w.value AND " HAS_KEYS(row)

#define HAS_KEYS(row) \
	row ".sort_key IS NOT NULL AND " row ".family_key IS NOT NULL AND " row ".name_fold IS NOT NULL" \
	" AND " row ".name_keys IS NOT NULL"

/* The rows of `row` in the table of list order `key`. */
#define ROWS(table, key, from, row) \
	"INSERT OR IGNORE INTO " table "(prefix, " key ", name_fold, id)" \
	" SELECT prefix, " row "." key ", " row ".name_fold, " row ".id FROM (" \
	KEY_PREFIXES("", from, row, key) " UNION ALL" FOLD_PREFIXES("", from, row) ")"

/* The rows of every citizen in the table of list order `key`, in its
 * order. */
#define FILL(table, key) \
	"INSERT OR IGNORE INTO " table "(prefix, " key ", name_fold, id) SELECT * FROM (" \
	KEY_PREFIXES(", c." key ", c.name_fold, c.id", "citizens AS c, ", "c", key) " UNION ALL" \
	FOLD_PREFIXES(", c." key ", c.name_fold, c.id", "citizens AS c, ", "c") ") ORDER BY 1, 2, 3, 4;"

#define WORDS_INSERT \
	ROWS("citizen_words_name", "sort_key", "", "NEW") ";" \
	ROWS("citizen_words_family", "family_key", "", "NEW") ";"

#define WORDS_DELETE \
	"DELETE FROM citizen_words_name WHERE prefix IN (" KEY_PREFIXES("", "", "OLD", "sort_key") " UNION ALL" \
	FOLD_PREFIXES("", "", "OLD") ") AND sort_key = OLD.sort_key AND name_fold = OLD.name_fold AND id = OLD.id;" \
	"DELETE FROM citizen_words_family WHERE prefix IN (" KEY_PREFIXES("", "", "OLD", "family_key") " UNION ALL" \
	FOLD_PREFIXES("", "", "OLD") ") AND family_key = OLD.family_key AND name_fold = OLD.name_fold AND id = OLD.id;"

const char schema_v20[] =
	"CREATE TABLE citizen_words_name ("
	"  prefix    TEXT NOT NULL,"
	"  sort_key  TEXT NOT NULL,"
	"  name_fold TEXT NOT NULL,"
	"  id        INTEGER NOT NULL,"
	"  PRIMARY KEY (prefix, sort_key, name_fold, id)) WITHOUT ROWID;"
	"CREATE TABLE citizen_words_family ("
	"  prefix     TEXT NOT NULL,"
	"  family_key TEXT NOT NULL,"
	"  name_fold  TEXT NOT NULL,"
	"  id         INTEGER NOT NULL,"
	"  PRIMARY KEY (prefix, family_key, name_fold, id)) WITHOUT ROWID;"
	FILL("citizen_words_name", "sort_key")
	FILL("citizen_words_family", "family_key")
	"CREATE TRIGGER citizen_words_insert AFTER INSERT ON citizens BEGIN " WORDS_INSERT " END;"
	"CREATE TRIGGER citizen_words_update AFTER UPDATE OF sort_key, family_key, name_fold, name_keys ON citizens"
	" BEGIN " WORDS_DELETE WORDS_INSERT " END;"
	"CREATE TRIGGER citizen_words_delete AFTER DELETE ON citizens BEGIN " WORDS_DELETE " END;";
