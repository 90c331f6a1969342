/* exchange_import.c — citizens, volunteers or activities from a
 * spreadsheet's CSV file (exchange.h).
 *
 * The file is read twice. The first pass maps the headers, checks every
 * row with the rules the forms use (src/field_rules.c, citizen_rules.c,
 * registry_rules.c, date.c) and finds who is already on record or earlier
 * in the file; it keeps only the people's names, so 100 000 rows need
 * little memory. Only when the whole file is good does the second pass
 * read it again and write every row, in the same write transaction as
 * the first pass's look at the database: either all of it is imported or
 * none. Every new record gets its own audit line ("create ... import"),
 * and the import one more with the counts; a dry run, or a file with
 * problems, gets that one line and nothing else is written.
 */
#include "exchange.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citizen_rules.h"
#include "cpr.h"
#include "date.h"
#include "db.h"
#include "exchange_columns.h"
#include "exchange_people.h"
#include "exchange_rules.h"
#include "field_rules.h"
#include "fold.h"
#include "i18n.h"
#include "model_limits.h"
#include "postcode.h"
#include "registry_rules.h"
#include "store_citizens.h"
#include "store_exchange.h"
#include "store_registry.h"
#include "strbuf.h"
#include "textkeys.h"
#include "utf8.h"
#include "vocab.h"

enum { MAX_COLUMN_IDS = 32, LIVED_CHARS = 250, LANGUAGE_CHARS = 40 };

/* A pick-list (interests or barriers) by folded name; entries the file
 * brings that are not on the list yet get id 0 until the second pass
 * makes them. */
struct pick_entry {
	char *folded, *name;
	long long id;
	bool is_new;
};
struct pick_cache {
	const char *which;
	struct pick_entry *e;
	int n, cap;
};

/* One row being read, whatever the table. */
struct import_row {
	struct citizen_card card;
	char ended_on[CIT_DATE];
	char end_reason[CIT_CODE];
	struct volunteer_record vol;
	struct activity_record act;
	struct exchange_person person;
};

struct import_job {
	struct desk *d;
	const struct exchange_import *req;
	struct exchange_report *rep;
	struct csv_reader reader;
	struct date today;
	bool writing;                 /* the second pass: no notes, rows are written */
	int where[MAX_COLUMN_IDS];    /* column id -> file column + 1 (0: not in the file) */
	char **titles;                /* the file's headers, as written */
	int ntitles;
	bool *unnamed_reported;       /* per file column: a headerless column with data was reported */
	int row_problems;             /* problems in the row being read */
	int header_problems;
	struct people_index people;
	struct pick_cache interests, barriers;
	bool *skip;                   /* per row number: skipped as a duplicate */
	int nskip;
	struct import_row *r;
	char *scratch;                /* cell_text's */
	size_t scratch_cap;
};

/* ---------- the report ---------- */

static void note(struct import_job *j, int row, bool problem, const char *text)
{
	struct exchange_report *rep = j->rep;
	if (problem)
		rep->problems++;
	if (rep->nnotes >= EXCHANGE_MAX_NOTES) {
		rep->notes_left_out++;
		return;
	}
	if (rep->nnotes == rep->cap) {
		int cap = rep->cap ? rep->cap * 2 : 64;
		struct exchange_note *n = realloc(rep->notes, (size_t)cap * sizeof *n);
		if (!n) {
			rep->notes_left_out++;
			return;
		}
		rep->notes = n;
		rep->cap = cap;
	}
	char *copy = strdup(text);
	if (!copy) {
		rep->notes_left_out++;
		return;
	}
	rep->notes[rep->nnotes++] = (struct exchange_note){ .row = row, .problem = problem, .text = copy };
}

/* A problem in the cell of column `id` of the row being read. */
__attribute__((format(printf, 3, 4))) static void problem(struct import_job *j, int id, const char *fmt, ...)
{
	if (j->writing)
		return;
	char text[1200], where[1400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	int col = id >= 0 && id < MAX_COLUMN_IDS ? j->where[id] : 0;
	if (col > 0) {
		char name[8];
		csv_column_name(col, name);
		snprintf(where, sizeof where, _("Row %d, column %s (%s): %s"), j->reader.row, name,
			 col <= j->ntitles ? j->titles[col - 1] : "", text);
	} else {
		snprintf(where, sizeof where, _("Row %d: %s"), j->reader.row, text);
	}
	j->row_problems++;
	note(j, j->reader.row, true, where);
}

void exchange_report_free(struct exchange_report *r)
{
	for (int i = 0; i < r->nnotes; i++)
		free(r->notes[i].text);
	free(r->notes);
	memset(r, 0, sizeof *r);
}

void exchange_report_summary(const struct exchange_report *r, bool dry_run, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	if (r->problems) {
		strbuf_add(&b, P_("Nothing was imported: the file has %d problem to fix first.",
				  "Nothing was imported: the file has %d problems to fix first.", r->problems),
			   r->problems);
		return;
	}
	strbuf_add(&b, P_("%d row read: ", "%d rows read: ", r->rows), r->rows);
	if (dry_run)
		strbuf_add(&b, P_("%d would be added", "%d would be added", r->added), r->added);
	else
		strbuf_add(&b, P_("%d added", "%d added", r->added), r->added);
	strbuf_add(&b, P_(", %d skipped (already on record).", ", %d skipped (already on record).", r->skipped),
		   r->skipped);
	if (r->new_picks[0])
		strbuf_add(&b, dry_run ? _(" New on the pick-lists: %s.") : _(" Added to the pick-lists: %s."),
			   r->new_picks);
	if (dry_run)
		strbuf_add(&b, " %s", _("Nothing was written (trial run)."));
}

/* ---------- pick-lists ---------- */

static enum db_status cache_add(void *ctx, long long id, const char *name)
{
	struct pick_cache *c = ctx;
	if (c->n == c->cap) {
		int cap = c->cap ? c->cap * 2 : 32;
		struct pick_entry *e = realloc(c->e, (size_t)cap * sizeof *e);
		if (!e)
			return DB_ERR_IO;
		c->e = e;
		c->cap = cap;
	}
	char folded[CIT_TOWN];
	fold_search(name, folded, sizeof folded);
	struct pick_entry *e = &c->e[c->n];
	*e = (struct pick_entry){ .folded = strdup(folded), .name = strdup(name), .id = id };
	if (!e->folded || !e->name) {
		free(e->folded);
		free(e->name);
		return DB_ERR_IO;
	}
	c->n++;
	return DB_OK;
}

static void cache_free(struct pick_cache *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->e[i].folded);
		free(c->e[i].name);
	}
	free(c->e);
	memset(c, 0, sizeof *c);
}

