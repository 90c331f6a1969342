/* retention.h — the retention rule: what the centre no longer needs goes,
 * by the settings (src/settings.h) and the rules of
 * src/protection_rules.h: citizens whose course ended long ago, and
 * referrals never followed up, are anonymised (src/anonymise.h);
 * referrals kept without a citizen lose their referrer's details; old
 * audit entries are removed.
 *
 * It runs by itself once a day: on the first start of a day the program
 * goes through the candidates in small steps while the desk is idle
 * (src/daily.h), each step its own transaction and audited, and the day
 * counts as done when the last step has run. The settings screen shows what it
 * would do; `brobygger retention [--apply]` shows or does it for a
 * scheduled job. Every run is audited (that it ran and how many, never
 * who). */
#ifndef BB_RETENTION_H
#define BB_RETENTION_H

#include <stdbool.h>

#include "date.h"
#include "desk.h"
#include "model_protection.h"

/* What the rule would do today with settings `s` (NULL: the stored
 * ones), changing nothing. Coordinators. */
enum db_status retention_preview(struct desk *d, const struct retention_settings *s, struct date today,
				 struct retention_result *out);

/* Applies the rule with the stored settings, all or nothing, and notes
 * the day it ran. Coordinators (and the command line). */
enum db_status retention_apply(struct desk *d, struct date today, struct retention_result *out);

/* The day's pass of the rule, a step at a time. Zeroed to begin. */
struct retention_pass {
	struct retention_cursor at;      /* where the next step goes on */
	struct retention_result total;   /* what the steps did so far */
	bool begun;                      /* the day it last ran has been read */
	bool done;                       /* no step is left (total.ran: it ran today) */
};

/* One step of the pass: unless the rule ran on `today` already (then
 * p->done, p->total.ran false), applies it to the next few candidates in
 * one transaction; the last step notes the day. After a failure p->done
 * too: the next start tries again. No role check: these are the
 * centre's own rules, run before anyone signs in, as the follow-up call
 * rules are. */
enum db_status retention_daily_step(struct desk *d, struct date today, struct retention_pass *p);

/* All the steps of the day's pass, one after the other. */
enum db_status retention_daily(struct desk *d, struct date today, struct retention_result *out);

#endif
