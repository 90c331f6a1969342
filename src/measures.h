/* measures.h — outcome measures as the desk works with them: which
 * questionnaires the centre uses, one of them with its questions, a
 * citizen's answers kept with their score, and the citizen's results over
 * time for the cards' charts.
 *
 * Answers are health data: measures_record keeps them only with the
 * citizen's consent to 'measures' (on record, or given just now and
 * recorded in the same transaction), scores them itself with
 * src/measure_rules.h and writes the audit record, all or nothing.
 * Anyone signed in may do these. */
#ifndef BB_MEASURES_H
#define BB_MEASURES_H

#include <stdbool.h>

#include "desk.h"
#include "measure_rules.h"
#include "model_measures.h"

/* The active measures, in the centre's order. */
enum db_status measures_list(struct desk *d, struct measure_ref *out, int max, int *count);
/* One measure with its questions, answer scale and score bands. */
enum db_status measures_load(struct desk *d, long long measure_id, struct measure_def *out);

/* Whether the citizen's consent to 'measures' is on record, so the desk
 * knows to ask before saving. */
enum db_status measures_has_consent(struct desk *d, long long citizen_id, bool *given);

/* Keeps the answers (by item order) with the score the rules give them
 * (in->total is not read): in->record_consent says the citizen agreed
 * just now, and the consent is recorded with them. Without consent, with
 * answers missing or off the scale: DB_ERR_CONSTRAINT; a day not come
 * yet: DB_ERR_INVALID; nothing is written. *id is the new result's. */
enum db_status measures_record(struct desk *d, const struct measure_entry *in, long long *id);

/* Why measures_record_why refused: the rule's verdict on the answers
 * (MEASURE_OK when they were fine), the question (-1: the count or the
 * definition), whether consent was missing, and all of it in words for
 * the desk; words is "" when nothing was refused. */
enum { MEASURE_REFUSAL_WORDS = 240 };
struct measure_refusal {
	enum measure_check check;
	int item;
	bool no_consent;
	char words[MEASURE_REFUSAL_WORDS];
};
/* measures_record, saying why when it refuses (why may be NULL). */
enum db_status measures_record_why(struct desk *d, const struct measure_entry *in, long long *id,
				   struct measure_refusal *why);

/* Every measure the citizen has results for, in the centre's order. */
enum db_status measures_history(struct desk *d, long long citizen_id, struct measure_history *out, int max,
				int *count);

#endif
