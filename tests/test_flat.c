/* test_flat.c — the desk's hot actions stay flat (issue 15): on a demo
 * centre ten times larger they do about the same work, and none of them
 * reads a whole table. Work is SQLite's virtual-machine steps (db_work),
 * the same on every run, so this is a test and not a benchmark; how the
 * engine runs each statement comes from EXPLAIN QUERY PLAN
 * (db_watch_plans), so a lost or unused index fails here before it shows
 * at a large centre. scripts/bench measures the times. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "calls.h"
#include "citizens.h"
#include "daily.h"
#include "db.h"
#include "demo.h"
#include "desk.h"
#include "matching.h"
#include "migrate.h"
#include "overview.h"
#include "registry.h"
#include "retention.h"
#include "tap.h"
#include "testdb.h"

static const struct date today = { 2026, 11, 26 };

/* The small centre is larger than a step of the no-contact count, so
 * that step counts as many citizens at both. */
enum { SMALL = 1500, LARGE = 15000 };

/* A plan step that reads a whole table from end to end; "" when the
 * plan has none. */
static char full_scan[600];

/* Whether `name` is what the statement itself builds: a WITH table or a
 * subquery in FROM, small by construction. */
static bool built_by(const char *sql, const char *name)
{
	static const char *const forms[] = { ") AS %s", "WITH %s AS (", ", %s AS (", " %s AS MATERIALIZED (",
					     "WITH %s(", ", %s(" };
	char pattern[96];
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		snprintf(pattern, sizeof pattern, forms[i], name);
		const char *at = strstr(sql, pattern);
		/* A whole word: ") AS m" is not ") AS mx". */
		if (at && (i != 0 || !at[strlen(pattern)] || strchr(" ,)", at[strlen(pattern)])))
			return true;
	}
	/* Or an alias of one: "people AS p". */
	snprintf(pattern, sizeof pattern, " AS %s", name);
	for (const char *at = strstr(sql, pattern); at; at = strstr(at + 1, pattern)) {
		char after = at[strlen(pattern)];
		if (after && !strchr(" ,)", after))
			continue;
		const char *end = at, *start = at;
		while (start > sql && (start[-1] == '_' || (start[-1] >= 'a' && start[-1] <= 'z')))
			start--;
		char table[64];
		snprintf(table, sizeof table, "%.*s", (int)(end - start), start);
		if (table[0] && strcmp(table, name) != 0 && built_by(sql, table))
			return true;
	}
	return false;
}

static void on_plan(void *ctx, const char *sql, const char *step)
{
	(void)ctx;
	if (strncmp(step, "SCAN ", 5) != 0 || full_scan[0])
		return;
	/* A walk down an index in list order stops at its LIMIT (the
	 * search's walks, bounded by design); a full-text table is read
	 * through its own index. */
	if (strstr(step, " USING ") || strstr(step, "VIRTUAL TABLE") || strncmp(step, "SCAN (subquery-", 15) == 0
	    || strcmp(step, "SCAN CONSTANT ROW") == 0)
		return;
	char name[64];
	if (sscanf(step + 5, "%63s", name) != 1 || built_by(sql, name))
		return;
	/* Tables of a few rows: the settings, the pick-lists. */
	static const char *const tiny[] = { "settings", "users", "interests", "barriers", "measure_defs",
					    "call_reasons", "ac", NULL };
	for (int i = 0; tiny[i]; i++)
		if (strcmp(name, tiny[i]) == 0)
			return;
	snprintf(full_scan, sizeof full_scan, "%s in: %.500s", step, sql);
}

/* A step of the home screen's plans that reads the sessions' rows, not
 * their index alone; "" when none does. */
static char home_rows[600];

static void on_home_plan(void *ctx, const char *sql, const char *step)
{
	(void)ctx;
	(void)sql;
	if (!home_rows[0] && strncmp(step, "SEARCH sessions ", 16) == 0 && !strstr(step, "COVERING INDEX"))
		snprintf(home_rows, sizeof home_rows, "%s", step);
}

