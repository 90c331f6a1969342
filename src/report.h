/* report.h — the funders' report: every figure for a period, computed
 * from the stores' facts (db/store_report.h) by the rules of
 * src/report_rules.h, one function per family of figures (volunteers,
 * citizens, attendance, outcomes, follow-up, unmet wishes).
 *
 * For the coordinator only. The figures are read in one read
 * transaction, so they agree with each other even while desks work; the
 * audit record follows in a short write of its own, so the desks are not
 * held up while a year is counted, and the report is only handed out
 * once the audit line is written.
 *
 * The three formats are drawn from the same struct by report_render.h. */
#ifndef BB_REPORT_H
#define BB_REPORT_H

#include "desk.h"
#include "model_report.h"

/* How the report leaves the program, for the audit line (an export):
 * shown on the screen, or written as text, CSV or HTML. */
enum report_use {
	REPORT_SHOWN,
	REPORT_EXPORT_TEXT,
	REPORT_EXPORT_CSV,
	REPORT_EXPORT_HTML,
};

/* Computes the report for `p` as of today. DB_ERR_FORBIDDEN for anyone
 * but a coordinator. Free with report_free, also after a failure. */
enum db_status report_make(struct desk *d, const struct report_period *p, enum report_use use, struct report *out);
void report_free(struct report *r);

#endif
