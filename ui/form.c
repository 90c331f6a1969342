/* form.c — the form widget. */
#include "form.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpr.h"
#include "draw.h"
#include "i18n.h"
#include "number.h"
#include "strbuf.h"
#include "term.h"
#include "utf8.h"

static bool takes_cursor(const struct form_field *fld)
{
	return !fld->hidden && fld->kind != FIELD_HEADING;
}

void form_init(struct form *f, struct form_field *fields, int count)
{
	memset(f, 0, sizeof *f);
	f->fields = fields;
	f->count = count;
	for (int i = 0; i < count; i++) {
		struct form_field *fld = &fields[i];
		size_t max = (size_t)fld->max_chars;
		if (fld->kind == FIELD_DATE)
			max = 10;
		else if (fld->kind == FIELD_NUMBER)
			max = (size_t)snprintf(NULL, 0, "%ld", fld->max);
		lineedit_init(&fld->edit, max);
		fld->error[0] = '\0';
		fld->left_out = false;
	}
	form_first(f);
}

void form_first(struct form *f)
{
	for (int i = 0; i < f->count; i++) {
		if (takes_cursor(&f->fields[i])) {
			f->current = i;
			return;
		}
	}
}

void form_set_text(struct form *f, int i, const char *text)
{
	lineedit_set(&f->fields[i].edit, text);
}

/* The values as one number (FNV-1a), to tell them back as they were. */
static uint64_t values_sum(const struct form *f)
{
	uint64_t h = 14695981039346656037ULL;
	for (int i = 0; i < f->count; i++) {
		const struct form_field *fld = &f->fields[i];
		unsigned char bytes[sizeof fld->choice + sizeof fld->picked];
		memcpy(bytes, &fld->choice, sizeof fld->choice);
		memcpy(bytes + sizeof fld->choice, &fld->picked, sizeof fld->picked);
		for (size_t k = 0; k < sizeof bytes; k++)
			h = (h ^ bytes[k]) * 1099511628211ULL;
		/* The text and its end, so "ab","c" is not "a","bc". */
		for (const char *p = fld->edit.text; ; p++) {
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
			if (!*p)
				break;
		}
	}
	return h;
}

bool form_changed(const struct form *f)
{
	return f->dirty && !(f->values_tell && values_sum(f) == f->clean_values);
}

void form_touch(struct form *f)
{
	f->dirty = true;
	f->values_tell = false;
}

void form_note_values(struct form *f)
{
	if (f->dirty)
		return;
	f->clean_values = values_sum(f);
	f->values_tell = true;
}

const char *form_text(const struct form *f, int i)
{
	return f->fields[i].edit.text;
}

int form_find(const struct form *f, const char *key)
{
	for (int i = 0; i < f->count; i++)
		if (f->fields[i].key && strcmp(f->fields[i].key, key) == 0)
			return i;
	return -1;
}

static bool blank(const char *s)
{
	while (*s == ' ')
		s++;
	return !*s;
}

/* A line's spaces before and after its text taken away as the field is
 * left: a name saved as "Akvarelmaling " looked the same as another and
 * was not (a new user's). */
static void trim_line(struct form_field *fld)
{
	const char *t = fld->edit.text;
	size_t start = strspn(t, " \t"), end = strlen(t);
	while (end > start && (t[end - 1] == ' ' || t[end - 1] == '\t'))
		end--;
	if (start == 0 && t[end] == '\0')
		return;
	char kept[sizeof fld->edit.text];
	snprintf(kept, sizeof kept, "%.*s", (int)(end - start), t + start);
	lineedit_set(&fld->edit, kept);
}

bool form_field_date(const struct form_field *fld, struct date *out)
{
	return !blank(fld->edit.text) && date_parse_near(fld->edit.text, fld->date_year, date_today(), out);
}

bool form_date(const struct form *f, int i, struct date *out)
{
	return form_field_date(&f->fields[i], out);
}

void form_date_iso(const struct form *f, int i, char out[DATE_ISO_LEN])
{
	struct date d;
	if (form_date(f, i, &d))
		date_format_iso(d, out);
	else
		out[0] = '\0';
}

