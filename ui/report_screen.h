/* report_screen.h — home key 6 (Reports): the funders' report for a
 * chosen period, and writing it to a file (coordinators). */
#ifndef BB_REPORT_SCREEN_H
#define BB_REPORT_SCREEN_H

struct app;

void report_open(struct app *app);

#endif
