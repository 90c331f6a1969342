/* bench.h — what every benchmark program shares: a monotonic clock in
 * milliseconds and one way of printing a sample's median, p90, p99 and max.
 * Benchmarks print figures; they are not tests and assert nothing. */
#ifndef BB_BENCH_H
#define BB_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* BENCH_CPU=1 times the CPU this process used instead of the wall clock:
 * on a machine others share, waiting for a core is not the program's. */
static inline double now_ms(void)
{
	static int cpu = -1;
	if (cpu < 0) {
		const char *env = getenv("BENCH_CPU");
		cpu = env && *env == '1';
	}
	struct timespec ts;
	clock_gettime(cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Sorts the samples and prints one line about them. */
static inline void report(const char *what, double *ms, int n)
{
	if (n == 0) {
		printf("%-40s no samples\n", what);
		return;
	}
	qsort(ms, (size_t)n, sizeof *ms, bench_cmp_double);
	int p99 = (int)((double)n * 0.99);
	if (p99 >= n)
		p99 = n - 1;
	printf("%-40s n=%4d  median %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", what, n,
	       ms[n / 2], ms[(int)((double)n * 0.9)], ms[p99], ms[n - 1]);
}

#endif
