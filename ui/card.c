/* card.c — citizen card: next step, details, timeline; edit, note, end
 * and reopen the course from here. */
#include "card.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "citizen_edit.h"
#include "citizen_rules.h"
#include "citizens.h"
#include "consent_screen.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "kept_drafts.h"
#include "list.h"
#include "matching.h"
#include "matching_waiting.h"
#include "measure_chart.h"
#include "measure_form.h"
#include "nextstep.h"
#include "phone.h"
#include "strbuf.h"
#include "utf8.h"
#include "vocab.h"

/* The chart draws what the card use case reads. */
_Static_assert((int)CITIZEN_MEASURES_MAX <= (int)MEASURE_CHART_MAX, "the chart has room for the card's measures");

struct card_state {
	long long id;
	struct citizen_view view;
	struct list list;
	char picks_text[2][512]; /* interests, barriers as words */
	int end_reason;          /* the reason chosen while "end the course?" is asked */
	int open_matches;        /* x ends one (coordinators) */
	struct match_end end;    /* while x asks which, how and why */
	struct action now[12];   /* the actions as they apply now */
};

extern const struct screen_ops card_screen;

static const struct action card_actions[] = {
	{ ACT_EDIT, 'e', N_("Edit"), N_("Change any field of the card."), 0 },
	{ ACT_NOTE, 'n', N_("Note"), N_("Add a note with today's date."), 0 },
	{ ACT_END, 'a', N_("End/reopen"), N_("End the course with a reason, or reopen an ended one."), 0 },
	{ ACT_END_MATCH, 'x', N_("End match"), N_("End one of the citizen's open matches, with the outcome and a "
						  "reason (coordinators)."), 0 },
	{ ACT_MEASURE, 'm', N_("Measure"), N_("Ask the WHO-5 or the loneliness questions and enter the answers."), 0 },
	{ ACT_CONSENT, 's', N_("Consent"), N_("Consent per purpose with its history: give or withdraw it; for "
						 "coordinators also the insight file and anonymising."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to where you came from."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static bool forgotten(const struct card_state *st)
{
	return st->view.card.citizen.anonymised_on[0] != '\0';
}

/* An anonymised citizen: nothing more is written about them, so the card
 * offers only their consents' history and Back (card_key says why for
 * the rest). End match is offered to a coordinator when there is an open
 * one (the card had no way to it, a new user's). */
static bool card_hides(enum action_id id, const void *state, const struct app *app)
{
	const struct card_state *st = state;
	if (forgotten(st))
		return id != ACT_CONSENT && id != ACT_BACK;
	return id == ACT_END_MATCH && (st->open_matches == 0 || !desk_is_coordinator(&app->desk));
}

static const struct action *card_actions_now(const struct screen *s, const struct app *app)
{
	struct card_state *st = s->state;
	return st ? action_table_hiding(st->now, sizeof st->now / sizeof st->now[0], card_actions, card_hides, st, app)
		  : card_actions;
}

static int tl_count(void *ctx)
{
	return ((struct card_state *)ctx)->view.ntimeline;
}

/* One timeline line in words: "26-11-2026  Mødte op: Gå-gruppen". */
static void tl_row(void *ctx, int i, char *buf, size_t size)
{
	struct card_state *st = ctx;
	const struct timeline_entry *e = &st->view.timeline[i];
	char date[16] = "";
	struct date d;
	if (date_parse_iso(e->date, &d))
		date_format_dk(d, date, sizeof date);
	char what[1400], people[1000];
	snprintf(people, sizeof people, "%s%s%s", e->who, e->who[0] && e->what[0] ? ", " : "", e->what);
	switch (e->kind) {
	case TL_REFERRAL:
		if (e->who[0])
			snprintf(what, sizeof what, _("Referred by %s: %s"),
				 vocab_label(vocab_referral_source, e->code), e->who);
		else
			snprintf(what, sizeof what, _("Referred by %s"), vocab_label(vocab_referral_source, e->code));
		break;
	case TL_INTAKE:
		/* A walk-in was registered at a session, before any talk. */
		snprintf(what, sizeof what, "%s",
			 strcmp(e->code, "walk_in") == 0 ? _("Registered as a walk-in at a session")
							 : _("Registered at the first conversation"));
		break;
	case TL_ASSESSMENT:
		snprintf(what, sizeof what, "%s%s%s", vocab_label(vocab_assessment, e->code),
			 e->who[0] ? ": " : "", e->who);
		break;
	case TL_MATCH:
		snprintf(what, sizeof what, _("Matched with %s"), people);
		break;
	case TL_MATCH_END:
		snprintf(what, sizeof what, _("Match with %s ended: %s"), people,
			 vocab_label(vocab_match_outcome_shown, e->code));
		break;
	case TL_ATTENDANCE:
		if (e->who[0])
			snprintf(what, sizeof what, _("%s: %s, accompanied by %s"),
				 vocab_label(vocab_attendance_mark, e->code), e->what, e->who);
		else
			snprintf(what, sizeof what, "%s: %s", vocab_label(vocab_attendance_mark, e->code), e->what);
		break;
	case TL_CALL:
		snprintf(what, sizeof what, _("Call (%s): %s%s%s"), next_step_call_reason(e->what),
			 vocab_label(vocab_call_outcome, e->code), e->text[0] ? " - " : "", e->text);
		break;
	case TL_MEASURE:
		snprintf(what, sizeof what, _("%s: score %s"), e->what, e->code);
		break;
	case TL_NOTE:
		if (e->who[0])
			snprintf(what, sizeof what, _("Note by %s: %s"), e->who, e->text);
		else
			snprintf(what, sizeof what, _("Note: %s"), e->text);
		break;
	case TL_END:
		snprintf(what, sizeof what, _("Course ended: %s"), vocab_label(vocab_end_reason_shown, e->code));
		break;
	case TL_REOPEN:
		snprintf(what, sizeof what, "%s", _("Course reopened"));
		break;
	case TL_CONSENT:
		snprintf(what, sizeof what, _("Consent given: %s%s%s"), vocab_label(vocab_consent_purpose, e->code),
			 e->who[0] ? ", " : "", e->who);
		break;
	case TL_WITHDRAWN:
		snprintf(what, sizeof what, _("Consent withdrawn: %s%s%s"), vocab_label(vocab_consent_purpose, e->code),
			 e->who[0] ? ", " : "", e->who);
		break;
	case TL_ANONYMISED:
		snprintf(what, sizeof what, "%s", _("Anonymised: the person's details were removed"));
		break;
	default:
		what[0] = '\0';
	}
	snprintf(buf, size, "%-10s  %s", date, what);
}

static void picks_words(const struct pick *picks, int n, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		strbuf_item(&b, ", ", picks[i].name);
}

static void shown(struct card_state *st)
{
	picks_words(st->view.interests, st->view.ninterests, st->picks_text[0], sizeof st->picks_text[0]);
	picks_words(st->view.barriers, st->view.nbarriers, st->picks_text[1], sizeof st->picks_text[1]);
	list_refresh(&st->list);
}

static bool load(struct card_state *st, struct app *app)
{
	enum db_status r = citizens_card(&app->desk, st->id, &st->view);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	struct match_row rows[4];
	int n = 0;
	st->open_matches = 0;
	if (matching_citizen_matches(&app->desk, st->id, rows, 4, &n) == DB_OK)
		while (st->open_matches < n && !rows[st->open_matches].ended_on[0])
			st->open_matches++;
	shown(st);
	return true;
}

static bool card_enter(struct screen *s, struct app *app, const void *args)
{
	struct card_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->id = ((const struct card_args *)args)->citizen_id;
	list_init(&st->list, (struct list_source){ .count = tl_count, .row = tl_row, .ctx = st },
		  _("Nothing has happened yet."));
	st->list.esc_leaves = true;
	if (!load(st, app)) {
		free(st);
		return false;
	}
	s->state = st;
	if (st->view.edit_kept_at[0]) {
		char when[32];
		date_format_stamp(st->view.edit_kept_at, when, sizeof when);
		app_status(app, STATUS_INFO, _("Unsaved changes of yours from %s. Press e to go on with them."),
			   when);
	}
	return true;
}

/* "Label: value", wrapped over at most max_lines rows; nothing when the
 * value is empty. Returns the rows used. */
static int field_row(int y, int x, int cols, int max_lines, const char *label, const char *value)
{
	if (!value || !value[0] || max_lines < 1)
		return 0;
	int w = draw_text(y, x, cols, label, A_BOLD);
	w += draw_text(y, x + w, cols - w, ": ", A_BOLD);
	return draw_wrapped(y, x + w, max_lines, cols - w, value, A_NORMAL);
}

/* The purposes the citizen agreed to and when, then those withdrawn,
 * each group by its day: "registration, volunteers may call
 * (26-11-2026); withdrawn: feedback to the referrer (01-12-2026)". */
static void consent_words(const struct citizen_view *v, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	out[0] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		bool withdrawn = pass == 1;
		/* This pass's consents, in the order of their day. */
		int pick[CONSENT_HISTORY_MAX], n = 0;
		for (int i = 0; i < v->nconsents; i++) {
			const struct consent_event *e = &v->consents[i];
			bool again = false; /* withdrawn, then given again: it counts as given */
			for (int j = i + 1; j < v->nconsents; j++)
				again |= strcmp(v->consents[j].purpose, e->purpose) == 0;
			if (withdrawn ? !e->withdrawn_on[0] || again : e->withdrawn_on[0] != '\0')
				continue;
			const char *day = withdrawn ? e->withdrawn_on : e->given_on;
			int k = n++;
			while (k > 0 && strcmp(withdrawn ? v->consents[pick[k - 1]].withdrawn_on
						       : v->consents[pick[k - 1]].given_on, day) > 0) {
				pick[k] = pick[k - 1];
				k--;
			}
			pick[k] = i;
		}
		for (int k = 0; k < n; k++) {
			const struct consent_event *e = &v->consents[pick[k]];
			const char *day = withdrawn ? e->withdrawn_on : e->given_on;
			const struct consent_event *next = k + 1 < n ? &v->consents[pick[k + 1]] : NULL;
			const char *next_day = next ? (withdrawn ? next->withdrawn_on : next->given_on) : NULL;
			if (k == 0 && withdrawn)
				strbuf_add(&b, "%s%s ", b.len ? "; " : "", _("withdrawn:"));
			strbuf_add(&b, "%s", vocab_label(vocab_consent_purpose, e->purpose));
			if (next_day && strcmp(next_day, day) == 0) {
				strbuf_add(&b, ", ");
				continue;
			}
			struct date d;
			char dk[16] = "";
			if (date_parse_iso(day, &d))
				date_format_dk(d, dk, sizeof dk);
			strbuf_add(&b, " (%s)%s", dk, next_day ? "; " : "");
		}
	}
}

/* A day's times in words: "formiddag/aften", or "hele dagen". */
static void day_parts_words(availability_bits bits, int d, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	int n = 0;
	for (int p = 0; p < 3; p++)
		if (bits & AVAIL_BIT(d, p)) {
			strbuf_item(&b, "/", _(vocab_part_of_day_lower[p].label));
			n++;
		}
	if (n == 3)
		snprintf(out, size, "%s", _("all day"));
}

static void availability_words(availability_bits bits, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	/* The same times every day are said once: seven days of them ran
	 * past the line, and the weekend was cut off. */
	char first[80], day[80];
	day_parts_words(bits, 1, first, sizeof first);
	bool same = first[0] != '\0';
	for (int d = 2; d <= 7 && same; d++) {
		day_parts_words(bits, d, day, sizeof day);
		same = strcmp(day, first) == 0;
	}
	if (same) {
		strbuf_add(&b, _("every day %s"), first);
		return;
	}
	for (int d = 1; d <= 7; d++) {
		char parts[80];
		day_parts_words(bits, d, parts, sizeof parts);
		if (parts[0])
			strbuf_add(&b, "%s%s %s", b.len ? ", " : "", date_weekday_abbr(d), parts);
	}
}

static void card_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct card_state *st = s->state;
	const struct citizen_card *c = &st->view.card;
	const struct citizen *z = &c->citizen;
	int y = a->top;

	char head[700];
	char born[32] = "";
	if (z->birth_year)
		snprintf(born, sizeof born, _(" (born %d)"), z->birth_year);
	char gone[64] = "";
	struct date ad;
	if (date_parse_iso(z->anonymised_on, &ad)) {
		char dk[16];
		date_format_dk(ad, dk, sizeof dk);
		snprintf(gone, sizeof gone, _("  [anonymised %s]"), dk);
	}
	char tags[200];
	snprintf(tags, sizeof tags, "%s%s%s", born, strcmp(z->status, "ended") == 0 ? _("  [course ended]") : "", gone);
	/* A name too long for the line is shortened, not the birth year
	 * after it: namesakes are told apart by the year. */
	size_t keep = strlen(z->name);
	int head_room = a->cols - utf8_columns(tags, strlen(tags));
	if (utf8_columns(z->name, keep) > head_room && head_room > 10)
		keep = utf8_fit(z->name, head_room - 1);
	snprintf(head, sizeof head, "%.*s%s%s", (int)keep, z->name, keep < strlen(z->name) ? "…" : "", tags);
	draw_text(y++, a->left, a->cols, head, A_BOLD);

	struct next_step step = next_step_decide(&st->view.facts, date_today());
	char line[600], next[700];
	/* The whole line fits the window: the rule shortens it, keeping the
	 * verb and the date, instead of the edge cutting it anywhere. */
	snprintf(next, sizeof next, _("Next step: %s"), "");
	next_step_describe_fit(&step, &st->view.facts, a->cols - utf8_columns(next, strlen(next)), line,
			       sizeof line);
	snprintf(next, sizeof next, _("Next step: %s"), line);
	draw_blank(y, a->left, a->cols, A_REVERSE);
	draw_text(y++, a->left, a->cols, next, A_REVERSE | A_BOLD);
	/* What the person left unsaved here is said where they look, not only
	 * on opening (back from keeping it, the card said nothing). */
	bool edit_kept = st->view.edit_kept_at[0] != '\0';
	if (edit_kept || st->view.note_kept)
		draw_text(y++, a->left, a->cols,
			  edit_kept && st->view.note_kept ? _("Not saved yet: your change of the card (e) and your note (n).")
			  : edit_kept ? _("Not saved yet: your change of the card, kept as a draft; e goes on with it.")
				      : _("Not saved yet: your note, kept as a draft; n goes on with it."),
			  A_BOLD);
	int kept_rows = edit_kept || st->view.note_kept ? 1 : 0;

	/* Details at a glance: as many rows as the window allows, leaving at
	 * least four rows for the timeline, but always the phone number. */
	int detail_rows = a->rows - 2 - 5 - kept_rows;
	/* Room for the measures' chart (ui/measure_form.c), when there are any. */
	int measure_rows = measure_chart_rows(st->view.nmeasures, detail_rows > 8 ? 3 : 0);
	detail_rows -= measure_rows;
	if (detail_rows < 1)
		detail_rows = 1;
	int half = a->cols >= 100 ? a->cols / 2 : a->cols;
	int x2 = half < a->cols ? a->left + half : a->left;
	int y0 = y, yl = y, yr = y;
	char where[800];
	snprintf(where, sizeof where, "%s%s%s%s%s", z->address, z->address[0] && z->postcode[0] ? ", " : "",
		 z->postcode, z->postcode[0] ? " " : "", z->town);
	char contact[700], phone[PHONE_SHOWN_MAX], rel_phone[PHONE_SHOWN_MAX];
	phone_shown(z->phone, phone, sizeof phone);
	snprintf(contact, sizeof contact, "%s%s%s", phone, phone[0] && z->email[0] ? "  " : "", z->email);
	const char *pref = z->contact_pref[0] ? vocab_label(vocab_contact_pref, z->contact_pref) : "";
	char avail[300];
	availability_words(c->availability, avail, sizeof avail);
	char ref[1200];
	struct date rd;
	char rdate[16] = "";
	if (date_parse_iso(c->referral.referred_on, &rd))
		date_format_dk(rd, rdate, sizeof rdate);
	snprintf(ref, sizeof ref, "%s %s%s%s%s%s", rdate, vocab_label(vocab_referral_source, c->referral.source),
		 c->referral.referrer_name[0] ? ", " : "", c->referral.referrer_name,
		 c->referral.referrer_org[0] ? ", " : "", c->referral.referrer_org);
	char rel[1000] = "";
	phone_shown(c->relative.phone, rel_phone, sizeof rel_phone);
	if (c->relative.name[0])
		snprintf(rel, sizeof rel, "%s%s%s%s%s%s%s", c->relative.name, c->relative.relation[0] ? " (" : "",
			 c->relative.relation, c->relative.relation[0] ? ")" : "", rel_phone[0] ? ", " : "",
			 rel_phone, c->relative.wants_support ? _(", wants support of their own") : "");

	char consent[600];
	consent_words(&st->view, consent, sizeof consent);
	/* Long texts may take up to three rows when the window has them. */
	struct { const char *label; const char *value; int lines; } rows[] = {
		{ _("Contact"), contact, 1 }, { _("Address"), where, 1 }, { _("Prefers"), pref, 1 },
		{ _("Consent"), consent, 2 }, { _("Referral"), ref, 2 }, { _("Relative"), rel, 1 },
		{ _("Wishes"), z->wishes, 3 }, { _("Interests"), st->picks_text[0], 2 },
		{ _("Barriers"), st->picks_text[1], 1 }, { _("Available"), avail, 1 },
		{ _("Assessment"), c->assessment.outcome[0] ? vocab_label(vocab_assessment, c->assessment.outcome) : "", 1 },
	};
	int nrows = (int)(sizeof rows / sizeof rows[0]);
	int spare = detail_rows - nrows;
	for (int i = 0; i < nrows; i++) {
		bool left = half == a->cols || i < nrows / 2 + 1;
		int *py = left ? &yl : &yr;
		int room = detail_rows - (*py - y0);
		if (room <= 0)
			continue;
		int lines = rows[i].lines > 1 && spare > 0 ? rows[i].lines : 1;
		if (lines > room)
			lines = room;
		int used = field_row(*py, left ? a->left : x2, left ? half - 1 : a->cols - half, lines,
				     rows[i].label, rows[i].value);
		spare -= used > 1 ? used - 1 : 0;
		*py += used;
	}
	y = (yl > yr ? yl : yr);
	y += measure_chart_draw(st->view.measures, st->view.nmeasures, y, a->left, a->cols, measure_rows, true);
	snprintf(line, sizeof line, "%s", _("Timeline"));
	draw_text(y++, a->left, a->cols, line, A_BOLD | A_UNDERLINE);
	struct area tl = { y, a->left, a->top + a->rows - y, a->cols };
	if (tl.rows > 0)
		list_draw(&st->list, &tl);
}

static void ask_note(struct card_state *st, struct app *app, const char *question, const char *initial);

static void note_typed(struct app *app, void *ctx, const char *text)
{
	struct card_state *st = ctx;
	if (!text || !text[0]) {
		/* Dropped on purpose: a note kept at a stop goes with it. */
		enum db_status r = st->view.note_kept ? kept_draft_drop(&app->desk, DRAFT_NOTE, st->id) : DB_OK;
		if (r == DB_OK)
			st->view.note_kept = false;
		else
			app_status_db(app, r);
		return;
	}
	enum db_status r = citizens_add_note(&app->desk, st->id, text);
	/* The prompt keeps to the length, so a note the rule refuses is one
	 * that looks like it holds a CPR number: asked again with what was
	 * written, to take the number out. (Refused for a citizen anonymised
	 * meanwhile, it is said as any refusal.) */
	if (r == DB_ERR_INVALID && !citizen_rule_note_ok(text)) {
		ask_note(st, app, _("This looks like a CPR number. Brobygger never needs one: take it out and press "
				    "Enter, or Esc to drop the note."), text);
		return;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	load(st, app);
	app_status(app, STATUS_INFO, "%s", _("Note added."));
}

/* The note half typed kept for the person: at a stop, or parked with
 * Esc. */
static bool note_left(struct app *app, void *ctx, const char *text)
{
	struct card_state *st = ctx;
	enum db_status r = kept_draft_keep(&app->desk, DRAFT_NOTE, st->id, text, NULL);
	if (r == DB_OK) {
		st->view.note_kept = true;
		app_status(app, STATUS_INFO, "%s", _("Kept as a draft. Find it on the home screen."));
	} else if (r == DB_ERR_INVALID && !citizen_rule_note_ok(text)) {
		app_status(app, STATUS_ERROR, "%s",
			   _("This looks like a CPR number, so the note is not kept. Take the number out first."));
	} else {
		app_status_db(app, r);
	}
	return r == DB_OK;
}

static void ask_note(struct card_state *st, struct app *app, const char *question, const char *initial)
{
	dialog_prompt(app, &(struct prompt_args){ .question = question, .initial = initial, .max_chars = LONG_NOTE_CHARS,
		.multiline = true, .ask_before_dropping = true, .done = note_typed, .keep = note_left, .ctx = st });
}

/* The note prompt, with the person's note kept at a stop when there is
 * one. */
static void open_note(struct card_state *st, struct app *app)
{
	char *kept = NULL;
	enum db_status r = kept_draft_find(&app->desk, DRAFT_NOTE, st->id, &kept);
	if (r != DB_OK && r != DB_ERR_NOTFOUND)
		app_status_db(app, r);
	st->view.note_kept = r == DB_OK;
	/* With nobody signed in (no users set up yet) there is no name to add. */
	bool named = app->desk.user_name[0] != '\0';
	ask_note(st, app, st->view.note_kept ? named ? _("Your note, as you left it (today's date and your name are added):")
						: _("Your note, as you left it (today's date is added):")
				       : named ? _("Note (today's date and your name are added):")
					       : _("Note (today's date is added):"), kept);
	free(kept);
}

static void match_ended(struct app *app, void *ctx)
{
	load(ctx, app);
}

static void after_course_change(struct card_state *st, struct app *app, enum db_status r)
{
	if (r == DB_ERR_CONFLICT)
		app_status(app, STATUS_ERROR, "%s", _("Someone else changed the card meanwhile; it is shown as it is now. Try again."));
	else if (r != DB_OK)
		app_status_db(app, r);
	load(st, app);
}

static void reopen_answered(struct app *app, void *ctx, int yes)
{
	struct card_state *st = ctx;
	if (yes)
		after_course_change(st, app,
				    citizens_reopen_course(&app->desk, st->id, st->view.card.citizen.version));
}

static void end_confirmed(struct app *app, void *ctx, int yes)
{
	struct card_state *st = ctx;
	if (yes)
		after_course_change(st, app, citizens_end_course(&app->desk, st->id, st->view.card.citizen.version,
								 vocab_end_reason[st->end_reason].code));
}

/* Ending is asked once more, as reopening is: two keys ended a course as
 * a lasting community by mistake, and the report counts it (a new
 * user's). */
static void end_reason_chosen(struct app *app, void *ctx, int c)
{
	struct card_state *st = ctx;
	if (c < 0)
		return;
	st->end_reason = c;
	char question[CIT_NAME + 1200];
	snprintf(question, sizeof question, _("End the course for %s (%s)? It counts in the report."),
		 st->view.card.citizen.name, _(vocab_end_reason[c].label));
	matching_course_end_words(app, st->id, vocab_end_reason[c].code, question, sizeof question);
	dialog_confirm(app, &(struct confirm_args){ .question = question, .done = end_confirmed, .ctx = st });
}

static void end_or_reopen(struct card_state *st, struct app *app)
{
	if (strcmp(st->view.card.citizen.status, "ended") == 0) {
		dialog_confirm(app, &(struct confirm_args){ .question = _("Reopen the course for this citizen?"),
			.done = reopen_answered, .ctx = st });
		return;
	}
	const char *labels[DIALOG_MAX_BUTTONS];
	int n = vocab_count(vocab_end_reason);
	for (int i = 0; i < n && i < DIALOG_MAX_BUTTONS; i++)
		labels[i] = _(vocab_end_reason[i].label);
	dialog_choose(app, &(struct choose_args){ .question = _("Why does the course end?"), .labels = labels,
		.n = n < DIALOG_MAX_BUTTONS ? n : DIALOG_MAX_BUTTONS, .done = end_reason_chosen, .ctx = st });
}

static unsigned card_key(struct screen *s, struct app *app, ui_key key)
{
	struct card_state *st = s->state;
	enum action_id act = action_for_key(s->ops->actions, key);
	if (forgotten(st) && (act == ACT_EDIT || act == ACT_NOTE || act == ACT_END || act == ACT_END_MATCH
				 || act == ACT_MEASURE)) {
		app_status(app, STATUS_ERROR, "%s",
			   _("This citizen is anonymised: nothing more can be written about them."));
		return RD_ALL;
	}
	switch (act) {
	case ACT_EDIT:
		citizen_edit_open(app, &(struct citizen_edit_args){ .card = &st->view.card });
		return RD_ALL;
	case ACT_NOTE:
		open_note(st, app);
		return RD_ALL;
	case ACT_END:
		end_or_reopen(st, app);
		return RD_ALL;
	case ACT_MEASURE:
		measure_form_open(app, &(struct measure_form_args){ .citizen_id = st->id,
			.citizen_name = st->view.card.citizen.name });
		return RD_ALL;
	case ACT_END_MATCH:
		st->end = (struct match_end){ .citizen_id = st->id, .ended = match_ended, .ctx = st };
		matching_end_ask(app, &st->end);
		return RD_ALL;
	case ACT_CONSENT:
		consent_screen_open(app, &(struct consent_screen_args){ .citizen_id = st->id,
			.citizen_name = st->view.card.citizen.name,
			.anonymised = forgotten(st) });
		return RD_ALL;
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		break;
	}
	enum list_event ev;
	bool used;
	unsigned r = list_key(&st->list, key, &ev, &used);
	if (ev == LIST_ACTIVATE && st->list.selected < st->view.ntimeline) {
		/* The line whole: a long note is cut at 80 columns. */
		static const char *ok[1];
		char line[1600];
		ok[0] = _("OK");
		tl_row(st, st->list.selected, line, sizeof line);
		dialog_choose(app, &(struct choose_args){ .question = line, .labels = ok, .n = 1 });
		return RD_ALL;
	}
	if (used && ev == LIST_NONE)
		return r;
	return app_default_key(app, key);
}

/* Back from an edit, a measure or a match: show the card as it is now. */
static unsigned card_resume(struct screen *s, struct app *app)
{
	/* Gone meanwhile (no longer shared with this centre, say): the
	 * status line says so, and an empty card is no use. */
	if (!load(s->state, app))
		app_pop(app);
	return RD_ALL;
}

/* Another desk committed meanwhile: the card shows what is saved now,
 * so what e edits, and the version a change is checked against, are
 * never older than the screen. Said only when this card changed. */
static unsigned card_refresh(struct screen *s, struct app *app)
{
	struct card_state *st = s->state;
	struct citizen_view *fresh = malloc(sizeof *fresh);
	if (!fresh)
		return RD_NONE;
	enum db_status r = citizens_card_reload(&app->desk, st->id, fresh);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(fresh);
		return RD_ALL;
	}
	bool changed = memcmp(&st->view, fresh, sizeof *fresh) != 0;
	if (changed) {
		memcpy(&st->view, fresh, sizeof st->view);
		shown(st);
		if (!app->status[0])
			app_status(app, STATUS_INFO, "%s", _("Another desk changed this card; it shows what is saved now."));
	}
	free(fresh);
	return changed ? RD_ALL : RD_NONE;
}

void card_open(struct app *app, const struct card_args *args)
{
	app_push(app, &card_screen, args);
	struct screen *top = app_top(app);
	if (args->edit && top->ops == &card_screen)
		citizen_edit_open(app, &(struct citizen_edit_args){
			.card = &((struct card_state *)top->state)->view.card });
	else if (args->note && top->ops == &card_screen && !forgotten(top->state))
		open_note(top->state, app);
}

const struct screen_ops card_screen = {
	.name = N_("Citizen card"),
	.help = N_("The top line is the citizen's next step: an overdue or due call, the next session "
		   "they are expected at, a match waiting to be made, a handover, or a reminder to decide "
		   "one. Below are the details and a timeline of everything that happened; Up and Down "
		   "scroll it, and Enter shows the chosen line whole."),
	.actions = card_actions,
	.actions_now = card_actions_now,
	.enter = card_enter,
	.draw = card_draw,
	.on_key = card_key,
	.resume = card_resume,
	.others_changed = card_refresh,
	.leave = app_free_state,
};
