/* matching_wishes.c — a citizen's wishes about the volunteer (gender,
 * age, lived experience) and their language, which the score uses. They
 * are asked at matching, where they matter, and kept on the citizen. */
#include "matching_waiting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"
#include "vocab.h"

enum { W_HEADING, W_GENDER, W_AGE, W_LIVED, W_LANGUAGE, W_COUNT };

struct wishes_state {
	long long citizen_id;
	struct form_field fields[W_COUNT];
	struct form form;
};

extern const struct screen_ops matching_wishes_screen;

static const struct form_field layout[W_COUNT] = {
	[W_HEADING] = { .label = N_("What the citizen wishes for"), .kind = FIELD_HEADING },
	[W_GENDER] = { .key = "gender", .label = N_("Volunteer's gender"), .kind = FIELD_CHOICE,
		       .choices = vocab_wished_gender },
	[W_AGE] = { .key = "age", .label = N_("Volunteer's age"), .kind = FIELD_CHOICE, .choices = vocab_wished_age },
	[W_LIVED] = { .key = "lived", .label = N_("Lived experience"), .kind = FIELD_YESNO },
	[W_LANGUAGE] = { .key = "language", .label = N_("Language, if not Danish"), .kind = FIELD_TEXT,
			 .max_chars = 40 },
};

static const struct action wishes_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Save the wishes; the lists are ranked again."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the wishes; the lists are ranked again."), ACTF_HIDDEN },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change a choice (also the arrow keys)."), ACTF_NOT_TYPING },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without saving; asks first if you changed anything."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

void matching_wishes_open(struct app *app, const struct matching_wishes_args *args)
{
	app_push(app, &matching_wishes_screen, args);
}

static bool wishes_enter(struct screen *s, struct app *app, const void *args)
{
	struct wishes_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->citizen_id = ((const struct matching_wishes_args *)args)->citizen_id;
	struct match_wishes w;
	enum db_status r = matching_wishes(&app->desk, st->citizen_id, &w);
	if (r != DB_OK) {
		app_status_db(app, r);
		free(st);
		return false;
	}
	memcpy(st->fields, layout, sizeof layout);
	form_init(&st->form, st->fields, W_COUNT);
	st->fields[W_GENDER].choice = vocab_index(vocab_wished_gender, w.pref_gender);
	st->fields[W_AGE].choice = vocab_index(vocab_wished_age, w.pref_age);
	st->fields[W_LIVED].choice = w.pref_lived_experience;
	form_set_text(&st->form, W_LANGUAGE, w.language);
	st->form.dirty = false;
	s->state = st;
	return true;
}

static void wishes_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct wishes_state *st = s->state;
	form_draw(&st->form, a);
}

static unsigned save(struct wishes_state *st, struct app *app)
{
	struct match_wishes w;
	memset(&w, 0, sizeof w);
	snprintf(w.pref_gender, sizeof w.pref_gender, "%s", vocab_wished_gender[st->fields[W_GENDER].choice].code);
	snprintf(w.pref_age, sizeof w.pref_age, "%s", vocab_wished_age[st->fields[W_AGE].choice].code);
	w.pref_lived_experience = st->fields[W_LIVED].choice != 0;
	snprintf(w.language, sizeof w.language, "%s", form_text(&st->form, W_LANGUAGE));
	enum db_status r = matching_set_wishes(&app->desk, st->citizen_id, &w);
	if (r != DB_OK) {
		app_status_db(app, r);
		return RD_ALL;
	}
	app_pop(app);
	app_status(app, STATUS_INFO, "%s", _("The wishes are saved and the lists ranked again."));
	return RD_ALL;
}

static unsigned wishes_key(struct screen *s, struct app *app, ui_key key)
{
	struct wishes_state *st = s->state;
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	if (ev == FORM_SUBMIT)
		return save(st, app);
	return form_screen_key(app, &st->form, key, ev, r, _("Leave without saving your changes?"));
}

static bool matching_wishes_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct wishes_state *)s->state)->form, key);
}

const struct screen_ops matching_wishes_screen = {
	.name = N_("Wishes for matching"),
	.help = N_("What the citizen wishes for in a volunteer: a woman or a man, someone close to their own "
		   "age, younger or older, and someone with lived experience. A wish that is met adds "
		   "points, one that is not takes some away. The language counts when it is not Danish."),
	.actions = wishes_actions,
	.writes = true,
	.enter = wishes_enter,
	.draw = wishes_draw,
	.on_key = wishes_key,
	.typing = matching_wishes_typing,
	.leave = app_free_state,
};
