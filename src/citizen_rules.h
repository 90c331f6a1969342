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
 *   the birth year given. A referral, a consent, an assessment or a
 *   handover has happened: it is not dated after today (a date more than
 *   ten years ago is most likely a typing slip, which the forms ask about).
 * - Free text never holds a CPR number; a note is 1 to NOTE_CHARS
 *   characters; a name 1 to NAME_CHARS, an entry on a pick-list 1 to
 *   PICK_CHARS.
 * - Two registrations are likely the same person when their names fold
 *   to the same and their phone numbers do not differ (+45 or not).
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

enum past_date {
	PAST_DATE_OK,
	PAST_DATE_FUTURE,   /* after today */
	PAST_DATE_LONG_AGO, /* more than ten years ago: ask */
};
/* A day something happened on. */
enum past_date citizen_rule_past_date(struct date d, struct date today);

/* The card as the desk may save it: a name; no CPR number in any
 * free-text field; an adult; no date (ISO, "" for none) after today. */
bool citizen_rule_card_ok(const struct citizen_card *c, struct date today);
/* A note as the desk may write it. */
bool citizen_rule_note_ok(const char *text);
/* A new entry for a pick-list. */
bool citizen_rule_pick_name_ok(const char *name);

/* Whether `other` is likely the person being registered as (name, phone):
 * the same folded name, and the phone digits equal when both have some
 * (a Danish number with or without +45). */
bool citizen_rule_same_person(const char *name, const char *phone, const struct citizen_hit *other);

/* The name as a list shows it: with the birth year and postcode when
 * another citizen has the same name ("Anne Hansen (1962, 8000)"), and the
 * citizen's number when neither is known. In `cols` columns (0: any), the
 * name is shortened, never what tells them apart. */
void citizen_rule_list_name(const char *name, const struct citizen_apart *apart, int cols, char *out, size_t size);
/* citizen_rule_list_name for a search hit. */
void citizen_rule_hit_name(const struct citizen_hit *hit, int cols, char *out, size_t size);
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
