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
	struct report_row *r = row(t, _("their wait so far (median)"));
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
	r->cells[REPORT_COL_PRESENT] = cell(CELL_CITIZENS, a->present, a->present);
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

/* ---------- sums across tables ----------
 *
 * Rows of one table that add up to a row of another: each activity's
 * month to the month of all activities, each activity's whole period to
 * all activities' and to its kind of community's, the two kinds to all.
 * Kept as rows (table, row) while the tables are built; whether a
 * column adds up is seen in its numbers (protect). */
struct row_at {
	int table, row;
};

struct sum_group {
	struct row_at total;
	int first, n;               /* its parts in sums.parts */
};

struct sums {
	struct sum_group *groups;
	int ngroups, gcap;
	struct row_at *parts;
	int nparts, pcap;
	bool failed;
};

static bool grow(void **v, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return true;
	int cap2 = *cap ? *cap * 2 : 64;
	while (cap2 < need)
		cap2 *= 2;
	void *grown = realloc(*v, (size_t)cap2 * size);
	if (!grown)
		return false;
	*v = grown;
	*cap = cap2;
	return true;
}

/* A new sum whose total is `total`; its parts follow with sum_part. */
static void sum_group(struct sums *s, struct row_at total)
{
	if (!grow((void **)&s->groups, &s->gcap, s->ngroups + 1, sizeof *s->groups)) {
		s->failed = true;
		return;
	}
	s->groups[s->ngroups++] = (struct sum_group){ .total = total, .first = s->nparts };
}

static void sum_part(struct sums *s, struct row_at part)
{
	if (s->failed || !grow((void **)&s->parts, &s->pcap, s->nparts + 1, sizeof *s->parts)) {
		s->failed = true;
		return;
	}
	s->parts[s->nparts++] = part;
	s->groups[s->ngroups - 1].n++;
}

static void sums_free(struct sums *s)
{
	free(s->groups);
	free(s->parts);
}

static void attendance_tables(struct report_tables *ts, const struct report_attendance *att, struct sums *s)
{
	char label[REPORT_LABEL];
	int all = ts->n;
	struct report_table *t = new_table(ts, "attendance-months", _("Attendance per month, all activities"),
					   _("Month"));
	attendance_columns(t);
	for (int m = 0; m < att->nmonths; m++) {
		month_label(att->months[m], label, sizeof label);
		attendance_cells(row(t, label), &att->per_month[m]);
	}
	int whole = t->nrows;
	/* TRANSLATORS: the total row under the months; at most 11 letters,
	 * the label column of the text report. */
	struct report_row *r = row(t, _("Whole period"));
	r->total = true;
	attendance_cells(r, &att->total);
	t->note = _("Participants: different citizens present; a citizen who came several months counts once in "
		    "the whole period. New: present at the activity for the first time ever. Accompanied: the share "
		    "of the participants who came with a volunteer at their side at least once.");

	int kinds = ts->n;
	t = new_table(ts, "communities", _("Practice communities and lasting communities"), _("Kind"));
	attendance_columns(t);
	attendance_cells(row(t, _("Practice communities")), &att->practice);
	attendance_cells(row(t, _("Lasting communities")), &att->lasting);
	sum_group(s, (struct row_at){ all, whole });
	sum_part(s, (struct row_at){ kinds, 0 });
	sum_part(s, (struct row_at){ kinds, 1 });

	int per = ts->n;
	t = new_table(ts, "attendance", _("Attendance per activity and month"), _("Month"));
	t->group_title = _("Activity");
	attendance_columns(t);
	/* The rows of each month and each activity's whole period, to be
	 * summed below once they are all laid out. */
	int *month_of = malloc(sizeof *month_of * (size_t)(att->nactivities * (att->nmonths + 1) + 1));
	if (!month_of)
		s->failed = true;
	for (int i = 0; i < att->nactivities; i++) {
		const struct report_activity *a = &att->activities[i];
		for (int m = 0; m < att->nmonths; m++) {
			const struct report_att_row *x = &a->months[m];
			if (!x->held && !x->cancelled && !x->present && !x->excused && !x->absent)
				continue;
			month_label(att->months[m], label, sizeof label);
			if (month_of)
				month_of[t->nrows] = m;
			r = row(t, label);
			r->group = a->a.name;
			attendance_cells(r, x);
		}
		if (month_of)
			month_of[t->nrows] = -1 - (strcmp(a->a.community, "practice") == 0 ? 0 : 1);
		r = row(t, _("Whole period"));
		r->group = a->a.name;
		r->total = true;
		attendance_cells(r, &a->total);
	}
	for (int m = -2; month_of && m < att->nmonths; m++) {
		/* m >= 0: a month of all activities, from the activities'
		 * rows of that month; m < 0: a kind's row, from the whole
		 * periods of its activities (marked -1 - kind above). */
		sum_group(s, m >= 0 ? (struct row_at){ all, m } : (struct row_at){ kinds, -1 - m });
		for (int k = 0; k < t->nrows; k++)
			if (month_of[k] == m)
				sum_part(s, (struct row_at){ per, k });
	}
	sum_group(s, (struct row_at){ all, whole });
	for (int k = 0; month_of && k < t->nrows; k++)
		if (month_of[k] < 0)
			sum_part(s, (struct row_at){ per, k });
	free(month_of);
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
	t->note = _("Citizens waiting for a match today, by their interests. Unmet: of them, those whose interest "
		    "no active activity nearby offers (in the same area: the first two digits of the postcode).");
}

