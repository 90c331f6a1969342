/* attendance.c — the attendance use cases (attendance.h). */
#include "attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance_rules.h"
#include "call_rules.h"
#include "cpr.h"
#include "db.h"
#include "protection_rules.h"
#include "store_attendance.h"
#include "store_calls.h"
#include "store_protection.h"
#include "store_settings.h"
#include "textkeys.h"
#include "utf8.h"

enum { MATCHES_MAX = 16 };

static void today_iso(char out[DATE_ISO_LEN])
{
	date_format_iso(date_today(), out);
}

/* ---------- reading ---------- */

enum db_status attendance_week(struct desk *d, struct date monday, const char *query, const struct session_key *key,
			       enum session_page dir, struct session_info *out, int max, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	date_format_iso(monday, from);
	date_format_iso(date_add_days(monday, 6), to);
	return store_attendance_sessions_page(d->db, from, to, query, key, dir, out, max, count);
}

void session_key_of(const struct session_info *s, struct session_key *key)
{
	snprintf(key->date, sizeof key->date, "%s", s->date);
	snprintf(key->time, sizeof key->time, "%s", s->start_time[0] ? s->start_time : "99:99");
	key->activity_id = s->activity_id;
}

enum db_status attendance_session_for(struct desk *d, long long activity_id, const char *date,
				      long long *session_id)
{
	*session_id = 0;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	bool created = false;
	r = store_attendance_session_open(d->db, activity_id, date, session_id, &created);
	if (r == DB_OK && created)
		r = desk_audit(d, "create", "session", *session_id, date);
	r = desk_end(d, r);
	if (r != DB_OK)
		*session_id = 0;
	return r;
}

enum db_status attendance_session(struct desk *d, long long session_id, struct session_info *out,
				  struct volunteer_ref *helpers, int max, int *nhelpers)
{
	*nhelpers = 0;
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = store_attendance_session_get(d->db, session_id, out);
	if (r == DB_OK && helpers)
		r = store_attendance_session_helpers(d->db, session_id, helpers, max, nhelpers);
	return desk_end(d, r);
}

enum db_status attendance_neighbour(struct desk *d, long long session_id, int dir, long long *out)
{
	*out = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_attendance_session_neighbour(d->db, session_id, dir, out);
}

/* A roll list opened is marks to come: their statements are prepared
 * now, while the desk reads the list, not at the first mark of each kind
 * or the first that plans, withdraws or answers a call (0.2-2 ms each). */
static void warm_mark(struct desk *d)
{
	store_attendance_warm(d->db);
	store_calls_warm_mark(d->db);
	store_consent_warm(d->db);
	store_audit_warm(d->db);
}

enum db_status attendance_roll_view(struct desk *d, long long session_id, struct roll *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = store_attendance_roll(d->db, session_id, out);
	/* The list names citizens and, for some activities, says something
	 * about their health: every look is in the log. */
	if (r == DB_OK)
		r = desk_audit(d, "view", "session", session_id, "roll list");
	r = desk_end(d, r);
	if (r != DB_OK)
		store_attendance_roll_free(out);
	else
		warm_mark(d);
	return r;
}

enum db_status attendance_roll_reload(struct desk *d, long long session_id, struct roll *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_attendance_roll(d->db, session_id, out);
}

enum db_status attendance_roll_entry(struct desk *d, const struct session_info *s, long long citizen_id,
				     struct roll_entry *out)
{
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_attendance_roll_entry(d->db, s, citizen_id, out);
}

void attendance_roll_free(struct roll *r)
{
	store_attendance_roll_free(r);
}

enum db_status attendance_history(struct desk *d, long long activity_id, const char *until, int weeks,
				  struct history_grid *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = store_attendance_history(d->db, activity_id, until, weeks, out);
	if (r == DB_OK)
		r = desk_audit(d, "view", "activity", activity_id, "attendance history");
	r = desk_end(d, r);
	if (r != DB_OK)
		store_attendance_history_free(out);
	return r;
}

void attendance_history_free(struct history_grid *g)
{
	store_attendance_history_free(g);
}

