/* store_attendance_history.c — the history grid of an activity: names
 * down, its last sessions across, one mark per cell. Four plain queries
 * in one read transaction (columns, people, enrolments, marks), put
 * together here rather than pivoted in SQL. */
#include "store_attendance.h"

#include <stdlib.h>
#include <string.h>

#include "store_attendance_internal.h"

static int cmp_row_id(const void *a, const void *b)
{
	long long x = ((const struct history_row *)a)->citizen_id;
	long long y = ((const struct history_row *)b)->citizen_id;
	return (x > y) - (x < y);
}

/* Rows are kept in Danish order; lookups go through a copy sorted by id. */
struct row_index {
	struct history_row key;
	int row;
};

static int cmp_index(const void *a, const void *b)
{
	return cmp_row_id(&((const struct row_index *)a)->key, &((const struct row_index *)b)->key);
}

static int find_row(const struct row_index *index, int n, long long citizen_id)
{
	struct row_index probe;
	probe.key.citizen_id = citizen_id;
	const struct row_index *hit = bsearch(&probe, index, (size_t)n, sizeof *index, cmp_index);
	return hit ? hit->row : -1;
}

static int find_col(const struct history_grid *g, long long session_id)
{
	for (int c = 0; c < g->ncols; c++)
		if (g->cols[c].id == session_id)
			return c;
	return -1;
}

static enum db_status read_columns(struct db *db, long long activity_id, const char *until, int weeks,
				   struct history_grid *g)
{
	g->cols = calloc((size_t)(weeks > 0 ? weeks : 1), sizeof *g->cols);
	if (!g->cols)
		return DB_ERR_IO;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT s.id, s.date, COALESCE(s.start_time, ''), s.status, COALESCE(s.cancel_reason, ''), a.name"
		" FROM sessions AS s JOIN activities AS a ON a.id = s.activity_id"
		" WHERE s.activity_id = :activity AND s.date <= :until ORDER BY s.date DESC LIMIT :weeks");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":activity", activity_id);
	db_bind_text(st, ":until", until);
	db_bind_int(st, ":weeks", weeks);
	int n = 0;
	while (n < weeks && db_step(st) == DB_ROW) {
		/* Newest first from the query; oldest first in the grid. */
		struct session_info *c = &g->cols[weeks - 1 - n];
		c->id = db_column_int(st, 0);
		c->activity_id = activity_id;
		STORE_COL(c->date, st, 1);
		STORE_COL(c->start_time, st, 2);
		STORE_COL(c->status, st, 3);
		STORE_COL(c->cancel_reason, st, 4);
		STORE_COL(g->activity, st, 5);
		n++;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	if (n < weeks)
		memmove(g->cols, g->cols + (weeks - n), (size_t)n * sizeof *g->cols);
	g->ncols = n;
	return DB_OK;
}

/* Prepares `sql` with the activity and the grid's first and last date
 * bound (:activity, :first, :last). */
