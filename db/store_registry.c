/* store_registry.c — volunteers and activities: search, read, save with a
 * version check, status changes, and the weekly sessions planned ahead.
 *
 * Each function joins the caller's transaction (src/registry.c). The
 * search keys (sort_key, search_text) are made by src/textkeys.c and
 * written here as given.
 */
#include "store_registry.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_util.h"

const char *const volunteer_role_codes[VOLUNTEER_ROLES] = {
	"peer_supporter", "mentor", "visiting_friend", "community_guide", "front_desk",
};

/* ---------- search as you type ---------- */

enum { SEARCH_WORDS = 8, SEARCH_WORD = 64, SEARCH_SQL = 3072 };

struct search_words {
	char word[SEARCH_WORDS][SEARCH_WORD];
	int n;
	char prefix[SEARCH_WORDS * SEARCH_WORD + 2]; /* the words joined, then '%' */
};

/* Splits the folded query into words of [a-z0-9]. Anything else separates,
 * so nothing typed can become a LIKE wildcard. */
static void split_words(const char *query, struct search_words *w)
{
	memset(w, 0, sizeof *w);
	size_t n = 0;
	for (const char *p = query ? query : "";; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		bool word_char = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
		if (word_char && n + 1 < SEARCH_WORD) {
			w->word[w->n][n++] = ch;
			continue;
		}
		if (word_char)
			continue;
		if (n > 0) {
			n = 0;
			if (++w->n == SEARCH_WORDS)
				break;
		}
		if (!ch)
			break;
	}
	/* Only digits: a phone number as heard ("55 66 77"), one run of
	 * digits found anywhere in the number. */
	bool digits = w->n > 0;
	for (int i = 0; i < w->n && digits; i++)
		digits = strspn(w->word[i], "0123456789") == strlen(w->word[i]);
	if (digits && w->n > 1) {
		char joined[SEARCH_WORD];
		size_t len = 0;
		for (int i = 0; i < w->n; i++)
			for (const char *p = w->word[i]; *p && len + 1 < sizeof joined; p++)
				joined[len++] = *p;
		joined[len] = '\0';
		memcpy(w->word[0], joined, len + 1);
		w->n = 1;
	}
	size_t used = 0;
	for (int i = 0; i < w->n; i++) {
		int wrote = snprintf(w->prefix + used, sizeof w->prefix - used, "%s%s", i ? " " : "", w->word[i]);
		if (wrote < 0 || (size_t)wrote >= sizeof w->prefix - used)
			return;
		used += (size_t)wrote;
	}
	snprintf(w->prefix + used, sizeof w->prefix - used, "%%");
}

