/* phone.h — a phone number shown the way Danes write it. What was typed
 * is stored as it was (search folds it to digits anyway); only what is
 * shown on screens and sheets is grouped. */
#ifndef BB_PHONE_H
#define BB_PHONE_H

#include <stddef.h>

enum { PHONE_SHOWN_MAX = 64 };

/* A Danish number in pairs: "12345678" and "1234 5678" show as
 * "12 34 56 78", "+4512345678" as "+45 12 34 56 78". Anything else
 * (a foreign number, words) is shown as stored. */
void phone_shown(const char *stored, char *out, size_t size);

#endif
