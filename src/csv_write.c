/* csv_write.c — CSV for Danish Excel (csv_write.h). */
#include "csv_write.h"

#include <string.h>

static bool file_sink(void *ctx, const char *bytes, size_t len)
{
	return fwrite(bytes, 1, len, ctx) == len;
}

void csv_init(struct csv_writer *w, csv_sink_fn sink, void *ctx)
{
	*w = (struct csv_writer){ .sink = sink, .ctx = ctx };
}

void csv_init_file(struct csv_writer *w, FILE *f)
{
	csv_init(w, file_sink, f);
}

static void put(struct csv_writer *w, const char *bytes, size_t len)
{
	if (!w->failed && len && !w->sink(w->ctx, bytes, len))
		w->failed = true;
}

static void separate(struct csv_writer *w)
{
	if (w->row_started)
		put(w, ";", 1);
	w->row_started = true;
}

void csv_bom(struct csv_writer *w)
{
	put(w, "\xEF\xBB\xBF", 3);
}

/* What Excel would take as the start of a formula. */
static bool looks_like_formula(const char *text)
{
	return text[0] && strchr("=+-@\t\r", text[0]) != NULL;
}

void csv_text(struct csv_writer *w, const char *text)
{
	separate(w);
	if (!text)
		return;
	size_t len = strlen(text);
	bool guard = looks_like_formula(text);
	bool quote = guard || strpbrk(text, ";\"\r\n") != NULL
		|| (len && (text[0] == ' ' || text[len - 1] == ' '));
	if (!quote) {
		put(w, text, len);
		return;
	}
	put(w, "\"", 1);
	if (guard)
		put(w, "'", 1);
	for (const char *p = text; *p;) {
		const char *q = strchr(p, '"');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		put(w, p, n);
		if (!q)
			break;
		put(w, "\"\"", 2);
		p = q + 1;
	}
	put(w, "\"", 1);
}

void csv_number(struct csv_writer *w, long long n)
{
	char buf[32];
	int len = snprintf(buf, sizeof buf, "%lld", n);
	separate(w);
	put(w, buf, (size_t)len);
}

void csv_decimal(struct csv_writer *w, long long scaled, int decimals)
{
	long long unit = 1;
	for (int i = 0; i < decimals; i++)
		unit *= 10;
	bool negative = scaled < 0;
	unsigned long long a = negative ? 0ULL - (unsigned long long)scaled : (unsigned long long)scaled;
	char buf[48];
	int len = decimals > 0
		? snprintf(buf, sizeof buf, "%s%llu,%0*llu", negative ? "-" : "", a / (unsigned long long)unit,
			   decimals, a % (unsigned long long)unit)
		: snprintf(buf, sizeof buf, "%s%llu", negative ? "-" : "", a);
	separate(w);
	put(w, buf, (size_t)len);
}

void csv_end_row(struct csv_writer *w)
{
	put(w, "\r\n", 2);
	w->row_started = false;
}

bool csv_ok(const struct csv_writer *w)
{
	return !w->failed;
}
