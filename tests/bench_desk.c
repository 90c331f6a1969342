/* bench_desk — is the desk as fast at 300,000 citizens as at 3,000? Not a
 * test: it measures and prints a table of project / floor / ratio for each
 * database size, every figure beside its floor from the same run.
 *
 *   scripts/bench                       (builds optimised, then runs this)
 *   ./build/tests/bench_desk --program ./build/brobygger \
 *       --floor ./build/tests/bench_floor_tui [--dir DIR] [--sizes 10000,100000,300000] [--runs N]
 *       [--only search]   (the search keystroke alone, in the process)
 *       [--only daily]    (the day's rules alone, on a day not seen before)
 *       [--only marks]    (the attendance marks alone)
 *
 * The demo databases are made once in DIR (default build/bench) with
 * `brobygger demo --citizens N --years 5 --seed 1` and reused.
 *
 * Through the real program in a pseudo-terminal of 80×24, as a person
 * would see it (time from the key to the last byte of the screen it
 * draws, the screen recognised by a piece of its text):
 * - start to the home screen, on a day already begun, and on the first
 *   start of a day (each run is a day not seen before: the day's rules
 *   then run after the screen is drawn, while the desk is idle);
 * - every main screen's first opening in a process, a list's next page,
 *   a citizen opened in matching, the card from search;
 * - the peak memory (VmHWM) after home, search and card.
 * Floor: bench_floor_tui, a minimal ncurses + SQLite program (open, one
 * read, one screen), started the same way.
 *
 * In the process, through the use cases (src/):
 * - a search keystroke (citizens_search, a page of 20) for prefixes of one
 *   to five letters of sampled names, and of phone digits; floor: the same
 *   prefixes on an indexed column of folded name words and phones (a range
 *   scan, LIMIT 20) joined to the citizens table for the columns a list
 *   line shows; beside it, for comparison, the index alone (no row read);
 * - one attendance mark (attendance_mark: rules, audit, commit with
 *   synchronous=FULL); floor: a 4 KiB write + fdatasync on the same disk,
 *   1,000 back to back in bursts after each roll call, and (rows of their
 *   own) one between every two marks and 1,000 each after a mark's CPU
 *   time;
 * - the day's rules (src/daily.h) on a day not seen before, one step at a
 *   time, as the idle desk runs them (daily_step_unless): a key comes at
 *   a different moment of each step, the step gives way to it, and the
 *   longest it waits is the figure; floor: the same fdatasync.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sqlite3.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "attendance.h"
#include "bench.h"
#include "bench_vfs.h"
#include "citizens.h"
#include "daily.h"
#include "date.h"
#include "db.h"
#include "desk.h"
#include "fold.h"

enum {
	MAX_SIZES = 8,
	MAX_ROWS = 48,
	QUIET_MS = 40,        /* no output for this long: the screen is drawn */
	WAIT_MS = 20000,      /* a screen that takes longer is reported missing */
	SEARCH_NAMES = 200,
	MARKS = 1000,       /* a p99 is the tenth slowest, not the third: one burst of the shared disk no longer sets it */
};

static const char *program, *floor_program, *dir = "build/bench";
static int runs = 5;
/* --only search: the in-process search keystroke alone, to iterate on it. */
static bool only_search;
static bool only_daily;
static bool only_marks;

/* ---------- one row of the table ---------- */

struct row {
	char what[64];
	char unit[8];   /* "ms" or "MiB" */
	double project[MAX_SIZES], floor[MAX_SIZES];
	double goal;    /* the ratio the issue allows; 0: none */
};
static struct row rows[MAX_ROWS];
static int nrows, nsizes;

static struct row *row_for(const char *what, const char *unit, double goal)
{
	for (int i = 0; i < nrows; i++)
		if (strcmp(rows[i].what, what) == 0)
			return &rows[i];
	if (nrows == MAX_ROWS)
		abort();
	struct row *r = &rows[nrows++];
	snprintf(r->what, sizeof r->what, "%s", what);
	snprintf(r->unit, sizeof r->unit, "%s", unit);
	r->goal = goal;
	for (int s = 0; s < MAX_SIZES; s++)
		r->project[s] = r->floor[s] = -1;
	return r;
}

static void put(int size, const char *what, const char *unit, double goal, double project, double floor)
{
	struct row *r = row_for(what, unit, goal);
	r->project[size] = project;
	r->floor[size] = floor;
}

static double median(double *v, int n)
{
	if (n == 0)
		return -1;
	qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
	return v[n / 2];
}

static double percentile(double *v, int n, double p)
{
	if (n == 0)
		return -1;
	qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
	int i = (int)((double)n * p);
	return v[i < n ? i : n - 1];
}

/* ---------- a program in a pseudo-terminal ---------- */

struct term {
	pid_t pid;
	int fd;
	char out[1 << 18]; /* what came since the last key, escapes removed */
	size_t len;
	int esc;           /* inside an escape sequence: 1 after ESC, 2 in CSI */
};