static enum db_status prepare_span(struct db *db, struct db_stmt **st, const char *sql, long long activity_id,
				   const char *first, const char *last)
{
	enum db_status r = db_prepare(db, st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(*st, ":activity", activity_id);
	db_bind_text(*st, ":first", first);
	db_bind_text(*st, ":last", last);
	return DB_OK;
}

static enum db_status read_people(struct db *db, long long activity_id, const char *first, const char *last,
				  struct history_grid *g)
{
	struct db_stmt *st;
	enum db_status r = prepare_span(db, &st,
		"SELECT c.id, c.name, " STORE_APART("c") " FROM citizens AS c WHERE c.id IN ("
		"  SELECT citizen_id FROM enrolments WHERE activity_id = :activity AND enrolled_on <= :last"
		"   AND (ended_on IS NULL OR ended_on > :first)"
		"  UNION SELECT t.citizen_id FROM sessions AS s JOIN attendance AS t ON t.session_id = s.id"
		"   WHERE s.activity_id = :activity AND s.date BETWEEN :first AND :last)"
		" ORDER BY c.sort_key, c.name_fold, c.id", activity_id, first, last);
	if (r != DB_OK)
		return r;
	int cap = 64;
	g->rows = calloc((size_t)cap, sizeof *g->rows);
	if (!g->rows) {
		db_finalize(st);
		return DB_ERR_IO;
	}
	while (db_step(st) == DB_ROW) {
		if (g->nrows == cap) {
			struct history_row *more = realloc(g->rows, (size_t)cap * 2 * sizeof *more);
			if (!more) {
				db_finalize(st);
				return DB_ERR_IO;
			}
			g->rows = more;
			cap *= 2;
		}
		struct history_row *row = &g->rows[g->nrows++];
		memset(row, 0, sizeof *row);
		row->citizen_id = db_column_int(st, 0);
		STORE_COL(row->name, st, 1);
		store_read_apart(st, 2, &row->apart);
	}
	return db_finalize(st);
}

/* '.' where the citizen was enrolled on the session's date, ' ' else;
 * a cancelled session is '-' for everyone. */
static enum db_status fill_enrolled(struct db *db, long long activity_id, const char *first, const char *last,
				    struct history_grid *g, const struct row_index *index)
{
	struct db_stmt *st;
	enum db_status r = prepare_span(db, &st,
		"SELECT citizen_id, enrolled_on, COALESCE(ended_on, '9999-12-31') FROM enrolments"
		" WHERE activity_id = :activity AND enrolled_on <= :last"
		" AND (ended_on IS NULL OR ended_on > :first)", activity_id, first, last);
	if (r != DB_OK)
		return r;
	while (db_step(st) == DB_ROW) {
		int row = find_row(index, g->nrows, db_column_int(st, 0));
		if (row < 0)
			continue;
		char from[ATT_DATE], to[ATT_DATE];
		STORE_COL(from, st, 1);
		STORE_COL(to, st, 2);
		for (int c = 0; c < g->ncols; c++)
			if (strcmp(from, g->cols[c].date) <= 0 && strcmp(g->cols[c].date, to) < 0)
				g->rows[row].cells[c] = '.';
	}
	return db_finalize(st);
}

static enum db_status fill_marks(struct db *db, long long activity_id, const char *first, const char *last,
				 struct history_grid *g, const struct row_index *index)
{
	struct db_stmt *st;
	enum db_status r = prepare_span(db, &st,
		"SELECT t.session_id, t.citizen_id, t.mark, t.accompanied_by IS NOT NULL"
		" FROM sessions AS s JOIN attendance AS t ON t.session_id = s.id"
		" WHERE s.activity_id = :activity AND s.date BETWEEN :first AND :last", activity_id, first, last);
	if (r != DB_OK)
		return r;
	while (db_step(st) == DB_ROW) {
		int c = find_col(g, db_column_int(st, 0));
		int row = find_row(index, g->nrows, db_column_int(st, 1));
		if (c < 0 || row < 0)
			continue;
		char mark = db_column_text(st, 2)[0];
		g->rows[row].cells[c] = mark == 'p' && db_column_int(st, 3) ? 'P' : mark;
	}
	return db_finalize(st);
}

static enum db_status read_grid(struct db *db, long long activity_id, const char *until, int weeks,
				struct history_grid *g)
{
	enum db_status r = read_columns(db, activity_id, until, weeks, g);
	if (r != DB_OK || g->ncols == 0)
		return r;
	const char *first = g->cols[0].date, *last = g->cols[g->ncols - 1].date;
	if ((r = read_people(db, activity_id, first, last, g)) != DB_OK)
		return r;
	g->cell_store = malloc((size_t)g->nrows * (size_t)g->ncols + 1);
	struct row_index *index = calloc((size_t)g->nrows + 1, sizeof *index);
	if (!g->cell_store || !index) {
		free(index);
		return DB_ERR_IO;
	}
	for (int i = 0; i < g->nrows; i++) {
		g->rows[i].cells = g->cell_store + (size_t)i * (size_t)g->ncols;
		memset(g->rows[i].cells, ' ', (size_t)g->ncols);
		index[i].key.citizen_id = g->rows[i].citizen_id;
		index[i].row = i;
	}
	qsort(index, (size_t)g->nrows, sizeof *index, cmp_index);
	r = fill_enrolled(db, activity_id, first, last, g, index);
	if (r == DB_OK)
		r = fill_marks(db, activity_id, first, last, g, index);
	for (int c = 0; r == DB_OK && c < g->ncols; c++)
		if (strcmp(g->cols[c].status, "cancelled") == 0)
			for (int i = 0; i < g->nrows; i++)
				g->rows[i].cells[c] = '-';
	free(index);
	return r;
}

enum db_status store_attendance_history(struct db *db, long long activity_id, const char *until, int weeks,
				  struct history_grid *out)
{
	memset(out, 0, sizeof *out);
	if (weeks <= 0)
		return DB_ERR_MISUSE;
	enum db_status r = db_begin_read(db);
	if (r != DB_OK)
		return r;
	r = db_end(db, read_grid(db, activity_id, until, weeks, out));
	if (r != DB_OK)
		store_attendance_history_free(out);
	return r;
}

void store_attendance_history_free(struct history_grid *g)
{
	free(g->cols);
	free(g->rows);
	free(g->cell_store);
	memset(g, 0, sizeof *g);
}
