/* schema_v4.c — migration 4, for attendance (issue 5).
 *
 * A walk-in who is not in the database yet is registered on the spot with
 * just a name and a phone number; needs_intake says that the first
 * conversation is still owed. The flag counts only until an assessment is
 * recorded, so nobody has to remember to clear it.
 *
 * The roll list of a session is everyone whose enrolment covered its date;
 * the index finds them by activity and end date (current enrolments have
 * none) without reading ten years of ended ones.
 */
#include "migrate.h"

const char schema_v4[] =
	"ALTER TABLE citizens ADD COLUMN needs_intake INTEGER NOT NULL DEFAULT 0"
	"  CHECK (needs_intake IN (0,1));"
	"CREATE INDEX enrolments_activity_end ON enrolments(activity_id, ended_on, enrolled_on);";
