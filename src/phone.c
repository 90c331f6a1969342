/* phone.c — phone numbers for the eye (phone.h). */
#include "phone.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

void phone_shown(const char *stored, char *out, size_t size)
{
	if (size == 0)
		return;
	char digits[24];
	size_t n = 0;
	bool plus = false, other = false;
	for (const char *p = stored; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 < sizeof digits)
				digits[n] = *p;
			n++;
		} else if (*p == '+' && n == 0 && !plus) {
			plus = true;
		} else if (*p != ' ' && *p != '-') {
			other = true;
		}
	}
	const char *local = NULL;
	if (!other && !plus && n == 8)
		local = digits;
	else if (!other && plus && n == 10 && digits[0] == '4' && digits[1] == '5')
		local = digits + 2;
	else if (!other && !plus && n == 12 && strncmp(digits, "0045", 4) == 0)
		local = digits + 4;
	if (!local) {
		snprintf(out, size, "%s", stored);
		return;
	}
	snprintf(out, size, "%.2s %.2s %.2s %.2s", local, local + 2, local + 4, local + 6);
}
