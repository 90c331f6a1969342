/* attendance_walkin.c — walk-ins (attendance_walkin.h). Typing goes
 * straight into the search, as on the citizens screen; Enter adds the
 * highlighted person as came, Ctrl-N (or F2) registers someone new. */
#include "attendance_walkin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendance.h"
#include "attendance_rules.h"
#include "attendance_roll.h"
#include "citizen_hits.h"
#include "citizen_rules.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "field_checks.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"
#include "list.h"
#include "model_citizen.h"
#include "phone.h"

enum { MAX_HITS = 600 };

struct walkin_state {
	long long session_id;
	struct session_info session;
	long long *on_roll;           /* citizen ids already on the list */
	bool *enrolled;               /* ... and whether enrolled */
	int non_roll;
	struct citizen_hits hits;
	struct list list;
	struct attendance_walkin_args args;
	struct citizen_hit chosen;    /* while "enrol too?" is asked */
};

extern const struct screen_ops attendance_walkin_screen, attendance_newperson_screen;

/* What the walk-in search hands the new-person form. */
struct newperson_args {
	const struct attendance_walkin_args *walkin;
	const char *name;             /* what was typed: most likely the name */
};

static const struct action walkin_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Add"), N_("Add the highlighted person as came; you are asked whether to enrol them."), 0 },
	{ ACT_NEW, UIK_CTRL('n'), N_("New person"), N_("Register someone who is not in Brobygger yet, with just a name "
						      "and a phone number; the first conversation comes later."), 0 },
	{ ACT_NEW, UIK(KEY_F(2)), N_("New person"), N_("Register someone who is not in Brobygger yet, with just a name "
						      "and a phone number; the first conversation comes later."), ACTF_HIDDEN },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Clear the search, or go back to the roll list when it is empty."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

/* Copies without splitting a UTF-8 character. */
static void copy_text(char *dst, size_t size, const char *src)
{
	size_t len = strlen(src);
	if (len >= size) {
		len = size - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

static int roll_index(const struct walkin_state *st, long long id)
{
	for (int i = 0; i < st->non_roll; i++)
		if (st->on_roll[i] == id)
			return i;
	return -1;
}

static int ws_count(void *ctx)
{
	return ((struct walkin_state *)ctx)->hits.count;
}

static void ws_row(void *ctx, int i, char *buf, size_t size)
{
	struct walkin_state *st = ctx;
	const struct citizen_hit *h = citizen_hits_row(&st->hits, i);
	char name[CIT_NAME + 64], phone[64], place[CIT_TOWN + 16], shown[CIT_NAME + 48];
	citizen_rule_hit_name(h, 28, shown, sizeof shown);
	text_pad(name, sizeof name, shown, 28);
	char dial[PHONE_SHOWN_MAX];
	phone_shown(h->phone, dial, sizeof dial);
	text_pad(phone, sizeof phone, dial, 13);
	snprintf(place, sizeof place, "%s %s", h->postcode, h->town);
	int at = roll_index(st, h->id);
	snprintf(buf, size, "%s %s %s%s", name, phone, place,
		 at >= 0 ? _("  (on the list)") : strcmp(h->status, "ended") == 0 ? _("  (ended)") : "");
}

static void ws_filter(void *ctx, const char *query)
{
	struct walkin_state *st = ctx;
	citizen_hits_search(&st->hits, query);
}

static bool walkin_enter(struct screen *s, struct app *app, const void *args)
{
	struct walkin_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->args = *(const struct attendance_walkin_args *)args;
	st->session_id = st->args.session_id;
	struct roll roll;
	enum db_status r = attendance_roll_reload(&app->desk, st->session_id, &roll);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	st->session = roll.session;
	st->on_roll = calloc((size_t)roll.count + 1, sizeof *st->on_roll);
	st->enrolled = calloc((size_t)roll.count + 1, sizeof *st->enrolled);
	bool hits = citizen_hits_init(&st->hits, app, MAX_HITS);
	if (!st->on_roll || !st->enrolled || !hits) {
		attendance_roll_free(&roll);
		free(st->on_roll);
		free(st->enrolled);
		citizen_hits_free(&st->hits);
		free(st);
		return false;
	}
	for (int i = 0; i < roll.count; i++) {
		st->on_roll[i] = roll.entries[i].citizen_id;
		st->enrolled[i] = roll.entries[i].enrolment_id != 0;
	}
	st->non_roll = roll.count;
	attendance_roll_free(&roll);
	list_init(&st->list, (struct list_source){ .count = ws_count, .row = ws_row, .filter = ws_filter, .ctx = st },
		  "");
	st->list.searching = true;
	citizen_hits_search(&st->hits, "");
	s->state = st;
	return true;
}

static void walkin_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct walkin_state *st = s->state;
	free(st->on_roll);
	free(st->enrolled);
	citizen_hits_free(&st->hits);
	free(st);
	s->state = NULL;
}

static void walkin_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct walkin_state *st = s->state;
	char title[ATT_TEXT + 120];
	snprintf(title, sizeof title, _("Who came to %s? Type a name, phone or postcode."), st->session.activity);
	draw_text(a->top, a->left, a->cols, title, A_BOLD);
	struct area rest = { a->top + 1, a->left, a->rows - 1, a->cols };
	st->list.empty = st->list.no_match = citizen_hits_empty(
		&st->hits, _("Nobody matches. Press Ctrl-N to add a new person with name and phone."));
	st->list.searching = true;
	list_draw(&st->list, &rest);
}

