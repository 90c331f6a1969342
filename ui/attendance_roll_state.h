/* attendance_roll_state.h — the roll list's state, shared by its keys
 * and marks (attendance_roll.c) and its drawing (attendance_roll_draw.c);
 * no other screen reads it. */
#ifndef BB_ATTENDANCE_ROLL_STATE_H
#define BB_ATTENDANCE_ROLL_STATE_H

#include <stdbool.h>

#include "attendance.h"
#include "lineedit.h"
#include "screen.h"

struct app;

enum { ROLL_CHANGED_MAX = 64 };

struct roll_state {
	long long session_id;
	long long *shown;             /* attendance_roll_args.shown */
	struct roll roll;
	struct roll_summary sum;
	struct volunteer_ref helpers[ATT_HELPERS];
	int nhelpers;
	int selected, top, page_rows;
	int widest;                   /* the longest name as shown, in columns */
	long long select_id;          /* after reading, put the cursor here */
	bool viewed;                  /* this session's opening is in the audit log */
	/* The marks rehearsed while the desk idles (attendance_rehearse_mark):
	 * everyone on a list not yet done once, from the first unmarked
	 * person on (corrections are marks too); none on a list all marked.
	 * Decided when the list is opened or another session shown, not on
	 * every reading of it. */
	int ahead_from, ahead_done;
	long long readied;            /* whose mark's pages were read last (attendance_ready_mark) */
	bool finding;                 /* the find line has the keyboard */
	struct lineedit find;
	/* Marks another desk changed, shown with a * until this desk marks
	 * the person itself. */
	long long changed[ROLL_CHANGED_MAX];
	int nchanged;
	/* A mark held back while the desk is asked whether to replace
	 * another desk's recent one. */
	struct {
		long long citizen_id;
		char mark[ATT_CODE];
		char other[ATT_CODE];
		long long companion;
		bool advance;
	} asking;
};

/* Whether another desk changed the person's mark since this desk last
 * marked them (shown with a *). */
bool roll_changed_elsewhere(const struct roll_state *st, long long citizen_id);
/* Whether the session shown is cancelled. */
bool roll_cancelled(const struct roll_state *st);
/* The widest name as the list shows it, namesakes told apart. */
int roll_widest_name(const struct roll_state *st);
/* The screen's .draw: header, counts, the rows and the find line. */
void roll_draw(struct screen *s, struct app *app, const struct area *a);

#endif
