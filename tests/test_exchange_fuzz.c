/* A fixed-seed random-input test of the CSV reader and the import: bytes
 * made of the pieces CSV files are made of (separators, quotes, line
 * breaks, byte-order marks, æøå in both encodings, NUL, the headers the
 * import knows, dates, CPR-like numbers) and the hand-made files of
 * tests/exchange/ with bytes flipped, cut or repeated. Whatever comes in,
 * the reader ends, every cell it gives is valid UTF-8, rows count up one
 * by one, and the import reports or imports without breaking anything:
 * a file with problems writes nothing, and the database stays sound.
 * Run under AddressSanitizer and UndefinedBehaviorSanitizer by the
 * sanitizer build; bounded by a count and a few seconds.
 *
 * usage: test_exchange_fuzz FIXTURE_DIR [ITERATIONS]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"
#include "db.h"
#include "dbrules.h"
#include "desk.h"
#include "exchange.h"
#include "i18n.h"
#include "tap.h"
#include "testdb.h"
#include "utf8.h"

static unsigned long long rng = 0x9e3779b97f4a7c15ull;

static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 32);
}

static unsigned below(unsigned n)
{
	return n ? next() % n : 0;
}

static const char *const pieces[] = {
	";", ";", ";", ",", "\t", "\"", "\"\"", "\r\n", "\n", "\r", " ", "æ", "ø", "å", "Æ", "\xe6", "\xf8", "\xe5",
	"\x81", "\xc3", "\xff", "\0", "'", "=", "+45 ", "@", "Navn", "Fødselsår", "Telefon", "Postnr.", "Henvist den",
	"Samtykke givet den", "Interesser", "Ønsker og behov", "Fornavn", "Efternavn", "Roller", "Ledige tider",
	"Kurser", "Ugedag", "Starter kl.", "Slutter kl.", "Slags", "Status", "Pladser", "Søren Ærø", "Åse",
	"20 30 40 50", "8000", "800", "82OO", "26-11-2026", "31-02-2026", "2026-01-05", "1961", "12-05-1961",
	"010203-1234", "Ja", "Nej", "x", "Gåture, Motion", "mandag formiddag", "Mentor", "onsdag", "14.00",
	"sep=;\n", "\xef\xbb\xbf", "\xff\xfe", "Kaffe (01-02-2026); Kursus",
};
enum { NPIECES = sizeof pieces / sizeof pieces[0] };

/* A random file of pieces; `len` gets its length (pieces may hold NUL). */
static size_t make_pieces(char *buf, size_t size)
{
	size_t len = 0;
	unsigned n = 1 + below(120);
	for (unsigned i = 0; i < n; i++) {
		unsigned k = below(NPIECES);
		size_t plen = strcmp(pieces[k], "") == 0 ? 1 : strlen(pieces[k]);
		if (len + plen >= size)
			break;
		memcpy(buf + len, pieces[k], plen);
		len += plen;
	}
	return len;
}

/* A fixture with a few bytes flipped, cut, doubled or put in. */
static size_t make_mutation(const char *src, size_t srclen, char *buf, size_t size)
{
	size_t len = srclen < size ? srclen : size;
	memcpy(buf, src, len);
	unsigned n = below(2) ? 1 : 1 + below(8);
	for (unsigned i = 0; i < n && len > 0; i++) {
		size_t at = below((unsigned)len);
		switch (below(5)) {
		case 0:
			buf[at] = (char)(buf[at] ^ (1 << below(8)));
			break;
		case 1:
			len = at;
			break;
		case 2:
			if (len + 1 < size) {
				memmove(buf + at + 1, buf + at, len - at);
				buf[at] = "\";\r\n,\t\0\xe6"[below(8)];
				len++;
			}
			break;
		case 3: {
			size_t chunk = 1 + below(40);
			if (at + chunk <= len && len + chunk < size) {
				memmove(buf + at + chunk, buf + at, len - at);
				len += chunk;
			}
			break;
		}
		default:
			if (at < len) {
				memmove(buf + at, buf + at + 1, len - at - 1);
				len--;
			}
			break;
		}
	}
	return len;
}

struct fixture {
	char *data;
	size_t len;
};

static int load_fixtures(const char *dir, struct fixture *out, int max)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && n < max && (e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 4, ".csv") != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		out[n].data = malloc(1 << 16);
		out[n].len = fread(out[n].data, 1, 1 << 16, f);
		fclose(f);
		n++;
	}
	if (d)
		closedir(d);
	return n;
}

