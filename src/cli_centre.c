/* cli_centre.c — `brobygger centre list` and `brobygger centre add ROLE
 * NAME`: the centres sharing a PostgreSQL server (src/centres.h). Run by
 * the centre whose role owns the tables; the server's administrator has
 * made the new role first (README). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "centres.h"
#include "db.h"
#include "i18n.h"

static int list(struct desk *d, const char *shown, FILE *out, FILE *err)
{
	struct centre all[CENTRES_MAX];
	int n;
	enum db_status st = centres_list(d, all, CENTRES_MAX, &n);
	if (st != DB_OK) {
		cli_db_error(err, shown, st, d->db);
		return EXIT_FAILURE;
	}
	const char *mine = desk_centre(d);
	for (int i = 0; i < n; i++)
		fprintf(out, "%-24s %s%s\n", all[i].code, all[i].name,
			strcmp(all[i].code, mine) == 0 ? _("  (this centre)") : "");
	return EXIT_SUCCESS;
}

static int add(struct desk *d, const char *shown, const char *role, const char *name, FILE *out, FILE *err)
{
	enum db_status st = centres_add(d, role, name);
	if (st == DB_OK) {
		fprintf(out, _("%s (database role %s) now shares this database; it sees only its own citizens and those"
			       " shared with it.\n"), name, role);
		return EXIT_SUCCESS;
	}
	if (st == DB_ERR_INVALID && db_engine(d->db) != DB_ENGINE_POSTGRESQL)
		fprintf(err, "%s", _("brobygger: a database file is one centre; several centres share a PostgreSQL"
				     " server (see migrate-to).\n"));
	else if (st == DB_ERR_INVALID)
		fprintf(err, _("brobygger: the role must be written in lower-case letters, digits and _, and the name"
			       " must be 1-%d characters.\n"), CENTRE_NAME_CHARS);
	else if (st == DB_ERR_NOTFOUND)
		fprintf(err, _("brobygger: the server has no role %s; its administrator makes it first"
			       " (CREATE ROLE %s LOGIN).\n"), role, role);
	else if (st == DB_ERR_CONFLICT || st == DB_ERR_CONSTRAINT)
		fprintf(err, _("brobygger: %s is a centre on this database already.\n"), role);
	else
		cli_db_error(err, shown, st, d->db);
	return EXIT_FAILURE;
}

int cli_centre(const struct cli_args *args, const char *db_path, FILE *out, FILE *err)
{
	const char *what = args->args[0];
	bool adding = strcmp(what, "add") == 0;
	if (!(adding && args->nargs == 3) && !(strcmp(what, "list") == 0 && args->nargs == 1)) {
		fprintf(err, "%s", _("brobygger: write centre list, or centre add ROLE \"NAME\".\n"));
		return EXIT_USAGE;
	}
	struct db *db = cli_open_existing(db_path, err);
	if (!db)
		return EXIT_FAILURE;
	char shown[512];
	db_display_name(db_path, shown, sizeof shown);
	struct desk d = desk_command_line(db);
	int rc = adding ? add(&d, shown, args->args[1], args->args[2], out, err) : list(&d, shown, out, err);
	db_close(db);
	return rc;
}
