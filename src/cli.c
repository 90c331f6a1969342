/* cli.c — command-line parsing and the terminal-free subcommands. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "backup.h"
#include "date.h"
#include "dbmessage.h"
#include "demo.h"
#include "desk.h"
#include "i18n.h"
#include "icu.h"
#include "insight.h"
#include "number.h"
#include "paths.h"
#include "retention.h"
#include "settings.h"
#include "strbuf.h"
#include "utf8.h"
#include "vault.h"

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

/* Each command: its name, how many arguments it takes, and its options,
 * a value option written "name=" and a flag "name". */
static const struct {
	const char *name;
	enum cli_command command;
	int min_args, max_args;
	const char *const options[8];
	/* What follows the name in --help, N_() where it has words in
	 * capitals, which are translated: the options and codes are not. */
	const char *usage;
	const char *help;             /* N_(): one or two lines */
} commands[] = {
	/* TRANSLATORS: the usage lines: translate the words in capitals only;
	 * the options (--output) and codes (roll|calls, text|csv|html) are
	 * typed as they are. */
	{ "demo", CLI_DEMO, 0, 0, { "citizens=", "seed=", "years=" }, N_("[--citizens N] [--seed S] [--years N]"),
	  N_("create a database with made-up data (default: demo.db beside the real one)") },
	{ "check", CLI_CHECK, 0, 0, { NULL }, "", N_("check the database for damage") },
	{ "backup", CLI_BACKUP, 1, 1, { "passphrase-file=", "encrypt" }, N_("PATH [--passphrase-file F | --encrypt]"),
	  N_("copy the database safely while in use; sealed with a passphrase for a USB stick") },
	{ "restore", CLI_RESTORE, 1, 1, { "passphrase-file=", "force" }, N_("BACKUP [--force] [--passphrase-file F]"),
	  N_("put a backup in place as the database; the old one is moved aside, not deleted") },
	{ "retention", CLI_RETENTION, 0, 0, { "apply" }, "[--apply]",
	  N_("what the retention rule would anonymise and remove today; --apply does it (for a scheduled job)") },
	{ "insight", CLI_INSIGHT, 1, 1, { "output=" }, N_("CITIZEN_ID [--output FILE]"),
	  N_("everything stored about a citizen, with who viewed or changed it, as a text file to hand over") },
	{ "audit", CLI_AUDIT, 0, 0, { "citizen=", "user=", "from=", "to=" },
	  N_("[--citizen ID] [--user NAME] [--from DATE] [--to DATE]"),
	  N_("who viewed, changed, exported, imported or signed in, newest first") },
	{ "report", CLI_REPORT, 0, 0, { "from=", "to=", "format=", "output=", "replace" },
	  N_("[--from DATE] [--to DATE] [--format text|csv|html] [--output FILE [--replace]]"),
	  N_("the funders' report for a period (default: this year up to today); coordinators' figures") },
	{ "print", CLI_PRINT, 1, 1, { "date=", "activity=", "output=" },
	  N_("roll|calls [--date DATE] [--activity ID] [--output FILE]"),
	  N_("print the roll-call sheet of a day's sessions, or the day's calls: to the printer, or a printable "
	     "HTML file when none is set up or with --output") },
	{ "export", CLI_EXPORT, 1, 1, { "encoding=", "output=", "replace", "from=", "to=" },
	  N_("TABLE [--encoding utf-8|cp1252] [--output FILE [--replace]] [--from D --to D]"),
	  N_("a table as CSV for Excel: citizens, volunteers, activities, sessions, attendance, calls or "
	     "measures (to the screen without --output)") },
	{ "import", CLI_IMPORT, 2, 2, { "encoding=", "dry-run" }, N_("TABLE FILE [--encoding auto|utf-8|cp1252] [--dry-run]"),
	  N_("citizens, volunteers or activities from a spreadsheet saved as CSV; every problem is reported "
	     "and nothing is imported until there are none") },
	{ "migrate-to", CLI_MIGRATE_TO, 1, 1, { NULL }, "postgresql://...",
	  N_("copy the database file into an empty database on a PostgreSQL server, for several centres on one "
	     "server; the file is left as it was") },
	{ "centre", CLI_CENTRE, 1, 3, { NULL }, N_("list | add ROLE NAME"),
	  N_("the centres sharing a PostgreSQL server; add makes the server's role ROLE a centre called NAME, "
	     "which sees only its own citizens and those shared with it") },
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static const char *usage_of(int command)
{
	const char *u = commands[command].usage;
	return u[0] ? _(u) : u;
}

/* The command's spelling of option `name`: "name=" for a value, "name"
 * for a flag; NULL when the command has no such option. */
static const char *option_spec(int command, const char *name, size_t len)
{
	if (command < 0)
		return NULL;
	for (const char *const *o = commands[command].options; *o; o++)
		if (strncmp(*o, name, len) == 0 && ((*o)[len] == '\0' || ((*o)[len] == '=' && !(*o)[len + 1])))
			return *o;
	return NULL;
}

/* One option of the command (or --db / --create) at argv[*i]. */
static bool parse_option(int argc, char **argv, int *i, int command, struct cli_args *args, char *err,
			 size_t errsize)
{
	const char *a = argv[*i] + 2;
	const char *eq = strchr(a, '=');
	size_t len = eq ? (size_t)(eq - a) : strlen(a);
	const char *value = eq ? eq + 1 : NULL;
	if (len == 2 && strncmp(a, "db", 2) == 0) {
		if (!value)
			value = *i + 1 < argc ? argv[++*i] : NULL;
		if (!value || !*value) {
			snprintf(err, errsize, _("--db needs a file name."));
			return false;
		}
		args->db_path = value;
		return true;
	}
	if (len == 6 && strncmp(a, "create", 6) == 0 && !eq) {
		args->create = true;
		return true;
	}
	const char *spec = option_spec(command, a, len);
	if (!spec) {
		snprintf(err, errsize, _("Unknown option: %s"), argv[*i]);
		return false;
	}
	bool takes_value = spec[len] == '=';
	if (takes_value && !value)
		value = *i + 1 < argc ? argv[++*i] : NULL;
	if (takes_value && (!value || !*value)) {
		/* The option's name: argv[*i] may be its (empty) value now. */
		snprintf(err, errsize, _("--%.*s needs a value."), (int)len, a);
		return false;
	}
	if (!takes_value && value) {
		snprintf(err, errsize, _("%.*s takes no value."), (int)(len + 2), argv[*i]);
		return false;
	}
	if (args->noptions == CLI_MAX_OPTIONS) {
		snprintf(err, errsize, _("Too many options."));
		return false;
	}
	/* The name points into argv: it ends where '=' or the string does. */
	args->options[args->noptions++] = (struct cli_option){ .name = spec, .value = takes_value ? value : "" };
	return true;
}

bool cli_parse(int argc, char **argv, struct cli_args *args, char *err, size_t errsize)
{
	memset(args, 0, sizeof *args);
	int command = -1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			args->command = CLI_HELP;
			return true;
		}
		if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			args->command = CLI_VERSION;
			return true;
		}
		if (a[0] == '-' && a[1] == '-') {
			if (!parse_option(argc, argv, &i, command, args, err, errsize))
				return false;
			continue;
		}
		if (a[0] == '-' && a[1]) {
			snprintf(err, errsize, _("Unknown option: %s"), a);
			return false;
		}
		if (command < 0) {
			for (int c = 0; c < NCOMMANDS && command < 0; c++)
				if (strcmp(a, commands[c].name) == 0)
					command = c;
			if (command < 0) {
				snprintf(err, errsize, _("Unknown command: %s"), a);
				return false;
			}
			args->command = commands[command].command;
			continue;
		}
		if (args->nargs == commands[command].max_args) {
			snprintf(err, errsize, _("Unexpected argument: %s"), a);
			return false;
		}
		args->args[args->nargs++] = a;
	}
	if (command >= 0 && args->nargs < commands[command].min_args) {
		/* What is missing, by the command's own usage line. */
		snprintf(err, errsize, _("Write %s as: brobygger %s %s"), commands[command].name, commands[command].name,
			 usage_of(command));
		return false;
	}
	return true;
}