enum db_status attendance_find_volunteers(struct desk *d, const char *query, struct volunteer_ref *out, int max,
					  int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_attendance_volunteers(d->db, query, out, max, count);
}

enum db_status attendance_find_activities(struct desk *d, const char *query, struct activity_ref *out, int max,
					  int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_attendance_activities(d->db, query, out, max, count);
}

/* ---------- marking ---------- */

/* A citizen who comes back answers the calls after missed sessions of
 * this enrolment that are still open (src/call_rules.h): they are
 * cancelled, with the reason kept in the call's note (the card's
 * timeline shows it). */
static enum db_status came_back(struct desk *d, const struct mark_context *cx, long long citizen_id,
				struct mark_outcome *out)
{
	struct call_missed_fact *open;
	int n = 0;
	char today[DATE_ISO_LEN];
	today_iso(today);
	enum db_status r = store_calls_missed_open(d->db, cx->enrolment_id, today, &open, &n);
	for (int i = 0; r == DB_OK && i < n; i++) {
		if (!call_rule_missed_answered(open[i].missed_on, cx->session.date))
			continue;
		char note[CALL_TEXT];
		call_rule_came_back_note(cx->session.date, note, sizeof note);
		r = store_calls_cancel(d->db, open[i].call_id, note, d->user);
		if (r == DB_OK)
			r = desk_audit(d, "update", "follow_up", open[i].call_id, "cancelled: came back");
		if (r == DB_OK) {
			out->call_answered = true;
			r = desk_audit(d, "update", "citizen", citizen_id, "follow-up call cancelled: came back");
		}
	}
	free(open);
	return r;
}

/* Rule 1: plans the call the missed sessions ask for, or withdraws the
 * one this session caused when a corrected mark no longer asks for it.
 * The source key makes the same situation never plan two calls, and a
 * call still open for the enrolment stands for the same situation: no
 * second one. Coming back answers the open ones. */
static enum db_status missed_rule_at(struct desk *d, const struct mark_context *cx, long long citizen_id,
				     char mark, bool came_since, struct mark_outcome *out)
{
	enum db_status r;
	if (mark == 'p' && (r = came_back(d, cx, citizen_id, out)) != DB_OK)
		return r;
	bool due = false;
	/* Having come since, they need no call for this run of misses; and
	 * a mark of came is the newest of the marks read, which ends every
	 * run (attendance_rule_missed_call): nothing to read for it. */
	if (mark && mark != 'p' && !came_since) {
		struct attendance_past past[ATT_RECENT];
		int n;
		if ((r = store_attendance_recent_marks(d->db, cx, citizen_id, past, ATT_RECENT, &n)) != DB_OK)
			return r;
		due = attendance_rule_missed_call(past, n);
	}
	/* Who would call, and whether they may, matter only for a call due
	 * (most marks plan none and read neither). */
	bool contact = false;
	long long responsible = 0;
	if (due
	    && (r = store_consent_in_force(d->db, citizen_id, consent_purpose_code(CONSENT_CONTACT), &contact)) != DB_OK)
		return r;
	if (due && contact
	    && (r = store_attendance_responsible(d->db, citizen_id, cx->session.activity_id, &responsible)) != DB_OK)
		return r;
	struct call_new call = { 0 };
	/* Without consent to contact the call is not due, and one planned
	 * before is withdrawn. */
	if (due && !contact)
		out->call_not_allowed = true;
	if (!call_rule_missed_call(cx->enrolment_id, cx->session.id, citizen_id, cx->session.date, responsible,
				   contact, date_today(), &call))
		due = false;
	if (due) {
		struct call_missed_fact *open;
		int nopen = 0, others = 0;
		char today[DATE_ISO_LEN];
		today_iso(today);
		if ((r = store_calls_missed_open(d->db, cx->enrolment_id, today, &open, &nopen)) != DB_OK)
			return r;
		for (int i = 0; i < nopen; i++)
			others += open[i].session_id != cx->session.id;
		free(open);
		due = call_rule_missed_due(due, others);
	}
	bool changed = false;
	r = due ? store_calls_plan(d->db, &call, &changed) : store_calls_withdraw(d->db, call.source_key, &changed);
	if (r != DB_OK || !changed)
		return r;
	if (due)
		out->call_planned = true;
	else
		out->call_withdrawn = true;
	char detail[120];
	snprintf(detail, sizeof detail, "%s %s", due ? "follow-up call planned" : "follow-up call withdrawn",
		 call.source_key);
	return desk_audit(d, "update", "citizen", citizen_id, detail);
}