/* Appends " AND (' ' || alias.search_text) LIKE :wN" per word. */
static void where_words(char *sql, size_t size, const char *alias, int nwords)
{
	size_t used = strlen(sql);
	for (int i = 0; i < nwords; i++) {
		int n = snprintf(sql + used, size - used, " AND (' ' || %s.search_text) LIKE :w%d", alias, i);
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

static void bind_words(struct db_stmt *st, const struct search_words *w)
{
	for (int i = 0; i < w->n; i++) {
		char name[16], pattern[SEARCH_WORD + 4];
		snprintf(name, sizeof name, ":w%d", i);
		/* A word starts a word of the search text; digits are found
		 * anywhere in one (the last four of a phone number). */
		bool digits = strspn(w->word[i], "0123456789") == strlen(w->word[i]);
		snprintf(pattern, sizeof pattern, digits ? "%%%s%%" : "%% %s%%", w->word[i]);
		db_bind_text(st, name, pattern);
	}
}

/* Runs one registry search: `select` ends in "WHERE 1 = 1", each word narrows
 * it on alias.search_text, and `read_row` fills row i of `rows`. The list
 * is in `order`; what was typed puts the names it begins first (`found`,
 * on :prefix). With nothing typed the list is read in `order` from its
 * index (volunteers_list, activities_list), not sorted whole each time. */
static enum db_status run_search(struct db *db, const char *select, const char *alias, const char *found,
				 const char *order, const char *query, int offset, int limit,
				 void (*read_row)(struct db_stmt *st, void *rows, int i), void *rows, int *count)
{
	*count = 0;
	struct search_words w;
	split_words(query, &w);
	char sql[SEARCH_SQL];
	snprintf(sql, sizeof sql, "%s", select);
	where_words(sql, sizeof sql, alias, w.n);
	size_t used = strlen(sql);
	snprintf(sql + used, sizeof sql - used, " ORDER BY %s%s LIMIT :limit OFFSET :offset", w.n ? found : "", order);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	bind_words(st, &w);
	if (w.n)
		db_bind_text(st, ":prefix", w.prefix);
	db_bind_int(st, ":limit", limit);
	db_bind_int(st, ":offset", offset);
	while (*count < limit && db_step(st) == DB_ROW)
		read_row(st, rows, (*count)++);
	r = db_finalize(st);
	if (r != DB_OK)
		*count = 0;
	return r;
}

static void read_volunteer_row(struct db_stmt *st, void *rows, int i)
{
	struct volunteer_row *v = (struct volunteer_row *)rows + i;
	memset(v, 0, sizeof *v);
	v->id = db_column_int(st, 0);
	STORE_COL(v->name, st, 1);
	STORE_COL(v->phone, st, 2);
	STORE_COL(v->postcode, st, 3);
	STORE_COL(v->town, st, 4);
	STORE_COL(v->status, st, 5);
	v->capacity = (int)db_column_int(st, 6);
	v->load = (int)db_column_int(st, 7);
}

static void read_activity_row(struct db_stmt *st, void *rows, int i)
{
	struct activity_row *a = (struct activity_row *)rows + i;
	memset(a, 0, sizeof *a);
	a->id = db_column_int(st, 0);
	STORE_COL(a->name, st, 1);
	STORE_COL(a->kind, st, 2);
	STORE_COL(a->place, st, 3);
	STORE_COL(a->postcode, st, 4);
	a->weekday = (int)db_column_int(st, 5);
	STORE_COL(a->start_time, st, 6);
	STORE_COL(a->community, st, 7);
	STORE_COL(a->status, st, 8);
	a->capacity = (int)db_column_int(st, 9);
	a->load = (int)db_column_int(st, 10);
}

static unsigned read_roles(struct db *db, long long volunteer_id, enum db_status *r);

enum db_status store_volunteers_search(struct db *db, const char *query, int offset, int limit,
				 struct volunteer_row *out, int *count)
{
	enum db_status r = run_search(db,
		"SELECT v.id, v.name, COALESCE(v.phone, ''), COALESCE(v.postcode, ''), COALESCE(v.town, ''),"
		" v.status, v.capacity, " STORE_VOLUNTEER_OPEN("v")
		" FROM volunteers AS v WHERE 1 = 1", "v",
		"v.search_text LIKE :prefix DESC, ", "v.status = 'stopped', v.sort_key, v.id",
		query, offset, limit, read_volunteer_row, out, count);
	for (int i = 0; i < *count && r == DB_OK; i++)
		out[i].roles = read_roles(db, out[i].id, &r);
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status store_activities_search(struct db *db, const char *query, int offset, int limit,
				 struct activity_row *out, int *count)
{
	return run_search(db,
		"SELECT a.id, a.name, a.kind, COALESCE(a.place, ''), COALESCE(a.postcode, ''),"
		" COALESCE(a.weekday, 0), COALESCE(a.start_time, ''), a.community, a.status, a.capacity, "
		STORE_ACTIVITY_ENROLLED("a") " FROM activities AS a WHERE 1 = 1", "a",
		"a.search_text LIKE :prefix DESC, ", "a.status = 'ended', a.sort_key, a.id",
		query, offset, limit, read_activity_row, out, count);
}

/* ---------- reading ---------- */

static unsigned read_roles(struct db *db, long long volunteer_id, enum db_status *r)
{
	struct db_stmt *st;
	unsigned roles = 0;
	if ((*r = db_prepare(db, &st, "SELECT role FROM volunteer_roles WHERE volunteer_id = :id")) != DB_OK)
		return 0;
	db_bind_int(st, ":id", volunteer_id);
	while (db_step(st) == DB_ROW) {
		const char *code = db_column_text(st, 0);
		for (int i = 0; i < VOLUNTEER_ROLES; i++)
			if (strcmp(code, volunteer_role_codes[i]) == 0)
				roles |= 1u << i;
	}
	*r = db_finalize(st);
	return roles;
}

/* Reads one column of short texts (languages, postcodes) into `max` rows
 * of `width` bytes each. */
static enum db_status read_texts(struct db *db, const char *sql, long long id, char *out, size_t width, int max,
				 int *n)
{
	*n = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (*n < max && db_step(st) == DB_ROW)
		store_copy(out + (size_t)(*n)++ * width, width, db_column_text(st, 0));
	return db_finalize(st);
}

enum db_status store_volunteers_get(struct db *db, long long id, struct volunteer_record *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT v.id, v.name, COALESCE(v.phone, ''), COALESCE(v.email, ''), COALESCE(v.postcode, ''),"
		" COALESCE(v.town, ''), COALESCE(v.gender, ''), COALESCE(v.birth_year, 0),"
		" COALESCE(v.lived_experience, ''), v.capacity, v.status, v.version,"
		" (SELECT count(*) FROM matches AS m WHERE m.volunteer_id = v.id AND m.ended_on IS NULL)"
		" FROM volunteers AS v WHERE v.id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		out->id = db_column_int(st, 0);
		STORE_COL(out->name, st, 1);
		STORE_COL(out->phone, st, 2);
		STORE_COL(out->email, st, 3);
		STORE_COL(out->postcode, st, 4);
		STORE_COL(out->town, st, 5);
		STORE_COL(out->gender, st, 6);
		out->birth_year = (int)db_column_int(st, 7);
		STORE_COL(out->lived_experience, st, 8);
		out->capacity = (int)db_column_int(st, 9);
		STORE_COL(out->status, st, 10);
		out->version = db_column_int(st, 11);
		out->load = (int)db_column_int(st, 12);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	if (step != DB_ROW)
		return DB_ERR_NOTFOUND;

	out->roles = read_roles(db, id, &r);
	if (r != DB_OK)
		return r;
	if ((r = store_read_ids(db, "SELECT interest_id FROM volunteer_interests WHERE volunteer_id = :id"
				" ORDER BY interest_id", id, out->interests, CIT_MAX_PICKS, &out->ninterests))
	    != DB_OK)
		return r;
	if ((r = read_texts(db, "SELECT language FROM volunteer_languages WHERE volunteer_id = :id"
			    " ORDER BY language", id, out->languages[0], sizeof out->languages[0],
			    REG_MAX_LANGUAGES, &out->nlanguages)) != DB_OK)
		return r;
	if ((r = read_texts(db, "SELECT postcode FROM volunteer_areas WHERE volunteer_id = :id"
			    " ORDER BY postcode", id, out->areas[0], sizeof out->areas[0], REG_MAX_AREAS,
			    &out->nareas)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st, "SELECT weekday, part FROM volunteer_availability"
				     " WHERE volunteer_id = :id")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (db_step(st) == DB_ROW)
		out->availability |= store_slot_bit((int)db_column_int(st, 0), db_column_text(st, 1));
	if ((r = db_finalize(st)) != DB_OK)
		return r;

	if ((r = db_prepare(db, &st, "SELECT course, completed_on FROM volunteer_courses"
				     " WHERE volunteer_id = :id ORDER BY completed_on, id")) != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	while (out->ncourses < REG_MAX_COURSES && db_step(st) == DB_ROW) {
		STORE_COL(out->courses[out->ncourses].course, st, 0);
		STORE_COL(out->courses[out->ncourses].completed_on, st, 1);
		out->ncourses++;
	}
	return db_finalize(st);
}

enum db_status store_activities_get(struct db *db, long long id, const char *today, struct activity_record *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT a.id, a.name, a.kind, COALESCE(a.organiser, ''), COALESCE(a.place, ''),"
		" COALESCE(a.postcode, ''), COALESCE(a.weekday, 0), COALESCE(a.start_time, ''),"
		" COALESCE(a.end_time, ''), a.capacity, COALESCE(a.contact_name, ''),"
		" COALESCE(a.contact_phone, ''), a.community, a.status, a.version,"
		" (SELECT count(*) FROM enrolments AS e WHERE e.activity_id = a.id AND e.ended_on IS NULL),"
		" n.date, COALESCE(n.start_time, a.start_time, ''),"
		" (SELECT min(s.date) FROM sessions AS s WHERE s.activity_id = a.id AND s.status = 'planned'"
		"   AND s.date > n.date)"
		" FROM activities AS a LEFT JOIN sessions AS n ON n.id = (SELECT s.id FROM sessions AS s"
		"  WHERE s.activity_id = a.id AND s.status = 'planned' AND s.date >= :today"
		"  ORDER BY s.date, COALESCE(s.start_time, ''), s.id LIMIT 1)"
		" WHERE a.id = :id");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":today", today);
	enum db_status step = db_step(st);
	if (step == DB_ROW) {
		out->id = db_column_int(st, 0);
		STORE_COL(out->name, st, 1);
		STORE_COL(out->kind, st, 2);
		STORE_COL(out->organiser, st, 3);
		STORE_COL(out->place, st, 4);
		STORE_COL(out->postcode, st, 5);
		out->weekday = (int)db_column_int(st, 6);
		STORE_COL(out->start_time, st, 7);
		STORE_COL(out->end_time, st, 8);
		out->capacity = (int)db_column_int(st, 9);
		STORE_COL(out->contact_name, st, 10);
		STORE_COL(out->contact_phone, st, 11);
		STORE_COL(out->community, st, 12);
		STORE_COL(out->status, st, 13);
		out->version = db_column_int(st, 14);
		out->load = (int)db_column_int(st, 15);
		STORE_COL(out->next_session, st, 16);
		STORE_COL(out->next_session_time, st, 17);
		STORE_COL(out->session_after, st, 18);
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	if (step != DB_ROW)
		return DB_ERR_NOTFOUND;
	return store_read_ids(db, "SELECT interest_id FROM activity_interests WHERE activity_id = :id"
			      " ORDER BY interest_id", id, out->interests, CIT_MAX_PICKS, &out->ninterests);
}

/* ---------- saving ---------- */

/* Runs a prepared INSERT (id 0) or UPDATE ... WHERE id = :id AND version =
 * :expected (binding those two); *saved gets the row's id. */
static enum db_status save_row(struct db *db, struct db_stmt *st, long long id, long long expected_version,
			       const char *exists_sql, long long *saved)
{
	if (id <= 0) {
		enum db_status r = store_run(st);
		*saved = r == DB_OK ? db_last_insert_id(db) : 0;
		return r;
	}
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":expected", expected_version);
	*saved = id;
	return store_run_versioned(db, st, exists_sql, id);
}

/* Sets the status of the volunteer or activity `id` (`sql` takes :status
 * and :id), inside the caller's transaction. */
static enum db_status update_status(struct db *db, const char *sql, long long id, const char *status)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":status", status);
	db_bind_int(st, ":id", id);
	store_bind_now(st, ":now");
	return store_run_changed(db, st, DB_ERR_NOTFOUND);
}

static enum db_status exec_id(struct db *db, const char *sql, long long id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	return store_run(st);
}

static enum db_status insert_id_text(struct db *db, const char *sql, long long id, const char *text)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":value", text);
	return store_run(st);
}

