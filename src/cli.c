/* cli.c — command-line parsing and the terminal-free subcommands. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "date.h"
#include "dbmessage.h"
#include "demo.h"
#include "i18n.h"
#include "desk.h"
#include "settings.h"

enum { DEMO_DEFAULT_CITIZENS = 300, DEMO_MAX_CITIZENS = 10000000 };

static bool parse_long(const char *s, long min, long max, long *out)
{
	if (!s || !*s)
		return false;
	errno = 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* "--name VALUE" or "--name=VALUE"; advances *i past a separate value. */
static bool option_value(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return false;
	if (a[n] == '=') {
		*value = a + n + 1;
		return true;
	}
	if (a[n] != '\0')
		return false;
	*value = (*i + 1 < argc) ? argv[++*i] : NULL;
	return true;
}

bool cli_parse(int argc, char **argv, struct cli_args *args, char *err, size_t errsize)
{
	memset(args, 0, sizeof *args);
	args->demo_citizens = DEMO_DEFAULT_CITIZENS;
	args->demo_seed = 1;
	bool have_command = false;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			args->command = CLI_HELP;
			return true;
		}
		if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			args->command = CLI_VERSION;
			return true;
		}
		if (option_value(argc, argv, &i, "--db", &v)) {
			if (!v || !*v) {
				snprintf(err, errsize, _("--db needs a file name."));
				return false;
			}
			args->db_path = v;
			continue;
		}
		if (args->command == CLI_DEMO && option_value(argc, argv, &i, "--citizens", &v)) {
			if (!parse_long(v, 0, DEMO_MAX_CITIZENS, &args->demo_citizens)) {
				snprintf(err, errsize, _("--citizens needs a whole number from 0 to %ld."),
					 (long)DEMO_MAX_CITIZENS);
				return false;
			}
			continue;
		}
		if (args->command == CLI_DEMO && option_value(argc, argv, &i, "--seed", &v)) {
			long seed;
			if (!parse_long(v, 0, 2147483647L, &seed)) {
				snprintf(err, errsize, _("--seed needs a whole number from 0 to 2147483647."));
				return false;
			}
			args->demo_seed = (unsigned long)seed;
			continue;
		}
		if (a[0] == '-') {
			snprintf(err, errsize, _("Unknown option: %s"), a);
			return false;
		}
		if (!have_command) {
			have_command = true;
			if (strcmp(a, "demo") == 0)
				args->command = CLI_DEMO;
			else if (strcmp(a, "check") == 0)
				args->command = CLI_CHECK;
			else if (strcmp(a, "backup") == 0)
				args->command = CLI_BACKUP;
			else {
				snprintf(err, errsize, _("Unknown command: %s"), a);
				return false;
			}
			continue;
		}
		if (args->command == CLI_BACKUP && !args->backup_path) {
			args->backup_path = a;
			continue;
		}
		snprintf(err, errsize, _("Unexpected argument: %s"), a);
		return false;
	}
	if (args->command == CLI_BACKUP && !args->backup_path) {
		snprintf(err, errsize, _("backup needs the path of the new backup file."));
		return false;
	}
	return true;
}

void cli_print_help(FILE *out)
{
	fprintf(out, _("Usage: brobygger [--db PATH] [COMMAND]\n"
		       "\n"
		       "Brobygger helps the front desk of a volunteer centre bring lonely\n"
		       "people into lasting communities. Without a command it starts the\n"
		       "screen program.\n"
		       "\n"
		       "Commands:\n"
		       "  demo [--citizens N] [--seed S]  create a database with made-up data\n"
		       "                                  (default: demo.db beside the real one)\n"
		       "  check                           check the database for damage\n"
		       "  backup PATH                     copy the database safely while in use\n"
		       "\n"
		       "Options:\n"
		       "  --db PATH      database file (default: $BROBYGGER_DB, else\n"
		       "                 $XDG_DATA_HOME/brobygger/brobygger.db)\n"
		       "  -h, --help     show this help\n"
		       "  -V, --version  show the version\n"
		       "\n"
		       "Language: Danish unless LANGUAGE or LANG asks for another, e.g. LANGUAGE=en.\n"));
}

