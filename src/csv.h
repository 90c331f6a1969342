/* csv.h — CSV as Danish Excel writes and reads it, and nothing about
 * citizens: a writer that builds a file cell by cell, and a reader that
 * gives a file back row by row. Both name a problem by its row and column
 * as a spreadsheet shows them (the header is row 1, column A is the
 * first), so a person can find it and fix it.
 *
 * Writing: `;` between cells, CRLF after every row, a cell quoted only
 * when it holds `;`, `,`, a tab, `"` or a line break (a quote doubled
 * inside), UTF-8
 * with a byte-order mark (Excel then opens æøå correctly) or Windows-1252
 * through iconv. A text that Windows-1252 cannot hold (Łukasz, Nguyễn)
 * stops the writer with the row, the column and the character: never a
 * silent '?'. A text cell that begins with = + - @ (or a tab, a carriage
 * return or an apostrophe) gets an apostrophe in front, so a spreadsheet
 * shows it as text and never runs it as a formula; csv_unprotect() takes
 * exactly that apostrophe away again when reading. Numbers and dates are
 * written as Danish Excel reads them: 26-11-2026, 3,5.
 *
 * Reading: what Excel, LibreOffice and hand-made files hold. The
 * separator is found in the first row (`;`, `,` or tab; a first line
 * "sep=;" as Excel writes it says so outright); quoted cells may hold the
 * separator, doubled quotes and line breaks; a blank line is a row of
 * one empty cell, as a spreadsheet shows it. The encoding is UTF-8 with
 * or without a byte-order mark, UTF-16 with one (Excel's "Unicode text"),
 * or Windows-1252; under CSV_AUTO a file that is not valid UTF-8 is
 * Windows-1252. Every cell comes back as UTF-8.
 *
 * The reader never reads past its input and never swallows the rest of a
 * file silently: a quote that is never closed is a failure that names the
 * row and line where it opened.
 */
#ifndef BB_CSV_H
#define BB_CSV_H

#include <stdbool.h>
#include <stddef.h>

enum csv_encoding {
	CSV_AUTO,   /* reading only: UTF-8 if the file is valid UTF-8, else Windows-1252 */
	CSV_UTF8,
	CSV_CP1252, /* Windows-1252, what Danish Excel writes as "CSV (semikolonsepareret)" */
	CSV_UTF16,  /* found by its byte-order mark only */
};

/* What stopped a writer or a reader. */
enum csv_failure_kind {
	CSV_FAIL_NONE,
	CSV_FAIL_MEMORY,
	CSV_FAIL_NOT_CP1252,     /* writing: a character Windows-1252 cannot hold */
	CSV_FAIL_NOT_UTF8,       /* reading as UTF-8: bytes that are not UTF-8 */
	CSV_FAIL_BAD_CP1252,     /* reading as Windows-1252: a byte with no character (0x81, 0x8D, ...) */
	CSV_FAIL_NUL,            /* a NUL byte: not text at all */
	CSV_FAIL_UNCLOSED_QUOTE, /* a quoted cell that never ends */
	CSV_FAIL_TOO_MANY_COLUMNS,
	CSV_FAIL_BAD_UTF16,      /* a UTF-16 file that does not convert */
	CSV_FAIL_MARK_MISMATCH,  /* a byte-order mark that contradicts the encoding asked for */
	CSV_FAIL_MARKED_NOT_UTF8, /* bytes that are not UTF-8 in a file whose mark says Unicode */
};

struct csv_failure {
	enum csv_failure_kind kind;
	int row;                 /* 1 = the first row (the header); 0: the whole file */
	int line;                /* the line of the file the row (or the quote) began on */
	int column;              /* 1 = column A; 0: the whole row */
	char what[16];           /* the character or byte at fault, as text */
};

enum { CSV_MAX_COLUMNS = 1000 };

/* "A", "B", ..., "Z", "AA", ...: a column as a spreadsheet names it. */
void csv_column_name(int column, char out[8]);

/* The failure in a sentence that says where: "Row 12, column B (Name):
 * the character 'Ł' cannot be written in Windows-1252 ...". `title` is
 * the column's header, or NULL. */
