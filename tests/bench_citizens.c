/* bench_citizens — how fast search-as-you-type and opening a card are on a
 * large centre. Not a test: it prints figures.
 *
 *   ./build/brobygger demo --citizens 100000 --db /tmp/bench.db
 *   ./build/tests/bench_citizens /tmp/bench.db
 *
 * or, without the demo command, fill a new file through intake_register:
 *
 *   ./build/tests/bench_citizens --fill 20000 /tmp/bench-filled.db
 *
 * Keystrokes: names are sampled from the database; for each, the first
 * 1..5 letters of the first name and of the surname are typed as the desk
 * would (Danish letters included), made ready as citizens_search does
 * (src/textkeys.c: folded, Danish keys) and searched for the first page
 * of 20. Each prefix is timed once warm (after one pass to fill the
 * caches, as on a desk PC that has been in use) and the median and 99th
 * percentile are printed, by first name and by family name. The yardstick
 * is the same prefixes as one indexed range of the folded name (the
 * cheapest search there is); the ratio of the two 99th percentiles is
 * printed. Phone numbers: the sampled citizens' numbers typed whole with
 * spaces, their last four digits and a run from the middle. Cards:
 * citizens_card (the card, its facts, timeline, pick names and measures,
 * and the audit row of the look, in one transaction), and the card's own
 * row set alone, for 500 random citizens.
 *
 * Never point it at a database you want to keep unchanged: opening
 * migrates it, and the cards write audit rows. Copy it first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "citizens.h"
#include "db.h"
#include "dbrules.h"
#include "fold.h"
#include "intake.h"
#include "store_citizens.h"
#include "store_stats.h"
#include "textkeys.h"

enum {
	SAMPLE_NAMES = 48,
	MAX_PREFIXES = 1024,
	PREFIX_LEN = 5,
	CARDS = 500,
	PAGE = 20,
};

/* splitmix64: the same samples on every run. */
static unsigned long long rng_state = 20261126;

