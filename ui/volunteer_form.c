/* volunteer_form.c — create or change a volunteer. Saved with Ctrl-S in one
 * go; if another desk saved the same volunteer meanwhile, nothing is
 * overwritten until this desk says so by pressing Ctrl-S again. */
#include "volunteer_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "dialog.h"
#include "field_checks.h"
#include "field_rules.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"
#include "picklist_field.h"
#include "postcode.h"
#include "times_field.h"
#include "registry.h"
#include "registry_list.h"
#include "strbuf.h"
#include "vocab.h"

enum volunteer_field {
	VF_H_PERSON, VF_NAME, VF_PHONE, VF_EMAIL, VF_POSTCODE, VF_TOWN,
	VF_H_ROLE, VF_ROLES, VF_STATUS, VF_CAPACITY,
	VF_H_MATCHING, VF_INTERESTS, VF_LANGUAGES, VF_AREAS, VF_TIMES,
	VF_H_OWN, VF_GENDER, VF_BIRTH_YEAR, VF_LIVED,
	VF_H_COURSES, VF_COURSE1, VF_COURSE1_ON, VF_COURSE2, VF_COURSE2_ON, VF_COURSE3, VF_COURSE3_ON,
	VF_COUNT,
};

enum { FORM_COURSES = 3 };

struct volunteer_form_state {
	long long *saved;          /* the opener's, see volunteer_form_args */
	struct volunteer_record original;
	long long expected_version;
	struct form_field fields[VF_COUNT];
	struct form form;
	struct picklist_field interests;
	struct town_follows town;  /* the town follows the postcode */
	struct form_option role_opts[VOLUNTEER_ROLES];
	struct times_field times;
};

extern const struct screen_ops volunteer_form_screen;

/* Splits "8000, 8200 8210" or "dansk, engelsk" at commas (and, for
 * postcodes, spaces) into trimmed items; returns how many. */
static int split_list(const char *text, bool at_spaces, char items[][REG_LANGUAGE], int max)
{
	int n = 0;
	const char *p = text;
	while (*p && n < max) {
		while (*p == ' ' || *p == ',' || *p == ';')
			p++;
		size_t len = strcspn(p, at_spaces ? " ,;" : ",;");
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len > 0)
			snprintf(items[n++], REG_LANGUAGE, "%.*s", (int)(len < REG_LANGUAGE - 1 ? len : REG_LANGUAGE - 1), p);
		p += len;
		while (*p && *p != ',' && *p != ';' && !(at_spaces && *p == ' '))
			p++;
	}
	return n;
}

static bool check_areas(const struct form_field *fld, char *err, size_t size)
{
	char items[REG_MAX_AREAS + 1][REG_LANGUAGE];
	int n = split_list(fld->edit.text, true, items, REG_MAX_AREAS + 1);
	if (n > REG_MAX_AREAS) {
		snprintf(err, size, _("At most %d postcodes."), REG_MAX_AREAS);
		return false;
	}
	for (int i = 0; i < n; i++) {
		if (!postcode_valid(items[i])) {
			snprintf(err, size, _("'%s' is not a postcode. Write four digits each, e.g. 8000 8200."), items[i]);
			return false;
		}
	}
	return true;
}

static bool check_languages(const struct form_field *fld, char *err, size_t size)
{
	char items[REG_MAX_LANGUAGES + 1][REG_LANGUAGE];
	if (split_list(fld->edit.text, false, items, REG_MAX_LANGUAGES + 1) > REG_MAX_LANGUAGES)
		snprintf(err, size, _("At most %d languages."), REG_MAX_LANGUAGES);
	return !err[0];
}

static bool check_birth_year(const struct form_field *fld, char *err, size_t size)
{
	long year = strtol(fld->edit.text, NULL, 10);
	const char *why = year > 0 && year < 10000 ? field_rule_volunteer_birth_year((int)year, date_today()) : NULL;
	if (why)
		snprintf(err, size, "%s", why);
	return !why;
}

#define HEADING(k, l) [k] = { .label = (l), .kind = FIELD_HEADING }
#define TEXT(k, name, l, n, chk) \
	[k] = { .key = (name), .label = (l), .kind = FIELD_TEXT, .max_chars = (n), .check = (chk) }

