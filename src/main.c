/* main.c — composition root: language, command line, database, then a
 * subcommand or the screen program. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "db.h"
#include "dbmessage.h"
#include "dbrules.h"
#include "desk.h"
#include "i18n.h"
#include "paths.h"
#include "protect_files.h"
#include "settings.h"
#include "ui.h"

enum { APP_NOTICE_MAX = 512 };

/* demo writes next to the real database, never into it by default. */
static bool demo_default_path(char *out, size_t size)
{
	char real[4096];
	if (!paths_default_db(real, sizeof real))
		return false;
	char *slash = strrchr(real, '/');
	if (!slash)
		return snprintf(out, size, "demo.db") < (int)size;
	*slash = '\0';
	return snprintf(out, size, "%s/demo.db", real) < (int)size;
}

static volatile sig_atomic_t resumed;

static void note_resume(int sig)
{
	(void)sig;
	resumed = 1;
}

/* One line typed after `question`. Ctrl-Z stops the program here as it
 * stops any command (nothing is on the screen yet, and the terminal is
 * as the shell left it); after fg the question is asked again on a line
 * of its own, what was half typed before dropped. */
static bool read_answer(const char *question, char *answer, size_t size)
{
	/* SIGCONT's handler runs only inside pselect: however the stop
	 * falls (while printing, or waiting), coming back ends the wait and
	 * is never missed. A blocked SIGCONT still continues the program. */
	sigset_t cont, outside;
	sigemptyset(&cont);
	sigaddset(&cont, SIGCONT);
	sigprocmask(SIG_BLOCK, &cont, &outside);
	struct sigaction sa = { .sa_handler = note_resume }, old;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCONT, &sa, &old);
	resumed = 0;
	fputs(question, stderr);
	bool got = false;
	for (;;) {
		fd_set in;
		FD_ZERO(&in);
		FD_SET(STDIN_FILENO, &in);
		int n = pselect(STDIN_FILENO + 1, &in, NULL, NULL, NULL, &outside);
		if (n < 0 && errno == EINTR) {
			if (resumed) {
				resumed = 0;
				tcflush(STDIN_FILENO, TCIFLUSH);
				fprintf(stderr, "\n%s", question);
			}
			continue;
		}
		/* A whole line is there (the terminal hands over lines), or the end. */
		if (n > 0)
			got = fgets(answer, (int)size, stdin) != NULL;
		break;
	}
	sigaction(SIGCONT, &old, NULL);
	sigprocmask(SIG_SETMASK, &outside, NULL);
	return got;
}

/* Asks on the terminal before making a database where there is none;
 * without a terminal, says how to make one. */
static bool ask_to_create(const char *path)
{
	/* No folder either: most likely a USB stick that is not plugged in,
	 * or a typing mistake, so that is said first. */
	char folder[4096];
	paths_folder_of(path, folder, sizeof folder);
	bool no_folder = folder[0] && access(folder, F_OK) != 0;
	char question[8192];
	if (no_folder)
		snprintf(question, sizeof question,
			 _("brobygger: there is no database at %s, and the folder %s does not exist either.\n"
			   "  Is the database on a USB stick or a disk? Then plug it in and start Brobygger again.\n"), path,
			 folder);
	else
		snprintf(question, sizeof question, _("brobygger: there is no database at %s.\n"), path);
	if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO)) {
		fprintf(stderr, "%s%s", question,
			_("  Check the path (is the disk plugged in?), or add --create to make a new, "
			  "empty database there.\n"));
		return false;
	}
	size_t used = strlen(question);
	snprintf(question + used, sizeof question - used, "%s",
		 no_folder ? _("  Or make the folder and a new, empty database there? Write ja and press Enter "
			       "(anything else stops): ")
			   : _("  Make a new, empty database there? Write ja and press Enter (anything else stops): "));
	char answer[16] = "";
	if (!read_answer(question, answer, sizeof answer))
		return false;
	answer[strcspn(answer, "\r\n")] = '\0';
	return strcmp(answer, _("ja")) == 0 || strcmp(answer, "ja") == 0 || strcmp(answer, "yes") == 0;
}

/* Before the screen starts: a wait with nothing on it would look like a
 * hang. */
static void say_remaking(void)
{
	fprintf(stderr, "%s", _("brobygger: the search keys are made anew after an update; with many citizens this "
				"takes a while, once.\n"));
}

