/* Every screen's key table (ui/action.h) keeps the keyboard promises of
 * DESIGN.md, checked table by table rather than screen by screen:
 *  - an action on an F-key is also on a key every terminal passes on
 *    (GNOME Terminal and xfce4 keep F1 and F10, PuTTY garbles them);
 *  - a key left off the hint line is an alias of one that is on it, so
 *    no key is known only from help;
 *  - in Danish at 80 columns the hints fit on the two hint lines, both
 *    while typing in a text field and while not;
 *  - one key means one thing on a screen.
 * And the key labels read as the desk sees them on the keyboard. */
#include <curses.h>

#include "action.h"
#include "hints.h"
#include "i18n.h"
#include "keys.h"
#include "screen.h"
#include "tap.h"

extern const struct screen_ops activity_form_screen, attendance_history_screen, attendance_pick_screen,
	attendance_roll_screen, attendance_session_screen, attendance_walkin_screen, attendance_newperson_screen,
	attendance_screen, call_card_screen, calls_screen, call_outcome_screen, card_screen, conflict_screen,
	citizen_edit_screen, citizens_screen, choose_screen, prompt_screen, dialog_pick_screen,
	dialog_pick_fixed_screen, drafts_screen, intake_screen, matching_citizen_screen, matching_proposal_screen,
	matching_screen, matching_wishes_screen, measure_form_screen, registry_screen, settings_screen,
	volunteer_form_screen, help_screen, home_screen, signin_screen, users_screen, audit_screen,
	audit_filter_screen, consent_screen, exchange_export_screen, exchange_import_screen, exchange_report_screen,
	report_screen;

static const struct screen_ops *const screens[] = {
	&activity_form_screen, &attendance_history_screen, &attendance_pick_screen, &attendance_roll_screen,
	&attendance_session_screen, &attendance_walkin_screen, &attendance_newperson_screen, &attendance_screen,
	&call_card_screen, &calls_screen, &call_outcome_screen, &card_screen, &conflict_screen,
	&citizen_edit_screen, &citizens_screen, &choose_screen, &prompt_screen, &dialog_pick_screen,
	&dialog_pick_fixed_screen, &drafts_screen, &intake_screen, &matching_citizen_screen,
	&matching_proposal_screen, &matching_screen, &matching_wishes_screen, &measure_form_screen,
	&registry_screen, &settings_screen, &volunteer_form_screen, &help_screen, &home_screen, &signin_screen,
	&users_screen, &audit_screen, &audit_filter_screen, &consent_screen, &exchange_export_screen,
	&exchange_import_screen, &exchange_report_screen, &report_screen,
};

static bool is_fkey(ui_key k)
{
	return k >= UIK(KEY_F(1)) && k <= UIK(KEY_F(12));
}

/* Keys no common terminal keeps for itself: letters, Enter, Esc, Tab,
 * arrows, and Ctrl keys other than the terminal's own (C, Z, \, S and Q
 * only now that flow control is off, V for the next key literally). */
static bool passes_everywhere(ui_key k)
{
	if (is_fkey(k))
		return false;
	if (k > 0 && k < 32)
		return k != UIK_CTRL('c') && k != UIK_CTRL('z') && k != UIK_CTRL('\\') && k != UIK_CTRL('v');
	return true;
}

static bool has_other_key(const struct action *t, enum action_id id)
{
	for (; t && t->id != ACT_NONE; t++)
		if (t->id == id && passes_everywhere(t->key))
			return true;
	return false;
}

static bool hinted_somewhere(const struct action *t, enum action_id id)
{
	for (; t && t->id != ACT_NONE; t++)
		if (t->id == id && !(t->flags & ACTF_HIDDEN))
			return true;
	return false;
}

static void check_table(const struct screen_ops *ops)
{
	const char *name = ops->name;
	const struct action *t = ops->actions;
	int fkeys_alone = 0, hidden_alone = 0, twice = 0;
	for (const struct action *a = t; a && a->id != ACT_NONE; a++) {
		if (is_fkey(a->key) && !has_other_key(t, a->id)) {
			fkeys_alone++;
			printf("# %s: action %d is only on an F-key\n", name, a->id);
		}
		if ((a->flags & ACTF_HIDDEN) && !hinted_somewhere(t, a->id)) {
			hidden_alone++;
			printf("# %s: action %d is in help only\n", name, a->id);
		}
		for (const struct action *b = t; b < a; b++)
			if (b->key == a->key && b->id != a->id)
				twice++;
	}
	TAP_INT_EQ(fkeys_alone, 0, "%s: every F-key action has a key every terminal passes on", name);
	TAP_INT_EQ(hidden_alone, 0, "%s: every key off the hint line is an alias of one on it", name);
	TAP_INT_EQ(twice, 0, "%s: no key means two things", name);
	for (int typing = 0; typing < 2; typing++) {
		struct hint_layout h;
		hints_layout(t, typing, 80, &h);
		TAP_INT_EQ(h.left_out, 0, "%s: all hints fit on two lines at 80 columns%s", name,
			   typing ? " while typing" : "");
		bool help = false;
		for (int i = 0; i < h.n; i++)
			help = help || h.cells[i].action->id == ACT_HELP;
		TAP_CHECK(help, "%s: the help key is on the hint line%s", name, typing ? " while typing" : "");
	}
}

static void label(ui_key k, const char *want, const char *what)
{
	char got[32];
	keys_label(k, got, sizeof got);
	TAP_STR_EQ(got, want, "%s", what);
}

int main(void)
{
	i18n_init();
	for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++)
		check_table(screens[i]);

	/* Help on ? where letters are keys, Ctrl-G and F1 anywhere. */
	TAP_CHECK(action_opens_help('?', false), "? opens help on a list");
	TAP_CHECK(!action_opens_help('?', true), "? is typed in a text field");
	TAP_CHECK(action_opens_help(UIK_CTRL('g'), true), "Ctrl-G opens help while typing");
	TAP_CHECK(action_opens_help(UIK(KEY_F(1)), true), "F1 opens help while typing");

	label(UIK_CTRL('s'), "Ctrl-S", "Ctrl keys are written Ctrl-S, not ^S");
	label(UIK_SPACE, "Mellemrum", "Space in Danish");
	label(UIK(KEY_LEFT), "←", "Left as an arrow");
	keys_use_ascii(true);
	label(UIK(KEY_LEFT), "Venstre", "Left in words on a console font without arrows");
	keys_use_ascii(false);
	return tap_done();
}