static const struct form_field layout[VF_COUNT] = {
	HEADING(VF_H_PERSON, N_("The volunteer")),
	[VF_NAME] = { .key = "name", .label = N_("Name"), .kind = FIELD_TEXT, .required = true, .max_chars = 120 },
	TEXT(VF_PHONE, "phone", N_("Phone"), 30, field_check_phone),
	TEXT(VF_EMAIL, "email", N_("E-mail"), 120, field_check_email),
	TEXT(VF_POSTCODE, "postcode", N_("Postcode"), 8, field_check_postcode),
	TEXT(VF_TOWN, "town", N_("Town"), 60, NULL),
	HEADING(VF_H_ROLE, N_("Role")),
	[VF_ROLES] = { .key = "roles", .label = N_("Roles"), .kind = FIELD_MULTI },
	[VF_STATUS] = { .key = "status", .label = N_("Status"), .kind = FIELD_CHOICE, .choices = vocab_volunteer_status },
	[VF_CAPACITY] = { .key = "capacity", .label = N_("Citizens at once"), .kind = FIELD_NUMBER, .required = true,
			  .min = 0, .max = 50 },
	HEADING(VF_H_MATCHING, N_("For matching")),
	[VF_INTERESTS] = { .key = "interests", .label = N_("Interests"), .kind = FIELD_MULTI },
	TEXT(VF_LANGUAGES, "languages", N_("Languages (comma between)"), 200, check_languages),
	TEXT(VF_AREAS, "areas", N_("Areas (postcodes)"), 80, check_areas),
	[VF_TIMES] = { .key = "times", .label = N_("Free at"), .kind = FIELD_MULTI },
	HEADING(VF_H_OWN, N_("Only if they want to tell")),
	[VF_GENDER] = { .key = "gender", .label = N_("Gender"), .kind = FIELD_CHOICE, .choices = vocab_gender },
	[VF_BIRTH_YEAR] = { .key = "birth_year", .label = N_("Birth year"), .kind = FIELD_NUMBER, .min = 1900,
			    .max = 2100, .year = true, .check = check_birth_year },
	/* Written at length: wraps over rows, as a note does. */
	[VF_LIVED] = { .key = "lived", .label = N_("Lived experience, in their words"), .kind = FIELD_TEXT,
		       .max_chars = 250, .multiline = true },
	HEADING(VF_H_COURSES, N_("Courses completed")),
	TEXT(VF_COURSE1, "course1", N_("Course"), 120, NULL),
	[VF_COURSE1_ON] = { .key = "course1_on", .label = N_("Completed on"), .kind = FIELD_DATE,
			   .date_year = DATE_YEAR_LAST },
	TEXT(VF_COURSE2, "course2", N_("Course"), 120, NULL),
	[VF_COURSE2_ON] = { .key = "course2_on", .label = N_("Completed on"), .kind = FIELD_DATE,
			   .date_year = DATE_YEAR_LAST },
	TEXT(VF_COURSE3, "course3", N_("Course"), 120, NULL),
	[VF_COURSE3_ON] = { .key = "course3_on", .label = N_("Completed on"), .kind = FIELD_DATE,
			   .date_year = DATE_YEAR_LAST },
};

static const struct action form_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Save the volunteer (coordinators)."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the volunteer (coordinators)."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down; Enter on the last field saves, as Ctrl-S); Shift-Tab or Up goes back."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change a choice (also Left and Right), or open the list of a multiple choice (also Enter)."), ACTF_NOT_TYPING },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without saving; asks first if you changed anything."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

/* ---------- filling and reading ---------- */

