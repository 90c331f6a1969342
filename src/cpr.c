/* cpr.c — spots a CPR number in free text before it is saved. The centre
 * has no lawful need for CPR numbers, yet people write them on referral
 * cards by habit, in every way a number can be written: 010203-1234,
 * 01.02.03-1234, 010203/1234, 01 02 03-1234, 010203-12 34, or with the
 * full-width digits a phone keyboard may give. A refused field is better
 * than one in the database.
 *
 * The text is read as groups of digits (any Unicode decimal digit) with
 * at most a few separators (spaces, dashes, dots, slashes) between them.
 * Any run of whole groups that holds exactly ten digits, the first six
 * a real day and month, is a CPR number; a group of more than ten
 * digits (an account number) never is.
 *
 * No modulus-11 check: numbers issued since 2007 need not pass it, and a
 * missed CPR number costs far more than asking someone to rephrase. */
#include "cpr.h"

#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

enum { MAX_GROUPS = 64, MAX_SEPARATORS = 3, CPR_DIGITS = 10 };

/* The first code point of each run of ten decimal digits in Unicode that
 * a Danish desk could meet: ASCII, Arabic-Indic, Extended Arabic-Indic,
 * Devanagari, Bengali, full-width, and the mathematical digit styles. */
static const uint32_t digit_zeros[] = {
	0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xFF10,
	0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
};

static int digit_value(uint32_t cp)
{
	for (size_t i = 0; i < sizeof digit_zeros / sizeof digit_zeros[0]; i++)
		if (cp >= digit_zeros[i] && cp < digit_zeros[i] + 10)
			return (int)(cp - digit_zeros[i]);
	return -1;
}

static bool is_separator(uint32_t cp)
{
	switch (cp) {
	case ' ': case '-': case '.': case '/': case '_':
	case 0xA0:                    /* no-break space */
	case 0x2009: case 0x202F:     /* thin and narrow no-break space */
	case 0x2212:                  /* minus sign */
	case 0x3000:                  /* ideographic space */
	case 0xFF0D: case 0xFF0E: case 0xFF0F: /* full-width - . / */
		return true;
	default:
		return cp >= 0x2010 && cp <= 0x2015; /* hyphens and dashes */
	}
}

/* DDMMYY with a day the month can have. The century is unknown, so
 * 29 February counts in every year. */
static bool real_day_month(const int *d)
{
	static const int month_days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int day = d[0] * 10 + d[1], month = d[2] * 10 + d[3];
	return month >= 1 && month <= 12 && day >= 1 && day <= month_days[month - 1];
}

/* The digits of one chain of groups, and where each group starts. */
struct chain {
	int digits[MAX_GROUPS * CPR_DIGITS];
	int ndigits;
	int group_start[MAX_GROUPS + 1];
	int ngroups;
};

static bool chain_has_cpr(const struct chain *c)
{
	for (int first = 0; first < c->ngroups; first++) {
		int start = c->group_start[first];
		for (int last = first; last < c->ngroups; last++) {
			int end = last + 1 < c->ngroups ? c->group_start[last + 1] : c->ndigits;
			if (end - start > CPR_DIGITS)
				break;
			if (end - start == CPR_DIGITS && real_day_month(&c->digits[start]))
				return true;
		}
	}
	return false;
}

bool cpr_found(const char *text)
{
	if (!text)
		return false;
	size_t len = 0;
	while (text[len])
		len++;
	struct chain c = { .ndigits = 0 };
	int separators = 0;
	bool in_group = false;
	for (size_t i = 0; i <= len;) {
		uint32_t cp = 0;
		size_t n = i < len ? utf8_decode(text + i, len - i, &cp) : 1;
		if (n == 0)
			n = 1, cp = 0xFFFD;
		int v = i < len ? digit_value(cp) : -1;
		if (v >= 0) {
			if (!in_group) {
				if (c.ngroups == MAX_GROUPS) {
					if (chain_has_cpr(&c))
						return true;
					c.ngroups = c.ndigits = 0;
				}
				c.group_start[c.ngroups++] = c.ndigits;
				in_group = true;
			}
			if (c.ndigits < (int)(sizeof c.digits / sizeof c.digits[0]))
				c.digits[c.ndigits++] = v;
			separators = 0;
		} else if (i < len && c.ngroups && is_separator(cp) && ++separators <= MAX_SEPARATORS) {
			in_group = false;
		} else {
			/* The chain ends here. */
			if (c.ngroups && chain_has_cpr(&c))
				return true;
			c.ngroups = c.ndigits = 0;
			separators = 0;
			in_group = false;
		}
		i += n;
	}
	return false;
}
