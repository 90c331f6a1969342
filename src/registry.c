/* registry.c — the registry's use cases (registry.h). */
#include "registry.h"

#include <stdio.h>
#include <string.h>

#include "attendance_rules.h"
#include "date.h"
#include "db.h"
#include "registry_rules.h"
#include "store_matching.h"
#include "store_registry.h"
#include "store_settings.h"
#include "textkeys.h"

static void today_iso(char out[DATE_ISO_LEN])
{
	date_format_iso(date_today(), out);
}

/* ---------- reading ---------- */

enum db_status registry_find_volunteers(struct desk *d, const char *query, int offset, int limit,
					struct volunteer_row *out, int *count)
{
	*count = 0;
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = desk_end(d, store_volunteers_search(d->db, query, offset, limit, out, count));
	if (r != DB_OK)
		*count = 0;
	return r;
}

enum db_status registry_find_activities(struct desk *d, const char *query, int offset, int limit,
					struct activity_row *out, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_activities_search(d->db, query, offset, limit, out, count);
}

enum db_status registry_volunteer(struct desk *d, long long id, struct volunteer_record *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	return desk_end(d, store_volunteers_get(d->db, id, out));
}

enum db_status registry_activity(struct desk *d, long long id, struct activity_record *out)
{
	memset(out, 0, sizeof *out);
	char today[DATE_ISO_LEN];
	today_iso(today);
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = desk_end(d, store_activities_get(d->db, id, today, out));
	/* Today's session once it has begun is not the next one: the match's
	 * first session and the card's next step are the same day. */
	char now[20];
	date_now_stamp(now);
	if (r == DB_OK && out->next_session[0] && !attendance_rule_to_come(out->next_session, out->next_session_time, now))
		snprintf(out->next_session, sizeof out->next_session, "%s", out->session_after);
	return r;
}

enum db_status registry_volunteer_matches(struct desk *d, long long volunteer_id, struct match_row *out, int max,
					  int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_matching_volunteer_matches(d->db, volunteer_id, out, max, count);
}

/* ---------- changing ---------- */

enum db_status registry_save_volunteer(struct desk *d, const struct volunteer_record *rec, long long expected_version,
				       long long *id)
{
	long long saved = 0;
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	struct registry_keys keys;
	textkeys_volunteer(rec, &keys);
	r = store_volunteers_save(d->db, rec, &keys, expected_version, &saved);
	if (r == DB_OK)
		r = desk_audit(d, rec->id > 0 ? "update" : "create", "volunteer", saved, NULL);
	r = desk_end(d, r);
	if (id)
		*id = r == DB_OK ? saved : 0;
	return r;
}

/* After an edit: the planned sessions follow a new weekday or new times,
 * and an activity saved as ended keeps only what someone is booked on. */
static enum db_status follow_edit(struct desk *d, const struct activity_record *before,
				  const struct activity_record *after, const char *today)
{
	enum db_status r = DB_OK;
	switch (registry_rule_sessions_follow(before, after)) {
	case SESSIONS_NEW_DAY:
		r = store_registry_drop_free_sessions(d->db, after->id, today);
		break;
	case SESSIONS_NEW_TIMES:
		r = store_registry_move_sessions(d->db, after->id, today, after->start_time, after->end_time);
		break;
	case SESSIONS_STAY:
		break;
	}
	if (r == DB_OK && registry_rule_ended(after->status))
		r = store_registry_drop_free_sessions(d->db, after->id, today);
	return r;
}

