/* report_screen.c — home key 6: the funders' report on the screen for a
 * chosen period, in the text format with exact numbers (the coordinator's
 * own view), and any format written to a file. The report is computed
 * when the screen opens and when the period changes, never while
 * drawing. */
#include "report_screen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "date.h"
#include "dialog.h"
#include "draw.h"
#include "i18n.h"
#include "report.h"
#include "report_render.h"
#include "report_rules.h"

struct report_state {
	struct app *app;
	struct report_period period;
	char *text;                   /* the text format, lines ended by '\n' */
	size_t len;
	size_t *lines;                /* where each line starts */
	int nlines;
	int top, page_rows;
	char from_typed[32];          /* while the period is asked for */
	enum report_format writing;   /* while the file name is asked for */
	char file[512];               /* the file named, while asked whether to write over it */
};

extern const struct screen_ops report_screen;

static const struct action report_actions[] = {
	{ ACT_PERIOD, 'd', N_("Period"), N_("Choose the period: the first and the last day (e.g. 01-01-2026)."), 0 },
	{ ACT_WRITE_FILE, 'w', N_("Write file"), N_("Write the report to a file as text, CSV (for Excel) or HTML (to print "
					       "or send a funder). Files hold \"< 5\" for small counts of citizens."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Back to the home screen."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void forget_text(struct report_state *st)
{
	free(st->text);
	free(st->lines);
	st->text = NULL;
	st->lines = NULL;
	st->len = 0;
	st->nlines = 0;
}

/* Computes the report for the period and lays out its text. */
static bool load(struct report_state *st)
{
	struct report rep;
	enum db_status r = report_make(&st->app->desk, &st->period, REPORT_SHOWN, &rep);
	if (r != DB_OK) {
		report_free(&rep);
		app_status_db(st->app, r);
		return false;
	}
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	bool ok = mem && report_write(&rep, REPORT_TEXT, true, mem);
	if (mem)
		ok = fclose(mem) == 0 && ok;
	report_free(&rep);
	size_t *lines = NULL;
	int n = 0;
	if (ok) {
		for (size_t i = 0; i < len; i++)
			n += text[i] == '\n';
		lines = malloc(((size_t)n + 1) * sizeof *lines);
		ok = lines != NULL;
	}
	if (!ok) {
		free(text);
		app_status_db(st->app, DB_ERR_IO);
		return false;
	}
	forget_text(st);
	st->text = text;
	st->len = len;
	st->lines = lines;
	st->nlines = 0;
	size_t start = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n') {
			text[i] = '\0';
			st->lines[st->nlines++] = start;
			start = i + 1;
		}
	st->top = 0;
	return true;
}

static bool report_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	/* Said before a year is counted, not after. */
	if (!desk_is_coordinator(&app->desk)) {
		app_status_db(app, DB_ERR_FORBIDDEN);
		return false;
	}
	struct report_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->app = app;
	st->period = report_default_period(date_today());
	st->page_rows = 10;
	if (!load(st)) {
		free(st);
		return false;
	}
	s->state = st;
	return true;
}

static void report_leave(struct screen *s, struct app *app)
{
	(void)app;
	struct report_state *st = s->state;
	forget_text(st);
	free(st);
	s->state = NULL;
}

static void report_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct report_state *st = s->state;
	char from[16], to[16], line[200];
	struct date d;
	date_parse_iso(st->period.from, &d);
	date_format_dk(d, from, sizeof from);
	date_parse_iso(st->period.to, &d);
	date_format_dk(d, to, sizeof to);
	snprintf(line, sizeof line, _("Period %s to %s (exact numbers, for you only)"), from, to);
	draw_text(a->top, a->left, a->cols, line, A_BOLD);
	int rows = a->rows - 1;
	st->page_rows = rows > 1 ? rows : 1;
	if (st->top > st->nlines - rows)
		st->top = st->nlines - rows;
	if (st->top < 0)
		st->top = 0;
	for (int r = 0; r < rows && st->top + r < st->nlines; r++)
		draw_text(a->top + 1 + r, a->left, a->cols, st->text + st->lines[st->top + r], A_NORMAL);
	if (st->top > 0)
		draw_text(a->top + 1, a->left + a->cols - 1, 1, "^", A_BOLD);
	if (st->top + rows < st->nlines)
		draw_text(a->top + rows, a->left + a->cols - 1, 1, "v", A_BOLD);
}

