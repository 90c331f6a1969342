/* sheets.c — the printed sheets' use cases and their way to paper
 * (sheets.h); the layouts are in sheet_render.c, the printer in print.c. */
#include "sheets.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "i18n.h"
#include "print.h"
#include "store_attendance.h"
#include "store_calls.h"
#include "store_citizens.h"

enum { DAY_SESSIONS = 200 };

/* ---------- the roll-call sheet ---------- */

static enum db_status read_sheet(struct db *db, long long session_id, struct roll_sheet *out)
{
	struct roll roll;
	memset(&roll, 0, sizeof roll);
	enum db_status r = store_attendance_roll(db, session_id, &roll);
	if (r == DB_OK && roll.count) {
		out->lines = calloc((size_t)roll.count, sizeof *out->lines);
		if (!out->lines)
			r = DB_ERR_IO;
	}
	out->session = roll.session;
	for (int i = 0; r == DB_OK && i < roll.count; i++) {
		const struct roll_entry *e = &roll.entries[i];
		struct roll_sheet_line *l = &out->lines[out->n++];
		memcpy(l->name, e->name, sizeof l->name);
		memcpy(l->companion, e->match_volunteer_name, sizeof l->companion);
		memcpy(l->mark, e->mark, sizeof l->mark);
		l->walk_in = e->walk_in;
		l->first_time = e->first_time;
		struct relative rel;
		r = store_citizens_read_relative(db, e->citizen_id, &rel);
		memcpy(l->relative, rel.name, sizeof l->relative);
		memcpy(l->relative_phone, rel.phone, sizeof l->relative_phone);
	}
	store_attendance_roll_free(&roll);
	return r;
}

static enum db_status add_sheet(struct desk *d, long long session_id, struct roll_sheets *out)
{
	struct roll_sheet *grown = realloc(out->sheets, (size_t)(out->n + 1) * sizeof *grown);
	if (!grown)
		return DB_ERR_IO;
	out->sheets = grown;
	struct roll_sheet *s = &out->sheets[out->n++];
	memset(s, 0, sizeof *s);
	enum db_status r = read_sheet(d->db, session_id, s);
	/* The paper carries names and phone numbers out of the program. */
	if (r == DB_OK)
		r = desk_audit(d, "export", "session", session_id, "roll-call sheet");
	return r;
}

enum db_status sheets_roll_day(struct desk *d, const char *date, long long activity_id, struct roll_sheets *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->date, sizeof out->date, "%s", date);
	struct session_info *day = calloc(DAY_SESSIONS, sizeof *day);
	if (!day)
		return DB_ERR_IO;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK) {
		free(day);
		return r;
	}
	int n = 0;
	r = store_attendance_sessions(d->db, date, date, "", day, DAY_SESSIONS, &n);
	for (int i = 0; r == DB_OK && i < n; i++) {
		const struct session_info *s = &day[i];
		if ((activity_id && s->activity_id != activity_id) || strcmp(s->status, "cancelled") == 0)
			continue;
		long long id = s->id;
		bool created = false;
		if (!id && (r = store_attendance_session_open(d->db, s->activity_id, date, &id, &created)) == DB_OK
		    && created)
			r = desk_audit(d, "create", "session", id, date);
		if (r == DB_OK)
			r = add_sheet(d, id, out);
	}
	free(day);
	r = desk_end(d, r);
	if (r != DB_OK)
		sheets_roll_free(out);
	return r;
}

enum db_status sheets_roll_session(struct desk *d, long long session_id, struct roll_sheets *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = add_sheet(d, session_id, out);
	if (r == DB_OK)
		memcpy(out->date, out->sheets[0].session.date, sizeof out->date);
	r = desk_end(d, r);
	if (r != DB_OK)
		sheets_roll_free(out);
	return r;
}

void sheets_roll_free(struct roll_sheets *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->sheets[i].lines);
	free(s->sheets);
	s->sheets = NULL;
	s->n = 0;
}

/* ---------- the day's calls ---------- */

enum { CALLS_PAGE = 200, RAISED_MAX = 200 };

