/* exchange_import_cells.c — one cell of the import read and checked by
 * the rules the forms use: texts, phone numbers, postcodes, dates,
 * numbers, words of a code list, yes/no, the name (exchange_import_internal.h). */
#include "exchange_import_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "exchange_columns.h"
#include "exchange_rules.h"
#include "field_rules.h"
#include "fold.h"
#include "i18n.h"
#include "model_limits.h"
#include "strbuf.h"
#include "utf8.h"

/* ---------- reading a cell ---------- */

bool import_has(const struct import_job *j, int id)
{
	return j->where[id] > 0;
}

/* The whole cell of column `id` as a form would hold it: without the
 * spaces around it, without the apostrophe the export puts before a
 * formula-like text, and with its line breaks as spaces (the forms hold
 * one line). Valid until the next call. */
static const char *cell_text(struct import_job *j, int id)
{
	if (!import_has(j, id))
		return "";
	const char *raw;
	size_t n = exchange_rule_trimmed(csv_unprotect(csv_cell(&j->reader, j->where[id] - 1)), &raw);
	if (n + 1 > j->scratch_cap) {
		char *s = realloc(j->scratch, n + 1);
		if (!s)
			return "";
		j->scratch = s;
		j->scratch_cap = n + 1;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (raw[i] != '\r' && raw[i] != '\n')
			j->scratch[k++] = raw[i];
		else if (k == 0 || j->scratch[k - 1] != ' ')
			j->scratch[k++] = ' ';
	}
	j->scratch[k] = '\0';
	return j->scratch;
}

/* The cell into buf, cut to fit (for short values: a date, a number). */
const char *import_cell(struct import_job *j, int id, char *buf, size_t size)
{
	exchange_rule_trim(cell_text(j, id), buf, size);
	return buf;
}

static const char *title_of(int table, int id)
{
	int n;
	const struct exchange_column *cols = exchange_columns((enum exchange_table)table, &n);
	for (int i = 0; i < n; i++)
		if (cols[i].id == id)
			return _(cols[i].title);
	return "";
}

/* A text of at most max_chars characters and no CPR number; empty is
 * allowed unless `required`. */
void import_text(struct import_job *j, int id, char *dst, size_t size, size_t max_chars, bool required)
{
	const char *whole = cell_text(j, id);
	size_t n = utf8_length(whole);
	exchange_rule_trim(whole, dst, size);
	if (n > max_chars) {
		import_problem(j, id, P_("At most %zu character.", "At most %zu characters.", max_chars), max_chars);
		dst[0] = '\0';
		return;
	}
	const char *why = field_rule_no_cpr(dst);
	if (why) {
		import_problem(j, id, "%s", why);
		dst[0] = '\0';
		return;
	}
	if (required && !dst[0])
		import_problem(j, id, _("%s must be filled in."), title_of(j->req->table, id));
}

/* A text checked by a field rule (phone, e-mail) when not empty. */
void import_checked_text(struct import_job *j, int id, char *dst, size_t size, size_t max_chars,
			 const char *(*rule)(const char *))
{
	import_text(j, id, dst, size, max_chars, false);
	const char *why = dst[0] ? rule(dst) : NULL;
	if (why) {
		import_problem(j, id, "%s", why);
		dst[0] = '\0';
	}
}

void import_postcode(struct import_job *j, int id, char dst[5])
{
	char buf[64], code[8];
	import_cell(j, id, buf, sizeof buf);
	dst[0] = '\0';
	if (!buf[0])
		return;
	exchange_rule_postcode(buf, code);
	const char *why = field_rule_postcode(code);
	if (why)
		import_problem(j, id, "%s", why);
	else
		snprintf(dst, 5, "%.4s", code); /* checked: four digits */
}

/* A date, ISO into dst ("" when empty); `happened`: not after today,
 * not long ago (the forms' rule for referrals, consents and ends). */
