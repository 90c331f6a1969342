/* cpr.c — spots a CPR number in free text before it is saved. The centre
 * has no lawful need for CPR numbers, yet people write them on referral
 * cards by habit; a refused field is better than one in the database.
 *
 * No modulus-11 check: numbers issued since 2007 need not pass it, and a
 * missed CPR number costs far more than asking someone to rephrase. */
#include "cpr.h"

#include <stddef.h>

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t digit_run(const char *p)
{
	size_t n = 0;
	while (is_digit(p[n]))
		n++;
	return n;
}

static int two_digits(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/* DDMMYY with a day the month can have. The century is unknown, so
 * 29 February counts in every year. */
static bool real_day_month(const char *p)
{
	static const int month_days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int day = two_digits(p), month = two_digits(p + 2);
	return month >= 1 && month <= 12 && day >= 1 && day <= month_days[month - 1];
}

/* Bytes of the separator at p, 0 if none. Besides '-' and ' ', the
 * no-break space and the en dash that word processors put in when text
 * is pasted from a letter (UTF-8). */
static size_t separator(const char *p)
{
	if (*p == '-' || *p == ' ')
		return 1;
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x93)
		return 3;
	return 0;
}

bool cpr_found(const char *text)
{
	if (!text)
		return false;
	const char *p = text;
	while (*p) {
		if (!is_digit(*p)) {
			p++;
			continue;
		}
		/* p starts a run of digits: a CPR number is a whole run of ten,
		 * or a run of six, one separator and a run of four, so digits of
		 * a longer number (an account, an 11-digit code) never match. */
		size_t n = digit_run(p);
		if (n == 10 && real_day_month(p))
			return true;
		size_t sep = n == 6 ? separator(p + 6) : 0;
		if (sep && digit_run(p + 6 + sep) == 4 && real_day_month(p))
			return true;
		p += n;
	}
	return false;
}
