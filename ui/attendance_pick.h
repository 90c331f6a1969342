/* attendance_pick.h — a small search-as-you-type chooser over the
 * screen, for a volunteer (who went along, who led, who helped) or an
 * activity (a new session). A screen over the one that asks, like the
 * dialogs of dialog.h, answered through a callback. */
#ifndef BB_ATTENDANCE_PICK_H
#define BB_ATTENDANCE_PICK_H

#include <stdbool.h>

#include "model_attendance.h"

struct app;

enum { PICK_MAX = 200 };

struct pick_row {
	long long id;
	char label[ATT_NAME];
	bool ticked;                  /* shown with [x]: already chosen */
};

/* Fills up to max rows for the folded query; returns how many, or -1
 * after a database error (reported on the status line). */
typedef int (*pick_search_fn)(struct app *app, void *ctx, const char *folded_query, struct pick_row *out,
			      int max);

/* `done` hears the chosen row, or NULL on Esc. With `none_label`, a
 * first row of that name (e.g. "Nobody") has id -1. search_ctx must
 * outlive the chooser (it lives in the asking screen's state). */
struct attendance_pick_args {
	const char *title;
	pick_search_fn search;
	void *search_ctx;
	const char *none_label;
	void (*done)(struct app *app, void *ctx, const struct pick_row *chosen);
	void *ctx;
};
void attendance_pick(struct app *app, const struct attendance_pick_args *args);

/* Volunteers not stopped; ctx NULL, or a struct pick_ticks whose ids are
 * shown ticked. */
struct pick_ticks {
	const long long *ids;
	int n;
};
int attendance_pick_volunteers(struct app *app, void *ctx, const char *folded_query, struct pick_row *out,
			       int max);
/* Active activities; ctx unused. */
int attendance_pick_activities(struct app *app, void *ctx, const char *folded_query, struct pick_row *out,
			       int max);

#endif
