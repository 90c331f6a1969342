/* bench_report — how long the whole year's funders' report takes beside
 * the single best hand-written SQL query for attendance per activity per
 * month, on the same database. Not a test: it prints figures. Each report
 * writes an audit row, so run it on a copy:
 *
 *   cp demo100k.db /tmp/r.db      (or: brobygger demo --citizens 100000 --years 3 --db /tmp/r.db)
 *   BROBYGGER_TODAY=2026-12-03 ./build/tests/bench_report /tmp/r.db [FROM TO]
 *
 * The period is the year up to today unless FROM and TO (ISO) are given.
 * Every timing is the median of RUNS warm runs; the report and the best
 * query then take turns, so a busy machine slows both alike. The
 * hand-written query is the best of a few ways to write it (each
 * printed): what a person who
 * knows SQLite would write to get marks per activity and month, with no
 * distinct participants, no first-timers and nothing else. The report is
 * report_make (every figure of every section, through the use case as the
 * command line's desk, the audit row included) and then the text format.
 * Last, each family of store facts is timed alone, to show where the time
 * goes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "desk.h"
#include "report.h"
#include "report_render.h"
#include "store_report.h"

enum { RUNS = 7 };

static void fail(struct db *db, const char *what, enum db_status r)
{
	fprintf(stderr, "bench_report: %s failed (%d): %s\n", what, (int)r, db_errdetail(db));
	exit(1);
}

static double median(double *ms, int n)
{
	qsort(ms, (size_t)n, sizeof *ms, bench_cmp_double);
	return ms[n / 2];
}

/* Steps every row of the query once; the rows are counted, not kept. */
static double time_query_once(struct db *db, const char *sql, const struct report_period *p, long long *rows)
{
	struct db_stmt *st;
	double t0 = now_ms();
	enum db_status r = db_prepare(db, &st, sql);
	if (r != DB_OK)
		fail(db, sql, r);
	db_bind_text(st, ":from", p->from);
	db_bind_text(st, ":to", p->to);
	*rows = 0;
	long long sum = 0;
	while (db_step(st) == DB_ROW) {
		(*rows)++;
		sum += db_column_int(st, 2);
	}
	if ((r = db_finalize(st)) != DB_OK)
		fail(db, sql, r);
	if (sum < 0)
		printf("#\n");
	return now_ms() - t0;
}

static double time_query(struct db *db, const char *sql, const struct report_period *p, long long *rows)
{
	double ms[RUNS];
	for (int i = 0; i < RUNS; i++)
		ms[i] = time_query_once(db, sql, p, rows);
	return median(ms, RUNS);
}

static const struct {
	const char *name, *sql;
} candidates[] = {
	{ "join, planner's choice",
	  "SELECT s.activity_id, substr(s.date, 1, 7), count(*) FILTER (WHERE t.mark = 'present'),"
	  " count(*) FILTER (WHERE t.mark = 'excused'), count(*) FILTER (WHERE t.mark = 'absent')"
	  " FROM sessions AS s JOIN attendance AS t ON t.session_id = s.id"
	  " WHERE s.date BETWEEN :from AND :to GROUP BY 1, 2" },
	{ "sessions first (CROSS JOIN)",
	  "SELECT s.activity_id, substr(s.date, 1, 7), count(*) FILTER (WHERE t.mark = 'present'),"
	  " count(*) FILTER (WHERE t.mark = 'excused'), count(*) FILTER (WHERE t.mark = 'absent')"
	  " FROM sessions AS s CROSS JOIN attendance AS t ON t.session_id = s.id"
	  " WHERE s.date BETWEEN :from AND :to GROUP BY 1, 2" },
	{ "sessions first, a row per mark",
	  "SELECT s.activity_id, substr(s.date, 1, 7), count(*), t.mark"
	  " FROM sessions AS s CROSS JOIN attendance AS t ON t.session_id = s.id"
	  " WHERE s.date BETWEEN :from AND :to GROUP BY 1, 2, 4" },
	{ "held sessions by date index",
	  "SELECT s.activity_id, substr(s.date, 1, 7), count(*) FILTER (WHERE t.mark = 'present'),"
	  " count(*) FILTER (WHERE t.mark = 'excused'), count(*) FILTER (WHERE t.mark = 'absent')"
	  " FROM sessions AS s INDEXED BY calls_sessions_held_date CROSS JOIN attendance AS t"
	  " ON t.session_id = s.id WHERE s.status = 'held' AND s.date BETWEEN :from AND :to GROUP BY 1, 2" },
};

