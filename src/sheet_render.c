/* sheet_render.c — the printed sheets' layouts (sheets.h): plain text for
 * the printer, 80 columns with a form feed between sheets, and a
 * printable HTML page, one sheet to a sheet of A4. Both follow the order
 * of the lists on the screen, so catching up from the paper afterwards is
 * a straight run down the list. */
#include "sheets.h"

#include <string.h>

#include "date.h"
#include "i18n.h"
#include "nextstep.h"
#include "phone.h"
#include "report_html.h"
#include "report_render.h"
#include "utf8.h"

enum { WALK_IN_LINES = 8, PAPER_WIDTH = 79 };

static void long_date(const char *iso, char *out, size_t size)
{
	struct date d;
	if (date_parse_iso(iso, &d))
		date_format_long(d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

/* `text` cut or padded to exactly `cols` columns. */
static void put_cols(FILE *out, const char *text, int cols)
{
	size_t fit = utf8_fit(text, cols);
	fwrite(text, 1, fit, out);
	fprintf(out, "%*s", cols - utf8_columns(text, fit), "");
}

/* Words filled into lines of at most PAPER_WIDTH columns. */
static void put_wrapped(FILE *out, const char *text)
{
	int col = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, " \n");
		int w = utf8_columns(p, len);
		if (col > 0 && col + 1 + w > PAPER_WIDTH) {
			fputc('\n', out);
			col = 0;
		} else if (col > 0) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, len, out);
		col += w;
		p += len;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	fputc('\n', out);
}

static void put_line(FILE *out, int n, char c)
{
	for (int i = 0; i < n; i++)
		fputc(c, out);
	fputc('\n', out);
}

static void session_when(const struct session_info *s, char *out, size_t size)
{
	char day[80];
	long_date(s->date, day, sizeof day);
	if (s->start_time[0] && s->end_time[0])
		snprintf(out, size, "%s, %s–%s", day, s->start_time, s->end_time);
	else if (s->start_time[0])
		snprintf(out, size, "%s, %s", day, s->start_time);
	else
		snprintf(out, size, "%s", day);
}

/* What is known about a person on the roll, in brackets after the name. */
static void roll_name(const struct roll_sheet_line *l, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s", l->name, l->first_time ? _(" (first time)") : "",
		 l->walk_in ? _(" (walk-in)") : "");
}

static void roll_relative(const struct roll_sheet_line *l, char *out, size_t size)
{
	char dial[PHONE_SHOWN_MAX];
	phone_shown(l->relative_phone, dial, sizeof dial);
	if (l->relative[0] && dial[0])
		snprintf(out, size, "%s, %s", l->relative, dial);
	else
		snprintf(out, size, "%s", l->relative);
}

/* ---------- roll call: text ---------- */

static void roll_text(const struct roll_sheet *s, FILE *out)
{
	char line[1200];
	fprintf(out, "%s\n", _("ROLL CALL"));
	fwrite(s->session.activity, 1, utf8_fit(s->session.activity, PAPER_WIDTH), out);
	fputc('\n', out);
	session_when(&s->session, line, sizeof line);
	fprintf(out, "%s\n", line);
	if (s->session.place[0])
		fprintf(out, _("Place: %s\n"), s->session.place);
	if (s->session.leader[0])
		fprintf(out, _("Led by: %s\n"), s->session.leader);
	fputc('\n', out);
	fprintf(out, "%s\n\n", _("Tick: P present, E excused (sent word), A absent, C came with a companion."));
	/* TRANSLATORS: the four tick columns of the paper roll call, one letter each: P, E, A, C. */
	fprintf(out, "%s  ", _(" P   E   A   C "));
	put_cols(out, _("Name"), 32);
	fprintf(out, "%s\n", _("Relative who takes part"));
	put_line(out, PAPER_WIDTH, '-');
	for (int i = 0; i < s->n; i++) {
		const struct roll_sheet_line *l = &s->lines[i];
		fprintf(out, "[ ] [ ] [ ] [ ]  ");
		roll_name(l, line, sizeof line);
		put_cols(out, line, 32);
		roll_relative(l, line, sizeof line);
		put_cols(out, line, PAPER_WIDTH - 17 - 32);
		fputc('\n', out);
	}
	if (s->n == 0)
		fprintf(out, "%s\n", _("Nobody is on the roll yet."));
	fprintf(out, "\n%s\n\n", _("Came without being on the list (name and phone):"));
	for (int i = 0; i < WALK_IN_LINES; i++) {
		fprintf(out, "[ ] [ ] [ ] [ ]  ");
		put_line(out, PAPER_WIDTH - 17, '_');
		fputc('\n', out);
	}
}

/* ---------- roll call: HTML ---------- */