/* The entry `name` means; a new one is added to the cache (id 0). */
static struct pick_entry *cache_find(struct pick_cache *c, const char *name)
{
	char folded[CIT_TOWN];
	fold_search(name, folded, sizeof folded);
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->e[i].folded, folded) == 0)
			return &c->e[i];
	if (cache_add(c, 0, name) != DB_OK)
		return NULL;
	c->e[c->n - 1].is_new = true;
	return &c->e[c->n - 1];
}

/* Makes the entries the file brought, and says which in the report. */
static enum db_status cache_create(struct import_job *j, struct pick_cache *c)
{
	enum db_status r = DB_OK;
	for (int i = 0; i < c->n && r == DB_OK; i++) {
		if (!c->e[i].is_new || c->e[i].id)
			continue;
		r = store_picklist_insert(j->d->db, c->which, c->e[i].name, &c->e[i].id);
		if (r == DB_OK)
			r = desk_audit(j->d, "create", c->which, c->e[i].id, "import");
	}
	return r;
}

static void list_new_picks(struct import_job *j)
{
	struct strbuf b = strbuf_on(j->rep->new_picks, sizeof j->rep->new_picks);
	const struct pick_cache *caches[] = { &j->interests, &j->barriers };
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < caches[k]->n; i++)
			if (caches[k]->e[i].is_new)
				strbuf_item(&b, ", ", caches[k]->e[i].name);
}

/* ---------- reading a cell ---------- */

static bool has(const struct import_job *j, int id)
{
	return j->where[id] > 0;
}

/* The whole cell of column `id` as a form would hold it: without the
 * spaces around it, without the apostrophe the export puts before a
 * formula-like text, and with its line breaks as spaces (the forms hold
 * one line). Valid until the next call. */
static const char *cell_text(struct import_job *j, int id)
{
	if (!has(j, id))
		return "";
	const char *raw;
	size_t n = exchange_rule_trimmed(csv_unprotect(csv_cell(&j->reader, j->where[id] - 1)), &raw);
	if (n + 1 > j->scratch_cap) {
		char *s = realloc(j->scratch, n + 1);
		if (!s)
			return "";
		j->scratch = s;
		j->scratch_cap = n + 1;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (raw[i] != '\r' && raw[i] != '\n')
			j->scratch[k++] = raw[i];
		else if (k == 0 || j->scratch[k - 1] != ' ')
			j->scratch[k++] = ' ';
	}
	j->scratch[k] = '\0';
	return j->scratch;
}

/* The cell into buf, cut to fit (for short values: a date, a number). */
static const char *cell(struct import_job *j, int id, char *buf, size_t size)
{
	exchange_rule_trim(cell_text(j, id), buf, size);
	return buf;
}

static const char *title_of(int table, int id)
{
	int n;
	const struct exchange_column *cols = exchange_columns((enum exchange_table)table, &n);
	for (int i = 0; i < n; i++)
		if (cols[i].id == id)
			return _(cols[i].title);
	return "";
}

/* A text of at most max_chars characters and no CPR number; empty is
 * allowed unless `required`. */
static void text(struct import_job *j, int id, char *dst, size_t size, size_t max_chars, bool required)
{
	const char *whole = cell_text(j, id);
	size_t n = utf8_length(whole);
	exchange_rule_trim(whole, dst, size);
	if (n > max_chars) {
		problem(j, id, P_("At most %zu character.", "At most %zu characters.", max_chars), max_chars);
		dst[0] = '\0';
		return;
	}
	const char *why = field_rule_no_cpr(dst);
	if (why) {
		problem(j, id, "%s", why);
		dst[0] = '\0';
		return;
	}
	if (required && !dst[0])
		problem(j, id, _("%s must be filled in."), title_of(j->req->table, id));
}

/* A text checked by a field rule (phone, e-mail) when not empty. */
static void checked_text(struct import_job *j, int id, char *dst, size_t size, size_t max_chars,
			 const char *(*rule)(const char *))
{
	text(j, id, dst, size, max_chars, false);
	const char *why = dst[0] ? rule(dst) : NULL;
	if (why) {
		problem(j, id, "%s", why);
		dst[0] = '\0';
	}
}

