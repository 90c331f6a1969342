/* exchange_import.c — the import form and its report (exchange_import.h).
 *
 * The form takes the table, the file and its encoding; Ctrl-S checks the
 * file (a trial run: nothing is written) and shows the report: every
 * problem with its row and column, the rows skipped as someone already
 * on record, and what an import would add. While there are problems the
 * report only offers to check again (r) once the spreadsheet is fixed;
 * without, Ctrl-S imports, after asking. */
#include "exchange_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "draw.h"
#include "exchange.h"
#include "exchange_export.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"

enum { F_TABLE, F_FILE, F_ENCODING, F_COUNT };

static const struct vocab table_choices[] = {
	{ "citizens", N_("Citizens") },
	{ "volunteers", N_("Volunteers") },
	{ "activities", N_("Activities") },
	{ NULL, NULL },
};

static const struct vocab encoding_choices[] = {
	{ "auto", N_("Find it (UTF-8 or Windows-1252)") },
	{ "utf-8", N_("UTF-8") },
	{ "cp1252", N_("Windows-1252") },
	{ NULL, NULL },
};

/* What a check was asked for, kept by the report to check again. */
struct import_request {
	enum exchange_table table;
	enum csv_encoding encoding;
	char path[1200];
};

struct form_state {
	struct form_field fields[F_COUNT];
	struct form form;
};

static const struct action form_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Check"), N_("Read the file and say what is wrong with it; nothing is "
						     "imported yet."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Check"), N_("Read the file and say what is wrong with it; nothing is "
						     "imported yet."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down)."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change a choice (also Left and Right)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without importing."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

/* ---------- the report ---------- */

struct report_state {
	struct import_request req;
	struct exchange_report rep;
	char summary[2048];
	char heading[1400];
	int top;                      /* the first note shown */
	int page;                     /* notes on the last page drawn */
};

static const struct action report_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Import"), N_("Import the rows, when the file has no problems (asks first)."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Import"), N_("Import the rows, when the file has no problems (asks first)."),
	  ACTF_HIDDEN },
	{ ACT_RECOMPUTE, 'r', N_("Check again"), N_("Read the file again, after fixing it in the spreadsheet."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the choice of file."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

extern const struct screen_ops exchange_report_screen;

/* Reads the file and runs the import (a trial run, or for real): the
 * report, or false with the status line saying why there is none. */
static bool run(struct app *app, const struct import_request *q, bool dry_run, struct exchange_report *rep,
		enum db_status *st)
{
	char err[4400];
	size_t len;
	char *bytes = csv_load(q->path, &len, err, sizeof err);
	if (!bytes) {
		app_status(app, STATUS_ERROR, "%s", err);
		return false;
	}
	struct exchange_import req = { .table = q->table, .encoding = q->encoding, .dry_run = dry_run,
				       .source = q->path };
	*st = exchange_import(&app->desk, &req, bytes, len, rep);
	free(bytes);
	if (*st != DB_OK && *st != DB_ERR_INVALID) {
		exchange_report_free(rep);
		app_status_db(app, *st);
		return false;
	}
	return true;
}

static void describe(struct report_state *st)
{
	exchange_report_summary(&st->rep, true, st->summary, sizeof st->summary);
	const char *enc = st->rep.encoding == CSV_CP1252 ? "Windows-1252" : st->rep.encoding == CSV_UTF16 ? "UTF-16"
												    : "UTF-8";
	const char *sep = st->rep.separator == ';' ? ";" : st->rep.separator == ',' ? "," : _("tab");
	snprintf(st->heading, sizeof st->heading, _("%s, read as %s with %s between the columns."), st->req.path,
		 enc, sep);
}

static bool report_enter(struct screen *s, struct app *app, const void *args)
{
	(void)app;
	struct report_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	const struct report_state *from = args;
	st->req = from->req;
	st->rep = from->rep; /* taken over: freed on leaving */
	describe(st);
	s->state = st;
	return true;
}

static void report_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct report_state *st = s->state;
	if (st)
		exchange_report_free(&st->rep);
	free(st);
	s->state = NULL;
}

static void report_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct report_state *st = s->state;
	int y = a->top, bottom = a->top + a->rows;
	y += draw_wrapped(y, a->left + 1, bottom - y, a->cols - 2, st->heading, A_NORMAL);
	y += draw_wrapped(y, a->left + 1, bottom - y, a->cols - 2, st->summary, A_BOLD);
	if (y < bottom)
		y++;
	st->page = 0;
	for (int i = st->top; i < st->rep.nnotes && y < bottom; i++) {
		const struct exchange_note *n = &st->rep.notes[i];
		y += draw_wrapped(y, a->left + 1, bottom - y, a->cols - 2, n->text, n->problem ? A_NORMAL : A_DIM);
		st->page++;
	}
	if (st->top + st->page < st->rep.nnotes && bottom - 1 > a->top) {
		char more[64];
		snprintf(more, sizeof more, _("... %d more (Down, PgDn)"), st->rep.nnotes - st->top - st->page);
		draw_blank(bottom - 1, a->left, a->cols, A_NORMAL);
		draw_text(bottom - 1, a->left + 1, a->cols - 2, more, A_BOLD);
	}
}

