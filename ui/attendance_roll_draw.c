/* attendance_roll_draw.c — the roll list on screen (attendance_roll.h):
 * the session and its counts above, one row a person with last time's
 * mark, today's and who came along, and the find line below. */
#include "attendance_roll_state.h"

#include <stdio.h>
#include <string.h>

#include "citizen_rules.h"
#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "strbuf.h"
#include "utf8.h"
#include "vocab.h"

bool roll_changed_elsewhere(const struct roll_state *st, long long citizen_id)
{
	for (int i = 0; i < st->nchanged; i++)
		if (st->changed[i] == citizen_id)
			return true;
	return false;
}

bool roll_cancelled(const struct roll_state *st)
{
	return strcmp(st->roll.session.status, "cancelled") == 0;
}

int roll_widest_name(const struct roll_state *st)
{
	int w = 0;
	for (int i = 0; i < st->roll.count; i++) {
		const struct roll_entry *e = &st->roll.entries[i];
		char shown[ATT_NAME + 48];
		citizen_rule_list_name(e->name, &e->apart, 0, shown, sizeof shown);
		int n = utf8_columns(shown, strlen(shown));
		if (n > w)
			w = n;
	}
	return w;
}

static const char *short_mark(const char *code)
{
	return code[0] ? vocab_label(vocab_attendance_short, code) : "";
}

/* "tors 26. nov 10:00–11:30" */
static void session_when(const struct session_info *s, char *out, size_t size)
{
	struct date d;
	char day[64] = "";
	if (date_parse_iso(s->date, &d))
		date_format_near(d, date_today(), day, sizeof day);
	if (s->start_time[0] && s->end_time[0])
		snprintf(out, size, "%s %s–%s", day, s->start_time, s->end_time);
	else if (s->start_time[0])
		snprintf(out, size, "%s %s", day, s->start_time);
	else
		snprintf(out, size, "%s", day);
}

static int draw_header(struct roll_state *st, const struct area *a)
{
	const struct session_info *s = &st->roll.session;
	int y = a->top;
	char when[128], line[1600];
	session_when(s, when, sizeof when);
	snprintf(line, sizeof line, "%s · %s%s%s", s->activity, when, s->place[0] ? " · " : "", s->place);
	draw_cell(y++, a->left, a->cols, line, A_BOLD);

	if (roll_cancelled(st)) {
		snprintf(line, sizeof line, _("Cancelled: %s. Press d to reopen it."),
			 s->cancel_reason[0] ? s->cancel_reason : _("no reason given"));
		draw_blank(y, a->left, a->cols, A_REVERSE);
		draw_cell(y++, a->left, a->cols, line, A_REVERSE | A_BOLD);
	} else {
		/* Who led and helped, and the note: what the paper list's top said. */
		char names[800] = "", part[3][1100] = { "", "", "" };
		size_t n = 0;
		for (int i = 0; i < st->nhelpers && n < sizeof names; i++)
			n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "", st->helpers[i].name);
		if (s->leader[0])
			snprintf(part[0], sizeof part[0], _("Led by %s"), s->leader);
		if (names[0])
			snprintf(part[1], sizeof part[1], _("Helpers: %s"), names);
		snprintf(part[2], sizeof part[2], "%s", s->note);
		struct strbuf b = strbuf_on(line, sizeof line);
		for (int i = 0; i < 3; i++)
			if (part[i][0])
				strbuf_item(&b, " · ", part[i]);
		if (!line[0] && st->roll.previous_date[0]) {
			struct date d;
			char day[64] = "";
			/* With its year when far off or of another year than
			 * the session: a session a year ahead read its last one
			 * as last week's (a new user's). */
			struct date on;
			if (date_parse_iso(st->roll.previous_date, &d)) {
				if (date_parse_iso(st->roll.session.date, &on) && on.year != d.year) {
					date_format_short(d, day, sizeof day);
					snprintf(day + strlen(day), sizeof day - strlen(day), " %d", d.year);
				} else {
					date_format_near(d, date_today(), day, sizeof day);
				}
			}
			snprintf(line, sizeof line, _("Last time: %s"), day);
		}
		draw_cell(y++, a->left, a->cols, line, A_NORMAL);
	}

	char sum[1600];
	/* A cancelled session takes no marks: "not marked 24" read as 24
	 * people missing (a new user's). */
	if (roll_cancelled(st)) {
		snprintf(sum, sizeof sum, _("On the list: %d"), st->roll.count);
		draw_cell(y++, a->left, a->cols, sum, A_BOLD);
		return y;
	}
	int n = snprintf(sum, sizeof sum, _("Came %d · Notice %d · Away %d · Not marked %d"), st->sum.present,
			 st->sum.excused, st->sum.absent, st->sum.unmarked);
	/* Where the counts do not fit, who is still to be marked comes first:
	 * it is the count a roll call goes by, and the line is cut at its end. */
	if (n > 0 && utf8_fit(sum, a->cols) < (size_t)n)
		n = snprintf(sum, sizeof sum, _("Not marked %d · Came %d · Notice %d · Away %d"), st->sum.unmarked,
			     st->sum.present, st->sum.excused, st->sum.absent);
	if (st->sum.first_time > 0 && n > 0 && (size_t)n < sizeof sum) {
		n += snprintf(sum + n, sizeof sum - (size_t)n, " · %s ", _("New today:"));
		bool first = true;
		for (int i = 0; i < st->roll.count && n > 0 && (size_t)n < sizeof sum; i++) {
			const struct roll_entry *e = &st->roll.entries[i];
			if (!e->first_time || strcmp(e->mark, "present") != 0)
				continue;
			n += snprintf(sum + n, sizeof sum - (size_t)n, "%s%s", first ? "" : ", ", e->name);
			first = false;
		}
	}
	/* Cut with "…" on a narrow window: a count cut short would pass for whole. */
	draw_cell(y++, a->left, a->cols, sum, A_BOLD);
	return y;
}