static enum db_status insert_id_int(struct db *db, const char *sql, long long id, long long value)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":value", value);
	return store_run(st);
}

/* Roles, interests, languages, areas, times and courses: replaced as a
 * whole, the way the form shows them. */
static enum db_status replace_volunteer_sets(struct db *db, long long id, const struct volunteer_record *v)
{
	static const char *const clear[] = {
		"DELETE FROM volunteer_roles WHERE volunteer_id = :id",
		"DELETE FROM volunteer_interests WHERE volunteer_id = :id",
		"DELETE FROM volunteer_languages WHERE volunteer_id = :id",
		"DELETE FROM volunteer_areas WHERE volunteer_id = :id",
		"DELETE FROM volunteer_availability WHERE volunteer_id = :id",
		"DELETE FROM volunteer_courses WHERE volunteer_id = :id",
	};
	enum db_status r = DB_OK;
	for (size_t i = 0; i < sizeof clear / sizeof clear[0] && r == DB_OK; i++)
		r = exec_id(db, clear[i], id);
	for (int i = 0; i < VOLUNTEER_ROLES && r == DB_OK; i++)
		if (v->roles & (1u << i))
			r = insert_id_text(db, "INSERT INTO volunteer_roles(volunteer_id, role) VALUES (:id, :value)",
					   id, volunteer_role_codes[i]);
	for (int i = 0; i < v->ninterests && i < CIT_MAX_PICKS && r == DB_OK; i++)
		r = insert_id_int(db, "INSERT INTO volunteer_interests(volunteer_id, interest_id)"
				      " VALUES (:id, :value) ON CONFLICT DO NOTHING", id, v->interests[i]);
	for (int i = 0; i < v->nlanguages && i < REG_MAX_LANGUAGES && r == DB_OK; i++)
		if (v->languages[i][0])
			r = insert_id_text(db, "INSERT INTO volunteer_languages(volunteer_id, language)"
					       " VALUES (:id, :value) ON CONFLICT DO NOTHING", id, v->languages[i]);
	for (int i = 0; i < v->nareas && i < REG_MAX_AREAS && r == DB_OK; i++)
		if (v->areas[i][0])
			r = insert_id_text(db, "INSERT INTO volunteer_areas(volunteer_id, postcode)"
					       " VALUES (:id, :value) ON CONFLICT DO NOTHING", id, v->areas[i]);
	for (int d = 1; d <= 7 && r == DB_OK; d++) {
		for (int p = 0; p < 3 && r == DB_OK; p++) {
			if (!(v->availability & AVAIL_BIT(d, p)))
				continue;
			struct db_stmt *st;
			if ((r = db_prepare(db, &st, "INSERT INTO volunteer_availability(volunteer_id, weekday, part)"
						     " VALUES (:id, :day, :part)")) != DB_OK)
				break;
			db_bind_int(st, ":id", id);
			db_bind_int(st, ":day", d);
			db_bind_text(st, ":part", store_day_parts[p]);
			r = store_run(st);
		}
	}
	for (int i = 0; i < v->ncourses && i < REG_MAX_COURSES && r == DB_OK; i++) {
		const struct volunteer_course *c = &v->courses[i];
		if (!c->course[0])
			continue;
		struct db_stmt *st;
		if ((r = db_prepare(db, &st, "INSERT INTO volunteer_courses(volunteer_id, course, completed_on)"
					     " VALUES (:id, :course, :on)")) != DB_OK)
			break;
		db_bind_int(st, ":id", id);
		db_bind_text(st, ":course", c->course);
		db_bind_text(st, ":on", c->completed_on);
		r = store_run(st);
	}
	return r;
}