static bool term_start(struct term *t, const char *const argv[], const char *today)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	t->len = 0;
	t->esc = 0;
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid < 0)
		return false;
	if (t->pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANGUAGE", "da", 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		unsetenv("BROBYGGER_SCRIPT");
		if (today)
			setenv("BROBYGGER_TODAY", today, 1);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return true;
}

/* Keeps the text of what the program wrote, without escape sequences, so
 * a screen is recognised by its words. */
static void term_take(struct term *t, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (t->esc == 1) {
			t->esc = c == '[' ? 2 : 0;
			continue;
		}
		if (t->esc == 2) {
			if (c >= 0x40 && c <= 0x7e)
				t->esc = 0;
			continue;
		}
		if (c == 0x1b) {
			t->esc = 1;
			continue;
		}
		if (c < 0x20)
			c = ' ';
		if (t->len + 1 < sizeof t->out)
			t->out[t->len++] = (char)c;
	}
	t->out[t->len] = '\0';
}

/* Waits until `text` (NULL: anything) has been drawn and the output has
 * been quiet for a while; returns the time of the last byte, in ms after
 * `since`, or -1. */
static double term_wait(struct term *t, const char *text, double since)
{
	double last = -1;
	bool seen = false;
	for (;;) {
		double now = now_ms();
		if (now - since > WAIT_MS)
			return -1;
		struct pollfd p = { .fd = t->fd, .events = POLLIN };
		int timeout = seen ? QUIET_MS : 200;
		int r = poll(&p, 1, timeout);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0) {
			if (seen)
				return last - since;
			continue;
		}
		char buf[8192];
		ssize_t n = read(t->fd, buf, sizeof buf);
		if (n <= 0)
			return seen ? last - since : -1;
		last = now_ms();
		term_take(t, buf, (size_t)n);
		if (!seen && (!text || strstr(t->out, text)))
			seen = true;
	}
}

/* Sends keys and returns the time until the screen with `text` is drawn. */
static double term_key(struct term *t, const char *keys, const char *text)
{
	t->len = 0;
	t->out[0] = '\0';
	double t0 = now_ms();
	if (write(t->fd, keys, strlen(keys)) < 0)
		return -1;
	return term_wait(t, text, t0);
}

static double peak_mib(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	double kib = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %lf kB", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib < 0 ? -1 : kib / 1024.0;
}

static void term_end(struct term *t, const char *quit)
{
	if (write(t->fd, quit, strlen(quit)) < 0)
		kill(t->pid, SIGTERM);
	/* Drain until the program is gone, so it never blocks on output. */
	for (double t0 = now_ms(); now_ms() - t0 < 5000;) {
		char buf[4096];
		struct pollfd p = { .fd = t->fd, .events = POLLIN };
		if (poll(&p, 1, 100) > 0 && read(t->fd, buf, sizeof buf) <= 0)
			break;
		if (waitpid(t->pid, NULL, WNOHANG) == t->pid) {
			t->pid = 0;
			break;
		}
	}
	if (t->pid > 0) {
		kill(t->pid, SIGKILL);
		waitpid(t->pid, NULL, 0);
	}
	close(t->fd);
}

/* ---------- the demo databases ---------- */

static bool make_demo(const char *path, int citizens)
{
	struct stat st;
	if (stat(path, &st) == 0)
		return true;
	char cmd[3000];
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' demo --citizens %d --years 5 --seed 1 >/dev/null", program, path,
		 citizens);
	printf("# making %s (once) ...\n", path);
	fflush(stdout);
	return system(cmd) == 0;
}

/* The next day this database has not started on: each first start of a
 * day is a day the rules have not run for. */
static void next_unseen_day(const char *db_path, struct date base, char out[DATE_ISO_LEN])
{
	char path[1100];
	snprintf(path, sizeof path, "%s.days", db_path);
	int used = 0;
	FILE *f = fopen(path, "r");
	if (f) {
		if (fscanf(f, "%d", &used) != 1)
			used = 0;
		fclose(f);
	}
	used++;
	f = fopen(path, "w");
	if (f) {
		fprintf(f, "%d\n", used);
		fclose(f);
	}
	date_format_iso(date_add_days(base, used), out);
}

/* ---------- through the program ---------- */

/* What the desk opens from the home screen, in this order, in one process:
 * the key, a piece of text only that screen shows (NULL where the screen
 * only moves: a page, a letter typed), and the keys back. ncurses writes
 * only what changed, so the text is one the screen before did not have
 * in that place. */
struct step {
	const char *what, *keys, *text, *back;
};

static const struct step steps[] = {
	{ "citizens: open search", "2", "Borgere", NULL },
	{ "search: type one letter", "m", NULL, NULL },
	{ "card from search", "\r", "Næste skridt", "\x1b\x1b\x1b" },
	{ NULL, NULL, NULL, NULL }, /* peak memory is read here */
	{ "call list, first opening", "5", "Opdatér", NULL },
	{ "call list, next page", "\x1b[6~", NULL, "\x1b" },
	{ "matching, opening", "3", "venter på et match", NULL },
	{ "matching, next page", "\x1b[6~", NULL, NULL },
	{ "open a citizen in matching", "\r", "har ventet", "\x1b\x1b" },
	{ "attendance week, opening", "4", "Uge ", NULL },
	{ "roll list, opening", "i\r", "Udeblevet", "\x1b\x1b" },
	{ "volunteers and activities", "7", "Frivillige", "\x1b" },
};

