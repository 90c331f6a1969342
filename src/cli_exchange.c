/* cli_exchange.c — `brobygger export` and `brobygger import` (cli.h):
 * the options in, the use cases of src/exchange.h, the words out. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "dbmessage.h"
#include "desk.h"
#include "exchange.h"
#include "i18n.h"

static void tables_list(bool importable_only, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (int t = 0; t < EXCHANGE_TABLES; t++) {
		if (importable_only && !exchange_table_importable((enum exchange_table)t))
			continue;
		int n = snprintf(out + used, size - used, "%s%s", used ? ", " : "", exchange_table_name((enum exchange_table)t));
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

static bool table_arg(const char *name, bool importable_only, enum exchange_table *t, FILE *err)
{
	char list[200];
	tables_list(importable_only, list, sizeof list);
	if (!exchange_table_parse(name, t)) {
		fprintf(err, _("brobygger: unknown table '%s'. Choose one of: %s.\n"), name, list);
		return false;
	}
	if (importable_only && !exchange_table_importable(*t)) {
		fprintf(err, _("brobygger: %s cannot be imported, only exported. Import one of: %s.\n"), name, list);
		return false;
	}
	return true;
}

static bool encoding_arg(const struct cli_args *args, bool reading, enum csv_encoding *enc, FILE *err)
{
	const char *v = cli_option(args, "encoding");
	*enc = reading ? CSV_AUTO : CSV_UTF8;
	if (!v)
		return true;
	if (strcmp(v, "utf-8") == 0 || strcmp(v, "utf8") == 0 || strcmp(v, "UTF-8") == 0)
		*enc = CSV_UTF8;
	else if (strcmp(v, "cp1252") == 0 || strcmp(v, "windows-1252") == 0 || strcmp(v, "WINDOWS-1252") == 0)
		*enc = CSV_CP1252;
	else if (reading && strcmp(v, "auto") == 0)
		*enc = CSV_AUTO;
	else {
		fprintf(err, reading ? _("brobygger: --encoding is auto, utf-8 or cp1252, not '%s'.\n")
				     : _("brobygger: --encoding is utf-8 or cp1252, not '%s'.\n"), v);
		return false;
	}
	return true;
}

static bool date_arg(const struct cli_args *args, const char *name, char out[CIT_DATE], FILE *err)
{
	const char *v = cli_option(args, name);
	out[0] = '\0';
	if (!v)
		return true;
	struct date d;
	if (!date_parse_near(v, DATE_YEAR_THIS, date_today(), &d)) {
		char why[300];
		date_problem(v, DATE_YEAR_THIS, why, sizeof why);
		fprintf(err, "brobygger: --%s: %s\n", name, why);
		return false;
	}
	date_format_iso(d, out);
	return true;
}

/* The database, which must be there already unless --create asks for a
 * new one: a mistyped --db never becomes a new, empty database. */
static struct db *open_db(const struct cli_args *args, const char *path, FILE *err)
{
	if (!args->create && !db_exists(path)) {
		fprintf(err, _("brobygger: there is no database at %s.\n"), path);
		fprintf(err, "%s", _("  Check the path (is the disk plugged in?), or add --create to make a new, "
				     "empty database there.\n"));
		return NULL;
	}
	struct db *db;
	enum db_status st = db_open(path, &db);
	if (st != DB_OK) {
		fprintf(err, "brobygger: %s: %s\n", path, dbmessage(st));
		const char *detail = db_errdetail(db);
		if (detail && *detail)
			fprintf(err, "  (%s)\n", detail);
		db_close(db);
		return NULL;
	}
	return db;
}