/* ---------- holding back what a total gives away ---------- */

/* Parts that add up to a total beside them, all counts of citizens, are
 * one sum: when a single one of them is held back (a part, or the total
 * held for another sum), the rest tell it, so the smallest part shown is
 * held back with it (the total, when no part is left to hold). True
 * when it held one. */
/* Of cells that add up to something: their sum, how many are held back,
 * and the shown one with the least value (*smallest, -1: none). */
static long long sum_held(struct report_cell **cells, int n, int *held, int *smallest)
{
	long long sum = 0;
	*held = 0;
	*smallest = -1;
	for (int i = 0; i < n; i++) {
		sum += cells[i]->value;
		if (report_cell_held_back(cells[i]))
			(*held)++;
		else if (*smallest < 0 || cells[i]->value < cells[*smallest]->value)
			*smallest = i;
	}
	return sum;
}

static bool hold_the_sum(struct report_cell *total, struct report_cell **parts, int n)
{
	if (total->kind != CELL_CITIZENS || n == 0)
		return false;
	for (int i = 0; i < n; i++)
		if (parts[i]->kind != CELL_CITIZENS)
			return false;
	int held, smallest;
	long long sum = sum_held(parts, n, &held, &smallest);
	held += report_cell_held_back(total);
	/* Parts that do not add up (a month's participants to the whole
	 * period's, who count once) give nothing away by subtraction. */
	if (sum != total->value || held != 1)
		return false;
	(smallest >= 0 ? parts[smallest] : total)->withheld = true;
	return true;
}

static struct report_cell *cell_at(struct report_tables *ts, struct row_at at, int col)
{
	return &ts->t[at.table].rows[at.row].cells[col];
}

/* Shares of one base that add up to it (improved, unchanged and worse of
 * the same citizens): with one held back, 100 % less the rest tells it,
 * so the smallest shown is held back with it. True when it held one. */
static bool hold_the_shares(struct report_cell **shares, int n)
{
	int held, smallest;
	long long sum = sum_held(shares, n, &held, &smallest);
	if (n < 2 || sum != shares[0]->base || held != 1 || smallest < 0)
		return false;
	shares[smallest]->withheld = true;
	return true;
}

/* A row and the parts below it. `parts` has room for a table's rows. */
static bool parent_and_parts(struct report_table *t, int col, struct report_cell **parts)
{
	bool held = false;
	for (int i = 0; i < t->nrows;) {
		int j = i + 1, n = 0;
		while (j < t->nrows && t->rows[j].part)
			parts[n++] = &t->rows[j++].cells[col];
		if (n && !t->rows[i].part)
			held |= hold_the_sum(&t->rows[i].cells[col], parts, n);
		i = j;
	}
	return held;
}

/* The rows of a group above its total (the months and the whole period). */
static bool group_and_total(struct report_table *t, int col, struct report_cell **parts)
{
	bool held = false;
	for (int i = 0; i < t->nrows;) {
		int j = i, n = 0;
		for (; j < t->nrows && !t->rows[j].total && t->rows[j].group == t->rows[i].group; j++)
			if (!t->rows[j].part)
				parts[n++] = &t->rows[j].cells[col];
		bool total = j < t->nrows && t->rows[j].total && t->rows[j].group == t->rows[i].group;
		if (total && n)
			held |= hold_the_sum(&t->rows[j].cells[col], parts, n);
		i = total ? j + 1 : j;
	}
	return held;
}

