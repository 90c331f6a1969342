/* exchange_import_volunteers.c — a row of volunteers: roles, languages,
 * areas, free times and courses read from their cells, and the record
 * written (exchange_import_internal.h). */
#include "exchange_import_internal.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "exchange_columns.h"
#include "exchange_rules.h"
#include "field_rules.h"
#include "i18n.h"
#include "model_limits.h"
#include "postcode.h"
#include "store_registry.h"
#include "textkeys.h"
#include "utf8.h"

/* ---------- volunteers ---------- */

struct text_list {
	struct import_job *j;
	int id;
	char (*items)[REG_LANGUAGE];
	int max, n;
	bool postcodes;
};

static bool one_text(void *ctx, const char *item)
{
	struct text_list *l = ctx;
	if (l->n >= l->max) {
		import_problem(l->j, l->id, l->postcodes ? _("At most %d postcodes.") : _("At most %d languages."), l->max);
		return false;
	}
	if (l->postcodes) {
		char code[8];
		exchange_rule_postcode(item, code);
		if (!postcode_valid(code)) {
			import_problem(l->j, l->id, _("'%s' is not a postcode. Write four digits each, e.g. 8000 8200."), item);
			return true;
		}
		snprintf(l->items[l->n++], REG_LANGUAGE, "%s", code);
		return true;
	}
	const char *why = field_rule_no_cpr(item);
	if (why || utf8_length(item) > LANGUAGE_CHARS) {
		import_problem(l->j, l->id, "'%s': %s", item,
			why ? why : P_("At most %zu character.", "At most %zu characters.", (size_t)LANGUAGE_CHARS));
		return true;
	}
	snprintf(l->items[l->n++], REG_LANGUAGE, "%s", item);
	return true;
}

/* Areas may also be written with spaces between: "8000 8200". */
static bool area_words(void *ctx, const char *item)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", item);
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		if (!one_text(ctx, w))
			return false;
	return true;
}

struct times_list {
	struct import_job *j;
	availability_bits bits;
};

static int part_of(const char *word)
{
	const char *code = NULL;
	return exchange_rule_code(vocab_part_of_day_lower, word, &code) ? code[0] - '0' : -1;
}

/* "mandag formiddag", or "mandag" for the whole day. */
static bool one_time(void *ctx, const char *item)
{
	struct times_list *l = ctx;
	char buf[128];
	snprintf(buf, sizeof buf, "%s", item);
	char *save = NULL, *day = strtok_r(buf, " ", &save), *part = strtok_r(NULL, " ", &save);
	char *extra = strtok_r(NULL, " ", &save);
	int d = day ? import_weekday_of(day) : 0, p = part ? part_of(part) : -1;
	if (!d || extra || (part && p < 0)) {
		import_problem(l->j, VC_FREE_AT, _("'%s' is not a weekday with a time of day, e.g. %s %s."), item,
			_(vocab_weekday[0].label), _(vocab_part_of_day_lower[0].label));
		return true;
	}
	for (int k = 0; k < 3; k++)
		if (!part || k == p)
			l->bits |= AVAIL_BIT(d, k);
	return true;
}

/* Courses: "Førstehjælp (12-03-2025); Samtalekursus (01-02-2026)". */
static void courses(struct import_job *j, struct volunteer_record *v)
{
	v->ncourses = 0;
	if (!import_has(j, VC_COURSES))
		return;
	const char *p = csv_unprotect(csv_cell(&j->reader, j->where[VC_COURSES] - 1));
	while (*p) {
		size_t len = strcspn(p, ";\r\n");
		char item[1024], t[1024];
		snprintf(item, sizeof item, "%.*s", (int)(len < sizeof item ? len : sizeof item - 1), p);
		p += len;
		if (*p)
			p++;
		exchange_rule_trim(item, t, sizeof t);
		if (!t[0])
			continue;
		if (v->ncourses >= REG_MAX_COURSES) {
			import_problem(j, VC_COURSES, _("At most %d courses."), REG_MAX_COURSES);
			return;
		}
		/* The day in brackets at the end, or as the last word. */
		char *open = strrchr(t, '(');
		char day[64] = "";
		size_t tl = strlen(t);
		if (open && t[tl - 1] == ')') {
			snprintf(day, sizeof day, "%.*s", (int)(t + tl - 1 - open - 1), open + 1);
			*open = '\0';
		} else {
			char *space = strrchr(t, ' ');
			struct date probe;
			if (space && date_parse(space + 1, &probe)) {
				snprintf(day, sizeof day, "%s", space + 1);
				*space = '\0';
			}
		}
		char course[1024];
		exchange_rule_trim(t, course, sizeof course);
		struct date d;
		const char *why = field_rule_no_cpr(course);
		if (why) {
			import_problem(j, VC_COURSES, "%s", why);
			continue;
		}
		if (!course[0] || utf8_length(course) > NAME_CHARS) {
			import_problem(j, VC_COURSES, "'%s': %s", item,
				P_("At most %zu character.", "At most %zu characters.", (size_t)NAME_CHARS));
			continue;
		}
		if (!day[0] || !date_parse(day, &d)) {
			import_problem(j, VC_COURSES, _("When was '%s' completed? Write the date."), course);
			continue;
		}
		struct volunteer_course *c = &v->courses[v->ncourses++];
		snprintf(c->course, sizeof c->course, "%.*s", (int)sizeof c->course - 1, course); /* checked */
		date_format_iso(d, c->completed_on);
	}
}

