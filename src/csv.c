/* csv.c — the CSV writer and reader (csv.h).
 *
 * Our own reader rather than Debian's libcsv: libcsv reports no position
 * (a problem could not name its row), drops blank lines (so row numbers
 * would drift from what the spreadsheet shows), and in its lenient mode a
 * cell such as "Kaffe" og kage swallows the rest of the file into one
 * field without a word; its writer quotes every cell. README.md, "CSV
 * export and import", says more.
 */
#include "csv.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "i18n.h"
#include "utf8.h"

void csv_column_name(int column, char out[8])
{
	char rev[8];
	int n = 0;
	if (column < 1)
		column = 1;
	while (column > 0 && n < 7) {
		column--;
		rev[n++] = (char)('A' + column % 26);
		column /= 26;
	}
	for (int i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
}

static void failure_text(const struct csv_failure *f, char *out, size_t size)
{
	switch (f->kind) {
	case CSV_FAIL_NONE:
		snprintf(out, size, "%s", _("Done."));
		break;
	case CSV_FAIL_MEMORY:
		snprintf(out, size, "%s", _("there is not enough memory for the file."));
		break;
	case CSV_FAIL_NOT_CP1252:
		snprintf(out, size, _("the character '%s' cannot be written in Windows-1252. Choose UTF-8 instead: "
				      "Excel opens it with æøå intact."), f->what);
		break;
	case CSV_FAIL_NOT_UTF8:
		snprintf(out, size, _("the byte %s is not UTF-8. The file may be in Windows-1252: choose that "
				      "encoding, or let Brobygger find it (automatic)."), f->what);
		break;
	case CSV_FAIL_MARKED_NOT_UTF8:
		snprintf(out, size, _("the byte %s is not UTF-8, though the file begins with the mark of Unicode text: "
				      "part of it was saved in another encoding. Open it in the spreadsheet, correct the "
				      "character and save it again as CSV UTF-8."), f->what);
		break;
	case CSV_FAIL_BAD_CP1252:
		snprintf(out, size, _("the byte %s is not a character in Windows-1252. Check that the file is a "
				      "text file saved as CSV."), f->what);
		break;
	case CSV_FAIL_NUL:
		snprintf(out, size, "%s", _("a NUL byte: this is not a text file. Save it from the spreadsheet as CSV."));
		break;
	case CSV_FAIL_UNCLOSED_QUOTE:
		snprintf(out, size, _("the quote (\") that begins this cell on line %d of the file is never closed, "
				      "so the rest of the file would be one cell. Close the quote, or remove it."),
			 f->line);
		break;
	case CSV_FAIL_TOO_MANY_COLUMNS:
		snprintf(out, size, _("the row has more than %d columns."), CSV_MAX_COLUMNS);
		break;
	case CSV_FAIL_BAD_UTF16:
		snprintf(out, size, "%s", _("the file is marked as UTF-16 (Unicode text) but cannot be read as it."));
		break;
	case CSV_FAIL_MARK_MISMATCH:
		snprintf(out, size, "%s", _("the file begins with a mark that says which encoding it is in, and it is "
					    "not the one chosen. Let Brobygger find the encoding (automatic)."));
		break;
	}
}

void csv_failure_message(const struct csv_failure *f, const char *title, char *out, size_t size)
{
	char text[512], col[8];
	failure_text(f, text, sizeof text);
	if (f->row > 0 && f->column > 0) {
		csv_column_name(f->column, col);
		if (title && *title)
			snprintf(out, size, _("Row %d, column %s (%s): %s"), f->row, col, title, text);
		else
			snprintf(out, size, _("Row %d, column %s: %s"), f->row, col, text);
	} else if (f->row > 0) {
		snprintf(out, size, _("Row %d: %s"), f->row, text);
	} else {
		/* The whole file: the sentence starts with a capital. */
		uint32_t cp;
		size_t n = utf8_decode(text, strlen(text), &cp);
		if (n == 1 && cp >= 'a' && cp <= 'z')
			text[0] = (char)(text[0] - 'a' + 'A');
		snprintf(out, size, "%s", text);
	}
}

/* ---------- writing ---------- */

static const unsigned char utf8_mark[3] = { 0xef, 0xbb, 0xbf };

static bool grow(char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return true;
	size_t n = *cap ? *cap : 4096;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return false;
		n *= 2;
	}
	char *p = realloc(*buf, n);
	if (!p)
		return false;
	*buf = p;
	*cap = n;
	return true;
}

