/* paths.c — the default database path (XDG base directories). */
#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

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

void paths_folder_of(const char *path, char *out, size_t size)
{
	snprintf(out, size, "%s", path);
	char *slash = strrchr(out, '/');
	if (!slash)
		out[0] = '\0';
	else
		slash[slash == out] = '\0';
}

const char *paths_folder_error(int err)
{
	switch (err) {
	case EACCES:
	case EPERM:
		return _("you may not make a folder there");
	case ENOTDIR:
		return _("part of the path is a file, not a folder");
	case ENOENT:
		return _("part of the path does not exist and cannot be made there");
	case EROFS:
		return _("the drive can only be read");
	case ENOSPC:
	case EDQUOT:
		return _("the disk is full");
	case ENAMETOOLONG:
		return _("the path is too long");
	default:
		return _("the system refused");
	}
}
