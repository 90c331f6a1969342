/* number.c — numbers written the reader's way (number.h). */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "model_limits.h"
#include "strbuf.h"

void number_format(long long n, const char *sep, char *out, size_t size)
{
	char digits[NUMBER_LEN];
	/* Via unsigned, so the smallest long long has a positive twin. */
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	int len = snprintf(digits, sizeof digits, "%llu", u);
	size_t used = 0, seplen = strlen(sep);
	char buf[NUMBER_LEN * 2];
	if (n < 0)
		buf[used++] = '-';
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0 && used + seplen < sizeof buf) {
			memcpy(buf + used, sep, seplen);
			used += seplen;
		}
		if (used + 1 < sizeof buf)
			buf[used++] = digits[i];
	}
	buf[used] = '\0';
	snprintf(out, size, "%s", buf);
}

/* The separators, read from how the catalogue writes two examples, so a
 * translator writes numbers, not rules. */
static void separators(char *thousands, size_t tsize, char *decimal, size_t dsize)
{
	/* TRANSLATORS: a count of one thousand six hundred and eighty-nine, as
	 * your language writes it: only the thousands separator is taken. */
	const char *t = _("1,689");
	/* TRANSLATORS: a half as a decimal number: only the decimal mark is taken. */
	const char *d = _("0.5");
	size_t tl = strlen(t), dl = strlen(d);
	if (tl >= 4 && t[0] == '1' && strcmp(t + tl - 3, "689") == 0)
		snprintf(thousands, tsize, "%.*s", (int)(tl - 4), t + 1);
	else
		snprintf(thousands, tsize, ",");
	if (dl >= 2 && d[0] == '0' && d[dl - 1] == '5')
		snprintf(decimal, dsize, "%.*s", (int)(dl - 2), d + 1);
	else
		snprintf(decimal, dsize, ".");
}

const char *number_text(long long n, char out[NUMBER_LEN])
{
	char sep[8], dec[8];
	separators(sep, sizeof sep, dec, sizeof dec);
	number_format(n, sep, out, NUMBER_LEN);
	return out;
}

const char *number_thousands(char out[NUMBER_LEN])
{
	char dec[8];
	separators(out, NUMBER_LEN, dec, sizeof dec);
	return out;
}

const char *count_text(long long n, char out[NUMBER_LEN])
{
	if (n <= COUNT_SHOWN_MAX)
		return number_text(n, out);
	number_text(COUNT_SHOWN_MAX, out);
	size_t len = strlen(out);
	snprintf(out + len, NUMBER_LEN - len, "+");
	return out;
}

const char *number_decimal(double x, int decimals, char out[NUMBER_LEN])
{
	char sep[8], dec[8];
	separators(sep, sizeof sep, dec, sizeof dec);
	if (decimals < 0)
		decimals = 0;
	if (decimals > 3)
		decimals = 3;
	double ax = x < 0 ? -x : x;
	if (!isfinite(x) || ax >= 1e15) {
		snprintf(out, NUMBER_LEN, "%.*f", decimals, x);
		return out;
	}
	long long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
	long long fixed = (long long)(ax * (double)scale + 0.5);
	char whole[NUMBER_LEN];
	number_format(fixed / scale, sep, whole, sizeof whole);
	struct strbuf b = strbuf_on(out, NUMBER_LEN);
	strbuf_add(&b, "%s%s", x < 0 && fixed != 0 ? "-" : "", whole);
	if (decimals > 0)
		strbuf_add(&b, "%s%0*lld", dec, decimals, fixed % scale);
	return out;
}
