/* Unit tests for ui/lineedit.c: editing never splits a character. */
#include <curses.h>
#include <locale.h>

#include "lineedit.h"
#include "utf8.h"
#include "tap.h"

static void type(struct lineedit *e, const char *keys)
{
	size_t len = strlen(keys);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(keys + i, len - i, &cp);
		lineedit_key(e, (ui_key)cp);
		i += n;
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	struct lineedit e;
	lineedit_init(&e, 20);
	type(&e, "Søren");
	TAP_STR_EQ(e.text, "Søren", "typing Danish letters");
	TAP_INT_EQ(lineedit_cursor_column(&e), 5, "cursor after five letters");
	lineedit_key(&e, UIK(KEY_LEFT));
	lineedit_key(&e, UIK(KEY_LEFT));
	lineedit_key(&e, UIK(KEY_LEFT));
	TAP_INT_EQ(lineedit_cursor_column(&e), 2, "left moves by letters over ø");
	lineedit_key(&e, UIK(KEY_BACKSPACE));
	TAP_STR_EQ(e.text, "Sren", "backspace removes the whole ø");
	type(&e, "æ");
	TAP_STR_EQ(e.text, "Særen", "insert in the middle");
	lineedit_key(&e, UIK(KEY_DC));
	TAP_STR_EQ(e.text, "Sæen", "Delete removes the letter after the cursor");
	lineedit_key(&e, UIK(KEY_HOME));
	TAP_INT_EQ(e.cursor, 0, "Home goes to the start");
	lineedit_key(&e, UIK(KEY_END));
	TAP_INT_EQ(e.cursor, e.len, "End goes to the end");
	lineedit_key(&e, UIK_CTRL('u'));
	TAP_STR_EQ(e.text, "", "Ctrl-U clears to the start");

	lineedit_init(&e, 3);
	type(&e, "åååå");
	TAP_STR_EQ(e.text, "ååå", "max_chars counts letters, not bytes");
	TAP_CHECK(e.refused, "the fourth letter is refused");

	lineedit_init(&e, 0);
	lineedit_set(&e, "Ok\xff\xfe" "Bo");
	TAP_STR_EQ(e.text, "OkBo", "invalid UTF-8 is dropped when set");
	TAP_CHECK(!lineedit_key(&e, UIK(KEY_F(1))), "function keys are not editing keys");
	return tap_done();
}
