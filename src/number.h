/* number.h — counts and measurements as the reader writes numbers: in
 * Danish 1.689 and 0,2 (a thousands point, a decimal comma), in English
 * 1,689 and 0.2. Every screen, report and command-line message that shows
 * a count formats it here, so a desk never reads 1689 on one screen and
 * 1.689 on the next. */
#ifndef BB_NUMBER_H
#define BB_NUMBER_H

#include <stddef.h>

/* Long enough for any long long with separators and a sign. */
enum { NUMBER_LEN = 32 };

/* A whole number with `sep` between each group of three digits. */
void number_format(long long n, const char *sep, char *out, size_t size);
/* The same with the language's separator; returns out, so it can be
 * an argument: printf("%s", number_text(n, buf)). */
const char *number_text(long long n, char out[NUMBER_LEN]);
/* The language's thousands separator alone ("." in Danish, "," in
 * English), for a writer that puts a number together itself. */
const char *number_thousands(char out[NUMBER_LEN]);
/* A count a screen shows, capped at COUNT_SHOWN_MAX (model_limits.h):
 * "99+" past it. */
const char *count_text(long long n, char out[NUMBER_LEN]);
/* A measurement with `decimals` decimals (0 to 3), rounded, in the
 * language's way: 1.234,5 in Danish. */
const char *number_decimal(double x, int decimals, char out[NUMBER_LEN]);

#endif
