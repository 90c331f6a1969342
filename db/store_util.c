/* store_util.c — the helpers of store_util.h. */
#include "store_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void store_copy(char *dst, size_t size, const char *src)
{
	if (size == 0)
		return;
	size_t len = src ? strlen(src) : 0;
	if (len >= size) {
		len = size - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	if (len)
		memcpy(dst, src, len);
	dst[len] = '\0';
}

const char *store_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

void store_bind_id(struct db_stmt *st, const char *name, long long id)
{
	if (id > 0)
		db_bind_int(st, name, id);
	else
		db_bind_null(st, name);
}

enum db_status store_run(struct db_stmt *st)
{
	db_step(st);
	return db_finalize(st);
}

void store_warm(struct db *db, const char *const *sql, int n)
{
	for (int i = 0; i < n; i++) {
		struct db_stmt *st;
		if (db_prepare(db, &st, sql[i]) == DB_OK)
			db_finalize(st);
	}
}

void store_read_apart(struct db_stmt *st, int col, struct citizen_apart *out)
{
	memset(out, 0, sizeof *out);
	out->id = db_column_int(st, col);
	out->birth_year = (int)db_column_int(st, col + 1);
	STORE_COL(out->postcode, st, col + 2);
	out->namesake = db_column_int(st, col + 3) != 0;
}

struct store_sql store_sql_on(char *buf, size_t size)
{
	buf[0] = '\0';
	return (struct store_sql){ .buf = buf, .size = size };
}

void store_sql_add(struct store_sql *b, const char *fmt, ...)
{
	if (b->full)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->buf + b->len, b->size - b->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= b->size - b->len) {
		b->full = true;
		b->buf[b->len] = '\0';
		return;
	}
	b->len += (size_t)n;
}

void store_bind_now(struct db_stmt *st, const char *name)
{
	char now[DB_STAMP_LEN];
	db_clock_now(now);
	db_bind_text(st, name, now);
}

void store_bind_date_or_today(struct db_stmt *st, const char *name, const char *date)
{
	if (date && *date) {
		db_bind_text(st, name, date);
		return;
	}
	char now[DB_STAMP_LEN];
	db_clock_now(now);
	now[10] = '\0';
	db_bind_text(st, name, now);
}

void store_bind_citizen_keys(struct db_stmt *st, const struct citizen_keys *k)
{
	db_bind_text(st, ":sort_key", k ? k->sort_key : NULL);
	db_bind_text(st, ":family_key", k ? k->family_key : NULL);
	db_bind_text(st, ":name_keys", k ? k->name_keys : NULL);
	db_bind_text(st, ":name_fold", k ? k->name_fold : NULL);
	db_bind_text(st, ":search_other", k ? k->search_other : NULL);
	db_bind_text(st, ":phone_digits", k ? k->phone_digits : NULL);
}

void store_bind_registry_keys(struct db_stmt *st, const struct registry_keys *k)
{
	db_bind_text(st, ":sort_key", k ? k->sort_key : NULL);
	db_bind_text(st, ":search_text", k ? k->search_text : NULL);
}

enum db_status store_run_changed(struct db *db, struct db_stmt *st, enum db_status none)
{
	enum db_status r = store_run(st);
	if (r == DB_OK && db_changes(db) == 0)
		r = none;
	return r;
}

enum db_status store_conflict_or_missing(struct db *db, const char *exists_sql, long long id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, exists_sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	enum db_status step = db_step(st);
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	return step == DB_ROW ? DB_ERR_CONFLICT : DB_ERR_NOTFOUND;
}

enum db_status store_run_versioned(struct db *db, struct db_stmt *st, const char *exists_sql, long long id)
{
	enum db_status r = store_run(st);
	if (r != DB_OK || db_changes(db) > 0)
		return r;
	r = store_conflict_or_missing(db, exists_sql, id);
	/* The row was not changed, whatever the check says: never DB_OK. */
	return r == DB_OK ? DB_ERR_MISUSE : r;
}

enum db_status store_read_ids(struct db *db, const char *sql, long long id, long long *out, int max, int *n)
{
	*n = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (*n < max && db_step(st) == DB_ROW)
		out[(*n)++] = db_column_int(st, 0);
	return db_finalize(st);
}

const char *const store_day_parts[3] = { "morning", "afternoon", "evening" };

availability_bits store_slot_bit(int weekday, const char *part)
{
	for (int p = 0; p < 3; p++)
		if (weekday >= 1 && weekday <= 7 && strcmp(part, store_day_parts[p]) == 0)
			return AVAIL_BIT(weekday, p);
	return 0;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static bool parse_iso(const char *iso, long *days)
{
	if (!iso)
		return false;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? iso[i] != '-' : (iso[i] < '0' || iso[i] > '9'))
			return false;
	long y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	long m = (iso[5] - '0') * 10 + (iso[6] - '0');
	long d = (iso[8] - '0') * 10 + (iso[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	*days = days_from_civil(y, m, d);
	return true;
}

bool store_date_add(const char *iso, long days, char out[STORE_DATE_LEN])
{
	long z;
	out[0] = '\0';
	if (!parse_iso(iso, &z))
		return false;
	long y, m, d;
	civil_from_days(z + days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return false;
	/* Digit by digit: civil_from_days keeps m in 1..12 and d in 1..31. */
	const long parts[3] = { y, m, d };
	const int widths[3] = { 4, 2, 2 };
	char *p = out;
	for (int i = 0; i < 3; i++) {
		if (i)
			*p++ = '-';
		long v = parts[i];
		for (int k = widths[i] - 1; k >= 0; k--, v /= 10)
			p[k] = (char)('0' + v % 10);
		p += widths[i];
	}
	*p = '\0';
	return true;
}

int store_date_weekday(const char *iso)
{
	long z;
	if (!parse_iso(iso, &z))
		return 0;
	/* 1970-01-01 was a Thursday (4). */
	long w = (z % 7 + 7 + 3) % 7;
	return (int)w + 1;
}

long store_date_diff(const char *from, const char *to)
{
	long a, b;
	if (!parse_iso(from, &a) || !parse_iso(to, &b))
		return 0;
	return b - a;
}

void *store_grow_next(struct store_grow *g)
{
	if (g->count == g->cap) {
		int cap = g->cap ? g->cap * 2 : 64;
		void *bigger = realloc(g->items, (size_t)cap * g->size);
		if (!bigger)
			return NULL;
		g->items = bigger;
		g->cap = cap;
	}
	void *item = (char *)g->items + (size_t)g->count++ * g->size;
	memset(item, 0, g->size);
	return item;
}

enum db_status store_grow_done(struct store_grow *g, enum db_status r, void **out, int *count)
{
	if (r != DB_OK) {
		free(g->items);
		*out = NULL;
		*count = 0;
		return r;
	}
	*out = g->items;
	*count = g->count;
	return DB_OK;
}
