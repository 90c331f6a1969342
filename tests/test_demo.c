/* The demo generator: the same seed gives the same database, a database
 * that holds data is refused, and the rows keep every rule of the schema
 * and the few the schema cannot state (capacity). Prints TAP. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "demo.h"
#include "store_demo.h"

static int checks, failures;

static void check(bool ok, const char *fmt, ...)
{
	va_list ap;
	checks++;
	if (!ok)
		failures++;
	printf("%s %d - ", ok ? "ok" : "not ok", checks);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

static void check_eq(long long got, long long want, const char *what)
{
	check(got == want, "%s", what);
	if (got != want)
		printf("#   got %lld, want %lld\n", got, want);
}

enum { MAX_FILES = 12 };
static char files[MAX_FILES][64];
static int nfiles;

/* A fresh, empty file in /tmp; removed again at the end with its WAL. */
static const char *temp_db(void)
{
	char *path = files[nfiles++];
	snprintf(path, sizeof files[0], "/tmp/bb-test-demo-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0) {
		perror("mkstemp");
		exit(99);
	}
	close(fd);
	return path;
}

static void remove_files(void)
{
	char extra[sizeof files[0] + 8];
	for (int i = 0; i < nfiles; i++) {
		unlink(files[i]);
		snprintf(extra, sizeof extra, "%.63s-wal", files[i]);
		unlink(extra);
		snprintf(extra, sizeof extra, "%.63s-shm", files[i]);
		unlink(extra);
	}
}

static struct db *open_db(const char *path)
{
	struct db *db;
	enum db_status st = db_open(path, &db);
	if (st != DB_OK) {
		printf("Bail out! cannot open %s: %s\n", path, db_errdetail(db));
		remove_files();
		exit(1);
	}
	return db;
}

static const struct date today = { 2026, 3, 12 };
static const char today_iso[] = "2026-03-12";

static struct demo_options options(long citizens, unsigned long seed)
{
	return (struct demo_options){ .citizens = citizens, .seed = seed, .today = today };
}

/* Generates into a new file; returns the open database. */
static struct db *generate(const struct demo_options *opt, struct demo_summary *sum,
			   enum db_status *st)
{
	struct db *db = open_db(temp_db());
	*st = demo_generate(db, opt, sum);
	return db;
}

static bool summary_filled(const struct demo_summary *s)
{
	return s->citizens > 0 && s->volunteers > 0 && s->activities > 0 && s->sessions > 0
		&& s->attendance > 0 && s->matches > 0 && s->follow_ups > 0 && s->referrals > 0;
}

static bool summary_equal(const struct demo_summary *a, const struct demo_summary *b)
{
	return a->citizens == b->citizens && a->volunteers == b->volunteers
		&& a->activities == b->activities && a->sessions == b->sessions
		&& a->attendance == b->attendance && a->matches == b->matches
		&& a->follow_ups == b->follow_ups && a->referrals == b->referrals;
}

static void test_same_seed_same_data(void)
{
	struct demo_options opt = options(200, 7);
	struct demo_summary a, b;
	enum db_status st;
	struct db *da = generate(&opt, &a, &st);
	check_eq(st, DB_OK, "200 citizens are generated");
	struct db *dbb = generate(&opt, &b, &st);
	check_eq(st, DB_OK, "and again, into a second file, with the same seed");

	check(summary_filled(&a), "every count in the summary is above zero");
	check_eq(a.citizens, 200, "the summary counts the citizens asked for");
	check_eq(a.volunteers, 20, "at least 20 volunteers for a small centre");
	check_eq(a.activities, 8, "at least 8 activities for a small centre");
	check(summary_equal(&a, &b), "the same seed gives the same summary");

	unsigned long long fa = 0, fb = 0;
	check_eq(demo_fingerprint(da, &fa), DB_OK, "fingerprint of the first file");
	check_eq(demo_fingerprint(dbb, &fb), DB_OK, "fingerprint of the second file");
	check(fa == fb && fa != 0, "the same seed gives the same rows");

	struct demo_counts n;
	check_eq(demo_count(da, today_iso, &n), DB_OK, "rows can be counted");
	check_eq(n.citizens, a.citizens, "summary: citizens as in the database");
	check_eq(n.volunteers, a.volunteers, "summary: volunteers as in the database");
	check_eq(n.activities, a.activities, "summary: activities as in the database");
	check_eq(n.sessions, a.sessions, "summary: sessions as in the database");
	check_eq(n.attendance, a.attendance, "summary: attendance as in the database");
	check_eq(n.matches, a.matches, "summary: matches as in the database");
	check_eq(n.follow_ups, a.follow_ups, "summary: follow-ups as in the database");
	check_eq(n.referrals, a.referrals, "summary: referrals as in the database");
	check(n.enrolments > 0, "citizens are enrolled in activities");
	check(n.ended_citizens > 0, "some citizens have ended");
	check(n.handovers > 0, "some were handed over to professional help");
	check(n.calls_due > 0, "some follow-up calls are due today or overdue");
	check_eq(n.activities_over_capacity, 0, "no activity has more open enrolments than places");
	check_eq(n.volunteers_over_capacity, 0, "no volunteer has more open matches than capacity");
	check_eq(n.foreign_key_violations, 0, "no foreign key points nowhere");

	/* Consent acts in the demo too. */
	long long without = -1, calls = -1, feedback = -1;
	db_query_int(da, "SELECT count(*) FROM citizens AS c WHERE NOT EXISTS (SELECT 1 FROM consents"
		     " WHERE citizen_id = c.id AND purpose = 'volunteer_contact')", &without);
	check(without > 0, "some citizens did not agree that volunteers call");
	db_query_int(da, "SELECT count(*) FROM follow_ups AS f WHERE reason <> 'referrer_feedback'"
		     " AND NOT EXISTS (SELECT 1 FROM consents AS k WHERE k.citizen_id = f.citizen_id"
		     " AND k.purpose = 'volunteer_contact' AND k.given_on <= f.due_on"
		     " AND (k.withdrawn_on IS NULL OR k.withdrawn_on > f.due_on))", &calls);
	check_eq(calls, 0, "no call to a citizen who did not agree that volunteers call");
	db_query_int(da, "SELECT count(*) FROM follow_ups AS f WHERE reason = 'referrer_feedback'"
		     " AND NOT EXISTS (SELECT 1 FROM consents AS k WHERE k.citizen_id = f.citizen_id"
		     " AND k.purpose = 'referrer_feedback' AND k.given_on <= f.due_on"
		     " AND (k.withdrawn_on IS NULL OR k.withdrawn_on > f.due_on))", &feedback);
	check_eq(feedback, 0, "no call to the referrer without the consent to feedback");

	char report[1024];
	check_eq(db_integrity_check(da, NULL, report, sizeof report), DB_OK, "the integrity check passes");

	/* A database with data in it is never filled again, and is left as it was. */
	struct demo_summary again;
	check_eq(demo_generate(da, &opt, &again), DB_ERR_CONFLICT,
		 "a second run into a filled database is refused");
	unsigned long long after = 0;
	demo_fingerprint(da, &after);
	check(after == fa, "the refused run changed nothing");
	check(again.citizens == 0, "the refused run reports no rows");

	db_close(da);
	db_close(dbb);
}

