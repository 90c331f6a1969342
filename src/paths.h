/* paths.h — where the data lives when the user does not say. */
#ifndef BB_PATHS_H
#define BB_PATHS_H

#include <stdbool.h>
#include <stddef.h>

/* $BROBYGGER_DB, else $XDG_DATA_HOME/brobygger/brobygger.db, else
 * $HOME/.local/share/brobygger/brobygger.db. False if none can be made. */
bool paths_default_db(char *out, size_t size);

/* Whether the database is at the place the program chooses itself: no
 * --db and no $BROBYGGER_DB. Only there is a new one made unasked. */
bool paths_is_default(const char *db_option);

/* The folder a file is in ("" for a bare name; "/" for one at the root). */
void paths_folder_of(const char *path, char *out, size_t size);
/* Why a folder could not be made (errno from mkdir), in the desk's words:
 * the system's own text is English in the C locale the desks run in. */
const char *paths_folder_error(int err);

#endif
