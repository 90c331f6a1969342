/* schema_v3.c — migration 3, for the registry and matching (issue 4).
 *
 * Volunteers and activities get the same search keys citizens got in v2:
 * the Danish sort key orders the registry lists, and search_text (folded
 * name, e-mail or organiser, town or place, phone digits, postcodes) is
 * what search as you type looks in. A few thousand rows are scanned in
 * well under a millisecond, so a plain column is enough: no FTS here.
 * The triggers keep the keys in step; bb_fold, bb_digits and bb_sortkey
 * are src/'s rules, registered on every connection by db.c.
 *
 * A citizen's wish about the volunteer's age (close to their own, younger
 * or older) joins the wishes v1 already keeps (gender, lived experience).
 */
#include "migrate.h"

#define VOLUNTEER_SEARCH(row) \
	"trim(COALESCE(bb_fold(" row ".name), '') || ' ' || COALESCE(bb_fold(" row ".email), '') || ' '" \
	" || COALESCE(bb_fold(" row ".town), '') || ' ' || COALESCE(bb_digits(" row ".phone), '') || ' '" \
	" || COALESCE(" row ".postcode, ''))"
#define ACTIVITY_SEARCH(row) \
	"trim(COALESCE(bb_fold(" row ".name), '') || ' ' || COALESCE(bb_fold(" row ".organiser), '') || ' '" \
	" || COALESCE(bb_fold(" row ".place), '') || ' ' || COALESCE(" row ".postcode, ''))"

const char schema_v3[] =
	"ALTER TABLE citizens ADD COLUMN pref_volunteer_age TEXT"
	"  CHECK (pref_volunteer_age IS NULL OR pref_volunteer_age IN ('similar','younger','older'));"

	"ALTER TABLE volunteers ADD COLUMN sort_key TEXT;"
	"ALTER TABLE volunteers ADD COLUMN search_text TEXT;"
	"UPDATE volunteers SET sort_key = bb_sortkey(name), search_text = " VOLUNTEER_SEARCH("volunteers") ";"
	"CREATE INDEX volunteers_sort ON volunteers(sort_key);"
	"CREATE TRIGGER volunteers_keys_insert AFTER INSERT ON volunteers BEGIN"
	"  UPDATE volunteers SET sort_key = bb_sortkey(NEW.name), search_text = " VOLUNTEER_SEARCH("NEW")
	"   WHERE id = NEW.id;"
	"END;"
	"CREATE TRIGGER volunteers_keys_update AFTER UPDATE OF name, email, town, phone, postcode"
	" ON volunteers BEGIN"
	"  UPDATE volunteers SET sort_key = bb_sortkey(NEW.name), search_text = " VOLUNTEER_SEARCH("NEW")
	"   WHERE id = NEW.id;"
	"END;"

	"ALTER TABLE activities ADD COLUMN sort_key TEXT;"
	"ALTER TABLE activities ADD COLUMN search_text TEXT;"
	"UPDATE activities SET sort_key = bb_sortkey(name), search_text = " ACTIVITY_SEARCH("activities") ";"
	"CREATE INDEX activities_sort ON activities(sort_key);"
	"CREATE TRIGGER activities_keys_insert AFTER INSERT ON activities BEGIN"
	"  UPDATE activities SET sort_key = bb_sortkey(NEW.name), search_text = " ACTIVITY_SEARCH("NEW")
	"   WHERE id = NEW.id;"
	"END;"
	"CREATE TRIGGER activities_keys_update AFTER UPDATE OF name, organiser, place, postcode"
	" ON activities BEGIN"
	"  UPDATE activities SET sort_key = bb_sortkey(NEW.name), search_text = " ACTIVITY_SEARCH("NEW")
	"   WHERE id = NEW.id;"
	"END;"

	/* The waiting list asks, for every active citizen, for their latest
	 * assessment, their last match's end and their latest referral: each
	 * is then one step down an index (a third faster on 100 000). */
	"CREATE INDEX assessments_latest ON assessments(citizen_id, assessed_on, id);"
	"CREATE INDEX referrals_citizen_date ON referrals(citizen_id, referred_on);"
	"CREATE INDEX matches_citizen_end ON matches(citizen_id, ended_on);";
