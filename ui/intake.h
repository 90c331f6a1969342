/* intake.h — the first conversation: referral, consent, the citizen,
 * relative, wishes and needs, assessment. Leaving a half-filled form
 * keeps it as a draft if wanted. */
#ifndef BB_INTAKE_H
#define BB_INTAKE_H

#include "screen.h"

struct app;

extern const struct screen_ops intake_screen;
/* Opens the intake form with a saved draft filled in. */
void intake_open_draft(struct app *app, long long draft_id);

#endif
