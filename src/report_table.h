/* report_table.h — the report laid out as tables, once, for all three
 * formats: each table has a title, its columns and rows of cells, and
 * each cell knows what kind of number it is. The text, CSV and HTML
 * writers (report_render.h) only walk these tables and format each cell
 * with report_cell_format, so the formats cannot disagree: the exports
 * differ from the screen only where the "< 5" rule says so. */
#ifndef BB_REPORT_TABLE_H
#define BB_REPORT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "model_report.h"

enum report_cell_kind {
	CELL_NONE,          /* nothing in this column for the row */
	CELL_NUMBER,        /* a count of things (volunteers, sessions) */
	CELL_CITIZENS,      /* a count that describes citizens: "< 5" in exports below 5 */
	CELL_HOURS,         /* minutes, shown as hours with one decimal */
	CELL_PERCENT,       /* value of base citizens, as a whole percent */
	CELL_MEAN,          /* value (a sum) over base citizens, with one decimal */
	CELL_DAYS,          /* a number of days about base citizens (a median) */
};

struct report_cell {
	enum report_cell_kind kind;
	long long value;
	long long base;     /* the citizens a percent, mean or median is of */
	bool withheld;      /* held back too, or a "< 5" beside it could be worked out from a total */
};

enum { REPORT_COLS = 8, REPORT_LABEL = 200, REPORT_TABLES = 9 };
/* The attendance tables' column of present marks (the HTML's chart). */
enum { REPORT_COL_PRESENT = 2 };

struct report_row {
	const char *group;  /* the activity a row of months belongs to, or NULL */
	char label[REPORT_LABEL];
	bool part;          /* a part of the row above it (indented) */
	bool total;         /* a sum of the rows above */
	struct report_cell cells[REPORT_COLS];
};

struct report_column {
	const char *title;  /* translated, for CSV and HTML */
	const char *brief;  /* translated, at most 7 columns, for the text format */
};

struct report_table {
	const char *key;    /* e.g. "attendance": an id for HTML and tests */
	const char *title;  /* translated */
	const char *group_title;   /* the group column's title, when rows have groups */
	const char *label_title;   /* the first column's title */
	struct report_column cols[REPORT_COLS];
	int ncols;
	struct report_row *rows;
	int nrows, cap;
	const char *note;   /* translated, or NULL */
	bool failed;        /* out of memory while building */
};

struct report_tables {
	struct report_table t[REPORT_TABLES];
	int n;
};

/* Lays out the report; false when out of memory. Free with
 * report_tables_free. The rows point into `r`, which must outlive them.
 * Where counts add up to a total shown beside them (a parent row and
 * its parts, the months and their whole period, the activities and all
 * of them) and one alone is under five, another is held back with it
 * (report_cell_held_back), so the exports' "< 5" cannot be worked out
 * by subtraction. */
bool report_tables_build(const struct report *r, struct report_tables *out);
void report_tables_free(struct report_tables *t);

/* The cell as shown: `exact` on the coordinator's screen, else with the
 * "< 5" rule; `units` adds " %" and the like, for reading rather than
 * a spreadsheet; `decimal` is the decimal separator and `thousands` the
 * one between groups of three digits ("12.345" to read; "" for a
 * spreadsheet, which reads 12.345 as text or as twelve). "" for
 * CELL_NONE. */
void report_cell_format(const struct report_cell *c, bool exact, bool units, const char *decimal,
			const char *thousands, char *out, size_t size);
/* The number a cell shows: tenths for hours and means, whole percent for
 * a share, else the value itself. */
long long report_cell_number(const struct report_cell *c);
/* Whether the cell is hidden or held back in exports: by the "< 5" rule,
 * or with another that would give it away (shown as "x"). */
bool report_cell_held_back(const struct report_cell *c);

#endif