long form_number(const struct form *f, int i)
{
	return strtol(form_text(f, i), NULL, 10);
}

void form_set_date_iso(struct form *f, int i, const char *iso)
{
	struct date d;
	char dk[16] = "";
	if (iso && date_parse_iso(iso, &d))
		date_format_dk(d, dk, sizeof dk);
	form_set_text(f, i, dk);
}

uint64_t form_multi_ticks(const struct form_field *fld, const long long *ids, int n)
{
	uint64_t bits = 0;
	for (int i = 0; i < n; i++)
		for (int o = 0; o < fld->noptions && o < FIELD_MAX_OPTIONS; o++)
			if (fld->options[o].id == ids[i])
				bits |= UINT64_C(1) << o;
	return bits;
}

int form_multi_ids(const struct form_field *fld, long long *ids, int max)
{
	int n = 0;
	for (int o = 0; o < fld->noptions && o < FIELD_MAX_OPTIONS && n < max; o++)
		if (fld->picked & (UINT64_C(1) << o))
			ids[n++] = fld->options[o].id;
	return n;
}

bool form_check_field(struct form_field *fld)
{
	const char *t = fld->edit.text;
	fld->error[0] = '\0';
	if (!takes_cursor(fld))
		return true;
	if (fld->kind == FIELD_TEXT && !fld->multiline) {
		trim_line(fld);
		t = fld->edit.text;
	}
	if (fld->kind == FIELD_TEXT || fld->kind == FIELD_DATE || fld->kind == FIELD_NUMBER) {
		if (blank(t)) {
			if (fld->required)
				snprintf(fld->error, sizeof fld->error, _("%s must be filled in."),
					 _(fld->label));
			return !fld->required;
		}
	}
	if (fld->kind == FIELD_DATE) {
		struct date d;
		if (!form_field_date(fld, &d)) {
			date_problem(t, fld->date_year, fld->error, sizeof fld->error);
		} else if (date_guess_far(t, fld->date_year, d, date_today())) {
			char dk[16];
			date_format_dk(d, dk, sizeof dk);
			snprintf(fld->error, sizeof fld->error,
				 _("'%s' would be %s, almost a year from today. Write the year too if that is meant."),
				 t, dk);
		} else if (date_year_left_out(t)) {
			/* "1-12" becomes 01-12-2026 as the field is left, so the
			 * desk sees the year it was given before saving. */
			char dk[16];
			date_format_dk(d, dk, sizeof dk);
			lineedit_set(&fld->edit, dk);
			t = fld->edit.text;
		}
	} else if (fld->kind == FIELD_NUMBER) {
		errno = 0;
		char *end;
		long v = strtol(t, &end, 10);
		char lo[NUMBER_LEN], hi[NUMBER_LEN];
		if (fld->year) {
			snprintf(lo, sizeof lo, "%ld", fld->min);
			snprintf(hi, sizeof hi, "%ld", fld->max);
		} else {
			number_text(fld->min, lo);
			number_text(fld->max, hi);
		}
		if (errno || *end || v < fld->min || v > fld->max)
			snprintf(fld->error, sizeof fld->error, _("Write a whole number from %s to %s."), lo, hi);
	} else if (fld->kind == FIELD_MULTI && fld->required && !fld->picked) {
		snprintf(fld->error, sizeof fld->error, _("Choose at least one in %s."), _(fld->label));
	} else if (fld->kind == FIELD_TEXT && cpr_found(t)) {
		/* Every free-text field, whatever it is for: people write CPR
		 * numbers by habit, and nothing here may keep one. */
		snprintf(fld->error, sizeof fld->error, "%s",
			 _("This looks like a CPR number. Brobygger never needs one, so please leave it out."));
	}
	if (!fld->error[0] && fld->check)
		fld->check(fld, fld->error, sizeof fld->error);
	return !fld->error[0];
}

int form_validate_count(struct form *f)
{
	int first_bad = -1, bad = 0;
	for (int i = 0; i < f->count; i++) {
		if (form_check_field(&f->fields[i]))
			continue;
		bad++;
		if (first_bad < 0)
			first_bad = i;
	}
	if (first_bad >= 0)
		f->current = first_bad;
	return bad;
}

