/* dialog.h — a question that must be answered before anything else. */
#ifndef BB_DIALOG_H
#define BB_DIALOG_H

#include <stdbool.h>

struct app;

/* Asks a yes/no question over the current screen. j/y and n answer,
 * Enter takes the highlighted button, Esc means no. If the program is
 * told to stop meanwhile, answers no and leaves app->quit set. */
bool dialog_confirm(struct app *app, const char *question, bool default_yes);

#endif