static void fail(struct csv_writer *w, enum csv_failure_kind kind, const char *what)
{
	w->failed = true;
	w->failure = (struct csv_failure){ .kind = kind, .row = w->row, .column = w->column + 1 };
	if (what)
		snprintf(w->failure.what, sizeof w->failure.what, "%s", what);
}

static bool put(struct csv_writer *w, const char *s, size_t n)
{
	if (!grow(&w->data, &w->cap, w->len + n + 1)) {
		fail(w, CSV_FAIL_MEMORY, NULL);
		return false;
	}
	memcpy(w->data + w->len, s, n);
	w->len += n;
	w->data[w->len] = '\0';
	return true;
}

void csv_writer_init(struct csv_writer *w, enum csv_encoding encoding)
{
	memset(w, 0, sizeof *w);
	w->encoding = encoding == CSV_CP1252 ? CSV_CP1252 : CSV_UTF8;
	w->separator = ';';
	w->row = 1;
	w->to_cp1252 = (void *)(iconv_t)-1;
	if (w->encoding == CSV_UTF8)
		put(w, (const char *)utf8_mark, sizeof utf8_mark);
}

void csv_writer_free(struct csv_writer *w)
{
	free(w->data);
	for (int i = 0; i < w->nheader; i++)
		free(w->header[i]);
	free(w->header);
	if ((iconv_t)w->to_cp1252 != (iconv_t)-1)
		iconv_close((iconv_t)w->to_cp1252);
	memset(w, 0, sizeof *w);
}

static bool ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* The first character of s (valid or not) as text, for a message. */
static void first_char(const char *s, size_t n, char out[16])
{
	uint32_t cp;
	size_t len = utf8_decode(s, n, &cp);
	if (len)
		snprintf(out, 16, "%.*s", (int)len, s);
	else
		snprintf(out, 16, "0x%02X", n ? (unsigned char)s[0] : 0);
}

/* Appends the UTF-8 text s in the writer's encoding. */
static bool put_encoded(struct csv_writer *w, const char *s, size_t n)
{
	if (w->encoding == CSV_UTF8 || ascii(s, n))
		return put(w, s, n);
	if ((iconv_t)w->to_cp1252 == (iconv_t)-1) {
		w->to_cp1252 = (void *)iconv_open("WINDOWS-1252", "UTF-8");
		if ((iconv_t)w->to_cp1252 == (iconv_t)-1) {
			fail(w, CSV_FAIL_MEMORY, NULL);
			return false;
		}
	}
	iconv_t cd = (iconv_t)w->to_cp1252;
	iconv(cd, NULL, NULL, NULL, NULL);
	/* Windows-1252 never takes more bytes than UTF-8. */
	if (!grow(&w->data, &w->cap, w->len + n + 1)) {
		fail(w, CSV_FAIL_MEMORY, NULL);
		return false;
	}
	char *in = (char *)s, *out = w->data + w->len;
	size_t inleft = n, outleft = w->cap - w->len - 1;
	if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
		char what[16];
		first_char(in, inleft, what);
		fail(w, CSV_FAIL_NOT_CP1252, what);
		return false;
	}
	w->len = (size_t)(out - w->data);
	w->data[w->len] = '\0';
	return true;
}

static bool needs_protection(const char *s)
{
	return s[0] && strchr("=+-@\t\r'", s[0]) != NULL;
}

static bool remember_header(struct csv_writer *w, const char *text)
{
	char **h = realloc(w->header, (size_t)(w->nheader + 1) * sizeof *h);
	if (!h || !(h[w->nheader] = strdup(text))) {
		if (h)
			w->header = h;
		fail(w, CSV_FAIL_MEMORY, NULL);
		return false;
	}
	w->header = h;
	w->nheader++;
	return true;
}

/* One cell: separator, quotes when needed, the text in the encoding.
 * `text_cell`: a text (protected against formulas, quoted also for , and
 * tab), not a number or a date. */
