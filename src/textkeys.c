/* textkeys.c — search and sort keys made in C (textkeys.h). */
#include "textkeys.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "fold.h"
#include "store_keys.h"
#include "store_settings.h"
#include "strbuf.h"

/* Bump when fold.c or the make-up of a key changes, so stored keys are
 * remade: 2 is ICU folding, the ASCII spellings of ø and ü, per-word and
 * family keys. */
/* "keys 3": å and a doubled "a" fold to one "a" (fold.c). */
#define KEYS_REVISION "keys 3"
#define SETTING_KEYS "text_keys"

/* Appends the fold of `text` as more words of `b`. */
static void add_folded(struct strbuf *b, const char *text)
{
	char folded[CIT_OTHER];
	if (text && fold_search(text, folded, sizeof folded) > 0)
		strbuf_item(b, " ", folded);
}

static void add_word(struct strbuf *b, const char *word)
{
	if (word && *word)
		strbuf_item(b, " ", word);
}

void textkeys_citizen(const struct citizen_key_source *c, struct citizen_keys *out)
{
	memset(out, 0, sizeof *out);
	collate_key(c->name, out->sort_key, sizeof out->sort_key);
	collate_family_key(c->name, out->family_key, sizeof out->family_key);
	collate_word_keys(c->name, out->name_keys, sizeof out->name_keys);
	fold_search(c->name, out->name_fold, sizeof out->name_fold);
	fold_phone(c->phone, out->phone_digits, sizeof out->phone_digits);

	struct strbuf b = strbuf_on(out->search_other, sizeof out->search_other);
	add_folded(&b, c->email);
	add_folded(&b, c->town);
	add_word(&b, c->postcode);
	if (c->birth_year > 0) {
		char year[16];
		snprintf(year, sizeof year, "%d", c->birth_year);
		add_word(&b, year);
	}
	add_word(&b, out->phone_digits);
}

void textkeys_of_citizen(const struct citizen *c, struct citizen_keys *out)
{
	struct citizen_key_source *s = calloc(1, sizeof *s);
	if (!s) {
		memset(out, 0, sizeof *out);
		return;
	}
	s->id = c->id;
	s->birth_year = c->birth_year;
	snprintf(s->name, sizeof s->name, "%s", c->name);
	snprintf(s->phone, sizeof s->phone, "%s", c->phone);
	snprintf(s->email, sizeof s->email, "%s", c->email);
	snprintf(s->postcode, sizeof s->postcode, "%s", c->postcode);
	snprintf(s->town, sizeof s->town, "%s", c->town);
	textkeys_citizen(s, out);
	free(s);
}

void textkeys_registry(const struct registry_key_source *s, struct registry_keys *out)
{
	memset(out, 0, sizeof *out);
	collate_key(s->name, out->sort_key, sizeof out->sort_key);
	struct strbuf b = strbuf_on(out->search_text, sizeof out->search_text);
	add_folded(&b, s->name);
	add_folded(&b, s->email);
	add_folded(&b, s->town);
	char digits[CIT_SHORT];
	fold_phone(s->phone, digits, sizeof digits);
	add_word(&b, digits);
	add_word(&b, s->postcode);
}

void textkeys_volunteer(const struct volunteer_record *v, struct registry_keys *out)
{
	struct registry_key_source s = { .id = v->id };
	snprintf(s.name, sizeof s.name, "%s", v->name);
	snprintf(s.email, sizeof s.email, "%s", v->email);
	snprintf(s.town, sizeof s.town, "%s", v->town);
	snprintf(s.phone, sizeof s.phone, "%s", v->phone);
	snprintf(s.postcode, sizeof s.postcode, "%s", v->postcode);
	textkeys_registry(&s, out);
}

void textkeys_activity(const struct activity_record *a, struct registry_keys *out)
{
	struct registry_key_source s = { .id = a->id };
	snprintf(s.name, sizeof s.name, "%s", a->name);
	snprintf(s.email, sizeof s.email, "%s", a->organiser);
	snprintf(s.town, sizeof s.town, "%s", a->place);
	snprintf(s.postcode, sizeof s.postcode, "%s", a->postcode);
	textkeys_registry(&s, out);
}

bool textkeys_phone_like(const char *typed)
{
	bool digit = false;
	for (const char *p = typed; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (!strchr(" +-()/.", *p))
			return false;
	}
	return digit;
}

/* A number typed with its country code, as "+45 2233" or "0045 2233", is
 * searched without it at any length: the stored digits have none, and
 * "+45 6" found numbers with 456 in them. Without + or 00, a leading 45
 * is a Danish number's own. */
static const char *past_country_code(const char *typed)
{
	while (*typed == ' ')
		typed++;
	if (strncmp(typed, "+45", 3) == 0)
		return typed + 3;
	return strncmp(typed, "0045", 4) == 0 ? typed + 4 : typed;
}

void textkeys_query(const char *typed, enum citizen_order order, struct citizen_query *out)
{
	memset(out, 0, sizeof *out);
	out->order = order;
	if (!typed)
		typed = "";
	if (textkeys_phone_like(typed)) {
		fold_phone(past_country_code(typed), out->digits, sizeof out->digits);
		return;
	}
	fold_search(typed, out->folded, sizeof out->folded);
	collate_key(typed, out->key, sizeof out->key);
	collate_word_keys(typed, out->word_keys, sizeof out->word_keys);
}

