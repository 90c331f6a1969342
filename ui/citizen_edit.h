/* citizen_edit.h — editing a card. If another desk saved the same card
 * since it was opened, saving shows both versions side by side and lets
 * the volunteer choose; nothing is overwritten silently. */
#ifndef BB_CITIZEN_EDIT_H
#define BB_CITIZEN_EDIT_H

#include "screen.h"
#include "model_citizen.h"

struct app;

struct citizen_edit_args {
	const struct citizen_card *card;   /* as the card shows it: copied */
};
void citizen_edit_open(struct app *app, const struct citizen_edit_args *args);

#endif
