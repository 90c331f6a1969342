/* measure_form.h — entering an outcome measure (WHO-5, the loneliness
 * scale, or one the centre added) by keyboard, one digit per question. */
#ifndef BB_MEASURE_FORM_H
#define BB_MEASURE_FORM_H

#include <stdbool.h>

#include "screen.h"

struct app;

/* Asks which measure (when there are several) and opens the form for the
 * citizen. */
struct measure_form_args {
	long long citizen_id;
	const char *citizen_name;
	long long follow_up_id;   /* the call it is asked in, 0 from the card */
};
void measure_form_open(struct app *app, const struct measure_form_args *args);

#endif
