/* attendance_session.c — the session details form (attendance_session.h).
 * Leader and helpers are chosen with the search-as-you-type chooser, one
 * at a time: Enter on the field opens it, and choosing a ticked helper
 * takes them off again. */
#include "attendance_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendance_pick.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"
#include "attendance.h"

enum {
	SF_DATE,
	SF_START,
	SF_END,
	SF_LEADER,
	SF_HELPERS,
	SF_NOTE,
	SF_CANCELLED,
	SF_REASON,
	SF_COUNT,
};

struct session_state {
	struct session_info info;
	struct form form;
	struct form_field fields[SF_COUNT];
	struct form_option leader_opt[1];
	char leader_name[ATT_NAME];
	struct form_option helper_opt[ATT_HELPERS];
	struct volunteer_ref helpers[ATT_HELPERS];
	int nhelpers;
	/* The chooser of a helper shows who helps already. */
	long long helper_ids[ATT_HELPERS];
	struct pick_ticks ticks;
	/* The helpers as read, for telling what this desk changed. */
	struct volunteer_ref base_helpers[ATT_HELPERS];
	int nbase_helpers;
};

extern const struct screen_ops attendance_session_screen;

static const struct action session_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Save the session's details."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the session's details."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down, but in a note Enter stays and Up and Down go from line to line; Enter on the last field saves, as Ctrl-S); Shift-Tab or Up goes back."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change yes/no, or choose the leader or a helper (also Enter)."), ACTF_NOT_TYPING },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without saving; asks first if you changed anything."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool check_time(const struct form_field *fld, char *err, size_t size)
{
	char t[ATT_TIME];
	if (!date_parse_time(fld->edit.text, t))
		snprintf(err, size, "%s", _("Write the time as hours and minutes, e.g. 10:00."));
	return !err[0];
}

static const struct form_field layout[SF_COUNT] = {
	[SF_DATE] = { .key = "date", .label = N_("Date"), .kind = FIELD_DATE, .required = true,
		     .date_year = DATE_YEAR_NEAREST },
	[SF_START] = { .key = "start", .label = N_("Starts"), .kind = FIELD_TEXT, .max_chars = 5, .check = check_time },
	[SF_END] = { .key = "end", .label = N_("Ends"), .kind = FIELD_TEXT, .max_chars = 5, .check = check_time },
	[SF_LEADER] = { .key = "leader", .label = N_("Led by"), .kind = FIELD_MULTI },
	[SF_HELPERS] = { .key = "helpers", .label = N_("Volunteers helping"), .kind = FIELD_MULTI },
	[SF_NOTE] = { .key = "note", .label = N_("Note"), .kind = FIELD_TEXT, .max_chars = 250, .multiline = true },
	[SF_CANCELLED] = { .key = "cancelled", .label = N_("Cancelled"), .kind = FIELD_YESNO },
	[SF_REASON] = { .key = "reason", .label = N_("Reason"), .kind = FIELD_TEXT, .max_chars = 120 },
};

static void set_leader(struct session_state *st, long long id, const char *name)
{
	struct form_field *f = &st->fields[SF_LEADER];
	snprintf(st->leader_name, sizeof st->leader_name, "%s", name);
	st->leader_opt[0] = (struct form_option){ .id = id, .label = st->leader_name };
	f->options = st->leader_opt;
	f->noptions = id > 0 ? 1 : 0;
	f->picked = id > 0 ? 1 : 0;
}

static void sync_helpers(struct session_state *st)
{
	struct form_field *f = &st->fields[SF_HELPERS];
	for (int i = 0; i < st->nhelpers; i++)
		st->helper_opt[i] = (struct form_option){ .id = st->helpers[i].id, .label = st->helpers[i].name };
	f->options = st->helper_opt;
	f->noptions = st->nhelpers;
	f->picked = st->nhelpers ? (UINT64_C(1) << st->nhelpers) - 1 : 0;
}

static void update_visibility(struct session_state *st)
{
	bool cancelled = st->fields[SF_CANCELLED].choice == 1;
	st->fields[SF_REASON].hidden = !cancelled;
	st->fields[SF_REASON].required = cancelled;
}

