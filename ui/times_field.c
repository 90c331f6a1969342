/* times_field.c — the week's free times as one field (times_field.h). */
#include "times_field.h"

#include <stdint.h>
#include <stdio.h>

#include "i18n.h"
#include "vocab.h"

/* Option k is the slot of bit k: AVAIL_BIT's order (weekday, then part
 * of the day), so ticks and bits are the same number. */
void times_field_init(struct times_field *t, struct form_field *fld)
{
	for (int d = 1; d <= 7; d++)
		for (int p = 0; p < 3; p++) {
			int k = (d - 1) * 3 + p;
			snprintf(t->labels[k], sizeof t->labels[k], "%s %s", _(vocab_weekday[d - 1].label),
				 _(vocab_part_of_day_lower[p].label));
			t->options[k] = (struct form_option){ .id = k, .label = t->labels[k] };
		}
	fld->options = t->options;
	fld->noptions = TIMES_FIELD_SLOTS;
}

void times_field_set(struct form_field *fld, availability_bits bits)
{
	fld->picked = 0;
	for (int k = 0; k < TIMES_FIELD_SLOTS; k++)
		if (bits & (1u << k))
			fld->picked |= UINT64_C(1) << k;
}

availability_bits times_field_get(const struct form_field *fld)
{
	availability_bits bits = 0;
	for (int k = 0; k < TIMES_FIELD_SLOTS; k++)
		if (fld->picked & (UINT64_C(1) << k))
			bits |= 1u << k;
	return bits;
}
