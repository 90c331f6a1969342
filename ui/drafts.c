/* drafts.c — the list of drafts (intakes, and card edits, call outcomes
 * and notes left at a stop): go on with one, or delete it. */
#include "drafts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "call_card.h"
#include "card.h"
#include "date.h"
#include "dialog.h"
#include "i18n.h"
#include "intake.h"
#include "intake_form.h"
#include "list.h"
#include "draw.h"
#include "utf8.h"
#include "vocab.h"

enum { DRAFTS_MAX = 200 };

struct drafts_state {
	struct draft drafts[DRAFTS_MAX];
	int n;
	struct list list;
	struct action now[4];      /* the keys that apply now */
};

static const struct action drafts_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Go on"), N_("Go on filling in the chosen draft."), 0 },
	{ ACT_DELETE, 'd', N_("Delete"), N_("Delete the chosen draft (asks first)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the home screen."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

/* With no draft, only Back. */
static bool drafts_hides(enum action_id id, const void *state, const struct app *app)
{
	(void)app;
	return id != ACT_BACK && ((const struct drafts_state *)state)->n == 0;
}

static const struct action *drafts_actions_now(const struct screen *s, const struct app *app)
{
	struct drafts_state *st = s->state;
	return st ? action_table_hiding(st->now, sizeof st->now / sizeof st->now[0], drafts_actions, drafts_hides, st,
					app)
		  : drafts_actions;
}

static int d_count(void *ctx)
{
	return ((struct drafts_state *)ctx)->n;
}

const char *drafts_kind_label(enum draft_kind kind)
{
	return _(vocab_draft_kind[kind].label);
}

int drafts_kind_columns(void)
{
	int cols = 0;
	for (int k = 0; vocab_draft_kind[k].code; k++) {
		const char *label = drafts_kind_label((enum draft_kind)k);
		int c = utf8_columns(label, strlen(label));
		cols = c > cols ? c : cols;
	}
	return cols;
}

static void d_row(void *ctx, int i, char *buf, size_t size)
{
	struct drafts_state *st = ctx;
	char when[32], kind[64];
	date_format_stamp(st->drafts[i].updated_at, when, sizeof when);
	text_pad(kind, sizeof kind, drafts_kind_label(st->drafts[i].kind), drafts_kind_columns());
	snprintf(buf, size, "%s  %s  %s", when, kind, st->drafts[i].label);
}

static bool reload(struct drafts_state *st, struct app *app)
{
	enum db_status r = intake_drafts(&app->desk, st->drafts, DRAFTS_MAX, &st->n);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	list_refresh(&st->list);
	return true;
}

static bool drafts_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct drafts_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	list_init(&st->list, (struct list_source){ .count = d_count, .row = d_row, .ctx = st },
		  _("There are no drafts."));
	st->list.esc_leaves = true;
	if (!reload(st, app)) {
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void drafts_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct drafts_state *st = s->state;
	list_draw(&st->list, a);
}

/* A draft opened and saved, or kept again, changes the list. */
static unsigned drafts_resume(struct screen *s, struct app *app)
{
	reload(s->state, app);
	return RD_ALL;
}

static void delete_answered(struct app *app, void *ctx, int yes)
{
	struct drafts_state *st = ctx;
	if (!yes || st->n == 0)
		return;
	enum db_status r = intake_draft_delete(&app->desk, st->drafts[st->list.selected].id);
	if (r != DB_OK)
		app_status_db(app, r);
	reload(st, app);
}

static unsigned drafts_key(struct screen *s, struct app *app, ui_key key)
{
	struct drafts_state *st = s->state;
	enum action_id act = action_for_key(s->ops->actions, key);
	if (act == ACT_OPEN && st->n > 0) {
		const struct draft *dr = &st->drafts[st->list.selected];
		if (dr->kind == DRAFT_CARD)
			card_open(app, &(struct card_args){ .citizen_id = dr->citizen_id, .edit = true });
		else if (dr->kind == DRAFT_CALL)
			call_card_open(app, &(struct call_card_args){ .call_id = dr->call_id, .record = true });
		else if (dr->kind == DRAFT_NOTE)
			card_open(app, &(struct card_args){ .citizen_id = dr->citizen_id, .note = true });
		else
			intake_open(app, &(struct intake_args){ .draft_id = dr->id });
		return RD_ALL;
	}
	if (act == ACT_DELETE && st->n > 0) {
		char q[CIT_NAME + 80];
		snprintf(q, sizeof q, _("Delete the draft \"%s\"?"), st->drafts[st->list.selected].label);
		dialog_confirm(app, &(struct confirm_args){ .question = q, .done = delete_answered, .ctx = st });
		return RD_ALL;
	}
	if (act == ACT_BACK) {
		app_pop(app);
		return RD_ALL;
	}
	enum list_event ev;
	bool used;
	unsigned r = list_key(&st->list, key, &ev, &used);
	return used ? r : app_default_key(app, key);
}

const struct screen_ops drafts_screen = {
	.name = N_("Drafts"),
	.help = N_("Intake forms you left before they were saved, and changes to a card, a call's outcome "
		   "or a note left unsaved when the program was stopped; nobody else sees them. Enter goes on with one; "
		   "saving it removes the draft."),
	.actions = drafts_actions,
	.actions_now = drafts_actions_now,
	.enter = drafts_enter,
	.draw = drafts_draw,
	.on_key = drafts_key,
	.resume = drafts_resume,
	.leave = app_free_state,
};

void drafts_open(struct app *app)
{
	app_push(app, &drafts_screen, NULL);
}
