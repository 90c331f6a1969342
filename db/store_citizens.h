/* store_citizens.h — citizens: intake, search, the card, edits with
 * conflict detection, notes, ending and reopening a course, drafts and the
 * pick-lists. Every change takes the acting user and writes the audit log
 * in the same transaction; every read of a card is logged as a 'view'.
 *
 * Text is UTF-8. Codes (source, status, ...) are the English identifiers of
 * db/schema.c; src/ and ui/ give them words. Dates are ISO "YYYY-MM-DD";
 * an empty string means "not given" and is stored as NULL.
 */
#ifndef BB_STORE_CITIZENS_H
#define BB_STORE_CITIZENS_H

#include <stdbool.h>

#include "db.h"
#include "store_settings.h"

/* Byte sizes: room for the schema's character limits in UTF-8. */
enum {
	CIT_NAME = 484,    /* 120 characters */
	CIT_SHORT = 124,   /* 30 characters: phone */
	CIT_TEXT = 484,    /* 120 characters: e-mail, address, organisation */
	CIT_TOWN = 244,    /* 60 characters */
	CIT_WISHES = 4004, /* 1000 characters */
	CIT_CODE = 24,
	CIT_DATE = 11,
	CIT_MAX_PICKS = 32,
};

/* Preferred weekday and part of day, as a bit set: bit (weekday-1)*3 + part,
 * weekday 1 = Monday, part 0 = morning, 1 = afternoon, 2 = evening. */
typedef unsigned availability_bits;
#define AVAIL_BIT(weekday, part) (1u << (((weekday) - 1) * 3 + (part)))

struct citizen {
	long long id;
	char name[CIT_NAME];
	int birth_year;                 /* 0: not given */
	char phone[CIT_SHORT];
	char email[CIT_TEXT];
	char address[CIT_TEXT];
	char postcode[5];
	char town[CIT_TOWN];
	char contact_pref[CIT_CODE];    /* phone, sms, email, letter, visit or "" */
	char wishes[CIT_WISHES];
	char status[CIT_CODE];          /* active, ended */
	char ended_on[CIT_DATE];
	char end_reason[CIT_CODE];      /* lasting_community, moved, declined, handed_over, deceased */
	long long version;              /* bumped by every change to the card */
	char updated_at[20];
};

struct referral {
	char referred_on[CIT_DATE];
	char source[CIT_CODE];          /* self, relative, health_staff, gp, municipal, job_centre, other */
	char referrer_name[CIT_NAME];
	char referrer_org[CIT_TEXT];
	char referrer_phone[CIT_SHORT];
	bool feedback_consent;
};

struct relative {
	char name[CIT_NAME];            /* "" when no relative takes part */
	char relation[CIT_TOWN];
	char phone[CIT_SHORT];
	bool wants_support;
};

struct consent {
	bool registration;
	bool volunteer_contact;
	bool referrer_feedback;
	char given_on[CIT_DATE];
	char recorded_by[CIT_NAME];     /* filled on read: the user's name, or "" */
};

struct assessment {
	char outcome[CIT_CODE];         /* "", volunteer_help, professional_help */
	char assessed_on[CIT_DATE];
	char handover_to[CIT_TEXT];     /* professional_help only */
	char handover_on[CIT_DATE];
};

struct pick {
	long long id;
	char name[CIT_TOWN];
};

/* Everything the card shows and the edit form changes. */
struct citizen_card {
	struct citizen citizen;
	struct referral referral;
	struct relative relative;
	struct consent consent;
	struct assessment assessment;
	long long interests[CIT_MAX_PICKS];
	int ninterests;
	long long barriers[CIT_MAX_PICKS];
	int nbarriers;
	availability_bits availability;
};

/* Registers a first conversation in one transaction. Without
 * consent.registration only the referral is stored (citizen_id 0), as
 * the law requires; *citizen_id gets the new id otherwise. */
enum db_status citizens_intake(struct db *db, db_user_id actor, const struct citizen_card *in,
			       long long *citizen_id);

/* Reads the card and logs the view. DB_ERR_NOTFOUND if there is none. */
enum db_status citizens_card(struct db *db, db_user_id actor, long long id, struct citizen_card *out);

/* Saves an edited card if nobody changed it since `expected_version` was
 * read. On DB_ERR_CONFLICT nothing is written and *current (if not NULL)
 * gets the card as it is now, so both versions can be shown. */
enum db_status citizens_update(struct db *db, db_user_id actor, const struct citizen_card *edited,
			       long long expected_version, struct citizen_card *current);

