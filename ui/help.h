/* help.h — help for the screen the user came from, built from that
 * screen's action table and the global one. */
#ifndef BB_HELP_H
#define BB_HELP_H

#include "screen.h"

struct app;

extern const struct screen_ops help_screen;
struct help_args {
	const struct screen_ops *about;   /* the screen whose keys are shown */
	const struct action *keys;        /* its keys as they act now; NULL: about's */
};
void help_open(struct app *app, const struct help_args *args);

#endif
