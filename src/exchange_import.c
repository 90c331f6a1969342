/* exchange_import.c — citizens, volunteers or activities from a
 * spreadsheet's CSV file (exchange.h).
 *
 * The file is read twice. The first pass maps the headers, checks every
 * row with the rules the forms use (src/field_rules.c, citizen_rules.c,
 * registry_rules.c, date.c) and finds who is already on record or earlier
 * in the file; it keeps only the people's names, so 100 000 rows need
 * little memory. Only when the whole file is good does the second pass
 * read it again and write every row, in the same write transaction as
 * the first pass's look at the database: either all of it is imported or
 * none. Every new record gets its own audit line ("create ... import"),
 * and the import one more with the counts; a dry run, or a file with
 * problems, gets that one line and nothing else is written.
 */
#include "exchange.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "exchange_import_internal.h"
#include "i18n.h"
#include "store_exchange.h"

/* ---------- the two passes ---------- */

static void read_record(struct import_job *j)
{
	j->row_problems = 0;
	switch (j->req->table) {
	case EXCHANGE_CITIZENS:
		import_read_citizen(j);
		break;
	case EXCHANGE_VOLUNTEERS:
		import_read_volunteer(j);
		break;
	default:
		import_read_activity(j);
		break;
	}
}

static enum db_status write_record(struct import_job *j)
{
	switch (j->req->table) {
	case EXCHANGE_CITIZENS:
		return import_write_citizen(j);
	case EXCHANGE_VOLUNTEERS:
		return import_write_volunteer(j);
	default:
		return import_write_activity(j);
	}
}

static bool mark_skip(struct import_job *j, int row)
{
	if (row >= j->nskip) {
		int n = j->nskip ? j->nskip : 1024;
		while (n <= row)
			n *= 2;
		bool *s = realloc(j->skip, (size_t)n * sizeof *s);
		if (!s)
			return false;
		memset(s + j->nskip, 0, (size_t)(n - j->nskip) * sizeof *s);
		j->skip = s;
		j->nskip = n;
	}
	j->skip[row] = true;
	return true;
}

static void report_duplicate(struct import_job *j, int other_row, const char *other, enum import_same why)
{
	const char *because = why == SAME_PHONE ? _("the same phone number")
			    : why == SAME_NAME_YEAR ? _("the same name and birth year")
			    : j->req->table == EXCHANGE_ACTIVITIES ? _("the same name")
			    : _("the same name, and nothing tells them apart");
	char text[1200];
	if (other_row == 0)
		snprintf(text, sizeof text, _("Row %d: %s is already in Brobygger (%s); the row is skipped."),
			 j->reader.row, other, because);
	else
		snprintf(text, sizeof text, _("Row %d: the same as row %d, %s (%s); the row is skipped."), j->reader.row,
			 other_row, other, because);
	import_note(j, j->reader.row, false, text);
}

static enum db_status load_person(void *ctx, const struct exchange_person *p)
{
	return people_add(ctx, p, 0) ? DB_OK : DB_ERR_IO;
}

/* Checks every row; remembers who is skipped. */
static enum db_status first_pass(struct import_job *j)
{
	enum csv_read st;
	while ((st = csv_read_row(&j->reader)) == CSV_ROW) {
		if (import_blank_row(&j->reader))
			continue;
		j->rep->rows++;
		import_unnamed_cells(j);
		read_record(j);
		if (j->row_problems)
			continue;
		int other = 0;
		const char *who = NULL;
		enum import_same why;
		if (people_find(&j->people, &j->r->person, &other, &who, &why)) {
			report_duplicate(j, other, who, why);
			j->rep->skipped++;
			if (!mark_skip(j, j->reader.row))
				return DB_ERR_IO;
			continue;
		}
		if (!people_add(&j->people, &j->r->person, j->reader.row))
			return DB_ERR_IO;
		j->rep->added++;
	}
	if (st == CSV_FAILED)
		import_read_failure(j);
	return DB_OK;
}