/* The reader's promises on any input. */
static bool reader_keeps_promises(const char *bytes, size_t len, enum csv_encoding enc)
{
	struct csv_reader r;
	if (!csv_reader_open(&r, bytes, len, enc)) {
		bool said = r.failure.kind != CSV_FAIL_NONE;
		csv_reader_free(&r);
		return said;
	}
	int expect_row = 1, last_line = 0, rows = 0;
	enum csv_read st;
	bool ok = true;
	while (ok && (st = csv_read_row(&r)) == CSV_ROW) {
		ok = r.row == expect_row++ && r.line > last_line && csv_cells(&r) >= 1 && csv_cells(&r) <= CSV_MAX_COLUMNS;
		last_line = r.line;
		for (int i = 0; ok && i < csv_cells(&r); i++) {
			const char *c = csv_cell(&r, i);
			ok = utf8_valid(c, strlen(c)) || !*c;
		}
		if (++rows > (int)len + 2)
			ok = false; /* more rows than bytes: it would never end */
	}
	if (ok && st == CSV_FAILED) {
		char msg[1200];
		csv_failure_message(&r.failure, NULL, msg, sizeof msg);
		ok = r.failure.kind != CSV_FAIL_NONE && msg[0];
	}
	csv_reader_free(&r);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test_exchange_fuzz FIXTURE_DIR [ITERATIONS]\n");
		return 2;
	}
	long iterations = argc > 2 ? strtol(argv[2], NULL, 10) : 4000;
	setenv("BROBYGGER_TODAY", "2026-11-26", 0);
	i18n_init();
	dbrules_install();
	if (!testdb_start("fuzz"))
		return 1;
	struct fixture fx[32];
	int nfx = load_fixtures(argv[1], fx, 32);
	TAP_CHECK(nfx >= 10, "the hand-made files are there to start from (%d)", nfx);

	char path[256];
	testdb_path(path, sizeof path, "fuzz.db");
	struct db *db;
	if (db_open(path, &db) != DB_OK)
		return 1;
	db_exec(db, "INSERT INTO citizens(name, phone, birth_year) VALUES ('Søren Ærø', '20 30 40 50', 1961)");
	struct desk d = desk_command_line(db);
	/* Thousands of commits: the disk need not see each one here. */
	db_exec(db, "PRAGMA synchronous = OFF");

	size_t cap = 1 << 17;
	char *buf = malloc(cap);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	long done = 0, reader_bad = 0, import_bad = 0, imported = 0, refused = 0;
	for (; done < iterations; done++) {
		const struct fixture *f = &fx[below((unsigned)nfx)];
		size_t len = below(3) == 0 ? make_pieces(buf, cap) : make_mutation(f->data, f->len, buf, cap);
		for (int enc = CSV_AUTO; enc <= CSV_CP1252; enc++)
			reader_bad += !reader_keeps_promises(buf, len, (enum csv_encoding)enc);

		/* Most hand-made files are of citizens. */
		enum exchange_table t = below(5) < 3 ? EXCHANGE_CITIZENS : (enum exchange_table)below(3);
		bool dry = below(4) != 0;
		long long before = testdb_count(db, "SELECT (SELECT count(*) FROM citizens) + (SELECT count(*) FROM volunteers)"
						    " + (SELECT count(*) FROM activities)");
		struct exchange_import req = { .table = t, .encoding = (enum csv_encoding)below(3), .dry_run = dry,
					       .source = "fuzz" };
		struct exchange_report rep;
		enum db_status st = exchange_import(&d, &req, buf, len, &rep);
		long long after = testdb_count(db, "SELECT (SELECT count(*) FROM citizens) + (SELECT count(*) FROM volunteers)"
						   " + (SELECT count(*) FROM activities)");
		bool ok = st == DB_OK || st == DB_ERR_INVALID;
		if (st == DB_OK && !dry) {
			ok = ok && rep.imported && after == before + rep.added;
			imported += rep.added;
		} else {
			ok = ok && after == before && !rep.imported;
			refused += st == DB_ERR_INVALID;
		}
		ok = ok && (st != DB_ERR_INVALID || rep.problems > 0);
		for (int i = 0; ok && i < rep.nnotes; i++)
			ok = rep.notes[i].text && utf8_valid(rep.notes[i].text, strlen(rep.notes[i].text));
		if (!ok && import_bad++ < 3) {
			printf("# import broke a promise (status %d, table %d, dry %d, %zu bytes)\n", st, t, dry, len);
			FILE *out = fopen("/tmp/bb-fuzz-failure.csv", "wb");
			if (out) {
				fwrite(buf, 1, len, out);
				fclose(out);
			}
		}
		exchange_report_free(&rep);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if ((double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9 > 10.0)
			break;
	}
	printf("# %ld inputs; %ld rows imported, %ld files refused with problems\n", done, imported, refused);
	TAP_INT_EQ(reader_bad, 0, "the reader ended, gave valid UTF-8 and counted rows on every input");
	TAP_INT_EQ(import_bad, 0, "the import reported or imported, and wrote nothing when it refused");
	TAP_CHECK(refused > 0 && imported > 0, "both happened: some files refused, some rows imported");
	char report[2048];
	TAP_INT_EQ(db_integrity_check(db, NULL, report, sizeof report), DB_OK, "the database is sound afterwards");
	db_close(db);
	for (int i = 0; i < nfx; i++)
		free(fx[i].data);
	free(buf);
	testdb_finish();
	return tap_done();
}
