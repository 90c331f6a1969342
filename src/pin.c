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
