/* Unit tests for src/number.c: counts with Danish thousands points
 * (1.689), measurements with a decimal comma, and English alike. */
#include <limits.h>
#include <stdlib.h>

#include "i18n.h"
#include "number.h"
#include "tap.h"

int main(void)
{
	char buf[NUMBER_LEN];
	number_format(1689, ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "1.689", "four digits get a point");
	number_format(999, ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "999", "three digits none");
	number_format(0, ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "0", "nought");
	number_format(100000, ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "100.000", "a hundred thousand");
	number_format(-1234567, ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "-1.234.567", "negative, two points");
	number_format(LLONG_MIN, ".", buf, sizeof buf);
	TAP_STR_EQ(buf, "-9.223.372.036.854.775.808", "the smallest long long");
	number_format(1689, "\xc2\xa0", buf, sizeof buf);
	TAP_STR_EQ(buf, "1\xc2\xa0" "689", "a separator of two bytes (no-break space)");

	i18n_init(); /* LANGUAGE=da in the tests */
	TAP_STR_EQ(number_text(1689, buf), "1.689", "Danish: 1.689");
	TAP_STR_EQ(number_text(10000000, buf), "10.000.000", "Danish: ten million");
	TAP_STR_EQ(number_thousands(buf), ".", "Danish: the thousands separator alone is a point");
	TAP_STR_EQ(number_decimal(0.24, 1, buf), "0,2", "Danish decimal comma");
	TAP_STR_EQ(number_decimal(1234.56, 1, buf), "1.234,6", "both, rounded");
	TAP_STR_EQ(number_decimal(-0.04, 1, buf), "0,0", "no minus on a rounded nought");
	TAP_STR_EQ(number_decimal(2.5, 0, buf), "3", "no decimals");
	return tap_done();
}
