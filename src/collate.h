/* collate.h — Danish alphabetical order, independent of the machine's
 * locale: a b ... z æ ø å; "aa" counts as å (Aagaard after Zahle);
 * ä sorts as æ, ö as ø, ü as y; accents otherwise ignored; case ignored. */
#ifndef BB_COLLATE_H
#define BB_COLLATE_H

#include <stddef.h>

/* Writes a byte key for `name` so that strcmp() of keys gives Danish
 * order. Returns the key length; the key is always NUL-terminated. */
size_t collate_key(const char *name, char *key, size_t size);
/* strcmp-style comparison in Danish order; ties broken by the bytes. */
int collate_compare(const char *a, const char *b);

#endif
