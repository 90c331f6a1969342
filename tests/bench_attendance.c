/* bench_attendance — how fast the roll list opens and a mark commits on a
 * large centre with ten years of weekly sessions, and how many keys a
 * 20-person roll call takes there. Not a test: it prints figures.
 *
 *   BROBYGGER_TODAY=2026-11-26 ./build/brobygger demo --citizens 100000 --db /tmp/bench.db
 *   BROBYGGER_TODAY=2026-11-26 ./build/tests/bench_attendance /tmp/bench.db --tui ./build/brobygger
 *
 * The demo writes one year of weekly sessions (and four weeks ahead). The
 * first run adds the nine years before it, through the demo writer
 * (db/store_demo.h): every active weekly activity gets a held session each
 * week back to ten years before today, with its regulars (up to 20 of
 * those who came in the demo's year) marked came (80 %), sent notice
 * (12 %) or did not come (8 %). Later runs see the ten years and skip it.
 * --history-only adds them and stops: on a file, which migrate-to then
 * copies to a server (scripts/bench-engines), for the demo writer makes
 * a round trip to the server for every row.
 *
 * Timings, each sample alone (the median, p90, p99 and worst are printed):
 * - opening a 25-person roll list: store_attendance_roll (one read transaction:
 *   the session, last time's session, the list with its last marks,
 *   matches, first visits, intake flags and planned calls); and the same
 *   plus store_attendance_roll_viewed, the audited commit the screen makes when
 *   it opens a list, i.e. everything the screen does;
 * - committing one mark: store_attendance_mark with the rules on, its own
 *   BEGIN IMMEDIATE ... COMMIT under the database's own settings (WAL,
 *   synchronous=FULL: an fsync per commit), cycling came / notice / away
 *   over the people of today's sessions, so calls are planned and
 *   withdrawn on the way as at a real desk.
 *
 * Keystrokes (with --tui): a script for the real program is written that
 * opens attendance from the home screen, moves from the session the week
 * opens on to a session today with exactly 20 on the roll, and marks 15
 * came, 3 sent notice and 2 did not come; the program runs it headless
 * (BROBYGGER_SCRIPT), the database is checked for those marks, and the
 * keys in the script are counted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "attendance.h"
#include "attendance_rules.h"
#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "store_attendance.h"
#include "store_demo.h"

enum { SAMPLES = 1000, YEARS = 10, POOL = 20, WEEK_MAX = 4000, ROLL_SIZE = 25 };

static unsigned long long rng_state = 20261126;

static unsigned long long rng_next(void)
{
	unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* ---------- ten years of sessions ---------- */

struct activity_plan {
	long long id;
	char first[DATE_ISO_LEN];     /* its earliest session */
	char start[6], end[6];
	long long pool[POOL];
	int npool;
};

static int load_plans(struct db *db, struct activity_plan **out)
{
	struct db_stmt *st;
	*out = NULL;
	if (db_prepare(db, &st,
		       "SELECT a.id, min(s.date), COALESCE(a.start_time, ''), COALESCE(a.end_time, '')"
		       " FROM activities AS a JOIN sessions AS s ON s.activity_id = a.id"
		       " WHERE a.status = 'active' AND a.weekday IS NOT NULL GROUP BY a.id ORDER BY a.id") != DB_OK)
		return -1;
	int cap = 64, n = 0;
	struct activity_plan *p = calloc((size_t)cap, sizeof *p);
	while (p && db_step(st) == DB_ROW) {
		if (n == cap) {
			struct activity_plan *more = realloc(p, (size_t)cap * 2 * sizeof *p);
			if (!more)
				break;
			p = more;
			cap *= 2;
		}
		memset(&p[n], 0, sizeof p[n]);
		p[n].id = db_column_int(st, 0);
		snprintf(p[n].first, sizeof p[n].first, "%s", db_column_text(st, 1));
		snprintf(p[n].start, sizeof p[n].start, "%s", db_column_text(st, 2));
		snprintf(p[n].end, sizeof p[n].end, "%s", db_column_text(st, 3));
		n++;
	}
	db_finalize(st);
	/* Regulars: who came most often in the demo's year. */
	if (db_prepare(db, &st,
		       "SELECT t.citizen_id FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id"
		       " WHERE s.activity_id = :activity AND t.mark = 'present'"
		       " GROUP BY t.citizen_id ORDER BY count(*) DESC, t.citizen_id LIMIT :pool") != DB_OK) {
		free(p);
		return -1;
	}
	for (int i = 0; p && i < n; i++) {
		db_reset(st);
		db_bind_int(st, ":activity", p[i].id);
		db_bind_int(st, ":pool", POOL);
		while (p[i].npool < POOL && db_step(st) == DB_ROW)
			p[i].pool[p[i].npool++] = db_column_int(st, 0);
	}
	db_finalize(st);
	*out = p;
	return n;
}