/* Ends the course (reason as in struct citizen) or reopens it; version
 * checked as in citizens_update. */
enum db_status citizens_end(struct db *db, db_user_id actor, long long id, long long expected_version,
			    const char *ended_on, const char *reason);
enum db_status citizens_reopen(struct db *db, db_user_id actor, long long id, long long expected_version);

enum db_status citizens_add_note(struct db *db, db_user_id actor, long long id, const char *written_on,
				 const char *text);

/* Search as you type. `query` is already folded by src/fold.c
 * (fold_search): lower-case ASCII words separated by single spaces. Every
 * word must be a prefix of a word in the name, the e-mail or the town, or
 * of the phone number's digits or the postcode. Best matches first
 * (the name starts with the query, then a name word starts with it, then
 * other fields), then Danish name order. An empty query lists everyone in
 * Danish name order. */
struct citizen_hit {
	long long id;
	char name[CIT_NAME];
	char phone[CIT_SHORT];
	char postcode[5];
	char town[CIT_TOWN];
	char email[CIT_TEXT];
	char status[CIT_CODE];
};
enum db_status citizens_search(struct db *db, const char *query, int offset, int limit,
			       struct citizen_hit *out, int *count);

/* The timeline: everything that happened to a citizen, newest first. The
 * db gives codes and names; the screen gives them words. */
enum timeline_kind {
	TL_REFERRAL,    /* code: source; who: referrer name */
	TL_INTAKE,      /* registered */
	TL_ASSESSMENT,  /* code: outcome; who: handover_to */
	TL_MATCH,       /* who: volunteer; what: activity */
	TL_MATCH_END,   /* code: outcome; who: volunteer; what: activity */
	TL_ATTENDANCE,  /* code: present/excused/absent; what: activity; who: accompanying volunteer */
	TL_CALL,        /* code: outcome or "open"; what: reason; text: note */
	TL_MEASURE,     /* what: measure name; code: total as text */
	TL_NOTE,        /* who: author; text: the note */
	TL_END,         /* code: end reason */
	TL_REOPEN,      /* the course was reopened */
};
struct timeline_entry {
	char date[CIT_DATE];
	enum timeline_kind kind;
	char code[CIT_CODE];
	char who[CIT_NAME];
	char what[CIT_TEXT];
	char text[CIT_TEXT];            /* clipped to fit */
};
enum db_status citizens_timeline(struct db *db, long long id, int max, struct timeline_entry *out,
				 int *count);

/* Facts the next-step rule (src/nextstep.c) decides from, as of `today`. */
struct citizen_facts {
	bool ended;
	char end_reason[CIT_CODE];
	char call_due_on[CIT_DATE];      /* earliest open follow-up call, or "" */
	char call_reason[CIT_CODE];
	char session_on[CIT_DATE];       /* next planned session of an activity they are enrolled in, on/after today */
	char session_time[6];
	char session_activity[CIT_TEXT];
	char session_volunteer[CIT_NAME]; /* volunteer of the open match going along, or "" */
	bool has_open_match;
	char assessment[CIT_CODE];       /* latest assessment outcome, or "" */
	char handover_to[CIT_TEXT];
	char handover_on[CIT_DATE];
	/* For the "always accompanied" rule (src/attendance_rules.h): the
	 * latest marks at any activity, newest first, 'P' present and
	 * accompanied, 'p' present, 'e' excused, 'a' absent; and who went
	 * along most recently. */
	char recent_attendance[13];
	char companion[CIT_NAME];
};
enum db_status citizens_facts(struct db *db, long long id, const char *today, struct citizen_facts *out);

/* Pick-lists the centre extends: which is "interests" or "barriers". */
enum db_status picklist_load(struct db *db, const char *which, struct pick *out, int max, int *count);
enum db_status picklist_add(struct db *db, db_user_id actor, const char *which, const char *name,
			    long long *id);

/* Drafts of half-filled intake forms. `data` is the form's own text
 * serialisation; `label` what the home screen lists (e.g. the name). */
struct draft {
	long long id;
	char label[CIT_NAME];
	char updated_at[20];
};
enum db_status drafts_save(struct db *db, db_user_id actor, long long *id, const char *label,
			   const char *data);
enum db_status drafts_list(struct db *db, struct draft *out, int max, int *count);
/* Copies the data into a malloc'ed string the caller frees. */
enum db_status drafts_load(struct db *db, long long id, char **data);
enum db_status drafts_delete(struct db *db, db_user_id actor, long long id);

#endif