static void postcode(struct import_job *j, int id, char dst[5])
{
	char buf[64], code[8];
	cell(j, id, buf, sizeof buf);
	dst[0] = '\0';
	if (!buf[0])
		return;
	exchange_rule_postcode(buf, code);
	const char *why = field_rule_postcode(code);
	if (why)
		problem(j, id, "%s", why);
	else
		snprintf(dst, 5, "%.4s", code); /* checked: four digits */
}

/* A date, ISO into dst ("" when empty); `happened`: not after today,
 * not long ago (the forms' rule for referrals, consents and ends). */
static bool date_cell(struct import_job *j, int id, char dst[CIT_DATE], bool happened)
{
	char raw[64], buf[32];
	cell(j, id, raw, sizeof raw);
	exchange_rule_date(raw, buf);
	dst[0] = '\0';
	if (!buf[0])
		return true;
	struct date d;
	if (!date_parse(buf, &d)) {
		problem(j, id, _("'%s' is not a valid date. Write it as day-month-year, e.g. 26-11-2026."), buf);
		return false;
	}
	const char *why = happened ? field_rule_past_date(d, j->today) : NULL;
	if (why) {
		problem(j, id, "%s", why);
		return false;
	}
	date_format_iso(d, dst);
	return true;
}

/* A whole number from min to max; `fallback` when empty. */
static int number(struct import_job *j, int id, long min, long max, int fallback)
{
	char buf[64];
	cell(j, id, buf, sizeof buf);
	if (!buf[0])
		return fallback;
	char *end;
	long v = strtol(buf, &end, 10);
	if (end == buf || *end || v < min || v > max) {
		problem(j, id, _("Write a whole number from %ld to %ld."), min, max);
		return fallback;
	}
	return (int)v;
}

/* The words a code list offers, for a message. */
static void choices(const struct vocab *list, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	for (const struct vocab *v = list; v->code; v++)
		if (v->code[0])
			strbuf_item(&b, ", ", _(v->label));
}

/* A word of the list into dst (its code); `fallback` when empty. */
static void code(struct import_job *j, int id, const struct vocab *list, char *dst, size_t size,
		 const char *fallback)
{
	char buf[256];
	cell(j, id, buf, sizeof buf);
	const char *c = NULL;
	snprintf(dst, size, "%s", fallback);
	if (!buf[0])
		return;
	if (exchange_rule_code(list, buf, &c)) {
		snprintf(dst, size, "%s", c);
		return;
	}
	char words[512];
	choices(list, words, sizeof words);
	problem(j, id, _("'%s' is not one of the choices: %s."), buf, words);
}

static bool yes_no(struct import_job *j, int id)
{
	char buf[64];
	bool yes = false;
	cell(j, id, buf, sizeof buf);
	if (!exchange_rule_yes_no(buf, &yes))
		problem(j, id, _("'%s' is neither yes nor no: write %s or %s."), buf, _("Yes"), _("No"));
	return yes;
}

/* ---------- lists in a cell ---------- */

struct pick_list {
	struct import_job *j;
	int id;
	struct pick_cache *cache;
	long long *ids;
	int *n;
};

static bool one_pick(void *ctx, const char *item)
{
	struct pick_list *l = ctx;
	if (!citizen_rule_pick_name_ok(item)) {
		const char *why = field_rule_no_cpr(item);
		problem(l->j, l->id, "'%s': %s", item,
			why ? why : P_("At most %zu character.", "At most %zu characters.", (size_t)PICK_CHARS));
		return true;
	}
	if (*l->n >= CIT_MAX_PICKS) {
		problem(l->j, l->id, _("At most %d in one cell."), CIT_MAX_PICKS);
		return false;
	}
	struct pick_entry *e = cache_find(l->cache, item);
	if (!e)
		return false;
	for (int i = 0; i < *l->n; i++)
		if (l->ids[i] == e->id && e->id)
			return true;
	l->ids[(*l->n)++] = e->id;
	return true;
}

static void picks(struct import_job *j, int id, struct pick_cache *cache, long long *ids, int *n)
{
	*n = 0;
	if (!has(j, id))
		return;
	struct pick_list l = { .j = j, .id = id, .cache = cache, .ids = ids, .n = n };
	exchange_rule_list(csv_unprotect(csv_cell(&j->reader, j->where[id] - 1)), one_pick, &l);
}

/* ---------- the name ---------- */

/* The name: one column, or first name and surname. */
static void name(struct import_job *j, int whole, int first, int last, char *dst, size_t size)
{
	if (has(j, whole)) {
		text(j, whole, dst, size, NAME_CHARS, true);
		return;
	}
	dst[0] = '\0';
	if (!has(j, first) && !has(j, last))
		return; /* the header's problem, said once */
	char a[CIT_NAME], b[CIT_NAME];
	text(j, first, a, sizeof a, NAME_CHARS, false);
	text(j, last, b, sizeof b, NAME_CHARS, false);
	struct strbuf s = strbuf_on(dst, size);
	strbuf_item(&s, "", a);
	if (b[0])
		strbuf_item(&s, " ", b);
	if (!dst[0])
		problem(j, has(j, first) ? first : last, _("%s must be filled in."), _("Name"));
	else if (s.full || utf8_length(dst) > NAME_CHARS)
		problem(j, first, P_("At most %zu character.", "At most %zu characters.", (size_t)NAME_CHARS),
			(size_t)NAME_CHARS);
}

/* ---------- citizens ---------- */

