/* cpr.h — the program never asks for a CPR number and refuses text that
 * looks like one (DDMMYY-XXXX, DDMMYYXXXX, DDMMYY XXXX with a real date),
 * so one does not slip into a free-text field by habit. */
#ifndef BB_CPR_H
#define BB_CPR_H

#include <stdbool.h>

bool cpr_found(const char *text);

#endif
