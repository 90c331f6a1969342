/* Unit tests for src/utf8.c. */
#include <locale.h>

#include "tap.h"
#include "utf8.h"

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	uint32_t cp;
	TAP_INT_EQ(utf8_decode("ø", 2, &cp), 2, "ø is two bytes");
	TAP_INT_EQ(cp, 0xf8, "ø is U+00F8");
	TAP_INT_EQ(utf8_decode("\xc3", 1, &cp), 0, "a truncated character is invalid");
	TAP_INT_EQ(utf8_decode("\xc0\xaf", 2, &cp), 0, "an overlong form is invalid");
	TAP_INT_EQ(utf8_decode("\xed\xa0\x80", 3, &cp), 0, "a surrogate is invalid");
	TAP_INT_EQ(utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0, "beyond U+10FFFF is invalid");
	TAP_CHECK(utf8_valid("Søren Ærø Åberg", strlen("Søren Ærø Åberg")), "Danish text is valid");
	TAP_CHECK(!utf8_valid("S\xf8ren", 5), "Latin-1 ø is not valid UTF-8");

	char enc[4];
	TAP_INT_EQ(utf8_encode(0xe5, enc), 2, "å encodes in two bytes");
	TAP_INT_EQ(utf8_encode(0xd800, enc), 0, "a surrogate does not encode");

	const char *s = "æøå";
	TAP_INT_EQ(utf8_length(s), 3, "three letters");
	TAP_INT_EQ(utf8_columns(s, strlen(s)), 3, "three columns");
	TAP_INT_EQ(utf8_next(s, strlen(s), 0), 2, "next skips a whole letter");
	TAP_INT_EQ(utf8_prev(s, 4), 2, "prev goes back a whole letter");
	TAP_INT_EQ(utf8_fit("Søren", 2), 3, "two columns of Søren are three bytes");
	TAP_INT_EQ(utf8_columns("日本", 6), 4, "wide characters take two columns");
	TAP_INT_EQ(utf8_fit("日本", 3), 3, "a wide character is not split to fit");
	return tap_done();
}
