/* call_outcome.c — recording a follow-up call. The form shows only what
 * the chosen outcome and next step need: a call back asks for the day and
 * time, "call again" for the day, ending the course for the reason, a
 * handover for who takes over. Saving is one use case (src/calls.c), which
 * also raises a citizen not reached three times to the coordinator. */
#include "call_outcome.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "call_card.h"
#include "call_rules.h"
#include "calls.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "field_checks.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"
#include "matching_waiting.h"
#include "kept_drafts.h"
#include "measure_form.h"
#include "vocab.h"

enum {
	F_OUTCOME,
	F_BACK_ON,
	F_BACK_AT,
	F_NOTE,
	F_TOLD,
	F_NEXT,
	F_NEXT_ON,
	F_NEXT_AT,
	F_END_REASON,
	F_HANDOVER_TO,
	F_MEASURE,
	F_COUNT
};

struct outcome_state {
	struct call_card card;
	struct form_field fields[F_COUNT];
	struct form form;
	struct call_entry in;          /* what is saved while "end the course?" is asked */
	bool kept;                     /* taken up from the person's draft */
	bool parked;                   /* kept as a draft on purpose: left as it is */
	bool next_chosen;              /* the next step was chosen, not the outcome's default */
	struct form_keeping keeping;
};

extern const struct screen_ops call_outcome_screen;

static const struct action outcome_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Save the outcome; the next call is planned at once."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the outcome; the next call is planned at once."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down, but in a note Enter stays and Up and Down go from line to line; Enter on the last field saves, as Ctrl-S); Shift-Tab or Up goes back."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change a choice (also Left and Right)."), ACTF_NOT_TYPING },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the call without saving; if you wrote anything, asks whether to keep it as a draft."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool check_not_past(const struct form_field *fld, char *err, size_t size)
{
	struct date d;
	if (form_field_date(fld, &d) && !call_rule_agreed_day(d, date_today()))
		snprintf(err, size, "%s", _("The day has passed. Choose today or a later day."));
	return !err[0];
}

static const struct form_field layout[F_COUNT] = {
	[F_OUTCOME] = { .key = "outcome", .label = N_("How did it go"), .kind = FIELD_CHOICE, .required = true,
			.choices = vocab_call_result },
	[F_BACK_ON] = { .key = "back_on", .label = N_("Call back on"), .kind = FIELD_DATE, .required = true,
			.date_year = DATE_YEAR_NEXT,
			.check = check_not_past },
	[F_BACK_AT] = { .key = "back_at", .label = N_("At (time)"), .kind = FIELD_TEXT, .max_chars = 5,
			.check = field_check_time },
	[F_NOTE] = { .key = "note", .label = N_("Note"), .kind = FIELD_TEXT, .max_chars = LONG_NOTE_CHARS, .multiline = true,
		     },
	/* Required where shown: the feedback given is what the referrer was
	 * told (the report counts it; a helper's reached calls left it empty
	 * and counted none). */
	[F_TOLD] = { .key = "told", .label = N_("Told the referrer"), .kind = FIELD_TEXT, .max_chars = LONG_NOTE_CHARS,
		     .multiline = true,
		     .required = true },
	[F_NEXT] = { .key = "next", .label = N_("Next step"), .kind = FIELD_CHOICE, .required = true,
		     .choices = vocab_call_next_step },
	[F_NEXT_ON] = { .key = "next_on", .label = N_("Call again on"), .kind = FIELD_DATE, .required = true,
			.date_year = DATE_YEAR_NEXT,
			.check = check_not_past },
	[F_NEXT_AT] = { .key = "next_at", .label = N_("At (time)"), .kind = FIELD_TEXT, .max_chars = 5,
			.check = field_check_time },
	[F_END_REASON] = { .key = "end_reason", .label = N_("Why the course ends"), .kind = FIELD_CHOICE,
			   .choices = vocab_end_reason },
	[F_HANDOVER_TO] = { .key = "handover_to", .label = N_("Handed over to"), .kind = FIELD_TEXT, .max_chars = 120,
			    .required = true },
	[F_MEASURE] = { .key = "measure", .label = N_("Take a measure now"), .kind = FIELD_YESNO },
};

static const char *choice_code(const struct form_field *fld)
{
	return fld->choices[fld->choice].code;
}

static bool is(const struct form_field *fld, const char *code)
{
	return strcmp(choice_code(fld), code) == 0;
}

