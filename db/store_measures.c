/* store_measures.c — measure definitions, answers and history. */
#include "store_measures.h"

#include <string.h>

#include "store_util.h"

enum db_status store_measures_defs(struct db *db, struct measure_ref *out, int max, int *count)
{
	*count = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, code, name FROM measure_defs WHERE active = 1 ORDER BY position, id");
	if (r != DB_OK)
		return r;
	while (*count < max && db_step(st) == DB_ROW) {
		struct measure_ref *m = &out[*count];
		m->id = db_column_int(st, 0);
		STORE_COL(m->code, st, 1);
		STORE_COL(m->name, st, 2);
		(*count)++;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_measures_def_load(struct db *db, long long id, struct measure_def *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, code, name, COALESCE(intro, ''), COALESCE(source, ''), multiplier,"
		" min_total, max_total, higher_is_better FROM measure_defs WHERE id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		out->id = db_column_int(st, 0);
		STORE_COL(out->code, st, 1);
		STORE_COL(out->name, st, 2);
		STORE_COL(out->intro, st, 3);
		STORE_COL(out->source, st, 4);
		out->multiplier = (int)db_column_int(st, 5);
		out->min_total = (int)db_column_int(st, 6);
		out->max_total = (int)db_column_int(st, 7);
		out->higher_is_better = db_column_int(st, 8) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	if (step != DB_ROW)
		return DB_ERR_NOTFOUND;

	if ((r = db_prepare(db, &st,
			"SELECT position, text, min_value, max_value, reverse FROM measure_items"
			" WHERE measure_id = :id ORDER BY position")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (out->nitems < MEASURE_MAX_ITEMS && db_step(st) == DB_ROW) {
		struct measure_item *it = &out->items[out->nitems++];
		it->position = (int)db_column_int(st, 0);
		STORE_COL(it->text, st, 1);
		it->min_value = (int)db_column_int(st, 2);
		it->max_value = (int)db_column_int(st, 3);
		it->reverse = db_column_int(st, 4) != 0;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT value, label FROM measure_scale WHERE measure_id = :id ORDER BY value DESC")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (out->nscale < MEASURE_MAX_SCALE && db_step(st) == DB_ROW) {
		out->scale[out->nscale].value = (int)db_column_int(st, 0);
		STORE_COL(out->scale[out->nscale].label, st, 1);
		out->nscale++;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st,
			"SELECT max_total, label FROM measure_bands WHERE measure_id = :id ORDER BY max_total")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (out->nbands < MEASURE_MAX_BANDS && db_step(st) == DB_ROW) {
		out->bands[out->nbands].max_total = (int)db_column_int(st, 0);
		STORE_COL(out->bands[out->nbands].label, st, 1);
		out->nbands++;
	}
	return db_finalize(st);
}

enum db_status store_measures_consent(struct db *db, long long citizen_id, bool *given)
{
	*given = false;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT EXISTS (SELECT 1 FROM consents WHERE citizen_id = :citizen AND purpose = 'measures'"
		" AND withdrawn_on IS NULL)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	if (db_step(st) == DB_ROW)
		*given = db_column_int(st, 0) != 0;
	return db_finalize(st);
}

enum db_status store_measures_consent_add(struct db *db, long long citizen_id, const char *day, db_user_id by)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO consents(citizen_id, purpose, given_on, recorded_by)"
		" VALUES (:citizen, 'measures', :day, :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_text(st, ":day", day);
	store_bind_id(st, ":user", by);
	return store_run(st);
}

enum db_status store_measures_insert(struct db *db, const struct measure_entry *in, db_user_id by, long long *id)
{
	*id = 0;
	if (in->nanswers < 1 || in->nanswers > MEASURE_MAX_ITEMS)
		return DB_ERR_MISUSE;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"INSERT INTO measures(citizen_id, measure_id, taken_on, occasion, total, follow_up_id,"
		" recorded_by) VALUES (:citizen, :measure, :day, :occasion, :total, :call, :user)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", in->citizen_id);
	db_bind_int(st, ":measure", in->measure_id);
	db_bind_text(st, ":day", in->taken_on);
	db_bind_text(st, ":occasion", in->occasion);
	db_bind_int(st, ":total", in->total);
	store_bind_id(st, ":call", in->follow_up_id);
	store_bind_id(st, ":user", by);
	if ((r = store_run(st)) != DB_OK)
		return r;
	long long row = db_last_insert_id(db);
	if ((r = db_prepare(db, &st,
			"INSERT INTO measure_answers(measure_row, position, value) VALUES (:row, :pos, :value)")) != DB_OK)
		return r;
	for (int i = 0; i < in->nanswers; i++) {
		db_reset(st);
		db_bind_int(st, ":row", row);
		db_bind_int(st, ":pos", i + 1);
		db_bind_int(st, ":value", in->answers[i]);
		if (db_step(st) != DB_DONE)
			break;
	}
	if ((r = db_finalize(st)) == DB_OK)
		*id = row;
	return r;
}

enum db_status store_measures_history(struct db *db, long long citizen_id, struct measure_history *out, int max,
				int *count)
{
	*count = 0;
	struct db_stmt *st;
	/* The latest results newest first, numbered; the first ever too. */
	enum db_status r = db_prepare(db, &st,
		"SELECT d.id, d.name, d.min_total, d.max_total, d.higher_is_better, m.taken_on, m.occasion,"
		"  m.total, m.n, m.taken FROM ("
		"  SELECT measure_id, taken_on, occasion, total,"
		"   row_number() OVER (PARTITION BY measure_id ORDER BY taken_on DESC, id DESC) AS n,"
		"   count(*) OVER (PARTITION BY measure_id) AS taken"
		"  FROM measures WHERE citizen_id = :citizen) AS m"
		" JOIN measure_defs AS d ON d.id = m.measure_id"
		" WHERE m.n <= :keep OR m.n = m.taken"
		" ORDER BY d.position, d.id, m.n DESC");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":citizen", citizen_id);
	db_bind_int(st, ":keep", MEASURE_HISTORY);
	struct measure_history *h = NULL;
	while (db_step(st) == DB_ROW) {
		long long measure = db_column_int(st, 0);
		if (!h || h->measure_id != measure) {
			if (*count >= max)
				break;
			h = &out[(*count)++];
			memset(h, 0, sizeof *h);
			h->measure_id = measure;
			STORE_COL(h->name, st, 1);
			h->min_total = (int)db_column_int(st, 2);
			h->max_total = (int)db_column_int(st, 3);
			h->higher_is_better = db_column_int(st, 4) != 0;
			h->taken = (int)db_column_int(st, 9);
		}
		struct measure_point p;
		STORE_COL(p.taken_on, st, 5);
		STORE_COL(p.occasion, st, 6);
		p.total = (int)db_column_int(st, 7);
		long long n = db_column_int(st, 8);
		if (n == h->taken)
			h->first = p;
		if (n <= MEASURE_HISTORY && h->npoints < MEASURE_HISTORY)
			h->points[h->npoints++] = p;
	}
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}
