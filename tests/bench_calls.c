/* bench_calls — how fast the follow-up call list is built and a call card
 * opens on a large centre. Not a test: it prints figures. It writes the
 * calls the rules plan, so run it on a copy:
 *
 *   BROBYGGER_TODAY=2026-11-26 ./build/brobygger demo --citizens 100000 --db /tmp/bench-calls.db
 *   BROBYGGER_TODAY=2026-11-26 ./build/tests/bench_calls /tmp/bench-calls.db
 *
 * Figures (median and 99th percentile, warm, as on a desk PC in use):
 * - the first sweep of the day: every call rule over the whole database,
 *   including the scan for citizens without contact (once a day);
 * - today's call list from scratch, as entering the screen does it the
 *   first time in a day: the sweep with the attendance marks replayed
 *   (nothing new by then), the counts, the coordinator's list and the
 *   first page of calls; and its two halves;
 * - the list again later the same day (the marks are not replayed: the
 *   attendance screen plans those calls itself);
 * - the whole list read page by page (for scale: the desk reads a page);
 * - counting the citizens waiting after no contact (once a day per desk);
 * - opening a call card: calls_card (which writes its audit row) and the
 *   measure history it draws, for 500 random open calls.
 *
 * Everything goes through the use cases of src/calls.c and src/measures.c
 * as the command line's desk, so the figures include the role check, the
 * transaction and the audit row the screens pay for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "calls.h"
#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "desk.h"
#include "measures.h"

enum { LIST_RUNS = 200, CARDS = 500, PAGE = 100, MAX_ESC = 100 };

static unsigned long long rng_state = 20261126;

static unsigned long long rng_next(void)
{
	unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void fail(struct db *db, const char *what, enum db_status r)
{
	fprintf(stderr, "bench_calls: %s failed (%d): %s\n", what, (int)r, db_errdetail(db));
	exit(1);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_calls DATABASE (a copy: the rules write calls)\n");
		return 2;
	}
	dbrules_install();
	struct db *db;
	enum db_status r = db_open(argv[1], &db);
	if (r != DB_OK)
		fail(db, "open", r);
	struct desk desk = desk_command_line(db);
	struct date today = date_today();
	char today_iso[DATE_ISO_LEN], until_iso[DATE_ISO_LEN];
	date_format_iso(today, today_iso);
	date_format_iso(date_add_days(today, 7), until_iso);
	long long citizens = 0, open_calls = 0;
	db_query_int(db, "SELECT count(*) FROM citizens", &citizens);
	db_query_int(db, "SELECT count(*) FROM follow_ups WHERE status = 'open'", &open_calls);
	printf("%lld citizens, %lld open calls, today %s\n", citizens, open_calls, today_iso);

	/* The day's first sweep, once: what it wrote stays. */
	struct call_sweep sweep;
	double t0 = now_ms();
	if ((r = calls_plan_due(&desk, today, true, &sweep)) != DB_OK)
		fail(db, "first sweep", r);
	double first = now_ms() - t0;
	printf("%-44s %8.3f ms  (%d calls planned)\n", "first sweep of the day (all rules)", first, sweep.created);

	struct call_row *rows = malloc(sizeof *rows * PAGE);
	struct call_escalation *esc = malloc(sizeof *esc * MAX_ESC);
	double *ms = malloc(sizeof *ms * (CARDS > LIST_RUNS ? CARDS : LIST_RUNS));
	if (!rows || !esc || !ms)
		return 1;

	/* Today's list from scratch, as the screen builds it on entering. */
	long long listed = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < LIST_RUNS; i++) {
			struct call_counts counts;
			int n = 0, ne = 0;
			double s = now_ms();
			if ((r = calls_plan_due(&desk, today, true, &sweep)) != DB_OK)
				fail(db, "sweep", r);
			if ((r = calls_summary(&desk, today_iso, until_iso, &counts, esc, MAX_ESC, &ne)) != DB_OK)
				fail(db, "counts and escalations", r);
			if ((r = calls_page(&desk, until_iso, "", NULL, PAGE, rows, &n)) != DB_OK)
				fail(db, "list", r);
			ms[i] = now_ms() - s;
			listed = counts.due + counts.week;
		}
	}
	report("today's call list from scratch", ms, LIST_RUNS);
	/* Its two halves: the rules, and reading what the screen shows. */
	double *ms2 = malloc(sizeof *ms2 * LIST_RUNS);
	if (!ms2)
		return 1;
	for (int i = 0; i < LIST_RUNS; i++) {
		struct call_counts counts;
		int n = 0, ne = 0;
		double s = now_ms();
		if ((r = calls_plan_due(&desk, today, true, &sweep)) != DB_OK)
			fail(db, "sweep", r);
		double mid = now_ms();
		if ((r = calls_summary(&desk, today_iso, until_iso, &counts, esc, MAX_ESC, &ne)) != DB_OK
		    || (r = calls_page(&desk, until_iso, "", NULL, PAGE, rows, &n)) != DB_OK)
			fail(db, "read", r);
		ms[i] = mid - s;
		ms2[i] = now_ms() - mid;
	}
	report("  of it: the sweep (nothing new)", ms, LIST_RUNS);
	report("  of it: counts, coordinator's list, page", ms2, LIST_RUNS);
	/* Later the same day: the marks were replayed on the first look. */
	for (int i = 0; i < LIST_RUNS; i++) {
		struct call_counts counts;
		int n = 0, ne = 0;
		double s = now_ms();
		if ((r = calls_plan_due(&desk, today, false, &sweep)) != DB_OK
		    || (r = calls_summary(&desk, today_iso, until_iso, &counts, esc, MAX_ESC, &ne)) != DB_OK
		    || (r = calls_page(&desk, until_iso, "", NULL, PAGE, rows, &n)) != DB_OK)
			fail(db, "later list", r);
		ms[i] = now_ms() - s;
	}
	report("the list again later the same day", ms, LIST_RUNS);
	free(ms2);
	printf("%-44s %lld calls due today or overdue or in the week\n", "", listed);

	for (int i = 0; i < 20; i++) {
		double s = now_ms();
		int got = PAGE;
		struct call_row last;
		bool first_page = true;
		while (got == PAGE) {
			if ((r = calls_page(&desk, until_iso, "", first_page ? NULL : &last, PAGE, rows, &got)) != DB_OK)
				fail(db, "list pages", r);
			if (got)
				last = rows[got - 1];
			first_page = false;
		}
		ms[i] = now_ms() - s;
	}
	report("the whole list, page by page", ms, 20);

	for (int i = 0; i < 20; i++) {
		long long waiting;
		double s = now_ms();
		if ((r = calls_no_contact_waiting(&desk, today, &waiting)) != DB_OK)
			fail(db, "waiting", r);
		ms[i] = now_ms() - s;
	}
	report("count waiting after no contact (daily)", ms, 20);

	/* Call cards: random open calls. */
	long long max_id = 0;
	db_query_int(db, "SELECT max(id) FROM follow_ups", &max_id);
	struct call_card *card = malloc(sizeof *card);
	struct measure_history *hist = malloc(sizeof *hist * 4);
	if (!card || !hist || max_id == 0)
		return 1;
	int done = 0;
	for (int pass = 0; pass < 2; pass++) {
		rng_state = 20261126;
		done = 0;
		for (int tries = 0; done < CARDS && tries < CARDS * 50; tries++) {
			long long id = 1 + (long long)(rng_next() % (unsigned long long)max_id);
			double s = now_ms();
			r = calls_card(&desk, id, card);
			if (r == DB_ERR_NOTFOUND || (r == DB_OK && strcmp(card->status, "open") != 0))
				continue;
			if (r != DB_OK)
				fail(db, "card", r);
			int nh;
			if ((r = measures_history(&desk, card->call.citizen_id, hist, 4, &nh)) != DB_OK)
				fail(db, "history", r);
			ms[done++] = now_ms() - s;
		}
	}
	report("open a call card", ms, done);
	free(card);
	free(hist);
	free(rows);
	free(esc);
	free(ms);
	db_close(db);
	return 0;
}
