/* settings_form.h — the centre's own settings: its name and the idle lock. */
#ifndef BB_SETTINGS_FORM_H
#define BB_SETTINGS_FORM_H

#include "screen.h"

struct app;

void settings_open(struct app *app);

#endif
