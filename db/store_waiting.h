/* store_waiting.h — who is waiting for a match, as SQL pieces: the one
 * definition the waiting list (store_matching.c) and the report
 * (store_report.c) share. Private to db/.
 *
 * WAITING_FROM selects the citizens `c` who wait, with `a` their latest
 * assessment; WAITING_SINCE is the day each has waited since. */
#ifndef BB_STORE_WAITING_H
#define BB_STORE_WAITING_H

/* The latest assessment decides; no open match; course active. */
#define WAITING_FROM \
	" FROM citizens AS c" \
	" LEFT JOIN assessments AS a ON a.id = (SELECT x.id FROM assessments AS x" \
	"   WHERE x.citizen_id = c.id ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1)" \
	" WHERE c.status = 'active' AND (a.outcome IS NULL OR a.outcome = 'volunteer_help')" \
	" AND NOT EXISTS (SELECT 1 FROM matches AS m WHERE m.citizen_id = c.id AND m.ended_on IS NULL)"

/* The latest of: the assessment, the end of the last match, the referral
 * (or, without one, the day the citizen was registered). */
#define WAITING_SINCE \
	"max(COALESCE(a.assessed_on, '')," \
	" COALESCE((SELECT max(m.ended_on) FROM matches AS m WHERE m.citizen_id = c.id), '')," \
	" COALESCE((SELECT max(r.referred_on) FROM referrals AS r WHERE r.citizen_id = c.id)," \
	"  date(c.created_at)))"

#endif
