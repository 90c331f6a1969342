/* citizen_search.c — the citizen search (home key 2). Typing goes straight into
 * the search; every key asks the database for the first screenful, and
 * scrolling fetches more. */
#include "citizen_search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "card.h"
#include "citizen_hits.h"
#include "draw.h"
#include "exchange_export.h"
#include "exchange_import.h"
#include "i18n.h"
#include "list.h"

enum { MAX_HITS = 2000 };

struct citizens_state {
	struct citizen_hits hits;
	struct list list;
	int name_cols;
};

static const struct action citizens_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Open"), N_("Open the chosen citizen's card."), 0 },
	{ ACT_SEARCH, '/', N_("Search"), N_("Type any part of a name, a phone number, a postcode or an e-mail; "
					   "'soren' finds Søren and 'aa' finds å."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Clear the search, or go back when it is empty."), 0 },
	/* Letters go into the search here, so these two are Ctrl keys. */
	{ ACT_EXPORT, UIK_CTRL('x'), N_("Export"), N_("Write the citizens to a CSV file for Excel (coordinators)."), 0 },
	{ ACT_IMPORT, UIK_CTRL('r'), N_("Import"), N_("Import citizens from a spreadsheet saved as CSV (coordinators)."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static int cs_count(void *ctx)
{
	return ((struct citizens_state *)ctx)->hits.count;
}

static void cs_row(void *ctx, int i, char *buf, size_t size)
{
	struct citizens_state *st = ctx;
	const struct citizen_hit *h = citizen_hits_row(&st->hits, i);
	char name[CIT_NAME + 64], phone[64], place[CIT_TOWN + 16];
	text_pad(name, sizeof name, h->name, st->name_cols);
	text_pad(phone, sizeof phone, h->phone, 14);
	snprintf(place, sizeof place, "%s %s", h->postcode, h->town);
	snprintf(buf, size, "%s %s %s%s", name, phone, place,
		 strcmp(h->status, "ended") == 0 ? _("  (ended)") : "");
}

static void cs_filter(void *ctx, const char *query)
{
	struct citizens_state *st = ctx;
	citizen_hits_search(&st->hits, query);
}

static bool citizens_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct citizens_state *st = calloc(1, sizeof *st);
	if (!st || !citizen_hits_init(&st->hits, app, MAX_HITS)) {
		free(st);
		return false;
	}
	st->name_cols = 30;
	list_init(&st->list, (struct list_source){
		.count = cs_count, .row = cs_row, .filter = cs_filter, .ctx = st },
		_("No citizens yet. Register the first with 1 on the home screen."));
	st->list.no_match = _("No citizen matches. Check the spelling, or search for the phone number.");
	st->list.searching = true;
	citizen_hits_search(&st->hits, "");
	s->state = st;
	return true;
}

static void citizens_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct citizens_state *st = s->state;
	citizen_hits_free(&st->hits);
	free(st);
	s->state = NULL;
}

static void citizens_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct citizens_state *st = s->state;
	st->name_cols = a->cols >= 100 ? 40 : a->cols >= 60 ? 26 : a->cols / 2;
	/* The search line stays in place even when the query is empty. */
	st->list.searching = true;
	list_draw(&st->list, a);
}

static unsigned citizens_key(struct screen *s, struct app *app, ui_key key)
{
	struct citizens_state *st = s->state;
	/* Names, phones and e-mails never hold ? or /, so here they keep
	 * their meaning everywhere else: help, and search (already on). */
	if (key == '?')
		return app_default_key(app, key);
	if (key == '/')
		return RD_NONE;
	if (key == UIK_ESC && !st->list.query.len) {
		app_pop(app);
		return RD_ALL;
	}
	switch (action_for_key(citizens_actions, key)) {
	case ACT_EXPORT:
		/* Said at once, not after a form nobody may use. */
		if (!desk_is_coordinator(&app->desk))
			app_status_db(app, DB_ERR_FORBIDDEN);
		else
			exchange_export_open(app, &(struct exchange_export_args){ .table = EXCHANGE_CITIZENS });
		return RD_ALL;
	case ACT_IMPORT:
		exchange_import_open(app, &(struct exchange_import_args){ .table = EXCHANGE_CITIZENS });
		return RD_ALL;
	default:
		break;
	}
	enum list_event ev;
	bool used;
	unsigned r = list_key(&st->list, key, &ev, &used);
	if (ev == LIST_ACTIVATE) {
		card_open(app, &(struct card_args){ .citizen_id = st->hits.rows[st->list.selected].id });
		return RD_ALL;
	}
	if (used)
		return r;
	return app_default_key(app, key);
}

/* Back from a card or an import: the list reads again. */
static unsigned citizens_resume(struct screen *s, struct app *app)
{
	(void)app;
	struct citizens_state *st = s->state;
	citizen_hits_search(&st->hits, st->list.query.text);
	list_refresh(&st->list);
	return RD_BODY;
}

const struct screen_ops citizens_screen = {
	.name = N_("Citizens"),
	.help = N_("Type to search: any part of a name, a phone number, a postcode or an e-mail. Letters "
		   "are matched the Danish way: 'soren' finds Søren, 'aa' finds å. Up and Down choose, "
		   "Enter opens the card, Esc clears the search."),
	.actions = citizens_actions,
	.enter = citizens_enter,
	.draw = citizens_draw,
	.on_key = citizens_key,
	.resume = citizens_resume,
	.leave = citizens_leave,
};

void citizens_open(struct app *app)
{
	app_push(app, &citizens_screen, NULL);
}