static unsigned long long rng_next(void)
{
	unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* The first `chars` UTF-8 characters of `word`. */
static void utf8_prefix(const char *word, int chars, char *out, size_t size)
{
	size_t n = 0;
	for (int c = 0; word[n] && c < chars; c++) {
		n++;
		while (((unsigned char)word[n] & 0xc0) == 0x80)
			n++;
	}
	if (n >= size)
		n = size - 1;
	memcpy(out, word, n);
	out[n] = '\0';
}

struct prefixes {
	char typed[MAX_PREFIXES][64];
	char folded[MAX_PREFIXES][64];
	int n;
};

/* One keystroke: what was typed, made ready and searched. */
static enum db_status search_typed(struct db *db, const char *typed, enum citizen_order order, int offset, int limit,
				   struct citizen_hit *hits, int *n)
{
	static struct citizen_query q;
	textkeys_query(typed, order, &q);
	return store_citizens_search(db, &q, offset, limit, hits, n);
}

/* The yardstick: the folded prefix as one range of an index on the folded
 * name, first page, no tiers, no Danish order. */
static double indexed_prefix(struct db *db, const char *folded)
{
	char hi[64];
	snprintf(hi, sizeof hi, "%s", folded);
	size_t len = strlen(hi);
	if (len)
		hi[len - 1]++;
	double t = now_ms();
	struct db_stmt *st;
	if (db_prepare(db, &st, "SELECT id FROM citizens WHERE name_fold >= :lo AND name_fold < :hi"
				" ORDER BY name_fold LIMIT 20") != DB_OK)
		return 0;
	db_bind_text(st, ":lo", folded);
	db_bind_text(st, ":hi", hi);
	while (db_step(st) == DB_ROW)
		;
	db_finalize(st);
	return now_ms() - t;
}

static double percentile99(double *ms, int n)
{
	double *copy = malloc((size_t)n * sizeof *copy);
	if (!copy || n == 0) {
		free(copy);
		return 0;
	}
	memcpy(copy, ms, (size_t)n * sizeof *copy);
	qsort(copy, (size_t)n, sizeof *copy, bench_cmp_double);
	int i = (int)((double)n * 0.99);
	double v = copy[i < n ? i : n - 1];
	free(copy);
	return v;
}

static void add_prefix(struct prefixes *p, const char *typed)
{
	if (p->n >= MAX_PREFIXES || !*typed)
		return;
	snprintf(p->typed[p->n], sizeof p->typed[p->n], "%s", typed);
	fold_search(typed, p->folded[p->n], sizeof p->folded[p->n]);
	p->n++;
}

/* Adds the keystrokes of typing the first 1..5 letters of a word. */
static void add_word(struct prefixes *p, const char *word)
{
	for (int k = 1; k <= PREFIX_LEN; k++) {
		char typed[64];
		utf8_prefix(word, k, typed, sizeof typed);
		add_prefix(p, typed);
		if (strlen(typed) == strlen(word))
			break;
	}
}

static int fill(struct db *db, long n)
{
	static const char *const first[] = {
		"Søren", "Åse", "Mette", "Jørgen", "Anne", "Ole", "Kirsten", "Bjørn", "Hanne", "Ærbar",
		"Mads", "Birthe", "Aksel", "Karen", "Øjvind", "Lone", "Kåre", "Ida", "Jens", "Ulla",
	};
	static const char *const last[] = {
		"Hansen", "Jensen", "Nielsen", "Aagaard", "Østergaard", "Møller", "Holm", "Åberg",
		"Pedersen", "Sørensen", "Lund", "Bech", "Kristensen", "Ærø", "Dam", "Larsen",
	};
	static const char *const towns[][2] = {
		{ "8000", "Aarhus C" }, { "8200", "Aarhus N" }, { "8230", "Åbyhøj" }, { "8270", "Højbjerg" },
		{ "8260", "Viby J" }, { "8900", "Randers C" }, { "8600", "Silkeborg" },
	};
	struct desk desk = desk_command_line(db);
	double start = now_ms();
	for (long i = 0; i < n; i++) {
		struct citizen_card c;
		memset(&c, 0, sizeof c);
		unsigned long long r = rng_next();
		snprintf(c.citizen.name, sizeof c.citizen.name, "%s %s", first[r % 20], last[(r >> 8) % 16]);
		snprintf(c.citizen.phone, sizeof c.citizen.phone, "%02u %02u %02u %02u",
			 (unsigned)(20 + (r >> 16) % 80), (unsigned)((r >> 24) % 100),
			 (unsigned)((r >> 32) % 100), (unsigned)((r >> 40) % 100));
		const char *const *t = towns[(r >> 48) % 7];
		snprintf(c.citizen.postcode, sizeof c.citizen.postcode, "%s", t[0]);
		snprintf(c.citizen.town, sizeof c.citizen.town, "%s", t[1]);
		snprintf(c.referral.referred_on, sizeof c.referral.referred_on, "2026-%02u-%02u",
			 (unsigned)(1 + (r >> 52) % 11), (unsigned)(1 + (r >> 56) % 28));
		snprintf(c.referral.source, sizeof c.referral.source, "self");
		c.consent.registration = true;
		long long id;
		enum db_status st = intake_register(&desk, &c, 0, &id);
		if (st != DB_OK) {
			fprintf(stderr, "bench_citizens: intake %ld: %d (%s)\n", i, (int)st, db_errdetail(db));
			return 1;
		}
		if ((i + 1) % 10000 == 0)
			fprintf(stderr, "  %ld citizens, %.0f s\n", i + 1, (now_ms() - start) / 1e3);
	}
	printf("filled %ld citizens through intake_register in %.1f s\n", n, (now_ms() - start) / 1e3);
	return 0;
}

int main(int argc, char **argv)
{
	long fill_n = 0;
	const char *path = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--fill") == 0 && i + 1 < argc) {
			char *end;
			fill_n = strtol(argv[++i], &end, 10);
			if (*end || fill_n <= 0) {
				fprintf(stderr, "bench_citizens: --fill needs a positive number\n");
				return 2;
			}
		} else if (!path && argv[i][0] != '-') {
			path = argv[i];
		} else {
			path = NULL;
			break;
		}
	}
	if (!path) {
		fprintf(stderr, "usage: bench_citizens [--fill N] DATABASE\n");
		return 2;
	}
	dbrules_install();
	struct db *db;
	enum db_status st = db_open(path, &db);
	if (st != DB_OK) {
		fprintf(stderr, "bench_citizens: %s: %d (%s)\n", path, (int)st, db_errdetail(db));
		db_close(db);
		return 1;
	}
	if (fill_n > 0 && fill(db, fill_n) != 0) {
		db_close(db);
		return 1;
	}

	/* Sample names spread over the whole list. */
	struct citizen_hit *hits = calloc(PAGE, sizeof *hits);
	struct prefixes *p = calloc(1, sizeof *p);
	long long *ids = calloc(MAX_PREFIXES * PAGE, sizeof *ids);
	double *ms = calloc(MAX_PREFIXES > CARDS ? MAX_PREFIXES : CARDS, sizeof *ms);
	if (!hits || !p || !ids || !ms)
		return 1;
	long long citizens = 0;
	if ((st = db_query_int(db, "SELECT count(*) FROM citizens", &citizens)) != DB_OK) {
		fprintf(stderr, "bench_citizens: %s: %d (%s)\n", path, (int)st, db_errdetail(db));
		return 1;
	}
	int total = (int)citizens;
	printf("database %s: %d citizens\n", path, total);
	if (total == 0) {
		fprintf(stderr, "bench_citizens: no citizens; make some with `brobygger demo` or --fill N\n");
		return 1;
	}
	char phones[SAMPLE_NAMES][CIT_SHORT];
	int nphones = 0;
	for (int i = 0; i < SAMPLE_NAMES; i++) {
		int n = 0;
		int off = (int)(rng_next() % (unsigned long long)total);
		if (search_typed(db, "", CITIZEN_ORDER_FIRST, off, 1, hits, &n) != DB_OK || n == 0)
			continue;
		if (nphones < SAMPLE_NAMES && hits[0].phone[0])
			snprintf(phones[nphones++], sizeof phones[0], "%s", hits[0].phone);
		char first[CIT_NAME];
		snprintf(first, sizeof first, "%s", hits[0].name);
		char *space = strchr(first, ' ');
		const char *surname = strrchr(hits[0].name, ' ');
		if (space)
			*space = '\0';
		add_word(p, first);
		if (surname)
			add_word(p, surname + 1);
	}
	/* The Danish letters typed on their own, and in both spellings. */
	static const char *const danish[] = { "æ", "ø", "å", "aa", "Ø", "Å", "Ærø", "Østerg", "Aag", "Åb" };
	for (size_t i = 0; i < sizeof danish / sizeof danish[0]; i++)
		add_prefix(p, danish[i]);

	printf("%d keystroke prefixes from %d sampled names, e.g.", p->n, SAMPLE_NAMES);
	for (int i = 0; i < p->n && i < 12; i++)
		printf(" '%s'", p->typed[i]);
	printf("\n");

	/* One pass to fill the caches, as on a desk that has been in use. */
	int nids = 0;
	double cold_start = now_ms();
	for (int i = 0; i < p->n; i++) {
		double t = now_ms();
		int n = 0;
		if ((st = search_typed(db, p->typed[i], CITIZEN_ORDER_FIRST, 0, PAGE, hits, &n)) != DB_OK) {
			fprintf(stderr, "bench_citizens: search '%s': %d (%s)\n", p->typed[i], (int)st, db_errdetail(db));
			return 1;
		}
		ms[i] = now_ms() - t;
		for (int k = 0; k < n; k++)
			ids[nids++] = hits[k].id;
	}
	printf("first (cold) pass over all prefixes: %.0f ms\n", now_ms() - cold_start);
	report("search, cold pass", ms, p->n);

	for (int order = 0; order < 2; order++) {
		int worst = 0;
		double worst_ms = 0;
		for (int i = 0; i < p->n; i++) {
			double t = now_ms();
			int n = 0;
			search_typed(db, p->typed[i], order ? CITIZEN_ORDER_FAMILY : CITIZEN_ORDER_FIRST, 0, PAGE, hits, &n);
			ms[i] = now_ms() - t;
			if (ms[i] > worst_ms) {
				worst_ms = ms[i];
				worst = i;
			}
		}
		printf("slowest warm prefix by %s name: '%s' (%s) %.3f ms\n", order ? "family" : "first",
		       p->typed[worst], p->folded[worst], worst_ms);
		double p99 = percentile99(ms, p->n);
		report(order ? "search as you type, by family name (warm)" : "search as you type (warm)", ms, p->n);
		if (order == 0) {
			double *base = calloc((size_t)p->n, sizeof *base);
			for (int pass = 0; base && pass < 2; pass++)
				for (int i = 0; i < p->n; i++)
					base[i] = indexed_prefix(db, p->folded[i]);
			if (base) {
				double base99 = percentile99(base, p->n);
				report("yardstick: indexed prefix of name_fold", base, p->n);
				printf("keystroke p99 / yardstick p99: %.1f\n", base99 > 0 ? p99 / base99 : 0.0);
			}
			free(base);
		}
	}

	/* Digits as typed for a phone number or a postcode (not in the target). */
	static const char *const digits[] = {
		"2", "20", "204", "2045", "3", "31", "314", "4", "40", "5", "6", "7", "8", "80", "800", "8000",
		"82", "823", "9", "90", "1", "12", "60", "61", "71", "72", "26", "28", "42", "53",
	};
	int nd = (int)(sizeof digits / sizeof digits[0]);
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < nd; i++) {
			double t = now_ms();
			int n = 0;
			search_typed(db, digits[i], CITIZEN_ORDER_FIRST, 0, PAGE, hits, &n);
			ms[i] = now_ms() - t;
			if (pass == 1 && ms[i] > 5.0)
				printf("  slow digits '%s': %.3f ms\n", digits[i], ms[i]);
		}
	}
	report("digits (phone, postcode), warm", ms, nd);

	/* Numbers as heard on the phone: whole, the last four, a middle run. */
	char (*heard)[CIT_SHORT] = calloc((size_t)nphones * 3 + 1, sizeof *heard);
	int nheard = 0;
	for (int i = 0; heard && i < nphones; i++) {
		char d[CIT_SHORT];
		fold_phone(phones[i], d, sizeof d);
		size_t len = strlen(d);
		memcpy(heard[nheard++], phones[i], sizeof phones[i]);
		if (len >= 4)
			snprintf(heard[nheard++], CIT_SHORT, "%s", d + len - 4);
		if (len >= 6)
			snprintf(heard[nheard++], CIT_SHORT, "%.2s %.2s", d + 2, d + 4);
	}
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < nheard; i++) {
			double t = now_ms();
			int n = 0;
			search_typed(db, heard[i], CITIZEN_ORDER_FIRST, 0, PAGE, hits, &n);
			ms[i] = now_ms() - t;
			if (pass == 1 && ms[i] > 5.0)
				printf("  slow number '%s': %.3f ms\n", heard[i], ms[i]);
		}
	}
	report("phone numbers as heard, warm", ms, nheard);
	free(heard);

	/* Opening a card: the card's rows alone, then the whole use case. */
	struct desk desk = desk_command_line(db);
	struct citizen_view *view = malloc(sizeof *view);
	double card_ms[CARDS];
	double read_ms[CARDS];
	for (int i = 0; i < CARDS && view; i++) {
		long long id = ids[rng_next() % (unsigned long long)nids];
		double t = now_ms();
		st = store_citizens_card(db, id, &view->card, NULL);
		double t1 = now_ms();
		if (st == DB_OK)
			st = citizens_card(&desk, id, view);
		double t2 = now_ms();
		if (st != DB_OK) {
			fprintf(stderr, "bench_citizens: card %lld: %d (%s)\n", id, (int)st, db_errdetail(db));
			return 1;
		}
		read_ms[i] = t1 - t;
		card_ms[i] = t2 - t1;
	}
	if (view) {
		report("the card's rows alone", read_ms, CARDS);
		report("citizens_card (timeline 200, facts, measures, audit commit)", card_ms, CARDS);
	}
	free(view);

	free(ms);
	free(ids);
	free(p);
	free(hits);
	db_close(db);
	return 0;
}
