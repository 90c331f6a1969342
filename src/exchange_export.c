/* exchange_export.c — a table as a CSV file (exchange.h): the export use
 * case, the tables' names, and how each row becomes cells.
 *
 * The rows are read in one read snapshot and written into memory; only a
 * file that was written whole is audited and handed over. The audit line
 * is committed in a short write transaction of its own after the
 * snapshot, so a long export never holds the other desks' writes up. */
#include "exchange.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "collate.h"
#include "date.h"
#include "db.h"
#include "exchange_columns.h"
#include "fold.h"
#include "i18n.h"
#include "store_exchange.h"
#include "strbuf.h"
#include "vocab.h"

/* ---------- the tables ---------- */

static const struct {
	const char *name;      /* on the command line */
	const char *danish;    /* the same, as the Danish help names it */
	const char *title;     /* N_() */
	const char *entity;    /* in the audit log */
	enum role role;        /* who may export it */
} tables[EXCHANGE_TABLES] = {
	[EXCHANGE_CITIZENS] = { "citizens", "borgere", N_("Citizens"), "citizen", ROLE_COORDINATOR },
	[EXCHANGE_VOLUNTEERS] = { "volunteers", "frivillige", N_("Volunteers"), "volunteer", ROLE_COORDINATOR },
	[EXCHANGE_ACTIVITIES] = { "activities", "aktiviteter", N_("Activities"), "activity", ROLE_DESK },
	[EXCHANGE_SESSIONS] = { "sessions", "mødegange", N_("Sessions"), "session", ROLE_DESK },
	[EXCHANGE_ATTENDANCE] = { "attendance", "fremmøde", N_("Attendance"), "attendance", ROLE_COORDINATOR },
	[EXCHANGE_CALLS] = { "calls", "opkald", N_("Follow-up calls"), "follow_up", ROLE_COORDINATOR },
	[EXCHANGE_MEASURES] = { "measures", "målinger", N_("Measures"), "measure", ROLE_COORDINATOR },
};

const char *exchange_table_name(enum exchange_table t)
{
	return t < EXCHANGE_TABLES ? tables[t].name : "";
}

bool exchange_table_parse(const char *name, enum exchange_table *out)
{
	for (int t = 0; t < EXCHANGE_TABLES; t++) {
		if (name && (strcmp(name, tables[t].name) == 0 || strcmp(name, tables[t].danish) == 0)) {
			*out = (enum exchange_table)t;
			return true;
		}
	}
	return false;
}

bool exchange_export_allowed(const struct desk *d, enum exchange_table t)
{
	return t < EXCHANGE_TABLES && desk_allow(d, tables[t].role) == DB_OK;
}

const char *exchange_table_title(enum exchange_table t)
{
	return t < EXCHANGE_TABLES ? _(tables[t].title) : "";
}

bool exchange_table_importable(enum exchange_table t)
{
	return t == EXCHANGE_CITIZENS || t == EXCHANGE_VOLUNTEERS || t == EXCHANGE_ACTIVITIES;
}

bool exchange_table_has_period(enum exchange_table t)
{
	return t != EXCHANGE_VOLUNTEERS && t != EXCHANGE_ACTIVITIES && t < EXCHANGE_TABLES;
}

void exchange_file_name(enum exchange_table t, char *out, size_t size)
{
	char stem[64], today[DATE_ISO_LEN];
	fold_search(exchange_table_title(t), stem, sizeof stem);
	for (char *p = stem; *p; p++)
		if (*p == ' ')
			*p = '-';
	date_format_iso(date_today(), today);
	snprintf(out, size, "%s-%s.csv", stem, today);
}

/* ---------- the words of codes ---------- */

static const char *word(const struct vocab *list, const char *code)
{
	return code && code[0] ? vocab_label(list, code) : "";
}

static const char *yes_no(bool yes)
{
	return yes ? _("Yes") : _("No");
}