static void read_citizen(struct import_job *j)
{
	struct citizen_card *card = &j->r->card;
	struct citizen *c = &card->citizen;
	memset(card, 0, sizeof *card);
	j->r->ended_on[0] = j->r->end_reason[0] = '\0';
	name(j, CC_NAME, CC_FIRST_NAME, CC_SURNAME, c->name, sizeof c->name);
	int year = number(j, CC_BIRTH_YEAR, 1900, 2100, 0);
	const char *why = year ? field_rule_citizen_birth_year(year, j->today) : NULL;
	if (why)
		problem(j, CC_BIRTH_YEAR, "%s", why);
	c->birth_year = year;
	checked_text(j, CC_PHONE, c->phone, sizeof c->phone, PHONE_CHARS, field_rule_phone);
	checked_text(j, CC_EMAIL, c->email, sizeof c->email, NAME_CHARS, field_rule_email);
	text(j, CC_ADDRESS, c->address, sizeof c->address, NAME_CHARS, false);
	postcode(j, CC_POSTCODE, c->postcode);
	text(j, CC_TOWN, c->town, sizeof c->town, TOWN_CHARS, false);
	/* As the form does: a known postcode fills in an empty town. */
	const char *town = c->town[0] ? NULL : postcode_town(c->postcode);
	if (town)
		snprintf(c->town, sizeof c->town, "%s", town);
	code(j, CC_CONTACT, vocab_contact_pref, c->contact_pref, sizeof c->contact_pref, "");
	snprintf(c->status, sizeof c->status, "active");

	struct referral *ref = &card->referral;
	bool referred_ok = date_cell(j, CC_REFERRED_ON, ref->referred_on, true);
	code(j, CC_SOURCE, vocab_referral_source, ref->source, sizeof ref->source, "other");
	text(j, CC_REFERRER_NAME, ref->referrer_name, sizeof ref->referrer_name, NAME_CHARS, false);
	text(j, CC_REFERRER_ORG, ref->referrer_org, sizeof ref->referrer_org, NAME_CHARS, false);
	checked_text(j, CC_REFERRER_PHONE, ref->referrer_phone, sizeof ref->referrer_phone, PHONE_CHARS,
		     field_rule_phone);
	ref->feedback_consent = yes_no(j, CC_FEEDBACK);

	/* Consent to registration: the day it was given, or yes (then dated
	 * by the referral, as at intake). Without it nobody is registered.
	 * A missing column is the header's problem, said once. */
	char buf[64];
	bool yes = false;
	cell(j, CC_CONSENT_ON, buf, sizeof buf);
	if (!has(j, CC_CONSENT_ON))
		;
	else if (!buf[0] || (exchange_rule_yes_no(buf, &yes) && !yes))
		problem(j, CC_CONSENT_ON, "%s", _("Without consent to registration nobody is registered: write the "
						  "day the citizen gave it."));
	else if (yes && !ref->referred_on[0] && referred_ok)
		problem(j, CC_CONSENT_ON, "%s", _("Write the day the consent was given, or the day of the referral, "
						  "which a consent without a day is dated by."));
	else if (!yes)
		date_cell(j, CC_CONSENT_ON, card->consent.given_on, true);
	card->consent.registration = true;
	card->consent.volunteer_contact = yes_no(j, CC_VOLUNTEERS_MAY_CALL);
	card->consent.referrer_feedback = ref->feedback_consent;
	/* A referral without a day is dated by the consent. */
	if (!ref->referred_on[0] && card->consent.given_on[0])
		snprintf(ref->referred_on, sizeof ref->referred_on, "%s", card->consent.given_on);

	picks(j, CC_INTERESTS, &j->interests, card->interests, &card->ninterests);
	picks(j, CC_BARRIERS, &j->barriers, card->barriers, &card->nbarriers);
	text(j, CC_WISHES, c->wishes, sizeof c->wishes, WISHES_CHARS, false);

	date_cell(j, CC_ENDED_ON, j->r->ended_on, true);
	code(j, CC_END_REASON, vocab_end_reason, j->r->end_reason, sizeof j->r->end_reason, "");
	if (!j->r->ended_on[0] != !j->r->end_reason[0]) {
		char words[512];
		choices(vocab_end_reason, words, sizeof words);
		problem(j, j->r->ended_on[0] ? CC_END_REASON : CC_ENDED_ON,
			_("A course that has ended needs both the day it ended and the reason (%s)."), words);
	}

	citizen_rule_intake_card(card);
	if (!j->row_problems && !j->header_problems && !citizen_rule_card_ok(card, j->today))
		problem(j, -1, "%s", _("The row breaks one of the rules of the citizen's card."));
	j->r->person = (struct exchange_person){ .birth_year = c->birth_year };
	snprintf(j->r->person.name, sizeof j->r->person.name, "%s", c->name);
	snprintf(j->r->person.phone, sizeof j->r->person.phone, "%s", c->phone);
}