static void bench_program(int size, const char *db_path, const char *today, struct date base)
{
	const char *argv[] = { program, "--db", db_path, NULL };
	const char *floor_argv[] = { floor_program, db_path, NULL };
	int nsteps = (int)(sizeof steps / sizeof steps[0]);
	double start[32], first_day[32], floor_start[32], floor_mem = -1, mem[32];
	double step_ms[16][32];
	int nstep_ms[16] = { 0 }, nstart = 0, nfirst = 0, nfloor = 0, nmem = 0;
	struct term t;

	for (int run = 0; run < runs; run++) {
		/* The floor, then the program, turn about, so noise hits both. */
		if (term_start(&t, floor_argv, NULL)) {
			double ms = term_wait(&t, "q Afslut", now_ms());
			if (ms >= 0)
				floor_start[nfloor++] = ms;
			floor_mem = peak_mib(t.pid);
			term_end(&t, "q");
		}
		double t0 = now_ms();
		if (!term_start(&t, argv, today))
			continue;
		double ms = term_wait(&t, "Frivillige og aktiviteter", t0);
		if (ms < 0) {
			fprintf(stderr, "bench_desk: the home screen did not appear:\n%s\n", t.out);
			term_end(&t, "q");
			continue;
		}
		start[nstart++] = ms;
		for (int i = 0; i < nsteps; i++) {
			if (!steps[i].what) {
				mem[nmem++] = peak_mib(t.pid);
				continue;
			}
			double s = term_key(&t, steps[i].keys, steps[i].text);
			if (s >= 0)
				step_ms[i][nstep_ms[i]++] = s;
			else
				fprintf(stderr, "bench_desk: %s: \"%s\" did not appear\n", steps[i].what, steps[i].text);
			if (steps[i].back)
				term_key(&t, steps[i].back, NULL);
		}
		term_end(&t, "q");

		/* The first start of a day not seen before. */
		char day[DATE_ISO_LEN];
		next_unseen_day(db_path, base, day);
		t0 = now_ms();
		if (term_start(&t, argv, day)) {
			ms = term_wait(&t, "Frivillige og aktiviteter", t0);
			if (ms >= 0)
				first_day[nfirst++] = ms;
			term_end(&t, "q");
		}
	}
	double floor = median(floor_start, nfloor);
	put(size, "start to home screen", "ms", 2, median(start, nstart), floor);
	put(size, "first start of a day", "ms", 2, median(first_day, nfirst), floor);
	for (int i = 0; i < nsteps; i++)
		if (steps[i].what)
			put(size, steps[i].what, "ms", 3, median(step_ms[i], nstep_ms[i]), floor);
	put(size, "peak memory after home, search, card", "MiB", 0, median(mem, nmem), floor_mem);
}

/* ---------- in the process ---------- */

/* The floors of a search keystroke, from a file beside the database,
 * filled once: every folded word of every name and each folded phone,
 * with the citizen's id, in an index.
 * - index only: the first 20 entries of the typed prefix's range, read
 *   from the index alone (a small file the cache holds);
 * - with rows: the same range joined to the citizens table of the
 *   database itself, reading the columns a list line shows, as any
 *   program that shows the 20 citizens it found must. */
static bool floor_words_fill(const char *path, struct db *db)
{
	struct stat st;
	if (stat(path, &st) == 0)
		return true;
	struct db *f;
	if (db_open(path, &f) != DB_OK)
		return false;
	struct db_stmt *in, *out;
	bool ok = db_exec(f, "CREATE TABLE words(key TEXT NOT NULL, id INTEGER NOT NULL);"
			     "CREATE INDEX words_key ON words(key, id); BEGIN;") == DB_OK
		  && db_prepare(db, &out, "SELECT id, name, COALESCE(phone, '') FROM citizens") == DB_OK;
	if (ok && db_prepare(f, &in, "INSERT INTO words(key, id) VALUES (:key, :id)") != DB_OK) {
		db_finalize(out);
		ok = false;
	}
	while (ok && db_step(out) == DB_ROW) {
		for (int c = 1; c <= 2; c++) {
			char folded[256];
			fold_search(db_column_text(out, c), folded, sizeof folded);
			/* A name's words each; a phone whole, spaces and all. */
			for (char *w = folded, *end; *w; w = end) {
				end = c == 1 ? strchr(w, ' ') : NULL;
				end = end ? end : w + strlen(w);
				char word[256];
				snprintf(word, sizeof word, "%.*s", (int)(end - w), w);
				db_reset(in);
				db_bind_text(in, ":key", word);
				db_bind_int(in, ":id", db_column_int(out, 0));
				db_step(in);
				while (*end == ' ')
					end++;
			}
		}
	}
	if (ok) {
		db_finalize(out);
		db_finalize(in);
		ok = db_exec(f, "COMMIT") == DB_OK;
	}
	db_close(f);
	if (!ok)
		unlink(path);
	return ok;
}