int cli_export(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	struct exchange_export req = { .destination = cli_option(args, "output") };
	if (!table_arg(args->args[0], false, &req.table, err) || !encoding_arg(args, false, &req.encoding, err)
	    || !date_arg(args, "from", req.period.from, err) || !date_arg(args, "to", req.period.to, err))
		return EXIT_USAGE;
	if ((req.period.from[0] || req.period.to[0]) && !exchange_table_has_period(req.table)) {
		fprintf(err, _("brobygger: --from and --to choose rows by their day, and %s have none: leave them "
			       "out.\n"), exchange_table_title(req.table));
		return EXIT_USAGE;
	}
	if (req.period.from[0] && req.period.to[0] && strcmp(req.period.from, req.period.to) > 0) {
		fprintf(err, "%s", _("brobygger: --from is after --to.\n"));
		return EXIT_USAGE;
	}
	if (!cli_output_free(args, true, err))
		return EXIT_FAILURE;
	/* Without --output the bytes go to standard output ("-" in the log). */
	const char *path = req.save_to = req.destination;
	if (!req.destination)
		req.destination = "-";
	struct db *db = open_db(args, db_path, err);
	if (!db)
		return EXIT_FAILURE;
	struct desk desk = desk_command_line(db);
	struct exchange_file file;
	enum db_status st = exchange_export(&desk, &req, &file);
	db_close(db);
	if (st == DB_ERR_INVALID && file.problem[0]) {
		fprintf(err, _("brobygger: nothing was exported. %s\n"), file.problem);
		return EXIT_FAILURE;
	}
	if (st == DB_ERR_IO && file.problem[0]) {
		fprintf(err, "brobygger: %s\n", file.problem);
		return EXIT_FAILURE;
	}
	if (st != DB_OK) {
		fprintf(err, "brobygger: %s: %s\n", db_path, dbmessage(st));
		return EXIT_FAILURE;
	}
	char msg[4400];
	bool ok = true;
	if (!path && (fwrite(file.data, 1, file.len, out) != file.len || fflush(out) != 0)) {
		ok = false;
		snprintf(msg, sizeof msg, _("the output cannot be written: %s"), strerror(errno));
	}
	free(file.data);
	if (!ok) {
		fprintf(err, "brobygger: %s\n", msg);
		return EXIT_FAILURE;
	}
	if (path)
		fprintf(out, P_("%d row of %s written to %s (%s).\n", "%d rows of %s written to %s (%s).\n", file.rows),
			file.rows, exchange_table_title(req.table), path,
			req.encoding == CSV_CP1252 ? "Windows-1252" : "UTF-8");
	return EXIT_SUCCESS;
}

int cli_import(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	struct exchange_import req = { .source = args->args[1], .dry_run = cli_option(args, "dry-run") != NULL };
	if (!table_arg(args->args[0], true, &req.table, err) || !encoding_arg(args, true, &req.encoding, err))
		return EXIT_USAGE;
	size_t len = 0;
	char msg[4400];
	char *bytes = csv_load(args->args[1], &len, msg, sizeof msg);
	if (!bytes) {
		fprintf(err, "brobygger: %s\n", msg);
		return EXIT_FAILURE;
	}
	struct db *db = open_db(args, db_path, err);
	if (!db) {
		free(bytes);
		return EXIT_FAILURE;
	}
	struct desk desk = desk_command_line(db);
	struct exchange_report rep;
	enum db_status st = exchange_import(&desk, &req, bytes, len, &rep);
	db_close(db);
	free(bytes);
	for (int i = 0; i < rep.nnotes; i++)
		fprintf(rep.notes[i].problem ? err : out, "%s\n", rep.notes[i].text);
	if (rep.notes_left_out)
		fprintf(err, P_("... and %d more not shown.\n", "... and %d more not shown.\n", rep.notes_left_out),
			rep.notes_left_out);
	if (st != DB_OK && st != DB_ERR_INVALID) {
		fprintf(err, "brobygger: %s: %s\n", db_path, dbmessage(st));
		exchange_report_free(&rep);
		return EXIT_FAILURE;
	}
	char summary[2048];
	exchange_report_summary(&rep, req.dry_run, summary, sizeof summary);
	fprintf(st == DB_OK ? out : err, "%s\n", summary);
	exchange_report_free(&rep);
	return st == DB_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