static const char *const full_choices[] = { N_("Enrol anyway"), N_("Only today"), N_("Cancel") };

static void add_chosen(struct walkin_state *st, struct app *app, enum walk_in_enrol enrol);

static void full_answered(struct app *app, void *ctx, int c)
{
	if (c == 0 || c == 1)
		add_chosen(ctx, app, c == 0 ? WALK_IN_ENROL_ANYWAY : WALK_IN_ONLY_TODAY);
}

/* An enrolment refused (DB_ERR_CONSTRAINT): over the places, the desk
 * decides ("Strik og snak is full: 40 of 40 places are taken. Enrol Bo
 * anyway?"); true when it is asked. Refused for another reason: false. */
static bool ask_if_full(struct app *app, long long session_id, long long citizen_id, const char *name,
			const char *activity, dialog_choice_fn done, void *ctx)
{
	struct enrol_places p = { 0 };
	if (attendance_places(&app->desk, session_id, citizen_id, &p) != DB_OK || attendance_rule_enrol_fits(&p))
		return false;
	char q[CIT_NAME + ATT_TEXT + 160];
	/* TRANSLATORS: activity, places taken, places in all, the person's name. */
	snprintf(q, sizeof q, _("%s is full: %d of %d places are taken. Enrol %s anyway?"), activity, p.enrolled,
		 p.capacity, name);
	const char *labels[] = { _(full_choices[0]), _(full_choices[1]), _(full_choices[2]) };
	dialog_choose(app, &(struct choose_args){ .question = q, .labels = labels, .n = 3, .done = done, .ctx = ctx });
	return true;
}

static void add_chosen(struct walkin_state *st, struct app *app, enum walk_in_enrol enrol)
{
	const struct citizen_hit h = st->chosen;
	enum db_status r = attendance_add_walk_in(&app->desk, st->session_id, h.id, enrol);
	if (r == DB_ERR_CONSTRAINT && enrol == WALK_IN_ENROL
	    && ask_if_full(app, st->session_id, h.id, h.name, st->session.activity, full_answered, st))
		return;
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	if (st->args.added)
		st->args.added(app, st->args.ctx, h.id);
	app_pop(app);
	app_status(app, STATUS_INFO, enrol != WALK_IN_ONLY_TODAY ? _("%s is marked as came and enrolled.")
								 : _("%s is marked as came."), h.name);
}

