/* pin.c — PIN hashing with libxcrypt's yescrypt: a slow, salted hash
 * from a well-kept system library, rather than one of our own. */
#include "pin.h"

#include <crypt.h>
#include <stdio.h>
#include <string.h>

bool pin_valid(const char *pin)
{
	size_t n = strlen(pin);
	if (n < 4 || n > 8)
		return false;
	for (size_t i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return false;
	return true;
}

/* A shorter block said again (1212, 123123), or each digit twice (1122,
 * 112233): among the PINs people choose most, after 1234 and 0000. */
static bool repeats(const char *pin, size_t n)
{
	for (size_t block = 1; block <= n / 2; block++) {
		if (n % block)
			continue;
		size_t i = block;
		while (i < n && pin[i] == pin[i - block])
			i++;
		if (i == n)
			return true;
	}
	bool doubled = n % 2 == 0;
	for (size_t i = 0; doubled && i < n; i += 2)
		doubled = pin[i] == pin[i + 1];
	return doubled;
}

/* Straight down or up a keypad's column: a phone's 2-5-8-0, and a
 * computer keyboard's number pad, 7-4-1-0 and 8-5-2-0. */
static bool keypad_column(const char *pin)
{
	static const char *const columns[] = { "2580", "0852", "7410", "0147", "8520", "0258" };
	for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
		if (strcmp(pin, columns[i]) == 0)
			return true;
	return false;
}

enum pin_weakness pin_weakness(const char *pin, int this_year)
{
	if (!pin_valid(pin))
		return PIN_NOT_DIGITS;
	size_t n = strlen(pin);
	bool same = true, up = true, down = true;
	for (size_t i = 1; i < n; i++) {
		same &= pin[i] == pin[0];
		up &= pin[i] == pin[i - 1] + 1;
		down &= pin[i] == pin[i - 1] - 1;
	}
	if (same)
		return PIN_ONE_DIGIT;
	if (up || down)
		return PIN_RUN;
	if (repeats(pin, n) || keypad_column(pin))
		return PIN_PATTERN;
	if (n == 4) {
		int year = (pin[0] - '0') * 1000 + (pin[1] - '0') * 100 + (pin[2] - '0') * 10 + (pin[3] - '0');
		if (year >= 1900 && year <= this_year)
			return PIN_YEAR;
	}
	return PIN_OK;
}

long pin_wait_seconds(int failed)
{
	if (failed < PIN_WAIT_AFTER)
		return 0;
	long wait = PIN_WAIT_FIRST;
	for (int i = PIN_WAIT_AFTER; i < failed && wait < PIN_WAIT_MAX; i++)
		wait *= 2;
	return wait < PIN_WAIT_MAX ? wait : PIN_WAIT_MAX;
}

bool pin_locked_after(int failed)
{
	return failed >= PIN_LOCK_AFTER;
}

bool pin_hash(const char *pin, char out[PIN_HASH_MAX])
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	if (!crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt))
		return false;
	struct crypt_data data;
	memset(&data, 0, sizeof data);
	const char *h = crypt_r(pin, salt, &data);
	if (!h || h[0] == '*')
		return false;
	return snprintf(out, PIN_HASH_MAX, "%s", h) < PIN_HASH_MAX;
}

bool pin_matches(const char *pin, const char *hash)
{
	if (!hash || !hash[0])
		return false;
	struct crypt_data data;
	memset(&data, 0, sizeof data);
	const char *h = crypt_r(pin, hash, &data);
	return h && h[0] != '*' && strcmp(h, hash) == 0;
}
