/* form_draft.c — a form as a draft's text and back (form.h), and its
 * values in words for the insight file. */
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpr.h"
#include "i18n.h"
#include "strbuf.h"

/* A draft sits on disk unchecked, so it must never hold what the form
 * refuses to save: a text that looks like a CPR number stays out of it. */
static bool kept_out_of_draft(const struct form_field *fld)
{
	return fld->kind == FIELD_TEXT && cpr_found(fld->edit.text);
}

/* The marker line of the fields a draft left out: its key is no field's. */
static const char left_out_key[] = "?left_out";

static bool add_line(char **out, size_t *cap, size_t *used, const char *key, const char *value)
{
	size_t need = strlen(key) + strlen(value) + 3;
	if (*used + need > *cap) {
		size_t bigger_cap = (*used + need) * 2;
		char *bigger = realloc(*out, bigger_cap);
		if (!bigger)
			return false;
		*out = bigger;
		*cap = bigger_cap;
	}
	/* need counted the line: it always fits. */
	*used += (size_t)snprintf(*out + *used, *cap - *used, "%s=%s\n", key, value);
	return true;
}

/* The field's value as a draft's line holds it; false for one kept out. */
static bool draft_value(const struct form_field *fld, char *value, size_t size)
{
	if (fld->kind == FIELD_CHOICE || fld->kind == FIELD_YESNO) {
		snprintf(value, size, "%d", fld->choice);
	} else if (fld->kind == FIELD_MULTI) {
		struct strbuf b = strbuf_on(value, size);
		value[0] = '\0';
		for (int o = 0; o < fld->noptions && o < FIELD_MAX_OPTIONS; o++)
			if (fld->picked & (UINT64_C(1) << o))
				strbuf_add(&b, "%s%lld", b.len ? "," : "", fld->options[o].id);
	} else if (kept_out_of_draft(fld)) {
		return false;
	} else {
		snprintf(value, size, "%s", fld->edit.text);
	}
	return true;
}

bool form_draft_ids(const char *data, const char *key, unsigned *bits)
{
	*bits = 0;
	size_t klen = strlen(key);
	for (const char *line = data; line && *line;) {
		const char *end = strchr(line, '\n');
		if (strncmp(line, key, klen) == 0 && line[klen] == '=') {
			for (const char *p = line + klen + 1; *p && *p != '\n';) {
				char *after;
				long id = strtol(p, &after, 10);
				if (after == p)
					break;
				if (id >= 0 && id < 32)
					*bits |= 1u << id;
				p = *after == ',' ? after + 1 : after;
			}
			return true;
		}
		line = end ? end + 1 : NULL;
	}
	return false;
}

/* Whether a draft's text holds the line key=value. */
static bool draft_has(const char *data, const char *key, const char *value)
{
	size_t klen = strlen(key), vlen = strlen(value);
	for (const char *line = data; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (len == klen + 1 + vlen && strncmp(line, key, klen) == 0 && line[klen] == '='
		    && strncmp(line + klen + 1, value, vlen) == 0)
			return true;
		line = end ? end + 1 : NULL;
	}
	return false;
}

char *form_words(const struct form *f, const char *base)
{
	enum { WORDS_BYTES = 32768 };
	char *out = malloc(WORDS_BYTES);
	if (!out)
		return NULL;
	out[0] = '\0';
	struct strbuf b = strbuf_on(out, WORDS_BYTES);
	for (int i = 0; i < f->count; i++) {
		const struct form_field *fld = &f->fields[i];
		char value[LINEEDIT_BYTES], shown[LINEEDIT_BYTES];
		if (!fld->key || fld->kind == FIELD_HEADING || fld->hidden || !draft_value(fld, value, sizeof value))
			continue;
		if (base && draft_has(base, fld->key, value))
			continue;
		form_value_text(fld, shown, sizeof shown);
		/* Emptied is a change too (a phone number taken out). */
		if (!shown[0] && base)
			snprintf(shown, sizeof shown, "%s", _("(emptied)"));
		if (!shown[0])
			continue;
		/* A value that ends a sentence is not followed by "; " too. */
		bool ended = b.len && strchr(".!?", out[b.len - 1]);
		strbuf_add(&b, "%s%s: %s", !b.len ? "" : ended ? " " : "; ", _(fld->label), shown);
	}
	return out;
}

