/* exchange_export.h — the export form: a table of the centre's data as a
 * CSV file Danish Excel opens (src/exchange.h). Opened by Ctrl-X on the
 * citizen list and x on the registry list; the Reports screen opens it
 * for any table with exchange_export_open. */
#ifndef BB_UI_EXCHANGE_EXPORT_H
#define BB_UI_EXCHANGE_EXPORT_H

#include <stddef.h>

#include "model_exchange.h"

struct app;

struct exchange_export_args {
	enum exchange_table table;    /* chosen at first; the form can change it */
};

void exchange_export_open(struct app *app, const struct exchange_export_args *args);

/* The folder a new file goes in: $HOME, else the current one; with a
 * trailing '/'. */
void exchange_default_folder(char *out, size_t size);

#endif
