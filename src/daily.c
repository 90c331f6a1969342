/* daily.c — the rules that run by themselves at start (daily.h). */
#include "daily.h"

void daily_begin(struct daily_work *w, struct date today)
{
	*w = (struct daily_work){ .today = today };
}

bool daily_pending(const struct daily_work *w)
{
	return !w->retention.done || !w->sessions.done || !w->calls_done || !w->marks.done || !w->no_contact.done;
}

static enum db_status quietly(enum db_status r)
{
	return r == DB_ERR_BUSY || r == DB_ERR_READONLY ? DB_OK : r;
}

enum db_status daily_step(struct desk *d, struct daily_work *w)
{
	if (!w->retention.done)
		return quietly(retention_daily_step(d, w->today, &w->retention));
	if (!w->sessions.done)
		return quietly(registry_plan_ahead_step(d, w->today, &w->sessions));
	if (!w->calls_done) {
		w->calls_done = true;
		/* The replay of the last weeks' attendance marks, the slow
		 * part of the call rules, is worth doing once a day: on the
		 * day's first start (the retention rule ran). */
		w->marks.done = !w->retention.total.ran;
		return quietly(calls_plan_due(d, w->today, false, &w->calls));
	}
	if (!w->marks.done)
		return quietly(calls_replay_marks_step(d, w->today, &w->marks));
	return quietly(calls_no_contact_count_step(d, w->today, &w->no_contact));
}
