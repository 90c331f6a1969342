/* store_util.c — the helpers of store_util.h. */
#include "store_util.h"

#include <stdarg.h>
#include <stdio.h>
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