static FILE *null_file(void)
{
	FILE *f = fopen("/dev/null", "w");
	if (!f) {
		perror("/dev/null");
		exit(1);
	}
	return f;
}

static void on_mark(void *ctx, const struct report_mark_fact *m)
{
	(*(long long *)ctx) += m->mark == 'p';
}

static void on_waiting(void *ctx, long long citizen, const char *since, int area)
{
	(*(long long *)ctx) += citizen > 0 && since[0] != '\0' && area > -5;
}

static void on_interest(void *ctx, long long citizen, long long interest)
{
	(*(long long *)ctx) += citizen > 0 && interest > 0;
}

static void on_matched(void *ctx, long long citizen, bool volunteer)
{
	(void)volunteer;
	(*(long long *)ctx) += citizen > 0;
}

/* Each family of facts once, warm, to see where the report's time goes. */
static void breakdown(struct db *db, const struct report_period *p)
{
	double t0;
	long long n = 0;
	int k;
	void *list;
	struct report_volunteer_facts vf;
	struct report_citizen_facts cf;
	struct report_call_facts calls;
	printf("\nWhere the time goes (each once, warm):\n");
	db_begin_read(db);
	t0 = now_ms();
	store_report_volunteers(db, p, &vf);
	printf("  %-36s %8.1f ms\n", "volunteers", now_ms() - t0);
	t0 = now_ms();
	store_report_held_sessions(db, p, (struct report_held_session **)&list, &k);
	free(list);
	store_report_helpers(db, p, (struct report_helper **)&list, &k);
	free(list);
	printf("  %-36s %8.1f ms\n", "sessions and helpers", now_ms() - t0);
	t0 = now_ms();
	store_report_citizens(db, p, &cf);
	printf("  %-36s %8.1f ms\n", "citizens", now_ms() - t0);
	t0 = now_ms();
	store_report_matched(db, p, on_matched, &n);
	printf("  %-36s %8.1f ms\n", "matches open in the period", now_ms() - t0);
	t0 = now_ms();
	store_report_waiting(db, on_waiting, &n);
	printf("  %-36s %8.1f ms\n", "waiting list", now_ms() - t0);
	t0 = now_ms();
	store_report_marks(db, p, on_mark, &n);
	printf("  %-36s %8.1f ms\n", "attendance marks (stream)", now_ms() - t0);
	t0 = now_ms();
	store_report_calls(db, p, &calls);
	printf("  %-36s %8.1f ms\n", "follow-up", now_ms() - t0);
	t0 = now_ms();
	store_report_citizen_interests(db, on_interest, &n);
	printf("  %-36s %8.1f ms\n", "interests (unmet wishes)", now_ms() - t0);
	db_end(db, DB_OK);
}

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 4) {
		fprintf(stderr, "usage: bench_report DATABASE [FROM TO]   (a copy: each report writes an audit row)\n");
		return 2;
	}
	dbrules_install();
	struct db *db;
	enum db_status r = db_open(argv[1], &db);
	if (r != DB_OK)
		fail(db, "open", r);
	struct desk desk = desk_command_line(db);
	struct date today = date_today();
	struct report_period p;
	if (argc == 4) {
		snprintf(p.from, sizeof p.from, "%s", argv[2]);
		snprintf(p.to, sizeof p.to, "%s", argv[3]);
	} else {
		date_format_iso(date_add_days(today, -364), p.from);
		date_format_iso(today, p.to);
	}
	long long citizens = 0, marks = 0, all_marks = 0, sessions = 0;
	char first[DATE_ISO_LEN] = "";
	db_query_int(db, "SELECT count(*) FROM citizens", &citizens);
	db_query_int(db, "SELECT count(*) FROM attendance", &all_marks);
	db_query_int(db, "SELECT count(*) FROM sessions", &sessions);
	struct db_stmt *st;
	if (db_prepare(db, &st, "SELECT min(date) FROM sessions") == DB_OK) {
		if (db_step(st) == DB_ROW)
			snprintf(first, sizeof first, "%s", db_column_text(st, 0));
		db_finalize(st);
	}
	if (db_prepare(db, &st, "SELECT count(*) FROM sessions AS s JOIN attendance AS t ON t.session_id = s.id"
				" WHERE s.date BETWEEN :from AND :to") == DB_OK) {
		db_bind_text(st, ":from", p.from);
		db_bind_text(st, ":to", p.to);
		if (db_step(st) == DB_ROW)
			marks = db_column_int(st, 0);
		db_finalize(st);
	}
	printf("%lld citizens; %lld sessions and %lld attendance marks since %s; the period %s to %s holds %lld "
	       "marks.\n\n", citizens, sessions, all_marks, first, p.from, p.to, marks);

	printf("Attendance per activity per month, by hand (median of %d):\n", RUNS);
	double best = 0;
	const char *best_name = "", *best_sql = candidates[0].sql;
	for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		long long rows = 0;
		double ms = time_query(db, candidates[i].sql, &p, &rows);
		printf("  %-36s %8.1f ms  (%lld rows)\n", candidates[i].name, ms, rows);
		if (i == 0 || ms < best) {
			best = ms;
			best_name = candidates[i].name;
			best_sql = candidates[i].sql;
		}
	}

	/* Side by side, taking turns, so a busy machine slows both alike. */
	FILE *devnull = null_file();
	double make[RUNS], text[RUNS], csv[RUNS], html[RUNS], query[RUNS];
	long long rows = 0;
	for (int i = 0; i < RUNS; i++) {
		struct report rep;
		double t0 = now_ms();
		if ((r = report_make(&desk, &p, REPORT_EXPORT_TEXT, &rep)) != DB_OK)
			fail(db, "report_make", r);
		double t1 = now_ms();
		report_write(&rep, REPORT_TEXT, false, devnull);
		double t2 = now_ms();
		report_write(&rep, REPORT_CSV, false, devnull);
		double t3 = now_ms();
		report_write(&rep, REPORT_HTML, false, devnull);
		double t4 = now_ms();
		report_free(&rep);
		make[i] = t1 - t0;
		text[i] = t2 - t0;
		csv[i] = t3 - t2;
		html[i] = t4 - t3;
		query[i] = time_query_once(db, best_sql, &p, &rows);
	}
	fclose(devnull);
	double m_make = median(make, RUNS), m_text = median(text, RUNS), m_query = median(query, RUNS);
	printf("\nThe whole report for the period, taking turns with the best query (median of %d):\n", RUNS);
	printf("  %-36s %8.1f ms\n", "every figure (report_make)", m_make);
	printf("  %-36s %8.1f ms\n", "every figure and the text", m_text);
	printf("  %-36s %8.1f ms\n", "writing the CSV", median(csv, RUNS));
	printf("  %-36s %8.1f ms\n", "writing the HTML", median(html, RUNS));
	printf("  %-36s %8.1f ms\n", best_name, m_query);
	printf("\nSide by side: the best hand-written query (%s) %.1f ms taking turns (%.1f ms alone); the whole "
	       "report with its text %.1f ms: %.1f times (%.1f times the query alone).\n", best_name, m_query, best,
	       m_text, m_text / m_query, m_text / best);
	breakdown(db, &p);
	db_close(db);
	return 0;
}
