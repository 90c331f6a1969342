/* test_csv.c — the CSV writer and reader (src/csv.c) on their own: what
 * Danish Excel writes and reads, every odd case of the reader, and that
 * what the writer writes reads back cell for cell. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "tap.h"

static const char *bytes_of(const struct csv_writer *w, size_t skip)
{
	return w->data ? w->data + skip : "";
}

static void test_writer(void)
{
	struct csv_writer w;
	csv_writer_init(&w, CSV_UTF8);
	TAP_CHECK(w.len == 3 && memcmp(w.data, "\xef\xbb\xbf", 3) == 0, "UTF-8 starts with a byte-order mark");
	csv_write_text(&w, "Navn");
	csv_write_text(&w, "Bemærkning");
	csv_write_text(&w, "Dato");
	csv_write_text(&w, "Tal");
	csv_end_row(&w);
	csv_write_text(&w, "Søren \"Sofus\" Ærø");
	csv_write_text(&w, "a;b\nc");
	csv_write_date(&w, "2026-11-26");
	csv_write_decimal(&w, 3.75, 1);
	csv_end_row(&w);
	TAP_STR_EQ(bytes_of(&w, 3),
		   "Navn;Bemærkning;Dato;Tal\r\n\"Søren \"\"Sofus\"\" Ærø\";\"a;b\nc\";26-11-2026;3,8\r\n",
		   "separator ;, CRLF, quotes only where needed, Danish date and decimal comma");
	TAP_INT_EQ(csv_writer_rows(&w), 1, "one row after the header");
	csv_writer_free(&w);

	csv_writer_init(&w, CSV_UTF8);
	csv_write_text(&w, "=SUM(A1)");
	csv_write_text(&w, "+45 12 34 56 78");
	csv_write_text(&w, "-x");
	csv_write_text(&w, "@x");
	csv_write_text(&w, "'x");
	csv_write_text(&w, "x=1");
	csv_write_number(&w, -5);
	csv_end_row(&w);
	TAP_STR_EQ(bytes_of(&w, 3), "'=SUM(A1);'+45 12 34 56 78;'-x;'@x;''x;x=1;-5\r\n",
		   "a text that starts like a formula gets an apostrophe; numbers do not");
	TAP_STR_EQ(csv_unprotect("'=SUM(A1)"), "=SUM(A1)", "unprotect takes the apostrophe away");
	TAP_STR_EQ(csv_unprotect("''x"), "'x", "one apostrophe only");
	TAP_STR_EQ(csv_unprotect("'Søren"), "'Søren", "an apostrophe before other text stays");
	csv_writer_free(&w);

	csv_writer_init(&w, CSV_CP1252);
	csv_write_text(&w, "Navn");
	csv_end_row(&w);
	csv_write_text(&w, "Ærø Åse ø € – “x”");
	csv_end_row(&w);
	TAP_STR_EQ(bytes_of(&w, 0), "Navn\r\n\xc6r\xf8 \xc5se \xf8 \x80 \x96 \x93x\x94\r\n",
		   "Windows-1252: no mark, æøå, the euro sign and curly quotes in their bytes");
	csv_write_text(&w, "Nguyễn");
	TAP_CHECK(!csv_write_text(&w, "Anna"), "after a failure nothing more is written");
	TAP_CHECK(w.failed && w.failure.kind == CSV_FAIL_NOT_CP1252, "Nguyễn cannot be Windows-1252");
	char msg[600];
	csv_writer_problem(&w, msg, sizeof msg);
	TAP_CHECK(strstr(msg, "Række 3") && strstr(msg, "kolonne A (Navn)") && strstr(msg, "'ễ'")
		  && strstr(msg, "UTF-8"), "the message names row, column, the character and the way out: %s", msg);
	csv_writer_free(&w);

	csv_writer_init(&w, CSV_CP1252);
	csv_write_text(&w, "Fornavn");
	csv_write_text(&w, "Efternavn");
	csv_end_row(&w);
	csv_write_text(&w, "Anna");
	csv_write_text(&w, "Łukasz");
	csv_writer_problem(&w, msg, sizeof msg);
	TAP_CHECK(strstr(msg, "Række 2, kolonne B (Efternavn)") && strstr(msg, "'Ł'"), "Łukasz: %s", msg);
	csv_writer_free(&w);

	char col[8];
	csv_column_name(1, col);
	TAP_STR_EQ(col, "A", "column 1 is A");
	csv_column_name(27, col);
	TAP_STR_EQ(col, "AA", "column 27 is AA");
	csv_column_name(703, col);
	TAP_STR_EQ(col, "AAA", "column 703 is AAA");
}

/* Reads all rows of `text` into one line per row, cells joined by |. */
static enum csv_read read_all(const char *text, size_t len, enum csv_encoding enc, char *out, size_t size,
			      struct csv_reader *r)
{
	out[0] = '\0';
	size_t used = 0;
	enum csv_read st = CSV_FAILED;
	if (!csv_reader_open(r, text, len, enc))
		return CSV_FAILED;
	while ((st = csv_read_row(r)) == CSV_ROW) {
		for (int i = 0; i < csv_cells(r); i++)
			used += (size_t)snprintf(out + used, size - used, "%s%s", i ? "|" : "", csv_cell(r, i));
		used += (size_t)snprintf(out + used, size - used, "/");
	}
	return st;
}

