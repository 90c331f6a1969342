/* report_table.c — the report as tables (report_table.h). */
#include "report_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "number.h"
#include "report_rules.h"
#include "store_report.h"
#include "strbuf.h"
#include "vocab.h"

/* ---------- building ---------- */

static struct report_table *new_table(struct report_tables *ts, const char *key, const char *title,
				      const char *label_title)
{
	struct report_table *t = &ts->t[ts->n++];
	memset(t, 0, sizeof *t);
	t->key = key;
	t->title = title;
	t->label_title = label_title;
	return t;
}

static void column(struct report_table *t, const char *title, const char *brief)
{
	if (t->ncols < REPORT_COLS)
		t->cols[t->ncols++] = (struct report_column){ .title = title, .brief = brief };
}

static struct report_row *row(struct report_table *t, const char *label)
{
	static struct report_row spare;
	if (t->nrows == t->cap) {
		int cap = t->cap ? t->cap * 2 : 32;
		struct report_row *grown = realloc(t->rows, (size_t)cap * sizeof *grown);
		if (!grown) {
			t->failed = true;
			memset(&spare, 0, sizeof spare);
			return &spare;
		}
		t->rows = grown;
		t->cap = cap;
	}
	struct report_row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	/* A label longer than its cell is cut at a whole character. */
	struct strbuf b = strbuf_on(r->label, sizeof r->label);
	strbuf_add(&b, "%s", label);
	return r;
}

static struct report_cell cell(enum report_cell_kind kind, long long value, long long base)
{
	return (struct report_cell){ .kind = kind, .value = value, .base = base };
}

/* A row with one number. */
static struct report_row *figure(struct report_table *t, const char *label, enum report_cell_kind kind,
				 long long value)
{
	struct report_row *r = row(t, label);
	r->cells[0] = cell(kind, value, value);
	return r;
}

static void part(struct report_table *t, const char *label, enum report_cell_kind kind, long long value)
{
	figure(t, label, kind, value)->part = true;
}

static void volunteers_table(struct report_tables *ts, const struct report_volunteers *v)
{
	struct report_table *t = new_table(ts, "volunteers", _("Volunteers"), _("Figure"));
	column(t, _("Number"), _("Number"));
	const struct report_volunteer_facts *f = &v->f;
	figure(t, _("Recruited in the period"), CELL_NUMBER, f->recruited);
	figure(t, _("Completed a course in the period (trained)"), CELL_NUMBER, f->trained);
	figure(t, _("In training (status today)"), CELL_NUMBER, f->training);
	figure(t, _("Active (status today)"), CELL_NUMBER, f->active);
	part(t, _("of them with lived experience"), CELL_NUMBER, f->active_lived_experience);
	figure(t, _("Paused (status today)"), CELL_NUMBER, f->paused);
	figure(t, _("Stopped (status today)"), CELL_NUMBER, f->stopped);
	figure(t, _("Courses held (a course and the day it was completed)"), CELL_NUMBER, f->courses_held);
	figure(t, _("Course completions"), CELL_NUMBER, f->course_completions);
	figure(t, _("Sessions held"), CELL_NUMBER, v->sessions);
	figure(t, _("Hours given"), CELL_HOURS, v->minutes_total)->total = true;
	part(t, _("leading or helping at sessions"), CELL_HOURS, v->minutes_sessions);
	part(t, _("going along with a citizen"), CELL_HOURS, v->minutes_accompanying);
	part(t, _("one-to-one visits (one a week while matched)"), CELL_HOURS, v->minutes_visits);
	part(t, _("follow-up calls"), CELL_HOURS, v->minutes_calls);
	t->note = _("Hours: a session's length for each volunteer who led, helped or went along with a citizen "
		    "(two hours when no times are written); two hours a week for each one-to-one match while "
		    "it is open; a quarter of an hour for each call made.");
}

