/* settings.h — the centre's own settings: its name, the idle lock and the
 * no-contact rule's weeks and daily quota. Reading is for everyone (the
 * home screen shows the name, the lock needs its minutes); editing is the
 * coordinator's. */
#ifndef BB_SETTINGS_H
#define BB_SETTINGS_H

#include "desk.h"
#include "model_users.h"

/* Values missing or out of range read as their defaults
 * (model_limits.h). */
enum db_status settings_read(struct desk *d, struct centre_settings *out);
/* The same, for the coordinator's settings form (DB_ERR_FORBIDDEN for
 * anyone else). */
enum db_status settings_for_edit(struct desk *d, struct centre_settings *out);
/* Saves all of them in one transaction, audited; DB_ERR_INVALID (nothing
 * written) when one is out of range or the name is empty. */
enum db_status settings_save(struct desk *d, const struct centre_settings *in);
/* Names the centre, e.g. for demo data (command line). */
enum db_status settings_name_centre(struct desk *d, const char *name);

/* A stored setting as a number within [min, max], else the fallback. */
int settings_number(const char *text, int fallback, int min, int max);

#endif