void csv_failure_message(const struct csv_failure *f, const char *title, char *out, size_t size);

/* ---------- writing ---------- */

struct csv_writer {
	char *data;              /* the file so far (malloc'ed) */
	size_t len, cap;
	enum csv_encoding encoding;
	char separator;
	int row;                 /* the row being written, 1 = the first */
	int column;              /* cells written in it so far */
	bool failed;             /* from then on nothing more is written */
	struct csv_failure failure;
	char **header;           /* the first row's cells, to name a column */
	int nheader;
	void *to_cp1252;         /* iconv_t, opened on first need */
};

/* UTF-8 (with its byte-order mark) or CSV_CP1252. */
void csv_writer_init(struct csv_writer *w, enum csv_encoding encoding);
void csv_writer_free(struct csv_writer *w);

/* A text cell (UTF-8 in; NULL is empty). False once the writer failed. */
bool csv_write_text(struct csv_writer *w, const char *text);
/* A whole number; a decimal number with `decimals` digits after a
 * decimal comma; an ISO date ("2026-11-26", "" for none) as 26-11-2026. */
bool csv_write_number(struct csv_writer *w, long long n);
bool csv_write_decimal(struct csv_writer *w, double v, int decimals);
bool csv_write_date(struct csv_writer *w, const char *iso);
/* Ends the row (CRLF). */
bool csv_end_row(struct csv_writer *w);
/* Rows written after the header. */
int csv_writer_rows(const struct csv_writer *w);

/* Where the writer failed, in a sentence: "Row 12, column B (Name): the
 * character 'Ł' cannot be written in Windows-1252." */
void csv_writer_problem(const struct csv_writer *w, char *out, size_t size);

/* Writes `len` bytes to a new file at `path` as a whole: a temporary file
 * beside it, readable by its owner only (the data is personal), renamed
 * into place once it is all on disk. An existing file is replaced. False
 * with the reason in err. */
bool csv_save(const char *path, const char *data, size_t len, char *err, size_t errsize);

/* ---------- reading ---------- */

enum { CSV_MAX_FILE = 256 * 1024 * 1024 };

/* The whole file at `path` (at most CSV_MAX_FILE bytes) into a malloc'ed
 * buffer the caller frees; NULL with the reason in err. */
char *csv_load(const char *path, size_t *len, char *err, size_t errsize);

struct csv_reader {
	const char *data;        /* the cells' bytes, after any byte-order mark */
	size_t len, pos;
	char *owned;             /* a UTF-16 file converted to UTF-8 */
	enum csv_encoding encoding;   /* as found */
	bool check_utf8;         /* UTF-8 asked for and the file is not all valid */
	bool had_mark;           /* the file began with a byte-order mark */
	char separator;
	int row;                 /* the row just read, 1 = the first */
	int line;                /* the line of the file it began on */
	int next_line;
	char *text;              /* the row's cells, each NUL-terminated */
	size_t text_len, text_cap;
	size_t *starts;
	int ncells, cells_cap;
	char *conv;              /* a row converted from Windows-1252 */
	size_t conv_cap;
	void *from_cp1252;       /* iconv_t */
	struct csv_failure failure;
};

/* Takes the file's bytes (kept by the caller until csv_reader_free),
 * finds the encoding (`want`, or by looking under CSV_AUTO) and the
 * separator. False (failure set) when the file cannot be read as asked. */
bool csv_reader_open(struct csv_reader *r, const char *bytes, size_t len, enum csv_encoding want);
void csv_reader_free(struct csv_reader *r);

enum csv_read { CSV_ROW, CSV_END, CSV_FAILED };
/* The next row: its cells with csv_cell. */
enum csv_read csv_read_row(struct csv_reader *r);
int csv_cells(const struct csv_reader *r);
/* Cell i (0 = column A) of the row just read; "" past its end. */
const char *csv_cell(const struct csv_reader *r, int i);

/* A cell as it was before the writer protected it: the one apostrophe
 * csv_write_text put in front of = + - @ tab CR or ' is taken away. */
const char *csv_unprotect(const char *cell);

#endif
