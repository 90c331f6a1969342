/* sheet_print.c — printing a sheet from a screen (sheet_print.h). */
#include "sheet_print.h"

#include "app.h"
#include "i18n.h"
#include "sheets.h"

static void tell(struct app *app, enum db_status r, const struct sheet_delivery *dl, const char *err)
{
	if (r == DB_ERR_IO && err[0])
		app_status(app, STATUS_ERROR, "%s", err);
	else if (r != DB_OK)
		app_status_db(app, r);
	else if (dl->printed)
		app_status(app, STATUS_INFO, _("The sheet is sent to the printer %s."), dl->printer);
	else
		app_status(app, STATUS_INFO, _("Written to %s (no printer is set up: open it in a browser and print "
					       "it)."), dl->path);
}

void sheet_print_session(struct app *app, long long session_id)
{
	struct sheet_delivery dl;
	char err[600] = "";
	enum db_status r = sheets_print_session(&app->desk, session_id, &dl, err, sizeof err);
	tell(app, r, &dl, err);
}

void sheet_print_calls(struct app *app, const char *date)
{
	struct sheet_delivery dl;
	char err[600] = "";
	enum db_status r = sheets_print_calls(&app->desk, date, &dl, err, sizeof err);
	tell(app, r, &dl, err);
}