static int extend_history(struct db *db, const char *today_iso)
{
	struct date today;
	date_parse_iso(today_iso, &today);
	struct date oldest = date_add_days(today, -7L * 52 * YEARS);
	char oldest_iso[DATE_ISO_LEN];
	date_format_iso(oldest, oldest_iso);
	long long have = 0;
	char sql[200];
	/* Already extended: sessions within a week of the oldest date. */
	char near_iso[DATE_ISO_LEN];
	date_format_iso(date_add_days(oldest, 7), near_iso);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessions WHERE date <= '%s'", near_iso);
	db_query_int(db, sql, &have);
	if (have > 0) {
		printf("history: sessions already reach back to %s\n", oldest_iso);
		return 0;
	}
	struct activity_plan *plans;
	int n = load_plans(db, &plans);
	if (n < 0) {
		fprintf(stderr, "bench_attendance: reading activities: %s\n", db_errdetail(db));
		return 1;
	}
	double start = now_ms();
	long sessions = 0, marks = 0;
	static const char *const marks_by_chance[] = { "present", "excused", "absent" };
	for (int i = 0; i < n; i += 50) {
		struct demo_writer *w;
		if (demo_writer_open(db, &w) != DB_OK) {
			fprintf(stderr, "bench_attendance: demo writer: %s\n", db_errdetail(db));
			free(plans);
			return 1;
		}
		for (int k = i; k < n && k < i + 50; k++) {
			struct date first;
			if (!date_parse_iso(plans[k].first, &first))
				continue;
			for (struct date d = date_add_days(first, -7); date_to_days(d) > date_to_days(oldest);
			     d = date_add_days(d, -7)) {
				char day[DATE_ISO_LEN];
				date_format_iso(d, day);
				struct demo_session s = { .activity_id = plans[k].id, .date = day,
							  .start_time = plans[k].start[0] ? plans[k].start : NULL,
							  .end_time = plans[k].end[0] ? plans[k].end : NULL, .status = "held" };
				long long sid = demo_add_session(w, &s);
				if (!sid)
					break;
				sessions++;
				char stamp[20];
				snprintf(stamp, sizeof stamp, "%s 12:00:00", day);
				for (int p = 0; p < plans[k].npool; p++) {
					unsigned r = (unsigned)(rng_next() % 100);
					struct demo_attendance a = { .session_id = sid, .citizen_id = plans[k].pool[p],
								     .mark = marks_by_chance[r < 80 ? 0 : r < 92 ? 1 : 2],
								     .marked_at = stamp };
					marks += demo_add_attendance(w, &a);
				}
			}
		}
		enum db_status r = demo_writer_close(w, true);
		if (r != DB_OK) {
			fprintf(stderr, "bench_attendance: writing history: %d (%s)\n", (int)r, db_errdetail(db));
			free(plans);
			return 1;
		}
		fprintf(stderr, "  %d of %d activities, %ld sessions, %ld marks, %.0f s\n", i + 50 < n ? i + 50 : n, n,
			sessions, marks, (now_ms() - start) / 1e3);
	}
	free(plans);
	/* A desk's database is checkpointed as it goes; a 400 MB write-ahead
	 * log left by the bulk insert would make every read slower than any
	 * desk ever sees. */
	if (db_engine(db) == DB_ENGINE_SQLITE && db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)") != DB_OK)
		fprintf(stderr, "bench_attendance: checkpoint: %s\n", db_errdetail(db));
	printf("history: added %ld sessions and %ld marks back to %s in %.1f s\n", sessions, marks, oldest_iso,
	       (now_ms() - start) / 1e3);
	return 0;
}