/* ---------- the period ---------- */

static const char *last_day_question(void)
{
	return _("Last day of the period (e.g. 31-12-2026; empty: today):");
}

static void to_typed(struct app *app, void *ctx, const char *text)
{
	struct report_state *st = ctx;
	if (!text)
		return;
	char err[300];
	struct report_period p;
	if (!report_period_parse(st->from_typed[0] ? st->from_typed : NULL, text[0] ? text : NULL, date_today(), &p,
				 err, sizeof err)) {
		/* Asked again with what was typed, the first day kept. */
		char question[600];
		snprintf(question, sizeof question, "%s %s", err, last_day_question());
		dialog_prompt(app, &(struct prompt_args){
			.question = question, .initial = text, .max_chars = 20, .done = to_typed, .ctx = st });
		return;
	}
	struct report_period was = st->period;
	st->period = p;
	if (!load(st)) {
		st->period = was;
		return;
	}
	app_status(app, STATUS_INFO, "%s", _("The report is counted for the new period."));
}

static const char *first_day_question(void)
{
	return _("First day of the period (e.g. 01-01-2026; empty: 1 January this year):");
}

static void from_typed(struct app *app, void *ctx, const char *text)
{
	struct report_state *st = ctx;
	if (!text)
		return;
	/* A first day that is no date is said at once and asked again, not
	 * after the last day has been typed too. */
	char err[300];
	struct report_period p;
	if (text[0] && !report_period_parse(text, NULL, date_today(), &p, err, sizeof err)) {
		char question[600];
		snprintf(question, sizeof question, "%s %s", err, first_day_question());
		dialog_prompt(app, &(struct prompt_args){
			.question = question, .initial = text, .max_chars = 20, .done = from_typed, .ctx = st });
		return;
	}
	snprintf(st->from_typed, sizeof st->from_typed, "%s", text);
	dialog_prompt(app, &(struct prompt_args){ .question = last_day_question(), .max_chars = 20, .done = to_typed,
		.ctx = st });
}

/* ---------- writing a file ---------- */

static void default_name(const struct report_state *st, enum report_format f, char *out, size_t size)
{
	/* TRANSLATORS: the report's file name; the period's first and last day and the format follow. */
	snprintf(out, size, _("report-%s-%s.%s"), st->period.from, st->period.to,
		 f == REPORT_TEXT ? "txt" : report_format_name(f));
}

/* Writes the report to st->file in st->writing. */
static void write_report(struct report_state *st, struct app *app)
{
	const char *name = st->file;
	struct report rep;
	enum db_status r = report_make(&app->desk, &st->period, report_written_as(st->writing), &rep);
	if (r != DB_OK) {
		report_free(&rep);
		app_status_db(app, r);
		return;
	}
	FILE *f = report_file_create(name);
	bool ok = f && report_write(&rep, st->writing, false, f);
	if (f)
		ok = fclose(f) == 0 && ok;
	report_free(&rep);
	if (!ok) {
		app_status(app, STATUS_ERROR, _("The report could not be written to %s: %s"), name, strerror(errno));
		return;
	}
	char cwd[2048], where[2600];
	if (name[0] != '/' && getcwd(cwd, sizeof cwd))
		snprintf(where, sizeof where, "%s/%s", cwd, name);
	else
		snprintf(where, sizeof where, "%s", name);
	static const char *const as[] = { N_("text"), N_("CSV"), N_("HTML") };
	app_status(app, STATUS_INFO, _("The report is written to %s (%s)."), where, _(as[st->writing]));
}