/* One floor query's time; its statement is prepared once, as the best
 * program would. Trailing spaces typed are no part of a word. */
static double time_floor_prefix(struct db_stmt *st, int columns, const char *folded)
{
	char lo[256], hi[300];
	snprintf(lo, sizeof lo, "%s", folded);
	for (size_t n = strlen(lo); n > 0 && lo[n - 1] == ' '; n--)
		lo[n - 1] = '\0';
	snprintf(hi, sizeof hi, "%s\xf4", lo);
	double t0 = now_ms();
	db_reset(st);
	db_bind_text(st, ":lo", lo);
	db_bind_text(st, ":hi", hi);
	while (db_step(st) == DB_ROW)
		for (int c = 0; c < columns; c++)
			(void)db_column_text(st, c);
	return now_ms() - t0;
}

/* The first `chars` characters of `word`. */
static void prefix_of(const char *word, int chars, char *out, size_t size)
{
	size_t n = 0;
	for (int c = 0; word[n] && c < chars; c++) {
		n++;
		while (((unsigned char)word[n] & 0xc0) == 0x80)
			n++;
	}
	snprintf(out, size, "%.*s", (int)n, word);
}

static void bench_search(int size, const char *db_path)
{
	struct db *db;
	/* Opened as the desk opens it (src/main.c), with its settings. */
	if (db_open(db_path, &db) != DB_OK)
		return;
	/* The floors: a connection of their own to the same file, opened
	 * as the desk opens it, with the words file attached. */
	char words_path[1100];
	snprintf(words_path, sizeof words_path, "%s.floor-words", db_path);
	struct db *f = NULL;
	struct db_stmt *floor_index = NULL, *floor_rows = NULL;
	char attach[1200];
	snprintf(attach, sizeof attach, "ATTACH '%s' AS fl", words_path);
	if (!floor_words_fill(words_path, db) || db_open(db_path, &f) != DB_OK || db_exec(f, attach) != DB_OK
	    || db_prepare(f, &floor_index, "SELECT id, key FROM fl.words WHERE key >= :lo AND key < :hi ORDER BY key LIMIT 20")
		       != DB_OK
	    || db_prepare(f, &floor_rows,
			  "SELECT c.id, c.name, COALESCE(c.birth_year, 0), c.phone, c.postcode, c.town, c.email, c.status"
			  " FROM fl.words AS w JOIN citizens AS c ON c.id = w.id"
			  " WHERE w.key >= :lo AND w.key < :hi ORDER BY w.key LIMIT 20")
		       != DB_OK) {
		fprintf(stderr, "bench_desk: no search floor: %s\n", f ? db_errdetail(f) : "");
		db_close(f);
		db_close(db);
		return;
	}
	struct desk desk = desk_command_line(db);
	/* Names and phones spread over the file: every 97th citizen, enough
	 * keystrokes that the p99 is not just the slowest one or two. */
	char names[SEARCH_NAMES][128], phones[SEARCH_NAMES][32];
	int n = 0;
	struct db_stmt *st;
	if (db_prepare(db, &st, "SELECT name, COALESCE(phone, '') FROM citizens WHERE id % 97 = 1 LIMIT 200") == DB_OK) {
		while (n < SEARCH_NAMES && db_step(st) == DB_ROW) {
			snprintf(names[n], sizeof names[n], "%s", db_column_text(st, 0));
			snprintf(phones[n], sizeof phones[n], "%s", db_column_text(st, 1));
			n++;
		}
		db_finalize(st);
	}
	struct citizen_hit *hits = calloc(20, sizeof *hits);
	double *ms = calloc((size_t)n * 4, sizeof *ms), *fl = calloc((size_t)n * 4, sizeof *fl),
	       *fi = calloc((size_t)n * 4, sizeof *fi);
	if (!hits || !ms || !fl || !fi)
		exit(1);
	/* Letters 1..5 of first names and of surnames; phone digits 1..4. */
	for (int len = 1; len <= 6; len++) {
		int k = 0;
		for (int pass = 0; pass < 2; pass++) /* one pass to warm the caches */
			for (int i = 0; i < n; i++) {
				const char *words[2] = { names[i], strrchr(names[i], ' ') ? strrchr(names[i], ' ') + 1 : names[i] };
				for (int w = 0; w < 2; w++) {
					char typed[128], folded[256];
					if (len == 6) {
						if (w == 1 || !phones[i][0])
							continue;
						prefix_of(phones[i], 1 + i % 4, typed, sizeof typed);
					} else {
						prefix_of(words[w], len, typed, sizeof typed);
					}
					int count;
					double t0 = now_ms();
					citizens_search(&desk, typed, 0, 20, hits, &count);
					double t = now_ms() - t0;
					fold_search(typed, folded, sizeof folded);
					double floor = time_floor_prefix(floor_rows, 8, folded);
					double index_only = time_floor_prefix(floor_index, 2, folded);
					if (pass == 1) {
						ms[k] = t;
						fi[k] = index_only;
						fl[k++] = floor;
					}
				}
			}
		char what[64];
		if (len == 6)
			snprintf(what, sizeof what, "search keystroke, phone digits, p99");
		else
			snprintf(what, sizeof what, "search keystroke, %d letter%s, p99", len, len > 1 ? "s" : "");
		double p99 = percentile(ms, k, 0.99), index_p99 = percentile(fi, k, 0.99);
		put(size, what, "ms", 10, p99, percentile(fl, k, 0.99));
		/* For comparison, not a goal: the index alone, no row read. */
		char beside[96];
		snprintf(beside, sizeof beside, "%s (index-only floor)", what);
		put(size, beside, "ms", -1, p99, index_p99);
	}
	free(hits);
	free(ms);
	free(fl);
	free(fi);
	db_finalize(floor_index);
	db_finalize(floor_rows);
	db_close(f);
	db_close(db);
}