static void fill(struct volunteer_form_state *st, const struct volunteer_record *v)
{
	struct form *f = &st->form;
	struct form_field *fl = st->fields;
	form_set_text(f, VF_NAME, v->name);
	form_set_text(f, VF_PHONE, v->phone);
	form_set_text(f, VF_EMAIL, v->email);
	form_set_text(f, VF_POSTCODE, v->postcode);
	form_set_text(f, VF_TOWN, v->town);
	fl[VF_ROLES].picked = v->roles;
	fl[VF_STATUS].choice = vocab_index(vocab_volunteer_status, v->status);
	char text[REG_MAX_LANGUAGES * REG_LANGUAGE];
	snprintf(text, sizeof text, "%d", v->capacity);
	form_set_text(f, VF_CAPACITY, text);
	fl[VF_INTERESTS].picked = form_multi_ticks(&fl[VF_INTERESTS], v->interests, v->ninterests);
	struct strbuf b = strbuf_on(text, sizeof text);
	for (int i = 0; i < v->nlanguages; i++)
		strbuf_item(&b, ", ", v->languages[i]);
	form_set_text(f, VF_LANGUAGES, text);
	b = strbuf_on(text, sizeof text);
	for (int i = 0; i < v->nareas; i++)
		strbuf_item(&b, " ", v->areas[i]);
	form_set_text(f, VF_AREAS, text);
	times_field_set(&fl[VF_TIMES], v->availability);
	fl[VF_GENDER].choice = vocab_index(vocab_gender, v->gender);
	text[0] = '\0';
	if (v->birth_year)
		snprintf(text, sizeof text, "%d", v->birth_year);
	form_set_text(f, VF_BIRTH_YEAR, text);
	form_set_text(f, VF_LIVED, v->lived_experience);
	for (int i = 0; i < FORM_COURSES; i++) {
		form_set_text(f, VF_COURSE1 + 2 * i, i < v->ncourses ? v->courses[i].course : "");
		form_set_date_iso(f, VF_COURSE1_ON + 2 * i, i < v->ncourses ? v->courses[i].completed_on : "");
	}
	f->dirty = false;
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

static void read_form(const struct volunteer_form_state *st, struct volunteer_record *v)
{
	const struct form *f = &st->form;
	const struct form_field *fl = st->fields;
	copy(v->name, sizeof v->name, form_text(f, VF_NAME));
	copy(v->phone, sizeof v->phone, form_text(f, VF_PHONE));
	copy(v->email, sizeof v->email, form_text(f, VF_EMAIL));
	copy(v->postcode, sizeof v->postcode, form_text(f, VF_POSTCODE));
	copy(v->town, sizeof v->town, form_text(f, VF_TOWN));
	v->roles = (unsigned)(fl[VF_ROLES].picked & ((1u << VOLUNTEER_ROLES) - 1));
	copy(v->status, sizeof v->status, vocab_volunteer_status[fl[VF_STATUS].choice].code);
	v->capacity = (int)form_number(f, VF_CAPACITY);
	v->ninterests = form_multi_ids(&fl[VF_INTERESTS], v->interests, CIT_MAX_PICKS);
	v->nlanguages = split_list(form_text(f, VF_LANGUAGES), false, v->languages, REG_MAX_LANGUAGES);
	char areas[REG_MAX_AREAS][REG_LANGUAGE];
	v->nareas = split_list(form_text(f, VF_AREAS), true, areas, REG_MAX_AREAS);
	for (int i = 0; i < v->nareas; i++)
		snprintf(v->areas[i], sizeof v->areas[i], "%.4s", areas[i]); /* checked: four digits */
	v->availability = times_field_get(&fl[VF_TIMES]);
	copy(v->gender, sizeof v->gender, vocab_gender[fl[VF_GENDER].choice].code);
	v->birth_year = (int)form_number(f, VF_BIRTH_YEAR);
	copy(v->lived_experience, sizeof v->lived_experience, form_text(f, VF_LIVED));
	/* Courses beyond the form's three are kept as they were. */
	struct volunteer_course extra[REG_MAX_COURSES];
	int nextra = 0;
	for (int i = FORM_COURSES; i < st->original.ncourses; i++)
		extra[nextra++] = st->original.courses[i];
	v->ncourses = 0;
	for (int i = 0; i < FORM_COURSES; i++) {
		const char *course = form_text(f, VF_COURSE1 + 2 * i);
		if (!course[0])
			continue;
		copy(v->courses[v->ncourses].course, sizeof v->courses[0].course, course);
		form_date_iso(f, VF_COURSE1_ON + 2 * i, v->courses[v->ncourses].completed_on);
		v->ncourses++;
	}
	for (int i = 0; i < nextra && v->ncourses < REG_MAX_COURSES; i++)
		v->courses[v->ncourses++] = extra[i];
}

/* ---------- the screen ---------- */

bool volunteer_form_open(struct app *app, const struct volunteer_form_args *args)
{
	return app_push(app, &volunteer_form_screen, args);
}

static bool vf_enter(struct screen *s, struct app *app, const void *args)
{
	long long id = ((const struct volunteer_form_args *)args)->id;
	struct volunteer_form_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->saved = ((const struct volunteer_form_args *)args)->saved;
	memcpy(st->fields, layout, sizeof layout);
	enum db_status r = picklist_field_load(&st->interests, app, "interests", &st->fields[VF_INTERESTS]);
	if (r == DB_OK && id)
		r = registry_volunteer(&app->desk, id, &st->original);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	for (int i = 0; i < VOLUNTEER_ROLES; i++)
		st->role_opts[i] = (struct form_option){ .id = i, .label = _(vocab_volunteer_role[i].label) };
	st->fields[VF_ROLES].options = st->role_opts;
	st->fields[VF_ROLES].noptions = VOLUNTEER_ROLES;
	times_field_init(&st->times, &st->fields[VF_TIMES]);
	form_init(&st->form, st->fields, VF_COUNT);
	st->town = (struct town_follows){ .postcode = VF_POSTCODE, .town = VF_TOWN };
	if (!id) {
		snprintf(st->original.status, sizeof st->original.status, "training");
		st->original.capacity = 1;
		/* Language names are the centre's data, in Danish, like the demo's. */
		snprintf(st->original.languages[0], sizeof st->original.languages[0], "dansk");
		st->original.nlanguages = 1;
	}
	st->expected_version = st->original.version;
	fill(st, &st->original);
	s->state = st;
	return true;
}

static void vf_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct volunteer_form_state *st = s->state;
	form_draw(&st->form, a);
}

