/* intake_form.h — the first conversation: referral, consent, the citizen,
 * relative, wishes and needs, assessment. Leaving a half-filled form
 * keeps it as a draft if wanted. */
#ifndef BB_INTAKE_FORM_H
#define BB_INTAKE_FORM_H

#include "screen.h"

struct app;

struct intake_args {
	long long draft_id;   /* a saved draft to go on with, or 0 for a new form */
};
void intake_open(struct app *app, const struct intake_args *args);

#endif
