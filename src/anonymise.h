/* anonymise.h — forgetting a citizen: the person goes, the numbers stay.
 *
 * Name, birth year (an age band stays), phone, e-mail, address, notes,
 * wishes in their own words, relatives, the referrer's details, free-text
 * outcomes, interests, barriers and preferences are removed; the year's
 * figures keep what they count (referral dates and sources, postcode and
 * town, the course and how it ended, attendance marks, measure scores,
 * match and call outcomes), so a report already made does not change. An
 * open course ends ("declined"), with its matches, enrolments and calls,
 * and every consent in force is withdrawn. The audit log records that it
 * happened, by whom and when, not what was removed. It cannot be undone.
 */
#ifndef BB_ANONYMISE_H
#define BB_ANONYMISE_H

#include "desk.h"

/* A coordinator anonymises a citizen. DB_ERR_NOTFOUND for no such
 * citizen; anonymised already: DB_ERR_INVALID. */
enum db_status anonymise_citizen(struct desk *d, long long citizen_id);

/* The same inside the caller's transaction, with no role check (the
 * retention rule, a withdrawn consent to registration), on `today` (ISO). */
enum db_status anonymise_within(struct desk *d, long long citizen_id, const char *today);

#endif
