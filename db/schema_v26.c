/* schema_v26.c — migration 26: a course ended because the citizen was
 * anonymised (the retention rule, or a request to be forgotten) has an
 * end reason of its own, 'forgotten', that the desk cannot choose. Such
 * courses ended as 'declined', and the funders' report (which counts
 * the course's events) counted the centre's own missing follow-up as
 * citizens who said no. Those already ended so, the day they were
 * anonymised, are put right, their event with them. */
#include "migrate.h"

const char schema_v26[] =
	"INSERT INTO end_reasons(code, position, active) VALUES ('forgotten', 6, 0);"
	"UPDATE course_events SET reason = 'forgotten' WHERE kind = 'ended' AND reason = 'declined'"
	" AND happened_on = (SELECT c.anonymised_on FROM citizens AS c WHERE c.id = course_events.citizen_id"
	"  AND c.end_reason = 'declined' AND c.ended_on = c.anonymised_on);"
	"UPDATE citizens SET end_reason = 'forgotten'"
	" WHERE anonymised_on IS NOT NULL AND end_reason = 'declined' AND ended_on = anonymised_on;";