static void citizens_table(struct report_tables *ts, const struct report_citizens *c)
{
	struct report_table *t = new_table(ts, "citizens", _("Citizens"), _("Figure"));
	column(t, _("Number"), _("Number"));
	const struct report_citizen_facts *f = &c->f;
	figure(t, _("Referred in the period"), CELL_CITIZENS, f->referred);
	for (int i = 0; i < REPORT_SOURCES; i++)
		part(t, vocab_label(vocab_referral_source, report_source_codes[i]), CELL_CITIZENS, f->by_source[i]);
	figure(t, _("First conversation held"), CELL_CITIZENS, f->first_conversation);
	figure(t, _("Assessed: volunteers can help"), CELL_CITIZENS, f->volunteer_help);
	figure(t, _("Assessed: handed over to professional help"), CELL_CITIZENS, f->professional_help);
	figure(t, _("Supported (matched, or came to a session)"), CELL_CITIZENS, c->supported);
	part(t, _("one-to-one with a volunteer"), CELL_CITIZENS, c->one_to_one);
	part(t, _("in groups only"), CELL_CITIZENS, c->groups_only);
	figure(t, _("Reached a lasting community"), CELL_CITIZENS, f->lasting_community);
	long long ended = 0;
	for (int i = 0; i < REPORT_END_REASONS; i++)
		ended += f->ended[i];
	figure(t, _("Ended for other reasons"), CELL_CITIZENS, ended);
	for (int i = 0; i < REPORT_END_REASONS; i++)
		part(t, vocab_label(vocab_end_reason_shown, report_end_reason_codes[i]), CELL_CITIZENS, f->ended[i]);
	figure(t, _("Waiting for a match today"), CELL_CITIZENS, c->waiting);
	struct report_row *r = row(t, _("of them, days waited (median)"));
	r->part = true;
	r->cells[0] = cell(CELL_DAYS, c->waiting_median_days, c->waiting);
}

/* TRANSLATORS: the short column titles of the text report are at most
 * 7 letters: held, cancelled, present, excused, absent, participants,
 * first time, accompanied. */
static void attendance_columns(struct report_table *t)
{
	column(t, _("Sessions held"), _("Held"));
	column(t, _("Sessions cancelled"), _("Cancel."));
	column(t, _("Present"), _("Pres."));
	column(t, _("Excused"), _("Excus."));
	column(t, _("Absent"), _("Abs."));
	column(t, _("Participants"), _("People"));
	column(t, _("New participants"), _("1st tm."));
	column(t, _("Came accompanied (share of participants)"), _("Accomp."));
}

static void attendance_cells(struct report_row *r, const struct report_att_row *a)
{
	r->cells[0] = cell(CELL_NUMBER, a->held, 0);
	r->cells[1] = cell(CELL_NUMBER, a->cancelled, 0);
	r->cells[2] = cell(CELL_CITIZENS, a->present, a->present);
	r->cells[3] = cell(CELL_CITIZENS, a->excused, a->excused);
	r->cells[4] = cell(CELL_CITIZENS, a->absent, a->absent);
	r->cells[5] = cell(CELL_CITIZENS, a->participants, a->participants);
	r->cells[6] = cell(CELL_CITIZENS, a->new_participants, a->new_participants);
	r->cells[7] = cell(CELL_PERCENT, a->accompanied, a->participants);
}

static void month_label(const char *month, char *out, size_t size)
{
	int m = (month[5] - '0') * 10 + (month[6] - '0');
	snprintf(out, size, "%s %.4s", date_month_abbr(m), month);
}

static void attendance_tables(struct report_tables *ts, const struct report_attendance *att)
{
	char label[REPORT_LABEL];
	struct report_table *t = new_table(ts, "attendance-months", _("Attendance per month, all activities"),
					   _("Month"));
	attendance_columns(t);
	for (int m = 0; m < att->nmonths; m++) {
		month_label(att->months[m], label, sizeof label);
		attendance_cells(row(t, label), &att->per_month[m]);
	}
	struct report_row *r = row(t, _("Whole period"));
	r->total = true;
	attendance_cells(r, &att->total);
	t->note = _("Participants: different citizens present; a citizen who came several months counts once in "
		    "the whole period. New: present at the activity for the first time ever.");

	t = new_table(ts, "communities", _("Practice communities and lasting communities"), _("Kind"));
	attendance_columns(t);
	attendance_cells(row(t, _("Practice communities")), &att->practice);
	attendance_cells(row(t, _("Lasting communities")), &att->lasting);

	t = new_table(ts, "attendance", _("Attendance per activity and month"), _("Month"));
	t->group_title = _("Activity");
	attendance_columns(t);
	for (int i = 0; i < att->nactivities; i++) {
		const struct report_activity *a = &att->activities[i];
		for (int m = 0; m < att->nmonths; m++) {
			const struct report_att_row *x = &a->months[m];
			if (!x->held && !x->cancelled && !x->present && !x->excused && !x->absent)
				continue;
			month_label(att->months[m], label, sizeof label);
			r = row(t, label);
			r->group = a->a.name;
			attendance_cells(r, x);
		}
		r = row(t, _("Whole period"));
		r->group = a->a.name;
		r->total = true;
		attendance_cells(r, &a->total);
	}
}