/* A step of a mark's plans that reads a table's rows where an index
 * holds all it asks (migration 22: whether a consent is in force). */
static char mark_rows[600];

static void on_mark_plan(void *ctx, const char *sql, const char *step)
{
	(void)ctx;
	(void)sql;
	if (!mark_rows[0] && strncmp(step, "SEARCH consents ", 16) == 0 && !strstr(step, "COVERING INDEX"))
		snprintf(mark_rows, sizeof mark_rows, "%s", step);
}

/* Whether a day of the attendance week read its sessions and its
 * weekly slots in the week's order from indexes alone (migration 35),
 * and its sessions' rolls from the enrolments' index alone. */
static bool week_sessions_from_index, week_slots_from_index, week_rolls_from_index;

static void on_week_plan(void *ctx, const char *sql, const char *step)
{
	(void)ctx;
	(void)sql;
	if (strstr(step, "COVERING INDEX sessions_week"))
		week_sessions_from_index = true;
	if (strstr(step, "COVERING INDEX activities_slot"))
		week_slots_from_index = true;
	if (strstr(step, "COVERING INDEX enrolments_activity_end"))
		week_rolls_from_index = true;
}

struct demo_centre {
	struct db *db;
	struct desk desk;
	long long citizen, session;
	struct session_info held;     /* the session's, as its roll list has them */
	long long enrolled;           /* someone on that list */
};

static bool open_centre(struct demo_centre *c, long citizens)
{
	char name[32];
	snprintf(name, sizeof name, "demo-%ld.db", citizens);
	if (!testdb_demo(name, citizens, 1, 2, today, &c->db))
		return false;
	c->desk = desk_command_line(c->db);
	c->citizen = testdb_count(c->db, "SELECT min(id) FROM citizens WHERE status = 'active'");
	c->session = testdb_count(c->db, "SELECT s.id FROM sessions AS s WHERE s.date = '2026-11-26'"
					 " AND s.status <> 'cancelled' AND EXISTS (SELECT 1 FROM enrolments AS e"
					 " WHERE e.activity_id = s.activity_id AND e.ended_on IS NULL) ORDER BY s.id LIMIT 1");
	c->held = (struct session_info){ .id = c->session };
	c->held.activity_id = testdb_count(c->db, "SELECT activity_id FROM sessions WHERE id = (SELECT s.id FROM sessions"
						  " AS s WHERE s.date = '2026-11-26' AND s.status <> 'cancelled'"
						  " AND EXISTS (SELECT 1 FROM enrolments AS e WHERE e.activity_id ="
						  " s.activity_id AND e.ended_on IS NULL) ORDER BY s.id LIMIT 1)");
	snprintf(c->held.date, sizeof c->held.date, "2026-11-26");
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT max(citizen_id) FROM enrolments WHERE activity_id = %lld AND ended_on IS NULL"
		 " AND enrolled_on <= '2026-11-26'",
		 c->held.activity_id);
	c->enrolled = testdb_count(c->db, sql);
	return c->citizen > 0 && c->session > 0 && c->enrolled > 0;
}

/* ---------- the actions ---------- */

static enum db_status home(struct demo_centre *c)
{
	struct overview o;
	return overview_today(&c->desk, &o);
}

static enum db_status search(struct demo_centre *c, const char *typed)
{
	struct citizen_hit hits[20];
	int n;
	return citizens_search(&c->desk, typed, 0, 20, hits, &n);
}

static enum db_status search_m(struct demo_centre *c) { return search(c, "m"); }
static enum db_status search_han(struct demo_centre *c) { return search(c, "han"); }
static enum db_status search_two_words(struct demo_centre *c) { return search(c, "an ni"); }
static enum db_status search_phone(struct demo_centre *c) { return search(c, "2 3"); }
/* A family name's start that no first name has: a walk down the list
 * order (Schmidt, Schultz), and a join of a rare name's few full-text
 * hits (Kovalenko), each bounded however large the centre. */
