/* report_render.c — the text and CSV formats, and the choice of format
 * (report_render.h); HTML is in report_html.c. */
#include "report_render.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "number.h"
#include "report_html.h"
#include "report_table.h"
#include "utf8.h"

/* An 80-column terminal less the screen's margins (78) and the report
 * screen's scroll mark with a space before it: "588,0v" ran together. */
enum { TEXT_WIDTH = 76 };

bool report_format_parse(const char *name, enum report_format *out)
{
	static const char *const names[] = { "text", "csv", "html" };
	for (int i = 0; i < 3; i++)
		if (name && strcmp(name, names[i]) == 0) {
			*out = (enum report_format)i;
			return true;
		}
	return false;
}

enum report_use report_written_as(enum report_format f)
{
	return f == REPORT_CSV ? REPORT_EXPORT_CSV : f == REPORT_HTML ? REPORT_EXPORT_HTML : REPORT_EXPORT_TEXT;
}

FILE *report_file_create(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	/* A file written over keeps its mode unless told: 0600 again. Only a
	 * file's: /dev/null or a terminal is not ours to change. */
	struct stat sb;
	if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && fchmod(fd, 0600) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f && fd >= 0) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return f;
}

bool report_format_of_file(const char *path, enum report_format *out)
{
	static const struct {
		const char *ext;
		enum report_format f;
	} known[] = { { ".txt", REPORT_TEXT }, { ".csv", REPORT_CSV }, { ".html", REPORT_HTML }, { ".htm", REPORT_HTML } };
	size_t n = path ? strlen(path) : 0;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		size_t e = strlen(known[i].ext);
		if (n > e && strcasecmp(path + n - e, known[i].ext) == 0) {
			*out = known[i].f;
			return true;
		}
	}
	return false;
}

const char *report_format_name(enum report_format f)
{
	return f == REPORT_CSV ? "csv" : f == REPORT_HTML ? "html" : "text";
}

const char *report_decimal(void)
{
	/* TRANSLATORS: the decimal separator in the report: "," in Danish. */
	return _(".");
}

/* What the files say of the numbers they hold back. */
static const char *report_small_note(void)
{
	return _("Counts of citizens below 5 are shown as \"< 5\"; means and shares of fewer than 5 as \"–\"; "
		 "\"x\" is a number held back so that a count below 5 cannot be worked out from a total or a share.");
}

