/* print.h — the system printer, through CUPS' own commands: `lpstat -d`
 * says whether a default printer is set up, `lp` takes the text. No
 * library: a centre PC without CUPS simply has no printer, and the sheet
 * becomes a file instead. The commands are found on PATH (tests put
 * their own there). */
#ifndef BB_PRINT_H
#define BB_PRINT_H

#include <stdbool.h>
#include <stddef.h>

/* The default printer's name; false when none is set up (or CUPS is not
 * installed). */
bool print_default_printer(char *name, size_t size);

/* Sends plain text to `printer` with a job title; true when lp took it. */
bool print_text(const char *printer, const char *title, const char *text, size_t len);

#endif