/* The process's CPU time: what of a mark is not waiting for the disk. */
static double cpu_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* The floor's unit: the i-th 4 KiB write (into one of 16 blocks) and its
 * fdatasync, in ms; -1 when the disk refused. */
static double timed_fdatasync(int fd, int i)
{
	char block[4096];
	memset(block, 'x', sizeof block);
	double t0 = now_ms();
	if (pwrite(fd, block, sizeof block, (off_t)(i % 16) * 4096) != (ssize_t)sizeof block || fdatasync(fd) != 0)
		return -1;
	return now_ms() - t0;
}

/* The floor's p99 over 1,000 syncs, back to back (gap 0) or each after
 * gap_ms of the CPU kept busy, as a mark's own work comes before its
 * sync: on this kind of machine a sync after even 0.2 ms of work takes
 * longer than one right after the last (1 ms: p50 0.20 against 0.13,
 * 5 ms: 0.34), the disk's side of a sync not being hot any more. */
static double fdatasync_floor_p99(double gap_ms)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/fdatasync.floor", dir);
	int fd = open(path, O_CREAT | O_WRONLY, 0600);
	if (fd < 0)
		return -1;
	double ms[MARKS];
	int n = 0;
	for (; n < MARKS; n++) {
		for (double until = now_ms() + gap_ms; gap_ms > 0 && now_ms() < until;)
			;
		if ((ms[n] = timed_fdatasync(fd, n)) < 0)
			break;
	}
	close(fd);
	unlink(path);
	return percentile(ms, n, 0.99);
}

/* Marks as a person makes them at a roll call, one after another. Between
 * two marks the desk has its idle turn (ui/ui.c gives it as soon as the
 * mark's screen is drawn and no key waits: the WAL's upkeep, desk_idle,
 * a piece at a time), so the bench gives it too, and times its pieces.
 * The first mark of each kind in a process prepares its statements and
 * reads pages nothing read before: those are a row of their own, and the
 * p99 is over the marks after them. The slowest marks are printed with
 * where their time went (bench_vfs.h). */
struct mark_time {
	double ms, cpu_ms;
	struct vfs_times io;
};

static int slowest_first(const void *a, const void *b)
{
	double x = ((const struct mark_time *)a)->ms, y = ((const struct mark_time *)b)->ms;
	return (x < y) - (x > y);
}

