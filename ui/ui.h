/* ui.h — the screen program's entry point. */
#ifndef BB_UI_H
#define BB_UI_H

struct desk;

/* Runs the TUI for the desk (its database open, nobody signed in) until the user quits or a signal
 * ends it. Returns the process exit status. With BROBYGGER_SCRIPT set,
 * keys come from that file and screens are dumped as text (tests). */
int ui_run(struct desk *desk, const char *db_path);

#endif
