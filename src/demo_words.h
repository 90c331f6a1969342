/* demo_words.h — the demo's Danish words and tables, as data: names,
 * streets, postcodes and towns, activity templates, notes and texts.
 *
 * They are what a centre's own records would say, so they are data, not
 * program text, and are not translated. Lists are ordered common first
 * where the generator picks with a skew. Changing a list changes the demo
 * database for every seed.
 */
#ifndef BB_DEMO_WORDS_H
#define BB_DEMO_WORDS_H

#include <stdbool.h>

#include "demo_internal.h"

/* ---------- places ---------- */

enum region {
	AARHUS, EAST_JUTLAND, FUNEN, NORTH_JUTLAND, CAPITAL, SOUTH_JUTLAND,
	WEST_JUTLAND, ZEALAND,
};

struct place {
	const char *postcode, *town;
	const char *city;   /* the municipality: "Jobcenter Aarhus", "Aarhus Kommune" */
	enum region region;
	int weight;
};

extern const struct place demo_places[];
extern const long demo_place_count;
extern const struct word_list demo_streets, demo_floors;

/* ---------- names and contact details ---------- */

extern const struct word_list demo_women, demo_men, demo_surnames;
/* Second names for the double first names Danes often carry. */
extern const struct word_list demo_women_second, demo_men_second;

/* People whose first language is not Danish: names that fit it. */
struct name_group {
	const char *language;
	int permille;
	struct word_list women, men, surnames;
};

extern const struct name_group demo_name_groups[];
extern const long demo_name_group_count;

extern const struct word_list demo_mobile_prefixes, demo_mail_domains;
extern const char *const demo_landline_prefixes[REGIONS][3];

/* ---------- the seeded pick-lists (schema v1): interests 1..10, barriers 1..6 ---------- */

enum {
	I_WALKS = 1, I_FOOTBALL, I_CRAFTS, I_SINGING, I_COOKING, I_BOARD_GAMES,
	I_NATURE, I_EXERCISE, I_READING, I_COFFEE, INTEREST_COUNT = I_COFFEE,
};
enum {
	B_ANXIETY = 1, B_MOBILITY, B_TRANSPORT, B_ECONOMY, B_LANGUAGE, B_FATIGUE,
	BARRIER_COUNT = B_FATIGUE,
};

/* Parts of the day, as the schema's availability codes. */
extern const char *const demo_day_parts[3];

/* ---------- activities ---------- */

struct activity_template {
	const char *name;          /* "{by}": the municipality */
	const char *kind, *community;
	int weekday;
	const char *start, *end;
	int capacity;
	const char *organiser;
	const char *home_postcode; /* where the Aarhus original meets */
	const char *home_place;
	const char *place;         /* copies elsewhere: "{by}" is the town */
	bool volunteer_led;
	bool summer_break;
	int interests[3];
};

/* The first eight are the default demo's activities, in Aarhus. */
extern const struct activity_template demo_templates[];
extern const long demo_template_count;
extern const struct word_list demo_session_notes;

/* ---------- volunteers ---------- */

extern const struct weighted demo_volunteer_roles[];
extern const long demo_volunteer_role_count;
extern const struct word_list demo_lived_experiences, demo_extra_courses,
	demo_volunteer_languages;

/* ---------- citizens ---------- */

extern const struct word_list demo_backgrounds, demo_company_wishes;
extern const char *const demo_wish_by_interest[INTEREST_COUNT + 1]; /* [0]: no interest */

extern const struct weighted demo_sources[];
extern const long demo_source_count;
/* Organisations; "{by}" is the municipality. */
extern const struct word_list demo_health_orgs, demo_municipal_orgs, demo_other_orgs,
	demo_handover_orgs;
extern const struct word_list demo_volunteer_help_notes, demo_professional_help_notes;

struct relation {
	const char *name;
	int sex;           /* 0 woman, 1 man, 2 either */
	int min_age, max_age;
	bool family;
};

extern const struct relation demo_relations[];
extern const long demo_relation_count;
enum { RELATION_FRIEND = 8 }; /* "ven", who fits any age: its place in the table */

/* ---------- follow-up calls ---------- */

/* Outcome, note and next step of a call that has been made. */
struct call_result {
	const char *outcome;
	int weight;
	const char *notes[3];
	const char *next_steps[3];
};

extern const struct call_result demo_call_results[];
extern const long demo_call_result_count;
enum { CALL_NOT_REACHED = 1 }; /* its place in the table */
extern const struct word_list demo_call_times;

#endif