static bool put_cell(struct csv_writer *w, const char *text, bool text_cell)
{
	if (w->failed)
		return false;
	if (w->column >= CSV_MAX_COLUMNS) {
		fail(w, CSV_FAIL_TOO_MANY_COLUMNS, NULL);
		return false;
	}
	size_t n = strlen(text);
	if (!utf8_valid(text, n)) {
		char what[16];
		size_t ok = 0;
		uint32_t cp;
		for (size_t k; ok < n && (k = utf8_decode(text + ok, n - ok, &cp)) && cp; ok += k)
			;
		snprintf(what, sizeof what, "0x%02X", (unsigned char)text[ok]);
		fail(w, CSV_FAIL_NOT_UTF8, what);
		return false;
	}
	if (w->column > 0 && !put(w, &w->separator, 1))
		return false;
	/* Excel quotes only its own separator; quoting , and tab as well
	 * keeps a one-column file from looking like another separator. */
	bool quote = strchr(text, w->separator) || (text_cell && strpbrk(text, ";,\t\"\r\n"));
	if (quote && !put(w, "\"", 1))
		return false;
	if (text_cell && needs_protection(text) && !put(w, "'", 1))
		return false;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\"");
		if (!put_encoded(w, p, len))
			return false;
		p += len;
		if (*p == '"') {
			if (!put(w, "\"\"", 2))
				return false;
			p++;
		}
	}
	if (quote && !put(w, "\"", 1))
		return false;
	if (w->row == 1 && !remember_header(w, text))
		return false;
	w->column++;
	return true;
}

bool csv_write_text(struct csv_writer *w, const char *text)
{
	return put_cell(w, text ? text : "", true);
}

bool csv_write_number(struct csv_writer *w, long long n)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", n);
	return put_cell(w, buf, false);
}

bool csv_write_decimal(struct csv_writer *w, double v, int decimals)
{
	char buf[64] = "";
	if (v == v && v < 1e15 && v > -1e15) {
		snprintf(buf, sizeof buf, "%.*f", decimals < 0 ? 0 : decimals > 9 ? 9 : decimals, v);
		char *dot = strchr(buf, '.');
		if (dot)
			*dot = ',';
	}
	return put_cell(w, buf, false);
}

bool csv_write_date(struct csv_writer *w, const char *iso)
{
	struct date d;
	char buf[16];
	if (!iso || !*iso)
		return put_cell(w, "", false);
	if (!date_parse_iso(iso, &d))
		return csv_write_text(w, iso);
	date_format_dk(d, buf, sizeof buf);
	return put_cell(w, buf, false);
}

bool csv_end_row(struct csv_writer *w)
{
	if (w->failed || !put(w, "\r\n", 2))
		return false;
	w->row++;
	w->column = 0;
	return true;
}

int csv_writer_rows(const struct csv_writer *w)
{
	return w->row > 1 ? w->row - 2 : 0;
}

void csv_writer_problem(const struct csv_writer *w, char *out, size_t size)
{
	int col = w->failure.column;
	const char *title = w->failure.row > 1 && col >= 1 && col <= w->nheader ? w->header[col - 1] : NULL;
	csv_failure_message(&w->failure, title, out, size);
}

bool csv_save(const char *path, const char *data, size_t len, char *err, size_t errsize)
{
	char tmp[4200];
	if (snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", path) >= (int)sizeof tmp) {
		snprintf(err, errsize, "%s", _("The file name is too long."));
		return false;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errsize, _("%s cannot be written: %s"), path, strerror(errno));
		return false;
	}
	/* mkstemp makes it 0600 already; said again, since it is the point. */
	fchmod(fd, S_IRUSR | S_IWUSR);
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	int saved = errno;
	bool ok = done == len && fsync(fd) == 0;
	if (!ok && done == len)
		saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		unlink(tmp);
		snprintf(err, errsize, _("%s cannot be written: %s"), path, strerror(saved));
	}
	return ok;
}

/* ---------- reading ---------- */

