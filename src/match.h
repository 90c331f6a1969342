/* match.h — how a volunteer or an activity is scored for a citizen: one
 * pure function, match_score(), with each criterion worth a fixed number
 * of points and each point given with its reason, so the coordinator sees
 * in words why a suggestion ranks where it does. Hard limits (no free
 * place, volunteer not active, activity ended or full, already matched)
 * filter a candidate out instead of lowering its score.
 *
 * The points (README.md, "How a match is scored", says the same):
 *   shared interests           +10 each, at most +30
 *   same area / nearby area    +20 / +10 (nearby: same first two digits
 *                              of the postcode; a volunteer's own postcode
 *                              and the areas they cover count)
 *   far away                   -20 when none of them is in or beside the
 *                              citizen's part of the country (ten parts
 *                              by postcode: Copenhagen, North Zealand,
 *                              Bornholm, Zealand, Lolland-Falster, Funen,
 *                              South, Mid, East and North Jutland)
 *   times (volunteer)          +5 per weekday and part of day both have
 *                              free, at most +20
 *   time (activity)            +20 if it meets at a time the citizen gave,
 *                              -10 if not (nothing when no times are known)
 *   free places                +10 x free places / capacity, rounded down
 *   language                   +20 speaks the citizen's language (when it
 *                              is not Danish); -20 no Danish for a Danish
 *                              speaker
 *   wished gender              +15 as wished, -15 not as wished
 *   wished age                 +10 as wished, -10 not (close: within 10 years)
 *   wished lived experience    +15 has it, -10 has not
 *   practice community         +15 for a citizen with anxiety
 */
#ifndef BB_MATCH_H
#define BB_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "model_matching.h"

enum match_points {
	MP_INTEREST = 10,
	MP_INTEREST_MAX = 30,
	MP_AREA_SAME = 20,
	MP_AREA_NEAR = 10,
	MP_AREA_FAR = -20,
	MP_SLOT = 5,
	MP_SLOT_MAX = 20,
	MP_TIME_FITS = 20,
	MP_TIME_MISFITS = -10,
	MP_FREE_MAX = 10,
	MP_LANGUAGE = 20,
	MP_NO_DANISH = -20,
	MP_NO_LANGUAGE = 0,    /* said, not counted: they may manage in Danish */
	MP_GENDER = 15,
	MP_GENDER_OTHER = -15,
	MP_AGE = 10,
	MP_AGE_OTHER = -10,
	MP_AGE_CLOSE_YEARS = 10,
	MP_LIVED = 15,
	MP_LIVED_MISSING = -10,
	MP_PRACTICE_ANXIETY = 15,
};

enum match_criterion {
	MC_INTERESTS,        /* ids: the shared interests */
	MC_AREA_SAME,        /* n: the postcode */
	MC_AREA_NEAR,        /* n: the nearest postcode */
	MC_AREA_FAR,         /* n: the volunteer's or activity's postcode */
	MC_TIMES,            /* slots: times both have free */
	MC_TIME_FITS,        /* slots: the activity's weekday and part of day */
	MC_TIME_MISFITS,     /* slots: as above */
	MC_FREE_PLACES,      /* n free of `of` */
	MC_LANGUAGE,         /* speaks the citizen's language */
	MC_NO_DANISH,
	MC_NO_LANGUAGE,      /* does not speak the citizen's language (not Danish) */
	MC_GENDER,           /* text: the wished gender */
	MC_GENDER_OTHER,
	MC_GENDER_UNKNOWN,   /* 0 points: the volunteer did not say */
	MC_AGE,              /* text: the wished age */
	MC_AGE_OTHER,
	MC_AGE_UNKNOWN,      /* 0 points */
	MC_LIVED,
	MC_LIVED_MISSING,
	MC_PRACTICE_ANXIETY,
};

enum match_limit {
	ML_NONE,
	ML_NOT_ACTIVE,       /* volunteer in training, paused or stopped */
	ML_VOLUNTEER_FULL,
	ML_ALREADY_MATCHED,
	ML_ENDED,            /* activity ended */
	ML_ACTIVITY_FULL,
	ML_ALREADY_ENROLLED,
	ML_TRIED,            /* an earlier match with them did not work */
	ML_NO_SESSION,       /* activity not weekly with no session planned from today */
	ML_COUNT,
};

enum { MATCH_REASON_IDS = 3, MATCH_MAX_REASONS = 12 };

struct match_reason {
	enum match_criterion criterion;
	int points;
	int n, of;
	availability_bits slots;
	long long ids[MATCH_REASON_IDS];
	int nids;
	const char *text;    /* a code: gender (woman/man) or age wish (similar/younger/older) */
};

struct match_result {
	int score;
	enum match_limit limit;   /* ML_NONE: a candidate */
	int nreasons;
	struct match_reason reasons[MATCH_MAX_REASONS];
};

/* Exactly one of the two is set. */
struct match_candidate {
	const struct match_volunteer_facts *volunteer;
	const struct match_activity_facts *activity;
};

