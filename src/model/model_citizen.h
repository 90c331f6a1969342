/* model_citizen.h — the citizen types: plain structs, enums and limits
 * that every layer shares. No functions. */
#ifndef BB_MODEL_CITIZEN_H
#define BB_MODEL_CITIZEN_H

#include <stdbool.h>
#include "model_status.h"

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
	CIT_KEY = 256,       /* a Danish sort key (src/collate.h): 63 weights */
	CIT_WORD_KEYS = 640, /* the sort keys of a name's words */
	CIT_FOLD = 484,      /* a folded name (src/fold.h) */
	CIT_OTHER = 760,     /* folded e-mail and town, postcode, birth year, phone digits */
};

/* What tells two citizens with the same name apart in a list, as the card
 * does: the birth year and the postcode, shown beside the name when
 * another citizen's name is the same (src/citizen_rules.h). */
struct citizen_apart {
	long long id;
	int birth_year;                 /* 0: not given */
	char postcode[5];
	bool namesake;                  /* another citizen has the same name */
};

/* The keys a citizen is found and sorted by, made from the citizen's own
 * details by src/textkeys.c and stored beside them. The store writes them
 * as given: it folds and sorts nothing itself. */
struct citizen_keys {
	char sort_key[CIT_KEY];         /* Danish order of the name as written */
	char family_key[CIT_KEY];       /* Danish order by family name (last word) first */
	char name_keys[CIT_WORD_KEYS];  /* each word's sort key: the name "as typed" */
	char name_fold[CIT_FOLD];       /* the folded name: "soren aero aaberg" */
	char search_other[CIT_OTHER];   /* folded e-mail and town, postcode, birth year, phone */
	char phone_digits[CIT_SHORT];   /* the national number's digits: "22334455" */
};

