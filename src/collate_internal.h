/* collate_internal.h — for tests: collate.c without its Latin-1 table. */
#ifndef BB_COLLATE_INTERNAL_H
#define BB_COLLATE_INTERNAL_H

#include <stdbool.h>

/* While on, every key is made by ICU itself, Latin-1 text too, so a test
 * can hold the table's keys against ICU's. */
void collate_icu_only(bool on);

#endif