const char *cli_option(const struct cli_args *args, const char *name)
{
	size_t len = strlen(name);
	for (int i = 0; i < args->noptions; i++) {
		const char *spec = args->options[i].name;
		if (strncmp(spec, name, len) == 0 && (spec[len] == '\0' || spec[len] == '='))
			return args->options[i].value;
	}
	return NULL;
}

bool cli_output_free(const struct cli_args *args, bool only_a_file, FILE *err)
{
	const char *path = cli_option(args, "output");
	struct stat sb;
	if (!path || stat(path, &sb) != 0)
		return true;
	/* An export is written beside and renamed into place: only over a
	 * file. A report is written into what is there (/dev/null too). */
	if (!S_ISREG(sb.st_mode)) {
		if (!only_a_file)
			return true;
		fprintf(err, _("brobygger: %s is not a file; nothing was written.\n"), path);
		return false;
	}
	if (cli_option(args, "replace"))
		return true;
	fprintf(err, _("brobygger: %s exists already; nothing was written. Add --replace to write over it.\n"), path);
	return false;
}

bool cli_number(const struct cli_args *args, const char *name, long min, long max, long fallback, long *out,
		char *err, size_t errsize)
{
	const char *v = cli_option(args, name);
	*out = fallback;
	if (!v)
		return true;
	if (parse_long(v, min, max, out))
		return true;
	char lo[NUMBER_LEN], hi[NUMBER_LEN];
	snprintf(err, errsize, _("--%s needs a whole number from %s to %s."), name, number_text(min, lo),
		 number_text(max, hi));
	return false;
}

