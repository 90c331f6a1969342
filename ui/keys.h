/* keys.h — one integer per key press: a Unicode code point for text,
 * or a curses KEY_* code lifted above Unicode so the two never meet
 * (KEY_* values 0401.. would otherwise collide with letters like Ā). */
#ifndef BB_KEYS_H
#define BB_KEYS_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t ui_key;

#define UIK_FUNC 0x01000000
#define UIK(curses_key) (UIK_FUNC | (curses_key))
#define UIK_IS_FUNC(k) (((k) & UIK_FUNC) != 0)
#define UIK_CTRL(c) ((c) & 0x1f)

enum {
	UIK_NONE = -1,
	UIK_TAB = '\t',
	UIK_ENTER = '\n',
	UIK_ESC = 27,
	UIK_SPACE = ' ',
	UIK_DEL_ASCII = 127,   /* what most terminals send for Backspace */
};

/* Names used by test scripts and the help screen: "<Enter>", "<F1>". */
ui_key keys_from_name(const char *name);
/* A short label for the key-hint line, e.g. "Enter", "F1", "Ctrl-S",
 * "Mellemrum", "←", "q". */
void keys_label(ui_key key, char *out, int size);
/* Arrows in words, for a console font without arrows (TERM=linux). */
void keys_use_ascii(bool ascii);

#endif
