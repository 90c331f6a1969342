/* paths.c — the default database path (XDG base directories). */
#include "paths.h"

#include <stdio.h>
#include <stdlib.h>

bool paths_default_db(char *out, size_t size)
{
	const char *env = getenv("BROBYGGER_DB");
	if (env && *env)
		return snprintf(out, size, "%s", env) < (int)size;
	const char *xdg = getenv("XDG_DATA_HOME");
	/* The spec says a relative XDG_DATA_HOME is invalid and ignored. */
	if (xdg && xdg[0] == '/')
		return snprintf(out, size, "%s/brobygger/brobygger.db", xdg) < (int)size;
	const char *home = getenv("HOME");
	if (!home || !*home)
		return false;
	return snprintf(out, size, "%s/.local/share/brobygger/brobygger.db", home) < (int)size;
}

bool paths_is_default(const char *db_option)
{
	const char *env = getenv("BROBYGGER_DB");
	return !db_option && !(env && *env);
}
