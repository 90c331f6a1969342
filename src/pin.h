/* pin.h — personal PINs for switching in at a shared desk PC. Stored
 * only as a salted yescrypt hash (libxcrypt), never as the digits. The
 * rules for a PIN a colleague cannot guess, and for how long a desk waits
 * after wrong PINs, are here too. */
#ifndef BB_PIN_H
#define BB_PIN_H

#include <stdbool.h>
#include <stddef.h>

enum { PIN_HASH_MAX = 128 };

/* Why a new PIN is refused. */
enum pin_weakness {
	PIN_OK,
	PIN_NOT_DIGITS,   /* not 4 to 8 digits */
	PIN_ONE_DIGIT,    /* 0000, 77777 */
	PIN_RUN,          /* 1234, 98765, 0123 */
	PIN_YEAR,         /* 1968: a birth year, the first thing anyone tries */
	PIN_PATTERN,      /* 1212, 1122, 2580: a block repeated, digits doubled, a keypad's column */
};

/* Four to eight digits. */
bool pin_valid(const char *pin);
/* Whether `pin` may be chosen; `this_year` bounds the years refused. */
enum pin_weakness pin_weakness(const char *pin, int this_year);
/* A new salted hash of pin; false if the system cannot make one. */
bool pin_hash(const char *pin, char out[PIN_HASH_MAX]);
bool pin_matches(const char *pin, const char *hash);

/* Wrong PINs in a row: from the third on, the next try waits longer each
 * time; from PIN_LOCK_AFTER on the user is locked until a coordinator
 * gives a new PIN. */
enum { PIN_WAIT_AFTER = 3, PIN_LOCK_AFTER = 10, PIN_WAIT_FIRST = 30, PIN_WAIT_MAX = 15 * 60 };
/* Seconds to wait before the next try after `failed` wrong PINs in a row. */
long pin_wait_seconds(int failed);
bool pin_locked_after(int failed);

#endif
