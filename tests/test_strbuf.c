/* strbuf: pieces added in order, never past the buffer, cut on a whole
 * character, nothing after a cut. */
#include <string.h>

#include "strbuf.h"
#include "tap.h"

int main(void)
{
	char buf[17];
	struct strbuf b = strbuf_on(buf, sizeof buf);
	TAP_STR_EQ(buf, "", "starts empty");
	strbuf_item(&b, ", ", "Gåtur");
	strbuf_item(&b, ", ", "Kor");
	TAP_STR_EQ(buf, "Gåtur, Kor", "items with a separator between");
	TAP_CHECK(!b.full, "not full yet");
	strbuf_add(&b, " (%d)", 12);
	TAP_STR_EQ(buf, "Gåtur, Kor (12)", "formatted pieces");
	strbuf_add(&b, "ø");
	TAP_STR_EQ(buf, "Gåtur, Kor (12)", "a two-byte letter that does not fit is left out whole");
	TAP_CHECK(b.full, "full");
	strbuf_add(&b, "x");
	TAP_INT_EQ(strlen(buf), 16, "nothing after a cut");

	char tiny[4];
	b = strbuf_on(tiny, sizeof tiny);
	strbuf_add(&b, "%s", "æøå");
	TAP_STR_EQ(tiny, "æ", "cut at a character boundary, never inside one");
	return tap_done();
}