void cli_print_version(FILE *out)
{
	fprintf(out, "brobygger %s\n", PACKAGE_VERSION);
}

static void print_db_error(FILE *err, const char *path, enum db_status st, struct db *db)
{
	fprintf(err, "brobygger: %s: %s\n", path, dbmessage(st));
	const char *detail = db_errdetail(db);
	if (detail && *detail)
		fprintf(err, "  (%s)\n", detail);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int cli_demo(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct db *db;
	enum db_status st = db_open(db_path, &db);
	if (st != DB_OK) {
		print_db_error(err, db_path, st, db);
		db_close(db);
		return EXIT_FAILURE;
	}
	struct demo_options opt = {
		.citizens = args->demo_citizens,
		.seed = args->demo_seed,
		.today = date_today(),
	};
	struct demo_summary sum = { 0 };
	st = demo_generate(db, &opt, &sum);
	/* The name on the home screen says at once that this is not the
	 * real database, so nobody registers a real citizen here. */
	struct desk desk = desk_command_line(db);
	if (st == DB_OK)
		st = settings_name_centre(&desk, _("DEMO: made-up data, not real citizens"));
	db_close(db);
	if (st == DB_ERR_CONFLICT) {
		fprintf(err, _("brobygger: %s already holds data. Demo data is only written to a new, empty database; choose another file with --db.\n"),
			db_path);
		return EXIT_FAILURE;
	}
	if (st != DB_OK) {
		print_db_error(err, db_path, st, NULL);
		return EXIT_FAILURE;
	}
	double secs = seconds_since(&t0);
	struct stat sb;
	double mib = stat(db_path, &sb) == 0 ? (double)sb.st_size / (1024.0 * 1024.0) : 0.0;
	fprintf(out, P_("Created %ld made-up citizen", "Created %ld made-up citizens", sum.citizens),
		sum.citizens);
	fprintf(out, _(", %ld volunteers, %ld activities, %ld sessions, %ld attendance marks, %ld matches and %ld follow-up calls in %s.\n"),
		sum.volunteers, sum.activities, sum.sessions, sum.attendance, sum.matches,
		sum.follow_ups, db_path);
	fprintf(out, _("Time: %.1f s. File size: %.1f MiB.\n"), secs, mib);
	fprintf(out, _("Look around with: brobygger --db %s\n"), db_path);
	return EXIT_SUCCESS;
}

int cli_check(const char *db_path, FILE *out, FILE *err)
{
	struct db *db;
	enum db_status st = db_open_existing(db_path, true, &db);
	if (st != DB_OK) {
		print_db_error(err, db_path, st, db);
		db_close(db);
		return EXIT_FAILURE;
	}
	char report[2048];
	st = db_integrity_check(db, report, sizeof report);
	int version = db_schema_version(db);
	db_close(db);
	if (st == DB_ERR_CORRUPT) {
		fprintf(err, "brobygger: %s: %s\n%s", db_path, dbmessage(st), report);
		return EXIT_FAILURE;
	}
	if (st != DB_OK) {
		print_db_error(err, db_path, st, NULL);
		return EXIT_FAILURE;
	}
	fprintf(out, _("%s: the database is sound (schema version %d).\n"), db_path, version);
	return EXIT_SUCCESS;
}

int cli_backup(const char *db_path, const char *target, FILE *out, FILE *err)
{
	struct db *db;
	enum db_status st = db_open_existing(db_path, true, &db);
	if (st != DB_OK) {
		print_db_error(err, db_path, st, db);
		db_close(db);
		return EXIT_FAILURE;
	}
	st = db_backup(db, target);
	if (st == DB_ERR_CONFLICT) {
		fprintf(err, _("brobygger: %s already exists. Choose a new file name for the backup.\n"),
			target);
		db_close(db);
		return EXIT_FAILURE;
	}
	if (st != DB_OK) {
		print_db_error(err, target, st, db);
		db_close(db);
		return EXIT_FAILURE;
	}
	db_close(db);
	fprintf(out, _("Backup written to %s.\n"), target);
	return EXIT_SUCCESS;
}