/* Scores the candidate for the citizen. Returns false (with out->limit
 * set and no score) when a hard limit filters it out. */
bool match_score(const struct match_citizen_facts *citizen, const struct match_candidate *candidate,
		 struct match_result *out);

/* Part of day of a start time "HH:MM": 0 morning (before 12), 1 afternoon
 * (before 17), 2 evening; -1 when not given. */
int match_part_of_day(const char *start_time);

/* Whether the volunteer can go along at the activity's weekday and part of
 * day. True when either is not known: only a known clash is a warning. */
bool match_volunteer_free_at(const struct match_volunteer_facts *volunteer,
			     const struct match_activity_facts *activity);

/* ---------- places, confirming and ending ---------- */

/* Free places of `capacity` with `load` taken; never below 0. */
int match_free_places(int capacity, int load);
/* No free place left. */
bool match_full(int capacity, int load);
/* Whether a volunteer or activity can be matched at all: active, with a
 * free place. Only these are scored on their details (interests, areas,
 * languages, times), so the pool keeps them alone whole (struct
 * match_pool): at a big centre most have no free place. */
bool match_volunteer_open(const struct match_volunteer_facts *volunteer);
bool match_activity_open(const struct match_activity_facts *activity);

/* Whether the match asked for may be confirmed, given the facts read
 * inside the confirming transaction: the citizen's course is open, the
 * volunteer is active with a free place and not matched with them yet,
 * the activity is active, not full and not theirs yet. MATCH_REFUSED_NONE
 * when it may. */
enum match_refusal match_confirm_refusal(const struct match_request *q, const struct match_confirm_facts *f);

/* What ending a match does. Going on their own is what the match was
 * for: the enrolment stays, and the accompaniment counts as done. Any
 * other outcome also ends the enrolment in the match's activity and
 * withdraws the calls the match planned. */
struct match_ending {
	bool keep_enrolment;
	bool keep_calls;
	bool accompaniment_done;
};
/* False for an outcome that is not one of vocab_match_outcome's. */
bool match_end_effects(const char *outcome, struct match_ending *out);

/* How the open matches end when the citizen's course ends for `reason`
 * (vocab_end_reason_shown): in a lasting community they go on their
 * own (the enrolment stays: it is that community); declined, the
 * citizen declined; moved away, handed over or passed away, "the course
 * ended" (course_ended: no judgement of the match, and not "tried
 * before" if the course is opened again). NULL for an unknown reason. */
const char *match_outcome_at_course_end(const char *reason);

/* ---------- words ---------- */

/* Interest names for the reasons: the centre's pick-list. */
struct match_words {
	const struct pick *interests;
	int ninterests;
};

/* One reason in words, e.g. "shared interests: Gåture, Motion" or
 * "1 of 3 places free". */
void match_reason_text(const struct match_reason *reason, const struct match_citizen_facts *citizen,
		       const struct match_words *words, char *out, size_t size);
/* All reasons with points, joined: "+20 same area: 8000 Aarhus C; ...". */
void match_reasons_line(const struct match_result *result, const struct match_citizen_facts *citizen,
			const struct match_words *words, bool with_points, char *out, size_t size);
/* Why a candidate is not shown, e.g. "no free places". */
const char *match_limit_text(enum match_limit limit);
/* How long someone has waited: "today", "5 days", "3 weeks", "4 months". */
void match_waiting_text(long days, char *out, size_t size);
/* Times as words: "Tue morning, Thu afternoon". */
void match_slots_text(availability_bits slots, char *out, size_t size);

/* ---------- ranking ---------- */

struct match_ranked {
	int index;              /* into the pool's volunteers or activities */
	int score;
	long long id;
	const char *sort_key;
};

/* Anxiety is a barrier whose name holds "angst", in any case or
 * spelling (a centre names its own barriers). */
bool match_barrier_anxiety(const char *name);
/* What the stores give as written, made ready for scoring: the citizen's
 * language folded, and `anxiety` from the names of their barriers
 * (`barriers`: the centre's list, retired entries too). */
void match_citizen_ready(struct match_citizen_facts *citizen, const struct pick *barriers, int nbarriers);
/* The volunteers' languages folded. */
void match_pool_ready(struct match_pool *pool);
/* As seen on `today` (ISO): an activity that does not meet weekly and
 * has no session from today on is not proposed (ML_NO_SESSION): a new
 * user's activity with no day, time or session was proposed first, to a
 * score of free places alone. */
void match_pool_dated(struct match_pool *pool, const char *today);

/* Scores the pool's open volunteers (volunteers true) or activities,
 * keeps the candidates, best first (score, then Danish name order), and
 * counts per hard limit those filtered out, the closed ones too (filtered
 * may be NULL). `out` has room for the pool's open ones. Returns the
 * number kept. */
int match_rank(const struct match_citizen_facts *citizen, const struct match_pool *pool, bool volunteers,
	       struct match_ranked *out, int filtered[ML_COUNT]);

#endif
