/* schema_pg_v20.c — migration 20 on PostgreSQL (SQLite: schema_v20.c):
 * each citizen's words in list order, for the search's word tiers. */
#include "migrate.h"
#include "schema_pg.h"

/* Migration 20 (SQLite: schema_v20.c): each citizen's words in list
 * order. The prefixes of the words come from bb_word_prefixes (UNION:
 * one row for a prefix two words share); one trigger keeps both tables. */
const char schema_pg_v20[] =
	"CREATE TABLE citizen_words_name ("
	"  prefix    " T " NOT NULL,"
	"  sort_key  " T " NOT NULL,"
	"  name_fold " T " NOT NULL,"
	"  id        bigint NOT NULL,"
	"  PRIMARY KEY (prefix, sort_key, name_fold, id));"
	"CREATE TABLE citizen_words_family ("
	"  prefix     " T " NOT NULL,"
	"  family_key " T " NOT NULL,"
	"  name_fold  " T " NOT NULL,"
	"  id         bigint NOT NULL,"
	"  PRIMARY KEY (prefix, family_key, name_fold, id));"
	/* The first one to eight weights of each word of `keys` that `key`
	 * does not start with, and '~' and the first one to five characters
	 * of each word of `fold` that it does not start with. */
	"CREATE FUNCTION bb_word_prefixes(keys text, key text, fold text) RETURNS SETOF text"
	" LANGUAGE sql IMMUTABLE AS $$"
	"  SELECT substr(w, 1, 4 * n) FROM unnest(string_to_array(keys, ' ')) AS w, generate_series(1, 8) AS n"
	"  WHERE length(w) >= 4 * n AND left(key, length(w)) <> w"
	"  UNION"
	"  SELECT '~' || substr(w, 1, n) FROM unnest(string_to_array(fold, ' ')) AS w, generate_series(1, 5) AS n"
	"  WHERE length(w) >= n AND left(fold, length(w)) <> w"
	"$$;"
	"CREATE FUNCTION bb_citizen_words() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN"
	"  IF TG_OP <> 'INSERT' THEN"
	"    DELETE FROM citizen_words_name"
	"     WHERE prefix IN (SELECT bb_word_prefixes(OLD.name_keys, OLD.sort_key, OLD.name_fold))"
	"     AND sort_key = OLD.sort_key AND name_fold = OLD.name_fold AND id = OLD.id;"
	"    DELETE FROM citizen_words_family"
	"     WHERE prefix IN (SELECT bb_word_prefixes(OLD.name_keys, OLD.family_key, OLD.name_fold))"
	"     AND family_key = OLD.family_key AND name_fold = OLD.name_fold AND id = OLD.id;"
	"  END IF;"
	"  IF TG_OP <> 'DELETE' AND NEW.sort_key IS NOT NULL AND NEW.family_key IS NOT NULL"
	"     AND NEW.name_fold IS NOT NULL AND NEW.name_keys IS NOT NULL THEN"
	"    INSERT INTO citizen_words_name(prefix, sort_key, name_fold, id)"
	"     SELECT p, NEW.sort_key, NEW.name_fold, NEW.id"
	"     FROM bb_word_prefixes(NEW.name_keys, NEW.sort_key, NEW.name_fold) AS p;"
	"    INSERT INTO citizen_words_family(prefix, family_key, name_fold, id)"
	"     SELECT p, NEW.family_key, NEW.name_fold, NEW.id"
	"     FROM bb_word_prefixes(NEW.name_keys, NEW.family_key, NEW.name_fold) AS p;"
	"  END IF;"
	"  RETURN NULL;"
	"END $$;"
	ROW_TRIGGER("citizens_words", "INSERT OR DELETE OR UPDATE OF sort_key, family_key, name_fold, name_keys",
		    "citizens", "bb_citizen_words")
	"INSERT INTO citizen_words_name(prefix, sort_key, name_fold, id)"
	" SELECT p, c.sort_key, c.name_fold, c.id"
	" FROM citizens AS c, bb_word_prefixes(c.name_keys, c.sort_key, c.name_fold) AS p"
	" WHERE c.sort_key IS NOT NULL AND c.family_key IS NOT NULL AND c.name_fold IS NOT NULL;"
	"INSERT INTO citizen_words_family(prefix, family_key, name_fold, id)"
	" SELECT p, c.family_key, c.name_fold, c.id"
	" FROM citizens AS c, bb_word_prefixes(c.name_keys, c.family_key, c.name_fold) AS p"
	" WHERE c.sort_key IS NOT NULL AND c.family_key IS NOT NULL AND c.name_fold IS NOT NULL;";
