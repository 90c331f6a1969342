/* activity_form.c — create or change an activity. A weekly one has its
 * sessions planned twelve weeks ahead when it is saved; a new weekday or
 * time moves the planned sessions nobody is booked on yet. */
#include "activity_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "dialog.h"
#include "field_checks.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"
#include "picklist_field.h"
#include "registry.h"
#include "registry_list.h"
#include "vocab.h"

enum activity_field {
	AF_H_WHAT, AF_NAME, AF_KIND, AF_COMMUNITY, AF_ORGANISER,
	AF_H_WHERE, AF_PLACE, AF_POSTCODE, AF_WEEKDAY, AF_START, AF_END, AF_CAPACITY,
	AF_H_CONTACT, AF_CONTACT_NAME, AF_CONTACT_PHONE,
	AF_H_MATCHING, AF_INTERESTS,
	AF_COUNT,
};

struct activity_form_state {
	long long *saved;          /* the opener's, see activity_form_args */
	struct activity_record original;
	long long expected_version;
	struct form_field fields[AF_COUNT];
	struct form form;
	struct picklist_field interests;
};

extern const struct screen_ops activity_form_screen;

/* Weekday with "not weekly" first; codes are the schema's numbers. */
static const struct vocab weekdays[] = {
	{ "0", N_("Not weekly") },
	{ "1", N_("Monday") }, { "2", N_("Tuesday") }, { "3", N_("Wednesday") }, { "4", N_("Thursday") },
	{ "5", N_("Friday") }, { "6", N_("Saturday") }, { "7", N_("Sunday") }, { NULL, NULL },
};

#define HEADING(k, l) [k] = { .label = (l), .kind = FIELD_HEADING }
#define TEXT(k, name, l, n, chk) \
	[k] = { .key = (name), .label = (l), .kind = FIELD_TEXT, .max_chars = (n), .check = (chk) }

static const struct form_field layout[AF_COUNT] = {
	HEADING(AF_H_WHAT, N_("The activity")),
	[AF_NAME] = { .key = "name", .label = N_("Name"), .kind = FIELD_TEXT, .required = true, .max_chars = 120 },
	[AF_KIND] = { .key = "kind", .label = N_("Kind"), .kind = FIELD_CHOICE, .choices = vocab_activity_kind },
	[AF_COMMUNITY] = { .key = "community", .label = N_("Community"), .kind = FIELD_CHOICE,
			   .choices = vocab_community },
	TEXT(AF_ORGANISER, "organiser", N_("Organiser"), 120, NULL),
	HEADING(AF_H_WHERE, N_("Where and when")),
	TEXT(AF_PLACE, "place", N_("Place"), 120, NULL),
	TEXT(AF_POSTCODE, "postcode", N_("Postcode"), 8, field_check_postcode),
	[AF_WEEKDAY] = { .key = "weekday", .label = N_("Weekday"), .kind = FIELD_CHOICE, .choices = weekdays },
	TEXT(AF_START, "start", N_("Starts at"), 5, field_check_time),
	TEXT(AF_END, "end", N_("Ends at"), 5, field_check_time),
	[AF_CAPACITY] = { .key = "capacity", .label = N_("Places"), .kind = FIELD_NUMBER, .required = true,
			  .min = 0, .max = 500 },
	HEADING(AF_H_CONTACT, N_("Contact person")),
	TEXT(AF_CONTACT_NAME, "contact_name", N_("Name"), 120, NULL),
	TEXT(AF_CONTACT_PHONE, "contact_phone", N_("Phone"), 30, field_check_phone),
	HEADING(AF_H_MATCHING, N_("For matching")),
	[AF_INTERESTS] = { .key = "interests", .label = N_("Interests it serves"), .kind = FIELD_MULTI },
};

