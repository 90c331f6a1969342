/* dialog.h — questions that must be answered before anything else: a
 * yes/no, a choice of buttons, a line of text or a PIN, and the chooser
 * of a multiple-choice field. Each is a screen drawn over the one that
 * asked (screen_ops.overlay), so the main loop reads its keys and the
 * idle lock, a resize or a stop signal reach it like any screen.
 *
 * The answer comes back through a callback, called after the dialog has
 * closed (the asking screen is on top again) with the `ctx` it was given,
 * usually the asking screen's state. A dialog closed by the program
 * stopping, or by another user signing in, calls nothing.
 */
#ifndef BB_DIALOG_H
#define BB_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct form_field;

enum { DIALOG_MAX_BUTTONS = 8 };

/* choice: the button's index, or -1 for Esc. */
typedef void (*dialog_choice_fn)(struct app *app, void *ctx, int choice);

/* One of n buttons (translated labels); each label's first letter is its
 * key, Enter takes the highlighted one, Esc cancels. */
struct choose_args {
	const char *question;
	const char *const *labels;
	int n;
	int default_index;
	dialog_choice_fn done;
	void *ctx;
};
void dialog_choose(struct app *app, const struct choose_args *a);

/* Yes (choice 1) or no (0; also Esc): j/y and n answer. */
struct confirm_args {
	const char *question;
	bool default_yes;
	dialog_choice_fn done;
	void *ctx;
};
void dialog_confirm(struct app *app, const struct confirm_args *a);

/* text: what was typed, or NULL for Esc. */
typedef void (*dialog_text_fn)(struct app *app, void *ctx, const char *text);

/* One line of text; with `secret` what is typed shows as stars (a PIN). */
struct prompt_args {
	const char *question;
	const char *initial;          /* the text to start from, or NULL */
	size_t max_chars;
	bool secret;
	/* Text worth keeping (a note): Esc with something typed asks before
	 * dropping it. */
	bool ask_before_dropping;
	/* Written at length (a note): wraps over rows as it is written. */
	bool multiline;
	dialog_text_fn done;
	/* May be NULL: keeps the text typed as a draft, when the program is
	 * stopped with the question open, or when Esc is answered "Keep as
	 * draft" (offered then beside Discard); true when it was kept (else
	 * it said why, and the question stays). */
	bool (*keep)(struct app *app, void *ctx, const char *text);
	void *ctx;
};
void dialog_prompt(struct app *app, const struct prompt_args *a);

/* Adds a new pick-list entry named `name`; on failure writes a message
 * into err and returns false. The callback appends the new option to
 * the field itself. */
typedef bool (*dialog_add_fn)(struct app *app, void *ctx, struct form_field *fld, const char *name,
			      char *err, size_t errsize);

/* The chooser for a FIELD_MULTI: Space ticks, Enter closes, Esc undoes
 * the ticks. With `add`, the key + asks for a new entry. `done` (may be
 * NULL) hears whether the ticks were kept. The field must outlive the
 * chooser: it lives in the asking screen's state. */
struct pick_args {
	struct form_field *fld;
	dialog_add_fn add;
	void *add_ctx;
	void (*done)(struct app *app, void *ctx, bool kept);
	void *ctx;
};
void dialog_pick(struct app *app, const struct pick_args *a);

#endif
