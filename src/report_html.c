/* report_html.c — the report as printable HTML (report_html.h). */
#include "report_html.h"

#include <string.h>

#include "date.h"
#include "i18n.h"
#include "number.h"
#include "report_render.h"
#include "report_rules.h"

const char report_html_style[] =
	"@page{size:A4;margin:16mm 14mm}"
	"body{font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;font-size:10pt;color:#111;"
	"max-width:182mm;margin:0 auto;padding:6mm 0}"
	"h1{font-size:18pt;margin:0 0 1mm}"
	"h2{font-size:13pt;margin:7mm 0 2mm;padding-bottom:1mm;border-bottom:1.5px solid #555;"
	"break-after:avoid;page-break-after:avoid}"
	".meta{color:#333;margin:0 0 2mm}"
	".note{font-size:8.5pt;color:#444;margin:1.5mm 0}"
	"table{border-collapse:collapse;width:100%;margin:1mm 0}"
	"th,td{padding:.8mm 1.6mm;border-bottom:.5px solid #ccc;text-align:left;vertical-align:bottom}"
	"th{font-size:8pt;font-weight:bold;border-bottom:1px solid #555;hyphens:auto}"
	".n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
	"th.n{white-space:normal}"
	"td:first-child{min-width:18mm}"
	"table.attendance,table.attendance-months,table.communities{font-size:8.5pt}"
	"tr.part td:first-child{padding-left:6mm;color:#333}"
	"tr.total td{font-weight:bold}"
	"tr.group td{font-weight:bold;background:#eee;border-top:1px solid #999}"
	"thead{display:table-header-group}"
	"tr,figure{break-inside:avoid;page-break-inside:avoid}"
	"figure{margin:3mm 0}"
	"figcaption{font-size:8.5pt;color:#444}"
	"svg{display:block;max-width:100%;height:auto}"
	"@media screen{body{padding:8mm}}";

void report_html_escape(FILE *out, const char *text)
{
	for (const char *p = text ? text : ""; *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		default:
			fputc(*p, out);
		}
	}
}

