/* registry_list.h — the registry (home key 7): volunteers and activities in
 * two lists with search as you type; create, edit, pause, stop or end,
 * never delete. */
#ifndef BB_REGISTRY_LIST_H
#define BB_REGISTRY_LIST_H

#include "screen.h"

struct app;

void registry_open(struct app *app);

#endif
