/* report_render.h — the report written out in one of three formats,
 * each drawn from the same tables (report_table.h):
 *
 * - text: 80 columns, exact numbers for the coordinator's own view (the
 *   screen, the terminal), the "< 5" rule in a file, which is handed on;
 * - csv: one table per section as Danish Excel reads it (csv_write.h),
 *   with the "< 5" rule;
 * - html: one self-contained, printable file (A4) with the centre's name,
 *   the period and bar charts as inline SVG; no script, nothing fetched;
 *   with the "< 5" rule.
 */
#ifndef BB_REPORT_RENDER_H
#define BB_REPORT_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "model_report.h"
#include "report.h"

enum report_format {
	REPORT_TEXT,
	REPORT_CSV,
	REPORT_HTML,
};

/* "text", "csv" or "html"; false for anything else. */
bool report_format_parse(const char *name, enum report_format *out);
const char *report_format_name(enum report_format f);
/* The audit line's use for a report written in format `f`. */
enum report_use report_written_as(enum report_format f);
/* A report's file, created or written over, readable by its owner only
 * (as the database is); NULL with errno set when it cannot be. */
FILE *report_file_create(const char *path);
/* The format a file's name asks for: .txt, .csv, .html or .htm (any
 * case); false for any other name. */
bool report_format_of_file(const char *path, enum report_format *out);

/* Writes the report; false when out of memory or the file could not be
 * written. exact: the text's counts as they are (only ever shown to the
 * coordinator); CSV and HTML always hold small counts back. */
bool report_write(const struct report *r, enum report_format f, bool exact, FILE *out);

/* The decimal separator of the language shown ("," in Danish). */
const char *report_decimal(void);

/* Writes `text` HTML-escaped (&, <, >, "). Also for the printed sheets. */
void report_html_escape(FILE *out, const char *text);

#endif
