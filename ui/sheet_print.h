/* sheet_print.h — key p on the roll list and on the call list: the
 * printed sheet (src/sheets.h) goes to the printer, or without one to a
 * printable HTML file, and the status line says which and where. */
#ifndef BB_SHEET_PRINT_H
#define BB_SHEET_PRINT_H

struct app;

void sheet_print_session(struct app *app, long long session_id);
/* The calls due up to `date` (ISO), the raised citizens first. */
void sheet_print_calls(struct app *app, const char *date);

#endif
