/* form.c — the form widget. */
#include "form.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "utf8.h"

void form_init(struct form *f, struct form_field *fields, int count)
{
	memset(f, 0, sizeof *f);
	f->fields = fields;
	f->count = count;
	for (int i = 0; i < count; i++) {
		struct form_field *fld = &fields[i];
		size_t max = fld->kind == FIELD_DATE ? 10 : fld->kind == FIELD_NUMBER ? 12
			: (size_t)fld->max_chars;
		lineedit_init(&fld->edit, max);
		fld->error[0] = '\0';
	}
}

void form_set_text(struct form *f, int i, const char *text)
{
	lineedit_set(&f->fields[i].edit, text);
}

const char *form_text(const struct form *f, int i)
{
	return f->fields[i].edit.text;
}

static bool blank(const char *s)
{
	while (*s == ' ')
		s++;
	return !*s;
}

bool form_date(const struct form *f, int i, struct date *out)
{
	return !blank(form_text(f, i)) && date_parse(form_text(f, i), out);
}

long form_number(const struct form *f, int i)
{
	return strtol(form_text(f, i), NULL, 10);
}

bool form_check_field(struct form_field *fld)
{
	const char *t = fld->edit.text;
	fld->error[0] = '\0';
	if (fld->kind == FIELD_CHOICE || fld->kind == FIELD_YESNO)
		return true;
	if (blank(t)) {
		if (fld->required)
			snprintf(fld->error, sizeof fld->error, _("%s must be filled in."),
				 _(fld->label));
		return !fld->required;
	}
	if (fld->kind == FIELD_DATE) {
		struct date d;
		if (!date_parse(t, &d))
			snprintf(fld->error, sizeof fld->error,
				 _("'%s' is not a valid date. Write it as day-month-year, e.g. 26-11-2026."), t);
	} else if (fld->kind == FIELD_NUMBER) {
		errno = 0;
		char *end;
		long v = strtol(t, &end, 10);
		if (errno || *end || v < fld->min || v > fld->max)
			snprintf(fld->error, sizeof fld->error,
				 _("Write a whole number from %ld to %ld."), fld->min, fld->max);
	}
	return !fld->error[0];
}

bool form_validate(struct form *f)
{
	int first_bad = -1;
	for (int i = 0; i < f->count; i++)
		if (!form_check_field(&f->fields[i]) && first_bad < 0)
			first_bad = i;
	if (first_bad >= 0)
		f->current = first_bad;
	return first_bad < 0;
}

static void move_to(struct form *f, int i)
{
	if (i < 0 || i >= f->count)
		return;
	form_check_field(&f->fields[f->current]);
	f->current = i;
}

unsigned form_key(struct form *f, ui_key key, enum form_event *ev)
{
	*ev = FORM_NONE;
	struct form_field *fld = &f->fields[f->current];
	switch (key) {
	case UIK(KEY_F(10)):
		*ev = FORM_SUBMIT;
		return RD_ALL;
	case UIK_ESC:
		*ev = FORM_CANCEL;
		return RD_ALL;
	case UIK_ENTER:
		if (f->current + 1 == f->count) {
			*ev = FORM_SUBMIT;
			return RD_ALL;
		}
		move_to(f, f->current + 1);
		return RD_ALL;
	case UIK_TAB:
	case UIK(KEY_DOWN):
		move_to(f, f->current + 1);
		return RD_ALL;
	case UIK(KEY_BTAB):
	case UIK(KEY_UP):
		move_to(f, f->current - 1);
		return RD_ALL;
	default:
		break;
	}
	if (fld->kind == FIELD_CHOICE || fld->kind == FIELD_YESNO) {
		int n = fld->kind == FIELD_YESNO ? 2 : fld->nchoices;
		if (key == UIK_SPACE || key == UIK(KEY_RIGHT)) {
			fld->choice = (fld->choice + 1) % n;
		} else if (key == UIK(KEY_LEFT)) {
			fld->choice = (fld->choice + n - 1) % n;
		} else if (fld->kind == FIELD_YESNO && (key == 'j' || key == 'J' || key == 'y')) {
			fld->choice = 1;
		} else if (fld->kind == FIELD_YESNO && (key == 'n' || key == 'N')) {
			fld->choice = 0;
		} else {
			return RD_NONE;
		}
		f->dirty = true;
		return RD_BODY;
	}
	if (lineedit_key(&fld->edit, key)) {
		if (fld->edit.refused)
			snprintf(fld->error, sizeof fld->error,
				 P_("At most %zu character.", "At most %zu characters.",
				    fld->edit.max_chars), fld->edit.max_chars);
		else
			fld->error[0] = '\0';
		f->dirty = true;
		return RD_ALL;
	}
	return RD_NONE;
}

static const char *field_value_text(const struct form_field *fld)
{
	if (fld->kind == FIELD_YESNO)
		return fld->choice ? _("Yes") : _("No");
	if (fld->kind == FIELD_CHOICE)
		return fld->nchoices ? _(fld->choices[fld->choice]) : "";
	return fld->edit.text;
}

void form_draw(struct form *f, const struct area *a)
{
	int label_w = 0;
	for (int i = 0; i < f->count; i++) {
		int w = utf8_columns(_(f->fields[i].label), strlen(_(f->fields[i].label)));
		if (w > label_w)
			label_w = w;
	}
	/* On a narrow window labels get at most a third of the width. */
	if (label_w > a->cols / 3)
		label_w = a->cols / 3;
	int value_x = a->left + label_w + 2, value_w = a->cols - label_w - 2;
	/* One row per field plus one for the current field's message. */
	int rows = a->rows - 1;
	if (rows < 1)
		rows = 1;
	if (f->current < f->top)
		f->top = f->current;
	if (f->current >= f->top + rows)
		f->top = f->current - rows + 1;

	int cursor_y = -1, cursor_x = 0;
	for (int r = 0; r < rows && f->top + r < f->count; r++) {
		int i = f->top + r;
		struct form_field *fld = &f->fields[i];
		bool cur = i == f->current;
		int y = a->top + r;
		char label[160];
		snprintf(label, sizeof label, "%s%s", _(fld->label), fld->required ? "*" : "");
		draw_text(y, a->left, label_w + 1, label, cur ? A_BOLD : A_NORMAL);
		attr_t vattr = cur ? A_REVERSE : (fld->error[0] ? A_BOLD : A_UNDERLINE);
		draw_blank(y, value_x, value_w, vattr);
		const char *v = field_value_text(fld);
		int offset_cols = 0;
		if (fld->kind == FIELD_CHOICE || fld->kind == FIELD_YESNO) {
			char shown[200];
			snprintf(shown, sizeof shown, cur ? "< %s >" : "%s", v);
			draw_text(y, value_x, value_w, shown, vattr);
		} else {
			/* Scroll long text so the cursor stays in view. */
			int ccol = lineedit_cursor_column(&fld->edit);
			if (ccol >= value_w)
				offset_cols = ccol - value_w + 1;
			size_t skip = utf8_fit(v, offset_cols);
			draw_text(y, value_x, value_w, v + skip, vattr);
			if (cur) {
				cursor_y = y;
				cursor_x = value_x + ccol - utf8_columns(v, skip);
			}
		}
		if (fld->error[0])
			draw_text(y, value_x + value_w - 1, 1, "!", A_BOLD);
	}
	struct form_field *cur = &f->fields[f->current];
	if (cur->error[0])
		draw_wrapped(a->top + a->rows - 1, a->left, 1, a->cols, cur->error, A_BOLD);
	if (cursor_y >= 0) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
	}
}