bool form_validate(struct form *f)
{
	return form_validate_count(f) == 0;
}

/* Moves by `dir` to the next field that takes the cursor, if any. The
 * cursor always moves, so typing from a paper card never runs into the
 * wrong field; a field left with a mistake keeps its ! and its message
 * stays in view until the next key. Empty required fields are insisted
 * on when saving only, since a conversation does not go in order. */
static void step(struct form *f, int dir)
{
	struct form_field *cur = &f->fields[f->current];
	f->left_error[0] = '\0';
	f->typed_on_choice_at = 0;
	if (!form_check_field(cur))
		snprintf(f->left_error, sizeof f->left_error, "%s: %s", _(cur->label), cur->error);
	for (int i = f->current + dir; i >= 0 && i < f->count; i += dir) {
		if (takes_cursor(&f->fields[i])) {
			f->current = i;
			return;
		}
	}
}

static bool is_last(const struct form *f)
{
	for (int i = f->current + 1; i < f->count; i++)
		if (takes_cursor(&f->fields[i]))
			return false;
	return true;
}

static unsigned choice_key(struct form *f, struct form_field *fld, ui_key key, enum form_event *ev)
{
	int n = fld->kind == FIELD_YESNO ? 2 : vocab_count(fld->choices);
	if (n <= 0)
		return RD_NONE;
	if (key == UIK_SPACE || key == UIK(KEY_RIGHT))
		fld->choice = (fld->choice + 1) % n;
	else if (key == UIK(KEY_LEFT))
		fld->choice = (fld->choice + n - 1) % n;
	else if (fld->kind == FIELD_YESNO && (key == 'j' || key == 'J' || key == 'y'))
		fld->choice = 1;
	else if (fld->kind == FIELD_YESNO && (key == 'n' || key == 'N'))
		fld->choice = 0;
	else
		return RD_NONE;
	f->dirty = true;
	fld->error[0] = '\0';
	*ev = FORM_CHANGED;
	return RD_BODY;
}

bool form_typing(const struct form *f, ui_key key)
{
	enum field_kind k = f->fields[f->current].kind;
	/* A date or a number has no ? in it: there ? is help (a new user's
	 * was typed into a date and refused as one too many). */
	return k == FIELD_TEXT || ((k == FIELD_DATE || k == FIELD_NUMBER) && key != '?');
}

/* Texts written at length (notes, wishes) wrap over a few rows; the rest
 * keep to one (a long file name is no paragraph). */
enum { WRAP_ROWS = 5 };

static bool wraps(const struct form_field *fld)
{
	return fld->kind == FIELD_TEXT && fld->multiline;
}

/* Letters typed on a choice (one Shift-Tab too many before a note) are
 * said to go nowhere, and the spaces between the words do not change the
 * answer: "hej med dig" went unseen and changed "Fik fat" twice. A space
 * is a word's when it comes in the rhythm of typing, within a second of
 * a letter; one pressed after reading the message changes the choice.
 * '?' still asks for help, and j/n still answer a yes/no. */
enum { WORD_SPACE_SECONDS = 1 };

static bool typed_on_choice(struct form *f, const struct form_field *fld, ui_key key)
{
	bool choice = fld->kind == FIELD_CHOICE || fld->kind == FIELD_YESNO || fld->kind == FIELD_MULTI;
	bool yes_no_key = fld->kind == FIELD_YESNO && (key == 'j' || key == 'J' || key == 'y' || key == 'n' || key == 'N');
	bool letter = !UIK_IS_FUNC(key) && key > UIK_SPACE && key != UIK_DEL_ASCII && key != '?' && !yes_no_key;
	double now = term_seconds();
	bool word_space = key == UIK_SPACE && f->typed_on_choice_at > 0 && now - f->typed_on_choice_at < WORD_SPACE_SECONDS;
	if (!choice || !(letter || word_space)) {
		f->typed_on_choice_at = 0;
		return false;
	}
	f->typed_on_choice_at = now;
	snprintf(f->left_error, sizeof f->left_error, _("%s is a choice, not for writing: Space or Left and Right "
							"change it. Write in a text field."), _(fld->label));
	return true;
}