static void dk_date(const char *iso, char *out, size_t size)
{
	struct date d;
	if (date_parse_iso(iso, &d))
		date_format_dk(d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

static void cell_text(const struct report_cell *c, char *out, size_t size)
{
	char thousands[NUMBER_LEN];
	report_cell_format(c, false, true, report_decimal(), number_thousands(thousands), out, size);
}

/* ---------- tables ---------- */

static void html_table(FILE *out, const struct report_table *t)
{
	fprintf(out, "<table class=\"%s\">\n<thead><tr><th>", t->key);
	report_html_escape(out, t->label_title);
	fputs("</th>", out);
	for (int c = 0; c < t->ncols; c++) {
		fputs("<th class=\"n\">", out);
		report_html_escape(out, t->cols[c].title);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	const char *group = NULL;
	for (int i = 0; i < t->nrows; i++) {
		const struct report_row *r = &t->rows[i];
		if (r->group && r->group != group) {
			group = r->group;
			fprintf(out, "<tr class=\"group\"><td colspan=\"%d\">", t->ncols + 1);
			report_html_escape(out, group);
			fputs("</td></tr>\n", out);
		}
		fprintf(out, "<tr%s><td>", r->total ? " class=\"total\"" : r->part ? " class=\"part\"" : "");
		report_html_escape(out, r->label);
		fputs("</td>", out);
		for (int c = 0; c < t->ncols; c++) {
			char buf[64];
			cell_text(&r->cells[c], buf, sizeof buf);
			fputs("<td class=\"n\">", out);
			report_html_escape(out, buf);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (t->note) {
		fputs("<p class=\"note\">", out);
		report_html_escape(out, t->note);
		fputs("</p>\n", out);
	}
}

/* ---------- charts ---------- */

/* A round step for the axis: 1, 2 or 5 times a power of ten, giving at
 * most six lines. */
static long long axis_step(long long max)
{
	for (long long base = 1;; base *= 10) {
		if (max <= base * 6)
			return base;
		if (max <= base * 12)
			return base * 2;
		if (max <= base * 30)
			return base * 5;
	}
}

enum { CHART_W = 680, CHART_H = 230, AXIS_X = 48, AXIS_B = 30, TOP = 18 };

/* Bars over the months: present marks at all activities. A month whose
 * count is held back (the month's row of `months`, the table of all
 * activities) gets no bar, only the words. */
static void chart_months(FILE *out, const struct report_attendance *att, const struct report_table *months)
{
	int n = att->nmonths;
	if (n == 0)
		return;
	long long max = 1;
	/* The axis from the months shown: a held month's count would tell
	 * in its height. */
	for (int m = 0; m < n; m++)
		if (!report_cell_held_back(&months->rows[m].cells[REPORT_COL_PRESENT]) && att->per_month[m].present > max)
			max = att->per_month[m].present;
	long long step = axis_step(max);
	long long top = (max + step - 1) / step * step;
	double plot_w = CHART_W - AXIS_X - 8, plot_h = CHART_H - AXIS_B - TOP;
	double slot = plot_w / n, bar = slot * 0.7;
	fputs("<figure>\n", out);
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
		     " role=\"img\" font-family=\"DejaVu Sans,Arial,sans-serif\" font-size=\"10\">\n",
		CHART_W, CHART_H, CHART_W, CHART_H);
	char tick[NUMBER_LEN];
	for (long long v = 0; v <= top; v += step) {
		double y = TOP + plot_h - plot_h * (double)v / (double)top;
		fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\" stroke-width=\"0.6\"/>"
			     "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#444\">%s</text>\n",
			AXIS_X, y, CHART_W - 8, y, AXIS_X - 4, y + 3.5, number_text(v, tick));
	}
	int label_every = n > 24 ? (n + 11) / 12 : 1;
	for (int m = 0; m < n; m++) {
		const struct report_att_row *r = &att->per_month[m];
		double x = AXIS_X + slot * m + (slot - bar) / 2;
		const struct report_cell *present = &months->rows[m].cells[REPORT_COL_PRESENT];
		bool held_back = report_cell_held_back(present);
		double h = held_back ? 0 : plot_h * (double)r->present / (double)top;
		if (h > 0)
			fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2f6f9f\"/>\n",
				x, TOP + plot_h - h, bar, h);
		if (n <= 24) {
			char value[32];
			if (held_back)
				snprintf(value, sizeof value, "%s", present->withheld ? "x" : "&lt; 5");
			else
				number_text(r->present, value);
			fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"%d\">%s</text>\n",
				x + bar / 2, TOP + plot_h - h - 3, n > 14 ? 7 : 9, value);
		}
		if (m % label_every == 0) {
			int month = (att->months[m][5] - '0') * 10 + (att->months[m][6] - '0');
			fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">", x + bar / 2,
				CHART_H - AXIS_B + 13);
			report_html_escape(out, date_month_abbr(month));
			fprintf(out, "</text>");
			if (m == 0 || month == 1)
				fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%.4s</text>",
					x + bar / 2, CHART_H - AXIS_B + 25, att->months[m]);
			fputc('\n', out);
		}
	}
	fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>\n", AXIS_X, TOP + plot_h,
		CHART_W - 8, TOP + plot_h);
	fputs("</svg>\n<figcaption>", out);
	report_html_escape(out, _("Present at a session, per month, all activities."));
	fputs("</figcaption>\n</figure>\n", out);
}

/* Two bars on WHO-5's scale of 0 to 100: the mean at the first and at
 * the latest measurement of the same citizens, with the cut-off of 50. */
