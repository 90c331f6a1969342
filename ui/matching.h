/* matching.h — the matching screens (home key 3): the list of citizens
 * waiting for a match (matching.c), one citizen's two ranked lists of
 * volunteers and activities with the reasons in words
 * (matching_citizen.c), their wishes (matching_wishes.c) and the
 * coordinator's proposal for everyone waiting (matching_proposal.c). */
#ifndef BB_UI_MATCHING_H
#define BB_UI_MATCHING_H

#include <stdbool.h>

#include "match.h"
#include "screen.h"

struct app;

extern const struct screen_ops matching_screen;
extern const struct screen_ops matching_citizen_screen;
extern const struct screen_ops matching_proposal_screen;
extern const struct screen_ops matching_wishes_screen;

/* Opens the two ranked lists for one citizen. */
void matching_open_citizen(struct app *app, long long citizen_id);
void matching_open_wishes(struct app *app, long long citizen_id);
/* After the wishes are saved: ranks the citizen on top of the stack again. */
void matching_citizen_reload(struct app *app);

/* Every volunteer and activity with the facts for scoring, read again
 * only when something was committed since; NULL (and a status message)
 * when it cannot be read. Valid until the next call. */
const struct match_pool *matching_pool(struct app *app);
/* The interest names for the reasons, read with the pool. */
const struct match_words *matching_words(void);
/* Frees the cached pool (when the matching screens are left). */
void matching_pool_release(void);

/* In words why a confirm was refused. */
const char *matching_refusal_text(enum match_refusal why);
/* Asks which open match to end (if several), the outcome and a reason,
 * and ends it. True when a match was ended. */
bool matching_end_dialog(struct app *app, long long citizen_id);

#endif
