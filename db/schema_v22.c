/* schema_v22.c — migration 22: what one attendance mark reads and writes
 * (issue 15: a mark at p99 within 2.5× a raw fdatasync).
 *
 * - calls_attendance_missed (migration 5: the marks other than present,
 *   by session) goes. Its key is the attendance table's own primary key
 *   (session_id, citizen_id), and the table is WITHOUT ROWID, so the
 *   primary key holds the mark too: the one query that named it (the
 *   marks replay, store_calls_mark_facts) reads the held sessions' marks
 *   from the primary key just as well, a roll's marks in a page or two.
 *   Every mark other than present wrote a page of it more to the WAL
 *   and synced it.
 * - consents_citizen (citizen_id, purpose) gets withdrawn_on beside its
 *   key, so "is this consent in force" is answered by the index alone:
 *   every mark asks it of the citizen marked (the missed-sessions rule
 *   wants consent to contact), and read the consent's row from the table
 *   besides, a page nothing else of the mark reads. The old index is a
 *   prefix of the new one: no query loses it.
 * PostgreSQL's is the same (schema_pg.c). */
#include "migrate.h"

const char schema_v22[] =
	"DROP INDEX calls_attendance_missed;"
	"DROP INDEX consents_citizen;"
	"CREATE INDEX consents_citizen ON consents(citizen_id, purpose, withdrawn_on);";