static void bind_volunteer(struct db_stmt *st, const struct volunteer_record *v)
{
	db_bind_text(st, ":name", v->name);
	db_bind_text(st, ":phone", store_or_null(v->phone));
	db_bind_text(st, ":email", store_or_null(v->email));
	db_bind_text(st, ":postcode", store_or_null(v->postcode));
	db_bind_text(st, ":town", store_or_null(v->town));
	db_bind_text(st, ":gender", store_or_null(v->gender));
	store_bind_id(st, ":birth_year", v->birth_year);
	db_bind_text(st, ":lived", store_or_null(v->lived_experience));
	db_bind_int(st, ":capacity", v->capacity);
	db_bind_text(st, ":status", v->status[0] ? v->status : "training");
}

enum db_status store_volunteers_save(struct db *db, const struct volunteer_record *rec, const struct registry_keys *keys,
				     long long expected_version, long long *id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, rec->id <= 0
		? "INSERT INTO volunteers(name, phone, email, postcode, town, gender, birth_year,"
		  " lived_experience, capacity, status, created_at, updated_at, sort_key, search_text)"
		  " VALUES (:name, :phone, :email, :postcode, :town, :gender, :birth_year, :lived,"
		  " :capacity, :status, :now, :now, :sort_key, :search_text)"
		: "UPDATE volunteers SET name = :name, phone = :phone, email = :email,"
		  " postcode = :postcode, town = :town, gender = :gender, birth_year = :birth_year,"
		  " lived_experience = :lived, capacity = :capacity, status = :status,"
		  " version = version + 1, updated_at = :now, sort_key = :sort_key, search_text = :search_text"
		  " WHERE id = :id AND version = :expected");
	if (r != DB_OK)
		return r;
	bind_volunteer(st, rec);
	store_bind_registry_keys(st, keys);
	store_bind_now(st, ":now");
	long long vid;
	if ((r = save_row(db, st, rec->id, expected_version, "SELECT 1 FROM volunteers WHERE id = :id", &vid)) != DB_OK)
		return r;
	if ((r = replace_volunteer_sets(db, vid, rec)) == DB_OK && id)
		*id = vid;
	return r;
}