/* Words filled into lines of at most 79 columns, each line starting at
 * `indent` (the first at `first`, where the caller already is). */
static void print_wrapped(FILE *out, int first, int indent, const char *text)
{
	int col = first;
	const char *p = text;
	while (*p) {
		size_t len = strcspn(p, " ");
		int w = utf8_columns(p, len);
		if (col > indent && col + 1 + w > 79) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', out);
			col++;
		}
		fprintf(out, "%.*s", (int)len, p);
		col += w;
		p += len;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

void cli_print_help(FILE *out)
{
	fprintf(out, "%s\n\n", _("Usage: brobygger [--db PATH] [COMMAND]"));
	print_wrapped(out, 0, 0, _("Brobygger helps the front desk of a volunteer centre bring lonely people into "
				   "lasting communities. Without a command it starts the screen program."));
	fprintf(out, "\n%s\n", _("Commands:"));
	for (int c = 0; c < NCOMMANDS; c++) {
		fprintf(out, "  %s%s%s\n      ", commands[c].name, commands[c].usage[0] ? " " : "", usage_of(c));
		print_wrapped(out, 6, 6, _(commands[c].help));
	}
	fprintf(out, "\n%s\n", _("Options:"));
	static const struct {
		const char *name, *help;
	} options[] = {
		{ N_("--db PATH"), N_("the database (default: $BROBYGGER_DB, else $XDG_DATA_HOME/brobygger/brobygger.db)") },
		{ "--create", N_("make a new, empty database at --db if there is none") },
		{ "-h, --help", N_("show this help") },
		{ "-V, --version", N_("show the version") },
	};
	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
		/* Padded by hand: printf pads bytes, and a name may have æøå. */
		const char *name = _(options[i].name);
		int pad = 14 - utf8_columns(name, strlen(name));
		fprintf(out, "  %s%*s ", name, pad > 0 ? pad : 0, "");
		print_wrapped(out, 17, 17, _(options[i].help));
	}
	fputc('\n', out);
	print_wrapped(out, 0, 0, _("Language: Danish unless LANGUAGE or LANG asks for another, e.g. LANGUAGE=en."));
	print_wrapped(out, 0, 0, _("Exit status: 0 done, 1 failed (the message says why), 2 wrong use of the "
				   "command line, 3 a test script ended early, 128+N stopped by signal N."));
}

