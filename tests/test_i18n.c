/* Unit tests for the language choice in src/i18n.c. */
#include "i18n.h"
#include "tap.h"

static void picks(const char *language, const char *lc_all, const char *lang, const char *want)
{
	char got[8];
	i18n_pick_language(language, lc_all, NULL, lang, got);
	TAP_STR_EQ(got, want, "LANGUAGE=%s LC_ALL=%s LANG=%s gives %s", language ? language : "-",
		   lc_all ? lc_all : "-", lang ? lang : "-", want);
}

int main(void)
{
	picks(NULL, NULL, NULL, "da");
	picks(NULL, NULL, "C.UTF-8", "da");
	picks(NULL, NULL, "POSIX", "da");
	picks(NULL, NULL, "da_DK.UTF-8", "da");
	picks(NULL, NULL, "en_GB.UTF-8", "en");
	picks("en", NULL, "da_DK.UTF-8", "en");
	picks("da:en", NULL, "en_US.UTF-8", "da");
	picks(NULL, "en_US.UTF-8", "da_DK.UTF-8", "en");
	picks("", "", "da_DK.UTF-8", "da");
	return tap_done();
}