/* The form as the session is on record (st->info, st->helpers). */
static void fill(struct session_state *st)
{
	struct date d;
	char day[16] = "";
	if (date_parse_iso(st->info.date, &d))
		date_format_dk(d, day, sizeof day);
	form_set_text(&st->form, SF_DATE, day);
	form_set_text(&st->form, SF_START, st->info.start_time);
	form_set_text(&st->form, SF_END, st->info.end_time);
	form_set_text(&st->form, SF_NOTE, st->info.note);
	form_set_text(&st->form, SF_REASON, st->info.cancel_reason);
	st->fields[SF_CANCELLED].choice = strcmp(st->info.status, "cancelled") == 0;
	set_leader(st, st->info.led_by, st->info.leader);
	sync_helpers(st);
	memcpy(st->base_helpers, st->helpers, sizeof st->helpers);
	st->nbase_helpers = st->nhelpers;
	update_visibility(st);
	st->form.dirty = false;
}

static bool same_helpers(const struct volunteer_ref *a, int na, const struct volunteer_ref *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++)
		if (a[i].id != b[i].id)
			return false;
	return true;
}

/* Another desk saved the session since this form was filled: take in
 * their change of every field this desk left alone. Returns how many
 * fields both changed differently (this desk's value stays in the form). */
static int merge_theirs(struct session_state *st, struct app *app)
{
	struct session_state *theirs = calloc(1, sizeof *theirs), *base = calloc(1, sizeof *base);
	int clashes = -1;
	if (!theirs || !base)
		goto out;
	enum db_status r = attendance_session(&app->desk, st->info.id, &theirs->info, theirs->helpers, ATT_HELPERS,
					      &theirs->nhelpers);
	if (r != DB_OK) {
		app_status_db(app, r);
		goto out;
	}
	base->info = st->info;
	memcpy(base->helpers, st->base_helpers, sizeof base->helpers);
	base->nhelpers = st->nbase_helpers;
	for (struct session_state *x = theirs; x; x = x == theirs ? base : NULL) {
		memcpy(x->fields, layout, sizeof layout);
		form_init(&x->form, x->fields, SF_COUNT);
		fill(x);
	}
	clashes = 0;
	static const int plain[] = { SF_DATE, SF_START, SF_END, SF_NOTE, SF_CANCELLED, SF_REASON };
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		char mine[1024], was[1024], now[1024];
		int f = plain[i];
		form_value_text(&st->fields[f], mine, sizeof mine);
		form_value_text(&base->fields[f], was, sizeof was);
		form_value_text(&theirs->fields[f], now, sizeof now);
		if (strcmp(now, was) == 0 || strcmp(mine, now) == 0)
			continue;
		if (strcmp(mine, was) == 0)
			form_field_take_value(&st->fields[f], &theirs->fields[f]);
		else
			clashes++;
	}
	bool leader_mine = st->leader_opt[0].id != base->leader_opt[0].id
		|| st->fields[SF_LEADER].noptions != base->fields[SF_LEADER].noptions;
	if (theirs->info.led_by != base->info.led_by) {
		if (!leader_mine)
			set_leader(st, theirs->info.led_by, theirs->info.leader);
		else if (theirs->info.led_by != (st->fields[SF_LEADER].noptions ? st->leader_opt[0].id : 0))
			clashes++;
	}
	bool helpers_mine = !same_helpers(st->helpers, st->nhelpers, st->base_helpers, st->nbase_helpers);
	if (!same_helpers(theirs->helpers, theirs->nhelpers, base->helpers, base->nhelpers)) {
		if (!helpers_mine) {
			memcpy(st->helpers, theirs->helpers, sizeof st->helpers);
			st->nhelpers = theirs->nhelpers;
			sync_helpers(st);
		} else if (!same_helpers(st->helpers, st->nhelpers, theirs->helpers, theirs->nhelpers)) {
			clashes++;
		}
	}
	/* What is on record now is what this form is measured against. */
	st->info = theirs->info;
	memcpy(st->base_helpers, theirs->helpers, sizeof st->base_helpers);
	st->nbase_helpers = theirs->nhelpers;
	update_visibility(st);
out:
	free(theirs);
	free(base);
	return clashes;
}

static bool session_enter(struct screen *s, struct app *app, const void *args)
{
	struct session_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	long long session_id = ((const struct attendance_session_args *)args)->session_id;
	enum db_status r = attendance_session(&app->desk, session_id, &st->info, st->helpers, ATT_HELPERS,
					      &st->nhelpers);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	memcpy(st->fields, layout, sizeof layout);
	form_init(&st->form, st->fields, SF_COUNT);
	fill(st);
	/* A cancelled session is opened to be reopened: the cursor is there. */
	if (st->fields[SF_CANCELLED].choice == 1)
		st->form.current = SF_CANCELLED;
	s->state = st;
	return true;
}

