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
#include "citizen_rules.h"
#include "citizens.h"
#include "draw.h"
#include "exchange_export.h"
#include "exchange_import.h"
#include "i18n.h"
#include "list.h"
#include "phone.h"

enum { MAX_HITS = 2000 };

struct citizens_state {
	struct citizen_hits hits;
	struct list list;
	int name_cols;
};

static const struct action citizens_actions[] = {
	{ ACT_OPEN, UIK_ENTER, N_("Open"), N_("Open the chosen citizen's card."), 0 },
	{ ACT_TOGGLE, UIK_TAB, N_("Sort"), N_("Sort the list by family name, or back by first name."), 0 },
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
	char name[CIT_NAME + 64], shown[CIT_NAME + 8], year[16] = "", phone[64], place[CIT_TOWN + 16];
	/* Sorted by family name, the family name comes first, so the order
	 * can be seen; the birth year and postcode tell namesakes apart. */
	if (st->hits.order == CITIZEN_ORDER_FAMILY)
		citizen_rule_family_first(h->name, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s", h->name);
	text_pad(name, sizeof name, shown, st->name_cols);
	if (h->birth_year)
		snprintf(year, sizeof year, "%d", h->birth_year);
	char dial[PHONE_SHOWN_MAX];
	phone_shown(h->phone, dial, sizeof dial);
	text_pad(phone, sizeof phone, dial, 12);
	snprintf(place, sizeof place, "%s %s", h->postcode, h->town);
	snprintf(buf, size, "%s %4s  %s %s%s", name, year, phone, place,
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
		.count = cs_count, .row = cs_row, .filter = cs_filter, .ctx = st }, "");
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
	st->name_cols = a->cols >= 100 ? 40 : a->cols >= 60 ? 26 : a->cols / 2 - 4;
	st->list.empty = citizen_hits_empty(&st->hits, _("No citizens yet. Register the first with 1 on the home screen."));
	/* Digits typed find a phone or a postcode: no spelling to check. */
	st->list.no_match = citizen_hits_empty(
		&st->hits, citizens_search_is_phone(st->hits.query)
				   ? _("No phone number or postcode matches. Check the digits.")
				   : _("No citizen matches. Check the spelling, or search for the phone number."));
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
	if (key == UIK_TAB) {
		st->hits.order = st->hits.order == CITIZEN_ORDER_FIRST ? CITIZEN_ORDER_FAMILY : CITIZEN_ORDER_FIRST;
		citizen_hits_search(&st->hits, st->hits.query);
		st->list.selected = 0;
		st->list.top = 0;
		app_status(app, STATUS_INFO, st->hits.order == CITIZEN_ORDER_FAMILY ? _("Sorted by family name.")
										     : _("Sorted by first name."));
		return RD_ALL;
	}
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

/* Another desk registered, renamed or ended someone: the list reads
 * again and the highlight stays on the same citizen. */
static unsigned citizens_refresh(struct screen *s, struct app *app)
{
	(void)app;
	struct citizens_state *st = s->state;
	int sel = st->list.selected;
	long long id = sel < st->hits.count ? st->hits.rows[sel].id : 0;
	citizen_hits_again(&st->hits);
	int at = id ? citizen_hits_find(&st->hits, id) : -1;
	if (at >= 0)
		st->list.selected = at;
	list_refresh(&st->list);
	return RD_BODY;
}

const struct screen_ops citizens_screen = {
	.name = N_("Citizens"),
	.help = N_("Type to search: the start of a name, a birth year, a postcode or an e-mail, or any digits "
		   "of a phone number (\"22 81 02 92\", the last four). Names that start as typed come first, "
		   "then the Danish way: 'soeren' finds Søren, 'aa' finds å. Tab sorts by family name or first "
		   "name. Enter opens the card, Esc clears the search."),
	.actions = citizens_actions,
	.enter = citizens_enter,
	.draw = citizens_draw,
	.on_key = citizens_key,
	.resume = citizens_resume,
	.others_changed = citizens_refresh,
	.leave = citizens_leave,
};

void citizens_open(struct app *app)
{
	app_push(app, &citizens_screen, NULL);
}