int main(int argc, char **argv)
{
	i18n_init();
	dbrules_install();
	dbrules_on_remaking(say_remaking);
	/* The centre's day, not the PC's: the default zone until the
	 * database says which (settings.h). */
	settings_use_time_zone(NULL);

	struct cli_args args;
	char err[512];
	if (!cli_parse(argc, argv, &args, err, sizeof err)) {
		fprintf(stderr, "brobygger: %s\n", err);
		fprintf(stderr, _("Try 'brobygger --help' for more information.\n"));
		return EXIT_USAGE;
	}

	char path[4096];
	bool have_path;
	if (args.db_path)
		have_path = snprintf(path, sizeof path, "%s", args.db_path) < (int)sizeof path;
	else if (args.command == CLI_DEMO)
		have_path = demo_default_path(path, sizeof path);
	else
		have_path = paths_default_db(path, sizeof path);
	if (!have_path && args.command != CLI_HELP && args.command != CLI_VERSION) {
		fprintf(stderr, _("brobygger: no database path: set HOME or use --db PATH.\n"));
		return EXIT_USAGE;
	}

	/* Health data: a database others can read is made private before it
	 * is opened (its -wal and -shm too), and the desk is told. */
	if (args.command != CLI_HELP && args.command != CLI_VERSION) {
		struct file_protection fp;
		protect_files(path, paths_is_default(args.db_path), &fp);
		char notice[APP_NOTICE_MAX];
		protect_files_message(&fp, path, notice, sizeof notice);
		char named[APP_NOTICE_MAX + sizeof path + 2];
		/* What could not be made private is for whoever set up the PC:
		 * the database is named, as on the command line. */
		snprintf(named, sizeof named, "%s: %s", path, notice);
		if (notice[0] && args.command == CLI_TUI)
			ui_notice_at_start(fp.failed ? named : notice);
		else if (notice[0])
			fprintf(stderr, "brobygger: %s: %s\n", path, notice);
	}

	switch (args.command) {
	case CLI_HELP:
		cli_print_help(stdout);
		return EXIT_SUCCESS;
	case CLI_VERSION:
		cli_print_version(stdout);
		return EXIT_SUCCESS;
	case CLI_DEMO:
		return cli_demo(&args, path, stdout, stderr);
	case CLI_CHECK:
		return cli_check(path, stdout, stderr);
	case CLI_BACKUP:
		return cli_backup(&args, path, stdout, stderr);
	case CLI_RESTORE:
		return cli_restore(&args, path, stdout, stderr);
	case CLI_RETENTION:
		return cli_retention(&args, path, stdout, stderr);
	case CLI_INSIGHT:
		return cli_insight(&args, path, stdout, stderr);
	case CLI_AUDIT:
		return cli_audit(&args, path, stdout, stderr);
	case CLI_REPORT:
		return cli_report(&args, path, stdout, stderr);
	case CLI_PRINT:
		return cli_print(&args, path, stdout, stderr);
	case CLI_EXPORT:
		return cli_export(&args, path, stdout, stderr);
	case CLI_IMPORT:
		return cli_import(&args, path, stdout, stderr);
	case CLI_MIGRATE_TO:
		return cli_migrate_to(&args, path, stdout, stderr);
	case CLI_CENTRE:
		return cli_centre(&args, path, stdout, stderr);
	case CLI_TUI:
		break;
	}

	/* A mistyped --db, or a USB disk that is not plugged in, must not
	 * quietly become a new, empty database: the desk would believe the
	 * data gone. Only the default place is made without asking. */
	bool created = !db_exists(path);
	if (created && !args.create && !paths_is_default(args.db_path)
	    && !ask_to_create(path))
		return EXIT_FAILURE;

	struct db *db;
	enum db_status st = db_open(path, &db);
	bool damaged = st == DB_ERR_CORRUPT;
	if (damaged) {
		/* Still readable, perhaps: the desk can look things up, but
		 * nothing is written to it. */
		db_close(db);
		st = db_open_existing(path, true, &db);
	}
	if (st == DB_ERR_NODIR) {
		/* Which folder, why, and what to do: on a first start this is
		 * all the desk sees. The same try again gives the reason. */
		char folder[4096];
		paths_folder_of(path, folder, sizeof folder);
		int why = db_make_folder_for(path) == 0 ? 0 : errno;
		fprintf(stderr, _("brobygger: the folder %s for the database cannot be made: %s.\n"), folder,
			paths_folder_error(why));
		fprintf(stderr, "%s", _("  Ask the coordinator, or whoever set up this PC, to make it. Or start Brobygger "
					"with --db and a file in a folder you may write to.\n"));
		db_close(db);
		return EXIT_FAILURE;
	}
	if (st != DB_OK) {
		/* Before the screen starts: the terminal is untouched. */
		fprintf(stderr, "brobygger: %s: %s\n", path, dbmessage(st));
		const char *detail = db_errdetail(db);
		if (*detail)
			fprintf(stderr, "  (%s)\n", detail);
		db_close(db);
		return EXIT_FAILURE;
	}
	/* Nobody is signed in yet: the screen program asks who is there. */
	struct desk desk = { .db = db };
	if (damaged)
		desk_damaged(&desk);
	settings_apply_time_zone(&desk);
	int status = ui_run(&desk, path, created);
	db_close(db);
	return status;
}
