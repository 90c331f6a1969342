/* exchange_export.c — the export form (exchange_export.h): which table,
 * the file, the encoding and, for history, the period. Ctrl-S writes the
 * file; a value Windows-1252 cannot hold stops it, and the status line
 * says where and that UTF-8 will do. */
#include "exchange_export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "dialog.h"
#include "draw.h"
#include "exchange.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"
#include "strbuf.h"

enum { F_TABLE, F_FILE, F_ENCODING, F_FROM, F_TO, F_COUNT };

/* The codes are the tables' names on the command line. */
static const struct vocab table_choices[] = {
	{ "citizens", N_("Citizens") },
	{ "volunteers", N_("Volunteers") },
	{ "activities", N_("Activities") },
	{ "sessions", N_("Sessions") },
	{ "attendance", N_("Attendance") },
	{ "calls", N_("Follow-up calls") },
	{ "measures", N_("Measures") },
	{ NULL, NULL },
};

static const struct vocab encoding_choices[] = {
	{ "utf-8", N_("UTF-8 (Excel opens it with æøå)") },
	{ "cp1252", N_("Windows-1252 (older programs)") },
	{ NULL, NULL },
};

struct export_state {
	struct form_field fields[F_COUNT];
	struct form form;
	char suggested[1200];   /* the file name the form filled in */
	char problem[4400];     /* why the last try stopped, shown under the form */
};

