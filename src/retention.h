/* retention.h — the retention rule: what the centre no longer needs goes,
 * by the settings (src/settings.h) and the rules of
 * src/protection_rules.h: citizens whose course ended long ago, and
 * referrals never followed up, are anonymised (src/anonymise.h);
 * referrals kept without a citizen lose their referrer's details; old
 * audit entries are removed.
 *
 * It runs by itself once a day: at program start retention_daily reads
 * one setting (the day it last ran) and, on the first start of a day,
 * applies the rule in one transaction, to at most a few hundred citizens
 * (a centre's first run may find thousands: the rest follow at the next
 * starts, and the day counts as done when none are left). The settings screen shows what it
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

/* At program start: applies the rule unless it ran on `today` already
 * (out->ran false). No role check: these are the centre's own rules, run
 * before anyone signs in, as the follow-up call rules are. */
enum db_status retention_daily(struct desk *d, struct date today, struct retention_result *out);

#endif