static void test_other_seed(void)
{
	struct demo_options one = options(50, 1), two = options(50, 2);
	struct demo_summary a, b;
	enum db_status st1, st2;
	struct db *d1 = generate(&one, &a, &st1);
	struct db *d2 = generate(&two, &b, &st2);
	unsigned long long f1 = 0, f2 = 0;
	demo_fingerprint(d1, &f1);
	demo_fingerprint(d2, &f2);
	check(st1 == DB_OK && st2 == DB_OK && f1 != f2, "another seed gives other data");
	db_close(d1);
	db_close(d2);
}

/* --years gives more years of sessions and referrals, the same for the
 * same seed; one year is what the demo has always made. */
static void test_years(void)
{
	struct demo_options one = options(100, 4), three = options(100, 4);
	three.years = 3;
	struct demo_summary a, b, c;
	enum db_status s1, s2, s3;
	struct db *d1 = generate(&one, &a, &s1);
	struct db *d3 = generate(&three, &b, &s2);
	struct db *d3b = generate(&three, &c, &s3);
	check(s1 == DB_OK && s2 == DB_OK && s3 == DB_OK, "one and three years are generated");
	check(b.sessions > 2 * a.sessions && b.attendance > a.attendance * 3 / 2,
	      "three years hold more than twice the sessions of one, and more marks (the same citizens, spread)");
	unsigned long long f2 = 0, f3 = 0;
	demo_fingerprint(d3, &f2);
	demo_fingerprint(d3b, &f3);
	check(f2 == f3 && summary_equal(&b, &c), "the same seed and years give the same rows");
	long long first = 0;
	db_query_int(d3, "SELECT CAST(julianday('2026-03-12') - julianday(min(date)) AS INTEGER) FROM sessions", &first);
	check(first >= 3 * 364 - 7 && first <= 3 * 364, "sessions go back three years (%lld days)", first);
	long long marked_early = 0;
	db_query_int(d3, "SELECT count(*) FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id"
			 " WHERE s.date < '2024-03-12'", &marked_early);
	check(marked_early > 0, "and people came in the first year too");
	db_close(d1);
	db_close(d3);
	db_close(d3b);
	struct demo_options bad = options(10, 1);
	bad.years = DEMO_MAX_YEARS + 1;
	struct demo_summary s;
	enum db_status st;
	struct db *db = generate(&bad, &s, &st);
	check_eq(st, DB_ERR_MISUSE, "more years than the demo makes are refused");
	db_close(db);
}

static void test_edges(void)
{
	struct demo_options opt = options(0, 1);
	struct demo_summary s;
	enum db_status st;
	struct db *db = generate(&opt, &s, &st);
	check(st == DB_OK && s.citizens == 0 && s.volunteers == 20 && s.activities == 8
		      && s.sessions > 0,
	      "no citizens still gives volunteers, activities and sessions");
	db_close(db);

	opt = options(10, 1);
	opt.today = (struct date){ 2026, 2, 30 };
	db = generate(&opt, &s, &st);
	check_eq(st, DB_ERR_MISUSE, "an impossible today is refused");
	db_close(db);
}

int main(void)
{
	/* As main.c does: the search keys are folded by src/'s rules. */
	dbrules_install();
	test_same_seed_same_data();
	test_other_seed();
	test_years();
	test_edges();
	remove_files();
	printf("1..%d\n", checks);
	return failures ? 1 : 0;
}
