/* exchange_import_header.c — the import's column checks: the header row
 * mapped to the table's columns (unknown, doubled and missing ones are
 * problems), data in a column without a heading, and blank rows
 * (exchange_import_internal.h). */
#include "exchange_import_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange_columns.h"
#include "exchange_rules.h"
#include "i18n.h"
#include "strbuf.h"

/* ---------- the header ---------- */

static void known_columns(enum exchange_table t, char *out, size_t size)
{
	int n;
	const struct exchange_column *cols = exchange_columns(t, &n);
	struct strbuf b = strbuf_on(out, size);
	for (int i = 0; i < n; i++)
		strbuf_item(&b, ", ", _(cols[i].title));
}

/* Maps the header row's cells to columns; problems for the unknown. */
bool import_map_header(struct import_job *j)
{
	enum exchange_table t = j->req->table;
	int n = csv_cells(&j->reader);
	j->titles = calloc((size_t)n, sizeof *j->titles);
	j->unnamed_reported = calloc((size_t)n, sizeof *j->unnamed_reported);
	if (!j->titles || !j->unnamed_reported)
		return false;
	j->ntitles = n;
	char known[1024];
	known_columns(t, known, sizeof known);
	for (int i = 0; i < n; i++) {
		char title[256];
		exchange_rule_trim(csv_cell(&j->reader, i), title, sizeof title);
		if (!(j->titles[i] = strdup(title)))
			return false;
		if (!title[0])
			continue;
		const struct exchange_column *c = exchange_column_for(t, title);
		char col[8];
		csv_column_name(i + 1, col);
		if (!c) {
			char text[1600];
			snprintf(text, sizeof text,
				 _("Row 1, column %s: '%s' is not a column Brobygger knows. Give it one of these "
				   "headings, or delete the column: %s."), col, title, known);
			import_note(j, 1, true, text);
			continue;
		}
		if (j->where[c->id]) {
			char text[600], other[8];
			csv_column_name(j->where[c->id], other);
			snprintf(text, sizeof text, _("Row 1, column %s: '%s' is the same column as column %s."), col,
				 title, other);
			import_note(j, 1, true, text);
			continue;
		}
		j->where[c->id] = i + 1;
	}
	int whole = t == EXCHANGE_CITIZENS ? CC_NAME : t == EXCHANGE_VOLUNTEERS ? VC_NAME : AC_NAME;
	bool split = (t == EXCHANGE_CITIZENS && (import_has(j, CC_FIRST_NAME) || import_has(j, CC_SURNAME)))
		  || (t == EXCHANGE_VOLUNTEERS && (import_has(j, VC_FIRST_NAME) || import_has(j, VC_SURNAME)));
	if (!import_has(j, whole) && !split) {
		char text[600];
		snprintf(text, sizeof text, _("Row 1: the file has no column '%s' (or '%s' and '%s')."), _("Name"),
			 _("First name"), _("Surname"));
		import_note(j, 1, true, text);
	} else if (import_has(j, whole) && split) {
		char text[600];
		snprintf(text, sizeof text, _("Row 1: the name is there twice: in '%s' and in '%s'/'%s'. Keep one."),
			 _("Name"), _("First name"), _("Surname"));
		import_note(j, 1, true, text);
	}
	if (t == EXCHANGE_CITIZENS && !import_has(j, CC_CONSENT_ON)) {
		char text[600];
		snprintf(text, sizeof text,
			 _("Row 1: the file has no column '%s'. Citizens are registered only with their consent: add "
			   "the column with the day each gave it."), _("Consent given on"));
		import_note(j, 1, true, text);
	}
	j->header_problems = j->rep->problems;
	return true;
}

/* A column without a heading may be empty (spreadsheets add them), but
 * data in it is reported, once per column. */
void import_unnamed_cells(struct import_job *j)
{
	int n = csv_cells(&j->reader);
	for (int i = 0; i < n; i++) {
		bool unnamed = i >= j->ntitles || !j->titles[i][0];
		const char *v;
		if (!unnamed || !exchange_rule_trimmed(csv_cell(&j->reader, i), &v))
			continue;
		if (i < j->ntitles && j->unnamed_reported[i])
			continue;
		if (i < j->ntitles)
			j->unnamed_reported[i] = true;
		else if (j->ntitles > 0 && j->unnamed_reported[j->ntitles - 1])
			continue;
		else if (j->ntitles > 0)
			j->unnamed_reported[j->ntitles - 1] = true;
		char col[8], text[600];
		csv_column_name(i + 1, col);
		snprintf(text, sizeof text,
			 _("Row %d, column %s: the cell has data, but the column has no heading. Give it one, or "
			   "delete the column."), j->reader.row, col);
		import_note(j, j->reader.row, true, text);
		if (i >= j->ntitles)
			break;
	}
}

bool import_blank_row(const struct csv_reader *r)
{
	for (int i = 0; i < csv_cells(r); i++) {
		const char *v;
		if (exchange_rule_trimmed(csv_cell(r, i), &v))
			return false;
	}
	return true;
}
