/* dialog.h — questions that must be answered before anything else. Each
 * runs its own small key loop over the current screen, so a resize or a
 * stop signal is handled while it is open. */
#ifndef BB_DIALOG_H
#define BB_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct form_field;

/* Yes/no. j/y and n answer, Enter takes the highlighted button, Esc
 * means no. If the program is told to stop meanwhile, answers no and
 * leaves app->quit set. */
bool dialog_confirm(struct app *app, const char *question, bool default_yes);

/* One of n labelled buttons (translated); each label's first letter is
 * its key. Returns the index, or -1 for Esc. */
int dialog_choose(struct app *app, const char *question, const char *const *labels, int n,
		  int default_index);

/* Adds a new pick-list entry named `name`; on failure writes a message
 * into err and returns false. The callback appends the new option to
 * the field itself. */
typedef bool (*dialog_add_fn)(void *ctx, struct form_field *fld, const char *name, char *err,
			      size_t errsize);

/* The chooser for a FIELD_MULTI: Space ticks, Enter closes, Esc undoes.
 * With `add`, the key + asks for a new entry. */
void dialog_pick(struct app *app, struct form_field *fld, dialog_add_fn add, void *ctx);

/* One line of text; false on Esc. */
bool dialog_prompt(struct app *app, const char *question, char *out, size_t size, size_t max_chars);
/* The same for a PIN: what is typed shows as dots. */
bool dialog_prompt_secret(struct app *app, const char *question, char *out, size_t size,
			  size_t max_chars);

#endif