static enum db_status write_citizen(struct import_job *j)
{
	struct db *db = j->d->db;
	struct citizen_card *card = &j->r->card;
	long long id = 0;
	struct citizen_keys *keys = malloc(sizeof *keys);
	if (!keys)
		return DB_ERR_IO;
	textkeys_of_citizen(&card->citizen, keys);
	enum db_status r = store_citizens_insert(db, &card->citizen, keys, &id);
	free(keys);
	if (r == DB_OK)
		r = store_citizens_add_referral(db, id, &card->referral, j->d->user, NULL);
	if (r == DB_OK)
		r = store_citizens_give_consents(db, id, &card->consent, card->consent.given_on, j->d->user);
	if (r == DB_OK)
		r = store_citizens_set_picks(db, id, card);
	if (r == DB_OK && j->r->ended_on[0])
		r = store_citizens_end(db, id, 1, j->r->ended_on, j->r->end_reason);
	if (r == DB_OK)
		r = desk_audit(j->d, "create", "citizen", id, "import");
	return r;
}

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
		problem(l->j, l->id, l->postcodes ? _("At most %d postcodes.") : _("At most %d languages."), l->max);
		return false;
	}
	if (l->postcodes) {
		char code[8];
		exchange_rule_postcode(item, code);
		if (!postcode_valid(code)) {
			problem(l->j, l->id, _("'%s' is not a postcode. Write four digits each, e.g. 8000 8200."), item);
			return true;
		}
		snprintf(l->items[l->n++], REG_LANGUAGE, "%s", code);
		return true;
	}
	const char *why = field_rule_no_cpr(item);
	if (why || utf8_length(item) > LANGUAGE_CHARS) {
		problem(l->j, l->id, "'%s': %s", item,
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

/* The weekday a word names (mandag, man, Monday, Mon): 1..7, or 0. */
static int weekday_of(const char *word)
{
	for (int d = 1; d <= 7; d++) {
		const char *names[] = { _(vocab_weekday[d - 1].label), vocab_weekday[d - 1].label,
					date_weekday_abbr(d) };
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
			char a[64], b[64];
			fold_search(names[k], a, sizeof a);
			fold_search(word, b, sizeof b);
			if (a[0] && strcmp(a, b) == 0)
				return d;
		}
	}
	return 0;
}

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
	int d = day ? weekday_of(day) : 0, p = part ? part_of(part) : -1;
	if (!d || extra || (part && p < 0)) {
		problem(l->j, VC_FREE_AT, _("'%s' is not a weekday with a time of day, e.g. %s %s."), item,
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
	if (!has(j, VC_COURSES))
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
			problem(j, VC_COURSES, _("At most %d courses."), REG_MAX_COURSES);
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
			problem(j, VC_COURSES, "%s", why);
			continue;
		}
		if (!course[0] || utf8_length(course) > NAME_CHARS) {
			problem(j, VC_COURSES, "'%s': %s", item,
				P_("At most %zu character.", "At most %zu characters.", (size_t)NAME_CHARS));
			continue;
		}
		if (!day[0] || !date_parse(day, &d)) {
			problem(j, VC_COURSES, _("When was '%s' completed? Write the date."), course);
			continue;
		}
		struct volunteer_course *c = &v->courses[v->ncourses++];
		snprintf(c->course, sizeof c->course, "%.*s", (int)sizeof c->course - 1, course); /* checked */
		date_format_iso(d, c->completed_on);
	}
}

static void read_volunteer(struct import_job *j)
{
	struct volunteer_record *v = &j->r->vol;
	memset(v, 0, sizeof *v);
	name(j, VC_NAME, VC_FIRST_NAME, VC_SURNAME, v->name, sizeof v->name);
	checked_text(j, VC_PHONE, v->phone, sizeof v->phone, PHONE_CHARS, field_rule_phone);
	checked_text(j, VC_EMAIL, v->email, sizeof v->email, NAME_CHARS, field_rule_email);
	postcode(j, VC_POSTCODE, v->postcode);
	text(j, VC_TOWN, v->town, sizeof v->town, TOWN_CHARS, false);
	const char *town = v->town[0] ? NULL : postcode_town(v->postcode);
	if (town)
		snprintf(v->town, sizeof v->town, "%s", town);
	if (has(j, VC_ROLES)) {
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
				choices(vocab_volunteer_role, words, sizeof words);
				problem(j, VC_ROLES, _("'%s' is not one of the choices: %s."), t, words);
				continue;
			}
			for (int i = 0; i < VOLUNTEER_ROLES; i++)
				if (strcmp(volunteer_role_codes[i], c) == 0)
					v->roles |= 1u << i;
		}
	}
	code(j, VC_STATUS, vocab_volunteer_status, v->status, sizeof v->status, "training");
	v->capacity = number(j, VC_CAPACITY, 0, VOLUNTEER_CAPACITY_MAX, 1);
	picks(j, VC_INTERESTS, &j->interests, v->interests, &v->ninterests);
	if (has(j, VC_LANGUAGES)) {
		struct text_list l = { .j = j, .id = VC_LANGUAGES, .items = v->languages, .max = REG_MAX_LANGUAGES };
		exchange_rule_list(csv_unprotect(csv_cell(&j->reader, j->where[VC_LANGUAGES] - 1)), one_text, &l);
		v->nlanguages = l.n;
	}
	if (has(j, VC_AREAS)) {
		char areas[REG_MAX_AREAS][REG_LANGUAGE];
		struct text_list l = { .j = j, .id = VC_AREAS, .items = areas, .max = REG_MAX_AREAS,
				       .postcodes = true };
		exchange_rule_list(csv_unprotect(csv_cell(&j->reader, j->where[VC_AREAS] - 1)), area_words, &l);
		v->nareas = l.n;
		for (int i = 0; i < l.n; i++)
			snprintf(v->areas[i], sizeof v->areas[i], "%.4s", areas[i]);
	}
	if (has(j, VC_FREE_AT)) {
		struct times_list l = { .j = j };
		exchange_rule_list(csv_unprotect(csv_cell(&j->reader, j->where[VC_FREE_AT] - 1)), one_time, &l);
		v->availability = l.bits;
	}
	code(j, VC_GENDER, vocab_gender, v->gender, sizeof v->gender, "");
	int year = number(j, VC_BIRTH_YEAR, 1900, 2100, 0);
	const char *why = year ? field_rule_volunteer_birth_year(year, j->today) : NULL;
	if (why)
		problem(j, VC_BIRTH_YEAR, "%s", why);
	v->birth_year = year;
	text(j, VC_LIVED, v->lived_experience, sizeof v->lived_experience, LIVED_CHARS, false);
	courses(j, v);
	j->r->person = (struct exchange_person){ .birth_year = v->birth_year };
	snprintf(j->r->person.name, sizeof j->r->person.name, "%s", v->name);
	snprintf(j->r->person.phone, sizeof j->r->person.phone, "%s", v->phone);
}