/* A mark on a past session (a paper list caught up, a mark corrected)
 * may come before others already made, and the runs of misses that end
 * at those include it: each is judged again, oldest first, as if the
 * marks had been typed in the order of their dates (absent on the 26th,
 * then on the 19th, planned none; a call whose run a correction broke
 * stayed open). Up to today, as the day's replay of the marks: a notice
 * given ahead was judged when given. Today's sessions and later ones
 * read nothing more. */
static enum db_status missed_rule(struct desk *d, const struct mark_context *cx, long long citizen_id,
				  const char *mark, struct mark_outcome *out)
{
	if (!cx->enrolment_id)
		return DB_OK;
	char today[DATE_ISO_LEN];
	today_iso(today);
	struct attendance_later later[ATT_RECENT];
	int n = 0;
	bool came_since = false;
	enum db_status r = DB_OK;
	if (strcmp(cx->session.date, today) < 0)
		r = store_attendance_later_marks(d->db, cx, citizen_id, today, later, ATT_RECENT, &n, &came_since);
	if (r == DB_OK)
		r = missed_rule_at(d, cx, citizen_id, mark ? mark[0] : '\0', came_since, out);
	for (int i = 0; r == DB_OK && i < n; i++) {
		if (!later[i].enrolment_id)
			continue;
		struct mark_context at = *cx;
		at.session.id = later[i].session_id;
		snprintf(at.session.date, sizeof at.session.date, "%s", later[i].date);
		at.enrolment_id = later[i].enrolment_id;
		r = missed_rule_at(d, &at, citizen_id, later[i].mark, came_since, out);
	}
	return r;
}

/* Rule 3: a present mark completes the accompaniment milestone of the
 * matches the rule says it does. A mark taken back puts right the
 * matches that had it from this very date. */
static enum db_status accompaniment_rule(struct desk *d, const struct mark_context *cx, long long citizen_id,
					 const char *mark, struct mark_outcome *out)
{
	enum db_status r;
	if (!mark || strcmp(mark, "present") != 0) {
		bool changed = false;
		r = store_attendance_accompaniment_recompute(d->db, citizen_id, cx->session.date, &changed);
		if (r != DB_OK || !changed)
			return r;
		return desk_audit(d, "update", "citizen", citizen_id, "accompaniment recomputed");
	}
	struct attendance_match matches[MATCHES_MAX];
	int n = 0;
	if ((r = store_attendance_matches(d->db, citizen_id, matches, MATCHES_MAX, &n)) != DB_OK)
		return r;
	bool any = false, reached = false;
	for (int i = 0; i < n && r == DB_OK; i++) {
		if (!attendance_rule_completes_accompaniment(&matches[i], cx->session.activity_id, cx->session.date,
							     mark))
			continue;
		bool this_one = false;
		r = store_attendance_accompaniment_done(d->db, matches[i].id, cx->session.date, &this_one);
		reached |= this_one;
		any = true;
	}
	if (r != DB_OK || !any)
		return r;
	out->accompaniment_done = reached;
	return desk_audit(d, "update", "citizen", citizen_id,
			  reached ? "accompaniment done" : "accompaniment put right");
}

/* The mark itself with everything the rules make of it, inside the use
 * case's transaction. walk_in: 1 yes, 0 no, -1 keep what the row says
 * (a new row: not enrolled means walk-in). */