void cli_print_version(FILE *out)
{
	fprintf(out, "brobygger %s\n", PACKAGE_VERSION);
}

void cli_db_error(FILE *err, const char *path, enum db_status st, struct db *db)
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
	long citizens, seed;
	char msg[200];
	long years;
	if (!cli_number(args, "citizens", 0, DEMO_MAX_CITIZENS, DEMO_DEFAULT_CITIZENS, &citizens, msg, sizeof msg)
	    || !cli_number(args, "seed", 0, 2147483647L, 1, &seed, msg, sizeof msg)
	    || !cli_number(args, "years", 1, DEMO_MAX_YEARS, 1, &years, msg, sizeof msg)) {
		fprintf(err, "brobygger: %s\n", msg);
		return EXIT_USAGE;
	}
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct db *db;
	enum db_status st = db_open(db_path, &db);
	if (st != DB_OK) {
		cli_db_error(err, db_path, st, db);
		db_close(db);
		return EXIT_FAILURE;
	}
	struct demo_options opt = {
		.citizens = citizens,
		.seed = (unsigned long)seed,
		.today = date_today(),
		.years = years,
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
		cli_db_error(err, db_path, st, NULL);
		return EXIT_FAILURE;
	}
	double secs = seconds_since(&t0);
	struct stat sb;
	double mib = stat(db_path, &sb) == 0 ? (double)sb.st_size / (1024.0 * 1024.0) : 0.0;
	char n[6][NUMBER_LEN];
	fprintf(out, P_("Created %s made-up citizen", "Created %s made-up citizens", sum.citizens),
		number_text(sum.citizens, n[0]));
	fprintf(out, _(", %s volunteers, %s activities, %s sessions, %s attendance marks, %s matches and %s follow-up calls in %s.\n"),
		number_text(sum.volunteers, n[0]), number_text(sum.activities, n[1]), number_text(sum.sessions, n[2]),
		number_text(sum.attendance, n[3]), number_text(sum.matches, n[4]), number_text(sum.follow_ups, n[5]),
		db_path);
	fprintf(out, _("Time: %s s. File size: %s MiB.\n"), number_decimal(secs, 1, n[0]), number_decimal(mib, 1, n[1]));
	fprintf(out, _("Look around with: brobygger --db %s\n"), db_path);
	return EXIT_SUCCESS;
}

static void told_table(void *ctx, const char *table, long long rows)
{
	char n[NUMBER_LEN];
	fprintf(ctx, "  %-26s %12s\n", table, number_text(rows, n));
}

int cli_migrate_to(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	const char *to_where = args->args[0];
	char shown[512];
	db_display_name(to_where, shown, sizeof shown);
	if (!db_is_server(to_where)) {
		fprintf(err, _("brobygger: %s is no PostgreSQL address: write postgresql://USER@HOST/DATABASE or"
			       " \"host=HOST dbname=DATABASE\".\n"), shown);
		return EXIT_FAILURE;
	}
	if (db_is_server(db_path) || !db_exists(db_path)) {
		fprintf(err, _("brobygger: there is no database file at %s to move.\n"), db_path);
		return EXIT_FAILURE;
	}
	struct db *from = NULL, *to = NULL;
	enum db_status st = db_open(db_path, &from);
	if (st != DB_OK) {
		cli_db_error(err, db_path, st, from);
		db_close(from);
		return EXIT_FAILURE;
	}
	st = db_open(to_where, &to);
	if (st != DB_OK) {
		cli_db_error(err, shown, st, to);
		db_close(to);
		db_close(from);
		return EXIT_FAILURE;
	}
	fprintf(out, _("Copying %s to %s in one transaction ...\n"), db_path, shown);
	st = db_copy_into(from, to, told_table, out);
	if (st == DB_ERR_CONFLICT || st == DB_ERR_MISUSE)
		fprintf(err, _("brobygger: nothing was copied: %s.\n"), db_errdetail(to));
	else if (st != DB_OK)
		cli_db_error(err, shown, st, to);
	else
		fprintf(out, _("Every table holds as many rows on the server as in the file. From now on start"
			       " Brobygger with --db '%s' (or set BROBYGGER_DB); the file is left as it was.\n"), shown);
	db_close(to);
	db_close(from);
	return st == DB_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}