static const char sheet_style[] =
	".sheet{break-after:page;page-break-after:always}"
	".sheet:last-child{break-after:auto;page-break-after:auto}"
	"td.box,th.box{width:9mm;text-align:center;padding:.6mm}"
	"td.box span{display:inline-block;width:4.5mm;height:4.5mm;border:1px solid #222}"
	"tr.line td{height:8mm}"
	"td.write{border-bottom:1px solid #555}"
	"table.sheet-table td{border-bottom:.5px solid #999}"
	".small{font-size:8.5pt;color:#333}";

static void html_begin(FILE *out, const char *title)
{
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>", _("en"));
	report_html_escape(out, title);
	fprintf(out, "</title>\n<style>%s%s</style>\n</head>\n<body>\n", report_html_style, sheet_style);
}

static void html_end(FILE *out)
{
	fputs("</body>\n</html>\n", out);
}

static void html_text(FILE *out, const char *tag, const char *cls, const char *text)
{
	fprintf(out, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	report_html_escape(out, text);
	fprintf(out, "</%s>\n", tag);
}

static void box_cells(FILE *out, int n)
{
	for (int i = 0; i < n; i++)
		fputs("<td class=\"box\"><span></span></td>", out);
}

static void roll_html(const struct roll_sheet *s, FILE *out)
{
	char line[1200];
	fputs("<section class=\"sheet\">\n", out);
	html_text(out, "h1", NULL, s->session.activity);
	session_when(&s->session, line, sizeof line);
	html_text(out, "p", "meta", line);
	if (s->session.place[0]) {
		snprintf(line, sizeof line, _("Place: %s\n"), s->session.place);
		html_text(out, "p", "meta", line);
	}
	if (s->session.leader[0]) {
		snprintf(line, sizeof line, _("Led by: %s\n"), s->session.leader);
		html_text(out, "p", "meta", line);
	}
	html_text(out, "p", "small", _("Tick: P present, E excused (sent word), A absent, C came with a companion."));
	fputs("<table class=\"sheet-table\"><thead><tr>", out);
	/* TRANSLATORS: the roll-call sheet's tick columns: present, excused, absent, came with a companion. */
	const char *boxes[4] = { _("Present"), _("Excused"), _("Absent"), _("With companion") };
	for (int i = 0; i < 4; i++)
		html_text(out, "th", "box", boxes[i]);
	html_text(out, "th", NULL, _("Name"));
	html_text(out, "th", NULL, _("Relative who takes part"));
	fputs("</tr></thead><tbody>\n", out);
	for (int i = 0; i < s->n; i++) {
		const struct roll_sheet_line *l = &s->lines[i];
		fputs("<tr class=\"line\">", out);
		box_cells(out, 4);
		roll_name(l, line, sizeof line);
		fputs("<td>", out);
		report_html_escape(out, line);
		fputs("</td><td>", out);
		roll_relative(l, line, sizeof line);
		report_html_escape(out, line);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (s->n == 0)
		html_text(out, "p", "small", _("Nobody is on the roll yet."));
	html_text(out, "h2", NULL, _("Came without being on the list (name and phone):"));
	fputs("<table class=\"sheet-table\"><tbody>\n", out);
	for (int i = 0; i < WALK_IN_LINES; i++) {
		fputs("<tr class=\"line\">", out);
		box_cells(out, 4);
		fputs("<td class=\"write\"></td><td class=\"write\"></td></tr>\n", out);
	}
	fputs("</tbody></table>\n</section>\n", out);
}

bool sheets_roll_write(const struct roll_sheets *s, bool html, FILE *out)
{
	char title[200], day[80];
	long_date(s->date, day, sizeof day);
	snprintf(title, sizeof title, _("Roll call %s"), day);
	if (html)
		html_begin(out, title);
	for (int i = 0; i < s->n; i++) {
		if (html) {
			roll_html(&s->sheets[i], out);
		} else {
			if (i)
				fputc('\f', out);
			roll_text(&s->sheets[i], out);
		}
	}
	if (html)
		html_end(out);
	return !ferror(out);
}

/* ---------- calls ---------- */

static void call_due(const struct call_sheet_line *l, char *out, size_t size)
{
	struct date d;
	char day[32] = "";
	if (date_parse_iso(l->due_on, &d))
		date_format_dk(d, day, sizeof day);
	snprintf(out, size, "%s%s%s", day, l->due_time[0] ? " " : "", l->due_time);
}

static void call_why(const struct call_sheet_line *l, char *out, size_t size)
{
	if (l->raised) {
		char when[32];
		call_due(l, when, sizeof when);
		/* TRANSLATORS: %d calls in a row, raised on the date "26-11-2026". */
		snprintf(out, size, P_("raised to the coordinator: not reached %d time (%s)",
				       "raised to the coordinator: not reached %d times in a row (%s)", l->attempts),
			 l->attempts, when);
	} else {
		snprintf(out, size, "%s", next_step_call_reason(l->reason));
	}
}

static void calls_text(const struct call_sheet *s, FILE *out)
{
	char line[800], day[80];
	long_date(s->date, day, sizeof day);
	fprintf(out, "%s\n%s\n", _("FOLLOW-UP CALLS"), day);
	snprintf(line, sizeof line,
		 P_("%d call or citizen to reach: raised to the coordinator first, then due today and overdue.\n",
		    "%d calls or citizens to reach: raised to the coordinator first, then due today and overdue.\n",
		    s->n),
		 s->n);
	put_wrapped(out, line);
	if (s->cut)
		fprintf(out, _("Only the first %d calls are on the sheet.\n"), SHEET_MAX_CALLS);
	fputc('\n', out);
	for (int i = 0; i < s->n; i++) {
		const struct call_sheet_line *l = &s->lines[i];
		put_line(out, PAPER_WIDTH, '-');
		if (l->raised)
			fputs("! ", out);
		else {
			call_due(l, line, sizeof line);
			put_cols(out, line, 17);
		}
		put_cols(out, l->name, 36);
		char dial[PHONE_SHOWN_MAX];
		phone_shown(l->phone, dial, sizeof dial);
		fprintf(out, " %s\n", dial[0] ? dial : _("(no phone)"));
		call_why(l, line, sizeof line);
		fprintf(out, _("  Why: %s"), line);
		if (l->responsible[0])
			fprintf(out, _("   Responsible: %s"), l->responsible);
		fputc('\n', out);
		fprintf(out, "%s\n", _("  [ ] reached   [ ] not reached   [ ] call back: ________   [ ] wrong number"));
		const char *note = _("  Note and next step: ");
		fprintf(out, "%s", note);
		put_line(out, PAPER_WIDTH - utf8_columns(note, strlen(note)), '_');
		fputc('\n', out);
	}
	if (s->n == 0)
		fprintf(out, "%s\n", _("No calls are due."));
}

static void calls_html(const struct call_sheet *s, FILE *out)
{
	char line[800], day[80];
	long_date(s->date, day, sizeof day);
	fputs("<section class=\"sheet\">\n", out);
	html_text(out, "h1", NULL, _("Follow-up calls"));
	html_text(out, "p", "meta", day);
	snprintf(line, sizeof line,
		 P_("%d call or citizen to reach: raised to the coordinator first, then due today and overdue.\n",
		    "%d calls or citizens to reach: raised to the coordinator first, then due today and overdue.\n",
		    s->n),
		 s->n);
	html_text(out, "p", "small", line);
	if (s->cut) {
		snprintf(line, sizeof line, _("Only the first %d calls are on the sheet.\n"), SHEET_MAX_CALLS);
		html_text(out, "p", "small", line);
	}
	fputs("<table class=\"sheet-table\"><thead><tr>", out);
	html_text(out, "th", NULL, _("When"));
	html_text(out, "th", NULL, _("Name"));
	html_text(out, "th", NULL, _("Phone"));
	html_text(out, "th", NULL, _("Why"));
	fputs("</tr></thead><tbody>\n", out);
	for (int i = 0; i < s->n; i++) {
		const struct call_sheet_line *l = &s->lines[i];
		if (l->raised)
			snprintf(line, sizeof line, "!");
		else
			call_due(l, line, sizeof line);
		fputs("<tr>", out);
		html_text(out, "td", NULL, line);
		html_text(out, "td", NULL, l->name);
		char dial[PHONE_SHOWN_MAX];
		phone_shown(l->phone, dial, sizeof dial);
		html_text(out, "td", NULL, dial);
		call_why(l, line, sizeof line);
		if (l->responsible[0]) {
			size_t len = strlen(line);
			snprintf(line + len, sizeof line - len, _(" (responsible: %s)"), l->responsible);
		}
		html_text(out, "td", NULL, line);
		fputs("</tr>\n<tr class=\"line\"><td></td><td colspan=\"3\" class=\"write small\">", out);
		report_html_escape(out, _("□ reached   □ not reached   □ call back: ________   □ wrong number   Note:"));
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (s->n == 0)
		html_text(out, "p", NULL, _("No calls are due."));
	fputs("</section>\n", out);
}

bool sheets_calls_write(const struct call_sheet *s, bool html, FILE *out)
{
	if (html) {
		char title[200], day[80];
		long_date(s->date, day, sizeof day);
		snprintf(title, sizeof title, _("Follow-up calls %s"), day);
		html_begin(out, title);
		calls_html(s, out);
		html_end(out);
	} else {
		calls_text(s, out);
	}
	return !ferror(out);
}
