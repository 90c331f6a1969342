/* activity_form.h — the form of one activity: what and where, weekday
 * and time (its weekly sessions are planned from them), capacity, contact
 * person, the interests it serves and whether it is a practice community
 * (a safe first step) or a lasting one. */
#ifndef BB_UI_ACTIVITY_FORM_H
#define BB_UI_ACTIVITY_FORM_H

#include "screen.h"

struct app;

struct activity_form_args {
	long long id;        /* 0: a new activity */
	long long *saved;    /* may be NULL: gets the id saved, for the list to show it */
};
bool activity_form_open(struct app *app, const struct activity_form_args *args);

#endif