static enum db_status search_family_start(struct demo_centre *c) { return search(c, "sch"); }
static enum db_status search_rare(struct demo_centre *c) { return search(c, "kova"); }
/* Two words with few hits: the other fields' hits read once, the folded
 * name's tiers tested among them (json_each). A phone's middle digits:
 * few hits joined likewise; many walked down the list order, whose index
 * holds the digits (migration 23), about as many rows at any size. */
static enum db_status search_two_words_few(struct demo_centre *c) { return search(c, "åse b"); }
static enum db_status search_phone_middle(struct demo_centre *c) { return search(c, "998"); }

static enum db_status card(struct demo_centre *c)
{
	struct citizen_view *v = malloc(sizeof *v);
	if (!v)
		return DB_ERR_IO;
	enum db_status r = citizens_card(&c->desk, c->citizen, v);
	free(v);
	return r;
}

static enum db_status call_list(struct demo_centre *c)
{
	struct call_counts counts;
	struct call_escalation raised[8];
	struct call_row rows[20];
	int nraised, n;
	enum db_status r = calls_summary(&c->desk, "2026-11-26", "2026-12-03", &counts, raised, 8, &nraised);
	return r == DB_OK ? calls_page(&c->desk, "2026-12-03", "", NULL, 20, rows, &n) : r;
}

static enum db_status waiting_list(struct demo_centre *c)
{
	struct waiting_citizen w[20];
	int n;
	long long waiting;
	enum db_status r = matching_waiting_count(&c->desk, &waiting);
	return r == DB_OK ? matching_waiting(&c->desk, 0, 20, w, &n) : r;
}

/* The attendance week as it opens (the page before this minute of today
 * and the page after it) and its next page, as the screen reads them.
 * The screen's page is a screenful and one; here it is two pages smaller
 * than the small centre's week (8 activities, 8 or so sessions), or that
 * centre would count its whole week and the larger one only a page. */
enum { WEEK_PAGE = 4 };
static const struct date monday = { 2026, 11, 23 };

static enum db_status week_opening(struct demo_centre *c)
{
	struct session_info *s = malloc(2 * WEEK_PAGE * sizeof *s);
	if (!s)
		return DB_ERR_IO;
	struct session_key now = { "2026-11-26", "12:00~", 0 };
	int before, after;
	enum db_status r = attendance_week(&c->desk, monday, "", &now, SESSIONS_BEFORE, s, WEEK_PAGE, &before);
	if (r == DB_OK)
		r = attendance_week(&c->desk, monday, "", &now, SESSIONS_AFTER, s + before, WEEK_PAGE, &after);
	if (r == DB_OK && before + after == 0)
		r = DB_ERR_NOTFOUND;
	free(s);
	return r;
}

static enum db_status week_next_page(struct demo_centre *c)
{
	struct session_info *s = malloc(WEEK_PAGE * sizeof *s);
	if (!s)
		return DB_ERR_IO;
	int n;
	enum db_status r = attendance_week(&c->desk, monday, "", NULL, SESSIONS_AFTER, s, WEEK_PAGE, &n);
	if (r == DB_OK && n > 0) {
		struct session_key key;
		session_key_of(&s[n - 1], &key);
		r = attendance_week(&c->desk, monday, "", &key, SESSIONS_AFTER, s, WEEK_PAGE, &n);
	}
	if (r == DB_OK && n == 0)
		r = DB_ERR_NOTFOUND;
	free(s);
	return r;
}

/* The registry's screen opens on the volunteers' first page, Tab shows
 * the activities'. */
static enum db_status volunteers_page(struct demo_centre *c)
{
	struct volunteer_row rows[20];
	int n;
	enum db_status r = registry_find_volunteers(&c->desk, "", 0, 20, rows, &n);
	return r == DB_OK && n == 0 ? DB_ERR_NOTFOUND : r;
}