static void enrol_answered(struct app *app, void *ctx, int c)
{
	if (c == 0 || c == 1)
		add_chosen(ctx, app, c == 1 ? WALK_IN_ENROL : WALK_IN_ONLY_TODAY);
}

static unsigned add_hit(struct walkin_state *st, struct app *app)
{
	if (st->list.selected >= st->hits.count)
		return RD_ALL;
	st->chosen = st->hits.rows[st->list.selected];
	int at = roll_index(st, st->chosen.id);
	if (at >= 0 && st->enrolled[at]) {
		add_chosen(st, app, WALK_IN_ONLY_TODAY);
		return RD_ALL;
	}
	char q[CIT_NAME + ATT_TEXT + 120];
	snprintf(q, sizeof q, _("%s came. Enrol them in %s too, so they are on the list every week?"), st->chosen.name,
		 st->session.activity);
	const char *labels[] = { _("Only today"), _("Enrol too"), _("Cancel") };
	dialog_choose(app, &(struct choose_args){ .question = q, .labels = labels, .n = 3, .done = enrol_answered,
		.ctx = st });
	return RD_ALL;
}

static unsigned walkin_key(struct screen *s, struct app *app, ui_key key)
{
	struct walkin_state *st = s->state;
	if (key == UIK_ESC && !st->list.query.len) {
		app_pop(app);
		return RD_ALL;
	}
	if (action_for_key(s->ops->actions, key) == ACT_NEW) {
		app_push(app, &attendance_newperson_screen,
			 &(struct newperson_args){ .walkin = &st->args, .name = st->list.query.text });
		return RD_ALL;
	}
	enum list_event ev;
	bool used;
	unsigned r = list_key(&st->list, key, &ev, &used);
	if (ev == LIST_ACTIVATE)
		return add_hit(st, app);
	if (used)
		return r;
	return app_default_key(app, key);
}

void attendance_walkin_open(struct app *app, const struct attendance_walkin_args *args)
{
	app_push(app, &attendance_walkin_screen, args);
}

const struct screen_ops attendance_walkin_screen = {
	.name = N_("Walk-in"),
	.help = N_("Type to search among all citizens: any part of a name, a phone number or a postcode. "
		   "Enter adds the highlighted person to this session as came; you are asked whether to "
		   "enrol them so they are on the list every week. Someone who is not in Brobygger yet is "
		   "added with Ctrl-N: just a name and a phone number, and the first conversation comes later."),
	.actions = walkin_actions,
	.enter = walkin_enter,
	.draw = walkin_draw,
	.on_key = walkin_key,
	.leave = walkin_leave,
};

/* ---------- a new person ---------- */

enum { NP_NAME, NP_PHONE, NP_CONSENT, NP_ENROL, NP_COUNT };

struct newperson_state {
	struct attendance_walkin_args walkin;
	long long session_id;
	char activity[ATT_TEXT];
	struct form form;
	struct form_field fields[NP_COUNT];
};

static const struct action newperson_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Register the person and mark them as came."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Register the person and mark them as came."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down; Enter on the last field saves, as Ctrl-S); Shift-Tab or Up goes back."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change yes/no (also j and n)."), ACTF_NOT_TYPING },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the search without registering anyone."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

/* Writing someone down needs their yes: the law asks it, and so do we. */
static bool check_consent(const struct form_field *fld, char *err, size_t size)
{
	if (fld->choice != 1)
		snprintf(err, size, "%s", _("Ask first: without their yes we may not write the name down."));
	return !err[0];
}

static const struct form_field np_layout[NP_COUNT] = {
	[NP_NAME] = { .key = "name", .label = N_("Name"), .kind = FIELD_TEXT, .required = true, .max_chars = 120,
		      },
	[NP_PHONE] = { .key = "phone", .label = N_("Phone"), .kind = FIELD_TEXT, .max_chars = 30,
		       .check = field_check_phone },
	[NP_CONSENT] = { .key = "consent", .label = N_("Agrees to be registered"), .kind = FIELD_YESNO,
			 .required = true, .check = check_consent },
	[NP_ENROL] = { .key = "enrol", .label = N_("Enrol in the activity"), .kind = FIELD_YESNO },
};

