/* form_screen.h — what every screen built on a form does alike, so the
 * desk meets the same manners on each: saving is refused while a field
 * is wrong, leaving asks first when something was changed, and a key a
 * field refused says why on the status line. What saving writes, and
 * what the other form events do, stays with each screen. */
#ifndef BB_FORM_SCREEN_H
#define BB_FORM_SCREEN_H

#include <stdbool.h>

#include "dialog.h"
#include "form.h"
#include "screen.h"

struct app;

/* Checks every field before saving; if one is wrong, the cursor goes
 * there, the status line says so, and it returns false. */
bool form_screen_valid(struct app *app, struct form *f);
/* Says on the status line that `bad` fields (marked !) need correcting,
 * naming the current one, where the cursor was moved. */
void form_screen_say_bad(struct app *app, const struct form *f, int bad);

/* The rest of a key after form_key (r and ev are what it gave): on
 * FORM_CANCEL leaves, first asking leave_question if anything changed
 * (NULL for a screen that handles FORM_CANCEL itself); otherwise
 * reports a refused key and hands keys the form did not use to
 * app_default_key. */
unsigned form_screen_key(struct app *app, struct form *f, ui_key key, enum form_event ev, unsigned r,
			 const char *leave_question);
/* The same for a form the person may park as a draft (a card edit, a
 * call's outcome): leaving it changed asks leave_question with the choice
 * to keep it as a draft (`keep`, which says what it did and returns
 * whether it kept it; only then is the screen left), discard it (the
 * form made unchanged, then left), or go on. The struct lives in the
 * screen's state. */
struct form_keeping {
	struct form *form;
	bool (*keep)(struct app *app, void *ctx);
	void *ctx;
};
unsigned form_screen_key_keeping(struct app *app, const struct form_keeping *k, ui_key key, enum form_event ev,
				 unsigned r, const char *leave_question);

/* Says the form was kept as a draft, naming the fields a draft leaves
 * out because they looked like CPR numbers (form_draft_leaves_out). */
void form_screen_say_kept(struct app *app, const struct form *f);
/* Opens the chooser of the current FIELD_MULTI field (on FORM_PICK);
 * ticks kept make the form changed. `add` (may be NULL) adds entries. */
void form_screen_pick(struct app *app, struct form *f, dialog_add_fn add, void *add_ctx);

/* A town filled in from the postcode follows it: a postcode the program
 * knows fills its town in (saying so, over whatever stood there), one it
 * does not takes back only the town it filled in, and typing in a town
 * the program filled in writes it anew, as over a selected text
 * ("Aarhus CAarhus C" was a new user's). `filled` is the
 * town last filled in; the struct lives in the screen's state. */
struct town_follows {
	int postcode, town;  /* the two fields */
	const char *filled;
};
/* Before form_key: clears a filled-in town the key types over. */
void form_screen_town_before(struct town_follows *t, struct form *f, ui_key key);
/* After form_key, on FORM_CHANGED: follows the postcode if it changed. */
void form_screen_town_after(struct app *app, struct town_follows *t, struct form *f);

#endif
