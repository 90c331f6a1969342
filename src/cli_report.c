/* cli_report.c — `brobygger report` and `brobygger print` (cli.h). Both
 * act as the coordinator, as every subcommand does: whoever can read the
 * database file owns the data already. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "dbmessage.h"
#include "desk.h"
#include "i18n.h"
#include "report.h"
#include "report_render.h"
#include "report_rules.h"
#include "sheets.h"

/* A new file readable by its owner only: the figures are the centre's. */
static FILE *create_file(const char *path, FILE *err)
{
	FILE *f = report_file_create(path);
	if (!f)
		fprintf(err, _("brobygger: %s cannot be written: %s\n"), path, strerror(errno));
	return f;
}

int cli_report(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	char msg[300];
	struct report_period period;
	if (!report_period_parse(cli_option(args, "from"), cli_option(args, "to"), date_today(), &period, msg,
				 sizeof msg)) {
		fprintf(err, "brobygger: %s\n", msg);
		return EXIT_USAGE;
	}
	enum report_format format = REPORT_TEXT;
	const char *name = cli_option(args, "format");
	if (name && !report_format_parse(name, &format)) {
		fprintf(err, _("brobygger: --format is text, csv or html, not %s.\n"), name);
		return EXIT_USAGE;
	}
	const char *output = cli_option(args, "output");
	if (!cli_output_free(args, false, err))
		return EXIT_FAILURE;
	/* Without --format, a file's name that says one (tal.csv). */
	if (!name && output)
		report_format_of_file(output, &format);
	struct db *db = cli_open_existing(db_path, err);
	if (!db)
		return EXIT_FAILURE;
	struct desk desk = desk_command_line(db);
	struct report rep;
	/* The text on the terminal is shown, not written to a file. */
	enum report_use use = !output && format == REPORT_TEXT ? REPORT_SHOWN : report_written_as(format);
	enum db_status st = report_make(&desk, &period, use, &rep);
	if (st != DB_OK) {
		cli_db_error(err, db_path, st, db);
		report_free(&rep);
		db_close(db);
		return EXIT_FAILURE;
	}
	db_close(db);
	FILE *f = output ? create_file(output, err) : out;
	/* On the terminal the coordinator's exact figures; a file (also one
	 * standard output is sent to) is handed on. */
	bool ok = f && report_write(&rep, format, !output && isatty(fileno(out)), f);
	report_free(&rep);
	if (f && f != out && fclose(f) != 0)
		ok = false;
	if (!ok) {
		if (f)
			fprintf(err, _("brobygger: the report could not be written: %s\n"), strerror(errno));
		return EXIT_FAILURE;
	}
	if (output)
		fprintf(out, _("The report is written to %s.\n"), output);
	return EXIT_SUCCESS;
}

static void tell_delivery(FILE *out, const struct sheet_delivery *dl)
{
	if (dl->printed)
		fprintf(out, _("Sent to the printer %s.\n"), dl->printer);
	else if (dl->no_printer)
		fprintf(out, _("No printer is set up. A printable page is written to %s: open it in a browser and "
			       "print it.\n"), dl->path);
	else
		fprintf(out, _("A printable page is written to %s.\n"), dl->path);
}

static bool write_roll(const void *sheet, bool html, FILE *f)
{
	return sheets_roll_write(sheet, html, f);
}

static bool write_calls(const void *sheet, bool html, FILE *f)
{
	return sheets_calls_write(sheet, html, f);
}

int cli_print(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	const char *what = args->args[0];
	bool roll = strcmp(what, "roll") == 0;
	if (!roll && strcmp(what, "calls") != 0) {
		fprintf(err, _("brobygger: print roll or print calls, not %s.\n"), what);
		return EXIT_USAGE;
	}
	struct date day = date_today();
	const char *given = cli_option(args, "date");
	if (given && !date_parse_near(given, DATE_YEAR_THIS, date_today(), &day)) {
		char why[300];
		date_problem(given, DATE_YEAR_THIS, why, sizeof why);
		fprintf(err, "brobygger: --date: %s\n", why);
		return EXIT_USAGE;
	}
	long activity = 0;
	char msg[200];
	if (!cli_number(args, "activity", 1, 2147483647L, 0, &activity, msg, sizeof msg)) {
		fprintf(err, "brobygger: %s\n", msg);
		return EXIT_USAGE;
	}
	if (activity && !roll) {
		fprintf(err, "%s", _("brobygger: --activity is for print roll.\n"));
		return EXIT_USAGE;
	}
	char iso[DATE_ISO_LEN];
	date_format_iso(day, iso);
	struct db *db = cli_open_existing(db_path, err);
	if (!db)
		return EXIT_FAILURE;
	struct desk desk = desk_command_line(db);
	struct roll_sheets rolls = { 0 };
	struct call_sheet calls = { 0 };
	enum db_status st = roll ? sheets_roll_day(&desk, iso, activity, &rolls) : sheets_calls(&desk, iso, &calls);
	db_close(db);
	if (st != DB_OK) {
		cli_db_error(err, db_path, st, NULL);
		return EXIT_FAILURE;
	}
	if (roll && rolls.n == 0) {
		char dk[16];
		date_format_dk(day, dk, sizeof dk);
		if (activity)
			fprintf(err, _("brobygger: activity %ld has no session on %s.\n"), activity, dk);
		else
			fprintf(err, _("brobygger: there are no sessions on %s.\n"), dk);
		return EXIT_FAILURE;
	}
	char name[64], title[64], err_msg[600];
	/* TRANSLATORS: file names of the printable sheets; %s is the date 2026-11-26. */
	snprintf(name, sizeof name, roll ? _("roll-call-%s.html") : _("calls-%s.html"), iso);
	snprintf(title, sizeof title, roll ? _("Roll call %s") : _("Follow-up calls %s"), iso);
	struct sheet_delivery dl;
	bool ok = roll ? sheets_deliver(write_roll, &rolls, title, cli_option(args, "output"), name, &dl, err_msg,
					sizeof err_msg)
		       : sheets_deliver(write_calls, &calls, title, cli_option(args, "output"), name, &dl, err_msg,
					sizeof err_msg);
	sheets_roll_free(&rolls);
	sheets_calls_free(&calls);
	if (!ok) {
		fprintf(err, "brobygger: %s\n", err_msg);
		return EXIT_FAILURE;
	}
	tell_delivery(out, &dl);
	return EXIT_SUCCESS;
}
