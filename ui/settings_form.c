/* settings_form.c — the centre's name, the idle-lock minutes, when a
 * citizen without contact gets a call (src/call_rules.h), and the
 * centre's time zone. */
#include "settings_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "form.h"
#include "form_screen.h"
#include "i18n.h"
#include "retention.h"
#include "settings.h"
#include "strbuf.h"

enum {
	F_CENTRE, F_IDLE, F_NO_CONTACT_WEEKS, F_NO_CONTACT_PER_DAY, F_TIME_ZONE,
	F_H_RETENTION, F_RETENTION_COURSE, F_RETENTION_REFERRAL, F_RETENTION_AUDIT, F_COUNT
};

struct settings_state {
	struct form_field fields[F_COUNT];
	struct form form;
	/* What the retention rule would do with the months on the form. */
	bool have_preview;
	struct retention_result preview;
};

extern const struct screen_ops settings_screen;

static const struct action settings_actions[] = {
	{ ACT_SAVE, UIK_CTRL('s'), N_("Save"), N_("Save the settings."), 0 },
	{ ACT_SAVE, UIK(KEY_F(10)), N_("Save"), N_("Save the settings."), ACTF_HIDDEN },
	{ ACT_NEXT_FIELD, UIK_TAB, N_("Next"), N_("Go to the next field (also Enter and Down)."), 0 },
	{ ACT_BACK, UIK_ESC, N_("Back"), N_("Leave without saving; asks first if you changed anything."), 0 },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static void set_number(struct form *f, int i, int value)
{
	char v[16];
	snprintf(v, sizeof v, "%d", value);
	form_set_text(f, i, v);
}

static bool zone_check(const struct form_field *fld, char *err, size_t size)
{
	if (settings_time_zone_ok(fld->edit.text))
		return true;
	snprintf(err, size, "%s", _("This PC does not know that time zone. Write it as in the tz database, "
				    "e.g. Europe/Copenhagen, Atlantic/Faroe or America/Nuuk."));
	return false;
}

static bool in_range(const struct form *f, int i)
{
	const char *t = form_text(f, i);
	long v = form_number(f, i);
	return t[0] && v >= f->fields[i].min && v <= f->fields[i].max;
}

/* Reads what the retention rule would do with the months on the form
 * (the preview line under it); nothing when one of them is not valid. */
static void preview(struct settings_state *st, struct app *app)
{
	st->have_preview = false;
	if (!in_range(&st->form, F_RETENTION_COURSE) || !in_range(&st->form, F_RETENTION_REFERRAL)
	    || !in_range(&st->form, F_RETENTION_AUDIT))
		return;
	struct retention_settings rs = {
		.course_months = (int)form_number(&st->form, F_RETENTION_COURSE),
		.referral_months = (int)form_number(&st->form, F_RETENTION_REFERRAL),
		.audit_months = (int)form_number(&st->form, F_RETENTION_AUDIT),
	};
	enum db_status r = retention_preview(&app->desk, &rs, date_today(), &st->preview);
	if (r != DB_OK)
		app_status_db(app, r);
	st->have_preview = r == DB_OK;
}

static bool settings_enter(struct screen *s, struct app *app, const void *args)
{
	(void)args;
	struct centre_settings cs;
	enum db_status r = settings_for_edit(&app->desk, &cs);
	if (r != DB_OK) {
		app_status_db(app, r);
		return false;
	}
	struct settings_state *st = calloc(1, sizeof *st);
	if (!st)
		return false;
	st->fields[F_CENTRE] = (struct form_field){
		.label = N_("Centre name"), .kind = FIELD_TEXT, .required = true, .max_chars = CENTRE_NAME_CHARS };
	st->fields[F_IDLE] = (struct form_field){
		.label = N_("Lock the screen after (idle minutes)"), .kind = FIELD_NUMBER, .required = true,
		.min = IDLE_MINUTES_MIN, .max = IDLE_MINUTES_MAX };
	st->fields[F_NO_CONTACT_WEEKS] = (struct form_field){
		.label = N_("Call after no contact for (weeks)"), .kind = FIELD_NUMBER, .required = true,
		.min = NO_CONTACT_WEEKS_MIN, .max = NO_CONTACT_WEEKS_MAX };
	st->fields[F_NO_CONTACT_PER_DAY] = (struct form_field){
		.label = N_("Of those calls, at most a day"), .kind = FIELD_NUMBER, .required = true,
		.min = NO_CONTACT_PER_DAY_MIN, .max = NO_CONTACT_PER_DAY_MAX };
	st->fields[F_TIME_ZONE] = (struct form_field){
		.label = N_("Time zone"), .kind = FIELD_TEXT, .max_chars = TIME_ZONE_CHARS, .check = zone_check };
	st->fields[F_H_RETENTION] = (struct form_field){ .label = N_("What is kept, and for how long"),
		.kind = FIELD_HEADING };
	st->fields[F_RETENTION_COURSE] = (struct form_field){
		.label = N_("Anonymise after course end (months)"), .kind = FIELD_NUMBER,
		.required = true, .min = RETENTION_MONTHS_MIN, .max = RETENTION_MONTHS_MAX };
	st->fields[F_RETENTION_REFERRAL] = (struct form_field){
		.label = N_("or referral not followed up (months)"), .kind = FIELD_NUMBER,
		.required = true, .min = RETENTION_MONTHS_MIN, .max = RETENTION_MONTHS_MAX };
	st->fields[F_RETENTION_AUDIT] = (struct form_field){
		.label = N_("Remove audit log entries after (months)"), .kind = FIELD_NUMBER, .required = true,
		.min = RETENTION_AUDIT_MONTHS_MIN, .max = RETENTION_MONTHS_MAX };
	form_init(&st->form, st->fields, F_COUNT);
	form_set_text(&st->form, F_CENTRE, cs.centre_name);
	set_number(&st->form, F_IDLE, cs.idle_lock_minutes);
	set_number(&st->form, F_NO_CONTACT_WEEKS, cs.no_contact_weeks);
	set_number(&st->form, F_NO_CONTACT_PER_DAY, cs.no_contact_per_day);
	form_set_text(&st->form, F_TIME_ZONE, cs.time_zone);
	set_number(&st->form, F_RETENTION_COURSE, cs.retention_course_months);
	set_number(&st->form, F_RETENTION_REFERRAL, cs.retention_referral_months);
	set_number(&st->form, F_RETENTION_AUDIT, cs.retention_audit_months);
	st->form.dirty = false;
	s->state = st;
	preview(st, app);
	return true;
}

static void settings_draw(struct screen *s, struct app *app, const struct area *a)
{
	(void)app;
	struct settings_state *st = s->state;
	int below = st->have_preview && a->rows >= 14 ? 4 : 0;
	struct area fa = { a->top, a->left, a->rows - below, a->cols };
	form_draw(&st->form, &fa);
	if (!below)
		return;
	const struct retention_result *p = &st->preview;
	char text[1200], day[16];
	struct strbuf b = strbuf_on(text, sizeof text);
	struct date d;
	day[0] = '\0';
	if (date_parse_iso(p->audit_before, &d))
		date_format_dk(d, day, sizeof day);
	strbuf_add(&b, P_("The rule runs by itself once a day. Today it would anonymise %lld citizen",
			  "The rule runs by itself once a day. Today it would anonymise %lld citizens", p->citizens),
		   p->citizens);
	strbuf_add(&b, P_(", remove the referrer's details from %lld referral kept without a citizen",
			  ", remove the referrer's details from %lld referrals kept without a citizen", p->referrals),
		   p->referrals);
	strbuf_add(&b, P_(" and %lld audit log entry from before %s.", " and %lld audit log entries from before %s.",
			  p->audit_entries), p->audit_entries, day);
	draw_wrapped(a->top + a->rows - below + 1, a->left, below - 1, a->cols, text, A_NORMAL);
}

static unsigned save(struct settings_state *st, struct app *app)
{
	if (!form_screen_valid(app, &st->form))
		return RD_ALL;
	struct centre_settings cs = {
		.idle_lock_minutes = (int)form_number(&st->form, F_IDLE),
		.no_contact_weeks = (int)form_number(&st->form, F_NO_CONTACT_WEEKS),
		.no_contact_per_day = (int)form_number(&st->form, F_NO_CONTACT_PER_DAY),
		.retention_course_months = (int)form_number(&st->form, F_RETENTION_COURSE),
		.retention_referral_months = (int)form_number(&st->form, F_RETENTION_REFERRAL),
		.retention_audit_months = (int)form_number(&st->form, F_RETENTION_AUDIT),
	};
	snprintf(cs.centre_name, sizeof cs.centre_name, "%s", form_text(&st->form, F_CENTRE));
	snprintf(cs.time_zone, sizeof cs.time_zone, "%s", form_text(&st->form, F_TIME_ZONE));
	enum db_status r = settings_save(&app->desk, &cs);
	if (r != DB_OK) {
		/* Keep the form open with what was typed: nothing is lost. */
		app_status_db(app, r);
		return RD_ALL;
	}
	app_load_access(app);
	app_pop(app);
	app_status(app, STATUS_INFO, "%s", _("Settings saved."));
	return RD_ALL;
}

static unsigned settings_key(struct screen *s, struct app *app, ui_key key)
{
	struct settings_state *st = s->state;
	enum form_event ev;
	unsigned r = form_key(&st->form, key, &ev);
	if (ev == FORM_SUBMIT)
		return save(st, app);
	int cur = st->form.current;
	if (ev == FORM_CHANGED && (cur == F_RETENTION_COURSE || cur == F_RETENTION_REFERRAL || cur == F_RETENTION_AUDIT)) {
		preview(st, app);
		r |= RD_BODY;
	}
	return form_screen_key(app, &st->form, key, ev, r, _("Leave without saving your changes?"));
}

void settings_open(struct app *app)
{
	app_push(app, &settings_screen, NULL);
}

static bool settings_typing(struct screen *s, ui_key key)
{
	return form_typing(&((struct settings_state *)s->state)->form, key);
}

const struct screen_ops settings_screen = {
	.name = N_("Settings"),
	.help = N_("Write the centre's name as it should stand on the home screen and in reports. "
		   "The screen locks itself after the given number of idle minutes. A citizen with no "
		   "activity and no planned step for the given number of weeks gets a follow-up call; at "
		   "most the given number of such calls are added a day, the earliest registered first. The "
		   "retention rule anonymises citizens whose course ended, or whose referral was never followed "
		   "up, the given months ago, and removes older audit log entries; it runs by itself once a "
		   "day, and the line at the bottom says what it would do today. The "

		   "time zone is the centre's (Europe/Copenhagen unless it is elsewhere): it decides when "
		   "a day begins and the times shown, whatever the PC is set to."),
	.actions = settings_actions,
	.writes = true,
	.enter = settings_enter,
	.draw = settings_draw,
	.on_key = settings_key,
	.typing = settings_typing,
	.leave = app_free_state,
};