int cli_check(const char *db_path, FILE *out, FILE *err)
{
	/* A server address is checked too (it has no file to look for), and
	 * named without its password. */
	char shown[512];
	db_display_name(db_path, shown, sizeof shown);
	if (!db_exists(db_path)) {
		fprintf(err, _("brobygger: there is no database at %s.\n"), shown);
		return EXIT_FAILURE;
	}
	struct db *db;
	enum db_status st = db_open_existing(db_path, true, &db);
	if (st != DB_OK) {
		cli_db_error(err, shown, st, db);
		db_close(db);
		return EXIT_FAILURE;
	}
	/* SQLite's own findings are in English and say nothing a centre can
	 * act on: the desk is told how much is wrong and what to do. */
	char report[2048];
	struct db_integrity found;
	st = db_integrity_check(db, &found, report, sizeof report);
	int version = db_schema_version(db);
	db_close(db);
	if (st == DB_ERR_CORRUPT) {
		fprintf(err, _("brobygger: %s: the database is damaged.\n"), shown);
		if (found.broken >= DB_INTEGRITY_MAX)
			fprintf(err, _("  At least %d places in the file are broken.\n"), DB_INTEGRITY_MAX);
		else if (found.broken > 0)
			fprintf(err, P_("  %lld place in the file is broken.\n", "  %lld places in the file are broken.\n",
					found.broken), found.broken);
		if (found.dangling > 0)
			fprintf(err, P_("  %lld row points at a row that does not exist.\n",
					"  %lld rows point at rows that do not exist.\n", found.dangling),
				found.dangling);
		fprintf(err, "%s", _("  Stop using it at every desk, and put the latest backup back with "
				     "'brobygger restore' and the backup's file name. Nothing was changed.\n"));
		return EXIT_FAILURE;
	}
	if (st != DB_OK) {
		cli_db_error(err, shown, st, NULL);
		return EXIT_FAILURE;
	}
	fprintf(out, _("%s: the database is sound (schema version %d).\n"), shown, version);
	/* Without ICU such a name's keys are empty: it is neither sorted nor
	 * found, and nothing else would say why (collate.c, fold.c). */
	if (!icu_load())
		fprintf(out, _("Note: ICU is not installed (the Debian package libicu%d), so names with letters "
			       "outside Latin-1 (Łukasz, Şahin, Nguyễn) are neither sorted nor found. Install it; a name "
			       "saved meanwhile is found again when its card is saved.\n"),
			U_ICU_VERSION_MAJOR_NUM);
	return EXIT_SUCCESS;
}

/* The first line of the file, without its line end. */
static bool passphrase_from_file(const char *path, char *out, size_t size, FILE *err)
{
	FILE *f = fopen(path, "r");
	if (!f || !fgets(out, (int)size, f)) {
		fprintf(err, _("brobygger: the passphrase cannot be read from %s: %s\n"), path,
			f ? _("the file is empty") : strerror(errno));
		if (f)
			fclose(f);
		return false;
	}
	fclose(f);
	out[strcspn(out, "\r\n")] = '\0';
	return true;
}