/* Up, Down, Home and End in a long text go by its lines; Up and Down
 * leave it from its first and last line. Home and End went to the whole
 * note's start and end. */
static bool line_key(struct form *f, struct form_field *fld, ui_key key)
{
	return wraps(fld) && lineedit_wrapped_key(&fld->edit, f->wrap_cols, key);
}

static unsigned key_on(struct form *f, ui_key key, enum form_event *ev)
{
	*ev = FORM_NONE;
	struct form_field *fld = &f->fields[f->current];
	bool moving = key == UIK_TAB || key == UIK_ENTER || key == UIK(KEY_DOWN) || key == UIK(KEY_UP)
		|| key == UIK(KEY_BTAB) || key == UIK(KEY_PPAGE) || key == UIK(KEY_NPAGE);
	if (!moving)
		f->left_error[0] = '\0';
	switch (key) {
	case UIK_CTRL('s'):
	case UIK(KEY_F(10)):
		*ev = FORM_SUBMIT;
		return RD_ALL;
	case UIK_ESC:
		*ev = FORM_CANCEL;
		return RD_ALL;
	case UIK_ENTER:
		if (fld->kind == FIELD_MULTI) {
			*ev = FORM_PICK;
			return RD_ALL;
		}
		/* In a note Enter is taken for a new paragraph: moving on, the
		 * next words went into the next field, and a few more saved the
		 * form (a new user's). A note is one piece of text. */
		if (wraps(fld)) {
			snprintf(f->left_error, sizeof f->left_error, "%s",
				 _("The text is one piece: go on writing. Tab goes to the next field, Ctrl-S saves."));
			return RD_ALL;
		}
		if (is_last(f)) {
			*ev = FORM_SUBMIT;
			return RD_ALL;
		}
		step(f, +1);
		return RD_ALL;
	case UIK(KEY_DOWN):
		if (line_key(f, fld, key))
			return RD_ALL;
		step(f, +1);
		return RD_ALL;
	case UIK(KEY_UP):
		if (line_key(f, fld, key))
			return RD_ALL;
		step(f, -1);
		return RD_ALL;
	case UIK_TAB:
		step(f, +1);
		return RD_ALL;
	case UIK(KEY_BTAB):
		step(f, -1);
		return RD_ALL;
	case UIK(KEY_PPAGE):
		for (int i = 0; i < 10; i++)
			step(f, -1);
		return RD_ALL;
	case UIK(KEY_NPAGE):
		for (int i = 0; i < 10; i++)
			step(f, +1);
		return RD_ALL;
	default:
		break;
	}
	if (typed_on_choice(f, fld, key) || line_key(f, fld, key))
		return RD_ALL;
	if (fld->kind == FIELD_CHOICE || fld->kind == FIELD_YESNO)
		return choice_key(f, fld, key, ev);
	if (fld->kind == FIELD_MULTI) {
		if (key != UIK_SPACE)
			return RD_NONE;
		*ev = FORM_PICK;
		return RD_ALL;
	}
	if (lineedit_key(&fld->edit, key)) {
		if (fld->edit.refused)
			snprintf(fld->error, sizeof fld->error,
				 P_("At most %zu character.", "At most %zu characters.",
				    fld->edit.max_chars), fld->edit.max_chars);
		else
			fld->error[0] = '\0';
		f->dirty = true;
		*ev = FORM_CHANGED;
		return RD_ALL;
	}
	return RD_NONE;
}

unsigned form_key(struct form *f, ui_key key, enum form_event *ev)
{
	form_note_values(f);
	return key_on(f, key, ev);
}

static void multi_text(const struct form_field *fld, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	for (int i = 0; i < fld->noptions && i < FIELD_MAX_OPTIONS; i++) {
		if (!(fld->picked & (UINT64_C(1) << i)))
			continue;
		strbuf_item(&b, ", ", fld->options[i].label);
	}
}