static void outcomes_table(struct report_tables *ts, const struct report *rep)
{
	struct report_table *t = new_table(ts, "outcomes", _("Outcomes: wellbeing and loneliness"), _("Figure"));
	for (int i = 0; i < rep->nmeasures; i++)
		column(t, rep->measures[i].name, strcmp(rep->measures[i].code, "who5") == 0 ? "WHO-5" : _("Lonely"));
	struct report_row *rows[10];
	rows[0] = row(t, _("First measured in the period"));
	rows[1] = row(t, _("Measured first and later"));
	rows[2] = row(t, _("Mean at the first measurement"));
	rows[3] = row(t, _("Mean at the latest measurement"));
	rows[4] = row(t, _("Mean change"));
	rows[5] = row(t, _("Improved (share)"));
	rows[6] = row(t, _("Unchanged (share)"));
	rows[7] = row(t, _("Worse (share)"));
	rows[8] = row(t, _("First at or below the cut-off of 50"));
	rows[9] = row(t, _("of them, now above 50 (share)"));
	rows[9]->part = true;
	for (int i = 0; i < rep->nmeasures && i < REPORT_COLS; i++) {
		const struct report_measure *m = &rep->measures[i];
		rows[0]->cells[i] = cell(CELL_CITIZENS, m->first_measured, m->first_measured);
		rows[1]->cells[i] = cell(CELL_CITIZENS, m->pairs, m->pairs);
		rows[2]->cells[i] = cell(CELL_MEAN, m->sum_first, m->pairs);
		rows[3]->cells[i] = cell(CELL_MEAN, m->sum_latest, m->pairs);
		rows[4]->cells[i] = cell(CELL_MEAN, m->sum_latest - m->sum_first, m->pairs);
		rows[5]->cells[i] = cell(CELL_PERCENT, m->improved, m->pairs);
		rows[6]->cells[i] = cell(CELL_PERCENT, m->same, m->pairs);
		rows[7]->cells[i] = cell(CELL_PERCENT, m->worse, m->pairs);
		if (m->has_cutoff) {
			rows[8]->cells[i] = cell(CELL_CITIZENS, m->at_or_below_cutoff, m->at_or_below_cutoff);
			rows[9]->cells[i] = cell(CELL_PERCENT, m->moved_above, m->at_or_below_cutoff);
		}
	}
	t->note = _("Only citizens with a first and a later measurement count in a change: the first ever, and "
		    "the latest in the period. WHO-5 runs from 0 to 100, higher is better; the loneliness scale "
		    "from 3 to 9, lower is better.");
}

static void follow_up_table(struct report_tables *ts, const struct report_follow_up *f)
{
	struct report_table *t = new_table(ts, "follow-up", _("Follow-up"), _("Figure"));
	column(t, _("Number"), _("Number"));
	figure(t, _("Calls made"), CELL_CITIZENS, f->calls);
	for (int i = 0; i < REPORT_CALL_OUTCOMES; i++)
		part(t, vocab_label(vocab_call_result, report_call_outcome_codes[i]), CELL_CITIZENS,
		     f->f.by_outcome[i]);
	figure(t, _("Raised to the coordinator (not reached three times)"), CELL_CITIZENS, f->f.escalated);
	figure(t, _("Feedback given to referrers (the citizen agreed)"), CELL_CITIZENS, f->f.feedback);
	figure(t, _("Referrals where the citizen agreed to feedback"), CELL_CITIZENS, f->f.feedback_consents);
}