/* Asks on the terminal with echo off. */
static bool passphrase_asked(const char *question, char *out, size_t size, FILE *err)
{
	FILE *tty = fopen("/dev/tty", "r+");
	if (!tty) {
		fprintf(err, "%s", _("brobygger: no terminal to ask for the passphrase on; use --passphrase-file.\n"));
		return false;
	}
	struct termios saved, quiet;
	bool have = tcgetattr(fileno(tty), &saved) == 0;
	if (have) {
		quiet = saved;
		quiet.c_lflag &= (tcflag_t)~ECHO;
		tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	}
	fprintf(tty, "%s ", question);
	fflush(tty);
	bool ok = fgets(out, (int)size, tty) != NULL;
	if (have)
		tcsetattr(fileno(tty), TCSAFLUSH, &saved);
	fprintf(tty, "\n");
	fclose(tty);
	if (ok)
		out[strcspn(out, "\r\n")] = '\0';
	return ok;
}

/* `s` as one word of a shell command line: as it is when nothing in it
 * means anything to the shell, else in single quotes ('\'' for a quote). */
static void shell_word(const char *s, char *out, size_t size)
{
	bool plain = s[0] != '\0';
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_./:@%+=,-", *p))
			plain = false;
	if (plain) {
		snprintf(out, size, "%s", s);
		return;
	}
	struct strbuf b = strbuf_on(out, size);
	strbuf_add(&b, "'");
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			strbuf_add(&b, "'\\''");
		else
			strbuf_add(&b, "%c", *p);
	}
	strbuf_add(&b, "'");
}

int cli_backup(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	const char *target = args->args[0];
	if (db_is_server(db_path)) {
		/* The server's own tool takes a consistent copy while the desks
		 * work. The line is to be copied and run, so it holds no
		 * password (not even as ***): pg_dump reads it from ~/.pgpass. */
		char address[512], quoted[2100], file[2100];
		db_address_without_password(db_path, address, sizeof address);
		shell_word(address, quoted, sizeof quoted);
		shell_word(target, file, sizeof file);
		fprintf(err, _("brobygger: a database on a PostgreSQL server is backed up with PostgreSQL's own pg_dump,"
			       " not with this command. Run:\n"
			       "  pg_dump --format=custom --file=%s %s\n"
			       "The line holds no password: pg_dump reads it from the file ~/.pgpass (a line"
			       " host:port:database:user:password, readable by you only: chmod 600 ~/.pgpass).\n"
			       "Read the copy back into a new, empty database with:\n"
			       "  pg_restore --dbname='ADDRESS OF THE NEW DATABASE' %s\n"), file, quoted, file);
		return EXIT_FAILURE;
	}
	const char *file = cli_option(args, "passphrase-file");
	char passphrase[512], again[512];
	bool sealed = file || cli_option(args, "encrypt");
	if (file && !passphrase_from_file(file, passphrase, sizeof passphrase, err))
		return EXIT_FAILURE;
	if (!file && sealed) {
		/* Too short is said at once, before it is typed a second time. */
		for (int tries = 0;; tries++) {
			if (!passphrase_asked(_("Passphrase for the backup:"), passphrase, sizeof passphrase, err))
				return EXIT_FAILURE;
			if (strlen(passphrase) >= VAULT_MIN_PASSPHRASE)
				break;
			fprintf(err, _("The passphrase must have at least %d characters; a short sentence is easy to "
				       "remember.\n"), VAULT_MIN_PASSPHRASE);
			if (tries == 2)
				return EXIT_FAILURE;
		}
		if (!passphrase_asked(_("The same passphrase once more:"), again, sizeof again, err))
			return EXIT_FAILURE;
		if (strcmp(passphrase, again) != 0) {
			fprintf(err, "%s", _("brobygger: the two passphrases differ. No backup was made.\n"));
			return EXIT_FAILURE;
		}
	}
	char msg[4400];
	if (sealed)
		fprintf(err, "%s", _("Sealing the backup; this takes a few seconds ...\n"));
	bool ok = backup_write(db_path, target, sealed ? passphrase : NULL, msg, sizeof msg);
	memset(passphrase, 0, sizeof passphrase);
	memset(again, 0, sizeof again);
	if (!ok) {
		fprintf(err, "brobygger: %s\n", msg);
		return EXIT_FAILURE;
	}
	fprintf(out, sealed ? _("Sealed backup written to %s and checked. Keep the passphrase apart from it.\n")
			    : _("Backup written to %s and checked.\n"), target);
	return EXIT_SUCCESS;
}