enum db_status store_volunteers_set_status(struct db *db, long long id, const char *status)
{
	return update_status(db, "UPDATE volunteers SET status = :status, version = version + 1,"
				 " updated_at = :now WHERE id = :id", id, status);
}

/* ---------- activities and their sessions ---------- */

/* Planned sessions from `today` on that nothing refers to yet: no
 * attendance, no helpers, not the first session of a match. These may be
 * moved or dropped; any other session is history or a promise. */
#define FREE_FUTURE_SESSIONS \
	" activity_id = :id AND status = 'planned' AND date >= :today" \
	" AND NOT EXISTS (SELECT 1 FROM attendance AS t WHERE t.session_id = sessions.id)" \
	" AND NOT EXISTS (SELECT 1 FROM session_helpers AS h WHERE h.session_id = sessions.id)" \
	" AND NOT EXISTS (SELECT 1 FROM matches AS m WHERE m.first_session_id = sessions.id)"

enum db_status store_registry_drop_free_sessions(struct db *db, long long activity_id, const char *today)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "DELETE FROM sessions WHERE" FREE_FUTURE_SESSIONS);
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":id", activity_id);
	db_bind_text(st, ":today", today);
	return store_run(st);
}

/* Each weekday's sessions for `weeks` weeks from today, the dates made in
 * C (no SQL date arithmetic, alike on both engines): one statement per
 * day plans that day for every activity meeting on its weekday. */