static void unmet_table(struct report_tables *ts, const struct report_unmet *u)
{
	struct report_table *t = new_table(ts, "unmet", _("Wishes no activity meets"), _("Interest"));
	column(t, _("Waiting with this interest"), _("Waiting"));
	column(t, _("No activity nearby offers it"), _("Unmet"));
	for (int i = 0; i < u->nwishes; i++) {
		struct report_row *r = row(t, u->wishes[i].name);
		r->cells[0] = cell(CELL_CITIZENS, u->wishes[i].waiting, u->wishes[i].waiting);
		r->cells[1] = cell(CELL_CITIZENS, u->wishes[i].unmet, u->wishes[i].unmet);
	}
	t->note = _("Citizens waiting for a match today, by their interests. Nearby: an active activity with the "
		    "interest in the same area (the first two digits of the postcode).");
}

bool report_tables_build(const struct report *r, struct report_tables *out)
{
	memset(out, 0, sizeof *out);
	volunteers_table(out, &r->volunteers);
	citizens_table(out, &r->citizens);
	attendance_tables(out, &r->attendance);
	outcomes_table(out, r);
	follow_up_table(out, &r->follow_up);
	unmet_table(out, &r->unmet);
	for (int i = 0; i < out->n; i++)
		if (out->t[i].failed) {
			report_tables_free(out);
			return false;
		}
	return true;
}

void report_tables_free(struct report_tables *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->t[i].rows);
	memset(t, 0, sizeof *t);
}

/* ---------- cells ---------- */

bool report_cell_held_back(const struct report_cell *c)
{
	switch (c->kind) {
	case CELL_CITIZENS:
		return report_small(c->value);
	case CELL_PERCENT:
	case CELL_MEAN:
	case CELL_DAYS:
		return report_small(c->base);
	case CELL_NONE:
	case CELL_NUMBER:
	case CELL_HOURS:
		break;
	}
	return false;
}

long long report_cell_number(const struct report_cell *c)
{
	switch (c->kind) {
	case CELL_HOURS:
		return report_hours_tenths(c->value);
	case CELL_MEAN:
		return report_mean_tenths(c->value, c->base);
	case CELL_PERCENT:
		return report_percent(c->value, c->base);
	case CELL_NONE:
	case CELL_NUMBER:
	case CELL_CITIZENS:
	case CELL_DAYS:
		break;
	}
	return c->value;
}

static void tenths(long long t, const char *decimal, const char *thousands, char *out, size_t size)
{
	unsigned long long a = t < 0 ? 0ULL - (unsigned long long)t : (unsigned long long)t;
	char whole[NUMBER_LEN];
	number_format((long long)(a / 10), thousands, whole, sizeof whole);
	snprintf(out, size, "%s%s%s%llu", t < 0 ? "-" : "", whole, decimal, a % 10);
}

void report_cell_format(const struct report_cell *c, bool exact, bool units, const char *decimal,
			const char *thousands, char *out, size_t size)
{
	out[0] = '\0';
	if (c->kind == CELL_NONE)
		return;
	bool none = (c->kind == CELL_PERCENT || c->kind == CELL_MEAN || c->kind == CELL_DAYS) && c->base <= 0;
	if (none) {
		snprintf(out, size, "–");
		return;
	}
	if (!exact && report_cell_held_back(c)) {
		/* A count is shown as under five; what is computed from fewer
		 * than five citizens is left out. */
		snprintf(out, size, "%s", c->kind == CELL_CITIZENS ? "< 5" : "–");
		return;
	}
	long long n = report_cell_number(c);
	char digits[NUMBER_LEN];
	if (c->kind == CELL_HOURS || c->kind == CELL_MEAN) {
		tenths(n, decimal, thousands, out, size);
		return;
	}
	number_format(n, thousands, digits, sizeof digits);
	if (c->kind == CELL_PERCENT && units)
		snprintf(out, size, "%s %%", digits);
	else
		snprintf(out, size, "%s", digits);
}