/* ---------- timings ---------- */

/* Sessions with exactly `size` on the roll, today first, then the weeks
 * before; returns how many were found (at most max). */
static int sessions_with_roll(struct db *db, struct date today, int size, long long *out, int max)
{
	struct session_info *week = calloc(WEEK_MAX, sizeof *week);
	int found = 0;
	for (int back = 0; week && back < 26 && found < max; back++) {
		struct date monday = date_add_days(today, -(date_weekday(today) - 1) - 7L * back);
		char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
		date_format_iso(monday, from);
		date_format_iso(date_add_days(monday, 6), to);
		int n = 0;
		if (store_attendance_sessions(db, from, to, "", week, WEEK_MAX, &n) != DB_OK)
			break;
		/* Not after today: a later session takes no mark yet (this
		 * week's Friday, at a centre with activities every day). */
		char today_iso[DATE_ISO_LEN];
		date_format_iso(today, today_iso);
		for (int i = 0; i < n && found < max; i++)
			if (week[i].id && week[i].roll == size && strcmp(week[i].status, "cancelled") != 0
			    && strcmp(week[i].date, today_iso) <= 0)
				out[found++] = week[i].id;
	}
	free(week);
	return found;
}

static int time_roll(struct db *db, struct date today)
{
	long long ids[64];
	int n = sessions_with_roll(db, today, ROLL_SIZE, ids, 64);
	if (n == 0) {
		printf("no session with %d on the roll found\n", ROLL_SIZE);
		return 1;
	}
	double *ms = calloc(SAMPLES, sizeof *ms), *all = calloc(SAMPLES, sizeof *all);
	if (!ms || !all)
		return 1;
	/* One pass to warm the caches, as on a desk PC in use. */
	for (int i = 0; i < n; i++) {
		struct roll r;
		if (store_attendance_roll(db, ids[i], &r) == DB_OK)
			store_attendance_roll_free(&r);
	}
	for (int i = 0; i < SAMPLES; i++) {
		struct roll r;
		double t0 = now_ms();
		enum db_status st = store_attendance_roll(db, ids[i % n], &r);
		double t1 = now_ms();
		if (st != DB_OK) {
			fprintf(stderr, "bench_attendance: roll: %d (%s)\n", (int)st, db_errdetail(db));
			return 1;
		}
		if (r.count != ROLL_SIZE)
			fprintf(stderr, "bench_attendance: roll of %lld has %d, not %d\n", ids[i % n], r.count, ROLL_SIZE);
		store_attendance_roll_free(&r);
		struct desk desk = desk_command_line(db);
		double t2 = now_ms();
		attendance_roll_view(&desk, ids[i % n], &r);
		all[i] = now_ms() - t2;
		attendance_roll_free(&r);
		ms[i] = t1 - t0;
	}
	printf("roll lists of %d people: %d sessions\n", ROLL_SIZE, n);
	report("open a 25-person roll list (read)", ms, SAMPLES);
	report("... and its audited view (commit)", all, SAMPLES);
	free(ms);
	free(all);
	return 0;
}