/* What the keys are made of, as stored (for remaking them all). */
struct citizen_key_source {
	long long id;
	char name[CIT_NAME];
	int birth_year;
	char phone[CIT_SHORT];
	char email[CIT_TEXT];
	char postcode[5];
	char town[CIT_TOWN];
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
	char anonymised_on[CIT_DATE];   /* "" unless the person was removed (src/anonymise.h) */
	char age_band[16];              /* what is left of the birth year then, e.g. "45-54" */
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
	bool active;                    /* false: retired, kept for the rows that name it */
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

/* Search as you type. What the desk typed, made ready by src/citizens.c
 * (citizens_search) with the same rules that made the stored keys:
 *
 * A name search (anything but a phone number) finds citizens where every
 * word typed starts a word of the name, the e-mail or the town, or the
 * postcode, birth year or phone digits. Best matches first:
 *   1. the name starts with what was typed, as typed (Danish letters
 *      count: "jø" starts Jørgen, not John; "aa" and "å" are the same);
 *   2. every word typed starts a word of the name, as typed;
 *   3. the folded name starts with the folded text ("jo" starts Jørgen);
 *   4. every folded word starts a word of the folded name;
 *   5. the rest (e-mail, town, postcode, birth year, phone).
 * Sorted by family name, 1 is "the name read family name first starts
 * with what was typed".
 *
 * A phone search (only digits, spaces and + - ( ) / .) finds citizens
 * whose phone number starts with the digits, then whose postcode does,
 * then whose number holds them anywhere ("4455", the last four digits;
 * three digits at least), then the other fields.
 *
 * Within each, the chosen order (Danish, by first or by family name),
 * except that numbers starting with the digits come in the order of the
 * number, and so do postcodes: a desk typing a number sees it narrow down
 * in order, and the page is read straight from the number's index.
 * Nothing typed lists everyone in the chosen order. */
enum citizen_order { CITIZEN_ORDER_FIRST, CITIZEN_ORDER_FAMILY };

enum { CIT_QUERY = 256 };

struct citizen_query {
	char folded[CIT_QUERY];        /* fold_search: "soren aero" */
	char key[CIT_KEY];             /* collate_key of the whole text */
	char word_keys[CIT_WORD_KEYS]; /* collate_word_keys */
	char digits[CIT_SHORT];        /* a phone search: fold_phone; else "" */
	enum citizen_order order;
};

struct citizen_hit {
	long long id;
	char name[CIT_NAME];
	int birth_year;                 /* 0: not given */
	bool namesake;                  /* another citizen has the same name */
	char phone[CIT_SHORT];
	char postcode[5];
	char town[CIT_TOWN];
	char email[CIT_TEXT];
	char status[CIT_CODE];
};

/* The timeline: everything that happened to a citizen, newest first. The
 * db gives codes and names; the screen gives them words. */
enum timeline_kind {
	TL_REFERRAL,    /* code: source; who: referrer name */
	TL_INTAKE,      /* registered; code "walk_in" when at a session */
	TL_ASSESSMENT,  /* code: outcome; who: handover_to */
	TL_MATCH,       /* who: volunteer; what: activity */
	TL_MATCH_END,   /* code: outcome; who: volunteer; what: activity */
	TL_ATTENDANCE,  /* code: present/excused/absent; what: activity; who: accompanying volunteer */
	TL_CALL,        /* code: outcome or "open"; what: reason; text: note */
	TL_MEASURE,     /* what: measure name; code: total as text */
	TL_NOTE,        /* who: author; text: the note */
	TL_END,         /* code: end reason */
	TL_REOPEN,      /* the course was reopened */
	TL_CONSENT,     /* code: purpose; who: recorded by */
	TL_WITHDRAWN,   /* a consent withdrawn; code: purpose; who: recorded by */
	TL_ANONYMISED,  /* the person's details were removed */
};
struct timeline_entry {
	char date[CIT_DATE];
	enum timeline_kind kind;
	char code[CIT_CODE];
	char who[CIT_NAME];
	char what[CIT_TEXT];
	char text[CIT_TEXT];            /* clipped to fit */
};

/* A planned session of an activity the citizen is enrolled in, and the
 * volunteer of the open match still going along ("" for none). */
struct citizen_session {
	char date[CIT_DATE];
	char time[6];
	char activity[CIT_TEXT];
	char volunteer[CIT_NAME];
};
/* Planned sessions from today on that the store hands over, so that the
 * first still to come (src/attendance_rules.h) can be found after any of
 * today's that have passed: one activity meets at most once a day. */
enum { CIT_UPCOMING = 4 };

/* Facts the next-step rule (src/nextstep.c) decides from, as of `today`. */
struct citizen_facts {
	bool ended;
	char end_reason[CIT_CODE];
	char call_due_on[CIT_DATE];      /* earliest open follow-up call, or "" */
	char call_reason[CIT_CODE];
	/* The next session still to come (src/citizens.c picks it from
	 * `upcoming` by the clock): date, time, activity, volunteer. */
	char session_on[CIT_DATE];
	char session_time[6];
	char session_activity[CIT_TEXT];
	char session_volunteer[CIT_NAME]; /* volunteer of the open match going along, or "" */
	struct citizen_session upcoming[CIT_UPCOMING]; /* planned, on/after today, the earliest first */
	int nupcoming;
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

/* Drafts: half-filled intake forms, and card edits, call outcomes and
 * notes left when the program was stopped. `label` is what the list of
 * drafts shows (the name). */
enum draft_kind { DRAFT_INTAKE, DRAFT_CARD, DRAFT_CALL, DRAFT_NOTE };

struct draft {
	long long id;
	enum draft_kind kind;
	long long citizen_id; /* a card, call or note draft's citizen, else 0 */
	long long call_id;    /* a call draft's call, else 0 */
	char label[CIT_NAME];
	char updated_at[20];
};

/* A card draft: the form's values as the volunteer left them (`data`,
 * the form's own text serialisation) and the card they started from
 * (`base`, read at `base_version`), malloc'ed. `words`, only kept, not
 * read back: what was changed, in words, for the insight file. */
struct card_draft {
	long long id;
	long long base_version;
	char updated_at[20];
	char *data;
	char *base;
	char *words;
};

#endif