static enum db_status activities_page(struct demo_centre *c)
{
	struct activity_row rows[20];
	int n;
	enum db_status r = registry_find_activities(&c->desk, "", 0, 20, rows, &n);
	return r == DB_OK && n == 0 ? DB_ERR_NOTFOUND : r;
}

static enum db_status roll(struct demo_centre *c)
{
	struct roll r;
	enum db_status st = attendance_roll_view(&c->desk, c->session, &r);
	if (st == DB_OK)
		attendance_roll_free(&r);
	return st;
}

static enum db_status mark(struct demo_centre *c)
{
	struct roll r;
	enum db_status st = attendance_roll_view(&c->desk, c->session, &r);
	if (st != DB_OK)
		return st;
	st = r.count ? attendance_mark(&c->desk, c->session, r.entries[0].citizen_id, "absent", 0, NULL)
		     : DB_ERR_NOTFOUND;
	attendance_roll_free(&r);
	return st;
}

/* The row the roll list reads again after a mark. */
static enum db_status roll_row(struct demo_centre *c)
{
	struct roll_entry e;
	return attendance_roll_entry(&c->desk, &c->held, c->enrolled, &e);
}

/* The steps of the day's rules, each what one idle moment runs. */
static enum db_status retention_step(struct demo_centre *c)
{
	struct retention_pass p = { 0 };
	enum db_status r = retention_daily_step(&c->desk, today, &p);
	return r == DB_OK && !p.done ? retention_daily_step(&c->desk, today, &p) : r;
}

static enum db_status plan_step(struct demo_centre *c)
{
	struct plan_ahead p = { 0 };
	return registry_plan_ahead_step(&c->desk, today, &p);
}

static enum db_status calls_sweep(struct demo_centre *c)
{
	struct call_sweep s;
	return calls_plan_due(&c->desk, today, false, &s);
}

static enum db_status marks_step(struct demo_centre *c)
{
	struct marks_replay m = { 0 };
	return calls_replay_marks_step(&c->desk, today, &m);
}

static enum db_status no_contact_step(struct demo_centre *c)
{
	struct no_contact_count n = { 0 };
	return calls_no_contact_count_step(&c->desk, today, &n);
}

static const struct action {
	const char *what;
	enum db_status (*run)(struct demo_centre *c);
} actions[] = {
	{ "the home screen's numbers", home },
	{ "search: one letter", search_m },
	{ "search: three letters", search_han },
	{ "search: two words", search_two_words },
	{ "search: phone digits", search_phone },
	{ "search: a family name's start", search_family_start },
	{ "search: a rare family name", search_rare },
	{ "search: two words, few hits", search_two_words_few },
	{ "search: a phone's middle digits", search_phone_middle },
	{ "the card", card },
	{ "the call list's first page", call_list },
	{ "the matching list's first page", waiting_list },
	{ "the attendance week's opening", week_opening },
	{ "the attendance week's next page", week_next_page },
	{ "the roll list", roll },
	{ "the volunteers' first page", volunteers_page },
	{ "the activities' first page", activities_page },
	{ "one attendance mark", mark },
	{ "the mark's row read again", roll_row },
	{ "a step of the retention rule", retention_step },
	{ "a step of the weeks ahead's plan", plan_step },
	{ "the call rules at start", calls_sweep },
	{ "a step of the attendance marks' replay", marks_step },
	{ "a step of the no-contact count", no_contact_step },
};
enum { NACTIONS = sizeof actions / sizeof actions[0] };

/* The work of each action, and whether a plan read a whole table. */
static void measure(struct demo_centre *c, long long work[NACTIONS], char scans[NACTIONS][600])
{
	db_watch_plans(c->db, on_plan, NULL);
	for (int i = 0; i < NACTIONS; i++) {
		full_scan[0] = '\0';
		long long before = db_work(c->db);
		enum db_status r = actions[i].run(c);
		work[i] = db_work(c->db) - before;
		if (r != DB_OK)
			work[i] = -1;
		snprintf(scans[i], 600, "%s", full_scan);
	}
	db_watch_plans(c->db, NULL, NULL);
}

