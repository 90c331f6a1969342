/* term.h — the terminal: start and stop, keys in, screen text out. */
#ifndef BB_TERM_H
#define BB_TERM_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "keys.h"

/* Special results of term_next_key(), outside both Unicode and UIK(). */
enum {
	UIK_STOP = -2,       /* SIGTERM, SIGHUP or SIGINT arrived */
	UIK_SCRIPT_END = -3, /* a test script ran out before the program quit */
};

extern volatile sig_atomic_t term_stop_signal;

bool term_start(char *err, size_t errsize);
void term_stop(void);
bool term_script_mode(void);
/* Blocks for at most half a second; UIK_NONE when nothing came. */
ui_key term_next_key(void);
/* The key already typed, or UIK_NONE at once (there is work to do
 * meanwhile). */
ui_key term_typed_key(void);
/* The key typed within `ms` milliseconds, or UIK_NONE. */
ui_key term_key_within(int ms);
/* Whether a key (or a signal to stop) waits to be read; never blocks. */
bool term_key_waiting(void);
void term_dump(FILE *out);
/* The attributes of an alarm that must not be missed (the damaged
 * database's banner): white on red where the terminal has colours,
 * else bold reverse video. An int, as curses' attr_t, without curses.h. */
unsigned long term_alarm_attr(void);
/* A steady clock in seconds for the idle lock; test scripts move it on. */
double term_seconds(void);

#endif