/* A pick-list's names by id, to write a citizen's interests by name. */
struct pick_names {
	long long *ids;
	char **names;
	int n, cap;
};

static enum db_status add_pick(void *ctx, long long id, const char *name)
{
	struct pick_names *p = ctx;
	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 32;
		long long *ids = realloc(p->ids, (size_t)cap * sizeof *ids);
		if (!ids)
			return DB_ERR_IO;
		p->ids = ids;
		char **names = realloc(p->names, (size_t)cap * sizeof *names);
		if (!names)
			return DB_ERR_IO;
		p->names = names;
		p->cap = cap;
	}
	if (!(p->names[p->n] = strdup(name)))
		return DB_ERR_IO;
	p->ids[p->n++] = id;
	return DB_OK;
}

static void pick_names_free(struct pick_names *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->names[i]);
	free(p->names);
	free(p->ids);
	memset(p, 0, sizeof *p);
}

static const char *pick_name(const struct pick_names *p, long long id)
{
	int lo = 0, hi = p->n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (p->ids[mid] == id)
			return p->names[mid];
		if (p->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

static int by_danish_name(const void *a, const void *b)
{
	return collate_compare(*(const char *const *)a, *(const char *const *)b);
}

/* The names of `ids`, in Danish order, ", " between. */
static void names_of(const struct pick_names *p, const long long *ids, int n, char *out, size_t size)
{
	const char *names[64];
	int k = 0;
	for (int i = 0; i < n && k < 64; i++) {
		const char *name = pick_name(p, ids[i]);
		if (name)
			names[k++] = name;
	}
	qsort(names, (size_t)k, sizeof names[0], by_danish_name);
	struct strbuf b = strbuf_on(out, size);
	for (int i = 0; i < k; i++)
		strbuf_item(&b, ", ", names[i]);
}

/* ---------- writing the rows ---------- */

struct export_job {
	struct desk *d;
	struct csv_writer w;
	struct pick_names interests, barriers;
	char today[DATE_ISO_LEN];
};

/* The writer stopped: the use case ends with its problem. */
static enum db_status written(struct export_job *j)
{
	return j->w.failed ? DB_ERR_INVALID : DB_OK;
}

static void year(struct csv_writer *w, int y)
{
	if (y)
		csv_write_number(w, y);
	else
		csv_write_text(w, "");
}

static void header(struct csv_writer *w, const char *const *titles, int n)
{
	for (int i = 0; i < n; i++)
		csv_write_text(w, _(titles[i]));
	csv_end_row(w);
}

static void table_header(struct csv_writer *w, enum exchange_table t)
{
	int n;
	const struct exchange_column *cols = exchange_columns(t, &n);
	for (int i = 0; i < n; i++)
		if (!cols[i].import_only)
			csv_write_text(w, _(cols[i].title));
	csv_end_row(w);
}

static enum db_status citizen_row(void *ctx, const struct export_citizen *row)
{
	struct export_job *j = ctx;
	struct csv_writer *w = &j->w;
	const struct citizen *c = &row->citizen;
	const struct referral *ref = &row->referral;
	char list[EXPORT_TEXT * 2];
	bool ended = strcmp(c->status, "ended") == 0;
	csv_write_text(w, c->name);
	year(w, c->birth_year);
	csv_write_text(w, c->phone);
	csv_write_text(w, c->email);
	csv_write_text(w, c->address);
	csv_write_text(w, c->postcode);
	csv_write_text(w, c->town);
	csv_write_text(w, word(vocab_contact_pref, c->contact_pref));
	csv_write_date(w, ref->referred_on);
	csv_write_text(w, word(vocab_referral_source, ref->source));
	csv_write_text(w, ref->referrer_name);
	csv_write_text(w, ref->referrer_org);
	csv_write_text(w, ref->referrer_phone);
	csv_write_text(w, yes_no(ref->feedback_consent));
	csv_write_date(w, row->consent_on);
	csv_write_text(w, yes_no(row->volunteer_contact));
	names_of(&j->interests, row->interests, row->ninterests, list, sizeof list);
	csv_write_text(w, list);
	names_of(&j->barriers, row->barriers, row->nbarriers, list, sizeof list);
	csv_write_text(w, list);
	csv_write_text(w, c->wishes);
	csv_write_date(w, ended ? c->ended_on : "");
	csv_write_text(w, ended ? word(vocab_end_reason_shown, c->end_reason) : "");
	csv_end_row(w);
	return written(j);
}

/* "mandag formiddag, tirsdag aften" in the week's order. */
static void free_times(availability_bits bits, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	for (int d = 1; d <= 7; d++) {
		for (int p = 0; p < 3; p++) {
			if (!(bits & AVAIL_BIT(d, p)))
				continue;
			char item[64];
			snprintf(item, sizeof item, "%s %s", _(vocab_weekday[d - 1].label),
				 _(vocab_part_of_day_lower[p].label));
			strbuf_item(&b, ", ", item);
		}
	}
}

static enum db_status volunteer_row(void *ctx, const struct volunteer_record *v)
{
	struct export_job *j = ctx;
	struct csv_writer *w = &j->w;
	char list[EXPORT_TEXT * 2];
	struct strbuf b;
	csv_write_text(w, v->name);
	csv_write_text(w, v->phone);
	csv_write_text(w, v->email);
	csv_write_text(w, v->postcode);
	csv_write_text(w, v->town);
	b = strbuf_on(list, sizeof list);
	for (int i = 0; i < VOLUNTEER_ROLES; i++)
		if (v->roles & (1u << i))
			strbuf_item(&b, ", ", _(vocab_volunteer_role[i].label));
	csv_write_text(w, list);
	csv_write_text(w, word(vocab_volunteer_status, v->status));
	csv_write_number(w, v->capacity);
	names_of(&j->interests, v->interests, v->ninterests, list, sizeof list);
	csv_write_text(w, list);
	b = strbuf_on(list, sizeof list);
	for (int i = 0; i < v->nlanguages; i++)
		strbuf_item(&b, ", ", v->languages[i]);
	csv_write_text(w, list);
	b = strbuf_on(list, sizeof list);
	for (int i = 0; i < v->nareas; i++)
		strbuf_item(&b, ", ", v->areas[i]);
	csv_write_text(w, list);
	free_times(v->availability, list, sizeof list);
	csv_write_text(w, list);
	csv_write_text(w, word(vocab_gender, v->gender));
	year(w, v->birth_year);
	csv_write_text(w, v->lived_experience);
	b = strbuf_on(list, sizeof list);
	for (int i = 0; i < v->ncourses; i++) {
		struct date d;
		char dk[16] = "", item[CIT_NAME + 24];
		if (date_parse_iso(v->courses[i].completed_on, &d))
			date_format_dk(d, dk, sizeof dk);
		snprintf(item, sizeof item, "%s (%s)", v->courses[i].course, dk);
		strbuf_item(&b, "; ", item);
	}
	csv_write_text(w, list);
	csv_end_row(w);
	return written(j);
}

static enum db_status activity_row(void *ctx, const struct activity_record *a)
{
	struct export_job *j = ctx;
	struct csv_writer *w = &j->w;
	char list[EXPORT_TEXT * 2];
	csv_write_text(w, a->name);
	csv_write_text(w, word(vocab_activity_kind, a->kind));
	csv_write_text(w, word(vocab_community, a->community));
	csv_write_text(w, a->organiser);
	csv_write_text(w, a->place);
	csv_write_text(w, a->postcode);
	csv_write_text(w, a->weekday >= 1 && a->weekday <= 7 ? _(vocab_weekday[a->weekday - 1].label)
							       : _("Not weekly"));
	csv_write_text(w, a->start_time);
	csv_write_text(w, a->end_time);
	csv_write_number(w, a->capacity);
	csv_write_text(w, a->contact_name);
	csv_write_text(w, a->contact_phone);
	csv_write_text(w, word(vocab_activity_status, a->status));
	names_of(&j->interests, a->interests, a->ninterests, list, sizeof list);
	csv_write_text(w, list);
	csv_end_row(w);
	return written(j);
}

static const char *const session_titles[] = {
	N_("Date"), N_("Activity"), N_("Starts at"), N_("Ends at"), N_("Status"), N_("Why cancelled"),
	N_("Led by"), N_("Helpers"), N_("Came"), N_("Sent notice"), N_("Did not come"), N_("Note"),
};

static enum db_status session_row(void *ctx, const struct export_session *s)
{
	struct export_job *j = ctx;
	struct csv_writer *w = &j->w;
	csv_write_date(w, s->date);
	csv_write_text(w, s->activity);
	csv_write_text(w, s->start_time);
	csv_write_text(w, s->end_time);
	csv_write_text(w, word(vocab_session_status, s->status));
	csv_write_text(w, s->cancel_reason);
	csv_write_text(w, s->led_by);
	csv_write_text(w, s->helpers);
	csv_write_number(w, s->present);
	csv_write_number(w, s->excused);
	csv_write_number(w, s->absent);
	csv_write_text(w, s->note);
	csv_end_row(w);
	return written(j);
}

static const char *const attendance_titles[] = {
	N_("Date"), N_("Activity"), N_("Citizen"), N_("Birth year"), N_("Attendance"), N_("Accompanied by"),
	N_("Walk-in"),
};

static enum db_status attendance_row(void *ctx, const struct export_attendance *a)
{
	struct export_job *j = ctx;
	struct csv_writer *w = &j->w;
	csv_write_date(w, a->date);
	csv_write_text(w, a->activity);
	csv_write_text(w, a->citizen);
	year(w, a->birth_year);
	csv_write_text(w, word(vocab_attendance_mark, a->mark));
	csv_write_text(w, a->companion);
	csv_write_text(w, yes_no(a->walk_in));
	csv_end_row(w);
	return written(j);
}

static const char *const call_titles[] = {
	N_("Due on"), N_("Time"), N_("Citizen"), N_("Birth year"), N_("Phone"), N_("Reason"), N_("Responsible"),
	N_("Outcome"), N_("Note"), N_("Next step"), N_("Done on"),
};

static enum db_status call_row(void *ctx, const struct export_call *c)
{
	struct export_job *j = ctx;
	struct csv_writer *w = &j->w;
	const char *outcome = strcmp(c->status, "done") == 0 ? c->outcome : c->status;
	csv_write_date(w, c->due_on);
	csv_write_text(w, c->due_time);
	csv_write_text(w, c->citizen);
	year(w, c->birth_year);
	csv_write_text(w, c->phone);
	csv_write_text(w, word(vocab_call_reason, c->reason));
	csv_write_text(w, c->responsible);
	csv_write_text(w, word(vocab_call_outcome, outcome));
	csv_write_text(w, c->note);
	csv_write_text(w, c->next_step);
	csv_write_date(w, c->done_on);
	csv_end_row(w);
	return written(j);
}

static const char *const measure_titles[] = {
	N_("Date"), N_("Citizen"), N_("Birth year"), N_("Measure"), N_("Occasion"), N_("Score"),
	N_("What the score means"), N_("Answers"),
};

static enum db_status measure_row(void *ctx, const struct export_measure *m)
{
	struct export_job *j = ctx;
	struct csv_writer *w = &j->w;
	csv_write_date(w, m->taken_on);
	csv_write_text(w, m->citizen);
	year(w, m->birth_year);
	csv_write_text(w, m->measure);
	csv_write_text(w, word(vocab_measure_occasion, m->occasion));
	csv_write_number(w, m->total);
	csv_write_text(w, m->band);
	csv_write_text(w, m->answers);
	csv_end_row(w);
	return written(j);
}

#define TITLES(a) (a), (int)(sizeof(a) / sizeof((a)[0]))

static enum db_status write_table(struct export_job *j, const struct exchange_export *req)
{
	struct db *db = j->d->db;
	const struct exchange_period *p = &req->period;
	enum db_status r = DB_OK;
	switch (req->table) {
	case EXCHANGE_CITIZENS:
		table_header(&j->w, req->table);
		r = store_exchange_picks(db, "interests", add_pick, &j->interests);
		if (r == DB_OK)
			r = store_exchange_picks(db, "barriers", add_pick, &j->barriers);
		return r == DB_OK ? store_export_citizens(db, p, citizen_row, j) : r;
	case EXCHANGE_VOLUNTEERS:
		table_header(&j->w, req->table);
		r = store_exchange_picks(db, "interests", add_pick, &j->interests);
		return r == DB_OK ? store_export_volunteers(db, volunteer_row, j) : r;
	case EXCHANGE_ACTIVITIES:
		table_header(&j->w, req->table);
		r = store_exchange_picks(db, "interests", add_pick, &j->interests);
		return r == DB_OK ? store_export_activities(db, j->today, activity_row, j) : r;
	case EXCHANGE_SESSIONS:
		header(&j->w, TITLES(session_titles));
		return store_export_sessions(db, p, session_row, j);
	case EXCHANGE_ATTENDANCE:
		header(&j->w, TITLES(attendance_titles));
		return store_export_attendance(db, p, attendance_row, j);
	case EXCHANGE_CALLS:
		header(&j->w, TITLES(call_titles));
		return store_export_calls(db, p, call_row, j);
	case EXCHANGE_MEASURES:
		header(&j->w, TITLES(measure_titles));
		return store_export_measures(db, p, measure_row, j);
	case EXCHANGE_TABLES:
		break;
	}
	return DB_ERR_MISUSE;
}

enum db_status exchange_export(struct desk *d, const struct exchange_export *req, struct exchange_file *out)
{
	memset(out, 0, sizeof *out);
	if (req->table >= EXCHANGE_TABLES)
		return DB_ERR_MISUSE;
	struct export_job *j = calloc(1, sizeof *j);
	if (!j)
		return DB_ERR_IO;
	j->d = d;
	date_format_iso(date_today(), j->today);
	csv_writer_init(&j->w, req->encoding);
	enum db_status r = desk_begin_read(d, tables[req->table].role);
	if (r == DB_OK) {
		/* Shared with this centre to work with, not to hand out. */
		r = db_own_centre_only(d->db);
		if (r == DB_OK)
			r = write_table(j, req);
		if (r == DB_OK)
			r = written(j);
		r = desk_end(d, r);
	}
	if (r == DB_ERR_INVALID && j->w.failed)
		csv_writer_problem(&j->w, out->problem, sizeof out->problem);
	if (r == DB_OK && req->save_to && !csv_save(req->save_to, j->w.data, j->w.len, out->problem, sizeof out->problem))
		r = DB_ERR_IO;
	if (r == DB_OK) {
		char detail[600];
		snprintf(detail, sizeof detail, "%s: %d rows, %s, to %s", tables[req->table].name,
			 csv_writer_rows(&j->w), req->encoding == CSV_CP1252 ? "windows-1252" : "utf-8",
			 req->destination ? req->destination : "-");
		r = desk_begin(d, tables[req->table].role);
		if (r == DB_OK)
			r = desk_end(d, desk_audit(d, "export", tables[req->table].entity, 0, detail));
		/* No file of personal data without its line in the log. */
		if (r != DB_OK && req->save_to)
			unlink(req->save_to);
	}
	if (r == DB_OK) {
		out->rows = csv_writer_rows(&j->w);
		out->data = j->w.data;
		out->len = j->w.len;
		j->w.data = NULL;
	}
	csv_writer_free(&j->w);
	pick_names_free(&j->interests);
	pick_names_free(&j->barriers);
	free(j);
	return r;
}
