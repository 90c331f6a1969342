/* store_util.h — helpers every store in db/ uses: copying a column into a
 * fixed buffer without splitting a UTF-8 character, "" stored as NULL, an
 * optional id bound as NULL, running a statement that returns no rows,
 * telling a version conflict from a
 * row that is gone, lists of ids, and the parts of the day availability
 * is stored in. Private to db/: nothing above it includes this header.
 *
 * Timestamps and default dates are bound as parameters from
 * db_clock_now() (db.h), never asked of the database: tests and demos fix
 * the date, and no engine needs a function of ours.
 */
#ifndef BB_STORE_UTIL_H
#define BB_STORE_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "model_limits.h"
#include "model_registry.h"
#include "store_citizens.h"

/* Copies src (NULL counts as "") into dst; what does not fit is cut at a
 * character boundary, so a clipped name is still valid UTF-8. */
void store_copy(char *dst, size_t size, const char *src);

/* Column `col` of the current row into the char array `dst`. */
#define STORE_COL(dst, st, col) store_copy((dst), sizeof(dst), db_column_text((st), (col)))

/* "" means "not given" and is stored as NULL. */
const char *store_or_null(const char *s);

/* An id, or NULL when it is 0 ("none"); also for other numbers where 0
 * means "not given", such as a birth year. */
void store_bind_id(struct db_stmt *st, const char *name, long long id);

/* Prepares each of `sql` and puts it back unrun, so that the engine's
 * statement cache (db_sqlite.c, db_pg.c) holds them before an action that
 * must not wait for them is done: a desk opening a roll list warms a
 * mark's statements. Best effort: one that fails is prepared again when
 * used, and reports its error then. */
void store_warm(struct db *db, const char *const *sql, int n);

/* Binds the clock's "YYYY-MM-DD HH:MM:SS" to `name` (":now"). */
void store_bind_now(struct db_stmt *st, const char *name);
/* Binds the ISO date `date`, or today's by the clock when it is NULL or "". */
void store_bind_date_or_today(struct db_stmt *st, const char *name, const char *date);

/* Binds a citizen's keys to :sort_key, :family_key, :name_keys, :name_fold,
 * :search_other and :phone_digits; NULL keys bind NULLs (none made yet). */
void store_bind_citizen_keys(struct db_stmt *st, const struct citizen_keys *k);
/* Binds :sort_key and :search_text. */
void store_bind_registry_keys(struct db_stmt *st, const struct registry_keys *k);

/* The columns of struct citizen_apart for the citizen `c` (an alias):
 * id, birth year, postcode, and whether another citizen's folded name is
 * the same. Read with store_read_apart from column `col` on. */
#define STORE_APART(c) \
	c ".id, COALESCE(" c ".birth_year, 0), COALESCE(" c ".postcode, '')," \
	" EXISTS (SELECT 1 FROM citizens AS namesake WHERE namesake.name_fold = " c ".name_fold" \
	" AND namesake.id <> " c ".id)"
void store_read_apart(struct db_stmt *st, int col, struct citizen_apart *out);

/* SQL text built piece by piece in a fixed buffer: a piece that does not
 * fit sets `full`, and the caller runs nothing. */
struct store_sql {
	char *buf;
	size_t size, len;
	bool full;
};
struct store_sql store_sql_on(char *buf, size_t size);
void store_sql_add(struct store_sql *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Steps a statement that returns no rows and finalizes it. */
enum db_status store_run(struct db_stmt *st);

/* store_run for a statement that must change a row: `none` (e.g.
 * DB_ERR_NOTFOUND) when it changed none. */
enum db_status store_run_changed(struct db *db, struct db_stmt *st, enum db_status none);

/* After an UPDATE ... WHERE id = :id AND version = :expected changed
 * nothing: DB_ERR_CONFLICT when the row is there (another desk changed
 * it), DB_ERR_NOTFOUND when it is gone. `exists_sql` is
 * "SELECT 1 FROM <table> WHERE id = :id". */
enum db_status store_conflict_or_missing(struct db *db, const char *exists_sql, long long id);

/* store_run for such a version-checked UPDATE, with the check above when
 * it changed nothing. */
enum db_status store_run_versioned(struct db *db, struct db_stmt *st, const char *exists_sql, long long id);

/* One column of ids (interests, barriers) for the row `id`, bound as :id. */
enum db_status store_read_ids(struct db *db, const char *sql, long long id, long long *out, int max, int *n);

/* Dates as the stores bind them ("YYYY-MM-DD"), computed in C so that no
 * SQL does date arithmetic (SQLite's date(x, '+N days') and PostgreSQL's
 * date + N differ): `iso` moved by `days` into out (DATE_TEXT bytes);
 * false when `iso` is no date. */
enum { STORE_DATE_LEN = 11 };
bool store_date_add(const char *iso, long days, char out[STORE_DATE_LEN]);
/* The ISO weekday of `iso` (Monday 1 ... Sunday 7), 0 when no date. */
int store_date_weekday(const char *iso);
/* Days from `from` to `to` (negative when `to` is earlier). */
long store_date_diff(const char *from, const char *to);

/* Availability rows store (weekday, part); these are the parts by the
 * index AVAIL_BIT takes. */
extern const char *const store_day_parts[3];

/* The bit of a stored (weekday, part), 0 when either is unknown. */
availability_bits store_slot_bit(int weekday, const char *part);

/* A growing malloc'ed array of rows read from a statement: zero it with
 * .size set, take each new, zeroed element from store_grow_next (NULL:
 * out of memory), and end with store_grow_done, which hands the array
 * over (*out, *count) or frees it when `r` is a failure. */
struct store_grow {
	void *items;
	int count, cap;
	size_t size;
};
void *store_grow_next(struct store_grow *g);
enum db_status store_grow_done(struct store_grow *g, enum db_status r, void **out, int *count);

/* A LIMIT one past what a screen shows of a count (COUNT_SHOWN_MAX in
 * model_limits.h): "SELECT count(*) FROM (SELECT 1 ... LIMIT "
 * STORE_COUNT_CAP ")" reads the same few rows at any size. */
#define STORE_COUNT_CAP LIMIT_SQL(COUNT_SHOWN_MAX) " + 1"

/* How many citizens a volunteer `v` supports now (open matches) and an
 * activity `a` has enrolled, counted. */
#define STORE_VOLUNTEER_OPEN(v) \
	"(SELECT count(*) FROM matches AS m WHERE m.volunteer_id = " v ".id AND m.ended_on IS NULL)"
#define STORE_ACTIVITY_ENROLLED(a) \
	"(SELECT count(*) FROM enrolments AS e WHERE e.activity_id = " a ".id AND e.ended_on IS NULL)"

#endif
