/* exchange_people.c — the import's index of people (exchange_people.h):
 * two hash tables with chains, one by phone digits, one by folded name. */
#include "exchange_people.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "citizen_rules.h"
#include "fold.h"

struct people_entry {
	struct exchange_person person;
	char *folded;                 /* the folded name */
	char *digits;                 /* the phone's national digits, "" for none */
	int row;
	int next_phone, next_name;    /* entry index + 1 in the same bucket */
};

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void people_init(struct people_index *ix, bool activities)
{
	memset(ix, 0, sizeof *ix);
	ix->activities = activities;
}

void people_free(struct people_index *ix)
{
	for (int i = 0; i < ix->n; i++) {
		free(ix->entries[i].folded);
		free(ix->entries[i].digits);
	}
	free(ix->entries);
	free(ix->by_phone);
	free(ix->by_name);
	memset(ix, 0, sizeof *ix);
}

static void link_entry(struct people_index *ix, int i)
{
	struct people_entry *e = &ix->entries[i];
	unsigned mask = (unsigned)ix->buckets - 1;
	unsigned b = hash(e->folded) & mask;
	e->next_name = ix->by_name[b];
	ix->by_name[b] = i + 1;
	e->next_phone = 0;
	if (e->digits[0]) {
		b = hash(e->digits) & mask;
		e->next_phone = ix->by_phone[b];
		ix->by_phone[b] = i + 1;
	}
}

static bool rehash(struct people_index *ix, int buckets)
{
	int *phone = calloc((size_t)buckets, sizeof *phone);
	int *name = calloc((size_t)buckets, sizeof *name);
	if (!phone || !name) {
		free(phone);
		free(name);
		return false;
	}
	free(ix->by_phone);
	free(ix->by_name);
	ix->by_phone = phone;
	ix->by_name = name;
	ix->buckets = buckets;
	for (int i = 0; i < ix->n; i++)
		link_entry(ix, i);
	return true;
}

bool people_add(struct people_index *ix, const struct exchange_person *p, int row)
{
	if (ix->n == ix->cap) {
		int cap = ix->cap ? ix->cap * 2 : 1024;
		struct people_entry *e = realloc(ix->entries, (size_t)cap * sizeof *e);
		if (!e)
			return false;
		ix->entries = e;
		ix->cap = cap;
	}
	if (ix->n >= ix->buckets && !rehash(ix, ix->buckets ? ix->buckets * 2 : 1024))
		return false;
	struct people_entry *e = &ix->entries[ix->n];
	memset(e, 0, sizeof *e);
	e->person = *p;
	char folded[CIT_NAME], buf[CIT_SHORT];
	fold_search(p->name, folded, sizeof folded);
	const char *digits = ix->activities ? "" : citizen_rule_phone_digits(p->phone, buf, sizeof buf);
	e->folded = strdup(folded);
	e->digits = strdup(digits);
	if (!e->folded || !e->digits) {
		free(e->folded);
		free(e->digits);
		return false;
	}
	e->row = row;
	link_entry(ix, ix->n++);
	return true;
}

bool people_find(const struct people_index *ix, const struct exchange_person *p, int *row, const char **name,
		 enum import_same *why)
{
	if (!ix->buckets)
		return false;
	char folded[CIT_NAME], buf[CIT_SHORT];
	fold_search(p->name, folded, sizeof folded);
	const char *digits = ix->activities ? "" : citizen_rule_phone_digits(p->phone, buf, sizeof buf);
	unsigned mask = (unsigned)ix->buckets - 1;
	const struct people_entry *best = NULL;
	enum import_same best_why = SAME_NOT;
	/* The earliest one wins: on record first, then the lowest row. */
	if (digits[0]) {
		for (int i = ix->by_phone[hash(digits) & mask]; i; i = ix->entries[i - 1].next_phone) {
			const struct people_entry *e = &ix->entries[i - 1];
			if (strcmp(e->digits, digits) == 0 && (!best || e->row < best->row)) {
				best = e;
				best_why = SAME_PHONE;
			}
		}
	}
	for (int i = ix->by_name[hash(folded) & mask]; i; i = ix->entries[i - 1].next_name) {
		const struct people_entry *e = &ix->entries[i - 1];
		if (strcmp(e->folded, folded) != 0 || (best && e->row >= best->row))
			continue;
		enum import_same same = ix->activities
			? (exchange_rule_same_activity(e->person.name, p->name) ? SAME_NAME : SAME_NOT)
			: exchange_rule_same_person(&e->person, p);
		if (same != SAME_NOT) {
			best = e;
			best_why = same;
		}
	}
	if (!best)
		return false;
	*row = best->row;
	*name = best->person.name;
	*why = best_why;
	return true;
}