void form_value_text(const struct form_field *fld, char *out, size_t size)
{
	switch (fld->kind) {
	case FIELD_YESNO:
		snprintf(out, size, "%s", fld->choice ? _("Yes") : _("No"));
		break;
	case FIELD_CHOICE:
		snprintf(out, size, "%s", _(fld->choices[fld->choice].label));
		break;
	case FIELD_MULTI:
		multi_text(fld, out, size);
		break;
	default:
		snprintf(out, size, "%s", fld->edit.text);
	}
}

/* Each shown field's rows at this width; returns them all added up. A
 * long text takes up to WRAP_ROWS, and the one being written also the
 * rows the form leaves free. */
static int field_heights(const struct form *f, const int *shown, int nshown, int value_w, int rows, int cur_row,
			 int *height)
{
	int total = 0, want = 1;
	for (int k = 0; k < nshown; k++) {
		const struct form_field *fld = &f->fields[shown[k]];
		int h = 1;
		if (wraps(fld) && value_w > 0)
			h = k == cur_row ? edit_rows(fld->edit.text, fld->edit.cursor, value_w)
					 : edit_text_rows(fld->edit.text, value_w);
		if (k == cur_row)
			want = h;
		h = h < 1 ? 1 : h > WRAP_ROWS ? WRAP_ROWS : h;
		height[k] = h < rows ? h : rows;
		total += height[k];
	}
	if (cur_row < nshown && want > height[cur_row] && total < rows) {
		int more = want - height[cur_row] < rows - total ? want - height[cur_row] : rows - total;
		height[cur_row] += more;
		total += more;
	}
	return total;
}

