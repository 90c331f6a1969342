/* bench_exchange — how long CSV export and import take for a large
 * centre. Not a test: it prints figures.
 *
 *   ./build/brobygger demo --citizens 100000 --db /tmp/bench.db
 *   ./build/tests/bench_exchange /tmp/bench.db
 *
 * The database given is copied to a temporary file first and only the
 * copy is used (an export writes its audit line), so the original is
 * never written. Then:
 *
 * - export: all citizens, as the use case builds the file (read snapshot,
 *   every row to cells, the audit line), in UTF-8 and in Windows-1252
 *   (the latter stops at the first name it cannot hold: the time is up to
 *   there, and it says so);
 * - import: the UTF-8 file into a new, empty database, first as a trial
 *   run (read, check every row, find duplicates: no writing), then for
 *   real (the same, then every row written in one transaction).
 *
 * Demo data repeats names and birth years, so a good part of 100 000 are
 * skipped as the same person: the figures say how many.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "desk.h"
#include "exchange.h"
#include "i18n.h"

/* Processor time of this process, in ms: the machine may be shared, so
 * the wall clock alone would also count the others' work. */
static double cpu_ms(void)
{
	return (double)clock() * 1000.0 / CLOCKS_PER_SEC;
}

static bool copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	bool ok = in && out;
	char buf[1 << 16];
	size_t n;
	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, out) == n;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		ok = false;
	return ok;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_exchange DB\n");
		return 2;
	}
	i18n_init();
	dbrules_install();
	char dir[] = "/tmp/bb-bench-exchange-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	char copy[256], empty[256];
	snprintf(copy, sizeof copy, "%s/copy.db", dir);
	snprintf(empty, sizeof empty, "%s/empty.db", dir);
	double t0 = now_ms();
	if (!copy_file(argv[1], copy)) {
		fprintf(stderr, "cannot copy %s\n", argv[1]);
		return 1;
	}
	printf("copied %s in %.0f ms (the original is not written)\n", argv[1], now_ms() - t0);

	struct db *db;
	if (db_open(copy, &db) != DB_OK) {
		fprintf(stderr, "cannot open the copy: %s\n", db_errdetail(db));
		return 1;
	}
	struct desk d = desk_command_line(db);
	long long citizens = 0;
	db_query_int(db, "SELECT count(*) FROM citizens", &citizens);

	struct exchange_file utf8 = { 0 }, cp1252 = { 0 };
	struct exchange_export req = { .table = EXCHANGE_CITIZENS, .encoding = CSV_UTF8, .destination = "bench" };
	t0 = now_ms();
	double c0 = cpu_ms();
	enum db_status st = exchange_export(&d, &req, &utf8);
	double ms = now_ms() - t0, cpu = cpu_ms() - c0;
	printf("export of %lld citizens, UTF-8: %.0f ms (%.0f ms processor), %d rows, %.1f MiB%s\n", citizens, ms, cpu,
	       utf8.rows, (double)utf8.len / (1024.0 * 1024.0), st == DB_OK ? "" : " (failed)");
	req.encoding = CSV_CP1252;
	t0 = now_ms();
	st = exchange_export(&d, &req, &cp1252);
	ms = now_ms() - t0;
	if (st == DB_OK)
		printf("export, Windows-1252: %.0f ms, %d rows\n", ms, cp1252.rows);
	else
		printf("export, Windows-1252: stopped after %.0f ms: %s\n", ms, cp1252.problem);
	free(cp1252.data);
	db_close(db);

	if (db_open(empty, &db) != DB_OK) {
		fprintf(stderr, "cannot make the empty database\n");
		return 1;
	}
	d = desk_command_line(db);
	struct exchange_import imp = { .table = EXCHANGE_CITIZENS, .encoding = CSV_AUTO, .dry_run = true,
				       .source = "bench" };
	struct exchange_report rep;
	t0 = now_ms();
	c0 = cpu_ms();
	st = exchange_import(&d, &imp, utf8.data, utf8.len, &rep);
	ms = now_ms() - t0;
	cpu = cpu_ms() - c0;
	printf("import, trial run: %.0f ms (%.0f ms processor): %d rows read, %d to add, %d the same person,"
	       " %d problems (status %d)\n", ms, cpu, rep.rows, rep.added, rep.skipped, rep.problems, st);
	exchange_report_free(&rep);
	imp.dry_run = false;
	t0 = now_ms();
	c0 = cpu_ms();
	st = exchange_import(&d, &imp, utf8.data, utf8.len, &rep);
	ms = now_ms() - t0;
	cpu = cpu_ms() - c0;
	printf("import: %.0f ms (%.0f ms processor): %d rows read, %d added, %d skipped as the same person"
	       " (status %d)\n", ms, cpu, rep.rows, rep.added, rep.skipped, st);
	exchange_report_free(&rep);
	db_close(db);
	free(utf8.data);

	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return 0;
}