char *csv_load(const char *path, size_t *len, char *err, size_t errsize)
{
	*len = 0;
	FILE *f = fopen(path, "rb");
	struct stat sb;
	if (!f || fstat(fileno(f), &sb) != 0) {
		snprintf(err, errsize, _("%s cannot be read: %s"), path, strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode) || sb.st_size > CSV_MAX_FILE) {
		snprintf(err, errsize, _("%s is not a file of at most %d MiB."), path, CSV_MAX_FILE >> 20);
		fclose(f);
		return NULL;
	}
	char *data = malloc((size_t)sb.st_size + 1);
	size_t n = data ? fread(data, 1, (size_t)sb.st_size, f) : 0;
	int saved = errno;
	bool bad = !data || ferror(f);
	fclose(f);
	if (bad) {
		snprintf(err, errsize, _("%s cannot be read: %s"), path, data ? strerror(saved) : strerror(ENOMEM));
		free(data);
		return NULL;
	}
	data[n] = '\0';
	*len = n;
	return data;
}

static bool all_utf8(const char *s, size_t n)
{
	uint32_t cp;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c && c < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!k || cp == 0)
			return false;
		i += k;
	}
	return true;
}

static void read_fail(struct csv_reader *r, enum csv_failure_kind kind, int column, const char *what)
{
	r->failure = (struct csv_failure){ .kind = kind, .row = r->row, .line = r->line, .column = column };
	if (what)
		snprintf(r->failure.what, sizeof r->failure.what, "%s", what);
}

/* UTF-16 with a byte-order mark, as Excel saves "Unicode text". */
static bool from_utf16(struct csv_reader *r, const char *bytes, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", "UTF-16");
	if (cd == (iconv_t)-1) {
		read_fail(r, CSV_FAIL_MEMORY, 0, NULL);
		return false;
	}
	size_t cap = len * 2 + 16;
	r->owned = malloc(cap);
	if (!r->owned) {
		iconv_close(cd);
		read_fail(r, CSV_FAIL_MEMORY, 0, NULL);
		return false;
	}
	char *in = (char *)bytes, *out = r->owned;
	size_t inleft = len, outleft = cap;
	size_t rc = iconv(cd, &in, &inleft, &out, &outleft);
	iconv_close(cd);
	if (rc == (size_t)-1) {
		read_fail(r, CSV_FAIL_BAD_UTF16, 0, NULL);
		return false;
	}
	r->data = r->owned;
	r->len = (size_t)(out - r->owned);
	return true;
}

/* The separator: a first line "sep=X", else the one of ; , tab that the
 * first row holds most of outside quotes (; first when they tie). */
static void find_separator(struct csv_reader *r)
{
	const char *d = r->data;
	size_t n = r->len;
	if (n >= 5 && strncmp(d, "sep=", 4) == 0 && (n == 5 || d[5] == '\r' || d[5] == '\n')
	    && (d[4] == ';' || d[4] == ',' || d[4] == '\t' || d[4] == '|')) {
		r->separator = d[4];
		size_t p = 5;
		if (p < n && d[p] == '\r')
			p++;
		if (p < n && d[p] == '\n')
			p++;
		r->pos = p;
		r->next_line = 2;
		return;
	}
	int semi = 0, comma = 0, tab = 0;
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		char c = d[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\r' || c == '\n'))
			break;
		else if (!quoted && c == ';')
			semi++;
		else if (!quoted && c == ',')
			comma++;
		else if (!quoted && c == '\t')
			tab++;
	}
	r->separator = semi >= comma && semi >= tab && semi > 0 ? ';' : tab >= comma && tab > 0 ? '\t'
		     : comma > 0 ? ',' : ';';
}

