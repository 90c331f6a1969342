/* fold.h — Danish folding for search: what a volunteer types and what is
 * stored meet in one spelling. Lower case; æ→ae, ø→o, å→a (so "soren"
 * finds Søren and "ostergard" Østergård); ä→ae, ö→o, ü→u, other accents
 * dropped; anything that is not a letter or digit becomes a single space.
 * The ASCII spellings of ø, ü and å meet them too: an "e" after "o" or "u"
 * is dropped, and an "a" after "a", so "Soeren", "Oersted", "Aeroe" and
 * "Aase" find Søren, Ørsted, Ærø and Åse (and "Mueller" finds Müller).
 *
 * Letters outside Latin-1 (Łukasz, Şahin, Nguyễn, a decomposed Å, names in
 * Cyrillic or Greek) go through ICU, loaded then (icu.h): composed (NFC),
 * transliterated to Latin and then to ASCII. Text in Latin-1 never needs
 * ICU and folds the same either way. */
#ifndef BB_FOLD_H
#define BB_FOLD_H

#include <stddef.h>

/* Writes the folded text (ASCII letters, digits and single spaces, no
 * leading or trailing space) into out; returns its length. */
size_t fold_search(const char *text, char *out, size_t size);

/* Phone numbers are searched by their digits alone: "12 34 56 78" is
 * stored and matched as "12345678". Returns the length. */
size_t fold_digits(const char *text, char *out, size_t size);

/* fold_digits, and a Danish number written with +45 or 0045 loses the
 * country code: "+45 22 33 44 55" is "22334455", as the desk says it. */
size_t fold_phone(const char *text, char *out, size_t size);

#endif
