/* consent_screen.h — a citizen's consent per purpose (registration,
 * contact by volunteers, feedback to the referrer, measures) with its
 * history, given or withdrawn from here; for coordinators also the
 * insight file and anonymising. Opened from the card (key s). */
#ifndef BB_CONSENT_SCREEN_H
#define BB_CONSENT_SCREEN_H

#include <stdbool.h>

struct app;

struct consent_screen_args {
	long long citizen_id;
	const char *citizen_name;
	bool anonymised;
};
void consent_screen_open(struct app *app, const struct consent_screen_args *args);

#endif