/* Column widths for the window: the name gets what the others leave,
 * up to 28 columns and, on a wide window, as many as the longest name
 * on the list; the rest of the line says who went along and anything
 * worth knowing (first time, walk-in, a call planned). Today's column
 * holds the longest mark and another desk's * with a space after it
 * ("udeblevet*skal ringes op" ran together at 10). */
struct columns {
	int name, last, today;
};

enum { ROLL_NAME = 28, ROLL_NOTE = 16, ROLL_NOTE_WIDE = 32 };

static struct columns columns_for(int cols, int widest)
{
	struct columns c = { .last = 10, .today = 11 };
	if (cols < 50)
		c.last = 0;
	/* A space after the name, and the last column the scroll mark's. */
	c.name = cols - c.last - c.today - 2;
	if (cols >= 60)
		c.name -= ROLL_NOTE;
	/* Past 28 only where a companion and a note still fit after it. */
	int roomy = cols - c.last - c.today - 2 - ROLL_NOTE_WIDE;
	int cap = ROLL_NAME;
	if (widest > cap && roomy > cap)
		cap = widest < roomy ? widest : roomy;
	if (c.name > cap)
		c.name = cap;
	return c;
}

static void entry_tags(const struct roll_entry *e, char *out, size_t size)
{
	const char *tags[4];
	int nt = 0;
	/* What the desk must act on comes first: the line may be clipped. */
	if (e->needs_intake)
		tags[nt++] = _("needs first talk");
	if (e->call_planned)
		tags[nt++] = _("call planned");
	if (e->first_time)
		tags[nt++] = _("first time");
	if (e->walk_in)
		tags[nt++] = _("walk-in");
	text_join(out, size, tags, nt);
}