static void imported_answered(struct app *app, void *ctx, int yes)
{
	struct report_state *st = ctx;
	if (!yes)
		return;
	struct exchange_report rep;
	enum db_status r;
	if (!run(app, &st->req, false, &rep, &r))
		return;
	if (r != DB_OK) {
		/* The file changed since the check: show what it says now. */
		exchange_report_free(&st->rep);
		st->rep = rep;
		st->top = 0;
		describe(st);
		app_status(app, STATUS_ERROR, "%s", _("The file has problems now: nothing was imported."));
		return;
	}
	int added = rep.added, skipped = rep.skipped;
	exchange_report_free(&rep);
	/* Back to the list the import was started from, which reads again. */
	app_pop(app);
	app_pop(app);
	app_status(app, STATUS_INFO, _("Imported: %d. Skipped, as already on record: %d."), added, skipped);
}

static unsigned report_key(struct screen *s, struct app *app, ui_key key)
{
	struct report_state *st = s->state;
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_SAVE: {
		if (st->rep.problems) {
			app_status(app, STATUS_ERROR, "%s", _("Fix the problems and save as CSV; then r checks again."));
			return RD_ALL;
		}
		if (st->rep.added == 0) {
			app_status(app, STATUS_ERROR, "%s", _("There is nothing new to import."));
			return RD_ALL;
		}
		char question[600];
		snprintf(question, sizeof question,
			 P_("Import %d row of %s now? Rows skipped stay out.", "Import %d rows of %s now? Rows skipped stay out.",
			    st->rep.added), st->rep.added, exchange_table_title(st->req.table));
		dialog_confirm(app, &(struct confirm_args){ .question = question, .done = imported_answered, .ctx = st });
		return RD_ALL;
	}
	case ACT_RECOMPUTE: {
		struct exchange_report rep;
		enum db_status r;
		if (!run(app, &st->req, true, &rep, &r))
			return RD_ALL;
		exchange_report_free(&st->rep);
		st->rep = rep;
		st->top = 0;
		describe(st);
		app_status(app, STATUS_INFO, "%s", _("Checked again."));
		return RD_ALL;
	}
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		break;
	}
	int n = st->rep.nnotes;
	if (key == UIK(KEY_DOWN) && st->top + st->page < n)
		st->top++;
	else if (key == UIK(KEY_UP) && st->top > 0)
		st->top--;
	else if (key == UIK(KEY_NPAGE) && st->top + st->page < n)
		st->top += st->page > 1 ? st->page - 1 : 1;
	else if (key == UIK(KEY_PPAGE))
		st->top = st->top > 5 ? st->top - 5 : 0;
	else if (key == UIK(KEY_HOME))
		st->top = 0;
	else
		return app_default_key(app, key);
	return RD_BODY;
}