static void bench_marks(int size, const char *db_path, const char *today)
{
	setenv("BROBYGGER_TODAY", today, 1);
	struct db *db;
	/* Opened as the desk opens it (src/main.c), with its settings. */
	if (db_open(db_path, &db) != DB_OK)
		return;
	struct desk desk = desk_command_line(db);
	long long sessions[64];
	int nsessions = 0;
	struct db_stmt *st;
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id FROM sessions WHERE date = '%s' AND status <> 'cancelled' LIMIT 64", today);
	if (db_prepare(db, &st, sql) == DB_OK) {
		while (nsessions < 64 && db_step(st) == DB_ROW)
			sessions[nsessions++] = db_column_int(st, 0);
		db_finalize(st);
	}
	/* Today's roll calls still to be taken, on every run: the demo is
	 * reused, and an earlier run's marks would make them corrections. */
	for (int i = 0; i < nsessions; i++) {
		snprintf(sql, sizeof sql, "DELETE FROM attendance WHERE session_id = %lld", sessions[i]);
		db_exec(db, sql);
	}
	while (desk_idle(&desk))
		;
	enum { KINDS = 3 };
	static const char *const kinds[KINDS] = { "present", "excused", "absent" };
	static const int cycle[] = { 0, 1, 2, 0 };
	bool seen[KINDS] = { false };
	static struct mark_time times[MARKS];
	double ms[MARKS], first[KINDS] = { 0 }, piece_longest = 0, idle_all = 0;
	int done = 0, firsts = 0, pieces = 0;
	/* The floor's write and fdatasync once between every two marks too,
	 * on a disk others share: the same moment's disk for both. */
	double paired[MARKS + KINDS], cpu[MARKS], reread[MARKS + KINDS];
	int npaired = 0, nreread = 0;
	char paired_path[1024];
	snprintf(paired_path, sizeof paired_path, "%s/fdatasync.paired", dir);
	int paired_fd = open(paired_path, O_CREAT | O_WRONLY, 0600);
	/* Its 16 blocks written first: no paired sync grows the file. */
	for (int i = 0; paired_fd >= 0 && i < 16; i++)
		timed_fdatasync(paired_fd, i);
	/* The floor itself, back to back, in a burst after each roll call as
	 * many as its marks: 1,000 in all over the same seconds of the disk
	 * as the marks (1,000 at once are over in a sixth of a second, and
	 * whether a burst of the shared disk's other users fell into them
	 * or into the marks decided the ratio). */
	double burst[MARKS];
	int nburst = 0;
	for (int s = 0; nsessions && done < MARKS; s = (s + 1) % nsessions) {
		struct roll r;
		if (attendance_roll_view(&desk, sessions[s], &r) != DB_OK)
			break;
		/* The list is drawn: the desk idles until the first key, and
		 * the roll list rehearses its marks (ui/attendance_roll.c). */
		while (desk_idle(&desk))
			;
		int from = 0;
		while (from < r.count && r.entries[from].mark[0])
			from++;
		for (int i = 0; from < r.count && attendance_rehearsable(&desk, &r.session) && i < r.count; i++)
			attendance_rehearse_mark(&desk, sessions[s], r.entries[(from + i) % r.count].citizen_id, NULL,
						 NULL);
		if (r.count && attendance_rehearsable(&desk, &r.session))
			attendance_ready_mark(&desk, sessions[s], r.entries[0].citizen_id, NULL, NULL);
		for (int i = 0; i < r.count && done < MARKS; i++) {
			int kind = cycle[((done + firsts) / r.count + i) % 4];
			bench_vfs_take();
			double c0 = cpu_ms(), t0 = now_ms();
			enum db_status rc = attendance_mark(&desk, sessions[s], r.entries[i].citizen_id, kinds[kind], 0, NULL);
			double t = now_ms() - t0;
			if (rc == DB_OK && seen[kind])
				cpu[done] = cpu_ms() - c0;
			if (rc == DB_OK && !seen[kind]) {
				seen[kind] = true;
				first[firsts++] = t;
			} else if (rc == DB_OK) {
				times[done] = (struct mark_time){ t, cpu[done], bench_vfs_take() };
				ms[done++] = t;
			}
			/* The list shows the mark: its row read again, as the
			 * roll list does (ui/attendance_roll.c, reload_one). */
			struct roll_entry row;
			double r0 = now_ms();
			if (rc == DB_OK && attendance_roll_entry(&desk, &r.session, r.entries[i].citizen_id, &row) == DB_OK)
				reread[nreread++] = now_ms() - r0;
			/* The idle turn after the mark, until its pieces are done,
			 * then the roll list's: the next person's pages read. */
			for (bool more = true; more;) {
				double p0 = now_ms();
				more = desk_idle(&desk);
				double p = now_ms() - p0;
				piece_longest = p > piece_longest ? p : piece_longest;
				idle_all += p;
				pieces++;
			}
			if (i + 1 < r.count && attendance_rehearsable(&desk, &r.session))
				attendance_ready_mark(&desk, sessions[s], r.entries[i + 1].citizen_id, NULL, NULL);
			if (paired_fd >= 0 && npaired < MARKS + KINDS
			    && (paired[npaired] = timed_fdatasync(paired_fd, npaired)) >= 0)
				npaired++;
		}
		/* The burst's first sync after the marks' is not back to back:
		 * one untimed first. */
		if (paired_fd >= 0 && nburst < MARKS)
			timed_fdatasync(paired_fd, nburst);
		for (int i = 0; paired_fd >= 0 && i < r.count && nburst < MARKS; i++)
			if ((burst[nburst] = timed_fdatasync(paired_fd, nburst + 1)) >= 0)
				nburst++;
		attendance_roll_free(&r);
	}
	if (paired_fd >= 0) {
		close(paired_fd);
		unlink(paired_path);
	}
	if (done == 0)
		fprintf(stderr, "bench_desk: no roll today (%s) to mark\n", today);
	double floor = percentile(burst, nburst, 0.99);
	double cpu_p50 = median(cpu, done);
	double paced = fdatasync_floor_p99(cpu_p50 > 0 ? cpu_p50 : 0);
	double first_longest = 0;
	for (int i = 0; i < firsts; i++)
		first_longest = first[i] > first_longest ? first[i] : first_longest;
	put(size, "first mark of each kind in a process, longest", "ms", 0, first_longest, floor);
	double p50 = median(ms, done), p90 = percentile(ms, done, 0.90);
	put(size, "one attendance mark, p99", "ms", 2.5, percentile(ms, done, 0.99), floor);
	/* The same p99 against the fdatasync written between the marks, one
	 * at a time: the disk as a mark meets it, after the idle turn's
	 * writes and the mark's own, not hot from the sync before. */
	double paired_p99 = percentile(paired, npaired, 0.99);
	put(size, "one attendance mark, p99, floor between the marks", "ms", 2.5, percentile(ms, done, 0.99),
	    paired_p99);
	/* And against the floor's syncs each after a mark's CPU time (p50)
	 * of busy work: the same disk at a mark's pace, with no SQLite. */
	put(size, "one attendance mark, p99, floor after a mark's CPU time", "ms", 2.5, percentile(ms, done, 0.99),
	    paced);
	printf("# %d marks after the first of each kind (%.2f %.2f %.2f ms): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, longest %.3f ms;"
	       " the idle turns between them %d pieces, %.1f ms in all, longest %.3f ms;"
	       " the floor's fdatasync between the marks p50 %.3f ms, p99 %.3f ms; a mark's CPU time p50 %.3f ms, p99 %.3f ms\n",
	       done, first[0], first[1], first[2], p50, p90, percentile(ms, done, 0.99), ms[done ? done - 1 : 0], pieces,
	       idle_all, piece_longest, median(paired, npaired), percentile(paired, npaired, 0.99), median(cpu, done),
	       percentile(cpu, done, 0.99));
	printf("#   the mark's row read again for the list: p50 %.3f ms, p99 %.3f ms\n", median(reread, nreread),
	       percentile(reread, nreread, 0.99));
	double *syncs = malloc(sizeof *syncs * (done ? done : 1));
	for (int i = 0; syncs && i < done; i++)
		syncs[i] = times[i].io.sync_ms;
	if (syncs)
		printf("#   the marks' own fdatasync: p50 %.3f ms, p99 %.3f ms\n", median(syncs, done),
		       percentile(syncs, done, 0.99));
	free(syncs);
	qsort(times, done, sizeof times[0], slowest_first);
	for (int i = 0; i < done && i < 3; i++)
		printf("#   slowest mark %d: %.3f ms: CPU %.3f ms, %ld sync %.3f ms, %ld reads %.3f ms,"
		       " %ld writes (%lld KiB) %.3f ms\n",
		       i + 1, times[i].ms, times[i].cpu_ms, times[i].io.syncs, times[i].io.sync_ms, times[i].io.reads,
		       times[i].io.read_ms, times[i].io.writes, times[i].io.written / 1024, times[i].io.write_ms);
	db_close(db);
	unsetenv("BROBYGGER_TODAY");
}