static int pick_order(const void *a, const void *b)
{
	const struct pick *x = a, *y = b;
	int c = collate_compare(x->name, y->name);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

void textkeys_sort_picks(struct pick *picks, int n)
{
	if (n > 1)
		qsort(picks, (size_t)n, sizeof *picks, pick_order);
}

int textkeys_find_pick(const struct pick *picks, int n, const char *name)
{
	char want[CIT_FOLD], have[CIT_FOLD];
	fold_search(name, want, sizeof want);
	int found = -1;
	for (int i = 0; i < n; i++) {
		fold_search(picks[i].name, have, sizeof have);
		if (strcmp(have, want) != 0)
			continue;
		if (found < 0 || (picks[i].active && !picks[found].active))
			found = i;
	}
	return found;
}

void textkeys_version(char *out, size_t size)
{
	char icu[96];
	collate_version(icu, sizeof icu);
	snprintf(out, size, "%s " KEYS_REVISION, icu);
}

/* ---------- remaking stored keys ---------- */

enum { BATCH = 256 };

static enum db_status remake_citizens(struct db *db, long long *remade)
{
	struct citizen_key_source *rows = calloc(BATCH, sizeof *rows);
	struct citizen_keys *keys = malloc(sizeof *keys);
	struct store_keys_remake *m = NULL;
	long long after = 0;
	int n = 0;
	enum db_status r = rows && keys ? store_keys_citizen_sources(db, after, BATCH, rows, &n) : DB_ERR_IO;
	/* A new centre has nobody yet: nothing to set aside. */
	if (r == DB_OK && n > 0)
		r = store_keys_remake_begin(db, &m);
	while (r == DB_OK && n > 0) {
		for (int i = 0; i < n && r == DB_OK; i++) {
			textkeys_citizen(&rows[i], keys);
			r = store_keys_remake_citizen(m, rows[i].id, keys);
			after = rows[i].id;
			(*remade)++;
		}
		if (r == DB_OK && n == BATCH)
			r = store_keys_citizen_sources(db, after, BATCH, rows, &n);
		else
			n = 0;
	}
	if (m)
		r = store_keys_remake_end(m, r);
	free(keys);
	free(rows);
	return r;
}

static enum db_status remake_registry(struct db *db, enum registry_table which, long long *remade)
{
	struct registry_key_source *rows = calloc(BATCH, sizeof *rows);
	struct registry_keys *keys = malloc(sizeof *keys);
	enum db_status r = rows && keys ? DB_OK : DB_ERR_IO;
	long long after = 0;
	int n = BATCH;
	while (r == DB_OK && n == BATCH) {
		r = store_keys_registry_sources(db, which, after, BATCH, rows, &n);
		for (int i = 0; i < n && r == DB_OK; i++) {
			textkeys_registry(&rows[i], keys);
			r = store_keys_set_registry(db, which, rows[i].id, keys);
			after = rows[i].id;
			(*remade)++;
		}
	}
	free(keys);
	free(rows);
	return r;
}

bool textkeys_stale(struct db *db)
{
	char want[SETTING_MAX], have[SETTING_MAX];
	textkeys_version(want, sizeof want);
	if (store_settings_get(db, SETTING_KEYS, have, sizeof have) != DB_OK || strcmp(have, want) == 0)
		return false;
	/* A new database has no version yet, and nothing to remake. */
	struct citizen_key_source *row = calloc(1, sizeof *row);
	int n = 0;
	bool any = row && store_keys_citizen_sources(db, 0, 1, row, &n) == DB_OK && n > 0;
	free(row);
	return any;
}

enum db_status textkeys_refresh(struct db *db, long long *remade)
{
	long long count = 0;
	if (remade)
		*remade = 0;
	char want[SETTING_MAX], have[SETTING_MAX];
	textkeys_version(want, sizeof want);
	/* Read first without the write lock: on every start but the first
	 * after an upgrade, there is nothing to do. */
	enum db_status r = store_settings_get(db, SETTING_KEYS, have, sizeof have);
	if (r != DB_OK || strcmp(have, want) == 0)
		return r;
	if ((r = db_begin(db)) != DB_OK)
		return r;
	/* Another desk may have remade them while we waited for the lock. */
	r = store_settings_get(db, SETTING_KEYS, have, sizeof have);
	if (r == DB_OK && strcmp(have, want) != 0) {
		r = remake_citizens(db, &count);
		if (r == DB_OK)
			r = remake_registry(db, REGISTRY_VOLUNTEERS, &count);
		if (r == DB_OK)
			r = remake_registry(db, REGISTRY_ACTIVITIES, &count);
		if (r == DB_OK)
			r = store_settings_set(db, SETTING_KEYS, want);
	}
	r = db_end(db, r);
	if (r == DB_OK && remade)
		*remade = count;
	return r;
}

enum db_status textkeys_rewrite_citizen(struct db *db, long long citizen_id)
{
	struct citizen_key_source *row = calloc(1, sizeof *row);
	struct citizen_keys *keys = malloc(sizeof *keys);
	enum db_status r = row && keys ? DB_OK : DB_ERR_IO;
	int n = 0;
	if (r == DB_OK)
		r = store_keys_citizen_sources(db, citizen_id - 1, 1, row, &n);
	if (r == DB_OK && (n == 0 || row->id != citizen_id))
		r = DB_ERR_NOTFOUND;
	if (r == DB_OK) {
		textkeys_citizen(row, keys);
		r = store_keys_set_citizen(db, citizen_id, keys);
	}
	free(keys);
	free(row);
	return r;
}