bool csv_reader_open(struct csv_reader *r, const char *bytes, size_t len, enum csv_encoding want)
{
	memset(r, 0, sizeof *r);
	r->from_cp1252 = (void *)(iconv_t)-1;
	r->next_line = 1;
	const unsigned char *b = (const unsigned char *)bytes;
	if (len >= 3 && memcmp(b, utf8_mark, 3) == 0) {
		r->had_mark = true;
		if (want == CSV_CP1252) {
			read_fail(r, CSV_FAIL_MARK_MISMATCH, 0, NULL);
			return false;
		}
		r->encoding = CSV_UTF8;
		r->data = bytes + 3;
		r->len = len - 3;
		r->check_utf8 = !all_utf8(r->data, r->len);
	} else if (len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff))) {
		r->had_mark = true;
		if (want == CSV_UTF8 || want == CSV_CP1252) {
			read_fail(r, CSV_FAIL_MARK_MISMATCH, 0, NULL);
			return false;
		}
		if (!from_utf16(r, bytes, len))
			return false;
		r->encoding = CSV_UTF16;
		r->check_utf8 = !all_utf8(r->data, r->len);
	} else {
		r->data = bytes;
		r->len = len;
		bool valid = all_utf8(bytes, len);
		r->encoding = want == CSV_UTF8 || (want != CSV_CP1252 && valid) ? CSV_UTF8 : CSV_CP1252;
		r->check_utf8 = r->encoding == CSV_UTF8 && !valid;
	}
	find_separator(r);
	return true;
}

void csv_reader_free(struct csv_reader *r)
{
	free(r->owned);
	free(r->text);
	free(r->starts);
	free(r->conv);
	if ((iconv_t)r->from_cp1252 != (iconv_t)-1)
		iconv_close((iconv_t)r->from_cp1252);
	memset(r, 0, sizeof *r);
	r->from_cp1252 = (void *)(iconv_t)-1;
}

static bool add_byte(struct csv_reader *r, char c)
{
	if (!grow(&r->text, &r->text_cap, r->text_len + 2)) {
		read_fail(r, CSV_FAIL_MEMORY, r->ncells, NULL);
		return false;
	}
	r->text[r->text_len++] = c;
	return true;
}

static bool start_cell(struct csv_reader *r)
{
	if (r->ncells >= CSV_MAX_COLUMNS) {
		read_fail(r, CSV_FAIL_TOO_MANY_COLUMNS, 0, NULL);
		return false;
	}
	if (r->ncells == r->cells_cap) {
		int cap = r->cells_cap ? r->cells_cap * 2 : 32;
		size_t *s = realloc(r->starts, (size_t)cap * sizeof *s);
		if (!s) {
			read_fail(r, CSV_FAIL_MEMORY, 0, NULL);
			return false;
		}
		r->starts = s;
		r->cells_cap = cap;
	}
	r->starts[r->ncells++] = r->text_len;
	return true;
}

static bool end_cell(struct csv_reader *r)
{
	return add_byte(r, '\0');
}

/* A line break at pos (CR, LF or CRLF): its length, else 0. */
static size_t line_break(const struct csv_reader *r, size_t pos)
{
	if (pos >= r->len)
		return 0;
	if (r->data[pos] == '\n')
		return 1;
	if (r->data[pos] == '\r')
		return pos + 1 < r->len && r->data[pos + 1] == '\n' ? 2 : 1;
	return 0;
}

/* One cell from r->pos; leaves pos on the separator, the line break or
 * the end. Quotes open a quoted part only at the cell's start; after it
 * closes, the rest up to the separator is taken as it stands (as Excel
 * does), and a quote inside an unquoted cell is just a quote. */
static bool parse_cell(struct csv_reader *r)
{
	const char *d = r->data;
	int column = r->ncells;
	if (r->pos < r->len && d[r->pos] == '"') {
		int quote_line = r->next_line;
		r->pos++;
		for (;;) {
			if (r->pos >= r->len) {
				read_fail(r, CSV_FAIL_UNCLOSED_QUOTE, column, NULL);
				r->failure.line = quote_line;
				return false;
			}
			char c = d[r->pos];
			if (c == '"') {
				if (r->pos + 1 < r->len && d[r->pos + 1] == '"') {
					if (!add_byte(r, '"'))
						return false;
					r->pos += 2;
					continue;
				}
				r->pos++;
				break;
			}
			size_t br = line_break(r, r->pos);
			if (br) {
				r->next_line++;
				for (size_t k = 0; k < br; k++)
					if (!add_byte(r, d[r->pos + k]))
						return false;
				r->pos += br;
				continue;
			}
			if (c == '\0') {
				read_fail(r, CSV_FAIL_NUL, column, NULL);
				return false;
			}
			if (!add_byte(r, c))
				return false;
			r->pos++;
		}
	}
	while (r->pos < r->len) {
		char c = d[r->pos];
		if (c == r->separator || c == '\r' || c == '\n')
			break;
		if (c == '\0') {
			read_fail(r, CSV_FAIL_NUL, column, NULL);
			return false;
		}
		if (!add_byte(r, c))
			return false;
		r->pos++;
	}
	return true;
}