static int time_marks(struct db *db, struct date today)
{
	long long ids[64];
	int n = sessions_with_roll(db, today, ROLL_SIZE, ids, 64);
	if (n == 0)
		return 1;
	char today_iso[DATE_ISO_LEN];
	date_format_iso(today, today_iso);
	/* How a commit reaches the disk: SQLite's journal and synchronous,
	 * or the server's fsync and synchronous_commit. */
	bool pg = db_engine(db) == DB_ENGINE_POSTGRESQL;
	char durability[96] = "";
	struct db_stmt *st;
	if (db_prepare(db, &st, pg ? "SELECT 'fsync=' || current_setting('fsync') || ' synchronous_commit='"
				     " || current_setting('synchronous_commit')"
				   : "SELECT 'journal_mode=' || journal_mode || ' synchronous=' || synchronous"
				     " || ' (2 = FULL)' FROM pragma_journal_mode, pragma_synchronous") == DB_OK) {
		if (db_step(st) == DB_ROW)
			snprintf(durability, sizeof durability, "%s", db_column_text(st, 0));
		db_finalize(st);
	}
	double *ms = calloc(SAMPLES, sizeof *ms);
	if (!ms)
		return 1;
	static const char *const cycle[] = { "present", "excused", "absent", "present" };
	struct desk desk = desk_command_line(db);
	struct roll r = { 0 };
	int done = 0, calls = 0;
	for (int s = 0; done < SAMPLES; s = (s + 1) % n) {
		if (store_attendance_roll(db, ids[s], &r) != DB_OK)
			return 1;
		for (int i = 0; i < r.count && done < SAMPLES; i++) {
			struct mark_outcome out;
			const char *mark = cycle[(done / r.count + i) % 4];
			double t0 = now_ms();
			enum db_status rc = attendance_mark(&desk, ids[s], r.entries[i].citizen_id, mark,
							    strcmp(mark, "present") == 0 ? r.entries[i].match_volunteer : 0,
							    &out);
			ms[done++] = now_ms() - t0;
			calls += out.call_planned;
			if (rc != DB_OK) {
				fprintf(stderr, "bench_attendance: mark: %d (%s)\n", (int)rc, db_errdetail(db));
				return 1;
			}
		}
		store_attendance_roll_free(&r);
	}
	store_attendance_roll_free(&r);
	printf("marks: %s; %d follow-up calls planned on the way\n", durability, calls);
	report("commit one mark (rules on, fsync)", ms, SAMPLES);
	free(ms);
	return 0;
}

/* ---------- keystrokes through the real program ---------- */

static int count_keys(const char *script)
{
	FILE *f = fopen(script, "r");
	if (!f)
		return -1;
	char line[1024];
	int n = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "key ", 4) == 0) {
			for (char *tok = strtok(line + 4, " "); tok; tok = strtok(NULL, " "))
				n++;
		} else if (strncmp(line, "type ", 5) == 0) {
			for (const char *p = line + 5; *p; p++)
				n += ((unsigned char)*p & 0xc0) != 0x80; /* characters, not bytes */
		}
	}
	fclose(f);
	return n;
}

