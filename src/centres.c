/* centres.c — the centres on one database and sharing a citizen with a
 * partner (centres.h). */
#include "centres.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "store_centres.h"
#include "store_citizens.h"
#include "utf8.h"

enum db_status centres_list(struct desk *d, struct centre *out, int max, int *count)
{
	*count = 0;
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	return desk_end(d, store_centres_list(d->db, out, max, count));
}

enum db_status centres_partners(struct desk *d, struct centre *out, int max, int *count)
{
	enum db_status r = centres_list(d, out, max, count);
	const char *mine = desk_centre(d);
	int kept = 0;
	for (int i = 0; r == DB_OK && i < *count; i++)
		if (strcmp(out[i].code, mine) != 0)
			out[kept++] = out[i];
	*count = r == DB_OK ? kept : 0;
	return r;
}

enum db_status centres_shares(struct desk *d, long long citizen_id, struct citizen_share *out, int max,
			      int *count)
{
	*count = 0;
	enum db_status r = desk_begin_read(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = desk_sees_citizen(d, citizen_id);
	if (r == DB_OK)
		r = store_shares_of(d->db, citizen_id, out, max, count);
	return desk_end(d, r);
}

/* The partner's name, for the audit line; DB_ERR_INVALID when `partner`
 * is no centre on the database or this one. */
static enum db_status partner_name(struct desk *d, const char *partner, char *name, size_t size)
{
	if (strcmp(partner, desk_centre(d)) == 0)
		return DB_ERR_INVALID;
	struct centre all[CENTRES_MAX];
	int n;
	enum db_status r = store_centres_list(d->db, all, CENTRES_MAX, &n);
	for (int i = 0; r == DB_OK && i < n; i++)
		if (strcmp(all[i].code, partner) == 0) {
			snprintf(name, size, "%s", all[i].name);
			return DB_OK;
		}
	return r == DB_OK ? DB_ERR_INVALID : r;
}

enum db_status centres_share(struct desk *d, long long citizen_id, const char *partner, bool give, bool *changed)
{
	*changed = false;
	enum db_status r = desk_begin(d, ROLE_DESK);
	if (r != DB_OK)
		return r;
	r = desk_owns_citizen(d, citizen_id);
	struct citizen_card card;
	if (r == DB_OK)
		r = store_citizens_card(d->db, citizen_id, &card, NULL);
	if (r == DB_OK && card.citizen.anonymised_on[0])
		r = DB_ERR_INVALID;
	char name[LIMIT_BYTES(CENTRE_NAME_CHARS)];
	if (r == DB_OK)
		r = partner_name(d, partner, name, sizeof name);
	bool shared = false;
	if (r == DB_OK)
		r = store_shares_in_force(d->db, citizen_id, partner, &shared);
	if (r == DB_OK && shared != give) {
		char today[DATE_ISO_LEN];
		date_format_iso(date_today(), today);
		r = store_shares_set(d->db, citizen_id, partner, give, today, d->user);
		char detail[AUDIT_DETAIL];
		snprintf(detail, sizeof detail, "%s%s", give ? "shared with: " : "sharing withdrawn: ", name);
		if (r == DB_OK)
			r = desk_audit(d, "update", "citizen", citizen_id, detail);
		*changed = r == DB_OK;
	}
	r = desk_end(d, r);
	if (r != DB_OK)
		*changed = false;
	return r;
}

enum db_status centres_add(struct desk *d, const char *code, const char *name)
{
	if (db_engine(d->db) != DB_ENGINE_POSTGRESQL || !name[0] || !utf8_valid(name, strlen(name))
	    || utf8_length(name) > CENTRE_NAME_CHARS)
		return DB_ERR_INVALID;
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	r = store_centres_grant(d->db, code);
	if (r == DB_OK)
		r = store_centres_add(d->db, code, name);
	char detail[AUDIT_DETAIL];
	snprintf(detail, sizeof detail, "centre added: %s", name);
	if (r == DB_OK)
		r = desk_audit(d, "create", "centre", 0, detail);
	return desk_end(d, r);
}