enum db_status sheets_calls(struct desk *d, const char *date, struct call_sheet *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->date, sizeof out->date, "%s", date);
	struct call_escalation *raised = calloc(RAISED_MAX, sizeof *raised);
	struct call_row *rows = calloc(CALLS_PAGE, sizeof *rows);
	out->lines = calloc(SHEET_MAX_CALLS + RAISED_MAX, sizeof *out->lines);
	if (!raised || !rows || !out->lines) {
		free(raised);
		free(rows);
		sheets_calls_free(out);
		return DB_ERR_IO;
	}
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK) {
		free(raised);
		free(rows);
		sheets_calls_free(out);
		return r;
	}
	int nraised = 0;
	r = store_calls_escalations(d->db, raised, RAISED_MAX, &nraised);
	for (int i = 0; r == DB_OK && i < nraised; i++) {
		struct call_sheet_line *l = &out->lines[out->n++];
		memcpy(l->name, raised[i].name, sizeof l->name);
		memcpy(l->phone, raised[i].phone, sizeof l->phone);
		memcpy(l->due_on, raised[i].raised_on, sizeof l->due_on);
		l->attempts = raised[i].attempts;
		l->raised = true;
	}
	out->nraised = out->n;
	/* Page by page, as the list on the screen reads them. */
	const struct call_row *after = NULL;
	struct call_row last;
	int calls = 0;
	while (r == DB_OK) {
		int got = 0;
		r = store_calls_list(d->db, date, "", after, CALLS_PAGE, rows, &got);
		for (int i = 0; r == DB_OK && i < got; i++) {
			if (calls == SHEET_MAX_CALLS) {
				out->cut = true;
				break;
			}
			struct call_sheet_line *l = &out->lines[out->n++];
			calls++;
			memcpy(l->name, rows[i].name, sizeof l->name);
			memcpy(l->phone, rows[i].phone, sizeof l->phone);
			memcpy(l->reason, rows[i].reason, sizeof l->reason);
			memcpy(l->due_on, rows[i].due_on, sizeof l->due_on);
			memcpy(l->due_time, rows[i].due_time, sizeof l->due_time);
			memcpy(l->responsible, rows[i].responsible_name, sizeof l->responsible);
		}
		if (r != DB_OK || got < CALLS_PAGE || out->cut)
			break;
		last = rows[got - 1];
		after = &last;
	}
	if (r == DB_OK) {
		char detail[64];
		snprintf(detail, sizeof detail, "call sheet %s (%d calls)", date, calls);
		r = desk_audit(d, "export", "follow_up", 0, detail);
	}
	r = desk_end(d, r);
	free(raised);
	free(rows);
	if (r != DB_OK)
		sheets_calls_free(out);
	return r;
}

void sheets_calls_free(struct call_sheet *s)
{
	free(s->lines);
	s->lines = NULL;
	s->n = s->nraised = 0;
}

/* ---------- to paper ---------- */

/* The text, made whole first: the printer gets all of it or nothing. */
static bool render_text(sheet_writer write, const void *sheet, char **text, size_t *len)
{
	FILE *mem = open_memstream(text, len);
	if (!mem)
		return false;
	bool ok = write(sheet, false, mem);
	ok = fclose(mem) == 0 && ok;
	if (!ok) {
		free(*text);
		*text = NULL;
	}
	return ok;
}

static bool write_html_file(sheet_writer write, const void *sheet, const char *path, char *err, size_t errsize)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		snprintf(err, errsize, _("The sheet could not be written to %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	bool ok = write(sheet, true, f);
	ok = fclose(f) == 0 && ok;
	if (!ok)
		snprintf(err, errsize, _("The sheet could not be written to %s: %s"), path, strerror(errno));
	return ok;
}

bool sheets_deliver(sheet_writer write, const void *sheet, const char *title, const char *output,
		    const char *default_name, struct sheet_delivery *out, char *err, size_t errsize)
{
	memset(out, 0, sizeof *out);
	if (!output) {
		out->no_printer = !print_default_printer(out->printer, sizeof out->printer);
		char *text = NULL;
		size_t len = 0;
		if (!out->no_printer && render_text(write, sheet, &text, &len)) {
			out->printed = print_text(out->printer, title, text, len);
			free(text);
			if (out->printed)
				return true;
		}
	}
	const char *path = output ? output : default_name;
	if (!write_html_file(write, sheet, path, err, errsize))
		return false;
	if (path[0] == '/' || !getcwd(out->path, sizeof out->path)
	    || strlen(out->path) + 1 + strlen(path) >= sizeof out->path)
		snprintf(out->path, sizeof out->path, "%s", path);
	else
		snprintf(out->path + strlen(out->path), sizeof out->path - strlen(out->path), "/%s", path);
	return true;
}

/* ---------- the screens' key p ---------- */

static bool write_roll(const void *sheet, bool html, FILE *f)
{
	return sheets_roll_write(sheet, html, f);
}

static bool write_calls(const void *sheet, bool html, FILE *f)
{
	return sheets_calls_write(sheet, html, f);
}

enum db_status sheets_print_session(struct desk *d, long long session_id, struct sheet_delivery *out, char *err,
				    size_t errsize)
{
	struct roll_sheets rolls;
	enum db_status r = sheets_roll_session(d, session_id, &rolls);
	if (r != DB_OK)
		return r;
	char name[64], title[64];
	/* TRANSLATORS: file names of the printable sheets; %s is the date 2026-11-26. */
	snprintf(name, sizeof name, _("roll-call-%s.html"), rolls.date);
	snprintf(title, sizeof title, _("Roll call %s"), rolls.date);
	bool ok = sheets_deliver(write_roll, &rolls, title, NULL, name, out, err, errsize);
	sheets_roll_free(&rolls);
	return ok ? DB_OK : DB_ERR_IO;
}

enum db_status sheets_print_calls(struct desk *d, const char *date, struct sheet_delivery *out, char *err,
				  size_t errsize)
{
	struct call_sheet calls;
	enum db_status r = sheets_calls(d, date, &calls);
	if (r != DB_OK)
		return r;
	char name[64], title[64];
	snprintf(name, sizeof name, _("calls-%s.html"), date);
	snprintf(title, sizeof title, _("Follow-up calls %s"), date);
	bool ok = sheets_deliver(write_calls, &calls, title, NULL, name, out, err, errsize);
	sheets_calls_free(&calls);
	return ok ? DB_OK : DB_ERR_IO;
}