char *form_serialise(const struct form *f)
{
	size_t cap = 1024, used = 0;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	out[0] = '\0';
	char left_out[LINEEDIT_BYTES] = "";
	struct strbuf lb = strbuf_on(left_out, sizeof left_out);
	for (int i = 0; i < f->count; i++) {
		const struct form_field *fld = &f->fields[i];
		if (!fld->key || fld->kind == FIELD_HEADING)
			continue;
		char value[LINEEDIT_BYTES];
		if (!draft_value(fld, value, sizeof value)) {
			strbuf_item(&lb, ",", fld->key);
			continue;
		}
		if (!add_line(&out, &cap, &used, fld->key, value)) {
			free(out);
			return NULL;
		}
	}
	if (left_out[0] && !add_line(&out, &cap, &used, left_out_key, left_out)) {
		free(out);
		return NULL;
	}
	return out;
}

static int labels_of(const struct form *f, bool (*which)(const struct form_field *), char *labels, size_t size)
{
	struct strbuf b = strbuf_on(labels, size);
	labels[0] = '\0';
	int n = 0;
	for (int i = 0; i < f->count; i++) {
		const struct form_field *fld = &f->fields[i];
		if (!fld->key || fld->kind == FIELD_HEADING || !which(fld))
			continue;
		strbuf_item(&b, ", ", _(fld->label));
		n++;
	}
	return n;
}

int form_draft_leaves_out(const struct form *f, char *labels, size_t size)
{
	return labels_of(f, kept_out_of_draft, labels, size);
}

static bool was_left_out(const struct form_field *fld)
{
	return fld->left_out;
}

int form_draft_left_out(const struct form *f, char *labels, size_t size)
{
	return labels_of(f, was_left_out, labels, size);
}

static void mark_left_out(struct form *f, char *keys)
{
	for (char *tok = strtok(keys, ","); tok; tok = strtok(NULL, ",")) {
		int i = form_find(f, tok);
		if (i >= 0)
			f->fields[i].left_out = true;
	}
}

void form_deserialise(struct form *f, const char *data)
{
	const char *line = data;
	while (line && *line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *eq = memchr(line, '=', len);
		if (eq) {
			char key[64], value[LINEEDIT_BYTES];
			snprintf(key, sizeof key, "%.*s", (int)(eq - line), line);
			snprintf(value, sizeof value, "%.*s", (int)(len - (size_t)(eq - line) - 1), eq + 1);
			int i = form_find(f, key);
			if (strcmp(key, left_out_key) == 0)
				mark_left_out(f, value);
			if (i >= 0) {
				struct form_field *fld = &f->fields[i];
				if (fld->kind == FIELD_CHOICE || fld->kind == FIELD_YESNO) {
					long c = strtol(value, NULL, 10);
					int n = fld->kind == FIELD_YESNO ? 2 : vocab_count(fld->choices);
					fld->choice = c >= 0 && c < n ? (int)c : 0;
				} else if (fld->kind == FIELD_MULTI) {
					fld->picked = 0;
					for (char *tok = strtok(value, ","); tok; tok = strtok(NULL, ",")) {
						long long id = strtoll(tok, NULL, 10);
						for (int o = 0; o < fld->noptions && o < FIELD_MAX_OPTIONS; o++)
							if (fld->options[o].id == id)
								fld->picked |= UINT64_C(1) << o;
					}
				} else {
					lineedit_set(&fld->edit, value);
				}
			}
		}
		line = end ? end + 1 : NULL;
	}
}