static void session_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct session_state *st = s->state;
	char title[ATT_TEXT + 40];
	snprintf(title, sizeof title, "%s", st->info.activity);
	draw_text(a->top, a->left, a->cols, title, A_BOLD);
	struct area rest = { a->top + 2, a->left, a->rows - 2, a->cols };
	form_draw(&st->form, &rest);
}

static void leader_chosen(struct app *app, void *ctx, const struct pick_row *row)
{
	(void)app;
	struct session_state *st = ctx;
	if (!row)
		return;
	set_leader(st, row->id > 0 ? row->id : 0, row->id > 0 ? row->label : "");
	form_touch(&st->form);
}

static void pick_leader(struct session_state *st, struct app *app)
{
	attendance_pick(app, &(struct attendance_pick_args){ .title = _("Who led the session?"),
		.search = attendance_pick_volunteers, .none_label = _("Nobody"), .done = leader_chosen, .ctx = st });
}

/* Choosing a ticked helper takes them off again. */
static void helper_chosen(struct app *app, void *ctx, const struct pick_row *row)
{
	struct session_state *st = ctx;
	if (!row || row->id <= 0)
		return;
	for (int i = 0; i < st->nhelpers; i++) {
		if (st->helpers[i].id == row->id) {
			memmove(&st->helpers[i], &st->helpers[i + 1], (size_t)(st->nhelpers - i - 1) * sizeof st->helpers[0]);
			st->nhelpers--;
			sync_helpers(st);
			form_touch(&st->form);
			return;
		}
	}
	if (st->nhelpers >= ATT_HELPERS) {
		app_status(app, STATUS_ERROR, "%s", _("The list of helpers is full."));
		return;
	}
	st->helpers[st->nhelpers].id = row->id;
	snprintf(st->helpers[st->nhelpers].name, sizeof st->helpers[0].name, "%s", row->label);
	st->nhelpers++;
	sync_helpers(st);
	form_touch(&st->form);
}

static void pick_helper(struct session_state *st, struct app *app)
{
	for (int i = 0; i < st->nhelpers; i++)
		st->helper_ids[i] = st->helpers[i].id;
	st->ticks = (struct pick_ticks){ .ids = st->helper_ids, .n = st->nhelpers };
	attendance_pick(app, &(struct attendance_pick_args){ .title = _("Add or remove a helping volunteer"),
		.search = attendance_pick_volunteers, .search_ctx = &st->ticks, .done = helper_chosen, .ctx = st });
}

