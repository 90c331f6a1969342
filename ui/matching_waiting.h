/* matching_waiting.h — the matching screens (home key 3): the list of citizens
 * waiting for a match (matching.c), one citizen's two ranked lists of
 * volunteers and activities with the reasons in words
 * (matching_citizen.c), their wishes (matching_wishes.c) and the
 * coordinator's proposal for everyone waiting (matching_proposal.c). */
#ifndef BB_MATCHING_WAITING_H
#define BB_MATCHING_WAITING_H

#include <stdbool.h>

#include "matching.h"
#include "model_matching.h"
#include "screen.h"

struct app;

/* Home key 3: the citizens waiting for a match. */
void matching_open(struct app *app);

/* The two ranked lists for one citizen. */
struct matching_citizen_args {
	long long citizen_id;
};
void matching_citizen_open(struct app *app, const struct matching_citizen_args *args);
/* The citizen's wishes about the volunteer and their language. */
struct matching_wishes_args {
	long long citizen_id;
};
void matching_wishes_open(struct app *app, const struct matching_wishes_args *args);
/* The coordinator's proposal for everyone waiting. */
void matching_proposal_open(struct app *app);

/* In words why a confirm was refused. */
const char *matching_refusal_text(enum match_refusal why);
/* Ending a match (coordinators): which open match (if several), the
 * outcome and a reason, asked one after the other. The asking screen
 * keeps this in its state meanwhile and hears through `ended` when a
 * match ended. */
enum { MATCH_END_MAX = 8 };
struct match_end {
	long long citizen_id;
	void (*ended)(struct app *app, void *ctx);
	void *ctx;
	struct match_row rows[MATCH_END_MAX];
	char labels[MATCH_END_MAX][2 * CIT_NAME + 8];
	int open, which, outcome;
};
void matching_end_ask(struct app *app, struct match_end *job);
/* Appended to the question that ends a course for `reason`: what ends
 * with it (src/citizens.h, citizens_course_ended_within), each open
 * match by name, and the calls planned. */
void matching_course_end_words(struct app *app, long long citizen_id, const char *reason, char *question,
			       size_t size);

#endif
