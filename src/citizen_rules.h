/* citizen_rules.h — the rules behind registering and keeping a citizen's
 * card, as pure functions (no SQL, no curses):
 *
 * - Without consent to registration only the referral is kept (it counts
 *   for the funders); nothing else of the first conversation is.
 * - At intake, the consent and the assessment are dated by the referral
 *   when no date of their own is given.
 * - A handover belongs to an assessment of professional help only.
 * - Editing the card: consents changed are given or withdrawn (withdrawn
 *   ones stay on record); the latest assessment is corrected in place
 *   when its date is kept, a new date records a new one, a cleared
 *   outcome removes it.
 * - A course ends with one of the known reasons.
 * - Brobygger is for adults: a citizen is 18 or older in the year of
 *   the birth year given. A referral, a consent or an assessment has
 *   happened: it is not dated after today (a date more than ten years ago
 *   is most likely a typing slip, which the forms ask about). A handover
 *   may be planned (up to a year ahead) but never comes before the
 *   referral.
 * - Free text never holds a CPR number; a note is 1 to LONG_NOTE_CHARS
 *   characters; a name 1 to NAME_CHARS, an entry on a pick-list 1 to
 *   PICK_CHARS.
 * - Two registrations are likely the same person when their names are
 *   the same written another way ("Soren Oersted" for Søren Ørsted) or
 *   one letter apart ("Ørstedt"), and their phone numbers do not differ
 *   (+45 or not); or when they have the same phone number, whatever the
 *   names. The intake warns, and the desk decides.
 * - A draft belongs to the person who kept it.
 * - Two desks that saved the same card: a field only the other desk
 *   changed takes their value, a field both changed differently clashes
 *   and the person decides (three-way merge).
 *
 * src/intake.c and src/citizens.c apply them inside their transactions.
 */
#ifndef BB_CITIZEN_RULES_H
#define BB_CITIZEN_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "model_citizen.h"

/* Whether an intake keeps the person (else only the referral). */
bool citizen_rule_intake_keeps_person(const struct consent *c);

/* The card as an intake stores it: the dates taken from the referral
 * where none is given, and what the assessment does not take left out. */
void citizen_rule_intake_card(struct citizen_card *card);

/* Leaves out the handover unless the outcome is professional help. */
void citizen_rule_assessment_clean(struct assessment *a);

/* What an edit does to the consents: `give` and `withdraw` get the flags
 * of the purposes to give and to withdraw. */
void citizen_rule_consent_changes(const struct consent *now, const struct consent *edited, struct consent *give,
				  struct consent *withdraw);
/* Whether the edit corrects the date of the consents in force. */
bool citizen_rule_consent_redated(const struct consent *now, const struct consent *edited);

enum assessment_change {
	ASSESSMENT_KEEP,    /* nothing to write */
	ASSESSMENT_ADD,     /* a new assessment */
	ASSESSMENT_CORRECT, /* the latest one, in place */
	ASSESSMENT_REMOVE,  /* the latest one goes */
};
/* `has_latest`: the card shows an assessment on record, `now`. */
enum assessment_change citizen_rule_assessment_change(bool has_latest, const struct assessment *now,
						      const struct assessment *edited);

/* One of the reasons a course ends with (vocab_end_reason). */
bool citizen_rule_end_reason(const char *reason);

/* A birth year (0: not given) of someone 18 or older this year. */
bool citizen_rule_adult(int birth_year, struct date today);
/* A birth year (0: not given) a living person can have: 1901 is a typo. */
bool citizen_rule_living(int birth_year, struct date today);

enum past_date {
	PAST_DATE_OK,
	PAST_DATE_FUTURE,   /* after today */
	PAST_DATE_LONG_AGO, /* more than ten years ago: ask */
};
/* A day something happened on. */
enum past_date citizen_rule_past_date(struct date d, struct date today);

enum handover_date {
	HANDOVER_DATE_OK,
	HANDOVER_DATE_BEFORE_REFERRAL, /* before the citizen was referred */
	HANDOVER_DATE_FAR_AHEAD,       /* more than a year ahead: a typing slip */
	HANDOVER_DATE_LONG_AGO,        /* more than ten years ago: a typing slip */
};
enum { HANDOVER_AHEAD_DAYS = 366 };
/* A handover's day: made (today or before) or planned (a later day, up
 * to a year ahead), and never before the referral (`referred_on` ISO,
 * "" when not known). */
