/* registry.h — what the coordinator does with the registry of volunteers
 * and activities: find them as you type, read one, save one (checked
 * against another desk's edit), pause, stop, end or take one back, and
 * keep the weekly sessions planned ahead.
 *
 * Each change is one use case: the role check, one transaction, the
 * stores (db/store_registry.h), the rules (src/registry_rules.h) and the
 * audit record, committed or rolled back as a whole. Anyone signed in may
 * look; only a coordinator changes the registry (DB_ERR_FORBIDDEN).
 * "Today" is the program's clock (date_today). Nothing is ever deleted:
 * matches, sessions and attendance refer to it. */
#ifndef BB_REGISTRY_H
#define BB_REGISTRY_H

#include "date.h"
#include "desk.h"
#include "model_matching.h"
#include "model_registry.h"

/* ---------- reading ---------- */

/* Search as you type; `query` folded by fold_search ("" for all). See
 * store_volunteers_search for the order. */
enum db_status registry_find_volunteers(struct desk *d, const char *query, int offset, int limit,
					struct volunteer_row *out, int *count);
enum db_status registry_find_activities(struct desk *d, const char *query, int offset, int limit,
					struct activity_row *out, int *count);

enum db_status registry_volunteer(struct desk *d, long long id, struct volunteer_record *out);
/* With the next planned session from today. */
enum db_status registry_activity(struct desk *d, long long id, struct activity_record *out);
/* Whom the volunteer supports now: their open matches, oldest first. */
enum db_status registry_volunteer_matches(struct desk *d, long long volunteer_id, struct match_row *out, int max,
					  int *count);

/* ---------- changing ---------- */

/* Creates (rec->id 0; *id gets the new id, may be NULL) or saves an edit
 * made on `expected_version`: DB_ERR_CONFLICT when another desk saved it
 * since, and nothing is written. */
enum db_status registry_save_volunteer(struct desk *d, const struct volunteer_record *rec, long long expected_version,
				       long long *id);
/* As registry_save_volunteer. Times that break the rule
 * (registry_rule_activity_times) give DB_ERR_INVALID and *why (may be
 * NULL) says which. In the same transaction, a weekly activity that is
 * active has its sessions planned REG_SESSION_WEEKS ahead, and a changed
 * weekday or time is followed by the planned sessions nobody is booked on
 * yet (registry_rule_sessions_follow). */
enum db_status registry_save_activity(struct desk *d, const struct activity_record *rec, long long expected_version,
				      long long *id, enum activity_times_check *why);

/* Pause, stop or take back a volunteer ("active", "paused", "stopped",
 * "training"). Their open matches stay open: the coordinator ends them
 * one by one. */
enum db_status registry_set_volunteer_status(struct desk *d, long long id, const char *status);
/* Ends an activity ("ended") or takes it up again ("active"). Ending
 * drops the planned sessions nobody is booked on and cancels the others
 * with `cancel_reason`; taking it up again plans its sessions anew. */
enum db_status registry_set_activity_status(struct desk *d, long long id, const char *status,
					    const char *cancel_reason);

/* Plans the weekly sessions of one active activity (all with 0) `weeks`
 * weeks ahead from today; dates that have a session already are left
 * alone. Anyone signed in may. *created (may be NULL) gets the number of
 * new sessions. */
enum db_status registry_plan_sessions(struct desk *d, long long activity_id, int weeks, int *created);

/* The weeks ahead planned for every activity, a few activities a step,
 * among the day's rules at start (src/daily.h), so attendance and
 * matching always find next week's sessions: each activity from the
 * first day its plan does not reach, so a day plans those its weekday
 * comes into the weeks ahead for, not all. No role check: the centre's
 * own rule. Zeroed to begin. */
struct plan_ahead {
	bool begun;                 /* the day noted (a step committed) */
	int created;                /* sessions written so far */
	bool done;
};
enum db_status registry_plan_ahead_step(struct desk *d, struct date today, struct plan_ahead *p);

#endif
