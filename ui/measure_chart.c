/* measure_chart.c — a citizen's measures as small text charts
 * (measure_chart.h). */
#include "measure_chart.h"

#include <stdio.h>

#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "measure_rules.h"

int measure_chart_draw(const struct measure_history *h, int n, int y, int x, int cols, int max_rows, bool compact)
{
	if (max_rows < 1 || (n == 0 && compact))
		return 0;
	int used = 0;
	draw_text(y + used++, x, cols, _("Measures"), A_BOLD | A_UNDERLINE);
	if (n == 0 && used < max_rows) {
		draw_text(y + used++, x, cols, _("None yet. Press m to ask the WHO-5 or the loneliness questions."), A_DIM);
		return used;
	}
	for (int i = 0; i < n && used < max_rows; i++) {
		const struct measure_history *m = &h[i];
		int values[MEASURE_HISTORY];
		for (int k = 0; k < m->npoints; k++)
			values[k] = m->points[k].total;
		char chart[MEASURE_HISTORY * 4 + 1], name[MEASURE_NAME + 32], line[1200], change[160] = "", day[16] = "";
		measure_sparkline(values, m->npoints, m->min_total, m->max_total, chart, sizeof chart);
		text_pad(name, sizeof name, m->name, cols >= 70 ? 24 : 14);
		const struct measure_point *last = &m->points[m->npoints - 1];
		struct date d;
		if (date_parse_iso(last->taken_on, &d))
			date_format_dk(d, day, sizeof day);
		if (m->taken > 1) {
			int diff = last->total - m->first.total;
			enum measure_trend t = measure_trend(m->higher_is_better, m->first.total, last->total);
			const char *word = t == TREND_BETTER ? _("better") : t == TREND_WORSE ? _("worse") : _("no change");
			/* TRANSLATORS: first → latest score, the change and whether it is better. */
			snprintf(change, sizeof change, _("%d → %d (%+d, %s)"), m->first.total, last->total, diff, word);
		} else {
			snprintf(change, sizeof change, "%d", last->total);
		}
		snprintf(line, sizeof line, _("%s %s  %s  latest %s"), name, chart, change, day);
		draw_text(y + used++, x, cols, line, A_NORMAL);
	}
	return used;
}

int measure_chart_rows(int n, int max_rows)
{
	if (n == 0)
		return 0;
	return 1 + n < max_rows ? 1 + n : max_rows;
}
