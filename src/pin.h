/* pin.h — personal PINs for switching in at a shared desk PC. Stored
 * only as a salted yescrypt hash (libxcrypt), never as the digits. */
#ifndef BB_PIN_H
#define BB_PIN_H

#include <stdbool.h>
#include <stddef.h>

enum { PIN_HASH_MAX = 128 };

/* Four to eight digits. */
bool pin_valid(const char *pin);
/* A new salted hash of pin; false if the system cannot make one. */
bool pin_hash(const char *pin, char out[PIN_HASH_MAX]);
bool pin_matches(const char *pin, const char *hash);

#endif