/* The row's cells from Windows-1252 into UTF-8. */
static bool convert_row(struct csv_reader *r)
{
	if ((iconv_t)r->from_cp1252 == (iconv_t)-1) {
		r->from_cp1252 = (void *)iconv_open("UTF-8", "WINDOWS-1252");
		if ((iconv_t)r->from_cp1252 == (iconv_t)-1) {
			read_fail(r, CSV_FAIL_MEMORY, 0, NULL);
			return false;
		}
	}
	iconv_t cd = (iconv_t)r->from_cp1252;
	/* A Windows-1252 byte is at most three bytes of UTF-8. */
	if (!grow(&r->conv, &r->conv_cap, r->text_len * 3 + 1)) {
		read_fail(r, CSV_FAIL_MEMORY, 0, NULL);
		return false;
	}
	size_t used = 0;
	for (int i = 0; i < r->ncells; i++) {
		const char *cell = r->text + r->starts[i];
		size_t n = strlen(cell);
		r->starts[i] = used;
		if (ascii(cell, n)) {
			memcpy(r->conv + used, cell, n + 1);
			used += n + 1;
			continue;
		}
		iconv(cd, NULL, NULL, NULL, NULL);
		char *in = (char *)cell, *out = r->conv + used;
		size_t inleft = n, outleft = r->conv_cap - used - 1;
		if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
			char what[16];
			snprintf(what, sizeof what, "0x%02X", (unsigned char)*in);
			read_fail(r, CSV_FAIL_BAD_CP1252, i + 1, what);
			return false;
		}
		*out++ = '\0';
		used = (size_t)(out - r->conv);
	}
	char *t = r->text;
	size_t cap = r->text_cap;
	r->text = r->conv;
	r->text_cap = r->conv_cap;
	r->text_len = used;
	r->conv = t;
	r->conv_cap = cap;
	return true;
}

static bool check_row_utf8(struct csv_reader *r)
{
	for (int i = 0; i < r->ncells; i++) {
		const char *cell = r->text + r->starts[i];
		size_t n = strlen(cell);
		uint32_t cp;
		for (size_t k = 0; k < n;) {
			size_t len = utf8_decode(cell + k, n - k, &cp);
			if (!len) {
				char what[16];
				snprintf(what, sizeof what, "0x%02X", (unsigned char)cell[k]);
				/* Another encoding is no way out for a file whose
				 * mark says which it is in (csv_reader_open). */
				read_fail(r, r->had_mark ? CSV_FAIL_MARKED_NOT_UTF8 : CSV_FAIL_NOT_UTF8, i + 1, what);
				return false;
			}
			k += len;
		}
	}
	return true;
}

enum csv_read csv_read_row(struct csv_reader *r)
{
	if (r->failure.kind != CSV_FAIL_NONE)
		return CSV_FAILED;
	if (r->pos >= r->len)
		return CSV_END;
	r->row++;
	r->line = r->next_line;
	r->ncells = 0;
	r->text_len = 0;
	for (;;) {
		if (!start_cell(r) || !parse_cell(r) || !end_cell(r))
			return CSV_FAILED;
		if (r->pos >= r->len)
			break;
		if (r->data[r->pos] == r->separator) {
			r->pos++;
			continue;
		}
		size_t br = line_break(r, r->pos);
		r->pos += br;
		r->next_line++;
		break;
	}
	if (r->encoding == CSV_CP1252 && !convert_row(r))
		return CSV_FAILED;
	if (r->check_utf8 && !check_row_utf8(r))
		return CSV_FAILED;
	return CSV_ROW;
}

int csv_cells(const struct csv_reader *r)
{
	return r->ncells;
}

const char *csv_cell(const struct csv_reader *r, int i)
{
	return i >= 0 && i < r->ncells ? r->text + r->starts[i] : "";
}

const char *csv_unprotect(const char *cell)
{
	return cell[0] == '\'' && cell[1] && strchr("=+-@\t\r'", cell[1]) ? cell + 1 : cell;
}
