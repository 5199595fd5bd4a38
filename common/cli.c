/*
 * Option helpers shared by the commands.
 */
#include <errno.h>
#include <stdlib.h>

#include "cli.h"

const char *
lede_parse_size(const char *arg, size_t min, size_t max, size_t *size)
{
	char			*end;
	unsigned long long	 v, mul = 1;

	if (*arg < '0' || *arg > '9')
		return "invalid";
	errno = 0;
	v = strtoull(arg, &end, 10);
	switch (*end) {
	case 'k': case 'K': mul = 1024; end++; break;
	case 'm': case 'M': mul = 1024 * 1024; end++; break;
	case 'g': case 'G': mul = 1024 * 1024 * 1024; end++; break;
	}
	if (*end != '\0')
		return "invalid";
	if (errno == ERANGE || v > max / mul)
		return "too large";
	v *= mul;
	if (v < min)
		return "too small";
	*size = (size_t)v;
	return NULL;
}
