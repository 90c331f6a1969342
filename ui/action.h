/* action.h — the single source of truth for keys: which key does what,
 * its hint on the bottom line and its line in the help screen. The
 * dispatcher, the hint bar and help all read the same tables. */
#ifndef BB_ACTION_H
#define BB_ACTION_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

enum action_id {
	ACT_NONE = 0,
	ACT_QUIT,
	ACT_HELP,
	ACT_BACK,
	ACT_REDRAW,
	ACT_SETTINGS,
	ACT_SEARCH,
	ACT_OPEN,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_FIRST,
	ACT_LAST,
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_SAVE,
	ACT_INTAKE,
	ACT_CITIZENS,
	ACT_DRAFTS,
	ACT_EDIT,
	ACT_NOTE,
	ACT_END,
	ACT_DELETE,
	ACT_KEEP_MINE,
	ACT_KEEP_THEIRS,
	ACT_NEW,
	ACT_PIN,
	ACT_TOGGLE,
	ACT_USERS,
	ACT_LOCK,
	/* attendance (issue 5) */
	ACT_ATTENDANCE,
	ACT_MARK_PRESENT,
	ACT_MARK_EXCUSED,
	ACT_MARK_ABSENT,
	ACT_MARK_CLEAR,
	ACT_ACCOMPANIED,
	ACT_COMPANION,
	ACT_WALK_IN,
	ACT_SESSION_DETAILS,
	ACT_HISTORY,
	ACT_PREV_WEEK,
	ACT_NEXT_WEEK,
	ACT_THIS_WEEK,
	ACT_GOTO_DATE,
	ACT_CANCEL_SESSION,
	ACT_PREV_SESSION,
	ACT_NEXT_SESSION,
	ACT_CARD,
	/* registry and matching (issue 4) */
	ACT_MATCHING,
	ACT_REGISTRY,
	ACT_SWITCH_LIST,
	ACT_PAUSE,
	ACT_CHOOSE,
	ACT_CONFIRM,
	ACT_PROPOSAL,
	ACT_WISHES,
	ACT_ACCEPT,
	ACT_SKIP,
	ACT_END_MATCH,
	ACT_RECOMPUTE,
	/* follow-up calls and measures (issue 6) */
	ACT_CALLS,
	ACT_RECORD,
	ACT_MEASURE,
	ACT_CANCEL_CALL,
	ACT_HANDLED,
	ACT_REFRESH,
	/* data protection (issue 12) */
	ACT_CONSENT,
	ACT_INSIGHT,
	ACT_ANONYMISE,
	ACT_AUDIT,
	ACT_FILTER,
	/* reports and printed sheets (issue 10) */
	ACT_REPORTS,
	ACT_PRINT,
	ACT_PERIOD,
	ACT_WRITE_FILE,
	/* CSV export and import (issue 11) */
	ACT_EXPORT,
	ACT_IMPORT,
	ACT_LOG,
};

enum action_flags {
	ACTF_HIDDEN = 1, /* an alias: listed in help, not on the hint line */
	ACTF_MENU = 2,   /* shown in the screen's menu, not on the hint line */
	/* Only while keys are not text (a choice, a list): Space changes a
	 * choice and ? opens help, but in a text field they are typed. */
	ACTF_NOT_TYPING = 4,
	ACTF_TYPING = 8, /* only while typing text (Ctrl-G for help there) */
};

struct action {
	enum action_id id;
	ui_key key;
	const char *hint; /* N_(): short, for the hint line */
	const char *help; /* N_(): one sentence for the help screen, or NULL */
	unsigned flags;
};

/* Keys every screen understands; tables end with an ACT_NONE entry. */
extern const struct action global_actions[];

/* The screen's own table first, then the global one. */
enum action_id action_for_key(const struct action *screen_table, ui_key key);
/* Whether the entry belongs on the hint line now: not an alias or a menu
 * line, and right for whether the desk is typing text. */
bool action_hinted(const struct action *a, bool typing);
/* Whether the key opens help now: F1 and Ctrl-G always, ? when it is not
 * being typed as text. */
bool action_opens_help(ui_key key, bool typing);
/* For a screen's actions_now: `src` (ending with ACT_NONE, at most n
 * entries with it) copied into dst with each entry that `hide` says does
 * not apply now (to the screen's `state`, for the person signed in)
 * kept off the hint line (ACTF_HIDDEN); its key still answers, saying
 * why not. Returns dst. */
struct app;
const struct action *action_table_hiding(struct action *dst, size_t n, const struct action *src,
					 bool (*hide)(enum action_id id, const void *state, const struct app *app),
					 const void *state, const struct app *app);

#endif
