/* centres.h — several centres on one PostgreSQL server, and a citizen's
 * consent to be shared with one of them (issue 16).
 *
 * Each centre sees its own citizens; a citizen who agrees to it is shared
 * with a named partner (a hospital's community guides, the Red Cross, a
 * municipal centre) that then sees their card, and what either writes
 * about them. The consent is recorded by the citizen's own centre, like
 * any other consent, and can be withdrawn; the partner loses sight of
 * the citizen that day. On a file there is one centre and no partner.
 *
 * The use cases check every citizen they are given against the desk's
 * centre (desk_sees_citizen); on a server row-level security says the
 * same for anything that reaches the tables another way. */
#ifndef BB_CENTRES_H
#define BB_CENTRES_H

#include <stdbool.h>

#include "desk.h"
#include "model_protection.h"

/* The centres a citizen can be shared with: every centre on the database
 * but this desk's own. */
enum db_status centres_partners(struct desk *d, struct centre *out, int max, int *count);

/* Every centre on the database, this one included. */
enum db_status centres_list(struct desk *d, struct centre *out, int max, int *count);

/* The citizen's shares, in force and withdrawn, oldest first. */
enum db_status centres_shares(struct desk *d, long long citizen_id, struct citizen_share *out, int max,
			      int *count);

/* Shares the citizen with `partner` today (give) or withdraws it. Only the
 * citizen's own centre can (DB_ERR_NOTFOUND elsewhere); an anonymised
 * citizen, an unknown partner or the centre itself: DB_ERR_INVALID.
 * *changed is false when it was so already, and nothing is written. */
enum db_status centres_share(struct desk *d, long long citizen_id, const char *partner, bool give, bool *changed);

/* A new centre on the server: the database role `code` (made by the
 * server's administrator) becomes a centre called `name`, with the rights
 * it needs on the tables. For the centre that owns the tables, from the
 * command line. On a file: DB_ERR_INVALID (one file is one centre); no
 * such role: DB_ERR_NOTFOUND; a centre by that code: DB_ERR_CONFLICT. */
enum db_status centres_add(struct desk *d, const char *code, const char *name);

#endif