static enum db_status write_volunteer(struct import_job *j)
{
	long long id = 0;
	struct registry_keys keys;
	textkeys_volunteer(&j->r->vol, &keys);
	enum db_status r = store_volunteers_save(j->d->db, &j->r->vol, &keys, 0, &id);
	return r == DB_OK ? desk_audit(j->d, "create", "volunteer", id, "import") : r;
}

/* ---------- activities ---------- */

static void time_cell(struct import_job *j, int id, char dst[REG_TIME])
{
	char raw[64], buf[16];
	cell(j, id, raw, sizeof raw);
	exchange_rule_time(raw, buf);
	dst[0] = '\0';
	if (!buf[0])
		return;
	const char *why = field_rule_time(buf);
	if (why)
		problem(j, id, "%s", why);
	else
		date_parse_time(buf, dst);
}

static void read_activity(struct import_job *j)
{
	struct activity_record *a = &j->r->act;
	memset(a, 0, sizeof *a);
	text(j, AC_NAME, a->name, sizeof a->name, NAME_CHARS, true);
	code(j, AC_KIND, vocab_activity_kind, a->kind, sizeof a->kind, "motion_group");
	code(j, AC_COMMUNITY, vocab_community, a->community, sizeof a->community, "practice");
	text(j, AC_ORGANISER, a->organiser, sizeof a->organiser, NAME_CHARS, false);
	text(j, AC_PLACE, a->place, sizeof a->place, NAME_CHARS, false);
	postcode(j, AC_POSTCODE, a->postcode);
	char buf[64];
	cell(j, AC_WEEKDAY, buf, sizeof buf);
	const char *c = NULL;
	if (buf[0] && !(a->weekday = weekday_of(buf))) {
		static const struct vocab not_weekly[] = { { "0", N_("Not weekly") }, { NULL, NULL } };
		if (!exchange_rule_code(not_weekly, buf, &c)) {
			char words[512];
			choices(vocab_weekday, words, sizeof words);
			problem(j, AC_WEEKDAY, _("'%s' is not one of the choices: %s."), buf, words);
		}
	}
	time_cell(j, AC_START, a->start_time);
	time_cell(j, AC_END, a->end_time);
	switch (registry_rule_activity_times(a->weekday, a->start_time, a->end_time)) {
	case ACTIVITY_TIMES_NO_START:
		problem(j, AC_START, "%s", _("A weekly activity needs the time it starts."));
		break;
	case ACTIVITY_TIMES_END_NOT_AFTER_START:
		problem(j, AC_END, "%s", _("It must end after it starts."));
		break;
	case ACTIVITY_TIMES_OK:
		break;
	}
	a->capacity = number(j, AC_CAPACITY, 0, ACTIVITY_CAPACITY_MAX, 20);
	text(j, AC_CONTACT_NAME, a->contact_name, sizeof a->contact_name, NAME_CHARS, false);
	checked_text(j, AC_CONTACT_PHONE, a->contact_phone, sizeof a->contact_phone, PHONE_CHARS, field_rule_phone);
	code(j, AC_STATUS, vocab_activity_status, a->status, sizeof a->status, "active");
	picks(j, AC_INTERESTS, &j->interests, a->interests, &a->ninterests);
	j->r->person = (struct exchange_person){ 0 };
	snprintf(j->r->person.name, sizeof j->r->person.name, "%s", a->name);
}

static enum db_status write_activity(struct import_job *j)
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

/* ---------- the header ---------- */

static void known_columns(enum exchange_table t, char *out, size_t size)
{
	int n;
	const struct exchange_column *cols = exchange_columns(t, &n);
	struct strbuf b = strbuf_on(out, size);
	for (int i = 0; i < n; i++)
		strbuf_item(&b, ", ", _(cols[i].title));
}

