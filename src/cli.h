/* cli.h — the command line: parsing into a plain struct (unit-tested)
 * and the subcommands that need no terminal. */
#ifndef BB_CLI_H
#define BB_CLI_H

#include <stdbool.h>
#include <stdio.h>

enum cli_command {
	CLI_TUI = 0,
	CLI_HELP,
	CLI_VERSION,
	CLI_DEMO,
	CLI_CHECK,
	CLI_BACKUP,
};

struct cli_args {
	enum cli_command command;
	const char *db_path;      /* --db, or NULL for the default */
	long demo_citizens;       /* demo --citizens */
	unsigned long demo_seed;  /* demo --seed */
	const char *backup_path;  /* backup PATH */
};

enum { EXIT_USAGE = 2 };

/* Fills args; on a usage error writes a translated message into err and
 * returns false. */
bool cli_parse(int argc, char **argv, struct cli_args *args, char *err, size_t errsize);

void cli_print_help(FILE *out);
void cli_print_version(FILE *out);

/* Subcommands: return the process exit status; messages go to out/err. */
int cli_demo(const struct cli_args *args, const char *db_path, FILE *out, FILE *err);
int cli_check(const char *db_path, FILE *out, FILE *err);
int cli_backup(const char *db_path, const char *target, FILE *out, FILE *err);

#endif
