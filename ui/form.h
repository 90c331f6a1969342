/* form.h — a form of labelled fields, all by keyboard: text with UTF-8
 * line editing, dates typed the Danish way, numbers, choices, yes/no and
 * multiple choice from a list, under section headings. Each field is
 * checked when it is left and the whole form on save; the message says in
 * words what is wrong and the field keeps what was typed. */
#ifndef BB_FORM_H
#define BB_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "lineedit.h"
#include "screen.h"
#include "vocab.h"

enum field_kind {
	FIELD_HEADING, /* a section title; never has the cursor */
	FIELD_TEXT,
	FIELD_DATE,
	FIELD_NUMBER,
	FIELD_CHOICE,
	FIELD_YESNO,
	FIELD_MULTI,   /* several of a list; Enter opens the chooser */
};

enum { FIELD_ERROR_MAX = 240, FIELD_MAX_OPTIONS = 64 };

/* An option of a FIELD_MULTI: an id (pick-list row or a code number)
 * and its label, already translated if it needs to be. */
struct form_option {
	long long id;
	const char *label;
};

struct form_field;
/* Extra check after the kind's own; writes a message and returns false. */
typedef bool (*field_check)(const struct form_field *fld, char *err, size_t size);

struct form_field {
	const char *key;               /* stable name, for drafts */
	const char *label;             /* N_() */
	enum field_kind kind;
	bool required;
	bool hidden;                   /* not shown and skipped, e.g. handover when not handed over */
	bool multiline;                /* FIELD_TEXT written at length (a note): wraps over rows */
	int max_chars;                 /* FIELD_TEXT */
	long min, max;                 /* FIELD_NUMBER */
	bool year;                     /* FIELD_NUMBER of a year: no thousands point (1968, not 1.968) */
	enum date_year_rule date_year; /* FIELD_DATE: what "1-12" without a year means; the
					* default, DATE_YEAR_WRITTEN, never guesses */
	const struct vocab *choices;   /* FIELD_CHOICE */
	struct form_option *options;   /* FIELD_MULTI */
	int noptions;
	field_check check;
	/* state */
	struct lineedit edit;          /* TEXT, DATE, NUMBER */
	int choice;                    /* CHOICE index; YESNO 0 = no, 1 = yes */
	uint64_t picked;               /* MULTI: bit i = options[i] chosen */
	char error[FIELD_ERROR_MAX];
	bool left_out;                 /* the draft it came from left its text out */
};

enum form_event {
	FORM_NONE,
	FORM_SUBMIT,
	FORM_CANCEL,
	FORM_PICK,     /* Enter on a FIELD_MULTI: the screen opens the chooser */
	FORM_CHANGED,  /* the current field's value changed */
};

struct form {
	struct form_field *fields;
	int count;
	int current;
	int top;
	int rows_drawn;                /* the rows `top` was scrolled for */
	int wrap_cols;                 /* the width long texts were wrapped at, when last drawn */
	double typed_on_choice_at;     /* term_seconds() of a letter typed on a choice, 0: none */
	bool dirty;                    /* anything changed since form_init (see form_changed) */
	bool values_tell;              /* the change is in the values alone (typed, ticked) */
	uint64_t clean_values;         /* form_values_sum before it, when values_tell */
	char left_error[FIELD_ERROR_MAX + 120]; /* the message of the field just left */
};

void form_init(struct form *f, struct form_field *fields, int count);
/* Whether there is work to keep or lose: a change made and not undone.
 * Typed and ticked changes are told by the values, so a letter typed and
 * deleted again, or a box ticked and unticked, is none. */
bool form_changed(const struct form *f);
/* A change the values do not show, or must count even when they are as
 * before (a draft taken up, a helper chosen): always a change. */
void form_touch(struct form *f);
/* Before a change of values made outside form_key (the chooser): while
 * nothing is changed yet, the values as they are now are the clean ones. */
void form_note_values(struct form *f);
void form_set_text(struct form *f, int i, const char *text);
const char *form_text(const struct form *f, int i);
/* For FIELD_DATE fields that validated; false when empty. */
bool form_date(const struct form *f, int i, struct date *out);
/* The same for one field: its text read by its date_year rule as seen
 * from today. */
bool form_field_date(const struct form_field *fld, struct date *out);
/* The ISO form of a valid date field, or "" when empty/invalid. */
void form_date_iso(const struct form *f, int i, char out[DATE_ISO_LEN]);
long form_number(const struct form *f, int i);
/* Puts a stored ISO date into a date field as the desk writes it; an
 * empty or unreadable one leaves the field empty. */
void form_set_date_iso(struct form *f, int i, const char *iso);
/* A FIELD_MULTI's ticks for the option ids given, and back: the ids of
 * the ticked options (at most max); returns how many. */
uint64_t form_multi_ticks(const struct form_field *fld, const long long *ids, int n);
int form_multi_ids(const struct form_field *fld, long long *ids, int max);
/* Index of the field with this key, or -1. */
int form_find(const struct form *f, const char *key);

/* Checks one field / all visible fields, filling their error texts.
 * form_validate moves to the first field in error and returns false. */
bool form_check_field(struct form_field *fld);
bool form_validate(struct form *f);
/* The same, returning how many fields are in error (0: all is well). */
int form_validate_count(struct form *f);
/* Moves the cursor to the first field that can take it. */
void form_first(struct form *f);

/* The value as shown to people: the text, the choice's word, "Yes"/"No",
 * or the chosen options joined by commas. */
void form_value_text(const struct form_field *fld, char *out, size_t size);

/* Gives dst the value src holds (text, choice or ticks): merging two
 * versions of the same form. */
void form_field_take_value(struct form_field *dst, const struct form_field *src);

/* Ctrl-S and F10 save (FORM_SUBMIT): F10 alone is not enough, since
 * GNOME Terminal and xfce4-terminal keep it for their menu. */
unsigned form_key(struct form *f, ui_key key, enum form_event *ev);
/* Whether the current field takes letters as text (text, date, number),
 * so that Space and ? are typed; on a choice they are keys. With a key
 * (not 0): whether that key is text there (? in a date is help). */
bool form_typing(const struct form *f, ui_key key);
void form_draw(struct form *f, const struct area *a);

/* Drafts: every field as "key=value" lines (multi: the chosen ids,
 * comma-separated), and back. Unknown keys are ignored. A text that looks
 * like a CPR number never goes into a draft (the form would not save it
 * either): the draft names the field instead, and the field read back
 * from it is empty (or keeps what the form was filled with). */
char *form_serialise(const struct form *f);
void form_deserialise(struct form *f, const char *data);
/* The ids below 32 a draft's line "key=1,3" lists, as bits (bit id);
 * false when the draft has no such line (a field of an older form). */
bool form_draft_ids(const char *data, const char *key, unsigned *bits);
/* The fields shown, in words as the form shows them ("Label: value",
 * joined by "; "), for the citizen's insight file; with `base` (a draft's
 * text), only those whose value differs from it. Fields a draft keeps out
 * and empty ones are left out. Malloc'ed; NULL when memory ran out. */
char *form_words(const struct form *f, const char *base);
/* The fields a draft made now would leave out, their labels joined with
 * ", " (translated); returns how many. */
int form_draft_leaves_out(const struct form *f, char *labels, size_t size);
/* The fields the draft just read back had left out, the same way. */
int form_draft_left_out(const struct form *f, char *labels, size_t size);

#endif
