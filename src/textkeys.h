/* textkeys.h — the keys citizens, volunteers and activities are found and
 * sorted by, made in C from their details (src/fold.h, src/collate.h) and
 * handed to the stores, which write them as given. Nothing in the database
 * computes a key: a row written by another tool simply has none until
 * textkeys_refresh() makes them.
 *
 * The keys depend on ICU's version (its collator's weights change between
 * versions) and on our own folding rules, so the settings keep which ones
 * made the stored keys, and textkeys_refresh() remakes every key when that
 * differs. db_open runs it after migrating (dbrules_install hands it over),
 * so a database is never searched with keys from other rules. */
#ifndef BB_TEXTKEYS_H
#define BB_TEXTKEYS_H

#include <stddef.h>

#include "db.h"
#include "model_citizen.h"
#include "model_registry.h"

void textkeys_citizen(const struct citizen_key_source *c, struct citizen_keys *out);
/* The same from a citizen's own details (struct citizen). */
void textkeys_of_citizen(const struct citizen *c, struct citizen_keys *out);
void textkeys_volunteer(const struct volunteer_record *v, struct registry_keys *out);
void textkeys_activity(const struct activity_record *a, struct registry_keys *out);
/* From stored details; for an activity, email is the organiser and town
 * the place. */
void textkeys_registry(const struct registry_key_source *s, struct registry_keys *out);

/* What the desk typed, made ready for store_citizens_search with the same
 * rules that made the stored keys. Only digits and the signs people write
 * in a phone number (space + - ( ) / .) make a phone search. */
void textkeys_query(const char *typed, enum citizen_order order, struct citizen_query *out);
/* Whether what is typed makes a phone search (textkeys_query). */
bool textkeys_phone_like(const char *typed);

/* A pick-list (interests, barriers) in Danish order. */
void textkeys_sort_picks(struct pick *picks, int n);
/* The entry named `name` in another case or spelling of æøå (the same
 * fold), an active one before a retired one; -1 when none. */
int textkeys_find_pick(const struct pick *picks, int n, const char *name);

/* The rules the keys are made by, as stored in the settings. */
void textkeys_version(char *out, size_t size);

/* Remakes the keys of every citizen, volunteer and activity when the
 * stored version differs from textkeys_version(), in one transaction of
 * its own; *remade (may be NULL) gets how many rows were rewritten. */
enum db_status textkeys_refresh(struct db *db, long long *remade);
/* Whether textkeys_refresh has citizens' keys to remake (a settings read
 * and a look for one citizen). */
bool textkeys_stale(struct db *db);

/* A citizen's keys made again from what is stored now, inside the
 * caller's transaction: for a use case that changed the details some
 * other way (anonymising a citizen, say). DB_ERR_NOTFOUND if none. */
enum db_status textkeys_rewrite_citizen(struct db *db, long long citizen_id);

#endif
