/* cli.h — the command line: parsing into a plain struct (unit-tested)
 * and the subcommands that need no terminal. */
#ifndef BB_CLI_H
#define BB_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "model_status.h"

enum cli_command {
	CLI_TUI = 0,
	CLI_HELP,
	CLI_VERSION,
	CLI_DEMO,
	CLI_CHECK,
	CLI_BACKUP,
	CLI_RESTORE,
	CLI_RETENTION,
	CLI_INSIGHT,
	CLI_AUDIT,
	CLI_REPORT,
	CLI_PRINT,
	CLI_EXPORT,
	CLI_IMPORT,
	CLI_MIGRATE_TO,
	CLI_CENTRE,
};

enum { CLI_MAX_ARGS = 4, CLI_MAX_OPTIONS = 12 };

/* --name VALUE, --name=VALUE, or a bare --flag (value ""). */
struct cli_option {
	const char *name;             /* without the dashes */
	const char *value;
};

struct cli_args {
	enum cli_command command;
	const char *db_path;          /* --db, or NULL for the default */
	bool create;                  /* --create: a new database may be made at --db */
	const char *args[CLI_MAX_ARGS];
	int nargs;                    /* the command's own arguments */
	struct cli_option options[CLI_MAX_OPTIONS];
	int noptions;
};

enum { EXIT_USAGE = 2 };

/* Fills args. Each command takes only its own options and the right
 * number of arguments; on a usage error writes a translated message into
 * err and returns false. */
bool cli_parse(int argc, char **argv, struct cli_args *args, char *err, size_t errsize);

/* An option's value, or NULL when it was not given. */
const char *cli_option(const struct cli_args *args, const char *name);
/* Whether --output may be written: not when it names a file that
 * exists already, unless --replace says so (a spreadsheet worked on by
 * hand must not be lost to an export), and, `only_a_file`, not over
 * anything else that exists; false with a message in err. */
bool cli_output_free(const struct cli_args *args, bool only_a_file, FILE *err);
/* A whole number option from min to max, `fallback` when absent; false
 * (with a message naming the option) when it is not such a number. */
bool cli_number(const struct cli_args *args, const char *name, long min, long max, long fallback, long *out,
		char *err, size_t errsize);

void cli_print_help(FILE *out);
void cli_print_version(FILE *out);

/* Subcommands: return the process exit status; messages go to out/err. */
struct db;
/* An existing database, opened and migrated, for a command that acts as
 * the coordinator; NULL (and why, on err) when there is none. */
struct db *cli_open_existing(const char *db_path, FILE *err);
/* "brobygger: PATH: what went wrong", and the engine's detail if any. */
void cli_db_error(FILE *err, const char *path, enum db_status st, struct db *db);

int cli_centre(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
int cli_demo(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
int cli_check(const char *db_path, FILE *out, FILE *err);
int cli_backup(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
int cli_restore(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
/* Data protection (issue 12): the retention rule shown or applied, a
 * citizen's insight file, the audit log. */
int cli_retention(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
int cli_insight(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
int cli_audit(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
/* In cli_report.c: the funders' report and the printed sheets. */
int cli_report(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
int cli_print(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
/* CSV as Danish Excel writes and reads it (src/exchange.h). */
int cli_export(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
int cli_import(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
int cli_migrate_to(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);

#endif