static int keystrokes(struct db *db, const char *path, const char *tui, struct date today)
{
	char today_iso[DATE_ISO_LEN], from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	date_format_iso(today, today_iso);
	struct date monday = date_add_days(today, -(date_weekday(today) - 1));
	date_format_iso(monday, from);
	date_format_iso(date_add_days(monday, 6), to);
	struct session_info *week = calloc(WEEK_MAX, sizeof *week);
	int n = 0;
	if (!week || store_attendance_sessions(db, from, to, "", week, WEEK_MAX, &n) != DB_OK)
		return 1;
	/* Where the week opens (ui/attendance.c): today's session that began
	 * most recently; the clock reads 12:00 under BROBYGGER_TODAY. */
	int opens = -1, first_today = -1, today_n = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(week[i].date, today_iso) != 0)
			continue;
		today_n++;
		if (first_today < 0)
			first_today = i;
		if (week[i].start_time[0] && strcmp(week[i].start_time, "12:00") <= 0)
			opens = i;
	}
	if (opens < 0)
		opens = first_today;
	int target = -1;
	for (int i = 0; i < n; i++)
		if (strcmp(week[i].date, today_iso) == 0 && week[i].id && week[i].roll == 20 && week[i].marked == 0
		    && strcmp(week[i].status, "cancelled") != 0
		    && (target < 0 || abs(i - opens) < abs(target - opens)))
			target = i;
	if (target < 0) {
		printf("keystrokes: no unmarked 20-person session today\n");
		free(week);
		return 1;
	}
	long long session = week[target].id;
	char script[256];
	snprintf(script, sizeof script, "%s.rollcall.keys", path);
	FILE *f = fopen(script, "w");
	if (!f)
		return 1;
	fprintf(f, "# written by bench_attendance: a 20-person roll call, 15 came, 3 notice, 2 away\nkey 4\n");
	if (today_n > 1) {
		for (int i = opens; i < target; i++)
			fprintf(f, "key <Down>\n");
		for (int i = opens; i > target; i--)
			fprintf(f, "key <Up>\n");
		fprintf(f, "key <Enter>\n");
	}
	/* Notice at positions 4, 12 and 18; away at 7 and 15; the rest came. */
	fprintf(f, "key m m m a m m u m m m\nkey m a m m u m m a m m\n");
	fclose(f);
	/* The screen dumps are not needed; the keys after the roll call leave. */
	FILE *tail = fopen(script, "a");
	if (tail) {
		fprintf(tail, "key <Esc> <Esc> q\n");
		fclose(tail);
	}
	int keys = count_keys(script) - 3; /* leaving is not part of the roll call */
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "COLUMNS=80 LINES=24 BROBYGGER_SCRIPT='%s' '%s' --db '%s' >/dev/null", script, tui,
		 path);
	double t0 = now_ms();
	int rc = system(cmd);
	double took = now_ms() - t0;
	struct roll r;
	struct roll_summary sum = { 0 };
	if (store_attendance_roll(db, session, &r) == DB_OK) {
		attendance_summarise(&r, &sum);
		store_attendance_roll_free(&r);
	}
	printf("keystrokes: %s (%s, %d on the roll) through %s: exit %d in %.0f ms\n", week[target].activity,
	       week[target].start_time, week[target].roll, tui, rc, took);
	printf("keystrokes: the database has came %d, notice %d, away %d, not marked %d\n", sum.present, sum.excused,
	       sum.absent, sum.unmarked);
	printf("keystrokes: %d keys for the 20-person roll call (home key 4, %d to reach the session, 20 marks)%s\n",
	       keys, keys - 21, sum.present == 15 && sum.excused == 3 && sum.absent == 2 ? "" : "  ** MARKS WRONG **");
	free(week);
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = NULL, *tui = NULL;
	bool history_only = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--tui") == 0 && i + 1 < argc)
			tui = argv[++i];
		else if (strcmp(argv[i], "--history-only") == 0)
			history_only = true;
		else if (!path && argv[i][0] != '-')
			path = argv[i];
		else
			path = NULL;
	}
	if (!path) {
		fprintf(stderr, "usage: bench_attendance DATABASE [--tui BROBYGGER] [--history-only]\n");
		return 2;
	}
	setenv("BROBYGGER_TODAY", "2026-11-26", 0);
	dbrules_install();
	struct db *db;
	enum db_status st = db_open(path, &db);
	if (st != DB_OK) {
		fprintf(stderr, "bench_attendance: %s: %d (%s)\n", path, (int)st, db_errdetail(db));
		db_close(db);
		return 1;
	}
	struct date today = date_today();
	char today_iso[DATE_ISO_LEN];
	date_format_iso(today, today_iso);
	long long citizens = 0, sessions = 0, marks = 0;
	int rc = extend_history(db, today_iso);
	if (history_only) {
		db_close(db);
		return rc;
	}
	db_query_int(db, "SELECT count(*) FROM citizens", &citizens);
	db_query_int(db, "SELECT count(*) FROM sessions", &sessions);
	db_query_int(db, "SELECT count(*) FROM attendance", &marks);
	printf("database: %lld citizens, %lld sessions, %lld attendance marks; today %s\n", citizens, sessions, marks,
	       today_iso);
	if (rc == 0)
		rc = time_roll(db, today);
	if (rc == 0 && tui)
		rc = keystrokes(db, path, tui, today);
	if (rc == 0)
		rc = time_marks(db, today);
	db_close(db);
	return rc;
}