static void test_reader(void)
{
	struct csv_reader r;
	char out[2048];
	const char bom[] = "\xef\xbb\xbfNavn;By\r\nS\xc3\xb8ren;\xc3\x86r\xc3\xb8\r\n";
	TAP_INT_EQ(read_all(bom, sizeof bom - 1, CSV_AUTO, out, sizeof out, &r), CSV_END, "BOM file read");
	TAP_STR_EQ(out, "Navn|By/Søren|Ærø/", "the mark is not part of the first cell");
	TAP_CHECK(r.encoding == CSV_UTF8 && r.had_mark && r.separator == ';', "UTF-8, ; found");
	csv_reader_free(&r);

	const char cp[] = "Navn;By\r\nS\xf8ren;\xc6r\xf8\r\n";
	TAP_INT_EQ(read_all(cp, sizeof cp - 1, CSV_AUTO, out, sizeof out, &r), CSV_END, "cp1252 file read");
	TAP_STR_EQ(out, "Navn|By/Søren|Ærø/", "æøå from Windows-1252");
	TAP_CHECK(r.encoding == CSV_CP1252, "not UTF-8, so Windows-1252");
	csv_reader_free(&r);

	TAP_INT_EQ(read_all(cp, sizeof cp - 1, CSV_UTF8, out, sizeof out, &r), CSV_FAILED, "forced UTF-8 fails");
	char msg[600];
	csv_failure_message(&r.failure, "Navn", msg, sizeof msg);
	TAP_CHECK(r.failure.kind == CSV_FAIL_NOT_UTF8 && r.failure.row == 2 && r.failure.column == 1,
		  "and names row 2, column A: %s", msg);
	csv_reader_free(&r);

	const char comma[] = "Navn,By,Note\n\"Hansen, Anna\",Aarhus,\"sagde \"\"hej\"\"\"\n";
	read_all(comma, sizeof comma - 1, CSV_AUTO, out, sizeof out, &r);
	TAP_STR_EQ(out, "Navn|By|Note/Hansen, Anna|Aarhus|sagde \"hej\"/", "comma separator, quoted comma, quotes");
	csv_reader_free(&r);

	const char tab[] = "Navn\tBy\nAnna\tAarhus\n";
	read_all(tab, sizeof tab - 1, CSV_AUTO, out, sizeof out, &r);
	TAP_STR_EQ(out, "Navn|By/Anna|Aarhus/", "tab separator");
	csv_reader_free(&r);

	const char broken[] = "Navn;Note\r\nAnna;\"linje et\r\nlinje to\"\r\n\r\nBo;\"a;b\"\r\nCarl;x";
	read_all(broken, sizeof broken - 1, CSV_AUTO, out, sizeof out, &r);
	TAP_STR_EQ(out, "Navn|Note/Anna|linje et\r\nlinje to//Bo|a;b/Carl|x/",
		   "a line break in a cell, a blank row, a quoted ;, no line end at the end");
	csv_reader_free(&r);
	csv_reader_open(&r, broken, sizeof broken - 1, CSV_AUTO);
	int rows[8], lines[8], n = 0;
	while (n < 8 && csv_read_row(&r) == CSV_ROW) {
		rows[n] = r.row;
		lines[n++] = r.line;
	}
	TAP_CHECK(n == 5 && rows[2] == 3 && lines[2] == 4 && rows[4] == 5 && lines[4] == 6,
		  "rows as a spreadsheet counts them, lines as the file does");
	csv_reader_free(&r);

	const char unclosed[] = "Navn;Note\nAnna;ok\nBo;\"aldrig lukket\nCarl;x\n";
	TAP_INT_EQ(read_all(unclosed, sizeof unclosed - 1, CSV_AUTO, out, sizeof out, &r), CSV_FAILED,
		   "an unclosed quote fails");
	csv_failure_message(&r.failure, "Note", msg, sizeof msg);
	TAP_CHECK(r.failure.kind == CSV_FAIL_UNCLOSED_QUOTE && r.failure.row == 3 && r.failure.line == 3
		  && r.failure.column == 2, "naming where it opened: %s", msg);
	csv_reader_free(&r);

	const char after[] = "Navn;Note\n\"Kaffe\" og kage;x\n5\" sk\xc3\xa6rm;y\n";
	read_all(after, sizeof after - 1, CSV_AUTO, out, sizeof out, &r);
	TAP_STR_EQ(out, "Navn|Note/Kaffe og kage|x/5\" skærm|y/",
		   "text after a closing quote, a quote inside a cell: nothing swallowed");
	csv_reader_free(&r);

	const char sep[] = "sep=,\r\nNavn,By\r\nA;B,C\r\n";
	read_all(sep, sizeof sep - 1, CSV_AUTO, out, sizeof out, &r);
	TAP_STR_EQ(out, "Navn|By/A;B|C/", "Excel's sep= line chooses the separator and is no row");
	csv_reader_free(&r);

	const char u16[] = "\xff\xfeN\0a\0v\0n\0\t\0B\0y\0\r\0\n\0\xd8\0\t\0\xc5\0r\0h\0u\0s\0\r\0\n\0";
	TAP_INT_EQ(read_all(u16, sizeof u16 - 1, CSV_AUTO, out, sizeof out, &r), CSV_END, "UTF-16 read");
	TAP_STR_EQ(out, "Navn|By/Ø|Århus/", "Excel's Unicode text (UTF-16, tab)");
	csv_reader_free(&r);

	const char nul[] = "Navn\nA\0B\n";
	TAP_INT_EQ(read_all(nul, sizeof nul - 1, CSV_AUTO, out, sizeof out, &r), CSV_FAILED, "a NUL byte fails");
	TAP_CHECK(r.failure.kind == CSV_FAIL_NUL && r.failure.row == 2, "in row 2");
	csv_reader_free(&r);

	const char bad1252[] = "Navn\n\x81x\xf8\n";
	TAP_INT_EQ(read_all(bad1252, sizeof bad1252 - 1, CSV_AUTO, out, sizeof out, &r), CSV_FAILED,
		   "0x81 is no character in Windows-1252");
	csv_failure_message(&r.failure, NULL, msg, sizeof msg);
	TAP_CHECK(strstr(msg, "0x81") && strstr(msg, "Række 2"), "%s", msg);
	csv_reader_free(&r);

	TAP_CHECK(!csv_reader_open(&r, bom, sizeof bom - 1, CSV_CP1252), "a UTF-8 mark with cp1252 asked for");
	TAP_INT_EQ(r.failure.kind, CSV_FAIL_MARK_MISMATCH, "is a mismatch");
	csv_reader_free(&r);

	/* Excel's "CSV UTF-8" with a letter pasted in another encoding:
	 * choosing Windows-1252 would meet the mark, so it is not advised. */
	const char marked_broken[] = "\xef\xbb\xbfNavn\nS\xf8ren\n";
	TAP_INT_EQ(read_all(marked_broken, sizeof marked_broken - 1, CSV_AUTO, out, sizeof out, &r), CSV_FAILED,
		   "a broken byte in a file marked UTF-8 fails");
	TAP_INT_EQ(r.failure.kind, CSV_FAIL_MARKED_NOT_UTF8, "as a marked file");
	csv_failure_message(&r.failure, NULL, msg, sizeof msg);
	TAP_CHECK(strstr(msg, "0xF8") && strstr(msg, "CSV UTF-8") && !strstr(msg, "1252"), "%s", msg);
	csv_reader_free(&r);

	char *wide = malloc(CSV_MAX_COLUMNS * 2 + 8);
	memset(wide, ';', CSV_MAX_COLUMNS + 1);
	wide[CSV_MAX_COLUMNS + 1] = '\n';
	TAP_INT_EQ(read_all(wide, CSV_MAX_COLUMNS + 2, CSV_AUTO, out, sizeof out, &r), CSV_FAILED,
		   "too many columns fail");
	TAP_INT_EQ(r.failure.kind, CSV_FAIL_TOO_MANY_COLUMNS, "and say so");
	csv_reader_free(&r);
	free(wide);

	TAP_INT_EQ(read_all("", 0, CSV_AUTO, out, sizeof out, &r), CSV_END, "an empty file has no rows");
	csv_reader_free(&r);
	TAP_STR_EQ(csv_cell(&r, 5), "", "a cell past the end is empty");
}