static enum db_status write_mark(struct desk *d, const struct mark_context *cx, long long citizen_id,
				 const char *mark, long long accompanied_by, int walk_in, struct mark_outcome *out)
{
	if (strcmp(cx->session.status, "cancelled") == 0)
		return DB_ERR_CONFLICT;
	char today[DATE_ISO_LEN], now[20];
	today_iso(today);
	date_now_stamp(now);
	bool present = mark && strcmp(mark, "present") == 0;
	struct attendance_write w = {
		.session_id = cx->session.id, .citizen_id = citizen_id, .mark = mark,
		.accompanied_by = present ? accompanied_by : 0,
		.walk_in = walk_in >= 0 ? walk_in != 0 : cx->enrolment_id == 0, .keep_walk_in = walk_in < 0,
		.now = now, .by = d->user,
	};
	enum db_status r = store_attendance_write_mark(d->db, &w);
	if (r == DB_OK && attendance_rule_held(cx->session.status, cx->session.date, today, mark)) {
		r = store_attendance_set_held(d->db, cx->session.id);
		out->session_held = r == DB_OK;
	}
	long long left = 0;
	if (r == DB_OK && !mark && (r = store_attendance_session_marks(d->db, cx->session.id, &left)) == DB_OK
	    && attendance_rule_planned_again(cx->session.status, left)) {
		r = store_attendance_set_planned(d->db, cx->session.id);
		out->session_planned_again = r == DB_OK;
	}
	char detail[96];
	snprintf(detail, sizeof detail, "attendance session %lld: %s%s", cx->session.id, mark ? mark : "cleared",
		 w.accompanied_by ? " accompanied" : "");
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", citizen_id, detail);
	if (r == DB_OK)
		r = missed_rule(d, cx, citizen_id, mark, out);
	if (r == DB_OK)
		r = accompaniment_rule(d, cx, citizen_id, mark, out);
	return r;
}

enum db_status attendance_mark(struct desk *d, long long session_id, long long citizen_id, const char *mark,
			       long long accompanied_by, struct mark_outcome *out)
{
	return attendance_mark_seen(d, session_id, citizen_id, mark, accompanied_by, NULL, out);
}

enum db_status attendance_mark_seen(struct desk *d, long long session_id, long long citizen_id, const char *mark,
				    long long accompanied_by, const char *seen_mark, struct mark_outcome *out)
{
	/* A copy: the caller may hand in a mark from `out` itself. */
	char seen_copy[ATT_CODE];
	const char *seen = NULL;
	if (seen_mark) {
		snprintf(seen_copy, sizeof seen_copy, "%s", seen_mark);
		seen = seen_copy;
	}
	struct mark_outcome ignored;
	if (!out)
		out = &ignored;
	memset(out, 0, sizeof *out);
	if (!attendance_rule_valid_mark(mark))
		return DB_ERR_MISUSE;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	struct mark_context cx;
	char today[DATE_ISO_LEN];
	today_iso(today);
	r = store_attendance_mark_context(d->db, session_id, citizen_id, &cx);
	if (r == DB_OK && !attendance_rule_may_mark(cx.session.date, today, mark))
		r = DB_ERR_INVALID;
	struct mark_outcome other = { 0 };
	if (r == DB_OK && seen) {
		char now[20];
		date_now_stamp(now);
		r = store_attendance_current_mark(d->db, session_id, citizen_id, &other);
		if (r == DB_OK && attendance_rule_ask_before_override(seen, other.other_mark, other.other_at, now))
			r = DB_ERR_CONFLICT;
	}
	if (r == DB_OK)
		r = write_mark(d, &cx, citizen_id, mark, accompanied_by, -1, out);
	r = desk_end(d, r);
	if (r != DB_OK)
		memset(out, 0, sizeof *out);
	if (r == DB_ERR_CONFLICT)
		*out = other;
	return r;
}

/* Enrols a walk-in as the desk chose: not over the activity's places
 * unless the desk decided so when asked (DB_ERR_CONSTRAINT asks). */
