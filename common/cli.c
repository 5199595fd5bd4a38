/*
 * Helpers shared by the commands: option arguments and the exit status.
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

int
lede_cli_end(struct lede_out *out, const struct lede_input *in, int *errnum)
{
	if (lede_out_flush(out) == -1) {
		*errnum = lede_out_error(out);
		return 2;
	}
	return lede_input_failed(in);
}