/* The rules of a day not seen before, step by step as the idle desk runs
 * them (src/daily.h, ui/ui.c): the longest a key typed meanwhile waits. */
/* A key that comes at `at` (ms on now_ms's clock). */
struct key_at {
	double at;
	bool came;
};

static bool key_came(void *ctx)
{
	struct key_at *k = ctx;
	if (now_ms() >= k->at)
		k->came = true;
	return k->came;
}

static void bench_daily(int size, const char *db_path, struct date base)
{
	char day[DATE_ISO_LEN];
	next_unseen_day(db_path, base, day);
	setenv("BROBYGGER_TODAY", day, 1);
	struct db *db;
	if (db_open_existing(db_path, false, &db) != DB_OK)
		return;
	struct desk nobody = { .db = db, .users_exist = true };
	struct daily_work w;
	daily_begin(&w, date_today());
	double longest = 0, all = 0, longest_wait = 0, step = 1;
	int nsteps = 0, stopped = 0;
	/* Each rule's share, in the order daily_step does them. */
	static const char *const rules[] = { "retention", "sessions ahead", "calls due", "marks replay", "no contact" };
	double rule_ms[5] = { 0 }, rule_wait[5] = { 0 };
	int rule_steps[5] = { 0 };
	while (daily_pending(&w)) {
		int rule = !w.retention.done ? 0 : !w.sessions.done ? 1 : !w.calls_done ? 2 : !w.marks.done ? 3 : 4;
		/* A key comes at a moment spread over the length of a step as
		 * the last one took; the desk stops the step for it (ui/ui.c). */
		double t0 = now_ms();
		double spread = (double)(nsteps * 0.6180339887 - (long)(nsteps * 0.6180339887));
		struct key_at key = { .at = t0 + spread * step };
		if (daily_step_unless(&nobody, &w, key_came, &key) != DB_OK)
			break;
		bool step_stopped = key.came;
		/* As ui/ui.c does after each step: the WAL's upkeep, a piece at
		 * a time while no key waits (a key that came during the step's
		 * commit, with no check there, is waiting now), all of it
		 * before the next step. */
		bool more = true;
		while (more && !key_came(&key))
			more = desk_idle(&nobody);
		double t1 = now_ms();
		if (t1 > key.at) {
			longest_wait = t1 - key.at > longest_wait ? t1 - key.at : longest_wait;
			rule_wait[rule] = t1 - key.at > rule_wait[rule] ? t1 - key.at : rule_wait[rule];
		}
		/* The key read, the upkeep goes on. */
		while (more)
			more = desk_idle(&nobody);
		if (step_stopped) {
			/* The key read, the step again while the desk is idle. */
			stopped++;
			t0 = now_ms();
			if (daily_step(&nobody, &w) != DB_OK)
				break;
			t1 = now_ms();
		}
		step = t1 - t0;
		longest = step > longest ? step : longest;
		all += step;
		rule_ms[rule] += step;
		rule_steps[rule]++;
		nsteps++;
	}
	daily_end(&w);
	double floor = fdatasync_floor_p99(0);
	put(size, "day's rules: longest a key waits", "ms", 2.5, longest_wait, floor);
	printf("# %s: the day's rules took %d steps, %.0f ms in all (longest step %.1f ms) while the desk was idle;"
	       " a key came during %d of them\n", day, nsteps, all, longest, stopped);
	printf("#   of which");
	for (int i = 0; i < 5; i++)
		printf("%s %s %d steps %.0f ms (a key waited %.2f ms)", i ? ";" : "", rules[i], rule_steps[i], rule_ms[i],
		       rule_wait[i]);
	printf("\n#   calls written %d, answered cancelled %d, by the marks replay %d\n", w.calls.made.created,
	       w.calls.made.answered, w.marks.created);
	db_close(db);
	unsetenv("BROBYGGER_TODAY");
}

