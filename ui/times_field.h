/* times_field.h — the times of the week someone is free, as a
 * multiple-choice field of the 21 weekday and time-of-day pairs ("man
 * formiddag"), as the citizen and volunteer forms have it: one field, so
 * "Monday morning and Thursday evening" is said as it is (the citizen's
 * form had weekdays and times of day apart, which could only say every
 * pair of them). */
#ifndef BB_TIMES_FIELD_H
#define BB_TIMES_FIELD_H

#include "form.h"
#include "model_citizen.h"

enum { TIMES_FIELD_SLOTS = 21 };

struct times_field {
	struct form_option options[TIMES_FIELD_SLOTS];
	char labels[TIMES_FIELD_SLOTS][64];
};

/* Makes the slots fld's options, in the week's order. */
void times_field_init(struct times_field *t, struct form_field *fld);
/* Ticks the slots of `bits` (AVAIL_BIT). */
void times_field_set(struct form_field *fld, availability_bits bits);
/* The slots ticked, as AVAIL_BIT bits. */
availability_bits times_field_get(const struct form_field *fld);

#endif