const struct screen_ops exchange_report_screen = {
	.name = N_("What the file holds"),
	.help = N_("Every problem, with the row and column the spreadsheet shows (the heading is row 1). Nothing "
		   "is imported while there is one: fix the sheet, save it as CSV and press r. Rows of someone "
		   "already on record or earlier in the file (the same phone, or the same name and birth year) are "
		   "skipped and listed. With no problems, Ctrl-S imports the rest."),
	.actions = report_actions,
	.enter = report_enter,
	.draw = report_draw,
	.on_key = report_key,
	.leave = report_leave,
};

/* ---------- the form ---------- */

static bool form_enter(struct screen *s, struct app *app, const void *args)
{
	if (!desk_is_coordinator(&app->desk)) {
		app_status_db(app, DB_ERR_FORBIDDEN);
		return false;
	}
	const struct exchange_import_args *a = args;
	struct form_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->fields[F_TABLE] = (struct form_field){ .key = "table", .label = N_("What"), .kind = FIELD_CHOICE,
						   .choices = table_choices };
	st->fields[F_FILE] = (struct form_field){ .key = "file", .label = N_("File"), .kind = FIELD_TEXT,
						  .required = true, .max_chars = 1000 };
	st->fields[F_ENCODING] = (struct form_field){ .key = "encoding", .label = N_("Encoding"),
						      .kind = FIELD_CHOICE, .choices = encoding_choices };
	st->fields[F_TABLE].choice = a ? vocab_index(table_choices, exchange_table_name(a->table)) : 0;
	form_init(&st->form, st->fields, F_COUNT);
	char folder[1024];
	exchange_default_folder(folder, sizeof folder);
	form_set_text(&st->form, F_FILE, folder);
	st->form.current = F_FILE;
	st->form.dirty = false;
	s->state = st;
	return true;
}

static void form_draw_screen(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct form_state *st = s->state;
	form_draw(&st->form, a);
}

static unsigned check(struct form_state *st, struct app *app)
{
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	struct report_state first = { 0 };
	exchange_table_parse(table_choices[st->fields[F_TABLE].choice].code, &first.req.table);
	static const enum csv_encoding encodings[] = { CSV_AUTO, CSV_UTF8, CSV_CP1252 };
	first.req.encoding = encodings[st->fields[F_ENCODING].choice];
	snprintf(first.req.path, sizeof first.req.path, "%s", form_text(&st->form, F_FILE));
	enum db_status r;
	if (!run(app, &first.req, true, &first.rep, &r))
		return RD_ALL;
	if (!app_push(app, &exchange_report_screen, &first))
		exchange_report_free(&first.rep);
	return RD_ALL;
}

static unsigned form_key_screen(struct screen *s, struct app *app, ui_key key)
{
	struct form_state *st = s->state;
	if (key == UIK_ESC) {
		app_pop(app);
		return RD_ALL;
	}
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	if (ev == FORM_SUBMIT)
		return check(st, app);
	return form_screen_key(app, &st->form, key, ev, r, NULL);
}

static bool import_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct form_state *)s->state)->form, key);
}

const struct screen_ops exchange_import_screen = {
	.name = N_("Import from a spreadsheet"),
	.help = N_("Imports citizens, volunteers or activities from a spreadsheet saved as CSV (Excel: Save as, "
		   "CSV (semicolon separated)). Columns are found by their headings, Danish or English, in any "
		   "order; an unknown one is reported, not guessed. Citizens need a column with the day each gave "
		   "consent. Ctrl-S checks the file first; nothing is imported while it has problems. Coordinators "
		   "only; every check and import is in the audit log."),
	.actions = form_actions,
	.writes = true,
	.enter = form_enter,
	.draw = form_draw_screen,
	.on_key = form_key_screen,
	.typing = import_typing,
	.leave = app_free_state,
};

void exchange_import_open(struct app *app, const struct exchange_import_args *args)
{
	app_push(app, &exchange_import_screen, args);
}
