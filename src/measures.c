/* measures.c — the outcome measure use cases (measures.h). */
#include "measures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "measure_rules.h"
#include "store_measures.h"

enum db_status measures_list(struct desk *d, struct measure_ref *out, int max, int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_measures_defs(d->db, out, max, count);
}

enum db_status measures_load(struct desk *d, long long measure_id, struct measure_def *out)
{
	memset(out, 0, sizeof *out);
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	return desk_end(d, store_measures_def_load(d->db, measure_id, out));
}

enum db_status measures_has_consent(struct desk *d, long long citizen_id, bool *given)
{
	*given = false;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_measures_consent(d->db, citizen_id, given);
}

/* The answers scored by the measure's own definition, read in the same
 * transaction: what the screen showed is not trusted for the total. */
static enum db_status score(struct desk *d, struct measure_entry *e, struct measure_refusal *why)
{
	struct measure_def *def = malloc(sizeof *def);
	if (!def)
		return DB_ERR_IO;
	enum db_status r = store_measures_def_load(d->db, e->measure_id, def);
	if (r == DB_OK) {
		why->check = measure_score(def, e->answers, e->nanswers, &e->total, &why->item);
		if (why->check != MEASURE_OK) {
			measure_check_words(def, why->check, why->item, e->answers, e->nanswers, why->words,
					    sizeof why->words);
			r = DB_ERR_CONSTRAINT;
		}
	}
	free(def);
	return r;
}

enum db_status measures_record(struct desk *d, const struct measure_entry *in, long long *id)
{
	return measures_record_why(d, in, id, NULL);
}

enum db_status measures_record_why(struct desk *d, const struct measure_entry *in, long long *id,
				   struct measure_refusal *why)
{
	*id = 0;
	struct measure_refusal ignored;
	if (!why)
		why = &ignored;
	memset(why, 0, sizeof *why);
	why->item = -1;
	struct date taken;
	if (!date_parse_iso(in->taken_on, &taken) || !measure_rule_day(taken, date_today()))
		return DB_ERR_INVALID;
	if (in->nanswers < 1 || in->nanswers > MEASURE_MAX_ITEMS) {
		why->check = MEASURE_MISSING;
		measure_check_words(NULL, why->check, -1, NULL, 0, why->words, sizeof why->words);
		return DB_ERR_CONSTRAINT;
	}
	struct measure_entry e = *in;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	bool on_record = false;
	long long row = 0;
	r = score(d, &e, why);
	if (r == DB_OK)
		r = store_measures_consent(d->db, e.citizen_id, &on_record);
	enum measure_consent consent = measure_rule_consent(on_record, e.record_consent);
	if (r == DB_OK && consent == MEASURE_CONSENT_MISSING) {
		why->no_consent = true;
		snprintf(why->words, sizeof why->words, "%s", _("Not saved: the citizen has not agreed."));
		r = DB_ERR_CONSTRAINT;
	}
	if (r == DB_OK && consent == MEASURE_CONSENT_GIVEN_NOW) {
		r = store_measures_consent_add(d->db, e.citizen_id, e.taken_on, d->user);
		if (r == DB_OK)
			r = desk_audit(d, "update", "citizen", e.citizen_id, "consent: measures");
	}
	if (r == DB_OK)
		r = store_measures_insert(d->db, &e, d->user, &row);
	char detail[64];
	snprintf(detail, sizeof detail, "measure %lld: %d", e.measure_id, e.total);
	if (r == DB_OK)
		r = desk_audit(d, "update", "citizen", e.citizen_id, detail);
	r = desk_end(d, r);
	if (r == DB_OK)
		*id = row;
	return r;
}

enum db_status measures_history(struct desk *d, long long citizen_id, struct measure_history *out, int max,
				int *count)
{
	*count = 0;
	enum db_status r = desk_allow(d, ROLE_DESK);
	return r != DB_OK ? r : store_measures_history(d->db, citizen_id, out, max, count);
}
