/* call_card.h — one follow-up call: who, why, what happened lately, the
 * relative, suggested questions for this kind of call; record the outcome
 * from here (ui/call_outcome.c), take a measure, cancel the call. */
#ifndef BB_CALL_CARD_H
#define BB_CALL_CARD_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "screen.h"

struct app;

struct call_card_args {
	long long call_id;
	bool record; /* on to the outcome at once: a kept draft taken up */
};
void call_card_open(struct app *app, const struct call_card_args *args);

/* When a call is due, in words for a list: "3 dage for sent", "i dag
 * 10:30", "tirs 1. dec". */
void call_when_text(const char *due_on, const char *due_time, struct date today, char *out, size_t size);

#endif
