/* collate.h — Danish alphabetical order, independent of the machine's
 * locale, from ICU's Danish collator: a b ... z æ ø å; "aa" counts as å
 * (Aagaard after Zahle); ä sorts as æ, ö as ø, ü as y; other accents and
 * case do not count; names from outside Latin-1 (Łukasz, Şahin, Nguyễn)
 * sort by their letters, and other scripts after the Latin one.
 *
 * A key is the collator's primary weights written in lower-case hex, four
 * digits per weight, so comparing keys byte by byte (strcmp, or any
 * database's plain text order) gives Danish order. The key of what the
 * desk types is the beginning of the key of every name that starts with
 * it "as typed" in the Danish sense ("jø" starts Jørgen, not John; "aa"
 * and "å" both start Aagaard and Åse). ICU's weights change between its
 * versions: collate_version() says which ones stored keys were made by. */
#ifndef BB_COLLATE_H
#define BB_COLLATE_H

#include <stddef.h>

/* Writes the key of `name` (runs of white space count as one space, none
 * at either end) and returns its length; always NUL-terminated. A key
 * that does not fit ends at a whole weight. */
size_t collate_key(const char *name, char *key, size_t size);
/* The key of each word of `name` (letters and digits; anything else
 * separates), joined by single spaces. */
size_t collate_word_keys(const char *name, char *out, size_t size);
/* The key by family name: the last word of the name first, then the rest
 * ("Anne Marie Jensen" sorts as "Jensen Anne Marie"). */
size_t collate_family_key(const char *name, char *key, size_t size);
/* strcmp-style comparison in Danish order; ties broken by the bytes. */
int collate_compare(const char *a, const char *b);
/* Which weights made the keys: ICU's version and its Danish collator's,
 * e.g. "icu 72.1 da 153.120.42", of the ICU the program was built with;
 * answered without loading ICU. */
void collate_version(char *out, size_t size);

#endif
