/* schema_pg_v27.c — migration 27 on PostgreSQL (SQLite: schema_v27.c):
 * a call's outcome or a note half written at a stop is kept as a draft,
 * naming the call or the citizen. PostgreSQL changes the checks in place
 * and names them, for the next migration to find. */
#include "migrate.h"

const char schema_pg_v27[] =
	"ALTER TABLE drafts ADD COLUMN call_id bigint REFERENCES follow_ups(id) ON DELETE CASCADE,"
	" DROP CONSTRAINT drafts_check, DROP CONSTRAINT drafts_kind_check,"
	" ADD CONSTRAINT drafts_kind_check CHECK (kind IN ('intake', 'card', 'call', 'note')),"
	" ADD CONSTRAINT drafts_card_check CHECK ((kind = 'card') = (base IS NOT NULL AND base_version IS NOT NULL)),"
	" ADD CONSTRAINT drafts_call_check CHECK ((kind = 'call') = (call_id IS NOT NULL)),"
	" ADD CONSTRAINT drafts_citizen_check CHECK (kind = 'intake' OR citizen_id IS NOT NULL);"
	"CREATE INDEX drafts_call ON drafts(call_id NULLS FIRST) WHERE call_id IS NOT NULL;"
	"CREATE UNIQUE INDEX drafts_call_owner ON drafts(call_id, COALESCE(user_id, 0)) WHERE kind = 'call';"
	"CREATE UNIQUE INDEX drafts_note_owner ON drafts(citizen_id, COALESCE(user_id, 0)) WHERE kind = 'note';";