static bool newperson_enter(struct screen *s, struct app *app, const void *args)
{
	struct newperson_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	const struct newperson_args *a = args;
	st->walkin = *a->walkin;
	st->session_id = st->walkin.session_id;
	struct session_info info;
	int nhelpers;
	if (attendance_session(&app->desk, st->session_id, &info, NULL, 0, &nhelpers) == DB_OK)
		snprintf(st->activity, sizeof st->activity, "%s", info.activity);
	memcpy(st->fields, np_layout, sizeof np_layout);
	form_init(&st->form, st->fields, NP_COUNT);
	char name[CIT_NAME];
	copy_text(name, sizeof name, a->name);
	form_set_text(&st->form, NP_NAME, name);
	if (name[0])
		form_touch(&st->form);
	s->state = st;
	return true;
}

static void newperson_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct newperson_state *st = s->state;
	char intro[ATT_TEXT + 300];
	snprintf(intro, sizeof intro,
		 _("A new person at %s. Name and phone are enough today; they are marked as came and flagged "
		   "for a first conversation."), st->activity);
	int used = draw_wrapped(a->top, a->left, 3, a->cols, intro, A_NORMAL);
	struct area rest = { a->top + used + 1, a->left, a->rows - used - 1, a->cols };
	form_draw(&st->form, &rest);
}

static void newperson_register(struct newperson_state *st, struct app *app, enum walk_in_enrol enrol);

static void newperson_full_answered(struct app *app, void *ctx, int c)
{
	if (c == 0 || c == 1)
		newperson_register(ctx, app, c == 0 ? WALK_IN_ENROL_ANYWAY : WALK_IN_ONLY_TODAY);
}

static unsigned newperson_save(struct newperson_state *st, struct app *app)
{
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	newperson_register(st, app, st->fields[NP_ENROL].choice == 1 ? WALK_IN_ENROL : WALK_IN_ONLY_TODAY);
	return RD_ALL;
}

static void newperson_register(struct newperson_state *st, struct app *app, enum walk_in_enrol enrol)
{
	char name[CIT_NAME];
	snprintf(name, sizeof name, "%s", form_text(&st->form, NP_NAME));
	long long id = 0;
	enum db_status r = attendance_add_new_person(&app->desk, st->session_id, name, form_text(&st->form, NP_PHONE),
						     enrol, &id);
	if (r == DB_ERR_CONSTRAINT && enrol == WALK_IN_ENROL
	    && ask_if_full(app, st->session_id, 0, name, st->activity, newperson_full_answered, st))
		return;
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	st->form.dirty = false;
	if (st->walkin.added)
		st->walkin.added(app, st->walkin.ctx, id);
	app_pop(app); /* the form */
	app_pop(app); /* the search */
	app_status(app, STATUS_INFO, _("%s is registered as came. Remember the first conversation."), name);
}

static unsigned newperson_key(struct screen *s, struct app *app, ui_key key)
{
	struct newperson_state *st = s->state;
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	if (ev == FORM_SUBMIT)
		return newperson_save(st, app);
	return form_screen_key(app, &st->form, key, ev, r, _("Leave without registering the person?"));
}

static bool attendance_newperson_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct newperson_state *)s->state)->form, key);
}

const struct screen_ops attendance_newperson_screen = {
	.name = N_("New person"),
	.help = N_("Someone came who is not in Brobygger yet. Write their name and, if they want, a phone "
		   "number, and ask whether they agree to be registered. They are marked as came and "
		   "flagged for a first conversation, which the desk holds later. Save with Ctrl-S."),
	.actions = newperson_actions,
	.writes = true,
	.enter = newperson_enter,
	.draw = newperson_draw,
	.on_key = newperson_key,
	.typing = attendance_newperson_typing,
	.leave = app_free_state,
};