int cli_restore(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	const char *from = args->args[0];
	const char *file = cli_option(args, "passphrase-file");
	char passphrase[512] = "";
	bool sealed = backup_is_sealed(from);
	if (sealed && file && !passphrase_from_file(file, passphrase, sizeof passphrase, err))
		return EXIT_FAILURE;
	if (sealed && !file && !passphrase_asked(_("Passphrase of the backup:"), passphrase, sizeof passphrase, err))
		return EXIT_FAILURE;
	/* A new PC has no folder for the default database yet; a mistyped
	 * --db path is not made without --create. */
	if (access(db_path, F_OK) != 0 && (args->create || paths_is_default(args->db_path))
	    && db_make_folder_for(db_path) != 0) {
		fprintf(err, _("brobygger: the folder for %s cannot be made: %s.\n"), db_path, paths_folder_error(errno));
		return EXIT_FAILURE;
	}
	struct restore_result res;
	char msg[4400];
	if (sealed)
		fprintf(err, "%s", _("Opening the sealed backup; this takes a few seconds ...\n"));
	bool ok = backup_restore(from, db_path, sealed ? passphrase : NULL, cli_option(args, "force") != NULL, &res,
				 msg, sizeof msg);
	memset(passphrase, 0, sizeof passphrase);
	if (!ok) {
		fprintf(err, "brobygger: %s\n", msg);
		return EXIT_FAILURE;
	}
	fprintf(out, _("Restored %s as the database %s. It was checked and is sound.\n"), from, db_path);
	if (res.replaced)
		fprintf(out, _("The database that was there is kept as %s (with its -wal and -shm files, if any).\n"),
			res.kept_as);
	return EXIT_SUCCESS;
}

/* ---------- data protection (issue 12) ---------- */

struct db *cli_open_existing(const char *db_path, FILE *err)
{
	if (!db_exists(db_path)) {
		fprintf(err, _("brobygger: there is no database at %s.\n"), db_path);
		return NULL;
	}
	struct db *db;
	enum db_status st = db_open(db_path, &db);
	if (st != DB_OK) {
		cli_db_error(err, db_path, st, db);
		db_close(db);
		return NULL;
	}
	return db;
}

static void print_retention(FILE *out, const struct retention_result *r, bool applied)
{
	char day[16] = "";
	struct date d;
	if (date_parse_iso(r->audit_before, &d))
		date_format_dk(d, day, sizeof day);
	fprintf(out, "%s\n", applied ? _("The retention rule did this today:") : _("The retention rule would do this today:"));
	fprintf(out, P_("  anonymising %lld citizen\n", "  anonymising %lld citizens\n", r->citizens), r->citizens);
	fprintf(out, P_("  removing the referrer's details from %lld referral kept without a citizen\n",
			"  removing the referrer's details from %lld referrals kept without a citizen\n", r->referrals),
		r->referrals);
	fprintf(out, P_("  removing %lld audit log entry from before %s\n", "  removing %lld audit log entries from before %s\n",
			r->audit_entries), r->audit_entries, day);
	if (!applied)
		fprintf(out, "%s\n", _("Nothing was changed. Run it with --apply to do it."));
}

