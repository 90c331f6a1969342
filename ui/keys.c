/* keys.c — key names for scripts and labels for hints. */
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

static bool ascii_labels;

static const struct {
	const char *name;
	ui_key key;
} named[] = {
	{ "Enter", UIK_ENTER }, { "Esc", UIK_ESC }, { "Tab", UIK_TAB },
	{ "Space", UIK_SPACE }, { "BTab", UIK(KEY_BTAB) }, { "BS", UIK(KEY_BACKSPACE) },
	{ "Del", UIK(KEY_DC) }, { "Up", UIK(KEY_UP) }, { "Down", UIK(KEY_DOWN) },
	{ "Left", UIK(KEY_LEFT) }, { "Right", UIK(KEY_RIGHT) }, { "Home", UIK(KEY_HOME) },
	{ "End", UIK(KEY_END) }, { "PgUp", UIK(KEY_PPAGE) }, { "PgDn", UIK(KEY_NPAGE) },
	{ "F1", UIK(KEY_F(1)) }, { "F2", UIK(KEY_F(2)) }, { "F3", UIK(KEY_F(3)) }, { "F4", UIK(KEY_F(4)) },
	{ "F5", UIK(KEY_F(5)) }, { "F10", UIK(KEY_F(10)) }, { "F12", UIK(KEY_F(12)) },
	{ "Resize", UIK(KEY_RESIZE) },
};

ui_key keys_from_name(const char *name)
{
	size_t len = strlen(name);
	if (len > 2 && name[0] == '<' && name[len - 1] == '>') {
		char inner[16];
		snprintf(inner, sizeof inner, "%.*s", (int)(len - 2), name + 1);
		for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
			if (strcmp(named[i].name, inner) == 0)
				return named[i].key;
		if ((inner[0] == 'C' || inner[0] == 'c') && inner[1] == '-' && inner[2] && !inner[3])
			return UIK_CTRL(inner[2]);
		return UIK_NONE;
	}
	uint32_t cp;
	size_t n = utf8_decode(name, len, &cp);
	return n && n == len ? (ui_key)cp : UIK_NONE;
}

void keys_use_ascii(bool ascii)
{
	ascii_labels = ascii;
}

/* What the desk sees on the key: the arrows as arrows (in words where the
 * font has none), the rest in the screen's language. */
static const char *label_of(ui_key key)
{
	switch (key) {
	case UIK_SPACE: return _("Space");
	case UIK(KEY_BTAB): return _("Shift-Tab");
	case UIK(KEY_BACKSPACE): return _("Backspace");
	case UIK(KEY_LEFT): return ascii_labels ? _("Left") : "←";
	case UIK(KEY_RIGHT): return ascii_labels ? _("Right") : "→";
	case UIK(KEY_UP): return ascii_labels ? _("Up") : "↑";
	case UIK(KEY_DOWN): return ascii_labels ? _("Down") : "↓";
	default: return NULL;
	}
}

void keys_label(ui_key key, char *out, int size)
{
	const char *label = label_of(key);
	if (label) {
		snprintf(out, (size_t)size, "%s", label);
		return;
	}
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (named[i].key == key) {
			snprintf(out, (size_t)size, "%s", named[i].name);
			return;
		}
	}
	if (key > 0 && key < 32) {
		/* TRANSLATORS: a key pressed with Ctrl held down, e.g. Ctrl-S. */
		snprintf(out, (size_t)size, _("Ctrl-%c"), key + '@');
		return;
	}
	char buf[5] = { 0 };
	size_t n = utf8_encode((uint32_t)key, buf);
	snprintf(out, (size_t)size, "%.*s", (int)n, buf);
}
