/* daily.h — the centre's own rules that run by themselves when the
 * program starts (and at midnight in a desk left running): the retention
 * rule once a day (src/retention.h), the weeks ahead's sessions of every
 * activity (src/registry.h), then the follow-up call rules (src/calls.h)
 * with, on the day's first start, the replay of the last weeks'
 * attendance marks, then the count of those who wait for a call after no
 * contact. The screen is drawn first; the work is done in small steps
 * while the desk waits for a key (ui/ui.c), a step stopped the moment a
 * key comes (daily_step_unless), so a volunteer never waits for it, and
 * the numbers on the home screen are read again when it is done. Nobody
 * anonymised gets a call planned: the calls come last. */
#ifndef BB_DAILY_H
#define BB_DAILY_H

#include <stdbool.h>

#include "date.h"
#include "desk.h"
#include "calls.h"
#include "model_calls.h"
#include "registry.h"
#include "retention.h"

struct daily_work {
	struct date today;
	struct retention_pass retention;
	struct plan_ahead sessions;     /* the weeks ahead's sessions */
	struct calls_due calls;         /* the sweep, then its writes a step each */
	bool calls_done;
	struct marks_replay marks;      /* on the day's first start only */
	struct no_contact_count no_contact;
};

/* The work of `today`, none of it done yet. */
void daily_begin(struct daily_work *w, struct date today);
/* Gives back what the work keeps between its steps (the calls the
 * rules found, not all written yet), done or not: before a work is begun
 * again, and when the desk closes. */
void daily_end(struct daily_work *w);

/* Whether a step is left. */
bool daily_pending(const struct daily_work *w);

/* Does the next step, in its own transaction. A failure ends the work
 * (the next start tries again); a database busy at another desk or read
 * only is no failure: the other desk or a later start does it. A step
 * stopped for a key (db_interrupt_when) changed nothing and stays to be
 * done. Its commit does not wait for the disk (db_unsynced_commits): a
 * step lost to a pulled plug is done again at the next start. */
enum db_status daily_step(struct desk *d, struct daily_work *w);
/* daily_step, stopped the moment `key_waiting(ctx)` says a key waits
 * (db_interrupt_when): the desk never waits for the day's work, however
 * long a step of it is. */
enum db_status daily_step_unless(struct desk *d, struct daily_work *w, bool (*key_waiting)(void *ctx), void *ctx);

#endif
