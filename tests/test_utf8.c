/* Unit tests for src/utf8.c, and the list cells of ui/draw.c built on it. */
#include <locale.h>

#include "tap.h"
#include "draw.h"
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

	/* Cut text ends in "…", never silently. */
	char out[64];
	utf8_clip("Søren", 5, out, sizeof out);
	TAP_STR_EQ(out, "Søren", "a text that fits is whole");
	utf8_clip("Søren Ærø Åberg", 8, out, sizeof out);
	TAP_STR_EQ(out, "Søren Æ…", "cut to eight columns, the last is …");
	utf8_clip("Søren Ærø Åberg", 7, out, sizeof out);
	TAP_STR_EQ(out, "Søren…", "no space before the …");
	utf8_clip("日本語", 4, out, sizeof out);
	TAP_STR_EQ(out, "日…", "a wide character that does not fit before the … is left out");
	TAP_INT_EQ(utf8_columns(out, strlen(out)), 3, "so it takes three columns of four");
	utf8_clip("Søren", 1, out, sizeof out);
	TAP_STR_EQ(out, "…", "one column: the … alone");
	utf8_clip("Søren", 0, out, sizeof out);
	TAP_STR_EQ(out, "", "no columns: nothing");
	char small[6];
	utf8_clip("ØØØØØØ", 5, small, sizeof small);
	TAP_STR_EQ(small, "Ø…", "a small buffer keeps whole letters and the …");

	/* The list cells (ui/draw.c) are exactly as wide as asked. */
	text_pad(out, sizeof out, "Bente Johansen-Ærøskøbing", 12);
	TAP_STR_EQ(out, "Bente Johan…", "a cell cut ends in …");
	text_pad(out, sizeof out, "+45 40 11 22 33", 12);
	TAP_STR_EQ(out, "+45 40 11 2…", "a phone number cut is never passed off as whole");
	text_pad(out, sizeof out, "Åse", 6);
	TAP_STR_EQ(out, "Åse   ", "a short one is padded");
	text_pad(out, sizeof out, "李小龍 Hansen", 6);
	TAP_STR_EQ(out, "李小… ", "wide letters: cut, then padded to six columns");
	return tap_done();
}
