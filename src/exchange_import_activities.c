/* exchange_import_activities.c — a row of activities read as the
 * activity form would, and written with its sessions planned
 * (exchange_import_internal.h). */
#include "exchange_import_internal.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "exchange_columns.h"
#include "exchange_rules.h"
#include "field_rules.h"
#include "i18n.h"
#include "model_limits.h"
#include "registry_rules.h"
#include "store_registry.h"
#include "textkeys.h"

/* ---------- activities ---------- */

static void time_cell(struct import_job *j, int id, char dst[REG_TIME])
{
	char raw[64], buf[16];
	import_cell(j, id, raw, sizeof raw);
	exchange_rule_time(raw, buf);
	dst[0] = '\0';
	if (!buf[0])
		return;
	const char *why = field_rule_time(buf);
	if (why)
		import_problem(j, id, "%s", why);
	else
		date_parse_time(buf, dst);
}

void import_read_activity(struct import_job *j)
{
	struct activity_record *a = &j->r->act;
	memset(a, 0, sizeof *a);
	import_text(j, AC_NAME, a->name, sizeof a->name, NAME_CHARS, true);
	import_code(j, AC_KIND, vocab_activity_kind, a->kind, sizeof a->kind, "motion_group");
	import_code(j, AC_COMMUNITY, vocab_community, a->community, sizeof a->community, "practice");
	import_text(j, AC_ORGANISER, a->organiser, sizeof a->organiser, NAME_CHARS, false);
	import_text(j, AC_PLACE, a->place, sizeof a->place, NAME_CHARS, false);
	import_postcode(j, AC_POSTCODE, a->postcode);
	char buf[64];
	import_cell(j, AC_WEEKDAY, buf, sizeof buf);
	const char *c = NULL;
	if (buf[0] && !(a->weekday = import_weekday_of(buf))) {
		static const struct vocab not_weekly[] = { { "0", N_("Not weekly") }, { NULL, NULL } };
		if (!exchange_rule_code(not_weekly, buf, &c)) {
			char words[512];
			import_choices(vocab_weekday, words, sizeof words);
			import_problem(j, AC_WEEKDAY, _("'%s' is not one of the choices: %s."), buf, words);
		}
	}
	time_cell(j, AC_START, a->start_time);
	time_cell(j, AC_END, a->end_time);
	switch (registry_rule_activity_times(a->weekday, a->start_time, a->end_time)) {
	case ACTIVITY_TIMES_NO_START:
		import_problem(j, AC_START, "%s", _("A weekly activity needs the time it starts."));
		break;
	case ACTIVITY_TIMES_END_NOT_AFTER_START:
		import_problem(j, AC_END, "%s", _("It must end after it starts."));
		break;
	case ACTIVITY_TIMES_OK:
		break;
	}
	a->capacity = import_number(j, AC_CAPACITY, 0, ACTIVITY_CAPACITY_MAX, 20);
	import_text(j, AC_CONTACT_NAME, a->contact_name, sizeof a->contact_name, NAME_CHARS, false);
	import_checked_text(j, AC_CONTACT_PHONE, a->contact_phone, sizeof a->contact_phone, PHONE_CHARS, field_rule_phone);
	import_code(j, AC_STATUS, vocab_activity_status, a->status, sizeof a->status, "active");
	import_picks(j, AC_INTERESTS, &j->interests, a->interests, &a->ninterests);
	j->r->person = (struct exchange_person){ 0 };
	snprintf(j->r->person.name, sizeof j->r->person.name, "%s", a->name);
}

enum db_status import_write_activity(struct import_job *j)
{
	long long id = 0;
	char today[DATE_ISO_LEN];
	date_format_iso(j->today, today);
	struct registry_keys keys;
	textkeys_activity(&j->r->act, &keys);
	enum db_status r = store_activities_save(j->d->db, &j->r->act, &keys, 0, &id);
	int planned = 0;
	/* As the form's save: a weekly activity has its sessions planned. */
	if (r == DB_OK && !registry_rule_ended(j->r->act.status))
		r = store_registry_plan_sessions(j->d->db, id, today, REG_SESSION_WEEKS, &planned);
	return r == DB_OK ? desk_audit(j->d, "create", "activity", id, "import") : r;
}
