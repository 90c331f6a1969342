/* form.h — a form of labelled fields, all by keyboard: text with UTF-8
 * line editing, dates typed the Danish way, numbers, choices and yes/no.
 * Each field is checked when it is left and the whole form on save; the
 * message says in words what is wrong and the field keeps what was typed. */
#ifndef BB_FORM_H
#define BB_FORM_H

#include <stdbool.h>

#include "date.h"
#include "lineedit.h"
#include "screen.h"

enum field_kind { FIELD_TEXT, FIELD_DATE, FIELD_NUMBER, FIELD_CHOICE, FIELD_YESNO };

enum { FIELD_ERROR_MAX = 200 };

struct form_field {
	const char *label;             /* N_() */
	enum field_kind kind;
	bool required;
	int max_chars;                 /* FIELD_TEXT */
	long min, max;                 /* FIELD_NUMBER */
	const char *const *choices;    /* FIELD_CHOICE: N_() labels */
	int nchoices;
	/* state */
	struct lineedit edit;          /* TEXT, DATE, NUMBER */
	int choice;                    /* CHOICE index; YESNO 0 = no, 1 = yes */
	char error[FIELD_ERROR_MAX];
};

enum form_event { FORM_NONE, FORM_SUBMIT, FORM_CANCEL };

struct form {
	struct form_field *fields;
	int count;
	int current;
	int top;
	bool dirty;                    /* anything changed since form_init */
};

void form_init(struct form *f, struct form_field *fields, int count);
void form_set_text(struct form *f, int i, const char *text);
const char *form_text(const struct form *f, int i);
/* For FIELD_DATE fields that validated; false when empty. */
bool form_date(const struct form *f, int i, struct date *out);
long form_number(const struct form *f, int i);

/* Checks one field / all fields, filling their error texts. form_validate
 * moves to the first field in error and returns false if there is one. */
bool form_check_field(struct form_field *fld);
bool form_validate(struct form *f);

unsigned form_key(struct form *f, ui_key key, enum form_event *ev);
void form_draw(struct form *f, const struct area *a);

#endif
