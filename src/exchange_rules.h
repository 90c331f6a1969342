/* exchange_rules.h — the rules CSV import decides with, as pure functions
 * (no SQL, no files), tested in tests/test_exchange_rules.c:
 *
 * - Two rows are the same person when their phone numbers are the same
 *   (+45 or not), or their names fold to the same and their birth years
 *   are the same; when a birth year is missing, the same name with phone
 *   numbers that do not differ (the intake's rule). An activity is the
 *   same when its name folds to the same.
 * - A cell means a word of a code list when it folds to the code, to the
 *   word in the language the program speaks, or to the English word.
 * - Yes and no are written ja/nej, yes/no, j/n, x (ticked) or 1/0; an
 *   empty cell is no.
 * - A list in a cell is split at commas, semicolons and line breaks.
 * - A three-digit postcode is a Danish one that a spreadsheet read as a
 *   number and lost its leading zero (800 was 0800).
 * - A time with seconds (17:30:00) and a date with a midnight after it
 *   (26-03-2025 00:00:00) are how spreadsheets write a time or a date
 *   cell: the seconds and the midnight are left out.
 */
#ifndef BB_EXCHANGE_RULES_H
#define BB_EXCHANGE_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "model_exchange.h"
#include "vocab.h"

enum import_same {
	SAME_NOT,
	SAME_PHONE,        /* the same phone number */
	SAME_NAME_YEAR,    /* the same name and birth year */
	SAME_NAME,         /* the same name, a birth year missing, phones not different */
};
enum import_same exchange_rule_same_person(const struct exchange_person *a, const struct exchange_person *b);
/* Activities: the same folded name. */
bool exchange_rule_same_activity(const char *a, const char *b);

/* The code of the word in `cell`; false when it is none of the list's.
 * An empty cell is the list's "" entry when it has one. */
bool exchange_rule_code(const struct vocab *list, const char *cell, const char **code);
/* Yes or no; false when the cell is neither. */
bool exchange_rule_yes_no(const char *cell, bool *yes);

/* Calls `each` with every item of a list cell, trimmed, empty ones left
 * out; stops when it returns false. Returns the number of items seen. */
int exchange_rule_list(const char *cell, bool (*each)(void *ctx, const char *item), void *ctx);

/* The postcode as a form takes it: "800" becomes "0800"; anything else
 * is copied as it is. */
void exchange_rule_postcode(const char *cell, char out[8]);

/* The cell without the spaces and line breaks around it: *start and the
 * length. */
size_t exchange_rule_trimmed(const char *cell, const char **start);
/* A time or a date cell without what a spreadsheet adds to it. */
void exchange_rule_time(const char *cell, char out[16]);
void exchange_rule_date(const char *cell, char out[32]);

/* Copies cell into out without the spaces around it (size > 0), cut at a
 * character boundary when it does not fit. */
void exchange_rule_trim(const char *cell, char *out, size_t size);

#endif
