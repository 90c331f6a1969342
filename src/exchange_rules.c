/* exchange_rules.c — the import's rules (exchange_rules.h). */
#include "exchange_rules.h"

#include <stdio.h>
#include <string.h>

#include "citizen_rules.h"
#include "fold.h"
#include "i18n.h"
#include "model_limits.h"

enum import_same exchange_rule_same_person(const struct exchange_person *a, const struct exchange_person *b)
{
	char pa_buf[CIT_SHORT], pb_buf[CIT_SHORT];
	const char *pa = citizen_rule_phone_digits(a->phone, pa_buf, sizeof pa_buf);
	const char *pb = citizen_rule_phone_digits(b->phone, pb_buf, sizeof pb_buf);
	bool phones = pa[0] && pb[0];
	if (phones && strcmp(pa, pb) == 0)
		return SAME_PHONE;
	char na[CIT_NAME], nb[CIT_NAME];
	fold_search(a->name, na, sizeof na);
	fold_search(b->name, nb, sizeof nb);
	if (!na[0] || strcmp(na, nb) != 0)
		return SAME_NOT;
	if (a->birth_year && b->birth_year)
		return a->birth_year == b->birth_year ? SAME_NAME_YEAR : SAME_NOT;
	return phones ? SAME_NOT : SAME_NAME;
}

bool exchange_rule_same_activity(const char *a, const char *b)
{
	char na[CIT_NAME], nb[CIT_NAME];
	fold_search(a, na, sizeof na);
	fold_search(b, nb, sizeof nb);
	return na[0] && strcmp(na, nb) == 0;
}

static bool folds_to(const char *text, const char *folded)
{
	char f[256];
	fold_search(text, f, sizeof f);
	return strcmp(f, folded) == 0;
}

bool exchange_rule_code(const struct vocab *list, const char *cell, const char **code)
{
	char f[256];
	fold_search(cell, f, sizeof f);
	for (const struct vocab *v = list; v->code; v++) {
		if (!f[0] ? !v->code[0]
			  : (v->code[0] && (folds_to(v->code, f) || folds_to(_(v->label), f) || folds_to(v->label, f)))) {
			*code = v->code;
			return true;
		}
	}
	/* "Not given" is the empty entry in words. */
	for (const struct vocab *v = list; v->code; v++) {
		if (!v->code[0] && f[0] && (folds_to(_(v->label), f) || folds_to(v->label, f))) {
			*code = v->code;
			return true;
		}
	}
	return false;
}

bool exchange_rule_yes_no(const char *cell, bool *yes)
{
	static const char *const yes_words[] = { "ja", "j", "yes", "y", "x", "1", "sand", "true" };
	static const char *const no_words[] = { "", "nej", "n", "no", "0", "falsk", "false" };
	char f[32];
	fold_search(cell, f, sizeof f);
	if (folds_to(_("Yes"), f) && f[0]) {
		*yes = true;
		return true;
	}
	if (folds_to(_("No"), f) && f[0]) {
		*yes = false;
		return true;
	}
	/* "x" folds to "x", but a lone punctuation mark folds to "". */
	if (!f[0] && cell[strspn(cell, " ")] != '\0') {
		char t[8];
		exchange_rule_trim(cell, t, sizeof t);
		if (strcmp(t, "✓") == 0 || strcmp(t, "✔") == 0) {
			*yes = true;
			return true;
		}
		return false;
	}
	for (size_t i = 0; i < sizeof yes_words / sizeof yes_words[0]; i++)
		if (strcmp(f, yes_words[i]) == 0) {
			*yes = true;
			return true;
		}
	for (size_t i = 0; i < sizeof no_words / sizeof no_words[0]; i++)
		if (strcmp(f, no_words[i]) == 0) {
			*yes = false;
			return true;
		}
	return false;
}

int exchange_rule_list(const char *cell, bool (*each)(void *ctx, const char *item), void *ctx)
{
	int n = 0;
	for (const char *p = cell; *p;) {
		size_t len = strcspn(p, ",;\r\n");
		char item[1024];
		if (len >= sizeof item)
			len = sizeof item - 1;
		memcpy(item, p, len);
		item[len] = '\0';
		char trimmed[1024];
		exchange_rule_trim(item, trimmed, sizeof trimmed);
		if (trimmed[0]) {
			n++;
			if (!each(ctx, trimmed))
				return n;
		}
		p += strcspn(p, ",;\r\n");
		if (*p)
			p++;
	}
	return n;
}

void exchange_rule_postcode(const char *cell, char out[8])
{
	char t[8];
	exchange_rule_trim(cell, t, sizeof t);
	if (strlen(t) == 3 && strspn(t, "0123456789") == 3)
		snprintf(out, 8, "0%.3s", t);
	else
		snprintf(out, 8, "%s", t);
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

void exchange_rule_time(const char *cell, char out[16])
{
	exchange_rule_trim(cell, out, 16);
	size_t n = strlen(out);
	/* H:MM:SS or HH:MM:SS */
	if ((n == 7 || n == 8) && out[n - 3] == ':' && out[n - 6] == ':' && digits(out + n - 2, 2)
	    && digits(out + n - 5, 2) && digits(out, n - 6))
		out[n - 3] = '\0';
}

void exchange_rule_date(const char *cell, char out[32])
{
	exchange_rule_trim(cell, out, 32);
	static const char *const midnight[] = { " 00:00:00", " 0:00:00", " 00:00", " 0:00" };
	size_t n = strlen(out);
	for (size_t i = 0; i < sizeof midnight / sizeof midnight[0]; i++) {
		size_t m = strlen(midnight[i]);
		if (n > m && strcmp(out + n - m, midnight[i]) == 0) {
			out[n - m] = '\0';
			return;
		}
	}
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

size_t exchange_rule_trimmed(const char *cell, const char **start)
{
	while (blank(*cell))
		cell++;
	size_t n = strlen(cell);
	while (n > 0 && blank(cell[n - 1]))
		n--;
	*start = cell;
	return n;
}

void exchange_rule_trim(const char *cell, char *out, size_t size)
{
	size_t n = exchange_rule_trimmed(cell, &cell);
	if (n >= size) {
		/* Cut at a character boundary. */
		n = size - 1;
		while (n > 0 && ((unsigned char)cell[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, cell, n);
	out[n] = '\0';
}