enum db_status store_registry_plan_sessions_between(struct db *db, long long after, long long upto,
						const char *today, int weeks, int *created)
{
	*created = 0;
	if (weeks <= 0)
		return DB_OK;
	int weekday = store_date_weekday(today);
	if (!weekday)
		return DB_ERR_INVALID;
	enum db_status r = DB_OK;
	for (int n = 0; n < weeks && r == DB_OK; n++) {
		for (int d = 0; d < 7 && r == DB_OK; d++) {
			char day[STORE_DATE_LEN];
			if (!store_date_add(today, 7L * n + d, day))
				return DB_ERR_INVALID;
			struct db_stmt *st;
			if ((r = db_prepare(db, &st,
				"INSERT INTO sessions(activity_id, date, start_time, end_time, status)"
				" SELECT a.id, :day, a.start_time, a.end_time, 'planned' FROM activities AS a"
				" WHERE a.status = 'active' AND a.weekday = :weekday AND a.id > :after AND a.id <= :upto"
				" ORDER BY a.id"
				" ON CONFLICT (activity_id, date) DO NOTHING")) != DB_OK)
				break;
			db_bind_text(st, ":day", day);
			db_bind_int(st, ":weekday", (weekday - 1 + d) % 7 + 1);
			db_bind_int(st, ":after", after);
			db_bind_int(st, ":upto", upto);
			if ((r = store_run(st)) == DB_OK)
				*created += db_changes(db);
		}
	}
	return r;
}

enum db_status store_registry_plan_sessions(struct db *db, long long activity_id, const char *today, int weeks,
				      int *created)
{
	return activity_id ? store_registry_plan_sessions_between(db, activity_id - 1, activity_id, today, weeks, created)
			   : store_registry_plan_sessions_between(db, 0, LLONG_MAX, today, weeks, created);
}

/* One activity's sessions on its weekday from `from` up to `horizon`,
 * as store_registry_plan_sessions_between writes them; *next: the first
 * day of its weekday on or after `horizon`, which the plan does not reach. */
