/* exchange_import_report.c — the import's report: a note for each
 * problem and each row skipped, with its row and column, and the summary
 * sentence (exchange_import_internal.h). */
#include "exchange_import_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"

/* ---------- the report ---------- */

void import_note(struct import_job *j, int row, bool problem, const char *text)
{
	struct exchange_report *rep = j->rep;
	if (problem)
		rep->problems++;
	if (rep->nnotes >= EXCHANGE_MAX_NOTES) {
		rep->notes_left_out++;
		return;
	}
	if (rep->nnotes == rep->cap) {
		int cap = rep->cap ? rep->cap * 2 : 64;
		struct exchange_note *n = realloc(rep->notes, (size_t)cap * sizeof *n);
		if (!n) {
			rep->notes_left_out++;
			return;
		}
		rep->notes = n;
		rep->cap = cap;
	}
	char *copy = strdup(text);
	if (!copy) {
		rep->notes_left_out++;
		return;
	}
	rep->notes[rep->nnotes++] = (struct exchange_note){ .row = row, .problem = problem, .text = copy };
}

/* A problem in the cell of column `id` of the row being read. */
void import_problem(struct import_job *j, int id, const char *fmt, ...)
{
	if (j->writing)
		return;
	char text[1200], where[1400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	int col = id >= 0 && id < MAX_COLUMN_IDS ? j->where[id] : 0;
	if (col > 0) {
		char name[8];
		csv_column_name(col, name);
		snprintf(where, sizeof where, _("Row %d, column %s (%s): %s"), j->reader.row, name,
			 col <= j->ntitles ? j->titles[col - 1] : "", text);
	} else {
		snprintf(where, sizeof where, _("Row %d: %s"), j->reader.row, text);
	}
	j->row_problems++;
	import_note(j, j->reader.row, true, where);
}

void exchange_report_free(struct exchange_report *r)
{
	for (int i = 0; i < r->nnotes; i++)
		free(r->notes[i].text);
	free(r->notes);
	memset(r, 0, sizeof *r);
}

void exchange_report_summary(const struct exchange_report *r, bool dry_run, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	if (r->problems) {
		strbuf_add(&b, P_("Nothing was imported: the file has %d problem to fix first.",
				  "Nothing was imported: the file has %d problems to fix first.", r->problems),
			   r->problems);
		return;
	}
	strbuf_add(&b, P_("%d row read: ", "%d rows read: ", r->rows), r->rows);
	if (dry_run)
		strbuf_add(&b, P_("%d would be added", "%d would be added", r->added), r->added);
	else
		strbuf_add(&b, P_("%d added", "%d added", r->added), r->added);
	strbuf_add(&b, P_(", %d skipped (already on record).", ", %d skipped (already on record).", r->skipped),
		   r->skipped);
	if (r->new_picks[0])
		strbuf_add(&b, dry_run ? _(" New on the pick-lists: %s.") : _(" Added to the pick-lists: %s."),
			   r->new_picks);
	if (dry_run)
		strbuf_add(&b, " %s", _("Nothing was written (trial run)."));
}

void import_read_failure(struct import_job *j)
{
	char text[1200];
	const struct csv_failure *f = &j->reader.failure;
	const char *title = f->column > 0 && f->column <= j->ntitles ? j->titles[f->column - 1] : NULL;
	csv_failure_message(f, title, text, sizeof text);
	import_note(j, f->row, true, text);
}
