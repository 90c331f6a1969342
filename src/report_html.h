/* report_html.h — the report as one self-contained, printable HTML file:
 * the centre's name and the period, the tables of report_table.h and two
 * bar charts drawn as inline SVG (attendance per month; WHO-5 at the
 * first and the latest measurement). A print style sheet lays it out on
 * A4. No script and nothing fetched: a funder opens it in any browser,
 * offline. Called by report_write (report_render.h). */
#ifndef BB_REPORT_HTML_H
#define BB_REPORT_HTML_H

#include <stdbool.h>
#include <stdio.h>

#include "model_report.h"
#include "report_table.h"

bool report_html_write(const struct report *r, const struct report_tables *ts, FILE *out);

/* The style sheet both the report and the printed sheets use. */
extern const char report_html_style[];

#endif