static unsigned save(struct volunteer_form_state *st, struct app *app)
{
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	struct volunteer_record v = st->original;
	read_form(st, &v);
	for (int i = 0; i < v.ncourses; i++) {
		if (!v.courses[i].completed_on[0]) {
			app_status(app, STATUS_ERROR, _("When was '%s' completed? Write the date."), v.courses[i].course);
			return RD_ALL;
		}
	}
	long long id = 0;
	enum db_status r = registry_save_volunteer(&app->desk, &v, st->expected_version, &id);
	if (r == DB_ERR_CONFLICT) {
		struct volunteer_record now;
		if (registry_volunteer(&app->desk, v.id, &now) == DB_OK)
			st->expected_version = now.version;
		app_status(app, STATUS_ERROR, "%s",
			   _("Another desk saved this volunteer meanwhile. Ctrl-S saves yours over it; Esc keeps theirs."));
		return RD_ALL;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	st->form.dirty = false;
	if (st->saved)
		*st->saved = id ? id : v.id;
	int load = st->original.load;
	app_pop(app); /* st is gone */
	/* Fewer places than citizens now is allowed (the matches stay), but
	 * said: "4 af 2" in the list was a new user's puzzle. */
	if (v.id && load > v.capacity)
		app_status(app, STATUS_INFO,
			   P_("%s is saved. They support %d now, more than %d place: no new match until some end.",
			      "%s is saved. They support %d now, more than %d places: no new match until some end.",
			      v.capacity),
			   v.name, load, v.capacity);
	else
		app_status(app, STATUS_INFO, _("%s is saved."), v.name);
	return RD_ALL;
}

static unsigned vf_key(struct screen *s, struct app *app, ui_key key)
{
	struct volunteer_form_state *st = s->state;
	enum form_event ev;
	form_screen_town_before(&st->town, &st->form, key);
	unsigned r = form_key(&st->form, key, &ev);
	int cur = st->form.current;
	if (ev == FORM_PICK) {
		form_screen_pick(app, &st->form, cur == VF_INTERESTS ? picklist_field_add : NULL, &st->interests);
		return RD_ALL;
	}
	if (ev == FORM_CHANGED)
		form_screen_town_after(app, &st->town, &st->form);
	if (ev == FORM_SUBMIT)
		return save(st, app);
	return form_screen_key(app, &st->form, key, ev, r, _("Leave without saving your changes?"));
}

static bool volunteer_form_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct volunteer_form_state *)s->state)->form, key);
}

const struct screen_ops volunteer_form_screen = {
	.name = N_("Volunteer"),
	.help = N_("Everything about one volunteer. Matching uses the status (only active volunteers are "
		   "suggested), how many citizens they can support at once, their interests, languages, "
		   "the postcodes they cover and when they are free. Gender, age and lived experience are "
		   "only written down if the volunteer wants to tell. Ctrl-S saves."),
	.actions = form_actions,
	.writes = true,
	.enter = vf_enter,
	.draw = vf_draw,
	.on_key = vf_key,
	.typing = volunteer_form_typing,
	.leave = app_free_state,
};
