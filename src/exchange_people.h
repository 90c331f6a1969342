/* exchange_people.h — the people (or activities) an import compares each
 * row with: those on record and the rows before it. Finding someone
 * looks only at the few with the same phone number or the same folded
 * name, so 100 000 rows are checked against 100 000 people at once;
 * whether two are the same is exchange_rule_same_person's to say. */
#ifndef BB_EXCHANGE_PEOPLE_H
#define BB_EXCHANGE_PEOPLE_H

#include <stdbool.h>

#include "exchange_rules.h"
#include "model_exchange.h"

struct people_entry;

struct people_index {
	bool activities;              /* compare by name alone */
	struct people_entry *entries;
	int n, cap;
	int *by_phone, *by_name;      /* bucket heads: entry index + 1, 0 empty */
	int buckets;
};

void people_init(struct people_index *ix, bool activities);
void people_free(struct people_index *ix);
/* Adds someone: row 0 for one on record, else the file's row. False when
 * memory runs out. */
bool people_add(struct people_index *ix, const struct exchange_person *p, int row);
/* The first one already there who is the same as p: true, with their
 * row (0: on record), their name and why. */
bool people_find(const struct people_index *ix, const struct exchange_person *p, int *row, const char **name,
		 enum import_same *why);

#endif