enum db_status registry_save_activity(struct desk *d, const struct activity_record *rec, long long expected_version,
				      long long *id, enum activity_times_check *why)
{
	enum activity_times_check ignored;
	if (!why)
		why = &ignored;
	if (id)
		*id = 0;
	*why = ACTIVITY_TIMES_OK;
	enum db_status r = desk_allow(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	*why = registry_rule_activity_times(rec->weekday, rec->start_time, rec->end_time);
	if (*why != ACTIVITY_TIMES_OK)
		return DB_ERR_INVALID;
	if ((r = desk_begin(d, ROLE_COORDINATOR)) != DB_OK)
		return r;
	char today[DATE_ISO_LEN];
	today_iso(today);
	bool insert = rec->id <= 0;
	struct activity_record before;
	if (!insert)
		r = store_activities_get(d->db, rec->id, today, &before);
	long long saved = 0;
	struct registry_keys keys;
	textkeys_activity(rec, &keys);
	if (r == DB_OK)
		r = store_activities_save(d->db, rec, &keys, expected_version, &saved);
	if (r == DB_OK && !insert) {
		struct activity_record after = *rec;
		after.id = saved;
		r = follow_edit(d, &before, &after, today);
	}
	int planned = 0;
	if (r == DB_OK)
		r = store_registry_plan_sessions(d->db, saved, today, REG_SESSION_WEEKS, &planned);
	if (r == DB_OK)
		r = desk_audit(d, insert ? "create" : "update", "activity", saved, NULL);
	r = desk_end(d, r);
	if (id && r == DB_OK)
		*id = saved;
	return r;
}

enum db_status registry_set_volunteer_status(struct desk *d, long long id, const char *status)
{
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	r = store_volunteers_set_status(d->db, id, status);
	if (r == DB_OK)
		r = desk_audit(d, "update", "volunteer", id, status);
	return desk_end(d, r);
}

enum db_status registry_set_activity_status(struct desk *d, long long id, const char *status,
					    const char *cancel_reason)
{
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	char today[DATE_ISO_LEN];
	today_iso(today);
	r = store_activities_set_status(d->db, id, status);
	if (r == DB_OK && registry_rule_ended(status)) {
		/* What is left after the free ones go is promised to someone:
		 * it is cancelled, with the reason. */
		r = store_registry_drop_free_sessions(d->db, id, today);
		if (r == DB_OK)
			r = store_registry_cancel_sessions(d->db, id, today, cancel_reason);
	} else if (r == DB_OK) {
		int planned = 0;
		r = store_registry_plan_sessions(d->db, id, today, REG_SESSION_WEEKS, &planned);
	}
	if (r == DB_OK)
		r = desk_audit(d, "update", "activity", id, status);
	return desk_end(d, r);
}

enum db_status registry_plan_sessions(struct desk *d, long long activity_id, int weeks, int *created)
{
	int n = 0;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	char today[DATE_ISO_LEN];
	today_iso(today);
	r = store_registry_plan_sessions(d->db, activity_id, today, weeks, &n);
	if (r == DB_OK && n > 0) {
		char detail[64];
		snprintf(detail, sizeof detail, "sessions planned: %d", n);
		r = desk_audit(d, "create", "session", activity_id, detail);
	}
	r = desk_end(d, r);
	if (created)
		*created = r == DB_OK ? n : 0;
	return r;
}

/* Activities planned in one step: some 25 pages written at most, the
 * commit a key may wait for. */
enum { PLAN_AHEAD_ACTIVITIES = 5 };

/* The day the weeks ahead were last planned: on a day before it (a clock
 * put back) every activity is planned from that day again. */
#define KEY_PLAN_DAY "plan_ahead_day"

enum db_status registry_plan_ahead_step(struct desk *d, struct date today, struct plan_ahead *p)
{
	if (p->done || d->damaged) {
		p->done = true;
		return DB_OK;
	}
	char iso[DATE_ISO_LEN], last[SETTING_MAX];
	date_format_iso(today, iso);
	int n = 0;
	bool more = false;
	enum db_status r = db_begin(d->db);
	if (r != DB_OK) {
		p->done = r != DB_ERR_INTERRUPTED;
		return r;
	}
	/* Each activity notes how far its plan reaches (plan_next): only
	 * those the weeks ahead now reach past that, or never planned, are
	 * planned, so a day plans about a seventh of them, not every one. */
	if (!p->begun && (r = store_settings_get(d->db, KEY_PLAN_DAY, last, sizeof last)) == DB_OK
	    && strcmp(iso, last) != 0) {
		if (strcmp(iso, last) < 0)
			r = store_registry_plan_forget(d->db);
		if (r == DB_OK)
			r = store_settings_set(d->db, KEY_PLAN_DAY, iso);
	}
	if (r == DB_OK)
		r = store_registry_plan_due(d->db, iso, REG_SESSION_WEEKS, PLAN_AHEAD_ACTIVITIES, &n, &more);
	if (r == DB_OK && n > 0) {
		char detail[64];
		snprintf(detail, sizeof detail, "sessions planned: %d", n);
		r = desk_audit(d, "create", "session", 0, detail);
	}
	r = desk_end(d, r);
	if (r == DB_ERR_INTERRUPTED)
		return r; /* the same activities again next time */
	p->begun = p->begun || r == DB_OK;
	p->created += r == DB_OK ? n : 0;
	p->done = r != DB_OK || !more;
	return r;
}
