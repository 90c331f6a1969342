/* store_centres.h — the centres sharing the database, and the citizens
 * each has shared with a partner by consent (migration 17).
 *
 * On a file there is one centre, "lokal"; on a PostgreSQL server a
 * centre is the database role it connects as, and the server's row-level
 * security lets each see only its own rows and the citizens shared with
 * it. These stores read and write inside the caller's transaction; who
 * may do what is src/centres.c's to say. */
#ifndef BB_STORE_CENTRES_H
#define BB_STORE_CENTRES_H

#include <stdbool.h>

#include "db.h"
#include "model_protection.h"

/* The code of the centre this connection acts for. */
enum db_status store_centres_mine(struct db *db, char code[CENTRE_CODE]);

/* Every centre on the database, by name. */
enum db_status store_centres_list(struct db *db, struct centre *out, int max, int *count);

/* A new centre (the server's role `code` must exist); DB_ERR_CONFLICT
 * when there is one by that code. */
enum db_status store_centres_add(struct db *db, const char *code, const char *name);
enum db_status store_centres_rename(struct db *db, const char *code, const char *name);

/* On a server: the rights the role `code` needs to use the tables, and no
 * more (no schema changes, no new centres). Nothing on a file. */
enum db_status store_centres_grant(struct db *db, const char *code);

/* Whose the citizen is (`owner`) and whether `centre` may see them: its
 * own, or shared with it and not withdrawn. DB_ERR_NOTFOUND: no such
 * citizen (or none this connection can see). */
enum db_status store_centres_citizen(struct db *db, long long citizen_id, const char *centre,
				     char owner[CENTRE_CODE], bool *visible);

/* Of the `n` citizens `ids`, those `centre` may see: visible[i]. On a
 * server (a file is one centre: DB_ERR_MISUSE). */
enum db_status store_centres_visible(struct db *db, const char *centre, const long long *ids, int n, bool *visible);

/* Every share of the citizen, given first, with the partner's name. */
enum db_status store_shares_of(struct db *db, long long citizen_id, struct citizen_share *out, int max,
			       int *count);
enum db_status store_shares_in_force(struct db *db, long long citizen_id, const char *partner, bool *shared);
/* Shares the citizen with `partner` on the day `on` (give), or withdraws
 * the share in force: DB_ERR_NOTFOUND when there is none. */
enum db_status store_shares_set(struct db *db, long long citizen_id, const char *partner, bool give, const char *on,
				db_user_id by);

#endif
