/* volunteer_form.h — the form of one volunteer: contact, roles, what
 * matching uses (interests, languages, areas, weekly times, how many
 * citizens at once), courses, and what they choose to tell about
 * themselves. */
#ifndef BB_UI_VOLUNTEER_FORM_H
#define BB_UI_VOLUNTEER_FORM_H

#include "screen.h"

struct app;

struct volunteer_form_args {
	long long id;        /* 0: a new volunteer */
	long long *saved;    /* may be NULL: gets the id saved, for the list to show it */
};
bool volunteer_form_open(struct app *app, const struct volunteer_form_args *args);

#endif