int main(void)
{
	if (!testdb_start("flat"))
		return 1;
	struct demo_centre small, large;
	if (!open_centre(&small, SMALL) || !open_centre(&large, LARGE)) {
		printf("Bail out! cannot make the demo centres\n");
		return 1;
	}
	static long long work_small[NACTIONS], work_large[NACTIONS];
	static char scans_small[NACTIONS][600], scans_large[NACTIONS][600];
	measure(&small, work_small, scans_small);
	measure(&large, work_large, scans_large);
	for (int i = 0; i < NACTIONS; i++) {
		printf("# %-34s %9lld steps at %d citizens, %9lld at %d\n", actions[i].what, work_small[i], SMALL,
		       work_large[i], LARGE);
		TAP_CHECK(work_small[i] >= 0 && work_large[i] >= 0, "%s runs", actions[i].what);
		/* Flat: ten times the citizens, at most three times the work
		 * (the demo's larger centre also has more activities, longer
		 * rolls and more calls a day, which an index does not hide). */
		TAP_CHECK(work_large[i] <= 3 * work_small[i] + 5000, "%s stays flat (%lld, then %lld)",
			  actions[i].what, work_small[i], work_large[i]);
		TAP_CHECK(!scans_large[i][0], "%s reads no whole table%s%s", actions[i].what,
			  scans_large[i][0] ? ": " : "", scans_large[i]);
	}
	/* After a mark the roll list reads that person's row, a small part
	 * of reading the list. */
	int list = -1, row = -1;
	for (int i = 0; i < NACTIONS; i++) {
		list = actions[i].run == roll ? i : list;
		row = actions[i].run == roll_row ? i : row;
	}
	/* PostgreSQL's work is the statements sent (db_work): the row is
	 * read in fewer of them, each reading one person's rows. */
	if (testdb_pg())
		TAP_CHECK(list >= 0 && row >= 0 && work_large[row] < work_large[list],
			  "a mark's row read again takes fewer statements than the list");
	else
		TAP_CHECK(list >= 0 && row >= 0 && 4 * work_large[row] < work_large[list],
			  "a mark's row read again is under a quarter of the list's work");
	/* Redrawn after every change: today's sessions are counted from the
	 * index, however many a large centre holds in a day. */
	db_watch_plans(large.db, on_home_plan, NULL);
	TAP_INT_EQ(home(&large), DB_OK, "the home screen's numbers again");
	db_watch_plans(large.db, NULL, NULL);
	TAP_CHECK(!home_rows[0], "the home screen reads no session's row%s%s", home_rows[0] ? ": " : "", home_rows);
	/* A mark asks whether the citizen consents to contact: from the
	 * index alone, no page of the consents table read for it. */
	db_watch_plans(large.db, on_mark_plan, NULL);
	TAP_INT_EQ(mark(&large), DB_OK, "a mark again");
	db_watch_plans(large.db, NULL, NULL);
	TAP_CHECK(!mark_rows[0], "a mark reads no consent's row%s%s", mark_rows[0] ? ": " : "", mark_rows);
	/* A day of the week reads its page in order from indexes alone, not
	 * every session of the day. PostgreSQL plans its own. */
	if (!testdb_pg()) {
		db_watch_plans(large.db, on_week_plan, NULL);
		TAP_INT_EQ(week_opening(&large), DB_OK, "the attendance week again");
		db_watch_plans(large.db, NULL, NULL);
		TAP_CHECK(week_sessions_from_index, "a day of the week reads its sessions in order from sessions_week");
		TAP_CHECK(week_slots_from_index, "a day of the week reads its weekly slots in order from activities_slot");
		TAP_CHECK(week_rolls_from_index, "a session's roll is counted from enrolments_activity_end alone");
	}
	db_close(small.db);
	db_close(large.db);
	testdb_finish();
	return tap_done();
}
