/* tap.h — the smallest test harness that says what failed: each check
 * prints a TAP line, and tap_done() prints the plan and the exit status.
 * meson runs the programs with protocol 'tap'. */
#ifndef BB_TAP_H
#define BB_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

#define TAP_CHECK(cond, ...) tap_check_((cond), #cond, __FILE__, __LINE__, __VA_ARGS__)

__attribute__((format(printf, 5, 6), unused)) static void
tap_check_(int ok, const char *expr, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	tap_n++;
	printf("%s %d - ", ok ? "ok" : "not ok", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!ok) {
		tap_failed++;
		printf("#   failed: %s at %s:%d\n", expr, file, line);
	}
}

#define TAP_STR_EQ(got, want, ...) do { \
	const char *g_ = (got), *w_ = (want); \
	int ok_ = g_ && w_ && strcmp(g_, w_) == 0; \
	TAP_CHECK(ok_, __VA_ARGS__); \
	if (!ok_) printf("#   got:  '%s'\n#   want: '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

#define TAP_INT_EQ(got, want, ...) do { \
	long long g_ = (got), w_ = (want); \
	TAP_CHECK(g_ == w_, __VA_ARGS__); \
	if (g_ != w_) printf("#   got:  %lld\n#   want: %lld\n", g_, w_); \
} while (0)

__attribute__((unused)) static int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
