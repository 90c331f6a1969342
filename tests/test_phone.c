/* Unit tests for src/phone.c: Danish numbers in pairs, whatever way they
 * were typed; anything else as it was typed. */
#include <stdio.h>

#include "phone.h"
#include "tap.h"

static void shown(const char *stored, const char *want)
{
	char out[PHONE_SHOWN_MAX];
	phone_shown(stored, out, sizeof out);
	TAP_STR_EQ(out, want, "'%s' shows as '%s'", stored, want);
}

int main(void)
{
	shown("12345678", "12 34 56 78");
	shown("12 34 56 78", "12 34 56 78");
	shown("1234 5678", "12 34 56 78");
	shown("12-34-56-78", "12 34 56 78");
	shown(" 22810292 ", "22 81 02 92");
	shown("+4512345678", "12 34 56 78");
	shown("+45 1234 5678", "12 34 56 78");
	shown("0045 12 34 56 78", "12 34 56 78");
	/* Not a Danish number, or not only a number: as typed. */
	shown("+46 70 123 45 67", "+46 70 123 45 67");
	shown("0046701234567", "0046701234567");
	shown("1234567", "1234567");
	shown("12345678 (efter kl. 16)", "12345678 (efter kl. 16)");
	shown("", "");
	char small[6];
	phone_shown("12345678", small, sizeof small);
	TAP_STR_EQ(small, "12 34", "a short buffer is cut, not overrun");
	return tap_done();
}
