/* audit.h — reading the audit log: who viewed, changed, exported,
 * imported or signed in, newest first, by citizen, user and dates. Only
 * coordinators read it, and reading it is itself written to the log. */
#ifndef BB_AUDIT_H
#define BB_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "desk.h"
#include "model_protection.h"

/* Entries matching `f` (the user's name as typed: any part of it, in any
 * case or spelling of æøå), newest first, with an id below `below` (0:
 * from the newest), at most `max`. The first page of a look is audited
 * (action view, entity audit_log, the filter as detail). */
enum db_status audit_list(struct desk *d, const struct audit_filter *f, long long below, int max,
			  struct audit_entry *out, int *count);

/* The filter in words for the log itself: "citizen 12, user anne, from
 * 2026-01-01". */
void audit_filter_detail(const struct audit_filter *f, char *out, size_t size);

/* One entry in words: "26-11-2026 10:15  Anne Ørsted viewed citizen 12
 * Poul Ågård (call)"; `with_citizen` false leaves out whose card it was
 * (for the person's own insight file). */
void audit_entry_line(const struct audit_entry *e, bool with_citizen, char *out, size_t size);

#endif