/* Maps the header row's cells to columns; problems for the unknown. */
static bool map_header(struct import_job *j)
{
	enum exchange_table t = j->req->table;
	int n = csv_cells(&j->reader);
	j->titles = calloc((size_t)n, sizeof *j->titles);
	j->unnamed_reported = calloc((size_t)n, sizeof *j->unnamed_reported);
	if (!j->titles || !j->unnamed_reported)
		return false;
	j->ntitles = n;
	char known[1024];
	known_columns(t, known, sizeof known);
	for (int i = 0; i < n; i++) {
		char title[256];
		exchange_rule_trim(csv_cell(&j->reader, i), title, sizeof title);
		if (!(j->titles[i] = strdup(title)))
			return false;
		if (!title[0])
			continue;
		const struct exchange_column *c = exchange_column_for(t, title);
		char col[8];
		csv_column_name(i + 1, col);
		if (!c) {
			char text[1600];
			snprintf(text, sizeof text,
				 _("Row 1, column %s: '%s' is not a column Brobygger knows. Give it one of these "
				   "headings, or delete the column: %s."), col, title, known);
			note(j, 1, true, text);
			continue;
		}
		if (j->where[c->id]) {
			char text[600], other[8];
			csv_column_name(j->where[c->id], other);
			snprintf(text, sizeof text, _("Row 1, column %s: '%s' is the same column as column %s."), col,
				 title, other);
			note(j, 1, true, text);
			continue;
		}
		j->where[c->id] = i + 1;
	}
	int whole = t == EXCHANGE_CITIZENS ? CC_NAME : t == EXCHANGE_VOLUNTEERS ? VC_NAME : AC_NAME;
	bool split = (t == EXCHANGE_CITIZENS && (has(j, CC_FIRST_NAME) || has(j, CC_SURNAME)))
		  || (t == EXCHANGE_VOLUNTEERS && (has(j, VC_FIRST_NAME) || has(j, VC_SURNAME)));
	if (!has(j, whole) && !split) {
		char text[600];
		snprintf(text, sizeof text, _("Row 1: the file has no column '%s' (or '%s' and '%s')."), _("Name"),
			 _("First name"), _("Surname"));
		note(j, 1, true, text);
	} else if (has(j, whole) && split) {
		char text[600];
		snprintf(text, sizeof text, _("Row 1: the name is there twice: in '%s' and in '%s'/'%s'. Keep one."),
			 _("Name"), _("First name"), _("Surname"));
		note(j, 1, true, text);
	}
	if (t == EXCHANGE_CITIZENS && !has(j, CC_CONSENT_ON)) {
		char text[600];
		snprintf(text, sizeof text,
			 _("Row 1: the file has no column '%s'. Citizens are registered only with their consent: add "
			   "the column with the day each gave it."), _("Consent given on"));
		note(j, 1, true, text);
	}
	j->header_problems = j->rep->problems;
	return true;
}

/* A column without a heading may be empty (spreadsheets add them), but
 * data in it is reported, once per column. */
static void unnamed_cells(struct import_job *j)
{
	int n = csv_cells(&j->reader);
	for (int i = 0; i < n; i++) {
		bool unnamed = i >= j->ntitles || !j->titles[i][0];
		const char *v;
		if (!unnamed || !exchange_rule_trimmed(csv_cell(&j->reader, i), &v))
			continue;
		if (i < j->ntitles && j->unnamed_reported[i])
			continue;
		if (i < j->ntitles)
			j->unnamed_reported[i] = true;
		else if (j->ntitles > 0 && j->unnamed_reported[j->ntitles - 1])
			continue;
		else if (j->ntitles > 0)
			j->unnamed_reported[j->ntitles - 1] = true;
		char col[8], text[600];
		csv_column_name(i + 1, col);
		snprintf(text, sizeof text,
			 _("Row %d, column %s: the cell has data, but the column has no heading. Give it one, or "
			   "delete the column."), j->reader.row, col);
		note(j, j->reader.row, true, text);
		if (i >= j->ntitles)
			break;
	}
}

static bool blank_row(const struct csv_reader *r)
{
	for (int i = 0; i < csv_cells(r); i++) {
		const char *v;
		if (exchange_rule_trimmed(csv_cell(r, i), &v))
			return false;
	}
	return true;
}

static void read_failure(struct import_job *j)
{
	char text[1200];
	const struct csv_failure *f = &j->reader.failure;
	const char *title = f->column > 0 && f->column <= j->ntitles ? j->titles[f->column - 1] : NULL;
	csv_failure_message(f, title, text, sizeof text);
	note(j, f->row, true, text);
}

/* ---------- the two passes ---------- */

static void read_record(struct import_job *j)
{
	j->row_problems = 0;
	switch (j->req->table) {
	case EXCHANGE_CITIZENS:
		read_citizen(j);
		break;
	case EXCHANGE_VOLUNTEERS:
		read_volunteer(j);
		break;
	default:
		read_activity(j);
		break;
	}
}

static enum db_status write_record(struct import_job *j)
{
	switch (j->req->table) {
	case EXCHANGE_CITIZENS:
		return write_citizen(j);
	case EXCHANGE_VOLUNTEERS:
		return write_volunteer(j);
	default:
		return write_activity(j);
	}
}

static bool mark_skip(struct import_job *j, int row)
{
	if (row >= j->nskip) {
		int n = j->nskip ? j->nskip : 1024;
		while (n <= row)
			n *= 2;
		bool *s = realloc(j->skip, (size_t)n * sizeof *s);
		if (!s)
			return false;
		memset(s + j->nskip, 0, (size_t)(n - j->nskip) * sizeof *s);
		j->skip = s;
		j->nskip = n;
	}
	j->skip[row] = true;
	return true;
}

static void report_duplicate(struct import_job *j, int other_row, const char *other, enum import_same why)
{
	const char *because = why == SAME_PHONE ? _("the same phone number")
			    : why == SAME_NAME_YEAR ? _("the same name and birth year")
			    : j->req->table == EXCHANGE_ACTIVITIES ? _("the same name")
			    : _("the same name, and nothing tells them apart");
	char text[1200];
	if (other_row == 0)
		snprintf(text, sizeof text, _("Row %d: %s is already in Brobygger (%s); the row is skipped."),
			 j->reader.row, other, because);
	else
		snprintf(text, sizeof text, _("Row %d: the same as row %d, %s (%s); the row is skipped."), j->reader.row,
			 other_row, other, because);
	note(j, j->reader.row, false, text);
}

