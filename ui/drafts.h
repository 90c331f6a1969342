/* drafts.h — half-filled intake forms kept after Esc or a shutdown. */
#ifndef BB_DRAFTS_H
#define BB_DRAFTS_H

#include "screen.h"

struct app;

void drafts_open(struct app *app);

#endif
