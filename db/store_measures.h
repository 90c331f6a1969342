/* store_measures.h — outcome measures (WHO-5, the three-item loneliness
 * scale, and any a centre adds) as data: each questionnaire's wording,
 * answer scale, scoring factor and score bands live in measure_defs,
 * measure_items, measure_scale and measure_bands, so a centre adds a
 * measure with rows, not code. Scoring and validation are src/measures.c's;
 * this module reads the definitions, writes a citizen's answers with their
 * total, and reads the history the citizen card charts.
 *
 * Answers are health data: writing them needs the citizen's consent to
 * 'measures' (consents table), which store_measures_record can record in the
 * same transaction when the desk has just asked.
 */
#ifndef BB_STORE_MEASURES_H
#define BB_STORE_MEASURES_H

#include <stdbool.h>
#include "db.h"
#include "store_settings.h"
#include "model_measures.h"

/* The active measures, in the centre's order. */
enum db_status store_measures_defs(struct db *db, struct measure_ref *out, int max, int *count);
enum db_status store_measures_def_load(struct db *db, long long id, struct measure_def *out);

/* Whether the citizen's consent to 'measures' is in force. */
enum db_status store_measures_consent(struct db *db, long long citizen_id, bool *given);

/* Writes the answers and the total in one transaction. Without consent
 * (on record or recorded now) nothing is written: DB_ERR_CONSTRAINT. An
 * answer outside its item's range, or too few or many answers, is refused
 * the same way. */
enum db_status store_measures_record(struct db *db, db_user_id actor, const struct measure_entry *in, long long *id);

/* Every measure the citizen has results for, in the centre's order. */
enum db_status store_measures_history(struct db *db, long long citizen_id, struct measure_history *out, int max,
				int *count);

#endif