/* Writes every row the first pass found good and not skipped. */
static enum db_status second_pass(struct import_job *j, const char *bytes, size_t len)
{
	csv_reader_free(&j->reader);
	if (!csv_reader_open(&j->reader, bytes, len, j->req->encoding) || csv_read_row(&j->reader) != CSV_ROW)
		return DB_ERR_IO;
	j->writing = true;
	enum db_status r = import_cache_create(j, &j->interests);
	if (r == DB_OK)
		r = import_cache_create(j, &j->barriers);
	while (r == DB_OK && csv_read_row(&j->reader) == CSV_ROW) {
		int row = j->reader.row;
		if (import_blank_row(&j->reader) || (row < j->nskip && j->skip[row]))
			continue;
		read_record(j);
		r = write_record(j);
	}
	return r;
}

static const char *const entities[] = {
	[EXCHANGE_CITIZENS] = "citizen", [EXCHANGE_VOLUNTEERS] = "volunteer", [EXCHANGE_ACTIVITIES] = "activity",
};

static enum db_status audit_import(struct import_job *j)
{
	const struct exchange_report *rep = j->rep;
	char detail[700];
	snprintf(detail, sizeof detail, "%s%s from %s: %d rows, %d %s, %d skipped, %d problems",
		 j->req->dry_run ? "trial run: " : rep->problems ? "refused: " : "",
		 exchange_table_name(j->req->table), j->req->source ? j->req->source : "-", rep->rows, rep->added,
		 j->req->dry_run || rep->problems ? "to add" : "added", rep->skipped, rep->problems);
	return desk_audit(j->d, "import", entities[j->req->table], 0, detail);
}

static void job_free(struct import_job *j)
{
	csv_reader_free(&j->reader);
	for (int i = 0; i < j->ntitles; i++)
		free(j->titles[i]);
	free(j->titles);
	free(j->unnamed_reported);
	people_free(&j->people);
	import_cache_free(&j->interests);
	import_cache_free(&j->barriers);
	free(j->skip);
	free(j->scratch);
	free(j->r);
	free(j);
}

enum db_status exchange_import(struct desk *d, const struct exchange_import *req, const char *bytes, size_t len,
			       struct exchange_report *out)
{
	memset(out, 0, sizeof *out);
	if (!exchange_table_importable(req->table))
		return DB_ERR_MISUSE;
	enum db_status r = desk_allow(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	struct import_job *j = calloc(1, sizeof *j);
	if (!j || !(j->r = calloc(1, sizeof *j->r))) {
		free(j);
		return DB_ERR_IO;
	}
	j->d = d;
	j->req = req;
	j->rep = out;
	j->today = date_today();
	j->interests.which = "interests";
	j->barriers.which = "barriers";
	people_init(&j->people, req->table == EXCHANGE_ACTIVITIES);

	if (!csv_reader_open(&j->reader, bytes, len, req->encoding)) {
		import_read_failure(j);
		job_free(j);
		return DB_ERR_INVALID;
	}
	out->encoding = j->reader.encoding;
	out->separator = j->reader.separator;
	enum csv_read first = csv_read_row(&j->reader);
	if (first != CSV_ROW) {
		if (first == CSV_FAILED)
			import_read_failure(j);
		else
			import_note(j, 0, true, _("The file is empty: it has no header row."));
		job_free(j);
		return DB_ERR_INVALID;
	}
	if (!import_map_header(j)) {
		job_free(j);
		return DB_ERR_IO;
	}

	/* One write transaction from the look at who is on record to the
	 * last row written: nobody can register the same person meanwhile. */
	r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK) {
		job_free(j);
		return r;
	}
	r = store_exchange_people(d->db, req->table, load_person, &j->people);
	if (r == DB_OK)
		r = store_exchange_picks(d->db, "interests", import_cache_add, &j->interests);
	if (r == DB_OK)
		r = store_exchange_picks(d->db, "barriers", import_cache_add, &j->barriers);
	if (r == DB_OK)
		r = first_pass(j);
	if (r == DB_OK && out->rows == 0 && !out->problems)
		import_note(j, 0, true, _("The file has a header row but no rows with data."));
	import_list_new_picks(j);
	bool write = r == DB_OK && !out->problems && !req->dry_run;
	if (write)
		r = second_pass(j, bytes, len);
	if (r == DB_OK)
		r = audit_import(j);
	r = desk_end(d, r);
	out->imported = write && r == DB_OK;
	if (r == DB_OK && out->problems)
		r = DB_ERR_INVALID;
	job_free(j);
	return r;
}
