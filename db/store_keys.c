/* store_keys.c — stored search and sort keys (store_keys.h). */
#include "store_keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_util.h"

enum db_status store_keys_citizen_sources(struct db *db, long long after_id, int max,
					  struct citizen_key_source *out, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		/* An anonymised citizen keeps no keys: nobody finds them. */
		"SELECT id, name, COALESCE(birth_year, 0), phone, email, postcode, town FROM citizens"
		" WHERE id > :after AND anonymised_on IS NULL ORDER BY id LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":after", after_id);
	db_bind_int(st, ":max", max);
	while (*count < max && db_step(st) == DB_ROW) {
		struct citizen_key_source *c = &out[(*count)++];
		memset(c, 0, sizeof *c);
		c->id = db_column_int(st, 0);
		STORE_COL(c->name, st, 1);
		c->birth_year = (int)db_column_int(st, 2);
		STORE_COL(c->phone, st, 3);
		STORE_COL(c->email, st, 4);
		STORE_COL(c->postcode, st, 5);
		STORE_COL(c->town, st, 6);
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_keys_set_citizen(struct db *db, long long id, const struct citizen_keys *keys)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE citizens SET sort_key = :sort_key, family_key = :family_key, name_keys = :name_keys,"
		" name_fold = :name_fold, search_other = :search_other, phone_digits = :phone_digits"
		" WHERE id = :id");
	if (r != DB_OK)
		return r;
	store_bind_citizen_keys(st, keys);
	db_bind_int(st, ":id", id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

enum db_status store_keys_clear_citizen(struct db *db, long long id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE citizens SET sort_key = NULL, family_key = NULL, name_keys = NULL, name_fold = NULL,"
		" search_other = NULL, phone_digits = NULL WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

enum db_status store_keys_registry_sources(struct db *db, enum registry_table which, long long after_id, int max,
					   struct registry_key_source *out, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, which == REGISTRY_VOLUNTEERS
		? "SELECT id, name, email, town, phone, postcode FROM volunteers"
		  " WHERE id > :after ORDER BY id LIMIT :max"
		: "SELECT id, name, organiser, place, NULL, postcode FROM activities"
		  " WHERE id > :after ORDER BY id LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":after", after_id);
	db_bind_int(st, ":max", max);
	while (*count < max && db_step(st) == DB_ROW) {
		struct registry_key_source *s = &out[(*count)++];
		memset(s, 0, sizeof *s);
		s->id = db_column_int(st, 0);
		STORE_COL(s->name, st, 1);
		STORE_COL(s->email, st, 2);
		STORE_COL(s->town, st, 3);
		STORE_COL(s->phone, st, 4);
		STORE_COL(s->postcode, st, 5);
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_keys_set_registry(struct db *db, enum registry_table which, long long id,
				       const struct registry_keys *keys)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, which == REGISTRY_VOLUNTEERS
		? "UPDATE volunteers SET sort_key = :sort_key, search_text = :search_text WHERE id = :id"
		: "UPDATE activities SET sort_key = :sort_key, search_text = :search_text WHERE id = :id");
	if (r != DB_OK)
		return r;
	store_bind_registry_keys(st, keys);
	db_bind_int(st, ":id", id);
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

/* What a remake sets aside: every index and trigger of citizens that
 * reads a key column, as the schema holds them now. */
static const char *const search_objects[] = {
	"citizens_sort", "citizens_family", "citizens_name_fold", "citizens_phone",
	"citizens_search_insert", "citizens_search_delete", "citizens_search_update", "citizens_phone_update",
};
enum { SEARCH_OBJECTS = sizeof search_objects / sizeof search_objects[0] };

struct store_keys_remake {
	struct db *db;
	struct db_stmt *update;
	char *sql[SEARCH_OBJECTS];  /* NULL: not in this schema */
	const char *type[SEARCH_OBJECTS];
};

enum db_status store_keys_remake_begin(struct db *db, struct store_keys_remake **out)
{
	*out = NULL;
	struct store_keys_remake *m = calloc(1, sizeof *m);
	if (!m)
		return DB_ERR_IO;
	m->db = db;
	enum db_status r = DB_OK;
	/* PostgreSQL has no full-text tables to rebuild and keeps its
	 * indexes in step row by row: nothing is set aside there. */
	size_t objects = db_engine(db) == DB_ENGINE_SQLITE ? SEARCH_OBJECTS : 0;
	for (size_t i = 0; i < objects && r == DB_OK; i++) {
		struct db_stmt *st;
		if ((r = db_prepare(db, &st, "SELECT type, sql FROM sqlite_schema WHERE name = :name")) != DB_OK)
			break;
		db_bind_text(st, ":name", search_objects[i]);
		if (db_step(st) == DB_ROW) {
			m->type[i] = strcmp(db_column_text(st, 0), "index") == 0 ? "INDEX" : "TRIGGER";
			m->sql[i] = strdup(db_column_text(st, 1));
			if (!m->sql[i])
				r = DB_ERR_IO;
		}
		enum db_status fin = db_finalize(st);
		if (r == DB_OK)
			r = fin;
		if (r == DB_OK && m->sql[i]) {
			char drop[96];
			snprintf(drop, sizeof drop, "DROP %s %s", m->type[i], search_objects[i]);
			r = db_exec(db, drop);
		}
	}
	if (r == DB_OK)
		r = db_prepare(db, &m->update,
			"UPDATE citizens SET sort_key = :sort_key, family_key = :family_key, name_keys = :name_keys,"
			" name_fold = :name_fold, search_other = :search_other, phone_digits = :phone_digits"
			" WHERE id = :id");
	if (r != DB_OK) {
		store_keys_remake_end(m, r);
		return r;
	}
	*out = m;
	return DB_OK;
}

enum db_status store_keys_remake_citizen(struct store_keys_remake *m, long long id, const struct citizen_keys *keys)
{
	db_reset(m->update);
	store_bind_citizen_keys(m->update, keys);
	db_bind_int(m->update, ":id", id);
	enum db_status r = db_step(m->update);
	return r == DB_DONE ? DB_OK : r;
}

enum db_status store_keys_remake_end(struct store_keys_remake *m, enum db_status r)
{
	if (!m)
		return r;
	enum db_status fin = db_finalize(m->update);
	if (r == DB_OK)
		r = fin;
	/* Indexes first, then the triggers that keep the full-text indexes
	 * in step, then those built again from the table. */
	for (size_t i = 0; i < SEARCH_OBJECTS && r == DB_OK; i++)
		if (m->sql[i] && strcmp(m->type[i], "INDEX") == 0)
			r = db_exec(m->db, m->sql[i]);
	for (size_t i = 0; i < SEARCH_OBJECTS && r == DB_OK; i++)
		if (m->sql[i] && strcmp(m->type[i], "TRIGGER") == 0)
			r = db_exec(m->db, m->sql[i]);
	bool fts = db_engine(m->db) == DB_ENGINE_SQLITE;
	if (r == DB_OK && fts)
		r = db_exec(m->db, "INSERT INTO citizens_fts(citizens_fts) VALUES ('rebuild')");
	if (r == DB_OK && fts)
		r = db_exec(m->db, "INSERT INTO citizens_phone_fts(citizens_phone_fts) VALUES ('rebuild')");
	for (size_t i = 0; i < SEARCH_OBJECTS; i++)
		free(m->sql[i]);
	free(m);
	return r;
}