/* Rows next to each other that are shares of the same base. */
static bool shares_of_one_base(struct report_table *t, int col, struct report_cell **parts)
{
	bool held = false;
	for (int i = 0; i < t->nrows;) {
		const struct report_cell *first = &t->rows[i].cells[col];
		int j = i, n = 0;
		while (j < t->nrows && first->kind == CELL_PERCENT && t->rows[j].cells[col].kind == CELL_PERCENT
		       && t->rows[j].cells[col].base == first->base)
			parts[n++] = &t->rows[j++].cells[col];
		if (n > 1)
			held |= hold_the_shares(parts, n);
		i = j > i ? j : i + 1;
	}
	return held;
}

static bool protect_table(struct report_table *t, struct report_cell **parts)
{
	bool held = false;
	for (int col = 0; col < t->ncols; col++) {
		held |= parent_and_parts(t, col, parts);
		held |= group_and_total(t, col, parts);
		held |= shares_of_one_base(t, col, parts);
	}
	return held;
}

/* Until nothing more is held: a cell held for one sum may leave
 * another's alone. Each round holds one cell more or ends. */
static bool protect(struct report_tables *ts, const struct sums *s)
{
	int most = 1;
	for (int i = 0; i < ts->n; i++)
		most = ts->t[i].nrows > most ? ts->t[i].nrows : most;
	for (int g = 0; g < s->ngroups; g++)
		most = s->groups[g].n > most ? s->groups[g].n : most;
	struct report_cell **parts = malloc(sizeof *parts * (size_t)most);
	if (!parts)
		return false;
	for (bool held = true; held;) {
		held = false;
		for (int i = 0; i < ts->n; i++)
			held |= protect_table(&ts->t[i], parts);
		for (int g = 0; g < s->ngroups; g++) {
			const struct sum_group *sg = &s->groups[g];
			for (int col = 0; col < ts->t[sg->total.table].ncols; col++) {
				for (int k = 0; k < sg->n; k++)
					parts[k] = cell_at(ts, s->parts[sg->first + k], col);
				held |= hold_the_sum(cell_at(ts, sg->total, col), parts, sg->n);
			}
		}
	}
	free(parts);
	return true;
}

bool report_tables_build(const struct report *r, struct report_tables *out)
{
	memset(out, 0, sizeof *out);
	struct sums sums = { 0 };
	volunteers_table(out, &r->volunteers);
	citizens_table(out, &r->citizens);
	attendance_tables(out, &r->attendance, &sums);
	outcomes_table(out, r);
	follow_up_table(out, &r->follow_up);
	unmet_table(out, &r->unmet);
	bool ok = !sums.failed;
	for (int i = 0; i < out->n; i++)
		ok &= !out->t[i].failed;
	ok = ok && protect(out, &sums);
	sums_free(&sums);
	if (!ok)
		report_tables_free(out);
	return ok;
}

void report_tables_free(struct report_tables *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->t[i].rows);
	memset(t, 0, sizeof *t);
}

/* ---------- cells ---------- */

/* A share of enough citizens whose count, or the count of the rest,
 * is under five: beside its base it tells that count (33 % of 6 is 2). */
static bool share_tells_few(const struct report_cell *c)
{
	return c->kind == CELL_PERCENT && !report_small(c->base)
	       && (report_small(c->value) || report_small(c->base - c->value));
}

bool report_cell_held_back(const struct report_cell *c)
{
	if (c->withheld || share_tells_few(c))
		return true;
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
		 * than five citizens is left out; a count held back with one
		 * of those, or a share that would tell one, is neither. */
		snprintf(out, size, "%s", c->withheld || share_tells_few(c) ? "x" : c->kind == CELL_CITIZENS ? "< 5" : "–");
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
	else if (c->kind == CELL_DAYS && units)
		/* In a column of counts: said to be days. */
		snprintf(out, size, P_("%s day", "%s days", n), digits);
	else
		snprintf(out, size, "%s", digits);
}
