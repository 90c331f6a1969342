/* audit_screen.h — the audit log for coordinators (home key a): who
 * viewed, changed, exported, imported or signed in, newest first, by
 * citizen, user and dates, and searchable as you type. Looking at it is
 * itself in the log. */
#ifndef BB_AUDIT_SCREEN_H
#define BB_AUDIT_SCREEN_H

struct app;

void audit_screen_open(struct app *app);
/* Only the entries about one citizen (from the card). */
void audit_screen_open_citizen(struct app *app, long long citizen_id);

#endif
