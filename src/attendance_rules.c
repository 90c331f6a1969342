/* attendance_rules.c — the rules of attendance_rules.h. Each is a small
 * pure function so the follow-up screen, the card and the tests read the
 * same answer. */
#include "attendance_rules.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "match.h"

bool attendance_rule_missed_call(const struct attendance_past *newest_first, int n)
{
	/* Walk the run of misses that ends at the newest mark, oldest first,
	 * counting as the desk would have met them week by week: a call
	 * resets the count, an excused absence breaks a run of absences but
	 * not the run of misses. */
	int run = 0;
	while (run < n && newest_first[run].mark != 'p')
		run++;
	if (run == 0)
		return false;
	int absent = 0, missed = 0;
	bool called = false;
	for (int i = run - 1; i >= 0; i--) {
		missed++;
		absent = newest_first[i].mark == 'a' ? absent + 1 : 0;
		called = absent >= ATTENDANCE_ABSENT_IN_A_ROW || missed >= ATTENDANCE_MISSED_IN_A_ROW;
		if (called)
			absent = missed = 0;
	}
	return called;
}

int attendance_missed_in_a_row(const struct attendance_past *newest_first, int n)
{
	int run = 0;
	while (run < n && newest_first[run].mark != 'p')
		run++;
	return run;
}

bool attendance_rule_always_accompanied(const struct attendance_past *newest_first, int n, int *times)
{
	int run = 0;
	for (int i = 0; i < n; i++) {
		if (newest_first[i].mark != 'p')
			continue; /* notice or absence says nothing about going along */
		if (!newest_first[i].accompanied)
			break;
		run++;
	}
	if (times)
		*times = run;
	return run >= ATTENDANCE_ALONE_AFTER;
}

bool attendance_rule_completes_accompaniment(const struct attendance_match *m, long long activity_id,
					     const char *date, const char *mark)
{
	if (!mark || strcmp(mark, "present") != 0 || !date || !date[0])
		return false;
	if (m->activity_id && m->activity_id != activity_id)
		return false;
	/* ISO dates compare as text. */
	if (strcmp(date, m->matched_on) < 0)
		return false;
	if (m->ended_on[0] && strcmp(date, m->ended_on) > 0)
		return false;
	/* Already done: only an earlier session (a paper list caught up
	 * later) moves the milestone. */
	return !m->accompaniment_done_on[0] || strcmp(date, m->accompaniment_done_on) < 0;
}

int attendance_past_from_codes(const char *codes, struct attendance_past *out, int max)
{
	int n = 0;
	for (const char *p = codes; p && *p && n < max; p++) {
		switch (*p) {
		case 'P': out[n++] = (struct attendance_past){ .mark = 'p', .accompanied = true }; break;
		case 'p': out[n++] = (struct attendance_past){ .mark = 'p', .accompanied = false }; break;
		case 'e': out[n++] = (struct attendance_past){ .mark = 'e', .accompanied = false }; break;
		case 'a': out[n++] = (struct attendance_past){ .mark = 'a', .accompanied = false }; break;
		default: break; /* unknown: skipped, never guessed */
		}
	}
	return n;
}

bool attendance_rule_may_mark(const char *session_date, const char *today, const char *mark)
{
	return !mark || strcmp(mark, "excused") == 0 || strcmp(session_date, today) <= 0;
}

bool attendance_rule_held(const char *status, const char *session_date, const char *today, const char *mark)
{
	return mark && strcmp(status, "planned") == 0 && strcmp(session_date, today) <= 0;
}

bool attendance_rule_planned_again(const char *status, long long marks_left)
{
	return strcmp(status, "held") == 0 && marks_left == 0;
}

bool attendance_rule_ask_before_override(const char *seen, const char *current, const char *current_at,
					 const char *now)
{
	if (strcmp(seen, current) == 0 || !current[0])
		return false;
	long long then, at;
	/* A mark without a readable time is treated as recent: better one
	 * question too many than a silent overwrite. */
	if (!date_stamp_minutes(current_at, &then) || !date_stamp_minutes(now, &at))
		return true;
	return at - then <= ATTENDANCE_OVERRIDE_MINUTES;
}

bool attendance_rule_to_come(const char *session_date, const char *start_time, const char *now)
{
	char today[DATE_ISO_LEN];
	if (!session_date || !now || strlen(now) < 10)
		return false;
	snprintf(today, sizeof today, "%.10s", now);
	int day = strcmp(session_date, today);
	if (day != 0)
		return day > 0;
	/* Today: its start time against the clock, both "HH:MM". */
	if (!start_time || !start_time[0] || strlen(now) < 16)
		return true;
	return strncmp(start_time, now + 11, 5) >= 0;
}

bool attendance_rule_enrol_fits(const struct enrol_places *p)
{
	return p->already || match_free_places(p->capacity, p->enrolled) > 0;
}

bool attendance_rule_valid_mark(const char *mark)
{
	return !mark || strcmp(mark, "present") == 0 || strcmp(mark, "excused") == 0 || strcmp(mark, "absent") == 0;
}

void attendance_summarise(const struct roll *r, struct roll_summary *out)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < r->count; i++) {
		const struct roll_entry *e = &r->entries[i];
		if (strcmp(e->mark, "present") == 0)
			out->present++;
		else if (strcmp(e->mark, "excused") == 0)
			out->excused++;
		else if (strcmp(e->mark, "absent") == 0)
			out->absent++;
		else
			out->unmarked++;
		if (e->accompanied_by)
			out->accompanied++;
		if (e->walk_in)
			out->walk_ins++;
		if (e->first_time && strcmp(e->mark, "present") == 0)
			out->first_time++;
	}
}