/* ---------- the table ---------- */

static int decimals(double v)
{
	return v < 1 ? 3 : v < 10 ? 2 : 0;
}

static void print_table(const int *sizes)
{
	printf("\n| what |");
	for (int s = 0; s < nsizes; s++)
		printf(" %dk: project / floor / ratio |", sizes[s] / 1000);
	printf(" goal |\n|---|");
	for (int s = 0; s < nsizes; s++)
		printf("---|");
	printf("---|\n");
	for (int i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];
		printf("| %s |", r->what);
		for (int s = 0; s < nsizes; s++) {
			if (r->project[s] < 0) {
				printf(" – |");
				continue;
			}
			printf(" %.*f / %.*f %s / %.1f× |", decimals(r->project[s]), r->project[s],
			       decimals(r->floor[s]), r->floor[s], r->unit,
			       r->floor[s] > 0 ? r->project[s] / r->floor[s] : 0);
		}
		if (r->goal > 0)
			printf(" ≤ %g× |\n", r->goal);
		else if (strcmp(r->unit, "MiB") == 0)
			printf(" < 12 MiB |\n");
		else
			printf(" – |\n");
	}
}

int main(int argc, char **argv)
{
	/* Before any database is opened: the desk's connection wraps the
	 * default VFS that is there at its first open (db_sqlite_gather.c). */
	bench_vfs_install();
	int sizes[MAX_SIZES] = { 10000, 100000, 300000 };
	nsizes = 3;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--program") == 0 && i + 1 < argc) {
			program = argv[++i];
		} else if (strcmp(argv[i], "--floor") == 0 && i + 1 < argc) {
			floor_program = argv[++i];
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
			runs = atoi(argv[++i]);
		} else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc && strcmp(argv[i + 1], "search") == 0) {
			only_search = true;
			i++;
		} else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc && strcmp(argv[i + 1], "daily") == 0) {
			only_daily = true;
			i++;
		} else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc && strcmp(argv[i + 1], "marks") == 0) {
			only_marks = true;
			i++;
		} else if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc) {
			nsizes = 0;
			for (char *p = argv[++i]; *p && nsizes < MAX_SIZES; p += *p == ',')
				sizes[nsizes++] = (int)strtol(p, &p, 10);
		} else {
			fprintf(stderr, "usage: bench_desk --program BROBYGGER --floor BENCH_FLOOR_TUI [--dir DIR] "
					"[--sizes 10000,100000,300000] [--runs N] [--only search|daily|marks]\n");
			return 2;
		}
	}
	if (!program || !floor_program || runs < 1 || runs > 32)
		return 2;
	mkdir(dir, 0700);
	printf("# %ld cores, SQLite %s, runs %d\n", sysconf(_SC_NPROCESSORS_ONLN), sqlite3_libversion(), runs);
	/* One fixed day for the warm figures: the day the demo was made for. */
	const char *today_env = getenv("BROBYGGER_TODAY");
	char today[DATE_ISO_LEN];
	struct date base = date_today();
	if (today_env)
		snprintf(today, sizeof today, "%s", today_env);
	else
		date_format_iso(base, today);
	for (int s = 0; s < nsizes; s++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/demo-%d.db", dir, sizes[s]);
		setenv("BROBYGGER_TODAY", today, 1);
		if (!make_demo(path, sizes[s])) {
			fprintf(stderr, "bench_desk: could not make %s\n", path);
			return 1;
		}
		unsetenv("BROBYGGER_TODAY");
		printf("# %d citizens: %s\n", sizes[s], path);
		fflush(stdout);
		if (only_daily) {
			bench_daily(s, path, base);
			continue;
		}
		if (only_marks) {
			bench_marks(s, path, today);
			continue;
		}
		if (!only_search)
			bench_program(s, path, today, base);
		bench_search(s, path);
		if (only_search)
			continue;
		bench_marks(s, path, today);
		bench_daily(s, path, base);
	}
	print_table(sizes);
	return 0;
}
