/* demo_people.h — made-up Danes for the demo: names that fit their
 * language, phone numbers, e-mail addresses and street addresses; and the
 * volunteers, with their roles, areas, languages and courses. */
#ifndef BB_DEMO_PEOPLE_H
#define BB_DEMO_PEOPLE_H

#include <stddef.h>

#include "demo_internal.h"
#include "demo_words.h"

enum gender { WOMAN, MAN, OTHER };

struct person {
	enum gender gender;
	const struct name_group *group;
	char first[64], last[64];
	char name[NAME_LEN];
};

/* The schema's code: woman, man, other. */
const char *demo_gender_code(enum gender g);
enum gender demo_pick_gender(struct rng *r, int women_percent);
/* Most people speak Danish; the rest get a name group. NULL: Danish. */
const struct name_group *demo_pick_name_group(struct rng *r);
void demo_make_person(struct rng *r, struct person *p, enum gender gender,
		      const struct name_group *group);

/* "12 34 56 78", as Danes write a phone number. */
void demo_mobile(struct rng *r, char *out, size_t size);
/* A landline in the area of demo_places[place]. */
void demo_landline(struct rng *r, char *out, size_t size, int place);
void demo_make_email(struct rng *r, const struct person *p, char *out, size_t size);
void demo_make_address(struct rng *r, char *out, size_t size);

/* Interests and barriers as a set: bit i set is id i (1..count). */
unsigned demo_pick_ids(struct rng *r, int min, int max, int count);
/* Writes each id in `set` with `add` (demo_add_citizen_interest, ...). */
void demo_write_ids(struct demo_writer *w, long long owner_id, unsigned set, int count,
		    bool (*add)(struct demo_writer *, long long, long long));

/* Fills g->vols[0..n-1] and writes them; false when writing failed. */
bool demo_make_volunteers(struct gen *g, struct rng *r, long n);

#endif
