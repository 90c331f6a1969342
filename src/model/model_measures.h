/* model_measures.h — the measures types: plain structs, enums and limits
 * that every layer shares. No functions. */
#ifndef BB_MODEL_MEASURES_H
#define BB_MODEL_MEASURES_H

#include <stdbool.h>
#include "model_status.h"

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

#endif
