/* citizen_search.h — find a citizen as you type and open the card. */
#ifndef BB_CITIZEN_SEARCH_H
#define BB_CITIZEN_SEARCH_H

#include "screen.h"

struct app;

void citizens_open(struct app *app);

#endif