static void dk_date(const char *iso, char *out, size_t size)
{
	struct date d;
	if (date_parse_iso(iso, &d))
		date_format_dk(d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

/* ---------- text ---------- */

/* `text` cut or padded to exactly `cols` columns, left or right aligned. */
static void put_cols(FILE *out, const char *text, int cols, bool right)
{
	size_t fit = utf8_fit(text, cols);
	int w = utf8_columns(text, fit);
	if (right)
		fprintf(out, "%*s", cols - w, "");
	fwrite(text, 1, fit, out);
	if (!right)
		fprintf(out, "%*s", cols - w, "");
}

/* Words filled into lines of at most TEXT_WIDTH columns. */
static void put_wrapped(FILE *out, const char *text)
{
	int col = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, " ");
		int w = utf8_columns(p, len);
		if (col > 0 && col + 1 + w > TEXT_WIDTH) {
			fputc('\n', out);
			col = 0;
		} else if (col > 0) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, len, out);
		col += w;
		p += len;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

static void text_rule(FILE *out, const char *title)
{
	int w = utf8_columns(title, strlen(title));
	fprintf(out, "%s\n", title);
	for (int i = 0; i < w && i < TEXT_WIDTH; i++)
		fputc('=', out);
	fputc('\n', out);
}

static void text_table(FILE *out, const struct report_table *t, bool exact)
{
	int colw = t->ncols <= 2 ? 11 : 8;
	int labelw = TEXT_WIDTH - t->ncols * colw;
	char cellbuf[64], thousands[NUMBER_LEN];
	number_thousands(thousands);
	text_rule(out, t->title);
	put_cols(out, t->label_title, labelw, false);
	for (int c = 0; c < t->ncols; c++) {
		fputc(' ', out);
		put_cols(out, t->cols[c].brief, colw - 1, true);
	}
	fputc('\n', out);
	const char *group = NULL;
	for (int i = 0; i < t->nrows; i++) {
		const struct report_row *r = &t->rows[i];
		if (r->group && r->group != group) {
			group = r->group;
			fprintf(out, "\n");
			put_cols(out, group, TEXT_WIDTH, false);
			fputc('\n', out);
		}
		char label[REPORT_LABEL + 4];
		snprintf(label, sizeof label, "%s%s", r->part ? "  " : "", r->label);
		/* A label longer than its column gets a line of its own. */
		if (utf8_columns(label, strlen(label)) > labelw - 1) {
			put_cols(out, label, TEXT_WIDTH, false);
			fputc('\n', out);
			label[0] = '\0';
		}
		put_cols(out, label, labelw, false);
		for (int c = 0; c < t->ncols; c++) {
			report_cell_format(&r->cells[c], exact, true, report_decimal(), thousands, cellbuf,
					   sizeof cellbuf);
			fputc(' ', out);
			put_cols(out, cellbuf, colw - 1, true);
		}
		fputc('\n', out);
	}
	if (t->note) {
		fputc('\n', out);
		put_wrapped(out, t->note);
	}
	fputc('\n', out);
}

static void text_heading(FILE *out, const struct report *r, bool exact)
{
	char from[16], to[16], made[16], line[512];
	dk_date(r->period.from, from, sizeof from);
	dk_date(r->period.to, to, sizeof to);
	dk_date(r->made_on, made, sizeof made);
	snprintf(line, sizeof line, _("Report: %s"), r->centre_name[0] ? r->centre_name : _("Volunteer centre"));
	put_wrapped(out, line);
	snprintf(line, sizeof line, _("Period %s to %s, made %s."), from, to, made);
	put_wrapped(out, line);
	if (!exact)
		put_wrapped(out, report_small_note());
	fputc('\n', out);
}

static bool write_text(const struct report *r, const struct report_tables *ts, bool exact, FILE *out)
{
	text_heading(out, r, exact);
	for (int i = 0; i < ts->n; i++)
		text_table(out, &ts->t[i], exact);
	return !ferror(out);
}

/* ---------- CSV ---------- */

/* Numbers go out as numbers (Excel can sum them), the "< 5" and the
 * like as text; no thousands points, which Excel would read as text or
 * as a decimal mark. */
static void write_cell(struct csv_writer *w, const struct report_cell *c)
{
	if (c->kind == CELL_NONE) {
		csv_write_text(w, NULL);
		return;
	}
	bool none = (c->kind == CELL_PERCENT || c->kind == CELL_MEAN || c->kind == CELL_DAYS) && c->base <= 0;
	if (none || report_cell_held_back(c)) {
		char buf[32];
		report_cell_format(c, false, false, ",", "", buf, sizeof buf);
		csv_write_text(w, buf);
		return;
	}
	if (c->kind == CELL_HOURS || c->kind == CELL_MEAN)
		csv_write_decimal(w, (double)report_cell_number(c) / 10.0, 1);
	else
		csv_write_number(w, report_cell_number(c));
}

static void csv_table(struct csv_writer *w, const struct report_table *t)
{
	csv_write_text(w, t->title);
	csv_end_row(w);
	if (t->group_title)
		csv_write_text(w, t->group_title);
	csv_write_text(w, t->label_title);
	for (int c = 0; c < t->ncols; c++) {
		char title[256];
		snprintf(title, sizeof title, "%s%s", t->cols[c].title,
			 c < REPORT_COLS && t->nrows && t->rows[0].cells[c].kind == CELL_PERCENT ? " (%)" : "");
		csv_write_text(w, title);
	}
	csv_end_row(w);
	for (int i = 0; i < t->nrows; i++) {
		const struct report_row *r = &t->rows[i];
		if (t->group_title)
			csv_write_text(w, r->group);
		char label[REPORT_LABEL + 4];
		/* Indented as in the text: a leading "-" would be taken for a formula
		 * and written with the apostrophe that protects against one. */
		snprintf(label, sizeof label, "%s%s", r->part ? "  " : "", r->label);
		csv_write_text(w, label);
		for (int c = 0; c < t->ncols; c++)
			write_cell(w, &r->cells[c]);
		csv_end_row(w);
	}
	csv_end_row(w);
}

static bool write_csv(const struct report *r, const struct report_tables *ts, FILE *out)
{
	struct csv_writer w;
	csv_writer_init(&w, CSV_UTF8);
	char from[16], to[16], made[16];
	dk_date(r->period.from, from, sizeof from);
	dk_date(r->period.to, to, sizeof to);
	dk_date(r->made_on, made, sizeof made);
	csv_write_text(&w, _("Report"));
	csv_write_text(&w, r->centre_name);
	csv_end_row(&w);
	csv_write_text(&w, _("Period"));
	csv_write_text(&w, from);
	csv_write_text(&w, to);
	csv_end_row(&w);
	csv_write_text(&w, _("Made"));
	csv_write_text(&w, made);
	csv_end_row(&w);
	csv_write_text(&w, report_small_note());
	csv_end_row(&w);
	csv_end_row(&w);
	for (int i = 0; i < ts->n; i++)
		csv_table(&w, &ts->t[i]);
	bool ok = !w.failed && fwrite(w.data, 1, w.len, out) == w.len && !ferror(out);
	csv_writer_free(&w);
	return ok;
}

bool report_write(const struct report *r, enum report_format f, bool exact, FILE *out)
{
	struct report_tables ts;
	if (!report_tables_build(r, &ts))
		return false;
	bool ok;
	switch (f) {
	case REPORT_CSV:
		ok = write_csv(r, &ts, out);
		break;
	case REPORT_HTML:
		ok = report_html_write(r, &ts, out);
		break;
	case REPORT_TEXT:
	default:
		ok = write_text(r, &ts, exact, out);
		break;
	}
	report_tables_free(&ts);
	return ok && fflush(out) == 0;
}
