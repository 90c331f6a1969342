/* phone.h — a phone number shown the way Danes write it. What was typed
 * is stored as it was (search folds it to digits anyway); only what is
 * shown on screens and sheets is grouped. */
#ifndef BB_PHONE_H
#define BB_PHONE_H

#include <stddef.h>

enum { PHONE_SHOWN_MAX = 64 };

/* A Danish number in pairs: "12345678", "1234 5678", "+45 1234 5678"
 * and "004512345678" all show as "12 34 56 78" (the country's code says
 * nothing at a Danish desk, and took a list's column: "+45 20 30 4…").
 * Anything else (a foreign number, words) is shown as stored. */
void phone_shown(const char *stored, char *out, size_t size);

#endif
