/* daily.c — the rules that run by themselves at start (daily.h). */
#include "daily.h"

#include "db.h"

void daily_begin(struct daily_work *w, struct date today)
{
	*w = (struct daily_work){ .today = today };
}

void daily_end(struct daily_work *w)
{
	calls_due_free(&w->calls);
}

bool daily_pending(const struct daily_work *w)
{
	return !w->retention.done || !w->sessions.done || !w->calls_done || !w->marks.done || !w->no_contact.done;
}

/* Busy and read-only are no failure of the day's work; a key that
 * stopped a step is none either: the step is done again when the desk is
 * idle once more. */
static enum db_status quietly(enum db_status r)
{
	return r == DB_ERR_BUSY || r == DB_ERR_READONLY || r == DB_ERR_INTERRUPTED ? DB_OK : r;
}

static enum db_status rule_step(struct desk *d, struct daily_work *w)
{
	if (!w->retention.done)
		return quietly(retention_daily_step(d, w->today, &w->retention));
	if (!w->sessions.done)
		return quietly(registry_plan_ahead_step(d, w->today, &w->sessions));
	if (!w->calls_done) {
		/* The replay of the last weeks' attendance marks, the slow
		 * part of the call rules, is worth doing once a day: on the
		 * day's first start (the retention rule ran). */
		w->marks.done = !w->retention.total.ran;
		enum db_status r = calls_due_step(d, w->today, &w->calls);
		w->calls_done = w->calls.done;
		return quietly(r);
	}
	if (!w->marks.done)
		return quietly(calls_replay_marks_step(d, w->today, &w->marks));
	return quietly(calls_no_contact_count_step(d, w->today, &w->no_contact));
}

/* A step's commit does not wait for the disk: a key that comes during it
 * waited for the sync (a retention step writes some hundred pages), and
 * a step lost to a pulled plug is done again at the next start (the
 * rules read what is on file; a call's key makes it once). The desk's own
 * next commit syncs it with its own. */
enum db_status daily_step(struct desk *d, struct daily_work *w)
{
	enum db_status r = db_unsynced_commits(d->db, true);
	if (r == DB_OK)
		r = rule_step(d, w);
	enum db_status synced = db_unsynced_commits(d->db, false);
	return r != DB_OK ? r : synced;
}

enum db_status daily_step_unless(struct desk *d, struct daily_work *w, bool (*key_waiting)(void *ctx), void *ctx)
{
	db_interrupt_when(d->db, key_waiting, ctx);
	enum db_status r = daily_step(d, w);
	db_interrupt_when(d->db, NULL, NULL);
	return r;
}
