/* measure_form.h — entering an outcome measure (WHO-5, the loneliness
 * scale, or one the centre added) by keyboard, one digit per question, and
 * the small text chart of a citizen's results the cards show. */
#ifndef BB_MEASURE_FORM_H
#define BB_MEASURE_FORM_H

#include <stdbool.h>

#include "screen.h"

struct app;

extern const struct screen_ops measure_form_screen;

/* Asks which measure (when there are several) and opens the form for the
 * citizen. follow_up_id is the call it is asked in, 0 from the card. */
void measure_form_open(struct app *app, long long citizen_id, const char *citizen_name, long long follow_up_id);

/* Draws the citizen's measures, one line each: the chart, first and
 * latest result and the change ("WHO-5  ▂▄█  32 → 76 (+44, better)"),
 * under a heading, in at most max_rows rows. `compact` draws nothing when
 * there are no results (the call card); otherwise a line says how to add
 * one. Returns the rows used. */
int measure_history_draw(struct app *app, long long citizen_id, int y, int x, int cols, int max_rows, bool compact);

/* The rows measure_history_draw(compact) takes for the citizen: 0 when
 * there are no results, else a heading and a line per measure (at most
 * max_rows), so a screen can make room first. */
int measure_history_rows(struct app *app, long long citizen_id, int max_rows);

#endif
