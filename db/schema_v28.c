/* schema_v28.c — migration 28: a draft kept about a citizen (a call's
 * outcome, a card edit) carries its values in words as the form showed
 * them (`words`), for the citizen's insight file: a draft is stored
 * about the person too, and its own text ("outcome=1") says nothing to
 * them. A note's draft is its words already; an intake's is about
 * nobody on record yet. Both engines take the same statement. */
#include "migrate.h"

const char schema_v28[] = "ALTER TABLE drafts ADD COLUMN words TEXT;";
