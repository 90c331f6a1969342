/* model_protection.h — the data-protection types: consent history, the
 * audit log as read, the retention rule's facts and what it did, and the
 * rows of an insight file. Plain structs, enums and limits that every
 * layer shares. No functions. */
#ifndef BB_MODEL_PROTECTION_H
#define BB_MODEL_PROTECTION_H

#include <stdbool.h>

#include "model_citizen.h"
#include "model_limits.h"
#include "model_status.h"
#include "model_users.h"

/* ---------- consent ---------- */

/* The purposes a citizen gives consent for, as consents.purpose names
 * them (src/consents.c has the codes). */
enum consent_purpose {
	CONSENT_REGISTRATION,   /* "registration": being written down at all */
	CONSENT_CONTACT,        /* "volunteer_contact": volunteers may call */
	CONSENT_FEEDBACK,       /* "referrer_feedback": the referrer hears how it goes */
	CONSENT_MEASURES,       /* "measures": wellbeing and loneliness answers are kept */
	CONSENT_PURPOSES
};

enum { CONSENT_HISTORY_MAX = 32 };

/* One consent as recorded: given on a day by someone's hand, and perhaps
 * withdrawn later (the row stays, for the record). */
struct consent_event {
	long long id;
	char purpose[CIT_CODE];          /* the code, e.g. "volunteer_contact" */
	char given_on[CIT_DATE];
	char given_by[CIT_NAME];         /* the user who recorded it, "" if unknown */
	char withdrawn_on[CIT_DATE];     /* "" while in force */
	char withdrawn_by[CIT_NAME];
};

/* What giving or withdrawing a consent came to besides the consent. */
struct consent_outcome {
	bool changed;                    /* false: it was already so */
	int calls_cancelled;             /* open calls the consent no longer allows */
	int calls_planned;               /* calls that waited for the consent, planned now */
	bool anonymised;                 /* registration withdrawn: the person is gone */
};

/* ---------- centres and sharing ---------- */

/* The centres that share one database: on a file only this one
 * ("lokal"), on a server one per database role (its name is the code). */
enum { CENTRES_MAX = 32, SHARES_MAX = 32 };
struct centre {
	char code[CENTRE_CODE];
	char name[LIMIT_BYTES(CENTRE_NAME_CHARS)];
};

/* A citizen's consent to be seen by a partner centre: given on a day, and
 * perhaps withdrawn later (the row stays, for the record). */
struct citizen_share {
	long long id;
	char partner[CENTRE_CODE];
	char partner_name[LIMIT_BYTES(CENTRE_NAME_CHARS)];
	char owner_name[LIMIT_BYTES(CENTRE_NAME_CHARS)]; /* the citizen's own centre */
	char given_on[CIT_DATE];
	char given_by[CIT_NAME];
	char withdrawn_on[CIT_DATE];     /* "" while in force */
	char withdrawn_by[CIT_NAME];
};

/* ---------- the audit log ---------- */

enum { AUDIT_ACTION = 16, AUDIT_ENTITY = 32, AUDIT_DETAIL = 484, AUDIT_STAMP = 20 };

/* Which entries to read; empty fields do not filter. */
struct audit_filter {
	long long citizen_id;            /* entries about this citizen and their calls, matches, referrals */
	char user[USER_NAME];            /* the user's name, folded and matched as a part of it */
	char from[CIT_DATE];             /* ISO, from this day on */
	char to[CIT_DATE];               /* ISO, up to and with this day */
};

/* The filter as the store reads it: the users whose name holds the typed
 * part (folded in C), and the day after `to`. */
enum { AUDIT_USERS = 32 };
struct audit_query {
	long long citizen_id;
	bool by_user;                    /* only the entries of user_ids */
	long long user_ids[AUDIT_USERS];
	int nusers;
	char from[CIT_DATE];             /* ISO, "" for any */
	char before[CIT_DATE];           /* ISO, the first day not wanted, "" for any */
};

struct audit_entry {
	long long id;
	char at[AUDIT_STAMP];            /* "YYYY-MM-DD HH:MM:SS", local time */
	char user[USER_NAME];            /* "" when nobody was signed in (the program's own rules) */
	char action[AUDIT_ACTION];       /* view, create, update, delete, export, import, login, logout */
	char entity[AUDIT_ENTITY];       /* citizen, follow_up, match, user, settings, ... */
	long long entity_id;
	char detail[AUDIT_DETAIL];
	long long citizen_id;            /* the citizen the entry is about, 0 if none */
	char citizen[CIT_NAME];          /* their name as it is now */
};

