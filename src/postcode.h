/* postcode.h — Danish four-digit postcodes and their towns, for the
 * common ones, so intake can fill in the town. */
#ifndef BB_POSTCODE_H
#define BB_POSTCODE_H

#include <stdbool.h>

/* True if text is exactly four digits from 0800 to 9990. */
bool postcode_valid(const char *text);
/* The town for a known postcode ("8000" -> "Aarhus C"), or NULL. */
const char *postcode_town(const char *postcode);

#endif
