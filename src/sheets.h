/* sheets.h — paper for the session away from the desk: the roll-call
 * sheet of a session (names in the roll list's order, the phone of a
 * relative who takes part, empty boxes for present / excused / absent /
 * accompanied, room for walk-ins) and the day's follow-up calls (reason,
 * phone and a line for the outcome), printed through CUPS when a printer
 * is set up, else written as a printable HTML file.
 *
 * Reading a sheet is a use case like opening the roll list: anyone
 * signed in may, and every sheet is in the audit log as an export,
 * because the paper leaves the program with names and phone numbers. */
#ifndef BB_SHEETS_H
#define BB_SHEETS_H

#include <stdbool.h>
#include <stdio.h>

#include "desk.h"
#include "model_attendance.h"
#include "model_calls.h"
#include "model_citizen.h"

/* ---------- the roll-call sheet ---------- */

struct roll_sheet_line {
	char name[ATT_NAME];
	char relative[CIT_NAME];        /* the relative who takes part, "" if none */
	char relative_phone[CIT_SHORT];
	char companion[ATT_NAME];       /* the volunteer of their open match, "" if none */
	char mark[ATT_CODE];            /* already marked at the desk, "" if not */
	bool walk_in;
	bool first_time;
};

struct roll_sheet {
	struct session_info session;
	struct roll_sheet_line *lines;  /* the roll list's order */
	int n;
};

struct roll_sheets {
	char date[ATT_DATE];
	struct roll_sheet *sheets;      /* by time, then activity */
	int n;
};

/* The sheets of every session on `date` (ISO) that is not cancelled, or
 * only of `activity_id` (0: all). A weekly slot with no session written
 * yet gets one, as opening its roll list would. */
enum db_status sheets_roll_day(struct desk *d, const char *date, long long activity_id, struct roll_sheets *out);
/* The sheet of one session (the roll list's key p). */
enum db_status sheets_roll_session(struct desk *d, long long session_id, struct roll_sheets *out);
void sheets_roll_free(struct roll_sheets *s);

/* ---------- the day's calls ---------- */

enum { SHEET_MAX_CALLS = 2000 };

struct call_sheet_line {
	char name[CALL_NAME];
	char phone[CALL_PHONE];
	char reason[CALL_CODE];         /* the call's reason code; "" for a raised citizen */
	char due_on[CALL_DATE];
	char due_time[CALL_TIME];
	char responsible[CALL_NAME];    /* "" for the desk */
	int attempts;                   /* raised: calls not reached in a row */
	bool raised;                    /* raised to the coordinator */
};

struct call_sheet {
	char date[CALL_DATE];
	struct call_sheet_line *lines;  /* the call list's order: raised first, then due */
	int n, nraised;
	bool cut;                       /* more than SHEET_MAX_CALLS were due */
};

/* The citizens raised to the coordinator and the open calls due on or
 * before `date`, as the call list shows them. */
enum db_status sheets_calls(struct desk *d, const char *date, struct call_sheet *out);
void sheets_calls_free(struct call_sheet *s);

/* ---------- writing and printing ---------- */

/* Plain text for the printer (80 columns, a form feed between sheets) or
 * a printable HTML page (A4). */
bool sheets_roll_write(const struct roll_sheets *s, bool html, FILE *out);
bool sheets_calls_write(const struct call_sheet *s, bool html, FILE *out);

/* Where a sheet went. */
struct sheet_delivery {
	bool printed;                   /* sent to the printer */
	char printer[128];
	char path[4096];                /* the HTML file written, when not printed */
	bool no_printer;                /* written because no printer is set up */
};

/* Sends the text to the default CUPS printer (lp) when one is set up and
 * `output` is NULL; otherwise, or when printing fails, writes the HTML to
 * `output`, or without one to `default_name` in the current folder. The
 * writer is called with html false or true. False, with a translated
 * message, when nothing could be written. */
typedef bool (*sheet_writer)(const void *sheet, bool html, FILE *out);
bool sheets_deliver(sheet_writer write, const void *sheet, const char *title, const char *output,
		    const char *default_name, struct sheet_delivery *out, char *err, size_t errsize);

/* The screens' key p: one session's sheet, or the calls due up to
 * `date`, to the printer or (without one) an HTML file in the current
 * folder. A sheet that could not be written: DB_ERR_IO, with err
 * saying why. */
enum db_status sheets_print_session(struct desk *d, long long session_id, struct sheet_delivery *out, char *err,
				    size_t errsize);
enum db_status sheets_print_calls(struct desk *d, const char *date, struct sheet_delivery *out, char *err,
				  size_t errsize);

#endif
