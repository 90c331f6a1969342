/* exchange_import.h — importing a spreadsheet of citizens, volunteers or
 * activities (src/exchange.h), for a coordinator: choose the file, see
 * every problem in it with its row and column, fix it in the
 * spreadsheet, check again, and import. Opened by Ctrl-R on the citizen
 * list and i on the registry list. */
#ifndef BB_UI_EXCHANGE_IMPORT_H
#define BB_UI_EXCHANGE_IMPORT_H

#include "model_exchange.h"

struct app;

struct exchange_import_args {
	enum exchange_table table;    /* citizens, volunteers or activities */
};

void exchange_import_open(struct app *app, const struct exchange_import_args *args);

#endif
