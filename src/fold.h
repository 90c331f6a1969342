/* fold.h — Danish folding for search: what a volunteer types and what is
 * stored meet in one spelling. Lower case; æ→ae, ø→o, å→aa (so "aa" finds
 * å and "soren" finds Søren); ä→ae, ö→o, ü→u, other accents dropped;
 * anything that is not a letter or digit becomes a single space. */
#ifndef BB_FOLD_H
#define BB_FOLD_H

#include <stddef.h>

/* Writes the folded text (ASCII letters, digits and single spaces, no
 * leading or trailing space) into out; returns its length. */
size_t fold_search(const char *text, char *out, size_t size);

/* Phone numbers are searched by their digits alone: "12 34 56 78" is
 * stored and matched as "12345678". Returns the length. */
size_t fold_digits(const char *text, char *out, size_t size);

#endif