static void update_visibility(struct outcome_state *st)
{
	struct form_field *f = st->fields;
	bool back = is(&f[F_OUTCOME], "call_back"), reached = is(&f[F_OUTCOME], "reached");
	f[F_BACK_ON].hidden = f[F_BACK_AT].hidden = !back;
	f[F_TOLD].hidden = !(reached && call_rule_feedback_allowed(st->card.call.reason, st->card.feedback_consent));
	f[F_NEXT].hidden = back;
	bool again = !back && is(&f[F_NEXT], CALL_NEXT_NEW_CALL);
	f[F_NEXT_ON].hidden = f[F_NEXT_AT].hidden = !again;
	f[F_END_REASON].hidden = back || !is(&f[F_NEXT], CALL_NEXT_END_COURSE);
	f[F_HANDOVER_TO].hidden = back || !is(&f[F_NEXT], CALL_NEXT_HANDOVER);
	/* A measure is the citizen's own answers: not from a call to someone else. */
	f[F_MEASURE].hidden = !reached || !call_rule_to_the_citizen(st->card.call.reason);
}

/* The next step the outcome suggests; one chosen already stays while it
 * fits the outcome (changing the outcome undid "goes on their own now"
 * unseen, a new user's). */
static void default_next(struct outcome_state *st)
{
	struct form_field *f = st->fields;
	const char *next = is(&f[F_OUTCOME], "not_reached") ? CALL_NEXT_NEW_CALL : CALL_NEXT_NONE;
	if (!st->next_chosen || !call_rule_next_step_fits(choice_code(&f[F_OUTCOME]), choice_code(&f[F_NEXT]))) {
		f[F_NEXT].choice = vocab_index(vocab_call_next_step, next);
		st->next_chosen = false;
	}
	char dk[16];
	date_format_dk(call_rule_retry_day(date_today()), dk, sizeof dk);
	if (!form_text(&st->form, F_NEXT_ON)[0] || is(&f[F_OUTCOME], "not_reached"))
		form_set_text(&st->form, F_NEXT_ON, dk);
	if (!form_text(&st->form, F_BACK_ON)[0])
		form_set_text(&st->form, F_BACK_ON, dk);
}

/* What the person wrote about this call before a stop comes back as they
 * left it. */
static void take_up_kept(struct outcome_state *st, struct app *app)
{
	char *data;
	enum db_status r = kept_draft_find(&app->desk, DRAFT_CALL, st->card.call.id, &data);
	if (r == DB_ERR_NOTFOUND)
		return;
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	form_deserialise(&st->form, data);
	st->next_chosen = true;
	free(data);
	update_visibility(st);
	form_touch(&st->form);
	st->kept = true;
	char labels[400];
	int n = form_draft_left_out(&st->form, labels, sizeof labels);
	if (n)
		app_status(app, STATUS_INFO, P_("What you wrote about this call is back without %s: it looked like a CPR "
						"number. Ctrl-S saves it; Esc asks what to do with it.",
						"What you wrote about this call is back without %s: they looked like CPR "
						"numbers. Ctrl-S saves it; Esc asks what to do with it.", n), labels);
	else
		app_status(app, STATUS_INFO, "%s", _("What you wrote about this call is back. Ctrl-S saves it; Esc asks what to do with it."));
}

static bool park(struct app *app, void *ctx);

static bool outcome_enter(struct screen *s, struct app *app, const void *args)
{
	struct outcome_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->card = *((const struct call_outcome_args *)args)->card;
	memcpy(st->fields, layout, sizeof layout);
	form_init(&st->form, st->fields, F_COUNT);
	default_next(st);
	update_visibility(st);
	st->form.dirty = false;
	take_up_kept(st, app);
	st->keeping = (struct form_keeping){ .form = &st->form, .keep = park, .ctx = st };
	s->state = st;
	return true;
}

/* The form kept as the person's draft; false (said why) when it was not. */
static bool keep_outcome(struct outcome_state *st, struct app *app)
{
	char *data = form_serialise(&st->form), *words = form_words(&st->form, NULL);
	enum db_status r = data && words ? kept_draft_keep(&app->desk, DRAFT_CALL, st->card.call.id, data, words)
					 : DB_ERR_IO;
	free(data);
	free(words);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	form_screen_say_kept(app, &st->form);
	return true;
}

/* Esc's "Keep as draft": the screen is left with the draft as it is. */
static bool park(struct app *app, void *ctx)
{
	struct outcome_state *st = ctx;
	if (!keep_outcome(st, app))
		return false;
	st->parked = true;
	return true;
}

/* An outcome left written by a stop signal (the shift ends, Ctrl-C, the
 * PC shuts down) is kept as the person's draft, as an intake is; one
 * parked with Esc stays as kept; one saved or discarded takes its kept
 * draft with it. */
