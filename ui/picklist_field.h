/* picklist_field.h — a multiple-choice field over one of the centre's own
 * pick-lists (interests, barriers), as the citizen, volunteer and activity
 * forms have it. The options come from the database, and + in the chooser
 * adds an entry there at once: the list is the centre's, and other desks
 * should see it too. */
#ifndef BB_PICKLIST_FIELD_H
#define BB_PICKLIST_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "form.h"
#include "model_citizen.h"

struct app;

struct picklist_field {
	const char *which;             /* "interests" or "barriers" */
	/* The entries and fld's options over them, with room to add while
	 * the form is open. */
	struct pick picks[FIELD_MAX_OPTIONS];
	struct form_option options[FIELD_MAX_OPTIONS];
};

/* Reads the list `which` and makes it fld's options; the caller says
 * what went wrong when it could not be read. */
enum db_status picklist_field_load(struct picklist_field *pf, struct app *app, const char *which,
				   struct form_field *fld);
/* The dialog_add_fn for dialog_pick, with the picklist_field as ctx. */
bool picklist_field_add(struct app *app, void *ctx, struct form_field *fld, const char *name, char *err,
			size_t size);

#endif
