/* attendance_roll.c — the roll list (attendance_roll.h).
 *
 * Keys: m, a and u mark came / sent notice / did not come and move to the
 * next line, so a 20-person list is 20 key presses. The letters are the
 * first letters of the words on the paper list the desk already knows
 * (mødt, afbud, udeblevet), so nobody has to learn a code; Space also
 * marks "came", the most common mark, on the biggest key, for a thumb.
 * f toggles "came accompanied" (by the citizen's matched volunteer, or
 * one chosen), and stays on the line: it adds to a mark, it is not one.
 *
 * After a mark the person's row is read again: the rules may have planned
 * a call or reached a milestone. The whole list is read again when a
 * second desk has committed meanwhile.
 */
#include "attendance_roll.h"
#include "attendance_roll_state.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendance_history.h"
#include "attendance_pick.h"
#include "attendance_rules.h"
#include "attendance_session.h"
#include "attendance_walkin.h"
#include "card.h"
#include "date.h"
#include "dialog.h"
#include "fold.h"
#include "i18n.h"
#include "sheet_print.h"
#include "lineedit.h"
#include "list.h"
#include "attendance.h"
#include "vocab.h"


extern const struct screen_ops attendance_roll_screen;

static const struct action roll_actions[] = {
	{ ACT_MARK_PRESENT, 'm', N_("Present"), N_("Mark the citizen as came (mødt) and go to the next line."), 0 },
	{ ACT_MARK_PRESENT, UIK_SPACE, N_("Present"), N_("Mark as came, like m: the most common mark on the biggest key."),
	  ACTF_HIDDEN },
	{ ACT_MARK_EXCUSED, 'a', N_("Excused"), N_("Mark that the citizen sent notice (afbud) and go to the next line."), 0 },
	{ ACT_MARK_ABSENT, 'u', N_("Absent"), N_("Mark that the citizen did not come (udeblevet) and go to the next line."), 0 },
	{ ACT_ACCOMPANIED, 'f', N_("Accompanied"), N_("Came accompanied by a volunteer, or no longer: the citizen's matched "
						      "volunteer, else you choose one. Stays on the line."), 0 },
	{ ACT_WALK_IN, '+', N_("Walk-in"), N_("Add someone who came without being on the list: search all citizens, "
					     "or register a new person with name and phone."), 0 },
	{ ACT_SESSION_DETAILS, 'd', N_("Session"), N_("The session's date, times, leader, helpers and note; cancel "
						     "or reopen it."), 0 },
	{ ACT_HISTORY, 'h', N_("History"), N_("The attendance of this activity over the last weeks."), 0 },
	{ ACT_PRINT, 'p', N_("Print"), N_("Print the roll-call sheet for a session away from the desk, in this list's "
					 "order; without a printer it becomes a printable file."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the sessions of the week. Every mark is already saved."), 0 },
	{ ACT_COMPANION, 'v', N_("Companion"), N_("Choose which volunteer the citizen came with."), 0 },
	{ ACT_MARK_CLEAR, UIK(KEY_DC), N_("Clear"), N_("Take the mark away (a walk-in leaves the list)."), 0 },
	{ ACT_MARK_CLEAR, UIK(KEY_BACKSPACE), N_("Clear"), N_("Take the mark away, like Del."), ACTF_HIDDEN },
	{ ACT_PREV_SESSION, '<', N_("Previous"), N_("The activity's previous session, e.g. to catch up a paper list."), 0 },
	{ ACT_PREV_SESSION, UIK(KEY_LEFT), N_("Previous"), N_("The previous session, like <."), ACTF_HIDDEN },
	{ ACT_NEXT_SESSION, '>', N_("Next"), N_("The activity's next session."), 0 },
	{ ACT_NEXT_SESSION, UIK(KEY_RIGHT), N_("Next"), N_("The next session, like >."), ACTF_HIDDEN },
	{ ACT_CARD, UIK_ENTER, N_("Card"), N_("Open the citizen's card."), 0 },
	{ ACT_SEARCH, '/', N_("Find"), N_("Find a name in the list as you type; Enter or Esc goes back to marking."),
	  0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void forget_changed(struct roll_state *st, long long citizen_id)
{
	for (int i = 0; i < st->nchanged; i++)
		if (st->changed[i] == citizen_id)
			st->changed[i] = st->changed[--st->nchanged];
}

static int index_of(const struct roll_state *st, long long citizen_id)
{
	for (int i = 0; i < st->roll.count; i++)
		if (st->roll.entries[i].citizen_id == citizen_id)
			return i;
	return -1;
}

static int first_unmarked(const struct roll_state *st)
{
	for (int i = 0; i < st->roll.count; i++)
		if (!st->roll.entries[i].mark[0])
			return i;
	return -1;
}

/* The first person without a mark below row `from`, else from the top;
 * -1 when everyone has one. After a mark the cursor goes there: a
 * correction further up goes back to where the call had got to, and the
 * next key never changes a mark already made (a helper corrected one
 * person and the next key changed the mark of the one below). */
static int next_unmarked(const struct roll_state *st, int from)
{
	for (int i = from + 1; i < st->roll.count; i++)
		if (!st->roll.entries[i].mark[0])
			return i;
	return first_unmarked(st);
}

/* Marks with a * the people whose mark changed between the list on
 * screen and the fresh one, other than `own` (whom this desk just
 * marked or added): another desk did that. Returns how many. */
static int note_changes(struct roll_state *st, const struct roll *fresh, long long own)
{
	if (!st->viewed || fresh->session.id != st->roll.session.id)
		return 0;
	int changed = 0;
	for (int i = 0; i < fresh->count; i++) {
		const struct roll_entry *now = &fresh->entries[i], *was = NULL;
		for (int k = 0; k < st->roll.count && !was; k++)
			if (st->roll.entries[k].citizen_id == now->citizen_id)
				was = &st->roll.entries[k];
		bool differs = was ? strcmp(was->mark, now->mark) != 0 || was->accompanied_by != now->accompanied_by
				   : now->mark[0] != '\0';
		if (!differs || now->citizen_id == own || roll_changed_elsewhere(st, now->citizen_id)
		    || st->nchanged == ROLL_CHANGED_MAX)
			continue;
		st->changed[st->nchanged++] = now->citizen_id;
		changed++;
	}
	return changed;
}

/* Reads the list again, keeping the cursor on the same person and
 * marking what another desk changed meanwhile. */
static bool load(struct roll_state *st, struct app *app)
{
	long long keep = st->select_id;
	if (!keep && st->selected < st->roll.count)
		keep = st->roll.entries[st->selected].citizen_id;
	struct roll fresh;
	enum db_status r = st->viewed ? attendance_roll_reload(&app->desk, st->session_id, &fresh)
				      : attendance_roll_view(&app->desk, st->session_id, &fresh);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	int changed = note_changes(st, &fresh, st->select_id);
	if (changed && !app->status[0])
		app_status(app, STATUS_INFO, P_("Another desk changed %d mark on this list (marked *).",
						"Another desk changed %d marks on this list (marked *).", changed), changed);
	st->viewed = true;
	attendance_roll_free(&st->roll);
	st->roll = fresh;
	attendance_summarise(&st->roll, &st->sum);
	st->widest = roll_widest_name(st);
	struct session_info info;
	if (attendance_session(&app->desk, st->session_id, &info, st->helpers, ATT_HELPERS, &st->nhelpers) != DB_OK)
		st->nhelpers = 0;
	int at = keep ? index_of(st, keep) : -1;
	st->selected = at >= 0 ? at : st->selected < st->roll.count ? st->selected : 0;
	st->select_id = 0;
	return true;
}

/* After this desk's own mark: that person's row read again, not the
 * whole list (at a large centre the list's pages do not all stay in
 * SQLite's cache, and a roll call read them all after every mark). The
 * whole list when the session just became held, the row is gone, or
 * another desk committed since the list was read (keys typed ahead keep
 * the idle refresh from running between marks). */
static bool reload_one(struct roll_state *st, struct app *app, long long citizen_id, bool session_changed)
{
	int at = index_of(st, citizen_id);
	struct roll_entry e;
	if (session_changed || at < 0 || desk_others_changed(&app->desk)
	    || attendance_roll_entry(&app->desk, &st->roll.session, citizen_id, &e) != DB_OK)
		return load(st, app);
	st->roll.entries[at] = e;
	attendance_summarise(&st->roll, &st->sum);
	st->selected = at;
	st->select_id = 0;
	return true;
}

/* The list just read: the highlight where the marks stop, and a roll
 * call still to be taken has its marks rehearsed from there. */
static void start_where_marks_stop(struct roll_state *st)
{
	int first = first_unmarked(st);
	st->selected = first >= 0 ? first : 0;
	st->ahead_from = first;
	st->ahead_done = first >= 0 ? 0 : INT_MAX;
	st->readied = 0;
}

static bool roll_idle(struct screen *s, struct app *app)
{
	struct roll_state *st = s->state;
	/* Asked each time: the session may have been cancelled or moved
	 * ahead meanwhile ('d'). */
	if (!attendance_rehearsable(&app->desk, &st->roll.session))
		return false;
	if (st->ahead_done >= st->roll.count) {
		/* Then the person the cursor is on, once, for the next key. */
		if (st->selected >= st->roll.count || st->roll.entries[st->selected].citizen_id == st->readied)
			return false;
		long long id = st->roll.entries[st->selected].citizen_id;
		enum db_status r = attendance_ready_mark(&app->desk, st->session_id, id, app_key_waiting, NULL);
		/* Stopped by a key or another desk: again when idle. */
		if (r != DB_ERR_BUSY && r != DB_ERR_INTERRUPTED)
			st->readied = id;
		return false;
	}
	const struct roll_entry *e = &st->roll.entries[(st->ahead_from + st->ahead_done) % st->roll.count];
	enum db_status r = attendance_rehearse_mark(&app->desk, st->session_id, e->citizen_id, app_key_waiting, NULL);
	/* Another desk writing, or a key: the same person at the next
	 * moment no key waits. A person the rules refuse (gone from the
	 * list, say) is passed over; anything else ends the rehearsals. */
	if (r == DB_ERR_BUSY || r == DB_ERR_INTERRUPTED)
		return false;
	bool next = r == DB_OK || r == DB_ERR_NOTFOUND || r == DB_ERR_CONFLICT || r == DB_ERR_INVALID;
	st->ahead_done = next ? st->ahead_done + 1 : INT_MAX;
	return st->ahead_done < st->roll.count;
}

/* Another session of the activity: the cursor where its marks stop, or,
 * on a list all marked (a correction), on the person it was on (it went
 * to the top, and the next key marked someone else). */
static void show_session(struct roll_state *st, struct app *app, long long session_id)
{
	long long was_on = st->selected < st->roll.count ? st->roll.entries[st->selected].citizen_id : 0;
	st->session_id = session_id;
	st->selected = st->top = 0;
	st->select_id = 0;
	st->viewed = false;
	st->nchanged = 0;
	st->ahead_done = INT_MAX;
	st->readied = 0;
	attendance_roll_free(&st->roll);
	if (!load(st, app))
		return;
	if (st->shown)
		*st->shown = session_id;
	start_where_marks_stop(st);
	int at = was_on ? index_of(st, was_on) : -1;
	if (first_unmarked(st) < 0 && at >= 0)
		st->selected = at;
}

static bool roll_enter(struct screen *s, struct app *app, const void *args)
{
	struct roll_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	lineedit_init(&st->find, 40);
	const struct attendance_roll_args *a = args;
	st->session_id = a->session_id;
	st->shown = a->shown;
	if (!load(st, app)) {
		free(st);
		return false;
	}
	/* Catching up starts where the marks stop. */
	start_where_marks_stop(st);
	s->state = st;
	return true;
}

static void roll_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct roll_state *st = s->state;
	attendance_roll_free(&st->roll);
	free(st);
	s->state = NULL;
}

/* Tells the desk what the rules did with the mark just made. */
static void tell_outcome(struct app *app, const struct roll_entry *e, const struct mark_outcome *out)
{
	if (out->call_planned)
		app_status(app, STATUS_INFO, _("%s: missed several times in a row, a follow-up call is planned."),
			   e->name);
	else if (out->call_not_allowed)
		app_status(app, STATUS_INFO,
			   _("%s: missed several times in a row, but has not agreed to be called: no call is planned."),
			   e->name);
	else if (out->call_withdrawn)
		app_status(app, STATUS_INFO, _("%s: the follow-up call is withdrawn again."),
			   e->name);
	else if (out->call_answered)
		app_status(app, STATUS_INFO, _("%s came back: the call after missed sessions is cancelled."),
			   e->name);
	else if (out->accompaniment_done)
		app_status(app, STATUS_INFO, _("%s: first session since the match, milestone reached."),
			   e->name);
}

static bool refuse_if_cancelled(struct roll_state *st, struct app *app)
{
	if (!roll_cancelled(st))
		return false;
	app_status(app, STATUS_ERROR, "%s", _("The session is cancelled and takes no marks. Press d to reopen it."));
	return true;
}

static unsigned mark_citizen(struct roll_state *st, struct app *app, const struct roll_entry *pe, const char *mark,
			     long long companion, bool advance, const char *seen);

static unsigned set_mark(struct roll_state *st, struct app *app, const char *mark, long long companion,
			 bool advance)
{
	if (st->roll.count == 0 || refuse_if_cancelled(st, app))
		return RD_ALL;
	struct roll_entry e = st->roll.entries[st->selected];
	return mark_citizen(st, app, &e, mark, companion, advance, e.mark);
}

/* The desk said yes: replace the other desk's mark. */
static void override_answered(struct app *app, void *ctx, int yes)
{
	struct roll_state *st = ctx;
	int at = index_of(st, st->asking.citizen_id);
	if (!yes || at < 0)
		return;
	struct roll_entry e = st->roll.entries[at];
	st->selected = at;
	mark_citizen(st, app, &e, st->asking.mark[0] ? st->asking.mark : NULL, st->asking.companion,
		     st->asking.advance, st->asking.other);
}

static unsigned mark_citizen(struct roll_state *st, struct app *app, const struct roll_entry *pe, const char *mark,
			     long long companion, bool advance, const char *seen)
{
	struct roll_entry e = *pe;
	struct mark_outcome out;
	enum db_status r = attendance_mark_seen(&app->desk, st->session_id, e.citizen_id, mark, companion, seen, &out);
	if (r == DB_ERR_CONFLICT && out.other_mark[0]) {
		/* Another desk marked this person in the last minutes, and this
		 * screen did not show it yet: ask before replacing it. */
		st->asking.citizen_id = e.citizen_id;
		snprintf(st->asking.mark, sizeof st->asking.mark, "%s", mark ? mark : "");
		snprintf(st->asking.other, sizeof st->asking.other, "%s", out.other_mark);
		st->asking.companion = companion;
		st->asking.advance = advance;
		load(st, app);
		char q[3 * ATT_NAME + 200], when[32];
		date_format_stamp(out.other_at, when, sizeof when);
		snprintf(q, sizeof q, _("%s was just marked \"%s\" at another desk (%s%s%s). Replace it with \"%s\"?"),
			 e.name, vocab_label(vocab_attendance_mark, out.other_mark), out.other_by,
			 out.other_by[0] ? ", " : "", when + (strlen(when) > 11 ? 11 : 0),
			 mark ? vocab_label(vocab_attendance_mark, mark) : _("no mark"));
		dialog_confirm(app, &(struct confirm_args){ .question = q, .done = override_answered, .ctx = st });
		return RD_ALL;
	}
	if (r == DB_ERR_INVALID) {
		/* Notice can come before the day; coming or staying away cannot. */
		app_status(app, STATUS_ERROR, "%s",
			   _("This session has not been held yet: only notice (a) can be marked in advance."));
		return RD_ALL;
	}
	if (r != DB_OK) {
		/* Nothing was written: the list shows what is saved. */
		app_status_db(app, r);
		load(st, app);
		return RD_ALL;
	}
	tell_outcome(app, &e, &out);
	forget_changed(st, e.citizen_id);
	st->select_id = e.citizen_id;
	reload_one(st, app, e.citizen_id, out.session_held || out.session_planned_again);
	if (advance) {
		int next = next_unmarked(st, st->selected);
		if (next >= 0)
			st->selected = next;
		else if (!app->status[0])
			app_status(app, STATUS_INFO, "%s", _("Everyone on the list is marked."));
	}
	return RD_ALL;
}

static unsigned mark_present(struct roll_state *st, struct app *app)
{
	if (st->roll.count == 0)
		return RD_ALL;
	const struct roll_entry *e = &st->roll.entries[st->selected];
	/* Marking "came" again keeps whoever went along. */
	return set_mark(st, app, "present", e->accompanied_by, true);
}

static void companion_chosen(struct app *app, void *ctx, const struct pick_row *row)
{
	if (row && row->id > 0)
		set_mark(ctx, app, "present", row->id, false);
}

static unsigned choose_companion(struct roll_state *st, struct app *app)
{
	if (st->roll.count == 0 || refuse_if_cancelled(st, app))
		return RD_ALL;
	const struct roll_entry *e = &st->roll.entries[st->selected];
	char title[ATT_NAME + 80];
	snprintf(title, sizeof title, _("Who came with %s?"), e->name);
	attendance_pick(app, &(struct attendance_pick_args){ .title = title, .search = attendance_pick_volunteers,
		.done = companion_chosen, .ctx = st });
	return RD_ALL;
}

static unsigned toggle_accompanied(struct roll_state *st, struct app *app)
{
	if (st->roll.count == 0 || refuse_if_cancelled(st, app))
		return RD_ALL;
	const struct roll_entry *e = &st->roll.entries[st->selected];
	if (e->accompanied_by)
		return set_mark(st, app, "present", 0, false);
	if (e->match_volunteer)
		return set_mark(st, app, "present", e->match_volunteer, false);
	return choose_companion(st, app);
}

static void take_off_answered(struct app *app, void *ctx, int yes)
{
	if (yes)
		set_mark(ctx, app, NULL, 0, false);
}

static unsigned clear_mark(struct roll_state *st, struct app *app)
{
	if (st->roll.count == 0)
		return RD_ALL;
	const struct roll_entry *e = &st->roll.entries[st->selected];
	if (!e->mark[0])
		return RD_NONE;
	if (!e->enrolment_id) {
		char q[ATT_NAME + 120];
		snprintf(q, sizeof q, _("Take %s off this session's list?"), e->name);
		dialog_confirm(app, &(struct confirm_args){ .question = q, .done = take_off_answered, .ctx = st });
		return RD_ALL;
	}
	return set_mark(st, app, NULL, 0, false);
}

static unsigned goto_neighbour(struct roll_state *st, struct app *app, int dir)
{
	long long id = 0;
	enum db_status r = attendance_neighbour(&app->desk, st->session_id, dir, &id);
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	if (!id) {
		app_status(app, STATUS_INFO, "%s", dir < 0 ? _("There is no earlier session of this activity.")
							: _("There is no later session of this activity yet."));
		return RD_ALL;
	}
	show_session(st, app, id);
	return RD_ALL;
}

/* '/': jump to the first name containing what is typed (folded). */
static unsigned find_key(struct roll_state *st, ui_key key)
{
	if (key == UIK_ENTER || key == UIK_ESC) {
		st->finding = false;
		curs_set(0);
		return RD_ALL;
	}
	if (!lineedit_key(&st->find, key))
		return RD_NONE;
	char q[128], name[ATT_NAME];
	fold_search(st->find.text, q, sizeof q);
	for (int i = 0; q[0] && i < st->roll.count; i++) {
		fold_search(st->roll.entries[i].name, name, sizeof name);
		if (strstr(name, q)) {
			st->selected = i;
			break;
		}
	}
	return RD_ALL;
}

static void walk_in_added(struct app *app, void *ctx, long long citizen_id)
{
	(void)app;
	struct roll_state *st = ctx;
	st->select_id = citizen_id;
}

static unsigned roll_key(struct screen *s, struct app *app, ui_key key)
{
	struct roll_state *st = s->state;
	if (st->finding) {
		unsigned r = find_key(st, key);
		if (r != RD_NONE)
			return r;
	}
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_MARK_PRESENT:
		return mark_present(st, app);
	case ACT_MARK_EXCUSED:
		return set_mark(st, app, "excused", 0, true);
	case ACT_MARK_ABSENT:
		return set_mark(st, app, "absent", 0, true);
	case ACT_MARK_CLEAR:
		return clear_mark(st, app);
	case ACT_ACCOMPANIED:
		return toggle_accompanied(st, app);
	case ACT_COMPANION:
		return choose_companion(st, app);
	case ACT_WALK_IN:
		if (!refuse_if_cancelled(st, app))
			attendance_walkin_open(app, &(struct attendance_walkin_args){ .session_id = st->session_id,
				.added = walk_in_added, .ctx = st });
		return RD_ALL;
	case ACT_SESSION_DETAILS:
		attendance_session_open(app, &(struct attendance_session_args){ .session_id = st->session_id });
		return RD_ALL;
	case ACT_PRINT:
		sheet_print_session(app, st->session_id);
		return RD_ALL;
	case ACT_HISTORY: {
		struct attendance_history_args h = { .activity_id = st->roll.session.activity_id };
		snprintf(h.until, sizeof h.until, "%s", st->roll.session.date);
		attendance_history_open(app, &h);
		return RD_ALL;
	}
	case ACT_PREV_SESSION:
		return goto_neighbour(st, app, -1);
	case ACT_NEXT_SESSION:
		return goto_neighbour(st, app, +1);
	case ACT_CARD:
		if (st->roll.count > 0)
			card_open(app, &(struct card_args){ .citizen_id = st->roll.entries[st->selected].citizen_id });
		return RD_ALL;
	case ACT_SEARCH:
		st->finding = true;
		lineedit_set(&st->find, "");
		return RD_ALL;
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		break;
	}
	unsigned r = list_move_cursor(&st->selected, st->roll.count, st->page_rows, key);
	return r != RD_NONE ? r : app_default_key(app, key);
}

/* Back from a walk-in, the session's details, the history or a card:
 * read the list again (with the cursor on a walk-in just added). */
static unsigned roll_resume(struct screen *s, struct app *app)
{
	load(s->state, app);
	return RD_ALL;
}

/* Another desk marked meanwhile: read the list again (load marks with a
 * * what changed). */
static unsigned roll_refresh(struct screen *s, struct app *app)
{
	load(s->state, app);
	return RD_ALL;
}

void attendance_roll_open(struct app *app, const struct attendance_roll_args *args)
{
	app_push(app, &attendance_roll_screen, args);
}

const struct screen_ops attendance_roll_screen = {
	.name = N_("Roll call"),
	.help = N_("Everyone enrolled in the activity, in Danish name order, with last time's mark beside the "
		   "name. Press m (came), a (sent notice) or u (did not come) for the person on the highlighted "
		   "line; the mark is saved at once and the next person without a mark is highlighted. f marks "
		   "that the person came accompanied by their volunteer. + adds a walk-in. The line at the top "
		   "counts the marks and names who came for the first time."),
	.actions = roll_actions,
	.enter = roll_enter,
	.draw = roll_draw,
	.on_key = roll_key,
	.resume = roll_resume,
	.others_changed = roll_refresh,
	.idle = roll_idle,
	.leave = roll_leave,
};
