/* call_outcome.h — the form that records how a follow-up call went: the
 * outcome, a note, what the referrer was told (only with the citizen's
 * consent), the next step, and whether to take a measure now. */
#ifndef BB_CALL_OUTCOME_H
#define BB_CALL_OUTCOME_H

#include <stdbool.h>
#include <stddef.h>

#include "screen.h"
#include "model_calls.h"

struct app;

/* Opens the form for the call on the card (copied). */
struct call_outcome_args {
	const struct call_card *card;
};
void call_outcome_open(struct app *app, const struct call_outcome_args *args);
/* The note of the person's own kept outcome of the call, into `out`;
 * false when there is none. */
bool call_outcome_kept_note(struct app *app, long long call_id, char *out, size_t size);

#endif
