/* store_report.h — the facts the funders' report is computed from.
 *
 * Each function reads one family of facts for a period (ISO dates, both
 * days included) inside the caller's transaction. Nothing here decides
 * what a figure means: how long a session is, what an hour of a visit
 * is, who counts as new or improved, is src/report_rules.c's, and
 * src/report.c puts the figures together. Lists come in growing arrays
 * the caller frees with free().
 */
#ifndef BB_STORE_REPORT_H
#define BB_STORE_REPORT_H

#include <stdbool.h>
#include "db.h"
#include "model_report.h"

/* The referral sources in the order of report_citizen_facts.by_source,
 * the end reasons of .ended, and the call outcomes of
 * report_call_facts.by_outcome: the schema's codes. */
extern const char *const report_source_codes[REPORT_SOURCES];
extern const char *const report_end_reason_codes[REPORT_END_REASONS];
extern const char *const report_call_outcome_codes[REPORT_CALL_OUTCOMES];

/* ---------- volunteers ---------- */

enum db_status store_report_volunteers(struct db *db, const struct report_period *p,
				       struct report_volunteer_facts *out);
/* Held sessions of the period, by id. */
enum db_status store_report_held_sessions(struct db *db, const struct report_period *p,
					  struct report_held_session **out, int *n);
/* Who helped at them, by session. */
enum db_status store_report_helpers(struct db *db, const struct report_period *p, struct report_helper **out,
				    int *n);

/* ---------- citizens ---------- */

enum db_status store_report_citizens(struct db *db, const struct report_period *p,
				     struct report_citizen_facts *out);
/* Citizens with a match open on some day of the period: each once, with
 * whether one of those matches is with a volunteer. */
enum db_status store_report_matched(struct db *db, const struct report_period *p,
				    void (*each)(void *ctx, long long citizen_id, bool volunteer), void *ctx);
/* Each citizen waiting for a match today: since when, and their area
 * (the postcode's first two digits; -1 when not known). */
enum db_status store_report_waiting(struct db *db,
				    void (*each)(void *ctx, long long citizen_id, const char *since, int area),
				    void *ctx);
/* The highest citizen id, for sets of citizens. */
enum db_status store_report_max_citizen(struct db *db, long long *out);

/* ---------- attendance ---------- */

/* Activities with a held or cancelled session in the period, or marks at
 * one, in Danish name order. */
enum db_status store_report_activities(struct db *db, const struct report_period *p,
				       struct report_activity_fact **out, int *n);
enum db_status store_report_session_counts(struct db *db, const struct report_period *p,
					   struct report_session_count **out, int *n);
/* Every mark at a session of the period, by activity, then date. */
enum db_status store_report_marks(struct db *db, const struct report_period *p,
				  void (*each)(void *ctx, const struct report_mark_fact *m), void *ctx);

/* Whether a citizen was present at an activity before a day: asked once
 * per participant, so the statement is prepared once. */
struct store_report_seen;
enum db_status store_report_seen_open(struct db *db, const char *before, struct store_report_seen **out);
enum db_status store_report_seen_ask(struct store_report_seen *s, long long citizen_id, long long activity_id,
				     bool *seen);
enum db_status store_report_seen_close(struct store_report_seen *s);

/* ---------- outcomes ---------- */

/* The measures the report follows (WHO-5, loneliness), as far as the
 * centre has them: code, name, whether higher is better. */
enum db_status store_report_measures(struct db *db, struct report_measure *out, int max, int *n,
				     long long *ids);
/* For every citizen measured by the end of the period: the first
 * measurement ever and the latest within the period. */
enum db_status store_report_measure_pairs(struct db *db, const struct report_period *p, long long measure_id,
					  struct report_measure_pair **out, int *n);

/* ---------- follow-up ---------- */

enum db_status store_report_calls(struct db *db, const struct report_period *p, struct report_call_facts *out);

/* ---------- unmet wishes ---------- */

enum db_status store_report_interests(struct db *db, struct report_interest **out, int *n);
/* Every citizen's interests. */
enum db_status store_report_citizen_interests(struct db *db,
					      void (*each)(void *ctx, long long citizen_id, long long interest_id),
					      void *ctx);
/* What the active activities offer, by interest and area. */
enum db_status store_report_offers(struct db *db, struct report_offer_fact **out, int *n);

#endif
