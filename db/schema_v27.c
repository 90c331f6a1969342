/* schema_v27.c — migration 27: a call's outcome or a note on a card,
 * half written when the program is stopped (the shift ends, Ctrl-C, the
 * PC shuts down), is kept as the person's draft as an intake and a card
 * edit are. A call draft names the call (`call_id`, gone with the call);
 * both name the citizen (gone with them, and with their anonymisation).
 * The kind check changes, so the table is built anew, as migration 14
 * did. */
#include "migrate.h"

const char schema_v27[] =
	"CREATE TABLE drafts_new ("
	"  id           INTEGER PRIMARY KEY,"
	"  kind         TEXT NOT NULL CHECK (kind = 'intake' OR kind = 'card' OR kind = 'call' OR kind = 'note'),"
	"  label        TEXT NOT NULL,"
	"  data         TEXT NOT NULL,"
	"  user_id      INTEGER REFERENCES users(id),"
	"  citizen_id   INTEGER REFERENCES citizens(id) ON DELETE CASCADE,"
	"  base         TEXT,"
	"  base_version INTEGER,"
	"  updated_at   TEXT NOT NULL,"
	"  centre       TEXT NOT NULL DEFAULT 'lokal',"
	"  call_id      INTEGER REFERENCES follow_ups(id) ON DELETE CASCADE,"
	"  CHECK ((kind = 'card') = (base IS NOT NULL AND base_version IS NOT NULL)),"
	"  CHECK ((kind = 'call') = (call_id IS NOT NULL)),"
	"  CHECK (kind = 'intake' OR citizen_id IS NOT NULL)"
	");"
	"INSERT INTO drafts_new(id, kind, label, data, user_id, citizen_id, base, base_version, updated_at, centre)"
	"  SELECT id, kind, label, data, user_id, citizen_id, base, base_version, updated_at, centre FROM drafts;"
	"DROP TABLE drafts;"
	"ALTER TABLE drafts_new RENAME TO drafts;"
	"CREATE INDEX drafts_user ON drafts(user_id);"
	"CREATE INDEX drafts_citizen ON drafts(citizen_id) WHERE citizen_id IS NOT NULL;"
	"CREATE INDEX drafts_call ON drafts(call_id) WHERE call_id IS NOT NULL;"
	/* One kept outcome per person and call, one kept note per person and
	 * citizen, even with two PCs stopped at once (nobody signed in
	 * counts as one person). */
	"CREATE UNIQUE INDEX drafts_call_owner ON drafts(call_id, COALESCE(user_id, 0)) WHERE kind = 'call';"
	"CREATE UNIQUE INDEX drafts_note_owner ON drafts(citizen_id, COALESCE(user_id, 0)) WHERE kind = 'note';";
