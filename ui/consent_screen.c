/* consent_screen.c — consent per purpose with its history, the insight
 * file and anonymising (consent_screen.h). */
#include "consent_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anonymise.h"
#include "app.h"
#include "audit_screen.h"
#include "centres.h"
#include "consents.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "insight.h"
#include "list.h"
#include "model_citizen.h"
#include "protection_rules.h"
#include "strbuf.h"
#include "utf8.h"
#include "vocab.h"

enum { PATH_CHARS = 400 };

struct consent_state {
	long long citizen_id;
	char name[CIT_NAME];
	bool anonymised;
	struct consent_event history[CONSENT_HISTORY_MAX];
	int n;
	/* On a server: the partner centres the citizen can be shared with,
	 * each a row after the purposes. None on a file. */
	struct centre partners[CENTRES_MAX];
	int npartners;
	struct citizen_share shares[SHARES_MAX];
	int nshares;
	const char *shared_by;        /* the citizen's own centre, when not this one */
	int selected;                 /* a purpose, then a partner */
	enum consent_purpose asked;   /* the purpose a dialog is about */
	int asked_partner;            /* the partner a dialog is about */
};

extern const struct screen_ops consent_screen;

static const struct action consent_actions[] = {
	{ ACT_TOGGLE, UIK_ENTER, N_("Give/withdraw"), N_("Give the chosen consent (with the day it was given), or "
							  "withdraw it from today."), 0 },
	{ ACT_ANONYMISE, 'x', N_("Anonymise"), N_("Coordinators: remove the person for good and keep only the "
						  "numbers for statistics. It cannot be undone."), 0 },
	{ ACT_INSIGHT, 'i', N_("Insight"), N_("Coordinators: write everything stored about the person, with the log of "
					      "who saw or changed it, to a file to hand over."), 0 },
	{ ACT_LOG, 'l', N_("Log"), N_("Coordinators: who looked at or changed the person's data, and when, from the "
				      "audit log."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the card."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};
/* An anonymised citizen's consents are history: the insight file, the
 * log and Back only (Enter and x still say why, as the card's keys do). */
enum { CONSENT_ACTIONS_FORGOTTEN = 2 };

/* The latest row of a purpose: in force if any row is. */
static const struct consent_event *state_of(const struct consent_state *st, enum consent_purpose p,
					    bool *in_force)
{
	const struct consent_event *latest = NULL;
	*in_force = false;
	for (int i = 0; i < st->n; i++) {
		if (consent_purpose_from_code(st->history[i].purpose) != (int)p)
			continue;
		latest = &st->history[i];
		if (!latest->withdrawn_on[0])
			*in_force = true;
	}
	return latest;
}

/* The share with partner `i` in force, or NULL. */
static const struct citizen_share *share_with(const struct consent_state *st, int i)
{
	for (int k = 0; k < st->nshares; k++)
		if (strcmp(st->shares[k].partner, st->partners[i].code) == 0 && !st->shares[k].withdrawn_on[0])
			return &st->shares[k];
	return NULL;
}

static bool reload(struct consent_state *st, struct app *app)
{
	enum db_status r = consents_history(&app->desk, st->citizen_id, st->history, CONSENT_HISTORY_MAX, &st->n);
	if (r == DB_OK)
		r = centres_partners(&app->desk, st->partners, CENTRES_MAX, &st->npartners);
	if (r == DB_OK)
		r = centres_shares(&app->desk, st->citizen_id, st->shares, SHARES_MAX, &st->nshares);
	/* A partner's citizen shared with this centre: only their own
	 * centre shares them on or stops it. */
	st->shared_by = NULL;
	for (int k = 0; k < st->nshares; k++)
		if (strcmp(st->shares[k].partner, desk_centre(&app->desk)) == 0 && !st->shares[k].withdrawn_on[0])
			st->shared_by = st->shares[k].owner_name;
	if (st->shared_by)
		st->npartners = 0;
	if (st->selected >= CONSENT_PURPOSES + st->npartners)
		st->selected = 0;
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	return true;
}

static bool consent_enter(struct screen *s, struct app *app, const void *args)
{
	const struct consent_screen_args *a = args;
	struct consent_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->citizen_id = a->citizen_id;
	snprintf(st->name, sizeof st->name, "%s", a->citizen_name ? a->citizen_name : "");
	st->anonymised = a->anonymised;
	if (!reload(st, app)) {
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void day_words(const char *iso, char *out, size_t size)
{
	struct date d;
	out[0] = '\0';
	if (date_parse_iso(iso, &d))
		date_format_dk(d, out, size);
}

struct history_line {
	const char *day, *who, *purpose;
	bool given;
	const char *partner;          /* a share with this partner, not a purpose */
	int seq;                      /* read in: oldest first for each purpose or partner */
};

/* Whether line a goes above line b: a later day, or on the same day a
 * later line about the same purpose or partner (a share withdrawn goes
 * above its giving). The day holds no time, so lines about different
 * things on one day keep their order. */
static bool history_above(const struct history_line *a, const struct history_line *b)
{
	int c = strcmp(a->day, b->day);
	if (c != 0)
		return c > 0;
	bool same = a->partner || b->partner ? a->partner && b->partner && strcmp(a->partner, b->partner) == 0
					      : strcmp(a->purpose, b->purpose) == 0;
	return same && a->seq > b->seq;
}

static void consent_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct consent_state *st = s->state;
	int y = a->top;
	char line[1200];
	/* A long name is cut, with "…", so the heading's words stay. */
	const char *heading = _("%s: consent per purpose");
	char name[CIT_NAME + 8];
	int rest = utf8_columns(heading, strlen(heading)) - 2;
	int room = a->cols - rest;
	if (room > 0 && utf8_columns(st->name, strlen(st->name)) > room) {
		text_pad(name, sizeof name, st->name, room);
		snprintf(line, sizeof line, heading, name);
	} else {
		snprintf(line, sizeof line, heading, st->name);
	}
	draw_text(y++, a->left, a->cols, line, A_BOLD);
	if (st->anonymised)
		y += draw_wrapped(y, a->left, 2, a->cols,
				  _("The person's details were removed (anonymised); nothing new is recorded."), A_NORMAL);
	y++;
	int label_w = a->cols >= 70 ? 32 : a->cols / 2;
	for (int p = 0; p < CONSENT_PURPOSES && y < a->top + a->rows; p++, y++) {
		bool in_force;
		const struct consent_event *e = state_of(st, (enum consent_purpose)p, &in_force);
		char label[200], padded[300], day[16], status[600];
		snprintf(label, sizeof label, "%s", _(vocab_consent_purpose[p].label));
		text_pad(padded, sizeof padded, label, label_w);
		if (in_force) {
			day_words(e->given_on, day, sizeof day);
			snprintf(status, sizeof status, e->given_by[0] ? _("given %s by %s") : _("given %s"), day,
				 e->given_by);
		} else if (e) {
			day_words(e->withdrawn_on, day, sizeof day);
			snprintf(status, sizeof status, e->withdrawn_by[0] ? _("withdrawn %s by %s") : _("withdrawn %s"),
				 day, e->withdrawn_by);
		} else {
			snprintf(status, sizeof status, "%s", _("not given"));
		}
		snprintf(line, sizeof line, "%s %s %s", p == st->selected ? ">" : " ", padded, status);
		attr_t attr = p == st->selected ? A_REVERSE : A_NORMAL;
		draw_blank(y, a->left, a->cols, attr);
		draw_text(y, a->left, a->cols, line, attr);
	}
	for (int i = 0; i < st->npartners && y < a->top + a->rows; i++, y++) {
		char label[400], padded[500], day[16], status[600];
		snprintf(label, sizeof label, _("Share with %s"), st->partners[i].name);
		text_pad(padded, sizeof padded, label, label_w);
		const struct citizen_share *e = share_with(st, i);
		if (e) {
			day_words(e->given_on, day, sizeof day);
			snprintf(status, sizeof status, e->given_by[0] ? _("shared %s by %s") : _("shared %s"), day,
				 e->given_by);
		} else {
			snprintf(status, sizeof status, "%s", _("not shared"));
		}
		bool chosen = CONSENT_PURPOSES + i == st->selected;
		snprintf(line, sizeof line, "%s %s %s", chosen ? ">" : " ", padded, status);
		attr_t attr = chosen ? A_REVERSE : A_NORMAL;
		draw_blank(y, a->left, a->cols, attr);
		draw_text(y, a->left, a->cols, line, attr);
	}
	if (st->shared_by && y < a->top + a->rows) {
		snprintf(line, sizeof line, _("  Shared with this centre by %s, with the citizen's consent."), st->shared_by);
		/* Under the purposes' names, the second row too. */
		int indent = (int)strspn(line, " ");
		y += draw_wrapped(y, a->left + indent, 2, a->cols - indent, line + indent, A_NORMAL);
	}
	if (y + 2 >= a->top + a->rows)
		return;
	y++;
	draw_text(y++, a->left, a->cols, _("History"), A_BOLD | A_UNDERLINE);
	/* Newest first, each giving and each withdrawal on a line. */
	struct history_line events[2 * (CONSENT_HISTORY_MAX + SHARES_MAX)];
	int n = 0;
	for (int i = 0; i < st->n; i++) {
		const struct consent_event *e = &st->history[i];
		events[n] = (struct history_line){ e->given_on, e->given_by, e->purpose, true, NULL, n };
		n++;
		if (e->withdrawn_on[0]) {
			events[n] = (struct history_line){ e->withdrawn_on, e->withdrawn_by, e->purpose, false, NULL, n };
			n++;
		}
	}
	for (int i = 0; i < st->nshares; i++) {
		const struct citizen_share *e = &st->shares[i];
		events[n] = (struct history_line){ e->given_on, e->given_by, "", true, e->partner_name, n };
		n++;
		if (e->withdrawn_on[0]) {
			events[n] = (struct history_line){ e->withdrawn_on, e->withdrawn_by, "", false, e->partner_name, n };
			n++;
		}
	}
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && history_above(&events[j], &events[j - 1]); j--) {
			struct history_line t = events[j];
			events[j] = events[j - 1];
			events[j - 1] = t;
		}
	if (!n)
		draw_text(y++, a->left, a->cols, _("No consent has been recorded."), A_NORMAL);
	for (int i = 0; i < n && y < a->top + a->rows; i++) {
		char day[16];
		day_words(events[i].day, day, sizeof day);
		const char *what = vocab_label(vocab_consent_purpose, events[i].purpose);
		char text[600];
		if (events[i].partner)
			snprintf(text, sizeof text, events[i].given ? _("Shared with %s") : _("No longer shared with %s"),
				 events[i].partner);
		else
			snprintf(text, sizeof text, events[i].given ? _("Consent given: %s") : _("Consent withdrawn: %s"),
				 what);
		snprintf(line, sizeof line, "%-10s  %s%s%s%s", day, text, events[i].who[0] ? " (" : "", events[i].who,
			 events[i].who[0] ? ")" : "");
		draw_text(y++, a->left, a->cols, line, A_NORMAL);
	}
}

/* ---------- giving ---------- */

static void report(struct app *app, enum db_status r, const struct consent_state *st)
{
	if (r == DB_ERR_INVALID && st->anonymised)
		app_status(app, STATUS_ERROR, "%s", _("The person's details were removed: nothing new is recorded."));
	else if (r == DB_ERR_INVALID)
		app_status(app, STATUS_ERROR, "%s", _("That day has not come yet. Write the day the consent was given."));
	else
		app_status_db(app, r);
}

static void given_on_typed(struct app *app, void *ctx, const char *text)
{
	struct consent_state *st = ctx;
	if (!text)
		return;
	struct date d;
	/* A consent given: "1-12" is the last 1 December. */
	if (!date_parse_near(text, DATE_YEAR_LAST, date_today(), &d)) {
		char why[200];
		date_problem(text, DATE_YEAR_LAST, why, sizeof why);
		app_status(app, STATUS_ERROR, _("%s Nothing was recorded."), why);
		return;
	}
	char iso[DATE_ISO_LEN];
	date_format_iso(d, iso);
	struct consent_outcome out;
	enum db_status r = consents_give(&app->desk, st->citizen_id, st->asked, iso, &out);
	if (r != DB_OK) {
		report(app, r, st);
		return;
	}
	reload(st, app);
	if (out.calls_planned)
		app_status(app, STATUS_INFO,
			   P_("Consent recorded: %s. A call that waited for it is planned (see the card's timeline).",
			      "Consent recorded: %s. %d calls that waited for it are planned (see the card's timeline).",
			      out.calls_planned),
			   _(vocab_consent_purpose[st->asked].label), out.calls_planned);
	else
		app_status(app, STATUS_INFO, _("Consent recorded: %s."), _(vocab_consent_purpose[st->asked].label));
}

/* ---------- withdrawing ---------- */

static void after_anonymising(struct consent_state *st, struct app *app)
{
	st->anonymised = true;
	snprintf(st->name, sizeof st->name, "%s", _("Anonymised citizen"));
	reload(st, app);
	app_status(app, STATUS_INFO, "%s", _("The person's details are removed; the numbers for statistics stay."));
}

static void withdraw_answered(struct app *app, void *ctx, int yes)
{
	struct consent_state *st = ctx;
	if (!yes)
		return;
	struct consent_outcome out;
	enum db_status r = consents_withdraw(&app->desk, st->citizen_id, st->asked, &out);
	if (r != DB_OK) {
		report(app, r, st);
		return;
	}
	if (out.anonymised) {
		after_anonymising(st, app);
		return;
	}
	reload(st, app);
	if (out.calls_cancelled)
		app_status(app, STATUS_INFO, P_("Consent withdrawn; %d planned call is cancelled.",
						"Consent withdrawn; %d planned calls are cancelled.", out.calls_cancelled),
			   out.calls_cancelled);
	else
		app_status(app, STATUS_INFO, "%s", _("Consent withdrawn."));
}

/* What anonymising does, said before it is done. */
static void anonymise_question(const struct consent_state *st, bool withdrawal, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	if (withdrawal)
		strbuf_add(&b, _("Without consent to registration %s cannot stay on record. "), st->name);
	strbuf_add(&b, _("Anonymising removes name, birth year, phone, e-mail, address, notes, wishes, relatives "
			 "and the referrer's details for good; only the numbers for statistics stay, and an open "
			 "course, its matches and calls end. This cannot be undone. %s now?"),
		   withdrawal ? _("Withdraw and anonymise") : _("Anonymise"));
}

static void ask_withdraw(struct consent_state *st, struct app *app)
{
	char q[1400];
	switch (consent_rule_withdrawal(st->asked)) {
	case CONSENT_WITHDRAW_ANONYMISE:
		if (st->shared_by) {
			app_status(app, STATUS_ERROR, _("Only %s, the citizen's own centre, can anonymise them."),
				   st->shared_by);
			return;
		}
		anonymise_question(st, true, q, sizeof q);
		break;
	case CONSENT_WITHDRAW_CANCEL_CALLS:
		snprintf(q, sizeof q, "%s", _("Withdraw the consent that volunteers may call, from today? Planned calls "
					      "to the citizen are cancelled and no new ones are planned."));
		break;
	case CONSENT_WITHDRAW_CANCEL_FEEDBACK:
		snprintf(q, sizeof q, "%s", _("Withdraw the consent to feedback to the referrer, from today? A planned "
					      "call to the referrer is cancelled."));
		break;
	case CONSENT_WITHDRAW_ONLY:
	default:
		snprintf(q, sizeof q, "%s", _("Withdraw the consent to wellbeing measures, from today? No new answers "
					      "are kept; the earlier ones stay."));
		break;
	}
	dialog_confirm(app, &(struct confirm_args){ .question = q, .done = withdraw_answered, .ctx = st });
}

/* ---------- sharing with a partner ---------- */

static void share_answered(struct app *app, void *ctx, int yes)
{
	struct consent_state *st = ctx;
	if (!yes)
		return;
	const struct centre *p = &st->partners[st->asked_partner];
	bool give = !share_with(st, st->asked_partner), changed;
	enum db_status r = centres_share(&app->desk, st->citizen_id, p->code, give, &changed);
	if (r == DB_ERR_NOTFOUND) {
		app_status(app, STATUS_ERROR, "%s", _("Only the citizen's own centre can share them or stop it."));
		return;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	reload(st, app);
	app_status(app, STATUS_INFO, give ? _("Shared with %s from today.") : _("No longer shared with %s."), p->name);
}

static void ask_share(struct consent_state *st, struct app *app, int partner)
{
	st->asked_partner = partner;
	const char *name = st->partners[partner].name;
	char q[800];
	if (share_with(st, partner))
		snprintf(q, sizeof q, _("Stop sharing with %s from today? They can no longer see the citizen; what "
					"they wrote stays here."), name);
	else
		snprintf(q, sizeof q, _("Has the citizen agreed that %s may see the card and everything written "
					"about them? Share from today?"), name);
	dialog_confirm(app, &(struct confirm_args){ .question = q, .done = share_answered, .ctx = st });
}

static void toggle(struct consent_state *st, struct app *app)
{
	if (st->anonymised) {
		app_status(app, STATUS_ERROR, "%s", _("The person's details were removed: nothing new is recorded."));
		return;
	}
	if (st->selected >= CONSENT_PURPOSES) {
		ask_share(st, app, st->selected - CONSENT_PURPOSES);
		return;
	}
	st->asked = (enum consent_purpose)st->selected;
	bool in_force;
	state_of(st, st->asked, &in_force);
	if (in_force) {
		ask_withdraw(st, app);
		return;
	}
	char today[16];
	date_format_dk(date_today(), today, sizeof today);
	char q[400];
	snprintf(q, sizeof q, _("Consent to %s: given on which day?"), _(vocab_consent_purpose[st->asked].label));
	dialog_prompt(app, &(struct prompt_args){ .question = q, .initial = today, .max_chars = 10,
		.done = given_on_typed, .ctx = st });
}

/* ---------- coordinators ---------- */

static void anonymise_answered(struct app *app, void *ctx, int yes)
{
	struct consent_state *st = ctx;
	if (!yes)
		return;
	enum db_status r = anonymise_citizen(&app->desk, st->citizen_id);
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	after_anonymising(st, app);
}

static bool coordinator(struct app *app)
{
	if (desk_is_coordinator(&app->desk))
		return true;
	app_status_db(app, DB_ERR_FORBIDDEN);
	return false;
}

static void insight_path_typed(struct app *app, void *ctx, const char *path)
{
	struct consent_state *st = ctx;
	if (!path || !path[0])
		return;
	enum db_status r = insight_write_file(&app->desk, st->citizen_id, path);
	if (r == DB_ERR_CONFLICT)
		app_status(app, STATUS_ERROR, _("%s exists already. Choose another name; nothing was written."), path);
	else if (r == DB_ERR_NODIR || r == DB_ERR_CANTOPEN)
		app_status(app, STATUS_ERROR, _("%s cannot be written there. Choose another folder."), path);
	else if (r != DB_OK)
		app_status_db(app, r);
	else
		app_status(app, STATUS_INFO, _("Insight written to %s (readable by you only)."), path);
}

static unsigned consent_key(struct screen *s, struct app *app, ui_key key)
{
	struct consent_state *st = s->state;
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_TOGGLE:
		toggle(st, app);
		return RD_ALL;
	case ACT_INSIGHT:
		if (coordinator(app)) {
			char path[PATH_CHARS + 1];
			const char *home = getenv("HOME");
			insight_default_path(home ? home : "", st->citizen_id, path, sizeof path);
			dialog_prompt(app, &(struct prompt_args){ .question = _("Write the insight file to:"),
				.initial = path, .max_chars = PATH_CHARS, .done = insight_path_typed, .ctx = st });
		}
		return RD_ALL;
	case ACT_ANONYMISE:
		if (st->anonymised) {
			app_status(app, STATUS_ERROR, "%s", _("This citizen is anonymised already."));
		} else if (st->shared_by) {
			/* The use case refuses a partner's citizen as "not there";
			 * say why before the question, not after it. */
			app_status(app, STATUS_ERROR, _("Only %s, the citizen's own centre, can anonymise them."),
				   st->shared_by);
		} else if (coordinator(app)) {
			char q[1400];
			anonymise_question(st, false, q, sizeof q);
			dialog_confirm(app, &(struct confirm_args){ .question = q, .done = anonymise_answered, .ctx = st });
		}
		return RD_ALL;
	case ACT_LOG:
		if (coordinator(app))
			audit_screen_open_citizen(app, st->citizen_id);
		return RD_ALL;
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		break;
	}
	int rows = CONSENT_PURPOSES + st->npartners;
	unsigned r = list_move_cursor(&st->selected, rows, rows, key);
	return r ? r : app_default_key(app, key);
}

void consent_screen_open(struct app *app, const struct consent_screen_args *args)
{
	app_push(app, &consent_screen, args);
}

static const struct action *consent_actions_now(const struct screen *s, const struct app *app)
{
	(void)app;
	const struct consent_state *st = s->state;
	return st && st->anonymised ? &consent_actions[CONSENT_ACTIONS_FORGOTTEN] : consent_actions;
}

const struct screen_ops consent_screen = {
	.name = N_("Consent"),
	.help = N_("Consent is kept per purpose, each given or withdrawn on a day by someone's hand, and it acts: "
		   "without consent that volunteers may call no call is planned to the citizen, without consent "
		   "to feedback nobody calls the referrer, and without consent to measures no answers are kept. "
		   "Withdrawing consent to registration anonymises the citizen. On a server shared by several centres, "
		   "the citizen can also agree to be shared with a partner centre, which then sees the card. Up and "
		   "Down choose a purpose or a partner."),
	.actions = consent_actions,
	.actions_now = consent_actions_now,
	.enter = consent_enter,
	.draw = consent_draw,
	.on_key = consent_key,
	.leave = app_free_state,
};