static const struct action form_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Save the activity and plan its weekly sessions (coordinators)."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the activity and plan its weekly sessions (coordinators)."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down); Shift-Tab or Up goes back."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change a choice (also Left and Right), or open the list of a multiple choice (also Enter)."), ACTF_NOT_TYPING },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without saving; asks first if you changed anything."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void fill(struct activity_form_state *st, const struct activity_record *a)
{
	struct form *f = &st->form;
	struct form_field *fl = st->fields;
	form_set_text(f, AF_NAME, a->name);
	fl[AF_KIND].choice = vocab_index(vocab_activity_kind, a->kind);
	fl[AF_COMMUNITY].choice = vocab_index(vocab_community, a->community);
	form_set_text(f, AF_ORGANISER, a->organiser);
	form_set_text(f, AF_PLACE, a->place);
	form_set_text(f, AF_POSTCODE, a->postcode);
	fl[AF_WEEKDAY].choice = a->weekday >= 1 && a->weekday <= 7 ? a->weekday : 0;
	form_set_text(f, AF_START, a->start_time);
	form_set_text(f, AF_END, a->end_time);
	char text[16];
	snprintf(text, sizeof text, "%d", a->capacity);
	form_set_text(f, AF_CAPACITY, text);
	form_set_text(f, AF_CONTACT_NAME, a->contact_name);
	form_set_text(f, AF_CONTACT_PHONE, a->contact_phone);
	fl[AF_INTERESTS].picked = form_multi_ticks(&fl[AF_INTERESTS], a->interests, a->ninterests);
	f->dirty = false;
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

static void read_form(const struct activity_form_state *st, struct activity_record *a)
{
	const struct form *f = &st->form;
	const struct form_field *fl = st->fields;
	copy(a->name, sizeof a->name, form_text(f, AF_NAME));
	copy(a->kind, sizeof a->kind, vocab_activity_kind[fl[AF_KIND].choice].code);
	copy(a->community, sizeof a->community, vocab_community[fl[AF_COMMUNITY].choice].code);
	copy(a->organiser, sizeof a->organiser, form_text(f, AF_ORGANISER));
	copy(a->place, sizeof a->place, form_text(f, AF_PLACE));
	copy(a->postcode, sizeof a->postcode, form_text(f, AF_POSTCODE));
	a->weekday = fl[AF_WEEKDAY].choice;
	/* 18.30 and 1830 are stored as 18:30; an empty time stays empty. */
	if (!date_parse_time(form_text(f, AF_START), a->start_time))
		a->start_time[0] = '\0';
	if (!date_parse_time(form_text(f, AF_END), a->end_time))
		a->end_time[0] = '\0';
	a->capacity = (int)form_number(f, AF_CAPACITY);
	copy(a->contact_name, sizeof a->contact_name, form_text(f, AF_CONTACT_NAME));
	copy(a->contact_phone, sizeof a->contact_phone, form_text(f, AF_CONTACT_PHONE));
	a->ninterests = form_multi_ids(&fl[AF_INTERESTS], a->interests, CIT_MAX_PICKS);
}

bool activity_form_open(struct app *app, const struct activity_form_args *args)
{
	return app_push(app, &activity_form_screen, args);
}

static bool af_enter(struct screen *s, struct app *app, const void *args)
{
	long long id = ((const struct activity_form_args *)args)->id;
	struct activity_form_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->saved = ((const struct activity_form_args *)args)->saved;
	memcpy(st->fields, layout, sizeof layout);
	enum db_status r = picklist_field_load(&st->interests, app, "interests", &st->fields[AF_INTERESTS]);
	if (r == DB_OK && id)
		r = registry_activity(&app->desk, id, &st->original);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	form_init(&st->form, st->fields, AF_COUNT);
	if (!id) {
		snprintf(st->original.kind, sizeof st->original.kind, "motion_group");
		snprintf(st->original.community, sizeof st->original.community, "practice");
		snprintf(st->original.status, sizeof st->original.status, "active");
		st->original.capacity = 20;
	}
	st->expected_version = st->original.version;
	fill(st, &st->original);
	s->state = st;
	return true;
}

static void af_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct activity_form_state *st = s->state;
	form_draw(&st->form, a);
}

static unsigned save(struct activity_form_state *st, struct app *app)
{
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	struct activity_record a = st->original;
	read_form(st, &a);
	long long id = 0;
	enum activity_times_check why = ACTIVITY_TIMES_OK;
	enum db_status r = registry_save_activity(&app->desk, &a, st->expected_version, &id, &why);
	if (r == DB_ERR_INVALID && why == ACTIVITY_TIMES_NO_START) {
		st->form.current = AF_START;
		app_status(app, STATUS_ERROR, "%s", _("A weekly activity needs the time it starts."));
		return RD_ALL;
	}
	if (r == DB_ERR_INVALID && why == ACTIVITY_TIMES_END_NOT_AFTER_START) {
		st->form.current = AF_END;
		app_status(app, STATUS_ERROR, "%s", _("It must end after it starts."));
		return RD_ALL;
	}
	if (r == DB_ERR_CONFLICT) {
		struct activity_record now;
		if (registry_activity(&app->desk, a.id, &now) == DB_OK)
			st->expected_version = now.version;
		app_status(app, STATUS_ERROR, "%s",
			   _("Another desk saved this activity meanwhile. Ctrl-S saves yours over it; Esc keeps theirs."));
		return RD_ALL;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	st->form.dirty = false;
	if (st->saved)
		*st->saved = id ? id : a.id;
	app_pop(app);
	if (a.weekday)
		app_status(app, STATUS_INFO, _("%s is saved; its sessions are planned %d weeks ahead."), a.name,
			   REG_SESSION_WEEKS);
	else
		app_status(app, STATUS_INFO, _("%s is saved."), a.name);
	return RD_ALL;
}

static unsigned af_key(struct screen *s, struct app *app, ui_key key)
{
	struct activity_form_state *st = s->state;
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	if (ev == FORM_PICK) {
		form_screen_pick(app, &st->form, picklist_field_add, &st->interests);
		return RD_ALL;
	}
	if (ev == FORM_SUBMIT)
		return save(st, app);
	return form_screen_key(app, &st->form, key, ev, r, _("Leave without saving your changes?"));
}

static bool activity_form_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct activity_form_state *)s->state)->form, key);
}

const struct screen_ops activity_form_screen = {
	.name = N_("Activity"),
	.help = N_("Everything about one activity. A weekly activity has its sessions planned twelve weeks "
		   "ahead when saved; a new weekday or time moves the planned sessions nobody is booked on "
		   "yet. Matching uses the interests it serves, the postcode, the weekday and time, the free "
		   "places, and whether it is a practice community: a safe first step for someone with "
		   "anxiety. Ctrl-S saves."),
	.actions = form_actions,
	.writes = true,
	.enter = af_enter,
	.draw = af_draw,
	.on_key = af_key,
	.typing = activity_form_typing,
	.leave = app_free_state,
};