static void replace_answered(struct app *app, void *ctx, int yes)
{
	if (yes == 1)
		write_report(ctx, app);
}

static void name_typed(struct app *app, void *ctx, const char *text)
{
	struct report_state *st = ctx;
	if (!text)
		return;
	if (text[0])
		snprintf(st->file, sizeof st->file, "%s", text);
	else
		default_name(st, st->writing, st->file, sizeof st->file);
	/* A name that says its format (rapport.csv) is written so, whatever
	 * was chosen before it. */
	report_format_of_file(st->file, &st->writing);
	struct stat sb;
	if (stat(st->file, &sb) == 0 && S_ISREG(sb.st_mode)) {
		char question[700];
		snprintf(question, sizeof question, _("%s is there already. Write over it?"), st->file);
		dialog_confirm(app, &(struct confirm_args){ .question = question, .done = replace_answered, .ctx = st });
		return;
	}
	write_report(st, app);
}

static void format_chosen(struct app *app, void *ctx, int choice)
{
	struct report_state *st = ctx;
	if (choice < 0)
		return;
	st->writing = (enum report_format)choice;
	char name[300], question[400];
	default_name(st, st->writing, name, sizeof name);
	snprintf(question, sizeof question, _("File name (empty: %s):"), name);
	dialog_prompt(app, &(struct prompt_args){ .question = question, .max_chars = 200, .done = name_typed,
		.ctx = st });
}

static unsigned report_key(struct screen *s, struct app *app, ui_key key)
{
	struct report_state *st = s->state;
	switch (key) {
	case UIK(KEY_UP):
		st->top--;
		return RD_BODY;
	case UIK(KEY_DOWN):
		st->top++;
		return RD_BODY;
	case UIK(KEY_PPAGE):
		st->top -= st->page_rows;
		return RD_BODY;
	case UIK(KEY_NPAGE):
	case UIK_SPACE:
		st->top += st->page_rows;
		return RD_BODY;
	case UIK(KEY_HOME):
		st->top = 0;
		return RD_BODY;
	case UIK(KEY_END):
		st->top = st->nlines;
		return RD_BODY;
	default:
		break;
	}
	switch (action_for_key(s->ops->actions, key)) {
	case ACT_PERIOD:
		st->from_typed[0] = '\0';
		dialog_prompt(app, &(struct prompt_args){
			.question = first_day_question(),
			.max_chars = 20, .done = from_typed, .ctx = st });
		return RD_ALL;
	case ACT_WRITE_FILE: {
		static const char *labels[3];
		labels[0] = _("Text");
		labels[1] = _("CSV for Excel");
		labels[2] = _("HTML to print");
		dialog_choose(app, &(struct choose_args){ .question = _("Write the report as:"), .labels = labels, .n = 3,
			.done = format_chosen, .ctx = st });
		return RD_ALL;
	}
	case ACT_BACK:
		app_pop(app);
		return RD_ALL;
	default:
		return app_default_key(app, key);
	}
}

void report_open(struct app *app)
{
	app_push(app, &report_screen, NULL);
}

const struct screen_ops report_screen = {
	.name = N_("Reports"),
	.help = N_("The numbers that show a funder what the centre achieved, for a period: volunteers and the hours "
		   "they gave, citizens referred and supported, attendance per activity and month, wellbeing and "
		   "loneliness before and after, follow-up, and wishes no activity meets. The screen shows exact "
		   "numbers to the coordinator; files for others show a count of citizens below 5 as \"< 5\". "
		   "Up, Down, PgUp, PgDn and Space scroll."),
	.actions = report_actions,
	.enter = report_enter,
	.draw = report_draw,
	.on_key = report_key,
	.leave = report_leave,
};
