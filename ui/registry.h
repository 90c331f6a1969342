/* registry.h — the registry (home key 7): volunteers and activities in
 * two lists with search as you type; create, edit, pause, stop or end,
 * never delete. */
#ifndef BB_UI_REGISTRY_H
#define BB_UI_REGISTRY_H

#include "screen.h"

struct app;

extern const struct screen_ops registry_screen;
/* Re-reads the lists when the registry is on top of the stack, e.g.
 * after a form saved. */
void registry_reload(struct app *app);

#endif