static unsigned save_once(struct session_state *st, struct app *app, bool second_try)
{
	update_visibility(st);
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	struct session_edit e;
	memset(&e, 0, sizeof e);
	e.id = st->info.id;
	form_date_iso(&st->form, SF_DATE, e.date);
	if (form_text(&st->form, SF_START)[0])
		date_parse_time(form_text(&st->form, SF_START), e.start_time);
	if (form_text(&st->form, SF_END)[0])
		date_parse_time(form_text(&st->form, SF_END), e.end_time);
	snprintf(e.note, sizeof e.note, "%s", form_text(&st->form, SF_NOTE));
	e.led_by = st->fields[SF_LEADER].noptions ? st->leader_opt[0].id : 0;
	for (int i = 0; i < st->nhelpers; i++)
		e.helpers[e.nhelpers++] = st->helpers[i].id;
	e.version = st->info.version;
	bool now = st->fields[SF_CANCELLED].choice == 1;
	enum session_refusal why;
	enum db_status r = attendance_save_session(&app->desk, &e, now, form_text(&st->form, SF_REASON), &why);
	if (r == DB_ERR_CONFLICT) {
		int clashes = merge_theirs(st, app);
		if (clashes < 0)
			return RD_ALL;
		if (clashes > 0 || second_try) {
			app_status(app, STATUS_ERROR, "%s",
				   _("Another desk changed this session meanwhile. Their changes are taken in; where you "
				     "both changed the same thing, yours is shown. Check the form and press Ctrl-S again."));
			return RD_ALL;
		}
		/* Nothing clashed: save the two changes together. */
		return save_once(st, app, true);
	}
	if (r == DB_ERR_INVALID && why == SESSION_DATE_TAKEN) {
		app_status(app, STATUS_ERROR, "%s", _("The activity already has a session on that date. Choose another date."));
		return RD_ALL;
	}
	if (r == DB_ERR_INVALID && why == SESSION_HAS_MARKS) {
		app_status(app, STATUS_ERROR, "%s",
			   _("Not saved: people are marked at the session. Take their marks away (Del) before cancelling."));
		return RD_ALL;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	st->form.dirty = false;
	app_pop(app);
	app_status(app, STATUS_INFO, "%s", now ? _("The session is saved as cancelled.") : _("The session is saved."));
	return RD_ALL;
}

static unsigned save(struct session_state *st, struct app *app)
{
	return save_once(st, app, false);
}

static unsigned session_key(struct screen *s, struct app *app, ui_key key)
{
	struct session_state *st = s->state;
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	switch (ev) {
	case FORM_SUBMIT:
		return save(st, app);
	case FORM_PICK:
		if (st->form.current == SF_LEADER)
			pick_leader(st, app);
		else
			pick_helper(st, app);
		return RD_ALL;
	case FORM_CHANGED:
		update_visibility(st);
		return RD_ALL;
	default:
		return form_screen_key(app, &st->form, key, ev, r, _("Leave without saving your changes?"));
	}
}

void attendance_session_open(struct app *app, const struct attendance_session_args *args)
{
	app_push(app, &attendance_session_screen, args);
}

static void cancel_done(struct app *app, struct session_cancel *job, enum db_status r, const char *reason)
{
	const struct session_info *s = &job->session;
	if (r == DB_ERR_CONFLICT) {
		app_status(app, STATUS_ERROR, "%s",
			   _("People are already marked: take their marks away (Del) before cancelling."));
		return;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	if (reason)
		app_status(app, STATUS_INFO, _("%s, %s is cancelled: %s."), s->activity, job->day, reason);
	else
		app_status(app, STATUS_INFO, _("%s, %s is open again."), s->activity, job->day);
	if (job->changed)
		job->changed(app, job->ctx);
}

static void reopen_answered(struct app *app, void *ctx, int yes)
{
	struct session_cancel *job = ctx;
	if (yes)
		cancel_done(app, job, attendance_cancel_session(&app->desk, job->session.id, NULL), NULL);
}

static void reason_typed(struct app *app, void *ctx, const char *reason)
{
	struct session_cancel *job = ctx;
	if (!reason)
		return;
	if (!reason[0]) {
		app_status(app, STATUS_ERROR, "%s", _("Not cancelled: write a reason, e.g. Holiday."));
		return;
	}
	cancel_done(app, job, attendance_cancel_session(&app->desk, job->session.id, reason), reason);
}

void attendance_session_toggle_cancel(struct app *app, struct session_cancel *job, long long session_id)
{
	int nhelpers;
	enum db_status r = attendance_session(&app->desk, session_id, &job->session, NULL, 0, &nhelpers);
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	const struct session_info *s = &job->session;
	char question[ATT_TEXT + 200];
	struct date d;
	job->day[0] = '\0';
	if (date_parse_iso(s->date, &d))
		date_format_short(d, job->day, sizeof job->day);
	if (strcmp(s->status, "cancelled") == 0) {
		snprintf(question, sizeof question, _("Reopen %s, %s?"), s->activity, job->day);
		dialog_confirm(app, &(struct confirm_args){ .question = question, .default_yes = true,
			.done = reopen_answered, .ctx = job });
		return;
	}
	if (s->marked > 0) {
		app_status(app, STATUS_ERROR, "%s",
			   _("People are already marked: take their marks away (Del) before cancelling."));
		return;
	}
	snprintf(question, sizeof question, _("Cancel %s, %s? Write why (e.g. Holiday, Illness):"), s->activity,
		 job->day);
	dialog_prompt(app, &(struct prompt_args){ .question = question, .max_chars = NOTE_CHARS,
		.done = reason_typed, .ctx = job });
}

static bool attendance_session_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct session_state *)s->state)->form, key);
}

const struct screen_ops attendance_session_screen = {
	.name = N_("Session"),
	.help = N_("The session's own details. Move it by changing the date or the times; choose who led "
		   "it and which volunteers helped with Enter; write a short note. To cancel it, set "
		   "Cancelled to yes and write the reason, e.g. Holiday. Save with Ctrl-S."),
	.actions = session_actions,
	.writes = true,
	.enter = session_enter,
	.draw = session_draw,
	.on_key = session_key,
	.typing = attendance_session_typing,
	.leave = app_free_state,
};