static enum db_status plan_activity(struct db *db, long long id, int weekday, const char *from, const char *horizon,
				    char next[STORE_DATE_LEN], int *created)
{
	int wd = store_date_weekday(from);
	if (!wd || !store_date_add(from, (weekday - wd + 7) % 7, next))
		return DB_ERR_INVALID;
	enum db_status r = DB_OK;
	while (r == DB_OK && strcmp(next, horizon) < 0) {
		struct db_stmt *st;
		if ((r = db_prepare(db, &st,
			"INSERT INTO sessions(activity_id, date, start_time, end_time, status)"
			" SELECT a.id, :day, a.start_time, a.end_time, 'planned' FROM activities AS a"
			" WHERE a.id = :id AND a.status = 'active' AND a.weekday = :weekday"
			" ON CONFLICT (activity_id, date) DO NOTHING")) != DB_OK)
			break;
		db_bind_text(st, ":day", next);
		db_bind_int(st, ":id", id);
		db_bind_int(st, ":weekday", weekday);
		if ((r = store_run(st)) == DB_OK)
			*created += db_changes(db);
		char day[STORE_DATE_LEN];
		memcpy(day, next, sizeof day);
		if (r == DB_OK && !store_date_add(day, 7, next))
			r = DB_ERR_INVALID;
	}
	return r;
}

enum db_status store_registry_plan_due(struct db *db, const char *today, int weeks, int max, int *created,
				       bool *more)
{
	*created = 0;
	*more = false;
	char horizon[STORE_DATE_LEN];
	if (weeks <= 0 || !store_date_add(today, 7L * weeks, horizon))
		return weeks <= 0 ? DB_OK : DB_ERR_INVALID;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT id, weekday, plan_next FROM activities INDEXED BY activities_plan_next"
		" WHERE status = 'active' AND weekday IS NOT NULL AND plan_next < :horizon"
		" ORDER BY plan_next, id LIMIT :max");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":horizon", horizon);
	db_bind_int(st, ":max", max);
	struct { long long id; int weekday; char next[STORE_DATE_LEN]; } due[64];
	int n = 0;
	while (n < max && n < (int)(sizeof due / sizeof due[0]) && db_step(st) == DB_ROW) {
		due[n].id = db_column_int(st, 0);
		due[n].weekday = (int)db_column_int(st, 1);
		store_copy(due[n].next, sizeof due[n].next, db_column_text(st, 2));
		n++;
	}
	if ((r = db_finalize(st)) != DB_OK)
		return r;
	for (int i = 0; i < n && r == DB_OK; i++) {
		/* Planned up to plan_next already, unless it is not known or
		 * lies before today. */
		const char *from = strcmp(due[i].next, today) > 0 ? due[i].next : today;
		char next[STORE_DATE_LEN];
		if ((r = plan_activity(db, due[i].id, due[i].weekday, from, horizon, next, created)) != DB_OK)
			break;
		if ((r = db_prepare(db, &st, "UPDATE activities SET plan_next = :next WHERE id = :id")) != DB_OK)
			break;
		db_bind_text(st, ":next", next);
		db_bind_int(st, ":id", due[i].id);
		r = store_run(st);
	}
	*more = r == DB_OK && n == max;
	return r;
}

enum db_status store_registry_plan_forget(struct db *db)
{
	return db_exec(db, "UPDATE activities SET plan_next = '' WHERE plan_next <> ''");
}

enum db_status store_registry_activities_after(struct db *db, long long after, int n, long long *upto)
{
	*upto = 0;
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"SELECT COALESCE(max(id), 0) FROM (SELECT id FROM activities WHERE id > :after ORDER BY id LIMIT :n)");
	if (r != DB_OK)
		return r;
	db_bind_int(st, ":after", after);
	db_bind_int(st, ":n", n);
	if (db_step(st) == DB_ROW)
		*upto = db_column_int(st, 0);
	return db_finalize(st);
}