int cli_retention(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	struct db *db = cli_open_existing(db_path, err);
	if (!db)
		return EXIT_FAILURE;
	struct desk desk = desk_command_line(db);
	bool apply = cli_option(args, "apply") != NULL;
	struct retention_result r;
	enum db_status st = apply ? retention_apply(&desk, date_today(), &r)
				  : retention_preview(&desk, NULL, date_today(), &r);
	db_close(db);
	if (st != DB_OK) {
		cli_db_error(err, db_path, st, NULL);
		return EXIT_FAILURE;
	}
	print_retention(out, &r, apply);
	return EXIT_SUCCESS;
}

int cli_insight(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	long id;
	if (!parse_long(args->args[0], 1, 2147483647L, &id)) {
		fprintf(err, _("brobygger: %s is not a citizen number.\n"), args->args[0]);
		return EXIT_USAGE;
	}
	struct db *db = cli_open_existing(db_path, err);
	if (!db)
		return EXIT_FAILURE;
	struct desk desk = desk_command_line(db);
	const char *file = cli_option(args, "output");
	enum db_status st = file ? insight_write_file(&desk, id, file) : insight_write(&desk, id, out);
	db_close(db);
	if (st == DB_ERR_NOTFOUND) {
		fprintf(err, _("brobygger: there is no citizen with number %ld.\n"), id);
		return EXIT_FAILURE;
	}
	if (st == DB_ERR_CONFLICT) {
		fprintf(err, _("brobygger: %s exists already; nothing was written.\n"), file);
		return EXIT_FAILURE;
	}
	if (st != DB_OK) {
		cli_db_error(err, file ? file : db_path, st, NULL);
		return EXIT_FAILURE;
	}
	if (file)
		fprintf(out, _("Insight into citizen %ld written to %s (readable by you only).\n"), id, file);
	return EXIT_SUCCESS;
}

/* A day option as ISO into out; false (with a message) when it is none. */
static bool day_option(const struct cli_args *args, const char *name, char out[DATE_ISO_LEN], FILE *err)
{
	const char *v = cli_option(args, name);
	out[0] = '\0';
	if (!v)
		return true;
	struct date d;
	if (!date_parse_near(v, DATE_YEAR_THIS, date_today(), &d)) {
		fprintf(err, _("brobygger: --%s needs a day, such as 26-11-2026.\n"), name);
		return false;
	}
	date_format_iso(d, out);
	return true;
}

enum { CLI_AUDIT_BATCH = 500 };

int cli_audit(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	struct audit_filter f = { 0 };
	long citizen;
	char msg[200];
	if (!cli_number(args, "citizen", 1, 2147483647L, 0, &citizen, msg, sizeof msg)) {
		fprintf(err, "brobygger: %s\n", msg);
		return EXIT_USAGE;
	}
	f.citizen_id = citizen;
	const char *user = cli_option(args, "user");
	snprintf(f.user, sizeof f.user, "%s", user ? user : "");
	if (!day_option(args, "from", f.from, err) || !day_option(args, "to", f.to, err))
		return EXIT_USAGE;
	struct db *db = cli_open_existing(db_path, err);
	if (!db)
		return EXIT_FAILURE;
	struct desk desk = desk_command_line(db);
	struct audit_entry *batch = malloc(CLI_AUDIT_BATCH * sizeof *batch);
	enum db_status st = batch ? DB_OK : DB_ERR_IO;
	long long below = 0, total = 0;
	int n = CLI_AUDIT_BATCH;
	while (st == DB_OK && n == CLI_AUDIT_BATCH) {
		st = audit_list(&desk, &f, below, CLI_AUDIT_BATCH, batch, &n);
		for (int i = 0; st == DB_OK && i < n; i++) {
			char line[1200];
			audit_entry_line(&batch[i], true, line, sizeof line);
			fprintf(out, "%s\n", line);
			below = batch[i].id;
			total++;
		}
	}
	free(batch);
	db_close(db);
	if (st != DB_OK) {
		cli_db_error(err, db_path, st, NULL);
		return EXIT_FAILURE;
	}
	if (!total)
		fprintf(out, "%s\n", _("No entries in the audit log match."));
	return EXIT_SUCCESS;
}
