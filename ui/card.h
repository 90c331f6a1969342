/* card.h — the citizen card: the next step in one line at the top, the
 * details at a glance and a timeline of everything that happened. */
#ifndef BB_CARD_H
#define BB_CARD_H

#include "screen.h"

struct app;

struct card_args {
	long long citizen_id;
	bool edit; /* open the edit form on it at once */
	bool note; /* or the note, with the person's kept one */
};
void card_open(struct app *app, const struct card_args *args);

#endif
