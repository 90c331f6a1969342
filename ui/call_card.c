/* call_card.c — the call card: everything the volunteer needs on the
 * screen while the phone rings, and the way to record what came of it. */
#include "call_card.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "call_outcome.h"
#include "call_rules.h"
#include "calls.h"
#include "card.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "kept_drafts.h"
#include "lineedit.h"
#include "measure_chart.h"
#include "measure_form.h"
#include "measures.h"
#include "nextstep.h"
#include "phone.h"
#include "strbuf.h"
#include "utf8.h"
#include "vocab.h"

struct call_card_state {
	long long id;
	struct call_card card;
	struct measure_history measures[MEASURE_CHART_MAX];
	int nmeasures;
	struct action now[8];         /* the keys that apply to this call now */
	bool outcome_kept;            /* the person's outcome of it, kept as a draft */
};

extern const struct screen_ops call_card_screen;

static const struct action call_card_actions[] = {
	{ ACT_RECORD, UIK_ENTER, N_("Record outcome"), N_("Write down how the call went and the next step."), 0 },
	{ ACT_MEASURE, 'm', N_("Measure"), N_("Ask the WHO-5 or the loneliness questions and enter the answers."), 0 },
	{ ACT_CARD, 'b', N_("Card"), N_("Open the citizen's card."), 0 },
	{ ACT_CANCEL_CALL, 'x', N_("Cancel call"), N_("The call is no longer needed: cancel it and say why."), 0 },
	{ ACT_HANDLED, 'k', N_("Handled"), N_("For the coordinator: the citizen raised after calls not reached is handled."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the call list."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};
/* The hint line offers what this call allows: a call recorded or
 * cancelled has no outcome to write, and only a citizen raised to the
 * coordinator is handled, by a coordinator. */
static bool call_card_hides(enum action_id id, const void *state, const struct app *app)
{
	const struct call_card_state *st = state;
	bool open = strcmp(st->card.status, "open") == 0;
	if (id == ACT_RECORD || id == ACT_CANCEL_CALL)
		return !open;
	if (id == ACT_HANDLED)
		return !st->card.escalated_on[0] || !desk_is_coordinator(&app->desk);
	return false;
}

static const struct action *call_card_actions_now(const struct screen *s, const struct app *app)
{
	struct call_card_state *st = s->state;
	return st ? action_table_hiding(st->now, sizeof st->now / sizeof st->now[0], call_card_actions, call_card_hides,
					st, app)
		  : call_card_actions;
}

/* Questions worth asking, by the reason for the call. */
static const struct {
	const char *reason;
	const char *questions[4];
} suggested[] = {
	{ "after_match", { N_("How did the first meeting with the volunteer go?"),
			   N_("Do the day and time suit you?"),
			   N_("Is anything making it hard to go: transport, nerves, money?"),
			   N_("When do you see each other next?") } },
	{ "after_first_session", { N_("How was it to be there the first time?"),
				   N_("Did you talk to anyone? Who?"),
				   N_("Would you like to go again, on your own or with the volunteer?"),
				   N_("Is there anything that would make next time easier?") } },
	{ "missed_sessions", { N_("We missed you at the last sessions. How are you?"),
			       N_("Did something get in the way: health, transport, the group?"),
			       N_("Would you like to come back? Would company on the way help?"),
			       N_("Would another activity or time suit you better?") } },
	{ "agreed", { N_("Follow up on what you agreed last time (under Why, and the latest calls)."),
		      N_("How have things been since we last talked?"),
		      N_("What is the next step, and when do we talk again?"), NULL } },
	{ "referrer_feedback", { N_("You are calling the referrer, not the citizen."),
				 N_("Tell only what the citizen agreed to: that they started, and how it goes."),
				 N_("Ask whether there is anything we should know."), NULL } },
	{ "no_contact", { N_("It has been a while. How are you?"),
			  N_("Are you still looking for a community or an activity?"),
			  N_("Has anything changed: health, address, phone?"),
			  N_("Should we find a new match, or end the course for now?") } },
	{ "relative_support", { N_("You are calling the relative, who asked for support of their own."),
				N_("How are you doing yourself, as a relative?"),
				N_("Would a group or a talk for relatives help?"),
				N_("Tell nothing about the citizen they do not know already.") } },
	{ "other", { N_("How are you?"), N_("What is the next step, and when do we talk again?"), NULL, NULL } },
};

void call_when_text(const char *due_on, const char *due_time, struct date today, char *out, size_t size)
{
	struct date d;
	if (!date_parse_iso(due_on, &d)) {
		snprintf(out, size, "%s", due_on);
		return;
	}
	long late = date_to_days(today) - date_to_days(d);
	char day[48];
	if (late > 0)
		snprintf(day, sizeof day, P_("%ld day late", "%ld days late", late), late);
	else if (late == 0)
		snprintf(day, sizeof day, "%s", _("today"));
	else
		date_format_short(d, day, sizeof day);
	snprintf(out, size, "%s%s%s", day, due_time && due_time[0] ? " " : "", due_time ? due_time : "");
}

static bool load(struct call_card_state *st, struct app *app)
{
	enum db_status r = calls_card(&app->desk, st->id, &st->card);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	if (measures_history(&app->desk, st->card.call.citizen_id, st->measures, MEASURE_CHART_MAX, &st->nmeasures)
	    != DB_OK)
		st->nmeasures = 0;
	char *kept = NULL;
	st->outcome_kept = kept_draft_find(&app->desk, DRAFT_CALL, st->id, &kept) == DB_OK;
	free(kept);
	return true;
}

static bool call_card_enter(struct screen *s, struct app *app, const void *args)
{
	struct call_card_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->id = ((const struct call_card_args *)args)->call_id;
	if (!load(st, app)) {
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void day_text(const char *iso, char *out, size_t size)
{
	struct date d;
	out[0] = '\0';
	if (date_parse_iso(iso, &d))
		date_format_short(d, out, size);
}

/* "efter første mødegang — Gå-gruppen tirs 24. nov med Bente Ølgaard" */
static void why_text(const struct call_card *c, char *out, size_t size)
{
	char day[48], detail[900] = "";
	day_text(c->why_date, day, sizeof day);
	const char *reason = c->call.reason;
	if (strcmp(reason, "after_match") == 0 || strcmp(reason, "after_first_session") == 0) {
		if (c->why_activity[0] && c->why_volunteer[0])
			/* TRANSLATORS: activity, day ("tirs 24. nov"), volunteer. */
			snprintf(detail, sizeof detail, _("%s %s with %s"), c->why_activity, day, c->why_volunteer);
		else
			snprintf(detail, sizeof detail, "%s %s", c->why_activity[0] ? c->why_activity : c->why_volunteer,
				 day);
	} else if (strcmp(reason, "missed_sessions") == 0 && c->why_activity[0]) {
		/* TRANSLATORS: activity, the day of the last missed session. */
		snprintf(detail, sizeof detail, _("%s, last missed %s"), c->why_activity, day);
	} else if (strcmp(reason, "agreed") == 0 && day[0] && c->why_text[0]) {
		/* TRANSLATORS: the day of the earlier call, and its note. */
		snprintf(detail, sizeof detail, _("in the call %s: %s"), day, c->why_text);
	} else if (strcmp(reason, "agreed") == 0 && day[0]) {
		/* TRANSLATORS: the day of the earlier call, which left no note. */
		snprintf(detail, sizeof detail, _("in the call %s"), day);
	} else if (strcmp(reason, "relative_support") == 0 && c->relative.name[0]) {
		/* The number is on the relative's line below. */
		snprintf(detail, sizeof detail, "%s", c->relative.name);
	} else if (strcmp(reason, "no_contact") == 0 && c->last_contact_on[0]) {
		day_text(c->last_contact_on, day, sizeof day);
		snprintf(detail, sizeof detail, _("nothing since %s"), day);
	}
	snprintf(out, size, _("Why: %s%s%s"), next_step_call_reason(reason), detail[0] ? " — " : "", detail);
}

static int row(int y, const struct area *a, const char *text, attr_t attr)
{
	if (y >= a->top + a->rows)
		return 0;
	draw_cell(y, a->left, a->cols, text, attr);
	return 1;
}

static int heading(int y, const struct area *a, const char *text)
{
	return row(y, a, text, A_BOLD | A_UNDERLINE);
}

/* "Gå-gruppen: kom 4 af de sidste 6 gange; senest tirs 24. nov: udeblev." */
static void attendance_text(const struct call_attendance *at, char *out, size_t size)
{
	int n = (int)strlen(at->marks), came = 0;
	for (int i = 0; i < n; i++)
		came += at->marks[i] == 'p';
	char last[48], next[48], mark[64] = "";
	day_text(at->last_date, last, sizeof last);
	day_text(at->next_date, next, sizeof next);
	if (n > 0) {
		const char *code = at->marks[n - 1] == 'p' ? "present" : at->marks[n - 1] == 'e' ? "excused" : "absent";
		snprintf(mark, sizeof mark, "%s", vocab_label(vocab_attendance_mark, code));
	}
	char seen[300];
	if (n == 0)
		snprintf(seen, sizeof seen, "%s", _("not marked yet"));
	else if (n == 1)
		/* One session so far: "came 0 of the last 1 time" said less. */
		snprintf(seen, sizeof seen, _("one session so far, %s: %s"), last, mark);
	else
		/* TRANSLATORS: came %d of the last %d times; latest day: what happened. */
		snprintf(seen, sizeof seen, P_("came %d of the last %d time; latest %s: %s",
					       "came %d of the last %d times; latest %s: %s", n),
			 came, n, last, mark);
	char upcoming[80] = "";
	if (next[0])
		snprintf(upcoming, sizeof upcoming, _("; next %s"), next);
	snprintf(out, size, "%s: %s%s", at->activity, seen, upcoming);
}

static void note_text(const struct call_note *n, char *out, size_t size)
{
	char day[16] = "";
	struct date d;
	if (date_parse_iso(n->date, &d))
		date_format_dk(d, day, sizeof day);
	char who[CALL_NAME + 4] = "";
	if (n->who[0])
		snprintf(who, sizeof who, " (%s)", n->who);
	if (n->outcome[0] && n->text[0])
		/* TRANSLATORS: date, the call's outcome ("not reached"), " (who)" or "", the note. */
		snprintf(out, size, _("%s  Call, %s%s: %s"), day, vocab_label(vocab_call_outcome, n->outcome), who,
			 n->text);
	else if (n->outcome[0])
		/* TRANSLATORS: date, the call's outcome ("not reached"), " (who)" or "" (the call left no note). */
		snprintf(out, size, _("%s  Call, %s%s"), day, vocab_label(vocab_call_outcome, n->outcome), who);
	else
		/* TRANSLATORS: date, " (who)" or "", the note. */
		snprintf(out, size, _("%s  Note%s: %s"), day, who, n->text);
}

static void call_card_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct call_card_state *st = s->state;
	const struct call_card *c = &st->card;
	struct date today = date_today();
	char line[2400], part[1200];
	int y = a->top, bottom = a->top + a->rows;
	bool feedback = strcmp(c->call.reason, "referrer_feedback") == 0;

	/* Who, and the number to dial. */
	char born[32] = "";
	if (c->birth_year[0])
		snprintf(born, sizeof born, _(" (born %s)"), c->birth_year);
	const char *pref = c->contact_pref[0] ? vocab_label(vocab_contact_pref, c->contact_pref) : "";
	char dial[PHONE_SHOWN_MAX], rel_phone[PHONE_SHOWN_MAX], ref_phone[PHONE_SHOWN_MAX];
	phone_shown(c->call.phone, dial, sizeof dial);
	phone_shown(c->relative.phone, rel_phone, sizeof rel_phone);
	phone_shown(c->referrer_phone, ref_phone, sizeof ref_phone);
	/* The number to dial (store_calls: the referrer's for feedback, the
	 * relative's for their support), said whose it is. */
	bool to_relative = strcmp(c->call.reason, "relative_support") == 0;
	const char *whose = feedback ? _("%s%s   Call the referrer: %s%s%s")
			    : to_relative ? _("%s%s   Call the relative: %s%s%s") : _("%s%s   Phone: %s%s%s");
	if (feedback || to_relative)
		pref = "";
	snprintf(line, sizeof line, whose, c->call.name, born, dial[0] ? dial : _("none on record"),
		 pref[0] ? _(", prefers: ") : "", pref);
	if (utf8_columns(line, strlen(line)) > a->cols) {
		/* A narrow window: the number to dial gets a line of its own. */
		snprintf(part, sizeof part, "%s%s", c->call.name, born);
		y += row(y, a, part, A_BOLD);
		snprintf(line, sizeof line, whose, "", "", dial[0] ? dial : _("none on record"),
			 pref[0] ? _(", prefers: ") : "", pref);
		y += row(y, a, line + strspn(line, " "), A_BOLD);
	} else {
		y += row(y, a, line, A_BOLD);
	}

	why_text(c, part, sizeof part);
	draw_blank(y, a->left, a->cols, A_REVERSE);
	y += row(y, a, part, A_REVERSE | A_BOLD);

	char when[96];
	call_when_text(c->call.due_on, c->call.due_time, today, when, sizeof when);
	snprintf(line, sizeof line, _("Due: %s   Responsible: %s"), when,
		 c->call.responsible_name[0] ? c->call.responsible_name : _("the desk"));
	y += row(y, a, line, A_NORMAL);

	if (strcmp(c->status, "cancelled") == 0) {
		if (c->note[0])
			snprintf(line, sizeof line, _("This call was cancelled: %s"), c->note);
		else
			snprintf(line, sizeof line, "%s", _("This call was cancelled."));
		y += row(y, a, line, A_BOLD);
	} else if (strcmp(c->status, "open") != 0) {
		const char *how = vocab_label(vocab_call_outcome, c->outcome);
		if (c->note[0])
			snprintf(line, sizeof line, _("This call is already recorded: %s. %s"), how, c->note);
		else
			snprintf(line, sizeof line, _("This call is already recorded: %s."), how);
		y += row(y, a, line, A_BOLD);
	}
	if (c->escalated_on[0]) {
		char day[16] = "";
		struct date d;
		if (date_parse_iso(c->escalated_on, &d))
			date_format_dk(d, day, sizeof day);
		snprintf(line, sizeof line, P_("! Not reached %d time in a row: raised to the coordinator on %s.",
					       "! Not reached %d times in a row: raised to the coordinator on %s.",
					       c->not_reached), c->not_reached, day);
		y += row(y, a, line, A_BOLD);
	} else if (c->not_reached > 0 && !feedback) {
		snprintf(line, sizeof line, P_("Not reached %d time so far.", "Not reached %d times in a row.",
					       c->not_reached), c->not_reached);
		y += row(y, a, line, A_BOLD);
	}
	if (c->call.citizen_ended)
		y += row(y, a, _("The course has ended since this call was planned: perhaps cancel it (x)."), A_BOLD);
	/* Begun and kept: said here, so nobody starts it again from scratch. */
	if (st->outcome_kept && strcmp(c->status, "open") == 0)
		y += row(y, a, _("You have begun its outcome; it is kept as a draft: Enter goes on with it."), A_BOLD);
	if (c->relative.name[0]) {
		struct strbuf b = strbuf_on(line, sizeof line);
		strbuf_add(&b, _("Relative: %s%s%s%s%s%s"), c->relative.name, c->relative.relation[0] ? " (" : "",
			   c->relative.relation, c->relative.relation[0] ? ")" : "", rel_phone[0] ? ", " : "",
			   rel_phone);
		if (c->relative.wants_support)
			strbuf_add(&b, "%s", _(", wants support of their own"));
		/* A call to the relative: theirs is the number to dial. */
		y += row(y, a, line, strcmp(c->call.reason, "relative_support") == 0 ? A_BOLD : A_NORMAL);
	}
	if (feedback || c->feedback_consent) {
		snprintf(line, sizeof line, _("Referrer: %s%s%s%s%s"), c->referrer_name[0] ? c->referrer_name : "-",
			 c->referrer_org[0] ? ", " : "", c->referrer_org, ref_phone[0] ? ", " : "",
			 ref_phone);
		/* For feedback this is the number to dial. */
		y += row(y, a, line, feedback ? A_BOLD : A_NORMAL);
		if (!c->feedback_consent)
			y += row(y, a, _("The citizen has NOT agreed that the referrer is told anything. Cancel this call (x)."),
				 A_BOLD | A_REVERSE);
		else if (feedback && c->feedback_last_on[0]) {
			char day[16] = "";
			struct date d;
			if (date_parse_iso(c->feedback_last_on, &d))
				date_format_dk(d, day, sizeof day);
			snprintf(line, sizeof line, _("The citizen agreed that the referrer hears how it goes. Last told %s."),
				 day);
			y += row(y, a, line, A_NORMAL);
		} else if (feedback) {
			y += row(y, a, _("The citizen agreed that the referrer hears how it goes."), A_NORMAL);
		}
	}

	if (c->nattendance && y + 2 < bottom) {
		y += heading(y, a, _("Attendance"));
		for (int i = 0; i < c->nattendance && i < 2; i++) {
			attendance_text(&c->attendance[i], line, sizeof line);
			y += row(y, a, line, A_NORMAL);
		}
	}
	size_t k = 0;
	while (k + 1 < sizeof suggested / sizeof suggested[0] && strcmp(suggested[k].reason, c->call.reason) != 0)
		k++;
	if (c->nnotes && y + 2 < bottom) {
		y += heading(y, a, _("Lately"));
		/* The latest note is what the caller goes on from: whole, over
		 * up to three rows, where what comes below still fits. */
		int rest = (c->nnotes < 3 ? c->nnotes : 3) - 1 + (st->nmeasures ? 3 : 0);
		if (strcmp(c->status, "open") == 0) {
			rest++;
			for (int i = 0; i < 4 && suggested[k].questions[i]; i++)
				rest += text_rows(_(suggested[k].questions[i]), a->cols - 2);
		}
		for (int i = 0; i < c->nnotes && i < 3 && y < bottom - 2; i++) {
			note_text(&c->notes[i], line, sizeof line);
			int rows = i == 0 ? text_rows(line, a->cols) : 1;
			rows = rows > 3 ? 3 : rows > bottom - y - rest ? bottom - y - rest : rows;
			if (rows > 1)
				y += draw_wrapped(y, a->left, rows, a->cols, line, A_NORMAL);
			else
				y += row(y, a, line, A_NORMAL);
		}
	}
	if (y + 1 < bottom)
		y += measure_chart_draw(st->measures, st->nmeasures, y, a->left, a->cols, bottom - y > 3 ? 3 : bottom - y,
					true);
	if (y + 1 < bottom && strcmp(c->status, "open") == 0) {
		y += heading(y, a, _("For the call"));
		/* Each wrapped under its dash: a question cut is half a question
		 * ("…, og hvo…" was the feedback call's advice at 80 columns). */
		for (int i = 0; i < 4 && suggested[k].questions[i] && y < bottom; i++) {
			draw_text(y, a->left, 2, "- ", A_NORMAL);
			y += draw_wrapped(y, a->left + 2, bottom - y, a->cols - 2, _(suggested[k].questions[i]), A_NORMAL);
		}
	}
}

static void cancel_why_typed(struct app *app, void *ctx, const char *why);

static void ask_cancel_why(struct call_card_state *st, struct app *app, const char *question)
{
	dialog_prompt(app, &(struct prompt_args){ .question = question, .max_chars = NOTE_CHARS,
		.done = cancel_why_typed, .ctx = st });
}

static void cancel_why_typed(struct app *app, void *ctx, const char *why)
{
	struct call_card_state *st = ctx;
	if (!why)
		return;
	if (!call_rule_cancel_reason_ok(why)) {
		ask_cancel_why(st, app, _("Say in a few words why the call is no longer needed: it stays with the call "
					  "for the next person. Esc keeps the call."));
		return;
	}
	enum db_status r = calls_cancel(&app->desk, st->id, why);
	if (r == DB_ERR_CONFLICT) {
		app_status(app, STATUS_ERROR, "%s", _("The call was already recorded or cancelled at another desk."));
		load(st, app);
		return;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	app_pop(app);
	app_status(app, STATUS_INFO, "%s", _("The call is cancelled."));
}

static void handled_typed(struct app *app, void *ctx, const char *what)
{
	struct call_card_state *st = ctx;
	if (!what || !what[0])
		return;
	enum db_status r = calls_escalation_handled(&app->desk, st->card.call.citizen_id, what);
	if (r != DB_OK)
		app_status_db(app, r);
	else
		app_status(app, STATUS_INFO, _("%s is marked as handled."), st->card.call.name);
	load(st, app);
}

static unsigned handled(struct call_card_state *st, struct app *app)
{
	if (!st->card.escalated_on[0]) {
		app_status(app, STATUS_ERROR, "%s", _("This citizen is not raised to the coordinator."));
		return RD_ALL;
	}
	/* Said before the question, not after the answer. */
	if (!desk_is_coordinator(&app->desk)) {
		app_status_db(app, DB_ERR_FORBIDDEN);
		return RD_ALL;
	}
	dialog_prompt(app, &(struct prompt_args){ .question = _("What was done? (e.g. wrote a letter, called the relative)"),
		.max_chars = NOTE_CHARS, .ask_before_dropping = true, .done = handled_typed, .ctx = st });
	return RD_ALL;
}

/* The outcome form, for an open call. A call recorded or cancelled
 * elsewhere while the person's outcome was kept as a draft: what they
 * wrote is shown, since it can no longer be saved (the draft stays until
 * they delete it). */
static void record(struct call_card_state *st, struct app *app)
{
	if (strcmp(st->card.status, "open") == 0) {
		call_outcome_open(app, &(struct call_outcome_args){ .card = &st->card });
		return;
	}
	char note[LINEEDIT_BYTES];
	if (call_outcome_kept_note(app, st->card.call.id, note, sizeof note) && note[0])
		app_status(app, STATUS_ERROR, _("This call was recorded or cancelled meanwhile, so your outcome cannot "
						"be saved; the draft stays under Drafts (k on the home screen) until you "
						"delete it. What you wrote: %s"), note);
	else
		app_status(app, STATUS_ERROR, "%s", _("This call is already recorded."));
}

static unsigned call_card_key(struct screen *s, struct app *app, ui_key key)
{
	struct call_card_state *st = s->state;
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_RECORD:
		record(st, app);
		return RD_ALL;
	case ACT_MEASURE:
		if (!call_rule_to_the_citizen(st->card.call.reason)) {
			app_status(app, STATUS_ERROR, "%s",
				   _("A measure is the citizen's own answers: take it on a call to the citizen."));
			return RD_ALL;
		}
		measure_form_open(app, &(struct measure_form_args){ .citizen_id = st->card.call.citizen_id,
			.citizen_name = st->card.call.name, .follow_up_id = st->id });
		return RD_ALL;
	case ACT_CARD:
		card_open(app, &(struct card_args){ .citizen_id = st->card.call.citizen_id });
		return RD_ALL;
	case ACT_CANCEL_CALL:
		if (strcmp(st->card.status, "open") != 0) {
			app_status(app, STATUS_ERROR, "%s", _("This call is already recorded."));
			return RD_ALL;
		}
		ask_cancel_why(st, app, _("Why is the call no longer needed?"));
		return RD_ALL;
	case ACT_HANDLED:
		return handled(st, app);
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		return app_default_key(app, key);
	}
}

/* Back from the card, a measure or the outcome form (which may have
 * closed this call): show it as it is now, or leave when it is gone. */
static unsigned call_card_resume(struct screen *s, struct app *app)
{
	load(s->state, app);
	return RD_ALL;
}

/* Another desk committed meanwhile (perhaps recorded this very call):
 * show the call as it is now. */
static unsigned call_card_refresh(struct screen *s, struct app *app)
{
	struct call_card_state *st = s->state;
	struct call_card *fresh = malloc(sizeof *fresh);
	if (!fresh)
		return RD_NONE;
	enum db_status r = calls_card_reload(&app->desk, st->id, fresh);
	bool changed = r == DB_OK && memcmp(&st->card, fresh, sizeof *fresh) != 0;
	if (r != DB_OK)
		app_status_db(app, r);
	else if (changed) {
		memcpy(&st->card, fresh, sizeof st->card);
		if (measures_history(&app->desk, st->card.call.citizen_id, st->measures, MEASURE_CHART_MAX,
				     &st->nmeasures) != DB_OK)
			st->nmeasures = 0;
		if (!app->status[0])
			app_status(app, STATUS_INFO, "%s", _("Another desk changed this call; it shows what is saved now."));
	}
	free(fresh);
	return r != DB_OK || changed ? RD_ALL : RD_NONE;
}

void call_card_open(struct app *app, const struct call_card_args *args)
{
	if (app_push(app, &call_card_screen, args) && args->record)
		record(app_top(app)->state, app);
}

const struct screen_ops call_card_screen = {
	.name = N_("Call"),
	.help = N_("Who to call and their number, why we call, the relative who takes part, how attendance has "
		   "gone, the latest notes and calls, measures, and questions worth asking for this kind of call. "
		   "Press Enter when the call is over to record how it went: reached, not reached, call back at an "
		   "agreed time, or wrong number; a note; and the next step. Feedback to the referrer is only given "
		   "when the citizen agreed to it. Press m to ask the WHO-5 or the loneliness questions."),
	.actions = call_card_actions,
	.actions_now = call_card_actions_now,
	.enter = call_card_enter,
	.draw = call_card_draw,
	.on_key = call_card_key,
	.resume = call_card_resume,
	.others_changed = call_card_refresh,
	.leave = app_free_state,
};