bool import_date_cell(struct import_job *j, int id, char dst[CIT_DATE], bool happened)
{
	char raw[64], buf[32];
	import_cell(j, id, raw, sizeof raw);
	exchange_rule_date(raw, buf);
	dst[0] = '\0';
	if (!buf[0])
		return true;
	struct date d;
	if (!date_parse(buf, &d)) {
		import_problem(j, id, _("'%s' is not a valid date. Write it as day-month-year, e.g. 26-11-2026."), buf);
		return false;
	}
	const char *why = happened ? field_rule_past_date(d, j->today) : NULL;
	if (why) {
		import_problem(j, id, "%s", why);
		return false;
	}
	date_format_iso(d, dst);
	return true;
}

/* A whole number from min to max; `fallback` when empty. */
int import_number(struct import_job *j, int id, long min, long max, int fallback)
{
	char buf[64];
	import_cell(j, id, buf, sizeof buf);
	if (!buf[0])
		return fallback;
	char *end;
	long v = strtol(buf, &end, 10);
	if (end == buf || *end || v < min || v > max) {
		import_problem(j, id, _("Write a whole number from %ld to %ld."), min, max);
		return fallback;
	}
	return (int)v;
}

/* The words a code list offers, for a message. */
void import_choices(const struct vocab *list, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	for (const struct vocab *v = list; v->code; v++)
		if (v->code[0])
			strbuf_item(&b, ", ", _(v->label));
}

/* A word of the list into dst (its code); `fallback` when empty. */
void import_code(struct import_job *j, int id, const struct vocab *list, char *dst, size_t size,
		 const char *fallback)
{
	char buf[256];
	import_cell(j, id, buf, sizeof buf);
	const char *c = NULL;
	snprintf(dst, size, "%s", fallback);
	if (!buf[0])
		return;
	if (exchange_rule_code(list, buf, &c)) {
		snprintf(dst, size, "%s", c);
		return;
	}
	char words[512];
	import_choices(list, words, sizeof words);
	import_problem(j, id, _("'%s' is not one of the choices: %s."), buf, words);
}

bool import_yes_no(struct import_job *j, int id)
{
	char buf[64];
	bool yes = false;
	import_cell(j, id, buf, sizeof buf);
	if (!exchange_rule_yes_no(buf, &yes))
		import_problem(j, id, _("'%s' is neither yes nor no: write %s or %s."), buf, _("Yes"), _("No"));
	return yes;
}

/* ---------- the name ---------- */

/* The name: one column, or first name and surname. */
void import_name(struct import_job *j, int whole, int first, int last, char *dst, size_t size)
{
	if (import_has(j, whole)) {
		import_text(j, whole, dst, size, NAME_CHARS, true);
		return;
	}
	dst[0] = '\0';
	if (!import_has(j, first) && !import_has(j, last))
		return; /* the header's problem, said once */
	char a[CIT_NAME], b[CIT_NAME];
	import_text(j, first, a, sizeof a, NAME_CHARS, false);
	import_text(j, last, b, sizeof b, NAME_CHARS, false);
	struct strbuf s = strbuf_on(dst, size);
	strbuf_item(&s, "", a);
	if (b[0])
		strbuf_item(&s, " ", b);
	if (!dst[0])
		import_problem(j, import_has(j, first) ? first : last, _("%s must be filled in."), _("Name"));
	else if (s.full || utf8_length(dst) > NAME_CHARS)
		import_problem(j, first, P_("At most %zu character.", "At most %zu characters.", (size_t)NAME_CHARS),
			(size_t)NAME_CHARS);
}

/* The weekday a word names (mandag, man, Monday, Mon): 1..7, or 0. */
int import_weekday_of(const char *word)
{
	for (int d = 1; d <= 7; d++) {
		const char *names[] = { _(vocab_weekday[d - 1].label), vocab_weekday[d - 1].label,
					date_weekday_abbr(d) };
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
			char a[64], b[64];
			fold_search(names[k], a, sizeof a);
			fold_search(word, b, sizeof b);
			if (a[0] && strcmp(a, b) == 0)
				return d;
		}
	}
	return 0;
}