void form_draw(struct form *f, const struct area *a)
{
	/* The hidden fields' labels count too: a field shown by an answer
	 * (the outcome's "when to call again") does not move the values. */
	int label_w = 0;
	for (int i = 0; i < f->count; i++) {
		if (f->fields[i].kind == FIELD_HEADING)
			continue;
		const char *l = _(f->fields[i].label);
		int w = utf8_columns(l, strlen(l)) + (f->fields[i].required ? 1 : 0);
		if (w > label_w)
			label_w = w;
	}
	/* On a narrow window labels get at most half of the width. */
	if (label_w > a->cols / 2)
		label_w = a->cols / 2;
	int shown[256], nshown = 0, cur_row = 0;
	for (int i = 0; i < f->count && nshown < 256; i++) {
		if (f->fields[i].hidden)
			continue;
		if (i == f->current)
			cur_row = nshown;
		shown[nshown++] = i;
	}
	/* The last two rows are kept for the current field's message. */
	int rows = a->rows - 2;
	if (rows < 1)
		rows = 1;
	/* A form longer than its rows says so, as the lists do: "^" and "v"
	 * in the last column, which the values give up ("no sign that more
	 * fields follow below Adresse", a helper's). */
	int height[256];
	int value_x = a->left + label_w + 2, value_w = draw_row_cols(a->cols, false) - label_w - 2;
	int total = field_heights(f, shown, nshown, value_w, rows, cur_row, height);
	if (total > rows) {
		value_w = draw_row_cols(a->cols, true) - label_w - 2;
		field_heights(f, shown, nshown, value_w, rows, cur_row, height);
	}
	f->wrap_cols = value_w;
	/* In a window of another size the form scrolls as little as the
	 * current field needs, from its top: what scrolled out above in a
	 * small window comes back in a large one. */
	if (rows != f->rows_drawn) {
		f->rows_drawn = rows;
		f->top = 0;
	}
	if (cur_row < f->top)
		f->top = cur_row;
	int below = 0;
	for (int k = f->top; k <= cur_row; k++)
		below += height[k];
	while (below > rows && f->top < cur_row)
		below -= height[f->top++];
	/* Show the heading above the first field when scrolled to it. */
	if (f->top > 0 && f->top == cur_row && f->fields[shown[f->top - 1]].kind == FIELD_HEADING
	    && below + 1 <= rows)
		f->top--;

	int cursor_y = -1, cursor_x = 0, used = 0, k = f->top;
	bool cut = false;
	for (; k < nshown && used < rows; k++) {
		int i = shown[k], h = height[k] < rows - used ? height[k] : rows - used;
		cut = h < height[k];
		struct form_field *fld = &f->fields[i];
		int y = a->top + used;
		used += h;
		if (fld->kind == FIELD_HEADING) {
			draw_text(y, a->left, a->cols, _(fld->label), A_BOLD | A_UNDERLINE);
			continue;
		}
		bool cur = i == f->current;
		char label[200];
		snprintf(label, sizeof label, "%s%s", _(fld->label), fld->required ? "*" : "");
		draw_text(y, a->left, label_w + 1, label, cur ? A_BOLD : A_NORMAL);
		attr_t vattr = cur ? A_REVERSE : (fld->error[0] ? A_BOLD : A_UNDERLINE);
		draw_blank(y, value_x, value_w, vattr);
		if (fld->kind == FIELD_CHOICE || fld->kind == FIELD_YESNO || fld->kind == FIELD_MULTI) {
			char v[1024], shown_text[1100];
			form_value_text(fld, v, sizeof v);
			if (fld->kind == FIELD_MULTI)
				snprintf(shown_text, sizeof shown_text, cur ? "%s  [Enter: %s]" : "%s", v, _("choose"));
			else
				snprintf(shown_text, sizeof shown_text, cur ? "< %s >" : "%s", v);
			/* A value too long for the field ends in "…" while the
			 * field is not being edited. */
			(cur ? draw_text : draw_cell)(y, value_x, value_w, shown_text, vattr);
		} else if (wraps(fld)) {
			/* A note is read back whole as it is written, a line
			 * at a time (it was one line scrolling sideways). */
			int more = draw_edit_wrapped(y, value_x, h, value_w, fld->edit.text,
						     cur ? fld->edit.cursor : EDIT_NO_CURSOR, vattr, &cursor_y, &cursor_x);
			/* What is out of view is said in the label's column, and
			 * while it is written how much room is left: the limit
			 * showed only when it was reached, mid-sentence. */
			if ((more & EDIT_MORE_ABOVE) && h > 1) {
				draw_text(y + 1, a->left, label_w, _("^ more"), A_DIM);
			} else if (cur && h > 1 && fld->max_chars > 0) {
				char count[48];
				snprintf(count, sizeof count, _("%zu of %d"), utf8_length(fld->edit.text), fld->max_chars);
				draw_text(y + 1, a->left, label_w, count, A_DIM);
			}
			if ((more & EDIT_MORE_BELOW) && h > 2)
				draw_text(y + h - 1, a->left, label_w, _("v more"), A_DIM);
		} else {
			/* Scroll long text so the cursor stays in view; a field
			 * left behind shows its beginning again (a long name
			 * reads from the first name, not from the middle). */
			int ccol = lineedit_cursor_column(&fld->edit);
			int offset_cols = cur && ccol >= value_w ? ccol - value_w + 1 : 0;
			size_t skip = utf8_fit(fld->edit.text, offset_cols);
			(cur ? draw_text : draw_cell)(y, value_x, value_w, fld->edit.text + skip, vattr);
			if (cur) {
				cursor_y = y;
				cursor_x = value_x + ccol - utf8_columns(fld->edit.text, skip);
			}
		}
		/* Between the label and the value, where the eye is: at the
		 * value's far end it sat at the window's edge, unseen. */
		if (fld->error[0])
			draw_text(y, value_x - 1, 1, "!", A_BOLD);
	}
	draw_scroll_marks(a->top, a->top + used - 1, a->left + a->cols - 1, f->top > 0, cut || k < nshown);
	struct form_field *cur = &f->fields[f->current];
	const char *message = cur->error[0] ? cur->error : f->left_error;
	if (message[0])
		draw_wrapped(a->top + a->rows - 2, a->left, 2, a->cols, message, A_BOLD);
	if (cursor_y >= 0) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
	}
}

void form_field_take_value(struct form_field *dst, const struct form_field *src)
{
	dst->edit = src->edit;
	dst->choice = src->choice;
	dst->picked = src->picked;
	dst->error[0] = '\0';
}