void roll_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct roll_state *st = s->state;
	int y = draw_header(st, a);
	struct columns c = columns_for(a->cols, st->widest);

	char head[800], name[200], last[80], today[80];
	text_pad(name, sizeof name, _("Name"), c.name);
	text_pad(last, sizeof last, c.last ? _("Last time") : "", c.last);
	/* The marks column is headed by the session's day: "I dag", or
	 * "19. nov" when catching up. */
	char today_iso[DATE_ISO_LEN], day[64] = "";
	date_format_iso(date_today(), today_iso);
	struct date d;
	if (strcmp(st->roll.session.date, today_iso) == 0) {
		snprintf(day, sizeof day, "%s", _("Today"));
	} else if (date_parse_iso(st->roll.session.date, &d)) {
		char shortd[64];
		date_format_short(d, shortd, sizeof shortd);
		const char *sp = strchr(shortd, ' ');
		snprintf(day, sizeof day, "%s", sp ? sp + 1 : shortd);
	}
	text_pad(today, sizeof today, day, c.today);
	/* The last column's heading where a few letters of it fit, cut with
	 * "…"; not a lone "F" at 40 columns. */
	const char *note = _("Came with · note");
	int room = draw_row_cols(a->cols, true) - (c.name + 1 + c.last + c.today);
	snprintf(head, sizeof head, "%s %s%s%s", name, last, today, room >= 4 ? note : "");
	draw_cell(y++, a->left, draw_row_cols(a->cols, true), head, A_UNDERLINE);

	int rows = a->top + a->rows - y - (st->finding ? 1 : 0);
	st->page_rows = rows > 1 ? rows : 1;
	if (st->roll.count == 0) {
		draw_wrapped(y, a->left, rows, a->cols,
			     _("Nobody is enrolled in this activity on this date. Press + to add someone who came."),
			     A_NORMAL);
	}
	if (st->selected < st->top)
		st->top = st->selected;
	if (st->selected >= st->top + rows)
		st->top = st->selected - rows + 1;
	/* A window made taller shows more above, not empty rows below. */
	if (st->top > st->roll.count - rows)
		st->top = st->roll.count - rows;
	if (st->top < 0)
		st->top = 0;
	for (int r = 0; r < rows && st->top + r < st->roll.count; r++) {
		const struct roll_entry *e = &st->roll.entries[st->top + r];
		char line[2400], tags[200], shown[ATT_NAME + 48];
		citizen_rule_list_name(e->name, &e->apart, c.name, shown, sizeof shown);
		text_pad(name, sizeof name, shown, c.name);
		text_pad(last, sizeof last, short_mark(e->last_mark), c.last);
		char mark[64];
		snprintf(mark, sizeof mark, "%s%s", e->mark[0] ? short_mark(e->mark) : "·",
			 roll_changed_elsewhere(st, e->citizen_id) ? "*" : "");
		text_pad(today, sizeof today, mark, c.today);
		entry_tags(e, tags, sizeof tags);
		snprintf(line, sizeof line, "%s %s%s%s%s%s", name, last, today, e->accompanied_by ? e->companion : "",
			 e->accompanied_by && tags[0] ? " · " : "", tags);
		bool sel = st->top + r == st->selected;
		attr_t attr = sel ? A_REVERSE : A_NORMAL;
		draw_blank(y + r, a->left, a->cols, attr);
		/* Room for the scroll mark always: the columns do not move as
		 * the list is scrolled. */
		draw_cell(y + r, a->left, draw_row_cols(a->cols, true), line, attr | (e->mark[0] ? 0 : A_BOLD));
	}
	draw_scroll_marks(y, y + rows - 1, a->left + a->cols - 1, st->top > 0, st->top + rows < st->roll.count);
	if (st->finding) {
		int fy = a->top + a->rows - 1;
		char label[64];
		snprintf(label, sizeof label, "%s ", _("Find:"));
		int w = draw_text(fy, a->left, a->cols, label, A_BOLD);
		draw_text(fy, a->left + w, a->cols - w, st->find.text, A_UNDERLINE);
		curs_set(1);
		move(fy, a->left + w + lineedit_cursor_column(&st->find));
	}
}