/* ---------- retention ---------- */

/* How long the centre keeps what it no longer needs, in months. */
struct retention_settings {
	int course_months;               /* a citizen whose course ended this long ago is anonymised */
	int referral_months;             /* a referral never followed up for this long is anonymised */
	int audit_months;                /* audit entries older than this are removed */
};

/* A citizen as the retention rule sees them. */
struct retention_fact {
	long long citizen_id;
	bool ended;                      /* the course is ended */
	char ended_on[CIT_DATE];
	char referred_on[CIT_DATE];      /* the latest referral, "" if none */
	bool followed_up;                /* assessed, matched or came to a session */
	bool enrolled;                   /* still on an activity's roll */
	char last_seen_on[CIT_DATE];     /* the last session they have a mark at, "" if none */
	char read_on[CIT_DATE];          /* the day the read's order puts them on (retention_cursor.on) */
};

/* A referral kept without a citizen (no consent to registration) that
 * still names its referrer. */
struct retention_referral {
	long long referral_id;
	char referred_on[CIT_DATE];
};

/* What the retention rule would do, or did. */
/* Where a reading of the retention rule's candidates has got to: they
 * come in parts, each in the order of its index, and each read goes on
 * after the last row of the one before. Zeroed: from the start. */
enum retention_part {
	RETENTION_ENDED,                 /* courses ended, not anonymised */
	RETENTION_WAITING,               /* never followed up: since their latest referral */
	RETENTION_REFERRALS,             /* referrals kept without a citizen */
	RETENTION_AUDIT,                 /* old audit entries */
	RETENTION_DONE,
};

struct retention_cursor {
	enum retention_part part;
	char on[CIT_DATE];               /* the date and id of the last row read */
	long long id;
};

struct retention_result {
	long long citizens;              /* anonymised */
	long long referrals;             /* referrals without a citizen whose referrer details go */
	long long audit_entries;         /* removed */
	char audit_before[CIT_DATE];     /* entries before this day go */
	bool ran;                        /* retention_daily: it ran today (false: it had already) */
};

/* ---------- insight ---------- */

/* The parts of an insight file, in the order they are written. Each part
 * is rows of text columns; model_protection's comment per part says what
 * the columns are (codes as stored, dates ISO). */
enum insight_part {
	INSIGHT_PERSON,       /* name, birth_year, phone, email, address, postcode, town, contact_pref,
				 gender, language, status, ended_on, end_reason, created_at, anonymised_on,
				 age_band */
	INSIGHT_WISHES,       /* wishes, pref_volunteer_gender, pref_volunteer_age, pref_lived_experience (0/1) */
	INSIGHT_REFERRALS,    /* referred_on, source, referrer_name, referrer_org, referrer_phone, feedback (0/1) */
	INSIGHT_RELATIVES,    /* name, relation, phone, takes_part (0/1), wants_support (0/1) */
	INSIGHT_CONSENTS,     /* purpose, given_on, given_by, withdrawn_on, withdrawn_by */
	INSIGHT_ASSESSMENTS,  /* assessed_on, outcome, handover_to, handover_on, note, assessed_by */
	INSIGHT_INTERESTS,    /* name */
	INSIGHT_BARRIERS,     /* name */
	INSIGHT_AVAILABILITY, /* weekday (1-7), part (morning, afternoon, evening) */
	INSIGHT_MATCHES,      /* matched_on, volunteer, activity, ended_on, outcome, end_reason */
	INSIGHT_ATTENDANCE,   /* date, activity, mark, accompanied_by */
	INSIGHT_CALLS,        /* due_on, reason, status, outcome, note, next_step, done_by */
	INSIGHT_FEEDBACK,     /* given_on, told, given_by */
	INSIGHT_ESCALATIONS,  /* raised_on, attempts, resolved_on, resolution */
	INSIGHT_MEASURES,     /* taken_on, measure, occasion, total, answers ("3 4 5 ...") */
	INSIGHT_NOTES,        /* written_on, author, text */
	INSIGHT_DRAFTS,       /* updated_at, kind, the call's due_on and reason, by, words (a note's: its text) */
	INSIGHT_PARTS
};

enum { INSIGHT_COLUMNS = 16 };

#endif
