/* call_list.h — the follow-up call list (home key 5): citizens raised to the
 * coordinator, today's and overdue calls, then the coming week. */
#ifndef BB_CALL_LIST_H
#define BB_CALL_LIST_H

#include "screen.h"

struct app;

void calls_open(struct app *app);

#endif
