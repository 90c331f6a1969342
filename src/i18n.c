/* i18n.c — locale and catalogue set-up. */
#include "i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char chosen[8] = "da";

const char *i18n_language(void)
{
	return chosen;
}

static bool names_no_language(const char *loc)
{
	return !loc || !*loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0
		|| strncmp(loc, "C.", 2) == 0;
}

void i18n_pick_language(const char *language, const char *lc_all, const char *lc_messages,
			const char *lang, char out[8])
{
	/* LANGUAGE is a colon list, first wins; the LC_ variables follow
	 * POSIX precedence. A bare C/POSIX locale says nothing about the
	 * language, so the desk default (Danish) applies. */
	const char *pick = NULL;
	if (language && *language)
		pick = language;
	else if (lc_all && *lc_all)
		pick = lc_all;
	else if (lc_messages && *lc_messages)
		pick = lc_messages;
	else
		pick = lang;
	if (names_no_language(pick)) {
		snprintf(out, 8, "da");
		return;
	}
	size_t n = strcspn(pick, "_.@:");
	if (n == 0 || n > 3)
		n = 2;
	snprintf(out, 8, "%.*s", (int)n, pick);
}

#if ENABLE_NLS
/* A catalogue built next to the binary (build/po/da/LC_MESSAGES) wins
 * over the installed one, so `./build/brobygger` speaks Danish before
 * install; test programs one folder down find it too. */
static const char *catalogue_dir(void)
{
	static char dir[PATH_MAX + 16];
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return LOCALEDIR;
	exe[n] = '\0';
	/* The binary's own folder, then its parent. */
	for (int up = 0; up < 2; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash)
			break;
		*slash = '\0';
		char probe[PATH_MAX + 64];
		snprintf(probe, sizeof probe, "%s/po/da/LC_MESSAGES/" PACKAGE ".mo", exe);
		if (access(probe, R_OK) == 0) {
			snprintf(dir, sizeof dir, "%s/po", exe);
			return dir;
		}
	}
	return LOCALEDIR;
}
#endif

void i18n_init(void)
{
	i18n_pick_language(getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"),
			   getenv("LANG"), chosen);
	/* gettext follows LANGUAGE even when the da_DK locale itself is not
	 * generated, as long as LC_MESSAGES is not plain "C". */
	const char *language = getenv("LANGUAGE");
	if (!language || !*language)
		setenv("LANGUAGE", chosen, 1);

	if (!setlocale(LC_ALL, ""))
		setlocale(LC_ALL, "C.UTF-8");
	/* The program is UTF-8 throughout, whatever the machine says. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	if (names_no_language(msgs) && strncmp(msgs, "C.", 2) != 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	/* Numbers in CSV and SQL keep a decimal point. */
	setlocale(LC_NUMERIC, "C");

#if ENABLE_NLS
	bindtextdomain(PACKAGE, catalogue_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}
