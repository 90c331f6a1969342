/* ui.h — the screen program's entry point. */
#ifndef BB_UI_H
#define BB_UI_H

#include <stdbool.h>

struct desk;

/* Runs the TUI for the desk (its database open, nobody signed in) until the user quits or a signal
 * ends it. Returns the process exit status. With BROBYGGER_SCRIPT set,
 * keys come from that file and screens are dumped as text (tests).
 * `created`: the database was made just now, and the desk is told. */
int ui_run(struct desk *desk, const char *db_path, bool created);

/* A message for the desk when the screen program starts (e.g. the
 * database was made private just now); shown after the sign-in lock
 * comes on, so it must name no citizen. Several are joined. */
void ui_notice_at_start(const char *text);

#endif
