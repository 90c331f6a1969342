/* calls.h — the follow-up call list (home key 5): citizens raised to the
 * coordinator, today's and overdue calls, then the coming week. */
#ifndef BB_CALLS_H
#define BB_CALLS_H

#include "screen.h"

struct app;

extern const struct screen_ops calls_screen;

/* Re-reads the list when it is on top of the stack (after a call card
 * recorded something), keeping the selection near `near_call`. */
void calls_reload(struct app *app, long long near_call);

#endif
