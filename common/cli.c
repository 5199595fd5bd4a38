/*
 * Option helpers shared by the commands.
 */
#include <err.h>
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

size_t
lede_cli_paracap(const char *arg)
{
	const char	*why;
	size_t		 cap;

	if ((why = lede_parse_size(arg, 64, (size_t)1 << 30, &cap)) != NULL)
		errx(2, "paragraph size %s: %s", arg, why);
	return cap;
}

void
lede_cli_splitwarn(const struct lede_input *in, size_t cap, int *warned)
{
	if ((*warned)++ == 0)
		warnx("%s: paragraph longer than %zu bytes split",
		    lede_input_docname(in), cap);
}

int
lede_cli_finish(struct lede_out *out, const struct lede_input *in)
{
	if (lede_out_flush(out) == -1)
		errc(2, lede_out_error(out), "write error");
	return lede_input_failed(in);
}
