/* store_measures.h — outcome measures (WHO-5, the three-item loneliness
 * scale, and any a centre adds) as data: each questionnaire's wording,
 * answer scale, scoring factor and score bands live in measure_defs,
 * measure_items, measure_scale and measure_bands, so a centre adds a
 * measure with rows, not code. This module reads the definitions, writes
 * a citizen's answers with their total, and reads the history the cards
 * chart.
 *
 * Every function runs inside the caller's transaction: the use cases in
 * src/measures.c score the answers and check the consent (answers are
 * health data) with the rules of src/measure_rules.c, and write the audit
 * record. Nothing here decides whether answers may be kept.
 */
#ifndef BB_STORE_MEASURES_H
#define BB_STORE_MEASURES_H

#include <stdbool.h>
#include "db.h"
#include "model_measures.h"

/* The active measures, in the centre's order. */
enum db_status store_measures_defs(struct db *db, struct measure_ref *out, int max, int *count);
enum db_status store_measures_def_load(struct db *db, long long id, struct measure_def *out);

/* Whether the citizen's consent to 'measures' is in force. */
enum db_status store_measures_consent(struct db *db, long long citizen_id, bool *given);
/* Records the citizen's consent to 'measures', given on `day`. */
enum db_status store_measures_consent_add(struct db *db, long long citizen_id, const char *day, db_user_id by);

/* Writes the answers (by item order) and their total; *id is the new
 * row's. */
enum db_status store_measures_insert(struct db *db, const struct measure_entry *in, db_user_id by, long long *id);

/* Every measure the citizen has results for, in the centre's order. */
enum db_status store_measures_history(struct db *db, long long citizen_id, struct measure_history *out, int max,
				int *count);

#endif
