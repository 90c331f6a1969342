/* Unit tests for command-line parsing in src/cli.c. */
#include "cli.h"

#include <string.h>

#include "tap.h"

static bool parse(struct cli_args *a, char *err, int argc, char **argv)
{
	return cli_parse(argc, argv, a, err, 256);
}

int main(void)
{
	struct cli_args a;
	char err[256];

	TAP_CHECK(parse(&a, err, 1, (char *[]){ "brobygger", NULL }) && a.command == CLI_TUI,
		  "no arguments starts the screen program");
	TAP_CHECK(parse(&a, err, 3, (char *[]){ "brobygger", "--db", "/tmp/x.db", NULL })
		  && a.command == CLI_TUI && strcmp(a.db_path, "/tmp/x.db") == 0, "--db PATH");
	TAP_CHECK(parse(&a, err, 2, (char *[]){ "brobygger", "--db=/tmp/y.db", NULL })
		  && strcmp(a.db_path, "/tmp/y.db") == 0, "--db=PATH");
	long n = 0, seed = 0;
	TAP_CHECK(parse(&a, err, 5, (char *[]){ "brobygger", "demo", "--citizens", "250", "--seed=7", NULL })
		  && a.command == CLI_DEMO && cli_number(&a, "citizens", 0, 1000, 300, &n, err, sizeof err) && n == 250
		  && cli_number(&a, "seed", 0, 1000, 1, &seed, err, sizeof err) && seed == 7,
		  "demo --citizens N --seed=S");
	TAP_CHECK(parse(&a, err, 2, (char *[]){ "brobygger", "demo", NULL })
		  && cli_number(&a, "citizens", 0, 1000, 300, &n, err, sizeof err) && n == 300, "a default when absent");
	TAP_CHECK(parse(&a, err, 4, (char *[]){ "brobygger", "demo", "--citizens", "mange", NULL })
		  && !cli_number(&a, "citizens", 0, 1000, 300, &n, err, sizeof err) && strstr(err, "--citizens"),
		  "--citizens must be a number, and the message says which option");
	TAP_CHECK(parse(&a, err, 4, (char *[]){ "brobygger", "--db", "d.db", "check", NULL })
		  && a.command == CLI_CHECK, "options before the command");
	TAP_CHECK(parse(&a, err, 3, (char *[]){ "brobygger", "backup", "/tmp/b.db", NULL })
		  && a.command == CLI_BACKUP && a.nargs == 1 && strcmp(a.args[0], "/tmp/b.db") == 0, "backup PATH");
	TAP_CHECK(parse(&a, err, 5, (char *[]){ "brobygger", "backup", "b.db", "--passphrase-file", "p.txt", NULL })
		  && cli_option(&a, "passphrase-file") && strcmp(cli_option(&a, "passphrase-file"), "p.txt") == 0
		  && !cli_option(&a, "encrypt"), "backup --passphrase-file F");
	TAP_CHECK(parse(&a, err, 4, (char *[]){ "brobygger", "restore", "b.db", "--force", NULL })
		  && a.command == CLI_RESTORE && cli_option(&a, "force") && *cli_option(&a, "force") == '\0',
		  "restore BACKUP --force");
	TAP_CHECK(parse(&a, err, 4, (char *[]){ "brobygger", "--create", "--db", "n.db", NULL }) && a.create
		  && a.command == CLI_TUI, "--create");
	TAP_CHECK(!parse(&a, err, 4, (char *[]){ "brobygger", "restore", "b.db", "--force=yes", NULL }),
		  "a flag takes no value");
	TAP_CHECK(!parse(&a, err, 3, (char *[]){ "brobygger", "check", "--force", NULL }),
		  "an option of another command is refused");
	TAP_CHECK(parse(&a, err, 2, (char *[]){ "brobygger", "--version", NULL }) && a.command == CLI_VERSION,
		  "--version");
	TAP_CHECK(parse(&a, err, 3, (char *[]){ "brobygger", "demo", "-h", NULL }) && a.command == CLI_HELP,
		  "-h anywhere");

	TAP_CHECK(!parse(&a, err, 2, (char *[]){ "brobygger", "frobnicate", NULL }), "unknown command refused");
	TAP_CHECK(!parse(&a, err, 2, (char *[]){ "brobygger", "--nope", NULL }), "unknown option refused");
	TAP_CHECK(!parse(&a, err, 2, (char *[]){ "brobygger", "--db", NULL }), "--db without a path refused");
	TAP_CHECK(!parse(&a, err, 4, (char *[]){ "brobygger", "report", "--from", "", NULL }) && strstr(err, "--from needs"),
		  "an empty value is refused by the option's name: %s", err);
	TAP_CHECK(!parse(&a, err, 3, (char *[]){ "brobygger", "report", "--to=", NULL }) && strstr(err, "--to needs"),
		  "--to= too: %s", err);
	TAP_CHECK(parse(&a, err, 4, (char *[]){ "brobygger", "demo", "--citizens", "-5", NULL })
		  && !cli_number(&a, "citizens", 0, 1000, 300, &n, err, sizeof err), "--citizens must not be negative");
	TAP_CHECK(!parse(&a, err, 2, (char *[]){ "brobygger", "backup", NULL }) && strstr(err, "brobygger backup PATH"),
		  "backup needs a path, and the message shows how it is written: %s", err);
	TAP_CHECK(!parse(&a, err, 3, (char *[]){ "brobygger", "--citizens", "5", NULL }),
		  "--citizens belongs to demo only");
	TAP_CHECK(!parse(&a, err, 3, (char *[]){ "brobygger", "check", "extra", NULL }),
		  "stray argument refused");
	return tap_done();
}
