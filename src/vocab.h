/* vocab.h — the codes stored in the database (referral source, contact
 * preference, end reason, ...) and their words for people. One table per
 * code list: the form's choices, the card and reports read the same one. */
#ifndef BB_VOCAB_H
#define BB_VOCAB_H

struct vocab {
	const char *code;   /* as in db/schema.c; "" for "not given" */
	const char *label;  /* N_() */
};

/* Each list ends with { NULL, NULL }. */
extern const struct vocab vocab_referral_source[];
extern const struct vocab vocab_contact_pref[];
extern const struct vocab vocab_assessment[];
extern const struct vocab vocab_end_reason[];
extern const struct vocab vocab_call_reason[];
extern const struct vocab vocab_call_outcome[];     /* "open" for a planned call */
extern const struct vocab vocab_match_outcome[];
extern const struct vocab vocab_attendance_mark[];
extern const struct vocab vocab_weekday[];     /* code "1".."7" */
extern const struct vocab vocab_part_of_day[]; /* code "0".."2" */

int vocab_count(const struct vocab *v);
/* Index of code, or 0 (the first entry) when unknown. */
int vocab_index(const struct vocab *v, const char *code);
/* The translated word for code; the code itself when unknown. */
const char *vocab_label(const struct vocab *v, const char *code);

#endif