static enum db_status load_person(void *ctx, const struct exchange_person *p)
{
	return people_add(ctx, p, 0) ? DB_OK : DB_ERR_IO;
}

/* Checks every row; remembers who is skipped. */
static enum db_status first_pass(struct import_job *j)
{
	enum csv_read st;
	while ((st = csv_read_row(&j->reader)) == CSV_ROW) {
		if (blank_row(&j->reader))
			continue;
		j->rep->rows++;
		unnamed_cells(j);
		read_record(j);
		if (j->row_problems)
			continue;
		int other = 0;
		const char *who = NULL;
		enum import_same why;
		if (people_find(&j->people, &j->r->person, &other, &who, &why)) {
			report_duplicate(j, other, who, why);
			j->rep->skipped++;
			if (!mark_skip(j, j->reader.row))
				return DB_ERR_IO;
			continue;
		}
		if (!people_add(&j->people, &j->r->person, j->reader.row))
			return DB_ERR_IO;
		j->rep->added++;
	}
	if (st == CSV_FAILED)
		read_failure(j);
	return DB_OK;
}

/* Writes every row the first pass found good and not skipped. */
static enum db_status second_pass(struct import_job *j, const char *bytes, size_t len)
{
	csv_reader_free(&j->reader);
	if (!csv_reader_open(&j->reader, bytes, len, j->req->encoding) || csv_read_row(&j->reader) != CSV_ROW)
		return DB_ERR_IO;
	j->writing = true;
	enum db_status r = cache_create(j, &j->interests);
	if (r == DB_OK)
		r = cache_create(j, &j->barriers);
	while (r == DB_OK && csv_read_row(&j->reader) == CSV_ROW) {
		int row = j->reader.row;
		if (blank_row(&j->reader) || (row < j->nskip && j->skip[row]))
			continue;
		read_record(j);
		r = write_record(j);
	}
	return r;
}

static const char *const entities[] = {
	[EXCHANGE_CITIZENS] = "citizen", [EXCHANGE_VOLUNTEERS] = "volunteer", [EXCHANGE_ACTIVITIES] = "activity",
};

static enum db_status audit_import(struct import_job *j)
{
	const struct exchange_report *rep = j->rep;
	char detail[700];
	snprintf(detail, sizeof detail, "%s%s from %s: %d rows, %d %s, %d skipped, %d problems",
		 j->req->dry_run ? "trial run: " : rep->problems ? "refused: " : "",
		 exchange_table_name(j->req->table), j->req->source ? j->req->source : "-", rep->rows, rep->added,
		 j->req->dry_run || rep->problems ? "to add" : "added", rep->skipped, rep->problems);
	return desk_audit(j->d, "import", entities[j->req->table], 0, detail);
}

static void job_free(struct import_job *j)
{
	csv_reader_free(&j->reader);
	for (int i = 0; i < j->ntitles; i++)
		free(j->titles[i]);
	free(j->titles);
	free(j->unnamed_reported);
	people_free(&j->people);
	cache_free(&j->interests);
	cache_free(&j->barriers);
	free(j->skip);
	free(j->scratch);
	free(j->r);
	free(j);
}

enum db_status exchange_import(struct desk *d, const struct exchange_import *req, const char *bytes, size_t len,
			       struct exchange_report *out)
{
	memset(out, 0, sizeof *out);
	if (!exchange_table_importable(req->table))
		return DB_ERR_MISUSE;
	enum db_status r = desk_allow(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	struct import_job *j = calloc(1, sizeof *j);
	if (!j || !(j->r = calloc(1, sizeof *j->r))) {
		free(j);
		return DB_ERR_IO;
	}
	j->d = d;
	j->req = req;
	j->rep = out;
	j->today = date_today();
	j->interests.which = "interests";
	j->barriers.which = "barriers";
	people_init(&j->people, req->table == EXCHANGE_ACTIVITIES);

	if (!csv_reader_open(&j->reader, bytes, len, req->encoding)) {
		read_failure(j);
		job_free(j);
		return DB_ERR_INVALID;
	}
	out->encoding = j->reader.encoding;
	out->separator = j->reader.separator;
	enum csv_read first = csv_read_row(&j->reader);
	if (first != CSV_ROW) {
		if (first == CSV_FAILED)
			read_failure(j);
		else
			note(j, 0, true, _("The file is empty: it has no header row."));
		job_free(j);
		return DB_ERR_INVALID;
	}
	if (!map_header(j)) {
		job_free(j);
		return DB_ERR_IO;
	}

	/* One write transaction from the look at who is on record to the
	 * last row written: nobody can register the same person meanwhile. */
	r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK) {
		job_free(j);
		return r;
	}
	r = store_exchange_people(d->db, req->table, load_person, &j->people);
	if (r == DB_OK)
		r = store_exchange_picks(d->db, "interests", cache_add, &j->interests);
	if (r == DB_OK)
		r = store_exchange_picks(d->db, "barriers", cache_add, &j->barriers);
	if (r == DB_OK)
		r = first_pass(j);
	if (r == DB_OK && out->rows == 0 && !out->problems)
		note(j, 0, true, _("The file has a header row but no rows with data."));
	list_new_picks(j);
	bool write = r == DB_OK && !out->problems && !req->dry_run;
	if (write)
		r = second_pass(j, bytes, len);
	if (r == DB_OK)
		r = audit_import(j);
	r = desk_end(d, r);
	out->imported = write && r == DB_OK;
	if (r == DB_OK && out->problems)
		r = DB_ERR_INVALID;
	job_free(j);
	return r;
}
