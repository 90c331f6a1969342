/* drafts.h — half-filled intake forms kept after Esc or a shutdown, and
 * card edits, call outcomes and notes kept at a shutdown. */
#ifndef BB_DRAFTS_H
#define BB_DRAFTS_H

#include "model_citizen.h"
#include "screen.h"

struct app;

void drafts_open(struct app *app);
/* What kind of draft it is, in a word ("Intake"), translated. */
const char *drafts_kind_label(enum draft_kind kind);
/* The widest of those labels, in columns. */
int drafts_kind_columns(void);

#endif
