/* Unit tests for src/postcode.c: the format rule, towns for known codes,
 * and a walk in code order that would miss towns if the table's order
 * (which the search by halves relies on) were broken. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "postcode.h"
#include "tap.h"
#include "utf8.h"

struct known {
	const char *code, *town;
};

static void valid(const char *text)
{
	TAP_CHECK(postcode_valid(text), "'%s' is a valid postcode", text);
}

static void refused(const char *text)
{
	TAP_CHECK(!postcode_valid(text), "'%s' is refused", text);
	TAP_CHECK(postcode_town(text) == NULL, "'%s' has no town", text);
}

static void town(const char *code, const char *want)
{
	TAP_STR_EQ(postcode_town(code), want, "%s is %s", code, want);
}

int main(void)
{
	valid("0800");
	valid("1000");
	valid("8000");
	valid("9990");
	refused("800");
	refused("80000");
	refused("8OOO");
	refused("");
	refused("0000");
	refused("0799");
	refused("9991");
	refused("9999");
	refused(" 8000");
	refused("8000 ");
	refused("-800");
	refused("+800");
	refused("80 0");
	refused("８０００");
	TAP_CHECK(!postcode_valid(NULL) && postcode_town(NULL) == NULL, "NULL is refused");

	town("1050", "København K");
	town("1360", "København K");
	town("1620", "København V");
	town("1850", "Frederiksberg C");
	town("2100", "København Ø");
	town("2200", "København N");
	town("2800", "Kongens Lyngby");
	town("3700", "Rønne");
	town("5000", "Odense C");
	town("8000", "Aarhus C");
	town("8220", "Brabrand");
	town("8900", "Randers C");
	town("9400", "Nørresundby");
	town("9990", "Skagen");

	TAP_CHECK(postcode_town("0800") == NULL, "0800 is valid, but not in the table");
	TAP_CHECK(postcode_town("2001") == NULL, "2001 is valid, but unknown");
	TAP_CHECK(postcode_town("8888") == NULL, "8888 is valid, but unknown");
	TAP_CHECK(postcode_town("9989") == NULL, "9989 is valid, but unknown");

	static const struct known walk[] = {
		{ "1000", "København K" }, { "1499", "København K" }, { "1500", "København V" },
		{ "1799", "København V" }, { "1800", "Frederiksberg C" },
		{ "1999", "Frederiksberg C" }, { "2000", "Frederiksberg" }, { "2100", "København Ø" },
		{ "2200", "København N" }, { "2300", "København S" }, { "2400", "København NV" },
		{ "2450", "København SV" }, { "2500", "Valby" }, { "2605", "Brøndby" },
		{ "2625", "Vallensbæk" }, { "2640", "Hedehusene" }, { "2665", "Vallensbæk Strand" },
		{ "2690", "Karlslunde" }, { "2700", "Brønshøj" }, { "2720", "Vanløse" },
		{ "2730", "Herlev" }, { "2760", "Måløv" }, { "2791", "Dragør" },
		{ "2800", "Kongens Lyngby" }, { "2830", "Virum" }, { "2860", "Søborg" },
		{ "2900", "Hellerup" }, { "2950", "Vedbæk" }, { "2980", "Kokkedal" },
		{ "3000", "Helsingør" }, { "3050", "Humlebæk" }, { "3100", "Hornbæk" },
		{ "3300", "Frederiksværk" }, { "3450", "Allerød" }, { "3500", "Værløse" },
		{ "3600", "Frederikssund" }, { "3660", "Stenløse" }, { "3700", "Rønne" },
		{ "3730", "Nexø" }, { "3770", "Allinge" }, { "4000", "Roskilde" },
		{ "4040", "Jyllinge" }, { "4200", "Slagelse" }, { "4270", "Høng" },
		{ "4320", "Lejre" }, { "4400", "Kalundborg" }, { "4550", "Asnæs" },
		{ "4660", "Store Heddinge" }, { "4700", "Næstved" }, { "4780", "Stege" },
		{ "4874", "Gedser" }, { "4930", "Maribo" }, { "5000", "Odense C" },
		{ "5220", "Odense SØ" }, { "5250", "Odense SV" }, { "5300", "Kerteminde" },
		{ "5450", "Otterup" }, { "5560", "Aarup" }, { "5620", "Glamsbjerg" },
		{ "5800", "Nyborg" }, { "5970", "Ærøskøbing" }, { "6000", "Kolding" },
		{ "6070", "Christiansfeld" }, { "6230", "Rødekro" }, { "6300", "Gråsten" },
		{ "6340", "Kruså" }, { "6430", "Nordborg" }, { "6510", "Gram" }, { "6600", "Vejen" },
		{ "6650", "Brørup" }, { "6700", "Esbjerg" }, { "6705", "Esbjerg Ø" },
		{ "6720", "Fanø" }, { "6780", "Skærbæk" }, { "6840", "Oksbøl" }, { "6900", "Skjern" },
		{ "6960", "Hvide Sande" }, { "7100", "Vejle" }, { "7160", "Tørring" },
		{ "7300", "Jelling" }, { "7400", "Herning" }, { "7490", "Aulum" },
		{ "7620", "Lemvig" }, { "7730", "Hanstholm" }, { "7900", "Nykøbing M" },
		{ "8000", "Aarhus C" }, { "8200", "Aarhus N" }, { "8210", "Aarhus V" },
		{ "8220", "Brabrand" }, { "8240", "Risskov" }, { "8260", "Viby J" },
		{ "8305", "Samsø" }, { "8330", "Beder" }, { "8361", "Hasselager" },
		{ "8380", "Trige" }, { "8400", "Ebeltoft" }, { "8462", "Harlev J" },
		{ "8500", "Grenaa" }, { "8541", "Skødstrup" }, { "8600", "Silkeborg" },
		{ "8660", "Skanderborg" }, { "8700", "Horsens" }, { "8722", "Hedensted" },
		{ "8800", "Viborg" }, { "8900", "Randers C" }, { "8940", "Randers SV" },
		{ "9000", "Aalborg" }, { "9220", "Aalborg Øst" }, { "9260", "Gistrup" },
		{ "9300", "Sæby" }, { "9330", "Dronninglund" }, { "9400", "Nørresundby" },
		{ "9430", "Vadum" }, { "9480", "Løkken" }, { "9520", "Skørping" },
		{ "9560", "Hadsund" }, { "9640", "Farsø" }, { "9700", "Brønderslev" },
		{ "9800", "Hjørring" }, { "9900", "Frederikshavn" }, { "9981", "Jerup" },
		{ "9990", "Skagen" },
	};
	size_t n = sizeof walk / sizeof walk[0];
	int found = 0;
	bool ordered = true;
	for (size_t i = 0; i < n; i++) {
		const char *got = postcode_town(walk[i].code);
		if (got && strcmp(got, walk[i].town) == 0)
			found++;
		else
			printf("# %s: got '%s', want '%s'\n", walk[i].code, got ? got : "(null)", walk[i].town);
		if (i > 0 && strcmp(walk[i - 1].code, walk[i].code) >= 0)
			ordered = false;
	}
	TAP_CHECK(ordered, "the walk itself goes up in code order");
	TAP_INT_EQ(found, (long long)n, "%zu known codes, walked in order, all find their town", n);

	/* Every code the table knows: enough of them, each a sensible name. */
	int known = 0, bad = 0;
	for (int code = 800; code <= 9990; code++) {
		char text[8];
		snprintf(text, sizeof text, "%04d", code);
		const char *t = postcode_town(text);
		if (!t)
			continue;
		known++;
		if (!*t || !utf8_valid(t, strlen(t)) || t[0] == ' ' || t[strlen(t) - 1] == ' ')
			bad++;
	}
	/* 1000 of them are central Copenhagen and Frederiksberg's ranges. */
	TAP_CHECK(known >= 1000 + 150, "the table covers the common codes (%d)", known);
	TAP_INT_EQ(bad, 0, "every town is non-empty, trimmed UTF-8");
	return tap_done();
}