static const struct action export_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Export"), N_("Write the file."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Export"), N_("Write the file."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down)."), 0 },
	{ ACT_OPEN, UIK_SPACE, N_("Change"), N_("Change a choice (also Left and Right)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without writing a file."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

void exchange_default_folder(char *out, size_t size)
{
	const char *home = getenv("HOME");
	if (home && *home)
		snprintf(out, size, "%s%s", home, home[strlen(home) - 1] == '/' ? "" : "/");
	else
		snprintf(out, size, "./");
}

static enum exchange_table chosen(const struct export_state *st)
{
	enum exchange_table t = EXCHANGE_CITIZENS;
	exchange_table_parse(table_choices[st->fields[F_TABLE].choice].code, &t);
	return t;
}

/* The suggested name follows the table, unless the desk wrote their own;
 * the period is there for the tables that have one. */
static void follow_table(struct export_state *st)
{
	enum exchange_table t = chosen(st);
	bool period = exchange_table_has_period(t);
	st->fields[F_FROM].hidden = !period;
	st->fields[F_TO].hidden = !period;
	if (strcmp(form_text(&st->form, F_FILE), st->suggested) == 0) {
		char folder[1024], name[128];
		exchange_default_folder(folder, sizeof folder);
		exchange_file_name(t, name, sizeof name);
		snprintf(st->suggested, sizeof st->suggested, "%s%s", folder, name);
		form_set_text(&st->form, F_FILE, st->suggested);
	}
}

/* A table the person signed in may not export: said as it is chosen,
 * not after the file is named. */
static void say_who_may(struct export_state *st, struct app *app)
{
	enum exchange_table t = chosen(st);
	if (exchange_export_allowed(&app->desk, t))
		return;
	/* The tables this person may export, as the use case knows them. */
	char may[200] = "";
	struct strbuf b = strbuf_on(may, sizeof may);
	for (int i = 0; i < EXCHANGE_TABLES; i++)
		if (exchange_export_allowed(&app->desk, (enum exchange_table)i))
			strbuf_item(&b, ", ", exchange_table_title((enum exchange_table)i));
	app_status(app, STATUS_INFO, _("%s: only a coordinator may export this table. You may export: %s."),
		   exchange_table_title(t), may);
}

static bool export_enter(struct screen *s, struct app *app, const void *args)
{
	(void)app;
	const struct exchange_export_args *a = args;
	struct export_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->fields[F_TABLE] = (struct form_field){ .key = "table", .label = N_("What"), .kind = FIELD_CHOICE,
						   .choices = table_choices };
	st->fields[F_FILE] = (struct form_field){ .key = "file", .label = N_("File"), .kind = FIELD_TEXT,
						  .required = true, .max_chars = 1000 };
	st->fields[F_ENCODING] = (struct form_field){ .key = "encoding", .label = N_("Encoding"),
						      .kind = FIELD_CHOICE, .choices = encoding_choices };
	st->fields[F_FROM] = (struct form_field){ .key = "from", .label = N_("From (empty: from the start)"),
						  .kind = FIELD_DATE, .date_year = DATE_YEAR_THIS };
	st->fields[F_TO] = (struct form_field){ .key = "to", .label = N_("To (empty: until today and on)"),
						.kind = FIELD_DATE, .date_year = DATE_YEAR_THIS };
	st->fields[F_TABLE].choice = a ? vocab_index(table_choices, exchange_table_name(a->table)) : 0;
	form_init(&st->form, st->fields, F_COUNT);
	follow_table(st);
	st->form.dirty = false;
	s->state = st;
	return true;
}

static void export_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct export_state *st = s->state;
	if (!st->problem[0] || a->rows < 10) {
		form_draw(&st->form, a);
		return;
	}
	/* The whole sentence, with the way out at its end, under the form. */
	struct area top = *a;
	top.rows -= 4;
	form_draw(&st->form, &top);
	draw_wrapped(a->top + a->rows - 3, a->left + 1, 3, a->cols - 2, st->problem, A_BOLD);
}

static void write_file(struct export_state *st, struct app *app)
{
	struct exchange_export req = {
		.table = chosen(st),
		.encoding = st->fields[F_ENCODING].choice == 1 ? CSV_CP1252 : CSV_UTF8,
		.destination = form_text(&st->form, F_FILE),
		.save_to = form_text(&st->form, F_FILE),
	};
	form_date_iso(&st->form, F_FROM, req.period.from);
	form_date_iso(&st->form, F_TO, req.period.to);
	if (!exchange_table_has_period(req.table))
		req.period = (struct exchange_period){ 0 };
	struct exchange_file file;
	enum db_status r = exchange_export(&app->desk, &req, &file);
	if (r == DB_ERR_INVALID && file.problem[0]) {
		/* The form stays, so UTF-8 is one key away. */
		st->form.current = F_ENCODING;
		snprintf(st->problem, sizeof st->problem, "%s", file.problem);
		app_status(app, STATUS_ERROR, "%s", _("Nothing was exported; see why below the form."));
		return;
	}
	st->problem[0] = '\0';
	if (r == DB_ERR_IO && file.problem[0]) {
		st->form.current = F_FILE;
		app_status(app, STATUS_ERROR, "%s", file.problem);
		return;
	}
	if (r != DB_OK) {
		app_status_db(app, r);
		return;
	}
	char path[1200];
	snprintf(path, sizeof path, "%s", form_text(&st->form, F_FILE));
	free(file.data);
	const char *title = exchange_table_title(req.table);
	int rows = file.rows;
	app_pop(app);
	app_status(app, STATUS_INFO, P_("%d row of %s written to %s (%s).", "%d rows of %s written to %s (%s).", rows),
		   rows, title, path, req.encoding == CSV_CP1252 ? "Windows-1252" : "UTF-8");
}

static void replace_answered(struct app *app, void *ctx, int yes)
{
	if (yes)
		write_file(ctx, app);
}

static unsigned save(struct export_state *st, struct app *app)
{
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	const char *path = form_text(&st->form, F_FILE);
	if (access(path, F_OK) == 0) {
		char question[1400];
		snprintf(question, sizeof question, _("%s is there already. Write over it?"), path);
		dialog_confirm(app, &(struct confirm_args){ .question = question, .done = replace_answered, .ctx = st });
		return RD_ALL;
	}
	write_file(st, app);
	return RD_ALL;
}

static unsigned export_key(struct screen *s, struct app *app, ui_key key)
{
	struct export_state *st = s->state;
	if (key == UIK_CTRL('s'))
		return save(st, app);
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	if (ev == FORM_SUBMIT)
		return save(st, app);
	if (ev == FORM_CHANGED && st->form.current == F_TABLE) {
		follow_table(st);
		say_who_may(st, app);
		r |= RD_BODY | RD_STATUS;
	}
	return form_screen_key(app, &st->form, key, ev, r, NULL);
}

static unsigned export_cancel_key(struct screen *s, struct app *app, ui_key key)
{
	if (key == UIK_ESC) {
		app_pop(app);
		return RD_ALL;
	}
	return export_key(s, app, key);
}

static bool export_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct export_state *)s->state)->form, key);
}

const struct screen_ops exchange_export_screen = {
	.name = N_("Export to a spreadsheet"),
	.help = N_("Writes a table as a CSV file Excel opens: ; between the columns, Danish headings, dates as "
		   "26-11-2026. UTF-8 keeps every letter; Windows-1252 is for older programs and stops at a name it "
		   "cannot hold, saying where. History can be limited to a period. The file holds personal data and "
		   "only you can read it: delete it when it has served. Every export is in the audit log; those "
		   "naming people are for coordinators."),
	.actions = export_actions,
	.enter = export_enter,
	.draw = export_draw,
	.on_key = export_cancel_key,
	.typing = export_typing,
	.leave = app_free_state,
};

void exchange_export_open(struct app *app, const struct exchange_export_args *args)
{
	if (app_push(app, &exchange_export_screen, args))
		say_who_may(app_top(app)->state, app);
}
