/* card.h — the citizen card: the next step in one line at the top, the
 * details at a glance and a timeline of everything that happened. */
#ifndef BB_CARD_H
#define BB_CARD_H

#include "screen.h"

struct app;

extern const struct screen_ops card_screen;
void card_open(struct app *app, long long citizen_id);
/* Re-reads the card on top of the stack, e.g. after an edit. */
void card_reload(struct app *app);

#endif
