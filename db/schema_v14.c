/* schema_v14.c — migration 14: the card's edit form is kept as a draft
 * too when the program is stopped (SIGTERM, SIGHUP) in the middle of an
 * edit. A card draft names its citizen and carries, beside the form's
 * values, the values the edit started from (`base`, at `base_version`),
 * so that a change saved meanwhile at another desk is merged field by
 * field as a live edit would be. The kind check changes, so the table is
 * built anew. */
#include "migrate.h"

const char schema_v14[] =
	"CREATE TABLE drafts_new ("
	"  id           INTEGER PRIMARY KEY,"
	"  kind         TEXT NOT NULL CHECK (kind IN ('intake', 'card')),"
	"  label        TEXT NOT NULL,"
	"  data         TEXT NOT NULL,"
	"  user_id      INTEGER REFERENCES users(id),"
	"  citizen_id   INTEGER REFERENCES citizens(id) ON DELETE CASCADE,"
	"  base         TEXT,"
	"  base_version INTEGER,"
	"  updated_at   TEXT NOT NULL,"
	"  CHECK ((kind = 'card') = (citizen_id IS NOT NULL AND base IS NOT NULL AND base_version IS NOT NULL))"
	");"
	"INSERT INTO drafts_new(id, kind, label, data, user_id, updated_at)"
	"  SELECT id, kind, label, data, user_id, updated_at FROM drafts;"
	"DROP TABLE drafts;"
	"ALTER TABLE drafts_new RENAME TO drafts;"
	"CREATE INDEX drafts_user ON drafts(user_id);"
	"CREATE INDEX drafts_citizen ON drafts(citizen_id) WHERE citizen_id IS NOT NULL;";