static void outcome_leave(struct screen *s, struct app *app)
{
	struct outcome_state *st = s->state;
	enum db_status r = DB_OK;
	if (!st->parked && form_changed(&st->form))
		keep_outcome(st, app);
	else if (!st->parked && st->kept)
		r = kept_draft_drop(&app->desk, DRAFT_CALL, st->card.call.id);
	if (r != DB_OK)
		app_status_db(app, r);
	free(st);
	s->state = NULL;
}

static void outcome_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct outcome_state *st = s->state;
	char title[CALL_NAME + 200], when[96];
	call_when_text(st->card.call.due_on, st->card.call.due_time, date_today(), when, sizeof when);
	snprintf(title, sizeof title, _("%s, %s: %s"), st->card.call.name, when,
		 vocab_label(vocab_call_reason, st->card.call.reason));
	draw_text(a->top, a->left, a->cols, title, A_BOLD);
	struct area rest = { a->top + 2, a->left, a->rows - 2, a->cols };
	form_draw(&st->form, &rest);
}

/* The status line after saving: what happens next, in words. */
static void report(struct app *app, const struct call_entry *in, const struct call_entry_result *res)
{
	char next[160] = "", msg[APP_STATUS_MAX];
	struct date d;
	if (res->next_call_id && date_parse_iso(in->next_on, &d)) {
		char day[48];
		date_format_near(d, date_today(), day, sizeof day);
		snprintf(next, sizeof next, _(" Next call %s%s%s."), day, in->next_time[0] ? " " : "", in->next_time);
	}
	if (res->escalated)
		snprintf(msg, sizeof msg, _("Saved. Not reached %d times in a row: now with the coordinator.%s"),
			 res->not_reached, next);
	else if (res->course_ended)
		snprintf(msg, sizeof msg, "%s", _("Saved. The course has ended."));
	else if (strcmp(in->outcome.outcome, "wrong_number") == 0)
		snprintf(msg, sizeof msg, _("Saved. Correct the phone number on the citizen's card (b).%s"), next);
	else
		snprintf(msg, sizeof msg, _("Saved.%s"), next);
	app_status(app, STATUS_INFO, "%s", msg);
}

static void record(struct outcome_state *st, struct app *app);
static void end_answered(struct app *app, void *ctx, int yes);

static unsigned save(struct outcome_state *st, struct app *app)
{
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	struct form_field *f = st->fields;
	if (!f[F_NEXT].hidden && !call_rule_next_step_fits(choice_code(&f[F_OUTCOME]), choice_code(&f[F_NEXT]))) {
		/* TRANSLATORS: the next step chosen, and the outcome ("Not reached"). */
		snprintf(f[F_NEXT].error, sizeof f[F_NEXT].error,
			 _("\"%s\" is agreed with the citizen in a conversation. After \"%s\", choose to call again, "
			   "nothing new, or to end the course."),
			 _(f[F_NEXT].choices[f[F_NEXT].choice].label), _(f[F_OUTCOME].choices[f[F_OUTCOME].choice].label));
		st->form.current = F_NEXT;
		form_screen_say_bad(app, &st->form, 1);
		return RD_ALL;
	}
	if (!f[F_NEXT].hidden && !call_rule_next_step_has_match(choice_code(&f[F_NEXT]), st->card.open_matches)) {
		snprintf(f[F_NEXT].error, sizeof f[F_NEXT].error, "%s",
			 _("No volunteer goes along now, so there is nothing to stop. Choose another next step."));
		st->form.current = F_NEXT;
		form_screen_say_bad(app, &st->form, 1);
		return RD_ALL;
	}
	struct call_entry in;
	memset(&in, 0, sizeof in);
	struct call_outcome *o = &in.outcome;
	o->call_id = st->card.call.id;
	snprintf(o->outcome, sizeof o->outcome, "%s", choice_code(&f[F_OUTCOME]));
	snprintf(o->note, sizeof o->note, "%s", form_text(&st->form, F_NOTE));
	bool back = is(&f[F_OUTCOME], "call_back");
	snprintf(o->next_step, sizeof o->next_step, "%s", back ? CALL_NEXT_NEW_CALL : choice_code(&f[F_NEXT]));
	if (!f[F_HANDOVER_TO].hidden)
		snprintf(o->handover_to, sizeof o->handover_to, "%s", form_text(&st->form, F_HANDOVER_TO));
	if (!f[F_TOLD].hidden)
		snprintf(o->told_referrer, sizeof o->told_referrer, "%s", form_text(&st->form, F_TOLD));
	in.citizen_version = st->card.citizen_version;
	in.responsible = st->card.call.responsible;
	form_date_iso(&st->form, back ? F_BACK_ON : F_NEXT_ON, in.next_on);
	if (!date_parse_time(form_text(&st->form, back ? F_BACK_AT : F_NEXT_AT), in.next_time))
		in.next_time[0] = '\0';
	snprintf(in.end_reason, sizeof in.end_reason, "%s", choice_code(&f[F_END_REASON]));
	st->in = in;

	if (strcmp(o->next_step, CALL_NEXT_END_COURSE) == 0) {
		char q[CALL_NAME + 1200];
		snprintf(q, sizeof q, _("End the course for %s (%s)?"), st->card.call.name,
			 vocab_label(vocab_end_reason, in.end_reason));
		matching_course_end_words(app, st->card.call.citizen_id, in.end_reason, q, sizeof q);
		dialog_confirm(app, &(struct confirm_args){ .question = q, .done = end_answered, .ctx = st });
		return RD_ALL;
	}
	record(st, app);
	return RD_ALL;
}

