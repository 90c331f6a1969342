/* picklist_field.c — pick-list options for a form field (picklist_field.h). */
#include "picklist_field.h"

#include <stdio.h>

#include "app.h"
#include "citizens.h"
#include "i18n.h"

enum db_status picklist_field_load(struct picklist_field *pf, struct app *app, const char *which,
				   struct form_field *fld)
{
	pf->which = which;
	int n = 0;
	enum db_status r = citizens_picklist(&app->desk, which, pf->picks, FIELD_MAX_OPTIONS, &n);
	if (r != DB_OK)
		return r;
	for (int i = 0; i < n; i++)
		pf->options[i] = (struct form_option){ .id = pf->picks[i].id, .label = pf->picks[i].name };
	fld->options = pf->options;
	fld->noptions = n;
	return DB_OK;
}

bool picklist_field_add(struct app *app, void *ctx, struct form_field *fld, const char *name, char *err,
			size_t size)
{
	struct picklist_field *pf = ctx;
	long long id;
	enum db_status r = citizens_add_pick(&app->desk, pf->which, name, &id);
	if (r != DB_OK) {
		snprintf(err, size, "%s", r == DB_ERR_CONSTRAINT ? _("That entry is already on the list.")
			 : _("The entry could not be saved."));
		return false;
	}
	int n = fld->noptions;
	pf->picks[n].id = id;
	snprintf(pf->picks[n].name, sizeof pf->picks[n].name, "%s", name);
	fld->options[n] = (struct form_option){ .id = id, .label = pf->picks[n].name };
	fld->noptions = n + 1;
	return true;
}