/* Whatever the writer writes, the reader reads back as it was. */
static void test_round_trip(void)
{
	static const char *const pieces[] = { "a", "æ", "Ø", ";", ",", "\"", "\r\n", "\n", " ", "=", "+", "-",
					      "@", "'", "\t", "x y", "€", "" };
	unsigned seed = 12345;
	int ok = 0, total = 200;
	for (int t = 0; t < total; t++) {
		enum csv_encoding enc = t % 2 ? CSV_CP1252 : CSV_UTF8;
		struct csv_writer w;
		csv_writer_init(&w, enc);
		char cells[4][6][64];
		int nrows = 1 + t % 4, ncols = 1 + t % 6;
		for (int i = 0; i < nrows; i++) {
			for (int j = 0; j < ncols; j++) {
				cells[i][j][0] = '\0';
				int len = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
				for (int k = 0; k < len; k++) {
					seed = seed * 1103515245u + 12345u;
					strncat(cells[i][j], pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])],
						sizeof cells[i][j] - strlen(cells[i][j]) - 1);
				}
				csv_write_text(&w, cells[i][j]);
			}
			csv_end_row(&w);
		}
		struct csv_reader r;
		bool same = !w.failed && csv_reader_open(&r, w.data, w.len, enc);
		for (int i = 0; same && i < nrows; i++) {
			same = csv_read_row(&r) == CSV_ROW && csv_cells(&r) == ncols;
			for (int j = 0; same && j < ncols; j++)
				same = strcmp(csv_unprotect(csv_cell(&r, j)), cells[i][j]) == 0;
		}
		same = same && csv_read_row(&r) == CSV_END;
		ok += same;
		csv_reader_free(&r);
		csv_writer_free(&w);
	}
	TAP_INT_EQ(ok, total, "written and read back unchanged, in both encodings");
}

int main(void)
{
	i18n_init();
	test_writer();
	test_reader();
	test_round_trip();
	return tap_done();
}