static void bind_activity(struct db_stmt *st, const struct activity_record *a)
{
	db_bind_text(st, ":name", a->name);
	db_bind_text(st, ":kind", a->kind);
	db_bind_text(st, ":organiser", store_or_null(a->organiser));
	db_bind_text(st, ":place", store_or_null(a->place));
	db_bind_text(st, ":postcode", store_or_null(a->postcode));
	if (a->weekday >= 1 && a->weekday <= 7)
		db_bind_int(st, ":weekday", a->weekday);
	else
		db_bind_null(st, ":weekday");
	db_bind_text(st, ":start", store_or_null(a->start_time));
	db_bind_text(st, ":end", store_or_null(a->end_time));
	db_bind_int(st, ":capacity", a->capacity);
	db_bind_text(st, ":contact_name", store_or_null(a->contact_name));
	db_bind_text(st, ":contact_phone", store_or_null(a->contact_phone));
	db_bind_text(st, ":community", a->community[0] ? a->community : "lasting");
	db_bind_text(st, ":status", a->status[0] ? a->status : "active");
}

enum db_status store_registry_move_sessions(struct db *db, long long activity_id, const char *today,
					    const char *start_time, const char *end_time)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st,
		"UPDATE sessions SET start_time = :start, end_time = :end"
		" WHERE activity_id = :id AND status = 'planned' AND date >= :today");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":start", store_or_null(start_time));
	db_bind_text(st, ":end", store_or_null(end_time));
	db_bind_int(st, ":id", activity_id);
	db_bind_text(st, ":today", today);
	return store_run(st);
}

enum db_status store_registry_cancel_sessions(struct db *db, long long activity_id, const char *today,
					      const char *reason)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, "UPDATE sessions SET status = 'cancelled', cancel_reason = :reason"
					       " WHERE activity_id = :id AND status = 'planned' AND date >= :today");
	if (r != DB_OK)
		return r;
	db_bind_text(st, ":reason", store_or_null(reason));
	db_bind_int(st, ":id", activity_id);
	db_bind_text(st, ":today", today);
	return store_run(st);
}

enum db_status store_activities_save(struct db *db, const struct activity_record *rec, const struct registry_keys *keys,
				     long long expected_version, long long *id)
{
	struct db_stmt *st;
	enum db_status r = db_prepare(db, &st, rec->id <= 0
		? "INSERT INTO activities(name, kind, organiser, place, postcode, weekday, start_time,"
		  " end_time, capacity, contact_name, contact_phone, community, status, created_at,"
		  " updated_at, sort_key, search_text) VALUES (:name, :kind, :organiser, :place, :postcode,"
		  " :weekday, :start, :end, :capacity, :contact_name, :contact_phone, :community, :status,"
		  " :now, :now, :sort_key, :search_text)"
		: "UPDATE activities SET name = :name, kind = :kind, organiser = :organiser,"
		  " place = :place, postcode = :postcode, weekday = :weekday, start_time = :start,"
		  " end_time = :end, capacity = :capacity, contact_name = :contact_name,"
		  " contact_phone = :contact_phone, community = :community, status = :status,"
		  " version = version + 1, updated_at = :now, sort_key = :sort_key, search_text = :search_text"
		  " WHERE id = :id AND version = :expected");
	if (r != DB_OK)
		return r;
	bind_activity(st, rec);
	store_bind_registry_keys(st, keys);
	store_bind_now(st, ":now");
	long long aid;
	if ((r = save_row(db, st, rec->id, expected_version, "SELECT 1 FROM activities WHERE id = :id", &aid)) != DB_OK)
		return r;
	if ((r = exec_id(db, "DELETE FROM activity_interests WHERE activity_id = :id", aid)) != DB_OK)
		return r;
	for (int i = 0; i < rec->ninterests && i < CIT_MAX_PICKS && r == DB_OK; i++)
		r = insert_id_int(db, "INSERT INTO activity_interests(activity_id, interest_id)"
				      " VALUES (:id, :value) ON CONFLICT DO NOTHING", aid, rec->interests[i]);
	if (r == DB_OK && id)
		*id = aid;
	return r;
}

enum db_status store_activities_set_status(struct db *db, long long id, const char *status)
{
	return update_status(db, "UPDATE activities SET status = :status, version = version + 1,"
				 " updated_at = :now WHERE id = :id", id, status);
}
