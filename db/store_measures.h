/* store_measures.h — outcome measures (WHO-5, the three-item loneliness
 * scale, and any a centre adds) as data: each questionnaire's wording,
 * answer scale, scoring factor and score bands live in measure_defs,
 * measure_items, measure_scale and measure_bands, so a centre adds a
 * measure with rows, not code. Scoring and validation are src/measures.c's;
 * this module reads the definitions, writes a citizen's answers with their
 * total, and reads the history the citizen card charts.
 *
 * Answers are health data: writing them needs the citizen's consent to
 * 'measures' (consents table), which measures_record can record in the
 * same transaction when the desk has just asked.
 */
#ifndef BB_STORE_MEASURES_H
#define BB_STORE_MEASURES_H

#include <stdbool.h>

#include "db.h"
#include "store_settings.h"

enum {
	MEASURE_CODE = 24,
	MEASURE_NAME = 244,     /* 60 characters */
	MEASURE_TEXT = 1004,    /* 250 characters: a question, the intro, the source */
	MEASURE_LABEL = 244,    /* an answer's or a band's words */
	MEASURE_DATE = 11,
	MEASURE_MAX_ITEMS = 40,
	MEASURE_MAX_SCALE = 12,
	MEASURE_MAX_BANDS = 8,
	MEASURE_MAX_DEFS = 16,
	MEASURE_HISTORY = 24,   /* points per measure the card charts */
};

struct measure_item {
	int position;
	char text[MEASURE_TEXT];
	int min_value, max_value;
	bool reverse;                    /* scored max+min-answer */
};

/* One answer of the scale all items share, e.g. 5 "Hele tiden". */
struct measure_step {
	int value;
	char label[MEASURE_LABEL];
};

/* Totals up to and including max_total read as label (lowest band first). */
struct measure_band {
	int max_total;
	char label[MEASURE_LABEL];
};

struct measure_def {
	long long id;
	char code[MEASURE_CODE];
	char name[MEASURE_NAME];
	char intro[MEASURE_TEXT];
	char source[MEASURE_TEXT];
	int multiplier;
	int min_total, max_total;
	bool higher_is_better;
	struct measure_item items[MEASURE_MAX_ITEMS];
	int nitems;
	struct measure_step scale[MEASURE_MAX_SCALE];  /* highest value first */
	int nscale;
	struct measure_band bands[MEASURE_MAX_BANDS];
	int nbands;
};

struct measure_ref {
	long long id;
	char code[MEASURE_CODE];
	char name[MEASURE_NAME];
};
/* The active measures, in the centre's order. */
enum db_status measures_defs(struct db *db, struct measure_ref *out, int max, int *count);
enum db_status measures_def_load(struct db *db, long long id, struct measure_def *out);

/* Whether the citizen's consent to 'measures' is in force. */
enum db_status measures_consent(struct db *db, long long citizen_id, bool *given);

struct measure_entry {
	long long citizen_id;
	long long measure_id;
	char taken_on[MEASURE_DATE];
	char occasion[MEASURE_CODE];     /* intake, follow_up, end */
	long long follow_up_id;          /* the call it was asked in, 0 */
	int total;                       /* as src/measures.c scored it */
	int answers[MEASURE_MAX_ITEMS];  /* by item order */
	int nanswers;
	bool record_consent;             /* the citizen agreed just now: record it too */
};
/* Writes the answers and the total in one transaction. Without consent
 * (on record or recorded now) nothing is written: DB_ERR_CONSTRAINT. An
 * answer outside its item's range, or too few or many answers, is refused
 * the same way. */
enum db_status measures_record(struct db *db, db_user_id actor, const struct measure_entry *in, long long *id);

struct measure_point {
	char taken_on[MEASURE_DATE];
	char occasion[MEASURE_CODE];
	int total;
};
/* A citizen's results for one measure: the first ever, then the latest
 * up to MEASURE_HISTORY, oldest first. */
struct measure_history {
	long long measure_id;
	char name[MEASURE_NAME];
	int min_total, max_total;
	bool higher_is_better;
	struct measure_point first;
	struct measure_point points[MEASURE_HISTORY];
	int npoints;
	int taken;                       /* times taken in all */
};
/* Every measure the citizen has results for, in the centre's order. */
enum db_status measures_history(struct db *db, long long citizen_id, struct measure_history *out, int max,
				int *count);

#endif