static enum db_status enrol(struct desk *d, const struct mark_context *cx, long long citizen_id,
			    enum walk_in_enrol how)
{
	if (how == WALK_IN_ONLY_TODAY)
		return DB_OK;
	struct enrol_places places;
	enum db_status r = store_attendance_places(d->db, cx->session.activity_id, citizen_id, &places);
	if (r != DB_OK)
		return r;
	bool fits = attendance_rule_enrol_fits(&places);
	if (!fits && how != WALK_IN_ENROL_ANYWAY)
		return DB_ERR_CONSTRAINT;
	bool added = false;
	r = store_attendance_enrol(d->db, citizen_id, cx->session.activity_id, cx->session.date, &added);
	if (r != DB_OK || !added)
		return r;
	char detail[96];
	snprintf(detail, sizeof detail, "enrolled in activity %lld%s", cx->session.activity_id,
		 fits ? "" : " over its places");
	return desk_audit(d, "update", "citizen", citizen_id, detail);
}

enum db_status attendance_places(struct desk *d, long long session_id, long long citizen_id,
				 struct enrol_places *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	struct session_info s;
	r = store_attendance_session_get(d->db, session_id, &s);
	if (r == DB_OK)
		r = store_attendance_places(d->db, s.activity_id, citizen_id, out);
	return desk_end(d, r);
}

/* A mark reads some ten pages of its own citizen's (their marks, calls,
 * matches; for a call due, consents; the rows the retention triggers
 * look at, the index pages the mark and its audit line go into) that
 * nothing at this roll call read before. From the disk they made the
 * slowest marks 4-10 times the fdatasync that is their floor (1.4-3.6
 * ms of reads). Made "present", then "absent", and undone, while the
 * desk reads the list, the mark itself finds them in the system's cache.
 * Nothing of it is kept, the audit line with it: it is no one's look at
 * the citizen. */
