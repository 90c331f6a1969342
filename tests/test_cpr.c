/* Unit tests for src/cpr.c: CPR numbers are caught in free text, while
 * phone numbers, postcodes, dates and longer numbers pass. */
#include "cpr.h"
#include "tap.h"

/* The text for a TAP line: a newline in it would end the line early. */
static const char *shown(const char *text)
{
	static char buf[128];
	size_t n = 0;
	for (const char *p = text; *p && n + 3 < sizeof buf; p++) {
		if (*p == '\n') {
			buf[n++] = '\\';
			buf[n++] = 'n';
		} else {
			buf[n++] = *p;
		}
	}
	buf[n] = '\0';
	return buf;
}

static void flagged(const char *text)
{
	TAP_CHECK(cpr_found(text), "'%s' holds a CPR number", shown(text));
}

static void passes(const char *text)
{
	TAP_CHECK(!cpr_found(text), "'%s' passes", shown(text));
}

int main(void)
{
	flagged("010190-1234");
	flagged("0101901234");
	flagged("010190 1234");
	flagged("Mit cpr er 311299-1234.");
	flagged("cpr:0101901234");
	flagged("(010190-1234)");
	flagged("Ring på 20304050, cpr 150665-4321");
	flagged("Henvist af egen læge\n150665-4321\n");
	flagged("290200-1234");              /* 29 February: the century is unknown */
	flagged("290201-1234");
	flagged("311299-0000");
	flagged("300490-1234");
	flagged("010190\xC2\xA0" "1234");    /* no-break space */
	flagged("010190\xE2\x80\x93" "1234"); /* en dash */
	flagged("8000 Aarhus C, 010190-1234");
	flagged("ID010190-1234");

	passes("320190-1234");               /* no day 32 */
	passes("310490-1234");               /* no 31 April */
	passes("300290-1234");               /* no 30 February */
	passes("000190-1234");
	passes("011390-1234");
	passes("010090-1234");
	passes("12345678901");               /* 11 digits */
	passes("01019012345");
	passes("1010190-1234");              /* 7 digits before the dash */
	passes("010190-12345");
	passes("010190-123");
	flagged("010190--1234");               /* any separators between the groups */
	flagged("010190 - 1234");
	flagged("010190_1234");
	flagged("01.02.03-1234");
	flagged("010203/1234");
	flagged("01 02 03-1234");
	flagged("010203-12 34");
	flagged("Aarhus 010203-1234");
	flagged("Bente (010203-1234) kommer senere");
	flagged("\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x93-"
		"\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94");   /* full-width digits */
	flagged("Ring 20304050 010190-1234");     /* after a phone number */
	passes("20 30 40 50 12 34 56 78");       /* two phone numbers */
	passes("010190    1234");                 /* too far apart to be one number */
	passes("010190");
	passes("0101901");
	passes("12 34 56 78");
	passes("+45 12345678");
	passes("+4512345678");
	passes("Tlf. 20 30 40 50 eller 12345678");
	passes("8000");
	passes("8000 Aarhus C");
	passes("2100 København Ø");
	passes("26-11-2026");
	passes("2026-11-26");
	passes("Mødes tors 26. nov kl. 10:00");
	passes("Konto 1234-5678901234");
	passes("");
	passes("ingen tal her");
	TAP_CHECK(!cpr_found(NULL), "NULL passes");
	return tap_done();
}
