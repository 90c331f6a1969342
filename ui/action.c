/* action.c — global keys and lookup. */
#include "action.h"

#include <curses.h>

#include "i18n.h"

const struct action global_actions[] = {
	/* F1 is kept by GNOME Terminal and xfce4-terminal for their own help,
	 * so the hint shows the keys every terminal passes on. */
	{ ACT_HELP, '?', N_("Help"), N_("Show help for this screen."), ACTF_NOT_TYPING },
	{ ACT_HELP, UIK_CTRL('g'), N_("Help"), N_("Show help for this screen, also while typing."), ACTF_TYPING },
	{ ACT_HELP, UIK(KEY_F(1)), N_("Help"), N_("Show help for this screen."), ACTF_HIDDEN },
	{ ACT_REDRAW, UIK_CTRL('l'), N_("Redraw"), N_("Redraw the whole screen."), ACTF_HIDDEN },
	{ ACT_NONE, 0, NULL, NULL, 0 },
};

static enum action_id lookup(const struct action *t, ui_key key)
{
	for (; t && t->id != ACT_NONE; t++)
		if (t->key == key)
			return t->id;
	return ACT_NONE;
}

enum action_id action_for_key(const struct action *screen_table, ui_key key)
{
	enum action_id id = lookup(screen_table, key);
	return id != ACT_NONE ? id : lookup(global_actions, key);
}

bool action_hinted(const struct action *a, bool typing)
{
	if (a->flags & (ACTF_HIDDEN | ACTF_MENU))
		return false;
	if (typing)
		return !(a->flags & ACTF_NOT_TYPING);
	return !(a->flags & ACTF_TYPING);
}

bool action_opens_help(ui_key key, bool typing)
{
	for (const struct action *t = global_actions; t->id != ACT_NONE; t++)
		if (t->key == key && t->id == ACT_HELP)
			return !(typing && (t->flags & ACTF_NOT_TYPING));
	return false;
}

const struct action *action_table_hiding(struct action *dst, size_t n, const struct action *src,
					 bool (*hide)(enum action_id id, const void *state, const struct app *app),
					 const void *state, const struct app *app)
{
	size_t i = 0;
	for (; i + 1 < n && src[i].id != ACT_NONE; i++) {
		dst[i] = src[i];
		if (hide(src[i].id, state, app))
			dst[i].flags |= ACTF_HIDDEN;
	}
	dst[i] = (struct action){ ACT_NONE, 0, NULL, NULL, 0 };
	return dst;
}