enum db_status attendance_rehearse_mark(struct desk *d, long long session_id, long long citizen_id,
					bool (*key_waiting)(void *ctx), void *ctx)
{
	enum db_status r = desk_begin_rehearsal(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	db_interrupt_when(d->db, key_waiting, ctx);
	struct mark_context cx;
	struct mark_outcome ignored = { 0 };
	char today[DATE_ISO_LEN];
	today_iso(today);
	r = store_attendance_mark_context(d->db, session_id, citizen_id, &cx);
	if (r == DB_OK && attendance_rule_may_mark(cx.session.date, today, "present"))
		r = write_mark(d, &cx, citizen_id, "present", 0, -1, &ignored);
	if (r == DB_OK && attendance_rule_may_mark(cx.session.date, today, "absent"))
		r = write_mark(d, &cx, citizen_id, "absent", 0, -1, &ignored);
	db_interrupt_when(d->db, NULL, NULL);
	return desk_end_undone(d, r);
}

/* The rehearsals of a list of twenty read more pages than SQLite's own
 * cache of 2 MiB keeps, and the pages a rehearsal wrote it drops when
 * it is undone: the mark found two or three of its pages (the citizen's
 * place in the marks' index and in the audit log's, their matches) gone
 * and read them from the system again, a twentieth of its CPU time. The
 * next mark rehearsed once more, then the pages it writes read. */
enum db_status attendance_ready_mark(struct desk *d, long long session_id, long long citizen_id,
				     bool (*key_waiting)(void *ctx), void *ctx)
{
	enum db_status r = attendance_rehearse_mark(d, session_id, citizen_id, key_waiting, ctx);
	if (r != DB_OK || (r = desk_begin_read(d, ROLE_DESK)) != DB_OK)
		return r;
	return desk_end(d, store_attendance_read_mark_pages(d->db, session_id, citizen_id));
}

bool attendance_rehearsable(struct desk *d, const struct session_info *s)
{
	char today[DATE_ISO_LEN];
	today_iso(today);
	return db_rehearsal_helps(d->db) && strcmp(s->status, "cancelled") != 0
	       && attendance_rule_may_mark(s->date, today, "present");
}

enum db_status attendance_add_walk_in(struct desk *d, long long session_id, long long citizen_id,
				      enum walk_in_enrol enrol_too)
{
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	struct mark_context cx;
	struct mark_outcome outcome = { 0 };
	r = store_attendance_mark_context(d->db, session_id, citizen_id, &cx);
	/* Someone on the roll already is simply marked as having come. */
	if (r == DB_OK)
		r = write_mark(d, &cx, citizen_id, "present", 0, cx.enrolment_id == 0, &outcome);
	if (r == DB_OK)
		r = enrol(d, &cx, citizen_id, enrol_too);
	return desk_end(d, r);
}

enum db_status attendance_add_new_person(struct desk *d, long long session_id, const char *name, const char *phone,
					 enum walk_in_enrol enrol_too, long long *citizen_id)
{
	*citizen_id = 0;
	size_t chars = utf8_length(name);
	if (chars == 0 || chars > NAME_CHARS || cpr_found(name) || (phone && cpr_found(phone)))
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	char today[DATE_ISO_LEN], now[20];
	today_iso(today);
	date_now_stamp(now);
	long long id = 0;
	struct mark_context cx = { 0 };
	struct mark_outcome outcome = { 0 };
	struct citizen_key_source *who = calloc(1, sizeof *who);
	struct citizen_keys *keys = malloc(sizeof *keys);
	r = who && keys ? store_attendance_session_get(d->db, session_id, &cx.session) : DB_ERR_IO;
	if (r == DB_OK) {
		snprintf(who->name, sizeof who->name, "%s", name);
		snprintf(who->phone, sizeof who->phone, "%s", phone ? phone : "");
		textkeys_citizen(who, keys);
		r = store_attendance_new_person(d->db, &(struct new_person){ .name = name, .phone = phone,
			.today = today, .now = now, .by = d->user, .keys = keys }, &id);
	}
	free(keys);
	free(who);
	if (r == DB_OK)
		r = desk_audit(d, "create", "citizen", id, "walk-in");
	if (r == DB_OK)
		r = write_mark(d, &cx, id, "present", 0, 1, &outcome);
	if (r == DB_OK)
		r = enrol(d, &cx, id, enrol_too);
	r = desk_end(d, r);
	if (r == DB_OK)
		*citizen_id = id;
	return r;
}

/* ---------- the session itself ---------- */

/* Marks belong to a session that took place: cancelling would leave them
 * meaning nothing, so they must be taken away first. */
static enum db_status set_cancelled(struct desk *d, long long session_id, const char *reason, enum db_status marked)
{
	bool cancel = reason && reason[0];
	enum db_status r = DB_OK;
	if (cancel) {
		long long marks = 0;
		r = store_attendance_session_marks(d->db, session_id, &marks);
		if (r == DB_OK && marks > 0)
			return marked;
	}
	if (r == DB_OK)
		r = store_attendance_session_cancel(d->db, session_id, cancel ? reason : NULL);
	if (r == DB_OK)
		r = desk_audit(d, "update", "session", session_id, cancel ? "cancel" : "reopen");
	return r;
}

enum db_status attendance_cancel_session(struct desk *d, long long session_id, const char *reason)
{
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	return desk_end(d, set_cancelled(d, session_id, reason, DB_ERR_CONFLICT));
}

enum db_status attendance_save_session(struct desk *d, const struct session_edit *e, bool cancelled,
				       const char *cancel_reason, enum session_refusal *why)
{
	*why = SESSION_SAVED;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	struct session_info before;
	bool clash = false;
	r = store_attendance_session_get(d->db, e->id, &before);
	/* Moving onto a date the activity already meets on is a clash the
	 * desk can act on, not a broken rule: say so before writing. */
	if (r == DB_OK)
		r = store_attendance_session_clash(d->db, e->id, e->date, &clash);
	if (r == DB_OK && clash) {
		*why = SESSION_DATE_TAKEN;
		r = DB_ERR_INVALID;
	}
	if (r == DB_OK)
		r = store_attendance_session_update(d->db, e);
	if (r == DB_OK)
		r = desk_audit(d, "update", "session", e->id, "details");
	bool was = strcmp(before.status, "cancelled") == 0;
	bool new_reason = cancelled && strcmp(cancel_reason ? cancel_reason : "", before.cancel_reason) != 0;
	if (r == DB_OK && (was != cancelled || new_reason)) {
		r = set_cancelled(d, e->id, cancelled ? cancel_reason : NULL, DB_ERR_INVALID);
		if (r == DB_ERR_INVALID)
			*why = SESSION_HAS_MARKS;
	}
	return desk_end(d, r);
}
