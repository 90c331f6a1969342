/* test_daily.c — the day's rules give way to a key (daily_step_unless):
 * a step stopped halfway changed nothing and is done again, so a day's
 * work stopped many times ends exactly where the same work done in one
 * go ends. SQLite only: a server runs each step to its end. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daily.h"
#include "date.h"
#include "db.h"
#include "demo.h"
#include "desk.h"
#include "tap.h"
#include "testdb.h"

static const struct date demo_day = { 2026, 11, 26 };

/* A key comes at the engine's `at`-th question in a step's first try
 * (0: none comes), never in the try after it. */
struct keys {
	int asked, at;
	int stopped;
};

static bool key_now(void *ctx)
{
	struct keys *k = ctx;
	return k->at > 0 && ++k->asked == k->at;
}

/* What the day's rules leave behind, as one line to compare. */
static void fingerprint(struct db *db, const struct daily_work *w, char *out, size_t size)
{
	snprintf(out, size,
		 "calls %lld open %lld no-contact %lld sessions %lld anonymised %lld audit %lld"
		 " | made: sessions %d calls %d marks %d waiting %lld forgotten %lld",
		 testdb_count(db, "SELECT count(*) FROM follow_ups"),
		 testdb_count(db, "SELECT count(*) FROM follow_ups WHERE status = 'open'"),
		 testdb_count(db, "SELECT count(*) FROM follow_ups WHERE reason = 'no_contact'"),
		 testdb_count(db, "SELECT count(*) FROM sessions"),
		 testdb_count(db, "SELECT count(*) FROM citizens WHERE anonymised_on IS NOT NULL"),
		 testdb_count(db, "SELECT count(*) FROM audit_log"), w->sessions.created, w->calls.made.created,
		 w->marks.created, w->no_contact.waiting, (long long)w->retention.total.citizens);
}

int main(void)
{
	if (!testdb_start("daily"))
		return 1;
	if (testdb_pg()) {
		printf("1..0 # SKIP a server runs each step of the day's rules to its end\n");
		return 0;
	}
	struct db *whole, *stopped;
	if (!testdb_demo("whole.db", 1500, 3, 3, demo_day, &whole)
	    || !testdb_demo("stopped.db", 1500, 3, 3, demo_day, &stopped)) {
		printf("Bail out! cannot make the demo centres\n");
		return 1;
	}
	/* A day well after the demo's: every rule has work to do. */
	setenv("BROBYGGER_TODAY", "2027-02-01", 1);
	struct date day = date_today();

	struct desk a = desk_command_line(whole);
	struct daily_work wa;
	daily_begin(&wa, day);
	int steps = 0;
	bool whole_ok = true;
	while (daily_pending(&wa) && steps < 100000) {
		whole_ok &= daily_step(&a, &wa) == DB_OK;
		steps++;
	}
	TAP_CHECK(whole_ok && !daily_pending(&wa), "the day's work in one go: %d steps", steps);

	/* The same day, a key at a different moment of every step. */
	struct desk b = desk_command_line(stopped);
	struct daily_work wb;
	daily_begin(&wb, day);
	struct keys k = { 0 };
	int tries = 0;
	unsigned phases_stopped = 0;
	bool all_ok = true;
	while (daily_pending(&wb) && tries < 300000) {
		int phase = !wb.retention.done ? 0 : !wb.sessions.done ? 1 : !wb.calls_done ? 2 : !wb.marks.done ? 3 : 4;
		k.asked = 0;
		k.at = k.at ? 0 : 1 + tries % 4;
		enum db_status r = daily_step_unless(&b, &wb, key_now, &k);
		all_ok &= r == DB_OK;
		if (k.at && k.asked >= k.at) {
			k.stopped++;
			phases_stopped |= 1u << phase;
		} else {
			k.at = 0; /* the next try comes with a key again */
		}
		tries++;
	}
	TAP_CHECK(all_ok, "a stopped step is no failure of the day's work");
	TAP_CHECK(!daily_pending(&wb), "the day's work ends (%d tries, %d steps in one go)", tries, steps);
	/* Retention, the call rules, the no-contact count (the steps of the
	 * sessions ahead and of the marks' replay are too quick here to be
	 * asked even once), a quarter of the steps or more. */
	TAP_CHECK(k.stopped >= 8 && k.stopped >= steps / 4 && (phases_stopped & 0x15) == 0x15,
		  "keys stopped %d tries, in the rules %#x", k.stopped, phases_stopped);

	char fa[512], fb[512];
	fingerprint(whole, &wa, fa, sizeof fa);
	fingerprint(stopped, &wb, fb, sizeof fb);
	printf("# in one go:  %s\n# stopped:    %s\n", fa, fb);
	TAP_STR_EQ(fb, fa, "stopped again and again, the day ends as in one go");
	struct db_stmt *st;
	char check[64] = "";
	if (db_prepare(stopped, &st, "PRAGMA quick_check") == DB_OK && db_step(st) == DB_ROW)
		snprintf(check, sizeof check, "%s", db_column_text(st, 0));
	db_finalize(st);
	TAP_STR_EQ(check, "ok", "the file is whole");
	TAP_INT_EQ(db_exec(stopped, "INSERT INTO citizens_fts(citizens_fts) VALUES ('integrity-check')"), DB_OK,
		   "and so is the search's full-text index");
	TAP_CHECK(wa.calls.made.created + wa.marks.created > 0 && wa.sessions.created > 0,
		  "and the day had calls and sessions to make");
	/* The call list shows "99+" past COUNT_SHOWN_MAX: the count of who
	 * waits after no contact stops there, not at the last citizen. */
	long long last = testdb_count(whole, "SELECT max(id) FROM citizens");
	TAP_CHECK(wa.no_contact.waiting > COUNT_SHOWN_MAX && wa.no_contact.after_id < last,
		  "the no-contact count stops past %d (%lld counted, up to citizen %lld of %lld)", COUNT_SHOWN_MAX,
		  wa.no_contact.waiting, wa.no_contact.after_id, last);

	daily_end(&wa);
	daily_end(&wb);
	db_close(whole);
	db_close(stopped);
	testdb_finish();
	return tap_done();
}
