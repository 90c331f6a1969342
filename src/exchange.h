/* exchange.h — the centre's data in and out the way Danish Excel does
 * it: export a table to CSV, import citizens, volunteers or activities
 * from a spreadsheet. The files are made and read by src/csv.c.
 *
 * Export (exchange_export.c) lists citizens, volunteers, activities,
 * sessions, attendance, calls or measures with Danish headers, dates
 * 26-11-2026 and codes as the words the screens show; the file is built
 * in memory and handed to the caller, after one audit line (who, what,
 * how many rows) is committed. Exports that name people (citizens,
 * volunteers, attendance, calls, measures) are for a coordinator only;
 * activities and sessions for anyone signed in.
 *
 * Import (exchange_import.c) reads citizens, volunteers or activities,
 * maps the columns by their headers (Danish or English, any order),
 * checks every row with the rules the forms use and reports every
 * problem with its row, column and a sentence; with any problem nothing
 * is imported. Rows that are someone already on record, or the same as
 * an earlier row, are skipped and reported. Everything is written in one
 * transaction and audited; a coordinator only.
 */
#ifndef BB_EXCHANGE_H
#define BB_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "csv.h"
#include "desk.h"
#include "model_exchange.h"

/* ---------- the tables ---------- */

/* "citizens", "volunteers", ... as on the command line; parsed also
 * by the Danish names the help gives ("borgere", "mødegange"). */
const char *exchange_table_name(enum exchange_table t);
bool exchange_table_parse(const char *name, enum exchange_table *out);
/* In words, translated: "Citizens". */
const char *exchange_table_title(enum exchange_table t);
bool exchange_table_importable(enum exchange_table t);
/* Whether the person signed in may export table `t` (people's tables
 * are a coordinator's; activities and sessions the desk's too). */
bool exchange_export_allowed(const struct desk *d, enum exchange_table t);
/* Whether --from/--to choose rows (all but volunteers and activities). */
bool exchange_table_has_period(enum exchange_table t);
/* A file name to suggest: "borgere-2026-11-26.csv" (translated). */
void exchange_file_name(enum exchange_table t, char *out, size_t size);

/* ---------- export ---------- */

struct exchange_export {
	enum exchange_table table;
	enum csv_encoding encoding;   /* CSV_UTF8 or CSV_CP1252 */
	struct exchange_period period;
	const char *destination;      /* where it goes, for the audit line ("-" for stdout) */
	/* A file to save it in (csv_save) before the audit line is written:
	 * a file that could not be written is no export. NULL: the caller
	 * takes the bytes (standard output). */
	const char *save_to;
};

struct exchange_file {
	char *data;                   /* the file's bytes, malloc'ed: free() them */
	size_t len;
	int rows;                     /* rows after the header */
	char problem[4400];           /* why the writer stopped, or the file could not be saved */
};

/* The table as a CSV file in out. DB_ERR_INVALID when a value cannot be
 * written in the encoding (out->problem names row, column and character;
 * nothing is audited then), DB_ERR_FORBIDDEN when the person signed in
 * may not. */
enum db_status exchange_export(struct desk *d, const struct exchange_export *req, struct exchange_file *out);

/* ---------- import ---------- */

struct exchange_import {
	enum exchange_table table;    /* citizens, volunteers or activities */
	enum csv_encoding encoding;   /* CSV_AUTO, CSV_UTF8 or CSV_CP1252 */
	bool dry_run;                 /* only check and report */
	const char *source;           /* the file's name, for the audit line */
};

/* One thing the report says about a row: a problem (nothing is imported
 * while there is one) or a row skipped (someone already on record). */
struct exchange_note {
	int row;                      /* as the spreadsheet shows it; 0: the whole file */
	bool problem;
	char *text;                   /* the sentence, with row and column */
};

enum { EXCHANGE_MAX_NOTES = 100000 };

struct exchange_report {
	int rows;                     /* rows with data after the header */
	int added;                    /* written, or to be written on a dry run */
	int skipped;                  /* the same as someone on record or an earlier row */
	int problems;
	struct exchange_note *notes;  /* in row order, problems and skips together */
	int nnotes, cap;
	int notes_left_out;           /* beyond EXCHANGE_MAX_NOTES */
	enum csv_encoding encoding;   /* as found */
	char separator;
	bool imported;                /* written and committed */
	char new_picks[1024];         /* interests and barriers the import adds, ", " between */
};

/* Reads the file's bytes and imports them, or only reports on a dry run.
 * DB_OK when the file is good (imported, or would be); DB_ERR_INVALID
 * when the report holds problems and nothing was written; otherwise what
 * the database said (nothing written either). The report is filled in
 * every case; exchange_report_free frees it. */
enum db_status exchange_import(struct desk *d, const struct exchange_import *req, const char *bytes, size_t len,
			       struct exchange_report *out);
void exchange_report_free(struct exchange_report *r);

/* One sentence for the end of a report: how many rows were read, added
 * and skipped, or that nothing was imported because of N problems. */
void exchange_report_summary(const struct exchange_report *r, bool dry_run, char *out, size_t size);

#endif