static void end_answered(struct app *app, void *ctx, int yes)
{
	if (yes)
		record(ctx, app);
}

static void record(struct outcome_state *st, struct app *app)
{
	/* A copy: the form's state is gone once it closes below. */
	const struct call_entry copy = st->in, *in = &copy;
	struct form_field *f = st->fields;
	struct call_entry_result res;
	enum db_status r = calls_record_outcome(&app->desk, in, &res);
	if (r == DB_ERR_CONFLICT) {
		app_status(app, STATUS_ERROR, "%s",
			   _("Someone else recorded this call or changed the citizen meanwhile; nothing was saved. "
			     "Open the call again."));
		return;
	}
	/* The form checked the day and the time: a new call refused now is
	 * one the citizen did not agree to (src/call_rules.h). */
	if (r == DB_ERR_CONSTRAINT && call_rule_needs_date(in->outcome.outcome, in->outcome.next_step)) {
		app_status(app, STATUS_ERROR, "%s",
			   _("No new call: the citizen has not agreed to calls (consent: card, key s)."));
		return;
	}
	if (r != DB_OK) {
		/* The form stays open with everything written. */
		app_status_db(app, r);
		return;
	}
	bool measure = !f[F_MEASURE].hidden && f[F_MEASURE].choice;
	long long call = st->card.call.id, citizen = st->card.call.citizen_id;
	char name[CALL_NAME];
	snprintf(name, sizeof name, "%s", st->card.call.name);
	/* Recording took the kept draft with it. */
	st->form.dirty = st->kept = false;
	app_pop(app);   /* the form */
	app_pop(app);   /* the call card */
	report(app, in, &res);
	if (measure)
		measure_form_open(app, &(struct measure_form_args){ .citizen_id = citizen, .citizen_name = name,
			.follow_up_id = call });
}

static unsigned outcome_key(struct screen *s, struct app *app, ui_key key)
{
	struct outcome_state *st = s->state;
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	if (ev == FORM_SUBMIT)
		return save(st, app);
	if (ev == FORM_CHANGED && st->form.current == F_NEXT)
		st->next_chosen = true;
	if (ev == FORM_CHANGED && st->form.current == F_OUTCOME)
		default_next(st);
	if (ev == FORM_CHANGED)
		update_visibility(st);
	return form_screen_key_keeping(app, &st->keeping, key, ev, r,
				       _("The outcome is not saved. What do you want to do?"));
}

void call_outcome_open(struct app *app, const struct call_outcome_args *args)
{
	app_push(app, &call_outcome_screen, args);
}

bool call_outcome_kept_note(struct app *app, long long call_id, char *out, size_t size)
{
	out[0] = '\0';
	char *data;
	if (kept_draft_find(&app->desk, DRAFT_CALL, call_id, &data) != DB_OK)
		return false;
	struct form_field fields[F_COUNT];
	struct form form;
	memcpy(fields, layout, sizeof layout);
	form_init(&form, fields, F_COUNT);
	form_deserialise(&form, data);
	free(data);
	snprintf(out, size, "%s", form_text(&form, F_NOTE));
	return true;
}

static bool call_outcome_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct outcome_state *)s->state)->form, key);
}

const struct screen_ops call_outcome_screen = {
	.name = N_("Call outcome"),
	.help = N_("Choose how the call went with Space or the arrows: reached, not reached, call back at an agreed "
		   "time, or wrong number. Write a short note in plain words. Then the next step: call again on a "
		   "set day, nothing new, goes on their own now (the volunteer stops going along), a new match, "
		   "ending the course, or a handover to professional help. Not reached three times in a row raises "
		   "the citizen to the coordinator. For feedback calls, write what you told the referrer; it is only "
		   "asked when the citizen agreed. Ctrl-S saves."),
	.actions = outcome_actions,
	.writes = true,
	.enter = outcome_enter,
	.draw = outcome_draw,
	.on_key = outcome_key,
	.typing = call_outcome_typing,
	.leave = outcome_leave,
};
