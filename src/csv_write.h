/* csv_write.h — writing CSV the way Danish Excel reads it: cells
 * separated by ';', rows ended by CRLF, a cell quoted ("...", with "
 * doubled) when it holds ';', '"', a line break or starts or ends with a
 * space, decimal numbers with a comma, and a UTF-8 byte order mark first
 * so Excel does not take the file for Windows-1252.
 *
 * A text cell starting with '=', '+', '-', '@' (or a tab or a carriage
 * return) gets a leading apostrophe, so Excel shows it as text instead of
 * running it as a formula (CSV injection). Numbers written with
 * csv_number or csv_decimal are ours and go out as they are, so a
 * negative number stays a number.
 *
 * The bytes go to a sink: a FILE, or the caller's own function (to
 * convert them to another encoding, say). Errors are sticky: check
 * csv_ok once at the end. Shared by the report and the CSV exchange. */
#ifndef BB_CSV_WRITE_H
#define BB_CSV_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Takes `len` bytes; false when they could not be written. */
typedef bool (*csv_sink_fn)(void *ctx, const char *bytes, size_t len);

struct csv_writer {
	csv_sink_fn sink;
	void *ctx;
	bool row_started;       /* a cell is on the current row */
	bool failed;
};

void csv_init(struct csv_writer *w, csv_sink_fn sink, void *ctx);
/* Writes to an open FILE. */
void csv_init_file(struct csv_writer *w, FILE *f);

/* The UTF-8 byte order mark: first in the file, once. */
void csv_bom(struct csv_writer *w);
/* A text cell (NULL is an empty one). */
void csv_text(struct csv_writer *w, const char *text);
void csv_number(struct csv_writer *w, long long n);
/* `scaled` with `decimals` digits after the comma: (-125, 1) is "-12,5". */
void csv_decimal(struct csv_writer *w, long long scaled, int decimals);
/* Ends the row with CRLF (an empty row when no cell was written). */
void csv_end_row(struct csv_writer *w);

/* Whether every byte so far reached the sink. */
bool csv_ok(const struct csv_writer *w);

#endif