static void chart_who5(FILE *out, const struct report_measure *m)
{
	fputs("<figure>\n", out);
	if (report_small(m->pairs)) {
		fputs("<p class=\"note\">", out);
		report_html_escape(out, _("WHO-5: fewer than 5 citizens have a first and a later measurement, so "
					  "there is no chart."));
		fputs("</p>\n</figure>\n", out);
		return;
	}
	enum { W = 420, H = 200, X0 = 40, B = 24 };
	double plot_h = H - B - TOP;
	long long first = report_mean_tenths(m->sum_first, m->pairs);
	long long latest = report_mean_tenths(m->sum_latest, m->pairs);
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
		     " role=\"img\" font-family=\"DejaVu Sans,Arial,sans-serif\" font-size=\"10\">\n", W, H, W, H);
	for (int v = 0; v <= 100; v += 25) {
		double y = TOP + plot_h - plot_h * v / 100.0;
		fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\" stroke-width=\"0.6\"/>"
			     "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#444\">%d</text>\n",
			X0, y, W - 8, y, X0 - 4, y + 3.5, v);
	}
	const char *labels[2] = { _("First measurement"), _("Latest measurement") };
	long long values[2] = { first, latest };
	const char *colours[2] = { "#9bb8cf", "#2f6f9f" };
	for (int i = 0; i < 2; i++) {
		double x = X0 + 40 + i * 170, w = 110;
		double h = plot_h * (double)values[i] / 1000.0;
		char value[32];
		long long v = values[i];
		snprintf(value, sizeof value, "%lld%s%lld", v / 10, report_decimal(), (v < 0 ? -v : v) % 10);
		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", x,
			TOP + plot_h - h, w, h, colours[i]);
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n",
			x + w / 2, TOP + plot_h - h - 4, value);
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">", x + w / 2, H - 8);
		report_html_escape(out, labels[i]);
		fputs("</text>\n", out);
	}
	double cut = TOP + plot_h - plot_h * REPORT_WHO5_CUTOFF / 100.0;
	fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#b03a2e\" stroke-width=\"1.2\""
		     " stroke-dasharray=\"5 3\"/>\n<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#b03a2e\">",
		X0, cut, W - 8, cut, W - 8, cut - 3);
	report_html_escape(out, _("cut-off 50"));
	fprintf(out, "</text>\n<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>\n</svg>\n", X0,
		TOP + plot_h, W - 8, TOP + plot_h);
	char caption[512], pairs[NUMBER_LEN];
	snprintf(caption, sizeof caption,
		 _("WHO-5, mean of the %s citizens with a first and a later measurement (0 to 100, higher is "
		   "better; 50 or less suggests reduced wellbeing)."),
		 number_text(m->pairs, pairs));
	fputs("<figcaption>", out);
	report_html_escape(out, caption);
	fputs("</figcaption>\n</figure>\n", out);
}

/* ---------- the page ---------- */

bool report_html_write(const struct report *r, const struct report_tables *ts, FILE *out)
{
	char from[16], to[16], made[16], line[512];
	dk_date(r->period.from, from, sizeof from);
	dk_date(r->period.to, to, sizeof to);
	dk_date(r->made_on, made, sizeof made);
	const char *centre = r->centre_name[0] ? r->centre_name : _("Volunteer centre");
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
		/* TRANSLATORS: the HTML language code of the report. */
		_("en"));
	snprintf(line, sizeof line, _("Report: %s"), centre);
	report_html_escape(out, line);
	fprintf(out, " (%s – %s)</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", from, to,
		report_html_style);
	report_html_escape(out, centre);
	fputs("</h1>\n<p class=\"meta\">", out);
	snprintf(line, sizeof line, _("Report for the period %s to %s, made %s."), from, to, made);
	report_html_escape(out, line);
	fputs("</p>\n<p class=\"note\">", out);
	report_html_escape(out, _("Small numbers can point out a person: a count of citizens below 5 is shown as "
				  "\"< 5\", and a mean or share of fewer than 5 citizens as \"–\"; \"x\" is a number "
				  "held back so that a count below 5 cannot be worked out from a total or a share."));
	fputs("</p>\n</header>\n", out);
	for (int i = 0; i < ts->n; i++) {
		const struct report_table *t = &ts->t[i];
		fprintf(out, "<section id=\"%s\">\n<h2>", t->key);
		report_html_escape(out, t->title);
		fputs("</h2>\n", out);
		if (strcmp(t->key, "attendance-months") == 0)
			chart_months(out, &r->attendance, t);
		for (int k = 0; strcmp(t->key, "outcomes") == 0 && k < r->nmeasures; k++)
			if (r->measures[k].has_cutoff)
				chart_who5(out, &r->measures[k]);
		html_table(out, t);
		fputs("</section>\n", out);
	}
	fputs("</body>\n</html>\n", out);
	return !ferror(out);
}
