/* model_limits.h — every limit the desk meets, in one place: the schema's
 * CHECKs, the structs' buffers, the forms' fields and the rules all take
 * them from here, so what a form lets through the schema accepts.
 *
 * Text limits count characters (what a person sees); a buffer for one
 * holds up to four UTF-8 bytes per character and the NUL: LIMIT_BYTES.
 * They are #defines so the schema's SQL can spell them (LIMIT_SQL).
 */
#ifndef BB_MODEL_LIMITS_H
#define BB_MODEL_LIMITS_H

#define LIMIT_BYTES(chars) ((chars) * 4 + 4)
#define LIMIT_SQL_(n) #n
#define LIMIT_SQL(n) LIMIT_SQL_(n)

/* ---------- text ---------- */
#define NAME_CHARS 120          /* a person's or an activity's name */
#define PHONE_CHARS 30
#define TOWN_CHARS 60
#define PICK_CHARS 60           /* an interest or a barrier */
#define WISHES_CHARS 1000
#define NOTE_CHARS 120          /* a call's short answers: why cancelled, what was done */
#define LONG_NOTE_CHARS 400     /* a note on the card, a call's note, what the referrer was told */
#define CENTRE_NAME_CHARS 80
/* A centre's code: "lokal" on a file, its database role on a server. */
enum { CENTRE_CODE = 64 };

/* ---------- people at the desk ---------- */
#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 8

/* ---------- settings ---------- */
#define SETTING_CHARS 199
#define IDLE_MINUTES_MIN 1
#define IDLE_MINUTES_MAX 60
#define IDLE_MINUTES_DEFAULT 5
#define NO_CONTACT_WEEKS_MIN 1
#define NO_CONTACT_WEEKS_MAX 52
#define NO_CONTACT_WEEKS_DEFAULT 6
#define NO_CONTACT_PER_DAY_MIN 0
#define NO_CONTACT_PER_DAY_MAX 1000
#define NO_CONTACT_PER_DAY_DEFAULT 10
/* The retention rule, in months (data protection, issue 12). */
#define RETENTION_MONTHS_MIN 1
#define RETENTION_MONTHS_MAX 120
#define RETENTION_COURSE_MONTHS_DEFAULT 12
#define RETENTION_REFERRAL_MONTHS_DEFAULT 6
#define RETENTION_AUDIT_MONTHS_MIN 6       /* the log must outlive the questions asked of it */
#define RETENTION_AUDIT_MONTHS_DEFAULT 24
/* The centre's time zone, a name from the tz database. */
#define TIME_ZONE_CHARS 60
#define TIME_ZONE_DEFAULT "Europe/Copenhagen"

/* ---------- capacities ---------- */
#define VOLUNTEER_CAPACITY_MAX 50
#define ACTIVITY_CAPACITY_MAX 500

/* A count on a screen stops here and reads "99+": counting further
 * would read a row for every one, and nobody at a desk acts differently
 * on 412 calls due than on 99 (the lists themselves show them all). */
#define COUNT_SHOWN_MAX 99

#endif
