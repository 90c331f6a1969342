/* exchange_import_internal.h — what the parts of the import share
 * (exchange.h's exchange_import): the job being run, and the functions
 * that read and check one cell, one row or the header, keep the
 * pick-lists, and write the report. Private to src/exchange_import*.c.
 *
 * - exchange_import.c: the job, the two passes, duplicates, the audit;
 * - exchange_import_header.c: the header row's columns, columns without
 *   a heading, blank rows;
 * - exchange_import_cells.c: one cell read and checked as a form would;
 * - exchange_import_picks.c: interests and barriers, old and new;
 * - exchange_import_citizens.c, _volunteers.c, _activities.c: a row of
 *   each table read into its record, and written;
 * - exchange_import_report.c: the notes and problems, the summary.
 */
#ifndef BB_EXCHANGE_IMPORT_INTERNAL_H
#define BB_EXCHANGE_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "csv.h"
#include "date.h"
#include "exchange.h"
#include "exchange_people.h"
#include "model_citizen.h"
#include "model_registry.h"
#include "vocab.h"

enum { MAX_COLUMN_IDS = 32, LIVED_CHARS = 250, LANGUAGE_CHARS = 40 };

/* A pick-list (interests or barriers) by folded name; entries the file
 * brings that are not on the list yet get id 0 until the second pass
 * makes them. */
struct pick_entry {
	char *folded, *name;
	long long id;
	bool is_new;
};
struct pick_cache {
	const char *which;
	struct pick_entry *e;
	int n, cap;
};

/* One row being read, whatever the table. */
struct import_row {
	struct citizen_card card;
	char ended_on[CIT_DATE];
	char end_reason[CIT_CODE];
	struct volunteer_record vol;
	struct activity_record act;
	struct exchange_person person;
};

struct import_job {
	struct desk *d;
	const struct exchange_import *req;
	struct exchange_report *rep;
	struct csv_reader reader;
	struct date today;
	bool writing;                 /* the second pass: no notes, rows are written */
	int where[MAX_COLUMN_IDS];    /* column id -> file column + 1 (0: not in the file) */
	char **titles;                /* the file's headers, as written */
	int ntitles;
	bool *unnamed_reported;       /* per file column: a headerless column with data was reported */
	int row_problems;             /* problems in the row being read */
	int header_problems;
	struct people_index people;
	struct pick_cache interests, barriers;
	bool *skip;                   /* per row number: skipped as a duplicate */
	int nskip;
	struct import_row *r;
	char *scratch;                /* cell_text's */
	size_t scratch_cap;
};

/* ---------- the report (exchange_import_report.c) ---------- */

/* A line of the report about `row` (0: the whole file). */
void import_note(struct import_job *j, int row, bool problem, const char *text);
/* A problem in the cell of column `id` of the row being read (-1: the
 * row); nothing while writing. */
__attribute__((format(printf, 3, 4))) void import_problem(struct import_job *j, int id, const char *fmt, ...);
/* The reader's failure (a broken quote, a wrong encoding) as a problem. */
void import_read_failure(struct import_job *j);

/* ---------- the header (exchange_import_header.c) ---------- */

/* Maps the header row's cells to columns; problems for the unknown.
 * False when memory runs out. */
bool import_map_header(struct import_job *j);
/* Data in a column without a heading is reported, once per column. */
void import_unnamed_cells(struct import_job *j);
bool import_blank_row(const struct csv_reader *r);

/* ---------- one cell (exchange_import_cells.c) ---------- */

/* Whether the file has column `id`. */
bool import_has(const struct import_job *j, int id);
/* The cell into buf, cut to fit (for short values: a date, a number). */
const char *import_cell(struct import_job *j, int id, char *buf, size_t size);
/* A text of at most max_chars characters and no CPR number; empty is
 * allowed unless `required`. */
void import_text(struct import_job *j, int id, char *dst, size_t size, size_t max_chars, bool required);
/* A text checked by a field rule (phone, e-mail) when not empty. */
void import_checked_text(struct import_job *j, int id, char *dst, size_t size, size_t max_chars,
			 const char *(*rule)(const char *));
void import_postcode(struct import_job *j, int id, char dst[5]);
/* A date, ISO into dst ("" when empty); `happened`: not after today,
 * not long ago. */
bool import_date_cell(struct import_job *j, int id, char dst[CIT_DATE], bool happened);
/* A whole number from min to max; `fallback` when empty. */
int import_number(struct import_job *j, int id, long min, long max, int fallback);
/* The words a code list offers, for a message. */
void import_choices(const struct vocab *list, char *out, size_t size);
/* A word of the list into dst (its code); `fallback` when empty. */
void import_code(struct import_job *j, int id, const struct vocab *list, char *dst, size_t size,
		 const char *fallback);
bool import_yes_no(struct import_job *j, int id);
/* The name: one column, or first name and surname. */
void import_name(struct import_job *j, int whole, int first, int last, char *dst, size_t size);
/* The weekday a word names (mandag, man, Monday, Mon): 1..7, or 0. */
int import_weekday_of(const char *word);

/* ---------- pick-lists (exchange_import_picks.c) ---------- */

/* Adds an entry on record (a store callback; ctx is the cache). */
enum db_status import_cache_add(void *ctx, long long id, const char *name);
void import_cache_free(struct pick_cache *c);
/* Makes the entries the file brought. */
enum db_status import_cache_create(struct import_job *j, struct pick_cache *c);
/* Names the new entries in the report. */
void import_list_new_picks(struct import_job *j);
/* The pick-list entries a cell names, into ids (at most CIT_MAX_PICKS). */
void import_picks(struct import_job *j, int id, struct pick_cache *cache, long long *ids, int *n);

/* ---------- the rows (exchange_import_citizens.c, _volunteers.c, _activities.c) ---------- */

/* Each reads the row into j->r, with problems for what is wrong, and
 * writes it in the second pass. */
void import_read_citizen(struct import_job *j);
enum db_status import_write_citizen(struct import_job *j);
void import_read_volunteer(struct import_job *j);
enum db_status import_write_volunteer(struct import_job *j);
void import_read_activity(struct import_job *j);
enum db_status import_write_activity(struct import_job *j);

#endif