enum handover_date citizen_rule_handover_date(struct date handover, const char *referred_on, struct date today);

/* Whether a new referral's source and its referrer disagree: "the
 * citizen themself" with a referrer's name, organisation or phone
 * written beside it (the source left at its first choice while the
 * referrer was typed). Asked at intake: an older card saved so is not
 * held up by an edit of something else. */
bool citizen_rule_referrer_without_source(const char *source, const char *referrer_name, const char *referrer_org,
					  const char *referrer_phone);

/* The card as the desk may save it: a name; no CPR number in any
 * free-text field; an adult; no date (ISO, "" for none) after today but
 * a planned handover's; a handover as citizen_rule_handover_date says. */
bool citizen_rule_card_ok(const struct citizen_card *c, struct date today);
/* A note as the desk may write it. */
bool citizen_rule_note_ok(const char *text);
/* A new entry for a pick-list. */
bool citizen_rule_pick_name_ok(const char *name);

/* How likely two registrations are one person, the strongest last. The
 * comparison works on the names and phones as written, by its own
 * spelling rule (not the search keys): case, accents, æ/ae, ø/oe/o, å/aa
 * and the spaces between words do not count. */
enum same_person {
	SAME_PERSON_NO,
	SAME_PERSON_NAME_SLIP,  /* names one letter apart (a letter more, less, another or two swapped) */
	SAME_PERSON_PHONE,      /* the same phone number under another name */
	SAME_PERSON_NAME,       /* the same name, written another way or not */
};
/* Names are compared when the phones do not differ (either has none, or
 * the digits are the same without +45); a letter's slip counts in names
 * of at least SAME_PERSON_SLIP_MIN letters. The same phone (at least
 * eight digits) is the same person whatever the names. */
enum { SAME_PERSON_SLIP_MIN = 5 };
enum same_person citizen_rule_likely_same(const char *name, const char *phone, const char *other_name,
					  const char *other_phone);

/* Whether `other` is likely the person being registered as (name, phone):
 * citizen_rule_likely_same says anything but SAME_PERSON_NO. */
bool citizen_rule_same_person(const char *name, const char *phone, const struct citizen_hit *other);

/* A phone number as people are compared by: its digits without the
 * Danish country code (+45 22 33 44 55 and 22334455 are one number).
 * Returns a pointer into out, "" when there are no digits. */
const char *citizen_rule_phone_digits(const char *phone, char *out, size_t size);
/* The name as a list shows it: with the birth year and postcode when
 * another citizen has the same name ("Anne Hansen (1962, 8000)"), and the
 * citizen's number when neither is known. In `cols` columns (0: any), the
 * name is shortened, never what tells them apart. */
void citizen_rule_list_name(const char *name, const struct citizen_apart *apart, int cols, char *out, size_t size);

/* The times meant by weekdays (bit d-1 for weekday d) and times of day
 * (bit p) chosen apart, as a card kept as a draft before the times were
 * one field says them: every pair of the two; days with no time of day
 * the whole day, a time of day with no days every day. */
availability_bits citizen_rule_availability(unsigned weekdays, unsigned parts);
/* citizen_rule_list_name for a search hit. */
void citizen_rule_hit_name(const struct citizen_hit *hit, int cols, char *out, size_t size);
/* What tells a hit apart from its namesakes (citizen_rule_list_name). */
struct citizen_apart citizen_rule_hit_apart(const struct citizen_hit *hit);
/* The name family name first, as a list sorted by family name shows it:
 * the last word, a comma, the rest ("Jensen, Anne Marie"). */
void citizen_rule_family_first(const char *name, char *out, size_t size);

/* Whether a draft kept by `owner` is `user`'s. */
bool citizen_rule_draft_mine(db_user_id owner, db_user_id user);

enum field_merge {
	MERGE_MINE,   /* keep what this desk has */
	MERGE_THEIRS, /* take the other desk's value */
	MERGE_CLASH,  /* both changed it, differently */
};
/* One field of a card saved meanwhile by another desk: its value when
 * editing began (`base`), in this desk's form, and as saved. */
enum field_merge citizen_rule_merge_field(const char *base, const char *mine, const char *theirs);

#endif
