/* anonymise.c — forgetting a citizen (anonymise.h). */
#include "anonymise.h"

#include <stdlib.h>
#include <string.h>

#include "citizens.h"
#include "date.h"
#include "i18n.h"
#include "protection_rules.h"
#include "store_calls.h"
#include "store_citizens.h"
#include "store_protection.h"

/* The course ends, and what hangs on it as any course's end
 * (citizens_course_ended_within: the open calls, the open matches as
 * "the course ended", not as the citizen's no), and a raised escalation. */
static enum db_status end_everything(struct desk *d, const struct citizen *c, const char *today)
{
	enum db_status r = DB_OK;
	if (strcmp(c->status, "ended") != 0)
		r = store_citizens_end(d->db, c->id, c->version, today, "forgotten");
	if (r == DB_OK)
		r = citizens_course_ended_within(d, c->id, today, "forgotten", 0, 0);
	bool raised = false;
	if (r == DB_OK)
		r = store_calls_escalation_open(d->db, c->id, &raised);
	if (r == DB_OK && raised)
		r = store_calls_escalation_resolve(d->db, c->id, today, NULL, d->user);
	return r;
}

static enum db_status withdraw_all(struct desk *d, long long citizen_id, const char *today)
{
	enum db_status r = DB_OK;
	for (int p = 0; r == DB_OK && p < CONSENT_PURPOSES; p++) {
		bool changed = false;
		r = store_consent_withdraw(d->db, citizen_id, consent_purpose_code((enum consent_purpose)p), today,
					   d->user, &changed);
	}
	return r;
}

enum db_status anonymise_within(struct desk *d, long long citizen_id, const char *today)
{
	struct citizen_card *card = malloc(sizeof *card);
	if (!card)
		return DB_ERR_IO;
	enum db_status r = db_begin(d->db);
	if (r != DB_OK) {
		free(card);
		return r;
	}
	/* Only the citizen's own centre forgets them; a partner it was
	 * shared with loses sight of them then too. */
	r = desk_owns_citizen(d, citizen_id);
	if (r == DB_OK)
		r = store_citizens_card(d->db, citizen_id, card, NULL);
	if (r == DB_OK && card->citizen.anonymised_on[0])
		r = DB_ERR_INVALID;
	if (r == DB_OK)
		r = end_everything(d, &card->citizen, today);
	if (r == DB_OK)
		r = withdraw_all(d, citizen_id, today);
	/* The age when they came, as a band. */
	struct date referred;
	int year = date_parse_iso(card->referral.referred_on, &referred) ? referred.year : date_today().year;
	char band[AGE_BAND_LEN];
	protection_age_band(card->citizen.birth_year, year, band);
	struct anonymise_values v = { .name = _("Anonymised citizen"), .today = today, .age_band = band };
	if (r == DB_OK)
		r = store_anonymise_citizen(d->db, citizen_id, &v);
	/* That it happened, by whom and when: never what was removed. */
	if (r == DB_OK)
		r = desk_audit(d, "delete", "citizen", citizen_id, "anonymised");
	free(card);
	return db_end(d->db, r);
}

enum db_status anonymise_citizen(struct desk *d, long long citizen_id)
{
	char today[DATE_ISO_LEN];
	date_format_iso(date_today(), today);
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	return desk_end(d, anonymise_within(d, citizen_id, today));
}
