/* measure_chart.h — a citizen's outcome measures as the cards show them:
 * one line each with a small text chart, first and latest result and the
 * change ("WHO-5  ▂▄█  32 → 76 (+44, better)"). A widget: it draws what
 * it is given and reads nothing. */
#ifndef BB_MEASURE_CHART_H
#define BB_MEASURE_CHART_H

#include <stdbool.h>

#include "model_measures.h"

enum { MEASURE_CHART_MAX = 4 };  /* measures a card shows */

/* Draws the n measures under a heading in at most max_rows rows.
 * `compact` draws nothing when there are none (the call card); otherwise
 * a line says how to add one. Returns the rows used. */
int measure_chart_draw(const struct measure_history *h, int n, int y, int x, int cols, int max_rows, bool compact);

/* The rows measure_chart_draw(compact) takes for n measures: 0 when there
 * are none, else a heading and a line each (at most max_rows), so a
 * screen can make room first. */
int measure_chart_rows(int n, int max_rows);

#endif