void import_read_volunteer(struct import_job *j)
{
	struct volunteer_record *v = &j->r->vol;
	memset(v, 0, sizeof *v);
	import_name(j, VC_NAME, VC_FIRST_NAME, VC_SURNAME, v->name, sizeof v->name);
	import_checked_text(j, VC_PHONE, v->phone, sizeof v->phone, PHONE_CHARS, field_rule_phone);
	import_checked_text(j, VC_EMAIL, v->email, sizeof v->email, NAME_CHARS, field_rule_email);
	import_postcode(j, VC_POSTCODE, v->postcode);
	import_text(j, VC_TOWN, v->town, sizeof v->town, TOWN_CHARS, false);
	const char *town = v->town[0] ? NULL : postcode_town(v->postcode);
	if (town)
		snprintf(v->town, sizeof v->town, "%s", town);
	if (import_has(j, VC_ROLES)) {
		const char *p = csv_unprotect(csv_cell(&j->reader, j->where[VC_ROLES] - 1));
		while (*p) {
			size_t len = strcspn(p, ",;\r\n");
			char item[256], t[256];
			snprintf(item, sizeof item, "%.*s", (int)(len < sizeof item ? len : sizeof item - 1), p);
			p += len;
			if (*p)
				p++;
			exchange_rule_trim(item, t, sizeof t);
			const char *c = NULL;
			if (!t[0])
				continue;
			if (!exchange_rule_code(vocab_volunteer_role, t, &c)) {
				char words[512];
				import_choices(vocab_volunteer_role, words, sizeof words);
				import_problem(j, VC_ROLES, _("'%s' is not one of the choices: %s."), t, words);
				continue;
			}
			for (int i = 0; i < VOLUNTEER_ROLES; i++)
				if (strcmp(volunteer_role_codes[i], c) == 0)
					v->roles |= 1u << i;
		}
	}
	import_code(j, VC_STATUS, vocab_volunteer_status, v->status, sizeof v->status, "training");
	v->capacity = import_number(j, VC_CAPACITY, 0, VOLUNTEER_CAPACITY_MAX, 1);
	import_picks(j, VC_INTERESTS, &j->interests, v->interests, &v->ninterests);
	if (import_has(j, VC_LANGUAGES)) {
		struct text_list l = { .j = j, .id = VC_LANGUAGES, .items = v->languages, .max = REG_MAX_LANGUAGES };
		exchange_rule_list(csv_unprotect(csv_cell(&j->reader, j->where[VC_LANGUAGES] - 1)), one_text, &l);
		v->nlanguages = l.n;
	}
	if (import_has(j, VC_AREAS)) {
		char areas[REG_MAX_AREAS][REG_LANGUAGE];
		struct text_list l = { .j = j, .id = VC_AREAS, .items = areas, .max = REG_MAX_AREAS,
				       .postcodes = true };
		exchange_rule_list(csv_unprotect(csv_cell(&j->reader, j->where[VC_AREAS] - 1)), area_words, &l);
		v->nareas = l.n;
		for (int i = 0; i < l.n; i++)
			snprintf(v->areas[i], sizeof v->areas[i], "%.4s", areas[i]);
	}
	if (import_has(j, VC_FREE_AT)) {
		struct times_list l = { .j = j };
		exchange_rule_list(csv_unprotect(csv_cell(&j->reader, j->where[VC_FREE_AT] - 1)), one_time, &l);
		v->availability = l.bits;
	}
	import_code(j, VC_GENDER, vocab_gender, v->gender, sizeof v->gender, "");
	int year = import_number(j, VC_BIRTH_YEAR, 1900, 2100, 0);
	const char *why = year ? field_rule_volunteer_birth_year(year, j->today) : NULL;
	if (why)
		import_problem(j, VC_BIRTH_YEAR, "%s", why);
	v->birth_year = year;
	import_text(j, VC_LIVED, v->lived_experience, sizeof v->lived_experience, LIVED_CHARS, false);
	courses(j, v);
	j->r->person = (struct exchange_person){ .birth_year = v->birth_year };
	snprintf(j->r->person.name, sizeof j->r->person.name, "%s", v->name);
	snprintf(j->r->person.phone, sizeof j->r->person.phone, "%s", v->phone);
}

enum db_status import_write_volunteer(struct import_job *j)
{
	long long id = 0;
	struct registry_keys keys;
	textkeys_volunteer(&j->r->vol, &keys);
	enum db_status r = store_volunteers_save(j->d->db, &j->r->vol, &keys, 0, &id);
	return r == DB_OK ? desk_audit(j->d, "create", "volunteer", id, "import") : r;
}
